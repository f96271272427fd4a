"""Countries and their adjectives, for the entity layer.

Used to read "China's Foreign Ministry" as a place and an organisation, and to
give a government body a canonical name that carries its country, so "China's
Foreign Ministry", "Chinese Foreign Ministry" and, within that article, "the
Foreign Ministry" are one entity.
"""

from __future__ import annotations

# name | adjective(s), comma separated | other names, comma separated
_TABLE = """
Afghanistan|Afghan|
Albania|Albanian|
Algeria|Algerian|
Argentina|Argentine,Argentinian|
Armenia|Armenian|
Australia|Australian|
Austria|Austrian|
Azerbaijan|Azerbaijani|
Bahrain|Bahraini|
Bangladesh|Bangladeshi|
Belarus|Belarusian|
Belgium|Belgian|
Bolivia|Bolivian|
Bosnia|Bosnian|
Brazil|Brazilian|
Bulgaria|Bulgarian|
Cambodia|Cambodian|
Canada|Canadian|
Chile|Chilean|
China|Chinese|PRC,People's Republic of China,mainland China,Beijing
Colombia|Colombian|
Croatia|Croatian|
Cuba|Cuban|
Cyprus|Cypriot|
Czech Republic|Czech|Czechia
Denmark|Danish|
Ecuador|Ecuadorian|
Egypt|Egyptian|
Estonia|Estonian|
Ethiopia|Ethiopian|
Finland|Finnish|
France|French|
Georgia|Georgian|
Germany|German|
Ghana|Ghanaian|
Greece|Greek|
Hong Kong|Hong Kong|
Hungary|Hungarian|
Iceland|Icelandic|
India|Indian|
Indonesia|Indonesian|
Iran|Iranian|
Iraq|Iraqi|
Ireland|Irish|
Israel|Israeli|
Italy|Italian|
Japan|Japanese|Tokyo
Jordan|Jordanian|
Kazakhstan|Kazakh|
Kenya|Kenyan|
Kuwait|Kuwaiti|
Latvia|Latvian|
Lebanon|Lebanese|
Libya|Libyan|
Lithuania|Lithuanian|
Malaysia|Malaysian|
Mexico|Mexican|
Mongolia|Mongolian|
Morocco|Moroccan|
Myanmar|Burmese,Myanmar|Burma
Nepal|Nepali,Nepalese|
Netherlands|Dutch|Holland
New Zealand|New Zealand|
Nigeria|Nigerian|
North Korea|North Korean|Pyongyang,DPRK
Norway|Norwegian|
Pakistan|Pakistani|
Palestine|Palestinian|
Panama|Panamanian|
Peru|Peruvian|
Philippines|Philippine,Filipino|Manila
Poland|Polish|
Portugal|Portuguese|
Qatar|Qatari|
Romania|Romanian|
Russia|Russian|Russian Federation,Moscow
Saudi Arabia|Saudi|
Serbia|Serbian|
Singapore|Singaporean|
Slovakia|Slovak|
Slovenia|Slovenian|
South Africa|South African|
South Korea|South Korean,Korean|Korea,Seoul
Spain|Spanish|
Sri Lanka|Sri Lankan|
Sudan|Sudanese|
Sweden|Swedish|
Switzerland|Swiss|
Syria|Syrian|
Taiwan|Taiwanese|ROC,Republic of China,Taipei
Thailand|Thai|
Turkey|Turkish|Turkiye
Ukraine|Ukrainian|Kyiv,Kiev
United Arab Emirates|Emirati|UAE
United Kingdom|British|UK,U.K.,Britain,Great Britain,London
United States|American,U.S.,US|U.S.,US,USA,America,Washington
Venezuela|Venezuelan|
Vietnam|Vietnamese|
Yemen|Yemeni|
Zimbabwe|Zimbabwean|
"""


def _load() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}  # any name or capital, case folded -> country
    adjectives: dict[str, str] = {}  # adjective, case folded -> country
    for line in _TABLE.strip().splitlines():
        name, adjective, others = line.split("|")
        for variant in [name, *filter(None, others.split(","))]:
            names[variant.casefold()] = name
        for variant in filter(None, adjective.split(",")):
            adjectives[variant.casefold()] = name
    return names, adjectives


COUNTRY_NAMES, COUNTRY_ADJECTIVES = _load()
# every name, other name and adjective as written with its capitals ("U.S.", "New Zealand")
WRITTEN = frozenset(w for line in _TABLE.strip().splitlines() for part in line.split("|")
                    for w in part.split(",") if w[:1].isupper())


def country_of(name: str) -> str | None:
    """The country a place name or its capital stands for ("Beijing" -> "China")."""
    return COUNTRY_NAMES.get(name.strip().casefold())


def country_of_adjective(word: str) -> str | None:
    return COUNTRY_ADJECTIVES.get(word.strip().casefold())
