"""A web page reduced to its article and metadata, with trafilatura.

The body is the article's paragraphs, one per block; the metadata is what the
page says of itself (title, site name, author, date, its canonical address).
A page with too little running text is not an article (a front page, a list
of headlines, an error page served with status 200) and is refused: what
counts is prose, paragraphs of 8 words or more that end a sentence and are
not the text of a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..articles.front_matter import coerce_date
from ..articles.prose import ends_sentence
from .urls import canonical_url, host_of, is_web_url

MIN_WORDS = 40  # below this a page holds no article (a short news brief has 80+)


class NotAnArticle(Exception):
    """The page holds no article; ``str()`` says why."""


@dataclass(frozen=True)
class Extracted:
    title: str
    outlet: str
    author: str
    date: datetime | None
    url: str | None  # the canonical address: the page's own, else where it was fetched
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def with_defaults(self, *, title: str = "", outlet: str = "", author: str = "",
                      day: datetime | None = None) -> Extracted:
        """Fill what the page did not say from elsewhere (its feed entry)."""
        return replace(self, title=self.title or title, outlet=self.outlet or outlet,
                       author=self.author or author, date=self.date or day)


def extract_article(html: bytes | str, url: str | None = None) -> Extracted:
    """The article in ``html`` (fetched from ``url``, if it was); raises NotAnArticle."""
    import trafilatura

    page = trafilatura.load_html(html)  # parsed once: for its links, then for trafilatura
    links = _link_texts(page) if page is not None else set()
    doc = trafilatura.bare_extraction(html if page is None else page, url=url,
                                      with_metadata=True, include_comments=False,
                                      include_tables=False)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    paragraphs = tuple(p for p in (" ".join(line.split()) for line in text.splitlines()) if p)
    sizes = [_size(p) for p in paragraphs]
    words = sum(size for p, size in zip(paragraphs, sizes)
                if size >= 8 and _ends(p) and p.casefold() not in links)
    if words < MIN_WORDS:
        found = "no running text" if not words else f"only {words:.0f} words of running text"
        raise NotAnArticle(f"no article on the page ({found}; a list of links or a front page?)")
    page_url = data.get("url") or ""
    own = page_url if is_web_url(page_url) else None
    source: str | None = own or url
    address = canonical_url(source) if source else None
    outlet = data.get("sitename") or ""
    if not outlet and address:
        outlet = re.sub(r"^www\d?\.", "", host_of(address))
    return Extracted(
        title=" ".join((data.get("title") or "").split()),
        outlet=" ".join(outlet.split()),
        author=" ".join((data.get("author") or "").split()),
        date=coerce_date(data.get("date") or ""),
        url=address,
        paragraphs=paragraphs,
    )


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def _size(paragraph: str) -> float:
    """Its length in words; in scripts written without spaces (Chinese, Japanese, Thai),
    two characters count as a word."""
    unspaced = len(_UNSPACED.findall(paragraph))
    return len(_UNSPACED.sub(" ", paragraph).split()) + unspaced / 2


def _ends(paragraph: str) -> bool:
    return ends_sentence(paragraph) or paragraph.rstrip()[-1:] in "。！？」』）"


def _link_texts(page: Any) -> set[str]:  # an lxml HtmlElement
    """The text of every link on the page, folded (a headline list is links)."""
    return {" ".join(a.text_content().split()).casefold() for a in page.iter("a")}
