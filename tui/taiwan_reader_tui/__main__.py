"""Entry point of the `taiwan-reader` command."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from taiwan_reader_index.cli import main as cli_main
from taiwan_reader_index.library import Library


def launch_app(library: Library) -> int:
    from .app import run_app

    return run_app(library)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, launch_app=launch_app)


if __name__ == "__main__":
    sys.exit(main())
