"""The Whoosh schema. Changing it means bumping locations.SCHEMA_VERSION."""

from __future__ import annotations

from functools import lru_cache

from whoosh import columns
from whoosh.analysis import SimpleAnalyzer, StemmingAnalyzer
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from ..entities.kinds import KIND_NAMES
from .packed_format import PackedCharacters

# Entity fields, filled by the entity recogniser: canonical names, comma separated.
ENTITY_FIELDS = KIND_NAMES
FACET_FIELDS = ("outlet", *ENTITY_FIELDS)


def body_analyzer():
    """Stemmed English that keeps stop words, so a phrase matches only its exact words."""
    return StemmingAnalyzer(stoplist=None, minsize=1)


@lru_cache(maxsize=1)
def body_stemmer():
    """One body analyzer, shared, for turning text into the body field's terms outside
    the index (highlighting, fuzzy terms)."""
    return body_analyzer()


def _packed(field: TEXT) -> TEXT:
    """The field with its positions and character spans stored as packed arrays."""
    field.format = PackedCharacters(field_boost=field.format.field_boost)
    return field


def build_schema() -> Schema:
    fields = dict(
        id=ID(stored=True, unique=True),
        path=STORED(),
        rel=STORED(),
        title=TEXT(stored=True, analyzer=body_analyzer(), field_boost=2.0),
        # sorting reads only the column: no terms to look up (as content_hash and size
        # below, which only the manifest's repair reads back)
        title_sort=COLUMN(columns.VarBytesColumn()),
        outlet=TEXT(stored=True, analyzer=SimpleAnalyzer()),
        outlet_facet=ID(sortable=True),
        author=TEXT(stored=True, analyzer=SimpleAnalyzer()),
        date=DATETIME(stored=True),
        date_sort=NUMERIC(sortable=True, bits=64),  # 0 when undated, so it sorts last
        # title + body: the one default search field (see indexer.searchable_text)
        # (its words as written, for fuzzy terms and "did you mean", are kept beside the
        # index by the indexer: a spelling field was a fifth of the index, see vocabulary.py)
        body=_packed(TEXT(stored=True, analyzer=body_analyzer(), phrase=True, chars=True)),
        body_at=STORED(),
        content_hash=STORED(),
        mtime_ns=STORED(),
        size=STORED(),
    )
    for name in ENTITY_FIELDS:
        fields[name] = KEYWORD(stored=True, commas=True, scorable=True, lowercase=True)
    # quotations as hashes of their runs of words (compare.quotes): a column, not terms
    # (270,000 terms of one article each were a quarter of the Reuters index)
    fields["quote_keys"] = COLUMN(columns.VarBytesColumn())
    # the article's canonical entities per field, as JSON: facet counts read this column
    fields["entity_column"] = COLUMN()
    return Schema(**fields)
