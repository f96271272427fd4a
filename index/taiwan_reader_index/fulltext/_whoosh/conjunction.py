"""A fast path for the commonest queries: words and phrases, all required.

Whoosh intersects and scores posting lists one document at a time in pure
Python, and checks phrases through span matchers; for words in thousands of
articles that takes 100-300 ms. Here each word's postings are read a block
at a time into arrays (``postings``), intersected, phrase positions are
compared as sorted numpy arrays (``packed_format``), and documents are
scored with Whoosh's BM25F formula and statistics, all in numpy. For plain
words the hits, scores and totals equal Whoosh's own (a test checks this); a
phrase is scored as one term whose idf is the sum of its words' idfs and
whose frequency is the number of times the phrase occurs. Any other query
takes Whoosh's own path.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whoosh import query as wq

from ..packed_format import PackedCharacters
from .postings import FIELD, Postings, PostingsCache, empty

if TYPE_CHECKING:
    import numpy as np

B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F defaults
Clause = tuple[str, ...]  # one word, or the words of a phrase


def clauses(q: wq.Query, schema) -> list[Clause] | None:
    """The required words/phrases of an AND of unboosted body terms and phrases, or None.
    Phrases only where the body's positions are packed (``packed_format``)."""
    phrases = type(schema[FIELD].format) is PackedCharacters
    subs = q.subqueries if isinstance(q, wq.And) else [q]
    if q.boost != 1 or (isinstance(q, wq.And) and len(subs) < 2 and not isinstance(subs[0], wq.Phrase)):
        return None
    found: list[Clause] = []
    for sub in subs:
        if getattr(sub, "fieldname", None) != FIELD or sub.boost != 1:
            return None
        if type(sub) is wq.Term:
            found.append((sub.text,))
        elif phrases and type(sub) is wq.Phrase and sub.slop == 1 and len(sub.words) >= 2:
            found.append(tuple(sub.words))
        else:
            return None
    return found if len(found) >= 2 or len(found[0]) >= 2 else None


def top(scores: np.ndarray, docs: np.ndarray, limit: int | None) -> list[tuple[float, int]]:
    """The ``limit`` best (score, docnum) pairs (all, with None), best first; equal
    scores in ascending docnum order, as Whoosh ranks them."""
    import numpy as np

    limit = limit or None  # 0: all, as before
    if limit is not None and limit < len(scores):
        kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        chosen = np.flatnonzero(scores >= kth)  # every tie at the cut, sorted next
        scores, docs = scores[chosen], docs[chosen]
    order = np.lexsort((docs, -scores))[:limit]
    return list(zip(scores[order].tolist(), docs[order].tolist()))


def _rarest_first(idfs: dict[str, float], clauses: Sequence[Clause | str]) -> list[int]:
    """Indexes of words (or of clauses, by their rarest word), rarest first: the highest
    idf across the index (the same order in every segment)."""
    def rarity(i: int) -> float:
        clause = clauses[i]
        return -max(idfs[w] for w in ((clause,) if isinstance(clause, str) else clause))
    return sorted(range(len(clauses)), key=rarity)


def _narrowed(order: list[int], read: Callable[[int, np.ndarray | None], Postings],
              within: np.ndarray | None) -> tuple[dict[int, Postings], np.ndarray | None]:
    """Read each item in ``order`` (rarest first) within the documents every item read
    before it holds: what each read gave, and the documents all of them hold (an empty
    array, and the reading stops, where there are none)."""
    found: dict[int, Postings] = {}
    docs = within
    for i in order:
        found[i] = read(i, docs)
        docs = found[i].docs if docs is None else _both(found[i].docs, docs)
        if not docs.size:
            break
    return found, docs


def _both(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values two sorted arrays of distinct values share, in order: each of the
    shorter looked up in the longer (numpy's intersect1d sorts the two together, and a
    common word's documents are thousands where a rare word's are tens)."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return shorter[_among(shorter, longer)]


def _phrase_freqs(postings: PostingsCache, reader, words: Clause, idfs: dict[str, float],
                  within: np.ndarray | None = None,
                  values: dict[str, list[Postings]] | None = None) -> Postings:
    """The documents holding the phrase, with its number of occurrences in each; its
    rarest word is read first, and only the blocks of the others that may hold a
    document it is in. Each word's postings (its positions and character spans in
    every document read) go into ``values``."""
    import numpy as np  # loaded by the first search, not at start-up

    read, docs = _narrowed(_rarest_first(idfs, words),
                           lambda i, docs: postings.read(reader, words[i], True, docs), within)
    if values is not None:  # the reads themselves (a common word's is kept, and large)
        for i, word in enumerate(words):
            if i in read:
                values.setdefault(word, []).append(read[i])
    if docs is None or not docs.size:
        return empty()
    starts: np.ndarray | None = None  # keys of the places the phrase may start
    for shift in range(len(words)):
        found = read[shift].position_keys(docs)
        starts = found if starts is None else _followed(starts, found, shift)
        if not starts.size:
            return empty()
    assert starts is not None
    owners = starts >> 32  # sorted: one run of keys per document
    firsts = np.flatnonzero(np.diff(owners, prepend=-1))
    counts = np.diff(firsts, append=len(owners))
    return Postings(owners[firsts], counts.astype(np.float64))


def _followed(starts: np.ndarray, keys: np.ndarray, shift: int) -> np.ndarray:
    """The starts (sorted keys) at which a word with these position keys stands ``shift``
    places on. Each key of the shorter array is looked up in the longer one (a binary
    search each, in C): a common word's keys are many times a rare one's."""
    if len(starts) <= len(keys):
        return starts[_among(starts + shift, keys)]
    back = keys - shift
    return back[_among(back, starts)]


def _among(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of ``values`` the sorted ``keys`` hold (a binary search each)."""
    import numpy as np

    at = np.searchsorted(keys, values)
    inside = at < len(keys)
    hit = np.zeros(len(values), dtype=bool)
    hit[inside] = keys[at[inside]] == values[inside]
    return hit


@dataclass(frozen=True)
class FastResult:
    total: int
    ranked: list[tuple[float, int]]  # (score, global docnum), best first
    matched: list[int]  # every matching docnum
    # of the ranked documents: the postings already read of each term (its positions and
    # character spans, as the body's format encodes them), so snippets need not read them
    values: dict[int, dict[bytes, bytes]] = field(default_factory=dict)


def bm25_norms(lengths: list[int], avgfl: float) -> np.ndarray:
    """BM25's length normalisation per document, as Whoosh's ``bm25`` computes it."""
    import numpy as np

    # None: a deleted document
    return np.array([K1 * ((1 - B) + B * (fl or 0) / avgfl) for fl in lengths])


class ConjunctionSearcher:
    """Top-N, exact total and outlet counts; field lengths cached per segment."""

    def __init__(self) -> None:
        self._lengths: dict[int, list[int]] = {}
        self._norms: dict[tuple[int, float], np.ndarray] = {}
        self.postings = PostingsCache()

    def segment_lengths(self, reader) -> list[int]:
        key = id(reader)
        if key not in self._lengths:
            self._lengths[key] = [reader.doc_field_length(d, FIELD, 1)
                                  for d in range(reader.doc_count_all())]
        return self._lengths[key]

    def segment_norms(self, reader, avgfl: float) -> np.ndarray:
        key = (id(reader), avgfl)
        if key not in self._norms:
            self._norms[key] = bm25_norms(self.segment_lengths(reader), avgfl)
        return self._norms[key]

    def search(self, searcher, wanted: list[Clause], limit: int | None,
               facets: bool = False) -> FastResult:
        import numpy as np

        avgfl = searcher.avg_field_length(FIELD) or 1
        idfs = {w: searcher.idf(FIELD, w) for clause in wanted for w in clause}
        all_scores: list[np.ndarray] = []
        all_docs: list[np.ndarray] = []
        values: dict[int, dict[str, list[Postings]]] = {}  # segment offset -> word
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            reader = sub.reader()
            seen = values.setdefault(offset, {})
            # the rarest clause first; of the others, only blocks that may hold its documents
            def read(i: int, within: np.ndarray | None, reader=reader, seen=seen) -> Postings:
                clause = wanted[i]
                return (self.postings.read(reader, clause[0], False, within) if len(clause) == 1
                        else _phrase_freqs(self.postings, reader, clause, idfs, within, seen))

            order = _rarest_first(idfs, wanted)
            freqs, common = _narrowed(order, read, None)
            if common is None or not common.size:
                continue
            # Whoosh's bm25 per clause, summed rarest first, for every document at once
            norms = self.segment_norms(reader, avgfl)[common]
            scores = np.zeros(len(common))
            for i in order:
                idf = sum(idfs[w] for w in wanted[i])
                found = freqs[i]
                assert found.weights is not None
                tf = found.weights[found.at(common)]
                scores += idf * ((tf * (K1 + 1)) / (tf + norms))
            all_scores.append(scores)
            all_docs.append(common + offset)
        if not all_docs:
            return FastResult(0, [], [])
        docs = np.concatenate(all_docs)
        ranked = top(np.concatenate(all_scores), docs, limit)
        return FastResult(len(docs), ranked, docs.tolist() if facets else [],
                          _values_of(ranked, values))


def _values_of(ranked: list[tuple[float, int]], values: dict[int, dict[str, list[Postings]]],
               ) -> dict[int, dict[bytes, bytes]]:
    """Each ranked document's postings already read, by term (global docnums; the body's
    terms are its words in UTF-8)."""
    offsets = sorted(values)
    found: dict[int, dict[bytes, bytes]] = {}
    for _, docnum in ranked:
        offset = offsets[bisect_right(offsets, docnum) - 1]
        local = docnum - offset
        mine = {}
        for word, reads in values[offset].items():
            for postings in reads:
                value = postings.value(local)
                if value is not None:
                    mine[word.encode("utf-8")] = value
        if mine:
            found[docnum] = mine
    return found
