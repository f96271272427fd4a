"""The rows of a comparison as one scrolling list, drawn a line at a time.

Each row (an aligned pair, a possible match, or a passage only one report has) is a
Rich renderable in an :class:`~textual.widgets.OptionList`, which draws only the lines
on screen. As five widgets a row, two 5,000-word reports (267 rows) took 3.6 s to
show; laid out and styled as lines they take a small part of that.

The cursor (up and down, or ``n`` and ``N`` between pairs) is the highlighted row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from taiwan_reader_index.compare.align import PAIR_KINDS
from taiwan_reader_index.compare.align import Row as AlignedRow
from taiwan_reader_index.compare.evidence import KIND_LABELS, explain, marks
from taiwan_reader_index.compare.sentences import Sentence
from taiwan_reader_index.terminal_safe import inert

STACK_BELOW = 96  # columns of the list below which a row's two sides are stacked
ROWS_GUTTER = 2  # the list's scrollbar, always there: the rows are as wide as it less this
TINTED = (*PAIR_KINDS, "possible")  # kinds whose two sides are tinted (the rest: one side)


def cell_text(sentence: Sentence | None, other: Sentence | None, side: str, repeat: bool,
              kind: str) -> Text:
    """A sentence with the words the other side shares underlined and its numbers and names
    that the other lacks in bold (the evidence of the pair), labelled with its side."""
    text = Text.assemble((f"{side} ", "bold dim"))  # (the letter alone: not the sentence)
    if sentence is None:
        return text.append("·", style="dim")
    if repeat:  # (a possible match may not report it: no such claim beside one)
        return text.append("〃 the sentence above" + (
            "" if kind == "possible" else ", which also reports this"), style="dim italic")
    body = Text(inert(sentence.text))
    if other is not None and kind in TINTED:
        for mark in marks(sentence.text, other.text):
            body.stylize("underline" if mark.kind == "shared" else "bold", mark.start, mark.end)
    return text.append_text(body)


def row_label(row: AlignedRow) -> str:
    """The line above a row: its kind, and for a pair why it is one and how sure."""
    if row.pair is None:
        return KIND_LABELS[row.kind]
    label = explain(row.kind, row.pair.a.text, row.pair.b.text, row.pair.weight)
    return label if row.kind == "quote" else f"{label} ({row.score:.0%} sure)"


class RowView:
    """One row drawn at the width it is given: its label, then A beside B (or, narrower
    than STACK_BELOW, A above B, an empty side left out), then a blank line.

    Its texts (the reason for a pair, the evidence marked in each side) are worked out
    when it is made, and they can be wrapped then too (:meth:`wrap`), which the reader
    does off the screen's thread; drawn, they are only coloured. ``look`` gives the
    theme's style for a part: "label", a kind, "side" (an untinted side) or "only" (the
    bar beside a passage only one report has).
    """

    def __init__(self, row: AlignedRow) -> None:
        self.row = row
        self.look: Callable[[str], Style] = lambda part: Style.null()
        self.label = Text(row_label(row))
        self.left = cell_text(row.a, row.b, "A", row.repeat_a, row.kind)
        self.right = cell_text(row.b, row.a, "B", row.repeat_b, row.kind)
        self._wrapped: dict[int, _Wrapped] = {}
        self._drawn: dict[tuple[int, Style], list[list[Segment]]] = {}

    def wrap(self, console: Console, width: int) -> _Wrapped:
        """The row's lines at ``width`` columns, each as segments before colour (kept)."""
        found = self._wrapped.get(width)
        if found is None:
            inner = max(width - 2, 8)  # one column clear on either side
            stacked = width < STACK_BELOW
            label = _lines_of(console, self.label, inner - 2)
            sides: list[tuple[list[list[Segment]], int, bool]] = []
            for text, present, barred, size in (
                    (self.left, self.row.a is not None, self.row.kind == "only-a", inner // 2),
                    (self.right, self.row.b is not None, self.row.kind == "only-b",
                     inner - inner // 2)):
                if stacked and not present:
                    continue
                size = inner if stacked else size
                sides.append((_lines_of(console, text, size - 2 - barred), size, barred))
            if len(self._wrapped) > 3:  # resized: the old widths are not asked for again
                self._wrapped.clear()
            found = self._wrapped[width] = _Wrapped(label, sides, stacked)
        return found

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        # by width (the list asks at two: its content's, and that less its scrollbar's)
        # and theme (a tint stands for it)
        key = (options.max_width, self.look("quote"))
        lines = self._drawn.get(key)
        if lines is None:
            if len(self._drawn) > 3:
                self._drawn.clear()
            lines = self._drawn[key] = self._lines(console, options.max_width)
        for line in lines:
            yield from line
            yield Segment.line()

    def _lines(self, console: Console, width: int) -> list[list[Segment]]:
        wrapped = self.wrap(console, width)
        inner = max(width - 2, 8)
        label = self.look("label")
        lines = [[Segment("  "), *_coloured(line, inner - 2, label), Segment("  ")]
                 for line in wrapped.label]
        cells = [self._side(texts, size, barred) for texts, size, barred in wrapped.sides]
        if wrapped.stacked:
            lines += [[Segment(" "), *line, Segment(" ")] for cell in cells for line in cell]
        else:
            height = max(len(cell) for cell in cells)
            for (_, size, barred), cell in zip(wrapped.sides, cells):
                cell += [[Segment(" " * size, self._style(barred))]] * (height - len(cell))
            lines += [[Segment(" "), *a, *b, Segment(" ")] for a, b in zip(*cells)]
        lines.append([Segment(" " * width)])
        return lines

    def _style(self, barred: bool) -> Style:
        kind = self.row.kind
        return self.look(kind) if kind in TINTED and not barred else self.look("side")

    def _side(self, texts: list[list[Segment]], size: int, barred: bool) -> list[list[Segment]]:
        """One side, ``size`` columns wide: a bar (a passage only this report has), a
        column of padding either side, and the sentence's lines between."""
        style = self._style(barred)
        bar = [Segment("█", self.look("only"))] if barred else []
        pad = Segment(" ", style)
        return [[*bar, pad, *_coloured(line, size - 2 - len(bar), style), pad]
                for line in texts]


@dataclass(frozen=True)
class _Wrapped:
    label: list[list[Segment]]
    sides: list[tuple[list[list[Segment]], int, bool]]  # each side's lines, width, bar
    stacked: bool


def _lines_of(console: Console, text: Text, size: int) -> list[list[Segment]]:
    """``text`` wrapped at ``size`` cells, each line as its segments (the text's own
    styles: the marks of the evidence)."""
    return [list(line.render(console)) for line in text.wrap(console, max(size, 1))]


def _coloured(line: list[Segment], size: int, style: Style) -> list[Segment]:
    """One wrapped line over ``style``, ``size`` cells wide."""
    return Segment.adjust_line_length(list(Segment.apply_style(line, style)), max(size, 1),
                                      style=style)


class AlignedRows(OptionList):
    """The rows of an alignment; :attr:`rows` are the rows as aligned, in order."""

    COMPONENT_CLASSES = {"aligned-rows--label", "aligned-rows--side", "aligned-rows--only",
                         *(f"aligned-rows--{kind}" for kind in TINTED)}

    DEFAULT_CSS = """
    AlignedRows { border: none; padding: 0; height: 1fr; background: $surface;
                  scrollbar-gutter: stable; }
    AlignedRows:focus { border: none; background-tint: transparent; }
    AlignedRows > .option-list--option { padding: 0; }
    AlignedRows > .option-list--option-highlighted { background: $accent 20%; text-style: none; }
    AlignedRows:focus > .option-list--option-highlighted { background: $accent 35%; text-style: none; }
    AlignedRows > .aligned-rows--label { color: $text-muted; text-style: italic; }
    AlignedRows > .aligned-rows--side { }
    AlignedRows > .aligned-rows--only { color: $error; }
    AlignedRows > .aligned-rows--quote { background: $success 25%; }
    AlignedRows > .aligned-rows--same { background: $accent 25%; }
    AlignedRows > .aligned-rows--similar { background: $warning 18%; }
    AlignedRows > .aligned-rows--possible { background: $warning 6%; }
    """

    def __init__(self, rows: Sequence[RowView], **kwargs) -> None:
        super().__init__(*(Option(view) for view in rows), **kwargs)
        for view in rows:
            view.look = self._look
        self.rows = [view.row for view in rows]

    def _look(self, part: str) -> Style:
        style = self.get_visual_style(f"aligned-rows--{part}").rich_style
        if part in TINTED:  # a tint over the list's background
            return style
        # the rest colour and text style only, so a highlighted row shows its highlight
        return Style(color=style.color, bold=style.bold, italic=style.italic)

    @property
    def current(self) -> AlignedRow | None:
        """The row the cursor is on."""
        return None if self.highlighted is None else self.rows[self.highlighted]

    def go_to(self, index: int, top: bool = True) -> None:
        """Put the cursor on row ``index`` and scroll it to the top."""
        self.highlighted = index
        self.scroll_to_highlight(top=top)
