"""What the rest of the program asks of a search engine.

Whoosh (:class:`~taiwan_reader_index.fulltext.searcher.Searcher`) is the
built-in engine. Everything above this layer (the library facade, the CLI,
the reader) uses only this interface, so a server engine could stand behind
it for an archive that outgrows one machine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from .hits import Hit, SearchResult

Filters = dict[str, list[str] | str]  # facet -> chosen value(s): any within a facet, all facets
StoredFields = dict[str, Any]  # at least "id" and "path"; "title", "outlet", "date" when known


class SearchEngine(Protocol):
    @property
    def doc_count(self) -> int:
        """Articles in the index."""
        ...

    @property
    def notice(self) -> str | None:
        """Why searches run slower or rougher than usual, or None."""
        ...

    def search(self, text: str, *, limit: int | None = 10, sort: str = "score",
               filters: Filters | None = None, facets: bool = False,
               snippets: bool = True,
               should_stop: Callable[[], bool] | None = None) -> SearchResult:
        """Ranked hits with snippets, facet counts and a "did you mean" suggestion;
        raises QueryError with a message for the user when the query is broken or runs
        past the time limit, and SearchCancelled once ``should_stop`` says so (a newer
        query replaced this one)."""
        ...

    def fuzzy_stems(self, word: str, maxdist: int, prefix: int = 1) -> list[str]:
        """The index terms a fuzzy term ``word~maxdist`` stands for (to mark them)."""
        ...

    def stored(self, article_id: str) -> StoredFields | None:
        """The stored fields of one article, or None."""
        ...

    def titles(self) -> list[tuple[str, str, str]]:
        """(id, title, outlet) of every article, by title."""
        ...

    def more_like(self, article_id: str, top: int = 5) -> list[Hit]:
        """The articles most like this one."""
        ...

    def quote_candidates(self, shingles: list[str], exclude: str,
                         limit: int = 50) -> list[StoredFields]:
        """Stored fields of articles holding any of these quotation shingles."""
        ...

    def refresh(self) -> None:
        """See commits made since the engine was opened."""
        ...

    def close(self) -> None:
        ...

    def __enter__(self) -> SearchEngine:
        ...

    def __exit__(self, *exc: object) -> None:
        ...
