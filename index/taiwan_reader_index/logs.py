"""Logging: a log file in the user's state folder, and the terminal with --verbose.

Internal failures (a fallback taken, a worker that died) are logged here
rather than shown as the user's mistake. Entity worker processes write to the
same file (their terminal output would draw over the reader's screen).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from . import locations

FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s: %(message)s"
ROOT = "taiwan_reader_index"
_ENV = "TAIWAN_READER_LOG_FILE"  # how worker processes learn where the log is


def log_file() -> Path:
    return locations.state_dir() / "taiwan-reader.log"


def setup(verbose: bool = False, path: Path | None = None,
          terminal: logging.Handler | None = None) -> Path | None:
    """Log warnings and worse (everything with ``verbose``) to ``path`` (default
    :func:`log_file`), and to ``terminal`` when given. Returns the file, or None
    when it cannot be written (logging then goes to ``terminal`` only)."""
    level = logging.DEBUG if verbose else logging.WARNING
    for name in (ROOT, "taiwan_reader_tui"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        for old in [h for h in logger.handlers if getattr(h, "_taiwan_reader", False)]:
            logger.removeHandler(old)
            old.close()
    handlers: list[logging.Handler] = []
    target: Path | None = path or log_file()
    try:
        assert target is not None
        locations.ensure_user_dir(target.parent)
        handlers.append(logging.FileHandler(target, encoding="utf-8", delay=True))
        os.environ[_ENV] = str(target)
    except OSError:
        target = None
    if terminal is not None:
        terminal.setLevel(level)
        handlers.append(terminal)
    for handler in handlers:
        if handler.formatter is None:
            handler.setFormatter(logging.Formatter(FORMAT))
        handler._taiwan_reader = True  # type: ignore[attr-defined]
        for name in (ROOT, "taiwan_reader_tui"):
            logging.getLogger(name).addHandler(handler)
    return target


def setup_worker() -> None:
    """In a worker process: log to the file the parent process set up, if any."""
    path = os.environ.get(_ENV)
    if path:
        setup(path=Path(path))
