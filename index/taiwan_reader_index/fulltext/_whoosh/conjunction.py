"""A fast path for the commonest queries: words and phrases, all required.

Whoosh intersects and scores posting lists one document at a time in pure
Python, and checks phrases through span matchers; for words in thousands of
articles that takes 100-300 ms. Here each word's postings are read a block
at a time (ids and term frequencies as arrays), intersected as sets, phrase
positions are compared as sorted numpy arrays (``packed_format``), and
documents are scored with Whoosh's BM25F formula and statistics. For plain
words the hits, scores and totals equal Whoosh's own (a test checks this); a
phrase is scored as one term whose idf is the sum of its words' idfs and
whose frequency is the number of times the phrase occurs. Any other query
takes Whoosh's own path.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

from ..packed_format import PackedCharacters, positions_keys

if TYPE_CHECKING:
    import numpy as np

FIELD = "body"
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


def _rank_key(item: tuple[float, int]) -> tuple[float, int]:
    return item[0], -item[1]  # ties: lower docnum first, as Whoosh


def _leaf(matcher) -> tuple[W3LeafMatcher, set[int]]:
    deleted: set[int] = set()
    while not isinstance(matcher, W3LeafMatcher):  # FilterMatchers over deleted documents
        deleted |= set(getattr(matcher, "_ids", ()))
        matcher = matcher.child
    return matcher, deleted


def _postings(reader, word: str, with_values: bool, within: list[int] | None = None,
              ) -> dict[int, Any]:
    """docnum -> term frequency (or encoded positions) in one segment, deletions left out.
    With ``within`` (sorted docnums), only the blocks that may hold one of them are read:
    the rest may be left out."""
    if not reader.doc_count():
        return {}
    try:  # one look-up of the term (asking "in reader" first was a second one)
        matcher, deleted = _leaf(reader.postings(FIELD, word))
    except TermNotFound:
        return {}
    found: dict[int, Any] = {}
    below = -1  # every docnum in the block is above the last block's last docnum
    while matcher.is_active():
        last = matcher._maxid
        if within is None or _holds_one_of(within, below, last):
            matcher._read_data()
            ids = matcher._data[0]
            if not matcher._byteids:  # delta-coded, as W3LeafMatcher._read_ids decodes them
                ids = accumulate(ids)
            if with_values:
                matcher._read_values()
                found.update(zip(ids, matcher._values))
            else:
                matcher._read_weights()
                found.update(zip(ids, matcher._weights))
        if matcher._lastblock:
            break
        below = last
        matcher._goto(matcher._nextoffset)
    if len(deleted) < len(found):
        for docnum in deleted:
            found.pop(docnum, None)
    elif deleted:  # most of the segment deleted: keep the few live postings instead
        found = {docnum: value for docnum, value in found.items() if docnum not in deleted}
    return found


_BLOCK = 128  # postings per block (Whoosh's W3Codec default)
_SPARSE = 4  # within fewer than a quarter of a word's blocks: read only those


class PostingsCache:
    """The postings of common words, decoded once per open index.

    Reading a word in thousands of articles means unpickling and inflating
    hundreds of blocks (20-40 ms on Reuters for "the" with its positions), and
    the same common words come back query after query, and keystroke after
    keystroke while a search is typed. Full reads of words in at least
    ``MIN_POSTINGS`` articles are kept; once their estimated size passes ``BUDGET``
    bytes, the one asked for least often goes, counted with dynamic aging (LFU-DA:
    a read's priority is its uses while kept plus the priority of the last one
    dropped, so a new run of queries is not shut out by counts from long ago).
    Dropping the least recent alone let a run of middling words push out "the" and
    "in", read again a few queries later. Keyed by the segment reader, so a
    refreshed searcher (a new ConjunctionSearcher) starts afresh.
    """

    MIN_POSTINGS = 1_000
    BUDGET = 64 * 1024 * 1024
    _ENTRY = 100  # bytes per cached posting besides its value: dict slot, key, number

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[int, str, bool], tuple[dict[int, Any], int]] = OrderedDict()
        self._size = 0
        self._uses: dict[tuple[int, str, bool], int] = {}  # of each kept read, while kept
        self._priority: dict[tuple[int, str, bool], float] = {}  # uses + age when last used
        self._age = 0.0  # the priority of the last read dropped

    def read(self, reader, word: str, with_values: bool, within: list[int] | None = None,
             ) -> dict[int, Any]:
        """As ``_postings``. A common word is read whole and kept, unless ``within`` is
        so short that most of its blocks would be skipped; a kept read serves any
        ``within``."""
        key = (id(reader), word, with_values)
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            self._uses[key] += 1
            self._priority[key] = self._uses[key] + self._age
            return kept[0]
        if within is not None:
            count = reader.doc_frequency(FIELD, word)
            if count < self.MIN_POSTINGS or len(within) * _SPARSE * _BLOCK < count:
                return _postings(reader, word, with_values, within)
        found = _postings(reader, word, with_values)
        if len(found) >= self.MIN_POSTINGS:
            size = self._ENTRY * len(found) + (
                sum(map(len, found.values())) if with_values else 0)
            self._kept[key] = (found, size)
            self._size += size
            self._uses[key] = 1
            self._priority[key] = 1 + self._age
            while self._size > self.BUDGET and len(self._kept) > 1:
                least = min(self._kept, key=self._priority.__getitem__)  # oldest on ties
                _, dropped = self._kept.pop(least)
                self._size -= dropped
                self._age = self._priority.pop(least)
                del self._uses[least]
        return found


def _holds_one_of(docnums: list[int], below: int, last: int) -> bool:
    """Whether a sorted list holds a docnum in (below, last]."""
    i = bisect_right(docnums, below)
    return i < len(docnums) and docnums[i] <= last


def _rarest_first(idfs: dict[str, float], clauses: Sequence[Clause | str]) -> list[int]:
    """Indexes of words (or of clauses, by their rarest word), rarest first: the highest
    idf across the index (the same order in every segment)."""
    def rarity(i: int) -> float:
        clause = clauses[i]
        return -max(idfs[w] for w in ((clause,) if isinstance(clause, str) else clause))
    return sorted(range(len(clauses)), key=rarity)


def _narrowed(order: list[int], read: Callable[[int, list[int] | None], dict[int, Any]],
              within: list[int] | None) -> tuple[dict[int, dict[int, Any]], list[int]]:
    """Read each item in ``order`` (rarest first) within the documents every item read
    before it holds: what each read gave, and the documents all of them hold (none:
    an empty list, and the reading stops)."""
    found: dict[int, dict[int, Any]] = {}
    docs = within
    for i in order:
        found[i] = read(i, docs)
        docs = sorted(set(found[i]).intersection(found[i] if docs is None else docs))
        if not docs:
            return found, []
    return found, docs or []


@dataclass
class _Clause:
    idf: float
    freqs: dict[int, float]  # docnum -> occurrences of the word or phrase


def _phrase_freqs(postings: PostingsCache, reader, words: Clause, idfs: dict[str, float],
                  within: list[int] | None = None,
                  values: dict[str, list[dict[int, bytes]]] | None = None) -> dict[int, float]:
    """docnum -> occurrences of the phrase; its rarest word is read first, and only the
    blocks of the others that may hold a document it is in. Each word's postings (its
    positions and character spans in every document read) go into ``values``."""
    read, docs = _narrowed(_rarest_first(idfs, words),
                           lambda i, docs: postings.read(reader, words[i], True, docs), within)
    if values is not None:  # the reads themselves (a common word's is kept, and large)
        for i, word in enumerate(words):
            if i in read:
                values.setdefault(word, []).append(read[i])
    if not docs:
        return {}
    lists = [read[i] for i in range(len(words))]
    import numpy as np  # loaded by the first phrase, not at start-up

    keys = positions_keys([lists[0][d] for d in docs], docs, 0)
    for shift, later in enumerate(lists[1:], 1):
        found = positions_keys([later[d] for d in docs], docs, shift)
        keys = np.intersect1d(keys, found, assume_unique=True)
        if not keys.size:
            return {}
        docs = np.unique(keys >> 32).tolist()  # only those still in the running are read on
    owners, counts = np.unique(keys >> 32, return_counts=True)
    return dict(zip(owners.tolist(), counts.astype(float).tolist()))


@dataclass(frozen=True)
class FastResult:
    total: int
    ranked: list[tuple[float, int]]  # (score, global docnum), best first
    matched: list[int]  # every matching docnum
    # of the ranked documents: the postings already read of each term (its positions and
    # character spans, as the body's format encodes them), so snippets need not read them
    values: dict[int, dict[bytes, bytes]] = field(default_factory=dict)


def bm25_norms(lengths: list[int], avgfl: float) -> list[float]:
    """BM25's length normalisation per document, as Whoosh's ``bm25`` computes it."""
    return [K1 * ((1 - B) + B * (fl or 0) / avgfl) for fl in lengths]  # None: a deleted document


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

    def _segment_norms(self, reader, avgfl: float) -> np.ndarray:
        import numpy as np

        key = (id(reader), avgfl)
        if key not in self._norms:
            self._norms[key] = np.array(bm25_norms(self.segment_lengths(reader), avgfl))
        return self._norms[key]

    def search(self, searcher, wanted: list[Clause], limit: int | None,
               facets: bool = False) -> FastResult:
        import numpy as np

        avgfl = searcher.avg_field_length(FIELD) or 1
        idfs = {w: searcher.idf(FIELD, w) for clause in wanted for w in clause}
        scored: list[tuple[float, int]] = []
        values: dict[int, dict[str, list[dict[int, bytes]]]] = {}  # segment offset -> word
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            reader = sub.reader()
            seen = values.setdefault(offset, {})
            # the rarest clause first; of the others, only blocks that may hold its documents
            def read(i: int, within: list[int] | None, reader=reader, seen=seen,
                     ) -> dict[int, Any]:
                clause = wanted[i]
                return (self.postings.read(reader, clause[0], False, within) if len(clause) == 1
                        else _phrase_freqs(self.postings, reader, clause, idfs, within, seen))

            order = _rarest_first(idfs, wanted)
            freqs, common = _narrowed(order, read, None)
            if not common:
                continue
            parts = [_Clause(sum(idfs[w] for w in wanted[i]), freqs[i]) for i in order]
            # Whoosh's bm25 per clause, summed rarest first, for every document at once
            norms = self._segment_norms(reader, avgfl)[common]
            scores = np.zeros(len(common))
            for p in parts:
                tf = np.fromiter(map(p.freqs.__getitem__, common), dtype=float, count=len(common))
                scores += p.idf * ((tf * (K1 + 1)) / (tf + norms))
            scored.extend(zip(scores.tolist(), [offset + docnum for docnum in common]))
        ranked = heapq.nlargest(limit, scored, key=_rank_key) if limit else sorted(scored, key=_rank_key, reverse=True)
        matched = [d for _, d in scored] if facets else []
        return FastResult(len(scored), ranked, matched, _values_of(ranked, values))


def _values_of(ranked: list[tuple[float, int]],
               values: dict[int, dict[str, list[dict[int, bytes]]]],
               ) -> dict[int, dict[bytes, bytes]]:
    """Each ranked document's postings already read, by term (global docnums; the body's
    terms are its words in UTF-8)."""
    offsets = sorted(values)
    found: dict[int, dict[bytes, bytes]] = {}
    for _, docnum in ranked:
        offset = offsets[bisect_right(offsets, docnum) - 1]
        local = docnum - offset
        mine = {word.encode("utf-8"): by_doc[local] for word, reads in values[offset].items()
                for by_doc in reads if local in by_doc}
        if mine:
            found[docnum] = mine
    return found
