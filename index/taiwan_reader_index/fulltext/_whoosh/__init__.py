"""Everything that relies on Whoosh's private API, and only that.

The code here was written for, and measured on, ``whoosh-reloaded`` 2.7.5.
Three distributions install a module called ``whoosh`` (the original 2.7.4,
whoosh-reloaded, the whoosh3 fork), so on import this package checks which
one is installed and that every private attribute it uses exists. When the
check fails, :data:`PROBLEM` says why, the patches are not applied, and the
callers use Whoosh's public API (slower, same answers) after one notice.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import logging

log = logging.getLogger(__name__)

DISTRIBUTION = "whoosh-reloaded"
VERSION = "2.7.5"

# (module, class, attributes) that the fast paths and the patches read or replace
_PRIVATE = (
    ("whoosh.codec.whoosh3", "W3LeafMatcher",
     ("_read_data", "_read_ids", "_read_weights", "_read_values", "_goto", "is_active")),
    ("whoosh.system", "_INT_SIZE", ()),
    ("whoosh.codec.whoosh3", "W3PerDocReader", ("_cached_reader", "has_column", "column_reader")),
    ("whoosh.codec.whoosh3", "W3TermsReader", ("matcher", "term_info", "_keycoder")),
    ("whoosh.codec.whoosh3", "W3TermInfo", ("from_bytes", "extent", "doc_frequency")),
    ("whoosh.reading", "SegmentReader", ("deleted_docs_set",)),
    ("whoosh.writing", "PostingPool", ("_remove_run",)),
    ("whoosh.filedb.filetables", "OrderedHashReader", ("key_at", "closest_key_pos", "ranges_from")),
)
# (and the instances' own attributes, set in their __init__ in this version: a segment
# reader's _terms; its terms reader's _tindex, _codec and _postfile; a term table's
# dbfile and endofdata; a matcher's _baseoffset, _nextoffset, _maxid, _lastblock, _ids,
# _values, _data, _byteids. The file formats read directly, a term table's entries and
# a one-block postings list, are checked as they are read: bytes not as expected are
# read through Whoosh.)


def _check() -> str | None:
    """Why the private API cannot be used here, or None when it can."""
    try:
        installed = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed != VERSION:
        return (f"the installed Whoosh is not {DISTRIBUTION} {VERSION} "
                f"({DISTRIBUTION} {installed or 'not installed'})")
    for module_name, class_name, attributes in _PRIVATE:
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            return f"Whoosh has no {module_name}.{class_name}"
        missing = [a for a in attributes if not hasattr(cls, a)]
        if missing:
            return f"Whoosh's {class_name} lacks {', '.join(missing)}"
    return None


PROBLEM: str | None = _check()
AVAILABLE = PROBLEM is None
NOTICE = (f"search runs on Whoosh's public API only (slower): {PROBLEM}" if PROBLEM else None)
if PROBLEM:
    log.warning("%s", NOTICE)
else:
    from . import patches

    patches.apply()
