"""The index side must work without the UI: importing it loads no Textual."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def loaded_packages(modules: str, watched: tuple[str, ...]) -> list[str]:
    """Which of the ``watched`` top-level packages importing ``modules`` loads (in a
    fresh interpreter)."""
    code = (f"import json, sys, {modules}\n"
            f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & "
            f"{set(watched)!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_index_side_imports_no_textual():
    assert loaded_packages(
        "taiwan_reader_index.cli, taiwan_reader_index.fulltext.searcher, "
        "taiwan_reader_index.library", ("textual", "taiwan_reader_tui")) == []


def test_the_reader_paints_before_the_search_engine_loads():
    """What the first screen needs loads no search engine, model or numeric library: the
    reader shows its search box first, and they load in a worker thread behind it (an
    import of the words file once pulled Whoosh in ahead of the first paint: 0.1 s)."""
    assert loaded_packages(
        "taiwan_reader_tui.app, taiwan_reader_tui.__main__",
        ("whoosh", "spacy", "numpy", "scipy", "rapidfuzz", "trafilatura")) == []


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter not installed")
def test_import_contracts_hold():
    result = subprocess.run(["lint-imports"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_checking_the_users_files_at_start_loads_no_entity_layer(tmp_path):
    """The reader checks the config and alias files before its first screen; with no
    alias file that needs none of the entity layer (its import cost 35 ms of start-up)."""
    code = ("import json, sys\n"
            "from taiwan_reader_index.library import Library\n"
            "from taiwan_reader_index.locations import seeds_dir\n"
            "assert Library.open(seeds_dir()).problems == ()\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith("
            "'taiwan_reader_index.entities'))))")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_reading_a_page_loads_no_word_frequency_tables(tmp_path):
    """Telling an article's body from its page furniture needs a few hundred common words;
    taking them from wordfreq loaded its tables for ten languages, 230 MB that stayed in
    the reader's memory from the first article it opened."""
    page = tmp_path / "page.txt"
    body = "\n\n".join(f"Paragraph {n}: the council voted on Tuesday to close the old bridge, "
                       "which engineers said was no longer safe for lorries." for n in range(6))
    page.write_text(f"Menu Home News Sport\n\nSign in\n\n{body}\n\nShare this article\n\n"
                    "Related: Bridge closures\n", encoding="utf-8")
    code = ("import json, sys\n"
            "from pathlib import Path\n"
            "from taiwan_reader_index.articles.loader import load_article\n"
            f"article = load_article(Path({str(page)!r}))\n"
            "print(json.dumps(['wordfreq' in sys.modules, article.title]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded, _ = json.loads(result.stdout)
    assert loaded is False
