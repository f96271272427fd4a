"""Adding articles: pages by address, saved pages, and every new entry of the feeds.

Each source ends as one :class:`Outcome` (new, updated, already had, failed with
a reason); one failing source never stops the others. Pages are fetched side
by side, one request at a time per host (see :mod:`.web`).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, TypeVar

from ..errors import CorpusError
from .extract import NotAnArticle, extract_article
from .feeds import MAX_SEEN, Entry, Feed, FeedList, parse_feed
from .store import CorpusStore, utc_stamp
from .urls import canonical_url
from .web import FetchFailed, WebClient

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
StopCheck = Callable[[], bool]
T = TypeVar("T")
R = TypeVar("R")
WORKERS = 4
UNCHANGED: list[Entry] = []  # what an unchanged feed (HTTP 304) lists: nothing new


@dataclass(frozen=True)
class Outcome:
    source: str  # the address or file it came from
    status: Literal["new", "updated", "had", "failed"]
    path: Path | None = None
    reason: str = ""
    title: str = ""


FeedStatus = Literal["read", "unchanged", "failed"]


@dataclass(frozen=True)
class FeedOutcome:
    url: str
    title: str
    status: FeedStatus
    reason: str = ""  # why it failed, or what is wrong with a feed that was read


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    feeds: list[FeedOutcome] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def feed_problems(self) -> list[str]:
        """"address: why" for each feed that could not be read."""
        return [f"{f.url}: {f.reason}" for f in self.feeds if f.status == "failed"]

    @property
    def feeds_read(self) -> int:
        return sum(1 for f in self.feeds if f.status != "failed")

    @property
    def feeds_unchanged(self) -> int:
        return sum(1 for f in self.feeds if f.status == "unchanged")

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def written(self) -> list[Path]:
        return [o.path for o in self.outcomes if o.status in ("new", "updated") and o.path]

    def line(self) -> str:
        parts = [f"{self.count('new')} new"]
        if self.count("updated"):
            parts.append(f"{self.count('updated')} updated")
        parts.append(f"{self.count('had')} already had")
        parts.append(f"{self.count('failed')} failed")
        text = ", ".join(parts)
        if self.feeds_read or self.feed_problems:
            feeds = self.feeds_read + len(self.feed_problems)
            text += f" (from {feeds} feed{'s' if feeds != 1 else ''}"
            if self.feeds_unchanged:
                text += f", {self.feeds_unchanged} unchanged"
            if self.feed_problems:
                text += f", {len(self.feed_problems)} unreadable"
            text += ")"
        return text


def add_html(corpus: Path, html: bytes | str, source: str, url: str | None = None) -> Summary:
    """Add the article of a saved page (a file, or standard input)."""
    summary = Summary()
    with CorpusStore(corpus).open() as store:
        summary.notices.extend(store.notices)
        try:
            article = extract_article(html, url)
        except NotAnArticle as exc:
            summary.outcomes.append(Outcome(source, "failed", reason=str(exc)))
            return summary
        except Exception as exc:  # the extractor's fault, not the page's: logged, then said
            log.exception("extracting the article of %s failed", source)
            summary.outcomes.append(Outcome(source, "failed", reason=f"internal error while "
                                            f"reading it ({type(exc).__name__}; see the log)"))
            return summary
        saved = store.save(article, also=[url] if url else ())
        summary.outcomes.append(Outcome(source, saved.status, saved.path, saved.note,
                                        article.title))
    return summary


def add_urls(corpus: Path, urls: Iterable[str], client: WebClient,
             progress: Progress | None = None, should_stop: StopCheck | None = None) -> Summary:
    """Fetch each page and add its article; a page seen before is updated if it changed."""
    summary = Summary()
    wanted = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    with CorpusStore(corpus).open() as store:
        summary.notices.extend(store.notices)
        jobs: list[tuple[str, tuple[Feed, Entry] | None]] = [(url, None) for url in wanted]
        summary.outcomes.extend(_fetch_all(store, client, jobs, progress, 0, len(wanted),
                                           should_stop))
    return summary


def fetch_feeds(corpus: Path, client: WebClient, progress: Progress | None = None,
                should_stop: StopCheck | None = None) -> Summary:
    """Read every feed of the corpus and add each entry not taken before."""
    summary = Summary()
    with CorpusStore(corpus).open() as store:
        summary.notices.extend(store.notices)
        feeds = FeedList(store.state)
        if feeds.problem:
            summary.notices.append(feeds.problem)
        if not feeds.feeds:
            raise CorpusError(f"{corpus} has no feeds yet: add one with taiwan-reader feeds add URL")
        try:
            _fetch_feeds(store, feeds, client, summary, progress, should_stop)
        finally:
            feeds.save()
    return summary


def _fetch_feeds(store: CorpusStore, feeds: FeedList, client: WebClient, summary: Summary,
                 progress: Progress | None, should_stop: StopCheck | None) -> None:
    total = len(feeds.feeds)
    read: list[tuple[Feed, list[Entry]]] = []
    for done, (n, entries) in enumerate(side_by_side(
            lambda feed: _read_feed(client, feed), feeds.feeds, client, should_stop), 1):
        feed = feeds.feeds[n]
        if progress:
            progress(done, total, feed.title or feed.url)
        status: FeedStatus = ("failed" if entries is None else
                              "unchanged" if entries is UNCHANGED else "read")
        summary.feeds.append(FeedOutcome(feed.url, feed.title, status, feed.error or ""))
        if entries is not None:
            read.append((feed, entries))
    jobs: list[tuple[str, tuple[Feed, Entry] | None]] = []
    taking: set[str] = set()
    for feed, entries in read:
        for entry in entries:
            link = canonical_url(entry.link)
            seen = feed.seen.get(entry.key)
            known = store.known(entry.link)
            # taken before from this feed, unchanged; in the corpus already (added by hand
            # or from another feed); or being taken in this run from another feed
            if link in taking or (known is not None if seen is None else seen == entry.stamp):
                if seen is None:
                    feed.seen[entry.key] = entry.stamp
                summary.outcomes.append(Outcome(entry.link, "had", known, title=entry.title))
                continue
            taking.add(link)
            jobs.append((entry.link, (feed, entry)))
    summary.outcomes.extend(_fetch_all(store, client, jobs, progress, total, total + len(jobs),
                                       should_stop))
    for feed in feeds.feeds:
        if len(feed.seen) > MAX_SEEN:
            feed.seen = dict(list(feed.seen.items())[-MAX_SEEN:])


def _read_feed(client: WebClient, feed: Feed) -> list[Entry] | None:
    """The feed's entries (UNCHANGED since the last read), or None (see feed.error)."""
    feed.checked = utc_stamp(datetime.now(UTC))
    try:
        fetched = client.feed(feed.url, feed.etag, feed.last_modified)
        if fetched.not_modified:
            feed.error = None
            return UNCHANGED
        title, entries, problem = parse_feed(fetched.body, fetched.final_url, fetched.content_type)
    except FetchFailed as exc:
        feed.error = exc.reason
        return None
    except CorpusError as exc:
        feed.error = f"not a feed: {exc}"
        return None
    except Exception as exc:  # a parser fault is ours, not the feed's: logged, then reported
        log.exception("reading the feed %s failed", feed.url)
        feed.error = f"internal error while reading it ({type(exc).__name__}; see the log)"
        return None
    feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    feed.title = feed.title or title
    feed.error = problem  # entries were read, but the feed is not well-formed: said
    return entries


def _fetch_all(store: CorpusStore, client: WebClient,
               jobs: list[tuple[str, tuple[Feed, Entry] | None]], progress: Progress | None,
               done: int, total: int, should_stop: StopCheck | None = None) -> list[Outcome]:
    """Each job's outcome, in the order of the jobs (fetched side by side)."""
    outcomes: dict[int, Outcome] = {}
    for n, outcome in side_by_side(lambda job: _fetch_one(store, client, *job), jobs, client,
                                   should_stop):
        outcomes[n] = outcome
        done += 1
        if progress:
            progress(done, total, outcome.title or outcome.source)
    return [outcomes[n] for n in range(len(jobs))]


class FetchStopped(Exception):
    """The run was asked to stop (the reader is closing); what was written is kept."""


def side_by_side(work: Callable[[T], R], items: Sequence[T], client: WebClient,
                 should_stop: StopCheck | None = None) -> Iterator[tuple[int, R]]:
    """(index, work(item)) for each item as it completes, WORKERS at a time.

    The workers are daemon threads: when the run is interrupted (ctrl+c) it stops at
    once. The client is told to start nothing more, and a request still in flight
    is abandoned, not waited for; files are written whole or not at all.
    """
    todo: queue.SimpleQueue[tuple[int, T]] = queue.SimpleQueue()
    done: queue.SimpleQueue[tuple[int, R | None, BaseException | None]] = queue.SimpleQueue()
    for n, item in enumerate(items):
        todo.put((n, item))

    def worker() -> None:
        while not client.cancelled:
            try:
                n, item = todo.get_nowait()
            except queue.Empty:
                return
            try:
                done.put((n, work(item), None))
            except BaseException as exc:  # handed to the caller's thread
                done.put((n, None, exc))

    for _ in range(min(WORKERS, len(items))):
        threading.Thread(target=worker, name="fetch", daemon=True).start()
    try:
        for _ in range(len(items)):
            while True:
                try:  # a timeout keeps the wait open to ctrl+c
                    n, result, error = done.get(timeout=0.2)
                    break
                except queue.Empty:
                    if should_stop is not None and should_stop():
                        raise FetchStopped("stopped; what was written is kept") from None
                    continue
            if error is not None:
                raise error
            yield n, result  # type: ignore[misc]
    except BaseException:
        client.cancel()
        raise


def _fetch_one(store: CorpusStore, client: WebClient, url: str,
               origin: tuple[Feed, Entry] | None) -> Outcome:
    title = origin[1].title if origin else ""
    retry = False
    try:
        fetched = client.page(url)
        article = extract_article(fetched.body, fetched.final_url)
        if origin is not None:
            feed, entry = origin
            article = article.with_defaults(title=entry.title, outlet=feed.title,
                                            author=entry.author, day=entry.day)
        saved = store.save(article, also=(url, fetched.final_url))
        outcome = Outcome(url, saved.status, saved.path, saved.note, article.title)
    except FetchFailed as exc:
        retry = exc.transient
        outcome = Outcome(url, "failed", reason=exc.reason, title=title)
    except NotAnArticle as exc:
        outcome = Outcome(url, "failed", reason=str(exc), title=title)
    except OSError as exc:  # the corpus folder: full, read-only …
        retry = True
        outcome = Outcome(url, "failed", reason=f"could not write the article ({exc})", title=title)
    except Exception as exc:
        log.exception("adding %s failed", url)
        retry = True
        outcome = Outcome(url, "failed", reason=f"internal error ({type(exc).__name__}; see the "
                                                "log)", title=title)
    if origin is not None and not retry:
        feed, entry = origin
        feed.seen[entry.key] = entry.stamp
    return outcome
