"""The parsed article: one immutable value per file, shared by index, CLI and reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

JUNK_LABELS = {
    "byline": "Byline",
    "caption": "Photo caption",
    "related": "Related headlines",
    "teaser": "Teasers",
    "navigation": "Navigation",
    "notice": "Site notice",
    "comments": "Comments",
    "footer": "Page footer",
    "signoff": "Agency sign-off",
}

# Set apart from the body but the article's own: their names are highlighted and
# counted for the article, and they stay out of the body the comparison reads.
ARTICLE_PARTS = frozenset({"byline", "caption"})


@dataclass(frozen=True)
class Block:
    """One paragraph-level block of the article, located in the decoded file text.

    ``start``/``end`` are character offsets into ``Article.source`` so that any
    later analysis (entities, comparison) can point back into the original file.
    ``junk`` names the kind of page junk the block is ("byline", "caption",
    "related", "teaser") or is None for article text.
    """

    text: str
    start: int
    end: int
    kind: str = "paragraph"  # "paragraph" | "heading" | "list_item"
    junk: str | None = None
    reason: str = ""

    @property
    def part(self) -> str:
        """"body", an article part ("byline", "caption"), or the kind of page junk."""
        return self.junk or "body"


@dataclass(frozen=True)
class JunkGroup:
    """Consecutive junk blocks of one kind, shown collapsed under one label."""

    kind: str
    blocks: tuple[Block, ...]

    @property
    def label(self) -> str:
        return JUNK_LABELS.get(self.kind, self.kind.title())


@dataclass(frozen=True)
class Article:
    id: str
    path: Path
    title: str
    outlet: str
    author: str
    date: datetime | None
    blocks: tuple[Block, ...]
    source: str
    content_hash: str
    title_derived: bool = False
    warnings: tuple[str, ...] = field(default=())
    title_span: tuple[int, int] | None = None  # where the title stands in ``source``, if it does

    def part_at(self, start: int, end: int) -> str | None:
        """Which part of the article the text at [start, end) is in: "title", "body",
        "byline", "caption", a kind of page junk, or None (front matter, blank lines)."""
        if self.title_span and self.title_span[0] <= start and end <= self.title_span[1]:
            return "title"
        for block in self.blocks:
            if block.start <= start and end <= block.end:
                return block.part
        return None

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """The article text proper: every block that is not page junk."""
        return tuple(b for b in self.blocks if b.junk is None)

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.paragraphs)

    @property
    def junk_groups(self) -> tuple[JunkGroup, ...]:
        groups: list[JunkGroup] = []
        previous = -2
        for i, block in enumerate(self.blocks):
            if block.junk is None:
                continue
            if groups and groups[-1].kind == block.junk and previous == i - 1:
                groups[-1] = JunkGroup(block.junk, (*groups[-1].blocks, block))
            else:
                groups.append(JunkGroup(block.junk, (block,)))
            previous = i
        return tuple(groups)

    @property
    def date_text(self) -> str:
        return self.date.date().isoformat() if self.date else ""

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.paragraphs)


@dataclass(frozen=True)
class LoadProblem:
    """Why a file was not indexed (or was indexed with a caveat)."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
