"""A fast path for the commonest queries: words and phrases, all required.

Whoosh intersects and scores posting lists one document at a time in pure
Python, and checks phrases through span matchers; for words in thousands of
articles that takes 100-300 ms. Here each word's postings are read a block
at a time (ids and term frequencies as arrays), intersected as sets, phrase
positions are compared as sets, and documents are scored with Whoosh's
BM25F formula and statistics. For plain words the hits, scores and totals
equal Whoosh's own (a test checks this); a phrase is scored as one term
whose idf is the sum of its words' idfs and whose frequency is the number
of times the phrase occurs. Any other query takes Whoosh's own path.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Characters
from whoosh.scoring import bm25
from whoosh.system import _INT_SIZE

FIELD = "body"
B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F defaults
Clause = tuple[str, ...]  # one word, or the words of a phrase


def clauses(q: wq.Query) -> list[Clause] | None:
    """The required words/phrases of an AND of unboosted body terms and phrases, or None."""
    subs = q.subqueries if isinstance(q, wq.And) else [q]
    if q.boost != 1 or (isinstance(q, wq.And) and len(subs) < 2 and not isinstance(subs[0], wq.Phrase)):
        return None
    found: list[Clause] = []
    for sub in subs:
        if getattr(sub, "fieldname", None) != FIELD or sub.boost != 1:
            return None
        if type(sub) is wq.Term:
            found.append((sub.text,))
        elif type(sub) is wq.Phrase and sub.slop == 1 and len(sub.words) >= 2:
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


def _postings(reader, word: str, with_values: bool) -> dict[int, Any]:
    """docnum -> term frequency (or encoded positions) in one segment, deletions left out."""
    if not reader.doc_count() or (FIELD, word) not in reader:
        return {}
    matcher, deleted = _leaf(reader.postings(FIELD, word))
    found: dict[int, Any] = {}
    while matcher.is_active():
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
        matcher._goto(matcher._nextoffset)
    if len(deleted) < len(found):
        for docnum in deleted:
            found.pop(docnum, None)
    elif deleted:  # most of the segment deleted: keep the few live postings instead
        found = {docnum: value for docnum, value in found.items() if docnum not in deleted}
    return found


@dataclass
class _Clause:
    idf: float
    freqs: dict[int, float]  # docnum -> occurrences of the word or phrase


_FIRST = itemgetter(0)
Decode = Callable[[bytes, int], Iterable[int]]


def _char_positions(value: bytes, shift: int) -> Iterable[int]:
    """The word positions in a Characters posting value, less ``shift``: what
    ``whoosh.formats.Characters.decode_positions`` gives, decoded in C. With a shift the
    result also holds ``-shift`` itself, which no position matches."""
    if not value.endswith(b"."):
        value += b"."
    codes = map(_FIRST, loads(value[_INT_SIZE:]))
    return accumulate(codes, initial=-shift) if shift else accumulate(codes)


def _phrase_freqs(reader, words: Clause, decode: Decode) -> dict[int, float]:
    lists = [_postings(reader, w, with_values=True) for w in words]
    if not all(lists):
        return {}
    smallest: dict[int, Any] = min(lists, key=len)
    docs = set(smallest).intersection(*lists)
    freqs: dict[int, float] = {}
    first, rest = lists[0], list(enumerate(lists[1:], 1))
    for docnum in docs:
        starts = set(decode(first[docnum], 0))
        for offset, postings in rest:
            starts.intersection_update(decode(postings[docnum], offset))
            if not starts:
                break
        if starts:
            freqs[docnum] = float(len(starts))
    return freqs


@dataclass(frozen=True)
class FastResult:
    total: int
    ranked: list[tuple[float, int]]  # (score, global docnum), best first
    matched: list[int]  # every matching docnum


class ConjunctionSearcher:
    """Top-N, exact total and outlet counts; field lengths cached per segment."""

    def __init__(self) -> None:
        self._lengths: dict[int, list[int]] = {}

    def segment_lengths(self, reader) -> list[int]:
        key = id(reader)
        if key not in self._lengths:
            self._lengths[key] = [reader.doc_field_length(d, FIELD, 1)
                                  for d in range(reader.doc_count_all())]
        return self._lengths[key]

    def search(self, searcher, wanted: list[Clause], limit: int | None,
               facets: bool = False) -> FastResult:
        avgfl = searcher.avg_field_length(FIELD) or 1
        idfs = {w: searcher.idf(FIELD, w) for clause in wanted for w in clause}
        body_format = searcher.schema[FIELD].format
        decode: Decode = _char_positions if type(body_format) is Characters else (
            lambda value, shift: (p - shift for p in body_format.decode_positions(value)))
        scored: list[tuple[float, int]] = []
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            reader = sub.reader()
            parts = []
            for clause in wanted:
                freqs = (_postings(reader, clause[0], with_values=False) if len(clause) == 1
                         else _phrase_freqs(reader, clause, decode))
                parts.append(_Clause(sum(idfs[w] for w in clause), freqs))
            if not all(p.freqs for p in parts):
                continue
            parts.sort(key=lambda p: len(p.freqs))
            common = set(parts[0].freqs).intersection(*(p.freqs for p in parts[1:]))
            lengths = self.segment_lengths(reader)
            for docnum in common:
                length = lengths[docnum]
                score = sum(bm25(p.idf, p.freqs[docnum], length, avgfl, B, K1) for p in parts)
                scored.append((score, offset + docnum))
        ranked = heapq.nlargest(limit, scored, key=_rank_key) if limit else sorted(scored, key=_rank_key, reverse=True)
        matched = [d for _, d in scored] if facets else []
        return FastResult(len(scored), ranked, matched)
