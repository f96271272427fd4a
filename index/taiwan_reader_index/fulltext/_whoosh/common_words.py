"""Each segment's common words as plain arrays in a file beside it, mapped into memory.

A word in a thousand articles or more comes back query after query, and Whoosh
keeps its postings as zlib-compressed pickles of 128 postings each: the first
search for "said" on 40,000 articles unpickles and inflates hundreds of blocks,
and ``PostingsCache`` only helps from the second. Segments never change once
written (a merge writes a new one), so at the end of each index run every
segment without one gets a ``<segment>.common`` file holding its common words'
document numbers, frequencies and positions (:func:`write_missing`), and a
search maps the file into memory and slices it (:class:`CommonWords`): what the
first read of such a word costs no longer grows with the corpus's blocks. Whoosh
deletes the file with its segment (the name matches its pattern for a segment's
files).

The file holds no pickle (opening an index must not run code from it): a JSON
directory and one array of little-endian uint32, checked against the file's size
when it is opened and each word's entry when it is read. Deleted documents stay
in the file, as in the segment's own postings, and are left out when read. A
missing or damaged file is passed over: the words are read through Whoosh::

    8 bytes   b"TRCOMMON"
    uint32    version (1), uint32 length of the directory
    JSON      {"words": {word: [at, postings, positions at, positions]}}
    padding   to a multiple of 4 bytes
    uint32[]  per word, from ``at``: its document numbers, then its frequencies;
              from ``positions at``: its positions + 32 (the low half of
              ``packed_format.positions_keys``), document by document
"""

from __future__ import annotations

import json
import logging
import mmap
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...locations import write_atomic
from ..packed_format import PackedCharacters, positions_keys
from .postings import FIELD, Postings, blocks, leaf_matcher

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

MAGIC = b"TRCOMMON"
VERSION = 1
SUFFIX = ".common"
MIN_POSTINGS = 1_000  # the words in a thousand articles of a segment or more
_HEAD = struct.Struct("<8sII")


def file_for(reader: Any) -> Path | None:
    """Where a segment reader's file is (whether or not it exists); None for a reader
    that is not one segment in a folder."""
    try:
        folder = reader.storage().folder
        segment = reader.segment().segment_id()
    except (AttributeError, NotImplementedError):
        return None
    return Path(folder) / f"{segment}{SUFFIX}"


def write_missing(index_path: Path, ix: Any) -> int:
    """Write the file of each segment of ``ix`` that has none (call with the writer's
    lock held, after the run's last commit); returns how many were written."""
    written = 0
    folder = index_path.resolve()
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            path = file_for(leaf)
            if path is None or path.parent.resolve() != folder or path.exists() \
                    or not leaf.doc_count_all():
                continue
            field = dict(leaf.schema.items()).get(FIELD)  # a Schema has no get()
            if not isinstance(getattr(field, "format", None), PackedCharacters):
                return written  # an index written in another format: read through Whoosh
            write_atomic(path, encode(leaf))
            written += 1
    return written


def encode(reader: Any) -> bytes:
    """The file's bytes for one segment reader."""
    import numpy as np

    directory: dict[str, list[int]] = {}
    parts: list[np.ndarray] = []
    size = 0
    for term, info in reader.iter_field(FIELD):
        if info.doc_frequency() < MIN_POSTINGS:
            continue
        word = term.decode("utf-8") if isinstance(term, bytes) else term
        docs, frequencies, values = _read_all(reader, word)
        counts = np.array([int.from_bytes(v[:4], "big") for v in values], dtype=np.int64)
        if not np.array_equal(counts, frequencies):  # weights that are not counts: leave it
            continue
        low = positions_keys(values, docs, 0) & 0xFFFFFFFF
        directory[word] = [size, len(docs), size + 2 * len(docs), len(low)]
        parts += [docs.astype("<u4"), counts.astype("<u4"), low.astype("<u4")]
        size += 2 * len(docs) + len(low)
    head = json.dumps({"words": directory}, ensure_ascii=False, separators=(",", ":"))
    body = head.encode("utf-8")
    body += b" " * (-(_HEAD.size + len(body)) % 4)
    data = np.concatenate(parts) if parts else np.zeros(0, dtype="<u4")
    return _HEAD.pack(MAGIC, VERSION, len(body)) + body + data.astype("<u4").tobytes()


def _read_all(reader: Any, word: str) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    """A word's postings in the segment as written, deleted documents included: document
    numbers, weights and encoded positions."""
    import numpy as np

    matcher = leaf_matcher(reader, word)
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    for block in blocks(matcher):
        ids.extend(block)
        matcher._read_weights()
        weights.extend(matcher._weights)
        matcher._read_values()
        values.extend(matcher._values)
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64), values


class CommonWords:
    """One segment's file, mapped into memory, read with the segment's deletions."""

    def __init__(self, data: np.ndarray, words: dict[str, list[int]],
                 deleted: np.ndarray) -> None:
        self._data, self._words, self._deleted = data, words, deleted

    @classmethod
    def open(cls, reader: Any) -> CommonWords | None:
        """The file of a segment reader, or None when it has none or it is damaged."""
        import numpy as np

        path = file_for(reader)
        if path is None or not path.is_file():
            return None
        try:
            with path.open("rb") as handle:
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            magic, version, length = _HEAD.unpack_from(mapped)
            if magic != MAGIC or version != VERSION:
                raise ValueError(f"not a version {VERSION} file of common words")
            start = _HEAD.size + length + (-(_HEAD.size + length) % 4)
            words = json.loads(bytes(mapped[_HEAD.size: _HEAD.size + length]))["words"]
            data = np.frombuffer(mapped, dtype="<u4", offset=start)
            if not isinstance(words, dict) or not all(_fits(e, len(data)) for e in words.values()):
                raise ValueError("its directory points past its end")
        except (OSError, ValueError, struct.error, KeyError, TypeError) as exc:
            log.warning("passing over %s (the words are read from the index): %s", path, exc)
            return None
        deleted = sorted(reader.deleted_docs_set) if reader.has_deletions() else []
        return cls(data, words, np.array(deleted, dtype=np.int64))

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def read(self, word: str, with_values: bool) -> Postings | None:
        """The word's postings (with the keys of its positions for ``with_values``, in
        place of its encoded values), or None when the file does not hold it."""
        import numpy as np

        entry = self._words.get(word)
        if entry is None:
            return None
        at, count, positions_at, positions = entry
        docs = self._data[at: at + count].astype(np.int64)
        frequencies = self._data[at + count: at + 2 * count]
        keep = ~np.isin(docs, self._deleted) if len(self._deleted) else None
        if not with_values:
            weights = frequencies.astype(np.float64)
            if keep is not None:
                docs, weights = docs[keep], weights[keep]
            return Postings(docs, weights, written=count)
        keys = np.repeat(docs << 32, frequencies.astype(np.int64))
        if len(keys) != positions:
            log.warning("passing over the common words' file entry for %r: damaged", word)
            return None
        keys += self._data[positions_at: positions_at + positions]
        if keep is not None:
            keys = keys[~np.isin(keys >> 32, self._deleted)]
            docs = docs[keep]
        return Postings(docs, positions=keys, written=count)


def _fits(entry: Any, size: int) -> bool:
    if not (isinstance(entry, list) and len(entry) == 4 and all(isinstance(v, int) for v in entry)):
        return False
    at, count, positions_at, positions = entry
    return min(entry) >= 0 and at + 2 * count <= size and positions_at + positions <= size
