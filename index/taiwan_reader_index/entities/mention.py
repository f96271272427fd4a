"""Entity mentions (recognised spans) and entities (mentions linked to a canonical name)."""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import LABEL_KIND


@dataclass(frozen=True)
class Mention:
    """A recognised span; offsets are into the article's decoded file text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Entity:
    """A mention linked to its canonical entity."""

    start: int
    end: int
    text: str
    label: str
    canonical: str

    @property
    def field(self) -> str | None:
        """The entity kind (index field and facet), or None for dates and numbers."""
        return LABEL_KIND.get(self.label)
