"""A numeric column read whole (the first screen sorts every article by date)."""

from __future__ import annotations

import struct

from whoosh import columns

from . import AVAILABLE


def numbers(column) -> list[int]:
    """Every document's value in a numeric column reader. Its bytes are read and
    unpacked at once, where iterating the reader reads the file once per document
    (19,043 articles: 2 ms against 42). Any other reader is iterated."""
    if not AVAILABLE or type(column) is not columns.NumericColumn.Reader:
        return list(column)
    stored = column._count  # (a column written short: the rest take the default)
    raw = column._dbfile.get(column._basepos, column._fixedlen * stored)
    values = list(struct.unpack(f"!{stored}{column._typecode}", raw))
    return values + [column._default] * (column._doccount - stored)
