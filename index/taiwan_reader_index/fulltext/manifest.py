"""What the index holds per file (stat, hash, id), so unchanged files cost a stat.

The manifest sits beside the index folder and records the index generation it
describes. If a run died between committing the index and writing the
manifest, the generations differ and the manifest is rebuilt from the index's
stored fields, so the two never silently disagree.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import orjson

from ..locations import write_atomic

Entry = dict[str, Any]


class Manifest(dict[str, Entry]):
    """Entries by relative path, and the entity links (aliases) the index was built with."""

    linking: str | None = None
    problem: str | None = None  # why the saved manifest was not used (it was damaged)
    rebuilt: bool = False  # made from the index's stored fields, not read from its file
    sums: dict[str, list] | None = None  # index file name -> [size, mtime_ns, digest]


# What each entry holds: a field and the types its value may have. An entry either
# describes an indexed article or a file set aside (with "problem" and no "hash").
# (Exact types: what JSON gives back; a bool is not an int here.)
_ENTRY_TYPES: dict[str, type] = {
    "id": str, "hash": str, "mtime_ns": int, "size": int, "title": str, "outlet": str,
    "problem": str, "max_bytes": int}


def _entry_fault(rel: object, entry: object) -> str | None:
    if type(rel) is not str or type(entry) is not dict:
        return f"entry {rel!r} is not a path and a record"
    for name, value in entry.items():
        wanted = _ENTRY_TYPES.get(name)
        if wanted is not None and type(value) is not wanted:
            return f"entry {rel!r}: {name} is {type(value).__name__}, not {wanted.__name__}"
    if "id" not in entry or not ("hash" in entry or "problem" in entry):
        return f"entry {rel!r} lacks its id, or its hash"
    return None


def _files_fault(files: object) -> str | None:
    """What is wrong with a saved manifest's files, or None when it is sound."""
    if not isinstance(files, dict):
        return "its files are not a table"
    sound: set[tuple[tuple, tuple]] = set()  # entries of one shape (fields, types) pass alike
    for rel, entry in files.items():
        if type(entry) is dict and type(rel) is str:
            shape = (tuple(entry), tuple(map(type, entry.values())))
            if shape in sound:
                continue
        if (fault := _entry_fault(rel, entry)) is not None:
            return fault
        sound.add(shape)
    return None


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
    linking, problem = None, None
    try:
        raw = path.read_bytes()
        data = _loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        linking = data.get("linking")
        if data.get("generation") == ix.latest_generation():
            fault = None if _as_written(raw) else _files_fault(data.get("files"))
            if fault is None:
                manifest = Manifest(data["files"])
                manifest.linking = linking if isinstance(linking, str) else None
                sums = data.get("sums")
                manifest.sums = sums if isinstance(sums, dict) else None
                return manifest
            problem = f"the record of indexed files {path} was damaged ({fault}); " \
                      "rebuilt it from the index"
    except FileNotFoundError:
        pass
    except (OSError, ValueError, RecursionError) as exc:
        problem = (f"the record of indexed files {path} could not be read ({exc}); rebuilt it "
                   "from the index")
    manifest = _from_index(ix)
    manifest.linking = linking if isinstance(linking, str) else None
    manifest.problem = problem
    manifest.rebuilt = True
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


def _index_files(index_path: Path) -> list[os.DirEntry]:
    """The files Whoosh wrote and will not change again (its lock file aside)."""
    return [e for e in os.scandir(index_path) if e.is_file() and not e.name.endswith("LOCK")]


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "blake2b").hexdigest()[:32]


def segment_sums(index_path: Path, known: dict[str, list] | None = None) -> dict[str, list]:
    """[size, mtime_ns, digest] of every index file; a file already summed with the same
    size and time keeps its sum (Whoosh never rewrites a file, so each is read once)."""
    known = known or {}
    sums = {}
    for entry in _index_files(index_path):
        st = entry.stat()
        old = known.get(entry.name)
        if isinstance(old, list) and old[:2] == [st.st_size, st.st_mtime_ns]:
            sums[entry.name] = old
        else:
            sums[entry.name] = [st.st_size, st.st_mtime_ns, _digest(entry.path)]
    return sums


def damaged_files(index_path: Path) -> list[str]:
    """The index files whose bytes are no longer those written (a disk fault, a stray
    write); [] when all match, or when no sums were kept."""
    try:
        data = _loads(manifest_path(index_path).read_bytes())
        sums = data.get("sums") if isinstance(data, dict) else None
    except (OSError, ValueError):
        return []
    if not isinstance(sums, dict):
        return []
    damaged = []
    for name, summed in sorted(sums.items()):
        path = index_path / name
        try:
            size, _, digest = summed
            if not path.exists():
                continue  # merged away since: not part of the index now
            if path.stat().st_size != size or _digest(str(path)) != digest:
                damaged.append(name)
        except (OSError, TypeError, ValueError):
            damaged.append(name)
    return damaged


def save_manifest(index_path: Path, ix, files: Manifest) -> None:
    files.sums = segment_sums(index_path, files.sums)
    payload = {"generation": ix.latest_generation(), "linking": files.linking, "files": files,
               "sums": files.sums}
    try:
        body = orjson.dumps(payload)
    except orjson.JSONEncodeError:  # a file name that is not UTF-8 (kept as surrogates)
        body = json.dumps(payload, ensure_ascii=True).encode("ascii")
    rest = body[1:]
    write_atomic(manifest_path(index_path), _DIGEST_OPEN + _digest_of(rest) + b'",' + rest)


def _loads(raw: bytes) -> Any:
    try:
        return orjson.loads(raw)  # 2x json.loads on 40,000 entries
    except orjson.JSONDecodeError:  # a file name with surrogates, or damage: say which
        return json.loads(raw.decode("utf-8"))


# The manifest opens with a digest of the rest of its bytes: a record that is exactly as
# this program wrote it needs no check entry by entry (40,000 entries: 0.14 s).
_DIGEST_OPEN = b'{"digest":"'
_DIGEST_SIZE = 32


def _digest_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST_SIZE // 2).hexdigest().encode("ascii")


def _as_written(raw: bytes) -> bool:
    """Whether the manifest is byte for byte what save_manifest wrote."""
    if not raw.startswith(_DIGEST_OPEN):
        return False
    start = len(_DIGEST_OPEN) + _DIGEST_SIZE
    return raw[start:start + 2] == b'",' and _digest_of(raw[start + 2:]) == \
        raw[len(_DIGEST_OPEN):start]
