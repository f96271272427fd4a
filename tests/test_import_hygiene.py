"""The index side must work without the UI: importing it loads no Textual."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_index_side_imports_no_textual():
    code = (
        "import sys, taiwan_reader_index.cli, taiwan_reader_index.fulltext.searcher, "
        "taiwan_reader_index.library\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'taiwan_reader_tui')]\n"
        "print(bad)\nsys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_reader_paints_before_the_search_engine_loads():
    """What the first screen needs loads no search engine, model or numeric library: the
    reader shows its search box first, and they load in a worker thread behind it (an
    import of the words file once pulled Whoosh in ahead of the first paint: 0.1 s)."""
    code = (
        "import sys, taiwan_reader_tui.app, taiwan_reader_tui.__main__\n"
        "heavy = ('whoosh', 'spacy', 'numpy', 'scipy', 'rapidfuzz', 'trafilatura')\n"
        "bad = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy})\n"
        "print(bad)\nsys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter not installed")
def test_import_contracts_hold():
    result = subprocess.run(["lint-imports"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
