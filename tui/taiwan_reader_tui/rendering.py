"""Pure functions that turn article blocks into styled Rich Text.

Article text is parsed as inline Markdown by markdown-it-py and then built
into Text objects span by span: it never passes through Rich's markup parser,
and control characters are made visible first, so nothing inside an article
can restyle or control the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from rich.style import Style
from rich.text import Text

from taiwan_reader_index.terminal_safe import inert

Span = tuple[int, int]

_STYLES = {
    "strong": Style(bold=True),
    "em": Style(italic=True),
    "s": Style(strike=True),
    "code": Style(dim=True),
    "link": Style(underline=True),
}


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("strikethrough")


@dataclass(frozen=True)
class Inline:
    """The visible text of one block and the Markdown styles over it."""

    plain: str
    styles: tuple[tuple[int, int, Style], ...]


@lru_cache(maxsize=4096)
def inline(source: str) -> Inline:
    """Render one block's inline Markdown (emphasis, code, links) to plain text + styles."""
    tokens = _markdown().parseInline(inert(source))
    children = tokens[0].children if tokens and tokens[0].children else []
    parts: list[str] = []
    styles: list[tuple[int, int, Style]] = []
    open_at: dict[str, list[int]] = {}
    length = 0
    for token in children:
        kind = token.type
        if kind.endswith("_open"):
            open_at.setdefault(kind[:-5], []).append(length)
            continue
        if kind.endswith("_close"):
            name = kind[:-6]
            if open_at.get(name):
                styles.append((open_at[name].pop(), length, _STYLES.get(name, Style())))
            continue
        if kind == "code_inline":
            text = token.content
            styles.append((length, length + len(text), _STYLES["code"]))
        elif kind in ("softbreak", "hardbreak"):
            text = " "
        elif kind == "image":
            text = f"[image: {token.content}]"
        else:
            text = token.content
        parts.append(text)
        length += len(text)
    return Inline("".join(parts), tuple(styles))


def locate(plain: str, block_start: int, mentions: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
    """Entity spans within a block's visible text.

    ``mentions`` are (start, end, text, key) with offsets into the file text; the
    visible text may differ from the file where Markdown syntax was rendered, so
    each mention's text is looked up near its expected place.
    """
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for start, _end, text, key in mentions:
        needle = " ".join(text.split())
        expected = max(cursor, start - block_start - 8)
        found = plain.find(needle, expected)
        if found == -1:
            found = plain.find(needle, cursor)
        if found != -1:
            spans.append((found, found + len(needle), key))
            cursor = found + len(needle)
    return spans


def styled(
    block_text: str,
    base: Style | str = "",
    query_spans: list[Span] | None = None,
    find_spans: list[Span] | None = None,
    current: Span | None = None,
    hit_style: Style | str = "reverse",
    find_style: Style | str = "underline",
    current_style: Style | str = "bold reverse",
    entity_spans: Sequence[tuple[int, int, Style | str]] | None = None,
) -> Text:
    """A block as Text with Markdown styles, query hits, find matches and the current match."""
    rendered = inline(block_text)
    text = Text(rendered.plain, style=base, no_wrap=False)
    for start, end, style in rendered.styles:
        text.stylize(style, start, end)
    for start, end, entity_style in entity_spans or ():
        text.stylize(entity_style, start, end)
    for start, end in query_spans or ():
        text.stylize(hit_style, start, end)
    for start, end in find_spans or ():
        text.stylize(find_style, start, end)
    if current is not None:
        text.stylize(current_style, *current)
    return text
