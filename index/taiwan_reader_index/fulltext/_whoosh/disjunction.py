"""A fast path for one word and an OR of words (a body prefix arrives here as the OR of
the words it begins: the searcher rewrites it first, see vocabulary.py).

Whoosh answers these with a tree of union matchers walked one document at a
time in pure Python: a prefix that expands to hundreds of words ("cons*" on
Reuters: 8,170 articles) took 0.4-1.2 s. Here each word's postings are read a
block at a time into arrays (see ``postings``) and every document's BM25F score
is the sum of its words' scores, computed with Whoosh's formula and statistics
for all of a word's documents at once (numpy). Hits,
totals and order equal Whoosh's (a test checks this); a score can differ from
Whoosh's in the last bits where a document holds several of the words (Whoosh
adds them in a tree, this path from left to right).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from math import log
from typing import TYPE_CHECKING

from whoosh import query as wq

from .conjunction import K1, FastResult, top
from .postings import FIELD, Postings, PostingsCache

if TYPE_CHECKING:
    import numpy as np


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


FEW = 4  # postings a word's scores are added one by one within, not as arrays


class DisjunctionSearcher:
    """Top-N, exact total and every matching document; BM25 norms shared with the
    conjunction's searcher (``norms``), as are the kept postings."""

    def __init__(self, norms: Callable[[object, float], np.ndarray],
                 postings: PostingsCache) -> None:
        self._norms = norms
        self._postings = postings

    def search(self, searcher, wanted: list[str], limit: int | None,
               facets: bool = False, check: Callable[[], None] = lambda: None,
               ) -> tuple[FastResult, dict[int, list[bytes]]]:
        """The result, and for each ranked document the index terms it holds (to mark
        them in its snippet)."""
        import numpy as np

        avgfl = searcher.avg_field_length(FIELD) or 1
        field = searcher.schema[FIELD]
        boosted = K1 + 1
        # every segment's postings first: their counts give each word's idf, as Whoosh's
        # (log(articles / (df + 1)) + 1, deleted articles counted), without a look-up of
        # the word in every segment's term table (a prefix is an OR of hundreds of words)
        segments: list[tuple[int, object, list[tuple[str, Postings]]]] = []
        written = dict.fromkeys(wanted, 0)
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            reader = sub.reader()
            reads: list[tuple[str, Postings]] = []
            # a word this segment lacks reads as nothing
            for text, found in zip(wanted, self._postings.read_all(reader, wanted, False, check)):
                written[text] += found.written or 0
                if len(found):
                    reads.append((text, found))
            if reads:
                segments.append((offset, reader, reads))
        articles = searcher.doc_count_all()
        idfs = {text: log(articles / (count + 1)) + 1 for text, count in written.items()}
        all_scores: list[np.ndarray] = []
        all_docs: list[np.ndarray] = []
        postings: list[tuple[int, list[tuple[bytes, Postings]]]] = []
        for offset, reader, reads in segments:
            norms = self._norms(reader, avgfl)
            scores = np.zeros(len(norms))
            held = np.zeros(len(norms), dtype=bool)
            for text, found in reads:
                tf = found.weights
                assert tf is not None  # a read without values
                # left to right, as the words come: the same sums as one at a time
                if len(found) > FEW:
                    scores[found.docs] += idfs[text] * ((tf * boosted) / (tf + norms[found.docs]))
                    held[found.docs] = True
                    continue
                idf = idfs[text]  # a word in a few articles (most of a prefix's): the same
                for doc, freq in zip(found.docs.tolist(), tf.tolist()):  # sums, in floats,
                    scores[doc] += idf * ((freq * boosted) / (freq + float(norms[doc])))
                    held[doc] = True  # without the five array calls that cost more
            postings.append((offset, [(field.to_bytes(text), found) for text, found in reads]))
            docs = np.flatnonzero(held)
            all_scores.append(scores[docs])
            all_docs.append(docs + offset)
        if not all_docs:
            return FastResult(0, [], []), {}
        docs = np.concatenate(all_docs)
        ranked = top(np.concatenate(all_scores), docs, limit)
        matched = docs.tolist() if facets else []
        return FastResult(len(docs), ranked, matched), _terms_of(ranked, postings)


def _terms_of(ranked: list[tuple[float, int]],
              postings: list[tuple[int, list[tuple[bytes, Postings]]]],
              ) -> dict[int, list[bytes]]:
    """The words each ranked document holds, from the postings read for its segment."""
    offsets = [offset for offset, _ in postings]
    out: dict[int, list[bytes]] = {}
    for _, docnum in ranked:
        offset, read = postings[bisect_right(offsets, docnum) - 1]
        local = docnum - offset
        out[docnum] = [word for word, found in read if found.holds(local)]
    return out
