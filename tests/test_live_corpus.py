"""The reader follows its folder: added, edited, deleted, moved and renamed files, and
bursts of them, are searchable (or gone) within seconds, without ctrl+r."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from textual.widgets import OptionList

from conftest import workers_done
from taiwan_reader_index.library import Library
from taiwan_reader_index.watch import FolderWatch, is_article_change
from taiwan_reader_tui.app import build_app
from taiwan_reader_tui.screens.reader import ReaderScreen
from taiwan_reader_tui.screens.search import SearchScreen

WAIT = 15.0  # seconds a change may take to show (two seconds are expected; CI machines are slow)


def article(folder: Path, name: str, word: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: Report on {word}\n---\nThe {word} report says little.\n")
    return path


def test_article_changes_are_told_and_other_files_are_not(tmp_path):
    root = str(tmp_path)
    assert is_article_change(str(tmp_path / "a.md"), root)
    assert is_article_change(str(tmp_path / "sub" / "b.HTML"), root)
    assert not is_article_change(str(tmp_path / "photo.jpg"), root)
    assert not is_article_change(str(tmp_path / ".git" / "index.md"), root)
    assert not is_article_change(str(tmp_path / ".a.md.swp"), root)


def test_a_burst_of_changes_arrives_as_few_batches(tmp_path):
    batches: list[set] = []
    watch = FolderWatch(tmp_path, batches.append, quiet_ms=300)
    thread = threading.Thread(target=watch.run, daemon=True)
    thread.start()
    time.sleep(0.5)  # the watcher is ready
    for i in range(200):
        article(tmp_path, f"a{i}.md", f"word{i}")
    (tmp_path / "ignored.jpg").write_bytes(b"x")
    deadline = time.monotonic() + WAIT
    while sum(len(b) for b in batches) < 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    watch.stop()
    thread.join(timeout=5)
    paths = {Path(p).name for batch in batches for _, p in batch}
    assert {f"a{i}.md" for i in range(200)} <= paths and "ignored.jpg" not in paths
    assert len(batches) <= 5  # one refresh per burst, not one per file
    assert not thread.is_alive()


async def settle(app, pilot):
    for _ in range(3):
        await workers_done(app)
        await pilot.pause(0.05)


async def results_for(app, pilot, query: str) -> list[str]:
    """Type ``query`` in the search box; the ids listed."""
    box = app.screen.query_one("#query")
    box.value = query
    await pilot.pause(0.3)
    await settle(app, pilot)
    results = app.screen.query_one("#results", OptionList)
    return [str(results.get_option_at_index(i).id) for i in range(results.option_count)]


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


async def until(app, pilot, query: str, wanted, seconds: float = WAIT) -> list[str]:
    """Search ``query`` again and again until ``wanted(ids)`` or the time is up."""
    deadline = time.monotonic() + seconds
    found = await results_for(app, pilot, query)
    while not wanted(found) and time.monotonic() < deadline:
        await pilot.pause(0.3)
        found = await results_for(app, pilot, query)
    return found


@pytest.fixture
def live(tmp_path, mini_corpus):
    app = build_app(Library.open(mini_corpus), state_path=tmp_path / "state.json")
    return app, mini_corpus


async def test_added_edited_renamed_moved_and_deleted_files_show_without_ctrl_r(live):
    app, corpus = live
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.pause(0.5)  # the watcher starts after the first results
        article(corpus, "added.md", "aardvark")
        assert await until(app, pilot, "aardvark", lambda ids: ids == ["added"]) == ["added"]
        article(corpus, "added.md", "bumblebee")  # edited
        assert await until(app, pilot, "bumblebee", lambda ids: ids == ["added"]) == ["added"]
        assert await results_for(app, pilot, "aardvark") == []
        (corpus / "added.md").rename(corpus / "renamed.md")
        assert await until(app, pilot, "bumblebee", lambda ids: ids == ["renamed"]) == ["renamed"]
        (corpus / "sub").mkdir()
        (corpus / "renamed.md").rename(corpus / "sub" / "moved.md")
        assert await until(app, pilot, "bumblebee", lambda ids: ids == ["moved"]) == ["moved"]
        (corpus / "sub" / "moved.md").unlink()
        assert await until(app, pilot, "bumblebee", lambda ids: ids == []) == []
        for i in range(150):  # a burst
            article(corpus, f"burst{i:03}.md", "cormorant")
        deadline = time.monotonic() + WAIT
        while "150 articles matching" not in status(app) and time.monotonic() < deadline:
            await results_for(app, pilot, "cormorant")
        assert "150 articles matching" in status(app)  # every one, the first page listed
        article(corpus / "sub", "deep.md", "flamingo")
        assert await until(app, pilot, "flamingo", lambda ids: ids == ["deep"]) == ["deep"]
        shutil.rmtree(corpus / "sub")  # a folder deleted with what it held
        assert await until(app, pilot, "flamingo", lambda ids: ids == []) == []


async def test_changes_during_a_refresh_are_picked_up_by_one_more_run(live, monkeypatch):
    import taiwan_reader_index.fulltext.indexer as indexer
    from taiwan_reader_index.articles import loader

    app, corpus = live
    real = loader.load_article

    def slow(*args, **kwargs):
        time.sleep(0.05)
        return real(*args, **kwargs)

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.5)
        monkeypatch.setattr(loader, "load_article", slow)
        monkeypatch.setattr(indexer, "COMMIT_SECONDS", 0.5)
        for i in range(40):
            article(corpus, f"first{i:02}.md", "dromedary")
        await pilot.pause(1.0)  # a refresh is running: add more meanwhile
        article(corpus, "late.md", "egret")
        found = await until(app, pilot, "egret", lambda ids: ids == ["late"])
        assert found == ["late"]
        assert len(await until(app, pilot, "dromedary", lambda ids: len(ids) == 40)) == 40


async def test_an_open_article_deleted_from_the_folder_says_so(live):
    app, _corpus = live
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.5)
        await results_for(app, pilot, "typhoon")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        app.screen.article.path.unlink()
        deadline = time.monotonic() + WAIT
        while not (app.screen.sub_title or "").startswith("Deleted") and \
                time.monotonic() < deadline:
            await pilot.pause(0.3)
        assert (app.screen.sub_title or "").startswith("Deleted from the folder")
        assert isinstance(app.screen, ReaderScreen)  # the text stays until the user leaves


async def test_a_file_deleted_while_the_reader_was_closed_is_not_listed_after_a_restart(
        live, tmp_path):
    app, corpus = live
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "typhoon" in await results_for(app, pilot, "typhoon")
    (corpus / "typhoon.txt").unlink()
    again = build_app(Library.open(corpus), state_path=tmp_path / "state.json")
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        assert await results_for(again, pilot, "typhoon") == []


def test_refreshes_share_one_entity_worker_that_ends_with_the_reader(mini_corpus):
    import multiprocessing

    from taiwan_reader_index.live_index import LiveIndex

    before = {p.pid for p in multiprocessing.active_children()}
    live = LiveIndex(Library.open(mini_corpus))
    live.update(wait=5)  # the first build
    live.open()
    workers = {p.pid for p in multiprocessing.active_children()} - before
    assert len(workers) == 1  # the model runs outside the reader's own memory
    article(mini_corpus, "one.md", "gannet")  # new text: the model must read it
    assert live.refresh().added == 1
    assert {p.pid for p in multiprocessing.active_children()} - before == workers  # reused
    article(mini_corpus, "two.md", "heron")
    assert live.refresh().added == 1
    assert {p.pid for p in multiprocessing.active_children()} - before == workers  # reused
    assert live.searcher is not None and live.searcher.search("heron").total == 1
    live.close()
    deadline = time.monotonic() + 10
    while {p.pid for p in multiprocessing.active_children()} & workers and \
            time.monotonic() < deadline:
        time.sleep(0.1)
    assert not {p.pid for p in multiprocessing.active_children()} & workers
