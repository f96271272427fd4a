"""Align two reports sentence by sentence: shared quotes, reused wire copy,
paraphrases of the same fact, and what each one alone reports.

Kinds, strongest first (one sentence joins at most one pair):

* ``quote`` - both sentences carry the same quotation: the longest run of
  words common to a quotation in each covers at least 5 words, or 80% of the
  shorter quotation (a trimmed or extended quote). Words are compared in
  normal form (straight quotes, lower case, American spelling), so
  attribution tails ("Tsai said" / "Tsai added") do not matter.
* ``same`` - near-identical sentences: rapidfuzz ratio of the normal forms
  >= 85.
* ``similar`` - the same fact in other words:
  0.6 x cosine of stemmed content words weighted by idf
  + 0.25 x overlap of named entities (canonical names)
  + 0.15 x overlap of numbers, at least SIMILAR_THRESHOLD (chosen on the
  labelled pairs in tests/data/similar_pairs.json, see bench_compare.py).
  Only pairs sharing a word that is not common in the two reports (in more
  than a tenth of their sentences together, and more than COMMON_FLOOR) are
  scored; the count is over both reports, so swapping A and B swaps the pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.process import cdist
from whoosh.lang.porter import stem as porter_stem

from ..articles.article import Article
from .sentences import Sentence, normalize, sentences

SIMILAR_THRESHOLD = 0.20  # best F1 (0.82) on the 28 labelled pairs
SAME_RATIO = 85.0
COMMON_FLOOR = 4  # short reports: a word in up to four sentences is never common
QUOTE_MIN_WORDS = 5
PAIR_KINDS = ("quote", "same", "similar")  # strongest first
KIND_ORDER = {kind: rank for rank, kind in enumerate(PAIR_KINDS)}
_QUOTE = re.compile(r'"([^"]{8,}?)"')
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those he she they we you i his her their our your them him us
has have had do does did not no so than then there here which who whom what when where why how
all any some would could should will can may might must said says say also about into over
after before against between through during up down out off more most such only own same other
just very""".split())


@dataclass(frozen=True)
class Pair:
    kind: str
    score: float
    a: Sentence
    b: Sentence
    weight: int = 0  # words in the shared quotation: longer quotes pair first


    def swapped(self) -> Pair:
        return Pair(self.kind, self.score, self.b, self.a, self.weight)


@dataclass(frozen=True)
class Alignment:
    pairs: list[Pair]
    only_a: list[Sentence]
    only_b: list[Sentence]

    def counts(self) -> dict[str, int]:
        """Pairs of each kind (every kind in PAIR_KINDS, zero where none)."""
        found = Counter(p.kind for p in self.pairs)
        return {kind: found[kind] for kind in PAIR_KINDS}

    def swapped(self) -> Alignment:
        """The same alignment seen from the other side: B's sentences become A's."""
        pairs = sorted((p.swapped() for p in self.pairs), key=lambda p: (p.a.index, p.b.index))
        return Alignment(pairs, self.only_b, self.only_a)


def quotations(text: str, normalized: str | None = None) -> list[list[str]]:
    """The word lists of the quotations in a sentence (curly or straight quotes).

    A quotation that spans sentences leaves one sentence with only an opening
    quote and the next with only a closing one; those parts count too.
    """
    norm = normalized or normalize(text)
    found = _QUOTE.findall(norm)
    part = "" if found else _dangling(text)
    if part:
        found.append(normalize(part))
    return [_WORD.findall(q) for q in found]


def _dangling(text: str) -> str:
    """The quoted part of a sentence whose quotation opens or closes elsewhere."""
    if text.count("“") > text.count("”"):
        return text[text.rindex("“") + 1 :]
    if text.count("”") > text.count("“"):
        return text[: text.index("”")]
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2 and not (text.count("“") or text.count("”")):
        i = straight[-1] if len(straight) > 1 else straight[0]
        opening = (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalnum()
        return text[i + 1 :] if opening else text[:i]
    return ""


def quote_score(a: list[list[str]], b: list[list[str]]) -> tuple[float, int]:
    """Share of the shorter quotation covered by the longest common run of words, and its length."""
    best, size = 0.0, 0
    for qa in a:
        for qb in b:
            if not qa or not qb:
                continue
            match = SequenceMatcher(None, qa, qb, autojunk=False).find_longest_match(
                0, len(qa), 0, len(qb))
            shorter = min(len(qa), len(qb))
            long_enough = match.size >= QUOTE_MIN_WORDS or (
                shorter >= 3 and match.size >= 0.8 * shorter)
            if long_enough and (match.size, match.size / shorter) > (size, best):
                best, size = match.size / shorter, match.size
    return best, size


_stem = lru_cache(maxsize=50_000)(porter_stem)


def content_words(text: str, normalized: str | None = None) -> Counter[str]:
    words = _WORD.findall(normalized or normalize(text))
    return Counter(_stem(w) for w in words if w not in _STOP and not w.isdigit())


def _weighted(words: Counter, idf: Callable[[str], float]) -> dict[str, float]:
    """Unit-length idf-weighted vector: the dot product of two is their cosine."""
    vector = {w: c * idf(w) for w, c in words.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _similarity(cosine: float, ents_a: set, ents_b: set, nums_a: set, nums_b: set) -> float:
    """The `similar` score: wording, shared entities, shared numbers."""
    return 0.6 * cosine + 0.25 * _jaccard(ents_a, ents_b) + 0.15 * _jaccard(nums_a, nums_b)


def similar_score(a: Counter, b: Counter, ents_a: set, ents_b: set, nums_a: set, nums_b: set,
                  idf: Callable[[str], float]) -> float:
    return _similarity(_dot(_weighted(a, idf), _weighted(b, idf)), ents_a, ents_b, nums_a, nums_b)


def _entity_sets(sents: list[Sentence], entities) -> list[set[str]]:
    out: list[set[str]] = [set() for _ in sents]
    if not entities:
        return out
    for e in entities:
        if not e.field:
            continue
        for s in sents:
            if s.start <= e.start < s.end:
                out[s.index].add(e.canonical)
                break
    return out


def local_idf(*groups: list[Counter]) -> Callable[[str], float]:
    """Rarity over the two reports' sentences, when no corpus statistics are given."""
    df: Counter[str] = Counter()
    total = 0
    for group in groups:
        for words in group:
            df.update(set(words))
            total += 1
    return lambda w: math.log(1 + total / (1 + df[w]))


def align(a: Article, b: Article, *, entities_a=None, entities_b=None,
          idf: Callable[[str], float] | None = None) -> Alignment:
    """Pairs of sentences of ``a`` and ``b`` that report the same thing, and the rest."""
    sa, sb = sentences(a), sentences(b)
    if not sa or not sb:
        return Alignment([], sa, sb)
    norm_a = [normalize(s.text) for s in sa]
    norm_b = [normalize(s.text) for s in sb]
    words_a = [content_words(s.text, n) for s, n in zip(sa, norm_a)]
    words_b = [content_words(s.text, n) for s, n in zip(sb, norm_b)]
    idf = idf or local_idf(words_a, words_b)
    candidates: list[Pair] = []
    quotes_b = [quotations(s.text, n) for s, n in zip(sb, norm_b)]
    for s, qa in ((s, quotations(s.text, n)) for s, n in zip(sa, norm_a)):
        if qa:
            for t, qb in zip(sb, quotes_b):
                if qb:
                    score, words = quote_score(qa, qb)
                    if score:
                        candidates.append(Pair("quote", round(score, 3), s, t, words))
    ratios = cdist(norm_a, norm_b, scorer=fuzz.ratio, score_cutoff=SAME_RATIO)
    for i, j in zip(*ratios.nonzero()):
        candidates.append(Pair("same", round(float(ratios[i, j]) / 100, 3), sa[i], sb[j]))
    ents_a, ents_b = _entity_sets(sa, entities_a), _entity_sets(sb, entities_b)
    nums_a = [set(_NUMBER.findall(s.text)) for s in sa]
    nums_b = [set(_NUMBER.findall(s.text)) for s in sb]
    vec_a = [_weighted(w, idf) for w in words_a]
    vec_b = [_weighted(w, idf) for w in words_b]
    index_b: dict[str, list[int]] = {}
    for j, counted in enumerate(words_b):
        for w in counted:
            index_b.setdefault(w, []).append(j)
    # a word is common by its sentences in both reports, so swapping A and B changes nothing
    in_a = Counter(w for counted in words_a for w in set(counted))
    common = max(COMMON_FLOOR, (len(sa) + len(sb)) // 10)
    for i, counted in enumerate(words_a):
        near = {j for w in counted if in_a[w] + len(index_b.get(w, ())) <= common
                for j in index_b.get(w, ())}
        for j in near:
            score = _similarity(_dot(vec_a[i], vec_b[j]), ents_a[i], ents_b[j],
                                nums_a[i], nums_b[j])
            if score >= SIMILAR_THRESHOLD:
                candidates.append(Pair("similar", round(score, 3), sa[i], sb[j]))
    candidates.sort(key=lambda p: (KIND_ORDER[p.kind], -p.weight, -p.score, p.a.index, p.b.index))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for pair in candidates:
        if pair.a.index in used_a or pair.b.index in used_b:
            continue
        used_a.add(pair.a.index)
        used_b.add(pair.b.index)
        pairs.append(pair)
    pairs.sort(key=lambda p: (p.a.index, p.b.index))
    return Alignment(pairs, [s for s in sa if s.index not in used_a],
                     [s for s in sb if s.index not in used_b])
