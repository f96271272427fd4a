"""Tell page junk apart from the article: bylines, photo captions, lists of
related headlines and teasers of other stories.

Web pages copied into a text file drag along pieces of the page around the
story. The rules below look at the shape of a block, not at any outlet's
wording, so they carry over to pages they were not written for:

* **byline** - a short block near the top or bottom that credits a writer:
  "By Jane Doe", "Authored by X via Y", "Written by ...", "Reporting by ...",
  or a credit line such as "Reuters contributed to this report."
* **caption** - a block that names a photo ("Photo: CNA", "Image: ...") or
  ends with a parenthesised photo credit of the form "(Name/Agency)".
* **related** - three or more consecutive headline-like blocks (short, title
  case, no sentence end), optionally introduced by a short label such as
  "Related" or "Read more"; a story never runs three headlines in a row.
* **teaser** - a block that opens with an ALL-CAPS kicker and a colon
  ("LIMITS: ...", "IN THE NATIONAL INTEREST: ...") and is cut off
  mid-sentence, or sits next to another such block; also blocks that open
  with "Read more:", "See also:", "Related:".

The first block of an article is never called a teaser, so a dateline such as
"WASHINGTON: ..." stays in the story.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .article import Block
from .blocks import is_headline_like
from .prose import ends_sentence

_BYLINE = re.compile(
    r"^(?:by|authored by|written by|words by|story by|reporting by|reported by)\s+"
    r"[A-Z\u00C0-\u024F]",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:contributed (?:to )?(?:this|the) (?:report|story|article)|"
    r"^additional reporting by|^editing by|^\(?reporting by)",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(
    r"^(?:photos?|images?|pictures?|file photo|photograph|caption|credit|video)"
    r"(?:\s+credit)?\s*[:|]",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(
    r"\(\s*(?:photo:?\s*|image:?\s*)?[A-Z][^()/]{0,60}/\s*[A-Z][^()/]{1,60}\)\s*$"
)
_KICKER = re.compile(r"^[A-Z][A-Z0-9 ’'&.,-]{2,48}:\s+\S")
_TEASER_LABEL = re.compile(
    r"^(?:read more|read also|also read|see also|related|recommended|more on this)\s*:",
    re.IGNORECASE,
)
_LIST_LABEL = re.compile(
    r"^(?:related(?: (?:stories|articles|news|coverage))?|read more|more (?:stories|news)"
    r"(?: from [\w .]+)?|trending(?: now)?|most (?:read|popular|viewed)|top stories|"
    r"latest(?: news)?|you may (?:also )?like|recommended)\s*:?$",
    re.IGNORECASE,
)
_MIN_HEADLINE_RUN = 3


def _word_count(text: str) -> int:
    return len(text.split())


def _is_byline(text: str) -> bool:
    return _word_count(text) <= 25 and bool(_BYLINE.match(text) or _CREDIT.search(text))


def _is_caption(text: str) -> bool:
    if _CAPTION_PREFIX.match(text) and _word_count(text) <= 60:
        return True
    return _word_count(text) <= 80 and bool(_CAPTION_CREDIT.search(text))


def _is_kicker_teaser(text: str) -> bool:
    if _TEASER_LABEL.match(text):
        return True
    match = _KICKER.match(text)
    if not match:
        return False
    kicker = text.split(":", 1)[0]
    return sum(c.isalpha() for c in kicker) >= 3


def _headline_runs(blocks: list[Block]) -> set[int]:
    """Indexes of blocks in runs of consecutive headline-like blocks."""
    marked: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, Block("", 0, 0)]):
        headline = block.text and (
            is_headline_like(_strip_list_marker(block.text)) or _is_link_item(block.text)
        )
        if headline:
            run.append(i)
            continue
        if len(run) >= _MIN_HEADLINE_RUN:
            marked.update(run)
            label = run[0] - 1
            if label >= 0 and _LIST_LABEL.match(blocks[label].text.strip(" #*")):
                marked.add(label)
        run = []
    return marked


def _strip_list_marker(text: str) -> str:
    return re.sub(r"^(?:[-*+]|\d{1,3}[.)]|#{1,6})\s+", "", text)


def _is_link_item(text: str) -> bool:
    """A list item that is nothing but a Markdown link: "- [Headline](https://...)"."""
    return bool(re.fullmatch(r"(?:[-*+]\s+)?\[[^\]]{3,200}\]\([^)\s]+\)", text.strip()))


def classify_junk(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with ``junk`` and ``reason`` set on the page-junk blocks."""
    n = len(blocks)
    kinds: dict[int, tuple[str, str]] = {}
    for i in _headline_runs(blocks):
        kinds[i] = ("related", "one of several consecutive headline-like lines")
    for i, block in enumerate(blocks):
        if i in kinds:
            continue
        text = block.text.strip()
        if (i < 3 or i >= n - 3) and _is_byline(text):
            kinds[i] = ("byline", "credits a writer or contributor")
        elif _is_caption(text):
            kinds[i] = ("caption", "names a photo or ends with a photo credit")
    teaser_candidates = [
        i for i, b in enumerate(blocks) if i > 0 and i not in kinds and _is_kicker_teaser(b.text)
    ]
    candidate_set = set(teaser_candidates)
    for i in teaser_candidates:
        text = blocks[i].text.strip()
        truncated = not ends_sentence(text)
        neighbour = (i - 1) in candidate_set or (i + 1) in candidate_set
        if truncated or neighbour or _TEASER_LABEL.match(text):
            kinds[i] = ("teaser", "opens with a kicker label and is cut off or stacked")
    return [
        replace(block, junk=kinds[i][0], reason=kinds[i][1]) if i in kinds else block
        for i, block in enumerate(blocks)
    ]
