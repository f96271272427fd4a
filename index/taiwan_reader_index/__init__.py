"""taiwan-reader's index side: articles, cleaning, entities, the full-text index,
search and comparison. Nothing in this package imports Textual; the reader UI
lives in ``taiwan_reader_tui``.

The public API, for the command line, the reader and your scripts::

    from taiwan_reader_index import Library

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
    from .articles.article import Article, Block
    from .compare.align import Alignment, Pair
    from .compare.quotes import Carrier, Quote
    from .compare.report import Comparison
    from .entities.mention import Entity
    from .errors import BadFile, CorpusError, IndexProblem, QueryError
    from .fulltext.engine import SearchEngine
    from .fulltext.hits import Hit, SearchResult
    from .fulltext.indexer import IndexReport
    from .library import Library


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
