"""One name, one type, throughout an article ("one sense per discourse").

The model decides each mention from a few words around it, so one article
can call "Yukos" a person in one sentence and a company in the next, and miss
it in a third. A reader sees the same name and expects the same colour. This
step, run on the whole article after the other corrections:

* collects, for each name the article writes (case folded, so a headline in
  capitals counts too), the model's votes and the article's own evidence of
  what the name is:

  - a company: its legal form somewhere in the article ("Brunswick Corp"), a
    business noun just before it ("oil firm Rosneft", "gas giant Yukos",
    "carmaker Maruti", "band Snow Patrol") or
    just after it ("Yukos' lawyers", "the Yukos unit", "Enzon Inc"), a
    stock ticker ("<EK>"), or an apposition ("Gazprom, the world's biggest
    gas company");
  - a person: a title before it ("Mr Mukerjee", "Professor Dautenhahn"), a
    role before a full name ("France captain Fabien Pelous"), or a full name
    the article gives that ends with it ("Sania Mirza"); a performer's trade
    before even one word ("rapper Nelly") outweighs the model on every mention;
  - a work: a kind of work just before it ("hit comedy Blackadder");
  - a nationality: the name is a country's adjective ("the Ukrainian");
  - a place: the name is a country's ("Liechtenstein"), unless the article
    names a person with it ("Michael Jordan": "Jordan" is that person); or the
    article says it is a town ("the city of Hanau", "Jonesboro is a wonderful
    city"), which outweighs the model on every mention;
  - a people: the name is the people of a place the article names ("Kashmiris");

* counts a lone word the model calls a person but the article never gives a
  first name or title for as half a vote: news introduces people in full;
* gives every mention of the name the type with the most weight, and marks
  the occurrences the model missed (capitalised, not part of a longer name,
  not a common word that only starts a sentence);
* marks the countries and their adjectives the model missed ("U.S." in
  "U.S. Trade Representative", "Japanese" in "U.S.-Japanese").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from .bodies import KNOWN_ACRONYMS, KNOWN_LONG_NAMES, KNOWN_NAMES, KNOWN_OUTLETS, KNOWN_PRODUCTS
from .casing import is_common, is_word
from .companies import legal_forms
from .countries import WRITTEN, country_of, country_of_adjective
from .kinds import QUANTITY_LABELS
from .linking import given_names, place_first
from .mention import ACRONYM_AFTER, Mention, NameFinder, Taken
from .refine import (
    FIRM_HEADS,
    HONORIFICS,
    NAME_HEADS,
    NAME_TITLES,
    OFFICE_OF,
    TITLE_BEFORE,
    TITLES,
    WORD,
    WORK_KINDS,
    family_name,
    first_named,
    is_ticker,
    joined_to_name,
    reads_as_full_name,
    sentence_start,
)
from .sports import line_up_match, line_up_names, line_up_regions

WEAK_PERSON = 0.5  # a lone word called a person, with no first name or title anywhere

_BUSINESS = (r"firm|company|group|giant|(?<!aircraft )carrier|airline|maker|manufacturer|bank|rival|"
             r"(?:car|auto|chip|drug|steel|toy|shoe|phone|handset|plane|aircraft|truck|tyre|"
             r"tire|computer|software|games?|cigarette|beer|paper|glass|clothing|vehicle|bike|"
             r"motorcycle|engine|camera|TV|PC)-?maker|"
             r"subsidiary|unit|producer|conglomerate|insurer|retailer|operator|lender|"
             r"supplier|chain|brewer|miner|distributor|developer|publisher|broker|utility|"
             r"monopoly|multinational|band|outfit|act")  # (bands: "the
# Scottish band Snow Patrol, who finished 14th", "support act Brigade"; not "duo": "duo
# Ant and Dec" are two people)
_ORG_BEFORE = re.compile(rf"\b(?:{_BUSINESS}|(?:companies|firms|groups|banks|rivals)\s+"
                         rf"(?:such\s+as|like|including))\s+$")
_ORG_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:shares?|stock|stake|subsidiary|unit|division|chairman|chief\s+executive|"
    r"board|shareholders|lawyers|management|headquarters|profits?|earnings|sales|revenues?|"
    r"executives|bankruptcy|takeover|assets|customers|employees|subsidiaries|"
    r"Inc|Corp|Co|Ltd|Plc|SA|AG|Spa|SpA|GmbH|NV)\b"
    r"|\s*<[A-Z][A-Z.]*>"
    rf"|\s*,\s+(?:one\s+of\s+)?(?:the|a|an|its)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_BUSINESS}|companies|firms)\b")
_WORK_BEFORE = re.compile(rf"\b(?:{WORK_KINDS}|debut)\s+$")
# a role just before a full name: "France captain Fabien Pelous", "actress Imelda Staunton"
# (not a body's: "lead manager Union Bank of Switzerland said")
_ROLES = frozenset("""captain coach manager player director actor actress singer star comedian
presenter minister president chairman chairwoman spokesman spokeswoman analyst economist
secretary senator governor mayor leader founder author writer producer musician rapper
guitarist boss champion team-mate teammate wife husband lawyer judge scientist researcher
commander envoy ambassador premier candidate columnist editor film-maker filmmaker dissident
activist campaigner blogger journalist reporter correspondent photographer poet novelist
professor lawmaker legislator congressman congresswoman spokesperson adviser advisor
negotiator diplomat sprinter golfer boxer jockey batsman winger fly-half
scrum-half""".split())
_ROLES_LOWER = frozenset("striker midfielder defender goalkeeper".split())  # (lower case only)
# the word just before a name, read with its tail after a hyphen too ("Vice-President",
# "Prime Minister-designate Noboru Takeshita"), and after a comma (an apposition:
# "Kenteris's lawyer, Gregory Ioannidis, said")
_ROLE_WORD = re.compile(r"(?<![\w-])([A-Za-z]+(?:-[A-Za-z]+)*),?\s+$")
# a role in apposition after a full name: "Thomas Hanley, a director of Salomon Inc",
# "Jane Cole, the bank's chief economist at ..." (not a role a firm has too: "the lead
# manager", "financial adviser to")
_ROLE_AFTER = re.compile(
    r"['’]?,\s+(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:director|spokesman|"
    r"spokeswoman|analyst|economist|lawyer|official|executive|chairman|chairwoman|"
    r"president|professor|minister|secretary|senator|commissioner|governor|researcher|"
    r"strategist|head|chief|founder|editor|author)\s+(?:of|at|for|with|in)\b")
# a performer is named by what she does, as one word too ("rapper Nelly", "singer Madonna")
# a club by the people it has ("Bolton boss Sam Allardyce", "Pompey fans"), a town's name
# as often as not; one word, not a surname the article gives in full ("Johnny Cash
# manager"), and not "side" or "captain": a person has those too ("Ferguson's side")
_CLUB_AFTER = re.compile(r"(?:['’]s)?\s+(?:boss|manager|striker|midfielder|defender|goalkeeper|"
                         r"keeper|winger|fans|supporters|chairman)\b")
# A town's name the model calls a place is a side (an organisation) where the article gives
# it what only a side has: a result ("a 2-1 win over Espanyol", "the loss to West Ham",
# "Wednesday's clash with Barcelona", "beat Clyde", "Clyde 0-5 Celtic"), a loan ("on loan
# from Charlton"), the people a club has ("Manchester City boss Kevin Keegan"), or, on a
# sports page, a player's move ("joined Sunderland"; elsewhere people move to towns).
# Not a country (its team is the country) nor a ground ("the first leg at Stamford
# Bridge 3-1", "his time at Goodison Park"); and not a tennis player the model took for a
# place: a tennis score is sets ("beat Gisela Dulko 1-6 6-4 6-4").
_CONTEST = r"(?:win|victory|defeat|loss|draw|triumph|thrashing|drubbing|clash|match|game|replay|derby)"
# a result or a loan ("a 2-1 win over", "lost to", "on loan from", "2-1") and what a side
# does to another ("beat", "thrashed"); on a page of team sports a name the model calls a
# person is a side by the first only: a player takes the verbs too ("beat Cech from 20 yards")
_RESULTS = (rf"{_CONTEST}\s+(?:over|against|to|with|by)|drew\s+with|lost\s+to|losing\s+to|"
            r"loan\s+(?:from|to|at|with)|signed\s+for|signing\s+for")
_BEATS = r"beat|beating|thrashed|hammered|knocked\s+out|brushed\s+aside|saw\s+off"


def _just_before(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?:\b(?:{words})|(?<![\d-])\d{{1,2}}-\d{{1,2}})\s+(?:the\s+)?$")


_TEAM_BEFORE = _just_before(f"{_RESULTS}|{_BEATS}")
_CLUB_BEFORE = _just_before(_RESULTS)
_TEAM_AFTER = re.compile(r"\s+\d{1,2}-\d{1,2}(?![\d-])")
_JOINS = r"joined|joining|join|released\s+by"
_MOVE_TO = re.compile(rf"\b(?:{_JOINS}|(?:move|moved|switch|transfer)\s+to)\s+$")
_JOINED = re.compile(rf"\b(?:{_JOINS})\s+$")  # (a club the model calls a person: not "a move to Anfield")
_SETS = re.compile(r"\d{1,2}-\d{1,2},?\s+\(?\d{1,2}-\d")
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_AT_PLACE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?$")
_GROUNDS = frozenset({"park", "road", "lane", "stadium", "ground", "arena", "bridge", "field",
                      "dome", "centre", "court", "oval", "stand", "end"})
# a sports page: two of these ("joined" says a move only there)
_SPORT_WORDS = re.compile(r"\b(?:striker|midfielder|goalkeeper|defender|winger|full-back|"
                          r"centre-back|fly-half|scrum-half|Premiership|hat-trick|half-time|"
                          r"free-kick|kick-off|relegation|Champions League|FA Cup|Uefa Cup)\b")
_PERFORMER_BEFORE = re.compile(r"\b(?:rapper|singer|actor|actress|comedian|songwriter|"
                               r"guitarist|drummer|pianist|DJ)\s+$")
# what says a name is a town: "the city of Hanau", "Jonesboro is a wonderful city",
# "Embu, a market town in ...", "the capital Dushanbe", "east of Tavildara", "Sergiyev
# Posad, 70 km from the capital"
_PLACE_BEFORE = re.compile(r"\b(?:(?:city|town|village|province|county|suburb|district)\s+of|"
                           r"(?<!venture )(?<!working )capital,?)\s+$")
_PLACE_AFTER = re.compile(r"(?:\s+is\s+|,\s+)(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:city|town|"
                          r"village|capital|province|county|suburb)\b")
# where a place is said to lie, which says it is a place: a town unless its name ends in
# (or begins with) what a lake, a river or a base is ("east of Tavildara", "Sergiyev
# Posad, 70 km from")
_NEAR_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
                          r"(?:the\s+)?$")
_NEAR_AFTER = re.compile(r"\s*,?\s+(?:about\s+|some\s+|around\s+)?\d[\d,.]*\s*(?:km|kilometres|"
                         r"kilometers|miles)\s+(?:\(\s*\d[\d,.]*\s*(?:km|kilometres|kilometers|"
                         r"miles)\s*\)\s+)?(?:(?:north|south|east|west)\S*\s+(?:of\s+)?|from\b)")
_NATURAL = frozenset("""lake river sea ocean gulf strait straits mountain mountains mount
peninsula desert island islands bay valley forest hill hills range plain delta basin coast
shoal reef atoll channel pass""".split())  # (a place, not a town: LOC)
_BUILT = frozenset("base airport airfield dam station camp mine bridge".split())  # (FAC)
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{HONORIFICS})\.?\s+$")
_TITLE_BEFORE = re.compile(rf"\b{TITLE_BEFORE}")  # ("President Trump", "Mr Straw")
# a relative clause that only a person takes: "Cragg, who recently defeated ..." (a
# company or a place takes "which")
_WHO_AFTER = re.compile(r"['’]?,\s+who\b")
_PLURAL = re.compile(r"[^s]s$")  # a team, party or studio takes "who" too ("Rovers, who")


def _role_before(source: str, start: int) -> bool:
    """Whether a role stands just before the name at ``start`` ("France captain Fabien
    Pelous", "actress Imelda Staunton", "Prime Minister-designate Noboru Takeshita")."""
    found = _ROLE_WORD.search(source, max(0, start - 28), start)
    if found is None:
        return False
    word = found.group(1).removesuffix("-designate").removesuffix("-elect")
    for form in (word, word.rsplit("-", 1)[-1]):
        if form in _ROLES_LOWER or (form[:1].lower() + form[1:]) in _ROLES:
            return True
    return False


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def consistent(source: str, regions: Sequence[tuple[int, int]],
               mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with one type per name, missed occurrences and countries added."""
    mentions = _role_words(source, regions, mentions)
    # (a language is read where it stands: "German" may be the people a line later)
    names = [m for m in mentions if m.label not in QUANTITY_LABELS and m.label != "LANGUAGE"]
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in names:
        groups[_key(source[m.start:m.end])].append(m)
    occurrences = _occurrences(source, regions, groups)
    labels = {key: group[0].label for key, group in groups.items()}
    teams = _teams(source, regions)
    listed = _listed_people(source, names)
    sporting = len(_SPORT_WORDS.findall(source)) >= 2
    # twice: a full name decided a person in the first round ("France captain Fabien
    # Pelous") makes its surname one in the second
    for _ in range(2):
        full_names = {part for key, label in labels.items()
                      if label == "PERSON" and _full_name(groups[key], source, labels)
                      for part in _surnames(key)}
        for key, group in groups.items():
            # The article's evidence decides a name's type ("the airline Alitalia",
            # "Alitalia's shares"); the model's votes count only where the evidence is
            # even. Its votes are not independent: an unknown name is mistyped the same
            # way at every mention ("Alitalia" a place eight times in one report).
            evidence: dict[str, int] = defaultdict(int)
            votes: dict[str, float] = defaultdict(float)
            titled = any(_TITLE_BEFORE.search(source, max(0, s - 12), s) for s, _ in occurrences[key])
            lone = " " not in key and key not in full_names and not titled
            for m in group:  # (a product named in one word is often its maker: "Maruti")
                weak = (m.label == "PERSON" and lone) or (m.label == "PRODUCT" and " " not in key)
                votes[m.label] += WEAK_PERSON if weak else 1.0
            if not all(m.label == "LAW" for m in group):  # ("Chapter 11 bankruptcy": no firm)
                # a side's name the model read as a place, a body or a person, nothing else:
                # more often a place than a person, or on a page of team sports a person
                # ("Chelsea"; not a first name and surname, "Martin Allen")
                side_like = not votes.keys() - _PLACES - {"ORG", "PERSON"}
                place = side_like and sum(votes[label] for label in _PLACES) > votes["PERSON"]
                written = source[group[0].start:group[0].end].split()
                club = sporting and side_like and not place and votes["PERSON"] > 0 \
                    and not titled and not (len(written) > 1 and written[0] in given_names())
                for label in _evidence(source, key, occurrences[key], full_names, titled, place,
                                       sporting, club):
                    evidence[label] += 1
            if lone and {label for label, n in votes.items() if n} in ({"PERSON"}, {"PRODUCT"}) \
                    and key[:-1] not in full_names:  # ("the D'Elias" after "Albert D'Elia")
                # "the Gunners are", "the Beatles.", "the Lakers," (a product, to the model)
                evidence["ORG"] += _the_group(source, key, occurrences[key])
            if _known_product(source, group):  # "the iPod" its maker, "Windows" a place
                evidence["PRODUCT"] += len(group) + 1
            if key in listed:  # a name in a list of people is a person
                evidence["PERSON"] += listed[key]
            if key in teams:  # a name on a line-up is what the line-up says, all through
                evidence[teams[key]] += len(group)
            candidates = [*votes, *(label for label in evidence if label not in votes)]
            labels[key] = max(candidates, key=lambda label: (  # (ties: the first)
                evidence[label], votes[label], label == group[0].label))
    for key in groups:  # the people of a place the article names ("Kashmiris", "Texans")
        if _people_of(key, labels):
            labels[key] = "NORP"
    out = [m if m.label in QUANTITY_LABELS or m.label == "LANGUAGE"
           else Mention(m.start, m.end, labels[_key(source[m.start:m.end])])
           for m in mentions]
    surnames = {part: "PERSON" for key, label in labels.items()
                if label == "PERSON" and _full_name(groups[key], source, labels)
                for part in _surnames(key)}
    named_in_full = set(surnames)  # every surname of a person named in full ("Ms Hughes")
    surnames = {k: v for k, v in surnames.items() if k not in labels and len(k) >= 3}
    if surnames:  # the surname of a full name found a person only here
        occurrences.update(_occurrences(source, regions, surnames))
    added = _missed(source, out, {k: label for k, label in (labels | surnames).items()
                                  if _repeatable(k)}, occurrences)
    out = out + added
    out += _countries(source, regions, out)
    out = _known_bodies(source, regions, out)
    out = _datelines(source, regions, _titled_surnames(source, out, named_in_full))
    out = _listed_players(source, regions, _surnames_after(source, _first_names(source, out)))
    return sorted(out, key=lambda m: (m.start, m.end))


# a player and country in brackets, as seeding and results lists give them: "14 Francesca
# Schiavone (Italy)", "Alexander Volkov ( Russia ) beat Mikael Tillstrom ( Sweden )"
_PLAYER_COUNTRY = re.compile(r"(?<![\w’'.-])([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,3})"
                             r"[ \t]*\([ \t]*([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})[ \t]*\)")


def _listed_players(source: str, regions: Sequence[tuple[int, int]],
                    mentions: list[Mention]) -> list[Mention]:
    """Where an article lists three or more names with a country in brackets, and most of
    those the model found are people, each is a person: the model misses or mistypes a
    few in every such list ("4 Marat Safin (Russia)" missed, "14 Sebastien Grosjean
    (France)" a company, among 56 people in the BBC's seeding lists). Only names shaped
    like a person's (no body's word: "Real Madrid (Spain)" stays a club); a list of
    clubs stays clubs."""
    spans = [(found.start(1), found.end(1)) for start, end in regions
             for found in _PLAYER_COUNTRY.finditer(source, start, end)
             if country_of(found.group(2)) and _person_shaped(found.group(1))
             and reads_as_full_name(found.group(1))]
    if len(spans) < 3:
        return mentions
    inside = {span: [m for m in mentions if m.start < span[1] and span[0] < m.end]
              for span in spans}
    read = [found for found in inside.values() if found]  # (the model misses some whole)
    people = sum(all(m.label == "PERSON" for m in found) for found in read)
    if people < 2 or people * 2 <= len(read):
        return mentions
    wanted = [span for span, found in inside.items()
              if [(m.start, m.end, m.label) for m in found] != [(*span, "PERSON")]]
    kept = [m for m in mentions
            if not any(m.start < end and start < m.end for start, end in wanted)]
    return kept + [Mention(start, end, "PERSON") for start, end in wanted]


_SURNAME = re.compile(r"[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w’'.-])")


def _surnames_after(source: str, mentions: list[Mention]) -> list[Mention]:
    """A person's one-word span with the surname the model left out ("Edith" Masai):
    a capitalised word right after it that is no common word, day, month, country or
    people, and no other name ("Biden Tuesday signed" keeps "Biden")."""
    taken = Taken(mentions)
    out = []
    for m in mentions:
        match = _SURNAME.match(source, m.end) \
            if m.label == "PERSON" and " " not in source[m.start:m.end] else None
        if match and _may_be_a_name(match.group(1)) and match.group(1) not in _CALENDAR \
                and not taken.overlaps(match.start(1), match.end(1)):
            m = Mention(m.start, match.end(1), m.label)
        out.append(m)
    return out


_CALENDAR = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December""".split())


# what joins the names of a list: "A, B, C and D", "A or B" (and a first name the model
# left out of the next: "Cate Blanchett, Ewan McGregor")
_LIST_JOIN = re.compile(r"(?:,?[ \t]+(?:and|or|&)[ \t]+|,[ \t]+)(?:[A-Z][a-z]+[ \t]+)?")
# a name that qualifies the next, itself or by a role ("Liberal Democrat Paul Tyler",
# "Crystal Palace striker Andy Johnson")
_QUALIFIES = re.compile(r"['’]?s?[ \t]+(?:(?!(?:and|or)\b)[a-z][a-z-]*[ \t]+)?")
_LAST_JOIN = re.compile(r",?[ \t]+(?:and|or|&)\b")
_PARTICLES = frozenset({"de", "da", "van", "von", "der", "di", "dos", "du", "le", "la", "bin", "al"})


def _listed_people(source: str, mentions: Sequence[Mention]) -> dict[str, int]:
    """The names the model did not call people that stand in a list of people: three or
    more names joined by commas and a last "and" or "or" ("Kevin Spacey, Keanu Reeves
    and Richard Gere"; the model had made Keanu Reeves a company), of which every other
    one the model calls a person; or two, "A and B", where both are a first name and a
    surname ("Lionel Richie and Michael Jackson") or the other a surname alone. Only a
    name shaped like a person's (capitalised words, no body's head word, no country),
    and not one that qualifies the name after it ("..., Tony Wright and Liberal Democrat
    Paul Tyler", "Stewart Downing or Crystal Palace striker Andy Johnson"). Each with
    how often."""
    found: dict[str, int] = defaultdict(int)
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    start = 0  # where the run of joined names began, in ``ordered``
    for n in range(1, len(ordered) + 1):
        join = _LIST_JOIN.fullmatch(source, ordered[n - 1].end, ordered[n].start) \
            if n < len(ordered) else None
        if join is None:
            start = n
            continue
        if not _LAST_JOIN.match(join.group()):  # a comma: the list goes on
            continue
        members = range(start, n + 1)  # "and" or "or" joins the last name: the list ends
        start = n + 1
        odd = [k for k in members if ordered[k].label != "PERSON"]
        if len(odd) != 1 or len(members) < 2:
            continue
        k = odd[0]
        text = source[ordered[k].start:ordered[k].end]
        if len(members) == 2:  # two: both must look like people's names
            other = ordered[members[0] + members[1] - k]
            partner = source[other.start:other.end]
            if not first_named(text) or is_common(text.split()[-1]) \
                    or not (first_named(partner) or " " not in partner.strip()):
                continue
        qualifies = k + 1 < len(ordered) and _QUALIFIES.fullmatch(
            source, ordered[k].end, ordered[k + 1].start) is not None
        if not qualifies and _person_shaped(text):
            found[_key(text)] += 1
    return found


def named_by_surname(source: str, mentions: list[Mention]) -> list[Mention]:
    """A full name the model typed otherwise whose last word the article names alone as a
    person ("Marion Jones" an organisation four times, "Jones" a person six): the person.
    The surname must be sure of itself, as a company named for someone is not ("Deutsche
    Boerse", with "Boerse" once a person): a person alone more than once or with a title,
    or the full name opening with a first name. Two or three words shaped like a person's
    name, no place name's first word ("South Yorkshire"), no possessive inside; and not
    where the last word is "the" anything ("the Ospreys"). The layer's last step (after
    the retyper, which may make the surname a person and leave the full name)."""
    alone: dict[str, list[Mention]] = defaultdict(list)
    teams = set()  # a person is never "the Jones": "the Ospreys" is a side
    for m in mentions:
        text = source[m.start:m.end]
        if m.label == "PERSON" and " " not in text:
            alone[text].append(m)
            if _THE_BEFORE.search(source, max(0, m.start - 5), m.start):
                teams.add(text)
    for text in teams:
        del alone[text]
    if not alone:
        return mentions
    sure: dict[str, bool] = {}
    out = []
    for m in mentions:
        if m.label in _NOT_PEOPLE_YET:
            written = source[m.start:m.end]
            words = written.split()
            surname = family_name(written) if 2 <= len(words) <= 3 else ""
            if surname in alone and written not in sure:
                people = alone[surname]
                sure[written] = words[0] not in _PLACE_WORDS and "'" not in written \
                    and "’" not in written and _person_shaped(written) and (
                        len(people) > 1 or words[0] in given_names() or any(
                            _TITLE_BEFORE.search(source, max(0, p.start - 12), p.start)
                            for p in people))
            if sure.get(written):
                m = Mention(m.start, m.end, "PERSON")
        out.append(m)
    return out


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOT_PEOPLE_YET = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})
_BODIES_AND_PLACES = _NOT_PEOPLE_YET - {"NORP"}  # (a people's name is no person's)


def given_named_people(source: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A name the model typed as a body, a place or a product that reads as a person's:
    a common first name and a surname that is no English word ("belonging to Ella
    Fitzgerald", "beloned to Lionel Hampton", "Gregory Lamboley" an organisation five
    times). Not a people's or a party's name (NORP), a work's or an event's.

    A company or a place named for someone is no person, so the name stays as the
    model read it wherever the article treats it as one: a legal form, a business word
    or a head noun next to it ("its Eddie Bauer specialty retailing subsidiary", "wine
    maker Robert Mondavi", "Chase Manhattan bank", "the Beverly Hilton hotel"), a
    preposition of place or "its" before it ("in Monte Carlo", "at Chase Econometrics",
    "its Eddie Bauer"), a title it opens ("Bridget Jones: The Edge of Reason", "Mike
    Leigh's Vera Drake"), a body or a work beside it in a list ("Citibank and Chase
    Manhattan"), a longer name it opens, or the same name typed a work, an event or a
    law elsewhere. Two words only, the second no first name too ("Morgan Stanley")."""
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[" ".join(source[m.start:m.end].split())].append(m)
    opened = {" ".join(name.split()[:2]) for name, group in by_name.items()
              if len(name.split()) > 2 and any(m.label != "PERSON" for m in group)}
    ordered = sorted(mentions, key=lambda m: m.start)
    before = {id(m): ordered[k - 1] for k, m in enumerate(ordered) if k}
    verdicts: dict[str, bool] = {}

    def read_as_other(m: Mention) -> bool:
        previous = before.get(id(m))
        return (_NOT_A_PERSON_AFTER.match(source, m.end) is not None
                or _ORG_AFTER.match(source, m.end) is not None
                or _NOT_A_PERSON_BEFORE.search(source, max(0, m.start - 30), m.start) is not None
                or _ORG_BEFORE.search(source, max(0, m.start - 30), m.start) is not None
                or (previous is not None and previous.label in _LISTED_WITH_WORKS
                    and _LISTED_WITH.fullmatch(source, previous.end, m.start) is not None))

    def person(name: str) -> bool:
        words = name.split()
        return (len(words) == 2 and words[0] in given_names() and words[1] not in given_names()
                and _SURNAME_ALONE.fullmatch(words[1]) is not None and not is_word(words[1])
                and not place_first(name) and _person_shaped(name) and name not in opened
                and all(m.label in _BODIES_AND_PLACES or m.label == "PERSON"
                        for m in by_name[name])
                and not any(read_as_other(m) for m in by_name[name]))

    out = []
    for m in mentions:
        if m.label in _BODIES_AND_PLACES:
            name = " ".join(source[m.start:m.end].split())
            if name not in verdicts:
                verdicts[name] = person(name)
            if verdicts[name]:
                m = Mention(m.start, m.end, "PERSON")
        out.append(m)
    return out


_SURNAME_ALONE = re.compile(r"[A-Z][A-Za-z'’-]*[a-z]")  # "Fitzgerald", "McEnroe", "O'Neill"
# what is said of a place, a work or a company, not of a person, just before its name:
# "in Monte Carlo", "at Chase Econometrics", "its Eddie Bauer", "Mike Leigh's Vera Drake"
_NOT_A_PERSON_BEFORE = re.compile(r"(?:\b(?:in|at|from|near|into|its)|[A-Z][\w-]*['’]s)\s+$")
# and just after it: a head noun it qualifies ("Chase Manhattan bank", "the Beverly Hilton
# hotel", "Vera Drake star Imelda Staunton"), a title's subtitle or a possessive title
# ("Bridget Jones: The Edge of Reason", "Bridget Jones's Diary")
_NOT_A_PERSON_AFTER = re.compile(
    r"(?::\s+[A-Z]|['’]s\s+[A-Z]|\s+(?:" + "|".join(sorted(
        NAME_HEADS | _GROUNDS | {"hotel", "theatre", "theater", "hall", "specialty", "store",
                                 "stores", "brand", "plant", "star", "stars", "cast", "sequel",
                                 "premiere", "director", "producer"})) + r")\b)")
_LISTED_WITH_WORKS = frozenset({"ORG", "WORK_OF_ART", "EVENT"})
_LISTED_WITH = re.compile(r"\s*(?:,|and|&)\s*")


def _person_shaped(text: str) -> bool:
    """Capitalised words (initials and particles allowed), none a body's head word or
    all capitals, not one common word, and no country or people."""
    words = text.split()
    if not 1 <= len(words) <= 4 or country_of(text) or country_of_adjective(text):
        return False
    for word in words:
        if word in _PARTICLES:
            continue
        if not word[0].isupper() or (word.isupper() and len(word.rstrip(".")) > 1) \
                or word.casefold() in NAME_HEADS or word.casefold() in FIRM_HEADS \
                or (is_common(word) and len(words) == 1):
            return False
    return True


def _teams(source: str, regions: Sequence[tuple[int, int]]) -> dict[str, str]:
    """What the line-ups of an article say each name on them is: the side named over a
    line-up ("Everton: Martyn, Hibbert, ...") an organisation (a country's side the
    country), each player a person, and each club in brackets an organisation."""
    found: dict[str, str] = {}
    for start, end in line_up_regions(source, regions):
        piece = source[start:end]
        team = line_up_match(piece)
        if team is None:  # (a line of scorers)
            continue
        for m in line_up_names(piece, team, ()):
            found.setdefault(_key(piece[m.start:m.end]), m.label)
    return found


def _full_name(group: Sequence[Mention], source: str, labels: Mapping[str, str]) -> bool:
    written = source[group[0].start:group[0].end]
    return reads_as_full_name(written) and labels.get(written.split()[0].casefold()) not in _PLACES


# what follows a group's name that stands alone: no noun it qualifies ("the Beatles.",
# "the Gunners are", "the Pumas, who"; not "the Harris poll", "the Williams sisters",
# "the Rogers and Hammerstein classic")
_GROUP_AFTER = re.compile(r"(?:['’]\s|\s*[.,;:!?)\"”]|\s*$|\s+(?:are|were|have|had|will|"
                          r"would|can|could|who|in|at|on|with|to|from|for)\b|\s+[A-Z])")


def _the_group(source: str, key: str, spans: list[tuple[int, int]]) -> int:
    """How often a one-word name in the plural that the model calls a person stands as
    "the" name, alone, as a band, a side or a family does ("the Beatles", "the
    Gunners", "the Ospreys"); a person is never "the Smith". 0 for any other name."""
    if " " in key or not key.endswith("s") or key.endswith("ss"):
        return 0
    return sum(1 for s, e in spans if _the_alone(source, s, e))


def _the_alone(source: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` stands as "the" name with no noun after it that
    it qualifies (see _GROUP_AFTER)."""
    return _THE_BEFORE.search(source, max(0, start - 5), start) is not None \
        and _GROUP_AFTER.match(source, end) is not None


def _known_product(source: str, group: Sequence[Mention]) -> bool:
    """Whether every mention of a name is a product's that no other thing has
    (``bodies.KNOWN_PRODUCTS``), as written, and one stands inside a sentence."""
    return all(source[m.start:m.end] in KNOWN_PRODUCTS for m in group) and any(
        not sentence_start(source, m.start) for m in group)


def _surnames(key: str) -> list[str]:
    """What a full name may be shortened to: its last word, or its last words ("Hicham El
    Guerrouj" -> "el guerrouj", "guerrouj")."""
    words = key.split()
    return [" ".join(words[i:]) for i in range(1, len(words))]


_FIRST_WORD = re.compile(r"([A-Z][a-z]+)\s+(?=[A-Z])")
# The first words of place names ("Northern Ireland", "New Delhi", "South Korea"): the
# rest is another place, which an article may well name alone; no role word ("Comic")
_PLACE_WORDS = frozenset("""New North South East West Northern Southern Eastern Western Central
Upper Lower Great Greater Old Little Mount Lake Port Cape Fort Saint San Santa Los Las""".split())


def _place_name(source: str, m: Mention, rest: int) -> bool:
    """Whether the model's place begins with a word of place names ("Northern Ireland",
    "New Delhi"), not a word said of another name ("New EU members", "New Home Office")."""
    first = source[m.start:rest].strip()
    return m.label in ("GPE", "LOC") and first in _PLACE_WORDS and not source[rest:m.end].isupper()


def _role_words(source: str, regions: Sequence[tuple[int, int]],
                mentions: list[Mention]) -> list[Mention]:
    """A common word that opens a sentence is not part of the name after it when the
    article writes that name without it ("Bookmakers Ladbrokes", "Comic Joe Pasquale";
    "New York" stays whole: the article never writes "York" alone). The first word of a
    place name stays, whatever the article writes: "Northern Ireland" is not "Ireland"."""
    analysed = "\n".join(source[start:end] for start, end in regions)
    counts: dict[str, int] = {}

    def count(text: str) -> int:
        if text not in counts:
            counts[text] = _count(analysed, text)
        return counts[text]

    out = []
    for m in mentions:
        first = _FIRST_WORD.match(source, m.start, m.end)
        if first and m.label not in QUANTITY_LABELS and is_common(first.group(1)) \
                and not _place_name(source, m, first.end()) \
                and sentence_start(source, m.start) and country_of_adjective(first.group(1)) is None:
            rest = source[first.end():m.end]
            whole = count(source[m.start:m.end])
            # ("Foreign Ministry": a lone "Ministry" is no name, however often a longer one
            # holds it, "Ministry of Defense")
            if rest.strip().casefold() not in NAME_HEADS and not spelt_by_acronym(source, m) and (
                    count(rest) > whole or (m.label == "PERSON" and count(rest.split()[-1]) > whole)):
                m = Mention(first.end(), m.end, m.label)
        out.append(m)
    return out


_PEOPLE_SUFFIX = re.compile(r"(?:i|ian|an|n|ese)s?$")


# (a sentence's first word may lead it: "Later Mr Grieve said")
_TITLED = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?\s+"
                     r"([A-Z][\w’'-]*?)(?:['’]s?)?")


def _titled_surnames(source: str, mentions: list[Mention], surnames: set[str]) -> list[Mention]:
    """"Ms Hughes" the model took for an organisation, where the article names
    "Beverley Hughes": the person, without the title ("Dr Pepper" stays: no one in the
    article is called "... Pepper")."""
    out = []
    for m in mentions:
        titled = _TITLED.fullmatch(source, m.start, m.end) if m.label in ("ORG", "PRODUCT") else None
        if titled is not None and titled.group(1).casefold() in surnames:
            m = Mention(titled.start(1), titled.end(1), "PERSON")
        out.append(m)
    return out


def _people_of(key: str, labels: dict[str, str]) -> bool:
    """Whether the one-word name ``key`` is the people of a place the article names:
    "kashmiri(s)" beside "kashmir", "texans" beside "texas" ("kenyan" is in the
    countries table already)."""
    if " " in key or len(key) < 5 or labels.get(key) == "NORP" \
            or (labels.get(key) == "PERSON" and not key.endswith("s")):  # (a plural is no one)
        return False
    for suffix in _PEOPLE_SUFFIX.finditer(key):
        stem = key[:suffix.start()]
        for place in (stem, stem + "a", stem + "s", stem.removesuffix("i")):
            if len(place) >= 4 and labels.get(place) in ("GPE", "LOC"):
                return True
    return False


def spelt_by_acronym(source: str, m: Mention) -> bool:
    """Whether the acronym in brackets after the name starts with its first word's
    initial: "Athletics Kenya (AK)" keeps "Athletics"."""
    short = ACRONYM_AFTER.match(source, m.end)
    return short is not None and short.group(1)[0].upper() == source[m.start].upper()


def _count(source: str, text: str) -> int:
    return len(re.findall(r"(?<![\w’'-])" + r"\s+".join(map(re.escape, text.split())) + r"(?![\w-])",
                          source))


# a wire dateline: the place in capitals that opens a paragraph ("TAUPO, New Zealand,
# March 24 -", "RIO DE JANEIRO 1996-12-06")
# ("IBM, which..." opening a paragraph is no dateline: a dash or a date must follow)
_DATELINE = re.compile(r"[ \t]*([A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+){0,3})"
                       r"(?=,[^\n]{1,40}?\d\s*[-–—]\s|[ \t]+\d{4}-\d\d-\d\d|[ \t]*\([A-Z][\w ]*\)\s*[-–—])")


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_REGION = re.compile(
    rf",[ \t]+(?!{_MONTHS}\b|\d)([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){{0,2}}),[^\n]{{0,20}}?\d")


def dateline_places(source: str, regions: Sequence[tuple[int, int]]) -> list[Mention]:
    """The place of each paragraph that opens with a wire dateline, as a place (GPE), and
    the state or country written after it ("ACTON, Mass., March 6 -")."""
    places = []
    for start, end in regions:
        match = _DATELINE.match(source, start, end)
        if match and not all(is_common(w) for w in match.group(1).split()):
            places.append(Mention(*match.span(1), "GPE"))
            region = _DATELINE_REGION.match(source, match.end(1), end)
            if region:  # the state or country after the city: "HOUSTON, Texas, March 6 -"
                places.append(Mention(*region.span(1), "GPE"))
    return places


def _datelines(source: str, regions: Sequence[tuple[int, int]],
               mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each dateline's place a place (GPE), whatever the model said."""
    places = dateline_places(source, regions)
    if not places:
        return mentions
    taken = Taken(places)
    return [m for m in mentions if not taken.overlaps(m.start, m.end)] + places


_GIVEN_NAME = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)[ \t]+$")


def _may_be_a_name(word: str) -> bool:
    """Whether a capitalised word beside a person's span may be the rest of the name: no
    common word, country or people ("Pranab" Mukherjee, "Edith" Masai)."""
    return not is_common(word) and country_of(word) is None and country_of_adjective(word) is None


def _first_names(source: str, mentions: list[Mention]) -> list[Mention]:
    """A person's span with the given name the model left out ("Pranab Mukherjee"):
    a capitalised word right before it that is no common word, title or country, nor the
    last word of an office ("Chancellor of the Exchequer Nigel Lawson")."""
    taken = Taken(mentions)
    out = []
    for m in mentions:
        match = _GIVEN_NAME.search(source, max(0, m.start - 30), m.start) \
            if m.label == "PERSON" else None
        if match and _may_be_a_name(match.group(1)) and not NAME_TITLES.search(match.group(0)) \
                and not OFFICE_OF.search(source, max(0, match.start(1) - 40), match.start(1)) \
                and not taken.overlaps(match.start(1), match.end(1)):
            m = Mention(match.start(1), m.end, m.label)
        out.append(m)
    return out


def _evidence(source: str, key: str, spans: list[tuple[int, int]], full_names: set[str],
              titled: bool, place: bool, sporting: bool, club: bool) -> list[str]:
    """One label per piece of evidence the article gives about the name ``key``; ``place``
    when the model called it a place (or a body) and nothing else, ``sporting`` on a
    sports page (a side may be named by its town), ``club`` where the model called it a
    person there (a side may be named so too: "Chelsea")."""
    town = (place or club) and key not in full_names and key.rsplit(" ", 1)[-1] not in _GROUNDS
    if spans and all(source[s:e] in KNOWN_ACRONYMS or source[s:e] in KNOWN_NAMES
                     or " ".join(source[s:e].split()) in KNOWN_OUTLETS
                     for s, e in spans):  # as written ("Ira" is no "IRA"): "BT" the model
        return ["ORG"] * (len(spans) + 1)  # took for a place, "Twitter" for a person
    if country_of(key) is not None:  # a country is a place (GPE), unless a person's surname
        return ["PERSON"] if key in full_names else ["GPE"] * len(spans)
    if country_of_adjective(key) is not None:
        return ["NORP"]
    found = []
    if " " in key and key.rsplit(" ", 1)[1] in FIRM_HEADS:  # "Matrix Asset Advisors"
        found.append("ORG")
    for start, end in spans:
        role_after = " " in key and _ROLE_AFTER.match(source, end) is not None
        body = bool(_ORG_BEFORE.search(source, max(0, start - 20), start)
                    or (_ORG_AFTER.match(source, end) and not role_after)  # ("a director of
                    # Salomon Inc subsidiary Salomon Brothers": the subsidiary is not the name's)
                    or (" " not in key and key not in full_names and _CLUB_AFTER.match(source, end)))
        if body or (town and _side(source, start, end, sporting, club)):
            found.append("ORG")
        if _PERFORMER_BEFORE.search(source, max(0, start - 16), start):
            # "rapper Nelly" says what the name is, however often the model says otherwise
            found += ["PERSON"] * max(1, len(spans) // 2)
        elif _TITLE_BEFORE.search(source, max(0, start - 12), start) or (
                " " in key and (_role_before(source, start) or role_after)
                and not NAME_HEADS.intersection(key.split())
                and not _LEGAL_FORM_END.search(key)) \
                or (_WHO_AFTER.match(source, end) and not _PLURAL.search(key) and not body
                    and not _THE_BEFORE.search(source, max(0, start - 5), start)):
            found.append("PERSON")  # ("who" after a body named as one: a band, a club; and
            # after "the": "the Taliban, who")
        if _WORK_BEFORE.search(source, max(0, start - 20), start):
            found.append("WORK_OF_ART")
        if _PLACE_BEFORE.search(source, max(0, start - 24), start) or _PLACE_AFTER.match(source, end):
            found += ["GPE"] * max(1, len(spans) // 2)  # "the city of Jonesboro" says it
        elif _NEAR_BEFORE.search(source, max(0, start - 24), start) or _NEAR_AFTER.match(source, end):
            ends = {key.split()[0], key.split()[-1]}  # "Sarez Lake, 30 km north of Zarafshan"
            found += ["LOC" if _NATURAL.intersection(ends) else "FAC"  # ("Salt Lake City" a
                      if _BUILT.intersection(ends) else "GPE"] * max(1, len(spans) // 2)  # town)
    if key in full_names:
        found.append("PERSON")
    return found


def _side(source: str, start: int, end: int, sporting: bool, club: bool) -> bool:
    """Whether the town's name at ``start:end`` stands for a side here (see _CONTEST);
    with ``club``, a name the model calls a person (see _CLUB_BEFORE)."""
    before = _CLUB_BEFORE if club else _TEAM_BEFORE
    if not (before.search(source, max(0, start - 24), start)
            or (_TEAM_AFTER.match(source, end) and not _AT_PLACE.search(source, max(0, start - 8), start))
            or _CLUB_AFTER.match(source, end)
            or (sporting and (_JOINED if club else _MOVE_TO).search(source, max(0, start - 16), start))):
        return False
    return _SETS.search(source, max(0, start - 16), min(len(source), end + 30)) is None


def _repeatable(key: str) -> bool:
    """A name whose other occurrences can be marked without the model: not a common
    word or a country (those have their own rules), at least three letters."""
    words = key.split()
    return (len(key) >= 3 and not all(is_common(w) for w in words)
            and country_of(key) is None and country_of_adjective(key) is None)


def _occurrences(source: str, regions: Sequence[tuple[int, int]],
                 groups: Mapping[str, object]) -> dict[str, list[tuple[int, int]]]:
    """Where each name stands in the regions, written with a capital, as a whole word."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    finder = NameFinder(k for k in groups if k)
    if not finder:
        return found
    for start, end in regions:
        for span in finder.spans(source, start, end):
            if source[span[0]].isupper() and not is_ticker(source, *span):  # ("CBS <CBS>")
                found[_key(source[span[0]:span[1]])].append(span)
    return found


def _missed(source: str, mentions: list[Mention], labels: dict[str, str],
            occurrences: dict[str, list[tuple[int, int]]]) -> list[Mention]:
    taken = Taken(mentions)
    added = []
    for key, label in labels.items():
        for start, end in occurrences[key]:
            if taken.overlaps(start, end) or joined_to_name(source, start, end):
                continue
            if sentence_start(source, start) and " " not in key and is_common(key):
                continue
            added.append(Mention(start, end, label))
    return added


def _countries(source: str, regions: Sequence[tuple[int, int]],
               mentions: list[Mention]) -> list[Mention]:
    """Countries (GPE) and their adjectives (NORP) standing apart from any other name."""
    taken = Taken(mentions)
    added = []
    for start, end in regions:
        for match in _COUNTRY_WORDS.finditer(source, start, end):
            s, e = match.span()
            word = match.group()
            # (in a headline in capitals "US" may be "us"; "U.S." is the country)
            if taken.overlaps(s, e) or _word_before(source, s) or _inside_name(source, s, e) \
                    or ("." not in word and _in_capitals(source, s, e)):
                continue
            if _MONEY_AFTER.match(source, e):  # "eight billion U.S. Dlrs" is an amount
                continue
            label = "GPE" if country_of(word) else "NORP"
            added.append(Mention(s, e, label))
    return added


_LEGAL_FORM_END = re.compile(r"\s(?:" + legal_forms().lower() + r")\.?$")  # "... Power Corp"
# (no lookbehind: the regex engine then skips ahead by first letter; the character
# before is checked apart)
_KNOWN_BODY = re.compile("(?:" + "|".join(map(re.escape, sorted(
    KNOWN_ACRONYMS | KNOWN_NAMES | KNOWN_OUTLETS | KNOWN_PRODUCTS, key=len, reverse=True)))
                         + r")(?![\w&]|['’]s?[A-Za-z]|-[A-Z])")


def _known_bodies(source: str, regions: Sequence[tuple[int, int]],
                  mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the organisations news names by acronym or one name alone
    (``bodies.KNOWN_ACRONYMS``, ``KNOWN_NAMES``, ``KNOWN_OUTLETS``), and the products
    (``KNOWN_PRODUCTS``, not opening a sentence), where the model missed them ("the THAAD system") or took
    one with the prefix before it ("non-Opec" a nationality); not inside a longer name
    ("FA Cup", "RBS Six Nations") or in a headline in capitals."""
    prefixed = {(m.start, m.end) for m in mentions if _PREFIXED.fullmatch(source, m.start, m.end)}
    taken = Taken([m for m in mentions if (m.start, m.end) not in prefixed])
    dropped: set[tuple[int, int]] = set()
    added = []
    for start, end in regions:
        for match in _KNOWN_BODY.finditer(source, start, end):
            s, e = match.span()
            before = source[s - 1:s]  # inside a word, a ticker ("<SEC>") or "U.N."
            if (before and (before.isalnum() or before in "_.&<")) or taken.overlaps(s, e) \
                    or _in_capitals(source, s, e) or re.match(r"[ \t]+[A-Z0-9]", source[e:e + 2]):
                continue
            product = match.group() in KNOWN_PRODUCTS
            if product and sentence_start(source, s):  # ("Windows were smashed")
                continue
            dropped.update(span for span in prefixed if span[0] < s and span[1] == e)
            added.append(Mention(s, e, "PRODUCT" if product else "ORG"))
    out = [m for m in mentions if (m.start, m.end) not in dropped] + added
    return _known_long_names(source, regions, out)


_KNOWN_LONG = re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(KNOWN_LONG_NAMES, key=len, reverse=True))
    + r")(?![\w-])")


def _known_long_names(source: str, regions: Sequence[tuple[int, int]],
                      mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each name of ``bodies.KNOWN_LONG_NAMES`` one organisation in
    place of the pieces the model cut it into (none running in from before it; a
    "person" running on from inside it is no person)."""
    added: list[Mention] = []
    inside: set[Mention] = set()
    for start, end in regions:
        for match in _KNOWN_LONG.finditer(source, start, end):
            s, e = match.span()
            parts = [m for m in mentions if m.start < e and s < m.end]
            if any(m.start < s or (m.end > e and not (m.label == "PERSON" and m.start > s))
                   for m in parts):
                continue  # (no person begins inside a body's name: "Martin Missiles")
            inside.update(parts)
            added.append(Mention(s, e, "ORG"))
    if not added:
        return mentions
    return [m for m in mentions if m not in inside] + added


_PREFIXED = re.compile(r"(?:non|anti|pro|ex|post|pre)-[A-Z][\w]*")


def _inside_name(source: str, start: int, end: int) -> bool:
    """Capitalised words on both sides, inside a sentence: part of a longer name
    ("One China Policy"), not a country by itself."""
    before = re.search(r"([A-Z][\w’'.-]*)[ \t]+$", source[max(0, start - 30):start])
    after = re.match(r"[ \t]+[A-Z]", source[end:end + 3])
    return bool(before and after and not sentence_start(source, start - len(before.group(0))))


def _in_capitals(source: str, start: int, end: int) -> bool:
    """Whether the word stands in a line of capitals (a headline: "US" may be "us"); the
    line read at most 100 characters either side (a file may be one 10 MB line)."""
    line_start = source.rfind("\n", max(0, start - 100), start) + 1 or max(0, start - 100)
    line_end = source.find("\n", end, end + 100)
    line = source[line_start:line_end if line_end >= 0 else min(len(source), end + 100)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# the names and adjectives as the table writes them (case-sensitive, no lookbehind: the
# regex engine then skips ahead by first letter, 30x faster than one ignoring case)
_COUNTRY_WORDS = re.compile("(?:" + "|".join(
    r"\s+".join(map(re.escape, w.split()))
    for w in sorted(WRITTEN, key=len, reverse=True))
    + r")(?!\w|-[a-z]|\.\w)")


def _word_before(source: str, start: int) -> bool:
    """Whether the match continues a word ("anti-American"; "U.S.-Japanese" is two)."""
    before = source[start - 1:start]
    return bool(before) and (before.isalnum() or before in "_’'." or (
        before == "-" and source[start - 2:start - 1].islower()))


_MONEY_AFTER = re.compile(r"\s+(?:dollars?|dlrs?|cents?)\b", re.IGNORECASE)


def common_words_person(source: str, mention: Mention) -> bool:
    """A "person" whose every word is a common English word, the first no first name
    ("Lose Weight", "Privacy Policy", "Kill Bill", "Comedy Central", "Massive Attack"):
    a heading, a title or a body written in capitals, which the model takes for a name
    by its shape. (Of 88 such spans in 2,225 BBC articles about five were people,
    "Wonder Woman" and "Danger Mouse" among them; of 12 in 5,000 Reuters articles, none;
    "Will Young", "Bill Cash" have a first name.) A person whose last word the article
    also writes alone, as a name, is kept ("Mini Grey ... Grey said"), as is one the
    article calls a performer or gives a title ("the rapper Danger Mouse"). Asked last,
    of the type the other corrections settled on: the retyper makes "the band New Order"
    an organisation."""
    if mention.label != "PERSON":
        return False
    words = source[mention.start:mention.end].split()
    if len(words) < 2 or words[0] in given_names() or not all(
            word.isalpha() and word[0].isupper() and not word.isupper() and is_common(word)
            for word in words):
        return False
    return not (_introduced(source, words) or _named_alone(source, words[-1], mention))


_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|argued|insisted)\b")
_SPOKEN_TO = re.compile(r"\b(?:told|asked|according\s+to)\s+$")
_MINUTE_AFTER = re.compile(r"\s+\d{1,3}(?![\d,.:/-]*\d)")  # "Heikkinen (Foster 27)", "Cole 75"


def lone_common_people(source: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the one-word "people" that are common English words, or
    always written "the" name ("the Moon", "the Thunder"), that the article never gives
    a person's marks: no first name (the model read "Mini", "Seek" of Hide and Seek,
    "Blizzard", "Outlook", "Respond" as people). Kept where the article gives the word
    a full name ending in it, a title, a role or a performer's word before it ("Vice
    President Pence", "rapper Nelly"), has it speak or be spoken to ("Brown said",
    "told Yuan"), lists it beside people ("Subs Not Used: Weaver, Onuoha, Flood") or
    gives it a match's minute ("Heikkinen (Foster 27)"); and a common first name
    ("Will", "Grace"). What is dropped was a wrong type at best: no
    name is shown rather than a person who is not one."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    lone: dict[str, list[int]] = defaultdict(list)
    tails = set()
    for n, m in enumerate(ordered):
        if m.label != "PERSON":
            continue
        words = source[m.start:m.end].split()
        if len(words) > 1:
            if reads_as_full_name(source[m.start:m.end]):
                tails.add(words[-1].strip("'’").casefold())
        elif words and words[0].isalpha() and words[0] not in given_names() \
                and words[0].capitalize() not in given_names():
            lone[words[0].casefold()].append(n)
    dropped: set[int] = set()
    for key, where in lone.items():
        if key in tails or not (is_common(key) or all(  # a common word, or "the Moon."
                _the_alone(source, ordered[n].start, ordered[n].end) for n in where)):
            continue  # (not "the Reagan administration")
        kept = False
        for n in where:
            m = ordered[n]
            if _INTRODUCED.search(source, max(0, m.start - 16), m.start) \
                    or _role_before(source, m.start) \
                    or _SPOKEN_TO.search(source, max(0, m.start - 16), m.start) \
                    or _SPEAKS_AFTER.match(source, m.end) or _MINUTE_AFTER.match(source, m.end) \
                    or _beside_people(source, ordered, n):
                kept = True
                break
        if not kept:
            dropped.update(where)
    return [m for n, m in enumerate(ordered) if n not in dropped]


def _beside_people(source: str, ordered: Sequence[Mention], n: int) -> bool:
    """Whether the mention at ``n`` stands in a list beside a person ("Onuoha, Flood")."""
    for k in (n - 1, n + 1):
        if 0 <= k < len(ordered) and ordered[k].label == "PERSON":
            first, second = sorted((ordered[k], ordered[n]), key=lambda m: m.start)
            if _LIST_JOIN.fullmatch(source, first.end, second.start):
                return True
    return False


# the last word of a product line's name: no person's name ends so ("MacBook Pro", "Mac
# Mini", "Chromecast Ultra"); of a body's, the first four only ("CP Air" is an airline,
# "Canal Plus" a broadcaster)
_PRODUCT_LINE = frozenset({"Pro", "Mini", "Ultra", "Lite", "Plus", "Max", "Air", "XL"})
_PRODUCT_LINE_NOT_BODY = frozenset({"Pro", "Mini", "Ultra", "Lite"})


def product_lines(source: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A name of two or more words ending in a product line's word, which the model took
    for a person, or for a body, a law or an event, is a product: "MacBook Pro" had
    been a person 66 times on one copied page (and "Mac Pro" a law)."""
    out = []
    for m in mentions:
        if m.label in ("PERSON", "ORG", "LAW", "EVENT", "NORP"):
            words = source[m.start:m.end].split()
            lines = _PRODUCT_LINE if m.label == "PERSON" else _PRODUCT_LINE_NOT_BODY
            if len(words) > 1 and (words[-1] in lines or words[-1].capitalize() in lines) \
                    and " and " not in source[m.start:m.end]:  # (or "MacBook pro")
                m = Mention(m.start, m.end, "PRODUCT")
        out.append(m)
    return out


# (an honorific only: "its three pct General Lien Bonds" introduces no one)
_INTRODUCED = re.compile(_PERFORMER_BEFORE.pattern + "|" + _HONORIFIC_BEFORE.pattern,
                         re.IGNORECASE)


def _introduced(source: str, words: list[str]) -> bool:
    """Whether the article introduces the name as a performer's or with a title, at one
    of its mentions ("the rapper Danger Mouse", "Rapper 50 Cent", "Mr Little")."""
    for found in re.finditer(r"\s+".join(map(re.escape, words)), source):
        if _INTRODUCED.search(source, max(0, found.start() - 16), found.start()):
            return True
    return False


def _named_alone(source: str, word: str, mention: Mention) -> bool:
    """Whether ``word`` stands alone in ``source`` as a name: capitalised inside a sentence,
    after a word in lower case or a title ("Grey said", "said Mr Grey")."""
    for found in re.finditer(rf"\b{re.escape(word)}\b", source):
        if mention.start <= found.start() < mention.end or sentence_start(source, found.start()):
            continue
        before = WORD.findall(source, max(0, found.start() - 30), found.start())
        if before and (before[-1][0].islower() or before[-1] in ("Mr", "Mrs", "Ms", "Dr")):
            return True
    return False


# a person's name among figures: a date before it, a score or an age after it
# ("21/06/2014 Tony Carter", "Lewis White 0", "Natalie Appleton,31")
_FIGURES_AROUND = re.compile(r"^((?:\S*\d\S*\s+)*)(.*?)((?:[\s,]+[^\s,]*\d\S*)*)$", re.S)


def people_without_figures(source: str, mentions: Sequence[Mention]) -> list[Mention]:
    """No person's name holds a figure. A "person" with one is a product, a title or a
    code ("Thunderbolt 3", "Destiny 2", "Xbox 2", "Film 2005", "32GB", "P.O. Box 69440":
    of 27 such in 1,400 BBC and Reuters articles, 24), dropped; or a name among figures,
    kept without them where it is a person's by a common first name or by the article's
    other mentions ("21/06/2014 Tony Carter", "Williams 1-6,4-6" beside "Serena
    Williams"); or a stage name, which the article says is a performer's ("Rapper 50
    Cent")."""
    people = {word for m in mentions if m.label == "PERSON"
              and not any(c.isdigit() for c in source[m.start:m.end])
              for word in source[m.start:m.end].split()}
    out = []
    for m in mentions:
        span = source[m.start:m.end]
        if m.label != "PERSON" or not any(c.isdigit() for c in span):
            out.append(m)
            continue
        around = _FIGURES_AROUND.match(span)
        name = around.group(2) if around else ""
        words = name.split()
        if words and not any(c.isdigit() for c in name) and (
                (len(words) >= 2 and words[0] in given_names())
                or (len(words) == 1 and words[0] in people and _named_elsewhere(source, m, name))):
            start = m.start + around.start(2)  # type: ignore[union-attr]
            out.append(Mention(start, start + len(name), "PERSON"))
        elif _introduced(source, span.split()):  # a figure in a stage name: "Rapper 50 Cent"
            out.append(m)
    return out


def one_person_a_name(source: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Two people are never written side by side with only a space between: a person
    the model (or a correction) cut in two is one ("Susilo Bambang" and "Yudhoyono",
    "Silvia" and "Farina Elia", a headline's "Johnny" and "Depp"): one of the two a
    single word. Not two full names (a page's tags, "Denny Hamlin Michael Jordan"), nor
    where the second opens with a title ("Former Beatle Sir Paul McCartney")."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        last = out[-1] if out else None
        if last is not None and last.label == m.label == "PERSON" \
                and source[last.end:m.start] in (" ", "\t") \
                and min(len(source[last.start:last.end].split()),
                        len(source[m.start:m.end].split())) == 1 \
                and not _TITLE_OPENS.match(source, m.start):
            out[-1] = Mention(last.start, m.end, "PERSON")
            continue
        out.append(m)
    return out


_TITLE_OPENS = re.compile(rf"(?:{TITLES})\b")


def _named_elsewhere(source: str, mention: Mention, name: str) -> bool:
    return any(not (mention.start <= found.start() < mention.end)
               for found in re.finditer(rf"\b{re.escape(name)}\b", source))
