"""A comparison as data: alignment plus entity overlap, ready for JSON or a screen."""

from __future__ import annotations

from ..articles.article import Article
from .align import Alignment, align


def meta(article: Article) -> dict:
    return {"id": article.id, "title": article.title, "outlet": article.outlet,
            "author": article.author, "date": article.date_text or None, "path": str(article.path)}


def entity_overlap(entities_a, entities_b) -> dict[str, list[str]]:
    names_a = {e.canonical for e in entities_a or () if e.field}
    names_b = {e.canonical for e in entities_b or () if e.field}
    return {"shared": sorted(names_a & names_b), "only_a": sorted(names_a - names_b),
            "only_b": sorted(names_b - names_a)}


def compare(a: Article, b: Article, entities_a=None, entities_b=None) -> tuple[Alignment, dict]:
    """The alignment and its JSON form (offsets into each article's decoded file text)."""
    result = align(a, b, entities_a=entities_a, entities_b=entities_b)
    data = {
        "a": meta(a),
        "b": meta(b),
        "pairs": [{"kind": p.kind, "score": p.score, "a_start": p.a.start, "a_end": p.a.end,
                   "a_text": p.a.text, "b_start": p.b.start, "b_end": p.b.end, "b_text": p.b.text}
                  for p in result.pairs],
        "only_a": [{"start": s.start, "end": s.end, "text": s.text} for s in result.only_a],
        "only_b": [{"start": s.start, "end": s.end, "text": s.text} for s in result.only_b],
        "entities": entity_overlap(entities_a, entities_b),
    }
    return result, data
