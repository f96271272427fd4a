"""Entity mentions and the label vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

# spaCy label -> index field (and facet) name
LABEL_FIELD = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "LAW": "law", "EVENT": "event",
    "PRODUCT": "other", "WORK_OF_ART": "other", "LANGUAGE": "other",
}
# kept, but not highlighted by default and not indexed as entities
QUANTITY_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


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
        return LABEL_FIELD.get(self.label)
