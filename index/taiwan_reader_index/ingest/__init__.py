"""Bringing articles in: a web address, a saved page or a feed becomes a Markdown file
with YAML front matter in the corpus, never the same article twice.

    from taiwan_reader_index.ingest import WebClient, add_urls, fetch_feeds
    with WebClient() as client:
        summary = add_urls(corpus, ["https://example.com/news/1"], client)
    print(summary.line())          # "1 new, 0 already had, 0 failed"
"""

from __future__ import annotations

from pathlib import Path

from .. import locations
from ..config import Config
from ..errors import CorpusError
from .extract import Extracted, NotAnArticle, extract_article
from .feeds import Feed, FeedList, parse_feed
from .run import FetchStopped, Outcome, Summary, add_html, add_urls, fetch_feeds
from .store import STATE_DIR, CorpusStore, IngestBusy
from .urls import canonical_url, is_web_url
from .web import FetchFailed, WebClient

__all__ = [
    "STATE_DIR", "CorpusStore", "Extracted", "Feed", "FeedList", "FetchFailed", "FetchStopped",
    "IngestBusy",
    "NotAnArticle", "Outcome", "Summary", "WebClient", "add_html", "add_urls", "canonical_url",
    "corpus_for_adding", "extract_article", "fetch_feeds", "is_web_url", "parse_feed",
]


def corpus_for_adding(corpus: Path | None, config: Config) -> tuple[Path, str | None]:
    """The folder new articles go to, and a notice when it was just created.

    ``--corpus`` first, then the config's corpus; without either, the user's own
    corpus in the user data folder (made on first use, the default from then on).
    The bundled seeds are never written to.
    """
    folder = (corpus or config.corpus or locations.user_corpus_dir()).expanduser()
    seeds = locations.seeds_dir().resolve()
    if folder.exists() and folder.resolve() == seeds:
        if corpus is not None or config.corpus is not None:
            raise CorpusError(f"{folder} holds the bundled seeds, which are not written to; "
                              "give another --corpus folder")
        folder = locations.user_corpus_dir()
    if folder.exists() and not folder.is_dir():
        raise CorpusError(f"corpus {folder} is not a folder")
    notice = None
    if not folder.exists():
        folder.mkdir(parents=True)
        notice = f"created the corpus folder {folder}"
        if corpus is None and config.corpus is None:
            notice = (f"created your own corpus at {folder}; it is the default from now on "
                      "(the bundled seeds: taiwan-reader --seeds)")
    return folder.resolve(), notice
