"""Is a block of a copied web page part of the article, or the page around it?

Each block is described by plain evidence - its length, its share of
function words, whether it ends like a sentence, title case, list markers,
words of page furniture ("Share", "Subscribe", "Sign in", "Cookies"),
its place on the page, how prose-like its neighbours are - and a logistic
regression weighs the evidence. Its weights are ``page_model.json``, trained
on hand-marked real pages by ``benchmarks/train_page_model.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import learned
from ..learned import LogisticModel
from .article import Block
from .blocks import is_headline_like
from .prose import ends_sentence

WORD = re.compile(r"[^\W\d_][\w'’-]*")
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "sv", "pl", "id")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The commonest words of the languages pages are written in: running prose is full of
    them, menus and headlines are not. Read from ``function_words.txt``
    (``benchmarks/make_function_words.py`` writes it from wordfreq, whose tables for ten
    languages would stay in memory: 230 MB)."""
    text = resources.files(__package__).joinpath("function_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


FURNITURE = re.compile(
    r"\b(?:share|shares|tweet|email|e-mail|print|subscribe|subscription|newsletter|sign\s?in|"
    r"sign\s?up|log\s?in|log\s?out|register|menu|search|home|cookies?|privacy|terms|"
    r"advertisement|advertise|sponsored|copyright|rights reserved|follow us|facebook|twitter|"
    r"instagram|linkedin|whatsapp|pinterest|youtube|comments?|reply|replies|loading|"
    r"skip to|click here|read more|learn more|see more|show more|related|recommended|"
    r"trending|popular|next|previous|back to top|contact us|about us|careers|sitemap|"
    r"download|app|podcasts?|video|photos?|gallery|image|credit|getty|shutterstock)\b",
    re.IGNORECASE)
LIST_MARK = re.compile(r"^\s*(?:[-*+•·»›>|]|\d{1,3}[.)])\s*")
URLISH = re.compile(r"https?://|www\.|\.com\b|@\w|#\w")
DATE = re.compile(r"\b(?:\d{1,2}:\d{2}|(?:19|20)\d{2}|jan|feb|mar|apr|may|jun|jul|aug|sep|"
                   r"oct|nov|dec)\w*\b", re.IGNORECASE)
WINDOW = 3  # neighbours on each side whose prose-likeness is a feature

NAMES = (
    "log_words", "short", "long", "ends_sentence", "sentences", "function_share",
    "title_case_share", "alpha_share", "digit_share", "list_marker", "headline_like",
    "furniture", "furniture_share", "urlish", "dateish", "avg_word_length", "caps_share",
    "lowercase_share", "comma_share",
    "position", "from_prose_core", "in_prose_core", "prose_before", "prose_after",
    "prose_window", "prev_prose", "next_prose", "repeated_on_page",
)


@dataclass(frozen=True)
class _Shape:
    words: int
    prose: float  # 0..1: how much this block reads like running prose


def _shape(text: str) -> tuple[list[float], _Shape]:
    words = WORD.findall(text)
    count = len(words)
    lower = [w.lower() for w in words]
    common = function_words()
    function = sum(1 for w in lower if w in common) / count if count else 0.0
    lowercase = sum(1 for w in words if w[0].islower()) / count if count else 0.0
    commas = text.count(",") / count if count else 0.0
    long_words = [w for w in words if len(w) >= 4]
    title = (sum(1 for w in long_words if w[0].isupper()) / len(long_words)) if long_words else 0.0
    chars = len(text) or 1
    furniture = len(FURNITURE.findall(text))
    ends = ends_sentence(text)
    sentences = len(re.findall(r"[.!?…][\"'”’)]*\s+[A-Z“\"]", text)) + (1 if ends else 0)
    values = [
        math.log1p(count), float(count < 5), float(count >= 30), float(ends), float(sentences),
        function, title, sum(map(str.isalpha, text)) / chars,
        sum(map(str.isdigit, text)) / chars, float(bool(LIST_MARK.match(text))),
        float(is_headline_like(text)), float(furniture), furniture / (count or 1),
        float(bool(URLISH.search(text))), float(bool(DATE.search(text)) and count < 12),
        (sum(len(w) for w in words) / count) if count else 0.0,
        (sum(1 for w in words if w.isupper() and len(w) > 1) / count) if count else 0.0,
        lowercase, commas,
    ]
    prose = min(1.0, count / 25) * (1.0 if ends else 0.5) * min(1.0, lowercase / 0.6)
    return values, _Shape(count, prose)


def features(blocks: Sequence[Block]) -> list[list[float]]:
    """One feature vector per block, in the order of NAMES."""
    shaped = [_shape(b.text) for b in blocks]
    prose = [s.prose * s.words for _, s in shaped]
    n = len(blocks)
    # the prose core: the window of blocks with the most prose words, the article's heart
    best, core = -1.0, (0, 0)
    for start in range(n):
        total = 0.0
        for end in range(start, min(n, start + 40)):
            total += prose[end] - (0 if prose[end] else 3.0)  # furniture between costs
            if total > best:
                best, core = total, (start, end)
    seen: dict[str, int] = {}
    for b in blocks:
        key = b.text.strip().lower()
        seen[key] = seen.get(key, 0) + 1
    rows = []
    for i, (values, shape) in enumerate(shaped):
        before = [shaped[j][1].prose for j in range(max(0, i - WINDOW), i)]
        after = [shaped[j][1].prose for j in range(i + 1, min(n, i + 1 + WINDOW))]
        distance = 0 if core[0] <= i <= core[1] else min(abs(i - core[0]), abs(i - core[1]))
        rows.append([
            *values, i / max(1, n - 1), math.log1p(distance), float(distance == 0),
            sum(before) / WINDOW, sum(after) / WINDOW,
            (sum(before) + shape.prose + sum(after)) / (2 * WINDOW + 1),
            before[-1] if before else 0.0, after[0] if after else 0.0,
            float(seen[blocks[i].text.strip().lower()] > 1),
        ])
    return rows


@lru_cache(maxsize=1)
def model() -> LogisticModel:
    """The shipped model (``page_model.json``) with its settings: ``threshold``, ``unsure``
    and ``outside`` (see :func:`decide`)."""
    return learned.load(__package__, "page_model.json", NAMES,
                        "benchmarks/train_page_model.py")


INSIDE = 0.1  # inside the article's span, a block goes only when below this


def decide(probabilities: Sequence[float], threshold: float, unsure: float,
           word_counts: Sequence[int], outside: float = 0.9) -> list[bool] | None:
    """Which blocks to keep as the article, or None when the page gives no clear article.

    The article is one stretch of the page: the run of blocks with the greatest
    sum of (probability - threshold). Inside it a block goes only when it is
    clearly page furniture; outside it a block stays only when clearly prose.
    When what would be kept is less than ``unsure`` of the page's words, no
    prose stands out: None, and the caller keeps the whole text.
    """
    best, running, start, span = -math.inf, 0.0, 0, (0, -1)
    for i, p in enumerate(probabilities):
        if running <= 0:
            running, start = 0.0, i
        running += p - threshold
        if running > best:
            best, span = running, (start, i)
    keep = [p >= INSIDE if span[0] <= i <= span[1] else p >= outside
            for i, p in enumerate(probabilities)]
    kept = sum(w for w, k in zip(word_counts, keep) if k)
    if kept < unsure * sum(word_counts):
        return None
    return keep


def article_probabilities(blocks: Sequence[Block]) -> list[float]:
    """For each block, the probability that a person would mark it as the article."""
    shipped = model()
    return [shipped.probability(row) for row in features(blocks)]
