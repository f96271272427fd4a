"""The index folder: opening it safely, and the one-writer-at-a-time lock.

Whoosh unpickles files from the index folder (the TOC, stored fields), so a
folder someone else can write to could run their code in our process. The
folder is created 0700 and is refused when another user owns it or others
can write to it.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..errors import IndexBusy, UnsafeIndex
from ..locations import ensure_user_dir, try_lock

log = logging.getLogger(__name__)


def check_private(path: Path) -> None:
    """Refuse a folder (and its files) that another user owns or others can write."""
    if not path.exists():
        return
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeIndex(f"refusing to open the index at {path}: it is a symbolic link")
    _check_owner_mode(path, st)
    for child in path.iterdir():
        _check_owner_mode(child, child.lstat())


def _check_owner_mode(path: Path, st: os.stat_result) -> None:
    uid = os.getuid()
    if st.st_uid != uid:
        raise UnsafeIndex(
            f"refusing to open the index at {path}: it is owned by uid {st.st_uid}, not you "
            f"(uid {uid}); opening it would unpickle another user's files. Remove it to rebuild."
        )
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeIndex(
            f"refusing to open the index at {path}: others can write to it "
            f"(mode {stat.S_IMODE(st.st_mode):o}); run 'chmod go-w' on it or remove it to rebuild."
        )


def index_exists(path: Path) -> bool:
    """Whether ``path`` holds a Whoosh index (a table of contents), without loading Whoosh."""
    return path.is_dir() and any(path.glob("_MAIN_*.toc"))


def index_has_commits(path: Path) -> bool:
    """Whether an index run has committed to ``path`` (its table of contents is past
    generation 0, the empty one made when the index was created)."""
    return path.is_dir() and any(toc.name != "_MAIN_0.toc" for toc in path.glob("_MAIN_*.toc"))


def open_index(path: Path, check: bool = False):
    """Open the existing index at ``path`` after the privacy check.

    With ``check``, every segment is opened, its first and last stored
    documents read, and the postings of the last term of the last indexed field
    (the end of the postings file) decoded, so a truncated or missing segment
    file fails here rather than in a later search.
    """
    from whoosh import index as whoosh_index

    check_private(path)
    ix = whoosh_index.open_dir(str(path))
    if check:
        try:
            with ix.reader() as reader:
                check_readable(reader)
        except BaseException:
            ix.close()
            raise
    return ix


def check_readable(reader) -> None:
    """The check ``open_index`` makes, on a reader already open (a searcher's: opening
    every segment a second time costs a tenth of a second on a large index)."""
    from ._whoosh.integrity import check_last_postings

    count = reader.doc_count_all()
    for docnum in {0, count - 1} if count else ():
        reader.stored_fields(docnum)
    next(iter(reader.lexicon("id")), None)
    check_last_postings(reader)


def create_index(path: Path):
    from whoosh import index as whoosh_index

    from . import _whoosh  # noqa: F401 - applies the patches
    from .schema import build_schema

    ensure_user_dir(path.parent)
    ensure_user_dir(path)
    check_private(path)
    return whoosh_index.create_in(str(path), build_schema())


@contextmanager
def private_files() -> Iterator[None]:
    """New files and folders inside are private to the user whatever the umask.

    Whoosh creates its files with the process umask; with ``umask 002`` (the default
    on many systems) they were group-writable and the privacy check then refused the
    user's own index. The umask is the process's: files other threads create
    meanwhile are private too, which is never less safe.
    """
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def move_aside(path: Path) -> Path:
    """Rename a broken index folder so nothing the user had is deleted."""
    target = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}")
    shutil.move(str(path), str(target))
    return target


@contextmanager
def writer_lock(index_path: Path, wait: float = 3.0):
    """Hold the corpus's indexing lock; wait up to ``wait`` seconds for it.

    An OS-level lock (flock), so a run killed with SIGKILL releases it.
    """
    ensure_user_dir(index_path.parent)
    lock_path = index_path.with_name(index_path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + wait
    try:
        while True:
            if try_lock(fd):
                break
            if time.monotonic() >= deadline:
                holder = _read_pid(lock_path)
                raise IndexBusy(f"another index run{holder} holds the lock on {index_path}; "
                                "try again when it has finished")
            time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)


@contextmanager
def folder_lock(index_path: Path) -> Iterator[None]:
    """Hold a lock on the index folder itself while a run writes, moves or deletes it.

    The lock file beside the folder can be deleted while a run holds it, and a
    second run would then lock a new file and go on (a --rebuild deleting the
    running index). The folder cannot be swapped under the run that holds
    this lock without that run noticing: a second run finds it held and
    stops. A missing folder needs no lock.
    """
    try:
        fd = os.open(index_path, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        yield
        return
    try:
        if not try_lock(fd):
            raise IndexBusy(f"another index run is writing {index_path} (its lock file "
                            f"{index_path.name}.lock was removed meanwhile); try again when it "
                            "has finished")
        yield
    finally:
        os.close(fd)


def _read_pid(lock_path: Path) -> str:
    try:
        pid = lock_path.read_text().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def remove_older_versions(index_path: Path) -> list[tuple[str, int]]:
    """Remove the index folders an older schema made for this corpus (each upgrade that
    changes the schema builds a new one, and the old one stayed: 166 MB for Reuters),
    with the files kept beside them; a folder some run still holds is left. Returns the
    name and size in bytes of each one removed. Folders set aside as broken stay."""
    stem, _, version = index_path.name.rpartition("-v")
    removed = []
    for old in sorted(index_path.parent.glob(f"{glob.escape(stem)}-v*")):
        number = old.name[len(stem) + 2:]
        if not (number.isdigit() and int(number) < int(version)) or old.is_symlink() \
                or not old.is_dir():
            continue
        try:
            with writer_lock(old, wait=0), folder_lock(old):
                beside = [p for p in old.parent.glob(glob.escape(old.name) + ".*")
                          if p.is_file() and not p.is_symlink() and p.suffix != ".lock"]
                size = sum(p.stat().st_size for p in [*old.rglob("*"), *beside] if p.is_file())
                shutil.rmtree(old)
                for path in beside:
                    path.unlink()
        except (IndexBusy, OSError) as exc:  # in use by another version, or not ours
            log.info("left the older index %s: %s", old, exc)
            continue
        removed.append((old.name, size))
    return removed
