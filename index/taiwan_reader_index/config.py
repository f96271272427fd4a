"""The user's TOML config file: default corpus, index limits, key bindings, theme.

The file is optional. A broken file is reported (with its path) and ignored,
never fatal: a typo in the config must not lock a user out of their reader.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import locations

DEFAULT_MAX_FILE_MB = 20.0
MAX_FILE_MB_RANGE = (0.001, 500.0)  # the largest file indexed in bounded memory

EXAMPLE = """\
# taiwan-reader configuration
# corpus = "~/news/taiwan"        # the folder opened when --corpus is not given
# max_file_mb = 20                # files larger than this are skipped with a warning
# follow_links = false            # true: follow links that lead out of the corpus folder
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
    follow_links: bool = False
    problems: tuple[str, ...] = ()


def read_toml(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The table in a TOML file, or None and a message naming the file and the fault.

    Whatever the file holds (bad bytes, a syntax error, arrays nested thousands
    deep), the answer is a message, never an exception.
    """
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, f"{path}: ignored, not valid TOML ({exc})"
    except RecursionError:
        return None, f"{path}: ignored, values nested too deeply to read"


def _max_file_mb(value: object, path: Path, problems: list[str]) -> float:
    low, high = MAX_FILE_MB_RANGE
    if (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and low <= value <= high):
        return float(value)
    problems.append(f"{path}: 'max_file_mb' must be a number of megabytes from {low:g} to "
                    f"{high:g}, not {value!r}; using {DEFAULT_MAX_FILE_MB:g}")
    return DEFAULT_MAX_FILE_MB


def load_config(path: Path | None = None) -> Config:
    """Read the config file; problems are collected as messages, not raised."""
    path = path or locations.config_file()
    if not path.exists():
        return Config(path=path)
    data, problem = read_toml(path)
    if data is None:
        return Config(path=path, problems=(problem or f"{path}: ignored",))
    problems: list[str] = []
    corpus = data.get("corpus")
    if corpus is not None and not isinstance(corpus, str):
        problems.append(f"{path}: 'corpus' must be a path string; ignored")
        corpus = None
    max_mb = _max_file_mb(data.get("max_file_mb", DEFAULT_MAX_FILE_MB), path, problems)
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        problems.append(f"{path}: [keys] must map binding ids to key strings; ignored")
        keys = {}
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{path}: 'theme' must be a theme name; ignored")
        theme = None
    follow_links = data.get("follow_links", False)
    if not isinstance(follow_links, bool):
        problems.append(f"{path}: 'follow_links' must be true or false; using false")
        follow_links = False
    unknown = sorted(set(data) - {"corpus", "max_file_mb", "keys", "theme", "follow_links"})
    if unknown:
        problems.append(f"{path}: unknown setting(s) {', '.join(map(repr, unknown))}; ignored")
    return Config(
        path=path,
        corpus=Path(corpus).expanduser() if corpus else None,
        max_file_mb=float(max_mb),
        keys=dict(keys),
        theme=theme,
        follow_links=follow_links,
        problems=tuple(problems),
    )
