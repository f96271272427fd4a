"""Quotation tracking across the corpus.

At index time every quotation of at least 3 words is kept in the ``quote_keys``
column of its article as the hashes of its runs of 5 and of 3 normalised words
(or whole, when shorter). To find who else carries a quotation, the hashes of
its runs are looked up (fulltext.quote_table), and each candidate is confirmed
with the same test the comparison uses (a common run of 5+ words, or 80% of the
shorter quotation), so trimmed and extended versions, curly or straight quotes
and British spellings are found.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..articles.article import Article
from .judgement import dangling_quote, has_quote_marks, quote_score, quote_words, quoted_parts
from .sentences import Sentence, sentences

SHINGLE = 5
SHORT = 3  # quotations of 3-4 words are found inside longer ones through 3-word runs


@dataclass(frozen=True)
class Quote:
    text: str  # the sentence (or sentences) that carry it, as written in the article
    words: tuple[str, ...]  # normal form
    start: int  # the sentences' offsets in the file's decoded text
    end: int
    wording: str = ""  # the quotation as written
    speaker: str = ""  # who the sentence says spoke it ("" when it does not say)


@dataclass(frozen=True)
class Carrier:
    id: str
    title: str
    outlet: str
    date: str
    path: str
    score: float
    wording: str = ""  # the quotation as that article words it


_SAY = r"(?:said|says|added|told|stated|noted|wrote|warned|insisted|argued|explained)"
_NAME = r"(?:[A-Z][\w.'’-]*\s+(?:of\s+)?){0,5}[A-Z][\w'’-]+"
_ROLE = (r"(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|"
         r"official|officials|ministry|minister|secretary|statement|source|sources|"
         r"president|senator|lawmaker|analyst|expert|professor|mayor|governor|ambassador|"
         r"envoy|diplomat|chairman|chairwoman|chief|director|executive|commander|general|"
         r"officer|police|prosecutor|lawyer|judge|economist|witness|resident|report)"
         r"(?:\s+of\s+[A-Z][\w’'-]+)?")
_ASIDE = r"(?:\s*\([^)]{1,40}\)|,[^,]{1,80},)?"  # (邱國正), or ", who spoke in Taipei,"
_SPEAKER = [
    re.compile(rf"(?P<who>{_ROLE}|{_NAME}){_ASIDE}\s+{_SAY}\b"),  # Tsai said
    re.compile(r"\b(?:said|says|added|wrote|warned)\s+" + rf"(?P<who>{_ROLE}|{_NAME})"),
    re.compile(rf"\baccording to\s+(?P<who>{_ROLE}|{_NAME})"),
]
_NOT_SPEAKERS = {"He", "She", "They", "It", "We", "I", "The", "This", "That", "But", "And"}


def speaker(sentence: str, wording: str = "") -> str:
    """Who ``sentence`` says spoke its quotation: "Tsai said", "said Jean-Pierre",
    "a Pentagon spokesman told…", "according to …"; "" when it names nobody."""
    outside = sentence.replace(wording, " ") if wording else sentence
    for pattern in _SPEAKER:
        for match in pattern.finditer(outside):
            who = match.group("who").strip(" ,")
            if who not in _NOT_SPEAKERS:
                return who
    return ""


def article_quotes(article: Article, until: int | None = None) -> list[Quote]:
    """The quotations of ``article`` (with ``until``: of its text before that offset).

    A quotation of several sentences ("“Our policy is clear. That has not changed,”
    Jean-Pierre said.") is one, with the speaker any of its sentences names."""
    out, seen = [], set()

    def add(group: list[Sentence], parts: list[str]) -> None:
        wording = " ".join(part.strip() for part in parts)
        words = tuple(quote_words(wording))
        if len(words) >= 3 and words not in seen:
            seen.add(words)
            who = next((found for s, part in zip(group, parts)
                        if (found := speaker(s.text, part))), "")
            out.append(Quote(" ".join(s.text for s in group), words, group[0].start,
                             group[-1].end, wording.strip(" ,.;"), who))

    group: list[Sentence] = []  # the sentences of a quotation still open, and their parts
    parts: list[str] = []
    for sentence in sentences(article, until):
        state, part = dangling_quote(sentence.text)
        if group and sentence.paragraph == group[0].paragraph:
            if state == "close":  # the quotation ends here
                add([*group, sentence], [*parts, part])
                group, parts = [], []
                continue
            if not has_quote_marks(sentence.text):  # it goes on
                group.append(sentence)
                parts.append(sentence.text)
                continue
        if group:  # never closed in its paragraph: what there is of it
            add(group, parts)
            group, parts = [], []
        for closed in quoted_parts(sentence.text):
            if state != "open" or closed != part.strip():
                add([sentence], [closed])
        if state == "open":  # the rest of it is in the sentences that follow
            group, parts = [sentence], [part]
    if group:
        add(group, parts)
    return out


QUOTE_INDEX_CHARS = 300_000  # a report is a few thousand; a book is not quoted from here


def _runs(words, size: int) -> list[str]:
    if len(words) <= size:
        return [" ".join(words)]
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def shingles(words: tuple[str, ...] | list[str]) -> list[str]:
    """Lookup keys of one quotation: its 5-word runs, or 3-word runs when it is short."""
    return _runs(words, SHINGLE if len(words) >= SHINGLE else SHORT)


KEY_BYTES = 8  # a 64-bit hash: a false match needs billions of runs, and is then confirmed


def shingle_key(shingle: str) -> bytes:
    """The lookup key of one run of words."""
    return hashlib.blake2b(shingle.encode("utf-8", "surrogatepass"),
                           digest_size=KEY_BYTES).digest()


def quote_keys(article: Article) -> bytes:
    """The column value: the keys of every quotation's 5-word and 3-word runs (of the text
    that is searchable: the first QUOTE_INDEX_CHARS characters), sorted, end to end."""
    found = {shingle_key(s) for q in article_quotes(article, QUOTE_INDEX_CHARS)
             for size in (SHINGLE, SHORT) for s in _runs(q.words, size)}
    return b"".join(sorted(found))


def carriers(quote: Quote, candidates: list[tuple[dict, Article]]) -> list[Carrier]:
    """The candidate articles that really carry ``quote`` (trimmed or extended)."""
    out = []
    for fields, other in candidates:
        best, wording = 0.0, ""
        for theirs in article_quotes(other):
            score, _ = quote_score([list(quote.words)], [list(theirs.words)])
            if score > best:
                best, wording = score, theirs.wording
        if best:
            out.append(Carrier(fields["id"], fields.get("title", ""), fields.get("outlet", ""),
                               other.date_text, fields.get("path", ""), round(best, 3),
                               wording))
    return sorted(out, key=lambda c: (c.date or "9999", c.id))
