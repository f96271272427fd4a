"""A fast path for one word and an OR of words (a body prefix arrives here as the OR of
the words it begins: the searcher rewrites it first, see vocabulary.py).

Whoosh answers these with a tree of union matchers walked one document at a
time in pure Python: a prefix that expands to hundreds of words ("cons*" on
Reuters: 8,170 articles) took 0.4-1.2 s. Here each word's postings are read a
block at a time (see ``conjunction``) and every document's BM25F score is the
sum of its words' scores, computed with Whoosh's formula and statistics. Hits,
totals and order equal Whoosh's (a test checks this); a score can differ from
Whoosh's in the last bits where a document holds several of the words (Whoosh
adds them in a tree, this path from left to right).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Callable

from whoosh import query as wq

from .conjunction import FIELD, K1, FastResult, PostingsCache, _rank_key, bm25_norms


def alternatives(q: wq.Query) -> list[str] | None:
    """The index terms of one body word or an OR of them (ORs within it read as one),
    or None."""
    subs: list[wq.Query] = []
    todo = [q]
    while todo:
        node = todo.pop(0)
        if type(node) is wq.Or:
            if node.boost != 1 or node.minmatch or node.scale:
                return None
            todo[:0] = node.subqueries
        else:
            subs.append(node)
    found: list[str] = []
    for sub in subs:
        if (type(sub) is not wq.Term or sub.fieldname != FIELD or sub.boost != 1
                or not isinstance(sub.text, str)):
            return None
        found.append(sub.text)
    if not found or len(set(found)) != len(found):
        return None
    return found


class DisjunctionSearcher:
    """Top-N, exact total and every matching document; field lengths cached per segment."""

    def __init__(self, lengths: Callable[[object], list[int]], postings: PostingsCache) -> None:
        self._lengths = lengths
        self._postings = postings
        self._norms: dict[tuple[int, float], list[float]] = {}

    def _segment_norms(self, reader, avgfl: float) -> list[float]:
        key = (id(reader), avgfl)
        if key not in self._norms:
            self._norms[key] = bm25_norms(self._lengths(reader), avgfl)
        return self._norms[key]

    def search(self, searcher, wanted: list[str], limit: int | None,
               facets: bool = False, check: Callable[[], None] = lambda: None,
               ) -> tuple[FastResult, dict[int, list[bytes]]]:
        """The result, and for each ranked document the index terms it holds (to mark
        them in its snippet)."""
        avgfl = searcher.avg_field_length(FIELD) or 1
        field = searcher.schema[FIELD]
        boosted = K1 + 1
        scored: list[tuple[float, int]] = []
        postings: list[tuple[int, list[tuple[bytes, dict[int, float]]]]] = []
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            reader = sub.reader()
            scores: dict[int, float] = {}
            get = scores.get
            read: list[tuple[bytes, dict[int, float]]] = []
            for text in wanted:  # a word this segment lacks reads as nothing, in one look-up
                check()
                found = self._postings.read(reader, text, with_values=False)
                if not found:
                    continue
                if not read:
                    norms = self._segment_norms(reader, avgfl)
                idf = searcher.idf(FIELD, text)
                read.append((field.to_bytes(text), found))
                for docnum, tf in found.items():
                    score = idf * ((tf * boosted) / (tf + norms[docnum]))
                    before = get(docnum)
                    scores[docnum] = score if before is None else before + score
            if not read:
                continue
            postings.append((offset, read))
            scored.extend((score, offset + docnum) for docnum, score in scores.items())
        ranked = (heapq.nlargest(limit, scored, key=_rank_key) if limit
                  else sorted(scored, key=_rank_key, reverse=True))
        matched = [d for _, d in scored] if facets else []
        return FastResult(len(scored), ranked, matched), _terms_of(ranked, postings)


def _terms_of(ranked: list[tuple[float, int]],
              postings: list[tuple[int, list[tuple[bytes, dict[int, float]]]]],
              ) -> dict[int, list[bytes]]:
    """The words each ranked document holds, from the postings read for its segment."""
    offsets = [offset for offset, _ in postings]
    out: dict[int, list[bytes]] = {}
    for _, docnum in ranked:
        offset, read = postings[bisect_right(offsets, docnum) - 1]
        local = docnum - offset
        out[docnum] = [word for word, found in read if local in found]
    return out
