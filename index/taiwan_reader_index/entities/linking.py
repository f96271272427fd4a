"""Link name variants to one canonical entity.

* Leading "the" and possessive "'s" are trimmed, quotes unified.
* A built-in alias table merges country and organisation variants
  ("US", "U.S.", "United States", "America" -> United States).
* Within an article, a person's later short mention ("Tsai", "President
  Tsai") links to the full name mentioned in the same article ("Tsai
  Ing-wen"), by matching a name token after titles are dropped.
* A user alias file (TOML) can merge more variants or keep names apart:

      [merge]
      "Tsai Ing-wen" = ["President Tsai", "Tsai"]
      [split]
      names = ["Georgia"]
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..articles.prose import LEADING_THE, fold_quotes
from ..config import read_toml
from .casing import word_list
from .companies import LEGAL_FORMS, legal_forms
from .countries import country_of, country_of_adjective
from .mention import ACRONYM_AFTER, NATIVE_AFTER, OWN_PARTS, Entity, Mention

BUILTIN_ALIASES = {
    "United States": ["US", "U.S.", "U.S", "USA", "U.S.A.", "United States", "America",
                      "United States of America", "the States"],
    "China": ["China", "PRC", "People's Republic of China", "mainland China", "the mainland"],
    "Taiwan": ["Taiwan", "ROC", "Republic of China", "Republic of China (Taiwan)"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "United Nations": ["UN", "U.N.", "United Nations"],
    "European Union": ["EU", "E.U.", "European Union"],
    "Japan": ["Japan"],
    "Russia": ["Russia", "Russian Federation"],
    "NATO": ["NATO", "North Atlantic Treaty Organization"],
    "Chinese Communist Party": ["CCP", "Chinese Communist Party", "Communist Party of China", "CPC"],
    "People's Liberation Army": ["PLA", "People's Liberation Army",
                                 "Chinese People's Liberation Army"],
    "Department of Defense": ["DoD", "DOD", "Department of Defense", "U.S. Department of Defense",
                              "US Department of Defense", "Defense Department"],
    "National Guard": ["National Guard", "U.S. National Guard", "US National Guard"],
    "White House": ["White House"],
    "Ministry of National Defense (Taiwan)": ["Ministry of National Defense", "MND",
                                              "Taiwan's Ministry of National Defense"],
    "Legislative Yuan": ["Legislative Yuan"],
}
# The abbreviations news style (AP) gives the US states in datelines and after a city
# ("SAN MATEO, Calif.", "Newark, N.J."): a place named so is that state.
US_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas",
    "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
    "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada",
    "N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York",
    "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina",
    "S.D": "South Dakota", "Tenn": "Tennessee", "Tex": "Texas", "Va": "Virginia",
    "Vt": "Vermont", "Wash": "Washington State", "W.Va": "West Virginia", "Wis": "Wisconsin",
    "Wisc": "Wisconsin", "Wyo": "Wyoming",
}
_TITLES = re.compile(
    r"^(?:(?:U\.S\.|US|Taiwanese|Taiwan|Chinese|Japanese)\s+)?(?:(?:President|Vice President|"
    r"Sen\.|Senator|Rep\.|Representative|Gen\.|General|Col\.|Lt\.|Lieutenant|Maj\.|Adm\.|"
    r"Admiral|Minister|Deputy Minister|Defense Minister|Foreign Minister|Secretary|"
    r"Secretary of State|Prime Minister|Premier|Chancellor|Spokesman|Spokeswoman|"
    r"Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|Lord|Lady|Sir|Dame|Governor|Mayor|Ambassador)\s+)+")


def key_of(text: str) -> str:
    """The lookup form of a name: trimmed, quotes unified, case folded."""
    return clean(text).casefold()


@lru_cache(maxsize=65536)  # linking a Reuters build cleans 2 million names, most of them repeats
def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", fold_quotes(text)).strip(" \"'.,;:()[]")
    text = LEADING_THE.sub("", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip(" \"'.,;:")


COUNTRY_KEYS = {key_of(v): k for k, vs in BUILTIN_ALIASES.items() for v in vs}


LINKING_VERSION = 11  # bump when linking changes: indexes re-link (no re-analysis)


@dataclass(frozen=True)
class Aliases:
    merge: dict[str, str] = field(default_factory=dict)  # key -> canonical
    split: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        """Changes when the links would: another alias file, or another way of linking."""
        content = repr((LINKING_VERSION, sorted(self.merge.items()), sorted(self.split)))
        return hashlib.blake2b(content.encode(), digest_size=8).hexdigest()

    def canonical(self, text: str) -> str | None:
        key = key_of(text)
        if key in self.split:
            return None
        return self.merge.get(key) or COUNTRY_KEYS.get(key)


def load_aliases(path: Path | None) -> Aliases:
    """The user's alias file; whatever is wrong in it is a message in ``problems``
    (naming the file and the entry), and the rest still applies."""
    if path is None or not path.exists():
        return Aliases()
    data, problem = read_toml(path)
    if data is None:
        return Aliases(problems=(problem or f"{path}: ignored",))
    merged: dict[str, str] = {}
    problems: list[str] = []
    merge = data.get("merge", {})
    if not isinstance(merge, dict):
        problems.append(f"{path}: [merge] must be a table of name = [variants]; ignored")
        merge = {}
    for canonical, variants in merge.items():
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            problems.append(f"{path}: [merge] {canonical!r} must list names; ignored")
            continue
        for variant in [canonical, *variants]:
            merged[key_of(variant)] = canonical
    split = data.get("split", {})
    names = split.get("names", []) if isinstance(split, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        problems.append(f"{path}: [split] must hold names = [list of names]; ignored")
        names = []
    unknown = sorted(set(data) - {"merge", "split"})
    if unknown:
        problems.append(f"{path}: unknown table(s) {', '.join(map(repr, unknown))}; "
                        "only [merge] and [split] are read")
    return Aliases(merged, frozenset(key_of(n) for n in names), tuple(problems))


def _person_core(text: str) -> str:
    return _TITLES.sub("", clean(text)).strip()


_GIVEN_NAMES = Path(__file__).with_name("given_names.txt")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common first names ("Mike", "Serena"): the US census's (benchmarks/make_given_names.py);
    without the file, only surnames link."""
    return word_list(_GIVEN_NAMES)


def _given_name(full_name: str) -> str | None:
    """The first word of a person's name of two or three words, where it is a common
    first name: the person alone in sports and arts pages ("Mike" for "Mike Ruddock")."""
    words = _name_words(full_name)
    if words is None or not 2 <= len(words) <= 3 or words[0] not in given_names():
        return None
    return words[0]


def _name_words(full_name: str) -> list[str] | None:
    """The words of a person's name where the model's span ran on ("Clive Griffiths - Wales",
    "Manaspas Xuto of Thailand"), none for a company's name with its legal form."""
    words = re.split(r" - | of ", full_name)[0].split()
    return None if any(word.rstrip(".,") in LEGAL_FORMS for word in words) else words


_SUFFIXES = frozenset({"Jr", "Sr", "Snr", "Jnr"})  # "John Mills Jr": "Mills" (II, III: no small letter)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*[a-z][\w'’-]*")  # has a small letter: "Ng", not "CIR"


_STATES = frozenset(US_STATES.values())


def place_first(written: str) -> bool:
    """Whether a name begins with a country or a US state that is no first name too
    ("Indiana Statehouse", "US Open"; not "Virginia Giuffre", "Jordan Henderson"): its
    last word is no surname."""
    words = written.split()
    return bool(words) and words[0] not in given_names() and (
        words[0] in _STATES or country_of(words[0]) is not None)


def _surname(full_name: str) -> str | None:
    """The word of a person's full name that stands for the person alone: its last
    ("Duckworth", "German" in "AGA's German said"), where the name is one ("Clive Griffiths
    - Wales": "Griffiths"; "Mario Ancic 6": "Ancic"). Not another word of it (but a common
    first name, :func:`_given_name`): the model's persons include firms and products
    ("Yahoo Messenger", "Singapore Airlines", "Pernod Ricard"), whose first word is mostly a
    company or a place in its own right; nor a name in capitals (a headline's "TONNES
    CANADIAN"), nor a company's with its legal form ("H.C.F. Porsche AG"), nor one that
    begins with a place ("Virginia Democrats": :func:`place_first`). A span the
    model ran on is cut where the name ends: "Manaspas Xuto of Thailand" is "Xuto"."""
    words = _name_words(full_name)
    if words is None or place_first(full_name):
        return None
    while words and (not _NAME_WORD.fullmatch(words[-1]) or words[-1].rstrip(".") in _SUFFIXES):
        words.pop()
    return words[-1] if len(words) >= 2 else None


def link(source: str, mentions: list[Mention], aliases: Aliases | None = None,
         part_at: Callable[[int, int], str | None] | None = None) -> list[Entity]:
    """Entities with canonical names for the mentions of one article; ``part_at`` says
    which part of the article each is in (mentions in no part are left out)."""
    aliases = aliases or Aliases()
    full_names: Counter[str] = Counter()
    for m in mentions:
        if m.label == "PERSON" and (part_at is None or part_at(m.start, m.end) in OWN_PARTS):
            core = _person_core(source[m.start : m.end])  # (a name in a menu or a related
            if len(core.split()) >= 2 and aliases.canonical(core) is None:  # headline is
                full_names[core] += 1  # another story's: it decides nothing here)
    surnames = {surname.casefold(): name for name in full_names
                if (surname := _surname(name)) is not None}
    for name in full_names:  # "Mike" for "Mike Ruddock" (no country: "Jordan Henderson")
        given = _given_name(name)
        if given is not None and country_of(given) is None:
            surnames.setdefault(given.casefold(), name)
    owners = {m: _possessor_country(source, m) for m in mentions if m.label == "ORG"}
    pairs = {m: _country_and_body(source, m, owner) for m, owner in owners.items()}
    bodies: dict[str, set[str]] = {}  # government body (folded) -> the countries it is tied to
    for pair in filter(None, pairs.values()):
        bodies.setdefault(pair[1].casefold(), set()).add(pair[0])
    entities = []
    for m in mentions:
        text = source[m.start : m.end]
        label = m.label
        if label in ("ORG", "GPE", "NORP", "MISC") and clean(text).casefold() in surnames \
                and aliases.canonical(text) is None:
            label = "PERSON"  # "Duckworth" tagged ORG where "Tammy Duckworth" is in the text
        part = part_at(m.start, m.end) if part_at is not None else "body"
        if part is None:
            continue
        canonical = (_body_canonical(source, m, aliases, bodies, owners[m], pairs[m])
                     if label == "ORG" else None)
        entities.append(Entity(m.start, m.end, text, label,
                               canonical or _canonical(text, label, full_names, aliases), part))
    return _one_spelling(_defined_acronyms(source, entities, aliases))


def _defined_acronyms(source: str, entities: list[Entity], aliases: Aliases) -> list[Entity]:
    """An acronym the article defines in brackets after a name ("the American Institute
    in Taiwan (AIT)") is that name wherever the article uses it: one entity in facets;
    so is the name in its own script ("Chiu Kuo-cheng (邱國正)").
    The user's alias file still decides for the names it lists."""
    at = {(e.start, e.end): e for e in entities}
    same: dict[str, str] = {}
    for e in entities:
        native = NATIVE_AFTER.match(source, e.end)  # and its name in its own script, "(邱國正)"
        written = at.get(native.span(1)) if native else None
        if written is not None and written.label == e.label \
                and key_of(written.text) not in aliases.merge and key_of(written.text) not in aliases.split:
            same[written.canonical] = e.canonical
            continue
        bracket = ACRONYM_AFTER.match(source, e.end)
        acronym = at.get(bracket.span(1)) if bracket else None
        if acronym is None or acronym.label != e.label or " " not in e.text.strip() \
                or key_of(acronym.text) in aliases.merge or key_of(acronym.text) in aliases.split:
            continue
        initials = "".join(w[0] for w in re.split(r"[\s-]+", e.text) if w[:1].isupper())
        if initials == "".join(c for c in acronym.text if c.isupper()):
            same[acronym.canonical] = e.canonical
    if not same:
        return entities
    return [replace(e, canonical=same[e.canonical]) if e.canonical in same else e
            for e in entities]


def _one_spelling(entities: list[Entity]) -> list[Entity]:
    """A name a headline or dateline gives in capitals ("MONTEDISON") is the one the
    article writes in mixed case ("Montedison"), when it writes it so."""
    written = {e.canonical.casefold(): e.canonical for e in entities
               if not e.canonical.isupper() and e.kind}
    out = []
    for e in entities:
        if e.canonical.isupper() and e.canonical.casefold() in written:
            e = replace(e, canonical=written[e.canonical.casefold()])
        out.append(e)
    return out


_GOVERNMENT = frozenset(
    "foreign defense defence ministry ministries office department of national army navy air "
    "force forces coast guard embassy government cabinet parliament military presidential "
    "central bank supreme court affairs interior commerce trade finance economy economic justice "
    "security council state education health home culture industry energy environment "
    "agriculture transport transportation communications and the for external public welfare "
    "labour labor marine corps armed intelligence service police customs treasury legislature "
    "senate congress mission consulate".split())
_POSSESSOR = re.compile(r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+$")


_BODY_HEADS = frozenset(
    "ministry department office embassy government cabinet parliament military army navy force "
    "guard bank court council corps forces police service consulate legislature mission "
    "treasury".split())


def _government_body(text: str) -> bool:
    words = clean(text).split()
    return bool(words) and all(w.casefold() in _GOVERNMENT for w in words) and any(
        w.casefold() in _BODY_HEADS for w in words)


def _possessor_country(source: str, m: Mention) -> str | None:
    """The country named in the possessive right before a mention ("China's ...")."""
    before = _POSSESSOR.search(source, max(0, m.start - 40), m.start)
    return country_of(before.group(1)) if before else None


def _country_and_body(source: str, m: Mention, owner: str | None) -> tuple[str, str] | None:
    """("China", "Foreign Ministry") for "China's Foreign Ministry" (``owner``: the
    possessive country) or "Chinese Foreign Ministry"; None when the organisation is not
    a country's government body, or one named for the country it deals with ("Taiwan
    Affairs Office", China's: it keeps its name as written)."""
    text = clean(source[m.start:m.end])
    if owner and _government_body(text):
        return owner, text
    first, _, rest = text.partition(" ")
    country = country_of_adjective(first) or country_of(first)
    if country and rest and _government_body(rest):
        if rest.split()[0].casefold() == "affairs":  # "Taiwan Affairs Office": the country
            return None  # is what the body deals with, and the name is whole
        return country, rest
    return None


def _body_canonical(source: str, m: Mention, aliases: Aliases, bodies: dict[str, set[str]],
                    owner: str | None, pair: tuple[str, str] | None) -> str | None:
    """A government body's name with its country: "Foreign Ministry (China)". A bare
    "Foreign Ministry" takes the one country the article ties it to."""
    text = source[m.start:m.end]
    if key_of(text) in aliases.merge or key_of(text) in aliases.split:
        return None  # the user's alias file decides
    if aliases.canonical(text) and not owner:
        return None  # a built-in name ("U.S. Department of Defense")
    if pair:
        return _with_country(pair[1], pair[0], aliases)
    countries = bodies.get(clean(text).casefold(), set())
    if len(countries) == 1 and _government_body(text):
        return _with_country(clean(text), next(iter(countries)), aliases)
    return None


def _with_country(body: str, country: str, aliases: Aliases) -> str:
    known = aliases.canonical(body)
    if known and known.endswith(f"({country})"):
        return known
    return f"{body} ({country})"


def _official(text: str) -> str:
    """The name as written, cleaned, keeping a capital "The" that the recogniser kept as
    part of it ("The Atlantic", "The Hague"); a lower-case "the" is never part of a name."""
    cleaned = clean(text)
    stripped = fold_quotes(text).strip(" \"'.,;:()[]")
    if stripped.startswith("The ") and stripped[4:].startswith(cleaned):
        return f"The {cleaned}"
    return cleaned


_LEGAL_FORM = re.compile(rf"(?:\s+(?:and|&))?(?:,?\s+(?:{legal_forms()})\.?)+$")  # "W.R. Grace and Co"


def _canonical(text: str, label: str, full_names: Counter[str], aliases: Aliases) -> str:
    if key_of(text) in aliases.split:
        return clean(text)
    found = aliases.canonical(text)
    if found:
        return found
    if label == "ORG":  # "Brunswick Corp" and "Brunswick" are one company
        official = _official(text)
        if re.search(r"\w's$", fold_quotes(text).rstrip(" .,;:")):
            official += "'s"  # a name that is a possessive ("Moody's": refine kept it)
        short = _LEGAL_FORM.sub("", official)
        return short if len(short) >= 2 else official
    if label == "GPE" and (state := US_STATES.get(clean(text))):  # written as abbreviated
        return state
    if label != "PERSON":
        return _official(text)
    core = _person_core(text)
    found = aliases.canonical(core)
    if found:
        return found
    if len(core.split()) == 1:
        token = core.casefold()
        matches = [name for name in full_names
                   if token in (part.casefold() for part in re.split(r"[\s]+", name))]
        if matches:
            return max(matches, key=lambda name: (full_names[name], -len(name)))
    return core or clean(text)
