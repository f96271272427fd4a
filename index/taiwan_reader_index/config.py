"""The user's TOML config file: default corpus, index limits, key bindings, theme.

The file is optional. A broken file is reported (with its path) and ignored,
never fatal: a typo in the config must not lock a user out of their reader.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import locations

DEFAULT_MAX_FILE_MB = 20.0

EXAMPLE = """\
# taiwan-reader configuration
# corpus = "~/news/taiwan"        # the folder opened when --corpus is not given
# max_file_mb = 20                # files larger than this are skipped with a warning
#
# [keys]                          # remap bindings by id: id = "key[,key...]"
# "search.focus" = "slash"
# "reader.next_match" = "n"
"""


@dataclass(frozen=True)
class Config:
    path: Path
    corpus: Path | None = None
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    problems: tuple[str, ...] = ()


def load_config(path: Path | None = None) -> Config:
    """Read the config file; problems are collected as messages, not raised."""
    path = path or locations.config_file()
    if not path.exists():
        return Config(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(path=path, problems=(f"{path}: ignored, not valid TOML ({exc})",))
    problems: list[str] = []
    corpus = data.get("corpus")
    if corpus is not None and not isinstance(corpus, str):
        problems.append(f"{path}: 'corpus' must be a path string; ignored")
        corpus = None
    max_mb = data.get("max_file_mb", DEFAULT_MAX_FILE_MB)
    if not isinstance(max_mb, (int, float)) or isinstance(max_mb, bool) or max_mb <= 0:
        problems.append(f"{path}: 'max_file_mb' must be a positive number; using 20")
        max_mb = DEFAULT_MAX_FILE_MB
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        problems.append(f"{path}: [keys] must map binding ids to key strings; ignored")
        keys = {}
    theme = data.get("theme") if isinstance(data.get("theme"), str) else None
    return Config(
        path=path,
        corpus=Path(corpus).expanduser() if corpus else None,
        max_file_mb=float(max_mb),
        keys=dict(keys),
        theme=theme,
        problems=tuple(problems),
    )
