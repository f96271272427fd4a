"""The JSON contract of ``--json``: one typed view per command.

Policy: every ``--json`` output is JSON Lines, one object per input, each on
its own line. Commands that take one input (search, show, compare, quotes)
therefore print exactly one line, which is also a plain JSON document;
``entities`` prints one line per input. Every object carries
``"version": 1`` (bumped when a field changes meaning or goes away; new
fields may appear without a bump) and ``"kind"``, naming the view. Offsets
(``start``/``end``) are character offsets into the file's decoded text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Literal, TypedDict

if TYPE_CHECKING:  # the command line loads what a command needs when it runs
    from ..articles.article import Article, Block
    from ..compare.align import Pair
    from ..compare.quotes import Carrier, Quote
    from ..compare.report import Comparison
    from ..entities.mention import Entity
    from ..fulltext.hits import SearchResult
    from ..ingest.run import FeedOutcome, Outcome

VERSION = 1


class HitView(TypedDict):
    id: str
    title: str
    outlet: str
    date: str | None  # YYYY-MM-DD
    path: str
    score: float
    snippet: str  # hits marked **like this**


class FacetValueView(TypedDict):
    value: str
    count: int


class SearchView(TypedDict):
    version: int
    kind: Literal["search"]
    query: str
    total: int
    suggestion: str | None
    hits: list[HitView]
    facets: dict[str, list[FacetValueView]]  # empty unless --facets
    took_ms: float  # the time the search itself took (not the index update before it)


class BlockView(TypedDict):
    text: str
    start: int
    end: int
    kind: str  # paragraph | heading | list_item


class JunkView(TypedDict):
    kind: str  # byline | caption | related | teaser
    label: str
    blocks: list[BlockView]


class ArticleView(TypedDict):
    version: int
    kind: Literal["article"]
    id: str
    title: str
    title_derived: bool
    outlet: str
    author: str
    date: str | None
    path: str
    warnings: list[str]
    paragraphs: list[BlockView]
    junk: list[JunkView]


class EntityView(TypedDict):
    start: int
    end: int
    text: str
    label: str  # OntoNotes label: PERSON, ORG, GPE, ...
    canonical: str
    part: str  # title, body, byline, caption, or a kind of page junk (navigation, related, ...)
    counted: bool  # counts for the article (facets, search fields): not in page junk


class EntitiesView(TypedDict):
    version: int
    kind: Literal["entities"]
    input: str  # the id, path or "-" as given
    language: str  # "en", or the article's other language: its names are not looked for
    entities: list[EntityView]


class MetaView(TypedDict):
    id: str
    title: str
    outlet: str
    author: str
    date: str | None
    path: str


class PairView(TypedDict):
    kind: str  # quote | same | similar (possible, in "possible")
    label: str  # the kind in words: same quotation | same wording | same fact | ...
    why: str  # one line: the shared quotation's length, or the words shared, numbers one lacks
    merged: bool  # a second pair of a sentence that merges two facts the other side gives apart
    score: float  # the judgement's confidence that the two state the same fact
    a_start: int
    a_end: int
    a_text: str
    b_start: int
    b_end: int
    b_text: str


class PassageView(TypedDict):
    start: int
    end: int
    text: str


class EntityOverlapView(TypedDict):
    shared: list[str]
    only_a: list[str]
    only_b: list[str]


class ComparisonView(TypedDict):
    version: int
    kind: Literal["comparison"]
    a: MetaView
    b: MetaView
    counts: dict[str, int]  # pairs of each kind
    pairs: list[PairView]
    possible: list[PairView]  # unpaired sentences and their likeliest counterpart (not the same
    # fact by the judgement, but close enough to check before trusting "only in")
    only_a: list[PassageView]
    only_b: list[PassageView]
    entities: EntityOverlapView
    compared_until: dict[str, int | None]  # where the compared text of a, b stops short of the
    # end of a file far longer than a report; null: compared whole


class CarrierView(TypedDict):
    id: str
    title: str
    outlet: str
    date: str
    path: str
    score: float
    wording: str  # the quotation as that article words it


class QuoteView(TypedDict):
    text: str  # the sentence that carries the quotation
    quote: str  # the quotation in normal form
    wording: str  # the quotation as written
    speaker: str  # who the sentence says spoke it, or ""
    start: int
    end: int
    carried_by: list[CarrierView]


class QuotesView(TypedDict):
    version: int
    kind: Literal["quotes"]
    id: str
    quotes: list[QuoteView]


_CONTROLS = re.compile("[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(view: object) -> str:
    """One line of JSON: non-ASCII text kept as is, but C1 controls and bidi overrides
    written as \\u escapes, so printing the JSON cannot control the terminal."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(view, ensure_ascii=False))


class QueryErrorView(TypedDict):
    version: int
    kind: Literal["error"]
    query: str
    error: str  # what is wrong with the query, as the command line says it


def query_error_view(query: str, message: str) -> QueryErrorView:
    return {"version": VERSION, "kind": "error", "query": query, "error": message}


def search_view(result: SearchResult) -> SearchView:
    return {
        "version": VERSION, "kind": "search",
        "query": result.query, "total": result.total, "suggestion": result.suggestion,
        "hits": [{"id": h.id, "title": h.title, "outlet": h.outlet, "date": h.date_text or None,
                  "path": h.path, "score": round(h.score, 4), "snippet": h.snippet_marked()}
                 for h in result.hits],
        "facets": {name: [{"value": v, "count": c} for v, c in values]
                   for name, values in result.facets.items()},
        "took_ms": result.took_ms,
    }


def _block(block: Block) -> BlockView:
    return {"text": block.text, "start": block.start, "end": block.end, "kind": block.kind}


def article_view(article: Article) -> ArticleView:
    return {
        "version": VERSION, "kind": "article",
        "id": article.id, "title": article.title, "title_derived": article.title_derived,
        "outlet": article.outlet, "author": article.author, "date": article.date_text or None,
        "path": str(article.path), "warnings": list(article.warnings),
        "paragraphs": [_block(b) for b in article.paragraphs],
        "junk": [{"kind": g.kind, "label": g.label, "blocks": [_block(b) for b in g.blocks]}
                 for g in article.junk_groups],
    }


def entities_view(ref: str, entities: list[Entity], language: str | None = None) -> EntitiesView:
    return {"version": VERSION, "kind": "entities", "input": ref, "language": language or "en",
            "entities": [{"start": e.start, "end": e.end, "text": e.text, "label": e.label,
                          "canonical": e.canonical, "part": e.part, "counted": e.own}
                         for e in entities]}


def _meta(article: Article) -> MetaView:
    return {"id": article.id, "title": article.title, "outlet": article.outlet,
            "author": article.author, "date": article.date_text or None,
            "path": str(article.path)}


def _pair(p: Pair) -> PairView:
    from ..compare.evidence import KIND_LABELS, explain

    return {"kind": p.kind, "label": KIND_LABELS[p.kind],
            "why": explain(p.kind, p.a.text, p.b.text, p.weight), "merged": p.merged,
            "score": p.score, "a_start": p.a.start, "a_end": p.a.end, "a_text": p.a.text,
            "b_start": p.b.start, "b_end": p.b.end, "b_text": p.b.text}


def comparison_view(comparison: Comparison) -> ComparisonView:
    alignment, ents = comparison.alignment, comparison.entities
    return {
        "version": VERSION, "kind": "comparison",
        "a": _meta(comparison.a), "b": _meta(comparison.b),
        "counts": alignment.counts(),
        "pairs": [_pair(p) for p in alignment.pairs],
        "possible": [_pair(p) for p in alignment.possible],
        "only_a": [{"start": s.start, "end": s.end, "text": s.text} for s in alignment.only_a],
        "only_b": [{"start": s.start, "end": s.end, "text": s.text} for s in alignment.only_b],
        "entities": {"shared": list(ents.shared), "only_a": list(ents.only_a),
                     "only_b": list(ents.only_b)},
        "compared_until": {"a": alignment.cut[0], "b": alignment.cut[1]},
    }


def _carrier(c: Carrier) -> CarrierView:
    return {"id": c.id, "title": c.title, "outlet": c.outlet, "date": c.date, "path": c.path,
            "score": c.score, "wording": c.wording}


def quotes_view(article: Article, tracks: list[tuple[Quote, list[Carrier]]]) -> QuotesView:
    return {"version": VERSION, "kind": "quotes", "id": article.id,
            "quotes": [{"text": q.text, "quote": " ".join(q.words), "wording": q.wording,
                        "speaker": q.speaker, "start": q.start, "end": q.end,
                        "carried_by": [_carrier(c) for c in found]}
                       for q, found in tracks]}


class AddedView(TypedDict):
    version: int
    kind: Literal["added"]
    source: str  # the address, file or "standard input" it came from
    status: Literal["new", "updated", "had", "failed"]  # had: already in the corpus
    path: str | None  # the article's file in the corpus
    title: str
    reason: str  # why it failed, or why it was not added again ("same text as …"); else ""


class FeedView(TypedDict):
    version: int
    kind: Literal["feed"]
    url: str
    title: str
    status: Literal["read", "unchanged", "failed"]  # unchanged: answered 304
    reason: str  # why it could not be read, or what is wrong with one that was; else ""


def added_view(outcome: Outcome) -> AddedView:
    return {"version": VERSION, "kind": "added", "source": outcome.source,
            "status": outcome.status, "path": str(outcome.path) if outcome.path else None,
            "title": outcome.title, "reason": outcome.reason}


def feed_view(feed: FeedOutcome) -> FeedView:
    return {"version": VERSION, "kind": "feed", "url": feed.url, "title": feed.title,
            "status": feed.status, "reason": feed.reason}


VIEWS: dict[str, type] = {"search": SearchView, "article": ArticleView, "entities": EntitiesView,
                          "comparison": ComparisonView, "quotes": QuotesView,
                          "error": QueryErrorView, "added": AddedView, "feed": FeedView}
