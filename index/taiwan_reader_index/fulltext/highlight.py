"""Where a search query matches inside an article's text, for highlighting.

The query is parsed with the index's own parser and analyzer, so "guards"
highlights "Guard", a fuzzy term highlights its near spellings and a prefix
query its completions; terms under NOT are never highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from whoosh import query as wq

from .query import QueryError, make_parser, parse, positive_leaves
from .schema import body_analyzer, build_schema

TEXT_FIELDS = ("body", "title")


@dataclass(frozen=True)
class TermMatcher:
    stems: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    fuzzy: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.stems or self.prefixes or self.fuzzy)

    def matches(self, stem: str) -> bool:
        if stem in self.stems or any(stem.startswith(p) for p in self.prefixes):
            return True
        return any(Levenshtein.distance(stem, word, score_cutoff=d) <= d for word, d in self.fuzzy)


@lru_cache(maxsize=1)
def _parser():
    return make_parser(build_schema())


@lru_cache(maxsize=1)
def _analyzer():
    return body_analyzer()


def matcher_for(query_text: str) -> TermMatcher:
    """A matcher for the positive text terms of ``query_text`` (empty if it is broken)."""
    if not query_text.strip():
        return TermMatcher()
    try:
        q = parse(_parser(), query_text)
    except QueryError:
        return TermMatcher()
    stems: set[str] = set()
    prefixes: list[str] = []
    fuzzy: list[tuple[str, int]] = []
    for sub in positive_leaves(q):
        if getattr(sub, "fieldname", None) not in TEXT_FIELDS:
            continue
        if isinstance(sub, wq.FuzzyTerm):
            fuzzy.append((sub.text, sub.maxdist))
        elif isinstance(sub, wq.Prefix):
            prefixes.append(sub.text)
        elif isinstance(sub, wq.Wildcard):
            prefixes.append(sub.text.split("*")[0].split("?")[0])
        elif isinstance(sub, wq.Term):
            stems.add(sub.text)
        elif isinstance(sub, wq.Phrase):
            stems.update(sub.words)
    return TermMatcher(frozenset(stems), tuple(p for p in prefixes if p), tuple(fuzzy))


def term_spans(text: str, matcher: TermMatcher) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that the matcher accepts."""
    if not matcher:
        return []
    return [
        (token.startchar, token.endchar)
        for token in _analyzer()(text, chars=True, mode="index")
        if matcher.matches(token.text)
    ]


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive literal occurrences of ``needle`` (the reader's `/` find)."""
    if not needle:
        return []
    haystack, target = text.casefold(), needle.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (e.g. ß): fall back to lower()
        haystack, target = text.lower(), needle.lower()
    spans, start = [], haystack.find(target)
    while start != -1 and len(haystack) == len(text):
        spans.append((start, start + len(target)))
        start = haystack.find(target, start + max(1, len(target)))
    return spans
