"""The corpus's words as written, for fuzzy terms and "did you mean".

Whoosh finds the words near a fuzzy term by walking the merged term list of
every segment in pure Python, with a Python edit distance: 0.7 s a query on
Reuters, and as the body field is stemmed, a misspelt word is compared with
stems ("transprtation~" found nothing). Here the words as written, each with
the number of articles that write it, are kept in a file beside the index by
each index run as it stores and removes articles (read in a few milliseconds
by a searcher; Whoosh's spelling field, which held them before, was a fifth of
the index), grouped by first letter, and compared with rapidfuzz's
Damerau-Levenshtein distance in C. A fuzzy term matches words whatever their
first letter, so before that the words too far from it in length and letter
counts are set aside with numpy (``_LetterCounts``): rapidfuzz over all 85,000
words of 40,000 articles took 10-25 ms a term, the two steps 2-4 ms.
A fuzzy term then becomes an OR of the stems of the words within its
distance, so it finds, ranks and highlights as any other words do.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import takewhile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..locations import write_atomic

if TYPE_CHECKING:
    from whoosh import query as wq

log = logging.getLogger(__name__)


def _stemmer() -> Any:
    """The body field's analyser. Whoosh (its query, analysis and schema modules) loads
    with the first use, not with the index run's module: the reader imports that module
    before its first screen."""
    from .schema import body_stemmer

    return body_stemmer()


BODY = "body"
MAX_EXPANSIONS = 64  # the most frequent words within the distance, when there are more
_FUZZY = re.compile(r"(?<![\w:])([^\W\d_][\w'’-]*)~(\d*)")


def written_fuzzy_words(text: str) -> dict[str, str]:
    """The fuzzy terms of a query as the user wrote them, by the stem the parser made of
    each (a parsed fuzzy term holds only the stem)."""
    return _by_stem(word for word, _ in _FUZZY.findall(text))


def _by_stem(words: Iterable[str]) -> dict[str, str]:
    """Each word (case-folded) by the stem the parser makes of it; the first one wins."""
    written: dict[str, str] = {}
    for word in words:
        for token in _stemmer()(word):
            written.setdefault(token.text, word.casefold())
    return written


_PREFIX = re.compile(r"(?<![\w:*?])([^\W\d_][\w'’-]*)\*(?![\w*?])")


def written_prefixes(text: str) -> dict[str, str]:
    """The prefixes of a query (``defen*``) as the user wrote them, by what the parser made
    of each: it runs the stemmer over a prefix, so "thes*" becomes "the*" and "cons*"
    "con*"."""
    return _by_stem(_PREFIX.findall(text))


def words_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".words")


def written_words(text: str) -> set[str]:
    """The words of ``text`` as written: lower case and unstemmed (what Whoosh's spelling
    field held)."""
    return {token.text for token in _stemmer()(text, no_morph=True)}


def index_stamp(index_path: Path, generation: int) -> str:
    """Which index a words file describes: its folder (a rebuild makes a new one, whose
    generations count from the start again) and its generation."""
    return f"{index_path.stat().st_ino}:{generation}"


def _read_words_file(index_path: Path) -> tuple[str, dict[str, str]] | None:
    """A words file's stamp and its words, each with the number of articles that write
    it (as text: most are never asked for); None if unreadable."""
    try:
        stamp, _, body = words_path(index_path).read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    counts = dict(line.partition("\t")[::2] for line in body.split("\n") if line)
    return stamp, counts


def _same_folder(stamp: str, index_path: Path) -> bool:
    try:
        return stamp.startswith(f"{index_path.stat().st_ino}:")
    except OSError:  # the index folder went away meanwhile
        return False


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # a damaged line: the word is still known
        return 1


class WrittenWords:
    """The words file an index run keeps: every word as written, with the number of
    articles that write it. Each article stored adds its words; each one replaced or
    removed takes its old words away (read from the index); the file is written after
    each commit."""

    def __init__(self, index_path: Path, ix) -> None:
        self.index_path, self._ix = index_path, ix
        self._searcher: Any = None  # opened when the first article is replaced or removed
        self.counts: Counter[str] = Counter()
        found = _read_words_file(index_path) if words_current(index_path, ix) else None
        if found is not None:
            self.counts.update({word: _count(n) for word, n in found[1].items()})
        elif ix.doc_count_all():  # missing, damaged, or a run stopped before saving it
            log.info("counting the words of %s again from its articles", index_path)
            with ix.reader() as reader:
                for fields in reader.all_stored_fields():
                    self.counts.update(written_words(fields.get(BODY, "")))

    def add(self, text: str) -> None:
        self.counts.update(written_words(text))

    def forget(self, article_id: str) -> None:
        """Take away the words of the indexed article ``article_id`` (call before it is
        replaced or deleted: they are read from the index as this run found it)."""
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        fields = self._searcher.document(id=article_id)
        if fields:
            self.counts.subtract(written_words(fields.get(BODY, "")))

    def save(self, ix) -> None:
        """Write the file for the index as it now is (call after a commit)."""
        write_atomic(words_path(self.index_path),
                     f"{index_stamp(self.index_path, ix.latest_generation())}\n"
                     + "\n".join(f"{word}\t{n}" for word, n in sorted(self.counts.items())
                                 if n > 0))

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()


def words_current(index_path: Path, ix) -> bool:
    """Whether the words file describes the index as it now is (its first line only)."""
    try:
        with words_path(index_path).open(encoding="utf-8") as handle:
            stamp = handle.readline().rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return False
    return stamp == index_stamp(index_path, ix.latest_generation())


def _saved_words(index_path: Path | None) -> dict[str, str] | None:
    """The words file of this index folder (of an earlier generation too: a stopped run
    may not have written its last batch's words), or None."""
    if index_path is None:
        return None
    found = _read_words_file(index_path)
    if found is None or not _same_folder(found[0], index_path):
        return None
    return found[1]


class Vocabulary:
    """Every word of the corpus as written, by first letter; document counts on demand."""

    def __init__(self, reader, index_path: Path | None = None) -> None:
        self._reader = reader
        saved = _saved_words(index_path)
        if saved is None:  # no words file (deleted by hand): the stems, as Whoosh compares
            log.warning("no words file beside %s: fuzzy terms compare stems until the next "
                        "index run", index_path)
            saved = {t.decode("utf-8") if isinstance(t, bytes) else t: ""
                     for t in reader.lexicon(BODY)}
        self._counts = saved
        self.words = frozenset(saved)
        by_letter: defaultdict[str, list[str]] = defaultdict(list)
        for word in saved:
            by_letter[word[:1]].append(word)
        self.by_letter = dict(by_letter)
        # a letter's words in order, and by length, when first asked
        self._sorted: dict[str, list[str]] = {}
        self._lengths: dict[str, tuple[list[str], list[int]]] = {}
        self._freq: dict[str, int] = {}
        self._letters: _LetterCounts | None = None  # made by the first fuzzy term

    def frequency(self, word: str) -> int:
        """In how many articles ``word`` is written (0: none, any more)."""
        if word not in self._freq:
            counted = self._counts.get(word)
            self._freq[word] = _count(counted) if counted else \
                self._reader.doc_frequency(BODY, word)
        return self._freq[word]

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def near(self, word: str, maxdist: int, prefix: int = 1) -> list[tuple[str, int]]:
        """Words within ``maxdist`` edits of ``word`` that share its first ``prefix``
        letters, with their distance, nearest and most common first."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein, Indel

        word = word.casefold()
        if prefix:  # the letter's words of a length within maxdist of the word's
            ordered, lengths = self._by_length(word[:1])
            pool = ordered[bisect_left(lengths, len(word) - maxdist):
                           bisect_right(lengths, len(word) + maxdist)]
        else:  # rapidfuzz over all 85,000 words of 40k articles took 10-25 ms
            if self._letters is None:
                self._letters = _LetterCounts(list(self.words))
            pool = self._letters.within(word, maxdist)
        if prefix > 1:
            pool = [w for w in pool if w[:prefix] == word[:prefix]]
        # Words within n edits are within 2n insertions and deletions (a substitution or
        # a swap is two of them), a distance rapidfuzz computes bit-parallel: the pool is
        # narrowed by it first (3-4x faster on 85,000 words), the same words come out.
        pool = [w for w, _, _ in process.extract(word, pool, scorer=Indel.distance,
                                                 score_cutoff=2 * maxdist, limit=None)]
        found = process.extract(word, pool, scorer=DamerauLevenshtein.distance,
                                score_cutoff=maxdist, limit=None)
        return sorted(((w, int(d)) for w, d, _ in found),
                      key=lambda pair: (pair[1], -self.frequency(pair[0]), pair[0]))

    def _by_length(self, letter: str) -> tuple[list[str], list[int]]:
        """The words beginning with ``letter``, shortest first, and their lengths."""
        if letter not in self._lengths:
            ordered = sorted(self.by_letter.get(letter, []), key=len)
            self._lengths[letter] = ordered, [len(w) for w in ordered]
        return self._lengths[letter]

    def stems(self, words: list[str]) -> list[str]:
        """The body field's terms for these words (the stems the index holds)."""
        out: dict[str, None] = {}
        for word in words:
            for token in _stemmer()(word):
                out[token.text] = None
        return list(out)

    def expand_fuzzy(self, q: wq.Query, text: str) -> wq.Query:
        """``q`` with each fuzzy body term replaced by the stems of the words within its
        distance of the word as written (no match: a term that matches nothing)."""
        from whoosh import query as wq

        written = written_fuzzy_words(text)

        def rewrite(node: wq.Query) -> wq.Query:
            if not (isinstance(node, wq.FuzzyTerm) and node.fieldname == BODY):
                return node
            stems = self.fuzzy_stems(written.get(node.text, node.text), node.maxdist,
                                     node.prefixlength)
            if not stems:
                return wq.Term(BODY, node.text, boost=node.boost)  # finds what the stem finds
            return _any_of(stems, node.boost)

        return q.accept(rewrite)

    def starting_with(self, prefix: str) -> list[str]:
        """The corpus's words as written that begin with ``prefix``."""
        prefix = prefix.casefold()
        letter = prefix[:1]
        ordered = self._sorted.get(letter)
        if ordered is None:  # found by halving, not by a look at each of the letter's words
            ordered = self._sorted[letter] = sorted(self.by_letter.get(letter, []))
        start = bisect_left(ordered, prefix)
        return list(takewhile(lambda word: word.startswith(prefix), ordered[start:]))

    def expand_prefixes(self, q: wq.Query, text: str) -> wq.Query:
        """``q`` with each body prefix replaced by the stems of the words that begin with
        it as written ("thes*": these, thesis; not the stem "the"); none: a term that
        matches nothing."""
        from whoosh import query as wq

        written = written_prefixes(text)

        def rewrite(node: wq.Query) -> wq.Query:
            if not (type(node) is wq.Prefix and node.fieldname == BODY):
                return node
            typed = written.get(node.text, node.text)
            stems = sorted(self.stems(self.starting_with(typed)))
            if not stems:
                return wq.Term(BODY, f"{typed}*", boost=node.boost)  # no such term
            return _any_of(stems, node.boost)

        return q.accept(rewrite)

    def fuzzy_stems(self, word: str, maxdist: int, prefix: int = 1) -> list[str]:
        """The index terms a fuzzy ``word~maxdist`` stands for: the stems of the corpus's
        words within that distance (the MAX_EXPANSIONS commonest)."""
        near = self.near(word, maxdist, prefix)
        ranked = sorted(near, key=lambda pair: -self.frequency(pair[0]))[:MAX_EXPANSIONS]
        return self.stems([w for w, _ in ranked])

    def suggest(self, word: str, maxdist: int = 2) -> str | None:
        """The likeliest correction of a word the corpus lacks: nearest, then commonest."""
        return next((w for w, _ in self.near(word, maxdist, prefix=1) if self.frequency(w)),
                    None)


class _LetterCounts:
    """Words with the count of each letter, to set aside at once (numpy) those too far
    from a word to be within n edits: an edit changes a word's length by at most one
    and its letter counts by at most two in all (a swap of two letters by none), so a
    word n edits away differs from it by at most n in length and 2n in letter counts."""

    def __init__(self, words: list[str]) -> None:
        import numpy as np

        self.words = words
        chars = np.frombuffer("\n".join(words).encode("utf-32-le"), dtype=np.uint32)
        between = chars == ord("\n")
        lengths = np.diff(np.flatnonzero(between), prepend=-1, append=len(chars)) - 1
        owners = np.cumsum(between)[~between]  # the word each letter is in
        counts = np.bincount(owners * 27 + _symbols(chars[~between]), minlength=27 * len(words))
        self._order = np.argsort(lengths, kind="stable")  # each length one run of rows
        self._lengths = lengths[self._order]
        self._counts = counts.astype(np.int16).reshape(len(words), 27)[self._order]

    @staticmethod
    def _counted(word: str):
        import numpy as np

        chars = np.frombuffer(word.encode("utf-32-le"), dtype=np.uint32)
        return np.bincount(_symbols(chars), minlength=27).astype(np.int16)

    def within(self, word: str, edits: int) -> list[str]:
        """The words that may be within ``edits`` edits of ``word`` (a superset)."""
        import numpy as np

        start = int(np.searchsorted(self._lengths, len(word) - edits, side="left"))
        end = int(np.searchsorted(self._lengths, len(word) + edits, side="right"))
        apart = np.abs(self._counts[start:end] - self._counted(word)).sum(axis=1)
        rows = self._order[start:end][apart <= 2 * edits]
        return [self.words[i] for i in rows.tolist()]


def _symbols(chars):
    """Each character (as a code point) as a symbol 0-26: a-z, and 26 for any other."""
    import numpy as np

    offset = chars.astype(np.int64) - ord("a")
    return np.where((offset >= 0) & (offset < 26), offset, 26)


def _any_of(stems: list[str], boost: float) -> wq.Query:
    """A body term, or an OR of them: what a fuzzy term or a prefix stands for."""
    from whoosh import query as wq

    terms = [wq.Term(BODY, stem, boost=boost) for stem in stems]
    return terms[0] if len(terms) == 1 else wq.Or(terms)
