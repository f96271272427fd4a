"""A word's postings in one segment, read a block at a time into arrays, and a cache of
the common words' postings.

Whoosh reads postings one document at a time through matchers in pure Python.
The fast paths (``conjunction``, ``disjunction``) read each block's ids and term
frequencies (or encoded positions) whole and keep them as numpy arrays: sets are
intersected, documents scored and the best ones picked in C, and a kept posting
costs 16 bytes instead of the hundred of a dict entry with its number objects, so
the cache holds five to six times as many words in the same memory.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from itertools import accumulate
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

from ..packed_format import positions_keys

if TYPE_CHECKING:
    import numpy as np

    from .common_words import CommonWords

FIELD = "body"


@dataclass(frozen=True, eq=False)
class Postings:
    """One word's (or phrase's) postings in one segment: ascending document numbers with,
    in the same order, either term frequencies or the encoded positions and character
    spans (the body's format, ``packed_format``)."""

    docs: np.ndarray  # int64, ascending
    weights: np.ndarray | None = None  # float64 occurrences: a read without values
    values: list[bytes] | None = None  # a read with values (not kept: see PostingsCache)
    # of a common word read with values: the keys of all its positions (positions_keys)
    positions: np.ndarray | None = None
    # of a whole read: the postings the segment holds, its deleted documents' too (the
    # document frequency Whoosh's idf counts)
    written: int | None = None

    def __len__(self) -> int:
        return len(self.docs)

    def position_keys(self, docs: np.ndarray) -> np.ndarray:
        """Position keys (``positions_keys``, shift 0) in ``docs`` at least (ascending,
        each among these postings): a common word's, of all its documents, made once
        when it was read; else made from the values of those documents."""
        if self.positions is not None:
            return self.positions
        assert self.values is not None
        values = self.values
        return positions_keys([values[i] for i in self.at(docs).tolist()], docs, 0)

    def at(self, docs: np.ndarray) -> np.ndarray:
        """Where each of ``docs`` (ascending, every one among these postings) stands."""
        import numpy as np

        return np.searchsorted(self.docs, docs)

    def value(self, docnum: int) -> bytes | None:
        """The encoded positions in one document, None where the word is not in it or
        the values were not kept."""
        i = self._index(docnum)
        return None if self.values is None or i is None else self.values[i]

    def holds(self, docnum: int) -> bool:
        return self._index(docnum) is not None

    def _index(self, docnum: int) -> int | None:
        i = bisect_right(self.docs, docnum) - 1  # a numpy array bisects as a sequence
        return i if i >= 0 and self.docs[i] == docnum else None

    @property
    def size(self) -> int:
        """Estimated bytes in memory: the arrays, and each value with its list slot."""
        size = sum(a.nbytes for a in (self.docs, self.weights, self.positions) if a is not None)
        if self.values is not None:
            size += sum(map(len, self.values)) + 41 * len(self.values)
        return size


def empty() -> Postings:
    """No postings: one object, its arrays read-only (a prefix's words are looked for in
    every segment, and most segments lack most of them)."""
    global _EMPTY
    if _EMPTY is None:
        import numpy as np

        docs, weights = np.zeros(0, dtype=np.int64), np.zeros(0)
        docs.flags.writeable = weights.flags.writeable = False
        _EMPTY = Postings(docs, weights, written=0)
    return _EMPTY


_EMPTY: Postings | None = None


def values_in(reader, field: str, word: bytes, docnums: list[int]) -> Iterator[tuple[int, bytes]]:
    """The encoded value (positions, spans) of ``word`` in each of ``docnums`` (sorted
    document numbers of one segment, none deleted) that holds it, read from the block
    that holds it, found through the word's block directory.

    Whoosh's ``skip_to`` reads the header of every block before the one it wants (the
    first block's postings too): the snippets' words are common ones, and on 40,000
    articles a phrase search spent a quarter of its time walking "the" and "of"
    block by block to reach ten articles. The directory is read once per segment
    reader and word, and kept while the reader is (a refreshed index has new ones).
    """
    try:
        matcher = _matcher(reader, field, word)
    except TermNotFound:
        return
    maxids, offsets = _directory(reader, field, word, matcher)
    block = -1
    ids: Any = ()
    for docnum in docnums:
        at = bisect_left(maxids, docnum)
        if at == len(maxids):
            return
        if at != block:
            block = at
            matcher._goto(offsets[at])
            matcher._read_ids()
            ids = matcher._ids
            matcher._read_values()
        i = bisect_left(ids, docnum)
        if i < len(ids) and ids[i] == docnum:
            yield docnum, matcher._values[i]


_KEPT_DIRECTORIES = 4096  # words per segment reader


def _directory(reader, field: str, word: bytes, matcher: W3LeafMatcher,
               ) -> tuple[list[int], list[int]]:
    """Each block's last document number and where it starts in the postings file."""
    if matcher._lastblock:  # one block: nothing to keep
        return [matcher._maxid], [matcher._baseoffset]
    kept = _DIRECTORIES.setdefault(reader, {})
    found = kept.get((field, word))
    if found is None:
        maxids, offsets = [], []
        position = matcher._baseoffset
        while True:
            matcher._goto(position)
            maxids.append(matcher._maxid)
            offsets.append(position)
            if matcher._lastblock:
                break
            position = matcher._nextoffset
        if len(kept) >= _KEPT_DIRECTORIES:
            kept.pop(next(iter(kept)))
        found = kept[(field, word)] = (maxids, offsets)
    return found


_DIRECTORIES: WeakKeyDictionary[Any, dict[tuple[str, bytes], tuple[list[int], list[int]]]] = \
    WeakKeyDictionary()


def leaf_matcher(reader, word: str, terminfo: Any = None) -> W3LeafMatcher:
    """A word's postings matcher in one segment, at its first posting, deleted documents
    included (the word's term info, when known, saves looking it up). Raises
    TermNotFound for a word the segment lacks.

    Not ``reader.postings``: that wraps the matcher in a filter of the deleted documents,
    which moves it past the ones at the start of the list at once, so their blocks and
    their count (the document frequency Whoosh's idf counts) were lost: a word whose
    first article in a segment had been edited scored 12% above Whoosh's score."""
    return _matcher(reader, FIELD, reader.schema[FIELD].to_bytes(word), terminfo)


def _matcher(reader, field: str, word: bytes, terminfo: Any = None) -> W3LeafMatcher:
    """A word's matcher over all its postings in one segment, deleted documents
    included, at the first; its term info is looked up unless given (TermNotFound for a
    word the segment lacks)."""
    terms = reader._terms
    if terminfo is None:
        terminfo = terms.term_info(field, word)
    return terms._codec.postings_reader(terms._postfile, terminfo, reader.schema[field].format,
                                        term=(field, word))


def blocks(matcher: W3LeafMatcher, within: list[int] | None = None) -> Iterator[Iterable[int]]:
    """The document numbers of each block of a leaf matcher's postings, the matcher on
    that block as each is given (its weights and values can be read then). With
    ``within`` (sorted docnums), only the blocks that may hold one of them."""
    below = -1  # every docnum in the block is above the last block's last docnum
    while matcher.is_active():
        last = matcher._maxid
        if within is None or _holds_one_of(within, below, last):
            matcher._read_data()
            block = matcher._data[0]
            # delta-coded, as W3LeafMatcher._read_ids decodes them
            yield block if matcher._byteids else accumulate(block)
        if matcher._lastblock:
            break
        below = last
        matcher._goto(matcher._nextoffset)


WALK_MIN = 8  # words to find in one segment before its term table is walked for them
WALK_SPAN = 3  # table entries walked at most per word sought (then: looked up one by one)


def term_infos(reader, words: list[str]) -> dict[str, Any]:
    """Where the words stand in one segment's term table, found in one walk of the
    table in order from the first of them: each word's term info, or None for a word
    the segment lacks. A word past the end of the walk (at most ``WALK_SPAN`` entries
    per word, when other terms lie between them) is not in the answer.

    A prefix stands for hundreds of words; looking each up in every segment (hashing
    the key, reading the slot, then the entry, in Python) cost more than reading their
    postings: "noit*" on 40,000 articles, 331 words and four segments, 20 of 36 ms.
    The table's keys are also in order, so the words that share a beginning lie
    together and one walk reads each entry once (see :func:`_entries`).
    """
    from whoosh.codec.whoosh3 import W3TermInfo

    terms = reader._terms
    field = reader.schema[FIELD]
    wanted = sorted((terms._keycoder(FIELD, field.to_bytes(word)), word) for word in words)
    table = terms._tindex
    found: dict[str, Any] = {}
    budget = WALK_SPAN * len(wanted)
    start = table.closest_key_pos(wanted[0][0])
    i = 0
    for key, data in _entries(table, table.endofdata if start is None else start):
        while i < len(wanted) and wanted[i][0] < key:  # passed over: not in this segment
            found[wanted[i][1]] = None
            i += 1
        if i < len(wanted) and wanted[i][0] == key:
            found[wanted[i][1]] = W3TermInfo.from_bytes(data)
            i += 1
        budget -= 1
        if i == len(wanted) or not budget:
            break
    else:  # the table ended: the words after its last key are not in it
        found.update((word, None) for _, word in wanted[i:])
    return found


_LENGTHS = struct.Struct("!ii")  # a table entry's key and data lengths (filetables._lengths)
_CHUNK = 1 << 16  # bytes of the term table read at once


def _entries(table, position: int) -> Iterator[tuple[bytes, bytes]]:
    """The (key, data) entries of an ordered hash table from ``position`` (an entry's
    start) on, read from the file a chunk at a time: Whoosh's own walk reads each
    entry's lengths, key and data apart, three seeks and reads an entry ("inte*" at
    40,000 articles, 150 words in four segments: 1.7 -> 1.4 ms)."""
    dbfile, end = table.dbfile, table.endofdata
    chunk, base = b"", position
    while position < end:
        at = position - base
        if at + _LENGTHS.size > len(chunk):
            chunk, base, at = dbfile.get(position, min(_CHUNK, end - position)), position, 0
        keylen, datalen = _LENGTHS.unpack_from(chunk, at)
        stop = at + _LENGTHS.size + keylen + datalen
        if stop > len(chunk):  # the entry runs past the chunk: read on from its start
            size = min(max(_CHUNK, stop - at), end - position)
            chunk, base, stop, at = dbfile.get(position, size), position, stop - at, 0
        keyat = at + _LENGTHS.size
        yield chunk[keyat:keyat + keylen], chunk[keyat + keylen:stop]
        position = base + stop


def read_postings(reader, word: str, with_values: bool, within: list[int] | None = None,
                  terminfo: Any = None) -> Postings:
    """A word's postings in one segment, deletions left out. With ``within`` (sorted
    docnums), only the blocks that may hold one of them are read: the rest may be left
    out. With ``terminfo`` (from :func:`term_infos`), the word is not looked up."""
    import numpy as np

    if not reader.doc_count():
        return empty()
    field = reader.schema[FIELD]
    if terminfo is None:
        try:  # one look-up of the term (asking "in reader" first was a second one)
            terminfo = reader._terms.term_info(FIELD, field.to_bytes(word))
        except TermNotFound:
            return empty()
    deleted = reader.deleted_docs_set
    one = _one_block(reader, terminfo, field, with_values)
    if one is not None:
        ids: Iterable[int] = one[0]
        weights: Iterable[float] = () if with_values else one[1]
        values: list[bytes] = list(one[1]) if with_values else []
    else:
        matcher = leaf_matcher(reader, word, terminfo)
        ids, weights, values = [], [], []
        for block in blocks(matcher, within):
            ids.extend(block)
            if with_values:
                matcher._read_values()
                values.extend(matcher._values)
            else:
                matcher._read_weights()
                weights.extend(matcher._weights)
    docs = np.fromiter(ids, dtype=np.int64)
    frequencies = None if with_values else np.array(weights, dtype=np.float64)
    written = len(docs) if within is None or one is not None else None
    if deleted:
        keep = ~np.isin(docs, np.fromiter(deleted, dtype=np.int64, count=len(deleted)))
        docs = docs[keep]
        if frequencies is None:
            values = [value for value, kept in zip(values, keep.tolist()) if kept]
        else:
            frequencies = frequencies[keep]
    if frequencies is None:
        return Postings(docs, values=values, written=written)
    return Postings(docs, frequencies, written=written)


_MAGIC = b"W3Bl"  # the start of a word's postings (whoosh3.WHOOSH3_HEADER_MAGIC)
_SIZE = struct.Struct("!i")  # a block's length, negative for the last


def _one_block(reader, terminfo: Any, field: Any, with_values: bool,
               ) -> tuple[Iterable[int], Any] | None:
    """The document numbers and the frequencies (or values) of a word whose postings are
    one block, decoded from its bytes, read at once; None for a longer list, or bytes
    not as expected (Whoosh's matcher reads those).

    Most of a prefix's words are in a few articles each, and are not kept: each was
    read through a new matcher (five seeks and reads, the block's header unpickled) at
    every search: the whole read of such a word took 18 us, and 9 this way (a prefix on
    40,000 articles reads hundreds in each segment)."""
    if terminfo.doc_frequency() > _BLOCK or (with_values and field.format.fixed_value_size()
                                             not in (None, -1)):
        return None
    offset, length = terminfo.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it a 1-tuple
        length = length[0]
    raw = reader._terms._postfile.get(offset, length)
    if raw[:4] != _MAGIC or len(raw) < 8:
        return None
    (size,) = _SIZE.unpack_from(raw, 4)
    if size >= 0 or 8 - size != len(raw):  # not one last block filling the extent
        return None
    stream = BytesIO(raw)
    stream.seek(8)
    count, _, _, compression, _, _ = pickle.load(stream)
    data = raw[stream.tell():]
    ids, weights, values = pickle.loads(zlib.decompress(data) if compression else data)
    if len(ids) != count:
        return None
    docs = accumulate(ids)  # delta-coded, as W3LeafMatcher._read_ids decodes them
    if with_values:
        return docs, values
    if weights is None:  # all 1 (as W3LeafMatcher._read_weights reads them)
        return docs, [1.0] * count
    if isinstance(weights, float):  # all the same
        return docs, [weights] * count
    return docs, weights


_UNKNOWN: Any = object()  # a word's term info not yet looked up
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

    ``MIN_POSTINGS`` is one block: a word in more than one block is kept. At a
    thousand (the common words' files' own limit), the middling words that prefixes,
    ORs and fuzzy words stand for were decoded block by block at each search that
    named them; kept from one block up, every kind's p95 fell, at 40,000 articles
    one word 5.9 -> 3.9 ms, AND 7.6 -> 6.2, prefix 11.0 -> 9.9, fuzzy 6.8 -> 5.4
    (``bench_search.py``'s queries, three alternating rounds).
    """

    MIN_POSTINGS = _BLOCK
    BUDGET = 64 * 1024 * 1024

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[int, str, bool], tuple[Postings, int]] = OrderedDict()
        self._size = 0
        self._uses: dict[tuple[int, str, bool], int] = {}  # of each kept read, while kept
        self._priority: dict[tuple[int, str, bool], float] = {}  # uses + age when last used
        self._age = 0.0  # the priority of the last read dropped
        # each segment's file of common words (common_words.py), once per reader
        self._files: dict[int, CommonWords | None] = {}

    def read_all(self, reader, words: list[str], with_values: bool,
                 check: Callable[[], None] = lambda: None) -> Iterator[Postings]:
        """``read`` of each word, whole. When many are neither kept nor in the segment's
        file of common words (a prefix's words), the segment's term table is walked once
        for them (``term_infos``) rather than asked for each."""
        kept, mapped = self._kept, self._common(reader)
        sought = [word for word in words if (id(reader), word, with_values) not in kept
                  and not (mapped is not None and word in mapped)]
        infos = term_infos(reader, sought) if len(sought) >= WALK_MIN else {}
        for word in words:
            check()
            info = infos.get(word, _UNKNOWN)
            # (a word the walk found the segment lacks is neither kept nor in its file)
            yield empty() if info is None else self.read(reader, word, with_values,
                                                         terminfo=info)

    def _common(self, reader) -> CommonWords | None:
        """The segment's file of common words, opened once per reader."""
        if id(reader) not in self._files:
            from .common_words import CommonWords

            self._files[id(reader)] = CommonWords.open(reader)
        return self._files[id(reader)]

    def read(self, reader, word: str, with_values: bool, within: np.ndarray | None = None,
             terminfo: Any = _UNKNOWN) -> Postings:
        """As ``read_postings``. A common word is read whole and kept, unless ``within``
        is so short that most of its blocks would be skipped; a kept read serves any
        ``within``. ``terminfo`` is the word's in this segment when known (None: the
        segment lacks it)."""
        key = (id(reader), word, with_values)
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            self._uses[key] += 1
            self._priority[key] = self._uses[key] + self._age
            return kept[0]
        mapped = self._common(reader)
        found = mapped.read(word, with_values) if mapped is not None else None
        if found is not None:  # a common word, from the segment's file: no blocks decoded
            if len(found) >= self.MIN_POSTINGS:
                self._keep(key, found)
            return found
        if terminfo is None:
            return empty()
        known = None if terminfo is _UNKNOWN else terminfo
        if within is not None:
            count = reader.doc_frequency(FIELD, word) if known is None else known.doc_frequency()
            if count < self.MIN_POSTINGS or len(within) * _SPARSE * _BLOCK < count:
                return read_postings(reader, word, with_values, within.tolist(), known)
        found = read_postings(reader, word, with_values, terminfo=known)
        if len(found) < self.MIN_POSTINGS:
            return found
        if not with_values:
            self._keep(key, found)
            return found
        # What phrases need of a common word is where it stands: its positions' keys,
        # in numpy, made once (a phrase of common words, "in the", spent as long making
        # them as matching them). Its values (three times their size as Python objects)
        # are read again only for the few hits a search shows, to mark them in snippets.
        keys = positions_keys(found.values or [], found.docs, 0)
        where = Postings(found.docs, positions=keys, written=found.written)
        self._keep(key, where)
        return Postings(found.docs, values=found.values, positions=keys, written=found.written)

    def _keep(self, key: tuple[int, str, bool], found: Postings) -> None:
        size = found.size
        self._kept[key] = (found, size)
        self._size += size
        self._uses[key] = 1
        self._priority[key] = 1 + self._age
        self._shrink()

    def _shrink(self) -> None:
        while self._size > self.BUDGET and len(self._kept) > 1:
            least = min(self._kept, key=self._priority.__getitem__)  # oldest on ties
            _, dropped = self._kept.pop(least)
            self._size -= dropped
            self._age = self._priority.pop(least)
            del self._uses[least]


def _holds_one_of(docnums: list[int], below: int, last: int) -> bool:
    """Whether a sorted list holds a docnum in (below, last]."""
    i = bisect_right(docnums, below)
    return i < len(docnums) and docnums[i] <= last
