"""Which line of a copied web page is the article's headline.

A page copied from a browser has its headline somewhere among the menus, share
buttons, bylines, dates and photo credits above the story, in title case or in
sentence case, with the site's related headlines near it. The headline is told
apart by what it says and how it looks: most of its words come back in the
story's first paragraphs (a related headline shares few of them); it is a
single short line that does not end a sentence (a standfirst does); it carries
no date, byline, list marker or share buttons; it stands close above the
story; and a page often shows it twice.

Each single-line block of 3 to 30 words among the WINDOW blocks above the
story's first paragraph (and that paragraph's block if it is short) is scored
by a logistic regression over those features (``headline_model.json``,
trained by ``benchmarks/train_headline_model.py`` on the hand-checked dev
pages, cross-validated by page); the likeliest is the headline when its
probability reaches the model's ``threshold``, else there is none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from .. import learned
from ..learned import LogisticModel
from .article import Block
from .blocks import is_headline_like
from .page_model import DATE, FURNITURE, LIST_MARK, URLISH, WORD, function_words

WINDOW = 40  # blocks looked at above the story's first paragraph
LEAD_BLOCKS = 3  # the story's first paragraphs, whose words a headline repeats
PARAGRAPH_WORDS = 25  # a block of this many words or more is running text, no headline
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_BYLINE = re.compile(r"^\s*(?:[-*+•]\s*)?(?:by|von|par|por|di|door)\s+[A-Z]", re.IGNORECASE)

NAMES = (
    "lead_cover", "lead_shared", "log_words", "ends_period", "ends_question", "list_marker",
    "dateish", "byline", "furniture", "urlish", "headline_like", "caps_share",
    "log_distance", "nearest", "kept", "related", "caption", "repeated", "colon",
    "function_share", "commas", "credit_below",
)


def strip_heading(text: str) -> str:
    """``text`` without a Markdown heading's marks."""
    return _HEADING_MARK.sub("", text).strip()


def text_of(block: Block) -> str:
    """A block's text as a headline reads (a Markdown heading's marks left out)."""
    return strip_heading(block.text)


def story_start(blocks: Sequence[Block]) -> int | None:
    """The first block of the story's running text: kept by the page model, and long."""
    return next((i for i, b in enumerate(blocks)
                 if b.junk is None and len(b.text.split()) >= PARAGRAPH_WORDS), None)


def candidates(blocks: Sequence[Block], start: int) -> list[int]:
    """The blocks that may be the headline: one line of 3 to 30 words, above the story."""
    found = []
    for i in range(max(0, start - WINDOW), start + 1):
        text = text_of(blocks[i])
        if "\n" not in text and 3 <= len(text.split()) <= 30 and i != start:
            found.append(i)
    return found


def furniture(text: str) -> bool:
    """Whether a line holds the page's furniture: share buttons, menus, sign-in, a list
    marker, an address."""
    return bool(FURNITURE.search(text) or LIST_MARK.match(text) or URLISH.search(text))


def _credits(text: str) -> bool:
    """A short line that names a writer or dates the story ("By Tess Bonn - 11/19/19")."""
    return len(text.split()) <= 15 and bool(_BYLINE.match(text) or DATE.search(text))


def _content(text: str) -> set[str]:
    """The content words of ``text``, each by its first five letters: "European" is
    "Europe's", "shares" "shared", in any language, without a stemmer."""
    common = function_words()
    return {w.lower()[:5] for w in WORD.findall(text) if len(w) >= 3 and w.lower() not in common}


def features(blocks: Sequence[Block], start: int, chosen: Sequence[int]) -> list[list[float]]:
    """One feature vector (in the order of NAMES) per candidate block in ``chosen``."""
    # the story's first paragraphs (a short one kept above them too), each candidate's own
    # block left out: a standfirst is not its own evidence
    lead = [(k, _content(blocks[k].text)) for k in islice(
        (k for k in range(max(0, start - 3), len(blocks))
         if blocks[k].junk is None and len(blocks[k].text.split()) >= 8), LEAD_BLOCKS + 1)]
    seen: dict[str, int] = {}
    for b in blocks:
        key = text_of(b).lower()
        seen[key] = seen.get(key, 0) + 1
    # the nearest block above the story that credits a writer or dates the story: a
    # headline stands above it, a photo's caption or a standfirst mostly below
    credit = max((i for i in range(max(0, start - WINDOW), start) if _credits(text_of(blocks[i]))),
                 default=-1)
    common = function_words()
    rows = []
    for rank, i in enumerate(reversed(chosen)):  # nearest first
        block = blocks[i]
        text = text_of(block)
        words = WORD.findall(text)
        own = _content(text)
        shared = len(own & set().union(*(words for k, words in lead if k != i)))
        long_words = [w for w in words if len(w) >= 4]
        stripped = text.rstrip(" \"'”’)")
        rows.append([
            shared / len(own) if own else 0.0, min(shared, 5) / 5, math.log1p(len(words)),
            float(stripped.endswith(".") and not stripped.endswith("...")),
            float(stripped.endswith(("?", "!"))), float(bool(LIST_MARK.match(text))),
            float(bool(DATE.search(text))), float(bool(_BYLINE.match(text))),
            float(bool(FURNITURE.search(text))), float(bool(URLISH.search(text))),
            float(is_headline_like(text)),
            (sum(1 for w in long_words if w[0].isupper()) / len(long_words)) if long_words else 0.0,
            math.log1p(start - i), float(rank == 0), float(block.junk is None),
            float(block.junk in ("related", "teaser")), float(block.junk == "caption"),
            float(seen[text.lower()] > 1), float(":" in text),
            (sum(1 for w in words if w.lower() in common) / len(words)) if words else 0.0,
            text.count(",") / (len(words) or 1), float(i < credit),
        ])
    rows.reverse()
    return rows


@lru_cache(maxsize=1)
def model() -> LogisticModel:
    """The shipped model (``headline_model.json``); its ``threshold`` is the decision."""
    return learned.load(__package__, "headline_model.json", NAMES,
                        "benchmarks/train_headline_model.py")


def headline(blocks: Sequence[Block], start: int) -> int | None:
    """The index of the block that is the page's headline, the story starting at block
    ``start`` (:func:`story_start`), or None when no line above it is likely enough."""
    chosen = candidates(blocks, start)
    if not chosen:
        return None
    shipped = model()
    scored = [(shipped.probability(row), i) for row, i in zip(features(blocks, start, chosen), chosen)]
    probability, best = max(scored)
    return best if probability >= shipped.settings["threshold"] else None
