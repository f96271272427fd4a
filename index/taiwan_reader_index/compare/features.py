"""Evidence that two sentences state the same fact: plain functions of the two texts.

Each feature is a number a person could check by hand: how much of each
sentence's information (its rarer words, weighted by how rare they are in
English) the other one carries, shared runs of three words and the longest
common sequence of words, the character similarity, whether the numbers, the
negations and the direction words agree, and whether the names agree (a
surname matches the full name). The judgement (``judgement.py``) weighs them
with a model trained on news sentence pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar, overload

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq
from whoosh.lang.porter import stem as porter_stem

from ..articles.prose import fold_quotes
from ..entities.linking import BUILTIN_ALIASES
from .sentences import americanize

_LETTERS = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)*")
STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those he she they we you i his her their our your them him us
has have had do does did so than then there here which who whom what when where why how
all any some would could should will can may might must said says say also about into over
after before against between through during up down out off more most such only own same other
just very 's""".split())
NEGATIONS = frozenset({"not", "no", "never", "n't", "nor", "without", "none", "neither", "nobody",
                       "nothing", "cannot", "didn't", "doesn't", "don't", "isn't", "wasn't",
                       "won't", "wouldn't", "aren't", "weren't", "hasn't", "haven't", "hadn't"})
_UP = frozenset({"rise", "rose", "risen", "rising", "gain", "gained", "gains", "higher",
                 "increase", "increased", "increases", "climb", "climbed", "jump", "jumped",
                 "grew", "grow", "growth", "advance", "advanced", "surge", "surged"})
_DOWN = frozenset({"fall", "fell", "fallen", "falling", "lose", "lost", "loss", "lower",
                   "decrease", "decreased", "decreases", "drop", "dropped", "decline", "declined",
                   "shrank", "shrink", "slip", "slipped", "slid", "plunge", "plunged",
                   "gave"})  # "gave up 11 points"
_SENTENCE_START_WORDS = frozenset({"The", "A", "An", "But", "And", "In", "On", "At", "It", "He",
                                   "She", "They", "We", "I", "This", "That", "Mr", "Mrs", "Ms"})

NAMES = (
    "info_cover_min", "info_cover_max", "info_cosine", "word_cover_min", "word_cover_max",
    "trigram_cover_min", "lcs_min", "lcs_max", "char_ratio", "char_token_sort",
    "numbers_both", "numbers_agree", "numbers_only_one", "numbers_jaccard", "numbers_disjoint",
    "negation_mismatch", "direction_mismatch", "length_log_ratio", "content_length_diff",
    "unmatched_info_max", "unmatched_rarest", "names_cover_min", "names_only_one",
)


# Other names of one place or body: the linking table's aliases, and capitals and
# demonyms standing for their country ("Washington said", "Chinese warplanes").
_METONYMS = {
    "United States": ["Washington", "American", "Americans"],
    "China": ["Beijing", "Chinese"],
    "Taiwan": ["Taipei", "Taiwanese"],
    "Japan": ["Tokyo", "Japanese"],
    "Russia": ["Moscow", "Russian"],
    "United Kingdom": ["London", "British"],
}


def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    canonical: dict[str, str] = {}
    for name, aliases in [*BUILTIN_ALIASES.items(), *_METONYMS.items()]:
        token = re.sub(r"[^a-z]", "", name.lower())
        for alias in [name, *aliases]:
            canonical[alias] = token
    # an all-capital alias (US, PRC, CCP) only as written, so "us" stays a word; a city
    # only where no name follows ("Washington said", not "the Washington Examiner")
    cities = {"Washington", "Beijing", "Taipei", "Tokyo", "Moscow", "London"}
    exact = {alias for alias in canonical if alias.isupper() or "." in alias} | cities
    pattern = re.compile(r"(?<![\w.])(?:the\s+)?(" + _trie(canonical, exact, cities)
                         + r")(?:['’]s)?(?!\w)")
    return pattern, {k.lower(): v for k, v in canonical.items()} | canonical


def _trie(words: Iterable[str], exact: set[str], guarded: set[str]) -> str:
    """One pattern for all ``words``, as a trie: the longest match first, one character
    at a time (a plain alternation of 200 names tries each at every word). Letters of a
    word not in ``exact`` match either case; a word in ``guarded`` must not be followed
    by a capitalised word."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            key = ch if word in exact or ch.lower() == ch.upper() else f"[{ch.lower()}{ch.upper()}]"
            node = node.setdefault(key if len(key) > 1 else re.escape(key), {})
        node[""] = "(?!\\s+[A-Z])" if word in guarded else ""

    def build(node: dict) -> str:
        branches = [key + build(child) for key, child in node.items() if key]
        # a case-free letter before a case-bound one, so "[uU]nited" is not shadowed by "U.S."
        branches.sort(key=lambda b: (not b.startswith("["), b))
        body = "|".join(branches)
        if "" not in node:
            return body if len(branches) == 1 else f"(?:{body})"
        end = node[""]
        if not branches:
            return end
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    return build(root)


ALIASES, _CANONICAL = _alias_pattern()
_ALIASES_OF = {name: [name, *aliases] for name, aliases in BUILTIN_ALIASES.items()}
for _name, _more in _METONYMS.items():
    _ALIASES_OF[_name] = [*_ALIASES_OF.get(_name, [_name]), *_more]
_NAME_OF_TOKEN = {re.sub(r"[^a-z]", "", name.lower()): name for name in _ALIASES_OF}


# A run of letters (a-z, lower case) of every alias, its longest: a text none of whose
# runs of letters is one of these holds no alias (most sentences hold none), and the
# aliases' pattern, tried at every character, is the dearer test (9 against 5 us). Each
# run of an alias is a whole run of the text it matches: the pattern admits no letter
# before or after the alias, and its other characters are not letters a-z.
_LETTER_RUN = re.compile("[a-z]+")
_ALIAS_KEYS = [_LETTER_RUN.findall(alias.lower()) for alias in _CANONICAL]
_ALIAS_RUNS = frozenset(max(runs, key=len) for runs in _ALIAS_KEYS if runs) \
    if all(_ALIAS_KEYS) else None  # an alias without such letters: the pattern always runs


def canonical_names(text: str) -> str:
    """``text`` with each alias of a country or body written as one canonical word
    ("the U.S.", "America", "Washington" -> "unitedstates")."""
    return _canonical(text)[0]


def _canonical(text: str) -> tuple[str, str]:
    """:func:`canonical_names` of ``text``, and the same in lower case."""
    folded = fold_quotes(text)
    lower = folded.lower()
    if _ALIAS_RUNS is not None and _ALIAS_RUNS.isdisjoint(_LETTER_RUN.findall(lower)):
        return folded, lower
    named = ALIASES.sub(lambda m: f" {canonical_token(m.group(1))} ", folded)
    return named, named.lower()


def canonical_token(alias: str) -> str:
    """The one word an alias of a country or body is compared as ("U.S." -> "unitedstates")."""
    return _CANONICAL.get(alias, _CANONICAL.get(alias.lower(), alias))


@lru_cache(maxsize=100_000)
def stem_of(word: str) -> str:
    return porter_stem(word)


@lru_cache(maxsize=100_000)
def information(word: str) -> float:
    """How much a word says: rare words much, common ones little (bits-like, 0.5 to 8)."""
    from wordfreq import zipf_frequency

    name = _NAME_OF_TOKEN.get(word)
    if name is not None:  # a canonical name says as much as its commonest alias
        return max(0.5, 8.0 - max(zipf_frequency(alias, "en") for alias in _ALIASES_OF[name]))
    return max(0.5, 8.0 - zipf_frequency(word, "en"))


_T = TypeVar("_T")


class _lazy(Generic[_T]):
    """``functools.cached_property`` without its lock (Python 3.11 takes an RLock on
    every first read): a comparison reads thousands of these once each, in one thread."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _lazy[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> _T | _lazy[_T]:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value  # found before this descriptor from now on
        return value


@dataclass(eq=False)  # not frozen: a frozen dataclass sets each field through a call, and
class Side:            # two reports make a thousand of these (never changed once made)
    """One sentence, analysed once (a report's sentences are compared many times). What
    only the full judgement needs is worked out when it is first asked for: most
    sentences of two reports are never judged against each other."""

    text: str
    tokens: tuple[str, ...]
    content: Counter[str]  # stems of the content words
    weights: dict[str, float]  # stem -> information of its rarest surface form

    @_lazy
    def unit(self) -> dict[str, float]:
        """The content words weighted by information, scaled to length 1: the dot product
        of two is the cosine of the sentences."""
        vector = {w: c * self.weights[w] for w, c in self.content.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items()}

    @_lazy
    def words(self) -> frozenset[str]:
        return frozenset(self.tokens)

    @_lazy
    def trigrams(self) -> frozenset[tuple[str, str, str]]:
        tokens = self.tokens
        return frozenset(zip(tokens, tokens[1:], tokens[2:]))

    @_lazy
    def joined(self) -> str:
        """The tokens, space separated (for character similarity)."""
        return " ".join(self.tokens)

    @_lazy
    def sorted_joined(self) -> str:
        """The tokens in alphabetical order, space separated (rapidfuzz's token sort)."""
        return " ".join(sorted(self.tokens))

    @_lazy
    def information_total(self) -> float:
        """The information of the content words, each as often as it occurs."""
        weights = self.weights
        return sum(weights[w] * c for w, c in self.content.items())

    @_lazy
    def numbers(self) -> frozenset[str]:
        return frozenset(n.replace(",", "") for n in _NUMBER.findall(self.text))

    @_lazy
    def negated(self) -> bool:
        if self.words.isdisjoint(NEGATIONS) and "n't" not in self.joined:  # most sentences
            return False
        return sum(1 for t in self.tokens if t in NEGATIONS or t.endswith("n't")) % 2 == 1

    @_lazy
    def up(self) -> bool:
        return not self.words.isdisjoint(_UP)

    @_lazy
    def down(self) -> bool:
        return not self.words.isdisjoint(_DOWN)

    @_lazy
    def names(self) -> frozenset[str]:
        """Capitalised words that are names (not a sentence's first word)."""
        text = self.text
        found: set[str] = set()
        for match in _NAME.finditer(text):
            parts = match.group().split()
            at = match.start()
            # most names follow a word and a space: no sentence opens there
            opens = not (at > 1 and text[at - 1] == " " and text[at - 2] not in '."“'
                         and not text[at - 2].isspace()) and _opens_sentence(text, at)
            if len(parts) == 1:  # most: one word
                word = parts[0].strip("'’")
                if not opens and len(word) > 1:
                    found.add(word.lower())
                continue
            parts = [p.strip("'’") for p in parts]
            if opens:
                parts = [p for p in parts if p not in _SENTENCE_START_WORDS]
            found.update(p.lower() for p in parts if len(p) > 1)
        return frozenset(found)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` is the text's start or follows a full stop or an opening quote
    (spaces between): read back from ``at``, not by copying all the text before it."""
    if at == 0:
        return True
    before = at - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    return before >= 0 and text[before] in '."“'


@lru_cache(maxsize=200_000)
def _read_token(token: str) -> tuple[str, str | None, float]:
    """A lower-case token in normal form (American spelling), and its stem and information
    (None and 0 for a stop word or a number)."""
    normal = americanize(token) if token.isalpha() else _LETTERS.sub(
        lambda m: americanize(m.group()), token)
    if normal in STOP or not normal[0].isalpha():
        return normal, None, 0.0
    return normal, stem_of(normal), information(normal)


def side(text: str) -> Side:
    # the tokens of the normal form (sentences.normalize), respelt token by token (cached)
    # rather than by scanning every sentence for British spellings
    read = list(map(_read_token, _TOKEN.findall(_canonical(text)[1])))
    if not read:
        return Side(text, (), Counter(), {})
    tokens, stems, values = zip(*read)
    content: Counter[str] = Counter(stems)  # counted in C; stop words and numbers under None
    content.pop(None, None)  # type: ignore[call-overload]
    weights: dict[str, float] = {}
    for stem, value in zip(stems, values):  # a stem's weight: its rarest surface form's
        if value > weights.get(stem, 0.0):  # (0 for a stop word: never kept)
            weights[stem] = value
    return Side(text, tokens, content, weights)


def joined(first: Side, second: Side) -> Side:
    """Two sentences read as one (a sentence of the other report may merge their facts);
    word weights as the two had them."""
    weights = dict(first.weights)
    for word, weight in second.weights.items():
        weights[word] = max(weight, weights.get(word, 0.0))
    return Side(f"{first.text} {second.text}", first.tokens + second.tokens,
                first.content + second.content, weights)


def in_context(sides: list[Side]) -> list[Side]:
    """The sides with each word's information scaled by its rarity among these sentences
    (two reports on one story): "Taiwan" says little in a story about Taiwan.

    The scale is the word's inverse sentence frequency here, 1 for a word in one
    sentence, falling towards 0.1 for one in every sentence.
    """
    if len(sides) < 2:
        return sides
    frequency: Counter[str] = Counter()
    for s in sides:
        frequency.update(s.content.keys())  # each word once per sentence (counted in C)
    total = len(sides) + 1
    top = math.log(total / 2)
    scale = {w: min(1.0, max(0.1, math.log(total / (n + 1)) / top)) for w, n in frequency.items()}
    return [Side(s.text, s.tokens, s.content, {w: v * scale[w] for w, v in s.weights.items()})
            for s in sides]


def _cover(a: Side, b: Side) -> tuple[float, float, float]:
    """Of A's information (weighted content words): the share B also has, the share of
    its distinct words' weight B lacks, and the rarest word B lacks (one pass)."""
    weights, other = a.weights, b.content
    shared = missing = rarest = 0.0
    for w, c in a.content.items():
        weight = weights[w]
        if w in other:
            shared += weight * c
        else:
            missing += weight
            if weight > rarest:
                rarest = weight
    total = a.information_total
    return (shared / total if total else 1.0,
            missing / (sum(weights.values()) or 1.0), rarest)


def cosine(a: Side, b: Side) -> float:
    """The cosine of two sentences' information-weighted content words."""
    ua, ub = (a.unit, b.unit) if len(a.unit) <= len(b.unit) else (b.unit, a.unit)
    return sum(v * ub[w] for w, v in ua.items() if w in ub)


def _gram_cover(ga: frozenset[tuple[str, str, str]], gb: frozenset[tuple[str, str, str]],
                ) -> tuple[float, float]:
    shared = len(ga & gb)
    return (shared / len(ga) if ga else 0.0, shared / len(gb) if gb else 0.0)


def _names_cover(a: Side, b: Side) -> float:
    if not a.names:
        return 1.0
    return len(a.names & b.names) / len(a.names)


def features(a: Side, b: Side) -> list[float]:
    """The feature vector of a pair, in the order of NAMES; symmetric in A and B."""
    if a.text == b.text and a.tokens and a.weights == b.weights:
        return _identical(a)
    cover_a, unmatched_a, rarest_a = _cover(a, b)
    cover_b, unmatched_b, rarest_b = _cover(b, a)
    shared_words = len(a.words & b.words)
    word_a = shared_words / len(a.words) if a.words else 0.0
    word_b = shared_words / len(b.words) if b.words else 0.0
    tri_a, tri_b = _gram_cover(a.trigrams, b.trigrams)
    lcs = LCSseq.similarity(a.tokens, b.tokens)
    lcs_a = lcs / len(a.tokens) if a.tokens else 0.0
    lcs_b = lcs / len(b.tokens) if b.tokens else 0.0
    numbers_both = bool(a.numbers and b.numbers)
    union = a.numbers | b.numbers
    names_a, names_b = _names_cover(a, b), _names_cover(b, a)
    content_a, content_b = sum(a.content.values()), sum(b.content.values())
    return [
        min(cover_a, cover_b), max(cover_a, cover_b), cosine(a, b),
        min(word_a, word_b), max(word_a, word_b), min(tri_a, tri_b),
        min(lcs_a, lcs_b), max(lcs_a, lcs_b), fuzz.ratio(a.joined, b.joined) / 100,
        fuzz.ratio(a.sorted_joined, b.sorted_joined) / 100,
        float(numbers_both), float(numbers_both and a.numbers == b.numbers),
        float(len(a.numbers ^ b.numbers)),
        len(a.numbers & b.numbers) / len(union) if union else 1.0,
        float(numbers_both and not a.numbers & b.numbers),
        float(a.negated != b.negated),
        float((a.up and b.down and not b.up) or (a.down and b.up and not a.up)),
        abs(math.log((len(a.tokens) + 1) / (len(b.tokens) + 1))),
        abs(content_a - content_b) / max(content_a, content_b, 1),
        max(unmatched_a, unmatched_b), max(rarest_a, rarest_b),
        min(names_a, names_b), float(len(a.names ^ b.names)),
    ]


def _identical(a: Side) -> list[float]:
    """:func:`features` of a sentence and itself, every measure of agreement at its top
    (reused wire copy: two reports can share hundreds of sentences word for word). Named,
    so a feature added to NAMES without its value here fails at once."""
    numbers = float(bool(a.numbers))
    trigrams = float(bool(a.trigrams))
    values = {
        "info_cover_min": 1.0, "info_cover_max": 1.0, "info_cosine": cosine(a, a),
        "word_cover_min": 1.0, "word_cover_max": 1.0, "trigram_cover_min": trigrams, "lcs_min": 1.0,
        "lcs_max": 1.0, "char_ratio": 1.0, "char_token_sort": 1.0,
        "numbers_both": numbers, "numbers_agree": numbers,
        "numbers_only_one": 0.0, "numbers_jaccard": 1.0, "numbers_disjoint": 0.0,
        "negation_mismatch": 0.0, "direction_mismatch": 0.0, "length_log_ratio": 0.0,
        "content_length_diff": 0.0, "unmatched_info_max": 0.0, "unmatched_rarest": 0.0,
        "names_cover_min": 1.0, "names_only_one": 0.0,
    }
    return [values[name] for name in NAMES]
