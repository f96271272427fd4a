"""A comparison as Markdown: summary, aligned pairs in a two-column table, the rest."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .evidence import KIND_LABELS, explain
from .report import Comparison


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(comparison: Comparison) -> str:
    a, b, alignment, ents = (comparison.a, comparison.b, comparison.alignment,
                             comparison.entities)
    counts = alignment.counts()
    lines = [
        f"# Comparison: {a.title} / {b.title}", "",
        f"- **A**: {a.title} ({a.outlet or 'unknown outlet'}, {a.date_text or 'undated'}) `{a.path}`",
        f"- **B**: {b.title} ({b.outlet or 'unknown outlet'}, {b.date_text or 'undated'}) `{b.path}`",
        f"- {counts['quote']} {KIND_LABELS['quote']}, {counts['same']} {KIND_LABELS['same']}, "
        f"{counts['similar']} {KIND_LABELS['similar']}; {len(alignment.only_a)} passages only "
        f"in A, {len(alignment.only_b)} only in B ({len(alignment.possible)} with a possible "
        "match)",
        f"- Entities in both: {', '.join(ents.shared) or '-'}",
        f"- Only in A: {', '.join(ents.only_a) or '-'}",
        f"- Only in B: {', '.join(ents.only_b) or '-'}", "",
        "## Aligned passages", "", "| why | A | B |", "|---|---|---|",
    ]
    lines += [f"| {_cell(explain(p.kind, p.a.text, p.b.text, p.weight))} | {_cell(p.a.text)} | "
              f"{_cell(p.b.text)} |" for p in alignment.pairs]
    if alignment.possible:
        lines += ["", "## Possible matches (not judged the same fact: check them)", "",
                  "| why | A | B |", "|---|---|---|"]
        lines += [f"| {_cell(explain(p.kind, p.a.text, p.b.text))} ({p.score:.0%}) | "
                  f"{_cell(p.a.text)} | {_cell(p.b.text)} |" for p in alignment.possible]
    lines += ["", "## Only in A", ""] + [f"- {s.text}" for s in alignment.only_a]
    lines += ["", "## Only in B", ""] + [f"- {s.text}" for s in alignment.only_b]
    return "\n".join(lines) + "\n"


def _slug(text: str, most: int = 40) -> str:
    """A file-name-safe piece of ``text``: letters, digits and dashes only."""
    slug = re.sub(r"[^\w]+", "-", text, flags=re.ASCII).strip("-")
    if len(slug) > most:  # cut between words
        slug = slug[:most + 1].rsplit("-", 1)[0] if "-" in slug[:most + 1] else slug[:most]
    return slug or "article"


def export_markdown(comparison: Comparison, folder: Path) -> Path:
    """Write the comparison into ``folder`` under a new name made from the two titles
    (never over an existing file, never through a symbolic link) and return the path;
    raises OSError with the reason."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"compare-{_slug(comparison.a.title)}-vs-{_slug(comparison.b.title)}".lower()
    text = to_markdown(comparison).encode("utf-8")
    for number in range(1, 1000):
        path = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
        try:  # O_EXCL: fails on an existing file, and on a link, whatever it points to
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                         0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out:
            out.write(text)
        return path
    raise FileExistsError(f"{folder} already holds 999 exports of this comparison")
