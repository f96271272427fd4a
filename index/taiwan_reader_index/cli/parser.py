"""The command line's arguments."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__, locations, logs

JSON_HELP = "print JSON: one object per input, one per line (see the README)"


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
    parser.add_argument("--follow-links", action="store_true", default=None,
                        help="follow symbolic links that lead out of the corpus folder (by "
                             "default they are reported and skipped)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help=f"log what happens to standard error too (always: {logs.log_file()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("index", parents=[corpus], help="build or update the index")
    p.add_argument("--rebuild", action="store_true", help="build the index from scratch")
    p = sub.add_parser("search", parents=[corpus], help="search the corpus")
    p.add_argument("query", help="Whoosh query: words, \"phrases\", AND/OR/NOT, term~, field:value; "
                                 "- reads one query per line from standard input")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to show (default 10)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.add_argument("--facets", action="store_true", help="also count outlets and entities")
    p = sub.add_parser("entities", parents=[corpus], help="named entities of articles")
    p.add_argument("refs", nargs="+", metavar="ID|PATH", help="ids, paths, or - for standard input")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = sub.add_parser("compare", parents=[corpus], help="align two reports side by side")
    p.add_argument("a", metavar="A", help="id or path")
    p.add_argument("b", metavar="B", help="id or path")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = sub.add_parser("quotes", parents=[corpus], help="who else carries this article's quotes")
    p.add_argument("ref", metavar="ID|PATH")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = sub.add_parser("show", parents=[corpus], help="print an article as the reader sees it")
    p.add_argument("ref", metavar="ID|PATH")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    return parser
