"""The index of one corpus as a long-running program keeps it: the first build,
opening it (a damaged one is moved aside and rebuilt), refreshing it while in
use, and the list of titles. The reader drives one of these from its worker
threads; nothing here knows about the UI.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .articles.discovery import discover
from .errors import IndexProblem
from .fulltext.indexer import IndexReport, ProgressCallback, StopCheck
from .library import Library

if TYPE_CHECKING:
    from .fulltext.engine import SearchEngine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NoArticles:
    """Why there is nothing to index, and what the user can do about it."""

    headline: str
    advice: str


@dataclass
class LiveIndex:
    library: Library
    searcher: SearchEngine | None = None
    titles: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, outlet)
    _extractor: Any = field(default=None, repr=False)  # an EntityExtractor, made on first use

    @property
    def built(self) -> bool:
        """Whether a run has committed to the index (else a first build is due)."""
        return self.library.has_built_index()

    def no_articles(self) -> NoArticles | None:
        """A reason to stop when the corpus folder holds no article, else None."""
        files, problems = discover(self.library.corpus, self.library.follow_links)
        if files:
            return None
        detail = f" ({problems[0].message})" if problems else ""
        return NoArticles(f"No articles in {self.library.corpus}{detail}",
                          "Put .md, .txt or .html files in that folder, or open another one "
                          "with: taiwan-reader --corpus DIR")

    def update(self, wait: float, progress: ProgressCallback | None = None,
               should_stop: StopCheck | None = None) -> IndexReport:
        """An index run with the entity model in a worker process (never in this
        program's own memory). ``should_stop`` is asked between articles (the program is
        closing): the run then ends with IndexStopped and the next one resumes."""
        return self.library.update(wait=wait, progress=progress, should_stop=should_stop,
                                   model_in_process=False, extractor=self._entity_extractor())

    def _entity_extractor(self):
        """One extractor for the reader's life: its one worker process stays up between
        refreshes, so a file added is searchable in about a second, not two and a half
        (the model loads once). The alias file is read again for every run."""
        from .entities.extract import EntityExtractor, aliases_path
        from .entities.linking import load_aliases

        if self._extractor is None:
            self._extractor = EntityExtractor(keep_worker=True)
        self._extractor.aliases = load_aliases(aliases_path())
        return self._extractor

    def open(self, damaged: Callable[[str], None] = lambda message: None,
             should_stop: StopCheck | None = None) -> tuple[SearchEngine, IndexReport | None]:
        """Open the index for searching. A damaged one is moved aside and rebuilt first
        (``damaged`` is told why); the report is that rebuild's, else None."""
        report = None
        try:
            searcher = self.library.searcher()
        except IndexProblem:
            raise
        except Exception as exc:  # a damaged index fails in many ways
            log.warning("the index of %s could not be opened", self.library.corpus, exc_info=True)
            damaged(f"The index could not be opened ({exc}); rebuilding it")
            report = self.update(wait=30, should_stop=should_stop)
            searcher = self.library.searcher()
        self.searcher = searcher
        return searcher, report

    def repair(self, should_stop: StopCheck | None = None) -> tuple[SearchEngine, IndexReport]:
        """Move a damaged index aside, build it again (with the kept entity worker) and
        open the new one."""
        self._close_searcher()
        report = self.library.repair(should_stop=should_stop, model_in_process=False,
                                     extractor=self._entity_extractor())
        self.searcher = self.library.searcher()
        self.load_titles()
        return self.searcher, report

    def load_titles(self) -> list[tuple[str, str, str]]:
        if self.searcher is not None:
            self.titles = self.searcher.titles()
        return self.titles

    def refresh(self, should_stop: StopCheck | None = None) -> IndexReport:
        """Bring the index up to date with the folder; the open searcher sees the change."""
        report = self.update(wait=5, should_stop=should_stop)
        if report.changed and self.searcher is not None:
            self.searcher.refresh()
            self.load_titles()
        return report

    def _close_searcher(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
            self.searcher = None

    def close(self) -> None:
        self._close_searcher()
        if self._extractor is not None:
            self._extractor.close()
            self._extractor = None
