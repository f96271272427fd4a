"""Mentions cached by (content hash, recogniser): an unchanged article is never
re-analysed, and the reader shows entities without loading the model."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from .. import locations
from .mention import Mention

CACHE_VERSION = 1
log = logging.getLogger(__name__)


def _mentions(data: str) -> list[Mention] | None:
    try:
        return [Mention(*item) for item in json.loads(data)]
    except (TypeError, ValueError):  # a garbled row: analyse the article again
        return None


def cache_path() -> Path:
    return locations.cache_dir() / f"entities-v{CACHE_VERSION}.sqlite"


_TABLE = ("CREATE TABLE IF NOT EXISTS mentions "
          "(hash TEXT, recognizer TEXT, data TEXT, PRIMARY KEY (hash, recognizer))")


class MentionCache:
    """The cache never stops the reader: a damaged file is moved aside (named in
    ``problem``) and started afresh; one that cannot be written (a read-only
    folder) is read if it can be, else kept in memory for this run."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            locations.ensure_user_dir(self.path.parent)
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            db.execute(_TABLE)
            db.execute("SELECT count(*) FROM mentions").fetchone()
            return db
        except sqlite3.DatabaseError as exc:
            if "readonly" in str(exc) or "unable to open" in str(exc):
                return self._read_only(exc)
            return self._set_aside(exc)
        except OSError as exc:  # the folder cannot be made or reached
            return self._read_only(exc)

    def _set_aside(self, exc: Exception) -> sqlite3.Connection:
        aside = self.path.with_name(f"{self.path.stem}.damaged-{int(time.time())}{self.path.suffix}")
        try:
            os.replace(self.path, aside)
        except OSError as move:
            log.warning("entity cache %s is damaged and cannot be moved aside", self.path, exc_info=move)
            return self._memory(f"entity cache {self.path} is damaged ({exc}) and could not be moved "
                                "aside; entities are kept in memory for this run")
        log.warning("entity cache %s was damaged (%s): moved aside to %s", self.path, exc, aside)
        self.problem = (f"entity cache {self.path} was damaged ({exc}): moved aside to {aside.name}; "
                        "entities are found again")
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        db.execute(_TABLE)
        return db

    def _read_only(self, exc: Exception) -> sqlite3.Connection:
        log.warning("entity cache %s cannot be written (%s)", self.path, exc)
        try:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT count(*) FROM mentions").fetchone()
        except sqlite3.DatabaseError:
            return self._memory(f"entity cache {self.path} cannot be written ({exc}); entities "
                                "are kept in memory for this run")
        self.problem = (f"entity cache {self.path} is read-only ({exc}): cached entities are used, "
                        "new ones are not kept")
        return db

    def _memory(self, problem: str) -> sqlite3.Connection:
        self.problem = problem
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(_TABLE)
        return db

    def _rows(self, sql: str, args: tuple) -> list:
        with self._lock:
            try:
                return self._db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError:  # damaged while open: behave as a miss
                log.warning("entity cache %s could not be read", self.path, exc_info=True)
                return []

    def get(self, content_hash: str, recognizer: str) -> list[Mention] | None:
        rows = self._rows("SELECT data FROM mentions WHERE hash=? AND recognizer=?",
                          (content_hash, recognizer))
        return _mentions(rows[0][0]) if rows else None

    def latest(self, content_hash: str, recognizer: str | None = None) -> list[Mention] | None:
        """Mentions for display without a model: ``recognizer``'s (the one in use), else
        the model's last written (an index run after an upgrade writes the new version's
        beside the old), else the rules'."""
        rows = self._rows("SELECT recognizer, data FROM mentions WHERE hash=? ORDER BY rowid DESC",
                          (content_hash,))  # (a row written again gets a new rowid)
        if not rows:
            return None
        rows.sort(key=lambda r: (r[0] != recognizer, not r[0].startswith("spacy")))
        return _mentions(rows[0][1])

    def put(self, content_hash: str, recognizer: str, mentions: list[Mention]) -> None:
        self.put_many([(content_hash, recognizer, mentions)])

    def put_many(self, rows: list[tuple[str, str, list[Mention]]]) -> None:
        """Store each article's mentions; another version's for the same text go (each
        upgrade re-analyses every article: kept, they grew the file by a corpus's worth
        of rows each time)."""
        with self._lock:
            try:
                self._db.executemany("DELETE FROM mentions WHERE hash=? AND recognizer<>?",
                                     [(h, r) for h, r, _ in rows])
                self._db.executemany(
                    "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?)",
                    [(h, r, json.dumps([[m.start, m.end, m.label] for m in ms])) for h, r, ms in rows])
                self._db.commit()
            except sqlite3.DatabaseError:  # read-only or damaged: the run goes on uncached
                log.warning("entity cache %s could not be written", self.path, exc_info=True)

    def close(self) -> None:
        self._db.close()
