"""The command line: `taiwan-reader [index|search|show|entities|compare|quotes] ...`."""

from __future__ import annotations

from .commands import main

__all__ = ["main"]
