"""The article's entities grouped by type, with mention counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from taiwan_reader_index.entities.kinds import KIND_TITLES
from taiwan_reader_index.entities.mention import Entity
from taiwan_reader_index.terminal_safe import inert


class EntityPanel(OptionList):
    """Enter jumps to the next mention; `a` searches all articles mentioning the entity."""

    BINDINGS = [Binding("a", "all_articles", "All articles", id="entities.all_articles")]

    @dataclass
    class JumpRequested(Message):
        canonical: str

    @dataclass
    class SearchRequested(Message):
        query: str

    def __init__(self, entities: list[Entity], empty_note: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.entities = entities
        self.empty_note = empty_note  # why there are none, when it is known
        self._fields: dict[str, str] = {}

    def on_mount(self) -> None:
        counts = Counter((e.field, e.canonical) for e in self.entities if e.field)
        for kind, title in KIND_TITLES.items():
            rows = sorted(((c, name) for (f, name), c in counts.items() if f == kind),
                          key=lambda row: (-row[0], row[1]))
            if not rows:
                continue
            self.add_option(Option(Text(title, style="bold underline"), disabled=True))
            for count, name in rows:
                option_id = f"{kind}:{name}"
                self._fields[option_id] = kind
                self.add_option(Option(Text(f" {inert(name)} ({count})"), id=option_id))
        if not counts:
            note = self.empty_note[:1].upper() + self.empty_note[1:]
            self.add_option(Option(Text(note or "No entities recorded for this article",
                                        style="dim"), disabled=True))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.JumpRequested(event.option.id.split(":", 1)[1]))

    def action_all_articles(self) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            kind, name = option.id.split(":", 1)
            self.post_message(self.SearchRequested(f'{kind}:"{name}"'))
