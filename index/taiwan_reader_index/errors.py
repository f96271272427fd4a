"""Errors meant for the user: each message says what is wrong, naming the file,
folder or query. Importing this module loads nothing heavy.
"""

from __future__ import annotations


def one_line(exc: BaseException, limit: int | None = None) -> str:
    """An unexpected error as one line for a message: its type and the first line of what
    it says (at most ``limit`` characters of that)."""
    first = (str(exc).splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first[:limit]}"


class CorpusError(Exception):
    """The corpus folder is missing or unusable, or an article is not in it."""


class BadFile(Exception):
    """A file that cannot be read as an article; the message says why."""


class QueryError(ValueError):
    """A query the user must fix; str() is the message to show."""


class SearchCancelled(Exception):
    """A search stopped because its caller no longer wants it (a newer query replaced it)."""


class IndexProblem(Exception):
    """A problem with the index folder; the message is meant for the user."""


class UnsafeIndex(IndexProblem):
    pass


class IndexBusy(IndexProblem):
    pass


class IndexDamaged(IndexProblem):
    """Index files whose bytes changed after they were written; the index must be rebuilt."""


class IndexStopped(Exception):
    """An index run stopped because its caller asked it to (the reader is closing).

    What the run committed is kept; the next run resumes from there.
    """
