"""Parsing the user's query with Whoosh's query language, and saying clearly
what is wrong with a broken one.

Supported: words (stemmed, all required), "phrases", AND/OR/NOT and
parentheses, fuzzy terms (``taiwn~``, ``taiwn~2``), wildcards (``defen*``),
field queries (``outlet:reuters``, ``title:guard``, ``person:"Tsai Ing-wen"``)
and dates (``date:2022``, ``date:[2022-01-01 to 2022-06-30]``, ``date:>2023``).
"""

from __future__ import annotations

import re

from whoosh import query as wq
from whoosh.qparser import AndGroup, FuzzyTermPlugin, GtLtPlugin, QueryParser
from whoosh.qparser.dateparse import DateParserPlugin

from ..errors import QueryError
from .schema import ENTITY_FIELDS
from .vocabulary import written_fuzzy_words

DEFAULT_FIELD = "body"  # holds the title too
USER_FIELDS = ("title", "body", "outlet", "author", "date", "id", *ENTITY_FIELDS)
MAX_QUERY_CHARS = 1000
MAX_FUZZY_DISTANCE = 2
# cost bounds: a proximity search ("a b"~N) over common words, and many fuzzy terms,
# took minutes of CPU (42 s for "the the the the the"~100 on 2,225 BBC articles)
MAX_SLOP = 10
MAX_SLOPPY_PHRASE_WORDS = 6
MAX_FUZZY_TERMS = 3
_FIELD_PREFIX = re.compile(r"(?<![\w\"'])([A-Za-z_][\w]*):(?=\S)")
_SPACED_FIELD = re.compile(r"(?<![\w\"'])([A-Za-z_][\w]*):[ \t]+(?=\S)")


def make_parser(schema) -> QueryParser:
    parser = QueryParser(DEFAULT_FIELD, schema, group=AndGroup)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(DateParserPlugin(free=False))
    return parser


def check_syntax(text: str) -> None:
    """Raise QueryError for the mistakes Whoosh would silently reinterpret."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")
    if text.count('"') % 2:
        raise QueryError(f"query {text!r}: unbalanced quote \" (close the phrase)")
    depth = 0
    for char in _outside_quotes(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError(f"query {text!r}: ')' without a matching '('")
    if depth:
        raise QueryError(f"query {text!r}: '(' without a matching ')'")
    for name in _FIELD_PREFIX.findall(_outside_quotes(text)):
        if name not in USER_FIELDS:
            raise QueryError(
                f"query {text!r}: unknown field '{name}:' (fields: {', '.join(USER_FIELDS)})"
            )
    _check_operators(text)


_BINARY = frozenset({"AND", "OR", "ANDNOT", "ANDMAYBE"})
_OPERATORS = _BINARY | {"NOT"}
_TOKENS = re.compile(r"[()]|[^\s()]+")


def _check_operators(text: str) -> None:
    """An operator word needs something to work on ("AND OR" would otherwise run as the
    words "and" and "or", "taiwan AND" as "taiwan")."""
    tokens = _TOKENS.findall(re.sub(r'"[^"]*"', " PHRASE ", text))  # a phrase is an operand
    for i, token in enumerate(tokens):
        if token not in _OPERATORS:
            continue
        before = tokens[i - 1] if i else "("
        after = tokens[i + 1] if i + 1 < len(tokens) else ")"
        missing_after = after in _BINARY or after == ")"
        missing_before = token in _BINARY and (before in _OPERATORS or before == "(")
        if missing_after or missing_before:
            side = "on each side" if token in _BINARY else "after it"
            raise QueryError(
                f"query {text!r}: {token} needs a word {side} (to search for the word itself, "
                f"write it in lower case: {token.lower()})")


def _outside_quotes(text: str) -> str:
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


def join_spaced_fields(text: str) -> str:
    """``person: Tsai`` means ``person:Tsai`` (Whoosh would search the words "person" and
    "tsai"); a word that is no field keeps its colon as punctuation ("Taiwan: drills")."""
    for match in reversed(list(_SPACED_FIELD.finditer(_quotes_masked(text)))):
        if match.group(1) in USER_FIELDS:
            text = text[: match.start(1) + len(match.group(1)) + 1] + text[match.end():]
    return text


def unknown_spaced_fields(text: str) -> list[str]:
    """Words written like a field (``foo: bar``) that are no field: searched as words, but
    worth naming when they find nothing."""
    return [name for name in _SPACED_FIELD.findall(_quotes_masked(text))
            if name not in USER_FIELDS and name.islower()]


def no_hits_problem(text: str) -> str | None:
    """Why a query that found nothing may not mean what its writer meant, if it can tell."""
    unknown = unknown_spaced_fields(text)
    if not unknown:
        return None
    return (f"query {text!r}: no hits; {', '.join(f'{n!r}' for n in unknown)} is not a field, so "
            f"it was searched as a word (fields: {', '.join(USER_FIELDS)})")


def _quotes_masked(text: str) -> str:
    """``text`` with each quoted phrase's letters masked (same length, no spaces)."""
    return re.sub(r'"[^"]*"', lambda m: "#" * len(m.group()), text)


def parse(parser: QueryParser, text: str) -> wq.Query:
    text = join_spaced_fields(text)
    check_syntax(text)
    try:
        q = parser.parse(text)
    except Exception as exc:  # Whoosh raises assorted errors on odd input
        raise QueryError(f"query {text!r}: cannot be parsed ({exc})") from exc
    fuzzy = 0
    written: dict[str, str] | None = None  # fuzzy words as typed, by the parser's stem
    for sub in _walk(q):
        if getattr(sub, "error", None):
            raise QueryError(f"query {text!r}: {sub.error}")
        if isinstance(sub, wq.FuzzyTerm) and written is None:
            written = written_fuzzy_words(text)
        _check_expansion(sub, text, written or {})
        _check_cost(sub, text)
        fuzzy += isinstance(sub, wq.FuzzyTerm)
    if fuzzy > MAX_FUZZY_TERMS:
        raise QueryError(f"query {text!r}: at most {MAX_FUZZY_TERMS} fuzzy terms (word~) in one "
                         f"query; this one has {fuzzy}")
    return q


def _check_cost(sub: wq.Query, text: str) -> None:
    """Refuse what would hold a CPU for seconds to minutes, saying what to change."""
    if isinstance(sub, wq.Phrase) and sub.slop > 1:
        if sub.slop > MAX_SLOP:
            raise QueryError(f"query {text!r}: a proximity search allows at most ~{MAX_SLOP} "
                             f"(words within {MAX_SLOP} of each other); it asks ~{sub.slop}")
        if len(sub.words) > MAX_SLOPPY_PHRASE_WORDS:
            raise QueryError(f"query {text!r}: a proximity search (\"...\"~N) takes at most "
                             f"{MAX_SLOPPY_PHRASE_WORDS} words; it has {len(sub.words)}")


def _check_expansion(sub: wq.Query, text: str, written: dict[str, str]) -> None:
    """Keep fuzzy, prefix and wildcard terms from expanding to most of the vocabulary.
    A fuzzy term is judged by the word as typed (``written``), not the stem the parser
    made of it: "saings~" is stemmed to "sa"."""
    if isinstance(sub, wq.FuzzyTerm):
        word = written.get(sub.text, sub.text)
        if len(word) < 3:
            raise QueryError(f"query {text!r}: a fuzzy term needs at least 3 letters ({word!r}~)")
        sub.maxdist = min(sub.maxdist, MAX_FUZZY_DISTANCE)
        sub.prefixlength = min(sub.prefixlength, len(sub.text))
    elif isinstance(sub, (wq.Prefix, wq.Wildcard)) and not isinstance(sub, wq.Every):
        stem = re.split(r"[*?]", sub.text, maxsplit=1)[0]
        if len(stem) < 2:
            raise QueryError(
                f"query {text!r}: a wildcard needs at least 2 letters before * or ? ({sub.text!r})")


def positive_leaves(q: wq.Query):
    """The query's nodes outside any NOT: what a hit is expected to contain."""
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from positive_leaves(q.a)
        return
    yield q
    for child in q.children():
        yield from positive_leaves(child)


def _walk(q: wq.Query):
    yield q
    for child in q.children():
        yield from _walk(child)
