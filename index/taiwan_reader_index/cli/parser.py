"""The command line's arguments."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__, locations, logs

JSON_HELP = "print JSON: one object per input, one per line (see the README)"


def build_parser() -> argparse.ArgumentParser:
    corpus_help = ("folder of articles (default: the config's corpus, else your own corpus once "
                   "`add` has made it, else the bundled seeds)")
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--corpus", type=Path, metavar="DIR", help=corpus_help)
    # Before or after the command; the command's copy has no default, which
    # would otherwise overwrite a --corpus given before the command.
    corpus = argparse.ArgumentParser(add_help=False)
    corpus.add_argument("--corpus", type=Path, metavar="DIR", help=corpus_help,
                        default=argparse.SUPPRESS)
    corpus.add_argument("--seeds", action="store_true", default=argparse.SUPPRESS,
                        help="open the bundled seeds (when your own corpus is the default)")
    parser = argparse.ArgumentParser(
        prog="taiwan-reader", parents=[top],
        description="Search, read and compare news reports from the terminal.",
        epilog=f"Config file: {locations.config_file()}",
    )
    parser.add_argument("--version", action="version", version=f"taiwan-reader {__version__}")
    parser.add_argument("--seeds", action="store_true",
                        help="open the bundled seeds (when your own corpus is the default)")
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
    _ingest_commands(sub, corpus)
    return parser


def _ingest_commands(sub, corpus: argparse.ArgumentParser) -> None:
    delay = argparse.ArgumentParser(add_help=False)
    delay.add_argument("--per-host-delay", type=float, default=1.0, metavar="S",
                       help="seconds between two requests to one site (default 1)")
    p = sub.add_parser(
        "add", parents=[corpus, delay], help="add articles from web addresses or saved pages",
        description="Fetch each page, keep its article and metadata, and write it into the "
                    "corpus as Markdown with front matter; the index takes it in at once. "
                    "An article already there is not added again; one that changed is updated.")
    p.add_argument("sources", nargs="+", metavar="URL|FILE.html|-",
                   help="http(s) addresses, saved HTML files, or - for HTML on standard input")
    p.add_argument("--json", action="store_true", help=JSON_HELP + "; one per source")
    p = sub.add_parser(
        "fetch", parents=[corpus, delay], help="add every new article of the corpus's feeds",
        description="Read every feed (an unchanged one costs one small request), fetch each "
                    "new entry's article and add it as `add` does.")
    p.add_argument("--json", action="store_true",
                   help=JSON_HELP + "; one per feed, then one per entry")
    feeds = sub.add_parser("feeds", parents=[corpus], help="the corpus's feed subscriptions",
                           description="RSS and Atom feeds that `fetch` reads.")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    p = fsub.add_parser("add", parents=[corpus], help="subscribe to feeds (or a page naming its feed)")
    p.add_argument("urls", nargs="+", metavar="URL")
    fsub.add_parser("list", parents=[corpus], help="the feeds, when each was read, and its last problem")
    p = fsub.add_parser("remove", parents=[corpus], help="unsubscribe")
    p.add_argument("urls", nargs="+", metavar="URL")
    p = fsub.add_parser("import", parents=[corpus], help="subscribe to every feed of an OPML file")
    p.add_argument("file", type=Path, metavar="FILE.opml")
    fsub.add_parser("export", parents=[corpus], help="print the feeds as OPML")
