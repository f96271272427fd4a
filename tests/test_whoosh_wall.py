"""The wall around Whoosh's private API: each patch fixes the bug it names, and a
Whoosh that is not the one the private code was written for (or a fast path that
breaks) gives the same answers through the public API, with one notice, never an
error that blames the user's query."""

from __future__ import annotations

import os
import subprocess
import sys

from whoosh import index as whoosh_index

from taiwan_reader_index import Library
from taiwan_reader_index.cli import main
from taiwan_reader_index.fulltext import _whoosh
from taiwan_reader_index.fulltext._whoosh.conjunction import ConjunctionSearcher

QUERIES = ['"National Guard"', "Taiwan strait", '"strategic ambiguity" Biden']


def ranked(library: Library, query: str) -> list[tuple[str, float]]:
    return [(h.id, round(h.score, 6)) for h in library.search(query, limit=None).hits]



def test_the_installed_whoosh_is_the_one_the_private_code_was_written_for():
    assert _whoosh.AVAILABLE and _whoosh.PROBLEM is None and _whoosh.NOTICE is None


def test_a_missing_column_is_looked_up_once_not_on_every_length(seeds, monkeypatch):
    """Patch 1: Whoosh cached found column readers but not a missing one, so each length
    of a field without lengths (an ID field) stat()ed the segment again."""
    library = Library.open(seeds)
    library.update()
    calls = []
    real_exists = os.path.exists
    monkeypatch.setattr(os.path, "exists", lambda p: calls.append(p) or real_exists(p))
    with whoosh_index.open_dir(str(library.index_path)).reader() as reader:
        reader.doc_field_length(0, "id")
        calls.clear()  # the reader is open; now count the stats of 500 more lookups
        for docnum in range(reader.doc_count_all()):
            for _ in range(100):
                reader.doc_field_length(docnum, "id")
    assert calls == []


def test_a_broken_fast_path_falls_back_to_whoosh_with_the_same_answers(seeds, monkeypatch,
                                                                        capsys, tmp_path):
    library = Library.open(seeds)
    library.update()
    expected = {q: ranked(library, q) for q in QUERIES}

    def broken(self, *args, **kwargs):  # as if Whoosh's internals had changed under us
        raise AttributeError("'W3LeafMatcher' object has no attribute '_read_ids'")

    monkeypatch.setattr(ConjunctionSearcher, "search", broken)
    with library.searcher() as engine:
        assert engine.notice is None
        for query in QUERIES:
            hits = engine.search(query, limit=None).hits  # a phrase may score differently
            assert sorted(h.id for h in hits) == sorted(i for i, _ in expected[query])
        assert "public API" in (engine.notice or "")
    # the command line: answers, says so once, and logs the internal failure
    assert main(["search", '"National Guard"', "--corpus", str(seeds)]) == 0
    out, err = capsys.readouterr()
    assert "2 hits" in out and err.count("public API") == 1 and "could not be run" not in err
    log = (tmp_path / "xdg_state_home" / "taiwan-reader" / "taiwan-reader.log").read_text()
    assert "the fast search path failed" in log and "AttributeError" in log


FOREIGN_WHOOSH = """
import importlib.metadata, sys
real = importlib.metadata.version
importlib.metadata.version = lambda name: "2.7.4" if name == "whoosh-reloaded" else real(name)
from whoosh import index as whoosh_index

from taiwan_reader_index import Library
from taiwan_reader_index.fulltext import _whoosh
library = Library.open(sys.argv[1])
with library.searcher() as engine:
    hits = engine.search('"National Guard"', limit=None).hits
    print(sorted(h.id for h in hits), engine.notice, _whoosh.AVAILABLE)
"""


def test_another_whoosh_release_runs_on_the_public_api_with_a_notice(seeds):
    Library.open(seeds).update()
    done = subprocess.run([sys.executable, "-c", FOREIGN_WHOOSH, str(seeds)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "['000_3bf5df8f19705213', '001_e255d4f75bd2254b']" in done.stdout
    assert "not whoosh-reloaded 2.7.5" in done.stdout and done.stdout.strip().endswith("False")
