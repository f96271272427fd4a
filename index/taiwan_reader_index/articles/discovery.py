"""Find the article files of a corpus folder and give each a stable id."""

from __future__ import annotations

import os
from collections import Counter
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from ..terminal_safe import escaped
from .article import LoadProblem

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}


class CorpusFile(NamedTuple):
    """One article file (a tuple: a corpus has tens of thousands, made on every run)."""

    fs_path: str  # the file's path as a string (what a stat needs: no Path object made)
    rel: str  # posix path relative to the corpus root: the manifest key
    id: str

    @property
    def path(self) -> Path:
        return Path(self.fs_path)


def display_name(path: Path | str) -> str:
    """A path safe to print: control characters and undecodable bytes escaped."""
    return escaped(os.fsdecode(path))


def discover(root: Path, follow_links: bool = False,
             ) -> tuple[list[CorpusFile], list[LoadProblem]]:
    """Article files under ``root`` (recursive, hidden folders skipped), sorted by path.

    The id is the file stem; when two files share a stem, both use their
    relative path without the suffix instead, so ids stay unique.

    A symbolic link is followed when it leads to somewhere inside ``root``
    (to a file; links to folders inside are not followed, so nothing is read
    twice). A link leading out of the folder (to ``/etc/passwd``, say) is
    reported and not followed, unless ``follow_links`` (``--follow-links``,
    as ripgrep): then links to files and folders anywhere are followed, each
    folder once (no loops).
    """
    problems: list[LoadProblem] = []
    found: list[str] = []  # relative paths with "/" separators
    real_root = os.path.realpath(root)
    seen_folders = {real_root}
    pending = [""]
    while pending:
        prefix = pending.pop()
        folder = os.path.join(root, prefix) if prefix else str(root)
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            problems.append(LoadProblem(Path(folder), f"cannot list folder ({exc.strerror})"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = f"{prefix}/{name}" if prefix else name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=is_link and follow_links)
            except OSError:
                is_link, is_dir = False, False
            if is_link and not follow_links:
                target = os.path.realpath(entry.path)
                if os.path.commonpath([real_root, target]) != real_root:
                    if os.path.splitext(name)[1].lower() in SUFFIXES or os.path.isdir(target):
                        problems.append(LoadProblem(Path(entry.path), (
                            f"a link to {display_name(target)}, outside the corpus folder: not "
                            "followed (taiwan-reader --follow-links follows such links)")))
                    continue
            if is_dir:
                real = os.path.realpath(entry.path)
                if real not in seen_folders:  # a link loop, or a folder reached twice
                    seen_folders.add(real)
                    pending.append(rel)
            else:
                dot = name.rfind(".")  # as os.path.splitext, for a name that is not hidden
                if dot > 0 and name[dot:].lower() in SUFFIXES:
                    found.append(rel)
    found.sort()  # (strings sort faster than tuples)
    stems = [rel[rel.rfind("/") + 1:rel.rfind(".")] for rel in found]
    counts = Counter(stems)
    top = str(root)
    top = top if top.endswith(os.sep) else top + os.sep
    ids = [stem if counts[stem] == 1 else rel[:rel.rfind(".")] for rel, stem in zip(found, stems)]
    every = "".join(ids)
    if not (every.isascii() and every.isprintable()):  # (nearly every corpus is)
        ids = list(map(_shown, ids))
    # tuple.__new__ directly: a NamedTuple's own __new__ is a Python function (0.1 s at 40k)
    rows = zip([top + rel for rel in found], found, ids)
    files: list[CorpusFile] = list(map(tuple.__new__, repeat(CorpusFile), rows))
    return files, problems


def _shown(name: str) -> str:
    """display_name, at once for a plain printable name (nearly every file)."""
    return name if name.isascii() and name.isprintable() else display_name(name)

