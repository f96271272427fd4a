"""Sports pages: line-ups, lines of scorers and fixtures, read as a person reads them.

The model reads a team sheet ("Arsenal: Almunia, Eboue, ..., Van Persie (Bergkamp 68),
Henry.") as companies, places, products and laws, and a fixture ("Bolton v Arsenal")
as one organisation. Here every player of a line-up is a person and its team an
organisation (a country's team the country), a player with the minute of a goal or a
substitution is a person, a fixture is its two sides, and so is a line of results
("Pohang 3 Ulsan 2"); the name a line of a league table begins with is a side. A team
sheet run into a paragraph is read sentence by sentence. The patterns of the match
facts are ``articles/team_sheets.py``'s (the page-junk step keeps them too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..articles.team_sheets import BOOKED as _BOOKED
from ..articles.team_sheets import GOALS as _GOALS
from ..articles.team_sheets import LINE_UP as _LINE_UP
from ..articles.team_sheets import PLAYER_NAME as _PLAYER_NAME
from ..articles.team_sheets import SCORERS_LINE as _SCORERS_LINE
from ..articles.team_sheets import SQUAD as _SQUAD
from ..articles.team_sheets import SUBS as _SUBS
from .casing import is_common
from .countries import country_of
from .kinds import QUANTITY_LABELS
from .mention import Mention, Taken

# a match between two sides, as results and fixtures list it: "Bolton v Arsenal"
_VERSUS = re.compile(r"\s+(?:v|vs)\.?\s+(?=[A-Z])")
# a player and a minute in a line-up or a list of scorers: "Van Persie (Bergkamp 68)",
# "Terry 17, Gudjohnsen 46."
_PLAYER_MINUTE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+\d{1,3}(?:,\s*\d{1,3})*")


# a line of results and a line of a league table, as wire copy lists them: "Pohang 3
# Ulsan 2 (halftime 1-0)", "Rotherham 4 0 1 3 3 6 1", "SEATTLE 70 63 .526 5"
_SIDE = r"[A-Z][A-Za-z'’.&-]*(?:[ \t]+(?:[A-Z][A-Za-z'’.&-]*|of|and|de|la|upon))*?"
_RESULT_LINE = re.compile(rf"\s*({_SIDE})[ \t]+\d{{1,3}}[ \t]+({_SIDE})[ \t]+\d{{1,3}}"
                          r"(?:[ \t]*\([^()\n]*\))?[ \t]*\.?\s*")
_TABLE_LINE = re.compile(rf"\s*({_SIDE})((?:[ \t]+(?:\d{{1,3}}|\.\d{{3}}|\d/\d|-))+)\s*")
_SIDE_WORDS = 4  # "Brighton and Hove Albion"
_MONTH = re.compile(r"(?i)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")


def result_sides(text: str, mentions: Sequence[Mention]) -> list[Mention] | None:
    """The sides of a line of results or of a league table, each an organisation (a
    country's team a place), with the figures the model found; None for any other text.

    A table line has at least five whole numbers, or a winning percentage (".526") and
    three more figures; a table of figures of another kind ("End Stocks 181 190 198
    198", a commodity table) has fewer columns or is headed by common words. A side has
    at most four words, and one side of a result a word that is no common word ("Red
    Star" beside "Buducnost")."""
    if len(text) > 120:
        return None
    found = _RESULT_LINE.fullmatch(text)
    groups = [1, 2] if found is not None else []
    if found is None:
        found = _TABLE_LINE.fullmatch(text)
        figures = found.group(2).split() if found is not None else []
        whole = sum(f.isdigit() for f in figures)
        if found is None or not (whole >= 5 or (any(f.startswith(".") for f in figures)
                                                and len(figures) >= 4)):
            return None
        groups = [1]
    sides = [found.span(g) for g in groups]
    words = [text[start:end].split() for start, end in sides]
    if any(len(w) > _SIDE_WORDS or _MONTH.match(w[0]) for w in words) or all(
            all(is_common(word) for word in w) for w in words):
        return None  # (not "March 87 March 86", a table's heading)
    out = [m for m in mentions if m.label in QUANTITY_LABELS]
    for start, end in sides:
        name = text[start:end]
        out.append(Mention(start, end, "GPE" if country_of(name) else "ORG"))
    return sorted(out, key=lambda m: (m.start, m.end))


def line_up_regions(source: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of text (as ``refine_piece`` reads them) that are a line-up or a line of
    scorers, and the line-ups run into a paragraph (:func:`run_in_line_ups`)."""
    found = []
    for start, end in regions:
        piece = source[start:end]
        whole = end - start <= 2000 and (
            ("," in piece and line_up_match(piece) is not None)
            or (piece[:1].isupper() and _SCORERS_LINE.fullmatch(piece) is not None))
        if whole:
            found.append((start, end))
        else:
            found += [(start + s, start + e) for s, e, _ in run_in_line_ups(piece)]
    return found


def line_up_match(text: str) -> re.Match[str] | None:
    """The line-up a piece of text is, or None; a list of countries or capitals (a
    headline in capitals, "France, Germany, Italy, Spain and Portugal") is not one, but
    under the heading of the substitutes, the booked or the scorers each name is a
    player's ("Subs Not Used: Macken, Weaver, Jordan.")."""
    found = _SUBS.fullmatch(text) or _BOOKED.fullmatch(text) or _GOALS.fullmatch(text)
    if found is not None:
        return found
    found = _LINE_UP.fullmatch(text) or _SQUAD.fullmatch(text)
    if found is None:
        return None
    groups = found.groupdict()
    heading = "team" if groups.get("team") else "heading" if groups.get("heading") else None
    names = [n for n in _PLAYER_NAME.finditer(text, found.end(heading) if heading else 0)
             if found.re is not _SQUAD or text[n.start() - 1:n.start()] != "("]  # (its clubs)
    if any(country_of(name.group().rstrip(".")) for name in names):
        return None
    return found


# A report's match facts run into one paragraph, each its own sentence ("... Fowler. Subs
# Not Used: Weaver, Onuoha, Flood. Booked: Fowler, Sibierski. Man Utd: Carroll, Gary
# Neville, ..."): a sentence ends at a full stop before a capital, not after an initial.
_FACT_END = re.compile(r"(?<![\s.][A-Z])\.[\"”’']?\s+(?=[A-Z])")
# what says a paragraph holds them: the substitutes, or a substitute and his minute
_FACTS_SIGN = re.compile(r"\bSubs\b[\w ]*:|\(\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+\d{1,3}\s*\)")


def run_in_line_ups(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """The sentences of a paragraph that are line-ups (or the substitutes, the players
    booked or the scorers, under their heading) where the paragraph as a whole is not
    one: each sentence's start, end and :func:`line_up_match`."""
    if "," not in text or len(text) > 6000 or _FACTS_SIGN.search(text) is None:
        return []
    found = []
    start = 0
    for end in [*(m.end() for m in _FACT_END.finditer(text)), len(text)]:
        team = line_up_match(text[start:end]) if "," in text[start:end] else None
        if team is not None:
            found.append((start, end, team))
        start = end
    return found


def line_up_names(text: str, team: re.Match[str], mentions: Sequence[Mention],
                  ) -> list[Mention]:
    """Every player of a line-up a person, its team an organisation (or a country's team
    a place), and so each club in brackets after a player of a squad ("Jones (Wolves)");
    figures the model found stay as they were."""
    out = [m for m in mentions if m.label in QUANTITY_LABELS]
    start = 0
    side = team.groupdict().get("team")  # (a squad's heading is not a side: "Replacements")
    if side and not side.startswith("Subs"):
        name = side.strip()
        at = text.index(name)
        out.append(Mention(at, at + len(name), "GPE" if country_of(name) else "ORG"))
    if side or team.groupdict().get("heading") or text.lstrip().startswith("Subs"):
        start = text.index(":") + 1
    for found in _PLAYER_NAME.finditer(text, start):
        end = found.end()
        if text[end - 1] == "." and not re.search(r"(?:^|\s)\w\.$", found.group()):
            end -= 1  # the list's full stop, not an initial's ("G.")
        if text[found.start() - 1:found.start()] == "(" and text[end:end + 1] == ")":
            club = text[found.start():end]
            out.append(Mention(found.start(), end, "GPE" if country_of(club) else "ORG"))
            continue
        out.append(Mention(found.start(), end, "PERSON"))
    # a line-up holds no date or time: the model's are minutes ("Cole 73", "(Daly 77)")
    names = Taken([m for m in out if m.label not in QUANTITY_LABELS])
    return sorted((m for m in out if m.label not in QUANTITY_LABELS or (
        m.label not in ("DATE", "TIME") and not names.overlaps(m.start, m.end))),
        key=lambda m: (m.start, m.end))


def fixture_sides(text: str, mention: Mention) -> list[Mention]:
    """A match is its two sides: "Bolton v Arsenal" -> "Bolton", "Arsenal" (a country's
    team a place, as the gold has it; any other side an organisation)."""
    cuts = list(_VERSUS.finditer(text, mention.start, mention.end))
    if not cuts or mention.label in QUANTITY_LABELS:
        return [mention]
    out, start = [], mention.start
    for cut in [*cuts, None]:
        end = cut.start() if cut else mention.end
        side = text[start:end].strip()
        if side[:1].isupper():
            out.append(Mention(start, end, "GPE" if country_of(side) else "ORG"))
        start = cut.end() if cut else end
    return out


def player_minute(text: str, mention: Mention) -> Mention:
    """A player with the minute of a goal or a substitution, in a line-up's brackets or a
    line of scorers, is a person: "(Bergkamp 68)" was read as a law, "Vincze 45" as a
    company."""
    if mention.label in QUANTITY_LABELS:
        return mention
    # the minute inside the span ("Bergkamp 68") or just after it ("Henry" 2, 29.)
    found = _PLAYER_MINUTE.match(text, mention.start)
    if found is None or found.end(1) > mention.end or found.end() < mention.end:
        return mention
    words = found.group(1).split()
    if any(is_common(w) for w in words):  # "Radio 1", "Channel 4"
        return mention
    bracketed = text[mention.start - 1:mention.start] == "(" and text[found.end():found.end() + 1] == ")"
    if not (bracketed or _SCORERS_LINE.fullmatch(text)):
        return mention
    return Mention(mention.start, found.end(1), "PERSON")
