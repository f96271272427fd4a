"""The name finder the entity layer uses on every article finds exactly the spans of
the regular expression it replaces (one compiled per article, which was slow)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from taiwan_reader_index.entities.mention import NameFinder

WORDS = ["Bank", "bank", "BANK", "of", "China", "china's", "Co.", "U.S.", "Lee", "Lee-Ann",
         "O'Neil", "Straße", "ſtar", "Kelvin", "_x", "9", "Σίσυφος", "’s", "'s", "-", "(",
         ")", ",", "."]
SPACES = [" ", "  ", "\n", "\t", "", " \n "]


def regex_spans(text: str, start: int, end: int, names: list[str], possessive: bool):
    """The pattern the entity layer compiled per article before NameFinder."""
    tail = r"(?=[’']s\b|[^\w’'-]|$)" if possessive else r"(?![\w-])"
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))
        + ")" + tail, re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text, start, end)]


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=400, deadline=None)
@given(text=texts, picks=st.lists(st.tuples(st.integers(0, 29), st.integers(1, 3)), min_size=1,
                                   max_size=5),
       cut=st.tuples(st.integers(0, 6), st.integers(0, 6)), possessive=st.booleans())
def test_same_spans_as_the_regular_expression(text, picks, cut, possessive):
    words = text.split()
    names = [" ".join(words[i:i + n]) for i, n in picks if words[i:i + n]] or ["Bank of China"]
    start, end = min(cut[0], len(text)), max(len(text) - cut[1], 0)
    start = min(start, end)
    finder = NameFinder(names, possessive=possessive)
    assert list(finder.spans(text, start, end)) == regex_spans(text, start, end, names,
                                                               possessive)


def test_whole_words_in_any_case_and_spacing_longest_first():
    text = "The bank of china said Bank of  China's arm, Bank of China Ltd-X and BankofChina."
    finder = NameFinder(["Bank of China", "Bank of China Ltd"])
    found = [text[a:b] for a, b in finder.spans(text, 0, len(text))]
    # "Bank of China Ltd" runs on into "-X": the shorter name is what stands there
    assert found == ["bank of china", "Bank of  China", "Bank of China"]
    # text outside the range given is not seen: a name cut at its end still ends there
    assert list(finder.spans(text, 23, 35)) == []
    assert list(finder.spans(text, 23, 37)) == [(23, 37)]


def test_possessive_takes_only_an_apostrophe_s_after_the_name():
    text = "Lee's book, Lee'd go, Lee"
    assert list(NameFinder(["Lee"]).spans(text, 0, len(text))) == [(0, 3), (12, 15), (22, 25)]
    assert list(NameFinder(["Lee"], possessive=True).spans(text, 0, len(text))) == [
        (0, 3), (22, 25)]
