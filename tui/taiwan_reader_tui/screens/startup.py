"""Screens shown before the corpus can be searched: first build, or a problem."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from ..widgets.title_bar import TitleBar


class IndexingScreen(Screen):
    """Progress of the first index build of a corpus; quitting keeps what was committed."""

    BINDINGS = [Binding("q,escape", "app.quit", "Stop (resumes next time)", id="indexing.quit")]

    def __init__(self, corpus: str) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        # a plain title bar, not Textual's Header: this screen may be replaced while it is
        # still mounting (a small corpus builds in a moment), and the Header's title watcher
        # then fails on children already gone (NoMatches: HeaderTitle)
        yield Static(Text(f" {self.app.title}", style="bold"), classes="screen-title")
        with Middle():
            with Center():
                yield Static(Text(f"Building the index of {self.corpus}", style="bold"), id="what")
            with Center():
                yield ProgressBar(id="progress", show_eta=True)
            with Center():
                yield Static("", id="current")
        yield Footer()

    def advance(self, done: int, total: int, name: str) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#current", Static).update(
            Text(name or f"reading {total:,} files and finding their entities…", style="dim"))


class ProblemScreen(Screen):
    """Something stops the reader from working on this corpus; says what to do."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="problem.quit")]

    def __init__(self, headline: str, advice: str) -> None:
        super().__init__()
        self.headline = headline
        self.advice = advice

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Middle():
            with Center():
                yield Static(Text(self.headline, style="bold red"), id="headline")
            with Center():
                yield Static(Text(self.advice), id="advice")
        yield Footer()
