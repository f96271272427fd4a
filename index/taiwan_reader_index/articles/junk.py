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
from .team_sheets import is_team_sheet, opens_team_sheets

# "By Jane Doe", never "By the time ...": the credit word in any case, then a capitalised
# name (checked case-sensitively: a case-insensitive capital matches any letter)
_BYLINE = re.compile(
    r"^(?i:by|authored by|written by|words by|story by|reporting by|reported by)\s+"
    r"(?:[A-Z\u00C0-\u024F][\w.'’-]*)(?:\s|,|$)"
)
_NOT_A_NAME = re.compile(r"^(?i:by)\s+(?:The|This|That|Then|Now|Sunday|Monday|Tuesday|"
                         r"Wednesday|Thursday|Friday|Saturday|January|February|March|April|"
                         r"May|June|July|August|September|October|November|December|Next|"
                         r"Last|Early|Late|Mid|Midday|Midnight|Noon|Tonight|Tomorrow|"
                         r"Comparison|Contrast|Far|Law|Design|Default|Phone|Email|Mail)\b")
_CREDIT = re.compile(
    r"(?:contributed (?:to )?(?:this|the) (?:report|story|article)|"
    r"^additional reporting by|^editing by|^\(?reporting by)",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(
    r"^(?:photos?|images?|pictures?|file photo|photograph|caption|credit|video)"
    r"(?:\s+credit)?\s*(?:[:|]|\.{2,}|…)",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(
    r"\(\s*(?:photo:?\s*|image:?\s*)?[A-Z][^()/]{0,60}/\s*[A-Z][^()/]{1,60}\)\s*$"
)
# a caption that ends with its agency's credit, no brackets: "... in Taipei, Taiwan
# October 10, 2025. REUTERS/Ann Wang", "... AP Photo/Ng Han Guan"
_AGENCY_CREDIT = re.compile(
    r"(?:^|[\s.])(?:REUTERS|Reuters|AFP|AP(?:\s+Photo)?|EPA(?:-EFE)?|Getty\s+Images|GETTY|"
    r"Bloomberg|XINHUA|Xinhua|KYODO|Kyodo|YONHAP|Yonhap|CNA|ANP|DPA|dpa|POOL|Pool)"
    r"\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*/\s*[A-Z][\w.'’ -]{1,30})?\s*$")
# a caption that ends with its credit: "... Credit... Doug Mills/The New York Times"
_CREDIT_TAIL = re.compile(r"\b(?:Credit|Photo|Image)(?:\.{2,}|…|:)\s*[A-Z][^.!?]{1,80}$")
_KICKER = re.compile(r"^[A-Z][A-Z0-9 ’'&.,-]{2,48}:\s+\S")
_TEASER_LABEL = re.compile(
    r"^(?:read more|read also|also read|see also|related|recommended|more on this)\s*:",
    re.IGNORECASE,
)
_LIST_LABEL = re.compile(
    r"^(?:related(?: (?:stories|articles|news|coverage|topics|tags))?|read more|"
    r"more (?:stories|news|on|from)(?: like this one)?|trending(?: (?:now|news|stories))?|"
    r"most (?:read|popular|viewed|shared)(?: (?:stories|today|now))?|top stories|"
    r"latest(?: (?:news|stories|headlines|videos))?|you may (?:also )?like|recommended|"
    r"editor'?s'? picks)"
    r"(?:\s+(?:in|from|on|at)\s+[\w .'’&-]{1,40})?\s*:?$",  # "Most read in world news"
    re.IGNORECASE,
)
# a labelled list's items: short lines (a kicker in capitals, a headline), no paragraph
_LIST_ITEM_WORDS = 25
_LIST_ITEMS = 15
_MIN_HEADLINE_RUN = 3
# phrases only a site says about itself, never a story
_SITE_NOTICE = re.compile(
    r"\b(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|"
    r"cookie (?:policy|settings|preferences)|privacy policy|terms of (?:use|service)|"
    r"all rights reserved|sign up for (?:our|the) newsletter|subscribe to (?:our|the) "
    r"newsletter|you have \d+ free articles?|already a subscriber)\b|^our standards:",
    re.IGNORECASE)


def _word_count(text: str) -> int:
    return len(text.split())


def _is_byline(text: str) -> bool:
    if _word_count(text) > 25:
        return False
    if _BYLINE.match(text) and not _NOT_A_NAME.match(text):
        return not ends_sentence(text) or _word_count(text) <= 8
    return bool(_CREDIT.search(text))


def _is_caption(text: str) -> bool:
    if (_CAPTION_PREFIX.match(text) or _CREDIT_TAIL.search(text)) and _word_count(text) <= 60:
        return True
    return _credited(text)


def _credited(text: str) -> bool:
    """A caption that ends with its photo's credit, in brackets or after the agency."""
    words = _word_count(text)
    return words <= 80 and bool(
        _CAPTION_CREDIT.search(text) or (words >= 6 and _AGENCY_CREDIT.search(text)))


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


def _labelled_lists(blocks: list[Block]) -> set[int]:
    """A list a label announces ("Most read in world news", "Related stories") inside or
    beside the article: the label and the short lines after it, up to the first paragraph
    (the site's other headlines, each perhaps under a kicker, "RANDY ANDY")."""
    marked: set[int] = set()
    for i, block in enumerate(blocks):
        if not _LIST_LABEL.match(block.text.strip(" #*+\n")):
            continue
        items = []
        for j in range(i + 1, min(len(blocks), i + 1 + _LIST_ITEMS)):
            text = blocks[j].text.strip()
            words = len(text.split())
            if words > _LIST_ITEM_WORDS or (words >= 12 and ends_sentence(text)):
                break  # the story again
            items.append(j)
        if len(items) >= 2:
            marked.update([i, *items])
    return marked


def _strip_list_marker(text: str) -> str:
    return re.sub(r"^(?:[-*+]|\d{1,3}[.)]|#{1,6})\s+", "", text)


def _is_link_item(text: str) -> bool:
    """A list item that is nothing but a Markdown link: "- [Headline](https://...)"."""
    return bool(re.fullmatch(r"(?:[-*+]\s+)?\[[^\]]{3,200}\]\([^)\s]+\)", text.strip()))


def classify_junk(blocks: list[Block], model: bool = True) -> list[Block]:
    """Return ``blocks`` with ``junk`` and ``reason`` set on the page-junk blocks."""
    return classify_page(blocks, model)[0]


def classify_page(blocks: list[Block], model: bool = True) -> tuple[list[Block], str | None]:
    """The blocks with their page junk marked, and a warning when the page gives no clear
    article (its text is then kept whole). The rules name what they recognise; on a
    page of MODEL_MIN_BLOCKS blocks or more, the learned model (``page_model.py``) sets
    aside the page around the article too: navigation, notices, comments, footers.
    """
    wire = is_wire_copy(blocks)
    kinds = _rule_kinds(blocks, page=not wire)
    warning = None
    if model and not wire and MODEL_MIN_BLOCKS <= len(blocks) <= MODEL_MAX_BLOCKS:
        from .page_model import article_probabilities, decide
        from .page_model import model as page_model

        shipped = page_model()
        settings = shipped.settings
        keep = decide(article_probabilities(blocks), settings["threshold"], settings["unsure"],
                      [len(b.text.split()) for b in blocks], settings["outside"])
        if keep is None:
            warning = ("no stretch of this page stands out as the article: its whole text "
                       "is kept (page junk may be mixed in)")
        else:
            _keep_team_sheets(blocks, keep)
            kept = [i for i, k in enumerate(keep) if k]
            first, last = (kept[0], kept[-1]) if kept else (len(blocks), -1)
            # a byline stands near the article's start, which on a copied page is far
            # below the page's ("By Tess Bonn - 11/19/19 06:56 AM EST" under 140 menu lines)
            for i in range(max(0, first - BYLINE_REACH), min(len(blocks), first + BYLINE_REACH)):
                if kinds.get(i, ("related",))[0] in ("related", "teaser") \
                        and _is_byline(blocks[i].text.strip()):  # (a run of short lines)
                    kinds[i] = ("byline", "credits a writer or contributor")
            for i, k in enumerate(keep):
                if not k and i not in kinds:
                    kinds[i] = _page_kind(blocks[i].text, i < first, i > last)
    return [
        replace(block, junk=kinds[i][0], reason=kinds[i][1]) if i in kinds else block
        for i, block in enumerate(blocks)
    ], warning


def _keep_team_sheets(blocks: list[Block], keep: list[bool]) -> None:
    """A match report's closing facts stay with it: from a line-up the model kept, the
    run of line-ups, substitutes, bookings, scorers, attendance and referee after it
    (short lines of names the model takes for a page's footer)."""
    for i in range(1, len(blocks)):
        if not keep[i] and keep[i - 1] and is_team_sheet(blocks[i].text) and any(
                opens_team_sheets(blocks[j].text) for j in range(max(0, i - 8), i) if keep[j]):
            keep[i] = True


BYLINE_REACH = 4  # blocks either side of the article's first that may be its byline
MODEL_MIN_BLOCKS = 8
# A page copied from the web has tens to a few hundred blocks (the 91 dev pages: at most
# 600); a file with thousands is a document or a dump, not a page around one article,
# and reading every block's shape would take most of a minute on a 20 MB file.
MODEL_MAX_BLOCKS = 3000
_NOTICE = re.compile(r"\b(?:cookies?|subscribe|subscription|newsletter|sign (?:in|up)|log ?in|"
                     r"privacy|advertisement|sponsored|terms of (?:use|service)|all rights "
                     r"reserved|copyright|©)", re.IGNORECASE)
_COMMENTS = re.compile(r"\b(?:comments?|replies|reply|commenting|discussion)\b", re.IGNORECASE)


def _page_kind(text: str, before: bool, after: bool) -> tuple[str, str]:
    if _word_count(text) >= 5 and _NOTICE.search(text):  # a sentence about the site
        return "notice", "a notice of the site (cookies, sign-in, subscription, ads, legal)"
    if after and _COMMENTS.search(text):
        return "comments", "the comment section after the article"
    if after:
        return "footer", "page furniture after the article"
    if before:
        return "navigation", "menus and links before the article"
    return "navigation", "a menu or link line inside the page"


# a news agency's dateline: "TORONTO, April 9 - ", "LAS VEGAS, Nev., April 1 - ",
# "NEW YORK, MARCH 13 - "
_DATELINE = re.compile(r"[A-Z][A-Za-z.'’ -]{1,40},(?:\s+[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][a-z.]+)?,)?\s+"
                       r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]{0,6}\.?\s+"
                       r"\d{1,2}\s+-\s")


def is_wire_copy(blocks: list[Block]) -> bool:
    """Whether the text is a news agency's copy as it sent it: a dateline opens its first
    or second block (under a headline). Such a file has no page around the story: its
    results tables (short lines of figures) are the story, not menus or headlines of
    other stories."""
    return any(_DATELINE.match(b.text.lstrip()) for b in blocks[:2])


def _rule_kinds(blocks: list[Block], page: bool = True) -> dict[int, tuple[str, str]]:
    """The kinds the rules find; without ``page`` (wire copy) no related headlines or
    teasers, which only a web page has ("NOTE: Eight months represents ..." is the story)."""
    n = len(blocks)
    kinds: dict[int, tuple[str, str]] = {}
    for i in _headline_runs(blocks) if page else ():
        # (a photo's caption under the headline and byline is the article's, though it
        # reads like a headline: "Lai speaks in Taipei, October 10, 2025. REUTERS/Ann Wang")
        kinds[i] = ("caption", "names a photo or ends with a photo credit") \
            if _credited(blocks[i].text.strip()) \
            else ("related", "one of several consecutive headline-like lines")
    for i in _labelled_lists(blocks) if page else ():
        kinds.setdefault(i, ("related", "a list of other stories under its label"))
    for i, block in enumerate(blocks):
        if i in kinds:
            continue
        text = block.text.strip()
        if (i < 3 or i >= n - 3) and _is_byline(text):
            kinds[i] = ("byline", "credits a writer or contributor")
        elif _is_caption(text):
            kinds[i] = ("caption", "names a photo or ends with a photo credit")
        elif _word_count(text) <= 40 and _SITE_NOTICE.search(text):
            kinds[i] = ("notice", "a notice of the site (cookies, sign-up, legal)")
    teaser_candidates = [
        i for i, b in enumerate(blocks)
        if page and i > 0 and i not in kinds and _is_kicker_teaser(b.text)
    ]
    candidate_set = set(teaser_candidates)
    for i in teaser_candidates:
        text = blocks[i].text.strip()
        truncated = not ends_sentence(text)
        neighbour = (i - 1) in candidate_set or (i + 1) in candidate_set
        if truncated or neighbour or _TEASER_LABEL.match(text):
            kinds[i] = ("teaser", "opens with a kicker label and is cut off or stacked")
    return kinds
