"""Entity mentions (recognised spans) and entities (mentions linked to a canonical name)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .kinds import LABEL_KIND

# the parts of an article whose names are the article's own (page junk is not)
OWN_PARTS = frozenset({"title", "body", "byline", "caption"})
# the acronym a name is known by, in brackets right after it: "American Institute in Taiwan (AIT)"
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


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
    part: str = "body"  # "title", "body", "byline", "caption", or a kind of page junk

    @property
    def own(self) -> bool:
        """Whether the mention is in the article's own text (not a menu or related headline):
        only these count toward its facets and entity fields."""
        return self.part in OWN_PARTS

    @property
    def kind(self) -> str | None:
        """The entity kind ("person", "org", ...), or None for dates and numbers."""
        return LABEL_KIND.get(self.label)

    @property
    def field(self) -> str | None:
        """The index field and facet the entity counts in: its kind, or None for dates,
        numbers and names in page junk (a related headline is another story)."""
        return LABEL_KIND.get(self.label) if self.own else None


class Taken:
    """Whether a span overlaps any of the given mentions (sorted search, no scan)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start
