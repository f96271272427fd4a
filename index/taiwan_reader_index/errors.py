"""Errors meant for the user; importing this module loads nothing heavy."""

from __future__ import annotations


class QueryError(ValueError):
    """A query the user must fix; str() is the message to show."""


class IndexProblem(Exception):
    """A problem with the index folder; the message is meant for the user."""


class UnsafeIndex(IndexProblem):
    pass


class IndexBusy(IndexProblem):
    pass


class IndexStopped(Exception):
    """An index run stopped because its caller asked it to (the reader is closing).

    What the run committed is kept; the next run resumes from there.
    """
