"""Textual's Header, made safe for screens that are replaced while they mount."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header


class TitleBar(Header):
    """A Header whose title update tolerates its parts being gone.

    Textual's Header updates its title from watchers set when it mounts; when its
    screen is replaced at once (a small corpus builds in a moment) the update can run
    after the title widget was removed, and the NoMatches it raised crashed the app.
    """

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # instead of Header's own watchers, not beside them

        async def set_title() -> None:
            try:
                title: Widget = self.query_one("HeaderTitle")
                title.update(self.format_title())  # type: ignore[attr-defined]
            except (NoMatches, NoScreen):
                pass  # being removed, or not mounted yet: the next change updates it

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
