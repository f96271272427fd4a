"""The command line: `taiwan-reader [index|search|show] ...`.

With no command the reader app opens; the app itself is passed in by the UI
package, so this module never imports Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.text import Text

from .. import __version__, locations
from ..config import load_config
from ..fulltext.indexer import IndexReport
from ..library import Library
from ..articles.article import Article
from ..errors import BadFile, CorpusError, IndexProblem, QueryError
from ..fulltext.hits import SearchResult
from ..terminal_safe import inert

LaunchApp = Callable[[Library], int]


def build_parser() -> argparse.ArgumentParser:
    corpus_help = "folder of articles (default: the config's corpus, else the bundled seeds)"
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--corpus", type=Path, metavar="DIR", help=corpus_help)
    # Before or after the command; the command's copy has no default, which
    # would otherwise overwrite a --corpus given before the command.
    corpus = argparse.ArgumentParser(add_help=False)
    corpus.add_argument("--corpus", type=Path, metavar="DIR", help=corpus_help,
                        default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="taiwan-reader", parents=[top],
        description="Search, read and compare news reports from the terminal.",
        epilog=f"Config file: {locations.config_file()}",
    )
    parser.add_argument("--version", action="version", version=f"taiwan-reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("index", parents=[corpus], help="build or update the index")
    p.add_argument("--rebuild", action="store_true", help="build the index from scratch")
    p = sub.add_parser("search", parents=[corpus], help="search the corpus")
    p.add_argument("query", help="Whoosh query: words, \"phrases\", AND/OR/NOT, term~, field:value")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to show (default 10)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--facets", action="store_true", help="also count outlets and entities")
    p = sub.add_parser("entities", parents=[corpus], help="named entities of articles")
    p.add_argument("refs", nargs="+", metavar="ID|PATH", help="ids, paths, or - for standard input")
    p.add_argument("--json", action="store_true", help="one JSON object per input, one per line")
    p = sub.add_parser("compare", parents=[corpus], help="align two reports side by side")
    p.add_argument("a", metavar="A", help="id or path")
    p.add_argument("b", metavar="B", help="id or path")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p = sub.add_parser("quotes", parents=[corpus], help="who else carries this article's quotes")
    p.add_argument("ref", metavar="ID|PATH")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p = sub.add_parser("show", parents=[corpus], help="print an article as the reader sees it")
    p.add_argument("ref", metavar="ID|PATH")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: Sequence[str] | None = None, launch_app: LaunchApp | None = None) -> int:
    args = build_parser().parse_args(argv)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False)
    try:
        config = load_config()
        for problem in config.problems:
            err.print(Text(f"warning: {problem}", style="yellow"))
        library = Library.open(args.corpus, config)
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
        err.print(Text(f"taiwan-reader: {inert(str(exc))}", style="red"))
        return 2
    except (CorpusError, IndexProblem, BadFile, OSError) as exc:
        err.print(Text(f"taiwan-reader: {inert(str(exc))}", style="red"))
        return 1
    except KeyboardInterrupt:
        err.print(Text("taiwan-reader: interrupted; what was committed is kept", style="yellow"))
        return 130
    except Exception as exc:  # never a traceback: one line saying what failed
        detail = (str(exc).splitlines() or [""])[0]
        err.print(Text(f"taiwan-reader: {type(exc).__name__}: {inert(detail)}", style="red"))
        return 1


def _index(library: Library, rebuild: bool, out: Console, err: Console) -> int:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("indexing"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=None)

        def advance(done: int, total: int, name: str) -> None:
            progress.update(task, completed=done, total=total, description=inert(name)[-40:])

        report = library.update(rebuild=rebuild, progress=advance)
    print_report(report, out, err)
    return 0


def print_report(report: IndexReport, out: Console, err: Console) -> None:
    for notice in report.notices:
        err.print(Text(f"notice: {inert(notice)}", style="yellow"))
    for problem in report.warnings:
        err.print(Text(f"warning: {inert(str(problem))}", style="yellow"))
    for problem in report.skipped:
        err.print(Text(f"skipped: {inert(str(problem))}", style="yellow"))
    out.print(Text(f"{report.corpus}: {report.summary()} in {report.seconds:.2f} s"))


def _quiet_update(library: Library, err: Console) -> None:
    report, busy = library.ensure_current()
    if busy:
        err.print(Text(f"warning: {inert(busy)}", style="yellow"))
    if report is not None:
        for problem in report.skipped + report.warnings:
            if report.changed:
                err.print(Text(f"warning: {inert(str(problem))}", style="yellow"))


def _search(library: Library, args, out: Console, err: Console) -> int:
    if args.limit < 1:
        raise QueryError(f"--limit must be at least 1, got {args.limit}")
    _quiet_update(library, err)
    searcher = library.searcher()
    try:
        result = searcher.search(args.query, limit=args.limit, facets=args.facets)
    finally:
        searcher.close()
    if args.json:
        data = search_json(result)
        if args.facets:
            data["facets"] = {name: [{"value": v, "count": c} for v, c in values]
                              for name, values in result.facets.items()}
        out.out(json.dumps(data, ensure_ascii=False), highlight=False)
    else:
        _print_hits(result, out)
        for name, values in result.facets.items():
            shown = ", ".join(f"{v} ({c})" for v, c in values[:10])
            out.print(Text(f"{name}: ", style="bold") + Text(inert(shown)))
    return 0


def _compare(library: Library, args, out: Console, err: Console) -> int:
    from ..compare.report import compare
    from ..entities.extract import EntityExtractor

    if any(not Path(ref).expanduser().is_file() for ref in (args.a, args.b)):
        _quiet_update(library, err)
    a, b = library.article(args.a), library.article(args.b)
    entities_a, entities_b = EntityExtractor().entities([a, b])
    result, data = compare(a, b, entities_a, entities_b)
    if args.json:
        out.out(json.dumps(data, ensure_ascii=False), highlight=False)
        return 0
    counts = {k: sum(1 for p in result.pairs if p.kind == k) for k in ("quote", "same", "similar")}
    out.print(Text(f"A: {inert(a.title)}  ({inert(a.outlet or a.id)})", style="bold"))
    out.print(Text(f"B: {inert(b.title)}  ({inert(b.outlet or b.id)})", style="bold"))
    out.print(Text(f"{counts['quote']} shared quotes, {counts['same']} same, {counts['similar']} "
                   f"similar; {len(result.only_a)} only in A, {len(result.only_b)} only in B"))
    for pair in result.pairs:
        out.rule(Text(f"{pair.kind} {pair.score:.2f}"), style="dim")
        out.print(Text("A ", style="bold") + Text(inert(pair.a.text)))
        out.print(Text("B ", style="bold") + Text(inert(pair.b.text)))
    ents = data["entities"]
    out.rule(Text("entities"), style="dim")
    for key, label in (("shared", "both"), ("only_a", "only A"), ("only_b", "only B")):
        out.print(Text(f"{label}: ", style="bold") + Text(inert(", ".join(ents[key]) or "-")))
    return 0


def _quotes(library: Library, args, out: Console, err: Console) -> int:
    _quiet_update(library, err)
    searcher = library.searcher()
    try:
        article = library.article(args.ref, searcher)
        tracks = library.quote_tracks(article, searcher)
    finally:
        searcher.close()
    if args.json:
        data = {"id": article.id, "quotes": [
            {"text": q.text, "quote": " ".join(q.words), "start": q.start, "end": q.end,
             "carried_by": [c.__dict__ for c in found]} for q, found in tracks]}
        out.out(json.dumps(data, ensure_ascii=False), highlight=False)
        return 0
    for quote, found in tracks:
        out.print(Text(f"“{inert(' '.join(quote.words))}”", style="bold"))
        for c in found:
            out.print(Text(f"   {inert(c.title)} · {inert(c.outlet or c.id)} · {c.date or 'undated'}"
                           f"  ({c.score:.2f})"))
        if not found:
            out.print(Text("   no other article", style="dim"))
    return 0


def _entities(library: Library, args, out: Console, err: Console) -> int:
    """Entities per input; offsets into the file's full decoded text."""
    from ..entities.extract import EntityExtractor
    from ..articles.loader import load_text

    if any(ref != "-" and not Path(ref).expanduser().is_file() for ref in args.refs):
        _quiet_update(library, err)
    extractor = EntityExtractor()
    failed = 0
    for ref in args.refs:
        try:
            article = (load_text(sys.stdin.read(), "-", title_line=False) if ref == "-"
                       else library.article(ref))
        except (CorpusError, BadFile, OSError) as exc:
            err.print(Text(f"taiwan-reader: {inert(ref)}: {inert(str(exc))}", style="red"))
            failed += 1
            continue
        entities = extractor.entities([article])[0]
        if args.json:
            rows = [{"start": e.start, "end": e.end, "text": e.text, "label": e.label,
                     "canonical": e.canonical} for e in entities]
            out.out(json.dumps({"input": ref, "entities": rows}, ensure_ascii=False), highlight=False)
            continue
        out.print(Text(f"{inert(ref)}: {inert(article.title)}", style="bold"))
        for e in entities:
            same = "" if e.canonical == e.text else f"  → {e.canonical}"
            out.print(Text(f"  {e.start:>6}-{e.end:<6} {e.label:<8} {inert(e.text)}{inert(same)}"))
    if extractor.model_calls and extractor.notice:
        err.print(Text(f"notice: {extractor.notice}", style="yellow"))
    return 1 if failed else 0


def search_json(result: SearchResult) -> dict:
    return {
        "query": result.query,
        "total": result.total,
        "suggestion": result.suggestion,
        "hits": [
            {"id": h.id, "title": h.title, "outlet": h.outlet, "date": h.date_text or None,
             "path": h.path, "score": round(h.score, 4), "snippet": h.snippet_marked()}
            for h in result.hits
        ],
    }


def _print_hits(result: SearchResult, out: Console) -> None:
    shown = len(result.hits)
    out.print(Text(f"{result.total} hit{'s' if result.total != 1 else ''} for {result.query!r}"
                   + (f" (showing {shown})" if shown < result.total else ""), style="bold"))
    if result.suggestion:
        out.print(Text(f"Did you mean: {inert(result.suggestion)}", style="italic cyan"))
    for rank, hit in enumerate(result.hits, 1):
        head = Text(f"{rank:>2}. ")
        head.append(inert(hit.title), style="bold")
        meta = " · ".join(x for x in (hit.outlet, hit.date_text, hit.id) if x)
        head.append(f"  {inert(meta)}  score {hit.score:.2f}", style="dim")
        out.print(head)
        out.print(Text(f"    {inert(hit.path)}", style="dim"))
        snippet = Text("    ")
        for text, is_hit in hit.snippet:
            snippet.append(inert(text), style="bold reverse" if is_hit else "")
        out.print(snippet)


def article_json(article: Article) -> dict:
    def block(b):
        return {"text": b.text, "start": b.start, "end": b.end, "kind": b.kind}

    return {
        "id": article.id, "title": article.title, "title_derived": article.title_derived,
        "outlet": article.outlet, "author": article.author, "date": article.date_text or None,
        "path": str(article.path), "warnings": list(article.warnings),
        "paragraphs": [block(b) for b in article.paragraphs],
        "junk": [{"kind": g.kind, "label": g.label, "blocks": [block(b) for b in g.blocks]}
                 for g in article.junk_groups],
    }


def _show(library: Library, args, out: Console, err: Console) -> int:
    if not Path(args.ref).expanduser().is_file():
        _quiet_update(library, err)
    article = library.article(args.ref)
    for warning in article.warnings:
        err.print(Text(f"warning: {inert(str(article.path))}: {inert(warning)}", style="yellow"))
    if args.json:
        out.out(json.dumps(article_json(article), ensure_ascii=False), highlight=False)
        return 0
    out.print(Text(inert(article.title), style="bold"))
    meta = " · ".join(x for x in (article.outlet, article.author, article.date_text) if x)
    if meta:
        out.print(Text(inert(meta), style="italic"))
    out.print(Text(f"File: {inert(str(article.path))}   id: {inert(article.id)}", style="dim"))
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
