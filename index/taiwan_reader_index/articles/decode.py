"""Reading a file's bytes into text, with the checks that keep bad files out."""

from __future__ import annotations

import codecs
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


# longest first: the UTF-32 little-endian mark begins with the UTF-16 one
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


# Where pages saved before UTF-8 come from, most common first: Western Europe, Chinese
# (traditional, simplified), Japanese, Korean, Cyrillic, Central Europe, Greek.
LEGACY_ENCODINGS = ("cp1252", "big5", "gb18030", "shift_jis", "euc_jp", "euc_kr", "cp1251",
                    "koi8_r", "cp1250", "iso8859_7")
_LEGACY_RANK = {name: rank for rank, name in enumerate(LEGACY_ENCODINGS)}


def _byte_order_mark(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte order mark at the start names, and the mark's length."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _decode_unmarked(data: bytes, warnings: list[str]) -> str:
    """UTF-8 when it is; otherwise the legacy encoding a detector finds (Windows-1252,
    Big5, GB2312, Shift-JIS ...), said in a warning; U+FFFD only as a last resort."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes  # only for the rare file that needs it

    matches = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    best = matches.best()
    if best is not None:
        # of the encodings that read the bytes equally well, the one news pages used most
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        encoding, match = min(((name, m) for m in tied for name in m.could_be_from_charset),
                              key=lambda pair: _LEGACY_RANK.get(pair[0], len(_LEGACY_RANK)))
        warnings.append(f"not UTF-8: read as {encoding} (detected; first non-UTF-8 "
                        f"byte at offset {first_bad}); save it as UTF-8 to be sure")
        return data.decode(encoding, errors="replace") if encoding != match.encoding else str(match)
    text = data.decode("utf-8", errors="replace")
    warnings.append(f"not valid UTF-8 (first bad byte at offset {first_bad}); "
                    f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) shown as U+FFFD")
    return text


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
            # its size and a byte more: asked for the limit at once, read() allocates
            # all of it (20 MB) for every file, a tenth of indexing's own time
            data = handle.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew since: read on, up to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise BadFile(f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise BadFile(f"more than {max_bytes / 1e6:.0f} MB: {too_big}")
    digest = content_hash(data)
    if not data.strip():
        raise BadFile("empty file")
    warnings: list[str] = []
    marked = _byte_order_mark(data)
    if marked is not None:
        encoding, size = marked
        text = data[size:].decode(encoding, errors="replace")
        if "\ufffd" in text:
            warnings.append(f"{text.count(chr(0xFFFD))} byte sequence(s) not valid {encoding}, "
                            "shown as U+FFFD")
    elif looks_binary(data):
        raise BadFile("binary file, not text (contains NUL or control bytes)")
    else:
        text = _decode_unmarked(data, warnings)
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL bytes removed")
    return RawText(text=text, content_hash=digest, warnings=tuple(warnings))
