"""Entities of articles: cached mentions, recognised in batches when missing, then linked."""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from ..articles.article import Article
from ..locations import aliases_path
from .cache import MentionCache
from .language import english_regions
from .linking import Aliases, link, load_aliases
from .mention import Entity, Mention
from .recognizer import Recognizer, load_recognizer, recognise_many, recognizer_identity
from .workers import MAX_WORKERS, start_pool, stop_now, worker_count
from .workers import recognise as recognise_in_worker

log = logging.getLogger(__name__)
__all__ = ["EntityExtractor", "cached_entities", "entities_cut_at", "entities_language",
           "text_regions", "worker_count"]

T = TypeVar("T")
CHUNK = 64  # articles per model run (and per task sent to a worker process)
# Work queued ahead for the workers: enough to keep them busy while the
# indexer commits and Whoosh merges segments (up to half a minute on Reuters;
# with 16 chunks ahead the workers sat idle through it, and the 19,043-article
# build took 366 s), bounded in characters so huge files cannot fill the memory.
AHEAD_CHUNKS = 64
AHEAD_CHARS = 20_000_000


MAX_ENTITY_CHARS = 100_000  # four times the longest report in BBC, Reuters or the seeds


def text_regions(article: Article) -> list[tuple[int, int]]:
    """Where entities are looked for: the title, then every block on its own, where it
    is English (the model reads English only: ``language.py``).

    Page junk is analysed too (a reader who opens it, and `taiwan-reader
    entities`, see its names), but its entities are marked as such and count
    for nothing. Each block is its own text, so no name runs across a
    paragraph break. Only the first MAX_ENTITY_CHARS characters are analysed:
    a file of many megabytes is no news report, and the model would take
    minutes on it (the index run says so, see :func:`entities_cut_at`).
    """
    return english_regions(article.source, _within_budget(article))[0]


def entities_language(article: Article) -> str | None:
    """The article's language when it is not English (its names are then not looked
    for), else None."""
    return english_regions(article.source, _within_budget(article))[1]


def _within_budget(article: Article) -> list[tuple[int, int]]:
    title = [article.title_span] if article.title_span else []
    regions = []
    left = MAX_ENTITY_CHARS
    for start, end in title + [(b.start, b.end) for b in article.blocks]:
        if left <= 0:
            break
        end = min(end, start + left)
        regions.append((start, end))
        left -= end - start
    return regions


def entities_cut_at(article: Article) -> int | None:
    """Where entity analysis of ``article`` stops short of its end, or None if it does not."""
    regions = _within_budget(article)
    last = article.blocks[-1].end if article.blocks else None
    if regions and last is not None and regions[-1][1] < last:
        return regions[-1][1]
    return None


def cache_key(article: Article) -> str:
    """Content hash plus the analysed regions: a change in cleaning rules re-analyses."""
    regions = hashlib.blake2b(repr(text_regions(article)).encode(), digest_size=6).hexdigest()
    return f"{article.content_hash}:{regions}"


class EntityExtractor:
    """Mentions for many articles: from the cache, else one batched model run."""

    def __init__(self, recognizer: Recognizer | None = None, cache: MentionCache | None = None,
                 aliases: Aliases | None = None, keep_worker: bool = False) -> None:
        self._recognizer = recognizer
        # keep_worker: one worker process stays up between runs (the reader's refreshes:
        # loading the model costs more than a second each time); close() ends it
        self.keep_worker = keep_worker
        self._kept: ProcessPoolExecutor | None = None
        self.cache = cache or MentionCache()
        self.aliases = aliases if aliases is not None else load_aliases(aliases_path())
        self.model_calls = 0  # articles the model analysed (not found in the cache)
        self.workers_used = 0  # worker processes of the last stream (0: this process)
        self.worker_problem: str | None = None

    @property
    def recognizer(self) -> Recognizer:
        """The recogniser in this process (loading spaCy and the model when first asked)."""
        if self._recognizer is None:
            self._recognizer = load_recognizer()
        return self._recognizer

    def _identity(self) -> tuple[str, str | None]:
        """The recogniser's name and notice, without loading the model."""
        if self._recognizer is not None:
            return self._recognizer.name, self._recognizer.notice
        return recognizer_identity()

    @property
    def recognizer_name(self) -> str:
        """The recogniser's name: the key of its mentions in the cache."""
        return self._identity()[0]

    @property
    def notice(self) -> str | None:
        """Why entities are rougher than usual (no model installed), or None."""
        return self._identity()[1]

    def mentions(self, articles: Sequence[Article]) -> list[list[Mention]]:
        found = [self.cache.get(cache_key(a), self.recognizer_name) for a in articles]
        missing = [a for a, m in zip(articles, found) if m is None]
        if missing:
            new = iter(self._store(missing, recognise_many(self.recognizer, _jobs(missing))))
            found = [m if m is not None else next(new) for m in found]
        return [m or [] for m in found]

    def entities(self, articles: Sequence[Article]) -> list[list[Entity]]:
        return [link(a.source, ms, self.aliases, a.part_at)
                for a, ms in zip(articles, self.mentions(articles))]

    def stream(self, items: Iterable[T], article_of: Callable[[T], Article],
               workers: int = 1) -> Iterator[tuple[T, list[Entity]]]:
        """Each item with its article's entities, in order, for a long run of articles.

        With ``workers`` >= 1 the model runs in that many worker processes, a
        few chunks ahead, while the caller goes on (writing the index; a chunk
        is handed back as soon as it is done, so progress shows early); the
        items are consumed lazily, so the caller may keep loading them as it
        goes. A worker that dies hands its work back to this process.
        """
        self.worker_problem = None  # a worker that died in an earlier run is this run's news no more
        pool = self._pool(workers)
        self.workers_used = min(workers, MAX_WORKERS) if pool is not None else 0
        in_flight: deque[tuple[list[T], list[Article], list[list[Mention] | None], Future | None]]
        in_flight = deque()
        chars = 0
        try:
            for chunk in _chunks(items, CHUNK):
                in_flight.append(self._submit(pool, chunk, article_of))
                chars += sum(len(a.source) for a in in_flight[-1][1])
                while in_flight and (len(in_flight) > AHEAD_CHUNKS or chars > AHEAD_CHARS
                                     or in_flight[0][3] is None or in_flight[0][3].done()):
                    chars -= sum(len(a.source) for a in in_flight[0][1])
                    yield from self._finish(in_flight.popleft())
            while in_flight:
                yield from self._finish(in_flight.popleft())
        except BaseException:  # ctrl+c, or the caller stopped: do not wait for queued work
            if pool is not None:
                stop_now(pool)
                if pool is self._kept:
                    self._kept = None
            raise
        finally:
            if pool is not None and pool is not self._kept:
                pool.shutdown(wait=False, cancel_futures=True)

    def _pool(self, workers: int) -> ProcessPoolExecutor | None:
        if workers < 1 or self.notice is not None:  # rules are fast enough in-process
            return None
        keep = self.keep_worker and workers == 1  # a big run starts (and ends) its own
        if keep and self._kept is not None:
            return self._kept
        try:
            pool = start_pool(workers)
        except (OSError, ValueError) as exc:
            self._worker_failed(exc)
            return None
        if keep:
            self._kept = pool
        return pool

    def close(self) -> None:
        """End the kept worker process, if there is one."""
        if self._kept is not None:
            stop_now(self._kept)
            self._kept = None

    def _submit(self, pool, chunk: list[T], article_of):
        articles = [article_of(item) for item in chunk]
        found = [self.cache.get(cache_key(a), self.recognizer_name) for a in articles]
        missing = [a for a, m in zip(articles, found) if m is None]
        future = None
        if missing and pool is not None and self.worker_problem is None:
            try:
                future = pool.submit(recognise_in_worker, _jobs(missing))
            except (BrokenProcessPool, OSError, ValueError) as exc:  # could not start a worker
                self._worker_failed(exc)
        if missing and future is None:
            new = iter(self._store(missing, recognise_many(self.recognizer, _jobs(missing))))
            found = [m if m is not None else next(new) for m in found]
        return chunk, articles, found, future

    def _worker_failed(self, exc: BaseException) -> None:
        if self.worker_problem is not None:  # every chunk queued to a dead pool fails alike
            return
        log.warning("entity worker process failed; recognising in this process", exc_info=exc)
        self.worker_problem = f"an entity worker process stopped ({exc}); the rest ran in one process"

    def _finish(self, entry) -> Iterator[tuple[T, list[Entity]]]:
        chunk, articles, found, future = entry
        if future is not None:
            missing = [a for a, m in zip(articles, found) if m is None]
            try:
                recognised = future.result()
            except BrokenProcessPool as exc:  # a worker was killed (out of memory?): do it here
                self._kept = None  # the next run starts a new one
                self._worker_failed(exc)
                recognised = recognise_many(self.recognizer, _jobs(missing))
            except Exception:  # a bug on some article: that article alone goes without
                log.exception("entity recognition failed in a worker; recognising the "
                              "chunk's %d articles one at a time", len(missing))
                recognised = [self._one(article) for article in missing]
            new = iter(self._store(missing, recognised))
            found = [m if m is not None else next(new) for m in found]
        for item, article, mentions in zip(chunk, articles, found):
            yield item, link(article.source, mentions or [], self.aliases, article.part_at)

    def _one(self, article: Article) -> list[Mention]:
        try:
            return recognise_many(self.recognizer, _jobs([article]))[0]
        except Exception:
            log.exception("entity recognition failed on %s; it is indexed without entities",
                          article.path or "an article")
            return []

    def _store(self, articles: Sequence[Article], found: list[list[Mention]]) -> list[list[Mention]]:
        self.model_calls += len(articles)
        name = self.recognizer_name
        self.cache.put_many([(cache_key(a), name, ms) for a, ms in zip(articles, found)])
        return found


def _jobs(articles: Sequence[Article]) -> list[tuple[str, list[tuple[int, int]]]]:
    return [(a.source, text_regions(a)) for a in articles]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def cached_entities(article: Article, cache: MentionCache | None = None,
                    aliases: Aliases | None = None) -> list[Entity] | None:
    """Entities from the cache only (no model); None when the article was never analysed."""
    cache = cache or MentionCache()
    mentions = cache.latest(cache_key(article), recognizer_identity()[0])
    if mentions is None:
        return None
    return link(article.source, mentions, aliases if aliases is not None else load_aliases(aliases_path()),
                article.part_at)
