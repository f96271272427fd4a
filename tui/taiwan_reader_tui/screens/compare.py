"""Two reports side by side: aligned passages level on one row, tinted by kind."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from taiwan_reader_index.compare.align import PAIR_KINDS
from taiwan_reader_index.compare.align import Row as AlignedRow
from taiwan_reader_index.compare.evidence import KIND_LABELS, explain, marks
from taiwan_reader_index.compare.export import export_markdown
from taiwan_reader_index.compare.report import Comparison
from taiwan_reader_index.compare.sentences import Sentence
from taiwan_reader_index.terminal_safe import inert

from ..widgets.scrolling import scroll
from ..widgets.title_bar import TitleBar

NARROW = 100  # columns below which the two sides stack


def _cell(sentence: Sentence | None, other: Sentence | None, side: str, repeat: bool,
          kind: str) -> Text:
    """A sentence with the words the other side shares underlined and its numbers and names
    that the other lacks in bold (the evidence of the pair), labelled with its side."""
    text = Text(f"{side} ", style="bold dim")
    if sentence is None:
        return text.append("·", style="dim")
    if repeat:  # (a possible match may not report it: no such claim beside one)
        return text.append("〃 the sentence above" + (
            "" if kind == "possible" else ", which also reports this"), style="dim italic")
    body = Text(inert(sentence.text))
    if other is not None and kind in (*PAIR_KINDS, "possible"):
        for mark in marks(sentence.text, other.text):
            body.stylize("underline" if mark.kind == "shared" else "bold", mark.start, mark.end)
    return text.append_text(body)


class Row(Vertical):
    """One aligned pair, a possible match, or one passage only one side has."""

    def __init__(self, row: AlignedRow) -> None:
        super().__init__(classes=f"row {row.kind}")
        self.row = row
        self.kind = row.kind
        self.left = row.a.text if row.a else ""
        self.right = row.b.text if row.b else ""

    def compose(self) -> ComposeResult:
        row = self.row
        label = KIND_LABELS[row.kind]
        if row.pair is not None:
            label = explain(row.kind, row.pair.a.text, row.pair.b.text, row.pair.weight)
            if row.kind != "quote":
                label += f" ({row.score:.0%} sure)"
        yield Static(Text(label, style="italic"), classes="tag")
        with Horizontal(classes="sides"):
            yield Static(_cell(row.a, row.b, "A", row.repeat_a, row.kind),
                         classes="cell left" + ("" if row.a else " empty"))
            yield Static(_cell(row.b, row.a, "B", row.repeat_b, row.kind),
                         classes="cell right" + ("" if row.b else " empty"))


class CompareScreen(Screen):
    BINDINGS = [
        Binding("n,right_square_bracket", "step(1)", "Next pair", id="compare.next"),
        Binding("N,left_square_bracket", "step(-1)", "Prev pair", id="compare.prev"),
        Binding("s", "swap", "Swap", id="compare.swap"),
        Binding("x", "export", "Export", id="compare.export"),
        Binding("e", "toggle_entities", "Entities", id="compare.entities"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="compare.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="compare.up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False,
                id="compare.page_down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False, id="compare.page_up"),
        Binding("q,escape", "back", "Back", id="compare.back"),
    ]

    def __init__(self, comparison: Comparison, export_dir: Path) -> None:
        super().__init__()
        self.comparison = comparison
        self.a, self.b, self.alignment = comparison.a, comparison.b, comparison.alignment
        self.export_dir = export_dir
        self.current = -1

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._summary(), id="compare-summary")
        with Horizontal(id="compare-body"):
            with VerticalScroll(id="rows"):
                yield Static(self._titles(), classes="titles")
                for row in self.alignment.rows():
                    yield Row(row)
            yield OptionList(*self._entity_options(), id="compare-entities")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Compare"
        self.query_one("#compare-entities").display = False
        self.query_one("#rows").focus()
        self._layout(self.size.width)
        if note := self.comparison.alignment.cut_note():
            self.notify(note[:1].upper() + note[1:], severity="warning", markup=False, timeout=10)

    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")

    def _titles(self) -> Text:
        text = Text()
        for side, article in (("A", self.a), ("B", self.b)):
            meta = " · ".join(x for x in (article.outlet, article.date_text) if x)
            text.append(f"{side}: ", style="bold")
            text.append(inert(article.title), style="bold")
            text.append(f"  {inert(meta)}\n", style="dim")
        return text

    def _summary(self) -> Text:
        counts = self.alignment.counts()
        ents = self.comparison.entities
        possible = len(self.alignment.possible)
        text = Text()
        text.append(" · ".join(f"{counts[k]} {KIND_LABELS[k]}" for k in ("quote", "same", "similar"))
                    + f" · {possible} {KIND_LABELS['possible']}", style="bold")
        text.append(f"\n{KIND_LABELS['only-a']} {len(self.alignment.only_a)} · {KIND_LABELS['only-b']} "
                    f"{len(self.alignment.only_b)} · entities: {len(ents.shared)} in both, "
                    f"{len(ents.only_a)} only A, {len(ents.only_b)} only B (e)", style="dim")
        return text

    def _entity_options(self) -> list[Option]:
        options: list[Option] = []
        for key, title in (("shared", "In both"), ("only_a", "Only in A"), ("only_b", "Only in B")):
            names = getattr(self.comparison.entities, key)
            options.append(Option(Text(f"{title} ({len(names)})", style="bold underline"),
                                  disabled=True))
            options.extend(Option(Text(f" {inert(n)}"), id=f"{key}:{n}") for n in names)
        return options

    @property
    def pair_rows(self) -> list[Row]:
        return [r for r in self.query(Row) if r.kind in PAIR_KINDS]

    def action_step(self, delta: int) -> None:
        pairs = self.pair_rows
        if not pairs:
            return
        self.current = (self.current + delta) % len(pairs)
        for row in pairs:
            row.remove_class("current")
        pairs[self.current].add_class("current")
        self.query_one("#rows", VerticalScroll).scroll_to_widget(pairs[self.current], animate=False,
                                                                 top=True)
        self.notify(f"pair {self.current + 1}/{len(pairs)}: {KIND_LABELS[pairs[self.current].kind]}",
                    timeout=1.5, markup=False)

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one("#rows", VerticalScroll), how)

    def action_swap(self) -> None:
        self.app.switch_screen(CompareScreen(self.comparison.swapped(), self.export_dir))

    def action_export(self) -> None:
        try:
            path = export_markdown(self.comparison, self.export_dir)
        except OSError as exc:  # the folder is a file, read-only, full...
            self.notify(f"Not exported to {self.export_dir}: {exc.strerror or exc}",
                        severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", markup=False)

    def action_back(self) -> None:
        """Close the entity panel when it is open, else the comparison."""
        panel = self.query_one("#compare-entities")
        if panel.display:
            self.action_toggle_entities()
        else:
            self.app.pop_screen()

    def action_toggle_entities(self) -> None:
        panel = self.query_one("#compare-entities")
        panel.display = not panel.display
        (panel if panel.display else self.query_one("#rows")).focus()

    @on(OptionList.OptionSelected, "#compare-entities")
    def _jump_to_entity(self, event: OptionList.OptionSelected) -> None:
        name = (event.option.id or ":").split(":", 1)[1]
        for row in self.query(Row):
            if name in row.left or name in row.right:
                self.query_one("#rows", VerticalScroll).scroll_to_widget(row, animate=False, top=True)
                return
        self.notify(f"{name}: named, but not in these words (a variant is used)", markup=False)

