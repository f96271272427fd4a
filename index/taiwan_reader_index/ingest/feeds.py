"""The corpus's feed subscriptions, OPML in and out, and reading one feed.

Subscriptions live in ``.taiwan-reader/feeds.json`` in the corpus, with what
each feed said last (its ETag and Last-Modified, for conditional requests)
and the entries already taken, so an unchanged feed costs one small request
and an entry is fetched once. OPML is the format feed readers exchange
subscription lists in; feeds are parsed by feedparser (RSS 0.9x–2.0, RSS 1.0,
Atom), which also reads much of what is not well-formed.
"""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import CorpusError
from ..locations import write_atomic
from .urls import canonical_url, is_web_url

log = logging.getLogger(__name__)
FEEDS = "feeds.json"
MAX_SEEN = 5000  # entries remembered per feed (a feed lists its latest 10–100)
MAX_OPML_BYTES = 5_000_000


@dataclass
class Feed:
    url: str
    title: str = ""
    etag: str | None = None
    last_modified: str | None = None
    checked: str | None = None  # when it was last read (ISO, UTC)
    error: str | None = None  # why the last read failed
    seen: dict[str, str] = field(default_factory=dict)  # entry id -> its updated stamp

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Entry:
    key: str  # the entry's id, else its link
    link: str
    title: str
    author: str
    stamp: str  # when the feed says it was updated (or published)
    day: datetime | None


class FeedList:
    """The subscriptions of one corpus (``state`` is its ``.taiwan-reader`` folder)."""

    def __init__(self, state: Path) -> None:
        self.path = state / FEEDS
        self.feeds: list[Feed] = []
        self.problem: str | None = None
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.feeds = [Feed(**{k: v for k, v in item.items() if k in Feed.__dataclass_fields__})
                          for item in data["feeds"]]
            for feed in self.feeds:
                if not isinstance(feed.url, str) or not isinstance(feed.seen, dict):
                    raise TypeError("a feed of the wrong shape")
        except FileNotFoundError:
            self.feeds = []
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            aside = self.path.with_name(f"{FEEDS}.damaged")
            self.path.replace(aside)
            self.feeds = []
            self.problem = (f"the feed list {self.path} was damaged ({exc}); it was moved to "
                            f"{aside} and starts empty")
            log.warning("%s", self.problem)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": 1, "feeds": [f.to_json() for f in self.feeds]}
        write_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False), mode=0o644)

    def find(self, url: str) -> Feed | None:
        wanted = canonical_url(url)
        return next((f for f in self.feeds if canonical_url(f.url) == wanted), None)

    def add(self, url: str, title: str = "") -> Feed | None:
        """Subscribe to ``url``; None if it is already on the list."""
        if not is_web_url(url):
            raise CorpusError(f"{url!r} is not a feed address (http:// or https://)")
        if self.find(url) is not None:
            return None
        feed = Feed(url=url.strip(), title=title)
        self.feeds.append(feed)
        return feed

    def remove(self, url: str) -> Feed | None:
        feed = self.find(url)
        if feed is not None:
            self.feeds.remove(feed)
        return feed

    # -- OPML ----------------------------------------------------------------------------

    def import_opml(self, path: Path) -> tuple[list[Feed], list[str]]:
        """Subscribe to every feed of an OPML file; (added, already on the list)."""
        try:
            if path.stat().st_size > MAX_OPML_BYTES:
                raise CorpusError(f"{path}: not read, over {MAX_OPML_BYTES // 1_000_000} MB")
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise CorpusError(f"{path}: not a valid OPML file ({exc})") from None
        if root.tag.lower() != "opml":
            raise CorpusError(f"{path}: not an OPML file (its root element is <{root.tag}>)")
        added, had = [], []
        for outline in root.iter("outline"):
            url = (outline.get("xmlUrl") or "").strip()
            if not url:
                continue  # a folder of feeds
            if not is_web_url(url):
                had.append(f"{url} (not an http(s) address; skipped)")
                continue
            feed = self.add(url, outline.get("title") or outline.get("text") or "")
            if feed is None:
                had.append(url)
            else:
                added.append(feed)
        return added, had

    def export_opml(self) -> str:
        root = ET.Element("opml", version="2.0")
        head = ET.SubElement(root, "head")
        ET.SubElement(head, "title").text = "taiwan-reader feeds"
        body = ET.SubElement(root, "body")
        for feed in self.feeds:
            ET.SubElement(body, "outline", type="rss", text=feed.title or feed.url,
                          title=feed.title or feed.url, xmlUrl=feed.url)
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def parse_feed(body: bytes, url: str, content_type: str = "",
               ) -> tuple[str, list[Entry], str | None]:
    """(the feed's title, its entries, a warning) from a feed document.

    Raises CorpusError when nothing of a feed can be read from it.
    """
    import feedparser  # imported here: the reader only needs it to fetch

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    entries = _entries(parsed)
    problem = None
    exc = parsed.get("bozo_exception")
    # an odd content type or a declared encoding that was wrong is no fault of the XML
    if parsed.get("bozo") and not isinstance(exc, feedparser.ThingsNobodyCaresAboutButMe):
        problem = f"not well-formed ({str(exc).splitlines()[0] if exc else 'unknown fault'})"
    feed_info = parsed.get("feed") or {}
    if not parsed.get("version") and not parsed.entries:
        raise CorpusError(problem or "not an RSS or Atom feed")
    if problem and not parsed.entries:
        raise CorpusError(problem)
    return (feed_info.get("title") or "").strip(), entries, problem


def _entries(parsed) -> list[Entry]:
    entries = []
    for item in parsed.entries:
        link = item.get("link") or ""
        if not is_web_url(link):
            continue
        # dict.get: the raw keys (feedparser's own get maps a missing `updated` to
        # `published` with a deprecation warning)
        stamp = dict.get(item, "updated") or dict.get(item, "published") or ""
        when = dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")
        entries.append(Entry(key=item.get("id") or canonical_url(link), link=link,
                             title=" ".join((item.get("title") or "").split()),
                             author=item.get("author") or "", stamp=stamp,
                             day=datetime(*when[:6]) if when else None))
    return entries


# what a page's <link rel="alternate"> may name that feedparser reads (not JSON Feed)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def feed_named_by(html: bytes, url: str) -> str | None:
    """The feed a web page names in its head (``<link rel="alternate" type="…rss+xml">``)."""
    from urllib.parse import urljoin

    import lxml.html

    try:
        page = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for link in page.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            found = urljoin(url, href)
            return found if is_web_url(found) else None
    return None
