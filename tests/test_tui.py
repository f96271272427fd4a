"""Pilot tests: the reader driven by keys, as a user would."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.command import CommandPalette
from textual.widgets import OptionList

from conftest import workers_done
from taiwan_reader_index.library import Library
from taiwan_reader_tui.app import build_app
from taiwan_reader_tui.screens.help import HelpScreen
from taiwan_reader_tui.screens.reader import ReaderScreen
from taiwan_reader_tui.screens.search import SearchScreen
from taiwan_reader_tui.screens.startup import ProblemScreen
from taiwan_reader_tui.widgets.article import ArticleView, Paragraph


async def settle(app, pilot):
    for _ in range(3):
        await workers_done(app)
        await pilot.pause(0.05)


async def type_query(app, pilot, text):
    await pilot.press(*list(text))
    await pilot.pause(0.3)
    await settle(app, pilot)


async def open_result(app, pilot, query):
    """Search, then open the first result in the reader (as enter does)."""
    await type_query(app, pilot, query)
    await pilot.press("enter")
    await settle(app, pilot)


def told(app, monkeypatch) -> list[str]:
    """Every notification the app shows from now on (their text, in order)."""
    messages: list[str] = []
    notify = app.notify

    def record(message, *args, **kwargs):
        messages.append(str(message))
        return notify(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    return messages


def hit_spans(text: Text) -> list[str]:
    return [text.plain[s.start : s.end] for s in text.spans if "reverse" in str(s.style)]


def facet_counts(screen) -> dict[str, list[str]]:
    """Each facet list's lines (value and count), by list."""
    from textual.widgets import SelectionList

    return {str(facet.id): [str(facet.get_option_at_index(i).prompt)
                            for i in range(facet.option_count)]
            for facet in screen.query(SelectionList)}


@pytest.fixture(autouse=True)
def _seeds_known(seeds_recognised):
    """The seeds' entities come from the session's cache (no test here is of their first
    recognition; those that build run on corpora of their own)."""


@pytest.fixture
def app_for(tmp_path):
    def make(corpus):
        return build_app(Library.open(corpus), state_path=tmp_path / "state.json")

    return make


async def test_search_as_you_type_shows_highlighted_snippets(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#results", OptionList)
        assert results.option_count == 5  # empty query lists every article
        await type_query(app, pilot, '"national guard"')
        assert results.option_count == 2
        prompt = results.get_option_at_index(0).prompt
        assert "National Guard" in hit_spans(prompt)
        assert "2 articles matching" in str(app.screen.query_one("#status").render())


async def test_the_first_screen_shows_while_the_index_opens(app_for, mini_corpus, monkeypatch):
    """The newest articles and the counts over the corpus are listed as soon as the
    search box is up, from the first screen the last start saved, while the index is
    still opening; the index's own answer then takes over, on the row the user chose."""
    import threading

    from taiwan_reader_index.live_index import LiveIndex

    app = app_for(mini_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        expected = [results.get_option_at_index(i).id for i in range(results.option_count)]
        facets = facet_counts(app.screen)
    assert len(expected) > 3 and facets["outlet-facet"]

    opened = threading.Event()  # the next start's index stays closed until the test says
    open_index = LiveIndex.open
    monkeypatch.setattr(LiveIndex, "open", lambda self, **kw: (
        opened.wait(20), open_index(self, **kw))[1])
    app = app_for(mini_corpus)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.3)
            screen = app.screen
            assert isinstance(screen, SearchScreen) and screen.searcher is None
            results = screen.query_one("#results", OptionList)
            assert [results.get_option_at_index(i).id for i in range(results.option_count)] \
                == expected
            assert facet_counts(screen) == facets
            assert "opening the index" in str(screen.query_one("#status").render())
            await pilot.press("down", "down", "down")  # the user moves on before it opens
            assert results.highlighted == 2
            opened.set()
            await settle(app, pilot)
            assert screen.searcher is not None
            assert [results.get_option_at_index(i).id for i in range(results.option_count)] \
                == expected
            assert results.highlighted == 2
            assert "opening the index" not in str(screen.query_one("#status").render())
    finally:
        opened.set()


async def test_did_you_mean_and_broken_query(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "duckwort")
        status = str(app.screen.query_one("#status").render())
        assert "Did you mean: duckworth" in status
        await type_query(app, pilot, ' "open')
        assert "unbalanced quote" in str(app.screen.query_one("#status").render())


async def test_open_find_and_jump_between_matches(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "partnership act")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.search_query == "partnership act"
        view = app.screen.query_one(ArticleView)
        assert view.article.id == "001_e255d4f75bd2254b"
        await pilot.press("slash", *list("Duckworth"), "enter")
        await pilot.pause()
        assert len(view.matches) == 4 and view.current == 0
        await pilot.press("n")
        assert view.current == 1
        await pilot.press("N", "N")
        assert view.current == 3  # wraps around
        assert "find 'Duckworth': 4/4" in str(app.screen.query_one("#reader-status").render())
        await pilot.press("q")
        assert isinstance(app.screen, SearchScreen)


async def test_query_terms_are_highlighted_in_the_article(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "guards")
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        highlighted = {
            p.plain[s.start : s.end]
            for p in view.query(Paragraph)
            for s in p.render().spans
        }
        assert "Guard" in highlighted


async def test_help_and_palette_open(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = [row[2] for row in app.screen.bindings_list]
        assert "search.sort" in ids and "app.help" in ids
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_markup_and_escape_sequences_render_literally(app_for, tmp_path):
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "evil.md").write_text(
        "---\ntitle: Evil [bold red]title[/]\n---\n"
        "Alert [red]not red[/red] and \x1b[31mescape\x1b[0m and \x1b]8;;http://x\x07link "
        "\u202eevil\n"
    )
    app = app_for(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        body = view.query(Paragraph).first().render()
        assert "[red]not red[/red]" in body.plain
        assert "\x1b" not in body.plain and "␛[31mescape" in body.plain
        assert "\u202e" not in body.plain and "<U+202E>" in body.plain
        assert "Evil [bold red]title[/]" in view.query_one("#meta").render().plain


async def test_empty_corpus_shows_what_to_do(app_for, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = app_for(empty)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert "No articles in" in app.screen.headline
        assert "--corpus" in app.screen.advice


async def test_theme_choice_is_remembered(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.pause()
    second = app_for(seeds)
    async with second.run_test(size=(100, 30)) as pilot:
        await settle(second, pilot)
        assert second.theme == "nord"


async def test_keys_can_be_remapped_from_config(tmp_path, seeds, private_dirs):
    import os
    from pathlib import Path

    config = Path(os.environ["XDG_CONFIG_HOME"]) / "taiwan-reader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[keys]\n"search.sort" = "o"\n')
    app = build_app(Library.open(seeds), state_path=tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "o")
        await settle(app, pilot)
        assert app.screen.sort == "title"  # with no query, "date" is shown first: o moves on


async def test_damaged_index_is_rebuilt_on_start(app_for, mini_corpus):
    from taiwan_reader_index import locations
    from taiwan_reader_index.fulltext.indexer import update_index

    update_index(mini_corpus)
    index = locations.index_dir_for(mini_corpus)
    for segment in index.glob("*.pst"):
        segment.write_bytes(b"broken")
    app = app_for(mini_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#results", OptionList).option_count == 4
    assert list(index.parent.glob(index.name + ".broken-*"))


async def test_a_search_that_finds_the_index_garbled_rebuilds_it_and_answers(
        app_for, mini_corpus):
    from taiwan_reader_index import locations
    from taiwan_reader_index.fulltext.indexer import update_index

    update_index(mini_corpus)
    index = locations.index_dir_for(mini_corpus)
    for segment in index.glob("*.pst"):  # same size and end, other bytes: opens (the
        data = bytearray(segment.read_bytes())  # check at open reads the last postings),
        for i in range(40, len(data) * 2 // 3, 7):  # then a search fails
            data[i] ^= 0x5A
        segment.write_bytes(bytes(data))
    app = app_for(mini_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "typhoon")
        for _ in range(50):
            await settle(app, pilot)
            if list(index.parent.glob(index.name + ".broken-*")) and \
                    app.screen.query_one("#results", OptionList).option_count:
                break
        assert list(index.parent.glob(index.name + ".broken-*"))
        assert "matching" in str(app.screen.query_one("#status").render())
        assert app.screen.query_one("#results", OptionList).option_count >= 1


async def test_quitting_during_the_first_build_stops_it_and_the_next_run_resumes(
        app_for, tmp_path, monkeypatch):
    import time

    from textual.widgets import ProgressBar

    import taiwan_reader_index.fulltext.indexer as indexer
    from taiwan_reader_index.articles import loader
    from taiwan_reader_tui.screens.startup import IndexingScreen

    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"r{i:03}.md").write_text(f"# Report {i}\n\nThe envoy met officials in Taipei.\n")
    real_load = loader.load_article

    def slow_load(*args, **kwargs):  # a build long enough to quit in the middle of
        time.sleep(0.02)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(loader, "load_article", slow_load)
    monkeypatch.setattr(indexer, "COMMIT_SECONDS", 0.5)
    app = app_for(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            await pilot.pause(0.1)
            if isinstance(app.screen, IndexingScreen) and (
                    app.screen.query_one(ProgressBar).progress >= 128):
                break
        assert isinstance(app.screen, IndexingScreen), "the build finished before the test quit"
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Stop (resumes next time)" in shown  # the footer says how to stop
        await pilot.press("q")
    # the build stopped with the app: the next run finds the committed part and adds the rest
    report = indexer.update_index(corpus, wait=30)
    assert report.unchanged >= 1 and report.added >= 100  # what was committed is kept
    assert report.unchanged + report.added == 400


async def test_entity_types_toggle_and_the_panel_jumps(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "partnership act")
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.screen.query_one(ArticleView)
        assert any(e.canonical == "Tsai Ing-wen" for e in view.entities)

        def styled_words(kind):
            return {text for text, k in view.highlighted_entities() if k == kind}

        assert "Tsai Ing-wen" in styled_words("person")
        await pilot.press("1")  # people off
        assert "person" not in view.shown_kinds and "Tsai Ing-wen" not in styled_words("person")
        assert "Taiwan" in styled_words("place")
        await pilot.press("1")
        assert "Tsai Ing-wen" in styled_words("person")
        await pilot.press("e")
        panel = app.screen.query_one("#entity-panel")
        assert panel.has_focus
        await pilot.press("down", "enter")  # first person in the panel
        assert "mention 1/" in str(app.screen.query_one("#reader-status").render())
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query").value.startswith('person:"')


async def test_entity_facet_narrows_the_results(app_for, seeds):
    from textual.widgets import SelectionList

    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        people = app.screen.query_one("#person-facet", SelectionList)
        labels = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
        assert "  Tsai Ing-wen (3)" in labels
        people.select("Chiu Kuo-cheng")
        await pilot.pause(0.2)
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        assert sorted(results.get_option_at_index(i).id[:3] for i in range(results.option_count)) == [
            "003", "004"]
        assert "person: Chiu Kuo-cheng" in str(app.screen.query_one("#status").render())


async def test_compare_two_reports_side_by_side(tmp_path, seeds):
    from taiwan_reader_tui.screens.compare import CompareScreen

    app = build_app(Library.open(seeds), state_path=tmp_path / "state.json",
                    export_dir=tmp_path / "exports")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, '"national guard"')
        await pilot.press("down", "m", "down", "c")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert {screen.a.id[:3], screen.b.id[:3]} == {"000", "001"}
        kinds = [row.kind for row in screen.rows]
        assert kinds.count("quote") == 2 and "only-a" in kinds and "only-b" in kinds
        quote = next(r for r in screen.rows if r.kind == "quote")
        assert quote.a and "proactively planning cooperation" in quote.a.text and quote.b  # one row
        summary = str(screen.query_one("#compare-summary").render())
        assert summary.startswith("2 same quotation · ")
        assert all(len(line) <= 80 for line in summary.splitlines())  # fits an 80-column terminal
        await pilot.press("n")
        assert screen.current == 0 and screen.current_row is screen.pair_rows[0]
        await pilot.press("x")
        exported = list((tmp_path / "exports").glob("compare-*.md"))
        assert exported and "| same quotation, 24 words in a row |" in exported[0].read_text()
        assert "-vs-" in exported[0].name and "tsai-says" in exported[0].name  # from the titles
        export_text = exported[0].read_text()
        for label in ("same quotation", "same wording", "same fact"):  # one vocabulary
            assert label in summary and label in export_text
        await pilot.press("x")  # a second export is a new file, not the first one replaced
        assert len(list((tmp_path / "exports").glob("compare-*.md"))) == 2
        a_id = screen.a.id
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.b.id == a_id
        def first_row() -> list[str]:  # the lines of the first row, as drawn
            view = app.screen.query_one("#rows")
            lines = [view.render_line(y).text.rstrip() for y in range(12)]
            return lines[:lines.index("")]

        assert any(" A " in f" {line}" and " B " in line for line in first_row())  # side by side
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        stacked = [line.strip()[:2] for line in first_row()]
        assert "A " in stacked and "B " in stacked  # each side labelled, one above the other
        assert not any(" B " in line for line in first_row() if line.strip().startswith("A "))
        await pilot.press("e")  # the entity panel; Esc closes it, not the comparison
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert not app.screen.query_one("#compare-entities").display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_compare_with_most_similar_from_the_reader(app_for, seeds):
    from taiwan_reader_tui.screens.compare import CompareScreen

    app = app_for(seeds)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "blinken")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("C")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.a.id.startswith("003") and app.screen.b.id != app.screen.a.id


async def test_quote_tracking_lists_and_opens_the_other_outlet(app_for, seeds):
    from taiwan_reader_tui.screens.quotes import QuotesScreen

    app = app_for(seeds)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "examiner")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.article.id.startswith("000")
        await pilot.press("Q")
        await settle(app, pilot)
        assert isinstance(app.screen, QuotesScreen)
        carriers = {c.id[:3] for _, found in app.screen.tracks for c in found}
        assert {"001", "003"} <= carriers
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.article.id.startswith("001")


async def test_a_corpus_emptied_since_indexing_shows_what_to_do(app_for, mini_corpus):
    from taiwan_reader_index.fulltext.indexer import update_index

    update_index(mini_corpus)
    for path in mini_corpus.iterdir():
        path.unlink()
    app = app_for(mini_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert "No articles in" in app.screen.headline


async def test_first_build_with_entity_worker_processes_inside_the_app(app_for, tmp_path,
                                                                       monkeypatch):
    """A large first build runs the model in worker processes, started from inside the
    running app (where sys.stderr is Textual's capture, with no file descriptor)."""
    import time

    import taiwan_reader_index.entities.workers as workers

    corpus = tmp_path / "large"
    corpus.mkdir()
    for i in range(150):
        (corpus / f"r{i:03}.md").write_text(
            f"# Visit {i}\n\nPresident Tsai Ing-wen met envoys in Taipei on day {i}.\n")
    monkeypatch.setattr(workers, "worker_count", lambda n, *rest: 2)  # as for 500 or more
    app = app_for(corpus)
    messages = told(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 120
        while (not isinstance(app.screen, (SearchScreen, ProblemScreen))
               and time.monotonic() < deadline):
            await pilot.pause(0.2)
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert any("150 added" in m for m in messages), messages
        assert not any("worker process" in m for m in messages), messages
        await type_query(app, pilot, 'person:"Tsai Ing-wen"')
        assert "150 articles matching" in str(app.screen.query_one("#status").render())


async def test_the_reader_leaves_the_entity_model_to_a_worker_process(app_for, mini_corpus,
                                                                       monkeypatch):
    """A refresh that finds a new file recognises its entities in a worker process: the
    model (hundreds of MB) never loads into the reader itself."""
    import time

    import taiwan_reader_index.entities.extract as extract
    from taiwan_reader_index.fulltext.indexer import update_index

    update_index(mini_corpus)
    (mini_corpus / "envoy.md").write_text(
        "# Envoy visits\n\nPresident Lai Ching-te met the envoy in Taipei on Monday.\n")

    def no_model_here():
        raise AssertionError("the reader loaded the entity model into its own process")

    monkeypatch.setattr(extract, "load_recognizer", no_model_here)
    app = app_for(mini_corpus)
    messages = told(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("1 added" in m for m in messages):
            await pilot.pause(0.2)
        await settle(app, pilot)
        assert any("1 added" in m for m in messages), messages
        assert not any("worker process" in m for m in messages), messages
        await type_query(app, pilot, 'person:"Lai Ching-te"')
        assert "1 article matching" in str(app.screen.query_one("#status").render())


async def test_a_first_build_stopped_before_its_first_commit_resumes_on_the_build_screen(
        app_for, mini_corpus):
    import time

    from taiwan_reader_index import locations
    from taiwan_reader_index.fulltext.index_dir import create_index
    from taiwan_reader_tui.screens.startup import IndexingScreen

    create_index(locations.index_dir_for(mini_corpus)).close()  # what the stopped build left
    app = app_for(mini_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        seen = set()
        deadline = time.monotonic() + 60
        while not isinstance(app.screen, SearchScreen) and time.monotonic() < deadline:
            seen.add(type(app.screen))
            await pilot.pause(0.05)
        await settle(app, pilot)
        assert IndexingScreen in seen
        assert app.screen.query_one("#results", OptionList).option_count == 4


def test_the_reader_exits_non_zero_after_a_crash(seeds, monkeypatch, capsys):
    from taiwan_reader_tui.app import ReaderApp, run_app

    def crash(self):
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(ReaderApp, "on_mount", crash)
    assert run_app(Library.open(seeds), headless=True) == 1
    assert "a bug in the reader" in capsys.readouterr().err


async def test_titles_in_the_palette_are_text_never_markup(app_for, tmp_path):
    from textual.command import CommandPalette

    corpus = tmp_path / "markup"
    corpus.mkdir()
    (corpus / "evil.md").write_text("---\ntitle: 'Evil [@click=app.quit]quit[/] and [/] title'\n"
                                    "outlet: '[b]Bold[/b]'\n---\nThe markup report body.\n")
    (corpus / "plain.md").write_text("The other report.\n")
    app = app_for(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"evil")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette) and app.is_running
        shown = " ".join(str(o.prompt) for o in app.screen.query("CommandList").first().options)
        assert "[@click=app.quit]quit[/]" in shown


async def test_entity_colours_are_distinct_and_readable_in_every_theme(app_for, seeds):
    """Each entity kind its own hue, text at WCAG AA (4.5:1) on the theme's background
    and surface, a query hit on an entity still readable; a theme change repaints the
    open article at once."""
    import colorsys

    from textual.color import Color

    from taiwan_reader_tui.palette import contrast

    app = app_for(seeds)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(app, pilot)
        await open_result(app, pilot, "duckworth")
        view = app.screen.query_one(ArticleView)
        previous = None
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause(0.05)
            variables = app.theme_variables
            grounds = []
            for name in ("background", "surface"):
                try:
                    ground = Color.parse(variables[name])
                except Exception:  # ANSI themes: the terminal's own black or white
                    ground = Color(0, 0, 0) if app.current_theme.dark else Color(255, 255, 255)
                grounds.append(ground if ground.a and not ground.ansi else
                               (Color(0, 0, 0) if app.current_theme.dark else Color(255, 255, 255)))
            by_kind: dict[str, Color] = {}
            hits = []
            for paragraph in view.query(Paragraph):
                rendered = paragraph.content  # the rich Text the reader drew
                assert isinstance(rendered, Text)
                kinds = {(s, e): k for s, e, k in view.entity_spans(paragraph)}
                for span in rendered.spans:
                    style = span.style
                    if isinstance(style, str):
                        continue
                    if style.bgcolor is not None and style.color is not None:
                        hits.append(style)
                    elif (span.start, span.end) in kinds and style.color is not None:
                        r, g, b = style.color.get_truecolor()
                        by_kind[kinds[(span.start, span.end)]] = Color(r, g, b)
            assert {"person", "org", "place"} <= set(by_kind), theme
            for kind, color in by_kind.items():
                for ground in grounds:
                    assert contrast(color, ground) >= 4.5, (theme, kind, color.hex, ground.hex)
            hues = {k: colorsys.rgb_to_hls(c.r / 255, c.g / 255, c.b / 255)[0] * 360
                    for k, c in by_kind.items()}
            kinds_seen = sorted(hues)
            for i, a in enumerate(kinds_seen):
                for b in kinds_seen[i + 1:]:
                    gap = abs(hues[a] - hues[b]) % 360
                    assert min(gap, 360 - gap) >= 20, (theme, a, b)
            assert hits, theme
            for style in hits:
                fg, bg = (Color(*c.get_truecolor()) for c in (style.color, style.bgcolor))
                assert contrast(fg, bg) >= 4.5, theme
            colours = tuple(sorted(c.hex for c in by_kind.values()))
            if previous is not None and app.current_theme.dark != previous[0]:
                assert colours != previous[1], theme  # repainted for the new background
            previous = (app.current_theme.dark, colours)



def footer_keys(app) -> dict[str, bool]:
    """Description -> enabled, for every key the footer shows."""
    from textual.widgets._footer import FooterKey

    return {key.description: not key.disabled for key in app.screen.query(FooterKey)}


def status_of(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_the_search_screen_shows_its_keys_while_typing_and_in_help(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "taiwan")
        keys = footer_keys(app)
        for description in ("Sort", "Facets", "Mark", "Compare", "Next pane"):
            assert keys.get(description), description
        await pilot.press("s")  # a letter still types into the box
        assert app.screen.query_one("#query").value == "taiwans"
        await pilot.press("backspace", "f2")  # its function key sorts from the box
        await settle(app, pilot)
        assert "sorted by date" in status_of(app)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = {description for _, description, _ in app.screen.bindings_list}
        for needle in ("Sort", "Mark", "Compare", "Facets", "Next pane"):
            assert needle in rows
        markdown = app.screen.query_one("Markdown").source
        for field in ("person:", "org:", "place:", "author:"):
            assert field in markdown


async def test_did_you_mean_is_taken_with_enter_or_ctrl_y(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "duckwort")
        assert "Did you mean: duckworth" in status_of(app)
        assert footer_keys(app).get("Use suggestion")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one("#query").value == "duckworth"
        assert app.screen.query_one("#results", OptionList).option_count == 2
        await pilot.press(*"x")
        await settle(app, pilot)  # "duckworthx": a suggestion again, taken with ctrl+y
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert app.screen.query_one("#query").value == "duckworth"


async def test_a_rejected_query_greys_the_old_results_and_says_why(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "guard")
        results = app.screen.query_one("#results", OptionList)
        assert not results.has_class("rejected")
        await type_query(app, pilot, ' "open')
        assert results.has_class("rejected")
        assert "unbalanced quote" in status_of(app) and "last query that ran" in status_of(app)
        await pilot.press("ctrl+u")  # clear the box
        await type_query(app, pilot, "AND OR")
        assert "AND needs a word on each side" in status_of(app) and "lower case" in status_of(app)
        await pilot.press("ctrl+u")
        await type_query(app, pilot, "guard")
        assert not results.has_class("rejected")


async def test_the_first_sort_press_on_an_empty_query_changes_the_order(app_for, seeds):
    app = app_for(seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "sorted by date" in status_of(app)
        await pilot.press("tab", "s")
        await settle(app, pilot)
        assert "sorted by date" not in status_of(app) and "sorted by" in status_of(app)


async def test_facets_work_with_arrows_space_and_tab_several_values_and_one_key_clears(app_for, seeds):
    from textual.widgets import SelectionList

    app = app_for(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "counts among these results" in str(app.screen.query_one(".facet-note").render())
        await pilot.press("tab", "f")  # out of the box, to the first facet
        outlets = app.screen.query_one("#outlet-facet", SelectionList)
        assert outlets.has_focus
        await pilot.press("space")  # no Down needed first
        await settle(app, pilot)
        first = list(outlets.selected)
        assert len(first) == 1
        labels = [str(outlets.get_option_at_index(i).prompt) for i in range(outlets.option_count)]
        assert outlets.option_count > 1  # the other outlets are still offered
        assert any(label.startswith("✓ ") for label in labels)  # chosen, without colour
        assert all(label.startswith(("✓ ", "  ")) for label in labels)
        one = app.screen.query_one("#results", OptionList).option_count
        await pilot.press("down", "space")  # a second outlet: either one
        await settle(app, pilot)
        assert len(outlets.selected) == 2
        assert app.screen.query_one("#results", OptionList).option_count > one
        assert "matching the filters" in status_of(app)
        await pilot.press("tab")
        assert app.screen.focused is not outlets  # tab moves on to the next facet
        await pilot.press("r")
        await settle(app, pilot)
        assert not outlets.selected and "in the corpus" in status_of(app)
        assert app.screen.query_one("#results", OptionList).option_count == 5


async def test_the_marked_article_shows_and_c_compares_it(app_for, seeds):
    from taiwan_reader_tui.screens.compare import CompareScreen

    app = app_for(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "taiwan")
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        results = app.screen.query_one("#results", OptionList)
        results.focus()
        await pilot.press("m")
        first = results.get_option_at_index(0)
        assert str(first.prompt).startswith("★ marked for comparison")
        assert "★ marked:" in status_of(app)
        await pilot.press("down", "c")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_most_similar_says_why_it_was_chosen(app_for, seeds, monkeypatch):
    app = app_for(seeds)
    messages = told(app, monkeypatch)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await open_result(app, pilot, "blinken")
        await pilot.press("C")
        await settle(app, pilot)
        why = [m for m in messages if m.startswith("Most similar:")]
        assert why and "score" in why[0] and "shared names" in why[0]


async def test_notifications_sit_at_the_top_not_over_the_reading_columns(app_for, seeds):
    from textual.widgets._toast import ToastRack

    app = app_for(seeds)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.notify("hello")
        await pilot.pause(0.1)
        rack = app.screen.query_one(ToastRack)
        assert rack.styles.dock == "top" and rack.region.y <= 2


async def test_an_article_opened_at_a_hit_keeps_its_title_in_view(app_for, seeds):
    from taiwan_reader_tui.widgets.title_bar import TitleBar

    app = app_for(seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_result(app, pilot, "blinken")  # late in a long article: it opens scrolled
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.scroll_y > 0  # scrolled to the first hit...
        bar = app.screen.query_one(TitleBar)
        assert bar.region.y == 0 and bar.region.height >= 1  # ...and the title line stays
        assert app.screen.title == view.article.title


async def test_a_long_result_list_grows_as_the_cursor_nears_its_end(app_for, tmp_path):
    """120 articles: the first page is listed at once, the next ones as the cursor goes
    down, in the search's order, each article once; a new query starts again."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(120):
        (corpus / f"r{n:03}.md").write_text(
            f"---\ntitle: Report {n}\ndate: 2024-01-{n % 28 + 1:02}\n---\n"
            f"The harbour pilots met {'twice' if n % 2 else 'once'}.\n")
    app = app_for(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        first = results.option_count
        assert first < 120
        assert f"{first} listed" in str(app.screen.query_one("#status").render())
        results.focus()
        for _ in range(4):
            await pilot.press("end")
            await settle(app, pilot)
        assert results.option_count == 120
        ids = [results.get_option_at_index(i).id for i in range(120)]
        assert len(set(ids)) == 120
        expected = [h.id for h in app.library.search("", limit=None, sort="date").hits]
        assert ids == expected
        assert "listed" not in str(app.screen.query_one("#status").render())
        app.screen.query_one("#query").focus()
        await type_query(app, pilot, "twice")
        assert results.option_count == min(first, 60)


async def test_a_screen_key_is_found_by_name_in_the_palette(app_for, seeds):
    """Typing what a key does ("compare") in the palette finds it, with its key, and
    runs it on the screen the palette was opened from."""
    from textual.command import CommandPalette

    from taiwan_reader_tui.screens.compare import CompareScreen

    app = app_for(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        results.focus()
        await pilot.press("m", "down")
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"compare")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query("CommandList").first()
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Compare" in s and "key: c" in s for s in shown), shown
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_enter_typed_before_the_results_come_opens_the_typed_querys_first_hit(app_for, seeds):
    """A quick typist presses Enter before the list has caught up with the query: the
    reader opens the first result of what was typed, not the row of the older list."""
    app = app_for(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        listed = app.screen.query_one("#results", OptionList)
        newest = listed.get_option_at_index(0).id  # listed first before any query
        await pilot.press(*"duckworth", "enter")  # within the search's debounce
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Duckworth" in app.screen.article.source, (newest, app.screen.article.id)


def test_a_pairs_sentences_show_only_their_evidence_in_bold():
    """In a pair, the words the other side lacks (numbers, names) are in bold and the
    shared ones underlined; the rest of the sentence is plain, not bold or dim."""
    from taiwan_reader_index.compare.sentences import Sentence
    from taiwan_reader_tui.widgets.aligned_rows import cell_text

    a = Sentence(0, 0, 40, "Stocks gave up 11.91 points on Monday.", 0)
    b = Sentence(0, 0, 40, "Stocks gained 5.51 points on Monday.", 0)
    cell = cell_text(a, b, "A", False, "similar")
    styled = {cell.plain[span.start:span.end]: str(span.style) for span in cell.spans}
    assert styled["11.91"] == "bold" and styled["Stocks"] == "underline"
    plain = cell.plain.index("gave up")
    assert cell.get_style_at_offset(Console(), plain) == Style.null()
