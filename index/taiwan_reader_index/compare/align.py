"""Align two reports sentence by sentence: shared quotations, reused wire copy,
the same fact in other words, and what each report alone says.

Every pair of sentences that share enough of their information is judged
(``judgement.py``: ``quote``, ``same``, ``similar`` or not the same fact). Of the
pairs judged the same fact, the set with the greatest total confidence is
chosen at once (an optimal assignment, so an early weak pair never takes a
sentence from a later strong one), quotations first. A sentence that merges
two facts the other report gives apart stands beside both: the second pair
is kept when the two sentences of the other side together match it better
than the first alone. The rest is only in A or only in B; where the likeliest
counterpart of such a sentence is not judged the same fact but is not far off
(POSSIBLE), it is named beside it as a possible match. The judgement is
symmetric, so swapping A and B swaps the pairs.
"""

from __future__ import annotations

import gc
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..articles.article import Article
from ..entities.mention import Entity
from .features import Side, in_context, joined, side, stem_of
from .judgement import (
    UNRELATED,
    Judgement,
    judge_sides,
    model,
    quotations,
    quoted_terms,
    too_few_shared,
)
from .sentences import Sentence, sentences

PAIR_KINDS = ("quote", "same", "similar")  # strongest first
# Pairs whose information overlaps less than this are not judged: the judgement would
# call them different facts, and judging every pair of two long reports takes seconds.
NEAR = UNRELATED
# An unpaired sentence whose best counterpart the judgement puts at this probability or
# more (about one chance in four that a person would call it the same fact) is shown
# beside it as a possible match, so "only in A" is never asserted where it may be wrong.
POSSIBLE = 0.25
assert UNRELATED < POSSIBLE  # the aligner skips pairs judged below UNRELATED unread
MERGE_MIN_WORDS = 10  # content words a sentence needs to hold two facts


@dataclass(frozen=True)
class Pair:
    kind: str  # one of PAIR_KINDS
    score: float  # the judgement's confidence that the two state the same fact
    a: Sentence
    b: Sentence
    weight: int = 0  # with "quote": quoted words in a row that both carry
    merged: bool = False  # a second pair of one sentence that merges two facts

    def swapped(self) -> Pair:
        return Pair(self.kind, self.score, self.b, self.a, self.weight, self.merged)


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view."""

    kind: str  # a pair's kind, "possible", "only-a" or "only-b"
    a: Sentence | None
    b: Sentence | None
    score: float = 0.0
    pair: Pair | None = None
    repeat_a: bool = False  # A's sentence is the one in the row above (it merges two facts)
    repeat_b: bool = False


@dataclass(frozen=True)
class Alignment:
    pairs: list[Pair]  # the same fact (kinds in PAIR_KINDS)
    only_a: list[Sentence]  # in no pair (a possible match may be named for some)
    only_b: list[Sentence]
    possible: list[Pair] = field(default_factory=list)  # kind "possible": not judged the same
    # fact, but the likeliest counterpart of an unpaired sentence (which may be that of two)
    cut: tuple[int | None, int | None] = (None, None)  # where the compared text of A, B stops
    # short of its end (a file far longer than any report), else None

    def cut_note(self) -> str | None:
        """A line saying which report was compared only in part, if one was."""
        sides = [name for name, at in zip("AB", self.cut) if at is not None]
        if not sides:
            return None
        return (f"only the first {MAX_COMPARED_CHARS:,} characters of {' and '.join(sides)} "
                "were compared (far longer than a news report)")

    def counts(self) -> dict[str, int]:
        """Pairs of each kind (every kind in PAIR_KINDS, zero where none)."""
        found = Counter(p.kind for p in self.pairs)
        return {kind: found[kind] for kind in PAIR_KINDS}

    def rows(self) -> list[Row]:
        """Side-by-side rows in A's reading order: each pair (and possible match) on one
        row, each sentence only in A on its own, and each sentence only in B, in the B
        column, after the row of the B sentence before it."""
        linked = sorted([*self.pairs, *self.possible], key=lambda p: (p.a.index, p.b.index))
        by_a: dict[int, list[Pair]] = {}
        for pair in linked:
            by_a.setdefault(pair.a.index, []).append(pair)
        linked_b = {p.b.index for p in linked}
        after: dict[int, list[Sentence]] = {}
        for s in self.only_b:
            if s.index not in linked_b:
                anchor = max((p.a.index for p in linked if p.b.index < s.index), default=-1)
                after.setdefault(anchor, []).append(s)
        out = [Row("only-b", None, s) for s in after.get(-1, [])]
        a_side = {p.a.index: p.a for p in linked} | {s.index: s for s in self.only_a}
        for index in sorted(a_side):
            for n, pair in enumerate(by_a.get(index, ())):
                above = out[-1].b if out else None  # a repeat is marked only right below
                out.append(Row(pair.kind, pair.a, pair.b, pair.score, pair, repeat_a=n > 0,
                               repeat_b=above is not None and above.index == pair.b.index))
            if index not in by_a:
                out.append(Row("only-a", a_side[index], None))
            out.extend(Row("only-b", None, s) for s in after.get(index, []))
        return out

    def swapped(self) -> Alignment:
        """The same alignment seen from the other side: B's sentences become A's."""
        pairs = sorted((p.swapped() for p in self.pairs), key=lambda p: (p.a.index, p.b.index))
        possible = sorted((p.swapped() for p in self.possible),
                          key=lambda p: (p.a.index, p.b.index))
        return Alignment(pairs, self.only_b, self.only_a, possible, (self.cut[1], self.cut[0]))


MAX_NEAR_EACH = 12  # candidate counterparts per sentence, when there are very many


def _near(sides_a: Sequence[Side], sides_b: Sequence[Side]) -> dict[tuple[int, int], float]:
    """Pairs whose weighted content words overlap at least NEAR, with that overlap (the
    cosines of all pairs at once, as a product of two sparse matrices)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}

    def rows(sides: Sequence[Side]) -> tuple[list[int], list[int], list[float]]:
        starts: list[int] = [0]
        columns: list[int] = []
        values: list[float] = []
        for s in sides:
            for word, value in s.unit.items():
                columns.append(vocabulary.setdefault(word, len(vocabulary)))
                values.append(value)
            starts.append(len(columns))
        return starts, columns, values

    parts_a, parts_b = rows(sides_a), rows(sides_b)
    shape = len(vocabulary)
    matrix_a = csr_matrix((parts_a[2], parts_a[1], parts_a[0]), shape=(len(sides_a), shape))
    matrix_b = csr_matrix((parts_b[2], parts_b[1], parts_b[0]), shape=(len(sides_b), shape))
    dots = (matrix_a @ matrix_b.T).tocoo()  # every pair's cosine, sparse
    keep = dots.data >= NEAR
    near = dict(zip(zip(dots.row[keep].tolist(), dots.col[keep].tolist()),
                    dots.data[keep].tolist()))
    if len(near) <= MAX_NEAR_EACH * (len(sides_a) + len(sides_b)):
        return near
    # Text that repeats a few words (a dump, a table) is near everything: keep each
    # sentence's closest few on either side, so judging stays linear in the length.
    kept: set[tuple[int, int]] = set()
    for column in (0, 1):
        by_sentence: dict[int, list[tuple[float, tuple[int, int]]]] = {}
        for pair, dot in near.items():
            by_sentence.setdefault(pair[column], []).append((dot, pair))
        for ranked in by_sentence.values():
            kept.update(pair for _, pair in heapq.nlargest(MAX_NEAR_EACH, ranked))
    return {pair: near[pair] for pair in kept}


def _runs(quotes: list[list[str]]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for words in quotes for i in range(len(words) - 2)}


def _quoting_alike(quotes_a: list[list[list[str]]], quotes_b: list[list[list[str]]],
                   ) -> set[tuple[int, int]]:
    """Pairs whose quotations share a run of three words (a shared quotation needs one)."""
    holders: dict[tuple[str, ...], list[int]] = {}
    for j, quotes in enumerate(quotes_b):
        for run in _runs(quotes):
            holders.setdefault(run, []).append(j)
    # a run held by very many sentences is a refrain, not a shared quotation's evidence
    return {(i, j) for i, quotes in enumerate(quotes_a) for run in _runs(quotes)
            for j in holders.get(run, ())[:MAX_NEAR_EACH]}


def _twins(sides_a: Sequence[Side], sides_b: Sequence[Side]) -> dict[int, int]:
    """A's sentences that B carries word for word (in normal form), each with its twin:
    only where the sentence occurs once on each side (a repeated line is judged as usual)."""
    def once(sides: Sequence[Side]) -> dict[tuple[str, ...], int]:
        seen: dict[tuple[str, ...], int] = {}
        repeated: set[tuple[str, ...]] = set()
        for n, s in enumerate(sides):
            if s.tokens in seen:
                repeated.add(s.tokens)
            seen[s.tokens] = n
        return {tokens: n for tokens, n in seen.items() if tokens and tokens not in repeated}

    in_b = once(sides_b)
    return {i: in_b[tokens] for tokens, i in once(sides_a).items() if tokens in in_b}


NEAR_TWIN_WORDS = 8  # words a sentence needs for one changed word to leave it the same
NEAR_TWIN_COSINE = 0.5  # information shared by a sentence and its copy with one word changed
SAME_WORDS_COSINE = 0.9  # or by one with only small words changed: the same content words


def _near_twins(sides_a: Sequence[Side], sides_b: Sequence[Side],
                near: dict[tuple[int, int], float], twins: dict[int, int]) -> dict[int, int]:
    """A's sentences that B carries lightly edited, each with that copy: one word changed,
    added or dropped, or only small words changed (the same content words: cosine at
    least SAME_WORDS_COSINE). Only where each is the other's one such sentence, and
    neither is a twin already."""
    from rapidfuzz.distance import Levenshtein

    twinned_b = set(twins.values())
    found: dict[int, list[int]] = {}
    found_b: dict[int, list[int]] = {}
    for (i, j), overlap in near.items():
        if overlap < NEAR_TWIN_COSINE or i in twins or j in twinned_b:
            continue
        ta, tb = sides_a[i].tokens, sides_b[j].tokens
        if min(len(ta), len(tb)) >= NEAR_TWIN_WORDS and (
                overlap >= SAME_WORDS_COSINE or Levenshtein.distance(ta, tb) <= 1):
            found.setdefault(i, []).append(j)
            found_b.setdefault(j, []).append(i)
    return {i: js[0] for i, js in found.items() if len(js) == 1 and len(found_b[js[0]]) == 1}


def _weight(j: Judgement) -> float:
    """What a pair is worth in the assignment: quotations first, then confidence."""
    return j.score + (1.0 if j.kind == "quote" else 0.0) + j.quote_words / 1000


def _assign(judged: dict[tuple[int, int], Judgement]) -> list[tuple[int, int]]:
    """The set of pairs, each sentence in at most one, with the greatest total weight."""
    if not judged:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    rows = sorted({i for i, _ in judged})
    cols = sorted({j for _, j in judged})
    at_row = {i: n for n, i in enumerate(rows)}
    at_col = {j: n for n, j in enumerate(cols)}
    weights = np.zeros((len(rows), len(cols)))
    for (i, j), found in judged.items():
        weights[at_row[i], at_col[j]] = _weight(found)
    chosen_rows, chosen_cols = linear_sum_assignment(weights, maximize=True)
    return sorted((rows[r], cols[c]) for r, c in zip(chosen_rows, chosen_cols)
                  if (rows[r], cols[c]) in judged)


def _merged(judged: dict[tuple[int, int], Judgement], chosen: list[tuple[int, int]],
            sides_a: Sequence[Side], sides_b: Sequence[Side], quotes_a: list, quotes_b: list,
            ) -> list[tuple[int, int, Judgement]]:
    """Second partners: an unpaired sentence of one side, judged the same fact as a sentence
    already paired, joins that pair when both its partners together match it better."""
    partner_of_a = dict(chosen)
    partner_of_b = {j: i for i, j in chosen}
    extra = []
    for (i, j), found in sorted(judged.items(), key=lambda item: -_weight(item[1])):
        if j not in partner_of_b and i in partner_of_a:  # b_j would join the pair of a_i
            k = partner_of_a[i]
            first, second = sorted((k, j))
            together = joined(sides_b[first], sides_b[second])
            whole = judge_sides(sides_a[i], together, quotes_a[i], quotes_b[k] + quotes_b[j])
            if whole.kind and whole.score > judged[(i, k)].score:
                extra.append((i, j, found))
                partner_of_b[j] = i
        elif i not in partner_of_a and j in partner_of_b:  # a_i would join the pair of b_j
            k = partner_of_b[j]
            first, second = sorted((k, i))
            together = joined(sides_a[first], sides_a[second])
            whole = judge_sides(together, sides_b[j], quotes_a[k] + quotes_a[i], quotes_b[j])
            if whole.kind and whole.score > judged[(k, j)].score:
                extra.append((i, j, found))
                partner_of_a[i] = j
    return extra


def _split_facts(pairs: list[Pair], near: dict[tuple[int, int], float],
                 sa: list[Sentence], sb: list[Sentence], sides_a: Sequence[Side],
                 sides_b: Sequence[Side]) -> list[Pair]:
    """An unpaired sentence that reports two facts the other report gives in two sentences:
    judged against those two read together, it stands beside both (the second merged).
    Only a sentence long enough to hold two facts (MERGE_MIN_WORDS content words)."""
    near_a: dict[int, list[tuple[int, float]]] = {}  # A's sentence -> B's near it, and back
    near_b: dict[int, list[tuple[int, float]]] = {}
    for (i, j), score in near.items():
        near_a.setdefault(i, []).append((j, score))
        near_b.setdefault(j, []).append((i, score))
    used_a = {p.a.index for p in pairs}
    used_b = {p.b.index for p in pairs}

    def spread(sides_one: Sequence[Side], sides_other: Sequence[Side],
               near_one: dict[int, list[tuple[int, float]]], used_one: set[int],
               used_other: set[int]) -> Iterator[tuple[int, int, int, Judgement]]:
        """(sentence, its two counterparts in order, the judgement) on one side."""
        for i, one in enumerate(sides_one):
            if i in used_one or sum(one.content.values()) < MERGE_MIN_WORDS:
                continue
            best = [j for j, _ in sorted(near_one.get(i, ()), key=lambda js: -js[1])
                    if j not in used_other][:2]
            if len(best) < 2:
                continue
            first, second = sorted(best)
            whole = judge_sides(one, joined(sides_other[first], sides_other[second]))
            if whole.kind is not None:
                used_one.add(i)
                used_other.update(best)
                yield i, first, second, whole

    found: list[Pair] = []
    for i, first, second, whole in spread(sides_a, sides_b, near_a, used_a, used_b):
        found += [Pair("similar", whole.score, sa[i], sb[first]),
                  Pair("similar", whole.score, sa[i], sb[second], merged=True)]
    for j, first, second, whole in spread(sides_b, sides_a, near_b, used_b, used_a):
        found += [Pair("similar", whole.score, sa[first], sb[j]),
                  Pair("similar", whole.score, sa[second], sb[j], merged=True)]
    return found


def prepare() -> None:
    """Load what a first alignment needs and a later one finds loaded (scipy's sparse
    matrices and assignment, the word frequencies, the judgement's model): half a
    second, which a reader can spend while the user picks the second report."""
    from scipy.optimize import linear_sum_assignment  # noqa: F401
    from scipy.sparse import csr_matrix  # noqa: F401

    side("prepare")  # the word frequencies
    model()


def align(a: Article, b: Article, *, entities_a: Iterable[Entity] | None = None,
          entities_b: Iterable[Entity] | None = None) -> Alignment:
    """Pairs of sentences of ``a`` and ``b`` that report the same fact, and the rest.

    (The entities are accepted for callers that have them; names are compared
    through the sentences' own words, a surname matching the full name.)
    """
    with _no_gc_pauses():
        return _align(a, b)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while two reports are aligned: the work makes
    tens of thousands of small objects and no cycles, and in a process holding a big
    heap (the reader, with its index open) each collection it triggers scans all of it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _align(a: Article, b: Article) -> Alignment:
    ends = _compared_until(a), _compared_until(b)
    sa, sb = sentences(a, ends[0]), sentences(b, ends[1])
    if not sa or not sb:
        return Alignment([], sa, sb, cut=ends)
    sides = in_context([side(s.text) for s in [*sa, *sb]])
    sides_a, sides_b = sides[:len(sa)], sides[len(sa):]
    quotes_a = [quotations(s.text) for s in sa]
    quotes_b = [quotations(s.text) for s in sb]
    near = _near(sides_a, sides_b)
    candidates = set(near) | _quoting_alike(quotes_a, quotes_b)
    # A sentence both reports carry word for word is paired with its twin: judging it
    # against the twin's neighbours cannot change that (reused wire copy makes hundreds).
    twins = _twins(sides_a, sides_b)
    twins.update(_near_twins(sides_a, sides_b, near, twins))
    if twins:
        twinned_b = set(twins.values())
        candidates = {(i, j) for i, j in candidates
                      if twins.get(i, j) == j and (j not in twinned_b or i in twins)}
    judged: dict[tuple[int, int], Judgement] = {}
    unsure: dict[tuple[int, int], Judgement] = {}
    for i, j in candidates:
        if not (quotes_a[i] and quotes_b[j]) and too_few_shared(sides_a[i], sides_b[j]):
            continue  # no pair, and a score below POSSIBLE: its features would be wasted
        found = judge_sides(sides_a[i], sides_b[j], quotes_a[i], quotes_b[j])
        if found.kind is not None:
            judged[(i, j)] = found
        elif found.score >= POSSIBLE:
            unsure[(i, j)] = found
    chosen = _assign(judged)
    pairs = [Pair(judged[(i, j)].kind or "", judged[(i, j)].score, sa[i], sb[j],
                  judged[(i, j)].quote_words) for i, j in chosen]
    pairs += [Pair(found.kind or "", found.score, sa[i], sb[j], found.quote_words, merged=True)
              for i, j, found in _merged(judged, chosen, sides_a, sides_b, quotes_a, quotes_b)]
    pairs += _split_facts(pairs, near, sa, sb, sides_a, sides_b)
    pairs.sort(key=lambda p: (p.a.index, p.b.index))
    used_a = {p.a.index for p in pairs}
    used_b = {p.b.index for p in pairs}
    unsure = {(i, j): found for (i, j), found in unsure.items()
              if i not in used_a and j not in used_b}
    for i, j in _same_terms(sides_a, sides_b, used_a, used_b):  # possible, whatever the score
        if (i, j) not in unsure:
            unsure[(i, j)] = judge_sides(sides_a[i], sides_b[j], quotes_a[i], quotes_b[j])
    offered = _assign(unsure)
    offered += _second_possible(unsure, offered)
    possible = [Pair("possible", unsure[(i, j)].score, sa[i], sb[j]) for i, j in sorted(offered)]
    return Alignment(pairs, [s for s in sa if s.index not in used_a],
                     [s for s in sb if s.index not in used_b], possible, ends)


def _second_possible(unsure: dict[tuple[int, int], Judgement], offered: list[tuple[int, int]],
                     ) -> list[tuple[int, int]]:
    """Possible matches for the sentences the assignment left without one: each such
    sentence that has a counterpart at POSSIBLE or more (already another's possible
    match) is offered its likeliest, beside that one, so no sentence with a likely
    counterpart is listed as what the other report leaves out. (Two of 296 such claims
    on the seed comparisons, one a pair a person judged the same fact.)"""
    taken_a = {i for i, _ in offered}
    taken_b = {j for _, j in offered}
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), found in unsure.items():
        if i not in taken_a:  # likeliest first, then the earliest counterpart (both ways)
            best_a[i] = max(best_a.get(i, (-1.0, 0)), (found.score, -j))
        if j not in taken_b:
            best_b[j] = max(best_b.get(j, (-1.0, 0)), (found.score, -i))
    return sorted({(i, -j) for i, (_, j) in best_a.items()}
                  | {(-i, j) for j, (_, i) in best_b.items()})


def _same_terms(sides_a: Sequence[Side], sides_b: Sequence[Side], used_a: set[int],
                used_b: set[int]) -> set[tuple[int, int]]:
    """Unpaired sentences of A and B that quote the same term (:func:`quoted_terms`) and
    share a content word besides ("a policy of 'strategic ambiguity' with Taiwan"): a
    common phrase quoted in two unrelated sentences shares nothing else."""
    holders: dict[tuple[str, ...], list[int]] = {}
    for j, s in enumerate(sides_b):
        if j not in used_b:
            for term in quoted_terms(s.text):
                holders.setdefault(term, []).append(j)
    found: set[tuple[int, int]] = set()
    if not holders:
        return found
    for i, s in enumerate(sides_a):
        if i in used_a:
            continue
        for term in quoted_terms(s.text):
            in_term = {stem_of(word) for word in term}
            found.update((i, j) for j in holders.get(term, ())[:MAX_NEAR_EACH]
                         if (s.content.keys() & sides_b[j].content.keys()) - in_term)
    return found


MAX_COMPARED_CHARS = 100_000  # four times the longest report in BBC, Reuters or the seeds


def _compared_until(article: Article) -> int | None:
    """Where the compared text of ``article`` ends, when it is longer than any report (the
    work grows with the product of the two lengths), else None."""
    paragraphs = article.paragraphs
    if not paragraphs:
        return None
    until = paragraphs[0].start + MAX_COMPARED_CHARS
    return until if paragraphs[-1].end > until else None
