"""Searching the index: ranked hits with highlighted snippets, facets and
"did you mean". Results are plain dataclasses, safe to hand to another thread.
"""

from __future__ import annotations

import heapq
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from whoosh import query as wq
from whoosh import sorting

from ..errors import IndexDamaged, SearchCancelled, one_line
from . import _whoosh, first_screen
from ._whoosh.columns import numbers
from ._whoosh.conjunction import ConjunctionSearcher, clauses
from ._whoosh.disjunction import DisjunctionSearcher, alternatives
from .bounds import Bounds, bounded
from .engine import Filters, StoredFields
from .facets import FacetCounter
from .hits import SORTS, Hit, SearchResult, Segment  # noqa: F401 - re-exported
from .index_dir import check_readable, open_index
from .people import FIELD as PEOPLE_FIELD
from .people import PeopleLinks
from .query import QueryError, make_parser, no_hits_problem, parse, positive_leaves
from .quote_table import QuoteTable
from .snippets import entity_names, hit_spans, lead, name_spans, snippet, spans_of_terms
from .vocabulary import Vocabulary

log = logging.getLogger(__name__)
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO", "to"}
_WORDS = re.compile(r"(?<![\w:~*?])[^\W\d_][\w'’-]{2,}\b(?![:~*?])")


class Searcher:
    """A long-lived handle on one index: parse, search, highlight, suggest."""

    def __init__(self, index_path: Path):
        self.index_path = Path(index_path)
        self._ix = open_index(self.index_path)
        try:  # a damaged segment fails here, not in a later search
            self._searcher = self._ix.searcher()
            try:
                check_readable(self._searcher.reader())
            except BaseException:
                self._searcher.close()
                raise
        except BaseException:
            self._ix.close()
            raise
        self._parser = make_parser(self._ix.schema)
        self._lock = threading.Lock()
        self._fresh_fast_paths()
        self._facets = FacetCounter()
        self._fast_problem = _whoosh.NOTICE
        self._people: PeopleLinks | None = None
        self._vocabulary: Vocabulary | None = None
        self._quotes: QuoteTable | None = None
        self._first_screen_kept: str | None = None  # the index stamp it was saved for

    def _fresh_fast_paths(self) -> None:
        """The fast paths, with nothing cached (per segment reader) from another searcher."""
        self._conjunction = ConjunctionSearcher()
        self._disjunction = DisjunctionSearcher(self._conjunction.segment_norms,
                                                self._conjunction.postings)

    @property
    def notice(self) -> str | None:
        """Why searches run slower than usual (Whoosh's public API only), or None."""
        return self._fast_problem

    def close(self) -> None:
        self._searcher.close()
        self._ix.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self) -> None:
        """Pick up commits made since the index was opened.

        A new searcher is opened from scratch: Whoosh's own ``refresh()`` reuses the
        readers of unchanged segments with the deletions they had, so an updated
        article was found twice (old and new copy) and a deleted one still listed.
        """
        with self._lock:
            if self._searcher.up_to_date():
                return
            old, self._searcher = self._searcher, self._ix.searcher()
            old.close()
            self._fresh_fast_paths()
            self._people = None
            self._vocabulary = None
            self._quotes = None
        self._facets = FacetCounter()

    def titles(self) -> list[tuple[str, str, str]]:
        """(id, title, outlet) of every article, by title: from the manifest, which is
        read in a fraction of the time the stored fields of a large corpus take."""
        from .manifest import load_manifest, titles

        found = titles(load_manifest(self.index_path, self._ix))
        if found is None:
            everything = self.search("", limit=None, sort="title", snippets=False)
            found = [(h.id, h.title, h.outlet) for h in everything.hits]
        return found

    def stored(self, article_id: str) -> StoredFields | None:
        """The stored fields of one article, or None."""
        with self._lock:
            return self._searcher.document(id=article_id)

    def quote_candidates(self, shingles: list[str], exclude: str,
                         limit: int = 50) -> list[StoredFields]:
        """Stored fields of articles holding any of these quotation shingles."""
        from ..compare.quotes import shingle_key

        if not shingles:
            return []
        with self._lock:
            if self._quotes is None:
                self._quotes = QuoteTable(self._searcher.reader())
            found = []
            for docnum in self._quotes.holders(shingle_key(s) for s in shingles):
                fields = self._searcher.stored_fields(docnum)
                if fields.get("id") != exclude:
                    found.append(dict(fields))
                if len(found) == limit:
                    break
            return found

    def more_like(self, article_id: str, top: int = 5) -> list[Hit]:
        """The articles most like this one: Whoosh more_like_this over the body, re-ranked
        with the share of canonical entities the two have in common."""
        with self._lock:
            searcher = self._searcher
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", top=max(top * 4, 20), numterms=30)
            mine = self._entity_names(searcher, docnum)
            best = max((h.score for h in results), default=1.0) or 1.0
            ranked = []
            for h in results:
                theirs = self._entity_names(searcher, h.docnum)
                overlap = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
                ranked.append((h.score / best + 2 * overlap, h.docnum))
            ranked.sort(key=lambda item: (-item[0], item[1]))
            return [self._hit(searcher.stored_fields(d), [], score) for score, d in ranked[:top]]

    def _entity_names(self, searcher, docnum: int) -> set[str]:
        reader = searcher.reader()
        if not reader.has_column("entity_column"):
            return set()
        lists = self._facets.entity_lists(reader.column_reader("entity_column"), docnum)
        return {name for names in lists.values() for name in names}

    @property
    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def search(
        self,
        text: str,
        *,
        limit: int | None = 10,
        sort: str = "score",
        filters: Filters | None = None,
        facets: bool = False,
        snippets: bool = True,
        should_stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Run ``text``; raises QueryError (with a message for the user) when it is broken
        or runs past the time limit, SearchCancelled once ``should_stop`` says so."""
        started = time.perf_counter()
        text = text.strip()
        q = parse(self._parser, text) if text else wq.Every()
        try:
            result = self._run(text, q, limit, sort, filters, facets, snippets,
                               Bounds(text, should_stop))
            result = replace(result, took_ms=round(1000 * (time.perf_counter() - started), 2))
            log.debug("search %r (sort %s, filters %s): %d hits in %.1f ms", text, sort,
                      filters, result.total, 1000 * (time.perf_counter() - started))
            return result
        except (QueryError, SearchCancelled):
            raise
        except Exception as exc:  # Whoosh can fail deep inside on odd queries, or on damage
            log.warning("query %r failed inside Whoosh", text, exc_info=True)
            self.check_damage()
            raise QueryError(f"query {text!r} could not be run ({one_line(exc)})") from exc

    def check_damage(self) -> None:
        """Raise IndexDamaged when index files no longer hold what was written to them."""
        from .manifest import damaged_files

        damaged = damaged_files(self.index_path)
        if damaged:
            raise IndexDamaged(
                f"the index at {self.index_path} is damaged: {', '.join(damaged[:3])} no longer "
                "holds what was written")

    def vocabulary(self, searcher) -> Vocabulary:
        """The corpus's words as written (read once per open index)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(searcher.reader(), self.index_path)
        return self._vocabulary

    def fuzzy_stems(self, word: str, maxdist: int, prefix: int = 1) -> list[str]:
        """The index terms a fuzzy ``word~maxdist`` stands for (to mark them in a text)."""
        with self._lock:
            return self.vocabulary(self._searcher).fuzzy_stems(word, maxdist, prefix)

    def people(self, searcher) -> PeopleLinks:
        """Lone surnames and the one full name each stands for, across the corpus."""
        if self._people is None:
            self._people = PeopleLinks.of_reader(searcher.reader())
        return self._people

    def _run(self, text, q, limit, sort, filters, facets, snippets, bounds: Bounds,
             ) -> SearchResult:
        bounds.check()  # a query replaced while it waited for the lock goes no further
        with self._lock:
            bounds.check()
            searcher = self._searcher
            if not searcher.doc_count():  # an index with nothing committed yet: Whoosh's
                return SearchResult(text, 0, ())  # scoring and empty reader fail on it
            if any(isinstance(node, wq.FuzzyTerm) for node in q.leaves()):
                q = self.vocabulary(searcher).expand_fuzzy(q, text)
            if any(type(node) is wq.Prefix for node in q.leaves()):
                q = self.vocabulary(searcher).expand_prefixes(q, text)
            # the corpus's person links, read only where they count (a first screen without)
            if any(getattr(node, "fieldname", None) == PEOPLE_FIELD for node in q.leaves()):
                q = self.people(searcher).expand(q)
            kwargs = self._search_args(sort, filters, bool(text), self.people(searcher)
                                       if filters and PEOPLE_FIELD in filters else None)
            fast, held = self._fast_search(searcher, q, text, limit, facets, sort, kwargs, bounds)
            if fast is not None:
                total, ranked = fast.total, fast.ranked
                facet_counts = (self._facets.count(searcher, fast.matched, self.people(searcher))
                                if facets else {})
            else:
                # Every match in one pass, then the first ``limit``: a top-N collector's
                # length and docs can be short of every match (an OR query of common
                # words: 92 "hits" at limit 1, 474 in all), and a second, unscored pass
                # for the total built every term's matchers again (prefix queries of
                # hundreds of terms took twice as long)
                if not (text or filters) and sort in ("date", "score"):  # the first screen
                    total, ranked = _every_by_date(searcher, limit)
                else:
                    results = bounded(searcher, q, bounds, limit=None, optimize=False, **kwargs)
                    top = results[:limit] if limit is not None else list(results)
                    ranked = [(h.score if sort == "score" and text else 0.0, h.docnum) for h in top]
                    total = len(results)
                if not facets:
                    facet_counts = {}
                elif not (text or filters):  # every article: counts kept beside the index
                    facet_counts = self._facets.corpus(searcher, self.index_path,
                                                       lambda: self.people(searcher))
                else:
                    facet_counts = self._facets.count(searcher, results.docs(),
                                                      self.people(searcher))
            bounds.check()
            if not (snippets and text):
                spans = {}
            elif held is not None:  # the fast path knows which words each hit holds
                spans = spans_of_terms(searcher, held, known=fast.values if fast else None)
            else:
                terms = self._highlight_terms(q, searcher)
                spans = hit_spans(searcher, [d for _, d in ranked], terms) if terms else {}
            names = entity_names(q) if snippets and text else []
            hits = tuple(self._hit(searcher.stored_fields(d), spans.get(d, []), score, names)
                         for score, d in ranked)
            bounds.check()
            suggestion = self._suggest(text, searcher) if text and not total else None
            if not total and suggestion is None and (problem := no_hits_problem(text)):
                raise QueryError(problem)
            result = SearchResult(text, total, hits, suggestion, facet_counts)
            if (not (text or filters) and sort in ("date", "score") and facets
                    and limit is not None and limit >= first_screen.HITS):
                self._keep_first_screen(searcher, result)
        return result

    def _keep_first_screen(self, searcher, result: SearchResult) -> None:
        """Save the first screen beside the index for the next start (once per index
        generation: ``first_screen``)."""
        stamp = first_screen.screen_stamp(self.index_path, searcher.reader().generation())
        if self._first_screen_kept != stamp:
            first_screen.save(self.index_path, stamp, replace(
                result, hits=result.hits[:first_screen.HITS]))
            self._first_screen_kept = stamp

    def _fast_search(self, searcher, q, text, limit, facets, sort, kwargs, bounds: Bounds):
        """The fast paths: ANDs of words and phrases; one word or an OR of words (prefixes
        are ORs by now). (result, the terms each hit holds, to mark), or (None, None)
        where Whoosh's own search runs.

        Any failure inside them is ours, not the query's: it is logged, the fast
        paths are switched off for this searcher with a notice, and Whoosh's
        public search answers instead.
        """
        if self._fast_problem is not None or sort != "score" or not text or kwargs:
            return None, None
        try:
            if wanted := clauses(q, searcher.schema):
                result = self._conjunction.search(searcher, wanted, limit, facets)
                field = searcher.schema["body"]  # every hit holds every word
                words = sorted({field.to_bytes(w) for clause in wanted for w in clause})
                return result, {docnum: words for _, docnum in result.ranked}
            if either := alternatives(q):
                return self._disjunction.search(searcher, either, limit, facets, bounds.check)
        except (QueryError, SearchCancelled):
            raise
        except Exception as exc:  # an internal failure: fall back, never blame the query
            log.exception("the fast search path failed on %r; using Whoosh's public search", text)
            self._fast_problem = (f"search runs on Whoosh's public API only (slower): the fast "
                                  f"path failed ({type(exc).__name__})")
        return None, None

    def _search_args(self, sort, filters, scored, people: PeopleLinks | None = None) -> dict:
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r} (choose from {', '.join(SORTS)})")
        kwargs: dict = {}
        if sort == "date":
            kwargs["sortedby"] = sorting.FieldFacet("date_sort", reverse=True)
        elif sort in ("title", "outlet"):
            kwargs["sortedby"] = sorting.FieldFacet(f"{sort}_sort" if sort == "title" else "outlet_facet")
        elif not scored:
            kwargs["sortedby"] = sorting.FieldFacet("date_sort", reverse=True)
        if filters:
            kwargs["filter"] = filter_query(filters, people)
        return kwargs

    @staticmethod
    def _highlight_terms(q: wq.Query, searcher) -> list[bytes]:
        """The body terms to mark: the query's positive terms, fuzzy/prefix ones expanded."""
        reader = searcher.reader()
        terms: set[bytes] = set()
        for leaf in positive_leaves(q):
            if leaf.is_leaf():
                terms.update(t for f, t in leaf.existing_terms(reader, expand=True) if f == "body")
        return sorted(terms)

    @staticmethod
    def _hit(fields: dict, spans: list[tuple[int, int]], score: float,
             names: Sequence[str] = ()) -> Hit:
        body = fields.get("body", "")
        body_at = fields.get("body_at", 0)
        if names:  # person:/org:/place: ... terms: mark the mentions that matched
            spans = sorted(set(spans) | set(name_spans(body, names)))
        marked = snippet(body, spans, body_at=body_at) if spans else ()
        return Hit(
            id=fields["id"],
            title=fields.get("title", ""),
            outlet=fields.get("outlet", ""),
            author=fields.get("author", ""),
            date=fields.get("date"),
            path=fields.get("path", ""),
            score=float(score or 0.0),
            snippet=marked or lead(body[body_at:]),
        )

    def _suggest(self, text: str, searcher) -> str | None:
        """A corrected query that has hits, from the unstemmed spelling field."""
        vocabulary = self.vocabulary(searcher)
        corrected = text
        for word in sorted(set(_WORDS.findall(text)) - OPERATORS):
            if word.casefold() in vocabulary:
                continue
            option = vocabulary.suggest(word.casefold())
            if option:
                corrected = re.sub(rf"(?<![\w:]){re.escape(word)}\b(?!:)", option, corrected)
        if corrected == text:
            return None
        try:
            fixed = parse(self._parser, corrected)
        except QueryError:
            return None
        # any one article will do: a scored search walked and scored every match
        return corrected if any_match(searcher, fixed) else None


def any_match(searcher, q: wq.Query) -> bool:
    """Whether any article matches ``q``: its first match, found by skipping through the
    words' postings. (Whoosh's ``docs_for_query`` lists every match of an AND before
    giving the first: the whole of each word's postings, which grows with the corpus;
    it was 3.5 of the 5.9 ms of a "did you mean" at 40,000 articles.)"""
    from whoosh.reading import TermNotFound

    for sub, _ in searcher.subsearchers or [(searcher, 0)]:
        try:
            if q.matcher(sub, sub.boolean_context()).is_active():
                return True
        except TermNotFound:
            continue
    return False


def _every_by_date(searcher, limit: int | None) -> tuple[int, list[tuple[float, int]]]:
    """Every article, newest first (undated last; ties in index order): what Whoosh's
    sort on the date column gives, from each segment's column read whole rather than
    one value at a time (19,043 articles: 15 ms, against 53 iterating the column and 250
    through Whoosh's sort)."""
    keyed: list[tuple[int, int]] = []
    for leaf, offset in searcher.reader().leaf_readers():
        if not leaf.has_column("date_sort"):
            keyed.extend((0, offset + docnum) for docnum in leaf.all_doc_ids())
            continue
        dates = numbers(leaf.column_reader("date_sort", translate=False))
        keyed.extend((-dates[docnum], offset + docnum) for docnum in leaf.all_doc_ids())
    top = heapq.nsmallest(limit, keyed) if limit is not None else sorted(keyed)
    return len(keyed), [(0.0, docnum) for _, docnum in top]


def filter_query(filters: Filters, people: PeopleLinks | None = None) -> wq.Query:
    """Facet choices: any of the chosen values within a field, every field (a person
    also by the lone surname the corpus gives them)."""
    per_field = []
    for name, values in filters.items():
        values = [values] if isinstance(values, str) else list(values)
        if name == "outlet":
            terms = [wq.Term("outlet_facet", v) for v in values]
        else:
            keys = [v.replace(",", " ").lower() for v in values]
            if name == "person" and people is not None:
                keys = [n for k in keys for n in people.names(k)]
            terms = [wq.Term(name, k) for k in dict.fromkeys(keys)]
        per_field.append(wq.Or(terms) if len(terms) > 1 else terms[0])
    return wq.And(per_field) if len(per_field) > 1 else per_field[0]
