"""A learned second opinion on what kind of name each name is (person, organisation or
place), read from the words in and around all its mentions in the article.

The model types a name from a few words around one mention, and the rules after
it (``consistency``) from evidence they know to look for. Many names are typed
by where they stand rather than by what they are: a city or country that is a
team ("Leeds beat Chelsea 2-1", "Japan 2 Syria 1"), a university or club named
after its town ("project leader at Hertfordshire"), a company named like a
person ("Air Deccan and Kingfisher"), a person the model took for a company.

This step scores each mention with a multinomial logistic regression over
sparse features of the name and its context (its words, shape and suffix, the
two words either side, whether its paragraph is in capitals or gives scores,
the type found so far, and whether the name is the short form or the last word
of a longer name in the article), takes the geometric mean over all mentions of
the name in the article (one name, one type), and changes the type only when
the model is confident (``threshold``) that it is another of the three kinds.
Groups, laws, events, works and quantities are left as they are; so are a
dateline's place, an organisation named with its acronym after it, the team and
players of a line-up, and an organisation (never made a place: see ``NEVER``).

The weights are ``retype_model.json``, trained by ``benchmarks/train_retyper.py``
on CoNLL-2003's training split (its threshold chosen on the development split).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .consistency import dateline_places, spelt_by_acronym
from .mention import Mention
from .refine import BODY_END, FIRM_HEADS
from .sports import line_up_regions

# the recogniser's labels this step may change, by kind; and the label each kind becomes
KIND_OF = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
LABEL_FOR = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
# CoNLL, the training data, calls a seat of government standing for its government a
# place ("the White House said", "the Kremlin's motivation"); OntoNotes, the reader's
# convention, an organisation. So an organisation is never made a place here.
NEVER = frozenset({("ORG", "LOC")})
# nor is a name that ends in what a body is ever made a person ("Paramount Pictures, the
# studio behind the film" read as an apposition)
_BODY_WORDS = BODY_END | FIRM_HEADS
_TOKEN = re.compile(r"\w+|[^\w\s]")
_CONTEXT = 40  # characters looked at on either side of a mention
_SCORE = re.compile(r"\d+\s*-\s*\d+|\b\d+\s+\d+\b")  # "2-1", "Japan 2 Syria 1"


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("retype_model.json").read_text(encoding="utf-8"))
    return data


def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


_WINDOW = 1000  # a paragraph is read at most this far either side of a mention


def _paragraph(source: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated) that holds the span, or as much of it as lies
    within _WINDOW characters (a file of one long line costs no more per mention)."""
    low, high = max(0, start - _WINDOW), min(len(source), end + _WINDOW)
    left = source.rfind("\n\n", low, start)
    right = source.find("\n\n", end, high)
    return (low if left < 0 else left + 2), (high if right < 0 else right)


_UPPER = bytes(range(65, 91))
_LETTERS = _UPPER + bytes(range(97, 123))


@lru_cache(maxsize=256)  # the mentions of one paragraph ask for the same text
def _paragraph_flags(paragraph: str) -> tuple[bool, bool]:
    """Whether a paragraph is in capitals (a headline: 80% of its letters; counted in C,
    ASCII letters only), and whether it gives scores (a results line)."""
    text = paragraph.encode("ascii", "ignore")
    letters = len(text) - len(text.translate(None, _LETTERS))
    upper = len(text) - len(text.translate(None, _UPPER))
    return letters > 8 and upper > 0.8 * letters, bool(_SCORE.search(paragraph))


def name_features(source: str, mentions: Sequence[Mention]) -> dict[str, list[str]]:
    """Per name (``_key``): what the rest of the article says of it. A short form of a
    longer name ("Harbour Foods" after "Harbour Foods Holdings Ltd") has that name's kind;
    the last word of a longer name (a surname after the full name) has its kind."""
    typed = {(_key(source[m.start:m.end]), KIND_OF[m.label]) for m in mentions
             if m.label in KIND_OF}
    found: dict[str, set[str]] = defaultdict(set)
    for longer, kind in typed:
        words = longer.split(" ")
        for n in range(1, len(words)):
            found[" ".join(words[:n])].add(f"longer={kind}")
        if len(words) > 1:
            found[words[-1]].add(f"tail={kind}")
    keys = {key for key, _ in typed}
    return {key: sorted(found[key]) for key in keys if key in found}


def features(source: str, mention: Mention, name: Sequence[str] = ()) -> list[str]:
    """The sparse features of one mention (strings; each present one counts 1); ``name``:
    its name's features from the rest of the article (:func:`name_features`)."""
    start, end, label = mention.start, mention.end, mention.label
    low, high = _paragraph(source, start, end)
    words = _TOKEN.findall(source[start:end]) or [""]
    before = _TOKEN.findall(source[max(low, start - _CONTEXT):start])[-2:]
    after = _TOKEN.findall(source[end:min(high, end + _CONTEXT)])[:2]
    before = ["<s>"] * (2 - len(before)) + before
    after = after + ["</s>"] * (2 - len(after))
    capitals, scores = _paragraph_flags(source[low:high])
    out = [f"label={label}", f"n={min(len(words), 4)}", f"shape={_shape(source[start:end])}",
           f"first={words[0].lower()}", f"last={words[-1].lower()}",
           f"suffix={words[-1][-3:].lower()}",
           f"p1={before[-1].lower()}", f"p2={before[0].lower()} {before[1].lower()}",
           f"n1={after[0].lower()}", f"n2={after[0].lower()} {after[1].lower()}",
           f"p1shape={_shape(before[-1])[:3]}", f"n1shape={_shape(after[0])[:3]}",
           f"label+p1={label} {before[-1].lower()}", f"label+n1={label} {after[0].lower()}"]
    out += [f"word={w.lower()}" for w in words]
    out += name
    if capitals:
        out.append("capitals")
    if scores:
        out.append("scores")
    return out


def probabilities(feats: Sequence[str], data: dict[str, Any] | None = None) -> list[float]:
    """The model's probability of each of its classes (``data["classes"]``; by default
    the shipped model's)."""
    data = data if data is not None else model()
    z = list(data["intercept"])
    weights = data["weights"]
    for f in feats:
        w = weights.get(f)
        if w is not None:
            z = [a + b for a, b in zip(z, w)]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def verdict(views: Sequence[Sequence[float]], classes: Sequence[str]) -> tuple[str, float]:
    """The kind the mentions of one name point to, and how sure: the geometric mean of
    their probabilities (``views``, one list per mention), normalised."""
    mean = [sum(math.log(max(view[i], 1e-9)) for view in views) / len(views)
            for i in range(len(classes))]
    top = max(mean)
    norm = sum(math.exp(v - top) for v in mean)
    return classes[max(range(len(classes)), key=mean.__getitem__)], 1.0 / norm


def changes(was: str, kind: str, confidence: float, threshold: float) -> bool:
    """Whether a name of kind ``was`` (PER, ORG or LOC) is made ``kind``."""
    return (kind in LABEL_FOR and kind != was and (was, kind) not in NEVER
            and confidence >= threshold)


def retyped(source: str, regions: Sequence[tuple[int, int]],
            mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the names the model is confident are another kind (person,
    organisation, place) given that kind; every mention of a name the same. A dateline's
    place (the rules' surest call) and every other mention of its name stay as they are."""
    data = model()
    fixed = {_key(source[m.start:m.end]) for m in dateline_places(source, regions)}
    # a name its acronym spells, in brackets after it, is a body's ("Athletics Kenya (AK)")
    fixed |= {_key(source[m.start:m.end]) for m in mentions
              if m.label == "ORG" and spelt_by_acronym(source, m)}
    sheets = line_up_regions(source, regions)
    article = name_features(source, mentions)
    views: dict[str, list[list[float]]] = defaultdict(list)
    current: dict[str, str] = {}
    for m in mentions:
        if m.label not in KIND_OF:
            continue
        key = _key(source[m.start:m.end])
        if key in fixed or any(s <= m.start < e for s, e in sheets):  # a team sheet says
            continue  # what each name is
        views[key].append(probabilities(features(source, m, article.get(key, ())), data))
        current.setdefault(key, m.label)
    change: dict[str, str] = {}
    for key, seen in views.items():
        kind, confidence = verdict(seen, data["classes"])
        if changes(KIND_OF[current[key]], kind, confidence, float(data["threshold"])) \
                and not (kind == "PER" and key.rsplit(" ", 1)[-1] in _BODY_WORDS):
            change[key] = LABEL_FOR[kind]
    if not change:
        return mentions
    return [Mention(m.start, m.end, change.get(_key(source[m.start:m.end]), m.label))
            if m.label in KIND_OF else m for m in mentions]
