"""Keyboard scrolling shared by the reading and comparison screens."""

from __future__ import annotations

from textual.widget import Widget


def scroll(view: Widget, how: str) -> None:
    """Scroll ``view`` by a named step: down, up, home, end, page_down, page_up."""
    steps = {"down": view.scroll_down, "up": view.scroll_up, "home": view.scroll_home,
             "end": view.scroll_end, "page_down": view.scroll_page_down,
             "page_up": view.scroll_page_up}
    steps[how](animate=False)
