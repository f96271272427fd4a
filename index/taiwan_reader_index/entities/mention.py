"""Entity mentions (recognised spans) and entities (mentions linked to a canonical name)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .kinds import LABEL_KIND

# the parts of an article whose names are the article's own (page junk is not)
OWN_PARTS = frozenset({"title", "body", "byline", "caption"})
# the acronym a name is known by, in brackets right after it: "American Institute in Taiwan (AIT)"
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
# a name in Chinese, Japanese or Korean script, in brackets after the name in English:
# "Minister of National Defense Chiu Kuo-cheng (邱國正)", "the Legislative Yuan (立法院)"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
NATIVE_AFTER = re.compile(rf"[ \t]*[(（][ \t]*([{_CJK}](?:[·・‧ ]?[{_CJK}]){{0,30}})[ \t]*[)）]")


@dataclass(frozen=True)
class Mention:
    """A recognised span; offsets are into the article's decoded file text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Entity:
    """A mention linked to its canonical entity."""

    start: int
    end: int
    text: str
    label: str
    canonical: str
    part: str = "body"  # "title", "body", "byline", "caption", or a kind of page junk

    @property
    def own(self) -> bool:
        """Whether the mention is in the article's own text (not a menu or related headline):
        only these count toward its facets and entity fields."""
        return self.part in OWN_PARTS

    @property
    def kind(self) -> str | None:
        """The entity kind ("person", "org", ...), or None for dates and numbers."""
        return LABEL_KIND.get(self.label)

    @property
    def field(self) -> str | None:
        """The index field and facet the entity counts in: its kind, or None for dates,
        numbers and names in page junk (a related headline is another story)."""
        return LABEL_KIND.get(self.label) if self.own else None


class Taken:
    """Whether a span overlaps any of the given mentions (sorted search, no scan)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


# where a name may begin: not a space, and not inside a word (a letter, digit, apostrophe
# or hyphen before it)
_NAME_START = re.compile(r"(?<![\w’'-])\S")


# Case-blind as a regular expression is (re.IGNORECASE): each letter by its one-letter
# lower case ("İ" is "i", where str.lower gives two letters), and the letters it takes
# for one another (the table in CPython's re._compiler: "ſ" is "s", "ς" is "σ", ...).
_ONE_LETTER_LOWER = {0x130: "i"}
_SAME_LETTER = str.maketrans({
    "ı": "i", "ſ": "s", "µ": "μ", "\u0345": "ι", "\u1fbe": "ι", "\u1fd3": "\u0390",
    "\u1fe3": "\u03b0", "ϐ": "β", "ϵ": "ε", "ϑ": "θ", "ϰ": "κ", "ϖ": "π", "ϱ": "ρ",
    "ς": "σ", "ϕ": "φ", "ẛ": "ṡ", "ﬆ": "ﬅ"})


def _fold(text: str) -> str:
    return text.translate(_ONE_LETTER_LOWER).lower().translate(_SAME_LETTER)


def _word_char(c: str) -> bool:
    """``\\w`` of a regular expression: a letter, a digit or the underscore."""
    return c.isalnum() or c == "_"


class NameFinder:
    """Where any of a set of names stands as a whole word, in any case, with any spacing
    between its words: the spans a case-blind alternation of the names finds,

        (?<![\\w’'-])(?:NAME|NAME|...)(?![\\w-])       or, with ``possessive``,
        (?<![\\w’'-])(?:NAME|NAME|...)(?=[’']s\\b|[^\\w’'-]|$)

    longest name first, each word escaped and the words joined by ``\\s+``. An
    article has names of its own, and compiling such a pattern for each article
    took a tenth of the entity workers' time; this finds the same spans without.
    """

    def __init__(self, names: Iterable[str], *, possessive: bool = False) -> None:
        self.possessive = possessive
        # the names by their first letter, longest first (the alternation's order)
        self._by_first: dict[str, list[list[str]]] = {}
        for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
            words = [_fold(w) for w in name.split()]
            self._by_first.setdefault(words[0][0], []).append(words)
        # the letters a name may start with, as written: ASCII in both cases (most
        # candidates are ASCII, and a set lookup is cheaper than folding each)
        self._ascii_starts = frozenset(
            c for first in self._by_first if first.isascii() for c in (first, first.upper()))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def spans(self, source: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The names' spans in ``source[start:end]`` (the text past ``end`` unseen), left
        to right, none overlapping."""
        by_first, ascii_starts = self._by_first, self._ascii_starts
        after = start  # a name found ends here: the next starts after it
        for candidate in _NAME_START.finditer(source, start, end):
            at = candidate.start()
            first = candidate.group()
            if at < after or (first.isascii() and first not in ascii_starts):
                continue
            for words in by_first.get(_fold(first), ()):
                stop = self._match(source, at, end, words)
                if stop is not None:
                    yield at, stop
                    after = stop
                    break

    def _match(self, source: str, at: int, end: int, words: list[str]) -> int | None:
        for n, word in enumerate(words):
            if n:  # one or more spaces between words
                if at >= end or not source[at].isspace():
                    return None
                at += 1
                while at < end and source[at].isspace():
                    at += 1
            stop = at + len(word)
            if stop > end or _fold(source[at:stop]) != word:
                return None
            at = stop
        if at >= end:
            return at
        c = source[at]
        if self.possessive and c in "’'":  # only before a possessive 's
            ok = (at + 1 < end and source[at + 1] in "sS"
                  and (at + 2 >= end or not _word_char(source[at + 2])))
            return at if ok else None
        return None if _word_char(c) or c == "-" else at
