"""The reading screen: one article, search terms highlighted, find with n/N."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from taiwan_reader_index.articles.article import Article
from taiwan_reader_index.entities.extract import entities_language
from taiwan_reader_index.entities.language import language_name
from taiwan_reader_index.entities.mention import Entity
from taiwan_reader_index.fulltext.highlight import TermMatcher, matcher_for
from taiwan_reader_index.terminal_safe import inert

from ..messages import CompareArticles, SearchFor, TrackQuotes
from ..widgets.article import ENTITY_KINDS, ArticleView
from ..widgets.entity_panel import EntityPanel
from ..widgets.scrolling import scroll
from ..widgets.title_bar import TitleBar


class ReaderScreen(Screen):
    BINDINGS = [
        Binding("j,down", "scroll('down')", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="reader.up"),
        Binding("g,home", "scroll('home')", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id="reader.bottom"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False,
                id="reader.page_down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False, id="reader.page_up"),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("n", "step(1)", "Next match", id="reader.next_match"),
        Binding("N", "step(-1)", "Prev match", id="reader.prev_match"),
        Binding("q,escape", "back", "Back", id="reader.back"),
        Binding("e", "toggle_panel", "Entities", id="reader.entities"),
        Binding("C", "compare_similar", "Compare similar", id="reader.compare_similar"),
        Binding("Q", "quotes", "Quotes", id="reader.quotes"),
        Binding("1", "toggle_kind('person')", "People", show=False, id="reader.toggle_person"),
        Binding("2", "toggle_kind('org')", "Orgs", show=False, id="reader.toggle_org"),
        Binding("3", "toggle_kind('place')", "Places", show=False, id="reader.toggle_place"),
        Binding("4", "toggle_kind('group')", "Groups", show=False, id="reader.toggle_group"),
        Binding("5", "toggle_kind('law')", "Laws", show=False, id="reader.toggle_law"),
        Binding("6", "toggle_kind('event')", "Events", show=False, id="reader.toggle_event"),
        Binding("7", "toggle_kind('other')", "Other", show=False, id="reader.toggle_other"),
        Binding("0", "toggle_kind('')", "All entities", show=False, id="reader.toggle_all"),
    ]

    def __init__(self, article: Article, query: str = "", location: str = "",
                 entities: list[Entity] | None = None,
                 matcher: TermMatcher | None = None) -> None:
        super().__init__()
        self.article = article
        self.matcher = matcher if matcher is not None else matcher_for(query)
        self.entities = entities
        self.search_query = query
        self.location = location
        language = entities_language(article)
        # the recogniser reads English only: say so rather than show an empty panel
        self.language_note = (f"names not looked for: the text is in {language_name(language)} "
                              "(the recogniser reads English)") if language else ""

    def mark_deleted(self) -> None:
        """The article's file left the folder while it was open: say so, keep the text."""
        if (self.sub_title or "").startswith("Deleted"):
            return
        self.sub_title = "Deleted from the folder: this is the text as it was read"
        self.notify(f"{self.article.path.name} was deleted from the folder; the text stays "
                    "here until you leave it", severity="warning", markup=False)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="reading"):
            yield ArticleView(self.article, self.matcher, self.location,
                              self.entities, id="article")
            yield EntityPanel(self.entities or [], empty_note=self.language_note,
                              id="entity-panel")
        yield Static("", id="legend")
        yield Input(placeholder="Find in article (Enter to search, Escape to close)", id="find")
        yield Static("", id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = inert(self.article.title)
        self.sub_title = inert(self.article.outlet)
        view = self.query_one(ArticleView)
        view.focus()
        self.query_one("#find", Input).display = False
        self.query_one(EntityPanel).display = False
        self._legend()
        self.app.theme_changed_signal.subscribe(self, lambda _: self._legend())
        self.call_after_refresh(self._scroll_to_first_hit)

    def on_show(self) -> None:
        self.call_after_refresh(self._status)

    def _scroll_to_first_hit(self) -> None:
        view = self.query_one(ArticleView)
        first = view.first_query_hit()
        if first is not None:
            view.scroll_to_widget(first, animate=False, top=True)

    def _status(self, message: str = "") -> None:
        view = self.query_one(ArticleView)
        text = Text()
        if self.search_query:
            text.append("query: ", style="dim")
            text.append(inert(self.search_query), style="bold")
            text.append("   ")
        count = len(view.matches)
        if view.needle or count:
            label = f"find {inert(view.needle)!r}" if view.needle else "hits"
            where = f"{view.current + 1}/{count}" if view.current >= 0 else f"{count}"
            text.append(f"{label}: {where if count else 'no matches'}", style="bold")
            text.append("  (n/N)", style="dim")
        if message:
            text.append("   " + message, style="dim")
        self.query_one("#reader-status", Static).update(text)

    def _legend(self) -> None:
        view = self.query_one(ArticleView)
        text = Text()
        if self.entities is None:
            text.append("entities: not analysed yet (taiwan-reader index --rebuild analyses them)", style="dim")
        elif self.language_note and not self.entities:
            text.append(f"entities: {self.language_note}", style="dim")
        else:
            palette = view.palette
            for number, kind in enumerate(ENTITY_KINDS, 1):
                style = palette.entities[kind]
                on = kind in view.shown_kinds
                text.append(f"{number}", style="bold" if on else "dim")
                text.append(f" {kind}", style=style if on else "dim strike")
                text.append("  ")
            text.append("0 all · e panel", style="dim")
        self.query_one("#legend", Static).update(text)

    def action_toggle_kind(self, kind: str) -> None:
        self.query_one(ArticleView).toggle_kind(kind or None)
        self._legend()

    def action_quotes(self) -> None:
        self.app.post_message(TrackQuotes(self.article))

    def action_compare_similar(self) -> None:
        self.app.post_message(CompareArticles(self.article.id))

    def action_toggle_panel(self) -> None:
        panel = self.query_one(EntityPanel)
        panel.display = not panel.display
        (panel if panel.display else self.query_one(ArticleView)).focus()

    @on(EntityPanel.JumpRequested)
    def _jump(self, message: EntityPanel.JumpRequested) -> None:
        number = self.query_one(ArticleView).jump_to_entity(message.canonical)
        count = sum(1 for e in self.entities or [] if e.canonical == message.canonical and e.field)
        self._status(f"{inert(message.canonical)}: mention {number}/{count}")

    @on(EntityPanel.SearchRequested)
    def _search_all(self, message: EntityPanel.SearchRequested) -> None:
        self.dismiss()
        self.app.post_message(SearchFor(message.query))

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one(ArticleView), how)

    def action_find(self) -> None:
        box = self.query_one("#find", Input)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        view = self.query_one(ArticleView)
        view.find(event.value)
        event.input.display = False
        view.focus()
        self._status()

    def action_step(self, delta: int) -> None:
        view = self.query_one(ArticleView)
        view.step(delta)
        self._status()

    def action_back(self) -> None:
        box = self.query_one("#find", Input)
        if box.display:
            box.display = False
            self.query_one(ArticleView).focus()
            return
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input)
        return not (typing and action in ("scroll", "find", "step", "toggle_kind", "toggle_panel"))
