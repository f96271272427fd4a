"""Which parts of an article are English: the only text the recogniser can read.

The model is English. On German, Portuguese or Russian text it still finds
"names", and nearly all of them are wrong ("Daten der Akte" a person,
"Versicherten" a place): ten of 91 pages copied from the web were in another
language, and would have filled the facets with such names. So text in
another language is not analysed, and the reader says why instead of showing
confident nonsense.

Each block of the article is judged on its own when it is long enough to
judge (``MIN_WORDS``), else with the article as a whole: a page in German keeps
its English block quotation, an English page loses its comment in Korean, and
a short headline or caption goes with its article. A text is English at once
when it is written in ASCII letters and words only English has ("the",
"which") are a fair share of its words (96% of the blocks of BBC and Reuters).
Otherwise Google's Compact Language Detector 2 (pycld2: compiled tables, 7 MB,
a few microseconds a paragraph) decides, and only where it calls its verdict
reliable and puts most of the text in one language (``CONFIDENT``; against the
article's own language, ``BLOCK_CONFIDENT``). A list of names or a table of
results is not judged (CLD2 calls a rugby line-up Scots, and Dutch football
results Dutch). Of 19,043 Reuters and 2,225 BBC articles and 231 CoNLL-2003
test documents none is taken for another language, nor any block of them.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, OrderedDict
from collections.abc import Sequence

import pycld2

log = logging.getLogger(__name__)

MIN_WORDS = 12  # a shorter block is judged with its article
# Text in ASCII letters with at least this share of English function words is English,
# whatever else it holds ("Groupement pour le Financement des Ouvrages de Batiment plans
# two bonds ..., Credit Commercial de France said"). Of 120 blocks of copied pages in
# another language none has more than 0.029; of 32,000 blocks of BBC and Reuters
# articles 2.5% and 4.4% have less (tables, lists of names), which CLD2 then reads.
FUNCTION_SHARE = 0.035
ASCII_SHARE = 0.9  # of the characters (Japanese with "Kindle for PC" in it is not English)
CONFIDENT = 80  # percent of the text CLD2 must put in one language, and call it reliable
BLOCK_CONFIDENT = 90  # the same, for a block against its article's language
# Text with more capitalised words than this is names, not prose: a line-up, a table
# of results ("Indra Wijaya ( Indonesia ) beat Ong Ewe Hock ( Malaysia ) 5-15 15-11"),
# a headline. No verdict is asked for it: CLD2 calls such lists Scots, Afrikaans or
# Dutch. (German prose, which capitalises its nouns, has about a third.)
NAMES_SHARE = 0.5
JUDGED_CHARS = 20_000  # an article's language is judged on this much of its text
_LETTERS = re.compile(r"[^\W\d_]+")
# words of English only (not "in", "a", "was", "will", "of", "to", "for", "as" or "at",
# which are words of German, Dutch, Portuguese, Polish or Danish too)
_FUNCTION = re.compile(r"\b(?:the|and|that|with|said|from|this|which|their|were|have|has|are"
                       r"|his|its|would|been|they)\b", re.IGNORECASE)
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "es": "Spanish", "et": "Estonian", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}

Span = tuple[int, int]


def language_name(code: str) -> str:
    """The language's English name ("de" -> "German"), or its code for a rarer one."""
    return NAMES.get(code, f"another language ({code})")


def language_of(text: str, confident: int = CONFIDENT) -> str | None:
    """The language of ``text`` ("en", "de", ...), or None where it cannot be told
    surely (no words; a table; a list of names; under ``confident`` percent of it)."""
    return _verdict(text, *_counts(text), confident)


def _counts(text: str) -> tuple[int, int]:
    """Words (as split by spaces), and English function words among them."""
    return len(text.split()), len(_FUNCTION.findall(text))


def _prose(text: str) -> bool:
    """Whether most words of ``text`` do not begin with a capital (prose, in a script
    with or without capitals), as a list of names, a table or a headline does not."""
    words = _LETTERS.findall(text)
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised <= NAMES_SHARE * len(words)


def _verdict(text: str, words: int, function: int, confident: int) -> str | None:
    if not words:
        return None
    if function >= FUNCTION_SHARE * words and \
            len(text.encode("ascii", "ignore")) >= ASCII_SHARE * len(text):
        return "en"
    if not _prose(text):
        return None  # a list of names, a table ("R Russell, B Douglas, N Hines": Scots)
    try:
        reliable, _, found = pycld2.detect(text)
    except (pycld2.error, UnicodeError):  # text it cannot read (a lone surrogate): no verdict
        return None
    except Exception:  # our bug or a broken install: logged, and the text read as English
        log.exception("language identification failed; the text is read as English")
        return None
    code, percent = found[0][1], found[0][2]
    return str(code) if reliable and percent >= confident and code != "un" else None


_KNOWN: OrderedDict[tuple[int, int, tuple[Span, ...]], tuple[list[Span], str | None]] = OrderedDict()
_KNOWN_MAX = 256  # articles: an index run asks about each a few times within a chunk of 64


def english_regions(source: str, regions: Sequence[Span]) -> tuple[list[Span], str | None]:
    """The regions of ``source`` in English (or in no language that can be told), and the
    article's language when it is not English (else None). The last answers are kept by
    the text's hash, not the text (files of up to 20 MB each)."""
    key = (hash(source), len(source), tuple(regions))
    if key in _KNOWN:
        _KNOWN.move_to_end(key)
    else:
        _KNOWN[key] = _english_regions(source, key[2])
        if len(_KNOWN) > _KNOWN_MAX:
            _KNOWN.popitem(last=False)
    kept, language = _KNOWN[key]
    return list(kept), language  # (a copy: the caller may change its list)


def _english_regions(source: str, regions: tuple[Span, ...]) -> tuple[list[Span], str | None]:
    texts = [source[start:end] for start, end in regions]
    counts = [_counts(text) for text in texts]
    # a block long enough is judged on its own, and must be surely in its language
    own = [_verdict(text, words, function, BLOCK_CONFIDENT) if words >= MIN_WORDS else None
           for text, (words, function) in zip(texts, counts)]
    overall = _verdict("\n".join(texts)[:JUDGED_CHARS], sum(w for w, _ in counts),
                       sum(f for _, f in counts), CONFIDENT)
    if overall is None:  # a page of two languages (an English menu, say): the one of
        share: Counter[str] = Counter()  # more of the blocks that could be judged
        for text, language in zip(texts, own):
            if language is not None:
                share[language] += len(text)
        if share:
            overall = max(share, key=lambda code: (share[code], code == "en"))
    kept = [span for span, language in zip(regions, own) if (language or overall) in (None, "en")]
    return kept, (None if overall in (None, "en") else overall)
