"""taiwan-reader's index side: articles, cleaning, entities, the full-text index,
search and comparison. Nothing in this package imports Textual; the reader UI
lives in ``taiwan_reader_tui``.

The public API, for the command line, the reader and your scripts::

    from taiwan_reader_index import Library as Library

    library = Library.open("~/news/taiwan")      # a folder of .md/.txt/.html files
    library.update()                             # build or refresh its index
    result = library.search('"strategic ambiguity"', limit=5)
    article = library.article(result.hits[0].id)  # an id, or a path to a file
    [entities] = library.entities([article])
    comparison = library.compare(article, library.article(result.hits[1].id))
    for quote, carriers in library.quotations(article): ...

Everything else is internal and may change. Importing this package loads
nothing heavy: each name is imported when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_PUBLIC = {
    "Library": "library",
    "Article": "articles.article",
    "Block": "articles.article",
    "SearchResult": "fulltext.hits",
    "Hit": "fulltext.hits",
    "SearchEngine": "fulltext.engine",
    "Entity": "entities.mention",
    "Comparison": "compare.report",
    "Alignment": "compare.align",
    "Pair": "compare.align",
    "Quote": "compare.quotes",
    "Carrier": "compare.quotes",
    "IndexReport": "fulltext.indexer",
    "QueryError": "errors",
    "CorpusError": "errors",
    "BadFile": "errors",
    "IndexProblem": "errors",
}
__all__ = ["__version__", *_PUBLIC]

if TYPE_CHECKING:
    from .articles.article import Article as Article
    from .articles.article import Block as Block
    from .compare.align import Alignment as Alignment
    from .compare.align import Pair as Pair
    from .compare.quotes import Carrier as Carrier
    from .compare.quotes import Quote as Quote
    from .compare.report import Comparison as Comparison
    from .entities.mention import Entity as Entity
    from .errors import BadFile as BadFile
    from .errors import CorpusError as CorpusError
    from .errors import IndexProblem as IndexProblem
    from .errors import QueryError as QueryError
    from .fulltext.engine import SearchEngine as SearchEngine
    from .fulltext.hits import Hit as Hit
    from .fulltext.hits import SearchResult as SearchResult
    from .fulltext.indexer import IndexReport as IndexReport
    from .library import Library as Library


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
