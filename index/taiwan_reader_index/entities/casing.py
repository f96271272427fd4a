"""Reading case: which words are common English words, and ALL-CAPS text in mixed case.

The statistical model leans on capital letters: in a headline or dateline in
capitals ("JAPAN GET LUCKY WIN", "FORT WORTH, Tex.") it either misses every
name or takes the whole line as one. ``truecase`` rewrites such runs as a
writer would have (common words in lower case, names capitalised, acronyms
kept), character for character, so every offset still points into the text
the reader shows. The common-word list is learned from news text by
``benchmarks/train_casing.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .countries import country_of, country_of_adjective

_LIST = Path(__file__).with_name("common_words.txt")
_NAME_WORDS = Path(__file__).with_name("name_words.txt")
log = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")
_CAPS_WORD = re.compile(r"^[^\W\d_a-z]{2,}(?:['’-][^\W\d_a-z]+)*$")
# acronyms that are also common words in lower case ("US" is not "us" in a headline)
_KEEP = frozenset({"US", "UK", "UN", "EU", "IT", "AIDS", "NATO", "OPEC", "WHO", "IS", "ASEAN"})
# up to four words in capitals at the start of a line, then a comma, bracket, dash or
# digit: a dateline ("FORT WORTH, Tex.", "RIO DE JANEIRO 1996-12-06"); linear, no nesting
_CAPS = r"[^\W\d_a-z](?:[^\W\d_a-z]|['’.-])+"
# (a dash only when spaced: "U.S.-JAPAN" is one word of a headline, not a dateline's end)
_LEADING_CAPS = re.compile(rf"[ \t]*{_CAPS}(?:[ \t]+{_CAPS}){{0,3}}(?=[ \t]*[,(\d]|[ \t]+-)")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words usually written in lower case inside a sentence (case folded)."""
    return word_list(_LIST)  # (missing: a broken install, every word a possible name)


def word_list(path: Path) -> frozenset[str]:
    """The words of a shipped list, one a line (``#`` opens a comment line); none when
    the file is missing (a broken install), which is logged."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("%s is missing: the reader goes on without its words", path)
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_common(word: str) -> bool:
    return word.casefold() in common_words()


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Words written in lower case at times but capitalised more often, as the heads of
    names are ("college", "palace", "county", "hotel"); case folded."""
    return word_list(_NAME_WORDS)


def is_word(word: str) -> bool:
    """Whether news writes ``word`` in lower case: a common word or a name's head word,
    never a surname alone ("Church", "Palace"; not "Fitzgerald", "Nadal")."""
    folded = word.casefold()
    return folded in common_words() or folded in name_words()


@dataclass(frozen=True)
class TextCasing:
    """How a text itself writes its words, to read its lines in capitals."""

    capitalised: frozenset[str] = frozenset()  # names it writes capitalised (case folded)
    lower: frozenset[str] = frozenset()  # words it writes only in lower case


def text_casing(texts: Iterable[str]) -> TextCasing:
    """Words written capitalised (not all capitals) in running text: the names a text
    itself shows how to write ("Dairy Farm" in the body tells how to read "DAIRY FARM");
    and words it writes only in lower case ("were quarantined" tells how to read a
    subheading's "SCORES QUARANTINED", a word no list of common words has)."""
    found, lower = set(), set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group().rstrip(".")
            if word[:1].isupper() and not word.isupper():
                found.add(word.casefold())
            elif word[:1].islower():
                lower.add(word)
    # a common word the text also writes in lower case is capitalised only in a name or
    # a title ("U.S. Trade Representative"): it says nothing about a headline's "TRADE"
    # (a country or a people is a name however the text writes it: some wire copy writes
    # "bolivia" and "french" in lower case)
    return TextCasing(frozenset(w for w in found if w not in lower or not is_common(w)),
                      frozenset(w for w in lower if w.casefold() not in found
                                and country_of(w.title()) is None
                                and country_of_adjective(w.title()) is None))


def _mostly_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return len(letters) >= 4 and upper >= 0.8 * len(letters) and upper > 3


_CONNECTORS = frozenset({"de", "del", "da", "do", "di", "la", "le", "of", "the", "and", "upon", "on"})


def _word_case(word: str, casing: TextCasing, place: bool = False) -> str:
    """One word in capitals as a writer would have put it; ``place``: it is part of a
    dateline, a place name, whose words are all capitalised but the connectors."""
    core = word.rstrip(".")
    if not _CAPS_WORD.match(core) or core in _KEEP or "." in core:
        return word
    key = core.casefold()
    if place:
        new = core.lower() if key in _CONNECTORS else core.title()
    elif key in casing.capitalised:
        new = core.title()
    elif key in common_words() or key in casing.lower:
        new = core.lower()
    elif len(core) <= 3:  # a short unknown word in capitals is an acronym: BBC, IBM
        return word
    else:
        new = core.title()
    new = new.replace("’S", "’s").replace("'S", "'s")
    return new + word[len(core):] if len(new) == len(core) else word


# a company's legal form: in a headline in capitals the words before it are its name
# ("USAIR GROUP INC SETS QUARTERLY" -> "Usair Group Inc sets quarterly")
_LEGAL_FORM = {"inc": "Inc", "corp": "Corp", "co": "Co", "ltd": "Ltd", "plc": "Plc", "llc": "LLC",
               "ag": "AG", "sa": "SA", "spa": "SpA", "nv": "NV", "gmbh": "GmbH", "bhd": "Bhd"}


def _recase(text: str, start: int, end: int, casing: TextCasing, out: list[str],
            place: bool = False) -> None:
    words = list(_WORD.finditer(text, start, end))
    company = next((i for i, w in enumerate(words[:6])
                    if i and w.group().rstrip(".").casefold() in _LEGAL_FORM), 0)
    for i, match in enumerate(words):
        word = match.group()
        name = place or i <= company
        out[match.start():match.end()] = _word_case(word, casing, name) if not (
            i == company and company) else _legal_form(word)


def _legal_form(word: str) -> str:
    core = word.rstrip(".")
    return (_LEGAL_FORM[core.casefold()] if core.isupper() else core) + word[len(core):]


def truecase(text: str, casing: TextCasing = TextCasing()) -> str:
    """``text`` with its capitals-only lines and leading capital datelines in mixed
    case; the same length, so offsets stay valid. ``casing``: how the text writes its
    words elsewhere (a name it capitalises, whatever the common-word list says)."""
    if not any(c.isupper() for c in text):
        return text
    out = list(text)
    changed = False
    offset = 0
    for line in text.splitlines(keepends=True):
        lead = _LEADING_CAPS.match(line)
        # the dateline's length: "FORT WORTH, Tex., March 31 -", "RIO DE JANEIRO 1996-12-06"
        cut = lead.end() if lead and any(len(w) > 3 for w in lead.group().split()) else 0
        if cut:
            _recase(text, offset, offset + cut, casing, out, place=True)
        capitals = _mostly_capitals(line)
        if capitals:
            _recase(text, offset + cut, offset + len(line), casing, out)
        changed = changed or bool(cut) or capitals
        offset += len(line)
    if not changed:
        return text
    result = "".join(out)
    return result if len(result) == len(text) else text
