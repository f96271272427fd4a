"""One judgement of a sentence pair: do the two sentences report the same fact?

``judge(a, b)`` answers with a kind and a score in [0, 1]:

* ``quote`` - both carry the same quotation (trimmed or extended, curly or
  straight quotes, British or American spelling); a shared quoted title is not
  a quotation, nor is a stock phrase (the shared run must be at least half of
  the shorter quotation).
* ``same`` - the same sentence, near enough word for word (wire copy reused),
  with the same numbers, negation and direction.
* ``similar`` - the same fact in other words.
* ``None`` - different facts (often the same event with a fact added, changed,
  or reversed); always when the two share almost none of their information or
  fewer than two content words, or one says something rose where the other says
  it fell.

The score is the probability, from a logistic regression over the evidence
in ``features.py``, that a person would judge the two sentences to say the
same thing. Its weights are
``judge_model.json``, trained on the MSRP news sentence pairs by
``benchmarks/train_judge.py``; the threshold was chosen by cross-validation
there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import learned
from ..learned import LogisticModel
from .features import NAMES, STOP, Side, features, side
from .sentences import normalize

QUOTE_MIN_WORDS = 5
# a shared run of 5+ quoted words is the same quotation only when it is at least half of
# the shorter one; less is a stock phrase ("peace and stability across the Taiwan Strait")
QUOTE_MIN_SHARE = 0.5
# Two sentences that share less of their information than this (cosine of their rarity-
# weighted content words) do not state the same fact. MSRP has almost no such pairs (3 of
# 4,076 in train, none a paraphrase), so the model's probability means nothing there.
UNRELATED = 0.15
# Nor do two that share fewer content words than this: no paraphrase in MSRP train shares
# fewer than two (17 of 2,753 share exactly two), while two sentences of unrelated stories
# often share one rare word ("So what does this mean?" beside a sentence about DVD formats).
# (Two sentences with the same one content word, "What does it mean?", are left to the model.)
MIN_SHARED_WORDS = 2
SAME_RATIO = 0.85  # character similarity of the normal forms for "same"
QUOTE_MIN_CHARS = 8  # shorter, a quoted word or two is a term ("a farce"), not a quotation
_MARK = re.compile('["“”„]')
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTE_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by",
                          "with", "from"})


# where judge_sides reads the evidence it applies rules to, in a feature vector
_COSINE, _DIRECTION, _NEGATION, _NUMBERS_ONLY_ONE, _CHAR_RATIO = map(NAMES.index, (
    "info_cosine", "direction_mismatch", "negation_mismatch", "numbers_only_one", "char_ratio"))


@dataclass(frozen=True)
class Judgement:
    kind: str | None  # "quote", "same", "similar", or None: not the same fact
    score: float  # in [0, 1]
    quote_words: int = 0  # with "quote": how many quoted words in a row the two share


@lru_cache(maxsize=1)
def model() -> LogisticModel:
    """The shipped model (``judge_model.json``); its ``threshold`` setting is the decision."""
    return learned.load(__package__, "judge_model.json", NAMES, "benchmarks/train_judge.py")


def quoted_parts(text: str) -> list[str]:
    """The quotations in a sentence as written (curly or straight quotes).

    A quotation that spans sentences leaves one sentence with only an opening
    quote and the next with only a closing one; those parts count too. A quoted
    title ("Made in China 2025", a book or a programme) is not a quotation.
    """
    if not has_quote_marks(text):  # most: nothing quoted
        return []
    marks = _read_marks(text)
    parts = [text[start:end] for start, end in marks.spans if end - start >= QUOTE_MIN_CHARS]
    if not parts:
        dangling = _dangling(text, marks)[1].strip()
        parts = [dangling] if dangling else []
    return [part for part in parts if not _is_title(part)]


def has_quote_marks(text: str) -> bool:
    """Whether ``text`` holds a quotation mark, straight or curly."""
    return _MARK.search(text) is not None


@dataclass(frozen=True)
class _Marks:
    spans: list[tuple[int, int]]  # inside each pair of marks that opens and closes here
    opened: int  # a mark that opens a quotation this text does not close, else -1
    closed: int  # a mark that closes a quotation opened before this text, else -1


def _read_marks(text: str) -> _Marks:
    """Pair the quotation marks of ``text``, outermost quotations only.

    A curly opening mark is closed by a curly closing one (straight quotes inside it
    are its own quoting) or, when none follows, by a straight one ("“No room for
    compromise," he said"). A straight mark opens where it stands before a word after a
    space (or at the start, or after a bracket, dash or colon), closes where it follows
    a word, and otherwise (spaces on both sides, as in "... world. " he said) closes
    the quotation open or opens one; one that opens inside a quotation quotes within it.
    A closing mark never opens a quotation: in “a farce” and the mayor said: “It will
    fail. the words between the two are not one.
    """
    spans: list[tuple[int, int]] = []
    opened, curly, depth, closed = -1, False, 0, -1
    for found in _MARK.finditer(text):
        at, mark = found.start(), found.group()
        if mark in "“„":
            opened, curly, depth = at, True, 1
            continue
        if mark == "”":
            if depth:
                spans.append((opened + 1, at))
            elif closed < 0:
                closed = at
            opened, curly, depth = -1, False, 0
            continue
        if text[at - 1:at] == '"':  # a doubled mark ("") is one
            if opened == at - 1:
                opened = at
            continue
        shape = _straight_shape(text, at)
        if shape == "either" and not depth and '"' not in text[at + 1:]:
            shape = "close"  # the last mark, spaced: "... nine years... " Hailey recalled.
        if curly and depth:  # a straight mark inside a curly quotation
            if shape != "open" and "”" not in text[at:]:
                spans.append((opened + 1, at))
                opened, curly, depth = -1, False, 0
            continue
        if shape == "open" or (shape == "either" and not depth):
            if not depth:
                opened = at
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                spans.append((opened + 1, at))
                opened = -1
        elif closed < 0:  # it closes one opened before this text
            closed = at
    return _Marks(spans, opened if depth else -1, closed)


def _straight_shape(text: str, at: int) -> str:
    """How a straight quotation mark stands: "open" (before a word: after a space, at
    the start, or run into the word before, as in of"squabbling), "close" (after a word
    or punctuation, and not before one) or "either" (spaces on both sides)."""
    after_space = at == 0 or text[at - 1].isspace() or text[at - 1] in "([{—–-:"
    before_word = at + 1 < len(text) and not text[at + 1].isspace() \
        and text[at + 1] not in ",.;:!?)]}"
    if not after_space:
        return "open" if before_word and text[at - 1] not in _CLOSING_END else "close"
    return "open" if before_word else "either"


_CLOSING_END = frozenset(",.;:!?)]}'’…\"")  # a mark after these closes a quotation


TERM_WORDS = range(2, 5)  # words of a quoted term: "strategic ambiguity", "actual combat drills"


def quoted_terms(text: str) -> set[tuple[str, ...]]:
    """The quoted terms of a sentence: each quotation it opens and closes that is only two
    to four words (normal form) with at least one not a stop word - the name a report
    gives a policy, a coined phrase, a few words of what someone said. Two reports that
    quote the same term likely report the same thing, however else their sentences
    differ; a longer quotation is a quotation (:func:`quote_score`), one word a term
    any two reports may quote, and a quoted title (every word capitalised) is neither.
    """
    if not has_quote_marks(text):
        return set()
    terms = set()
    for start, end in _read_marks(text).spans:
        part = text[start:end]
        words = tuple(quote_words(part))
        if len(words) in TERM_WORDS and not _is_title(part) and any(
                w not in STOP for w in words):
            terms.add(words)
    return terms


def quotations(text: str) -> list[list[str]]:
    """The word lists (normal form) of the quotations in a sentence (:func:`quoted_parts`)."""
    return [quote_words(part) for part in quoted_parts(text)]


def quote_words(part: str) -> list[str]:
    """The words (normal form) of one quoted part, as :func:`quotations` compares them."""
    return _WORD.findall(normalize(part))


def _is_title(original: str) -> bool:
    """A quoted name or title: every word capitalised (small words aside), no sentence."""
    words = _QUOTE_WORD.findall(original)
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(big) and len(words) <= 8 and all(w[0].isupper() or w[0].isdigit() for w in big)


def dangling_quote(text: str) -> tuple[str, str]:
    """Whether a sentence's quotation goes on after it ("open": it opens and does not
    close) or began before it ("close"), and that part of the sentence; ("", "") when
    every quotation in it is closed."""
    return _dangling(text, _read_marks(text))


def _dangling(text: str, marks: _Marks) -> tuple[str, str]:
    if marks.opened >= 0:
        return "open", text[marks.opened + 1 :]
    if marks.closed >= 0:
        return "close", text[: marks.closed]
    return "", ""


def quote_score(a: list[list[str]], b: list[list[str]]) -> tuple[float, int]:
    """Share of the shorter quotation covered by the longest common run of words, and its
    length; (0, 0) unless the run is long enough to be the same quotation (5 or more
    words and half the shorter one, or 80% of a shorter one of at least 3)."""
    from difflib import SequenceMatcher

    best, size = 0.0, 0
    for qa in a:
        for qb in b:
            if not qa or not qb:
                continue
            match = SequenceMatcher(None, qa, qb, autojunk=False).find_longest_match(
                0, len(qa), 0, len(qb))
            shorter = min(len(qa), len(qb))
            share = match.size / shorter
            long_enough = (match.size >= QUOTE_MIN_WORDS and share >= QUOTE_MIN_SHARE) or (
                shorter >= 3 and share >= 0.8)
            if long_enough and (match.size, match.size / shorter) > (size, best):
                best, size = match.size / shorter, match.size
    return best, size


def too_few_shared(a: Side, b: Side) -> bool:
    """Whether two sentences share too few content words to be one fact: fewer than
    ``MIN_SHARED_WORDS``, unless their content words are the same. Such a pair is judged
    no pair, whatever the model says, with a score of at most ``UNRELATED``; with no
    quotation in common that is all its judgement can say."""
    words_a, words_b = a.content.keys(), b.content.keys()
    return len(words_a & words_b) < MIN_SHARED_WORDS and words_a != words_b


def judge_sides(a: Side, b: Side, quotes_a: list[list[str]] | None = None,
                quotes_b: list[list[str]] | None = None) -> Judgement:
    """:func:`judge` for sentences already analysed (an aligner compares each many times)."""
    values = features(a, b)
    probability = round(model().probability(values), 3)
    quotes_a = quotations(a.text) if quotes_a is None else quotes_a
    quotes_b = quotations(b.text) if quotes_b is None else quotes_b
    if quotes_a and quotes_b:
        _, words = quote_score(quotes_a, quotes_b)
        if words:
            return Judgement("quote", probability, words)
    cosine = values[_COSINE]
    if cosine < UNRELATED:  # the model never saw such pairs: it may say 0.5
        return Judgement(None, min(probability, round(cosine, 3)))
    if too_few_shared(a, b):  # nor such
        return Judgement(None, min(probability, UNRELATED))
    if probability < model().settings["threshold"]:
        return Judgement(None, probability)
    if values[_DIRECTION]:  # one rose where the other fell (MSRP train: 1 in 6 such
        return Judgement(None, probability)  # pairs are paraphrases)
    agree = not (values[_NEGATION] or values[_NUMBERS_ONLY_ONE])
    if agree and values[_CHAR_RATIO] >= SAME_RATIO:
        return Judgement("same", probability)
    return Judgement("similar", probability)


def judge(a: str, b: str) -> Judgement:
    """Whether sentences ``a`` and ``b`` report the same fact, and how sure that is.

    >>> judge("Shares rose 5% on Monday.", "Shares fell 5% on Monday.").kind is None
    True
    """
    return judge_sides(side(a), side(b))
