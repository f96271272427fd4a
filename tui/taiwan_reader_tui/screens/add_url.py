"""Ask for the web addresses of articles to add (palette: "Add article from URL…")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from taiwan_reader_index.ingest import is_web_url


class AddUrlScreen(ModalScreen[list[str] | None]):
    """One line of addresses (separated by spaces); enter adds them, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add.cancel")]
    DEFAULT_CSS = """
    AddUrlScreen { align: center middle; }
    AddUrlScreen > Vertical {
        width: 90%; max-width: 100; height: auto; border: thick $primary;
        background: $surface; padding: 1 2;
    }
    AddUrlScreen #add-problem { color: $error; height: auto; }
    """

    def __init__(self, corpus: str) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Add articles to {self.corpus}: the web address of each page "
                         "(several: separate them with spaces). Enter adds, escape cancels.",
                         markup=False)
            yield Input(placeholder="https://…", id="add-urls")
            yield Static("", id="add-problem", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        urls = event.value.split()
        wrong = [u for u in urls if not is_web_url(u)]
        if not urls or wrong:
            shown = wrong[0] if wrong else "nothing"
            self.query_one("#add-problem", Static).update(
                f"{shown!r} is not a web address: give http:// or https:// addresses")
            return
        self.dismiss(urls)

    def action_cancel(self) -> None:
        self.dismiss(None)
