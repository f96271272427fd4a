"""What a search returns: plain dataclasses, safe to pass between threads and
to the UI, with no Whoosh objects inside."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

Segment = tuple[str, bool]  # (text, is_hit)
SORTS = ("score", "date", "title", "outlet")


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    outlet: str
    author: str
    date: datetime | None
    path: str
    score: float
    snippet: tuple[Segment, ...]

    @property
    def date_text(self) -> str:
        return self.date.date().isoformat() if self.date else ""

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)

    def snippet_marked(self, before: str = "**", after: str = "**") -> str:
        return "".join(f"{before}{t}{after}" if hit else t for t, hit in self.snippet)


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None = None
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    took_ms: float = 0.0  # the search itself: matching, snippets, facets, suggestion
