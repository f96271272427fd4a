"""Which articles hold a quotation: the ``quote_keys`` column read into one sorted table.

Each article keeps the 64-bit keys of its quotations' runs of words in a column
(compare.quotes). Kept as terms, they were a quarter of the index (a term and a
postings block for each of 270,000 runs on Reuters, nearly all in one article);
as a column they take 8 bytes each. The table is read once per searcher (0.1 s
on Reuters) and answers a lookup with a binary search.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

FIELD = "quote_keys"


class QuoteTable:
    """Every live article's quotation keys, sorted, with the article (document number)
    each came from."""

    def __init__(self, reader) -> None:
        import numpy as np

        chunks: list[bytes] = []
        owners: list[int] = []
        counts: list[int] = []
        for leaf, offset in reader.leaf_readers():
            if not leaf.has_column(FIELD):
                continue
            column = leaf.column_reader(FIELD)
            for docnum in leaf.all_doc_ids():  # deleted articles are left out
                value = column[docnum]
                if value:
                    chunks.append(value)
                    owners.append(offset + docnum)
                    counts.append(len(value) // 8)
        keys = np.frombuffer(b"".join(chunks), dtype="<u8")
        docs = np.repeat(np.asarray(owners, dtype=np.int64), counts)
        order = np.argsort(keys, kind="stable")
        self._keys, self._docs = keys[order], docs[order]

    def __len__(self) -> int:
        return len(self._keys)

    def holders(self, keys: Iterable[bytes]) -> list[int]:
        """Document numbers of the articles holding any of ``keys``: the most keys first,
        then in index order."""
        import numpy as np

        wanted = np.frombuffer(b"".join(dict.fromkeys(keys)), dtype="<u8")
        if not len(wanted) or not len(self._keys):
            return []
        starts = np.searchsorted(self._keys, wanted, side="left")
        ends = np.searchsorted(self._keys, wanted, side="right")
        found: Counter[int] = Counter()
        for start, end in zip(starts.tolist(), ends.tolist()):
            found.update(set(self._docs[start:end].tolist()))
        return sorted(found, key=lambda docnum: (-found[docnum], docnum))
