"""The match facts a sports report ends with, as BBC and wire copy write them.

A football report closes with the two line-ups ("Arsenal: Almunia, Eboue, ...,
Van Persie (Bergkamp 68), Henry."), the substitutes not used, the players booked
("Cole."), the scorers ("Campbell 75."), the attendance ("20,170.") and the referee
("H Webb (S Yorkshire)."). They belong to the report: the entity layer reads every
player as a person (``entities/refine.py``), and the page-junk step keeps the run of
them that follows the article (``junk.py``) rather than set it aside as a footer.
"""

from __future__ import annotations

import re

# a player: one to four capitalised words, particles allowed ("Van Persie", "De Zeeuw")
PLAYER = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|di|dos)){0,3}"
PLAYER_NAME = re.compile(PLAYER)
# an optional "Team:", then five or more players, comma separated, a substitute and his
# minute in brackets
LINE_UP = re.compile(rf"\s*(?:(?P<team>[A-Z][\w'’. -]*?|Subs(?: [a-z]+)*):\s*)?"
                     rf"(?:{PLAYER}(?:\s*\({PLAYER}\s+\d{{1,3}}\))?,\s*){{4,}}"
                     rf"{PLAYER}(?:\s*\({PLAYER}\s+\d{{1,3}}\))?\.?\s*")
# a squad: four or more players each with the club in brackets, comma separated, under
# an optional heading ("Coyne (Burnley), Jones (Wolves), ...", "Replacements: William
# Servat (Stade Toulousain), ...")
CLUB = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|de|of|and)){0,3}"
SQUAD = re.compile(rf"\s*(?:(?P<heading>[A-Z][\w'’. -]*?):\s*)?(?:{PLAYER}\s*\({CLUB}\),\s*){{3,}}"
                   rf"{PLAYER}\s*\({CLUB}\)\.?\s*")
# the substitutes not used, however few ("Subs not used: Hislop, Quashie, Cisse.", "Subs
# Not Used: Weaver, Onuoha.")
SUBS = re.compile(rf"\s*(?P<team>Subs(?: [A-Za-z]+)*):\s*(?:{PLAYER},\s*)+{PLAYER}\.?\s*")
# the players booked or sent off, under that heading ("Booked: Fowler, Sibierski.")
BOOKED = re.compile(rf"\s*(?P<heading>Booked|Sent off|Sent-off|Dismissed):\s*(?:{PLAYER},\s*)*"
                    rf"{PLAYER}\.?\s*")
# the scorers and their minutes ("Terry 17, Gudjohnsen 46.", "Henry 2, 29.")
SCORERS_LINE = re.compile(r"\s*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+\d{1,3}"
                          r"(?:\s*(?:pen|og)\b)?(?:,\s*\d{1,3})*(?:,\s*)?)+\.?\s*")
# and under a heading ("Goals: Rooney 68, Dunne 75 og.")
GOALS = re.compile(r"\s*(?P<heading>Goals|Scorers?):" + SCORERS_LINE.pattern)
# the players booked: a few names and a full stop ("Cole.", "Flamini, Vieira.")
_BOOKED = re.compile(rf"\s*(?:{PLAYER},\s*){{0,4}}{PLAYER}\.\s*")
_ATTENDANCE = re.compile(r"\s*(?:Att(?:endance)?:?\s*)?\d{1,3}(?:,\d{3})+\.?\s*")
_REFEREE = re.compile(rf"\s*(?:Referee:?\s*)?{PLAYER}\s*\([A-Z][\w .'-]{{0,30}}\)\.?\s*")


def is_team_sheet(text: str) -> bool:
    """Whether a paragraph is one of a match report's closing facts."""
    if len(text) > 600:
        return False
    return any(pattern.fullmatch(text) for pattern in (LINE_UP, SUBS, BOOKED, GOALS, SCORERS_LINE,
                                                       _BOOKED, _ATTENDANCE, _REFEREE))


def opens_team_sheets(text: str) -> bool:
    """Whether a paragraph is a line-up, the fact a run of closing facts starts from."""
    return len(text) <= 600 and LINE_UP.fullmatch(text) is not None
