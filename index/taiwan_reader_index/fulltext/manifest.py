"""What the index holds per file (stat, hash, id), so unchanged files cost a stat.

The manifest sits beside the index folder and records the index generation it
describes. If a run died between committing the index and writing the
manifest, the generations differ and the manifest is rebuilt from the index's
stored fields, so the two never silently disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..locations import write_atomic

Entry = dict[str, Any]


class Manifest(dict[str, Entry]):
    """Entries by relative path, and the entity links (aliases) the index was built with."""

    linking: str | None = None


def manifest_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".manifest.json")


def load_manifest(index_path: Path, ix) -> Manifest:
    """The manifest saved with the index's latest commit; rebuilt from the index when it
    is missing or older (a run killed between a commit and the manifest's save).

    A rebuilt manifest keeps the linking of the older one: a run that changed the
    links records that only when it completes, so an older record still says
    whether every article carries the current links.
    """
    path = manifest_path(index_path)
    linking = None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        linking = data.get("linking")
        if data.get("generation") == ix.latest_generation():
            manifest = Manifest(data["files"])
            manifest.linking = linking
            return manifest
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    manifest = _from_index(ix)
    manifest.linking = linking if isinstance(linking, str) else None
    return manifest


def _from_index(ix) -> Manifest:
    files = Manifest()
    with ix.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            files[fields["rel"]] = {
                "id": fields["id"],
                "hash": fields.get("content_hash", ""),
                "mtime_ns": fields.get("mtime_ns", 0),
                "size": fields.get("size", -1),
                "title": fields.get("title", ""),
                "outlet": fields.get("outlet", ""),
            }
    return files


def titles(files: Manifest) -> list[tuple[str, str, str]] | None:
    """(id, title, outlet) of every indexed article, by title; None for a manifest
    written before titles were kept in it."""
    found = []
    for entry in files.values():
        if "problem" in entry:
            continue
        if "title" not in entry:
            return None
        found.append((entry["id"], entry["title"], entry["outlet"]))
    return sorted(found, key=lambda row: (row[1].casefold(), row[0]))


def save_manifest(index_path: Path, ix, files: Manifest) -> None:
    payload = {"generation": ix.latest_generation(), "linking": files.linking, "files": files}
    text = json.dumps(payload, ensure_ascii=True)  # the C encoder: 10x json.dump to a file
    write_atomic(manifest_path(index_path), text)
