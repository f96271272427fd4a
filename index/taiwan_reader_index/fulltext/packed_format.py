"""The body field's postings format: positions and character offsets as packed arrays.

Whoosh's ``Characters`` format pickles each posting as a list of
``(position delta, start delta, length)`` tuples, and every phrase check and
snippet unpickles and walks that list in Python. Here the same three columns
are stored as planes of unsigned little-endian integers (16-bit when every
value fits, else 32-bit)::

    uint32 frequency (big-endian, as Whoosh's formats: decode_frequency reads it)
    1 byte typecode of the planes ("H" or "I")
    frequency x position deltas | frequency x start deltas | frequency x lengths

Decoding is an ``array`` built from the bytes (in C), about 40% smaller than
the pickle, and a batch of postings can be read as one numpy array (phrases:
``positions_keys``). The class is pickled into the index's schema by name, so
it must keep its module path; an index written with another format is opened
with that format (Whoosh stores it with the index).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from whoosh.formats import Characters
from whoosh.system import _INT_SIZE, pack_uint

if TYPE_CHECKING:
    import numpy as np

_HEADER = _INT_SIZE + 1  # frequency, typecode
_SWAP = sys.byteorder != "little"  # the planes are little-endian on disk
_MAX_SHORT = 0xFFFF


def _planes(value: bytes) -> array:
    typecode = chr(value[_INT_SIZE])
    planes = array(typecode, value[_HEADER:])
    if _SWAP:
        planes.byteswap()
    return planes


class PackedCharacters(Characters):
    """Positions and character spans, as ``whoosh.formats.Characters`` gives them,
    stored as packed integer planes (see the module's docstring)."""

    def encode(self, poslist: Sequence[tuple[int, int, int]]) -> bytes:
        count = len(poslist)
        values = [0] * (3 * count)
        posbase = charbase = 0
        for i, (pos, startchar, endchar) in enumerate(poslist):
            values[i] = pos - posbase
            values[count + i] = startchar - charbase
            values[2 * count + i] = endchar - startchar
            posbase, charbase = pos, endchar
        typecode = "H" if max(values, default=0) <= _MAX_SHORT else "I"
        planes = array(typecode, values)
        if _SWAP:
            planes.byteswap()
        return pack_uint(count) + typecode.encode("ascii") + planes.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        planes = _planes(valuestring)
        return list(accumulate(planes[: len(planes) // 3]))

    def decode_characters(self, valuestring: bytes) -> list[tuple[int, int, int]]:
        planes = _planes(valuestring)
        count = len(planes) // 3
        found = []
        position = endchar = 0
        for delta, gap, length in zip(planes[:count], planes[count: 2 * count], planes[2 * count:]):
            position += delta
            startchar = endchar + gap
            endchar = startchar + length
            found.append((position, startchar, endchar))
        return found

    def combine(self, vs: Sequence[bytes]) -> bytes:  # Characters.combine has a typo
        spans: dict[int, tuple[int, int]] = {}
        for value in vs:
            for pos, startchar, endchar in self.decode_characters(value):
                old = spans.get(pos)
                spans[pos] = (startchar, endchar) if old is None else (
                    min(startchar, old[0]), max(endchar, old[1]))
        return self.encode([(pos, *spans[pos]) for pos in sorted(spans)])


def positions_keys(values: Sequence[bytes], docnums: Sequence[int] | np.ndarray, shift: int,
                   ) -> np.ndarray:
    """Every position of a word in the given postings (one value per document, in
    ascending document order), as sorted int64 keys ``docnum << 32 | position - shift
    + 32``: the keys of two words meet where the second follows the first (shift 1)."""
    import numpy as np  # loaded by the first phrase, not with the schema at start-up

    header = np.frombuffer(b"".join([value[:_HEADER] for value in values]),
                           dtype=np.dtype([("count", ">u4"), ("typecode", "u1")]))
    counts = header["count"].astype(np.int64)
    if not counts.size:
        return np.zeros(0, dtype=np.int64)
    if (header["typecode"] == ord("H")).all():
        width, dtype = 2, "<u2"
    else:  # a gap of more than 65,535 somewhere: read every posting as 32-bit
        values = [_widened(value) for value in values]
        width, dtype = 4, "<u4"
    deltas = np.frombuffer(
        b"".join([value[_HEADER: _HEADER + width * count]
                  for value, count in zip(values, counts.tolist())]), dtype=dtype).astype(np.int64)
    running = np.cumsum(deltas)
    firsts = np.cumsum(counts) - counts
    positions = running - np.repeat(running[firsts] - deltas[firsts], counts)
    owners = np.repeat(np.asarray(docnums, dtype=np.int64), counts)
    return (owners << 32) + positions + (32 - shift)


def _widened(value: bytes) -> bytes:
    """A posting value with its planes as 32-bit integers."""
    if chr(value[_INT_SIZE]) == "I":
        return value
    planes = array("I", _planes(value))
    if _SWAP:
        planes.byteswap()
    return value[:_INT_SIZE] + b"I" + planes.tobytes()
