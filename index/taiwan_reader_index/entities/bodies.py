"""Organisations news names by their acronyms alone, which the small model often misses
("the IAAF will decide", "a WTA singles title", "screened on BSkyB", "non-Opec supply").

Only acronyms that stand for one organisation in news (the international, sporting and
public bodies, broadcasters and companies a report names without spelling them out);
none that is also an English word or a common noun's abbreviation ("WHO", "IT", "TV",
"PC", "CEO", "MP" are left to the model). Case matters: "Opec" and "Nato" are how
BBC style writes some of them.
"""

from __future__ import annotations

KNOWN_ACRONYMS = frozenset("""
UN EU NATO Nato OPEC Opec WTO IMF OECD IAEA UNESCO Unesco UNICEF Unicef UNHCR ASEAN Asean
APEC Apec ICANN Icann ICRC Interpol Europol
IOC FIFA Fifa UEFA Uefa IAAF WADA Wada ATP WTA ITF IRB RFU WRU SRU IRFU ECB ICC LTA PGA
NBA NFL NHL MLB NCAA BOA SFA FIA
FBI CIA NSA NASA Nasa FDA SEC FCC FTC EPA USDA IRS DEA NHS MoD DTI DfES Defra Ofcom Ofwat
Ofgem Ofsted Ofgas Oftel CBI TUC FSA OFT CPS RSPCA NSPCC RAF IRA ETA PLO ANC MDC SNP UKIP
BNP GOP KGB GCHQ MI5 MI6 PCS GMB RMT
BBC ITV CNN NBC CBS BSkyB FT AFP
IBM AOL BT BP RBS HSBC EMI BMW AMD KPMG UBS ING LVMH SAP
""".split())

# Companies news names by one word that is no English word, place or surname, which the
# small model (trained on news before most of them) takes for a person or a place, or
# misses ("across Twitter on Monday", "Netflix subscribers", "SpaceX launched", "shares
# in Alibaba"): typed as organisations, and found where the model missed them. Not
# "Apple", "Amazon", "Tesla" or "Disney": each is also a fruit, a river, a person or a name.
KNOWN_NAMES = frozenset("""
Twitter Facebook Instagram YouTube WhatsApp TikTok Snapchat LinkedIn Reddit Pinterest
Netflix Spotify Airbnb Uber Lyft Weibo WeChat ByteDance Huawei PayPal eBay Yahoo Google
Microsoft SpaceX Samsung Nvidia Qualcomm Lenovo Xiaomi Foxconn Tencent Alibaba Baidu
Ubisoft Activision Nintendo Shopify Etsy Dropbox Salesforce DoorDash Instacart GrubHub
Coinbase Binance Palantir SoftBank Rakuten Ryanair easyJet Lufthansa Gazprom Rosneft
Petrobras Aramco Sinopec PetroChina Unilever Pfizer Moderna AstraZeneca GlaxoSmithKline
Novartis Sanofi Ericsson Vodafone Accenture Deloitte
""".split())
# News outlets the reader's reports cite by name, which the small model takes for a
# person or a place, or misses, where the name is in another language or newer than its
# training ("told Der Spiegel", "according to Politico", "Nikkei Asia reported"): typed
# as organisations, and found where the model missed them. One per line.
KNOWN_OUTLETS = frozenset(line.strip() for line in """
Der Spiegel
Die Welt
Die Zeit
Le Monde
Le Figaro
El Pais
El País
El Mundo
La Repubblica
La Stampa
Corriere della Sera
Frankfurter Allgemeine Zeitung
Handelsblatt
Politico
Axios
Nikkei Asia
Asahi Shimbun
Yomiuri Shimbun
Mainichi Shimbun
Chosun Ilbo
JoongAng Ilbo
Hankyoreh
Yonhap
Kyodo
Xinhua
Caixin
Interfax
Kommersant
Izvestia
""".splitlines() if line.strip())
# Bodies of the reader's own beat whose names hold a place or a preposition where the
# model cuts them ("the American Institute in Taiwan" read as a body and a country;
# "the Association for Relations Across the Taiwan Straits" as a body and a sea;
# "Lockheed Martin Missiles and Fire Control" as a body, a person and a body): one
# organisation each, wherever the model's pieces lie inside the name.
KNOWN_LONG_NAMES = frozenset(line.strip() for line in """
American Institute in Taiwan
Association for Relations Across the Taiwan Straits
Lockheed Martin
""".splitlines() if line.strip())
# Products news names by one word, which the model takes for their maker, a place or a
# people ("sales of the iPod", "Windows" a place): typed as products. Only names no
# other thing has ("Windows" capitalised inside a sentence is the software; a sentence's
# first word is left to the model).
KNOWN_PRODUCTS = frozenset("""
iPod iPods iPhone iPhones iPad iPads iMac iMacs MacBook MacBooks iTunes PlayStation
PlayStations Xbox Walkman Walkmans Windows
HIMARS NASAMS THAAD ATACMS GMLRS
""".split())  # (and the weapon systems of defence news by their acronyms, which the model
# reads as companies: "18 more HIMARS", "the NASAMS air defence system")
