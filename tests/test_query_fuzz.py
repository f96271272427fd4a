"""Property-based fuzzing of the query path: every query gives results or one
clear QueryError, quickly, never another exception."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taiwan_reader_index import locations
from taiwan_reader_index.errors import QueryError
from taiwan_reader_index.fulltext.indexer import update_index
from taiwan_reader_index.fulltext.query import make_parser, parse
from taiwan_reader_index.fulltext.schema import build_schema
from taiwan_reader_index.fulltext.searcher import Searcher

TOKENS = [
    '"', "(", ")", "AND", "OR", "NOT", "~", "~9", "~2/1", "*", "?", ":", "[", "]", "{", "}",
    "to", "^", "^3", "title:", "outlet:", "date:", "date:[", "nosuchfield:", "body:", "-", "+",
    "taiwan", "guard", "national", "coast", "typhoon", "rifles", "a", "x", "2022", "2021-06-20",
    ">", "<", "'", "\\", "\x00", "\x1b[31m", "邱國正", "\u202e", " ", "  ",
]

query_text = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=12).map("".join),
    st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join),
    st.text(max_size=60),
    st.text(alphabet="ab*?~\"():", min_size=1, max_size=2000),
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    import shutil
    from pathlib import Path

    root = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(root / "cache"))
        corpus = root / "mini"
        shutil.copytree(Path(__file__).parent / "data" / "mini", corpus)
        update_index(corpus)
        handle = Searcher(locations.index_dir_for(corpus))
        yield handle
        handle.close()


PARSER = make_parser(build_schema())


@settings(max_examples=6000, deadline=None, suppress_health_check=list(HealthCheck))
@given(query_text)
def test_parser_accepts_or_explains(text):
    try:
        parse(PARSER, text)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=4500, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=query_text)
def test_search_returns_results_or_one_message(searcher, text):
    start = time.perf_counter()
    try:
        result = searcher.search(text, limit=5)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert result.total >= len(result.hits)
    assert time.perf_counter() - start < 2.0, f"query {text!r} took too long"
