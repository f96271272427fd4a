"""The reader's first screen (no query, no filter: the newest articles and the counts
over the corpus), kept beside the index for the next start.

On a large corpus, opening the index takes longer than painting the reader:
Whoosh's modules load and every segment is opened before the first search can
run. The first screen answers one question whose answer only changes when the
index does, so each searcher that computes it saves it here, stamped with the
index's folder and generation, and the reader shows it as soon as its search
box is up. The index's own answer replaces it once the index is open. A file
of another generation (the index has changed since), of another index, or
damaged, is never shown.

Nothing here loads Whoosh: the generation is read from the names of the
index's table-of-contents files, as Whoosh itself reads it.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from pathlib import Path

from ..locations import write_atomic
from .hits import Hit, SearchResult
from .vocabulary import index_stamp

log = logging.getLogger(__name__)
VERSION = 1
HITS = 50  # articles kept: the reader's first page
COUNTING = "counts-2"  # facets: a name once whatever its case
_TOC = re.compile(r"^_MAIN_(\d+)\.toc$")  # whoosh.index.TOC's file name, generation inside


def first_screen_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".first.json")


def latest_generation(index_path: Path) -> int | None:
    """The index's newest generation, from its file names (Whoosh's rule); None if none."""
    try:
        names = [m.group(1) for entry in index_path.iterdir() if (m := _TOC.match(entry.name))]
    except OSError:
        return None
    return max(map(int, names)) if names else None


def screen_stamp(index_path: Path, generation: int) -> str:
    """Which index, and which way of counting, a saved first screen or saved corpus
    counts describe (``COUNTING`` changes when facets are counted another way)."""
    return f"{index_stamp(index_path, generation)}:{COUNTING}"


def current_stamp(index_path: Path) -> str | None:
    generation = latest_generation(index_path)
    if generation is None:
        return None
    try:
        return screen_stamp(index_path, generation)
    except OSError:
        return None


def save(index_path: Path, stamp: str, result: SearchResult) -> None:
    """Keep ``result`` (the first screen of the index at ``stamp``) for the next start;
    a cache that cannot be written is only logged (the next start opens the index).
    The same file is not written again: every start of the reader computes the first
    screen, and it stays the same until the index changes."""
    data = {
        "version": VERSION, "stamp": stamp, "total": result.total,
        "hits": [[h.id, h.title, h.outlet, h.author, h.date.isoformat() if h.date else None,
                  h.path, [[text, hit] for text, hit in h.snippet]] for h in result.hits],
        "facets": {name: [list(pair) for pair in pairs] for name, pairs in result.facets.items()},
    }
    path, text = first_screen_path(index_path), json.dumps(data, ensure_ascii=False)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass  # none yet, or unreadable: written anew
    try:
        write_atomic(path, text)
    except OSError as exc:
        log.info("could not keep the first screen beside %s: %s", index_path, exc)


def load(index_path: Path) -> SearchResult | None:
    """The first screen saved for the index as it now is, or None (none saved, the index
    has changed since, or the file is another version or damaged)."""
    path = first_screen_path(index_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["version"] != VERSION or data["stamp"] != current_stamp(index_path):
            return None
        hits = tuple(
            Hit(str(id_), str(title), str(outlet), str(author),
                datetime.fromisoformat(date) if date else None, str(where), 0.0,
                tuple((str(text), bool(hit)) for text, hit in snippet))
            for id_, title, outlet, author, date, where, snippet in data["hits"])
        facets = {str(name): tuple((str(value), int(n)) for value, n in pairs)
                  for name, pairs in data["facets"].items()}
        return SearchResult("", int(data["total"]), hits, None, facets)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:  # damaged: the index answers
        log.info("the saved first screen %s is not usable: %s", path, exc)
        return None
