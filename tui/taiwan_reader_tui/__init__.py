"""taiwan-reader's Textual app. It talks to the index only through
taiwan_reader_index's plain dataclasses and never touches Whoosh."""

from __future__ import annotations
