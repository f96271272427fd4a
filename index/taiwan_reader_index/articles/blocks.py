"""Split article text into paragraph blocks, keeping offsets into the file text.

News text arrives in two layouts: paragraphs separated by blank lines (with
lines possibly hard-wrapped inside them), and one paragraph per line with no
blank lines at all (copied web pages, many wire dumps). A group of lines
between blank lines is therefore read as hard-wrapped prose only when its
lines break mid-sentence (and are not headlines, headings or list items);
otherwise every line is a block of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from .article import Block
from .prose import ends_sentence

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_headline_like(text: str) -> bool:
    """A short line in title case that does not end a sentence, e.g. a linked headline.

    "Taiwan Signals Openness to Renew Ties with Honduras" passes; a prose line
    cut mid-sentence does not (its long words are mostly lower case).
    """
    stripped = text.strip()
    if not stripped or ends_sentence(stripped) or stripped.endswith((",", ";", ":")):
        return False
    words = _WORD.findall(stripped)
    if not 3 <= len(words) <= 25:
        return False
    long_words = [w for w in words if len(w) >= 4]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.6


def _lines(text: str, base: int) -> Iterator[tuple[str, int, int]]:
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        yield line, base + offset, base + offset + len(line)
        offset += len(raw)


def _groups(text: str, base: int) -> Iterator[list[tuple[str, int, int]]]:
    group: list[tuple[str, int, int]] = []
    for line, start, end in _lines(text, base):
        if line.strip():
            group.append((line, start, end))
        elif group:
            yield group
            group = []
    if group:
        yield group


def _is_hard_wrapped(group: list[tuple[str, int, int]]) -> bool:
    """Most lines (but the last) break mid-sentence and none is a list item or heading.
    A line that looks like a headline (names in capitals: "NEW YORK, March 20 - Stanley
    Interiors Corp said it filed") still breaks mid-sentence when the next line goes on
    in lower case ("with the Securities and ...")."""
    if len(group) < 2:
        return False
    lines = [line for line, _, _ in group]
    if any(_LIST_ITEM.match(line) or _HEADING.match(line) for line in lines):
        return False
    open_lines = sum(
        1 for line, following in pairwise(lines) if not ends_sentence(line)
        and (not is_headline_like(line) or _goes_on(line, following))
    )
    return open_lines * 2 > len(lines) - 1 or _wrapped_at_a_width(lines)


def _wrapped_at_a_width(lines: list[str]) -> bool:
    """Lines filled to about one width, at least one going on in lower case: text
    wrapped by a program (wire copy at 60-70 characters), whose capitalised names
    make many of its lines look like headlines."""
    widths = [len(line.strip()) for line in lines[:-1]]
    widest = max(widths)
    return (widest >= 40 and sum(w >= 0.75 * widest for w in widths) >= 0.6 * len(widths)
            and any(_goes_on(line, following) for line, following in pairwise(lines)))


def _goes_on(line: str, following: str) -> bool:
    """A long line cut mid-sentence, the next going on in lower case (not a menu's
    "o Sales Partners" / "o Technology Partners", nor "smithsonian.com" under a byline)."""
    return (len(line.strip()) >= _WRAPPED_LINE and not ends_sentence(line)
            and _CONTINUES.match(following) is not None)


_CONTINUES = re.compile(r"\s*[a-z]{2,}[\s,;]")  # a lower-case word, more to come
_ENDS_OPEN = re.compile(r"\b(?:and|or|of|to|in|the|for|with|by|at|an?)\s*$")  # "... and"
_WRAPPED_LINE = 30  # characters: a line shorter than this was not cut by a wrapping width
_INDENTED = re.compile(r"[ \t]+\S")
SIGN_OFF_CHARS = 12  # at most: " Reuter", " AP", " AFP" under a story


def _paragraphs(group: list[tuple[str, int, int]]) -> Iterator[list[tuple[str, int, int]]]:
    """A hard-wrapped group's paragraphs: a new one starts at an indented line after a
    line that ends a sentence (wire copy indents each paragraph: "    Proceeds will
    be used ..."), and a short indented last line is one of its own (the sign-off
    " Reuter" under a results table, whose rows stay together)."""
    current: list[tuple[str, int, int]] = []
    for n, item in enumerate(group):
        if current and _INDENTED.match(item[0]) and (
                ends_sentence(current[-1][0])
                or (n == len(group) - 1 and len(item[0].strip()) <= SIGN_OFF_CHARS)):
            yield current
            current = []
        current.append(item)
    if current:
        yield current


def _make_block(lines: list[tuple[str, int, int]]) -> Block:
    first = lines[0][0]
    kind = "paragraph"
    if _HEADING.match(first):
        kind = "heading"
    elif _LIST_ITEM.match(first):
        kind = "list_item"
    start = lines[0][1] + (len(first) - len(first.lstrip()))
    last_line, _, last_end = lines[-1]
    end = last_end - (len(last_line) - len(last_line.rstrip()))
    text = " ".join(line.strip() for line, _, _ in lines)
    return Block(text=text, start=start, end=end, kind=kind)


def split_blocks(text: str, base: int = 0) -> list[Block]:
    """Blocks of ``text``; offsets are ``base`` plus the position in ``text``."""
    blocks: list[Block] = []
    for group in _groups(text, base):
        if _is_hard_wrapped(group):
            blocks.extend(_make_block(paragraph) for paragraph in _paragraphs(group))
            continue
        blocks.extend(_make_block(run) for run in _continued(group))
    return blocks


def _continued(group: list[tuple[str, int, int]]) -> Iterator[list[tuple[str, int, int]]]:
    """A group that is not hard-wrapped (a results table, a menu) one line a block, but
    a long line cut mid-sentence goes on into the next when that goes on in lower case
    (a note under a table: "NOTE: Eight months represents earnings following" /
    "acquisition in May 1986 when company went private.")."""
    run: list[tuple[str, int, int]] = []
    for item in group:
        if run and not (_goes_on(run[-1][0], item[0]) or (
                len(run[-1][0].strip()) >= _WRAPPED_LINE and _ENDS_OPEN.search(run[-1][0]))):
            yield run
            run = []
        run.append(item)
    if run:
        yield run
