"""What a reader is shown as the reason for a pair: the words the two sentences share,
the numbers and names that differ, and one line saying why they were paired.

One vocabulary for the kinds everywhere (screen, summary, command line, export):
:data:`KIND_LABELS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..articles.prose import fold_quotes
from .features import ALIASES, STOP, canonical_names, canonical_token, information, side, stem_of
from .judgement import quoted_terms
from .sentences import americanize

KIND_LABELS = {
    "quote": "same quotation",
    "same": "same wording",
    "similar": "same fact",
    "possible": "possibly the same fact",
    "only-a": "only in A",
    "only-b": "only in B",
}
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-.,'’][A-Za-z0-9]+)*")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Mark:
    start: int  # offsets into the sentence
    end: int
    kind: str  # "shared": the other sentence has it too; "differs": a number or name it lacks


def _keys(word: str) -> set[str]:
    """The forms a word is compared by: its stem, and its canonical name if it is one."""
    plain = word.lower().replace("’", "'").removesuffix("'s")
    keys = {stem_of(americanize(plain)), plain.replace(",", "")}
    canonical = canonical_names(word).strip().lower()
    if canonical and canonical != plain:
        keys.add(canonical)
    return keys


def _vocabulary(text: str) -> set[str]:
    """Every form by which a word of ``text`` is compared (its names as canonical words)."""
    found = set(side(text).content)
    for match in _WORD.finditer(canonical_names(text)):
        found |= _keys(match.group())
    return found


def marks(text: str, other: str) -> list[Mark]:
    """The words of ``text`` that ``other`` shares (content words only), and its numbers and
    names that ``other`` lacks."""
    theirs = _vocabulary(other)
    found: list[Mark] = []
    taken: set[int] = set()
    for match in ALIASES.finditer(fold_quotes(text)):  # "the U.S.", "Washington": one name
        start, end = match.span(1)
        shared = canonical_token(match.group(1)) in theirs
        found.append(Mark(start, end, "shared" if shared else "differs"))
        taken.update(range(start, end))
    for match in _WORD.finditer(text):
        word = match.group()
        if match.start() in taken:
            continue
        lower = word.lower()
        if lower in STOP or (len(lower) < 2 and not word.isdigit()):
            continue
        shared = bool(_keys(word) & theirs)
        number = bool(_DIGIT.search(word))
        name = word[0].isupper() and match.start() > 0
        if shared:
            found.append(Mark(match.start(), match.end(), "shared"))
        elif number or name:
            found.append(Mark(match.start(), match.end(), "differs"))
    return sorted(found, key=lambda m: m.start)


def explain(kind: str, a: str, b: str, quote_words: int = 0) -> str:
    """One line on why two sentences were paired (or how they differ)."""
    label = KIND_LABELS.get(kind, kind)
    if kind == "quote":
        return f"{label}, {quote_words} words in a row"
    in_a = marks(a, b)
    shared: dict[str, str] = {}
    for mark in in_a:
        if mark.kind == "shared":
            word = re.sub(r"['’]s$", "", a[mark.start:mark.end])
            shared.setdefault(word.lower(), word)
    terms = [" ".join(term) for term in sorted(quoted_terms(a) & quoted_terms(b))]
    in_terms = {word for term in terms for word in term.split()}
    ranked = [f"“{term}”" for term in terms] + sorted(
        (w for w in shared.values() if w.lower() not in in_terms),
        key=lambda w: -information(w.lower()))
    ranked = ranked[:4]
    line = f"{label}: {', '.join(ranked)}" if ranked else label
    return line + _numbers_note(_lacked_numbers(a, in_a), _lacked_numbers(b, marks(b, a)))


def _lacked_numbers(text: str, found: list[Mark]) -> list[str]:
    """The numbers of ``text`` the other sentence lacks, each once, in order."""
    return list(dict.fromkeys(text[m.start:m.end] for m in found
                              if m.kind == "differs" and _DIGIT.search(text[m.start:m.end])))


def _numbers_note(in_a: list[str], in_b: list[str]) -> str:
    """Numbers only one side gives: a difference when both give their own ("11.91" beside
    "5.51"), else only a detail the other leaves out ("May 23" beside "last week")."""
    if in_a and in_b:
        return f" · numbers differ: {', '.join(in_a)} (A), {', '.join(in_b)} (B)"
    if in_a or in_b:
        return f" · only {'A' if in_a else 'B'} gives {', '.join(in_a or in_b)}"
    return ""
