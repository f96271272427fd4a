"""taiwan-reader's index side: articles, cleaning, the Whoosh index and search.

Nothing in this package imports Textual; the reader UI lives in taiwan_reader_tui.
"""

from __future__ import annotations

__version__ = "0.1.0"
