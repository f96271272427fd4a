"""How long one search may run, and how a search nobody wants any more stops.

A query's cost is bounded before it runs (see ``query.py``: slop, fuzzy
terms, wildcards); this is the second guard, for what gets past the first: a
time limit that ends the search with a message naming the query, and a stop
the caller can pull (the reader pulls it when a newer query replaces this
one, so searches never queue behind each other).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from whoosh.collectors import WrappingCollector

from ..errors import QueryError, SearchCancelled

TIME_LIMIT = 5.0  # seconds; a search of the 40,000-article benchmark corpus takes < 0.2
CHECK_EVERY = 64  # documents collected between two looks at the clock


class Bounds:
    """The deadline and the stop of one search."""

    def __init__(self, text: str, should_stop: Callable[[], bool] | None = None,
                 time_limit: float | None = None) -> None:
        self.text = text
        self.should_stop = should_stop
        self.time_limit = TIME_LIMIT if time_limit is None else time_limit
        self.deadline = time.monotonic() + self.time_limit

    def check(self) -> None:
        """Raise SearchCancelled when the caller gave up, QueryError past the deadline."""
        if self.should_stop is not None and self.should_stop():
            raise SearchCancelled(self.text)
        if time.monotonic() > self.deadline:
            raise QueryError(
                f"query {self.text!r}: stopped after {self.time_limit:g} s without finishing; "
                "make it narrower (fewer OR'd words, longer stems before *, fewer ~ terms)")


class _BoundedCollector(WrappingCollector):
    """Looks at the bounds every CHECK_EVERY matching documents. It sits at the bottom of
    the collector chain, just above the collector that keeps the hits: a wrapper higher
    up would bypass the filtering of the wrappers below it (Whoosh's FilterCollector
    filters in its own collect_matches)."""

    def __init__(self, child, bounds: Bounds) -> None:
        super().__init__(child)
        self.bounds = bounds

    def matches(self):
        check = self.bounds.check
        for n, sub_docnum in enumerate(self.child.matches()):
            if not n % CHECK_EVERY:
                check()
            yield sub_docnum

    def collect_matches(self) -> None:
        collect = self.child.collect
        for sub_docnum in self.matches():
            collect(sub_docnum)


def bounded(searcher, q, bounds: Bounds, **options):
    """``searcher.search(q, **options)`` within ``bounds``."""
    top = searcher.collector(**options)
    parent, node = None, top
    while isinstance(node, WrappingCollector):
        parent, node = node, node.child
    guard = _BoundedCollector(node, bounds)
    if parent is None:
        top = guard
    else:
        parent.child = guard
    searcher.search_with_collector(q, top)
    return top.results()
