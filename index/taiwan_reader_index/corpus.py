"""Find the article files of a corpus folder and give each a stable id."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .model import LoadProblem

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    rel: str  # posix path relative to the corpus root: the manifest key
    id: str


def display_name(path: Path | str) -> str:
    """A path safe to print: control characters and undecodable bytes escaped."""
    out = []
    for char in os.fsdecode(path):
        code = ord(char)
        if code < 32 or code == 127:
            out.append(f"\\x{code:02x}")
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        else:
            out.append(char)
    return "".join(out)


def discover(root: Path) -> tuple[list[CorpusFile], list[LoadProblem]]:
    """Article files under ``root`` (recursive, hidden folders skipped), sorted by path.

    The id is the file stem; when two files share a stem, both use their
    relative path without the suffix instead, so ids stay unique.
    """
    problems: list[LoadProblem] = []

    def on_error(error: OSError) -> None:
        problems.append(LoadProblem(Path(error.filename or root), f"cannot list folder ({error.strerror})"))

    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            path = Path(folder) / name
            found.append((path.relative_to(root).as_posix(), path))
    found.sort()
    stems = Counter(Path(rel).stem for rel, _ in found)
    files = [
        CorpusFile(path, rel, display_name(stem if stems[stem] == 1 else rel.rsplit(".", 1)[0]))
        for rel, path in found
        for stem in [Path(rel).stem]
    ]
    return files, problems
