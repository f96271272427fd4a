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
Andorra|Andorran|
Angola|Angolan|
Antigua and Barbuda|Antiguan|Antigua
Argentina|Argentine,Argentinian|
Armenia|Armenian|
Australia|Australian|
Austria|Austrian|
Azerbaijan|Azerbaijani|
Bahamas|Bahamian|
Bahrain|Bahraini|
Bangladesh|Bangladeshi|
Barbados|Barbadian|
Belarus|Belarusian|
Belgium|Belgian|
Belize|Belizean|
Benin|Beninese|
Bhutan|Bhutanese|
Bolivia|Bolivian|
Bosnia|Bosnian|
Botswana|Botswanan|
Brazil|Brazilian|
Brunei|Bruneian|
Bulgaria|Bulgarian|
Burkina Faso|Burkinabe|
Burundi|Burundian|
Cambodia|Cambodian|
Cameroon|Cameroonian|
Canada|Canadian|
Cape Verde|Cape Verdean|
Central African Republic|Central African|
Chile|Chilean|
China|Chinese|PRC,People's Republic of China,mainland China,Beijing
Colombia|Colombian|
Comoros|Comorian|
Congo|Congolese|Zaire
Costa Rica|Costa Rican|
Croatia|Croatian|
Cuba|Cuban|
Cyprus|Cypriot|
Czech Republic|Czech|Czechia
Czechoslovakia|Czechoslovak|
Denmark|Danish|
Djibouti|Djiboutian|
Dominican Republic|Dominican|
Dominica||
East Germany|East German|
Ecuador|Ecuadorian|
Egypt|Egyptian|
El Salvador|Salvadoran|
England||
Equatorial Guinea|Equatoguinean|
Eritrea|Eritrean|
Estonia|Estonian|
Eswatini|Swazi|Swaziland
Ethiopia|Ethiopian|
Faroe Islands|Faroese|Faroes
Fiji|Fijian|
Finland|Finnish|
France|French|
Gabon|Gabonese|
Gambia|Gambian|The Gambia
Georgia|Georgian|
Germany|German|
Ghana|Ghanaian|
Greece|Greek|
Grenada|Grenadian|
Guatemala|Guatemalan|
Guinea-Bissau|Bissau-Guinean|
Guinea|Guinean|
Guyana|Guyanese|
Haiti|Haitian|
Honduras|Honduran|
Hong Kong|Hong Kong|
Hungary|Hungarian|
Iceland|Icelandic|
India|Indian|
Indonesia|Indonesian|
Iran|Iranian|
Iraq|Iraqi|
Ireland|Irish|Republic of Ireland,Irish Republic,Eire
Israel|Israeli|
Italy|Italian|
Ivory Coast|Ivorian|
Jamaica|Jamaican|
Japan|Japanese|Tokyo
Jordan|Jordanian|
Kazakhstan|Kazakh|
Kenya|Kenyan|
Kiribati||
Kosovo|Kosovar,Kosovan|
Kuwait|Kuwaiti|
Kyrgyzstan|Kyrgyz|
Laos|Laotian|
Latvia|Latvian|
Lebanon|Lebanese|
Lesotho|Basotho|
Liberia|Liberian|
Libya|Libyan|
Liechtenstein||
Lithuania|Lithuanian|
Luxembourg||
Madagascar|Malagasy|
Malawi|Malawian|
Malaysia|Malaysian|
Maldives|Maldivian|
Mali|Malian|
Malta|Maltese|
Marshall Islands|Marshallese|
Mauritania|Mauritanian|
Mauritius|Mauritian|
Mexico|Mexican|
Micronesia|Micronesian|
Moldova|Moldovan|
Monaco|Monegasque|
Mongolia|Mongolian|
Montenegro|Montenegrin|
Morocco|Moroccan|
Mozambique|Mozambican|
Myanmar|Burmese,Myanmar|Burma
Namibia|Namibian|
Nauru|Nauruan|
Nepal|Nepali,Nepalese|
Netherlands|Dutch|Holland
New Zealand|New Zealand|
Nicaragua|Nicaraguan|
Nigeria|Nigerian|
Niger|Nigerien|
North Korea|North Korean|Pyongyang,DPRK
North Macedonia|Macedonian|Macedonia
Northern Ireland||
Norway|Norwegian|
Oman|Omani|
Pakistan|Pakistani|
Palau|Palauan|
Palestine|Palestinian|
Panama|Panamanian|
Papua New Guinea|Papua New Guinean|
Paraguay|Paraguayan|
Peru|Peruvian|
Philippines|Philippine,Filipino|Manila
Poland|Polish|
Portugal|Portuguese|
Puerto Rico|Puerto Rican|
Qatar|Qatari|
Romania|Romanian|
Russia|Russian|Russian Federation,Moscow
Rwanda|Rwandan|
Saint Lucia|Saint Lucian|St Lucia
Samoa|Samoan|
San Marino|Sammarinese|
Saudi Arabia|Saudi|
Scotland|Scottish,Scot,Scots|
Senegal|Senegalese|
Serbia|Serbian|
Seychelles|Seychellois|
Sierra Leone|Sierra Leonean|
Singapore|Singaporean|
Slovakia|Slovak|
Slovenia|Slovenian|
Solomon Islands|Solomon Islander|
Somalia|Somali|
South Africa|South African|
South Korea|South Korean,Korean|Korea,Seoul
South Sudan|South Sudanese|
Soviet Union|Soviet|USSR
Spain|Spanish|
Sri Lanka|Sri Lankan|
Sudan|Sudanese|
Suriname|Surinamese|
Sweden|Swedish|
Switzerland|Swiss|
Syria|Syrian|
Taiwan|Taiwanese|ROC,Republic of China,Taipei
Tajikistan|Tajik|
Tanzania|Tanzanian|
Thailand|Thai|
Togo|Togolese|
Tonga|Tongan|
Trinidad and Tobago|Trinidadian|
Tunisia|Tunisian|
Turkey|Turkish|Turkiye
Turkmenistan|Turkmen|
Tuvalu|Tuvaluan|
Uganda|Ugandan|
Ukraine|Ukrainian|Kyiv,Kiev
United Arab Emirates|Emirati|UAE
United Kingdom|British,Briton,Britons|UK,U.K.,Britain,Great Britain,London
United States|American,U.S.,US|U.S.,US,USA,America,Washington
Uruguay|Uruguayan|
Uzbekistan|Uzbek|
Vanuatu|Ni-Vanuatu|
Vatican|Vatican|Holy See
Venezuela|Venezuelan|
Vietnam|Vietnamese|
Wales|Welsh|
West Germany|West German|
Yemen|Yemeni|
Yugoslavia|Yugoslav|
Zambia|Zambian|
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
