"""Every folder the program uses, resolved in one place with platformdirs.

Tests point XDG_CACHE_HOME / XDG_CONFIG_HOME / XDG_STATE_HOME at a temporary
folder, so nothing here may be computed at import time.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "taiwan-reader"

# Bump when the Whoosh schema, what is stored in it or how files are read into articles
# changes (the cleaning, the title): a new version
# means a new folder name, so an old index is never opened with a new schema.
SCHEMA_VERSION = 13  # 8: page junk found by a model, titles above the article; 9: packed
# positions, and wire copy wrapped between names read as prose; 10: quotation keys in a
# column, no spelling field (the words file), sort keys as columns only; 11: wire copy
# (a dateline under its headline) has no page junk, and a headline in capitals is a title;
# 12: a copied page's headline found by the headline model; 13: a caption credited after its
# agency ("REUTERS/Ann Wang") is a caption, and "Our Standards: ..." a site notice


def seeds_dir() -> Path:
    """The bundled default corpus: inside the wheel, or the repo's seeds/ in a checkout."""
    packaged = Path(__file__).resolve().parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def aliases_path() -> Path:
    """The user's entity alias file (``aliases.toml``: names to merge or keep apart)."""
    return config_dir() / "aliases.toml"


def config_file() -> Path:
    return config_dir() / "config.toml"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_corpus_dir() -> Path:
    """The user's own corpus, made by the first `add` or `feeds add` that has no corpus
    folder to write to (the bundled seeds are never written); the default from then on."""
    return data_dir() / "corpus"


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def export_dir() -> Path:
    """Where exported comparisons are written."""
    return Path(platformdirs.user_documents_dir()) / APP_NAME


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def index_root() -> Path:
    return cache_dir() / "indexes"


def index_dir_for(corpus: Path) -> Path:
    """One index folder per corpus path, named after it, with the schema version."""
    resolved = str(Path(corpus).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(resolved).name).strip("-")[:40] or "corpus"
    return index_root() / f"{slug}-{digest}-v{SCHEMA_VERSION}"


def write_atomic(path: Path, text: str | bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``text`` (UTF-8) or bytes in one step (a reader sees the old
    file or the new, never half of one); the file is private to the user by default."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def ensure_user_dir(path: Path) -> Path:
    """Create a folder private to the user (0700) if it is missing."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def try_lock(fd: int) -> bool:
    """Take the exclusive OS lock (flock) on an open file or folder; False when another
    process holds it. flock: a process killed with SIGKILL releases it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        return False
    return True
