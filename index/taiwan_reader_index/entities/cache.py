"""Mentions cached by (content hash, recogniser): an unchanged article is never
re-analysed, and the reader shows entities without loading the model."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from .. import locations
from .mention import Mention

CACHE_VERSION = 1


def cache_path() -> Path:
    return locations.cache_dir() / f"entities-v{CACHE_VERSION}.sqlite"


class MentionCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        locations.ensure_user_dir(self.path.parent)
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self._db.execute("CREATE TABLE IF NOT EXISTS mentions "
                         "(hash TEXT, recognizer TEXT, data TEXT, PRIMARY KEY (hash, recognizer))")
        self._lock = threading.Lock()

    def get(self, content_hash: str, recognizer: str) -> list[Mention] | None:
        with self._lock:
            row = self._db.execute("SELECT data FROM mentions WHERE hash=? AND recognizer=?",
                                   (content_hash, recognizer)).fetchone()
        if row is None:
            return None
        return [Mention(*item) for item in json.loads(row[0])]

    def latest(self, content_hash: str) -> list[Mention] | None:
        """Mentions from any recogniser (the model's first), for display without a model."""
        with self._lock:
            rows = self._db.execute("SELECT recognizer, data FROM mentions WHERE hash=?",
                                    (content_hash,)).fetchall()
        if not rows:
            return None
        rows.sort(key=lambda r: not r[0].startswith("spacy"))
        return [Mention(*item) for item in json.loads(rows[0][1])]

    def put(self, content_hash: str, recognizer: str, mentions: list[Mention]) -> None:
        data = json.dumps([[m.start, m.end, m.label] for m in mentions])
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?)",
                             (content_hash, recognizer, data))
            self._db.commit()

    def put_many(self, rows: list[tuple[str, str, list[Mention]]]) -> None:
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?)",
                [(h, r, json.dumps([[m.start, m.end, m.label] for m in ms])) for h, r, ms in rows])
            self._db.commit()

    def close(self) -> None:
        self._db.close()
