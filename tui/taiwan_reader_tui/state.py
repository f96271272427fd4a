"""Small bits of state the app remembers between runs (the chosen theme)."""

from __future__ import annotations

import json
from pathlib import Path

from taiwan_reader_index import locations


def state_file() -> Path:
    return locations.state_dir() / "state.json"


def load_state(path: Path | None = None) -> dict:
    try:
        data = json.loads((path or state_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_state(update: dict, path: Path | None = None) -> None:
    path = path or state_file()
    data = load_state(path) | update
    locations.ensure_user_dir(path.parent)
    locations.write_atomic(path, json.dumps(data, indent=2))
