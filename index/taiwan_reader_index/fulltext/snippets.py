"""Snippets: the window of an article's text with the most query hits.

Hit positions come straight from the index (the body field stores character
offsets with its postings), so no text is re-tokenized; only the ten or so
documents on screen are looked at.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from . import _whoosh

Segment = tuple[str, bool]  # (text, is_hit)
SNIPPET_CHARS = 220
MAX_HIGHLIGHT_TERMS = 200


def hit_spans(
    searcher, docnums: list[int], terms: list[bytes], field: str = "body"
) -> dict[int, list[tuple[int, int]]]:
    """Character spans of ``terms`` in each of ``docnums``, read from the postings."""
    return spans_of_terms(searcher, dict.fromkeys(docnums, terms), field)


def spans_of_terms(searcher, terms: dict[int, list[bytes]], field: str = "body",
                   known: dict[int, dict[bytes, bytes]] | None = None,
                   ) -> dict[int, list[tuple[int, int]]]:
    """Character spans of the given terms in each document (global docnum -> the terms
    it may hold), read from its segment's postings: one posting reader per segment and
    term, walking forward through that segment's documents, so a common term's
    postings are decoded once, not once per hit. A posting the search already read
    (``known``: docnum -> term -> its value, as the field's format encodes it) is
    decoded, not read again. A document's spans stop at the first MAX_HIGHLIGHT_TERMS
    terms found in it (a term it lacks does not count: a prefix of a thousand words
    given whole marks the words each article holds, as when it is given them)."""
    subs = searcher.subsearchers or [(searcher, 0)]
    offsets = [offset for _, offset in subs]
    decode = searcher.schema[field].format.decode_characters
    spans: dict[int, set[tuple[int, int]]] = {docnum: set() for docnum in terms}
    found = dict.fromkeys(terms, 0)  # terms found in each document so far
    wanted: dict[int, dict[bytes, list[int]]] = {}  # segment -> term -> its documents
    for docnum, words in terms.items():
        segment = bisect_right(offsets, docnum) - 1
        read = (known or {}).get(docnum, {})
        for word in words:
            if word not in read:
                wanted.setdefault(segment, {}).setdefault(word, []).append(
                    docnum - offsets[segment])
            elif found[docnum] < MAX_HIGHLIGHT_TERMS:
                spans[docnum].update((s, e) for _, s, e in decode(read[word]))
                found[docnum] += 1
    for segment, by_word in wanted.items():
        sub, offset = subs[segment]
        reader = sub.reader()
        for word, docnums in by_word.items():
            open_ = [local for local in docnums if found[offset + local] < MAX_HIGHLIGHT_TERMS]
            for local, value in values_of(reader, field, word, sorted(open_)) if open_ else ():
                spans[offset + local].update((s, e) for _, s, e in decode(value))
                found[offset + local] += 1
    return {docnum: sorted(held) for docnum, held in spans.items()}


def values_of(reader, field: str, word: bytes, docnums: list[int]) -> Iterator[tuple[int, bytes]]:
    """The encoded value of ``word`` in each of ``docnums`` (sorted, of one segment) that
    holds it: straight from its block (``_whoosh.postings.values_in``), or through
    Whoosh's public matcher where the private API is not there."""
    if _whoosh.AVAILABLE:
        from ._whoosh.postings import values_in

        yield from values_in(reader, field, word, docnums)
        return
    if (field, word) not in reader:  # a term of another segment
        return
    matcher = reader.postings(field, word)
    for local in docnums:
        if matcher.is_active() and matcher.id() < local:
            matcher.skip_to(local)
        if not matcher.is_active():
            break
        if matcher.id() == local:
            yield local, matcher.value()


def _best_start(spans: list[tuple[int, int]], width: int) -> int:
    """Index of the span that opens the window holding the most spans."""
    best, best_count, j = 0, 0, 0
    for i, (start, _) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] <= start + width:
            j += 1
        if j - i + 1 > best_count:
            best, best_count = i, j - i + 1
    return best


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS,
            body_at: int = 0) -> tuple[Segment, ...]:
    """About ``width`` characters around the densest run of hits, hits marked.

    Hits in the body are preferred to hits in the title (which the text starts with).
    """
    spans = [s for s in spans if s[0] >= body_at] or spans
    if not spans:
        return ()
    first = spans[_best_start(spans, width)][0]
    start = max(0, first - width // 4)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(first, start + width // 2), end)
        end = space if space != -1 else end
    out: list[Segment] = []
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        out.append((text[cursor:span_start], False))
        out.append((text[span_start:span_end], True))
        cursor = span_end
    out.append((text[cursor:end], False))
    if start:
        out.insert(0, ("… ", False))
    if end < len(text):
        out.append((" …", False))
    return clean(out)


def clean(segments: list[Segment]) -> tuple[Segment, ...]:
    """Collapse whitespace and join hits separated only by a space ("National Guard")."""
    out: list[Segment] = []
    for text, hit in ((re.sub(r"\s+", " ", t), h) for t, h in segments if t):
        if hit and len(out) >= 2 and out[-1] == (" ", False) and out[-2][1]:
            out[-2:] = [(out[-2][0] + " " + text, True)]
        elif out and out[-1][1] == hit and not hit:
            out[-1] = (out[-1][0] + text, False)
        else:
            out.append((text, hit))
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1])
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return tuple(s for s in out if s[0])


def lead(body: str, chars: int = SNIPPET_CHARS) -> tuple[Segment, ...]:
    """The opening of the article, when no hit is in the body (or no query)."""
    text = re.sub(r"\s+", " ", body).strip()
    if len(text) > chars:
        text = text[:chars].rsplit(" ", 1)[0] + " …"
    return ((text, False),) if text else ()


_COUNTRY_SUFFIX = re.compile(r"\s*\([^)]*\)$")


def entity_names(q) -> list[str]:
    """The names a query asks for in entity fields (person:, org:, place: ...)."""
    from .query import positive_leaves
    from .schema import ENTITY_FIELDS

    names = [node.text for node in positive_leaves(q)  # every node outside a NOT
             if getattr(node, "fieldname", None) in ENTITY_FIELDS
             and isinstance(getattr(node, "text", None), str)]
    return list(dict.fromkeys(names))


def name_spans(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Where each canonical name is mentioned in ``text``: the full name, or, where the
    text never writes it out, the parts of it ("Chiu" for "Chiu Kuo-cheng"; a body's
    country in brackets is not written: "Foreign Ministry (China)")."""
    found: list[tuple[int, int]] = []
    for name in names:
        plain = _COUNTRY_SUFFIX.sub("", name).strip()
        words = plain.split()
        if not words:
            continue
        full = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
        spans = [m.span() for m in full.finditer(text)]
        if not spans and len(words) > 1:
            parts = [w for w in words if len(w) >= 3]
            if parts:
                either = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, parts)) + r")(?!\w)")
                spans = [m.span() for m in either.finditer(text)]
        found.extend(spans)
    return found
