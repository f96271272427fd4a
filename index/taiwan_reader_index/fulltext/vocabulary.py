"""The corpus's words as written, for fuzzy terms and "did you mean".

Whoosh finds the words near a fuzzy term by walking the merged term list of
every segment in pure Python, with a Python edit distance: 0.7 s a query on
Reuters, and as the body field is stemmed, a misspelt word is compared with
stems ("transprtation~" found nothing). Here the unstemmed spelling field's
words are kept in a file beside the index by each index run (read in a few
milliseconds by a searcher; read from the index, a quarter of a second on
BBC, when that file is missing or older), grouped by first letter, and
compared with rapidfuzz's Damerau-Levenshtein distance in C.
A fuzzy term then becomes an OR of the stems of the words within its
distance, so it finds, ranks and highlights as any other words do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from whoosh import query as wq

from ..locations import write_atomic
from .schema import body_stemmer

SPELL_FIELD = "spell_body"
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
        for token in body_stemmer()(word):
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


def _segment_words(leaf) -> set[str]:
    return {t.decode("utf-8") if isinstance(t, bytes) else t for t in leaf.lexicon(SPELL_FIELD)}


def _segment_id(leaf) -> str:
    segment = leaf.segment()
    return segment.segment_id() if segment is not None else ""


def _read_words(reader) -> list[str]:
    """The spelling field's words, read segment by segment (Whoosh's merged lexicon
    costs as much again, and its term infos ten times more)."""
    words: set[str] = set()
    if SPELL_FIELD in reader.schema:
        for leaf, _ in reader.leaf_readers():
            words |= _segment_words(leaf)
    return sorted(words)


def save_words(index_path: Path, ix) -> None:
    """Keep the index's words beside it, read in a few milliseconds by the next searcher.

    An index run calls this after its last commit. Only segments the file does not
    already cover are read (a new segment, or one a merge made), so adding one
    article costs milliseconds, not the second a full read takes on Reuters. Words
    of deleted articles may stay until a merge: a fuzzy term then also asks for a
    word no article holds, which finds nothing more.
    """
    stamp = index_stamp(index_path, ix.latest_generation())
    known, covered = _saved(index_path)
    with ix.reader() as reader:
        if SPELL_FIELD not in reader.schema:
            return
        leaves = [leaf for leaf, _ in reader.leaf_readers()]
        ids = [_segment_id(leaf) for leaf in leaves]
        if not covered or "" in ids:  # nothing to build on: read them all
            known, covered = set(), set()
        words = set(known)
        for leaf, segment in zip(leaves, ids):
            if segment not in covered:
                words |= _segment_words(leaf)
    write_atomic(words_path(index_path),
                 f"{stamp}\t{','.join(ids)}\n" + "\n".join(sorted(words)))


def _saved(index_path: Path) -> tuple[set[str], set[str]]:
    """The words a words file of this index folder holds and the segments they came from
    (empty if none)."""
    found = _read_words_file(index_path)
    if found is None:
        return set(), set()
    stamp, segments, words = found
    if not stamp.startswith(f"{index_path.stat().st_ino}:") or not segments:
        return set(), set()
    return set(words) - {""}, segments


def _read_words_file(index_path: Path) -> tuple[str, set[str], list[str]] | None:
    """A words file's stamp, the segments it covers, and its words; None if unreadable."""
    try:
        head, _, body = words_path(index_path).read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    stamp, _, segments = head.partition("\t")
    return stamp, set(segments.split(",")) - {""}, body.split("\n")


def index_stamp(index_path: Path, generation: int) -> str:
    """Which index a words file describes: its folder (a rebuild makes a new one, whose
    generations count from the start again) and its generation."""
    return f"{index_path.stat().st_ino}:{generation}"


def _load_words(index_path: Path, generation: int) -> list[str] | None:
    found = _read_words_file(index_path)
    if found is None:
        return None
    stamp, _, words = found
    try:
        if stamp != index_stamp(index_path, generation):
            return None
    except OSError:  # the index folder went away meanwhile
        return None
    return words if words != [""] else None


class Vocabulary:
    """Every word of the spelling field, by first letter; document counts on demand."""

    def __init__(self, reader, index_path: Path | None = None,
                 generation: int | None = None) -> None:
        self._reader = reader
        saved = _load_words(index_path, generation) if index_path and generation is not None \
            else None
        words = saved if saved is not None else _read_words(reader)
        self.words = frozenset(words)
        by_letter: defaultdict[str, list[str]] = defaultdict(list)
        for word in words:
            by_letter[word[:1]].append(word)
        self.by_letter = dict(by_letter)
        self._freq: dict[str, int] = {}

    def frequency(self, word: str) -> int:
        """In how many articles ``word`` is written."""
        if word not in self._freq:
            self._freq[word] = self._reader.doc_frequency(SPELL_FIELD, word)
        return self._freq[word]

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def near(self, word: str, maxdist: int, prefix: int = 1) -> list[tuple[str, int]]:
        """Words within ``maxdist`` edits of ``word`` that share its first ``prefix``
        letters, with their distance, nearest and most common first."""
        word = word.casefold()
        pool = self.by_letter.get(word[:1], []) if prefix else \
            [w for words in self.by_letter.values() for w in words]
        if prefix > 1:
            pool = [w for w in pool if w[:prefix] == word[:prefix]]
        found = process.extract(word, pool, scorer=DamerauLevenshtein.distance,
                                score_cutoff=maxdist, limit=None)
        return sorted(((w, int(d)) for w, d, _ in found),
                      key=lambda pair: (pair[1], -self.frequency(pair[0]), pair[0]))

    def stems(self, words: list[str]) -> list[str]:
        """The body field's terms for these words (the stems the index holds)."""
        out: dict[str, None] = {}
        for word in words:
            for token in body_stemmer()(word):
                out[token.text] = None
        return list(out)

    def expand_fuzzy(self, q: wq.Query, text: str) -> wq.Query:
        """``q`` with each fuzzy body term replaced by the stems of the words within its
        distance of the word as written (no match: a term that matches nothing)."""
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
        return [w for w in self.by_letter.get(prefix[:1], []) if w.startswith(prefix)]

    def expand_prefixes(self, q: wq.Query, text: str) -> wq.Query:
        """``q`` with each body prefix replaced by the stems of the words that begin with
        it as written ("thes*": these, thesis; not the stem "the"); none: a term that
        matches nothing."""
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
        near = self.near(word, maxdist, prefix=1)
        return near[0][0] if near else None


def _any_of(stems: list[str], boost: float) -> wq.Query:
    """A body term, or an OR of them: what a fuzzy term or a prefix stands for."""
    terms = [wq.Term(BODY, stem, boost=boost) for stem in stems]
    return terms[0] if len(terms) == 1 else wq.Or(terms)
