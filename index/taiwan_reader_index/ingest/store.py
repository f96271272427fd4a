"""Where added articles go: Markdown files with YAML front matter in the corpus, and
the record that keeps any article from being added twice.

The record (``.taiwan-reader/added.json`` in the corpus; hidden folders are
not indexed) maps every address an article was reached by, and the key of its
text, to its file. It is a cache of what the files say: when it is missing or
damaged it is rebuilt from the front matter of the corpus's Markdown files.
Every file is written to a temporary name and renamed, so no half-written
article can ever be indexed; a run holds a lock on the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import yaml

from ..articles.discovery import discover
from ..articles.front_matter import parse_front_matter
from ..errors import CorpusError
from ..locations import try_lock, write_atomic
from .extract import Extracted
from .urls import canonical_url

log = logging.getLogger(__name__)
STATE_DIR = ".taiwan-reader"
RECORD = "added.json"
SAVE_EVERY = 25
Status = Literal["new", "updated", "had"]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class IngestBusy(CorpusError):
    """Another add or fetch is writing to the same corpus."""


@dataclass(frozen=True)
class Saved:
    status: Status
    path: Path
    note: str = ""  # why an article was not added again ("same text as …")


def text_key(text: str) -> str:
    """The same article text gives the same key, whatever its spacing, case or quotes."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return hashlib.blake2b(" ".join(words).encode(), digest_size=16).hexdigest()


def slug(text: str, limit: int) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out


def file_name(article: Extracted) -> str:
    """``2024-05-01-reuters-us-approves-arms-sale-to-taiwan.md``: date, outlet, title,
    ASCII letters, digits and dashes only (a title in another script: its hash)."""
    day = article.date.strftime("%Y-%m-%d") if article.date else "undated"
    title = slug(article.title, 60) or hashlib.blake2b(
        (article.url or article.title or article.text).encode(), digest_size=5).hexdigest()
    parts = [day, slug(article.outlet, 24), title]
    return "-".join(p for p in parts if p) + ".md"


def markdown(article: Extracted, fetched: datetime) -> str:
    meta: dict[str, object] = {"title": _clean(article.title) or "(untitled)"}
    if article.outlet:
        meta["outlet"] = _clean(article.outlet)
    if article.author:
        meta["author"] = _clean(article.author)
    if article.date:
        meta["date"] = article.date.date()
    if article.url:
        meta["url"] = article.url
    meta["fetched"] = utc_stamp(fetched)
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000)
    body = "\n\n".join(_clean(p) for p in article.paragraphs)
    return f"---\n{head}---\n\n{body}\n"


def utc_stamp(when: datetime) -> str:
    """``2026-11-25T22:55:28Z``: when an article was fetched or a feed read."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text).strip()


class CorpusStore:
    """Adds extracted articles to one corpus folder; safe to share between threads."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.state = corpus / STATE_DIR
        self.notices: list[str] = []
        self._lock = threading.Lock()
        self._files: dict[str, dict[str, object]] = {}
        self._by_url: dict[str, str] = {}
        self._by_key: dict[str, str] = {}
        self._unsaved = 0  # changes to the record not yet written

    @contextlib.contextmanager
    def open(self) -> Iterator[CorpusStore]:
        """Hold the corpus for one run (a second run is told another is writing)."""
        self.state.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.state / "lock", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            if not try_lock(fd):
                raise IngestBusy(f"another add or fetch is writing to {self.corpus}; try again "
                                 "when it has finished")
            _clear_leftovers(self.corpus, self.state)
            self._load()
            try:
                yield self
            finally:  # interrupted or not: the record matches the files written
                if self._unsaved:
                    self._save_record()
        finally:
            os.close(fd)

    # -- the record ---------------------------------------------------------------------

    def _load(self) -> None:
        path = self.state / RECORD
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files = data["files"]
            if not isinstance(files, dict) or not all(
                    isinstance(v, dict) and isinstance(v.get("key"), str)
                    and isinstance(v.get("urls"), list) for v in files.values()):
                raise ValueError("entries of the wrong shape")
        except FileNotFoundError:
            files = self._from_front_matter()
            self._unsaved += bool(files)
            if files:
                self.notices.append(f"no record of added articles in {self.state}; rebuilt it "
                                    f"from the front matter of {len(files)} file(s)")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            files = self._from_front_matter()
            self._unsaved += 1
            self.notices.append(f"the record of added articles {path} was damaged ({exc}); "
                                f"rebuilt it from the front matter of {len(files)} file(s)")
            log.warning("rebuilt %s: %s", path, exc)
        for name, entry in files.items():
            if (self.corpus / name).is_file():  # a file the user deleted can be added again
                self._remember(name, entry)
            else:
                self._unsaved += 1

    def _from_front_matter(self) -> dict[str, dict[str, object]]:
        """Every Markdown file with a ``url`` in its front matter, keyed by its text."""
        found: dict[str, dict[str, object]] = {}
        for entry in discover(self.corpus)[0]:
            path = entry.path
            if path.suffix.lower() not in (".md", ".markdown"):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            front = parse_front_matter(text)
            url = front.fields.get("url")
            if isinstance(url, str) and url:
                found[entry.rel] = {"urls": [canonical_url(url)],
                               "key": text_key(text[front.body_offset:])}
        return found

    def _remember(self, name: str, entry: dict[str, object]) -> None:
        self._files[name] = entry
        for url in entry["urls"]:  # type: ignore[attr-defined]
            self._by_url[str(url)] = name
        self._by_key[str(entry["key"])] = name

    def _save_record(self) -> None:
        data = {"version": 1, "files": self._files}
        write_atomic(self.state / RECORD, json.dumps(data, indent=1, ensure_ascii=False))
        self._unsaved = 0

    def _changed(self) -> None:
        """Note a change to the record; it is written every SAVE_EVERY changes and at the
        end of the run (it is a cache of the files' front matter: nothing is lost if not)."""
        self._unsaved += 1
        if self._unsaved >= SAVE_EVERY:
            self._save_record()

    # -- adding --------------------------------------------------------------------------

    def known(self, url: str) -> Path | None:
        """The file of the article reached by ``url`` before, if it is still there."""
        with self._lock:
            name = self._by_url.get(canonical_url(url))
        return self.corpus / name if name else None

    def save(self, article: Extracted, also: Iterable[str] = (),
             fetched: datetime | None = None) -> Saved:
        """Write ``article`` as a new file, update the file it was saved to before (its
        text changed), or leave everything as it is (the same text is there)."""
        urls = sorted({canonical_url(u) for u in (article.url, *also) if u})
        key = text_key(article.text)
        fetched = fetched or datetime.now(UTC)
        with self._lock:
            same_text = self._by_key.get(key)
            if same_text is not None:
                self._add_urls(same_text, urls)
                return Saved("had", self.corpus / same_text,
                             f"same text as {same_text}")
            earlier = next((self._by_url[u] for u in urls if u in self._by_url), None)
            if earlier is not None:  # the same address, a changed text: update its file
                write_atomic(self.corpus / earlier, markdown(article, fetched), mode=0o644)
                old = str(self._files[earlier]["key"])
                self._by_key.pop(old, None)
                self._files[earlier]["key"] = key
                self._by_key[key] = earlier
                self._changed()
                self._add_urls(earlier, urls)
                return Saved("updated", self.corpus / earlier)
            name = self._free_name(file_name(article))
            write_atomic(self.corpus / name, markdown(article, fetched), mode=0o644)
            self._remember(name, {"urls": urls, "key": key})
            self._changed()
            return Saved("new", self.corpus / name)

    def _add_urls(self, name: str, urls: list[str]) -> None:
        entry_urls: list[str] = self._files[name]["urls"]  # type: ignore[assignment]
        fresh = [u for u in urls if u not in entry_urls]
        if fresh:
            entry_urls.extend(fresh)
            for url in fresh:
                self._by_url[url] = name
            self._changed()

    def _free_name(self, name: str) -> str:
        stem, n = name[:-3], 1
        while (self.corpus / name).exists():
            n += 1
            name = f"{stem}-{n}.md"
        return name


_LEFTOVER = re.compile(r"\.(\d+)\.tmp$")


def _clear_leftovers(*folders: Path) -> None:
    """Half-written files of a run that was killed (``name.md.<pid>.tmp``): removed when
    that process is gone (they were never indexed; the article comes again)."""
    for folder in folders:
        for path in folder.glob("*.tmp"):
            match = _LEFTOVER.search(path.name)
            if match is None or _alive(int(match.group(1))):
                continue
            path.unlink(missing_ok=True)
            log.info("removed %s, left by a run that was stopped", path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
