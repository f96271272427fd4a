"""App-wide messages. Requests are imperatives, events are in the past tense."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from taiwan_reader_index.fulltext.indexer import IndexReport


@dataclass
class OpenArticle(Message):
    """Open an article in the reading screen, carrying the query that found it."""

    article_id: str
    query: str = ""


@dataclass
class IndexUpdated(Message):
    """A background index refresh finished."""

    report: IndexReport


@dataclass
class SearchFor(Message):
    """Show the search screen with this query."""

    query: str


@dataclass
class CompareArticles(Message):
    """Open the comparison of two articles (ids); b may be "" for "the most similar"."""

    a: str
    b: str = ""


@dataclass
class TrackQuotes(Message):
    """Show which other articles carry this article's quotations."""

    article: object


@dataclass
class IndexDamageFound(Message):
    """A search found the index damaged: it must be set aside and rebuilt."""

    reason: str
