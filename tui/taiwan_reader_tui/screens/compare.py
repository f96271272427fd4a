"""Two reports side by side: aligned passages level on one row, tinted by kind."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from taiwan_reader_index.compare.align import PAIR_KINDS, Alignment
from taiwan_reader_index.compare.export import to_markdown
from taiwan_reader_index.compare.report import Comparison
from taiwan_reader_index.terminal_safe import inert

from ..widgets.scrolling import scroll

NARROW = 100  # columns below which the two sides stack


class Row(Horizontal):
    """One aligned pair, or one passage only one side has."""

    def __init__(self, left: str, right: str, kind: str, score: float = 0.0,
                 names: frozenset[str] = frozenset()) -> None:
        super().__init__(classes=f"row {kind}")
        self.kind = kind
        self.score = score
        self.left = left
        self.right = right
        self.names = names

    def compose(self) -> ComposeResult:
        tag = {"quote": "shared quote", "same": "same wording", "similar": "same fact",
               "only-a": "only in A", "only-b": "only in B"}[self.kind]
        score = f" {self.score:.2f}" if self.score else ""
        yield Static(Text(self.left or "", style="") if self.left else Text("·", style="dim"),
                     classes="cell left")
        yield Static(Text(f"{tag}{score}", style="italic"), classes="tag")
        yield Static(Text(self.right or "", style="") if self.right else Text("·", style="dim"),
                     classes="cell right")


def rows(alignment: Alignment) -> list[tuple[str, str, str, float, int, int]]:
    """(left, right, kind, score, a_start, b_start) in reading order of A, B-only passages
    placed after the row of the B sentence before them."""
    by_a = {p.a.index: p for p in alignment.pairs}
    b_pos = {p.b.index: p.a.index for p in alignment.pairs}
    only_b_after: dict[int, list] = {}
    for s in alignment.only_b:
        anchor = max((a for b, a in b_pos.items() if b < s.index), default=-1)
        only_b_after.setdefault(anchor, []).append(s)
    out = [(inert(s.text), "", "only-b", 0.0, -1, s.start) for s in only_b_after.get(-1, [])]
    a_sentences = sorted([p.a for p in alignment.pairs] + alignment.only_a, key=lambda s: s.index)
    for s in a_sentences:
        pair = by_a.get(s.index)
        if pair:
            out.append((inert(pair.a.text), inert(pair.b.text), pair.kind, pair.score,
                        pair.a.start, pair.b.start))
        else:
            out.append((inert(s.text), "", "only-a", 0.0, s.start, -1))
        out.extend(("", inert(t.text), "only-b", 0.0, -1, t.start)
                   for t in only_b_after.get(s.index, []))
    return out


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
        Binding("q,escape", "app.pop_screen", "Back", id="compare.back"),
    ]

    def __init__(self, comparison: Comparison, export_dir: Path) -> None:
        super().__init__()
        self.comparison = comparison
        self.a, self.b, self.alignment = comparison.a, comparison.b, comparison.alignment
        self.export_dir = export_dir
        self.current = -1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._summary(), id="compare-summary")
        with Horizontal(id="compare-body"):
            with VerticalScroll(id="rows"):
                yield Static(self._titles(), classes="titles")
                for left, right, kind, score, _, _ in rows(self.alignment):
                    yield Row(left, right, kind, score)
            yield OptionList(*self._entity_options(), id="compare-entities")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Compare"
        self.query_one("#compare-entities").display = False
        self.query_one("#rows").focus()
        self._layout(self.size.width)

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
        text = Text()
        text.append(f" {counts['quote']} quotes ", style="bold reverse")
        text.append(f" {counts['same']} same ", style="bold")
        text.append(f" {counts['similar']} similar ", style="bold")
        text.append(f" only A {len(self.alignment.only_a)} · only B {len(self.alignment.only_b)}")
        text.append(f"   entities: {len(ents.shared)} shared, {len(ents.only_a)} only A, "
                    f"{len(ents.only_b)} only B (e)", style="dim")
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
        self.notify(f"pair {self.current + 1}/{len(pairs)}: {pairs[self.current].kind}",
                    timeout=1.5, markup=False)

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one("#rows", VerticalScroll), how)

    def action_swap(self) -> None:
        self.app.switch_screen(CompareScreen(self.comparison.swapped(), self.export_dir))

    def action_export(self) -> None:
        self.export_dir.mkdir(parents=True, exist_ok=True)
        path = self.export_dir / f"compare-{self.a.id}-{self.b.id}.md"
        path.write_text(to_markdown(self.comparison), encoding="utf-8")
        self.notify(f"Exported to {path}", markup=False)

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

