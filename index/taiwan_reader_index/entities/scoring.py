"""Strict span-and-label scoring against a gold list, as used by the tests and benchmarks."""

from __future__ import annotations

import re

from ..articles.article import Article
from .kinds import QUANTITY_LABELS
from .mention import OWN_PARTS, Mention


def gold_mentions(article: Article, items: list[list[str]]) -> list[Mention]:
    """Gold entries are [text, label] in reading order from the title (the body, its
    bylines and captions follow); each is found after the previous one, in the
    title or a block (a space in the gold matches any run of spaces or a line break)."""
    regions = ([article.title_span] if article.title_span else []) + [
        (b.start, b.end) for b in article.blocks]
    found: list[Mention] = []
    region, cursor = 0, regions[0][0] if regions else 0
    for text, label in items:
        pattern = re.compile(r"\s+".join(map(re.escape, text.split())))
        match = None
        while region < len(regions):
            match = pattern.search(article.source, max(cursor, regions[region][0]), regions[region][1])
            if match:
                break
            region += 1
        if match is None:
            raise ValueError(f"{article.id}: gold entity {text!r} not found after offset {cursor}")
        found.append(Mention(match.start(), match.end(), label))
        cursor = match.end()
    return found


def own_mentions(article: Article, mentions: list[Mention]) -> list[Mention]:
    """The mentions in the article's own text (title, body, bylines, captions): what the
    gold covers; names in menus and related headlines are not the article's."""
    return [m for m in mentions if article.part_at(m.start, m.end) in OWN_PARTS]


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
