"""One person, one facet value across the corpus.

Within an article, "Mr Blair" links to "Tony Blair" when the article names
him in full. Across articles the index may hold a lone "Blair" from a report
that never gives the first name. Where the corpus names exactly one person in
full with that name ("Tony Blair"), the lone name is that person: facets count
the two as one, and a search or facet choice for either finds both. Where
two full names share it ("Tony Blair", "Cherie Blair") it is left alone. The
user's ``aliases.toml`` still decides first: it shapes the names indexed.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq

FIELD = "person"


class PeopleLinks:
    """Lone names (case folded) -> the one full name (case folded) they stand for."""

    def __init__(self, names: Iterable[str]) -> None:
        full_by_part: dict[str, set[str]] = {}
        lone: set[str] = set()
        self.indexed: set[str] = set()
        for name in names:
            self.indexed.add(name)
            parts = name.split()
            if len(parts) >= 2:
                for part in parts:
                    full_by_part.setdefault(part, set()).add(name)
            elif parts:
                lone.add(name)
        self.full: dict[str, str] = {}
        for name in lone:
            candidates = full_by_part.get(name, set())
            if len(candidates) == 1:
                self.full[name] = next(iter(candidates))
        self.by_part = {part: sorted(full) for part, full in full_by_part.items()}
        self.variants: dict[str, list[str]] = {}
        for short, full in sorted(self.full.items()):
            self.variants.setdefault(full, []).append(short)

    @classmethod
    def of_reader(cls, reader) -> PeopleLinks:
        if FIELD not in reader.schema:
            return cls(())
        return cls(t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.field_terms(FIELD))

    def canonical(self, name: str) -> str:
        """The full name (case folded) a person facet value stands for."""
        key = name.casefold()
        return self.full.get(key, key)

    def names(self, name: str) -> list[str]:
        """Every indexed value (case folded) for the person ``name`` names."""
        full = self.canonical(name)
        return [full, *self.variants.get(full, [])]

    def searched(self, name: str) -> list[str]:
        """The indexed values a search for ``person:name`` should find: the person's
        other names, and, for one name the index holds only as part of full names
        (``person:Tsai``), every full name with that part."""
        names = self.names(name)
        key = name.casefold()
        if key not in self.indexed:
            names += [full for full in self.by_part.get(key, []) if full not in names]
        return names

    def expand(self, q: wq.Query) -> wq.Query:
        """``q`` with each person term also matching the other names of that person."""

        def widen(node: wq.Query) -> wq.Query:
            if isinstance(node, wq.Term) and node.fieldname == FIELD and isinstance(node.text, str):
                names = self.searched(node.text)
                if len(names) > 1 or names[0] != node.text:
                    return wq.Or([wq.Term(FIELD, n, boost=node.boost) for n in names])
            return node

        return q.accept(widen)
