"""Two reports side by side: aligned passages level on one row, tinted by kind."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from taiwan_reader_index.compare.align import PAIR_KINDS, Row
from taiwan_reader_index.compare.evidence import KIND_LABELS
from taiwan_reader_index.compare.export import export_markdown
from taiwan_reader_index.compare.report import Comparison
from taiwan_reader_index.terminal_safe import inert

from ..widgets.aligned_rows import ROWS_GUTTER, AlignedRows, RowView
from ..widgets.scrolling import scroll
from ..widgets.title_bar import TitleBar


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

    def __init__(self, comparison: Comparison, export_dir: Path,
                 wrap_for: tuple[Console, int] | None = None) -> None:
        """``wrap_for``: a console and the terminal's width, to wrap the rows' texts
        now (the reader makes the screen in a worker: the screen's thread then only
        colours them)."""
        super().__init__()
        self.comparison = comparison
        self.a, self.b, self.alignment = comparison.a, comparison.b, comparison.alignment
        self.export_dir = export_dir
        self.current = -1
        # the rows' texts and evidence, worked out here: off the screen's thread when the
        # reader makes this screen in a worker
        self._views = [RowView(row) for row in self.alignment.rows()]
        if wrap_for is not None:
            console, width = wrap_for
            for view in self._views:
                view.wrap(console, width - ROWS_GUTTER)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._summary(), id="compare-summary")
        with Horizontal(id="compare-body"):
            with Vertical(id="compare-main"):
                yield Static(self._titles(), classes="titles")
                yield AlignedRows(self._views, id="rows")
            yield OptionList(*self._entity_options(), id="compare-entities")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Compare"
        self.query_one("#compare-entities").display = False
        self.query_one("#rows").focus()
        if note := self.comparison.alignment.cut_note():
            self.notify(note[:1].upper() + note[1:], severity="warning", markup=False, timeout=10)

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
    def rows(self) -> list[Row]:
        """The rows as shown, in order: pairs, possible matches and the passages only one
        report has."""
        return self.query_one("#rows", AlignedRows).rows

    @property
    def pair_rows(self) -> list[Row]:
        return [row for row in self.rows if row.kind in PAIR_KINDS]

    @property
    def current_row(self) -> Row | None:
        """The row the cursor is on (``n`` and ``N`` step between pairs)."""
        return self.query_one("#rows", AlignedRows).current

    def action_step(self, delta: int) -> None:
        view = self.query_one("#rows", AlignedRows)
        at = [n for n, row in enumerate(view.rows) if row.kind in PAIR_KINDS]
        if not at:
            return
        self.current = (self.current + delta) % len(at)
        view.go_to(at[self.current])
        kind = view.rows[at[self.current]].kind
        self.notify(f"pair {self.current + 1}/{len(at)}: {KIND_LABELS[kind]}", timeout=1.5,
                    markup=False)

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one("#rows", AlignedRows), how)

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
        view = self.query_one("#rows", AlignedRows)
        for n, row in enumerate(view.rows):
            if any(name in s.text for s in (row.a, row.b) if s is not None):
                view.go_to(n)
                return
        self.notify(f"{name}: named, but not in these words (a variant is used)", markup=False)
