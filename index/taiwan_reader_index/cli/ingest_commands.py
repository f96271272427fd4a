"""`taiwan-reader add`, `fetch` and `feeds`: bringing articles into a corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from ..config import Config
from ..errors import CorpusError, IndexBusy
from ..ingest import (
    FeedList,
    FetchFailed,
    Outcome,
    Summary,
    WebClient,
    add_html,
    add_urls,
    corpus_for_adding,
    fetch_feeds,
    is_web_url,
    parse_feed,
)
from ..ingest.feeds import feed_named_by
from ..ingest.store import STATE_DIR
from ..ingest.web import PAGE_BYTES
from ..library import Library
from ..terminal_safe import inert_line
from . import views
from .commands import with_progress

LABELS = {"new": "added", "updated": "updated", "had": "already had", "failed": "failed"}


def run_ingest(args: argparse.Namespace, config: Config, out: Console, err: Console) -> int:
    corpus, created = corpus_for_adding(args.corpus, config)
    if created:
        err.print(Text(f"notice: {inert_line(created)}", style="yellow"))
    if args.command == "feeds":
        return _feeds(args, corpus, out, err)
    if args.per_host_delay < 0:
        raise CorpusError(f"--per-host-delay must be 0 or more seconds, got {args.per_host_delay}")
    with WebClient(delay=args.per_host_delay) as client:
        if args.command == "fetch":
            summary = with_progress(err, lambda advance: fetch_feeds(corpus, client, advance),
                                    label="fetching")
        else:
            summary = _add(args.sources, corpus, client, err)
    for notice in summary.notices:
        err.print(Text(f"notice: {inert_line(notice)}", style="yellow"))
    if args.json:
        for feed in summary.feeds:
            out.out(views.dumps(views.feed_view(feed)), highlight=False)
        for outcome in summary.outcomes:
            out.out(views.dumps(views.added_view(outcome)), highlight=False)
    else:
        _report(summary, out, err, each_had=args.command == "add")
    if summary.written:
        _index_now(Library.open(corpus, config, follow_links=args.follow_links), out, err,
                   quiet=args.json)
    return 1 if summary.failed or summary.feed_problems else 0


def _index_now(library: Library, out: Console, err: Console, quiet: bool) -> None:
    """Take the new files into the index at once (a first build shows its progress)."""
    try:
        report, busy = with_progress(err, library.ensure_current)
    except IndexBusy:  # a first build is running
        report, busy = None, "busy"
    if busy:  # the reader, most likely: it follows the folder and takes them in itself
        err.print(Text(f"notice: another run is updating the index of {inert_line(str(library.corpus))}"
                       "; it takes the new articles in", style="yellow"))
        return
    for notice in report.notices if report else ():
        err.print(Text(f"notice: {inert_line(notice)}", style="yellow"))
    if not quiet:
        out.print(Text(f"{library.corpus}: the index holds them now", style="dim"))


def _add(sources: list[str], corpus: Path, client: WebClient, err: Console) -> Summary:
    """Add each source; the outcomes in the order the sources were given."""
    summary = Summary()
    by_source: dict[str, Outcome] = {}
    urls = [s for s in sources if is_web_url(s)]
    for source in sources:
        if source in urls or source in by_source:
            continue
        try:
            data = _read_page(source)
        except (OSError, CorpusError) as exc:
            by_source[source] = Outcome(source, "failed", reason=str(exc))
            continue
        part = add_html(corpus, data, "standard input" if source == "-" else source)
        by_source[source] = part.outcomes[0]
        summary.notices.extend(part.notices)
    if urls:
        part = with_progress(err, lambda advance: add_urls(corpus, urls, client, advance),
                             label="fetching")
        by_source.update((o.source, o) for o in part.outcomes)
        summary.notices.extend(part.notices)
    summary.outcomes = [by_source[s.strip()] for s in dict.fromkeys(sources)
                        if s.strip() in by_source]
    return summary


def _read_page(source: str) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(PAGE_BYTES + 1)
    else:
        path = Path(source).expanduser()
        if not path.is_file():
            what = "a folder" if path.is_dir() else "no such file"
            raise CorpusError(f"{what} (give a web address, a saved .html page, or -)")
        with path.open("rb") as handle:
            data = handle.read(PAGE_BYTES + 1)
    if len(data) > PAGE_BYTES:
        raise CorpusError(f"over {PAGE_BYTES // 1_000_000} MB; not read")
    head = data[:4096].lstrip().lower()
    if b"<" not in head:
        raise CorpusError("not an HTML page (Markdown and text files go straight into the "
                          "corpus folder)")
    return data


def _report(summary: Summary, out: Console, err: Console, each_had: bool) -> None:
    for problem in summary.feed_problems:
        err.print(Text(f"feed failed: {inert_line(problem)}", style="red"))
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            err.print(Text(f"failed: {inert_line(outcome.source)}: {inert_line(outcome.reason)}",
                           style="red"))
        elif outcome.status in ("new", "updated") or each_had:
            name = outcome.path.name if outcome.path else ""
            line = Text(f"{LABELS[outcome.status]}: ",
                        style="bold" if outcome.status == "had" else "bold green")
            line.append(inert_line(outcome.title or outcome.source))
            line.append(f"  → {inert_line(name)}", style="dim")
            if outcome.reason:
                line.append(f" ({inert_line(outcome.reason)})", style="dim")
            out.print(line)
    out.print(Text(summary.line(), style="bold"))


def _feeds(args: argparse.Namespace, corpus: Path, out: Console, err: Console) -> int:
    from ..ingest import CorpusStore

    with CorpusStore(corpus).open() as store:
        feeds = FeedList(store.state)
        if feeds.problem:
            err.print(Text(f"notice: {inert_line(feeds.problem)}", style="yellow"))
        action = args.feeds_command
        if action == "list":
            return _list(feeds, corpus, out)
        if action == "export":
            out.out(feeds.export_opml(), highlight=False, end="")
            return 0
        failed = False
        if action == "import":
            added, had = feeds.import_opml(args.file.expanduser())
            for feed in added:
                out.print(Text(f"subscribed: {inert_line(feed.title or feed.url)}  ({inert_line(feed.url)})"))
            out.print(Text(f"{len(added)} feed(s) added, {len(had)} already on the list or "
                           "skipped", style="bold"))
        elif action == "remove":
            for url in args.urls:
                if feeds.remove(url) is None:
                    failed = True
                    err.print(Text(f"not subscribed: {inert_line(url)} (see taiwan-reader feeds "
                                   "list)", style="red"))
                else:
                    out.print(Text(f"unsubscribed: {inert_line(url)} (its articles stay)"))
        else:
            with WebClient(delay=0) as client:
                for url in args.urls:
                    failed |= not _subscribe(feeds, client, url, out, err)
        feeds.save()
    return 1 if failed else 0


def _subscribe(feeds: FeedList, client: WebClient, url: str, out: Console, err: Console) -> bool:
    """Subscribe to ``url`` after reading it once (a page that names its feed: that feed)."""
    url = url.strip()
    if not is_web_url(url):
        err.print(Text(f"not added: {inert_line(url)}: not an http(s) address", style="red"))
        return False
    if feeds.find(url):
        out.print(Text(f"already subscribed: {inert_line(url)}"))
        return True
    try:
        fetched = client.feed(url)
        try:
            title, entries, problem = parse_feed(fetched.body, fetched.final_url, fetched.content_type)
        except CorpusError:
            named = feed_named_by(fetched.body, fetched.final_url)
            if named is None:
                raise
            url = named
            if feeds.find(url):
                out.print(Text(f"already subscribed: {inert_line(url)}"))
                return True
            fetched = client.feed(url)
            title, entries, problem = parse_feed(fetched.body, fetched.final_url, fetched.content_type)
    except FetchFailed as exc:
        if not exc.transient:
            err.print(Text(f"not added: {inert_line(str(exc))}", style="red"))
            return False
        feeds.add(url)
        err.print(Text(f"warning: {inert_line(str(exc))}; subscribed anyway, `fetch` will try "
                       "again", style="yellow"))
        return True
    except CorpusError as exc:
        err.print(Text(f"not added: {inert_line(url)}: not a feed ({inert_line(str(exc))})",
                       style="red"))
        return False
    feeds.add(url, title)
    if problem:
        err.print(Text(f"warning: {inert_line(url)}: {inert_line(problem)}", style="yellow"))
    out.print(Text(f"subscribed: {inert_line(title or url)}  ({inert_line(url)}; "
                   f"{len(entries)} entries now; `taiwan-reader fetch` adds them)"))
    return True


def _list(feeds: FeedList, corpus: Path, out: Console) -> int:
    if not feeds.feeds:
        out.print(Text(f"no feeds for {corpus} yet: taiwan-reader feeds add URL"))
        return 0
    for feed in feeds.feeds:
        line = Text(inert_line(feed.title or "(untitled feed)"), style="bold")
        line.append(f"  {inert_line(feed.url)}")
        out.print(line)
        state = f"read {feed.checked}" if feed.checked else "not read yet"
        out.print(Text(f"    {state} · {len(feed.seen)} entries taken"
                       + (f" · last problem: {inert_line(feed.error)}" if feed.error else ""),
                       style="dim"))
    out.print(Text(f"{len(feeds.feeds)} feed(s); kept in {corpus / STATE_DIR}", style="dim"))
    return 0
