"""A fast path for the commonest query: several words, all required.

Whoosh intersects and scores posting lists one document at a time in
Python; for words that occur in thousands of articles that takes 100+ ms.
Here each word's postings are read block by block (ids and term
frequencies as arrays), intersected as sets, and scored with Whoosh's own
BM25F formula and statistics, so results and totals are those Whoosh would
give. Anything but a plain AND of body terms goes the normal way.
"""

from __future__ import annotations

import heapq
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.scoring import bm25

FIELD = "body"
B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F defaults


def plain_terms(q: wq.Query) -> list[str] | None:
    """The words of an AND of two or more unboosted body terms, or None."""
    if not isinstance(q, wq.And) or len(q.subqueries) < 2 or q.boost != 1:
        return None
    terms = []
    for sub in q.subqueries:
        if type(sub) is not wq.Term or sub.fieldname != FIELD or sub.boost != 1:
            return None
        terms.append(sub.text)
    return terms


def _postings(reader, term: str) -> dict[int, float] | None:
    """docnum -> term frequency for one segment, deleted documents left out."""
    if (FIELD, term) not in reader:
        return None
    matcher = reader.postings(FIELD, term)
    deleted: set[int] = set()
    while not isinstance(matcher, W3LeafMatcher):  # a FilterMatcher over deletions
        deleted |= set(getattr(matcher, "_ids", ()))
        matcher = matcher.child
    found: dict[int, float] = {}
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        found.update(zip(matcher._ids, matcher._weights))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    for docnum in deleted:
        found.pop(docnum, None)
    return found


class ConjunctionSearcher:
    """Top-N and exact total for AND queries; field lengths cached per segment."""

    def __init__(self) -> None:
        self._lengths: dict[int, list[int]] = {}

    def _segment_lengths(self, reader) -> list[int]:
        key = id(reader)
        if key not in self._lengths:
            self._lengths[key] = [reader.doc_field_length(d, FIELD, 1)
                                  for d in range(reader.doc_count_all())]
        return self._lengths[key]

    def search(self, searcher, terms: list[str], limit: int | None) -> tuple[int, list[tuple[float, int]]]:
        """(total, [(score, global docnum), ...] best first) for documents with every term."""
        idf = {t: searcher.idf(FIELD, t) for t in terms}
        avgfl = searcher.avg_field_length(FIELD) or 1
        total = 0
        scored: list[tuple[float, int]] = []
        for sub, offset in _leaves(searcher):
            reader = sub.reader()
            lists = [(idf[t], _postings(reader, t)) for t in terms]
            if any(not postings for _, postings in lists):
                continue
            lists.sort(key=lambda item: len(item[1]))
            common = set(lists[0][1]).intersection(*(p for _, p in lists[1:]))
            total += len(common)
            lengths = self._segment_lengths(reader)
            for docnum in common:
                length = lengths[docnum]
                score = sum(bm25(w, p[docnum], length, avgfl, B, K1) for w, p in lists)
                scored.append((score, offset + docnum))
        key = lambda item: (item[0], -item[1])  # ties: lower docnum first, as Whoosh
        best = heapq.nlargest(limit, scored, key=key) if limit else sorted(scored, key=key, reverse=True)
        return total, best


def _leaves(searcher):
    return searcher.subsearchers or [(searcher, 0)]
