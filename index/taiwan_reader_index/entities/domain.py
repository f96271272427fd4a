"""A domain layer over the statistical model for defence and foreign-policy news.

The small English model often calls a law an ORG ("the Taiwan Relations Act")
and splits or mislabels military commands and ministries. These general
patterns find such names by their shape (capitalised words ending in "Act",
"Command", "Ministry" ...), and win where they overlap a model span:

* LAW - a part of a law by its number ("Chapter 11", "Section 404"); and
  capitalised words ending in Act, Law, Bill, Treaty, Accord(s),
  Agreement, Resolution, Convention, Communiqué ("Strengthen Taiwan's
  Security Act").
* EVENT - a storm by its name ("Typhoon Krathon", "Cyclone Nargis"); capitalised words
  ending in Open, Cup(s), Games, Olympics, Festival,
  Championship(s), Grand Prix, Slam, Trophy, Bowl, Sevens ("Davis Cup", "US
  Open", "Super Bowl"); the Olympics by name or adjective ("Olympic champion").
* ORG - a company wire copy names in angle brackets ("<Antibioticos SA>").
* PRODUCT - the brands a company lists ("brands such as Dairy Milk, Dr Pepper and
  Snapple").
* WORK_OF_ART - an award ("Academy Award", "Nobel Peace Prize"), a report by its title
  ("World Production and Trade Report").
* ORG - a club named for its sport or as clubs are ("Edinburgh Rugby", "Leeds United").
* ORG - a group of nations by its number ("G8", "G-7"); a military unit or a sitting
  of Congress by its number ("the 7th Fleet", "the 82nd Airborne Division").
* PRODUCT - a ship by its navy's prefix ("USS Ralph Johnson", "HMS Queen Elizabeth").
* PRODUCT - an aircraft, ship or weapon by its designation, before what it is
  ("F-16V fighter jets", "MQ-9B Reaper drones", "Patriot PAC-3 missiles").
* ORG - capitalised words ending in a company's legal form (Inc, Corp, Co, Ltd,
  Plc, SA, SpA, AG, GmbH, Group ...: "Brunswick Corp", "Montedison Spa"), an "and"
  in the name included ("Standard and Poor's Corp", "Kidder, Peabody and Co Inc")
  but not one between two names ("Japan and Mitsubishi Corp", "Texaco Inc and
  Mobil Corp"). A date the model ran on into such a name keeps its date.
* ORG - "Ministry/Department of X", and capitalised words ending in Ministry,
  Command, Army, Navy, Air Force, Coast Guard, National Guard, Marine Corps,
  Bureau, Agency, Council, Commission, Committee, Forces
  ("Eastern Theater Command", "National Security Bureau").
"""

from __future__ import annotations

import re

from .casing import is_common
from .companies import legal_forms
from .countries import WRITTEN, country_of, country_of_adjective
from .kinds import QUANTITY_LABELS
from .mention import Mention
from .refine import ACRONYM, SENTENCE_CUT, after_a_name, split_possessive
from .refine import CRAFT as _CRAFT

_CAP = r"(?:[A-Z][\w’'.-]*(?:/[A-Z][\w’'.-]*)?|U\.S\.)"  # ("Audio/Video Affiliates Inc")
_DAY_OR_MONTH = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                 r"March|April|May|June|July|August|September|October|November|December)\b")
_JOIN = r"(?:\s+(?:of|and|for|on|to|de)\s+|\s+)"
_NAME = rf"{_CAP}(?:{_JOIN}(?!{_DAY_OR_MONTH}){_CAP}){{0,7}}"  # (not "... Affairs on Friday")
_LAW_END = r"(?:Act|Law|Bill|Treaty|Accords?|Agreement|Resolution|Convention|Communiqu[ée])"
_ORG_END = (r"(?:Ministry|Command|Army|Navy|Air\s+Force|Coast\s+Guard|National\s+Guard|"
            r"Marine\s+Corps|Bureau|Agency|Council|Commission|Committee|Forces|Yuan)")

# a base or an airport by its name (see PATTERNS), looked for where its last word stands
_FACILITY = re.compile(rf"\b{_CAP}(?:\s+{_CAP}){{0,3}}\s+(?:Air\s+Base|Air\s+Force\s+Base|"
                       rf"Naval\s+Base|Naval\s+Air\s+Station|Airbase|Airport)\b(?![ \t]+[A-Z])")
_FACILITY_WORD = re.compile(r"\b(?:Base|Airbase|Airport|Station)\b")
# a newspaper by its name (see PATTERNS), looked for where a paper's day word stands
_NEWSPAPER = re.compile(r"\b(?<!on )(?<!last )(?<!next )(?<!this )(?<!each )(?<!every )"
                        r"(?:[A-Z][a-z]+\s+){0,3}(?:Daily|Sunday|Evening|Morning)\s+(?:Telegraph|"
                        r"Times|Mail|Express|Mirror|Standard|Post|Herald|Star|News|Record|"
                        r"Independent|Observer|Sport|Tribune|Journal|World)\b(?![ \t]+[A-Z])"
                        r"|\b(?:Independent|Mail|Times|Telegraph|Observer|Mirror|Express)\s+on\s+"
                        r"Sunday\b")
_NEWSPAPER_WORD = re.compile(r"\b(?:Daily|Sunday|Evening|Morning)\s+[A-Z]|\bon\s+Sunday\b")
_LOOKED_FOR = {_FACILITY: _FACILITY_WORD, _NEWSPAPER: _NEWSPAPER_WORD}  # (only where these stand)
# a law's name may go on with "of/on ..." ("General Agreement on Tariffs and Trade");
# its last word may not be followed by a capitalised word ("Sen. Bill Hagerty")
_LAW_TAIL = (rf"(?:\s+(?:of|on|for|against)\s+(?:the\s+)?(?!{_DAY_OR_MONTH}){_NAME})?"
             rf"\b(?![ \t]+[A-Z])")  # (not "the ... Act on Wednesday")
# sporting events the small model calls an organisation or a place ("Davis Cup", "US Open")
_EVENT_END = (r"(?:Open|Cups?|Games|Olympics|Championships?|Grand\s+Prix|Slam|Trophy|Festival|"
              r"Bowl|Sevens|Marathon|Regatta|Rally)")  # ("Super Bowl", "Rugby World Cup
# Sevens", "Sevens World Cups", "London Marathon", "Henley Royal Regatta", "Dakar Rally")
# the Olympics by name alone, and the adjective that stands for them ("Olympic champion",
# "won Olympic gold", "Olympic 200m"), which the model calls a person, a time or nothing;
# not the first word of another name ("Olympic Village", "International Olympic Committee")
_OLYMPIC = re.compile(r"(?<![\w-])(?:Olympic|Paralympic)s?(?![\w-])(?![ \t]+[A-Z])")
# a company by its legal form ("Brunswick Corp", "Montedison Spa", "Antibioticos SA",
# "Baikal Finance Group"), which the model often calls a person or misses
_COMPANY_END = "(?:" + legal_forms("Corporation", "Limited", r"S\.p\.A", r"N\.V", "Holdings", "Group") + ")"
# a company's name may hold "and" ("Standard and Poor's Corp", "Cable and Wireless Plc",
# "American Telephone and Telegraph Co"), which the model cuts there; not where what
# comes before the "and" is another name (see _company_start)
_COMPANY = re.compile(
    rf"\b{_CAP}(?:\s+(?:(?:&|and|of|de|the)\s+)?{_CAP}){{0,4}}\s+{_COMPANY_END}\b\.?(?![\w-])")
_AND = re.compile(r"\s+and\s+")
_LEGAL_FORM_WORD = re.compile(rf"\b(?P<form>(?:{legal_forms()})\.?)(?=['’]s\b|\s|$)")
_AFTER_FORM = re.compile(r"(?:['’]s\b)?\s+(?:and\s+)?")
_AND_CO = re.compile(rf"[A-Z][\w'’-]*\s+and\s+(?:{legal_forms()})\b")  # "Peabody and Co Inc"
_PARTNER = re.compile(r"\b[A-Z][\w'’-]*,\s+$")  # "Kidder, " before it
# a pronoun or determiner capitalised at a sentence's start, not a company's first word
_NOT_A_NAME = frozenset("He She It They We I You Both Either Neither Its Their His Her Our "
                        "This That These Those Between".split())
PATTERNS = [
    ("ORG", _COMPANY),
    ("LAW", re.compile(rf"\b{_NAME}\s+{_LAW_END}{_LAW_TAIL}")),
    ("LAW", re.compile(rf"\b(?:Treaty|Convention|Bill|Charter)\s+(?:of|on)\s+(?:the\s+)?{_NAME}\b")),
    ("ORG", re.compile(rf"\b(?:{_CAP}\s+)*(?:Ministry|Department)\s+of\s+{_NAME}")),
    # ... and what it is for or of ("Commission for Africa", "Council on Foreign Relations")
    # (not "of the ...": "the Eastern Theater Command of the PLA" is two)
    # (not where the name goes on: "Andersen Air Force Base" is a base, the model's)
    ("ORG", re.compile(rf"\b(?:{_NAME}\s+)?{_ORG_END}\b(?![ \t]+[A-Z][a-z])(?:\s+(?:for|of|on)\s+"
                       rf"(?!{_DAY_OR_MONTH}|the\b|[A-Z]+\b){_NAME})?")),
    ("EVENT", re.compile(rf"\b{_CAP}(?:\s+{_CAP}){{0,3}}\s+{_EVENT_END}\b(?![ \t]+[A-Z])")),
    # a part of a law by its number ("Chapter 11" bankruptcy, "Section 404", "Article 5")
    ("LAW", re.compile(r"\b(?:Chapter\s+(?:7|11|13)|Section\s+\d{1,4}[a-z]?|Article\s+\d{1,3})\b"
                       r"(?![-\w])")),
    # a club named for its sport or as clubs are ("Edinburgh Rugby", "Leeds United",
    # "Blackburn Rovers", "Charlton Athletic"; not "... City" or "... Town": places too)
    ("ORG", re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+(?:Rugby|FC|AFC|United|Utd|Rovers|"
                       r"Athletic|Wanderers|Albion|Hotspur)\b(?![ \t]+[A-Z])")),
    # a storm by its name ("Typhoon Krathon", "Cyclone Nargis", "Tropical Storm Allison"):
    # an event, which the model reads as a company or a person
    ("EVENT", re.compile(rf"\b(?:Super\s+)?(?:Typhoon|Hurricane|Cyclone|Tropical\s+Storm)\s+"
                         rf"(?!(?:Center|Centre|Season|Warning|Watch|Fund|Relief)\b)"
                         rf"{_CAP}\b(?![ \t]+[A-Z])")),  # (not "the National Hurricane Center")
    # a ship by its navy's prefix ("USS Ralph Johnson", "HMS Queen Elizabeth"): a vehicle,
    # a product as OntoNotes types it, which the model reads as a person
    ("PRODUCT", re.compile(rf"\b(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|ROCS|RFS|BRP|ROKS|ARA|PNS|"
                           rf"HNLMS)\s+{_CAP}"
                           rf"(?:\s+{_CAP}){{0,3}}")),
    # a military unit or a sitting of Congress by its number ("the 7th Fleet", "the 82nd
    # Airborne Division", "the 115th Congress"), which the model cuts after the number
    ("ORG", re.compile(rf"\b\d{{1,3}}(?:st|nd|rd|th)\s+(?:{_CAP}\s+){{0,3}}(?:Fleet|Army|"
                       rf"Division|Brigade|Corps|Regiment|Battalion|Squadron|Wing|Airborne|"
                       rf"Infantry|Cavalry|Marines|Congress)\b(?![ \t]+[A-Z])")),
    # a base or an airport by its name ("Bagram Air Base", "Kadena Air Base", "Songshan
    # Airport"): a facility, which the model often misses after a verb ("left Bagram")
    ("FAC", _FACILITY),
    # a newspaper named as papers are ("the Evening Standard", "The Sunday Telegraph", "the
    # Independent on Sunday"), which the model takes for a work or a day, or misses; not
    # after a word that makes it a day ("on Sunday Mail was delivered")
    ("ORG", _NEWSPAPER),
    # a report by its title ("the World Production and Trade Report"): a work
    ("WORK_OF_ART", re.compile(rf"\b{_NAME}\s+Report\b(?![ \t]+[A-Z])")),
    # an award, as OntoNotes types it ("Academy Award", "Nobel Peace Prize")
    ("WORK_OF_ART", re.compile(rf"\b{_CAP}(?:\s+{_CAP}){{0,3}}\s+(?:Award|Prize|Medal)\b"
                               rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME})?(?![ \t]+[A-Z])")),
]
# a group of nations by its number ("the G8 summit", "G-7 finance ministers")
_DIGIT = re.compile(r"\d")
_GROUP_OF_NATIONS = re.compile(r"(?<![\w-])G-?(?:5|7|8|10|20|77)(?![\w-])")
# the brands a company owns, listed as such ("brands such as Dairy Milk, Dr Pepper and
# Snapple", "brands - including Cadbury, Trident and Halls"): products, which the model
# reads as companies and people
_BRANDS = re.compile(r"\bbrands\b[^.;:]{0,30}?\b(?:such\s+as|including|like)\s+")
_BRAND = re.compile(r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,2}")
_BRAND_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")
_FIRST_WORD = re.compile(r"(\S+)\s+")
_PART_OF = re.compile(r"([A-Z][a-z]+s)\s+of\s+(?=[A-Z])")
_ORG_HEAD = re.compile(r"(?:Bank|Board|Holdings|Industries|Associates|Partners|Brothers|Sons|"
                       r"Laboratories|Systems|Communications|Airlines|Airways|Services|Mills)s?")
_FULL_STOP = re.compile(r"(?<![A-Za-z])[A-Z]?[a-z]{4,}\.$")  # ("Corp.", "Bros." keep theirs)
_LEADING = re.compile(
    r"(?:(?:The|A|An|Under|In|On|At|By|For|With|From|After|Before|Since|Despite|As|Last|"
    r"This|That|Former|When|While|If|the|of)\s+)+")


# wire copy marks a company it names in angle brackets ("talks with <Antibioticos SA>",
# "its <SMS> unit"); after a name the brackets hold its ticker ("Kodak <EK>"), no name
_BRACKETED = re.compile(r"<([A-Z][\w&.,' -]{0,60}?)>")


def _bracketed_companies(text: str, base: int) -> list[Mention]:
    found = []
    for match in _BRACKETED.finditer(text):
        if after_a_name(text, match.start()):
            continue  # a ticker after the company's name
        found.append(Mention(base + match.start(1), base + match.end(1), "ORG"))
    return found


# aircraft, ships and weapons by their designation ("F-16V fighter jets", "MQ-9B Reaper
# drones", "M1A2T Abrams tanks", "Patriot PAC-3 missiles", "737-800 planes"), which the
# small model reads as numbers, cuts inside a word ("T Abrams") or misses: a designation
# (letters and digits, or a maker's three digits with a variant or a name), the names
# around it, and what it is
# (with a hyphen, or four characters and more: "P2P", "MP3", "G7" and "A4" are no craft)
_DESIGNATION = (r"(?:[A-Z][A-Za-z]{0,3}-\d[\dA-Z]{0,5}(?:-\d{1,4}[A-Z]?)?"
                r"|[A-Z][A-Za-z]{0,3}\d[\dA-Z]{2,5}|[A-Z][A-Za-z]{1,3}\d[\dA-Z]{1,5}"
                r"|\d{3}-\d{3}|7[0-8]7(?=\s+[A-Z][a-z]))")  # Boeing's "787 Dreamliner", not "400 Harpoon"
# the names after a designation: "Harpoon", "Block II", "MSE" ("AIM-9X Sidewinder Block II")
_PRODUCT = re.compile(rf"(?<![\w-])(?:[A-Z][a-z]+\s+)?{_DESIGNATION}(?![\w-])"
                      rf"(?:\s+(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[IVX]{{1,4}}|[A-Z]{{2,4}}|\d{{1,2}}[A-Z]?)(?![\w-])){{0,3}}"
                      rf"(?=(?:\s+[a-z][\w-]*){{0,2}}\s+{_CRAFT}\b)")


def _designated(text: str, base: int) -> list[Mention]:
    found = []
    for match in _PRODUCT.finditer(text):
        start = match.start()
        lead = _LEADING.match(text, start, match.end())
        if lead:
            start = lead.end()
        first = _FIRST_WORD.match(text, start, match.end())
        if first and (country_of(first.group(1)) or country_of_adjective(first.group(1))):
            start = first.end()  # "Chinese J-20 fighters": the craft, not its country
        if start < match.end():
            found.append(Mention(base + start, base + match.end(), "PRODUCT"))
    return found


def _brands(text: str, base: int) -> list[Mention]:
    found = []
    for listed in _BRANDS.finditer(text):
        at = listed.end()
        while (name := _BRAND.match(text, at)) is not None:
            found.append(Mention(base + name.start(), base + name.end(), "PRODUCT"))
            join = _BRAND_JOIN.match(text, name.end())
            if join is None:
                break
            at = join.end()
    return found


def domain_mentions(text: str, base: int = 0) -> list[Mention]:
    found: list[Mention] = _bracketed_companies(text, base) if "<" in text else []
    if "brands" in text:
        found += _brands(text, base)
    if "G" in text:
        found += [Mention(base + m.start(), base + m.end(), "ORG")
                  for m in _GROUP_OF_NATIONS.finditer(text)]
    if _DIGIT.search(text):
        found += _designated(text, base)
    if "lympic" in text:
        found += [Mention(base + m.start(), base + m.end(), "EVENT")
                  for m in _OLYMPIC.finditer(text)]
    for label, pattern in PATTERNS:
        where = _LOOKED_FOR.get(pattern)
        if where is not None and where.search(text) is None:
            continue  # (its pattern tries every capitalised word)
        for match in pattern.finditer(text):
            start, end = match.span()
            for cut in SENTENCE_CUT.finditer(text, start, end):  # "in January. The US
                start = cut.end()  # Department of Energy": the name is in the last sentence
            lead = _LEADING.match(text, start, end)
            if lead:
                start = lead.end()
            part_of = _PART_OF.match(text, start, end)
            if part_of and is_common(part_of.group(1)) and not _ORG_HEAD.fullmatch(part_of.group(1)):
                start = part_of.end()  # "Shares of Brunswick Corp", "Units of ..."
            if pattern is _COMPANY:  # a company named before it starts where this one did
                first = start
                start, other = _company_start(text, start, end)
                if other is not None and " " in text[first:other].strip():
                    found.append(Mention(base + first, base + other, label))
            if label == "ORG" and pattern is not _COMPANY:
                start = _after_owner(text, start, end)  # ("the Executive Yuan's Department")
            if _FULL_STOP.search(text, start, end):
                end -= 1  # the sentence's full stop ("the Medal of Freedom."), not "U.S."
            if end - start >= 4 and " " in text[start:end].strip():
                found.extend(Mention(base + m.start, base + m.end, m.label)
                             for m in split_possessive(text, Mention(start, end, label)))
    return found


_OWNER = re.compile(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)['’]s\s+(?=[A-Z])")


def _after_owner(text: str, start: int, end: int) -> int:
    """Where a body's name found by its shape starts when a name owns it: after the
    owner's possessive ("the Executive Yuan's Department of Cyber Security", "the
    Pentagon's Defense Intelligence Agency": the owner is the model's to find). Not a
    country's (``split_possessive`` makes it a place) nor a common word's, which is part
    of the name ("People's Liberation Army", "Women's Tennis Association")."""
    owner = _OWNER.match(text, start, end)
    if owner is None or country_of(owner.group(1)) or country_of_adjective(owner.group(1)) \
            or (" " not in owner.group(1) and is_common(owner.group(1))):
        return start
    return owner.end()


def _company_start(text: str, start: int, end: int) -> tuple[int, int | None]:
    """Where a company's name found by its legal form starts, and where a company named
    before it ends, if one does.

    The name starts after an "and" when what comes before it names something else: a
    country ("Japan and Mitsubishi Corp"), a company with its own legal form ("Texaco
    Inc and Mobil Corp": that one is returned too), a day or month, a pronoun ("Both
    Exxon and Mobil Corp"), or a name of two words or more beside one of two or more
    ("Deutsche Bank and Credit Suisse Group"; a company's own "and" has one word on a
    side: "Standard and Poor's", "American Telephone and Telegraph", "P and O
    Containers"), or a company's acronym ("IBM and Hitachi Ltd"). Two single names are
    one firm named for its partners ("Hambrecht and Quist Inc", "Bausch and Lomb Inc":
    all of 85 such names in Reuters-21578). A name whose "and" is followed by its legal
    form goes back over one partner's name with its comma ("Kidder, Peabody and Co
    Inc")."""
    other = None
    joins = list(_AND.finditer(text, start, end))
    forms = list(_LEGAL_FORM_WORD.finditer(text, start, joins[-1].start())) if joins else []
    if forms:  # another company ends there ("Texaco Inc and", "Sun Co's Sun Refining and")
        other = forms[-1].start("form") + len(forms[-1].group("form"))
        rest = _AFTER_FORM.match(text, other, end)
        start = rest.end() if rest else other
        joins = [j for j in joins if j.start() >= start]
    for join in reversed(joins):
        before = text[start:join.start()]
        words = before.split()
        after = text[join.end():end].split()[:-1]  # the words before the legal form
        if (before in WRITTEN or words[0] in _NOT_A_NAME or re.fullmatch(_DAY_OR_MONTH, before)
                or (len(words) > 1 and len(after) > 1)
                or (len(words) == 1 and ACRONYM.fullmatch(words[0]))):  # not "P and O"
            return join.end(), other
    if _AND_CO.match(text, start, end):
        partner = _PARTNER.search(text, max(0, start - 40), start)
        if partner and not text[:partner.start()].rstrip().endswith(","):
            return partner.start(), other
    return start, other


def merge(model: list[Mention], domain: list[Mention], text: str) -> list[Mention]:
    """Domain spans replace the model spans they overlap; longest domain span first.

    A law whose last word is part of a person's name the model found ("Stuart
    Law", "Sen. Bill Hagerty") is no law; a person inside a law's name ("the
    Taylor Force Act") is part of the law. A date or number the model ran on into a
    domain name keeps what comes before the name in ``text`` ("March 12 - Standard"
    before "Standard and Poor's Corp": "March 12").
    """
    people = [m for m in model if m.label == "PERSON"]
    domain = [d for d in domain if d.label != "LAW" or not any(p.start < d.end <= p.end for p in people)]
    chosen: list[Mention] = []
    for mention in sorted(domain, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(m.start < mention.end and mention.start < m.end for m in chosen):
            chosen.append(mention)
    kept = []
    for m in model:
        first = min((d.start for d in chosen if d.start < m.end and m.start < d.end), default=None)
        if first is None:
            kept.append(m)
        elif m.label in QUANTITY_LABELS and m.start < first:
            end = m.start + len(text[m.start:first].rstrip(" \t\n-–—,;:"))
            if end > m.start and text[m.start:end].casefold() not in ("the", "a", "an"):
                kept.append(Mention(m.start, end, m.label))  # ("the" of "the Sunday Times")
    return sorted(kept + chosen, key=lambda m: (m.start, m.end))
