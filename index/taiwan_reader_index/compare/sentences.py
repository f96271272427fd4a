"""Sentences with offsets, and the normal form used to compare wording.

Normalising maps curly quotes and apostrophes to straight ones, lower-cases,
and rewrites common British spellings to American ones (defence -> defense,
organisation -> organization), so two outlets' copies of one sentence compare
equal. Every step keeps one character for one character where it can, so
offsets found in the normal form point into the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..articles.article import Article
from ..articles.prose import SENTENCE_END, fold_quotes

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "sen", "rep", "gen", "col", "lt", "maj", "adm", "capt", "cmdr",
    "sgt", "dr", "mr", "mrs", "ms", "prof", "st", "jan", "feb", "mar", "apr", "aug", "sept",
    "sep", "oct", "nov", "dec", "no", "inc", "corp", "co", "ltd", "vs", "e.g", "i.e", "gov",
    "ill", "calif", "mass", "fla", "wash", "d-ill", "r-texas", "d-il", "jr", "sr", "a.m", "p.m",
}
_BOUNDARY = re.compile(SENTENCE_END + r"""\s+(?=["“‘'(\[]?[A-Z0-9])""")
_BRITISH = [
    (re.compile(r"\b(defen|offen|licen|preten)c(e|es)\b"), r"\1s\2"),
    (re.compile(r"\b(col|fav|hon|lab|neighb|behavi|harb|rum|vig|rig|hum|flav|endeav)our"), r"\1or"),
    (re.compile(r"\b(cent|theat|met|lit|fib)re(s?)\b"), r"\1er\2"),
    (re.compile(r"\bprogramme(s?)\b"), r"program\1"),
    (re.compile(r"\b(organ|recogn|real|critic|apolog|author|modern|normal|mobil|minim|maxim|"
                r"stabil|util|priorit|emphas|summar|character|legal|capital|central|subsid|"
                r"sympath|jeopard|militar|penal|polar|privat|special|standard|civil)is"
                r"(e|ed|es|ing|ation|ations|er|ers)\b"), r"\1iz\2"),
    (re.compile(r"\banalys(e|ed|es|ing)\b"), r"analyz\1"),
    (re.compile(r"\b(travel|cancel|model|label|level|signal|fuel)l(ed|ing|er|ers)\b"), r"\1\2"),
    (re.compile(r"\bmanoeuvre(s?)\b"), r"maneuver\1"),
    (re.compile(r"\bgrey\b"), "gray"),
]


@lru_cache(maxsize=50_000)
def americanize(word: str) -> str:
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    return word


_WORDS = re.compile(r"[a-z]+")


_ANY_BRITISH = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _BRITISH))


def normalize(text: str) -> str:
    """Straight quotes, lower case, American spelling (lengths may change only there)."""
    lowered = fold_quotes(text).lower()
    if not _ANY_BRITISH.search(lowered):  # most sentences: nothing to respell
        return lowered
    return _WORDS.sub(lambda m: americanize(m.group()), lowered)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets into the article's decoded file text
    end: int
    text: str
    paragraph: int


def sentences(article: Article, until: int | None = None) -> list[Sentence]:
    """The article's sentences (page junk excluded), in order, with file offsets; with
    ``until``, those of the paragraphs that begin before that offset only."""
    out: list[Sentence] = []
    for p_index, block in enumerate(article.paragraphs):
        if until is not None and block.start >= until:
            break
        end_at = block.end if until is None else min(block.end, until)
        raw = article.source[block.start : end_at].replace("\n", " ").replace("\r", " ")
        start = 0
        for match in _BOUNDARY.finditer(raw):
            end = match.start() + len(match.group().rstrip())
            # the word before the boundary, looked for near it (not in all that came
            # before: that made a long paragraph quadratic)
            before = raw[max(start, match.start() - 80):match.start()].split()
            word = before[-1] if before else ""
            token = word.lower().strip("\"'“”‘’(").rstrip(".")
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                continue
            _add(out, raw, start, end, block.start, p_index)
            start = match.end()
        _add(out, raw, start, len(raw), block.start, p_index)
    return out


def _add(out: list[Sentence], raw: str, start: int, end: int, base: int, paragraph: int) -> None:
    piece = raw[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        out.append(Sentence(len(out), base + start + lead, base + start + lead + len(piece),
                            piece, paragraph))
