"""A comparison of two reports: their alignment and the entities each names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..articles.article import Article
from ..entities.mention import Entity
from .align import Alignment, align


@dataclass(frozen=True)
class EntityOverlap:
    """Canonical names (of the kinds that have a search field) in both reports or one:
    the bodies only, as the comparison reads them (not titles, bylines or captions)."""

    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    @classmethod
    def of(cls, entities_a: Iterable[Entity] | None,
           entities_b: Iterable[Entity] | None) -> EntityOverlap:
        names_a = {e.canonical for e in entities_a or () if e.field and e.part == "body"}
        names_b = {e.canonical for e in entities_b or () if e.field and e.part == "body"}
        return cls(tuple(sorted(names_a & names_b)), tuple(sorted(names_a - names_b)),
                   tuple(sorted(names_b - names_a)))

    def swapped(self) -> EntityOverlap:
        return EntityOverlap(self.shared, self.only_b, self.only_a)


@dataclass(frozen=True)
class Comparison:
    """Two reports side by side; offsets are into each article's decoded file text."""

    a: Article
    b: Article
    alignment: Alignment
    entities: EntityOverlap

    def swapped(self) -> Comparison:
        """The same comparison seen from the other side."""
        return Comparison(self.b, self.a, self.alignment.swapped(), self.entities.swapped())


def compare(a: Article, b: Article, entities_a: Iterable[Entity] | None = None,
            entities_b: Iterable[Entity] | None = None) -> Comparison:
    """Align ``a`` and ``b`` and set their entities side by side."""
    entities_a = list(entities_a) if entities_a is not None else None
    entities_b = list(entities_b) if entities_b is not None else None
    result = align(a, b, entities_a=entities_a, entities_b=entities_b)
    return Comparison(a, b, result, EntityOverlap.of(entities_a, entities_b))
