"""Turn one file (Markdown, text or HTML) into an immutable Article."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import BadFile
from . import headline as page_headline
from .article import ARTICLE_PARTS, Article, Block
from .blocks import SIGN_OFF_CHARS, is_headline_like, split_blocks
from .decode import RawText, read_text
from .front_matter import coerce_date, parse_front_matter
from .junk import classify_page
from .prose import ends_sentence

HTML_SUFFIXES = {".html", ".htm"}
DEFAULT_MAX_BYTES = 20_000_000

_AUTHOR_FROM_BYLINE = re.compile(
    r"^(?:by|authored by|written by|words by|story by)\s+(.+?)(?:\s+(?:via|for|in|,)\s.*|[,.]?\s*)$",
    re.IGNORECASE,
)
_VIA_OUTLET = re.compile(r"\bvia\s+(.+?)(?:\s*\(.*\))?[,.]?\s*$", re.IGNORECASE)


def load_article(
    path: Path, article_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Parse ``path``; raises BadFile with a reason when it is not a readable article."""
    raw = read_text(path, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html(path, article_id or path.stem, raw)
    return _from_text(path, article_id or path.stem, raw)


def load_text(text: str, article_id: str = "-", path: Path = Path("-"),
              title_line: bool = True) -> Article:
    """Parse text that did not come from a file (stdin, tests).

    With ``title_line`` False a short first line stays in the body.
    """
    from .decode import content_hash

    raw = RawText(text, content_hash(text.encode("utf-8", "surrogateescape")), ())
    return _from_text(path, article_id, raw, title_line)


def _from_text(path: Path, article_id: str, raw: RawText, title_line: bool = True) -> Article:
    front = parse_front_matter(raw.text)
    body_text = raw.text[front.body_offset :]
    meta = front.fields
    # an article `add` or `fetch` took from the web was cleaned by trafilatura already,
    # as a saved .html page is: the rules still find bylines and captions
    blocks, unsure = classify_page(split_blocks(body_text, base=front.body_offset),
                                   model=not meta.get("fetched"))
    title, derived, blocks, title_span = _title(str(meta.get("title", "")), blocks, title_line)
    if title_span is not None and raw.text[title_span[0]:title_span[1]] != title:
        title_span = None  # a title line wrapped over several lines
    if title_span is None and not derived and title:
        found = raw.text.find(title, 0, front.body_offset)
        title_span = (found, found + len(title)) if found >= 0 else None
    author = str(meta.get("author", "")) or _author_from_byline(blocks)
    agency = _signed_off_by(blocks)
    outlet = str(meta.get("outlet", "")) or _outlet_from_byline(blocks) or agency
    if agency:  # the sign-off is not the story's text: its name counts for nothing
        blocks[-1] = replace(blocks[-1], junk="signoff", reason=f"{agency}'s sign-off")
    return Article(
        id=article_id,
        path=path,
        title=title,
        outlet=outlet,
        author=author,
        date=meta.get("date"),  # type: ignore[arg-type]
        blocks=tuple(blocks),
        source=raw.text,
        content_hash=raw.content_hash,
        title_derived=derived,
        warnings=raw.warnings + front.problems + ((unsure,) if unsure else ()),
        title_span=title_span,
    )


def _from_html(path: Path, article_id: str, raw: RawText) -> Article:
    """Extract the article from a web page with trafilatura (boilerplate removed).

    Offsets of an HTML article refer to the extracted text, which becomes its
    ``source``: the markup itself is not something a reader reads.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw.text, with_metadata=True, include_comments=False, include_tables=False
    )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if not text:
        raise BadFile("HTML page with no article text found")
    lines = [line for line in text.splitlines() if line.strip()]
    source = "\n\n".join(lines) + "\n"
    blocks = classify_page(split_blocks(source), model=False)[0]  # trafilatura cleaned it
    title, derived, blocks, title_span = _title(data.get("title") or "", blocks)
    return Article(
        id=article_id,
        path=path,
        title=title,
        outlet=data.get("sitename") or "",
        author=data.get("author") or _author_from_byline(blocks),
        date=coerce_date(data.get("date") or ""),
        blocks=tuple(blocks),
        source=source,
        content_hash=raw.content_hash,
        title_derived=derived,
        warnings=raw.warnings,
        title_span=title_span,
    )


Span = tuple[int, int]


def _title(given: str, blocks: list[Block], title_line: bool = True, use_model: bool = True,
           ) -> tuple[str, bool, list[Block], Span | None]:
    """The title, whether it was derived, the blocks without a title line, and where
    the title stands in the text when it is a line of the body.

    With no title given, on a copied web page (page junk above its story) the line the
    headline model picks (``headline.py``); else a leading heading or a short
    headline-like first line (the "title on line 1" convention of many corpora) is the
    title and leaves the body; otherwise the first sentence, shortened, names the article.
    """
    content = [i for i, b in enumerate(blocks) if b.junk is None]
    first = blocks[content[0]] if content else None
    if first is not None:
        first_text = page_headline.strip_heading(first.text)
        rest = blocks[: content[0]] + blocks[content[0] + 1 :]
        if given and first_text.strip().casefold() == given.strip().casefold():
            return given, False, rest, _span_in(first, first_text)
        chosen = _page_headline(blocks) if not given and title_line and use_model else None
        if chosen is not None:
            text = page_headline.text_of(chosen)
            return text, False, [b for b in blocks if b is not chosen], _span_in(chosen, text)
        headline = _headline_above(blocks, content[0]) if title_line else None
        if not given and headline is None and title_line and content[0] == 1 \
                and _lone_headline(blocks[0]):
            # one line set aside above the story, nothing else: its headline ("BAHIA
            # COCOA REVIEW" over wire copy, "Learning to love broadband" over a feature),
            # not a menu; it leaves the body as a title line
            text = page_headline.strip_heading(blocks[0].text)
            return text, False, blocks[1:], _span_in(blocks[0], text)
        if not given and headline is not None:  # it leaves the page's junk as a title line
            return (headline[0], False, [b for b in blocks if b is not headline[1]],
                    _span_in(headline[1], headline[0]))
        if not given and title_line and _is_title_line(first, first_text):
            return first_text, False, rest, _span_in(first, first_text)
    if given:
        return given, False, blocks, None
    if first is None:
        return "(untitled)", True, blocks, None
    return _shorten(first.text), True, blocks, None


def _lone_headline(block: Block) -> bool:
    """A line that can head the story below it: title case, or a short line in sentence
    case that ends no sentence and is no byline, caption or page furniture ("Skip to
    content")."""
    text = page_headline.strip_heading(block.text)
    return is_headline_like(text) or (
        block.junk not in ARTICLE_PARTS and "\n" not in text and 3 <= len(text.split()) <= 15
        and not ends_sentence(text) and not text.endswith((",", ";", ":"))
        and not page_headline.furniture(text))


def _page_headline(blocks: list[Block]) -> Block | None:
    """The headline the model picks on a copied web page: one whose story has page junk
    above it (menus, share buttons, a byline); none on a clean text."""
    start = page_headline.story_start(blocks)
    if start is None or all(b.junk is None for b in blocks[:start]):
        return None
    found = page_headline.headline(blocks, start)
    return blocks[found] if found is not None else None


def _span_in(block: Block, text: str) -> Span | None:
    """Where ``text`` (a block's text, stripped) stands in the file."""
    found = block.text.find(text)
    return (block.start + found, block.start + found + len(text)) if found >= 0 else None


def _headline_above(blocks: list[Block], first: int) -> tuple[str, Block] | None:
    """On a copied web page whose menus were set aside, the headline is the last
    headline-like line of the page above the article (a menu item is too short)."""
    for block in reversed(blocks[max(0, first - 12):first]):
        text = page_headline.strip_heading(block.text)
        if block.junk == "navigation" and 4 <= len(text.split()) <= 20 and (
                block.kind == "heading" or is_headline_like(text)):
            return text, block
    return None


def _is_title_line(block: Block, text: str) -> bool:
    if block.kind == "heading":
        return True
    words = len(text.split())
    return 0 < words <= 20 and (not ends_sentence(text) or is_headline_like(text)
                                or _in_capitals(text))


def _in_capitals(text: str) -> bool:
    """A line in capitals, a wire headline even when it ends with a full stop ("JAPAN
    MINISTER CALLS OFF TRIP TO THE U.S."): prose is never written so."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _shorten(text: str, words: int = 12) -> str:
    sentence = re.split(r"(?<=[a-z0-9”’\")][.!?])\s+", text.strip(), maxsplit=1)[0]
    parts = sentence.split()
    if len(parts) <= words:
        return sentence.rstrip(".")
    return " ".join(parts[:words]).rstrip(",;:") + "…"


def _author_from_byline(blocks: list[Block]) -> str:
    for block in blocks:
        if block.junk == "byline":
            match = _AUTHOR_FROM_BYLINE.match(_BYLINE_TAIL.split(block.text.strip(), 1)[0])
            if match:
                return match.group(1).strip(" ,.")
    return ""


# where a byline's names end on a copied page: its date, the outlet after a bar or a dash,
# the section, the share buttons ("By Tess Bonn - 11/19/19 06:56 AM EST", "by Madeline Fry
# | November 18, 2019", "By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy")
_BYLINE_TAIL = re.compile(
    r"\s+[-–—|•·]\s+|\s*\|\s*|\s*,\s+|\s+(?=\d)|\s+on\s+(?=[A-Z][a-z]+day\b)|"
    r"\s+(?=(?:Updated|Published|Posted)\b)|"
    r"\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


# news agencies' sign-offs at the foot of wire copy (Reuters-21578 ends each story " Reuter")
_AGENCIES = {"reuter": "Reuters", "reuters": "Reuters", "ap": "AP", "afp": "AFP",
             "upi": "UPI", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE"}


def _signed_off_by(blocks: list[Block]) -> str:
    """The agency whose sign-off, alone on the last line, ends the story."""
    last = blocks[-1].text if blocks else ""
    if len(last) > SIGN_OFF_CHARS:
        return ""
    return _AGENCIES.get(last.strip(" \t-–—()[].").casefold(), "")


def _outlet_from_byline(blocks: list[Block]) -> str:
    for block in blocks:
        if block.junk == "byline" and _AUTHOR_FROM_BYLINE.match(block.text.strip()):
            match = _VIA_OUTLET.search(block.text.strip())
            if match:
                return match.group(1).strip(" ,.")
    return ""
