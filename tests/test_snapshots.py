"""SVG snapshots at a fixed terminal size (pytest-textual-snapshot).

Update after an intended change with: python -m pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from conftest import workers_done
from taiwan_reader_index.library import Library
from taiwan_reader_tui.app import build_app

SIZE = (100, 30)


@pytest.fixture
def seed_app(tmp_path, seeds, seeds_recognised, monkeypatch):
    from pathlib import Path

    from taiwan_reader_index import locations

    app = build_app(Library.open(seeds), state_path=tmp_path / "state.json")
    # the help shows the config file's path: one that does not change with pytest's tmp folder
    monkeypatch.setattr(locations, "config_file",
                        lambda: Path("/home/reader/.config/taiwan-reader/config.toml"))
    return app


async def _ready(pilot, query: str = ""):
    app = pilot.app
    for _ in range(3):
        await workers_done(app)
        await pilot.pause(0.05)
    for box in app.screen.query(Input):
        box.cursor_blink = False
    if query:
        await pilot.press(*list(query))
        await pilot.pause(0.3)
        await workers_done(app)
        await pilot.pause(0.05)
    app.clear_notifications()
    await pilot.pause()


def test_search_screen_with_results(snap_compare, seed_app):
    async def run_before(pilot):
        await _ready(pilot, '"national guard"')

    assert snap_compare(seed_app, terminal_size=SIZE, run_before=run_before)


def test_reading_screen_with_highlights(snap_compare, seed_app):
    async def run_before(pilot):
        await _ready(pilot, "strategic ambiguity")
        await pilot.press("enter")
        await workers_done(pilot.app)
        await pilot.pause(0.2)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(seed_app, terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, seed_app):
    async def run_before(pilot):
        from textual.containers import VerticalScroll
        from textual.widgets import Markdown

        await _ready(pilot)
        pilot.app.screen.query_one("#results").focus()  # the results list's keys, every time
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        # the query syntax is Markdown, whose blocks mount a moment later: wait until they all
        # have (the scrollbar's length depends on them)
        sizes: list[tuple[int, int]] = []
        while len(sizes) < 5 or len(set(sizes[-5:])) > 1:  # a loaded machine mounts slowly
            await pilot.pause(0.2)
            screen = pilot.app.screen
            sizes.append((screen.query_one(VerticalScroll).virtual_size.height,
                          len(screen.query_one(Markdown).children)))

    # tall enough that the help needs no scrollbar (its thumb depended on mount timing)
    assert snap_compare(seed_app, terminal_size=(100, 50), run_before=run_before)
