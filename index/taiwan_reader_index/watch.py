"""Watching a corpus folder: each burst of changes to article files, once.

The reader runs :meth:`FolderWatch.run` in a thread and refreshes its index
(the same path as ctrl+r) after each burst: a file added, edited, deleted,
moved or renamed, or hundreds copied at once, arrive as one batch after the
folder has been quiet for ``quiet_ms``. Uses watchfiles (inotify on Linux,
FSEvents on macOS; polling where neither works, such as some network drives).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from .articles.discovery import SUFFIXES

log = logging.getLogger(__name__)
QUIET_MS = 400  # a burst ends when the folder has been quiet this long
Changes = set[tuple[str, str]]  # (kind: "added" | "modified" | "deleted", path)


def is_article_change(path: str, root: str) -> bool:
    """Whether a change at ``path`` can change what the corpus holds: an article file, or
    a folder (moved or deleted with its articles); hidden files and folders never."""
    rel = os.path.relpath(path, root)
    if any(part.startswith(".") for part in Path(rel).parts):
        return False
    suffix = os.path.splitext(path)[1].lower()
    return suffix in SUFFIXES or not suffix or os.path.isdir(path)


class FolderWatch:
    """Tell ``on_change`` about each burst of article changes under ``folder``."""

    def __init__(self, folder: Path, on_change: Callable[[Changes], None],
                 quiet_ms: int = QUIET_MS, force_polling: bool | None = None) -> None:
        self.folder = Path(folder)
        self.on_change = on_change
        self.quiet_ms = quiet_ms
        self.force_polling = force_polling
        self.stop_event = threading.Event()
        self.problem: str | None = None  # why watching stopped, if it did

    def stop(self) -> None:
        self.stop_event.set()

    def run(self) -> None:
        """Watch until :meth:`stop` (blocking: run it in a thread). A folder that cannot be
        watched sets ``problem`` and returns; ctrl+r still refreshes."""
        from watchfiles import watch

        root = str(self.folder)
        try:
            for batch in watch(self.folder, watch_filter=lambda _c, p: is_article_change(p, root),
                               debounce=self.quiet_ms, step=50, stop_event=self.stop_event,
                               raise_interrupt=False, force_polling=self.force_polling,
                               ignore_permission_denied=True):
                changes = {(change.name, path) for change, path in batch}
                log.debug("%d change(s) in %s", len(changes), root)
                self.on_change(changes)
        except Exception as exc:  # inotify limits, a folder gone: watching stops, not the app
            log.warning("watching %s stopped", root, exc_info=True)
            self.problem = (f"changes in {root} are no longer noticed by themselves "
                            f"({type(exc).__name__}: {exc}); ctrl+r refreshes")
