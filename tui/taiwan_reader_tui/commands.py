"""Command palette providers: open any article by title, and the app's commands."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from taiwan_reader_index.terminal_safe import inert

from .messages import CompareArticles, OpenArticle


class ArticleCommands(Provider):
    """ "Open: <title>" for every article in the corpus (titles held in memory).

    Titles and outlets come from files: they are shown as plain text, never parsed as
    markup (a title holding "[@click=app.quit]" must not run an action).
    """

    def _articles(self) -> list[tuple[str, str, str]]:
        return getattr(self.app, "article_titles", [])

    async def discover(self) -> Hits:
        for article_id, title, outlet in self._articles()[:20]:
            yield DiscoveryHit(Content(f"Open: {inert(title)}"), partial(self._open, article_id),
                               help=escape(inert(outlet)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        reading = getattr(self.screen, "article", None)
        for article_id, title, outlet in self._articles():
            label = f"Open: {inert(title)}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, Content(label), partial(self._open, article_id),
                          help=escape(inert(outlet)) or None)
            if reading is not None and article_id != reading.id:
                label = f"Compare with: {inert(title)}"
                score = matcher.match(label)
                if score > 0:
                    yield Hit(score, Content(label), partial(self._compare, reading.id, article_id),
                              help=escape(inert(outlet)) or None)

    def _open(self, article_id: str) -> None:
        self.app.post_message(OpenArticle(article_id))

    def _compare(self, a: str, b: str) -> None:
        self.app.post_message(CompareArticles(a, b))
