"""Strict span-and-label scoring against a gold list, as used by the tests and benchmarks."""

from __future__ import annotations

from ..articles.article import Article
from .kinds import QUANTITY_LABELS
from .mention import Mention


def gold_mentions(article: Article, items: list[list[str]]) -> list[Mention]:
    """Gold entries are [text, label] in reading order; each is found after the previous one."""
    regions = [(b.start, b.end) for b in article.paragraphs]
    found, cursor = [], regions[0][0] if regions else 0
    for text, label in items:
        start = article.source.find(text, cursor)
        if start == -1:
            raise ValueError(f"{article.id}: gold entity {text!r} not found after offset {cursor}")
        found.append(Mention(start, start + len(text), label))
        cursor = start + len(text)
    return found


def prf(gold: list[Mention], predicted: list[Mention]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives), quantities left out."""
    g = {(m.start, m.end, m.label) for m in gold if m.label not in QUANTITY_LABELS}
    p = {(m.start, m.end, m.label) for m in predicted if m.label not in QUANTITY_LABELS}
    return len(g & p), len(p - g), len(g - p)


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score
