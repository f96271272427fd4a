"""Facet counts over every matching article: outlet, and each entity field.

Values come from per-document columns (no stored-field unpickling); the
entity column is parsed once per document and kept for the searcher's life.
The counts over the whole corpus (the reader's first screen) are kept beside
the index once counted, for the next start.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from ..locations import write_atomic
from .first_screen import screen_stamp
from .people import PeopleLinks
from .schema import FACET_FIELDS

log = logging.getLogger(__name__)
FACET_LIMIT = 30
Counts = dict[str, tuple[tuple[str, int], ...]]


def corpus_facets_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".facets.json")


def _saved_counts(index_path: Path, stamp: str) -> Counts | None:
    try:
        saved = json.loads(corpus_facets_path(index_path).read_text(encoding="utf-8"))
        if saved["stamp"] != stamp:
            return None
        return {str(name): tuple((str(value), int(n)) for value, n in pairs)
                for name, pairs in saved["facets"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # none yet, another index's, or damaged: counted again


def _merge_lone(counts: Counter[str], lone: Counter[str], searcher) -> None:
    """Add articles that name a person only by surname under the full name, written as
    the index has it (from this result, else from one article that names them)."""
    written = {name.casefold(): name for name in counts}
    for key, n in lone.items():
        name = written.get(key) or _written(searcher, key)
        counts[name] += n


def _written(searcher, key: str) -> str:
    docnum = searcher.document_number(person=key)
    if docnum is not None:
        for value in str(searcher.stored_fields(docnum).get("person", "")).split(","):
            if value.strip().casefold() == key:
                return value.strip()
    return key


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


class FacetCounter:
    def __init__(self) -> None:
        self._entities: dict[int, dict[str, list[str]]] = {}
        self._corpus: Counts | None = None

    def corpus(self, searcher, index_path: Path, people: Callable[[], PeopleLinks]) -> Counts:
        """The counts over every article: from the file saved beside the index for this
        generation of it, else counted (and saved for the next start)."""
        if self._corpus is None:
            stamp = screen_stamp(index_path, searcher.reader().generation())
            counts = _saved_counts(index_path, stamp)
            if counts is None:
                counts = self.count(searcher, searcher.reader().all_doc_ids(), people())
                try:
                    write_atomic(corpus_facets_path(index_path),
                                 json.dumps({"stamp": stamp, "facets": counts}))
                except OSError as exc:  # a read-only cache: counted again next time
                    log.info("could not keep the corpus's facet counts: %s", exc)
            self._corpus = counts
        return self._corpus

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

    def count(self, searcher, docnums: Iterable[int],
              people: PeopleLinks | None = None) -> Counts:
        """Articles per value; a lone surname the corpus gives one full name counts as that
        person (an article naming both counts once)."""
        reader = searcher.reader()
        outlets = reader.column_reader("outlet_facet")
        entities = reader.column_reader("entity_column") if reader.has_column("entity_column") else None
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_FIELDS}
        lone: Counter[str] = Counter()  # person keys counted under a full name, shown later
        for docnum in docnums:
            counts["outlet"][_text(outlets[docnum])] += 1
            for name, values in self.entity_lists(entities, docnum).items():
                if name == "person" and people is not None and people.full:
                    keys = {people.canonical(v) for v in values}
                    shown = {v.casefold(): v for v in values}
                    counts[name].update(shown[k] for k in keys if k in shown)
                    lone.update(k for k in keys if k not in shown)
                elif name in counts:  # once per article, however many spellings it has
                    counts[name].update({v.casefold(): v for v in values}.values())
        if lone:
            _merge_lone(counts["person"], lone, searcher)
        return {  # an outlet is chosen as written; an entity in any case (filter_query)
            name: tuple(sorted((c if name == "outlet" else _one_spelling(c)).items(),
                               key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT])
            for name, c in counts.items() if c
        }


def _one_spelling(counts: Counter[str]) -> Counter[str]:
    """One value per name whatever its case, under the spelling most articles give it
    in mixed case: a dateline's "NEW YORK" and the "New York" of prose are one place
    (each article counts a name once, so the counts add up)."""
    spellings: dict[str, list[tuple[int, str]]] = {}
    for value, n in counts.items():
        spellings.setdefault(value.casefold(), []).append((n, value))
    merged: Counter[str] = Counter()
    for variants in spellings.values():
        shown = max(variants, key=lambda v: (not v[1].isupper(), v[0], v[1]))[1]
        merged[shown] = sum(n for n, _ in variants)
    return merged
