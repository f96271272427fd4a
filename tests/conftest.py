from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


async def workers_done(app) -> None:
    """Wait for the app's workers; a search replaced by a newer one (cancelled) is done too."""
    from textual.worker import WorkerCancelled

    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()


def search_ids(corpus: Path, query: str, **options: Any) -> list[str]:
    """The ids of the hits for ``query`` in ``corpus``'s index, best first (public API)."""
    from taiwan_reader_index import Library

    return [hit.id for hit in Library.open(corpus).search(query, **options).hits]
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Point every XDG folder at the test's own tmp folder."""
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    return tmp_path


@pytest.fixture
def mini_corpus(tmp_path) -> Path:
    """A writable copy of tests/data/mini."""
    target = tmp_path / "mini"
    shutil.copytree(DATA / "mini", target)
    return target


@pytest.fixture
def seeds() -> Path:
    from taiwan_reader_index.locations import seeds_dir

    return seeds_dir()


@pytest.fixture(scope="session")
def seed_mentions(tmp_path_factory) -> list[Path]:
    """An entity cache holding the seed articles' mentions, recognised once for the
    session by a first build as the reader makes it (its files)."""
    from taiwan_reader_index.fulltext.indexer import update_index
    from taiwan_reader_index.locations import seeds_dir

    home = tmp_path_factory.mktemp("seed-mentions")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(home))
        update_index(seeds_dir(), index_path=home / "index")
    return sorted(home.glob("taiwan-reader/entities-v*.sqlite*"))


@pytest.fixture
def seeds_recognised(private_dirs, seed_mentions) -> None:
    """This test's entity cache already holds the seeds' mentions, so a reader opened on
    the seeds starts no model process for them (each start took a second or two); a
    test of the first build on the seeds does not ask for this."""
    from taiwan_reader_index.locations import cache_dir

    cache_dir().mkdir(parents=True, exist_ok=True)
    for file in seed_mentions:
        shutil.copy(file, cache_dir() / file.name)
