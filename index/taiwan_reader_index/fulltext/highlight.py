"""Where a search query matches inside an article's text, for highlighting.

The query is parsed with the index's own parser and analyzer, so "guards"
highlights "Guard", a fuzzy term highlights its near spellings and a prefix
query its completions; terms under NOT are never highlighted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein
from whoosh import query as wq

from .query import QueryError, make_parser, parse, positive_leaves
from .schema import body_stemmer, build_schema
from .vocabulary import written_fuzzy_words, written_prefixes

TEXT_FIELDS = ("body", "title")


@dataclass(frozen=True)
class TermMatcher:
    stems: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    fuzzy: tuple[tuple[str, int, int], ...] = ()  # (word as written, distance, prefix)
    phrases: tuple[tuple[str, ...], ...] = ()  # the stems of each phrase, in order

    def __bool__(self) -> bool:
        return bool(self.stems or self.prefixes or self.fuzzy or self.phrases)

    def matches(self, stem: str, word: str = "") -> bool:
        """Whether a word of the text (its stem, and itself as written) is a hit; fuzzy
        terms compare words as written, as the search does (vocabulary.py)."""
        if stem in self.stems:
            return True
        word = (word or stem).casefold()
        if self.prefixes and word.startswith(self.prefixes):  # as written, as the search does
            return True
        return any(word[:prefix] == fuzzy[:prefix]
                   and DamerauLevenshtein.distance(word, fuzzy, score_cutoff=d) <= d
                   for fuzzy, d, prefix in self.fuzzy)


@lru_cache(maxsize=1)
def _parser():
    return make_parser(build_schema())


def matcher_for(query_text: str,
                fuzzy_stems: Callable[[str, int, int], Iterable[str]] | None = None,
                ) -> TermMatcher:
    """A matcher for the positive text terms of ``query_text`` (empty if it is broken).

    ``fuzzy_stems`` (the search engine's) gives the stems a fuzzy term stands for
    in the index, so the other forms of the near words a search found ("transport"
    for "transprtation~", by way of "transportation") are marked too."""
    if not query_text.strip():
        return TermMatcher()
    try:
        q = parse(_parser(), query_text)
    except QueryError:
        return TermMatcher()
    stems: set[str] = set()
    prefixes: list[str] = []
    fuzzy: list[tuple[str, int, int]] = []
    phrases: list[tuple[str, ...]] = []
    written = written_fuzzy_words(query_text)
    written_prefix = written_prefixes(query_text)
    for sub in positive_leaves(q):
        if getattr(sub, "fieldname", None) not in TEXT_FIELDS:
            continue
        if isinstance(sub, wq.FuzzyTerm):
            word = written.get(sub.text, sub.text)
            fuzzy.append((word, sub.maxdist, sub.prefixlength))
            if fuzzy_stems is not None:
                stems.update(fuzzy_stems(word, sub.maxdist, sub.prefixlength))
        elif type(sub) is wq.Prefix:
            prefixes.append(written_prefix.get(sub.text, sub.text))
        elif isinstance(sub, wq.Wildcard):
            prefixes.append(sub.text.split("*")[0].split("?")[0])
        elif isinstance(sub, wq.Term):
            stems.add(sub.text)
        elif isinstance(sub, wq.Phrase):  # the phrase where its words stand in a row
            phrases.append(tuple(sub.words))
    return TermMatcher(frozenset(stems), tuple(p for p in prefixes if p), tuple(fuzzy),
                       tuple(phrases))


def term_spans(text: str, matcher: TermMatcher) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that the matcher accepts, and of each
    phrase it holds where the phrase's words stand in a row (one span from its first
    word to its last: a quoted phrase is one hit, not a hit for every "a" and "the")."""
    if not matcher:
        return []
    words = [(token.text, token.startchar, token.endchar)
             for token in body_stemmer()(text, chars=True, mode="index")]
    phrases = []
    for phrase in matcher.phrases:
        size = len(phrase)
        phrases += [(words[i][1], words[i + size - 1][2]) for i in range(len(words) - size + 1)
                    if all(words[i + k][0] == phrase[k] for k in range(size))]
    found = [(start, end) for stem, start, end in words if matcher.matches(stem, text[start:end])
             and not any(a <= start and end <= b for a, b in phrases)]
    return sorted(found + phrases)


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
