"""The command line: `taiwan-reader [index|search|show|entities|compare|quotes] ...`.

With no command the reader app opens; the app itself is passed in by the UI
package, so this module never imports Textual.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.logging import RichHandler
from rich.text import Text

from .. import locations, logs
from ..config import load_config
from ..errors import BadFile, CorpusError, IndexDamaged, IndexProblem, QueryError, one_line
from ..fulltext.hits import SearchResult
from ..fulltext.indexer import IndexReport, ProgressCallback
from ..library import Library
from ..terminal_safe import inert, inert_line
from . import views
from .parser import build_parser

LaunchApp = Callable[[Library], int]
T = TypeVar("T")
log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None, launch_app: LaunchApp | None = None) -> int:
    args = build_parser().parse_args(argv)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    # into a pipe or a file: one line per line written, no wrapping at 80 columns, no colour
    out = _Output(highlight=False, soft_wrap=not sys.stdout.isatty())
    terminal = RichHandler(console=err, show_path=False, show_time=False) if args.verbose else None
    if terminal is not None:
        terminal.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logs.setup(verbose=args.verbose, terminal=terminal)
    try:
        if args.seeds:
            if args.corpus is not None:
                raise QueryError("--seeds and --corpus name two corpora; give one")
            args.corpus = locations.seeds_dir()
        if args.command in ("add", "fetch", "feeds"):
            from .ingest_commands import run_ingest

            return run_ingest(args, load_config(), out, err)
        library = Library.open(args.corpus, load_config(), follow_links=args.follow_links)
        for problem in library.problems:
            err.print(Text(f"warning: {inert_line(problem)}", style="yellow"))
        if args.command is None:
            if launch_app is None:
                build_parser().print_help()
                return 0
            return launch_app(library)
        if args.command == "index":
            return _index(library, args.rebuild, out, err)
        if args.command == "search":
            return _search(library, args, out, err)
        if args.command == "entities":
            return _entities(library, args, out, err)
        if args.command == "compare":
            return _compare(library, args, out, err)
        if args.command == "quotes":
            return _quotes(library, args, out, err)
        return _show(library, args, out, err)
    except QueryError as exc:
        err.print(Text(f"taiwan-reader: {inert_line(str(exc))}", style="red"))
        return 2
    except BrokenPipeError:  # `| head` read what it wanted: stop quietly, as Unix tools do
        _silence_stdout()
        return 141
    except (CorpusError, IndexProblem, BadFile, OSError) as exc:
        err.print(Text(f"taiwan-reader: {inert_line(str(exc))}", style="red"))
        return 1
    except KeyboardInterrupt:
        err.print(Text("taiwan-reader: interrupted; what was committed is kept", style="yellow"))
        return 130
    except Exception as exc:  # never a traceback: one line saying what failed
        log.exception("taiwan-reader %s failed", args.command or "reader")
        err.print(Text(f"taiwan-reader: internal error: {inert_line(one_line(exc))} "
                       f"(details in {logs.log_file()})", style="red"))
        return 1


class _Output(Console):
    """Standard output; a reader that closed the pipe ends the command quietly."""

    def on_broken_pipe(self) -> None:  # rich's own exits with status 1, as if it failed
        self.quiet = True
        raise BrokenPipeError


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's last flush cannot fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test's capture)
        pass


def _index(library: Library, rebuild: bool, out: Console, err: Console) -> int:
    report = with_progress(err, lambda advance: library.update(rebuild=rebuild,
                                                                progress=advance))
    print_report(report, out, err)
    return 0


def with_progress(err: Console, work: Callable[[ProgressCallback], T],
                   label: str = "indexing") -> T:
    """Run ``work`` with a progress bar on standard error (on a terminal)."""
    if not err.is_terminal:  # a log file or a pipe: no bar, not even its blank line
        return work(lambda done, total, name: None)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=None)

        def advance(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, total=total, description=inert_line(name)[-40:])

        return work(advance)


def print_report(report: IndexReport, out: Console, err: Console) -> None:
    for notice in report.notices:
        err.print(Text(f"notice: {inert_line(notice)}", style="yellow"))
    for problem in report.warnings:
        err.print(Text(f"warning: {inert_line(str(problem))}", style="yellow"))
    for problem in report.skipped:
        err.print(Text(f"skipped: {inert_line(str(problem))}", style="yellow"))
    out.print(Text(f"{report.corpus}: {report.summary()} in {report.seconds:.2f} s"))


def quiet_update(library: Library, err: Console) -> None:
    """Bring the index up to date before answering; a long run (a first build, an
    interrupted one finished, a damaged one rebuilt) shows its progress bar."""
    report, busy = with_progress(err, library.ensure_current)
    if busy:
        err.print(Text(f"warning: {inert_line(busy)}", style="yellow"))
    if report is not None:
        for notice in report.notices:  # what was repaired or redone, said every time
            err.print(Text(f"notice: {inert_line(notice)}", style="yellow"))
        for problem in report.skipped + report.warnings:
            if report.changed:
                err.print(Text(f"warning: {inert_line(str(problem))}", style="yellow"))


def _search(library: Library, args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.limit < 1:
        raise QueryError(f"--limit must be at least 1, got {args.limit}")
    quiet_update(library, err)
    if args.query == "-":  # one query per line, one answer each, on one open index
        return _search_lines(library, args, out, err)
    try:
        result = _search_once(library, args.query, args, err)
    except IndexDamaged as exc:  # found by the search itself: rebuild, then search again
        _repair(library, exc, err)
        result = _search_once(library, args.query, args, err)
    _print_result(result, args, out)
    return 0


def _repair(library: Library, exc: IndexDamaged, err: Console) -> None:
    err.print(Text(f"notice: {inert_line(str(exc))}; rebuilding it now", style="yellow"))
    report = with_progress(err, lambda advance: library.repair(progress=advance))
    for notice in report.notices:
        err.print(Text(f"notice: {inert_line(notice)}", style="yellow"))


def _print_result(result: SearchResult, args: argparse.Namespace, out: Console) -> None:
    if args.json:
        out.out(views.dumps(views.search_view(result)), highlight=False)
        return
    _print_hits(result, out)
    for name, values in result.facets.items():
        shown = ", ".join(f"{v} ({c})" for v, c in values[:10])
        out.print(Text(f"{name}: ", style="bold") + Text(inert_line(shown)))


def _search_lines(library: Library, args: argparse.Namespace, out: Console,
                  err: Console) -> int:
    """Answer each line of standard input as a query; a broken query is answered with
    its error (a JSON object of kind "error") and the rest go on; exit 2 if any was."""
    failed = False
    with library.searcher() as searcher:
        for line in sys.stdin:
            query = line.rstrip("\r\n")
            if not query.strip():
                continue
            try:
                result = searcher.search(query, limit=args.limit, facets=args.facets)
            except QueryError as exc:
                failed = True
                if args.json:
                    out.out(views.dumps(views.query_error_view(query, str(exc))),
                            highlight=False)
                else:
                    err.print(Text(f"taiwan-reader: {inert_line(str(exc))}", style="red"))
                continue
            _print_result(result, args, out)
            out.file.flush()  # a script reading answer by answer gets each at once
    return 2 if failed else 0


def _search_once(library: Library, query: str, args: argparse.Namespace,
                 err: Console) -> SearchResult:
    with library.searcher() as searcher:
        result = searcher.search(query, limit=args.limit, facets=args.facets)
        if searcher.notice:
            err.print(Text(f"notice: {inert_line(searcher.notice)}", style="yellow"))
    return result


def _compare(library: Library, args: argparse.Namespace, out: Console, err: Console) -> int:
    from ..compare.evidence import explain

    if any(not Path(ref).expanduser().is_file() for ref in (args.a, args.b)):
        quiet_update(library, err)
    a, b = library.article(args.a), library.article(args.b)
    comparison = library.compare(a, b)
    result = comparison.alignment
    if args.json:
        out.out(views.dumps(views.comparison_view(comparison)), highlight=False)
        return 0
    if note := result.cut_note():
        err.print(Text(f"notice: {note}", style="yellow"))
    counts = result.counts()
    out.print(Text(f"A: {inert_line(a.title)}  ({inert_line(a.outlet or a.id)})", style="bold"))
    out.print(Text(f"B: {inert_line(b.title)}  ({inert_line(b.outlet or b.id)})", style="bold"))
    out.print(Text(f"{counts['quote']} same quotation, {counts['same']} same wording, "
                   f"{counts['similar']} same fact; {len(result.only_a)} only in A, "
                   f"{len(result.only_b)} only in B ({len(result.possible)} with a possible "
                   "match)"))
    for title, pairs in (("pairs", result.pairs), ("possible matches: check before trusting "
                                                   "'only in'", result.possible)):
        if pairs:
            out.rule(Text(title), style="bold")
        for pair in pairs:
            why = explain(pair.kind, pair.a.text, pair.b.text, pair.weight)
            out.print(Text(f"{why} ({pair.score:.0%} sure)", style="italic"))
            out.print(Text("  A ", style="bold") + Text(inert_line(pair.a.text)))
            out.print(Text("  B ", style="bold") + Text(inert_line(pair.b.text)))
    possible_a = {p.a.index for p in result.possible}
    possible_b = {p.b.index for p in result.possible}
    for side, only, maybe in (("A", result.only_a, possible_a), ("B", result.only_b, possible_b)):
        rest = [s for s in only if s.index not in maybe]
        out.rule(Text(f"only in {side} ({len(rest)}; what the other report leaves out)"),
                 style="bold")
        for sentence in rest:
            out.print(Text(f"  {side} ", style="bold") + Text(inert_line(sentence.text)))
    ents = comparison.entities
    out.rule(Text("entities"), style="dim")
    for names, label in ((ents.shared, "both"), (ents.only_a, "only A"), (ents.only_b, "only B")):
        out.print(Text(f"{label}: ", style="bold") + Text(inert_line(", ".join(names) or "-")))
    return 0


def _quotes(library: Library, args: argparse.Namespace, out: Console, err: Console) -> int:
    quiet_update(library, err)
    with library.searcher() as searcher:
        article = library.article(args.ref, searcher)
        tracks = library.quotations(article, searcher)
    if args.json:
        out.out(views.dumps(views.quotes_view(article, tracks)), highlight=False)
        return 0
    for quote, found in tracks:
        who = f"  — {inert_line(quote.speaker)}" if quote.speaker else ""
        out.print(Text(f"“{inert_line(quote.wording)}”", style="bold") + Text(who, style="italic"))
        for c in found:
            out.print(Text(f"   {inert_line(c.title)} · {inert_line(c.outlet or c.id)} · {c.date or 'undated'}"
                           f"  ({c.score:.2f})"))
        if not found:
            out.print(Text("   no other article", style="dim"))
    return 0


def _entities(library: Library, args: argparse.Namespace, out: Console, err: Console) -> int:
    """Entities per input; offsets into the file's full decoded text."""
    from ..articles.loader import load_text
    from ..entities.extract import EntityExtractor, entities_language
    from ..entities.language import language_name

    if any(ref != "-" and not Path(ref).expanduser().is_file() for ref in args.refs):
        quiet_update(library, err)
    extractor = EntityExtractor()
    failed = 0
    for ref in args.refs:
        try:
            article = (load_text(sys.stdin.read(), "-", title_line=False) if ref == "-"
                       else library.article(ref))
        except (CorpusError, BadFile, OSError) as exc:
            err.print(Text(f"taiwan-reader: {inert_line(ref)}: {inert_line(str(exc))}", style="red"))
            failed += 1
            continue
        entities = extractor.entities([article])[0]
        language = entities_language(article)
        if args.json:
            out.out(views.dumps(views.entities_view(ref, entities, language)), highlight=False)
            continue
        out.print(Text(f"{inert_line(ref)}: {inert_line(article.title)}", style="bold"))
        if language:
            out.print(Text(f"  the text is in {language_name(language)}: its names are not "
                           "looked for (the recogniser reads English)", style="dim"))
        for e in entities:
            same = "" if e.canonical == e.text else f"  → {e.canonical}"
            part = "" if e.part == "body" else f"  [{e.part}{'' if e.own else ', not counted'}]"
            out.print(Text(f"  {e.start:>6}-{e.end:<6} {e.label:<8} {inert_line(e.text)}{inert_line(same)}",
                           style="" if e.own else "dim").append(part, style="dim"))
    if extractor.model_calls and extractor.notice:
        err.print(Text(f"notice: {extractor.notice}", style="yellow"))
    return 1 if failed else 0


def _print_hits(result: SearchResult, out: Console) -> None:
    shown = len(result.hits)
    out.print(Text(f"{result.total} hit{'s' if result.total != 1 else ''} for {result.query!r}"
                   + (f" (showing {shown})" if shown < result.total else ""), style="bold"))
    if result.suggestion:
        out.print(Text(f"Did you mean: {inert_line(result.suggestion)}", style="italic cyan"))
    for rank, hit in enumerate(result.hits, 1):
        head = Text(f"{rank:>2}. ")
        head.append(inert_line(hit.title), style="bold")
        meta = " · ".join(x for x in (hit.outlet, hit.date_text, hit.id) if x)
        head.append(f"  {inert_line(meta)}  score {hit.score:.2f}", style="dim")
        out.print(head)
        out.print(Text(f"    {inert_line(hit.path)}", style="dim"))
        snippet = Text("    ")
        for text, is_hit in hit.snippet:
            snippet.append(inert_line(text), style="bold reverse" if is_hit else "")
        out.print(snippet)


def _show(library: Library, args: argparse.Namespace, out: Console, err: Console) -> int:
    if not Path(args.ref).expanduser().is_file():
        quiet_update(library, err)
    article = library.article(args.ref)
    for warning in article.warnings:
        err.print(Text(f"warning: {inert_line(str(article.path))}: {inert_line(warning)}", style="yellow"))
    if args.json:
        out.out(views.dumps(views.article_view(article)), highlight=False)
        return 0
    out.print(Text(inert_line(article.title), style="bold"))
    meta = " · ".join(x for x in (article.outlet, article.author, article.date_text) if x)
    if meta:
        out.print(Text(inert_line(meta), style="italic"))
    out.print(Text(f"File: {inert_line(str(article.path))}   id: {inert_line(article.id)}", style="dim"))
    out.rule(style="dim")
    shown_groups = {g.blocks[0].start: g for g in article.junk_groups}
    for block in article.blocks:
        if block.junk is None:
            out.print(Text(inert(block.text)))
            out.print()
        elif block.start in shown_groups:
            group = shown_groups[block.start]
            out.print(Text(f"[{group.label}: page junk, not part of the article]", style="dim italic"))
            for item in group.blocks:
                out.print(Text(f"  {inert(item.text)}", style="dim"))
            out.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
