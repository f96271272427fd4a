"""The Textual app: start-up (index build or refresh), screens, help, palette."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from taiwan_reader_index.errors import IndexProblem, IndexStopped, one_line
from taiwan_reader_index.fulltext.indexer import IndexReport
from taiwan_reader_index.library import Library
from taiwan_reader_index.live_index import LiveIndex
from taiwan_reader_index.terminal_safe import inert
from taiwan_reader_index.watch import Changes, FolderWatch

from .commands import ArticleCommands
from .messages import (
    CompareArticles,
    IndexDamageFound,
    IndexUpdated,
    OpenArticle,
    SearchFor,
    TrackQuotes,
)
from .screens.search import SearchScreen
from .screens.startup import IndexingScreen, ProblemScreen
from .state import load_state, save_state

if TYPE_CHECKING:
    from taiwan_reader_index.fulltext.engine import SearchEngine


log = logging.getLogger(__name__)


class ReaderApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "taiwan-reader"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("ctrl+r", "reindex", "Re-index", show=False, id="app.reindex"),
    ]

    def __init__(self, library: Library, state_path: Path | None = None,
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.state_path = state_path
        self.export_dir = export_dir
        self.index = LiveIndex(library)
        self._folder_watch: FolderWatch | None = None
        self._refreshing = False
        self._refresh_again = False

    # start-up --------------------------------------------------------------
    def on_mount(self) -> None:
        theme = load_state(self.state_path).get("theme") or self.library.config.theme
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.library.config.keys:
            self.set_keymap(self.library.config.keys)
        for problem in self.library.problems:
            self.notify(problem, severity="warning", markup=False)
        existed = self.library.has_built_index()
        if existed:
            self._show_search()  # at once: the index opens while the user starts typing
        self.call_after_refresh(self._start, existed)  # heavy imports after the first paint

    def _remember_theme(self, theme) -> None:
        save_state({"theme": theme.name}, self.state_path)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _start(self, existed: bool) -> None:
        """Open the index (building it first when there is none), then refresh it."""
        index = self.index
        stop = self._stop_check()
        report = None
        if not existed:
            if not self._has_articles():
                return
            screen = IndexingScreen(str(self.library.corpus))
            self.call_from_thread(self.push_screen, screen)
            try:
                report = index.update(
                    wait=30, should_stop=stop,
                    progress=lambda d, t, n: self.call_from_thread(screen.advance, d, t, n))
            except IndexStopped:  # the reader is closing; the next start resumes the build
                return
            except Exception as exc:  # never leave the user on a stalled bar
                log.exception("the first build of %s failed", self.library.corpus)
                self.call_from_thread(self._problem, "The index could not be built",
                                      _reason(exc))
                return
            self.call_from_thread(self._show_search)
        try:
            searcher, rebuilt = index.open(damaged=self._warn_from_thread, should_stop=stop)
        except IndexStopped:
            return
        except (IndexProblem, OSError) as exc:
            self.call_from_thread(self._problem, "The index could not be opened", str(exc))
            return
        if rebuilt is not None:
            self.post_message(IndexUpdated(rebuilt))
        if searcher.notice:
            self._warn_from_thread(searcher.notice)
        self.call_from_thread(self._searcher_ready, searcher, report)
        index.load_titles()  # for the palette: after the first results
        if existed and self._has_articles():  # the folder is looked at after the first results
            self._refresh_index()
        self.call_from_thread(self._start_watching)

    @property
    def searcher(self) -> SearchEngine | None:
        return self.index.searcher

    @property
    def article_titles(self) -> list[tuple[str, str, str]]:
        """(id, title, outlet) of every article, for the palette."""
        return self.index.titles

    @staticmethod
    def _stop_check():
        """Asked between articles by an index run from a thread worker: it stops when the
        worker is cancelled (the app is closing), so quitting never waits for a long build."""
        worker = get_current_worker()
        return lambda: worker.is_cancelled

    def _warn_from_thread(self, message: str) -> None:
        self.call_from_thread(self.notify, message, severity="warning", markup=False, timeout=10)

    def _has_articles(self) -> bool:
        """Whether the corpus folder holds articles; if not, a screen says what to do."""
        missing = self.index.no_articles()
        if missing is not None:
            self.call_from_thread(self._problem, missing.headline, missing.advice)
        return missing is None

    def _refresh_index(self) -> None:
        """Bring the index up to date (in a worker thread) and tell the app."""
        try:
            report = self.index.refresh(should_stop=self._stop_check())
        except IndexStopped:
            return
        except (IndexProblem, OSError) as exc:
            self.call_from_thread(self.notify, f"Index not refreshed: {exc}",
                                  severity="warning", markup=False)
            return
        self.post_message(IndexUpdated(report))

    def _problem(self, headline: str, advice: str) -> None:
        self.push_screen(ProblemScreen(headline, advice))

    def _show_search(self) -> None:
        search = SearchScreen(f"taiwan-reader · {self.library.corpus.name}",
                              preview=self.library.first_screen())
        if isinstance(self.screen, IndexingScreen):
            self.switch_screen(search)
        else:
            self.push_screen(search)

    def _searcher_ready(self, searcher: SearchEngine, report: IndexReport | None) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.attach(searcher)
        if report is not None:
            self._tell(report, first=True)

    def _tell(self, report: IndexReport, first: bool = False) -> None:
        if report.changed or first:
            self.notify(f"Index: {report.summary()} ({report.seconds:.1f} s)", markup=False)
        if report.skipped:
            sample = "; ".join(str(p) for p in report.skipped[:3])
            self.notify(f"{len(report.skipped)} file(s) skipped: {sample}", severity="warning",
                        markup=False, timeout=8)
        for notice in report.notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)

    @on(IndexUpdated)
    def _index_updated(self, message: IndexUpdated) -> None:
        from .screens.reader import ReaderScreen  # loaded with the first article anyway

        report = message.report
        if report.changed:
            for screen in self.screen_stack:
                if isinstance(screen, SearchScreen):
                    screen.run_search()
                elif isinstance(screen, ReaderScreen) and not screen.article.path.exists():
                    screen.mark_deleted()
        self._tell(report)

    @on(IndexDamageFound)
    def _index_damaged(self, message: IndexDamageFound) -> None:
        self.notify(f"{message.reason[:1].upper()}{message.reason[1:]}: rebuilding it",
                    severity="warning", markup=False, timeout=10)
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.detach()
        self._repair()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _repair(self) -> None:
        """Set the damaged index aside, build it again, and search the new one."""
        try:
            searcher, report = self.index.repair(should_stop=self._stop_check())
        except IndexStopped:
            return
        except (IndexProblem, OSError) as exc:
            self.call_from_thread(self._problem, "The damaged index could not be rebuilt",
                                  str(exc))
            return
        self.call_from_thread(self._searcher_ready, searcher, report)

    # the live corpus: one refresh path for ctrl+r and for changes seen in the folder ------
    def action_reindex(self) -> None:
        self.refresh_index()

    def refresh_index(self) -> None:
        """Bring the index up to date now, or, while a refresh runs, once more after it
        (a burst of changes during a refresh costs one more run, never a queue)."""
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        self._refresh_until_current()

    @work(thread=True, group="index", exit_on_error=False)
    def _refresh_until_current(self) -> None:
        settled = False
        try:
            while not get_current_worker().is_cancelled:
                self._refresh_index()
                if not self.call_from_thread(self._again):
                    settled = True  # _again ended the refreshing, in the app's thread
                    return
        finally:
            if not settled:  # cancelled (the app is closing) or failed: never stuck "busy"
                self._refreshing = False

    def _again(self) -> bool:
        """Whether changes came during the refresh that just ended (then it runs again);
        if not, refreshing ends here, so no change can fall between the two."""
        if self._refresh_again:
            self._refresh_again = False
            return True
        self._refreshing = False
        return False

    def _start_watching(self) -> None:
        """Watch the corpus folder in a thread of its own (not a worker: it never ends
        by itself, and the app stops it when it closes)."""
        if self._folder_watch is None:
            self._folder_watch = FolderWatch(self.library.corpus, self._folder_changed_from_thread)
            threading.Thread(target=self._run_watch, args=(self._folder_watch,),
                             name="folder-watch", daemon=True).start()

    def _run_watch(self, watch: FolderWatch) -> None:
        watch.run()  # until the app stops it
        if watch.problem and not watch.stop_event.is_set():
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self._warn_from_thread(watch.problem)

    def _folder_changed_from_thread(self, changes: Changes) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.call_from_thread(self.refresh_index)

    # reading -----------------------------------------------------------------
    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        self._load_article(message.article_id, message.query)

    @work(thread=True, group="open", exit_on_error=False)
    def _load_article(self, article_id: str, query: str) -> None:
        from taiwan_reader_index.fulltext.highlight import matcher_for

        from .screens.reader import ReaderScreen

        try:
            article = self.library.article(article_id, self.searcher)
        except Exception as exc:  # the file may have changed or vanished
            log.warning("cannot open %s", article_id, exc_info=True)
            self.call_from_thread(self.notify, f"Cannot open {article_id}: {exc}",
                                  severity="error", markup=False)
            return
        [entities] = self.library.entities([article], model=False)  # the reader never loads it
        searcher = self.searcher
        matcher = matcher_for(query, searcher.fuzzy_stems if searcher is not None else None)
        self.call_from_thread(self.push_screen,
                              ReaderScreen(article, query, self._location(article), entities,
                                           matcher))

    def _location(self, article) -> str:
        """The file as shown to the reader: relative to the corpus folder when inside it."""
        corpus = self.library.corpus
        try:
            return f"{corpus.name}/{article.path.resolve().relative_to(corpus).as_posix()}"
        except ValueError:
            return str(article.path)

    @on(CompareArticles)
    def _compare(self, message: CompareArticles) -> None:
        self._load_comparison(message.a, message.b)

    @work(thread=True, group="open", exit_on_error=False)
    def _load_comparison(self, a_id: str, b_id: str) -> None:
        from taiwan_reader_index import locations

        from .screens.compare import CompareScreen

        why = ""
        try:
            if not b_id:
                similar = self.searcher.more_like(a_id, top=1) if self.searcher else []
                if not similar:
                    self.call_from_thread(self.notify, "No similar article found", markup=False)
                    return
                b_id = similar[0].id
                why = f"score {similar[0].score:.2f}"
            a = self.library.article(a_id, self.searcher)
            b = self.library.article(b_id, self.searcher)
            comparison = self.library.compare(a, b, model=False)
            if why:  # "C": say why this article was chosen
                shared = comparison.entities.shared
                names = ", ".join(shared[:5]) + (f" and {len(shared) - 5} more" if len(shared) > 5 else "")
                why = (f"Most similar: {inert(b.title)} ({why}; "
                       + (f"{len(shared)} shared names: {inert(names)})" if shared else
                          "no names in common, similar wording)"))
        except Exception as exc:  # a file may have changed or vanished
            log.warning("cannot compare %s and %s", a_id, b_id, exc_info=True)
            self.call_from_thread(self.notify, f"Cannot compare: {exc}", severity="error",
                                  markup=False)
            return
        screen = CompareScreen(comparison, self.export_dir or locations.export_dir(),
                               wrap_for=(self.console, self.size.width))
        self.call_from_thread(self.push_screen, screen)
        if why:
            self.call_from_thread(self.notify, why, markup=False, timeout=8)

    @on(TrackQuotes)
    def _track_quotes(self, message: TrackQuotes) -> None:
        self._load_quotes(message.article)

    @work(thread=True, group="open", exit_on_error=False)
    def _load_quotes(self, article) -> None:
        from .screens.quotes import QuotesScreen

        if self.searcher is None:
            return
        tracks = self.library.quotations(article, self.searcher)
        self.call_from_thread(self.push_screen, QuotesScreen(article.title, tracks))

    @on(SearchFor)
    def _search_for(self, message: SearchFor) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.set_query(message.query)

    # help and palette ----------------------------------------------------------
    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        focused = self.focused
        area = type(self.screen).__name__.replace("Screen", "") + (
            f" · {type(focused).__name__}" if focused else "")
        self.push_screen(HelpScreen(area, list(self._binding_rows(self.screen))))

    def _bindings_by_action(self, screen: Screen) -> dict[str, tuple[ActiveBinding, list[str]]]:
        """The screen's active bindings, one per action (its id, else its action), with
        every key that runs it: what the help screen lists and the palette offers."""
        grouped: dict[str, tuple[ActiveBinding, list[str]]] = {}
        for active in screen.active_bindings.values():
            name = active.binding.id or active.binding.action
            grouped.setdefault(name, (active, []))[1].append(self.get_key_display(active.binding))
        return grouped

    def _binding_rows(self, screen: Screen) -> Iterable[tuple[str, str, str]]:
        rows = [(" ".join(dict.fromkeys(keys)), active.binding.description or active.binding.action,
                 active.binding.id or "") for active, keys in self._bindings_by_action(screen).values()]
        # the app's own bindings (they have ids) first, then the focused widget's
        yield from sorted(rows, key=lambda row: not row[2])

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys of the current area and the query syntax", self.action_help)
        yield SystemCommand("Re-index", "Look for new, changed and deleted files now",
                            self.action_reindex)
        yield SystemCommand("Add article from URL…", "Fetch web pages and add their articles "
                            "to the corpus", self.action_add_url)
        yield SystemCommand("Fetch feeds", "Add every new article of the corpus's feeds",
                            self.action_fetch_feeds)
        yield from self._key_commands(screen)

    def _key_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the screen the palette was opened on, by what it does ("Compare",
        "Swap sides"), so a command is found by name as well as by its key; listed
        when searched for, not in the palette's opening list."""
        taken = {"Help", "Quit", "Keys", "Command palette"}
        for active, keys in self._bindings_by_action(screen).values():
            binding = active.binding
            title = binding.description
            if not title or not active.enabled or title in taken or \
                    binding.action in ("command_palette", "app.command_palette"):
                continue
            taken.add(title)
            yield SystemCommand(title, f"key: {' · '.join(dict.fromkeys(keys))}",
                                partial(self.run_action, binding.action, active.node),
                                discover=False)

    # bringing articles in --------------------------------------------------------------
    def _shows_seeds(self) -> bool:
        from taiwan_reader_index import locations

        return self.library.corpus == locations.seeds_dir().resolve()

    def _adding_corpus(self) -> tuple[Path, str | None]:
        """Where added articles go: the open corpus, unless it is the bundled seeds."""
        from taiwan_reader_index.ingest import corpus_for_adding

        if self._shows_seeds():
            return corpus_for_adding(None, self.library.config)
        return self.library.corpus, None

    def action_add_url(self) -> None:
        from .screens.add_url import AddUrlScreen

        def chosen(urls: list[str] | None) -> None:
            if urls:
                self._ingest(urls)

        where = "your own corpus" if self._shows_seeds() else str(self.library.corpus)
        self.push_screen(AddUrlScreen(where), chosen)

    def action_fetch_feeds(self) -> None:
        self._ingest(None)

    @work(thread=True, group="ingest", exclusive=True, exit_on_error=False)
    def _ingest(self, urls: list[str] | None) -> None:
        """Add ``urls`` (None: every feed's new entries), then say what arrived."""
        from taiwan_reader_index.errors import CorpusError
        from taiwan_reader_index.ingest import FetchStopped, WebClient, add_urls, fetch_feeds

        what = "Fetching feeds" if urls is None else f"Adding {len(urls)} page(s)"
        self.call_from_thread(self.notify, f"{what}…", markup=False, timeout=3)
        try:
            corpus, created = self._adding_corpus()
            stop = self._stop_check()  # the reader is closing: stop, keep what was written
            with WebClient() as client:
                summary = (fetch_feeds(corpus, client, should_stop=stop) if urls is None
                           else add_urls(corpus, urls, client, should_stop=stop))
        except FetchStopped:
            return
        except CorpusError as exc:  # no feeds yet, another run writing …
            self.call_from_thread(self.notify, str(exc), severity="warning", markup=False)
            return
        except Exception as exc:
            log.exception("adding articles failed")
            self.call_from_thread(self.notify, f"Adding articles failed: {_reason(exc)}",
                                  severity="error", markup=False)
            return
        for notice in [*([created] if created else []), *summary.notices]:
            self._warn_from_thread(notice)
        self.call_from_thread(self.notify, f"{what.split()[0]}: {summary.line()}", markup=False)
        problems = [f"{o.source}: {o.reason}" for o in summary.failed] + summary.feed_problems
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            self._warn_from_thread("; ".join(problems[:3]) + more)
        if summary.written:
            if corpus == self.library.corpus:
                self.call_from_thread(self.refresh_index)
            else:
                self.call_from_thread(
                    self.notify, f"They went to your own corpus, {corpus}; the reader shows the "
                    "bundled seeds now and opens your corpus from the next start",
                    markup=False, timeout=10)

    def on_unmount(self) -> None:
        if self._folder_watch is not None:
            self._folder_watch.stop()
        self.index.close()


def _reason(exc: Exception) -> str:
    """An error as one line for the user: ours say what happened; others get their type."""
    if isinstance(exc, (IndexProblem, OSError)):
        return str(exc)
    return one_line(exc)


def build_app(library: Library, state_path: Path | None = None,
              export_dir: Path | None = None) -> ReaderApp:
    return ReaderApp(library, state_path, export_dir)


def run_app(library: Library, headless: bool = False) -> int:
    """Run the reader; its exit status is non-zero after a crash (the traceback is
    printed by Textual when the screen is restored, and logged)."""
    app = build_app(library)
    app.run(headless=headless)
    status = app.return_code or 0
    if status:
        log.error("the reader stopped with status %d", status)
    return status
