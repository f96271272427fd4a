"""Corrections to the model's spans, by class of error, following the OntoNotes
conventions the model was trained on (and the gold in ``tests/data``).

In one piece of text (one paragraph, title or caption):

* a name has a capital letter ("cts", "defense ministry" are not names), no
  stray brackets or quotes at its edges, no common nouns after it ("Interfax
  news agency"), and a photo credit "Name/Agency" is
  a person and an organisation; a name and its short form in brackets are
  two names ("Hindustan Aeronautics (HAL)");
* a leading "the" is dropped unless it is part of the name: a capital "The"
  inside a sentence is ("told The Atlantic", "in The Hague"), and so is the
  "The" of a few publications that always carry it; a capital-"The" name the
  model typed as a sea or region is a publication (ORG);
* a possessive country before an organisation is two entities ("China's
  Foreign Ministry" -> GPE "China", ORG "Foreign Ministry"), and a trailing
  possessive is not part of a name;
* a law's last word alone ("Act", "Bill") is not a law;
* an amount ending in a currency is money ("53 billion U.S. Dlrs"), and a currency
  alone ("in N.Z. Dlrs") names no one;
* a firm named for its partners is one ("Morgan Stanley and Co Inc", "Smith and
  Sons"), and a company whose name is a possessive keeps it where it owns nothing
  ("Moody's said");
* the holder of an office named in full is the name after it ("Chancellor of the
  Exchequer Nigel Lawson": not "Exchequer Nigel Lawson");
* a name the model cut in two at a space is one ("Lockheed" + "Martin", "UK" +
  "Independence Party"), and a title inside a name leads the name ("Said Mr Okafor");
* a title written just after what the work is, is that work, whole ("the sitcom Will
  and Grace", "the movie Ice Age"), and so is each title listed after a kind of work
  ("albums ... include Paul Simon's Graceland"); a maker's name and model number are one product
  ("a Nokia 3220 handset", "Boeing 747"); an acronym in brackets after a body's name
  is that body, whatever language its letters spell ("Legal Affairs Committee
  (JURI)"), and one written as a word spells its name ("... Names and Numbers (Icann)");
  a people's name standing for its language is the language ("in German for soprano");
  a job's title in capitals is no name ("the venue's Promotions Coordinator"); a
  building and the town it stands in are two ("the Golden Temple in Amritsar");
* on sports pages, line-ups, scorers and fixtures are read in ``sports.py``.

Across one article:

* a single common word that only starts a sentence is not a name ("State
  media said", "One China"), unless the article writes it capitalised
  inside a sentence too;
* a surname of a person the article names in full is that person wherever it
  stands alone: relabelled when the model typed it otherwise, added when the
  model missed it ("Straw" after "Jack Straw");
* a name the article gives alone is not glued to what it owns ("the University of
  Warwick's Student Union" -> two organisations);
* likewise the short form of a company the article names in full ("Kwik Save"
  after "Kwik Save Discount Group Plc", "Dairy Farm" after "Dairy Farm
  International Holdings Ltd") is that company.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from ..articles.prose import LEADING_THE
from .casing import is_common
from .companies import legal_forms
from .countries import country_of, country_of_adjective
from .kinds import QUANTITY_LABELS
from .linking import given_names, place_first
from .mention import ACRONYM_AFTER, NATIVE_AFTER, Mention, NameFinder, Taken
from .sports import (
    fixture_sides,
    line_up_match,
    line_up_names,
    player_minute,
    result_sides,
    run_in_line_ups,
)

_OPENING = "\"'“‘(["
_ENDINGS = ".!?:;…"
_POSSESSIVE_TAIL = re.compile(r"[’']s?$")
# a capitalised name (one to three words) in the possessive, before another capital
_POSSESSIVE = re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+(?=[A-Z])")
_CONNECTOR_EDGES = re.compile(r"^(?:\s|,|and\b|of\b|the\b)+|(?:\s|,|\band|\bof|\bthe)+$")
# publications and places whose name carries "The" even at the start of a sentence
THE_NAMES = frozenset({
    "atlantic", "economist", "guardian", "new york times", "wall street journal",
    "washington post", "new yorker", "hague", "diplomat", "hill", "epoch times",
    "washington times", "globe and mail", "straits times", "times of india",
})
_LAW_WORDS = frozenset({"act", "law", "bill", "treaty", "accord", "accords", "agreement",
                        "resolution", "convention", "communique", "communiqué"})
# what stands before a person's name as a title: an honorific, or an office or rank only a
# person holds ("President Trump", "Senator Warren", "Gen. Milley", "King Abdullah")
HONORIFICS = r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady"
TITLES = (HONORIFICS + r"|President|Senator|Sen|Rep|Governor|Gov|Mayor|Chancellor|Premier|"
          r"Minister|Secretary|Ambassador|Speaker|Chairman|Judge|Justice|Coach|King|Queen|"
          r"Prince|Princess|Pope|Ayatollah|Sheikh|Cardinal|Archbishop|Bishop|Rabbi|Imam|"
          r"Pastor|Rev|Revd|Reverend|Gen|General|Col|Colonel|Lt|Maj|Capt|Sgt|Admiral|Adm")
# (a full stop after an abbreviation only: "Mr King.\n\nAmpas decided" titles no one)
_ABBREVIATED = r"Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Rev|Revd|Gen|Col|Lt|Maj|Capt|Sgt|Adm"
TITLE_BEFORE = rf"(?:(?:{_ABBREVIATED})\.|(?:{TITLES}))\s+$"  # a title just before a name
NAME_TITLES = re.compile(TITLE_BEFORE)
WORD = re.compile(r"[^\W\d_][\w’'-]*")


def sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` begins a sentence (or a line, or the text); a position past
    the end of the text is read as the end."""
    i = min(position, len(text)) - 1
    while i >= 0 and text[i] in _OPENING + " \t":
        i -= 1
    if i >= 2 and text[i] in "-–—" and text[i - 1] == " " and (text[i - 2].isdigit() or text[i - 2] == ")"):
        return True  # after a dateline: "TOKYO, March 17 - The ...", "(Reuters) - The ..."
    return i < 0 or text[i] in _ENDINGS or text[i] == "\n"


# the heading of a match fact, never a name ("Att: 47,111 Ref: S Bennett (Kent).")
_FACT_HEADING = re.compile(r"(?:Att|Attendance|Ref|Referee|Booked|Subs|Goals|Scorers?):")
# a wire headline's section, in capitals before a dash: "SOCCER - BARATELLI TO COACH NICE",
# "CRICKET - ENGLAND BEAT PAKISTAN", "PRESS DIGEST - Indonesian newspapers" (no name)
# (read as the model reads a headline in capitals: recased, "Cricket - England beat")
_SECTION = re.compile(
    r"(?i)[ \t]*(?:SOCCER|FOOTBALL|CRICKET|TENNIS|GOLF|ATHLETICS|BASEBALL|BASKETBALL|CYCLING|"
    r"RUGBY(?: UNION| LEAGUE)?|BOXING|MOTOR RACING|MOTORCYCLING|HORSE RACING|SQUASH|"
    r"ICE HOCKEY|SKIING|ALPINE SKIING|SWIMMING|ROWING|SAILING|YACHTING|BADMINTON|"
    r"VOLLEYBALL|HANDBALL|JUDO|WRESTLING|SNOOKER|DARTS|CHESS|NFL|NHL|NBA|"
    r"PRESS DIGEST|EUROBONDS|PRESALE)[ \t]+-[ \t]+")


def refine_piece(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The piece-level corrections; offsets are into ``text``."""
    section = _SECTION.match(text)
    if section is not None:  # the section of a wire headline is no name
        mentions = [m if m.start >= section.end() else Mention(section.end(), m.end, m.label)
                    for m in mentions if m.end > section.end()]
    team = line_up_match(text) if "," in text else None
    if team is not None:
        return line_up_names(text, team, mentions)
    results = result_sides(text, mentions)
    if results is not None:
        return results
    sheets = run_in_line_ups(text)
    if not sheets:
        return _refine(text, mentions)
    out = []  # each line-up run into the paragraph as a line-up, the rest as prose
    for start, end, found in sheets:
        inside = [Mention(m.start - start, m.end - start, m.label) for m in mentions
                  if start <= m.start and m.end <= end]
        out += [Mention(m.start + start, m.end + start, m.label)
                for m in line_up_names(text[start:end], found, inside)]
    rest = [m for m in mentions if not any(m.start < end and start < m.end for start, end, _ in sheets)]
    return sorted([*_refine(text, rest), *out], key=lambda m: (m.start, m.end))


def _refine(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The piece-level corrections of prose."""
    out: list[Mention] = []
    for mention in mentions:
        if mention.label in QUANTITY_LABELS:
            out.append(_stripped(text, _dash_cut(text, mention)))
            continue
        mention = _body_of(text, _dangling(text, mention))
        edged = _edges(text, mention)
        if _MONTH_DAY.fullmatch(text, edged.start, edged.end):  # "Mar 2 - <" as a person
            out.append(Mention(edged.start, edged.end, "DATE"))
            continue
        for part in (r for whole in _dash_parts(text, mention)
                     for cut in _sentences(text, whole) for angled in _angle_cut(text, cut)
                     for b in _brackets(text, angled)
                     for c in _credit(text, _edges(text, b)) for f in fixture_sides(text, c)
                     for p in _country_pair(text, player_minute(text, f))
                     for site in _building_in_place(text, p)
                     for w in _run_together(text, site) for o in _based_in(text, w)
                     for q in _nationality_lead(text, o)
                     for r in _role_inside(text, _lower_lead(text, _honorific(text, q)))):
            part = _country_and_common(text, _the(text, part))  # ("the U.S. Government")
            for piece in split_possessive(text, part):
                piece = _trim_possessive(text, piece)
                if piece.start < piece.end and not _bare_law_word(text, piece) \
                        and not _role_abbreviation(text, piece) and not _table_row(text, piece) \
                        and not _common_acronym(text, piece) \
                        and not _job_title(text, piece) and not is_ticker(text, piece.start, piece.end) \
                        and _name_shaped(text[piece.start:piece.end], piece.label) \
                        and not _ADDRESS.search(text, piece.start, piece.end) \
                        and not _FACT_HEADING.fullmatch(text, piece.start, piece.end + 1):
                    out.append(piece)
    found = _year_and_event(text, sorted(set(out), key=lambda m: (m.start, m.end)))
    found = _office_holder(text, _and_company(text, _currencies(text, _amounts(text, found))))
    found = _joined_names(text, _broadcast_services(text, found))
    found = _listed_works(text, _titled_works(text, _awards(text, _craft(text, found))))
    found = _programme_titles(text, _writers(text, found))
    found = _hyphened_weapons(text, _unnamed_pacts(text, _model_numbers(text, found)))
    found = _defined_by_acronym(text, found)
    found = _native_script(text, found)
    named = (_body_by_its_head(text, _languages(text, _numbered_title(text, _sea(
        text, _exercise(text, _pact(text, _acronym_person(text, m))))))) for m in found)
    return _parties(text, [law for m in named if (law := _law_named(text, m)) is not None])


# a title numbered as a sequel or a station, which the model reads as a law ("Halo 2",
# "Shrek 2", "Radio 1"); a law numbered so is named by what it is ("Section 404")
_NUMBERED = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,3})(?:\d|[IVX]{1,4})")
_LAW_NUMBERED = frozenset("section chapter article title rule regulation clause amendment "
                          "directive resolution proposition prop act code bill round part "
                          "schedule paragraph".split())


def _numbered_title(text: str, mention: Mention) -> Mention:
    """A name and a one-digit number the model took for a law is a work ("Halo 2"), or a
    body where the name says it is one ("Radio 1")."""
    found = _NUMBERED.fullmatch(text, mention.start, mention.end) \
        if mention.label == "LAW" else None
    if found is None:
        return mention
    words = {w.casefold() for w in found.group(1).split()}
    if words & _LAW_NUMBERED:
        return mention
    return Mention(mention.start, mention.end, "ORG" if words & NAME_HEADS else "WORK_OF_ART")


# a name the model ended on a connector, the rest of the name after it: "the Office of
# the" + "Deputy Prime Minister", "Department for" + "Education"
_DANGLING = re.compile(r"\s(?:of|for|on)(?:\s+the)?\s*$")
_NAME_GOES_ON = re.compile(r"\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


def _dangling(text: str, mention: Mention) -> Mention:
    """An organisation's name the model cut after "of", "for" or "on" runs on through the
    capitalised words that follow ("the Office of the Deputy Prime Minister")."""
    rest = _NAME_GOES_ON.match(text, mention.end) if mention.label == "ORG" \
        and _DANGLING.search(text, mention.start, mention.end) else None
    return Mention(mention.start, rest.end(), mention.label) if rest else mention


_BODY_OF = re.compile(r"(\w+)\s+(?:of|for)\s")  # "Office of the Deputy Prime Minister"


def _body_of(text: str, mention: Mention) -> Mention:
    """A name that opens with what a body is ("Office of the Deputy Prime Minister",
    "Department for Education") is that body, though it ends with a role the model read
    as a person."""
    first = _BODY_OF.match(text, mention.start, mention.end) \
        if mention.label == "PERSON" else None
    if first is not None and first.group(1).casefold() in NAME_HEADS:
        return Mention(mention.start, mention.end, "ORG")
    return mention


# the last word of a name of a sea, a range or a strait; never of a person's (unlike
# "Bay", "Lake" or "River": Michael Bay, Ricki Lake, River Phoenix)
_GEOGRAPHIC_HEAD = re.compile(r"(?:Sea|Ocean|Gulf|Strait|Straits|Mountains|Peninsula|Desert|"
                              r"Islands|Archipelago|Channel|Shoal|Reef|Atoll)")


def _sea(text: str, mention: Mention) -> Mention:
    """A name the model took for a person, a building or a product that ends in "Sea",
    "Ocean", "Strait", "Shoal" ... is a place ("Osprey North Sea", an oilfield in the
    sea; "Second Thomas Shoal" a building): a person's surname is never one, nor a
    building's or a product's last word."""
    if mention.label not in ("PERSON", "FAC", "PRODUCT"):
        return mention
    last = WORD.findall(text, mention.start, mention.end)[-1:]
    if last and _GEOGRAPHIC_HEAD.fullmatch(last[0]):
        return Mention(mention.start, mention.end, "LOC")
    return mention


# political parties by the names news uses for them, with the kind each is: a party an
# organisation, its members or what is theirs ("a Lib Dem MP", "Tory voters") a group
PARTIES = {
    "Labour": "ORG", "Lib Dems": "ORG", "Liberal Democrats": "ORG", "Lib Dem": "NORP",
    "Liberal Democrat": "NORP", "Tories": "NORP", "Tory": "NORP", "SNP": "ORG",
    "UKIP": "ORG", "Plaid Cymru": "ORG", "Sinn Fein": "ORG", "Kuomintang": "ORG",
    "KMT": "ORG", "DPP": "ORG", "GOP": "ORG",
    # a US party's members ("House Democrats", "Republican Phil Bryant")
    "Democrats": "NORP", "Democrat": "NORP", "Republicans": "NORP", "Republican": "NORP",
}
_PARTY_NAME = re.compile(r"(?<![\w’'-])(?:" + "|".join(
    re.escape(name) for name in sorted(PARTIES, key=len, reverse=True)) + r")(?![\w’'-])")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")  # part of a longer name: "Labour Day"
_PARTY_FIRST = re.compile(r"(Liberal)\s+$")  # "Liberal" + "Democrats", cut by the model
_WORD_BEFORE_PARTY = re.compile(r"([A-Z][\w’'-]*)\s+$")


def _parties(text: str, mentions: list[Mention]) -> list[Mention]:
    """A party's name is never a person, place or thing ("Lib Dems" and "Labour" were
    read as people); a party named in two words the model cut is whole ("Liberal" +
    "Democrat", "Welsh Liberal" + "Democrats", a branch of it).
    A party or group the model typed either way keeps its kind."""
    out: list[Mention] = []
    for mention in mentions:
        start = mention.start
        name = text[start:mention.end]
        if name in ("Democrat", "Democrats"):
            first = _PARTY_FIRST.search(text, max(0, start - 10), start)
            before = _WORD_BEFORE_PARTY.search(text, max(0, start - 40), first.start(1)) \
                if first is not None else None
            if first is not None and out and out[-1].end == first.end(1) \
                    and out[-1].start < first.start(1) and out[-1].label in ("ORG", "NORP"):
                branch = out.pop()  # "Welsh Liberal" + "Democrats": the party's branch
                out.append(Mention(branch.start, mention.end, "ORG"))
                continue
            if first is not None and (before is None or is_common(before.group(1))):
                start, name = first.start(1), f"Liberal {name}"
                if out and (out[-1].start, out[-1].end) == first.span(1):
                    out.pop()  # the model's "Liberal" on its own
        kind = PARTIES.get(name)
        last = name.rsplit(None, 1)[-1] if " " in name.strip() else ""
        if kind is None and mention.label == "PERSON" and PARTIES.get(last) == "NORP":
            kind = "NORP"  # a party's members somewhere: "Virginia Democrats", no person
        if kind is not None:
            mention = Mention(start, mention.end,
                              mention.label if mention.label in ("ORG", "NORP") else kind)
        out.append(mention)
    taken = Taken(out)
    for found in _PARTY_NAME.finditer(text):  # a party the model missed ("Lib Dem peers";
        # not inside a longer name it missed too: "Labour Day")
        if not taken.overlaps(*found.span()) and not _CAPITAL_AFTER.match(text, found.end()) \
                and not (found.group() == "Labour" and sentence_start(text, found.start())):
            out.append(Mention(*found.span(), PARTIES[found.group()]))
    return sorted(out, key=lambda m: (m.start, m.end))


_SPELT = re.compile(r"[^\W\d_][\w’'.&-]*")


def _native_script(text: str, mentions: list[Mention]) -> list[Mention]:
    """The name in its own script, in brackets right after a name, is that name again
    (the model reads no Chinese: "Chiu Kuo-cheng (邱國正)" had the name once)."""
    if not any("\u3040" <= c <= "\ud7af" for c in text):  # (most text: no such script)
        return mentions
    taken = Taken(mentions)
    added = []
    for m in mentions:
        native = NATIVE_AFTER.match(text, m.end) if m.label not in QUANTITY_LABELS else None
        if native is not None and not taken.overlaps(*native.span(1)):
            added.append(Mention(native.start(1), native.end(1), m.label))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


def _defined_by_acronym(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the model cut in parts, made whole by the acronym written after it: its
    letters say where the name starts ("American Institute" + "Taiwan" before "(AIT)"
    is the "American Institute in Taiwan"; "Taipei Economic and Cultural Representative
    Office (TECRO)"). The name takes the acronym's kind, or that of its longest part."""
    out = list(mentions)
    for defined in ACRONYM_AFTER.finditer(text):
        short = defined.group(1)
        letters = "".join(c for c in short if c.isupper())
        if len(letters) == 1 and short[1:].islower() and 4 <= len(short) <= 6:
            letters = short.upper()  # written as a word, as BBC style has it ("Icann", "Nato")
        if len(letters) < 2:
            continue
        words = _words_before(text, defined.start())
        start = _acronym_start(words, letters)
        if start is None:  # letters of another language ("Legal Affairs Committee (JURI)"):
            named = _short_name_of(out, defined)  # a body's short name all the same
            if named is not None:
                out = sorted([*out, named], key=lambda m: (m.start, m.end))
            continue
        last = words[0].group()
        span = (start, words[0].end() - (len(last) - len(last.rstrip("'’"))))  # "Services' (IDS)"
        inside = [m for m in out if m.start < span[1] and m.end > span[0]]
        if not inside or any(m.start < span[0] or m.end > span[1] for m in inside) \
                or any(m.label in QUANTITY_LABELS for m in inside):
            continue
        own = next((m.label for m in out if (m.start, m.end) == defined.span(1)), None)
        label = own or max(inside, key=lambda m: m.end - m.start).label
        added = [Mention(*span, label)]
        if own is None:  # the acronym names what the name does ("(SIPRI)")
            added.append(Mention(*defined.span(1), label))
        out = sorted([m for m in out if m not in inside] + added,
                     key=lambda m: (m.start, m.end))
    return out


# a model number after its maker's name: "Nokia 3220", "Boeing 747", "Airbus A380" (not a
# score, "Chelsea 2"; a year, "Nokia 2004"; or an amount, "Nokia 300 jobs", "Sony 500m")
_MODEL_NUMBER = re.compile(r" (?!(?:19|20)\d\d\b)((?:[A-Z]{1,3}-?\d{2,5}|\d{3,5})[a-z]{0,2})"
                           r"(?=[\s,.;:)]|$)(?!\s*(?i:%|per\b|percent|pct|mln|bln|million|billion|"
                           r"bn\b|m\b|jobs|staff|workers|employees|people|shares|stores|units|"
                           r"points|votes|seats|times|years|miles|km|metres|meters|index))")
# a share index is named by its number too ("FTSE 100", "Nikkei 225", "S&P 500")
_SHARE_INDEX = re.compile(r"(?:FTSE|Nikkei|DAX|CAC|S&P|Dow|Dow Jones|Nasdaq|Russell|Hang Seng|"
                          r"Stoxx|Euro Stoxx|Topix|ASX|Sensex|Kospi|IBEX|AEX|SMI|MIB)")


def _model_numbers(text: str, mentions: list[Mention]) -> list[Mention]:
    """A maker's name and the number of its model, one product: the model took the maker
    alone for the company ("a Nokia 3220 handset")."""
    out: list[Mention] = []
    # what may stand on the number: nothing, a count ("3220" CARDINAL), or the model alone
    # ("V600" PRODUCT); not another name
    alone = {(m.start, m.end) for m in mentions if m.label in QUANTITY_LABELS or m.label == "PRODUCT"}
    named = {m.start for m in mentions if (m.start, m.end) not in alone}
    dropped: set[tuple[int, int]] = set()
    for m in mentions:
        number = _MODEL_NUMBER.match(text, m.end) if m.label == "ORG" \
            and not _SHARE_INDEX.fullmatch(text, m.start, m.end) else None
        if number is not None and number.start(1) not in named:
            dropped.add(number.span(1))
            m = Mention(m.start, number.end(1), "PRODUCT")
        out.append(m)
    return [m for m in out if (m.start, m.end) not in dropped & alone]


_LANGUAGES = frozenset("""English French German Spanish Italian Portuguese Russian Chinese
Mandarin Cantonese Japanese Korean Arabic Hindi Urdu Welsh Gaelic Irish Dutch Greek Turkish
Polish Swedish Norwegian Danish Finnish Hebrew Persian Farsi Latin Swahili Bengali Punjabi
Tamil Vietnamese Thai Indonesian Malay Czech Hungarian Romanian Ukrainian Serbian Croatian
Catalan Basque Afrikaans Zulu Yiddish Icelandic""".split())
# a language is what is written, spoken or sung in: "pieces in German for soprano",
# "he spoke English", "translated into French" (not "in German cities": a people's)
_SPOKEN_IN = re.compile(r"(?:\b(?:in|into|speaks?|spoke|speaking|spoken|learn|learning|"
                        r"learnt|learned|fluent|translated|dubbed|subtitled)\s+)$")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[.,;:!?)\"”’]|$|\s(?:for|and|or|but|with|by|to|as|at|on|"
                            r"is|was|are|were|because|when|while|so|than|from|of)\b)")


_IN_PLACE = re.compile(r" in ((?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*){0,2})$")


def _building_in_place(text: str, mention: Mention) -> list[Mention]:
    """A building and the town it stands in are two names ("the Golden Temple in
    Amritsar" -> FAC and GPE)."""
    if mention.label != "FAC":
        return [mention]
    place = _IN_PLACE.search(text, mention.start, mention.end)
    if place is None or place.start() <= mention.start:
        return [mention]
    return [Mention(mention.start, place.start(), "FAC"), Mention(*place.span(1), "GPE")]


def _languages(text: str, mention: Mention) -> Mention:
    """A people's name that stands for its language ("vocal pieces in German for
    soprano") is the language."""
    if mention.label == "NORP" and text[mention.start:mention.end] in _LANGUAGES \
            and _SPOKEN_IN.search(text, max(0, mention.start - 16), mention.start) \
            and _NO_NOUN_AFTER.match(text, mention.end):
        return Mention(mention.start, mention.end, "LANGUAGE")
    return mention


_NAMED_SHORT = frozenset({"ORG", "LAW", "EVENT", "FAC"})


def _short_name_of(mentions: list[Mention], defined: re.Match[str]) -> Mention | None:
    """The acronym in brackets right after a body's, law's, event's or building's name,
    as that kind of name, when the model left it out."""
    if any(m.start < defined.end(1) and m.end > defined.start(1) for m in mentions) \
            or _NAME_GOES_ON.match(defined.string, defined.end()):  # "LBI Finance (HK) Ltd"
        return None
    before = next((m for m in mentions if m.end == defined.start()), None)
    if before is None or before.label not in _NAMED_SHORT:
        return None
    return Mention(*defined.span(1), before.label)


def _words_before(text: str, end: int) -> list[re.Match[str]]:
    """The words of the name that may end at ``end``, last first: back to a word that
    cannot be inside a name (lower case and no connector, a possessive) or a full stop."""
    found: list[re.Match[str]] = []
    low = max(0, end - 160)
    for match in reversed(list(_SPELT.finditer(text, low, end))):
        word = match.group()
        gap = text[match.end():(found[-1].start() if found else end)]
        if gap.strip() or word.endswith(("'s", "’s")) or len(found) >= 12 \
                or (found and word.endswith(".") and word[-2:-1].islower()):  # "Reuters."
            break
        if word[0].islower() and word not in _ACRONYM_CONNECTORS:
            break
        found.append(match)
    return found


def _acronym_start(words: list[re.Match[str]], letters: str) -> int | None:
    """Where the longest run of ``words`` (given last first) whose initials spell
    ``letters`` starts: each capitalised word gives its initial (a hyphenated one may
    give one per part: "Co-operation"), a connector ("of", "in") may give its or none."""
    ordered = [w.group() for w in reversed(words)]

    def spells(i: int, j: int) -> bool:  # ordered[i:] spells letters[j:]
        if i == len(ordered):
            return j == len(letters)
        word = ordered[i]
        if word in _ACRONYM_CONNECTORS:
            if spells(i + 1, j):
                return True
            return j < len(letters) and word[0].upper() == letters[j] and spells(i + 1, j + 1)
        parts = [p for p in word.split("-") if p]
        for n in range(len(parts), 0, -1):
            initials = "".join(p[0].upper() for p in parts[:n])
            if letters.startswith(initials, j) and spells(i + 1, j + len(initials)):
                return True
        return False

    for i, word in enumerate(ordered):  # the longest first
        if word[0].isupper() and spells(i, 0):
            return words[len(ordered) - 1 - i].start()
    return None


# what is said only of an award: "won an Oscar", "Bafta-winning", "Grammy nominations"
_AWARD_BEFORE = re.compile(r"\b(?:(?:won|wins|win|winning|scooped|picked up|collected|received|"
                           r"receive|receives)\s+(?:an?|another|two|three|four|five|his|her|their|its)"
                           r"|(?:nominated|up|campaign|campaigning|bid|shortlisted) for (?:an?|another))"
                           r"(?:\s+(?:first|second|third|fourth|fifth))?"
                           r"\s+$")  # (not "won Wimbledon", "won the Open": events)
_AWARD_AFTER = re.compile(r"(?:s)?(?:-(?:winning|winner|nominated)|\s+(?:nominations?|nominee|nominees|"
                          r"nod|statuette|awards?)\b)")
# said of an award, and of a place, people or team too ("the LA ceremony", "his Arsenal
# winner"): an award only where the model took the name for a person or a thing
_AWARD_OR_TEAM_AFTER = re.compile(r"s?\s+(?:winners?|hopefuls|ceremony|ceremonies|race|voters|"
                                   r"contenders?)\b")


# an acronym in capitals: a body by itself ("BAA said"; "IBM and Hitachi Ltd" are two)
ACRONYM = re.compile(r"[A-Z]{2,5}")


def _acronym_person(text: str, mention: Mention) -> Mention:
    """An acronym in capitals inside mixed-case text is a body ("BAA said"), not a person
    (the model's guess from the verb after it)."""
    if mention.label == "PERSON" and ACRONYM.fullmatch(text, mention.start, mention.end):
        return Mention(mention.start, mention.end, "ORG")
    return mention


# an agreement named for where it was made, in lower case after the name: "the Louvre
# accord", "the Plaza agreement", "the Kyoto protocol"
_PACT_AFTER = re.compile(r"\s+(?:accord|accords|agreement|treaty|protocol|pact|convention)\b")


def _pact(text: str, mention: Mention) -> Mention:
    """A name the model took for a person, body or place (a city, not a country or a
    people) just after "the" and before "accord", "agreement" ... is the agreement's
    name, with that word ("the Paris accord", "the Kyoto protocol")."""
    after = _PACT_AFTER.match(text, mention.end) \
        if mention.label in ("PERSON", "ORG", "FAC", "LOC", "WORK_OF_ART") or (
            mention.label == "GPE" and not country_of(text[mention.start:mention.end])) else None
    if after is None or text[max(0, mention.start - 4):mention.start].lower() != "the ":
        return mention
    return Mention(mention.start, after.end(), "LAW")


_PACT_NAMED = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)(?=(?:\s+[A-Z][a-z]+)*"
                         + _PACT_AFTER.pattern[:-2] + r"s?\b)")


_PACT_WORD = re.compile(r"\b(?:accord|agreement|treat|protocol|pact|convention)")


def _unnamed_pacts(text: str, mentions: list[Mention]) -> list[Mention]:
    """An agreement named for a place the model did not see as a name ("the Louvre
    accord", "the Plaza agreement"): not a country's, a people's, a day's or a month's."""
    if _PACT_WORD.search(text) is None:
        return mentions
    out = list(mentions)
    for found in _PACT_NAMED.finditer(text):
        start = found.start(1)
        after = _PACT_AFTER.match(text, found.end(1))
        if after is None or any(m.start < after.end() and start < m.end for m in out):
            continue
        word = found.group(1)
        if country_of(word) or country_of_adjective(word) or _NOT_TITLES.match(word) \
                or is_common(word):
            continue
        out.append(Mention(start, after.end(), "LAW"))
    return sorted(out, key=lambda m: (m.start, m.end))


# what names a law, an agreement or a ruling: a law is called what it is ("the Hunting
# Act", "the Maastricht Treaty", "Chapter 11", "Roe v. Wade")
_LAW_HEADS = _LAW_WORDS | _LAW_NUMBERED | frozenset(
    "amendment constitution charter code directive regulations statute protocol pact decree "
    "ordinance declaration doctrine rights plan program programme accord agreements treaties "
    "acts laws bills conventions v. v vs vs.".split())




def _law_named(text: str, mention: Mention) -> Mention | None:
    """A law's name says it is one: a word such as "Act", "Bill", "Treaty", "Agreement",
    "Section", or its acronym ("GATT", "INRA"); an agreement named for a place has the
    word after it in lower case ("the Louvre accord"), which joins the name. What the
    model called a law without one is not: a show, a cup or a day is an event ("Consumer
    Electronics Show"), a name ending in a body's word a body ("Law Lords", "Royal
    Family"), and the rest no law's name at all ("Touch Bar", "Death Star", a page's
    "Geekbench 5 Compute"), dropped. None for a dropped mention."""
    if mention.label != "LAW":
        return mention
    span = text[mention.start:mention.end]
    words = [w.casefold() for w in span.replace("/", " ").split()]
    head = _head_words(words)  # ("Act of Union")
    if head and head[-1] not in _LAW_HEADS | _EVENT_ENDS and (
            head[-1] in NAME_HEADS or head[-1] in BODY_END or head[-1] in ("lords", "family")):
        return Mention(mention.start, mention.end, "ORG")
    if not words or set(words) & _LAW_HEADS or re.fullmatch(r"[A-Z]{2,6}", span):
        return mention
    after = _PACT_AFTER.match(text, mention.end)
    if after is not None:
        return Mention(mention.start, after.end(), "LAW")
    if words[-1] in _EVENT_ENDS:
        return Mention(mention.start, mention.end, "EVENT")
    return None


# what a named military exercise is called after its name: "the Han Kuang exercises"
_EXERCISE_AFTER = re.compile(r"\s+(?:exercises?|drills?|war\s+games|manoeuvres|maneuvers)\b")


def _exercise(text: str, mention: Mention) -> Mention:
    """A name the model took for a place, building, person or work just before
    "exercises", "drills", "war games" is the exercise: an event ("the annual Han Kuang
    exercises", "the Balikatan drills", "the Balikatan exercise" a town to the model). A
    country, people or body before them is whose exercise it is ("Chinese drills",
    "PLA drills") and keeps its kind."""
    if mention.label in ("FAC", "LOC", "GPE", "PERSON", "WORK_OF_ART", "PRODUCT") \
            and _EXERCISE_AFTER.match(text, mention.end) \
            and not country_of(text[mention.start:mention.end]):
        return Mention(mention.start, mention.end, "EVENT")
    return mention


def _awards(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word name said only of an award is the award (a work, as OntoNotes types
    it): "won an Oscar", "Bafta-winning", "Grammy nominations", "the Oscar ceremony",
    "nominated for an Oscar"; not a person. So is a longer one the model took for a
    building ("a Golden Globe nomination")."""
    out = []
    for m in mentions:
        if m.label in ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT") \
                and (" " not in text[m.start:m.end] or m.label == "FAC") and (
                _AWARD_AFTER.match(text, m.end)
                or (m.label in ("PERSON", "FAC", "PRODUCT") and _AWARD_OR_TEAM_AFTER.match(text, m.end))
                or _AWARD_BEFORE.search(text, max(0, m.start - 24), m.start)):
            m = Mention(m.start, m.end, "WORK_OF_ART")
        out.append(m)
    return out


def _craft(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the model took for a person, work, place or group just before what a craft
    or weapon is, is that craft's name ("Harpoon missiles", "Apache attack helicopters");
    a company's ("Boeing jets"), a country's ("Taiwan fighter jets", "Chinese drones")
    and a group's fighters ("Kurdish fighters") stay."""
    out = []
    for m in mentions:
        name = text[m.start:m.end]
        after = _CRAFT_AFTER.match(text, m.end) if m.label in _CRAFT_TAKEN_FOR else None
        if after is not None and not country_of(name) and not (  # a people's fighters
                m.label == "NORP" and (country_of_adjective(name) or "fighter" in after.group())):
            m = Mention(m.start, m.end, "PRODUCT")
        elif m.label in _CRAFT_TAKEN_FOR | {"ORG", "GPE"} and _SHIP_BEFORE.search(
                text, max(0, m.start - 24), m.start):
            m = Mention(m.start, m.end, "PRODUCT")  # "the frigate Stark": a ship's name
        out.append(m)
    return out


# what a ship is, just before its name ("the U.S. frigate Stark", "the tanker Bridgeton";
# not "carrier": an airline is one too)
_SHIP_BEFORE = re.compile(r"\b(?:frigate|destroyer|cruiser|warship|battleship|submarine|"
                          r"aircraft\s+carrier|minesweeper|tanker|supertanker|freighter|"
                          r"liner|ferry|trawler|yacht|vessel|ship)\s+$")


_CRAFT_TAKEN_FOR = frozenset({"PERSON", "WORK_OF_ART", "FAC", "LOC", "NORP"})

# the last word of a firm's name ("Matrix Asset Advisors", "Carlyle Partners", "Apax Capital")
FIRM_HEADS = frozenset("""advisors advisers partners associates capital securities
investments holdings industries technologies communications pharmaceuticals""".split())
# what a work is, written before its title ("hit comedy Blackadder", "the movie Ice Age")
WORK_KINDS = (r"comedy|sitcom|drama|series|film|movie|novel|album|song|book|programme|program|"
              r"musical|opera|documentary|soap")
# words for a song that are other words too, a song only after a word that makes them
# nouns: "her latest single", "the track", "their 1991 hit", "cult hit" (not "a single
# EU currency", "every track", "prices hit BA's profits")
_SONG_NOUN = re.compile(r"\b(?:single|track|hit)\s+(?=[A-Z0-9“\"‘])")
_SONG_LEAD = re.compile(r"(?i:\b(?:the|his|her|its|our|my|their|\w+['’]s|\d+s?|latest|recent|new|"
                        r"debut|first|second|third|next|last|charity|comeback|solo|lead|title|"
                        r"former|biggest|classic|smash|cult|surprise|summer|chart|dance|pop|rock|"
                        r"club|festive|Christmas))\s+$")
# a work named just after what it is: "the movie Ice Age", "hit US comedy Will and Grace",
# "Zola's novel Therese Raquin", "the album called Hopes and Fears" (lower case: not the
# first word of a title; and no word that is also a verb before a name: "play", "show")
_WORK_NOUN = re.compile(rf"\b(?:{WORK_KINDS}|serial|memoir|biopic|thriller|cartoon|anthem)\s+"
                        r"(?:(?:called|entitled|titled)\s+)?")
_TITLE_WORD = r"(?:[A-Z][\w’'-]*|\d+)"  # ("Thou Shalt Not", "13 Going on 30")
_SMALL_WORDS = "of|the|a|an|in|on|to|and"  # the small words a title or a name keeps in lower case
_TITLE_SMALL = _SMALL_WORDS + "|&"  # the small words inside a title


def _title_pattern(small: str = _TITLE_SMALL, space: str = r"\s+", lead: str = "",
                   more: str = "*") -> str:
    """A title: capitalised words (or numbers), ``small`` words between them; each word
    after the first ``lead`` and ``space`` after the one before (``more``: how many)."""
    return rf"[A-Z][\w’'-]*(?:{lead}{space}(?:(?:{small}){space})*{_TITLE_WORD}){more}"


_TITLE = re.compile(_title_pattern())
_LAST_PART = re.compile(rf"\s+(?:{_TITLE_SMALL})\s+([^\s].*)$")
_NOT_TITLE_START = re.compile(r"(?:I|Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\b")
_NOT_TITLES = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"January|February|March|April|May|June|July|August|September|"
                         r"October|November|December|Christmas|Easter)\b")


# a title in quotation marks: capitalised first, on one line, no sentence inside
_QUOTED_TITLE = re.compile(r"[“\"‘]([A-Z0-9][^“”\"\n.!?;]{0,80}?)[,.]?[”\"’](?![A-Za-z])")


# a weapon named in capitals with a hyphened "to" inside, which the model cuts at the
# hyphen ("National Advanced Surface-to-Air Missile System", "Advanced Medium-Range
# Air-to-Air Missile", "Joint Air-to-Surface Standoff Missile")
_CAP_WORD = r"[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*"
_HYPHENED_WEAPON = re.compile(
    rf"(?<![\w-])(?!(?:The|A|An)\s)(?:{_CAP_WORD}\s+)*[A-Z][A-Za-z]*-to-[A-Z][A-Za-z]*"
    rf"(?:\s+{_CAP_WORD})*?\s+(?:Missiles?|Systems?|Rockets?|Launchers?|Interceptors?|"
    r"Munitions?|Bombs?|Weapons?)(?:\s+Systems?)?(?![\w-])")


def _hyphened_weapons(text: str, mentions: list[Mention]) -> list[Mention]:
    """A weapon's name with "-to-" inside, whole, a product, in place of the pieces the
    model found inside it (none running past its edges)."""
    out = mentions
    if "-to-" not in text:
        return out
    for found in _HYPHENED_WEAPON.finditer(text):
        start, end = found.span()
        inside = [m for m in out if m.start < end and start < m.end]
        if any(m.start < start or m.end > end for m in inside):
            continue
        out = sorted([m for m in out if m not in inside] + [Mention(start, end, "PRODUCT")],
                     key=lambda m: (m.start, m.end))
    return out


def _titled_works(text: str, mentions: list[Mention]) -> list[Mention]:
    """The title of a work written just after what the work is, as one work: the model
    often misses it or takes part of it for a person or a company ("comedy Will and
    Grace" -> ORG "Grace"), or all it holds in quotation marks ("the film “On the
    Waterfront”"). Not when the title is a place ("the series England won"),
    a day or a month, or runs into a name the model found beyond it."""
    out = list(mentions)
    songs = [m for m in _SONG_NOUN.finditer(text)
             if _SONG_LEAD.search(text, max(0, m.start() - 24), m.start())]
    for noun in sorted([*_WORK_NOUN.finditer(text), *songs], key=lambda m: m.start()):
        quoted = _QUOTED_TITLE.match(text, noun.end())
        if quoted is not None:  # the film “On the Waterfront”: all the quotation holds
            out = _as_work(out, *quoted.span(1), dates_inside=True) or out
            continue
        title = _TITLE.match(text, noun.end())
        if title is None:
            continue
        start, end = title.span()
        words = text[start:end]
        if words.endswith(("'", "’", "'s", "’s")) or _NOT_TITLE_START.match(words):
            continue  # "the film Ray's director", "musical Rubik's cube", "programme Mr Blair"
        last = _LAST_PART.search(words)
        if last is not None and country_of(last.group(1)) is not None:
            end = start + last.start()  # "film The Sea Inside in Spain"
            words = text[start:end]
        if _NOT_TITLES.match(words) or country_of(words) is not None \
                or any((m.start, m.end) == (start, end) and m.label in ("GPE", "NORP") for m in out):
            continue
        out = _as_work(out, start, end) or out
    return out


# a programme named just before the word, often after its broadcaster's possessive: "the
# BBC's Today programme", "Radio Five Live's Sportsweek programme", "Go Digital programme"
_BEFORE_PROGRAMME = re.compile(
    rf"(?<![\w’'-])({_title_pattern(_TITLE_SMALL + '|with|for|at|from')})\s+programme\b")
_ARTICLE_LEAD = re.compile(r"(?:[Aa]n?)\s+")
_OWNER_END = re.compile(r".*['’]s\s+", re.DOTALL)  # up to the last possessive
# a broadcaster or a service is the owner, not the title ("BBC World Service programme")
_BROADCASTER_END = frozenset({"service", "radio", "tv", "television", "channel", "news",
                              "network", "online", "live", "fm", "world"})


def _programme_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A programme's title written just before "programme" is a work ("the BBC's Today
    programme": the model read a date; "Live's Sportsweek programme" a company with its
    broadcaster); not a broadcaster ("a BBC programme"), a day or a place."""
    out = list(mentions)
    for match in _BEFORE_PROGRAMME.finditer(text):
        start, end = match.span(1)
        owner = _OWNER_END.match(text, start, end)
        if owner is not None:
            if any(m.start < owner.end() - 3 and m.end > owner.end() and m.label not in _OWNERS
                   for m in out):
                continue  # a name that holds a possessive: "a New Year's Eve programme"
            start = owner.end()
        lead = _ARTICLE_LEAD.match(text, start, end)  # "A British programme": no title has "a"
        if lead is not None:
            start = lead.end()
        words = text[start:end].split()
        if not words or all(w.isupper() for w in words) or _NOT_TITLES.match(text, start, end) \
                or words[-1].casefold() in _BROADCASTER_END or country_of(" ".join(words)) \
                or country_of_adjective(" ".join(words)) \
                or words[-1].endswith(("'", "’", "'s", "’s")):  # "Labour's programme"
            continue
        cut = []
        for m in out:  # a name run from the broadcaster into the title keeps the broadcaster
            if m.start < start < m.end <= end and owner is not None:
                head = text[m.start:owner.end()].rstrip()
                head = _POSSESSIVE_TAIL.sub("", head)
                m = Mention(m.start, m.start + len(head), "ORG") if head else m
            cut.append(m)
        out = _as_work(cut, start, end, dates_inside=True) or out  # ("Today": a date)
    return out


def _as_work(mentions: list[Mention], start: int, end: int,
             dates_inside: bool = False) -> list[Mention] | None:
    """``mentions`` with ``start``-``end`` a work in place of the names inside it; None
    when a name runs over its edges or a number stands inside it (or, unless
    ``dates_inside``, a date: a listed title may hold one, "Last Christmas")."""
    inside = [m for m in mentions if m.start < end and m.end > start]
    if any(m.start < start or m.end > end or (
            m.label in QUANTITY_LABELS and not (dates_inside and m.label == "DATE"))
           for m in inside):
        return None
    return sorted([m for m in mentions if m not in inside] + [Mention(start, end, "WORK_OF_ART")],
                  key=lambda m: (m.start, m.end))


# what an aircraft, ship or weapon is ("fighter jets", "drones", "missiles")
CRAFT = (r"(?:fighters?|jets?|aircraft|airliners?|planes?|drones?|tanks?|missiles?|"
          r"helicopters?|launchers?|rockets?|bombers?|submarines?|frigates?|"
          r"destroyers?|howitzers?|radars?|satellites?|warships?|vessels?|engines?|"
          r"rifles?|vehicles?|interceptors?|gunships?|transports?|tankers?)")
_CRAFT_AFTER = re.compile(rf"(?:\s+(?!think\b)[a-z][\w-]*)?\s+{CRAFT}\b")
_NON_SPACE = re.compile(r"\S+")
_MAKERS_NUMBER = re.compile(r"\d{3}-\d{3}")  # "737-800", a product named by number alone


def _name_shaped(span: str, label: str) -> bool:
    """A name has a capital letter ("cts", "defense ministry" are none), but for an
    airliner named by its maker's number."""
    return any(c.isupper() for c in span) or (
        label == "PRODUCT" and _MAKERS_NUMBER.fullmatch(span) is not None)


# a list of works after what they are: "hit singles, including Hot in Herre, Dilemma and
# recent number one Over and Over"; "albums ... include Paul Simon's Graceland"
_WORK_LIST = re.compile(r"\b(?:[Ss]ongs|[Ss]ingles|[Hh]its|[Aa]lbums|[Ff]ilms|[Mm]ovies|[Nn]ovels|"
                        r"[Bb]ooks|tracks|plays|"
                        r"musicals|programmes|sitcoms|dramas|soaps|documentaries)\b[^.!?;:]{0,80}?"
                        r"\b(?:include|includes|included|including|such\s+as)\s+")
# what may stand before a listed title ("the", "recent number one", "the Oscar-winning")
_LEAD_WORDS = (r"(?:(?:the|a|an|his|her|their|its|recent|new|latest|classic|hit|number\s+one|"
               r"[A-Za-z]+-(?:winning|nominated))\s+)*")
_LIST_GAP = re.compile(r"[?!]?(?:,\s+(?:and\s+)?|\s+and\s+)" + _LEAD_WORDS)
_LEAD = re.compile(_LEAD_WORDS)
# a title that names what it is made of is no title itself: "the West End show Mary Poppins"
_KIND_AFTER = re.compile(r"\s+(?:show|musical|film|movie|production|album|single|song|series|"
                         r"programme|version|adaptation|play)\b")
_OWNER = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s|s['’])(?=\s)")
_AND_OWNER = re.compile(r"\s+and\s+(?=(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s|s['’])\s)")
_NOT_OWNER = frozenset({"It's", "It’s", "That's", "That’s", "What's", "What’s", "Let's", "Let’s",
                        "He's", "He’s", "She's", "She’s", "There's", "There’s"})


def _listed_works(text: str, mentions: list[Mention]) -> list[Mention]:
    """The titles listed after a kind of work and "including", each a work; the artist
    owning one ("Paul Simon's Graceland") stays as found."""
    out = list(mentions)
    for cue in _WORK_LIST.finditer(text):
        lead = _LEAD.match(text, cue.end())  # (always matches, if only nothing)
        at = lead.end() if lead is not None else cue.end()
        while True:
            owner = _OWNER.match(text, at)
            if owner is not None and owner.group().split()[-1] not in _NOT_OWNER:
                at = owner.end() + len(text[owner.end():]) - len(text[owner.end():].lstrip())
            title = _TITLE.match(text, at)
            if title is None:
                break
            start, end = title.span()
            for joined in _AND_OWNER.finditer(text, start, end):  # "... and Paul Simon's X"
                end = joined.start()
                break
            words = text[start:end]
            if not (_NOT_TITLES.match(words) or country_of(words) is not None
                    or _KIND_AFTER.match(text, end)):
                out = _as_work(out, start, end, dates_inside=True) or out
            gap = _LIST_GAP.match(text, end)
            if gap is None:
                break
            at = gap.end()
    return out


_BROADCASTER = re.compile(r"(?:^|\s)(?:BBC|ITV|RTE|CBC|ABC|S4C|Radio|TV|Television)$")


_SERVICE_NAME = re.compile(r" ([A-Z][a-z]+)\b(?![’'-])")


def _broadcast_services(text: str, mentions: list[Mention]) -> list[Mention]:
    """A broadcaster's service named for a place the model left out is the broadcaster's
    name ("BBC Radio" + "Ulster")."""
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        after = _SERVICE_NAME.match(text, m.end) if m.label == "ORG" \
            and _BROADCASTER.search(text, m.start, m.end) else None
        if after is not None and after.start(1) not in starts and not is_common(after.group(1)):
            m = Mention(m.start, after.end(1), "ORG")
        out.append(m)
    return out


def _joined_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """One name the model cut in two where nothing stands between the parts but a space:
    a common word it took for a person ("British" + "Library", "Kentish" + "Town"), an
    organisation's name run on ("Lockheed" + "Martin", "BBC Radio" + "Five Live"), a
    broadcaster's service for a place ("BBC Radio" + "Scotland"), and
    a country before the body it names in more than one word ("UK" + "Independence
    Party", "US" + "District Court"; "U.S. Congress" stays two). A person or people
    named after a place or party stay apart ("Texas Democrat", "American Robby
    Ginepri"), as does a product after its maker ("Sony PSP")."""
    out: list[Mention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if before is None or text[before.end:mention.start] != " " \
                or before.label in QUANTITY_LABELS or mention.label in QUANTITY_LABELS:
            out.append(mention)
            continue
        words = WORD.findall(text, mention.start, mention.end)
        left = text[before.start:before.end]
        label = None
        if len(words) == 1 and words[0][0].isupper() and is_common(words[0]) \
                and ((mention.label == "PERSON" and before.label in ("NORP", "GPE", "LOC", "ORG"))
                     or mention.label == before.label == "GPE"):
            label = "ORG" if mention.label == "PERSON" else "GPE"
        elif before.label == "ORG" and left[-1:].isalnum() and not left.isupper() and (
                mention.label in ("ORG", "WORK_OF_ART")
                or (mention.label == "PERSON" and len(words) == 1)):
            label = "ORG"
        elif before.label == "GPE" and country_of(left) and mention.label == "ORG" \
                and len(words) > 1 and words[-1].casefold() in _BODY_HEADS | _ORG_HEADS:
            # (a body named in one word is a name without its country: "U.S." "Congress")
            label = "ORG"
        elif before.label == "ORG" and mention.label in ("GPE", "LOC") \
                and _BROADCASTER.search(left):  # a broadcaster's service for a place
            label = "ORG"  # ("BBC Radio" + "Scotland", "ITV" + "Wales")
        if label is None:
            out.append(mention)
        else:
            out[-1] = Mention(before.start, mention.end, label)
    return out


# an office named in full, just before its holder's name ("Chancellor of the Exchequer")
OFFICE_OF = re.compile(r"\b(?:Chancellor|(?:Under|Deputy|Assistant)?\s*Secretary|Secretaries|"
                       r"(?:Deputy\s+|Prime\s+)?Ministers?|Commissioner|Director|Chairman|"
                       r"Governor|Head)\s+of\s+(?:the\s+)?$")


def _office_holder(text: str, mentions: list[Mention]) -> list[Mention]:
    """The holder of an office named in full before the name: the model takes the
    office's last word for part of the person ("Chancellor of the Exchequer Nigel Lawson"
    -> "Exchequer Nigel Lawson", "Minister of Finance Kiichi Miyazawa" -> "Finance
    Kiichi Miyazawa", or an organisation "Interior Charles Pasqua"). The person is the
    name after it."""
    out: list[Mention] = []
    for mention in mentions:
        words = list(WORD.finditer(text, mention.start, mention.end))
        if mention.label not in ("PERSON", "ORG") or len(words) < 3 \
                or not OFFICE_OF.search(text, max(0, mention.start - 40), mention.start):
            out.append(mention)
            continue
        rest = words[1:]  # the office's own word(s) go: "Exchequer", "Foreign Affairs"
        while len(rest) > 2 and is_common(rest[0].group()):
            rest = rest[1:]
        # what is left must read as a person's name: "Director of the Central Intelligence
        # Agency" names a body, not a person "Intelligence Agency"
        if all(w.group()[0].isupper() and not is_common(w.group())
               and w.group().casefold() not in _BODY_HEADS | _ORG_HEADS for w in rest):
            out.append(Mention(rest[0].start(), mention.end, "PERSON"))
        else:
            out.append(mention)
    return out


# words that end the names of bodies, beside _BODY_HEADS ("World Health Organization")
_ORG_HEADS = frozenset({
    "organization", "organisation", "board", "fund", "reserve", "office", "authority",
    "service", "services", "administration", "corporation", "company", "association",
    "union", "federation", "foundation", "center", "centre", "group", "trust", "bureau",
    "system", "program", "programme", "commission", "committee", "council", "agency",
}) | FIRM_HEADS


# what is left of a firm's name when the model cuts it at "and": "Co Inc", "Sons"
_FIRM_TAIL = re.compile(r"(?:Co|Cos|Company|Sons|Associates|Partners|Brothers|Bros)\.?"
                        r"(?:,?\s+(?:" + legal_forms() + r")\.?)*")
# or the last partner with the legal form, "Hardart Co" of "Horn and Hardart Co" (German
# copy joins them with "und": "Bilfinger und Berger-Bau AG"); one word each side, as in
# all 85 such names in Reuters-21578 ("KeyCorp and Banc One Corp" are two)
_PARTNER_TAIL = re.compile(r"[A-Z][\w.'’-]*\s+(?:" + legal_forms() + r")\.?")
_AND_BEFORE = re.compile(r"\s+(?:and|und|&)\s+$")
_PARTNERS_BEFORE = re.compile(r"(?<![\w.'’-])((?:[A-Z][\w.'’-]*,?\s+){0,3}[A-Z][\w.'’-]*)$")
_NOT_PARTNERS = frozenset({"The", "A", "An", "By", "From", "With", "And", "Both", "Said"})


def _and_company(text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named for its partners, "Morgan Stanley and Co Inc", "Baker, Fentress and
    Co", "Smith and Sons", "Horn and Hardart Co", is one organisation: the model cuts it
    at "and" and tags the tail "Co Inc" as a company of its own (Reuters' third
    organisation, 525 articles), or the first partner as a place. Not where the name
    before "and" is a country's ("Japan and Nissan Motor Co" are two)."""
    out: list[Mention] = []
    for mention in mentions:
        connector = _AND_BEFORE.search(text, max(0, mention.start - 8), mention.start)
        partner_tail = connector is not None and mention.label == "ORG" \
            and _PARTNER_TAIL.fullmatch(text, mention.start, mention.end) is not None
        if connector is None or mention.label in QUANTITY_LABELS or not (
                partner_tail or _FIRM_TAIL.fullmatch(text, mention.start, mention.end)):
            out.append(mention)
            continue
        before = out[-1] if out else None
        if before is not None and before.end == connector.start() \
                and before.label not in QUANTITY_LABELS and not (partner_tail and (
                    _whole_or_country(text[before.start:before.end])
                    or " " in text[before.start:before.end].strip()
                    or _TWO_BEFORE.search(text, max(0, before.start - 12), before.start))):
            out[-1] = Mention(before.start, mention.end, "ORG")
            continue
        partners = _PARTNERS_BEFORE.search(text, max(0, connector.start() - 80),
                                           connector.start())
        if partners is not None and (before is None or before.end <= partners.start(1)):
            names = [w for w in WORD.finditer(text, partners.start(1), connector.start())
                     if w.group() not in _NOT_PARTNERS]  # "The Smith and Co": not "The"
            if names and not (partner_tail and (len(names) > 1 or _whole_or_country(
                    text[names[0].start():connector.start()]))):
                out.append(Mention(names[0].start(), mention.end, "ORG"))
                continue
        out.append(mention)
    return out


_WITH_FORM = re.compile(r"\s(?:" + legal_forms() + r")\.?$")
_TWO_BEFORE = re.compile(r"\b(?:[Bb]oth|between|[Ee]ither|[Nn]either)\s+$")  # "Both Exxon and Mobil Corp"


def _whole_or_country(name: str) -> bool:
    """Whether a name before "and" stands alone: a country, a company with its legal
    form ("Enzon Inc and Eastman Kodak Co" are two) or its acronym."""
    return bool(country_of(name) or country_of_adjective(name) or _WITH_FORM.search(name)
                or ACRONYM.fullmatch(name))


# a currency unit, as news writes it (wire copy: "53 billion U.S. Dlrs", "40 mln stg")
_CURRENCY = re.compile(
    r"(?i:dlrs?|dollars?|stg|sterling|yen|marks|francs?|lire|lira|pesos?|rupees?|cts|"
    r"cents?|guilders?|crowns|kron[eo]r|krona|yuan|rand|riyals?|euros?|ecus?|ringgit|baht|"
    r"roubles?|rubles?|shekels?|dinars?|escudos?|schillings?|drachmas?|pesetas?)")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")  # "U.S.", "H.K.", "N.Z."
_AMOUNT_BEFORE = re.compile(r"\d[\d.,]*(?:\s+(?:mln|bln|billion|million|trillion|thousand))?\s+$")


# an amount after its currency's sign, as news writes it: "$40,000", "£1.5bn", "US$20,000",
# "HK$3,000", "€300,000", "$1.5m" (a unit only joined: "$5 more" is five dollars)
_SIGNED_AMOUNT = re.compile(
    r"(?<![\w$£€¥])(?:[A-Z]{1,3})?[$£€¥₹]\d(?:[\d,]*\d)?(?:\.\d+)?"
    r"(?:(?:bn|mn|m|k|tn)\b|\s+(?:million|billion|trillion|thousand)\b)?(?!\.?\d)")
# an amount before its currency's name: "40,000 euros", "18.7 mln dlrs"
_AMOUNT_THEN_CURRENCY = re.compile(
    r"(?:\s+(?:mln|bln|billion|million|trillion|thousand))?\s+" + _CURRENCY.pattern + r"\b")


def _amounts(text: str, mentions: list[Mention]) -> list[Mention]:
    """An amount of money is its sign, its figure and its unit, as one MONEY: the model
    leaves the sign out where no "billion" follows ("$40,000" was "40,000", "$1.5m" was
    "1.5"), takes "US" of "US$20,000" for a place, and misses "HK$3,000" (one word to
    it). A number the model read followed by a currency's name is money too ("40,000
    euros" had been a cardinal). Names the amount overlaps are left as they were."""
    out = list(mentions)
    for found in _SIGNED_AMOUNT.finditer(text):
        start, end = found.span()
        inside = [m for m in out if m.start < end and start < m.end]
        # a quantity in it (its figure), or a country's letters before its sign ("US")
        if any(m.label not in QUANTITY_LABELS and not (start <= m.start and m.end <= end
                                                        and not text[m.start:m.end][0].isdigit())
               for m in inside):
            continue
        start = min([start, *(m.start for m in inside)])
        end = max([end, *(m.end for m in inside)])
        out = [m for m in out if m not in inside] + [Mention(start, end, "MONEY")]
    out.sort(key=lambda m: (m.start, m.end))
    for k, m in enumerate(out):
        after = _AMOUNT_THEN_CURRENCY.match(text, m.end) if m.label == "CARDINAL" else None
        unit = after.group().split()[-1] if after is not None else ""
        if after is not None and (unit.islower() or unit.isupper()):  # not "12 Marks and
            out[k] = Mention(m.start, after.end(), "MONEY")  # Spencer stores"
    return out


def _currencies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A currency is not a name: "53 billion U.S. Dlrs" is an amount of money, not the
    person "U.S. Dlrs", and "in Canadian Dlrs" names no one. A name whose last word is
    a currency unit joins the amount just before it, or, when all it adds to the unit
    is a country (or its initials or adjective), is dropped."""
    out: list[Mention] = []
    for mention in mentions:
        words = text[mention.start:mention.end].split()
        if mention.label in QUANTITY_LABELS or len(words) > 3 or not words \
                or not _CURRENCY.fullmatch(words[-1]):
            out.append(mention)
            continue
        before = out[-1] if out else None
        if before is not None and before.label in QUANTITY_LABELS \
                and text[before.end:mention.start].isspace():
            out[-1] = Mention(before.start, mention.end, "MONEY")
            continue
        prefix = " ".join(words[:-1])  # a lone "Sterling", "Rand" or "Yuan" may be a name
        if (prefix and (_INITIALS.fullmatch(prefix) or country_of(prefix)
                        or country_of_adjective(prefix))) \
                or _AMOUNT_BEFORE.search(text, max(0, mention.start - 40), mention.start):
            continue
        out.append(mention)
    return out


_YEAR_BEFORE = re.compile(r"(?<![\w.,-])(?:1[89]|20)\d\d $")


def _year_and_event(text: str, mentions: list[Mention]) -> list[Mention]:
    """A year just before an event, read as a date or as nothing, is part of the event's
    name ("the 1988 Summer Olympics", "the 2026 World Cup"), as OntoNotes writes it."""
    out: list[Mention] = []
    for mention in mentions:
        year = _YEAR_BEFORE.search(text, max(0, mention.start - 6), mention.start) \
            if mention.label == "EVENT" else None
        if year is not None:
            before = out[-1] if out else None
            if before is not None and before.end > year.start():
                if (before.start, before.end) != (year.start(), year.end() - 1) \
                        or before.label != "DATE":
                    out.append(mention)  # the year belongs to another name
                    continue
                out.pop()
            mention = Mention(year.start(), mention.end, "EVENT")
        out.append(mention)
    return out


# a name of these kinds ends with a capitalised word or a number, not a common noun
_PROPER_END = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_LOWER_TAIL = re.compile(r"(?:\s+[a-z][a-z-]*)+$")
_SCORE_TAIL = re.compile(r"\s+\d+[-–]\d+$")
_MONTH_DAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|"
                        r"Dec)\.?\s+\d{1,2}")
_ROMAN_END = re.compile(r"\s[IVX]+\.$")
# a date or number runs into a name: a spaced dash ("March 3 - Veldmar expects": the
# dateline's date, then the story) or a preposition no date uses before a capital ("the
# first half against England")
_QUANTITY_END = re.compile(r"\s+[-–—]\s+(?=[A-Z])|\s+(?:against|at|for|with|from|over|by|versus|"
                           r"vs\.?)\s+(?=[A-Z])")


_QUANTITY_SENTENCE_END = re.compile(r"(?<=\w)[.!?]\s+(?=[A-Z])")
_LEADING_SPACE = re.compile(r"\s*(?:[-–—]\s+)?")
_TRAILING_SPACE = re.compile(r"(?:\s+[-–—])?\s*$")


def _stripped(text: str, mention: Mention) -> Mention:
    """Without white space or a spaced dash at either end ("18.7 mln" and the line break
    after it, "50bn -" before "14% higher"), and ending with its sentence ("800m.
    Ireland's" read as one percentage)."""
    stop = _QUANTITY_SENTENCE_END.search(text, mention.start, mention.end)
    if stop is not None:
        mention = Mention(mention.start, stop.start(), mention.label)
    lead = _LEADING_SPACE.match(text, mention.start, mention.end)
    start = lead.end() if lead else mention.start
    tail = _TRAILING_SPACE.search(text, start, mention.end)
    end = tail.start() if tail else mention.end
    return Mention(start, end, mention.label) if start < end else mention


def _dash_cut(text: str, mention: Mention) -> Mention:
    """A date or number without the name it ran into, or the words after a spaced dash
    ("12 March - sublime", "nine years - in", "Friday - 67%"); a range stays whole
    ("1985 - 1990", "March 3 - 5", "Friday - Sunday")."""
    cut = _QUANTITY_END.search(text, mention.start, mention.end)
    if cut is None and (dash := _SPACED_DASH.search(text, mention.start, mention.end)):
        after = text[dash.end():mention.end]
        before = text[mention.start:dash.start()]
        if after[:1].islower() or (after[:1].isdigit() and not any(c.isdigit() for c in before)):
            cut = dash
    return Mention(mention.start, cut.start(), mention.label) if cut else mention


def _dash_parts(text: str, mention: Mention) -> list[Mention]:
    """A name holds no spaced dash: the words after one that start in lower case are
    the sentence's ("Veritas - Latin for truth", "the Louvre - and"), as is one word;
    names on both sides are two ("Lithuania - Danius Gleveckas", a squad list), except
    in a work's title ("Star Wars - Episode I"). (A person's is read in ``_edges``.)"""
    if mention.label == "PERSON":
        return [mention]
    dash = _SPACED_DASH.search(text, mention.start, mention.end)
    if dash is None:
        return [mention]
    left = Mention(mention.start, dash.start(), mention.label)
    right = Mention(dash.end(), mention.end, mention.label)
    if text[right.start:right.start + 1].islower():
        return [left]
    if mention.label == "WORK_OF_ART":
        return [mention]
    # one word after the dash is as often the sentence's ("Veritas - Latin for truth")
    parts = [left] if len(text[right.start:right.end].split()) < 2 else [left, right]
    return [part for part in parts
            if any(c.isalpha() for c in text[part.start:part.end])] or [right]


_ADDRESS = re.compile(r"://|\bwww\.|@\w+\.\w")  # a web or mail address is no name
_EDGE_START = "<[{\"“‘'(*_-–—/,;: >)]}"
_EDGE_END = ">]}\"”’'*_-–—/,;: <([{"
# the possessive of the word before, left at a span's start ("the city’s Hoa Lo")
_POSSESSIVE_LEAD = re.compile(r"['’]s\s+")
# a spaced dash and a date or number after a name: a byline's ("Justine Coleman - 11/18/19")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_DATE_TAIL = re.compile(r"\s+[-–—|]\s+[\d/.:-]*\d[\d/.:-]*(?:\s|$)")


_SYLLABLE = re.compile(r"[a-z]{1,6}\b(?![’'-])")
_FIRST_SYLLABLE = re.compile(r"[A-Z][a-z]{1,4}")


def _given_name_end(text: str, start: int, end: int) -> int:
    """Where a person's romanised given name ends that the model cut at its hyphen: after
    the second syllable where it kept the hyphen ("Chiang Wan-" of "Chiang Wan-an"), or
    where it stopped before it ("Chiang Wan" of "Chiang Wan-an", "Yoon Suk" of "Yoon
    Suk-yeol"); never over a longer English word ("Xi-led", "Joe Biden-era")."""
    if text[end - 1:end] == "-":
        found = _SYLLABLE.match(text, end)
        return found.end() if found and not (
            len(found.group()) > 2 and is_common(found.group())) else end
    words = text[start:end].split()
    if len(words) >= 2 and text[end:end + 1] == "-" and _FIRST_SYLLABLE.fullmatch(words[-1]):
        found = _SYLLABLE.match(text, end + 1)
        return found.end() if found and (len(found.group()) <= 2
                                         or not is_common(found.group())) else end
    return end


def _edges(text: str, mention: Mention) -> Mention:
    """Without stray brackets and quotes at either end ("Ltd>", "“Patriots")."""
    start, end = mention.start, mention.end
    if 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        # a span that starts inside a word: at the next word when that piece ends a
        # sentence ("400m. Ireland" read as "m. Ireland"), else at the word's start
        # ("M1A2T Abrams" read as "T Abrams")
        space = text.find(" ", start, end)
        if space > 0 and text[space - 1] in ".!?;:,":
            start = space + 1
        else:
            while start > 0 and text[start - 1].isalnum():
                start -= 1
    if lead := _POSSESSIVE_LEAD.match(text, start, end):
        start = lead.end()
    while start < end and text[start] in _EDGE_START:
        start += 1
    if (tail := _DATE_TAIL.search(text, start, end)) and mention.label not in QUANTITY_LABELS:
        end = tail.start()
    if mention.label == "PERSON" and (dash := _SPACED_DASH.search(text, start, end)):
        # no name holds a spaced dash: the name of two words or more on either side,
        # the first ("Tim Childers - Live", "Clive Griffiths - Wales", "MPs - Keith Vaz")
        if len(text[start:dash.start()].split()) >= 2 or len(text[dash.end():end].split()) < 2:
            end = dash.start()
        else:
            start = dash.end()
    if mention.label == "PERSON":
        end = _given_name_end(text, start, end)
    while end > start and text[end - 1] in _EDGE_END and not (
            text[end - 1] in "’'" and end - 2 >= start and text[end - 2] == "s"):
        end -= 1
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    if _ROMAN_END.search(text, start, end) and sentence_start(text, end + 1):
        end -= 1  # "World War I." ending a sentence: the full stop is the sentence's
    # "Liechtenstein 3-0", "the Czech Republic 7-5 6-3": the name, not the score
    while (score := _SCORE_TAIL.search(text, start, end)) and score.start() > start:
        end = score.start()
    if mention.label in _PROPER_END:
        tail = _LOWER_TAIL.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()  # "Interfax news agency" -> "Interfax"
    return Mention(start, end, mention.label) if start < end else mention


# where one sentence ends and the next begins, inside a span ("Corp. Harbour Foods")
SENTENCE_CUT = re.compile(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])")
# (matched at a position: no "^", which would only match at the start of the text)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Lord|Lady|Sir|Dame|Rev|Revd|Reverend)\.?(?:\s+|$)")


# what a person does, written before the name ("Balco boss Victor Conte", "Rapper 50
# Cent", "striker Wayne Rooney"): never part of a name
_ROLES = frozenset("""
boss chief manager coach striker midfielder defender goalkeeper keeper captain winger
spokesman spokeswoman spokesperson rapper singer actor actress star author writer
novelist analyst economist lawyer founder editor correspondent reporter presenter
designer producer director comedian drummer guitarist frontman chef boxer sprinter
athlete golfer jockey trainer pianist composer photographer architect entrepreneur
tycoon skipper fly-half scrum-half""".split())

# (not "the": ``_the`` knows when it is part of a name; nor "new" or "st", which a
# headline in capitals, read in lower case, may hold: "NEW YORK", "ST LOUIS")
_LEADS = frozenset("""this that these those all every each some any both such another
several many most first second third fourth fifth last next former our their his her
its my your whose""".split())


# lower-case words a name may hold ("Bank of Japan", "Hicham El Guerrouj", "Dar es Salaam")
_NAME_CONNECTORS = frozenset("""of and the for on in at to upon de du des del della dei di da
das do dos van von der den la le les y e es al el bin ibn und zu""".split())
_ACRONYM_CONNECTORS = _NAME_CONNECTORS | {"a", "an"}  # "Center for a New American Security"


def _run_together(text: str, mention: Mention) -> list[Mention]:
    """Names the model ran together over a verb or a comma are apart: "Cyclops into
    Dixons, Cyclops" -> "Cyclops", "Dixons", "Cyclops". A name holds no lower-case word
    but a connector, and no comma unless a firm's "and Co" follows (``_and_company``)."""
    span = text[mention.start:mention.end]
    if mention.label not in ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC") \
            or span.count(" ") + span.count("\n") < 2:
        return [mention]
    words = list(re.finditer(r"[^\s,]+", span))

    def common(word: str) -> bool:  # ("al-Khalifa", "diCaprio" are names)
        return word[0].islower() and word not in _NAME_CONNECTORS and word.islower()

    if len(words) < 3 or not (("," in span and not re.search(r"\b(?:and|&)\b", span))
                              or any(common(w.group()) for w in words[1:-1])):
        return [mention]
    out: list[Mention] = []
    run: list[re.Match[str]] = []
    for word in [*words, None]:
        cut = word is None or common(word.group())
        if not cut and run and "," in span[run[-1].end():word.start()]:  # type: ignore[union-attr]
            cut = True
        if cut or word is None:
            names = [w for w in run if w.group()[0].isupper()]
            if names:
                out.append(Mention(mention.start + names[0].start(),
                                   mention.start + names[-1].end(), mention.label))
            run = [word] if word is not None and not common(word.group()) else []
        else:
            run.append(word)
    return out or [mention]


_BASED = re.compile(r"([A-Z][\w.’'-]*?(?: [A-Z][\w.’'-]*?){0,2})-based\s+(?=\S)")


def _based_in(text: str, mention: Mention) -> list[Mention]:
    """A name before "-based" is where something is based, a place: "Tokyo-based Nippon
    Oil Co Ltd" -> GPE "Tokyo" and ORG "Nippon Oil Co Ltd"; "the Newport-based
    athlete", the model's ORG "Newport" -> GPE."""
    if mention.label in QUANTITY_LABELS:
        return [mention]
    lead = _BASED.match(text, mention.start, mention.end)
    if lead is not None:
        return [Mention(mention.start, lead.end(1), _PLACE), Mention(lead.end(), mention.end,
                                                                      mention.label)]
    if text.startswith("-based", mention.end) and text[mention.start:mention.start + 1].isupper() \
            and mention.label not in ("GPE", "LOC", "FAC"):
        return [Mention(mention.start, mention.end, _PLACE)]
    return [mention]


_PLACE = "GPE"


def _nationality_lead(text: str, mention: Mention) -> list[Mention]:
    """A nationality or party before a person's name is a people, not part of the name:
    "Kenyan Bernard Lagat" -> NORP "Kenyan", PERSON "Bernard Lagat"; "Tory Dominic
    Grieve", where the model stopped at "Dominic", -> "Tory", "Dominic Grieve". So is
    the person the model took for a body with it ("American Taylor Dent"), where a
    common first name follows."""
    first = _NON_SPACE.match(text[mention.start:mention.end])
    if mention.label == "ORG" and first is not None and country_of_adjective(first.group()) \
            and first_named(text[mention.start + first.end():mention.end]):
        mention = Mention(mention.start, mention.end, "PERSON")
    if mention.label != "PERSON":
        return [mention]
    if first is None or first.end() == mention.end - mention.start \
            or not (country_of_adjective(first.group()) or PARTIES.get(first.group()) == "NORP"):
        return [mention]
    rest = mention.start + first.end() + 1
    end = mention.end
    surname = _SURNAME_AFTER.match(text, end) if " " not in text[rest:end] else None
    if surname is not None:  # the model stopped at the first name: "Tory Dominic" Grieve
        end = surname.end(1)
    if not text[rest:rest + 1].isupper() or " " not in text[rest:end]:
        return [mention]  # (a first name and a surname: "Scottish Borderers" is no person)
    return [Mention(mention.start, mention.start + first.end(), "NORP"), Mention(rest, end, "PERSON")]


_SURNAME_AFTER = re.compile(r" ([A-Z][a-z][\w’'-]*)\b(?![’'-])")


def _lower_lead(text: str, mention: Mention) -> Mention:
    """Common words in lower case before a name are not part of it ("this Six Nations",
    "Japan's first Academy Award", "all Federal Reserve Banks", "plus Ryan Giggs",
    "including Sony Pictures"); a name's own particle is ("de Gaulle", "van Gogh")."""
    words = list(WORD.finditer(text, mention.start, mention.end))
    n = 0
    while n < len(words) - 1 and _lead_word(words[n].group()) \
            and not text[words[n].start() - 1:words[n].start()].isalnum() \
            and text[words[n].end():words[n + 1].start()].isspace():  # ("82nd" is no "nd")
        n += 1
    return Mention(words[n].start(), mention.end, mention.label) if n else mention


# lower-case words that begin names ("de Gaulle", "van Gogh", "bin Laden", "al Jazeera")
_PARTICLES = frozenset("""de du des del della dei di da das do dos van von der den ter ten
la le les al el bin ibn""".split())


def _lead_word(word: str) -> bool:
    """A word in lower case that is no part of a name it stands before: a determiner or
    ordinal, or any common English word but a name's particle ("the" is ``_the``'s)."""
    return word in _LEADS or (word.islower() and word.isalpha() and word != "the"
                              and word not in _PARTICLES and is_common(word))


def _role_inside(text: str, mention: Mention) -> list[Mention]:
    """A role between or before names splits them: "Balco boss Victor Conte" -> "Balco"
    and the person "Victor Conte"; "Rapper 50 Cent" -> the person "50 Cent"."""
    if mention.label in QUANTITY_LABELS or " " not in text[mention.start:mention.end]:
        return [mention]
    words = list(_NON_SPACE.finditer(text[mention.start:mention.end]))
    for n, word in enumerate(words[:-1]):
        if word.group().casefold() not in _ROLES:
            continue
        rest = words[n + 1:]
        if word.group()[0].isupper() and not (  # "Rapper 50 Cent ...", not "Star Alliance"
                n == 0 and len(rest) > 1 and mention.label in ("PERSON", "ORG")
                and sentence_start(text, mention.start)
                # nor "Star Wars Jedi": no name begins with a common word, a first name aside
                and not (is_common(rest[0].group()) and rest[0].group() not in given_names())):
            continue
        if not (1 <= len(rest) <= 3 and all(w.group()[0].isupper() or w.group()[0].isdigit()
                                             for w in rest)):
            continue
        person = Mention(mention.start + rest[0].start(), mention.end, "PERSON")
        if n == 0:
            return [person]
        return [Mention(mention.start, mention.start + words[n - 1].end(), mention.label), person]
    return [mention]


def _sentences(text: str, mention: Mention) -> list[Mention]:
    """A span that runs over a full stop into the next sentence is two names
    ("Kestrel Mining Corp. Harbour Foods")."""
    span = text[mention.start:mention.end]
    cuts = list(SENTENCE_CUT.finditer(span))
    if not cuts:
        return [mention]
    out, start = [], 0
    for cut in cuts:
        out.append(Mention(mention.start + start, mention.start + cut.start(), mention.label))
        start = cut.end()
    out.append(Mention(mention.start + start, mention.end, mention.label))
    return [m for m in out if m.end - m.start >= 2]


_BRACKET = re.compile(r"\s*\(([^()]*)\)?\s*")


_ANGLE = re.compile(r"[<>]")


def _angle_cut(text: str, mention: Mention) -> list[Mention]:
    """No name holds an angle bracket: a span the model ran over wire copy's ticker
    ("FUNC> First Union National Bank") is the names on either side of it."""
    if _ANGLE.search(text, mention.start, mention.end) is None:
        return [mention]
    out, start = [], mention.start
    for mark in [*_ANGLE.finditer(text, mention.start, mention.end), None]:
        end = mark.start() if mark is not None else mention.end
        piece = text[start:end]
        lead, tail = len(piece) - len(piece.lstrip()), len(piece) - len(piece.rstrip())
        if start + lead < end - tail and _name_like(text[start + lead]):
            out.append(Mention(start + lead, end - tail, mention.label))
        start = mark.end() if mark is not None else end
    return out


def _brackets(text: str, mention: Mention) -> list[Mention]:
    """A name and its short form in brackets are two names ("Hindustan Aeronautics
    (HAL)" -> "Hindustan Aeronautics", "HAL"); what follows the bracket, a third."""
    span = text[mention.start:mention.end]
    match = _BRACKET.search(span)
    if match is None or match.start() == 0:
        return [mention]
    out = [Mention(mention.start, mention.start + match.start(), mention.label)]
    inner_start, inner_end = match.span(1)
    if inner_end > inner_start and _name_like(span[inner_start]):
        out.append(Mention(mention.start + inner_start, mention.start + inner_end, mention.label))
    if match.end() < len(span) and _name_like(span[match.end()]):
        out.append(Mention(mention.start + match.end(), mention.end, mention.label))
    return out


# the heads of names of bodies: "U.S. Army" is one; "U.S. Government" (wire copy
# capitalises it) is the country and a common noun
_BODY_HEADS = frozenset({
    "army", "navy", "air", "marines", "marine", "treasury", "congress", "senate", "house",
    "embassy", "ministry", "department", "bank", "exchange", "agency", "council", "commission",
    "committee", "court", "post", "airlines", "airways", "guard", "force", "forces", "command", "party",
    "parliament", "assembly", "railways", "mint", "open", "cup", "league", "museum", "institute",
    "university", "times", "news", "press", "steel", "telecom", "television", "radio",
    # newspapers ("the China Daily", "the U.S. Journal")
    "daily", "herald", "journal", "tribune", "telegraph", "gazette", "observer", "chronicle"})


# the last words of names of bodies and events: "US Customs Service", "London Book Fair"
_EVENTS = frozenset({"fair", "festival", "show", "awards", "games", "championship",
                     "championships", "exhibition", "conference", "summit", "olympics"})
_EVENT_HEADS = _EVENTS | {  # and the governing bodies and clubs of a sport: "New Zealand Rugby"
    "rugby", "football", "cricket", "hockey", "athletics", "united"}
NAME_HEADS = _BODY_HEADS | _ORG_HEADS | _EVENT_HEADS
# what ends an event's name, a law's never: "Consumer Electronics Show", "Six Nations"
_EVENT_ENDS = _EVENTS | {"cup", "day", "nations"}


# the last word of a body's name, which no place's or person's name ends with
BODY_END = frozenset("""agency committee commission council federation association
organisation organization foundation authority bureau ministry department institute
corporation herald courant gazette tribune chronicle inquirer enquirer dispatch sentinel
telegraph examiner journal airlines airways labs networks pictures studios records
productions holdings images university college school academy post times shimbun ilbo
zeitung standard mirror express mail independent""".split())
# (and a newspaper's: "Miami Herald", "Hartford Courant", "South China Morning Post",
# "Evening Standard", "Daily Mirror"; a
# company's: "Singapore Airlines", "Paramount Pictures", "Getty Images"; a school's:
# "Clare College")


def _head_words(words: list[str]) -> list[str]:
    """A name's words up to its head: those before its "of", where one stands inside it
    ("School" of "Lee Kuan Yew School of Public Policy", "Act" of "Act of Union")."""
    return words[:words.index("of", 1)] if "of" in words[1:-1] else words


def _body_by_its_head(text: str, mention: Mention) -> Mention:
    """A name of several words that ends in what a body is ("World Anti-Doping Agency",
    "Greek Athletics Federation", "Miami Herald", "Clare College"), or whose words before
    "of" do ("Lee Kuan Yew School of Public Policy"), is an organisation, whatever kind
    the model gave it; one that ends in what a building or a structure is, a facility;
    one that ends in what a meeting is, an event."""
    words = _head_words(text[mention.start:mention.end].split())  # ("School of Public Policy")
    if mention.label in ("GPE", "LOC", "PERSON", "NORP", "FAC", "PRODUCT") and len(words) > 1 \
            and words[-1].casefold() in BODY_END and words[-1][0].isupper():
        return Mention(mention.start, mention.end, "ORG")
    if mention.label in ("ORG", "GPE", "LOC", "PERSON", "PRODUCT") and len(words) > 1 \
            and words[-1] in _FACILITY_END:  # "Andersen Air Force Base", "Three Gorges Dam"
        return Mention(mention.start, mention.end, "FAC")
    if mention.label in ("FAC", "GPE", "LOC", "PERSON", "PRODUCT") and len(words) > 1 \
            and words[-1] in _MEETING_END:  # "the Shangri-La Dialogue" (a building to the model)
        return Mention(mention.start, mention.end, "EVENT")
    return mention


# the last word of a meeting's name: an event (a body named so the model types as one)
_MEETING_END = frozenset({"Dialogue", "Summit", "Conference"})


# the last word of a building's or a structure's name (a facility, as OntoNotes has it)
_FACILITY_END = frozenset("""Base Airbase Airport Airfield Bridge Tunnel Stadium Arena Prison
Dam Canal Highway Expressway Motorway""".split())


_WORD_BEFORE = re.compile(r"([\w.'’&-]+)\s+$")
_TICKER = re.compile(r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,3})?")


def after_a_name(text: str, bracket: int) -> bool:
    """Whether the angle bracket at ``bracket`` follows a capitalised word: wire copy's
    stock ticker after a company's name ("Kodak <EK>", "Citicorp's <CCI>"), where a
    company named in brackets follows a common word ("talks with <Antibioticos SA>")."""
    before = _WORD_BEFORE.search(text, max(0, bracket - 40), bracket)
    return bool(before and before.group(1)[:1].isupper())


def is_ticker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a stock ticker in angle brackets after its company's
    name ("Bankers Trust Co <BT>", "<GBFG.F>"): the company's code, not a name of its own."""
    return text[start - 1:start] == "<" and text[end:end + 1] == ">" \
        and _TICKER.fullmatch(text, start, end) is not None and after_a_name(text, start - 1)


def _country_and_common(text: str, mention: Mention) -> Mention:
    """An organisation that is a country and common words ("U.S. Government", "U.S.
    Firms") is the country (or its people, for an adjective); so is one that a sentence
    opens with a common word before the country ("Initial U.S. Reaction")."""
    if mention.label != "ORG" or " " not in text[mention.start:mention.end]:
        return mention
    found = list(_NON_SPACE.finditer(text, mention.start, mention.end))
    words = [w.group() for w in found]
    lead = 1 if len(words) > 2 and is_common(words[0]) and sentence_start(text, mention.start) \
        else 0
    for skip in range(lead + 1):
        for n in (1, 2, 3):
            head = " ".join(words[skip:skip + n])
            rest = words[skip + n:]
            if rest and (country_of(head) or country_of_adjective(head)) and all(
                    is_common(w) and w.casefold() not in NAME_HEADS for w in rest):
                label = "GPE" if country_of(head) else "NORP"
                return Mention(found[skip].start(), found[skip + n - 1].end(), label)
    return mention


def _name_like(first: str) -> bool:
    """Whether a name may begin with this letter: a capital, or a script without case."""
    return first.isupper() or (first.isalpha() and not first.islower())


def _country_pair(text: str, mention: Mention) -> list[Mention]:
    """Countries joined by a hyphen are each a name ("U.S.-Japan" -> GPE, GPE;
    "Sino-US" stays one word of the kind the model gave)."""
    parts = text[mention.start:mention.end].split("-")
    if len(parts) < 2 or any(country_of(p) is None and country_of_adjective(p) is None
                             for p in parts):
        return [mention]
    out, start = [], mention.start
    for part in parts:
        out.append(Mention(start, start + len(part), "GPE" if country_of(part) else "NORP"))
        start += len(part) + 1
    return out


def _honorific(text: str, mention: Mention) -> Mention:
    """A person's name without "Mr", "Ms", "Lord", "Dr" before it (not part of the name);
    a name after such a title is a person's whatever the model typed it ("Mr Okafor")."""
    lead = _HONORIFIC.match(text, mention.start, mention.end)
    if lead and lead.end() < mention.end and mention.label not in ("PERSON", "ORG", "LAW", "PRODUCT") \
            and " " not in text[lead.end():mention.end].strip():
        mention = Mention(mention.start, mention.end, "PERSON")
    if mention.label != "PERSON":
        return mention
    words = list(WORD.finditer(text, mention.start, mention.end))
    for n, word in enumerate(words[1:], 1):
        # a title inside the span leads the name after it, and common words before it
        # are not a name ("Said Mr Okafor" -> "Okafor"; "Said Mr" | "Fogg" -> "Fogg")
        if _HONORIFIC.fullmatch(word.group()) and all(is_common(w.group()) for w in words[:n]):
            if n + 1 == len(words):
                return Mention(mention.start, mention.start, mention.label)
            return Mention(words[n + 1].start(), mention.end, mention.label)
        if n == len(words) - 1 and _HONORIFIC.fullmatch(word.group()):  # "Tony Blair Mr"
            return Mention(mention.start, words[n - 1].end(), mention.label)
    if lead and lead.end() < mention.end:
        return Mention(lead.end(), mention.end, mention.label)
    return Mention(mention.start, mention.start, mention.label) if lead else mention


_CREDIT = re.compile(r"^([^\W\d_][\w’'.-]*(?:\s+[^\W\d_][\w’'.-]*)*)/([A-Z][\w-]*)$")
# a person's name and agencies of several words ("Sakib Ali/Hindustan Times/Getty Images")
_AGENCY = r"[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*"
_CREDITS = re.compile(rf"^([^\W\d_][\w’'.-]*(?:\s+[^\W\d_][\w’'.-]*)+)/({_AGENCY}(?:/{_AGENCY})*)$")


# who wrote, reported or edited a story, as a byline or the credit under it says ("By Mei
# Chen and Tom Hale", "Reporting by Yimou Lee; Editing by Lincoln Feast"): people
_WRITERS = re.compile(r"(?:^|[;.][ \t]*|\([ \t]*)(?:(?:Additional[ \t]+)?[Rr]eporting|[Ee]diting|"
                      r"[Ee]dited|[Ww]riting|[Ww]ritten|[Cc]ompiled)[ \t]+by[ \t]+|^[ \t]*By[ \t]+")
_WRITER = re.compile(r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}")
_WRITER_JOIN = re.compile(r"[ \t]*(?:,|\band\b|&)[ \t]*")
# what a byline says of its writer after the name, or its date ("By Meg James Staff
# Writer", "By Michael Hiltzik Business Columnist", "By Nathan Birch Nov 18")
_BYLINE_ROLES = frozenset("""staff writer writers columnist reporter reporters correspondent
editor editors contributor contributing business political senior chief technology tech
science health sports news jan feb mar apr may jun jul aug sep sept oct nov dec""".split())


def _writers(text: str, mentions: list[Mention]) -> list[Mention]:
    """The names a byline or a story's credit gives as its writers and editors are people,
    whatever the model typed them ("Editing by Lincoln Feast" had been a company). Only
    in a short piece (a byline, a credit line), names of two or three words."""
    if len(text.split()) > 40 or not _WRITERS.search(text):
        return mentions
    spans = []
    for opened in _WRITERS.finditer(text):
        at = opened.end()
        while (name := _WRITER.match(text, at)) is not None:
            words = list(re.finditer(r"\S+", name.group()))
            while words and words[-1].group().rstrip(".").casefold() in _BYLINE_ROLES:
                words.pop()
            if 2 <= len(words) <= 3:  # (a one-word "name" may be the outlet: "CNN")
                spans.append((name.start() + words[0].start(), name.start() + words[-1].end()))
            join = _WRITER_JOIN.match(text, name.end())
            if join is None or join.end() == name.end():
                break
            at = join.end()
    if not spans:
        return mentions
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
    return sorted(kept + [Mention(s, e, "PERSON") for s, e in spans],
                  key=lambda m: (m.start, m.end))


def _credit(text: str, mention: Mention) -> list[Mention]:
    """A photo credit "Annabelle Chih/Reuters", "Sakib Ali/Hindustan Times/Getty Images":
    the person, then each agency."""
    span = text[mention.start:mention.end]
    match = _CREDIT.match(span) or (_CREDITS.match(span) if mention.label == "PERSON" else None)
    if match is None:
        return _credit_parts(text, mention)
    out = [Mention(mention.start, mention.start + match.end(1), mention.label)]
    at = mention.start + match.start(2)
    for agency in match.group(2).split("/"):
        out.append(Mention(at, at + len(agency), "ORG"))
        at += len(agency) + 1
    return out


_SLASH = re.compile(r"\s*/\s*")


def _credit_parts(text: str, mention: Mention) -> list[Mention]:
    """A credit that names a photographer among agencies, in any order ("AP Photo/David
    Zalubowski", "Jacquelyn Martin / Associated Press"): the photographer, known by a
    common first name, and the agencies apart. ("Royal Dutch/Shell Group" is one name.)"""
    span = text[mention.start:mention.end]
    if "/" not in span or mention.label not in ("ORG", "PERSON"):
        return [mention]
    parts, at = [], mention.start
    for piece in _SLASH.split(span):
        at = text.index(piece, at)
        parts.append((at, at + len(piece)))
        at += len(piece)
    people = [first_named(text[start:end]) for start, end in parts]
    if not any(people) or not all(_AGENCY_PART.fullmatch(text, s, e) for s, e in parts):
        return [mention]
    return [Mention(start, end, "PERSON" if person else "ORG")
            for (start, end), person in zip(parts, people)]


_AGENCY_PART = re.compile(_AGENCY)


def reads_as_full_name(written: str) -> bool:
    """Whether a name the model calls a person reads as a first name and a surname, whose
    surname alone is then the person: not a place and a word (:func:`place_first`), nor
    a common word first that is no first name ("Fallen Order", "Moon Europa")."""
    first = written.split()[0]
    return not place_first(written) and (not is_common(first) or first in given_names())


# East Asian family names, which a full name gives first and a story then uses alone
# ("Wang Yi" ... "Wang said"; "Xi Jinping" ... "Xi")
FAMILY_FIRST = frozenset("""Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Zhu Hu Guo
Lin Luo Gao Zheng Liang Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Pan Cai Jiang Yu Cheng Wei
Lu Ding Ren Shen Yao Xi Mao Qin Hua Jia Xia Meng Yan Qian Ma Lai Tsai Chiang Hsieh Hsu Kuo
Yoon Choi Cho Kwon Hwang Ahn Nguyen Tran Pham Hoang Phan Vu Dang Bui Ngo Duong""".split())
# (not those English writes as words or names first: "Sun Interbrew", "Park Lane", "Bo
# Derek"; a hyphenated given name still says the family name is first: "Moon Jae-in")
_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # "Ing-wen", "Ching-te", "Jong-un"


def family_name(written: str) -> str:
    """The word of a person's full name that names the person alone: the last ("Jack
    Straw" -> "Straw"), or the first where the family name comes first ("Wang Donghai" ->
    "Wang", "Tsai Ing-wen" -> "Tsai"; not a common word: "Song", "Dong")."""
    words = written.split()
    if len(words) >= 2 and (words[0] in FAMILY_FIRST or _ROMANISED_GIVEN.fullmatch(words[-1])) \
            and words[0][:1].isupper() and not is_common(words[0]):
        return words[0]
    return words[-1]


def first_named(text: str) -> bool:
    """Two or three words, the first a common first name ("Lily Langtry", a photographer
    in a credit "AP Photo/David Zalubowski")."""
    words = text.split()
    return 2 <= len(words) <= 3 and words[0] in given_names()


_A = re.compile(r"(?:a|an)\s+(?=[A-Z])")


def _the(text: str, mention: Mention) -> Mention:
    article = _A.match(text, mention.start, mention.end)  # "a Golden Globe": no name has "a"
    if article:
        mention = Mention(article.end(), mention.end, mention.label)
    span = text[mention.start:mention.end]
    lead = LEADING_THE.match(span)
    if lead is None:
        before = text[max(0, mention.start - 4):mention.start]
        if before == "The " and mention.label in ("ORG", "LOC", "GPE", "WORK_OF_ART", "FAC") \
                and not sentence_start(text, mention.start - 4):
            return Mention(mention.start - 4, mention.end, _publication(mention.label))
        return mention
    if lead.end() >= len(span):
        return mention
    rest = span[lead.end():]
    if span.startswith("The") and (not sentence_start(text, mention.start)
                                   or rest.casefold() in THE_NAMES):
        return Mention(mention.start, mention.end, _publication(mention.label))
    return Mention(mention.start + lead.end(), mention.end, mention.label)


def _publication(label: str) -> str:
    """A capital-"The" name typed as a sea or region ("The Atlantic") is a publication."""
    return "ORG" if label == "LOC" else label


# ("May's" left out: more often a person's, "Theresa May's")
_DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december".split())


def split_possessive(text: str, mention: Mention) -> list[Mention]:
    """"China's Foreign Ministry" -> GPE + ORG; "China's X and Taiwan's Y" -> four; a day
    or month's: "Sunday's Carling Cup" -> DATE + EVENT."""
    span = text[mention.start:mention.end]
    cuts = [(m, "GPE") if country_of(m.group(1)) is not None else (m, "DATE")
            for m in _POSSESSIVE.finditer(span)
            if country_of(m.group(1)) is not None or m.group(1).casefold() in _DAYS_AND_MONTHS]
    if not cuts:
        return [mention]
    label = "ORG" if mention.label in ("GPE", "LOC", "NORP") and any(
        kind == "GPE" for _, kind in cuts) else mention.label
    out: list[Mention] = []
    edges = [(m.start(), m.start(1), m.end(1), m.end(), kind) for m, kind in cuts]
    previous = 0
    for before, place_start, place_end, after, kind in edges:
        out.extend(_named_part(span, mention.start, previous, before, label))
        out.append(Mention(mention.start + place_start, mention.start + place_end, kind))
        previous = after
    out.extend(_named_part(span, mention.start, previous, len(span), label))
    return out


def _named_part(span: str, base: int, start: int, end: int, label: str) -> list[Mention]:
    """The name between two possessives, without a joining "and", "of" or comma."""
    part = _CONNECTOR_EDGES.sub("", span[start:end])
    if len(part) < 2 or not part[0].isupper():
        return []
    offset = span.index(part, start)
    return [Mention(base + offset, base + offset + len(part), label)]


# what follows a company whose name is a possessive ("Moody's said", "rated by Moody's
# and", "McDonald's raised prices", "Lloyd's of London"): no noun it could own, and no
# word that would make the "'s" an "is" ("Apple's in talks")
_NAME_NOT_OWNER = re.compile(
    r"(?:\s*(?:[.,;:!?)\]\"”]|$)|\s+(?:and|or|but|said|says|say|reported|reports|added|"
    r"told|expects|expected|will|would|has|had|have|is|was|are|were|did|does|"
    r"cut|raised|lowered|rates|rated|upgraded|downgraded|affirmed|announced|agreed|plans|"
    r"declined|of|which|who)\b)")


def _trim_possessive(text: str, mention: Mention) -> Mention:
    span = text[mention.start:mention.end]
    tail = _POSSESSIVE_TAIL.search(span)
    if mention.label == "ORG":  # a name that itself ends so owns nothing here
        if tail and tail.group() in ("'s", "’s") and _NAME_NOT_OWNER.match(text, mention.end):
            return mention
        if not tail and text[mention.end:mention.end + 2] in ("'s", "’s") \
                and _NAME_NOT_OWNER.match(text, mention.end + 2):
            return Mention(mention.start, mention.end + 2, mention.label)
    if tail and tail.start() > 0:
        return Mention(mention.start, mention.start + len(span[:tail.start()].rstrip()), mention.label)
    return mention


def _bare_law_word(text: str, mention: Mention) -> bool:
    """"the Act", "the Bill": a law's common noun, whatever the model called it (a law,
    or after "the" a person), is no name."""
    word = text[mention.start:mention.end].casefold()
    return word in _LAW_WORDS and (mention.label == "LAW" or (
        mention.label == "PERSON" and text[max(0, mention.start - 4):mention.start] == "the "))


# what a person is, abbreviated: never a name ("MPs have urged the BBC", "the MEP said")
# roles and the British honours a person is made ("made an MBE", "becomes an OBE")
_ROLE_ABBREVIATION = re.compile(r"(?:MPs?|MEPs?|MSPs?|MLAs?|AMs?|CEOs?|CFOs?|QCs?|"
                                r"[MOCKDG]BEs?)['’]?s?")


def _role_abbreviation(text: str, mention: Mention) -> bool:
    return _ROLE_ABBREVIATION.fullmatch(text, mention.start, mention.end) is not None


# things written as acronyms, common nouns like any other ("a USB port", "the GPU", "a
# DAB radio", "VAT", "GDP"), which the model takes for companies; none is also a body's
# or a place's short name in news ("API", the American Petroleum Institute; "DC"; "AI",
# Amnesty International; "AC" Milan; "IT" are left out)
_COMMON_ACRONYMS = frozenset("""USB USB-C GPU GPUs CPU CPUs RAM ROM SSD SSDs HDD LCD LCDs LED
LEDs OLED HDMI DVI VGA DVD DVDs PVR PVRs DAB MMS SMS PDA PDAs GDP IPO IPOs VAT FPS SIM GPS
VPN VPNs URL HTML MP3 WiFi Wi-Fi 3G 4G 5G LTE DSL ADSL ISP ISPs P2P VoIP""".split())


def _common_acronym(text: str, mention: Mention) -> bool:
    """One of ``_COMMON_ACRONYMS``, not in wire copy's angle brackets, which name a
    company ("its <SMS> unit")."""
    return text[mention.start:mention.end] in _COMMON_ACRONYMS and not (
        text[mention.start - 1:mention.start] == "<" and text[mention.end:mention.end + 1] == ">")


# the last word of a job's title: "the venue's Promotions Coordinator", "its Chief Executive"
_JOB_TITLE_END = frozenset("""coordinator director manager officer executive chairman
chairwoman spokesman spokeswoman spokesperson editor correspondent controller
administrator supervisor""".split())


def _job_title(text: str, mention: Mention) -> bool:
    """A job's title written with capitals, every word of it a common word, is no name."""
    words = text[mention.start:mention.end].split()
    return (len(words) >= 2 and words[-1].casefold() in _JOB_TITLE_END
            and all(w[:1].isupper() and is_common(w) for w in words))


# a row of wire copy's results table, which the model reads as a name: "Revs 84.6 mln vs",
# "Year Shr 90", "Shr 44" ("Shr 90 cts vs 80 cts", "Revs 84.6 mln vs 80.1 mln")
_TABLE_ROW = re.compile(r"(?:(?:Year|Qtr|Mths|Nine|Six|Three|Oper)\s+)?"
                        r"(?:Shr|Shrs|Revs|Net|Avg|Oper)\b\s+(?:loss\s+|profit\s+)?[\d.,]+.*")


def _table_row(text: str, mention: Mention) -> bool:
    return _TABLE_ROW.fullmatch(text, mention.start, mention.end) is not None


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                          "their", "our", "my", "your"})


def _mid_sentence_capitals(source: str, regions: Sequence[tuple[int, int]],
                           ) -> tuple[set[str], set[str]]:
    """The words the text capitalises inside a sentence, and those it writes in lower case
    after an article or a possessive ("the hunter": a common noun; a name written in lower
    case, as some wire copy does, "said knox", is not taken for one)."""
    found, lower = set(), set()
    for start, end in regions:
        previous = ""
        for match in WORD.finditer(source, start, end):
            word = match.group()
            before, previous = previous, word.casefold()
            if word[0].islower():
                if before in _DETERMINERS:
                    lower.add(word)
            elif word[0].isupper() and not word.isupper() and not sentence_start(source, match.start()):
                found.add(word.casefold())
    return found, lower


def refine_article(source: str, regions: Sequence[tuple[int, int]],
                   mentions: Sequence[Mention]) -> list[Mention]:
    """The article-level corrections; offsets are into ``source``."""
    capitals, lower = _mid_sentence_capitals(source, regions)
    kept = [m for m in mentions
            if not _lone_sentence_word(source, m, capitals, lower) and not _row_label(source, m)]
    kept = _owners_apart(source, _form_full_stop(source, regions, kept))
    return _short_forms(source, regions, _title_cased_works(source, regions, kept))


# the small words a title capitalises and a name does not: "Sometimes You Can't Make It
# On Your Own", "Bend It Like Beckham", "Are You Lonesome Tonight" (not "I", capitalised
# anywhere, nor "Will", a given name too; "A" only before another word: "Class A")
_TITLE_CASED = frozenset("""it it's a an the of on to for from in into with at by up out over
off down about like than you your you're me my we our us he she her his they them their
are is was were be been am do don't does did can can't ain't won't got get have has or
nor but if so as when what who how where why this that these those not never all""".split())
# a run of capitalised words on one line, with the small words a title or a name keeps
# in lower case between them ("Shaun of the Dead", "I Believe in You"), or an ellipsis
# ("I'm A Celebrity... Get Me Out Of Here")
_ELLIPSIS = r"(?:\.\.\.|…)?"
_TITLE_RUN = re.compile(r"(?<![\w'’&-])" + _title_pattern(_SMALL_WORDS, "[ ]", _ELLIPSIS, "+")
                        + r"(?![\w'’-])")
_RUN_WORD = re.compile(r"[^ ]+")
_TITLE_CASED_WORD = re.compile(rf"(?<![\w'’-])[A-Z0-9][\w'’-]*{_ELLIPSIS}"
                               rf"(?:[ ](?:{_SMALL_WORDS}))*[ ](?:" + "|".join(sorted(
    (re.escape(w[0].upper() + w[1:]) for w in _TITLE_CASED), key=len, reverse=True))
    + r")(?![\w'’-])")
_LINE_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][\w'’-]*")
# the words that join two names in a run: "Katharine Hepburn in The Aviator", "Jeffrey
# Goldberg of The Atlantic"
_JOINS = frozenset({"and", "in", "on", "to", "of"})
_PLACES_PEOPLE = frozenset({"PERSON", "GPE", "LOC", "DATE"})  # ("... on Monday")
_GLUED = re.compile(r"[a-z]{2}[A-Z](?:[a-z]|$)")  # two words run together: "DessertsNeed"
_PRAISED = re.compile(r"[A-Z][\w]*-[a-z]")  # "Oscar-winning", "Bafta-nominated"


def _title_cased_works(source: str, regions: Sequence[tuple[int, int]],
                       mentions: list[Mention]) -> list[Mention]:
    """A run of capitalised words inside a sentence that capitalises a small word too is
    a work's title: names keep "of", "for" or "you" in lower case, titles do not
    ("Eminem's Like Toy Soldiers", "U2's Sometimes You Can't Make It On Your Own").
    Not at a sentence's start, nor on a line written mostly in capitals (a headline, a
    menu, a list of names), nor where a word names a body ("Transport For London"); an
    owner before it and a name joined to it ("Katharine Hepburn in The Aviator") stay."""
    out = mentions
    for region_start, region_end in regions:
        line_start = region_start
        for line in source[region_start:region_end].split("\n"):
            if _TITLE_CASED_WORD.search(line) is None:  # (most lines: no capitalised word
                # before a capitalised small word, so no title to find)
                line_start += len(line) + 1
                continue
            words = _LINE_WORD.findall(line)
            lower = sum(1 for w in words if w[0].islower())
            if lower >= 6 and 3 * lower >= len(words):
                for run in _TITLE_RUN.finditer(source, line_start, line_start + len(line)):
                    run_words = list(_RUN_WORD.finditer(source, *run.span()))
                    if any(_GLUED.search(w.group()) for w in run_words):
                        continue  # teasers run together ("Spots For DessertsNeed more")
                    part: list[re.Match[str]] = []
                    for word in [*run_words, None]:  # "Midnight Express and The Commitments"
                        if word is None or (word.group() == "and" and part
                                            and source[word.end() + 1:word.end() + 2].isupper()):
                            out = _title_run(source, out, part)
                            part = []
                        else:
                            part.append(word)
            line_start += len(line) + 1
    return out


def _title_run(source: str, mentions: list[Mention], words: list[re.Match[str]]) -> list[Mention]:
    """``mentions`` with the title in ``words`` (a run of them) a work, if it is one."""
    if not words or words[-1].group().endswith(("'s", "’s", "s'", "s’")):
        return mentions  # the owner of what follows
    owned = False
    for i, word in enumerate(words[:-1]):  # "Madonna's Like A Virgin": after the owner
        if word.group().endswith(("'s", "’s", "s'", "s’")) and word.group() not in _NOT_OWNER \
                and word.group()[:3] not in ("All", "Who"):  # ("All's Well That Ends Well")
            words, owned = words[i + 1:], True
    while words and (_PRAISED.match(words[0].group()) or words[0].group().isdigit()):
        words = words[1:]  # "Oscar-winning Boys Don't Cry", "2004 Peter Sellers Award"
    found = {(m.start, m.end): m.label for m in mentions if m.label != "WORK_OF_ART"}
    cut = True
    while cut and len(words) > 2:  # a name joined to the title is not in it
        cut = False
        for i, word in enumerate(words[1:-1], 1):
            before = found.get((words[0].start(), words[i - 1].end()))
            if (word.group() in _JOINS and before in _OWNERS) or (
                    before == "PERSON" and i > 1 and word.group().casefold() in _TITLE_CASED):
                words, cut = words[i + 1:], True  # "Roger Michell For Enduring Love"
                break
            after = i + 2 if words[i + 1].group() == "the" else i + 1
            if word.group() in _JOINS and after < len(words) \
                    and found.get((words[after].start(), words[-1].end())) in _PLACES_PEOPLE:
                words, cut = words[:i], True
                break
    text = [w.group().rstrip("'’") if not w.group().endswith(("s'", "s’")) else w.group()
            for w in words]  # (a closing quotation mark)
    if len(text) < 2 or (len(text) == 2 and (text[0] == "The" or text[0].isupper())) \
            or text[-1] in ("A", "An", "The", "Of", "And"):
        return mentions  # "The Who" is a band's name as much as a title's
    if not any(w.casefold() in _TITLE_CASED and (len(w) == 1 or not w[1:].isupper())
               for w in text[0 if owned else 1:] if w[:1].isupper()):
        return mentions
    start, end = words[0].start(), words[-1].start() + len(text[-1])
    if not owned and (sentence_start(source, start) or source[:start].rstrip().endswith(":")):
        return mentions
    if sum(1 for m in mentions if start <= m.start and m.end <= end and m.label in _OWNERS) > 1:
        return mentions  # names joined: "Mike Tindall and Will Greenwood"
    folded = {w.casefold() for w in text}
    if folded & NAME_HEADS or folded & BODY_END or _NOT_TITLES.match(source, start, end) \
            or any((m.start, m.end) == (start, end) and m.label != "PERSON" for m in mentions):
        return mentions  # (a name the model found whole as a body or a place is one)
    return _as_work(mentions, start, end, dates_inside=True) or mentions


_FORM_STOP = re.compile(r"\b(?:" + legal_forms() + r")\.$")
_SENTENCE_AFTER = re.compile(r"\s*(?:$|\n|[A-Z\"“])")  # what follows a sentence's end
_BARE_FORM = re.compile(r"\b(?:Inc|Corp|Co|Ltd)\b(?![.&'’-])")


def _form_full_stop(source: str, regions: Sequence[tuple[int, int]],
                    mentions: list[Mention]) -> list[Mention]:
    """In an article that writes a company's legal form without a full stop ("Honda Motor
    Co Ltd said"), a full stop after one ends the sentence ("chairman of Nabisco Brands
    Inc."): not part of the name."""
    if not any(_BARE_FORM.search(source, start, end) for start, end in regions):
        return mentions
    return [Mention(m.start, m.end - 1, m.label)
            if m.label == "ORG" and _FORM_STOP.search(source, m.start, m.end)
            and _SENTENCE_AFTER.match(source, m.end) else m for m in mentions]


_OWNED = re.compile(r"['’]s\s+(?=[A-Z])")
_OWNERS = frozenset({"ORG", "GPE", "PERSON", "FAC", "LOC"})


def _owners_apart(source: str, mentions: list[Mention]) -> list[Mention]:
    """A name the article gives alone, glued by its possessive to what it owns, is two
    names ("the University of Warwick's Student Union" after "the University of
    Warwick", "Apple's Powerbeats Pro" after "Apple"): the owner as it stands alone, the
    rest as the model typed the whole. So is a company with its legal form ("Southland
    Corp's Citgo Petroleum Corp"). A one-word owner counts only where the article also
    writes it without the possessive ("Moody's Investors Service" is one name: the
    article never writes "Moody")."""
    alone = {" ".join(source[m.start:m.end].split()): m.label for m in mentions
             if m.label in _OWNERS and "'s " not in source[m.start:m.end]
             and "’s " not in source[m.start:m.end]}
    out: list[Mention] = []
    for m in mentions:
        cut = _OWNED.search(source, m.start, m.end) if m.label in _OWNERS else None
        owner = " ".join(source[m.start:cut.start()].split()) if cut is not None else ""
        if cut is None or not owner:
            out.append(m)
            continue
        formal = _WITH_FORM.search(owner) is not None
        label = "ORG" if formal else alone.get(owner)
        if label is None or (" " not in owner and not formal and not re.search(
                rf"(?<![\w’'-]){re.escape(owner)}(?!['’]s\b|[\w'’-])", source)):
            out.append(m)
            continue
        out += [Mention(m.start, cut.start(), label), Mention(cut.end(), m.end, m.label)]
    return out



# what follows a table row's label: a few lowercase words, then a figure, and a "vs"
_ROW_FIGURES = re.compile(r"[ \t]+(?:[a-z][a-z.]*[ \t]+){0,3}(?:[-+($]?\d|nil\b|loss\b|profit\b)"
                          r"[^\n]*\bvs\b")


def _row_label(source: str, mention: Mention) -> bool:
    """The label of a row of figures, not a name: wire copy's results tables ("Revs 291.8
    mln vs 151.1 mln", "Avg shrs 51.7 mln vs 43.4 mln") open each line with one."""
    if mention.label in QUANTITY_LABELS or len(source[mention.start:mention.end].split()) > 2:
        return False
    line_start = source.rfind("\n", 0, mention.start) + 1
    return (not source[line_start:mention.start].strip()
            and _ROW_FIGURES.match(source, mention.end) is not None)


_OFFICE = re.compile(r"\b(?:Secretary|Minister|Ministers|Secretaries)\s+of\s+(?:the\s+)?$")


def _lone_sentence_word(source: str, mention: Mention, capitals: set[str],
                        lower: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """A common word the model took for a name: it only starts a sentence ("State
    media said"), it ends an office's title ("Secretary of State"), or it labels what
    follows ("Credit: EPA"). A word is common
    where English writes it in lower case, or where the article itself does: "Hunter
    diagnosed with plague" over a story of "the hunter" (a surname too, so no list has it)."""
    word = source[mention.start:mention.end]
    if not (word.isalpha() and word[:1].isupper() and not word.isupper()
            and (is_common(word) or word.casefold() in lower)):
        return False
    if _OFFICE.search(source, max(0, mention.start - 40), mention.start):
        return True
    if is_common(word) and source.startswith(":", mention.end) \
            and mention.label not in QUANTITY_LABELS:  # a label: "Credit: EPA" (not "told Today:")
        return True
    return (sentence_start(source, mention.start) and word.casefold() not in capitals
            and country_of(word) is None)


_COMPANY_SUFFIX = re.compile(r"(?:\s+(?:" + legal_forms(
    "Corporation", "Holdings", "Group", "International", "Company", "Limited") + r")\.?,?)+$")


_LONGEST_NAME = 300  # characters: no name runs longer (a mention that begins this far back
# cannot reach the span)
# a firm named for its partners, without its legal form ("Cable and Wireless")
_PARTNERS = re.compile(r"[A-Z][\w.'’-]+ (?:and|und|&) [A-Z][\w.'’-]+")


def _short_forms(source: str, regions: Sequence[tuple[int, int]],
                 mentions: list[Mention]) -> list[Mention]:
    """People's surnames and companies' short names, wherever they stand alone."""
    forms: dict[str, str] = {}  # short form (case folded) -> label
    for m in mentions:
        text = " ".join(source[m.start:m.end].split())
        words = text.split()
        if m.label == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words) \
                and reads_as_full_name(text):
            last = family_name(text).strip(".,")  # ("Xi" of "Xi Jinping" is whole)
            if (len(last) >= 3 or last != words[-1]) and last[:1].isupper() \
                    and country_of(last) is None:
                forms.setdefault(last.casefold(), "PERSON")
        elif m.label == "ORG" and _PARTNERS.fullmatch(text):
            forms.setdefault(text.casefold(), "ORG")  # "Bilfinger und Berger" wherever it stands
        elif m.label == "ORG" and _COMPANY_SUFFIX.search(text):
            words = _COMPANY_SUFFIX.sub("", text).split()
            for n in range(len(words), 0, -1):
                short = " ".join(words[:n])
                if n > 1 or (len(short) >= 4 and not is_common(short)):
                    forms.setdefault(short.casefold(), "ORG")
    if not forms:
        return mentions
    out = []
    for m in mentions:
        form = forms.get(" ".join(source[m.start:m.end].split()).casefold())
        if form and m.label != form and m.label not in QUANTITY_LABELS:
            m = Mention(m.start, m.end, form)
        out.append(m)
    taken = Taken(out)

    finder = NameFinder(forms, possessive=True)
    added = []
    replaced: set[Mention] = set()
    out.sort(key=lambda m: (m.start, m.end))
    starts = [m.start for m in out]
    for start, end in regions:
        for s, e in finder.spans(source, start, end):
            word = source[s:e]
            if not word[0].isupper() or joined_to_name(source, s, e):
                continue
            if taken.overlaps(s, e):
                # a company's short name of several words that the model cut into
                # names ("Horn and Hardart" after "Horn and Hardart Co": a place and a
                # town) is the company
                near = out[bisect_left(starts, s - _LONGEST_NAME):bisect_left(starts, e)]
                inside = [m for m in near if m.end > s]
                words = word.split()
                if forms[" ".join(words).casefold()] == "ORG" and len(words) > 1 \
                        and words[-1][:1].isupper() and inside \
                        and all(s <= m.start and m.end <= e for m in inside):
                    replaced.update(inside)
                    added.append(Mention(s, e, "ORG"))
                continue
            if sentence_start(source, s) and " " not in word and is_common(word):
                continue
            added.append(Mention(s, e, forms[" ".join(word.split()).casefold()]))
    return sorted([m for m in out if m not in replaced] + added, key=lambda m: (m.start, m.end))


def joined_to_name(source: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right before or after (part of another name),
    a title aside ("Mr Straw" is the person; "Straw Hat" is not)."""
    before = source[max(0, start - 30):start]
    after = re.match(r"[ \t]+([^\W\d_][\w’'-]*)", source[end:end + 30])
    if after and after.group(1)[0].isupper():
        return True
    previous = re.search(r"([^\W\d_][\w’'.-]*)[ \t]+$", before)
    return bool(previous and previous.group(1)[0].isupper() and not NAME_TITLES.search(before)
                and not sentence_start(source, start - len(previous.group(0)))
                and not sentence_start(source, start))
