"""Make article text inert before it reaches a terminal.

Articles may contain escape sequences, other control characters and Unicode
bidi overrides. Printed raw they could restyle or control the terminal, or
reorder what the user sees. Each is replaced by a visible placeholder.
"""

from __future__ import annotations

import re

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␀ ␁ ...
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """``text`` with control characters and bidi controls shown, not obeyed."""
    return _UNSAFE.sub(_placeholder, text)
