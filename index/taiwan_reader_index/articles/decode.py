"""Reading a file's bytes into text, with the checks that keep bad files out."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadFile

SNIFF_BYTES = 8192


@dataclass(frozen=True)
class RawText:
    text: str
    content_hash: str
    warnings: tuple[str, ...]


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters near the start mean a binary file."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.10


def read_text(path: Path, max_bytes: int) -> RawText:
    """Decode ``path`` as UTF-8; invalid bytes are replaced and reported."""
    too_big = BadFile(f"over the {max_bytes / 1e6:.0f} MB limit (raise max_file_mb in the "
                      "config to index it)")
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block for ever, /dev/zero never end
            raise BadFile("not a regular file (a pipe, device or socket): not read")
        if st.st_size > max_bytes:
            raise BadFile(f"{st.st_size / 1e6:.1f} MB is {too_big}")
        # opened without blocking (a file swapped for a FIFO meanwhile), and read no more
        # than the limit allows, whatever the size said
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise BadFile("not a regular file (a pipe, device or socket): not read")
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise BadFile(f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise BadFile(f"more than {max_bytes / 1e6:.0f} MB: {too_big}")
    digest = content_hash(data)
    if not data.strip():
        raise BadFile("empty file")
    if looks_binary(data):
        raise BadFile("binary file, not text (contains NUL or control bytes)")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
        bad = text.count("\ufffd")
        warnings.append(
            f"not valid UTF-8 (first bad byte at offset {exc.start}); "
            f"{bad} undecodable byte sequence(s) shown as U+FFFD"
        )
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL bytes removed")
    return RawText(text=text, content_hash=digest, warnings=tuple(warnings))
