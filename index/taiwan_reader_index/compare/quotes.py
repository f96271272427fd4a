"""Quotation tracking across the corpus.

At index time every quotation of at least 3 words is stored in the
``quote_shingles`` keyword field as its runs of 5 normalised words (or whole,
when shorter). To find who else carries a quotation, its shingles are looked
up, and each candidate is confirmed with the same test the comparison uses
(a common run of 5+ words, or 80% of the shorter quotation), so trimmed and
extended versions, curly or straight quotes and British spellings are found.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..articles.article import Article
from .judge import quotations, quote_score
from .sentences import sentences

SHINGLE = 5
SHORT = 3  # quotations of 3-4 words are found inside longer ones through 3-word runs


@dataclass(frozen=True)
class Quote:
    text: str  # as written in the article
    words: tuple[str, ...]  # normal form
    start: int
    end: int


@dataclass(frozen=True)
class Carrier:
    id: str
    title: str
    outlet: str
    date: str
    path: str
    score: float


def article_quotes(article: Article) -> list[Quote]:
    out, seen = [], set()
    for sentence in sentences(article):
        for words in quotations(sentence.text):
            if len(words) >= 3 and tuple(words) not in seen:
                seen.add(tuple(words))
                out.append(Quote(sentence.text, tuple(words), sentence.start, sentence.end))
    return out


def _runs(words, size: int) -> list[str]:
    if len(words) <= size:
        return [" ".join(words)]
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def shingles(words: tuple[str, ...] | list[str]) -> list[str]:
    """Lookup keys of one quotation: its 5-word runs, or 3-word runs when it is short."""
    return _runs(words, SHINGLE if len(words) >= SHINGLE else SHORT)


def quote_field(article: Article) -> str:
    """The keyword field value: every quotation's 5-word and 3-word runs."""
    found = {s for q in article_quotes(article) for size in (SHINGLE, SHORT)
             for s in _runs(q.words, size)}
    return ",".join(sorted(found))


def carriers(quote: Quote, candidates: list[tuple[dict, Article]]) -> list[Carrier]:
    """The candidate articles that really carry ``quote`` (trimmed or extended)."""
    out = []
    for fields, other in candidates:
        others = [list(q.words) for q in article_quotes(other)]
        score, _ = quote_score([list(quote.words)], others)
        if score:
            out.append(Carrier(fields["id"], fields.get("title", ""), fields.get("outlet", ""),
                               other.date_text, fields.get("path", ""), round(score, 3)))
    return sorted(out, key=lambda c: (c.date or "9999", c.id))
