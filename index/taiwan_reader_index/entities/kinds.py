"""The entity kinds: one table for the index fields, facets, colours and labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityKind:
    name: str  # index field, facet, query prefix and colour class
    title: str  # a heading for a list of them
    labels: tuple[str, ...]  # the recogniser's labels (OntoNotes) of this kind


KINDS: tuple[EntityKind, ...] = (
    EntityKind("person", "People", ("PERSON",)),
    EntityKind("org", "Organisations", ("ORG",)),
    EntityKind("place", "Places", ("GPE", "LOC", "FAC")),
    EntityKind("group", "Groups", ("NORP",)),
    EntityKind("law", "Laws", ("LAW",)),
    EntityKind("event", "Events", ("EVENT",)),
    EntityKind("other", "Other", ("PRODUCT", "WORK_OF_ART", "LANGUAGE")),
)
KIND_NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)
KIND_TITLES: dict[str, str] = {k.name: k.title for k in KINDS}
# recogniser label -> kind (the index field and facet name)
LABEL_KIND: dict[str, str] = {label: k.name for k in KINDS for label in k.labels}
# kept, but not highlighted by default and not indexed as entities
QUANTITY_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                             "CARDINAL"})
