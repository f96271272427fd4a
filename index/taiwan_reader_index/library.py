"""The corpus as a whole, the public facade of the index side: open a folder,
keep its index current, search it, read an article and its entities, compare
two reports, follow quotations. The command line and the reader both use it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import locations
from .articles.article import Article
from .config import Config, load_config
from .errors import CorpusError, IndexBusy
from .fulltext.index_dir import index_exists, index_has_commits
from .fulltext.indexer import IndexReport, ProgressCallback, StopCheck, update_index

if TYPE_CHECKING:
    from .compare.quotes import Carrier, Quote
    from .compare.report import Comparison
    from .entities.mention import Entity
    from .fulltext.engine import Filters, SearchEngine
    from .fulltext.hits import SearchResult


log = logging.getLogger(__name__)
MAX_TRACKED_QUOTES = 200


@dataclass(frozen=True)
class Library:
    """One corpus folder and its index (kept in the user's cache folder)."""

    corpus: Path
    index_path: Path
    config: Config
    follow_links: bool = False  # symbolic links that lead out of the folder too

    @classmethod
    def open(cls, corpus: Path | str | None = None, config: Config | None = None, *,
             follow_links: bool | None = None) -> Library:
        """The corpus at ``corpus`` (default: the config's, else the user's own corpus once
        `add` or `feeds add` has made it, else the bundled seeds); ``follow_links``
        (default: the config's) follows links out of the folder."""
        config = config or load_config()
        own = locations.user_corpus_dir()
        folder = Path(corpus or config.corpus
                      or (own if own.is_dir() else locations.seeds_dir())).expanduser()
        if not folder.exists():
            raise CorpusError(f"corpus folder {folder} does not exist")
        if not folder.is_dir():
            raise CorpusError(f"corpus {folder} is not a folder")
        folder = folder.resolve()
        follow = config.follow_links if follow_links is None else follow_links
        return cls(folder, locations.index_dir_for(folder), config, follow)

    @property
    def problems(self) -> tuple[str, ...]:
        """What is wrong in the user's config and alias files, each message naming its
        file; what is wrong is ignored and the rest applies."""
        path = locations.aliases_path()
        if not path.exists():  # (most users: the entity layer need not load to say so)
            return self.config.problems
        from .entities.linking import load_aliases

        return self.config.problems + load_aliases(path).problems

    @property
    def max_bytes(self) -> int:
        return int(self.config.max_file_mb * 1_000_000)

    def has_index(self) -> bool:
        return index_exists(self.index_path)

    def has_built_index(self) -> bool:
        """An index that a run has committed to (not one whose first build was stopped
        before its first commit: that build is still to be done)."""
        return index_has_commits(self.index_path)

    def update(self, *, rebuild: bool = False, progress: ProgressCallback | None = None,
               wait: float = 3.0, should_stop: StopCheck | None = None,
               model_in_process: bool = True, extractor=None) -> IndexReport:
        """Bring the index up to date with the folder (new, changed and removed files);
        ``extractor`` (an EntityExtractor) to reuse one across runs."""
        log.debug("updating the index of %s at %s", self.corpus, self.index_path)
        report = update_index(self.corpus, index_path=self.index_path, rebuild=rebuild,
                              max_bytes=self.max_bytes, progress=progress, wait=wait,
                              should_stop=should_stop, model_in_process=model_in_process,
                              follow_links=self.follow_links, extractor=extractor)
        log.info("%s: %s in %.2f s", self.corpus, report.summary(), report.seconds)
        return report

    def repair(self, progress: ProgressCallback | None = None,
               should_stop: StopCheck | None = None,
               model_in_process: bool = True, extractor=None) -> IndexReport:
        """Move a damaged index aside (nothing deleted) and build it again (the entity
        cache is kept: only the search index is made anew)."""
        from .fulltext.indexer import set_aside_damaged

        aside = set_aside_damaged(self.index_path)
        report = self.update(progress=progress, wait=30, should_stop=should_stop,
                             model_in_process=model_in_process, extractor=extractor)
        report.notices.insert(0, f"the damaged index was moved to {aside} and rebuilt")
        return report

    def ensure_current(self, progress: ProgressCallback | None = None,
                       ) -> tuple[IndexReport | None, str | None]:
        """Update the index; if another run holds the lock, use the index as it is."""
        try:
            return self.update(wait=1.0, progress=progress), None
        except IndexBusy as exc:
            if not self.has_index():
                raise
            return None, f"{exc}; searching the index as it was"

    def first_screen(self) -> SearchResult | None:
        """The first screen (newest articles, counts over the corpus) a searcher saved for
        the index as it now is, read without opening the index; None if there is none."""
        from .fulltext import first_screen

        return first_screen.load(self.index_path)

    def searcher(self) -> SearchEngine:
        """The search engine over this corpus's index (close it when done, or use it in a
        ``with`` block)."""
        from .fulltext.searcher import Searcher  # loads Whoosh: only when a search is about to run

        if not self.has_index():
            raise CorpusError(f"{self.corpus} has no index yet: run taiwan-reader index")
        return Searcher(self.index_path)

    def search(self, query: str, *, limit: int | None = 10, sort: str = "score",
               filters: Filters | None = None, facets: bool = False) -> SearchResult:
        """Search the index as it is (see :meth:`update`); raises QueryError when the query
        is broken. For many searches, keep one :meth:`searcher` open instead."""
        searcher = self.searcher()
        try:
            return searcher.search(query, limit=limit, sort=sort, filters=filters, facets=facets)
        finally:
            searcher.close()

    def article(self, ref: str, searcher: SearchEngine | None = None) -> Article:
        """Load an article by id, or by a path to a file."""
        from .articles.loader import load_article

        path = Path(ref).expanduser()
        if path.is_file():
            return load_article(path, max_bytes=self.max_bytes)
        own = searcher is None
        searcher = searcher or self.searcher()
        try:
            stored = searcher.stored(ref)
        finally:
            if own:
                searcher.close()
        if stored is None:
            if "/" in ref or path.suffix:  # perhaps meant as a path
                raise CorpusError(f"{ref}: no such file, and no article with that id in "
                                  f"{self.corpus}")
            raise CorpusError(f"no article with id {ref!r} in {self.corpus}")
        return load_article(Path(stored["path"]), stored["id"], max_bytes=self.max_bytes)

    def entities(self, articles: Sequence[Article], *, model: bool = True,
                 ) -> list[list[Entity] | None]:
        """The linked entities of each article, offsets into its decoded file text.

        From the cache the index run filled; with ``model`` the entity model
        analyses what is missing (loading it takes a few seconds), without it
        an article never analysed gets None.
        """
        from .entities.extract import EntityExtractor, cached_entities

        if model:
            return list(EntityExtractor().entities(articles))
        return [cached_entities(a) for a in articles]

    def compare(self, a: Article, b: Article, *, model: bool = True) -> Comparison:
        """Align two reports sentence by sentence and set their entities side by side."""
        from .compare.report import compare

        entities_a, entities_b = self.entities([a, b], model=model)
        return compare(a, b, entities_a, entities_b)

    def quotations(self, article: Article, searcher: SearchEngine | None = None,
                   ) -> list[tuple[Quote, list[Carrier]]]:
        """Each quotation of ``article`` with the other articles that carry it."""
        from .articles.loader import load_article
        from .compare.quotes import QUOTE_INDEX_CHARS, article_quotes, carriers, shingles

        own = searcher is None
        searcher = searcher or self.searcher()
        tracks = []
        try:
            # the quotations the index can find elsewhere: those in its searchable part,
            # and no more than a report ever holds (a dump of 10 MB has thousands)
            for quote in article_quotes(article, QUOTE_INDEX_CHARS)[:MAX_TRACKED_QUOTES]:
                candidates = []
                for fields in searcher.quote_candidates(shingles(quote.words), article.id):
                    try:
                        candidates.append((fields, load_article(
                            Path(fields["path"]), fields["id"], max_bytes=self.max_bytes)))
                    except Exception:  # a vanished file just is not a carrier
                        continue
                tracks.append((quote, carriers(quote, candidates)))
        finally:
            if own:
                searcher.close()
        return tracks
