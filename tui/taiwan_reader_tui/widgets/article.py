"""The article body: metadata header, paragraphs, collapsed page junk, highlights."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Static

from taiwan_reader_index.articles.article import ARTICLE_PARTS, Article, Block
from taiwan_reader_index.entities.kinds import KIND_NAMES
from taiwan_reader_index.entities.mention import Entity
from taiwan_reader_index.fulltext.highlight import TermMatcher, find_spans, term_spans
from taiwan_reader_index.terminal_safe import inert

from ..palette import Palette, theme_palette
from ..rendering import inline, locate, styled

ENTITY_KINDS = KIND_NAMES


class Paragraph(Static):
    """One block of the article; knows its Block so highlights can be re-applied."""

    def __init__(self, block: Block, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block = block

    @property
    def plain(self) -> str:
        return inline(self.block.text).plain


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article. Query hits and find matches are styled by component classes."""

    DEFAULT_CSS = """
    ArticleView { padding: 0 2; }
    ArticleView > Paragraph { margin-bottom: 1; }
    ArticleView > Paragraph.heading { text-style: bold; }
    ArticleView > #meta { margin-bottom: 1; padding-bottom: 1; border-bottom: solid $primary; }
    ArticleView > Collapsible {
        margin-bottom: 1; color: $text-muted; border-top: none; padding: 0;
        background: transparent;
    }
    ArticleView > Collapsible > Contents { padding: 0 0 0 3; }
    ArticleView > Collapsible.part { color: $text; }
    ArticleView > Collapsible.part Paragraph { text-style: italic; margin-bottom: 0; }
    """

    def __init__(self, article: Article, matcher: TermMatcher, location: str = "",
                 entities: list[Entity] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.entities = entities or []
        self.shown_kinds: set[str] = set(ENTITY_KINDS)
        self.entity_cursor: dict[str, int] = {}
        self.location = location or str(article.path)
        self.matcher = matcher
        self.needle = ""
        self.matches: list[tuple[Paragraph, int]] = []  # (paragraph, index within it)
        self.current = -1

    def compose(self) -> ComposeResult:
        yield Static(self._meta(), id="meta")
        groups = {g.blocks[0].start: g for g in self.article.junk_groups}
        for block in self.article.blocks:
            if block.junk is None:
                yield Paragraph(block, classes=block.kind)
            elif block.start in groups:
                group = groups[block.start]
                count = len(group.blocks)
                if group.kind in ARTICLE_PARTS:  # the article's own, set apart from the body
                    with Collapsible(title=f"{group.label} ({count})", collapsed=False,
                                     classes=f"part part-{group.kind}"):
                        for item in group.blocks:
                            yield Paragraph(item, classes=f"part-{group.kind}")
                    continue
                title = f"{group.label} ({count}) · page junk, not part of the article"
                with Collapsible(title=title, collapsed=True, classes=f"junk junk-{group.kind}"):
                    for item in group.blocks:
                        yield Static(Text(inline(item.text).plain), classes="junk-block")

    @property
    def palette(self) -> Palette:
        """Entity and highlight colours for the app's current theme."""
        theme = self.app.current_theme
        return theme_palette(self.app.theme_variables, theme.dark if theme else True)

    def _meta(self, kind_styles: dict[str, Style] | None = None) -> Text:
        a = self.article
        text = Text(inert(a.title), style="bold")
        if kind_styles and a.title_span and text.plain == a.title:
            base = a.title_span[0]
            for e in self.entities:
                if e.part == "title" and e.field in kind_styles:
                    text.stylize(kind_styles[e.field], e.start - base, e.end - base)
        line = " · ".join(x for x in (a.outlet, a.author, a.date_text) if x)
        if line:
            text.append("\n" + inert(line), style="italic")
        text.append(f"\n{inert(self.location)}", style="dim")
        text.append(f"  ·  {a.word_count} words", style="dim")
        return text

    def on_mount(self) -> None:
        self.refresh_highlights()
        # after the new theme's CSS variables are in place
        self.app.theme_changed_signal.subscribe(self, lambda _: self.refresh_highlights())

    @property
    def paragraphs(self) -> list[Paragraph]:
        return list(self.query(Paragraph))

    def refresh_highlights(self) -> None:
        """Re-style every paragraph; n/N walk find matches, or query hits without a find."""
        palette = self.palette
        hit, find, current = palette.hit, palette.find, palette.current
        self.matches = []
        current_paragraph = None
        kind_styles = {k: palette.entities[k] for k in self.shown_kinds}
        self.query_one("#meta", Static).update(self._meta(kind_styles))
        for paragraph in self.paragraphs:
            plain = paragraph.plain
            names = [(s, e, kind_styles[k]) for s, e, k in self.entity_spans(paragraph)
                     if k in kind_styles]
            query_spans = term_spans(plain, self.matcher)
            found = find_spans(plain, self.needle) if self.needle else []
            steps = found if self.needle else query_spans
            before = len(self.matches)
            self.matches.extend((paragraph, i) for i in range(len(steps)))
            here = None
            if before <= self.current < len(self.matches):
                here = steps[self.current - before]
                current_paragraph = paragraph
            paragraph.update(styled(paragraph.block.text, query_spans=query_spans,
                                    find_spans=found, current=here, hit_style=hit,
                                    find_style=find, current_style=current,
                                    entity_spans=names))
        if current_paragraph is not None:
            self.scroll_to_widget(current_paragraph, animate=False, center=True)

    def entity_spans(self, paragraph: Paragraph) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each counted entity in the paragraph's shown text."""
        block = paragraph.block
        inside = [(e.start, e.end, e.text, e.field) for e in self.entities
                  if e.field and block.start <= e.start and e.end <= block.end]
        return locate(paragraph.plain, block.start, inside)

    def highlighted_entities(self) -> set[tuple[str, str]]:
        """(visible text, type) of every entity mention currently highlighted."""
        return {(p.plain[s:e], k) for p in self.paragraphs for s, e, k in self.entity_spans(p)
                if k in self.shown_kinds}

    def toggle_kind(self, kind: str | None) -> None:
        """Show or hide one entity type; None switches all on, or all off when all are on."""
        if kind is None:
            self.shown_kinds = set() if self.shown_kinds == set(ENTITY_KINDS) else set(ENTITY_KINDS)
        else:
            self.shown_kinds ^= {kind}
        self.refresh_highlights()

    def jump_to_entity(self, canonical: str) -> int:
        """Scroll to the next mention of an entity; returns its 1-based number."""
        mentions = [e for e in self.entities if e.canonical == canonical and e.field]
        if not mentions:
            return 0
        index = self.entity_cursor.get(canonical, -1) + 1
        index %= len(mentions)
        self.entity_cursor[canonical] = index
        target = mentions[index]
        if target.part == "title":  # the title heads the article
            self.scroll_home(animate=False)
            return index + 1
        for paragraph in self.paragraphs:
            if paragraph.block.start <= target.start < paragraph.block.end:
                self.scroll_to_widget(paragraph, animate=False, center=True)
                break
        return index + 1

    def first_query_hit(self) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if term_spans(paragraph.plain, self.matcher):
                return paragraph
        return None

    def find(self, needle: str) -> int:
        """Start a find; returns the number of matches and shows the first."""
        self.needle = needle
        self.current = 0
        self.refresh_highlights()
        if not self.matches:
            self.current = -1
        return len(self.matches)

    def step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self.refresh_highlights()
