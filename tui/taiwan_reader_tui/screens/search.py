"""The search screen: a query box that searches as you type, facets, results."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from taiwan_reader_index.entities.kinds import KIND_TITLES
from taiwan_reader_index.errors import IndexDamaged, QueryError, SearchCancelled
from taiwan_reader_index.fulltext.hits import SORTS, Hit, SearchResult
from taiwan_reader_index.terminal_safe import inert

from ..messages import CompareArticles, IndexDamageFound, OpenArticle
from ..widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.timer import Timer

    from taiwan_reader_index.fulltext.engine import Filters, SearchEngine

DEBOUNCE_SECONDS = 0.12
FACETS = {"outlet": "Outlets", **{k: KIND_TITLES[k] for k in ("person", "org", "place")}}
FACET_ROWS = 12
# Results listed at once; the next page is added as the cursor comes within MORE_WHEN
# rows of the end. Each listed result is laid out (title, outlet, snippet): 200 took
# 235 ms of the first screen on Reuters, 50 take a quarter of that.
RESULT_PAGE = 50
MORE_WHEN = 10


def hit_prompt(hit: Hit, width_hint: int = 0, marked: bool = False) -> Text:
    """Three parts per result: title, outlet · date, snippet with hits highlighted;
    the article marked for comparison says so."""
    prompt = Text("★ marked for comparison · " if marked else "", style="bold")
    prompt.append(inert(hit.title), style="bold")
    meta = " · ".join(x for x in (hit.outlet or "unknown outlet", hit.date_text) if x)
    prompt.append(f"\n{inert(meta)}", style="dim")
    if hit.snippet:
        prompt.append("\n")
        for text, is_hit in hit.snippet:
            prompt.append(inert(text), style="bold reverse" if is_hit else "")
    prompt.append("\n")
    return prompt


class SearchScreen(Screen):
    # Letters type into the search box; each action also has a function key that works
    # there too (the footer shows the function key while you type, the letter elsewhere).
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search.focus"),
        Binding("tab", "app.focus_next", "Next pane", id="search.next_pane"),
        Binding("ctrl+y", "accept_suggestion", "Use suggestion", id="search.suggestion"),
        Binding("s,f2", "cycle_sort", "Sort", id="search.sort"),
        Binding("f,f3", "focus_facets", "Facets", id="search.facets"),
        Binding("r,f4", "clear_filters", "Clear filters", id="search.clear_filters"),
        Binding("m,f5", "mark", "Mark", id="search.mark"),
        Binding("c,f6", "compare", "Compare", id="search.compare"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
        Binding("j", "cursor_down", "Down", show=False, id="search.down"),
        Binding("k", "cursor_up", "Up", show=False, id="search.up"),
        Binding("q", "app.quit", "Quit", id="search.quit"),
    ]
    DEFAULT_CSS = """
    SearchScreen #results.rejected { opacity: 40%; }
    """

    @dataclass
    class SearchFinished(Message):
        query: str
        result: SearchResult | None
        error: str | None = None

    @dataclass
    class MoreFound(Message):
        """The next page of the results on screen (``run``: which search they belong to)."""
        run: int
        result: SearchResult

    def __init__(self, title: str, searcher: SearchEngine | None = None,
                 preview: SearchResult | None = None) -> None:
        super().__init__()
        self.searcher = searcher
        # the first screen saved beside the index, shown until the index opens and answers
        self._preview = preview
        self.sort = "score"
        self.chosen: dict[str, list[str]] = {name: [] for name in FACETS}
        self._timer: Timer | None = None
        self.marked: str | None = None
        self.marked_title = ""
        self.suggestion: str | None = None
        self.last: SearchResult | None = None
        self._title = title
        self._run = 0  # counts searches: a page for an earlier one is dropped
        self._loading_more = False
        self._shown_query: str | None = None  # the query the listed results answer
        self._open_when_found: str | None = None  # Enter pressed before they answered it

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(placeholder='Search: words, "a phrase", AND/OR/NOT, word~, outlet:name',
                    id="query")
        with Horizontal(id="panes"):
            yield VerticalScroll(id="facets")  # facet lists are mounted with the first results
            yield OptionList(id="results")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self._title
        self.query_one("#query", Input).focus()
        self.run_search()

    # searching -----------------------------------------------------------
    @on(Input.Changed, "#query")
    def _query_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.run_search)

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        """Enter in the search box opens the highlighted (by default the first) result;
        with no result, it takes the suggested spelling. Pressed before the results
        answer what is typed (a quick typist, or the index still opening), it searches
        now and opens the first of that query's results when they come."""
        query = self.query_one("#query", Input).value
        if query != self._shown_query:
            self._open_when_found = query
            if self._timer is not None:
                self._timer.stop()
            self.run_search()
            return
        results = self.query_one("#results", OptionList)
        if not results.option_count and self.suggestion:
            self.action_accept_suggestion()
            return
        if results.option_count:
            option = results.get_option_at_index(results.highlighted or 0)
            if option.id:
                self.post_message(OpenArticle(option.id, self.query_one("#query", Input).value))

    def set_query(self, query: str) -> None:
        box = self.query_one("#query", Input)
        box.value = query
        box.cursor_position = len(query)  # go on typing after it
        box.focus()
        self.run_search()

    def attach(self, searcher: SearchEngine) -> None:
        """The index is open: search what has been typed so far."""
        self.searcher = searcher
        self.run_search()

    def detach(self) -> None:
        """The index is being rebuilt: wait for the new one (attach) before searching."""
        self.searcher = None
        self.query_one("#status", Static).update(Text("Rebuilding the index…", style="dim"))

    def run_search(self) -> None:
        if self.searcher is None:
            if self._preview is not None and not self.query_one("#query", Input).value.strip() \
                    and not self._filters() and self.sort == "score":
                self._show_preview(self._preview)
            else:
                self.query_one("#status", Static).update(Text("Opening the index…", style="dim"))
            return
        self._run += 1
        query = self.query_one("#query", Input).value
        self._search(query, self._sort_for(query), self._filters())

    def _filters(self) -> Filters:
        return {name: list(values) for name, values in self.chosen.items() if values}

    def _sort_for(self, query: str) -> str:
        """With no query there is no relevance: the newest first."""
        return self.sort if query.strip() or self.sort != "score" else "date"

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, sort: str, filters: Filters) -> None:
        worker = get_current_worker()
        assert self.searcher is not None

        def replaced() -> bool:  # a newer query cancelled this worker: stop, do not queue
            return worker.is_cancelled

        try:
            result = self.searcher.search(
                query, limit=RESULT_PAGE, sort=sort, filters=filters or None, facets=True,
                should_stop=replaced)
            # a facet's own counts ignore its own choice, so its other values stay
            # offered (choosing two outlets finds either: OR within a facet)
            own: dict[str, tuple[tuple[str, int], ...]] = {}
            for name in filters:
                if worker.is_cancelled:
                    return
                others = {k: v for k, v in filters.items() if k != name}
                wider = self.searcher.search(query, limit=1, filters=others or None, facets=True,
                                             snippets=False, should_stop=replaced)
                own[name] = wider.facets.get(name, ())
        except SearchCancelled:
            return
        except IndexDamaged as exc:  # the app rebuilds it, then searches again
            self.post_message(IndexDamageFound(str(exc)))
            return
        except QueryError as exc:
            if not worker.is_cancelled:
                self.post_message(self.SearchFinished(query, None, str(exc)))
            return
        if not worker.is_cancelled:
            if own:
                result = replace(result, facets={**result.facets, **own})
            self.post_message(self.SearchFinished(query, result))

    @on(SearchFinished)
    def _show_results(self, message: SearchFinished) -> None:
        if message.query != self.query_one("#query", Input).value:
            return  # a newer query is on its way
        status = self.query_one("#status", Static)
        results = self.query_one("#results", OptionList)
        if message.error:  # the list below answers an earlier query: grey it out
            self._open_when_found = None  # (Enter opens nothing from it)
            results.add_class("rejected")
            self.suggestion = None
            status.update(Text(inert(message.error) + " · the results shown are for the last "
                               "query that ran", style="bold red"))
            self.refresh_bindings()
            return
        result = message.result
        assert result is not None
        results.remove_class("rejected")
        self.last = result
        self._loading_more = False
        self.suggestion = result.suggestion
        # the index's first screen after the saved one: the row the user is on stays
        self._show_hits(result, keep=self._preview is not None and not message.query)
        self._preview = None
        self._shown_query = message.query
        self._update_facets(result)
        status.update(self._status_text(result))
        self.refresh_bindings()
        if self._open_when_found == message.query:
            self._open_when_found = None
            self._query_submitted()

    @on(OptionList.OptionHighlighted, "#results")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        """The next page of results once the cursor nears the end of those listed."""
        last, results = self.last, event.option_list
        if (last is None or self.searcher is None or self._loading_more
                or len(last.hits) >= last.total
                or (results.highlighted or 0) < results.option_count - MORE_WHEN):
            return
        self._loading_more = True
        self._more(self._run, last.query, len(last.hits) + RESULT_PAGE)

    @work(thread=True, exclusive=True, group="more", exit_on_error=False)
    def _more(self, run: int, query: str, limit: int) -> None:
        assert self.searcher is not None
        try:
            result = self.searcher.search(query, limit=limit, sort=self._sort_for(query),
                                          filters=self._filters() or None)
        except (QueryError, SearchCancelled, IndexDamaged):
            self._loading_more = False  # the search itself will say what went wrong
            return
        self.post_message(self.MoreFound(run, result))

    @on(MoreFound)
    def _add_more(self, message: MoreFound) -> None:
        last = self.last
        if message.run != self._run or last is None:
            return  # the results on screen are another search's by now
        self._loading_more = False
        known = {hit.id for hit in last.hits}
        new = tuple(hit for hit in message.result.hits if hit.id not in known)
        self.query_one("#results", OptionList).add_options(
            Option(hit_prompt(hit, marked=hit.id == self.marked), id=hit.id) for hit in new)
        self.last = replace(last, hits=last.hits + new)
        self.query_one("#status", Static).update(self._status_text(self.last))

    def _show_hits(self, result: SearchResult, keep: bool = True) -> None:
        """List the hits (the marked one says so); ``keep`` the highlighted row."""
        results = self.query_one("#results", OptionList)
        highlighted = results.highlighted if keep else None
        results.clear_options()
        results.add_options(Option(hit_prompt(hit, marked=hit.id == self.marked), id=hit.id)
                            for hit in result.hits)
        if result.hits:
            results.highlighted = min(highlighted or 0, len(result.hits) - 1)

    def _show_preview(self, result: SearchResult) -> None:
        """The saved first screen, while the index opens: listed, counted and openable as
        the index's own answer, which replaces it (the highlighted row kept)."""
        self.last = result
        self._show_hits(result)
        self._shown_query = ""
        # the facet lists (a dozen widgets to lay out) come a frame after the results
        self.call_after_refresh(self._preview_facets, result)
        self.query_one("#status", Static).update(
            self._status_text(result) + Text(" · opening the index…", style="dim"))

    def _status_text(self, result: SearchResult) -> Text:
        noun = "article" if result.total == 1 else "articles"
        filtered = any(self.chosen.values())
        if result.query:
            what = "matching" + (" (filtered)" if filtered else "")
        else:
            what = "matching the filters" if filtered else "in the corpus"
        text = Text(f"{result.total} {noun} {what}")
        if len(result.hits) < result.total:
            text.append(f" · {len(result.hits)} listed, more as you go down", style="dim")
        text.append(f" · sorted by {self._sort_for(result.query)} (s or f2)", style="dim")
        for name, values in self.chosen.items():
            if values:
                text.append(f" · {name}: {inert(', '.join(values))}", style="dim")
        if result.suggestion:
            text.append("  Did you mean: ", style="bold")
            text.append(inert(result.suggestion), style="bold cyan")
            text.append(" (enter or ctrl+y)", style="dim")
        if self.marked:
            text.append(f"  ★ marked: {inert(self.marked_title)} (c on another compares)", style="dim")
        return text

    def _preview_facets(self, result: SearchResult) -> None:
        if self.last is result and self.is_attached and self.app.screen is self:
            self._update_facets(result)  # not yet replaced by the index's own answer

    def _ensure_facet_lists(self) -> None:
        panel = self.query_one("#facets", VerticalScroll)
        if panel.children:
            return
        widgets: list[Static | SelectionList[str]] = [
            Static("counts among these results", classes="facet-note")]
        for name, title in FACETS.items():
            widgets += [Static(title, classes="facet-title"),
                        SelectionList[str](id=f"{name}-facet", classes="facet")]
        panel.mount_all(widgets)

    def _update_facets(self, result: SearchResult) -> None:
        self._ensure_facet_lists()
        for name in FACETS:
            facet = self.query_one(f"#{name}-facet", SelectionList)
            counts = dict(result.facets.get(name, ()))
            chosen = self.chosen[name]
            names = sorted(set(counts) | set(chosen), key=lambda n: (-counts.get(n, 0), n))
            highlighted = facet.highlighted
            with self.prevent(SelectionList.SelectedChanged):
                facet.clear_options()
                facet.add_options(  # "✓" says chosen without colour
                    (Text(f"{'✓' if value in chosen else ' '} {inert(value)} ({counts.get(value, 0)})"),
                     value, value in chosen)
                    for value in names[:FACET_ROWS]
                )
                if facet.option_count:
                    facet.highlighted = min(highlighted or 0, facet.option_count - 1)
            facet.display = bool(names)

    @on(SelectionList.SelectedChanged, ".facet")
    def _facets_changed(self, event: SelectionList.SelectedChanged) -> None:
        name = (event.selection_list.id or "").removesuffix("-facet")
        self.chosen[name] = list(event.selection_list.selected)
        self.run_search()

    # opening ---------------------------------------------------------------
    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenArticle(event.option.id, self.query_one("#query", Input).value))

    # actions -----------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_focus_facets(self) -> None:
        """The first facet with values, its first value highlighted (space chooses it)."""
        facets = [f for f in self.query(".facet").results(SelectionList) if f.display]
        if facets:
            facets[0].focus()  # tab moves to the next facet

    def action_clear_filters(self) -> None:
        if any(self.chosen.values()):
            self.chosen = {name: [] for name in FACETS}
            self.run_search()

    def action_accept_suggestion(self) -> None:
        if self.suggestion:
            self.set_query(self.suggestion)

    def action_cycle_sort(self) -> None:
        """Next sort order; with no query there is no relevance, so "score" is skipped."""
        query = self.query_one("#query", Input).value.strip()
        shown = self._sort_for(query)
        order = [s for s in SORTS if query or s != "score"]
        self.sort = order[(order.index(shown) + 1) % len(order)] if shown in order else order[0]
        self.run_search()

    def _highlighted_id(self) -> str | None:
        results = self.query_one("#results", OptionList)
        if results.highlighted is None:
            return None
        return results.get_option_at_index(results.highlighted).id

    def action_mark(self) -> None:
        """Mark the highlighted article (m again on it unmarks); `c` on another compares."""
        chosen = self._highlighted_id()
        self.marked = None if chosen == self.marked else chosen
        if self.marked is not None:
            self._prepare_comparison()
        hit = next((h for h in self.last.hits if h.id == self.marked), None) if self.last else None
        self.marked_title = hit.title if hit else (self.marked or "")
        if self.last is not None:
            self._show_hits(self.last)
            self.query_one("#status", Static).update(self._status_text(self.last))

    @work(thread=True, group="prepare", exclusive=True, exit_on_error=False)
    def _prepare_comparison(self) -> None:
        """A marked article is about to be compared: load what a first comparison needs
        (half a second) while the user picks the other one."""
        from taiwan_reader_index.compare.align import prepare

        prepare()

    def action_compare(self) -> None:
        other = self._highlighted_id()
        if not self.marked or not other or other == self.marked:
            self.notify("Mark an article with m, then press c on another one", markup=False)
            return
        self.post_message(CompareArticles(self.marked, other))

    def action_focus_results(self) -> None:
        self.query_one("#results", OptionList).focus()

    def action_cursor_down(self) -> None:
        self.query_one("#results", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#results", OptionList).action_cursor_up()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that would do nothing now are hidden (the search box takes the letters
        itself while it has the focus)."""
        if action == "accept_suggestion":
            return bool(self.suggestion)
        if action == "clear_filters":
            return any(self.chosen.values())
        return True
