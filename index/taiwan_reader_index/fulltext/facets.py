"""Facet counts over every matching article: outlet, and each entity field.

Values come from per-document columns (no stored-field unpickling); the
entity column is parsed once per document and kept for the searcher's life.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from .schema import FACET_FIELDS

FACET_LIMIT = 30


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


class FacetCounter:
    def __init__(self) -> None:
        self._entities: dict[int, dict[str, list[str]]] = {}

    def entity_lists(self, column, docnum: int) -> dict[str, list[str]]:
        found = self._entities.get(docnum)
        if found is None:
            raw = column[docnum] if column is not None else b""
            try:
                found = json.loads(raw) if raw else {}
            except ValueError:
                found = {}
            self._entities[docnum] = found
        return found

    def count(self, searcher, docnums: Iterable[int]) -> dict[str, tuple[tuple[str, int], ...]]:
        reader = searcher.reader()
        outlets = reader.column_reader("outlet_facet")
        entities = reader.column_reader("entity_column") if reader.has_column("entity_column") else None
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_FIELDS}
        for docnum in docnums:
            counts["outlet"][_text(outlets[docnum])] += 1
            for name, values in self.entity_lists(entities, docnum).items():
                if name in counts:
                    counts[name].update(values)
        return {
            name: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT])
            for name, c in counts.items() if c
        }
