"""Make text from files inert before it reaches a terminal.

Articles and file names may contain escape sequences, other control
characters and Unicode bidi overrides. Printed raw they could restyle or
control the terminal, reorder what the user sees, or (a newline in a file
name) forge a line of output. Each is replaced by a visible stand-in.
"""

from __future__ import annotations

import re

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")  # keeps tab and newline
_UNSAFE_IN_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")
_CONTROL_OR_BYTE = re.compile("[\\x00-\\x1f\\x7f\\udc80-\\udcff]")


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␀ ␁ ... ␊
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """``text`` with control characters and bidi controls shown, not obeyed; tabs and
    line breaks are kept (article text has paragraphs)."""
    return _UNSAFE.sub(_placeholder, text)


def inert_line(text: str) -> str:
    """Like :func:`inert`, for what must stay on one line (a path, a title, an id):
    tabs and line breaks are shown too."""
    return _UNSAFE_IN_LINE.sub(_placeholder, text)


def escaped(text: str) -> str:
    """``text`` with control characters, and bytes that were not UTF-8 (decoded with
    surrogateescape), written as ``\\xNN``: a stable, printable name for a file."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00 if code >= 0xDC80 else code:02x}"

    return _CONTROL_OR_BYTE.sub(escape, text)
