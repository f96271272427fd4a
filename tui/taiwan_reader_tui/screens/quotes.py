"""Who else carries this article's quotations: a list to open them from."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from taiwan_reader_index.terminal_safe import inert

from ..messages import OpenArticle


def phrase_query(wording: str, words: int = 6) -> str:
    """A phrase query for the first words of a quotation: the reader opens scrolled to it."""
    found = re.findall(r"[^\W_]+", wording)[:words]
    return f'"{" ".join(found)}"' if found else ""


class QuotesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="quotes.close")]
    DEFAULT_CSS = """
    QuotesScreen { align: center middle; }
    QuotesScreen > Vertical { width: 90%; height: 85%; border: thick $primary; background: $surface; }
    QuotesScreen OptionList { height: 1fr; border: none; }
    """

    def __init__(self, title: str, tracks) -> None:
        super().__init__()
        self.heading = title
        self.tracks = tracks

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        self.queries: dict[str, str] = {}
        for number, (quote, found) in enumerate(self.tracks):
            heading = Text(f"“{inert(quote.wording)}”", style="bold")
            if quote.speaker:
                heading.append(f"  — {inert(quote.speaker)}", style="italic")
            options.append(Option(heading, disabled=True))
            for c in found:
                label = (f"   {inert(c.title)} · {inert(c.outlet or c.id)} · "
                         f"{c.date or 'undated'}")
                option_id = f"{number}#{c.id}"
                options.append(Option(Text(label), id=option_id))
                self.queries[option_id] = phrase_query(c.wording or quote.wording)
            if not found:
                options.append(Option(Text("   no other article carries it", style="dim"),
                                      disabled=True))
        with Vertical():
            yield Static(Text(f"Quotations in {inert(self.heading)}: enter opens the other "
                              "article at the quotation", style="bold"))
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss()
            self.app.post_message(OpenArticle(event.option.id.split("#", 1)[1],
                                              self.queries.get(event.option.id, "")))
