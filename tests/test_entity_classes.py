"""Each class of entity error named in issue 13, on sentences written for it (not the seeds).

Every test runs the real model through the public extraction path (the same
as `taiwan-reader entities` and the index), so a regression in the model
layer shows here as a wrong name a reader would see.
"""

from __future__ import annotations

import pytest

from taiwan_reader_index.articles.loader import load_text
from taiwan_reader_index.entities.cache import MentionCache
from taiwan_reader_index.entities.extract import EntityExtractor
from taiwan_reader_index.entities.recognizer import load_recognizer


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    if load_recognizer().notice is not None:
        pytest.skip("spaCy's English model is not installed")
    extractor = EntityExtractor(cache=MentionCache(tmp_path_factory.mktemp("c") / "m.sqlite"))

    def run(text: str, title_line: bool = False):
        article = load_text(text, title_line=title_line)
        return article, extractor.entities([article])[0]

    return run


def missing(found, wanted):
    """The (text, label) pairs of ``wanted`` that ``found`` lacks."""
    return [name for name in wanted if name not in found]


def names(entities, part: str | None = None):
    return [(e.text, e.label) for e in entities if e.kind and (part is None or e.part == part)]


STORY = ("Flooding closed three highways in the south of Portugal on Sunday, officials said.\n\n"
         "Rescue teams evacuated about 200 residents from low-lying villages near Faro.\n\n")


def test_title_byline_and_caption_are_analysed_and_counted_related_headlines_are_not(extract):
    text = ("---\ntitle: \"Floods in Portugal force Lisbon to act\"\n---\n"
            "By Maria Santos\n\n" + STORY
            + "Residents wade through a flooded street in Faro on Sunday. (Joao Silva/AFP)\n\n"
            + "More rain is expected on Monday, the weather bureau said.\n\n"
            + "Related Stories\n"
            + "Heatwave Breaks Records Across Southern Italy\n"
            + "Trade Talks Stall as Tariffs Loom Over Key Exports to Japan\n"
            + "Central Bank of Brazil Holds Rates Steady Amid Inflation Worries\n")
    _, entities = extract(text)
    assert ("Portugal", "GPE") in names(entities, "title") and ("Lisbon", "GPE") in names(entities, "title")
    assert ("Maria Santos", "PERSON") in names(entities, "byline")
    assert ("Joao Silva", "PERSON") in names(entities, "caption")
    assert ("AFP", "ORG") in names(entities, "caption")
    counted = {e.canonical for e in entities if e.field}
    assert {"Portugal", "Lisbon", "Maria Santos", "Joao Silva", "Faro"} <= counted
    related = [e for e in entities if e.part == "related"]
    assert related and not any(e.field for e in related)  # seen, but another story's
    assert not {"Italy", "Japan", "Brazil"} & counted


def test_the_is_kept_only_where_it_is_part_of_the_name(extract):
    _, entities = extract("The minister spoke to The Guardian and later to the BBC in London. "
                          "The New York Times said the talks in The Hague had failed. "
                          "The United Nations did not comment.")
    found = names(entities)
    assert ("The Guardian", "ORG") in found
    assert ("The New York Times", "ORG") in found
    assert ("The Hague", "GPE") in found
    assert ("BBC", "ORG") in found and ("United Nations", "ORG") in found


def test_possessive_country_and_government_body_are_two_entities_one_canonical_body(extract):
    _, entities = extract("Japan's Defense Ministry said the drills were routine. A day later the "
                          "Japanese Defense Ministry announced new drills, and the Defense Ministry "
                          "said more would follow. India's Foreign Ministry welcomed them.")
    found = names(entities)
    assert ("Japan", "GPE") in found and ("Defense Ministry", "ORG") in found
    assert ("India", "GPE") in found and ("Foreign Ministry", "ORG") in found
    bodies = {e.text: e.canonical for e in entities if e.label == "ORG"}
    assert bodies["Japanese Defense Ministry"] == "Defense Ministry (Japan)"
    assert {e.canonical for e in entities if e.text == "Defense Ministry"} == {"Defense Ministry (Japan)"}
    assert bodies["Foreign Ministry"] == "Foreign Ministry (India)"


def test_the_law_pattern_leaves_people_and_takes_whole_names(extract):
    _, entities = extract("Rep. Bill Foster said on Monday that the Clean Water Act needed money. "
                          "Chris Law spoke for the union. The Treaty of Lisbon and the North "
                          "American Agreement on Labor Cooperation were cited. He said the Act "
                          "would help.")
    found = names(entities)
    assert ("Bill Foster", "PERSON") in found
    assert ("Clean Water Act", "LAW") in found
    assert ("Chris Law", "PERSON") in found
    assert ("Treaty of Lisbon", "LAW") in found
    assert not [t for t, label in found if label == "LAW" and t in ("Act", "Rep. Bill", "Chris Law")]


def test_no_name_runs_across_a_paragraph_break(extract):
    _, entities = extract("The ships sailed past Okinawa.\n\nThe Southern Fleet Command said on "
                          "Friday that the drills were over.\n")
    assert all("\n" not in e.text for e in entities)
    assert ("Okinawa", "GPE") in names(entities)


def test_a_surname_after_the_full_name_is_that_person_every_time(extract):
    _, entities = extract("Senator Maria Cantwell met farmers in Yakima on Friday. Cantwell said "
                          "the bill would pass. Farmers thanked Cantwell, and Ms Cantwell left. "
                          "During Cantwell's visit, protesters gathered.")
    cantwell = [e for e in entities if "Cantwell" in e.text]
    assert len(cantwell) == 5
    assert {e.label for e in cantwell} == {"PERSON"}
    assert {e.canonical for e in cantwell} == {"Maria Cantwell"}


def test_a_common_word_that_only_starts_a_sentence_is_no_name(extract):
    _, entities = extract("State media said the talks would go on. Secretary of State Marco Rubio "
                          "met them in Rome.")
    found = names(entities)
    assert not [t for t, _ in found if t == "State"]
    assert ("Marco Rubio", "PERSON") in found and ("Rome", "GPE") in found


def test_all_capital_headlines_and_datelines(extract):
    _, entities = extract("BRAZIL BEAT GERMANY IN FRIENDLY\n\nRIO DE JANEIRO, June 3 - Brazil "
                                "beat Germany 2-1 in a friendly on Tuesday, coach Carlos Alberto "
                                "Parreira said.\n", title_line=True)
    found = names(entities)
    assert ("BRAZIL", "GPE") in found and ("GERMANY", "GPE") in found
    assert ("RIO DE JANEIRO", "GPE") in found
    assert not [t for t, _ in found if t.count(" ") >= 2 and t.isupper() and t != "RIO DE JANEIRO"]


def test_short_form_of_a_company_named_in_full(extract):
    _, entities = extract("Harbour Foods Holdings Ltd said it would buy a stake in Kestrel Mining "
                          "Corp. Harbour Foods said the price was fair, and Kestrel Mining shares rose.")
    orgs = [e.text for e in entities if e.label == "ORG"]
    assert "Harbour Foods" in orgs and "Kestrel Mining" in orgs


# --- one name, one type (the article's own evidence over the model's guess per sentence)

def test_a_company_is_a_company_in_every_mention_headline_included(extract):
    text = ("VELDMAR SEES HIGHER FIRST QUARTER\n\n"
            "ROTTERDAM, March 3 - Veldmar expects first quarter sales to rise sharply, "
            "chairman Pieter Aalders said after a meeting with analysts.\n\n"
            "Veldmar shares rose 4 percent. Aalders said Veldmar would open two plants in "
            "Poland this year, and that Veldmar's shipping unit was for sale.\n\n"
            "The Dutch group, Veldmar NV, reported a loss last year.")
    article, entities = extract(text, title_line=True)
    labels = {e.label for e in entities if e.text.casefold() == "veldmar"}
    assert labels == {"ORG"}
    found = sum(1 for e in entities if e.text.casefold() == "veldmar")
    assert found == len(__import__("re").findall(r"(?i)\bveldmar\b(?! NV)", article.source))
    assert ("Veldmar NV", "ORG") in names(entities)
    assert ("ROTTERDAM", "GPE") in names(entities)  # the dateline is a place
    assert ("Pieter Aalders", "PERSON") in names(entities) and ("Aalders", "PERSON") in names(entities)


def test_a_titled_surname_is_a_person_and_a_company_form_is_an_organisation(extract):
    _, entities = extract("The plan was welcomed by Mr Okafor, who chairs the committee. "
                          "Professor Lindqvist said the results were clear, and Mr Okafor agreed. "
                          "Talks with Quillon SpA and Brannock Holdings Inc are planned.")
    found = names(entities)
    assert found.count(("Okafor", "PERSON")) == 2
    assert ("Lindqvist", "PERSON") in found
    assert ("Quillon SpA", "ORG") in found and ("Brannock Holdings Inc", "ORG") in found


def test_countries_joined_by_a_hyphen_and_a_name_with_its_short_form_in_brackets(extract):
    _, entities = extract("U.S.-China talks resumed on Monday. The Korea Aerospace "
                          "Industries (KAI) said it would bid, as did Japanese firms.")
    found = names(entities)
    assert ("U.S.", "GPE") in found and ("China", "GPE") in found
    assert ("Korea Aerospace Industries", "ORG") in found and ("KAI", "ORG") in found
    assert ("Japanese", "NORP") in found
    assert not any("(" in text or ")" in text for text, _ in found)


def test_a_country_inside_a_longer_name_is_not_marked_by_itself(extract):
    _, entities = extract("He reaffirmed the One China Policy on Tuesday, officials said.")
    assert ("China", "GPE") not in names(entities)


def test_a_headline_in_capitals_with_a_legal_form_reads_the_company(extract):
    _, entities = extract("HARTWELL GROUP INC SETS QUARTERLY DIVIDEND\n\n"
                          "BOSTON, April 2 - Hartwell Group Inc said its board set a quarterly "
                          "dividend of 10 cts a share.", title_line=True)
    title = [(t, label) for t, label in names(entities, "title")]
    assert title == [("HARTWELL GROUP INC", "ORG")]


def test_a_role_before_a_full_name_makes_a_person_and_so_its_surname(extract):
    _, entities = extract("Norway beat Liechtenstein 3-0. Norway captain Haldor Vestbakken scored "
                          "twice, and Vestbakken said the team had waited for this. Coach Ragna "
                          "Solheim, speaking to the Tromsø Daily news agency, agreed.")
    found = names(entities)
    assert ("Haldor Vestbakken", "PERSON") in found and ("Vestbakken", "PERSON") in found
    assert ("Ragna Solheim", "PERSON") in found
    assert ("Liechtenstein", "GPE") in found and ("Norway", "GPE") in found
    assert not any(text.endswith("news agency") for text, _ in found)


def test_a_date_stops_where_a_name_begins(extract):
    _, entities = extract("We played badly in the first half against Uruguay, and a Golden Boot "
                          "went to a rival.")
    found = names(entities)
    assert ("Uruguay", "GPE") in found
    assert not any(text.startswith("a ") for text, _ in found)


def test_a_company_is_one_entity_in_capitals_with_or_without_its_legal_form(extract):
    _, entities = extract("VELDMAR BUYS STAKE IN ORBEX\n\nROTTERDAM, May 4 - Veldmar NV said it bought "
                          "a 20 pct stake in Orbex Corp. Veldmar said Orbex shares would stay listed.",
                          title_line=True)
    companies = {e.canonical for e in entities if e.label == "ORG"}
    assert companies == {"Veldmar", "Orbex"}
    places = {e.canonical for e in entities if e.kind == "place"}
    assert places == {"ROTTERDAM"}  # only ever written in capitals: kept as written


def test_wire_copy_brackets_a_company_and_capitalises_government(extract):
    _, entities = extract("OSLO, Mar 4 - <Fjordline Holdings AS> said it agreed to buy <Kvarne>, "
                          "a unit of Bank of Bergen Co Inc <BBC.OL>. The sale needs U.S. Government "
                          "approval, the company said.")
    found = names(entities)
    assert ("Fjordline Holdings AS", "ORG") in found and ("Kvarne", "ORG") in found
    assert ("Bank of Bergen Co Inc", "ORG") in found
    assert not any(text in ("BBC.OL", "Mar 4") for text, _ in found)  # a ticker, a date
    assert ("U.S.", "GPE") in found and not any("Government" in text for text, _ in found)


def test_the_labels_of_a_results_table_are_not_names(extract):
    """Wire copy's results tables open each row with a label ("Revs", "Avg shrs"), which
    the model takes for people; a name opening a line of prose stays a name."""
    _, entities = extract(
        "LYNDALE INDUSTRIES <LYN> 3RD QTR\n\nDENVER, April 2 - Shr nine cts vs 12 cts\n"
        "    Net 1,204,000 vs 1,530,000\n    Revs 48.2 mln vs 51.9 mln\n"
        "    Avg shrs 13.4 mln vs 12.8 mln\n    Nine mths\n    Revs 140.3 mln vs 139.9 mln\n"
        "    Gerald Marsh, chairman, said sales in Ohio rose 12 pct.\n")
    found = names(entities)
    assert not any(text in ("Revs", "Avg", "Net", "Shr") for text, _ in found), found
    assert ("Gerald Marsh", "PERSON") in found and ("Ohio", "GPE") in found


def test_the_after_a_dateline_opens_the_sentence(extract):
    _, entities = extract("TOKYO, March 17 - The Finance Ministry is expected to cut rates, "
                          "officials said.")
    assert ("Finance Ministry", "ORG") in names(entities)


def test_no_name_or_number_starts_or_ends_with_a_space_or_a_quote(extract):
    article, entities = extract("Editorial: How Steve Jobs' 'Thoughts On Flash' gave the iPad a "
                                "boost.\n\nThe company earned 18.7 mln\n    dlrs in the quarter.")
    assert ("Steve Jobs", "PERSON") in names(entities)
    for e in entities:
        text = article.source[e.start:e.end]
        assert text == text.strip(" \n'\"’"), text


def test_a_name_ending_the_text_on_a_roman_numeral(extract):
    _, entities = extract("Historians met to discuss the causes of World War I.")
    assert ("World War I", "EVENT") in names(entities)


def test_a_failing_correction_keeps_the_models_names_and_is_logged(extract, monkeypatch, caplog):
    import taiwan_reader_index.entities.recognizer as recognizer

    def broken(*args, **kwargs):
        raise IndexError("a bug in a correction rule")

    monkeypatch.setattr(recognizer, "refine_article", broken)
    _, entities = extract("Angela Merkel met officials of Siemens in Munich on Tuesday.")
    assert ("Angela Merkel", "PERSON") in names(entities)  # the article is still analysed
    assert "entity corrections failed" in caplog.text


def test_a_city_in_a_results_table_is_its_team(extract):
    """The learned retyper: a town or city that heads a line of a results table is the
    club, not the place; the dateline's city stays a place."""
    text = ("ICE HOCKEY - NHL RESULTS\n\nNEW YORK 1997-01-12\n\n"
            "Results of National Hockey League games on Saturday:\n\n"
            "Pittsburgh 5 Detroit 3\n\nChicago 2 Dallas 2 (overtime)\n\nMontreal 4 Calgary 1")
    _, entities = extract(text)
    found = names(entities)
    assert ("Pittsburgh", "ORG") in found and ("Detroit", "ORG") in found
    assert ("Chicago", "ORG") in found
    assert ("NEW YORK", "GPE") in found


def test_a_town_with_a_result_or_a_loan_is_its_club_in_prose(extract):
    """In a match report a town the model reads as a place is the club where the article
    gives it what only a side has: a result ("a 3-1 win over Preston", "the 2-0 defeat
    by ..."), a loan ("on loan from Stockport") or, on a sports page, a player's move
    ("joined Plymouth"); then at every mention. A tennis player after "beat" stays a
    person, a ground a ground, a country's team the country, and a town a person moves
    to outside the sports pages a place."""
    _, entities = extract(
        "Jon Parkin scored twice in a 3-1 win over Preston on Saturday. Preston had not lost "
        "at home since August.\n\nParkin, on loan from Stockport until January, was booked. "
        "The striker said he missed Stockport.\n\nThe midfielder joined Plymouth in the summer "
        "and scored a hat-trick on his debut at Fratton Park 3-1. Plymouth are fifth.\n\n"
        "The Republic of Ireland drew 1-1 with Israel, and Ireland manager Brian Kerr was "
        "pleased.\n")
    found = names(entities)
    for club in ("Preston", "Stockport", "Plymouth"):
        assert {label for text, label in found if text == club} == {"ORG"}, (club, found)
    assert ("Fratton Park", "ORG") not in found, found
    assert ("Republic of Ireland", "GPE") in found and ("Israel", "GPE") in found, found
    _, entities = extract("Maria Kirilenko beat Sofia Arvidsson 6-3 6-4 in Memphis.\n\n"
                          "After the mill closed, Tom Hart moved to Leeds, where he joined "
                          "the council. Leeds has grown fast since.\n")
    found = names(entities)
    assert ("Sofia Arvidsson", "PERSON") in found, found
    assert {label for text, label in found if text == "Leeds"} == {"GPE"}, found
    # on a page of team sports, a club the model took for a person
    _, entities = extract("The winger limped off during the 2-1 Uefa Cup win over Sturm Graz, "
                          "and the club's goalkeeper was booked.\n")
    assert ("Sturm Graz", "ORG") in names(entities), names(entities)


def test_each_side_of_a_results_line_and_a_league_table_line_is_a_club(extract):
    """Wire copy's results ("Lushnja 3 Elbasani 2") and league table ("Lushnja 5 3 1 1 8 5
    10") had been read as one law or product with the scores inside; each side is a
    club, and no figure is part of a name. A table of figures of another kind (a
    commodity table, with its heading of months) holds no name."""
    _, entities = extract(
        "Results of first division matches on Saturday:\n\nVllaznia 2 Tomori 0\n\n"
        "Flamurtari 1 Besa 1 (halftime 0-0)\n\nLushnja 3 Elbasani 2\n\n"
        "Standings (played, won, drawn, lost, goals for, against, points):\n\n"
        "Vllaznia 5 4 1 0 11 2 13\n\nLushnja 5 3 1 1 8 5 10\n\nTomori 5 0 1 4 2 12 1\n")
    found = names(entities)
    clubs = ["Vllaznia", "Tomori", "Flamurtari", "Besa", "Lushnja", "Elbasani"]
    assert sorted({text for text, _ in found}) == sorted(clubs), found
    assert {label for _, label in found} == {"ORG"}, found
    _, entities = extract("WASHINGTON, Sept 14 - The department issued its estimates.\n\n"
                          "March 87 March 86\n\nEnd Stocks 181 190 198 198\n\n"
                          "Total Use 418 382 340 340\n")
    assert names(entities) == [("WASHINGTON", "GPE")], names(entities)


def test_a_team_sheet_run_into_a_paragraph_is_read_as_a_team_sheet(extract):
    """A report's match facts run into one paragraph after a quotation, each its own
    sentence: every player on a line-up, among the unused substitutes (a country's name
    too), the booked and the scorers is a person, each side an organisation; no two
    players are one name, no minute a date, and no heading ("Att:") a name."""
    _, entities = extract(
        "Hartlepool beat Walsall 2-1 on Saturday with two late goals.\n\n"
        "Walsall boss Paul Merson said: \"We were the better side for an hour.\" "
        "Hartlepool: Konstantopoulos, Barron, Nelson, Tinkler, Robson, Strachan, Butler "
        "(Sweeney 70), Humphreys, Boyd, Porter (Daly 77), Williams. Subs Not Used: Provett, "
        "Craddock, Jordan. Booked: Tinkler, Nelson. Goals: Porter 79, Boyd 88. Walsall: "
        "Oakes, Bazeley, Roper, Emblen, Fryatt, Osborn, Standing (Leitao 66), Taylor, Wrack, "
        "Merson, James. Subs Not Used: Ince, Wright. Att: 8,151 Ref: S Bennett (Kent).\n")
    found = names(entities)
    assert not [text for text, _ in found if text in ("Att", "Ref")], found  # headings
    players = ["Konstantopoulos", "Strachan", "Butler", "Sweeney", "Provett", "Craddock",
               "Jordan", "Bazeley", "Osborn", "Leitao", "Ince"]
    assert missing(found, [(p, "PERSON") for p in players]) == [], found
    assert {label for text, label in found if text in ("Hartlepool", "Walsall")} == {"ORG"}, found
    assert not [text for text, _ in found if "," in text or any(c.isdigit() for c in text)], found
    assert [e.text for e in entities if e.label in ("DATE", "TIME")] == ["Saturday", "an hour"], entities


def test_an_owner_glued_by_its_possessive_is_its_own_name(extract):
    """"Halvorsen Corp's Brightline Freight Inc" is two companies (the owner has its legal
    form); "Samsung's Galaxy Buds" is the company and its product where the article names
    Samsung alone; "Moody's Investors Service Inc" stays one name (the article never
    writes "Moody" without the possessive)."""
    _, entities = extract("Tamsin Holdings Inc said it would buy Halvorsen Corp's Brightline "
                          "Freight Inc for 40 mln dlrs in cash.\n")
    found = names(entities)
    assert ("Halvorsen Corp", "ORG") in found and ("Brightline Freight Inc", "ORG") in found, found
    _, entities = extract("Samsung will cut prices this month. Samsung’s Galaxy Buds were the "
                          "first to fall.\n")
    found = [text for text, _ in names(entities)]
    assert found.count("Samsung") == 2 and "Galaxy Buds" in found, found
    _, entities = extract("Moody's Investors Service Inc said it lowered the ratings. Moody's "
                          "said the cut affects 200 mln dlrs of debt.\n")
    assert ("Moody's Investors Service Inc", "ORG") in names(entities), names(entities)


def test_a_name_in_a_list_of_people_is_a_person(extract):
    """In a list of people ("A, B and C", or "A and B" of two full names) the model typed
    one member an organisation ("Keanu Reeves", "Cate Blanchett", "Hasna", "Lionel
    Richie"); it is a person like the rest. A party or a club that qualifies the next
    name ("and Liberal Democrat Paul Tyler") stays what it is."""
    _, entities = extract(
        "The jury includes Kevin Spacey, Keanu Reeves and Richard Gere, the festival said. The "
        "cast of the remake includes Jamie Foxx, Cate Blanchett, Ewan McGregor and Tom Hanks. He "
        "is survived by his children Nora, Hasna and Guy.\n\nThe letter was signed by Ken "
        "Clarke, Tony Wright and Liberal Democrat Paul Tyler.\n")
    found = names(entities)
    people = ["Keanu Reeves", "Cate Blanchett", "Hasna", "Kevin Spacey", "Ewan McGregor"]
    assert missing(found, [(p, "PERSON") for p in people]) == [], found
    assert ("Liberal Democrat", "NORP") in found and ("Paul Tyler", "PERSON") in found, found
    # two names, each a first name and a surname; a club that qualifies a player is no one
    _, entities = extract("The evening ended with songs by Lionel Richie and Michael Jackson. "
                          "United may try out Middlesbrough winger Stewart Downing or Crystal "
                          "Palace striker Andy Johnson.\n")
    found = names(entities)
    assert ("Lionel Richie", "PERSON") in found, found
    assert ("Crystal Palace", "ORG") in found, found


def test_a_name_in_its_own_script_in_brackets_is_the_same_name(extract):
    """Taiwan and China reports give a name in Chinese in brackets after it: "Chiu
    Kuo-cheng (邱國正)" is the person twice, one entity in the facets (the model reads no
    Chinese and had found the name once); so is a body's."""
    _, entities = extract("Speaking in Taipei, Minister of National Defense Chiu Kuo-cheng "
                          "(邱國正) said the Legislative Yuan (立法院) would meet. Chiu said "
                          "more.\n")
    found = {(e.text, e.label): e.canonical for e in entities if e.kind}
    assert found.get(("邱國正", "PERSON")) == "Chiu Kuo-cheng", found
    assert found.get(("立法院", "ORG")) == found.get(("Legislative Yuan", "ORG")) \
        == "Legislative Yuan", found


def test_a_wire_headline_section_is_no_name(extract):
    """Wire headlines open with their section in capitals ("CRICKET - ", "SOCCER - "):
    it had been read as part of an organisation ("CRICKET - ENGLAND"); it is no name, and
    the country after it is the country."""
    _, entities = extract("CRICKET - ENGLAND BEAT PAKISTAN BY 107 RUNS IN SECOND ONE-DAYER .\n\n"
                          "LONDON 1996-08-29\n\nEngland beat Pakistan by 107 runs on Thursday .\n")
    found = names(entities)
    assert not [text for text, _ in found if "CRICKET" in text.upper()], found
    assert ("ENGLAND", "GPE") in found, found


def test_a_player_the_model_took_for_an_organisation_is_a_person(extract):
    text = "Women's singles, second round: Han Jingna (China) beat Sun Jun (China) 11-5 11-7."
    _, entities = extract(text)
    assert ("Sun Jun", "PERSON") in names(entities)
    assert ("China", "GPE") in names(entities)


def test_the_retyper_never_makes_a_seat_of_government_a_place(extract):
    """CoNLL, the retyper's training data, calls "the White House said" a place; the
    reader follows OntoNotes: the administration is an organisation."""
    text = ("The White House declined to comment on the report on Thursday.\n\n"
            "White House press secretary Karine Jean-Pierre said the policy had not changed.")
    _, entities = extract(text)
    assert ("White House", "ORG") in names(entities)
    assert not [n for n in names(entities) if n[0] == "White House" and n[1] != "ORG"]


def test_a_headline_set_aside_with_the_menus_is_read_once_as_the_title(extract):
    """A headline the page model set aside with the menus, taken as the title, leaves the
    page junk as any title line leaves the body: its names count once (read twice, they
    outvoted the story: "HIGHVELD" a place in a story about Highveld Steel)."""
    from test_page_junk import FOOTER, MENU, STORY, page

    headline = "Coast Guard Tracks Chinese Ships Near Kinmen"
    article, entities = extract(page(MENU, [headline, "Share", "Tweet", "Email"], STORY, FOOTER),
                                title_line=True)
    assert article.title == headline and article.title_span is not None
    start, end = article.title_span
    assert not [b for b in article.blocks if b.start <= start and end <= b.end]
    spans = [(e.start, e.end) for e in entities]
    assert len(spans) == len(set(spans))
    assert [e.part for e in entities if e.start < end] and all(
        e.part == "title" for e in entities if start <= e.start < end)


def test_the_year_of_an_event_is_part_of_its_name(extract):
    """OntoNotes writes "the 1996 Summer Olympics" as one event; the model reads the
    year as a date of its own, or leaves it out. A year that is a date elsewhere stays
    a date."""
    _, found = extract("Kerri Strug won gold at the 1996 Summer Olympics in Atlanta, and "
                       "tickets for the 2026 World Cup went on sale in March 2024.")
    assert ("1996 Summer Olympics", "EVENT") in names(found)
    assert ("2026 World Cup", "EVENT") in names(found)
    assert ("March 2024", "DATE") in [(e.text, e.label) for e in found]


def test_a_currency_is_money_not_a_person_and_an_abbreviated_state_is_the_state(extract):
    """Wire copy writes amounts as "53 billion U.S. Dlrs" and places as "Newark, N.J.":
    the amount is money (never the person "U.S. Dlrs", whose name would be counted in the
    People facet), a currency on its own names no one, and the state is linked to its
    name, so "Calif." and "California" are one place."""
    text = ("OTTAWA, May 4 - Reserves rose to a record 12.5 billion Canadian Dlrs in April "
            "from 11 billion U.S. Dlrs, the bank said.\n\n"
            "Bond prices quoted in N.Z. Dlrs eased, said Mark Francis of Westpac in Newark, "
            "N.J., and his partner in San Jose, Calif.\n\n"
            "California regulators had no comment.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not [n for n, label in found if "Dlrs" in n and label != "MONEY"], found
    assert ("11 billion U.S. Dlrs", "MONEY") in [(e.text, e.label) for e in entities]
    assert ("Mark Francis", "PERSON") in found
    # a name that is also a currency's name stays a name when no amount comes before it
    _, named = extract("The plan was backed by Marks and by Sterling, officials told Yuan "
                       "on Monday.\n")
    assert {"Marks", "Sterling", "Yuan"} <= {e.text for e in named if e.kind}, names(named)
    places = {e.text: e.canonical for e in entities if e.label == "GPE"}
    assert places["N.J."] == "New Jersey" and places["Calif."] == "California"
    assert places["California"] == "California"


def test_a_firm_named_for_its_partners_is_one_organisation(extract):
    """Wire copy writes "and" where others write "&": "Morgan Stanley and Co Inc" is one
    firm (its facet name "Morgan Stanley"), never a company "Co"; so is one named for two
    partners ("Hambrecht and Quist Inc"); a company's acronym and another company joined
    by "and" stay two."""
    text = ("LONDON, May 4 - The issue was led by Harwood Lane and Co Inc, with Marsh "
            "and Co as co-manager.\n\n"
            "Hollis and Sons said it would bid. IBM and Hitachi Ltd declined to comment, "
            "as did Jaffray and Hopwood Inc on Monday.\n")
    _, entities = extract(text)
    orgs = {e.text: e.canonical for e in entities if e.label == "ORG"}
    assert orgs.get("Harwood Lane and Co Inc") == "Harwood Lane", orgs
    assert orgs.get("Marsh and Co") == "Marsh", orgs
    assert "Hollis and Sons" in orgs and "Jaffray and Hopwood Inc" in orgs
    assert not [name for name in orgs.values() if name in ("Co", "Co Inc", "Sons")]
    assert "IBM" in orgs and orgs.get("Hitachi Ltd") == "Hitachi"


def test_the_holder_of_an_office_named_in_full_is_the_name_after_it(extract):
    """"Chancellor of the Exchequer Nigel Lawson": the person is Nigel Lawson, not
    "Exchequer Nigel Lawson" (the office's last word read as a given name), and a
    minister "of Finance" is not "Finance Kiichi Miyazawa"."""
    text = ("LONDON, May 4 - Chancellor of the Exchequer Tobias Fenwick said rates would "
            "stay where they are.\n\n"
            "He later met Minister of Finance Kenji Nakamura and Minister of the Interior "
            "Claude Vasseur in Paris.\n")
    _, entities = extract(text)
    people = [e.text for e in entities if e.label == "PERSON"]
    assert {"Tobias Fenwick", "Kenji Nakamura", "Claude Vasseur"} <= set(people), people
    assert not [p for p in people if p.split()[0] in ("Exchequer", "Finance", "Interior")]
    # an office followed by a body, with no holder named, keeps the body whole
    _, bodies = extract("He met the Director of the Central Intelligence Agency on Monday, "
                        "and the Head of the World Health Organization spoke.\n")
    assert ("Central Intelligence Agency", "ORG") in names(bodies), names(bodies)
    assert ("World Health Organization", "ORG") in names(bodies), names(bodies)


def test_a_company_whose_name_is_a_possessive_keeps_it_where_it_owns_nothing(extract):
    """"Moody's said", "rated by Moody's and": the company is "Moody's" (the facet showed
    "Moody"); "China's exports" and "Microsoft's chief" are still China and Microsoft."""
    text = ("NEW YORK, June 18 - Moody's said it upgraded the debt of Harlow Power. The "
            "notes are rated A-2 by Moody's and AA by another agency. Sotheby's said sales "
            "rose.\n\nChina's exports rose. Microsoft's chief said so.\n")
    _, entities = extract(text)
    orgs = [(e.text, e.canonical) for e in entities if e.label == "ORG"]
    assert ("Moody's", "Moody's") in orgs and ("Sotheby's", "Sotheby's") in orgs, orgs
    assert not [text for text, _ in orgs if text in ("Moody", "Sotheby")]
    assert ("China", "GPE") in names(entities) and ("Microsoft", "ORG") in names(entities)


def test_a_results_headline_in_capitals_names_no_company_net(extract):
    """"KESTREL SYSTEMS <KSY> 4TH QTR NET": "net" is a common word (wire copy's results
    tables start rows with "Net", which is no evidence of a name), so "NET" is not an
    organisation."""
    for body in ("CLEVELAND, Feb 26 - The company said its profit may be lower.\n",
                 "CLEVELAND, Feb 26 -\n    Shr 10 cts vs 12 cts\n    Net 1.2 mln vs 1.4 mln\n"):
        _, entities = extract("KESTREL SYSTEMS <KSY> 4TH QTR NET\n\n" + body)
        orgs = [e.text for e in entities if e.label == "ORG"]
        assert not [o for o in orgs if o.casefold() == "net"], orgs


def test_a_name_the_model_cut_in_two_at_a_space_is_one_name(extract):
    """An organisation's name run on, a place and its common word, a country before the
    body it names in more than one word are one name; a person or people named after a
    place, and a product after its maker, stay apart."""
    text = ("The contract was won by Lockheed Martin last year, the ministry said.\n\n"
            "A complaint was filed in the US District Court in Boston on Friday.\n\n"
            "UK Independence Party leader Mark Holt said the vote was lost.\n\n"
            "The shop in Kentish Town, London, will close in March.\n\n"
            "Senator Ruth Vale, a Texas Democrat, opposed the plan.\n\n"
            "Sony PSP sales rose sharply in Japan last month.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Lockheed Martin", "ORG"), ("US District Court", "ORG"),
                 ("UK Independence Party", "ORG"), ("Mark Holt", "PERSON"),
                 ("Kentish Town", "GPE"), ("Texas", "GPE"), ("Democrat", "NORP"),
                 ("Sony", "ORG")]), found
    assert not {text for text, _ in found} & {"Martin", "District Court", "Independence Party",
                                             "Kentish", "Town", "Texas Democrat", "Sony PSP"}


def test_a_title_inside_a_name_leads_the_name_after_it(extract):
    """A common word and a title before a name are not part of it ("Said Mr Okafor")."""
    _, entities = extract('The hearing ended early. Said Mr Okafor: "We will appeal the '
                          'ruling."\n\nOfficials declined to comment on Tuesday.\n')
    people = [text for text, label in names(entities) if label == "PERSON"]
    assert people == ["Okafor"], people


def test_a_day_or_month_before_a_name_is_a_date_not_part_of_it(extract):
    """"Sunday's Carling Cup final": the day is a date, the cup an event of its own, as
    a country's possessive is a place ("China's Foreign Ministry")."""
    _, entities = extract("Rovers lost Sunday's Carling Cup final to Chelsea in Cardiff.\n\n"
                          "She won January's Australian Open without dropping a set.\n")
    found = names(entities)
    assert ("Carling Cup", "EVENT") in found and ("Australian Open", "EVENT") in found, found
    assert not [text for text, _ in found if "'s" in text], found
    dates = [e.text for e in entities if e.label == "DATE"]
    assert "Sunday" in dates and "January" in dates, dates


def test_results_and_line_ups_name_the_sides_and_the_players(extract):
    """Sports pages list line-ups ("Rovers: Keane, Byrne, Walsh (Okafor 71), ..."),
    scorers ("Dunne 12, 80.") and tennis scores: every player is a person, a team an
    organisation (a country's team a place), and no minute or score is part of a name."""
    text = ("Rovers edge past City\n\n"
            "Rovers came from behind to beat City 2-1 on Saturday.\n\n"
            "Rovers: Keane, Byrne, Walsh (Okafor 71), Doyle, Carey, Quinn, Lennon.\n\n"
            "Subs not used: Staunton, Harte, Kilbane.\n\n"
            "Dunne 12, 80.\n\n"
            "Wales: Pryce, Lloyd, Hughes, Griffiths (Rees 64), Vaughan, Morgan.\n\n"
            "Kim defeated Jan Hernych of the Czech Republic 7-5 6-3, Canadian qualifier Frank "
            "Dancevic downed Tom Lee 6-4 6-2.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Rovers", "ORG"), ("Wales", "GPE"), ("Okafor", "PERSON"),
                 ("Dunne", "PERSON"), ("Rees", "PERSON"), ("Czech Republic", "GPE")]), found
    players = ["Keane", "Byrne", "Walsh", "Doyle", "Carey", "Quinn", "Lennon", "Staunton",
               "Harte", "Kilbane", "Pryce", "Lloyd", "Hughes", "Griffiths", "Vaughan", "Morgan"]
    assert [p for p in players if (p, "PERSON") not in found] == [], found
    assert not [text for text, _ in found if any(c.isdigit() for c in text)], found


def test_a_squad_names_each_player_a_person_and_each_club_in_brackets(extract):
    """A squad lists each player with his club in brackets ("Walsh (Rovers), Doyle
    (Athletic), ..."): every player a person, every club an organisation; a heading
    ("Replacements:") is neither."""
    text = ("Boyle names his squad\n\n"
            "The manager named four uncapped players for next week's friendly.\n\n"
            "Squad: Keane (Rovers), Byrne (Athletic), Walsh (Wanderers), Doyle (Rovers), "
            "Carey (United), Quinn (Orient), Lennon (Albion).\n\n"
            "Replacements: Pat Staunton (Harriers), Ian Harte (County), Kevin Kilbane "
            "(Rangers), Noel Hughes (Thistle).\n")
    _, entities = extract(text)
    found = names(entities)
    players = ["Keane", "Byrne", "Walsh", "Doyle", "Carey", "Quinn", "Lennon", "Pat Staunton",
               "Ian Harte", "Kevin Kilbane", "Noel Hughes"]
    clubs = ["Rovers", "Athletic", "Wanderers", "United", "Orient", "Albion", "Harriers",
             "County", "Rangers", "Thistle"]
    assert [p for p in players if (p, "PERSON") not in found] == [], found
    assert [c for c in clubs if (c, "ORG") not in found] == [], found
    assert not [t for t, _ in found if t in ("Squad", "Replacements")], found


def test_the_articles_evidence_types_a_name_however_often_the_model_mistypes_it(extract):
    """A company named like a place ("the Czech airline Moravia", "Moravia's rivals") is
    the company at every mention, though the model reads each mention as the place: its
    mistakes repeat, the article's evidence does not need to."""
    text = ("EU to examine aid to Moravia\n\n"
            "The European Commission will examine whether the Czech airline Moravia "
            "received illegal state aid.\n\n"
            "Moravia has denied that the loan was aid. Moravia lost 80m euros last year, and "
            "Moravia's rivals in Prague and Vienna complained to Brussels.\n\n"
            "The commission said Moravia must repay the money if the loan breaks the rules. "
            "Moravia flies to 40 cities.\n")
    _, entities = extract(text)
    moravia = [e.label for e in entities if e.text == "Moravia"]
    assert len(moravia) >= 6 and set(moravia) == {"ORG"}, names(entities)
    assert not missing(names(entities), [("Prague", "GPE"), ("Vienna", "GPE")])


def test_a_fixture_is_its_two_sides(extract):
    """"Hull v Leyton Orient" in a list of fixtures is two clubs; a country's team is
    the country."""
    _, entities = extract("Cup draw\n\nSouthampton or Brentford v Manchester United\n\n"
                          "Bolton v Arsenal or Sheffield United\n\nLesotho v Malawi\n")
    found = names(entities)
    assert not [text for text, _ in found if " v " in text], found
    assert not missing(found, [("Manchester United", "ORG"), ("Bolton", "ORG"), ("Arsenal", "ORG"),
                 ("Lesotho", "GPE"), ("Malawi", "GPE")]), found


def test_a_role_or_a_lower_case_word_before_a_name_is_not_part_of_it(extract):
    """"Lumex boss Dana Whitfield": a company and a person, the role between them part of
    neither; "Singer Lola Marsh" at a sentence's start is the person; "this Six Nations"
    the event; a country before a body named for what it does stays the body's name."""
    text = ("Dana Whitfield sued, and the court heard from Lumex boss Victor Conte on Monday.\n\n"
            "Rapper 50 Cent has ended his feud with a former protege.\n\n"
            "Nobody expected them to win this Six Nations after their opening defeat.\n\n"
            "US Customs Service officers seized the goods at the port.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Victor Conte", "PERSON"), ("50 Cent", "PERSON"), ("Six Nations", "EVENT"),
                 ("US Customs Service", "ORG")]), found
    assert not [text for text, _ in found if text.split()[0] in ("boss", "Rapper", "this")]


def test_aircraft_and_weapons_are_named_by_their_designation(extract):
    """Defence news names craft by designation: each is one product, not a number, not
    cut inside a word; a name the model took for a person before "missiles" is the
    weapon's; a technology acronym, a country or a maker before such a word is not one."""
    text = ("The package includes 40 F-16V fighter jets, four MQ-9B Reaper drones and 108 "
            "M1A2T Abrams tanks, officials said.\n\n"
            "The airline ordered ten 737-800 planes and two 787 Dreamliner aircraft.\n\n"
            "Peer-to-peer (P2P) networks and MP3 players were discussed at the fair.\n\n"
            "The deal includes Harpoon missiles and Apache attack helicopters, while Taiwan "
            "fighter jets shadowed the Boeing jets.\n")
    _, entities = extract(text)
    products = [e.text for e in entities if e.label == "PRODUCT"]
    for name in ("F-16V", "MQ-9B Reaper", "M1A2T Abrams", "737-800", "787 Dreamliner",
                 "Harpoon", "Apache"):
        assert name in products, (name, products)
    assert not {"P2P", "MP3", "T Abrams", "Taiwan", "Boeing"} & set(products), products


def test_listed_brands_are_products_and_awards_are_works(extract):
    """"brands such as Kelpie Crisps, Dr Bramble and Zest": products, not companies or a
    person "Bramble"; "Academy Award", "Presidential Medal of Freedom": awards, typed as
    OntoNotes types them (a work), without the sentence's full stop."""
    text = ("The owner of brands such as Kelpie Crisps, Dr Bramble and Zestora said sales rose.\n\n"
            "She won an Academy Award and was given the Presidential Medal of Freedom.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Kelpie Crisps", "PRODUCT"), ("Dr Bramble", "PRODUCT"), ("Zestora", "PRODUCT"),
                 ("Academy Award", "WORK_OF_ART"),
                 ("Presidential Medal of Freedom", "WORK_OF_ART")]), found


def test_names_run_together_cut_apart_or_cut_short_are_whole(extract):
    """A nationality before a person, names run together over a verb or a comma, a span
    starting inside a word, a surname of several words, a body named with what it is
    for, a group of nations by its number, a company with a slash in its name."""
    text = ("Ethiopian Tadesse Alemu won the race. Alemu later praised Haile El Mahdi, and El "
            "Mahdi's coach agreed.\n\n"
            "The deal follows the merger of Halcyon into Dixons, Halcyon' industrial "
            "businesses included.\n\n"
            "He ran the final 800m. Ireland's team was third.\n\n"
            "The Commission for Coastal Renewal will report before the G8 summit.\n\n"
            "Stereo/Vision Holdings Inc said it would bid.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Ethiopian", "NORP"), ("Tadesse Alemu", "PERSON"), ("Alemu", "PERSON"),
                 ("El Mahdi", "PERSON"), ("Halcyon", "ORG"), ("Dixons", "ORG"),
                 ("Ireland", "GPE"), ("Commission for Coastal Renewal", "ORG"), ("G8", "ORG"),
                 ("Stereo/Vision Holdings Inc", "ORG")]), found
    assert not [text for text, _ in found if " into " in text or "800m" in text], found
    assert not [e.text for e in entities if "Ireland" in e.text and e.text != "Ireland"]


def test_a_name_followed_by_who_is_a_person_a_team_stays_a_team(extract):
    """"Cragg, who recently won ...": the model's organisation is a person; "Rovers, who
    are aiming ..." stays the club."""
    text = ("Cragg won a tight 3,000m in Boston. Cragg, who recently defeated the Olympic "
            "champion, held off his rivals.\n\n"
            "Rovers, who are aiming to reach the final, drew 0-0 with City.\n")
    _, entities = extract(text)
    labels = {text: label for text, label in names(entities)}
    assert labels.get("Cragg") == "PERSON", labels
    assert labels.get("Rovers") != "PERSON", labels


def test_clubs_by_their_suffix_and_awards_by_what_is_said_of_them(extract):
    """"Edinburgh Rugby", "Leeds United": clubs, not people or places; "won an Oscar",
    "Bafta-winning", "Grammy nominations": awards (works), not people; an acronym that
    "said" is a body, not a person."""
    text = ("Edinburgh Rugby beat Glasgow Rugby, and Leeds United drew with Charlton "
            "Athletic.\n\nThe winners face a home tie against Man Utd next month.\n\n"
            "The Bafta-winning director, who won an Oscar in March, has three Grammy "
            "nominations.\n\nThe company said it would add a runway. BAA said so too.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Edinburgh Rugby", "ORG"), ("Glasgow Rugby", "ORG"),
                               ("Leeds United", "ORG"), ("Charlton Athletic", "ORG"),
                               ("Man Utd", "ORG"),
                               ("Bafta", "WORK_OF_ART"), ("Oscar", "WORK_OF_ART"),
                               ("Grammy", "WORK_OF_ART"), ("BAA", "ORG")]), found


def test_an_agreement_named_for_a_place_and_a_name_that_ends_a_sentence(extract):
    """"the Louvre accord" is an agreement (a law, as OntoNotes types it), not a person
    "Louvre"; a body's name does not reach back into the sentence before it ("in
    January. The US Department of Energy")."""
    text = ("Dealers said the dollar held within ranges set by the Louvre accord between "
            "leading industrial nations.\n\n"
            "Stocks fell in January. The US Department of Energy reported lower supplies.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Louvre accord", "LAW"), ("US Department of Energy", "ORG")])
    assert not [text for text, _ in found if "January" in text or text == "Louvre"], found


def test_a_full_name_after_a_role_elect_or_designate_is_a_person(extract):
    """"Finance Minister-designate Kenji Sato": the role's suffix does not hide it."""
    text = ("Finance Minister-designate Kenji Sato said the budget would pass. Kenji Sato "
            "added that talks went well.\n")
    _, entities = extract(text)
    assert [label for text, label in names(entities) if text == "Kenji Sato"] == ["PERSON"] * 2


def test_a_film_makers_name_is_a_person_and_a_reports_title_a_work(extract):
    """"directed by film-maker Gary Winick" is a person (the model says organisation);
    "the World Production and Trade Report" is a work, not a body."""
    text = ("The film is to be directed by 13 Going on 30 film-maker Gary Winick, the studio "
            "said. Gary Winick will start filming in Melbourne.\n\n"
            "In its World Production and Trade Report, the department attributed the decline "
            "to poor profitability.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Gary Winick", "PERSON"),
                               ("World Production and Trade Report", "WORK_OF_ART")]), found


def test_a_name_followed_by_its_acronym_is_as_long_as_the_acronym_says(extract):
    """The model cuts "American Institute in Taiwan" at "in" and "Center for a New
    American Security" at "for a"; the acronym in brackets after each says where the
    name starts, and is itself the name ("SIPRI", which the model left out)."""
    text = ("A spokesman for the American Institute in Taiwan (AIT) declined to comment.\n\n"
            "He works for the Center for a New American Security (CNAS) in Washington.\n\n"
            "The Stockholm International Peace Research Institute (SIPRI) gave the figures. "
            "SIPRI said arms imports rose.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("American Institute in Taiwan", "ORG"), ("AIT", "ORG"),
                               ("Center for a New American Security", "ORG"), ("CNAS", "ORG"),
                               ("SIPRI", "ORG")]), found
    assert found.count(("SIPRI", "ORG")) == 2
    assert ("American Institute", "ORG") not in found and ("Center", "ORG") not in found


def test_a_body_named_for_the_country_it_deals_with_keeps_its_name(extract):
    """"China's Taiwan Affairs Office" is not Taiwan's "Affairs Office": the country is
    what the office deals with. A country's own body still carries its country."""
    text = ("China's Taiwan Affairs Office said the visit was a provocation. The Taiwan "
            "Affairs Office later added that talks were off. China's Foreign Ministry agreed.\n")
    _, entities = extract(text)
    canonical = {e.text: e.canonical for e in entities if e.label == "ORG"}
    assert canonical["Taiwan Affairs Office"] == "Taiwan Affairs Office"
    assert {e.canonical for e in entities if e.text == "Taiwan Affairs Office"} == {
        "Taiwan Affairs Office"}
    assert canonical["Foreign Ministry"] == "Foreign Ministry (China)"


def test_a_named_exercise_is_an_event_whose_army_keeps_its_kind(extract):
    """"the Zapad exercises" is an event (the model: a person); in "PLA drills" and
    "Chinese drills" the name says whose drills they are."""
    text = ("The Zapad exercises alarmed Poland, weeks after PLA drills and Chinese drills "
            "near Taiwan.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Zapad", "EVENT"), ("PLA", "ORG"), ("Chinese", "NORP")]), found


def test_a_sentence_opening_word_stays_when_what_is_left_is_only_a_head_noun(extract):
    """"World Bank" opening a sentence is the name, though "Bank" also stands in "Bank
    of England": a lone "Bank" or "Ministry" is never a name of its own."""
    text = ("The Bank of England kept rates on hold, and the Ministry of Finance agreed. "
            "The Bank of England said more was needed.\n\n"
            "World Bank economists said growth would slow. Foreign Ministry officials in "
            "Tokyo declined to comment.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("World Bank", "ORG"), ("Foreign Ministry", "ORG")]), found
    assert ("Bank", "ORG") not in found and ("Ministry", "ORG") not in found


def test_a_weapons_designation_takes_its_block_and_a_count_is_not_a_name(extract):
    """"AGM-84L-1 Harpoon Block II missiles" is one product; in "400 Harpoon missiles"
    the number is a count, not part of a name (as in Boeing's "787 Dreamliner")."""
    text = ("The package includes 60 AGM-84L-1 Harpoon Block II missiles and 400 Harpoon "
            "missiles, and the airline ordered 12 787 Dreamliner jets.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("AGM-84L-1 Harpoon Block II", "PRODUCT"),
                               ("787 Dreamliner", "PRODUCT")]), found
    assert not [text for text, _ in found if text.startswith("400")], found


def test_a_partys_name_is_never_a_person_and_a_cut_party_name_is_whole(extract):
    """"Lib Dems" and "Labour" were read as people; "Liberal Democrat leader" gave only
    "Democrat". A party is an organisation, its members' adjective a group."""
    text = ("The Lib Dems said the tax plan was unfair. Labour said it would cut waiting "
            "lists.\n\n"
            "Former Liberal Democrat MP Ann Hale said the party had lost its way, and a Lib "
            "Dem spokesman agreed.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Lib Dems", "ORG"), ("Labour", "ORG"),
                               ("Liberal Democrat", "NORP"), ("Lib Dem", "NORP")]), found
    assert ("Democrat", "NORP") not in found


def test_an_award_named_in_what_is_said_of_it_and_a_role_abbreviation_is_no_name(extract):
    """"nominated for an Oscar", "Oscar voters", "a Golden Globe nomination" are the
    award (the model read a person and a building); "MPs" is what people are, no name."""
    text = ("The actor, who is nominated for an Oscar for the role, said Oscar voters were "
            "fair. The film earned a Golden Globe nomination.\n\n"
            "MPs have urged the regulator to act, and the MPs said ministers agreed.\n")
    _, entities = extract(text)
    found = names(entities)
    assert [label for text, label in found if text == "Oscar"] == ["WORK_OF_ART"] * 2, found
    assert ("Golden Globe", "WORK_OF_ART") in found, found
    assert not [text for text, _ in found if text == "MPs"], found


def test_a_side_named_over_its_line_up_is_that_side_all_through_the_report(extract):
    """The model reads "Everton" in a match report as a person each time; the line-up
    ("Everton: Martyn, Hibbert, ...") says it is the club, and so it is everywhere."""
    text = ("Wayne Rooney made a winning return to Everton as his side cruised on. Marcus Bent "
            "missed Everton's best chance. Everton started brightly.\n\n"
            "Everton: Martyn, Hibbert, Yobo, Stubbs, Naysmith, Osman, Carsley, Arteta, Kilbane, "
            "McFadden, Bent.\n\nSubs: Wright, Pistone, Weir.\n")
    _, entities = extract(text)
    assert {label for text, label in names(entities) if text == "Everton"} == {"ORG"}


def test_wire_copy_state_bank_and_sea_keep_their_kinds(extract):
    """The state after a dateline's city is a place ("MILWAUKEE, WIS.", which was read as
    an organisation); a bank after "lead manager" is no person; an oilfield named for its
    sea ("the Osprey North Sea field") is a place, and "North Sea" stays one."""
    text = ("MILWAUKEE, WIS., Oct 19 - Harbour Foods Inc said its third quarter profit rose.\n\n"
            "The bonds are priced at 101-1/2 pct, lead manager Orion Royal Bank Ltd said.\n\n"
            "A decision on the Kittiwake and Osprey North Sea oil fields is due, Reid said. North "
            "Sea output was at a record, and tax on North Sea operations is high.\n")
    _, entities = extract(text)
    found = names(entities)
    assert ("WIS.", "GPE") in found or ("WIS", "GPE") in found, found
    assert ("Orion Royal Bank Ltd", "ORG") in found, found
    assert [label for text, label in found if text.endswith("North Sea")] \
        and {label for text, label in found if text.endswith("North Sea")} <= {"LOC"}, found


def test_a_festival_is_an_event_a_results_row_no_name_and_a_sequel_no_law(extract):
    """"the Berlin Film Festival" is an event (the model: a building); a row of wire
    copy's results table ("Revs 84.6 mln vs 80.1 mln") is no name; "Halo 2" is a work
    and "Radio 1" a station, not laws."""
    text = ("The film will be shown at this year's Berlin Film Festival, its makers said.\n\n"
            "NEW YORK, March 3 - Year\n    Shr 90 cts vs 80 cts\n    Net 4,000,000 vs 3,500,000\n"
            "    Revs 84.6 mln vs 80.1 mln\n\n"
            "Halo 2 sold 2.4 million copies on its first day, and Radio 1 played its theme.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Berlin Film Festival", "EVENT"), ("Halo 2", "WORK_OF_ART"),
                               ("Radio 1", "ORG")]), found
    assert not [text for text, _ in found if text.startswith(("Shr", "Revs"))], found


@pytest.mark.parametrize("name", ["Yukos", "Varnok"])  # (the model: a person; a place)
def test_a_company_is_known_by_what_is_said_of_it_through_the_article(extract, name):
    """The model reads a company's one-word name as a person or a place; "oil giant X",
    "companies such as X", "firms like X", "X's assets" and "X's output" say it is a
    company, and it is one wherever the article names it."""
    text = (f"Minister attacks {name} sale\n\n"
            f"The minister criticised the sale of much of oil giant {name} to settle back taxes. "
            f"The unit had produced 60% of {name}' output. Selling off companies such as {name} "
            f"was badly handled, he said. Using taxes against firms like {name} would scare "
            f"investors, he warned. The attack on {name}' assets slowed growth.\n")
    _, entities = extract(text, title_line=True)
    assert {label for text, label in names(entities) if text == name} == {"ORG"}


def test_a_party_the_model_missed_is_found_and_chapter_11_is_a_law(extract):
    """"Tories" opening a sentence and "Lib Dem" before a noun are parties the model can
    miss; "Chapter 11 bankruptcy" is a part of a law, not a company ("bankruptcy" after a
    name is otherwise evidence of a firm)."""
    text = ("Tories and Lib Dems welcomed the report. Lib Dem peers said it came late.\n\n"
            "The airline, which is now in Chapter 11 bankruptcy protection, cut 500 jobs.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Tories", "NORP"), ("Lib Dems", "ORG"), ("Lib Dem", "NORP"),
                               ("Chapter 11", "LAW")]), found


def test_an_acronym_defined_in_brackets_is_one_entity_with_its_name(extract):
    """"the Democratic Progressive Party (DPP)" and later "the DPP" are one party in the
    facets, under its full name; an acronym defined nowhere keeps its own."""
    text = ("The ruling Democratic Progressive Party (DPP) defended the budget. The DPP said "
            "the opposition KMT had no plan.\n")
    _, entities = extract(text)
    canonical = {e.canonical for e in entities if e.text in ("DPP", "Democratic Progressive Party")}
    assert canonical == {"Democratic Progressive Party"}
    assert {e.canonical for e in entities if e.text == "KMT"} == {"KMT"}


def test_a_body_named_with_a_role_is_a_body_and_the_bill_is_no_person(extract):
    """"the Office of the Deputy Prime Minister" opens with what it is, though it ends
    with a role; "the Bill" MPs vote on is a law's common noun, not a person."""
    text = ("House prices dropped slightly in November, the Office of the Deputy Prime Minister "
            "has said.\n\n"
            "MPs voted 272-219 in favour of the Bill after key concessions from Mr Clarke.\n")
    _, entities = extract(text)
    found = names(entities)
    assert ("Office of the Deputy Prime Minister", "ORG") in found, found
    assert not [text for text, _ in found if text == "Bill"], found


def test_the_olympics_and_sevens_and_bowls_are_events_not_the_bodies_named_for_them(extract):
    """The Olympics by name or by their adjective ("Olympic champion", "won Olympic 200m
    gold") are the event, which the model called a person, a time or nothing; a name
    ending in Sevens, Cups or Bowl is an event, not a company; a name that goes on past
    "Olympic" is its own ("Olympic Village", "International Olympic Committee")."""
    _, entities = extract(
        "Cragg, who recently defeated Olympic 10,000m champion Kenenisa Bekele, won again. "
        "Kenteris, who won Olympic 200m gold at the 2000 Olympics, missed a test at the "
        "Olympic Village, the International Olympic Committee said. With the exception of "
        "the Olympics, I have not raced much. England must win the Rugby World Cup Sevens in "
        "Hong Kong; they would hold both the 15s and Sevens World Cups. Alicia Keys will sing "
        "at the Super Bowl, and the Paralympics open in March.")
    found = names(entities)
    assert missing(found, [("Olympic", "EVENT"), ("2000 Olympics", "EVENT"),
                           ("Olympics", "EVENT"), ("Rugby World Cup Sevens", "EVENT"),
                           ("Sevens World Cups", "EVENT"), ("Super Bowl", "EVENT"),
                           ("Paralympics", "EVENT"), ("Olympic Village", "FAC"),
                           ("International Olympic Committee", "ORG")]) == []
    assert not [name for name in found if name[0].startswith("Olympic ")
                and name[0] != "Olympic Village"]  # no "Olympic 200" time
    assert [e.text for e in entities if e.text == "Olympic"] == ["Olympic", "Olympic"]


def test_a_company_whose_name_holds_and_is_one_company_not_a_list_of_two(extract):
    """A company's own "and" ("Cable and Wireless Plc", "American Telephone and Telegraph
    Co", "X, Y and Co", "Trellis and Ostrava Corp") is inside its name; a country, a
    company with its own legal form, a pronoun or two long names make two."""
    _, found = extract(
        "Lester and Harbour Corp agreed to buy a stake in Pacific Lumber and Paper Co on "
        "Friday, advised by Fenwick, Tuttle and Co Inc, its bankers.\n\n"
        "Korea and Hanwa Steel Corp signed the supply deal, while Ostrander Inc and "
        "Belcourt Corp said they would bid. Both Exxon and Mobil Corp stayed out, as did "
        "Trellis and Ostrava Corp, "
        "Norddeutsche Bank and Credit Alpine Group.\n\n"
        "Shares of Tarrant Inc and Belmont Corp rose.\n")
    got = names(found)
    assert missing(got, [("Lester and Harbour Corp", "ORG"), ("Pacific Lumber and Paper Co", "ORG"),
                         ("Fenwick, Tuttle and Co Inc", "ORG"), ("Hanwa Steel Corp", "ORG"),
                         ("Ostrander Inc", "ORG"), ("Belcourt Corp", "ORG"),
                         ("Mobil Corp", "ORG"), ("Credit Alpine Group", "ORG"),
                         ("Trellis and Ostrava Corp", "ORG"), ("Tarrant Inc", "ORG"),
                         ("Belmont Corp", "ORG")]) == []
    assert not [text for text, _ in got if text.startswith(("Korea and", "Ostrander Inc and",
                                                            "Both", "Exxon and", "Norddeutsche Bank and",
                                                            "Shares"))]


def test_a_dateline_date_before_a_company_stays_a_date(extract):
    """Wire copy opens "CITY, Month Day - Company ..."; the model runs the date on into
    the company's first word, and the company's name took the whole date with it."""
    _, found = extract("BOSTON, May 14 - Lester and Harbour Corp said quarterly profit rose "
                       "8 pct.\n")
    assert ("May 14", "DATE") in [(e.text, e.label) for e in found]
    assert ("Lester and Harbour Corp", "ORG") in names(found)


def test_a_title_written_after_what_the_work_is_is_one_work(extract):
    """"the sitcom Fools and Horses of Leeds", "her album Blue Horizons": the whole
    title, a work, though the model misses it or takes a word of it for a person or a
    company. Not a place after "series", nor a name owning something after "novel"."""
    _, found = extract(
        "Her second album Blue Horizons went straight to number one, and the BBC sitcom "
        "Fools and Horses of Leeds returns in May. Critics loved the crime drama Salt Road "
        "and the documentary Frozen Rivers.\n\n"
        "In the Test series England lost twice. The novel Dune's sales rose.\n")
    got = names(found)
    assert missing(got, [("Blue Horizons", "WORK_OF_ART"), ("Fools and Horses of Leeds", "WORK_OF_ART"),
                         ("Salt Road", "WORK_OF_ART"), ("Frozen Rivers", "WORK_OF_ART")]) == []
    assert ("England", "GPE") in got
    assert not [text for text, label in got if label == "WORK_OF_ART"
                and text.startswith(("England", "Dune"))]


def test_a_bodys_short_name_in_brackets_is_that_body_in_any_language(extract):
    """An acronym in brackets after an organisation's name is that organisation even when
    its letters spell the name in another language; not one inside a company's name."""
    _, found = extract("The Federal Office for Migration (ODM) said on Monday it would appeal. "
                       "A spokesman for the Public Prosecution Service (OM) declined to comment. "
                       "Its rival Harbour Finance (HK) Ltd declined to comment.\n")
    got = names(found)
    assert ("ODM", "ORG") in got and ("OM", "ORG") in got
    assert ("HK", "ORG") not in got


def test_a_makers_name_and_model_number_are_one_product(extract):
    """"a Boeing 777", "the Motorola V600 handset": a product, not the company and a
    count; an amount, a year or a share index after a name stays as it was."""
    _, found = extract("Passengers on the Boeing 777 were unhurt. Buyers of the new Motorola "
                       "V600 handset complained.\n\n"
                       "Shares in the FTSE 100 fell. Revenue at Siemens in 2004 was strong, and "
                       "Siemens 300 jobs were cut.\n")
    got = names(found)
    assert ("Boeing 777", "PRODUCT") in got and ("Motorola V600", "PRODUCT") in got
    assert ("V600", "PRODUCT") not in got
    assert not [text for text, _ in got if text.startswith(("FTSE 1", "Siemens "))]
    assert [text for text, _ in got].count("Siemens") == 2


def test_a_name_the_article_gives_alone_is_not_glued_to_what_it_owns(extract):
    """"the Royal College of Music's Junior Department", after the article names "the
    Royal College of Music": two organisations."""
    _, found = extract("The Royal College of Music will open a new hall in 2026. The "
                       "Royal College of Music's Junior Department will move there first.\n")
    got = names(found)
    assert ("Junior Department", "ORG") in got
    assert [text for text, _ in got].count("Royal College of Music") == 2


def test_a_job_title_written_in_capitals_is_no_name(extract):
    _, found = extract("Tickets sold out in an hour, the venue's Promotions Coordinator said. "
                       "The club's Commercial Manager agreed.\n")
    got = [text for text, _ in names(found)]
    assert not [t for t in got if t.endswith(("Manager", "Coordinator"))]


def test_a_maker_named_by_what_it_makes_is_a_company_wherever_it_stands(extract):
    """"carmaker Maruti", "drugmaker Almirall": the company, in every mention (the model
    took them for a place and a person); a product nothing calls a company stays one."""
    _, found = extract("Shares in carmaker Maruti rose 4% on Monday. Maruti sold more "
                       "hatchbacks in March. Analysts expect Maruti to raise prices.\n\n"
                       "Spain's biggest drugmaker Almirall cut its forecast. Almirall said "
                       "demand was weak.\n\n"
                       "Sales of the Walkman doubled last year, and the Walkman sold out.\n")
    got = names(found)
    assert got.count(("Maruti", "ORG")) == 3 and got.count(("Almirall", "ORG")) == 2
    assert got.count(("Walkman", "PRODUCT")) == 2


def test_a_band_named_as_one_is_a_band_and_honours_are_no_names(extract):
    """"Glasgow band Harbour Lights, who formed ..." is a band though "who" follows it;
    "support act Velvet Coast" too. "made an OBE" names no organisation; a marathon is
    an event."""
    _, found = extract("Glasgow band Harbour Lights, who formed in 2001, topped the poll. "
                       "She becomes an OBE and her manager an MBE. She will run the Edinburgh "
                       "Marathon in May. Support act Velvet Coast played first.\n\n"
                       "The Velvet Coast singer thanked Harbour Lights.\n")
    got = names(found)
    assert got.count(("Harbour Lights", "ORG")) == 2 and got.count(("Velvet Coast", "ORG")) == 2
    assert ("Edinburgh Marathon", "EVENT") in got
    assert not [text for text, _ in got if text in ("OBE", "MBE")]


def test_a_broadcasters_service_for_a_place_is_one_name(extract):
    _, found = extract("BBC Radio Ulster presenter Anne Quinn said the vote was close. She told "
                       "BBC Radio on Monday that BBC Radio Lancashire would air it.\n")
    got = names(found)
    assert ("BBC Radio Ulster", "ORG") in got and ("BBC Radio Lancashire", "ORG") in got
    assert ("BBC Radio", "ORG") in got and ("Anne Quinn", "PERSON") in got


def test_an_acronym_written_as_a_word_defines_its_name(extract):
    """BBC style writes acronyms as words ("Icann", "Nato"): after a name in brackets it
    still spells that name, and the body is an organisation wherever the article names it."""
    _, found = extract("The International Federation of Rowing Associations (Fisa) met on "
                       "Monday. Fisa officials said the regatta would go ahead.\n")
    got = names(found)
    assert ("International Federation of Rowing Associations", "ORG") in got
    assert got.count(("Fisa", "ORG")) == 2


def test_a_language_is_what_is_written_or_spoken_in(extract):
    _, found = extract("The letters were written in German for a Dutch banker. She spoke "
                       "Italian, and the book was translated into French. Police in German "
                       "cities were alert.\n")
    got = names(found)
    assert ("Italian", "LANGUAGE") in got and ("French", "LANGUAGE") in got
    assert ("German", "LANGUAGE") in got and ("German", "NORP") in got
    assert ("Dutch", "NORP") in got


def test_a_body_spelt_by_its_acronym_keeps_its_first_word_and_its_kind(extract):
    """"Athletics Kenya (AK)": "Athletics" opens a sentence, is a common word and the
    article writes "Kenya" alone, yet the acronym spells it; nor is the body a person."""
    _, found = extract("Kenya's runners train at altitude.\n\n"
                       "Athletics Kenya (AK) issued the ban on Monday. AK officials said Kenya "
                       "would send a full team.\n")
    got = names(found)
    assert ("Athletics Kenya", "ORG") in got and ("AK", "ORG") in got
    assert got.count(("Kenya", "GPE")) == 2


def test_the_people_of_a_place_the_article_names_are_a_people(extract):
    _, found = extract("Kashmir has been disputed for decades. Kashmiris want peace, and "
                       "Kashmiri leaders met on Monday.\n")
    got = names(found)
    assert ("Kashmiris", "NORP") in got and ("Kashmiri", "NORP") in got


def test_a_performer_named_by_what_she_does_is_a_person_in_every_mention(extract):
    """"rapper Nelly" decides what "Nelly" is, though the model calls every other
    mention an organisation."""
    _, found = extract("Parents asked the council to cancel a show by rapper Nelly next month.\n\n"
                       "Fans of Nelly bought 5,000 tickets. Nelly's concert is on Friday, and "
                       "Nelly will sing for two hours.\n")
    got = names(found)
    assert got.count(("Nelly", "PERSON")) == 4


def test_what_the_article_says_a_town_is_makes_it_a_town(extract):
    """"Harlow is a quiet town" settles what "Harlow" is in every mention, though the
    model calls each an organisation; a building and the town it stands in are two."""
    _, found = extract("Pilgrims crowded the Golden Temple in Amritsar on Sunday.\n\n"
                       "More than 20 Harlow ministers urged fans to stay away. \"Harlow is a "
                       "quiet town,\" one said. Harlow police agreed, and Harlow council will "
                       "meet.\n")
    got = names(found)
    assert ("Golden Temple", "FAC") in got and ("Amritsar", "GPE") in got
    assert got.count(("Harlow", "GPE")) == 4


def test_a_body_news_names_by_acronym_alone_is_an_organisation(extract):
    """"the IAAF will decide", "non-Opec supply": organisations the small model misses;
    not inside a longer name ("FA Cup"), a ticker ("<SEC>") or a headline in capitals."""
    _, found = extract("The sprinters were suspended, but the IAAF will decide on Friday. "
                       "Supply from non-Opec producers rose, and BT set out its plans.\n\n"
                       "Chelsea won the FA Cup in May.\n")
    got = names(found)
    assert ("IAAF", "ORG") in got and ("Opec", "ORG") in got and ("BT", "ORG") in got
    assert ("FA", "ORG") not in got
    assert not [text for text, _ in got if text.startswith("non-")]


def test_a_firm_named_for_what_it_does_is_a_firm_after_a_role(extract):
    """"fund manager Bellweather Asset Advisors": "manager" names a role, but a name that
    ends in "Advisors" (or "Partners", "Capital", "Holdings") is a firm's."""
    _, found = extract("\"The numbers are good,\" said Anna Low, an analyst at fund manager "
                       "Bellweather Asset Advisors, which owns shares in the firm.\n")
    got = names(found)
    assert ("Bellweather Asset Advisors", "ORG") in got and ("Anna Low", "PERSON") in got


def test_a_role_in_apposition_names_a_person_but_not_a_company(extract):
    """"The runner's lawyer, Gregory Ioannidis, reacted": a person; "said lead manager
    Harbour Crest Securities Ltd": a company all the same; a body named for what it is,
    with its acronym, a body."""
    _, found = extract("The World Anti-Doping Agency (Wada) will appeal. The runner's lawyer, "
                       "Gregory Ioannidis, reacted angrily. The bonds were priced at par, said "
                       "lead manager Harbour Crest Securities Ltd.\n")
    got = names(found)
    assert ("Gregory Ioannidis", "PERSON") in got
    assert ("Harbour Crest Securities Ltd.", "ORG") in got
    assert ("World Anti-Doping Agency", "ORG") in got and ("Wada", "ORG") in got


def test_a_club_named_by_its_players_and_fans_is_the_club(extract):
    """"Pompey striker Ricardo Fuller", "Pompey fans": the club, in every mention (the
    model took it for a person); "Johnny Cash manager" stays a person's manager."""
    _, found = extract("The best chance fell to Pompey striker Ricardo Fuller. Pompey held on, "
                       "and the Pompey midfielder scored late. Pompey fans sang.\n\n"
                       "Johnny Cash manager Saul Holiff died. The former manager of Johnny Cash "
                       "was 79.\n")
    got = names(found)
    assert got.count(("Pompey", "ORG")) == 4 and ("Ricardo Fuller", "PERSON") in got
    assert got.count(("Johnny Cash", "PERSON")) == 2


def test_titles_listed_after_a_kind_of_work_are_works(extract):
    """"hits include Golden Hour, Paper Boats, and Winter Light"; "albums ... include Nina
    Cole's Blue Lantern and the Harbour Kings' Quiet Roads": each title a work (the model
    took them for a person, an event, a company); a place named before a kind of show is
    no title ("the West End show ...")."""
    _, found = extract("Her biggest hits include Golden Hour, Paper Boats, and Winter Light. "
                       "Albums made at the studio include Nina Cole's Blue Lantern and the "
                       "Harbour Kings' Quiet Roads. His recent hits have included the West End "
                       "show Starlight Express.\n")
    got = names(found)
    assert missing(got, [("Golden Hour", "WORK_OF_ART"), ("Paper Boats", "WORK_OF_ART"),
                         ("Winter Light", "WORK_OF_ART"), ("Blue Lantern", "WORK_OF_ART"),
                         ("Quiet Roads", "WORK_OF_ART")]) == []
    assert ("West End", "WORK_OF_ART") not in got


def test_a_titled_surname_of_a_person_named_in_full_is_that_person(extract):
    """"Ms Hughes" after "Beverley Hughes" is the person, though the model took it for an
    organisation; "Dr Pepper", whom no one in the article is named after, stays."""
    _, found = extract("Beverley Hughes resigned last year. An inquiry into Ms Hughes' department "
                       "found problems. Sales were led by Dr Pepper and diet drinks.\n")
    got = names(found)
    assert ("Hughes", "PERSON") in got and not [t for t, _ in got if t.startswith("Ms ")]
    assert ("Dr Pepper", "ORG") in got


def test_a_party_before_a_persons_name_is_not_part_of_it(extract):
    """"Tory Dominic Grieve" where the model read "Tory Dominic": the party's people and
    the whole name; the surname alone later is that person."""
    _, found = extract("Mr Blair said he left without a stain, but Tory Dominic Grieve branded "
                       "the office scandalous. Later Mr Grieve said more.\n")
    got = names(found)
    assert ("Tory", "NORP") in got and ("Dominic Grieve", "PERSON") in got
    assert ("Grieve", "PERSON") in got


def test_a_stock_ticker_after_its_companys_name_is_no_name(extract):
    """Wire copy follows a company's name with its ticker in angle brackets ("Bankers
    Pacific Corp <BPC>", "Lakeside's <LKS> lead"): the company is the name, the code is
    not; a company the copy names inside brackets after a common word still is one."""
    _, found = extract("NEW YORK, March 3 - Bankers Pacific Corp <BPC> and Lakeside Trust Co "
                       "<LKS.N> said rivals may follow Lakeside's <LKS> lead in talks with "
                       "<Hoffmann Tolle GmbH>.\n")
    got = names(found)
    assert missing(got, [("Bankers Pacific Corp", "ORG"), ("Lakeside Trust Co", "ORG"),
                         ("Hoffmann Tolle GmbH", "ORG")]) == []
    assert not [t for t, _ in got if t in ("BPC", "LKS", "LKS.N")]


def test_the_country_and_a_capitalised_common_noun_is_the_country(extract):
    """Wire copy capitalises the word after a country ("the U.S. Government", "Initial
    U.S. Reaction"): the country is the name, not an organisation of both; a body's
    name keeps its head ("the U.S. Army", "the Indian Armed Force")."""
    _, found = extract("Officials blamed the attitude of the U.S. Government, which urged "
                       "banks to soften. Initial U.S. Reaction to the plan was positive. The "
                       "U.S. Army and the Indian Armed Force held drills.\n")
    got = names(found)
    assert got.count(("U.S.", "GPE")) == 2
    assert not [t for t, _ in got if t in ("U.S. Government", "Initial U.S. Reaction")]
    assert ("U.S. Army", "ORG") in got and ("Indian Armed Force", "ORG") in got


def test_a_firm_named_for_two_partners_is_one_organisation_and_so_is_its_short_name(extract):
    """"Fenwick and Harlow Co", cut by the model at "and" (the first partner a place),
    is one company, and so is "Fenwick and Harlow" later; German copy joins partners
    with "und". Two names each complete ("Enzon Inc and Vestal Co") or a country and a
    company stay two."""
    _, found = extract("DALLAS, April 1 - Fenwick and Harlow Co said it sold 12 stores. "
                       "Due to the sale, Fenwick and Harlow expects a profit. Weiss und "
                       "Kolbe-Bau AG expects output to fall. Enzon Inc and Vestal Co signed "
                       "a pact. Talks between Japan and Nissan Motor Co broke down.\n")
    got = names(found)
    assert missing(got, [("Fenwick and Harlow Co", "ORG"), ("Fenwick and Harlow", "ORG"),
                         ("Weiss und Kolbe-Bau AG", "ORG"), ("Enzon Inc", "ORG"),
                         ("Vestal Co", "ORG"), ("Japan", "GPE"), ("Nissan Motor Co", "ORG")]) == []


def test_a_role_in_apposition_after_a_full_name_makes_a_person(extract):
    """"Darrel Whitcombe, a director of Renfrew Inc subsidiary Renfrew Brothers": the
    model called him a company (the subsidiary is the role's, not his); a firm in the
    same place keeps its type ("Renfrew Brothers, a unit of Renfrew Inc")."""
    _, found = extract("Sources said that Darrel Whitcombe, a director of Renfrew Inc "
                       "subsidiary Renfrew Brothers who is in charge of bank stock research, "
                       "believes the move is well timed.\n")
    got = names(found)
    assert ("Darrel Whitcombe", "PERSON") in got
    assert ("Renfrew Inc", "ORG") in got and ("Renfrew Brothers", "ORG") in got


def test_a_ship_named_after_what_it_is_is_a_product(extract):
    """"the tanker Cresswell", "the frigate Stark": a ship's name, which the model calls
    a company or a person; "the carrier Lufthansa" is an airline."""
    _, found = extract("The reflagged tanker Cresswell hit a mine in the Gulf. Later "
                       "British Airways and the carrier Lufthansa agreed on fares.\n")
    got = names(found)
    assert ("Cresswell", "PRODUCT") in got
    assert ("Lufthansa", "ORG") in got


def test_a_span_the_model_runs_over_a_ticker_is_the_name_after_it(extract):
    """"Keystone Corp's <KEY> First Keystone National Bank of Ohio": the bank's name, not
    the ticker glued to it."""
    _, found = extract("The unit was bought by Keystone Corp's <KEY> First Keystone National "
                       "Bank of Ohio.\n")
    got = names(found)
    assert ("Keystone Corp", "ORG") in got and not [t for t, _ in got if "KEY" in t]
    assert [t for t, _ in got if t.endswith("Keystone National Bank of Ohio")]


def test_wire_copy_the_full_stop_after_a_legal_form_ends_the_sentence_and_a_ticker_is_no_name(extract):
    """Wire copy writes a legal form without a full stop ("Harlow Mining Co said"), so one
    after it at a sentence's end ("through Kestrel Brothers Inc.") ends the sentence; the
    ticker in a headline ("KBS <KBS>") is not another mention of the company."""
    article, found = extract(
        "HARLAN SAYS KBS <KBS> HAS GROWN STRONGER\n\nDALLAS, March 31 - Harlow Mining Co "
        "said profits rose. The notes were sold through Kestrel Brothers Inc.\n    Laurence "
        "Harlan said KBS Inc is a stronger company now.\n", title_line=True)
    got = names(found)
    assert ("Kestrel Brothers Inc", "ORG") in got and ("Harlow Mining Co", "ORG") in got
    ticker = article.source.index("<KBS>") + 1
    assert not [e for e in found if e.start == ticker]


def test_a_programme_named_before_the_word_programme_is_a_work(extract):
    """"the BBC's Today programme" (the model read a date), "Radio Five Live's Sportsweek
    programme" (one company with its broadcaster), "Breakfast with Frost programme"; not a
    broadcaster's ("a BBC programme"), a party's ("Labour's programme"), a people's or a
    name that holds a possessive ("a New Year's Eve programme")."""
    _, found = extract("Mr Blair told the BBC's Today programme that he would stay. She told "
                       "BBC Radio Five Live's Sportsweek programme she was fine, and BBC One's "
                       "Breakfast with Frost programme nothing. Labour's programme was praised "
                       "and a BBC programme covered it. A British programme won, and Chris "
                       "Tarrant will host a New Year's Eve programme.\n")
    got = names(found)
    assert missing(got, [("Today", "WORK_OF_ART"), ("Sportsweek", "WORK_OF_ART"),
                         ("BBC Radio Five Live", "ORG"), ("Breakfast with Frost", "WORK_OF_ART"),
                         ("Labour", "ORG"), ("British", "NORP")]) == []
    assert not [t for t, label in got if label == "WORK_OF_ART"
                and t not in ("Today", "Sportsweek", "Breakfast with Frost")]


def test_any_common_lower_case_word_before_a_name_is_left_out_a_particle_is_kept(extract):
    """The model sometimes takes the word before a name into it ("plus Ryan Giggs"): a
    common word in lower case is never the start of a name; a name's own particle
    ("de", "van") is."""
    text = ("Defenders Sean Malone and Declan Rooney, plus Ryan Giggs have hamstring concerns.\n\n"
            "Critics compared the painting with the work of van Gogh and praised its colour.\n")
    _, entities = extract(text)
    found = names(entities)
    assert ("Ryan Giggs", "PERSON") in found, found
    assert not [t for t, _ in found if t.split()[0] in ("plus", "and", "with")], found
    assert [t for t, label in found if label == "PERSON" and "Gogh" in t] == ["van Gogh"], found


def test_the_name_before_based_is_a_place_and_not_part_of_what_is_based_there(extract):
    """"Lisbon-based Tagus Freight Ltd" is the place and the company; "the Oslo-based
    sprinter" names a place, whatever type the model gave it."""
    text = ("Lisbon-based Tagus Freight Ltd agreed to buy two ports from a rival on Monday.\n\n"
            "The Oslo-based sprinter won the final, and Rotterdam-based Maersk Holding rose.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Lisbon", "GPE"), ("Tagus Freight Ltd", "ORG"), ("Oslo", "GPE"),
                               ("Rotterdam", "GPE")]), found
    assert "Maersk Holding" in [t for t, _ in found], found  # (its type is the model's)
    assert not [t for t, _ in found if "-based" in t], found


def test_a_clergy_title_is_no_part_of_the_name(extract):
    """"the Reverend Sarah Whitby", "Revd Tom Hale": the person is the name after the title,
    as after "Mr" or "Dr"."""
    _, entities = extract("The service was led by the Reverend Sarah Whitby, who thanked the "
                          "choir. Revd Tom Hale read the lesson.")
    found = names(entities)
    assert ("Sarah Whitby", "PERSON") in found and ("Tom Hale", "PERSON") in found, found
    assert not [t for t, _ in found if t.startswith("Rev")], found


def test_a_given_name_alone_takes_the_surname_after_it(extract):
    """The model sometimes marks only the given name ("Edith" of "Edith Masai"): the
    capitalised word after it, no common word, day or country, is the surname; a
    day after a name is not ("Biden Tuesday signed")."""
    text = ("The race was won by Edith Masai of Kenya on Sunday.\n\n"
            "President Biden Tuesday signed the bill into law.\n")
    _, entities = extract(text)
    found = names(entities)
    assert ("Edith Masai", "PERSON") in found, found
    assert not [t for t, _ in found if t.endswith("Tuesday") and t != "Tuesday"], found


def test_a_place_name_keeps_its_first_word_where_the_rest_is_a_place_too(extract):
    """"Northern Ireland" at a sentence's start is not "Ireland", though the article names
    Ireland alone; a role word there still goes ("Comic Joe Pasquale": "Pasquale")."""
    text = ("Northern Ireland voted on Monday while Ireland watched. The Ireland team lost, and "
            "fans in Ireland were quiet.\n\n"
            "New Delhi shut its schools as smog spread. Hospitals in Delhi filled and Delhi "
            "officials met.\n\n"
            "Comic Joe Pasquale won the show. Pasquale thanked the viewers.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not missing(found, [("Northern Ireland", "GPE"), ("New Delhi", "GPE"),
                               ("Joe Pasquale", "PERSON")]), found
    assert ("Comic Joe Pasquale", "PERSON") not in found


def test_a_lone_name_is_the_person_only_by_a_surname_or_a_common_first_name(extract):
    """A name the model took for a person ("Yahoo Messenger") does not make its maker one;
    a surname or a common first name ("Mike" for "Mike Ruddock") does make the person."""
    text = ("Yahoo Messenger users will get the new service first, Yahoo said on Monday. "
            "Shares in Yahoo rose.\n\n"
            "Wales coach Mike Ruddock named his side. Mike has picked four new caps, and "
            "Ruddock said the squad was strong.\n")
    _, entities = extract(text)
    found = [(e.text, e.label) for e in entities if e.text in ("Yahoo", "Mike", "Ruddock")]
    assert ("Yahoo", "PERSON") not in found and ("Yahoo", "ORG") in found, found
    assert ("Ruddock", "PERSON") in found and ("Mike", "PERSON") in found, found


def test_a_platform_the_model_never_read_about_is_an_organisation(extract):
    """Companies named by one word the small model takes for a person or a place ("across
    Twitter", "Netflix subscribers") are organisations; "Apple" is left to the model."""
    text = ("The slogan drew ridicule across Twitter on Monday. Twitter can make a joke of it, "
            "the governor said.\n\n"
            "Netflix subscribers in Weibo posts said the show had been pulled.\n")
    _, entities = extract(text)
    found = [(e.text, e.label) for e in entities if e.text in ("Twitter", "Netflix", "Weibo")]
    assert found and all(label == "ORG" for _, label in found), found


def test_a_word_the_article_writes_as_a_common_noun_is_no_name_where_a_sentence_starts(extract):
    """"Hunter" opening the headline of a story about "the hunter" is no person (it is a
    surname too, so no list of common words has it); "Brown" opening a sentence stays the
    person where the article names Gordon Brown, a "brown envelope" notwithstanding; a
    caption's "Credit:" is a label."""
    text = ("Hunter catches plague after eating wild rabbit\n\n"
            "Doctors said the hunter had eaten the rabbit a week before he fell ill, and "
            "that the hunter was now in isolation.\n\n"
            "Chancellor Gordon Brown handed over a brown envelope. Brown said the budget "
            "would wait.\n\n"
            "A hospital in Tianjin, China, where people from Hebei sought treatment Credit: EPA\n")
    _, entities = extract(text, title_line=True)
    found = names(entities)
    assert not [t for t, _ in found if t in ("Hunter", "Credit")], found
    assert ("Brown", "PERSON") in found and ("Gordon Brown", "PERSON") in found, found


def test_a_subheading_in_capitals_reads_its_words_as_the_article_writes_them(extract):
    """"SCORES QUARANTINED" between two paragraphs is no person: the article writes
    "quarantined" in lower case (no list of common words has it); a country in capitals
    stays a country though some wire copy writes it in lower case."""
    text = ("Health officials said dozens of contacts were quarantined on Sunday after the "
            "case was confirmed in the city.\n\n"
            "SCORES QUARANTINED\n\n"
            "Most of those quarantined have since been released, officials said, and the "
            "hospital has reopened its doors.\n\n"
            "PERU TO SELL MINING STAKE\n\n"
            "The government of peru said it would sell its stake in the mine.\n")
    _, entities = extract(text)
    found = names(entities)
    assert not [t for t, _ in found if "QUARANTINED" in t.upper()], found
    assert ("PERU", "GPE") in found, found


def test_headings_and_titles_of_common_words_are_no_people(extract):
    # a web page's subheadings, and film titles, that the model takes for names by their
    # shape; a singer with a first name and a performer the article names as one stay people
    _, found = extract(
        "Healthy Eating\n\nA plate of vegetables, grains and protein keeps energy steady, "
        "the nutritionist Anna Berg said.\n\nLose Weight\n\nSmall changes add up: walking "
        "to work burns more than most people think, Berg said.\n\nStay Connected\n\n"
        "The cinema reopens with Dark Water and Kill Bill, and Beautiful Mind plays on "
        "Sunday. The singer Will Young and the rapper Danger Mouse play the festival.\n")
    people = {text for text, label in names(found) if label == "PERSON"}
    assert not people & {"Healthy Eating", "Lose Weight", "Stay Connected", "Dark Water",
                         "Kill Bill", "Beautiful Mind"}
    assert {"Anna Berg", "Will Young", "Danger Mouse"} <= people


def test_newspapers_named_for_their_town_are_organisations(extract):
    _, found = extract("Chains that own the Miami Herald and the Hartford Courant cut jobs, the "
                       "Sacramento Examiner reported.\n")
    assert {("Miami Herald", "ORG"), ("Hartford Courant", "ORG"),
            ("Sacramento Examiner", "ORG")} <= set(names(found))


def test_copied_page_credits_bylines_and_addresses_are_read_apart(extract):
    # what web pages glue to a name: a byline's date, a photo credit's agencies, a quote's
    # dash, the possessive of the word before, a link
    _, found = extract(
        "By Maria Olsen - 11/18/19 06:56 AM EST\n\n"
        "Smog over the capital. (Anil Sharma/Hindustan Times via Getty Images)\n\n"
        "The council paid a visit to the city’s Hoa Lo museum on Tuesday.\n\n"
        "— Dianna E. Anderson, author of a book on the subject\n\n"
        "we’re. on. it. https://t.co/Xb12Kq9ZpL\n\n"
        "A firefighter works near a house. (AP Photo/Mark Keller)\n\n"
        "Chris Doyle - Live from the Apollo, out now.\n")
    texts = {text for text, _ in names(found)}
    assert ("Maria Olsen", "PERSON") in names(found)
    assert ("Anil Sharma", "PERSON") in names(found)
    assert ("Hindustan Times", "ORG") in names(found)
    assert ("Dianna E. Anderson", "PERSON") in names(found)
    assert ("Mark Keller", "PERSON") in names(found) and ("Chris Doyle", "PERSON") in names(found)
    assert not [t for t in texts if t.startswith(("’s", "—")) or "/" in t or " - " in t], texts
    assert not [t for t in texts if "://" in t], texts


def test_no_person_holds_a_figure(extract):
    # products and titles numbered as sequels are no people; a name beside an age or a
    # score is the person, without the figure
    _, found = extract("Microsoft is preparing Xbox 2 for a launch next year.\n\n"
                       "Sony said Spider-Man 2 sold well. Fans of Frozen 2 queued for hours.\n\n"
                       "Singer Natalie Appleton,31, said she was delighted.\n")
    people = {text for text, label in names(found) if label == "PERSON"}
    assert not [p for p in people if any(c.isdigit() for c in p)], people
    assert "Natalie Appleton" in people


def test_companies_the_model_never_read_about_are_organisations(extract):
    # one-word companies younger than the model's training news: taken for people and
    # places, or missed
    _, found = extract("SpaceX launched another rocket on Monday. Shares in Alibaba rose 3%, "
                       "and Nvidia, Qualcomm and Foxconn fell.\n\n"
                       "Tencent and Etsy reported results.\n")
    assert {("SpaceX", "ORG"), ("Alibaba", "ORG"), ("Nvidia", "ORG"), ("Qualcomm", "ORG"),
            ("Foxconn", "ORG"), ("Tencent", "ORG"), ("Etsy", "ORG")} <= set(names(found))


def test_a_full_name_whose_surname_the_article_calls_a_person_is_that_person(extract):
    """The model may type a full name an organisation while it calls the surname alone a
    person ("Marion Jones" four times an organisation, "Jones" six times a person): the
    full name is the person too, when the surname is sure of itself (a first name the
    census knows, a title, or more than one mention)."""
    _, entities = extract("The SNP's Nicola Sturrock has demanded to know who was "
                          "responsible. Ms Sturrock said the public deserved answers.\n")
    assert ("Nicola Sturrock", "PERSON") in names(entities), names(entities)
    _, entities = extract("Ireland's Eamonn Cragg won in 7:41.02 as the favourite battled to "
                          "second. Cragg said later he was delighted. Cragg will run again on "
                          "Sunday.\n")
    assert ("Eamonn Cragg", "PERSON") in names(entities), names(entities)


def test_a_company_or_side_named_like_a_person_is_not_made_one():
    """What the rule above leaves alone: a company whose last word the model once took for
    a person, with no first name or title ("Deutsche Kreditbank"); a side written "the
    Ospreys"; a place ("South Yorkshire")."""
    from taiwan_reader_index.entities.consistency import named_by_surname
    from taiwan_reader_index.entities.mention import Mention

    def typed(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
        at, mentions = 0, []
        for name, label in spans:
            start = text.index(name, at)
            mentions.append(Mention(start, start + len(name), label))
            at = start + len(name)
        return [(text[m.start:m.end], m.label) for m in named_by_surname(text, mentions)]

    text = "Shares in Deutsche Kreditbank rose. Kreditbank said profits grew."
    assert typed(text, [("Deutsche Kreditbank", "ORG"), ("Kreditbank", "PERSON")])[0] \
        == ("Deutsche Kreditbank", "ORG")
    text = "The Neath Ospreys won. The Ospreys are top, and the Ospreys rest."
    assert typed(text, [("Neath Ospreys", "ORG"), ("Ospreys", "PERSON"), ("Ospreys", "PERSON")]
                 )[0] == ("Neath Ospreys", "ORG")
    text = "A South Yorkshire firm. Yorkshire said so, and Yorkshire agreed."
    assert typed(text, [("South Yorkshire", "GPE"), ("Yorkshire", "PERSON"),
                        ("Yorkshire", "PERSON")])[0] == ("South Yorkshire", "GPE")
    # and the rule itself, on the same shapes: a surname twice a person makes the name one
    text = "Ireland's Eamonn Cragg won. Cragg said so, and Cragg agreed."
    assert typed(text, [("Eamonn Cragg", "ORG"), ("Cragg", "PERSON"), ("Cragg", "PERSON")]
                 )[0] == ("Eamonn Cragg", "PERSON")


def test_a_product_line_is_no_person_and_a_lone_common_word_is_no_name(extract):
    """A name ending in a product line's word ("MacBook Pro", "Chromecast Ultra") is a
    product, never a person or a company; a one-word "person" that is a common English
    word the article never gives a person's marks ("Blizzard" the games company, "Seek"
    of a film's title) is no name at all. A common word that is someone's surname stays
    a person where the article shows it: a full name, a title, speech, a line-up."""
    _, entities = extract("The 13-inch MacBook Pro gets a better keyboard. The MacBook Pro "
                          "costs $1,299, and the MacBook Pro ships next week.\n")
    assert set(names(entities)) == {("MacBook Pro", "PRODUCT")}, names(entities)
    _, entities = extract("More than 80,000 players joined on the first night, forcing "
                          "Blizzard to add 20 more servers.\n\nThe thriller took £2m in its "
                          "first three days on release. Hide And Seek, which was knocked off "
                          "the top of the chart, fell to third.\n")
    found = names(entities)
    assert not [name for name in found if name[1] == "PERSON"], found
    _, entities = extract(
        "Man City: James, Mills, Dunne, Distin, Thatcher, Bosvelt, Barton, Sibierski, "
        "Fowler, Macken. Subs Not Used: Weaver, Onuoha, Flood.\n\nGordon Brown has said "
        "the economy is strong. Brown said he would not move. Vice President Pence spoke "
        "on Tuesday.\n")
    found = names(entities)
    assert missing(found, [("Flood", "PERSON"), ("Brown", "PERSON"), ("Pence", "PERSON")]) \
        == [], found
    # a body whose name ends in "Air" or "Plus" is left one: an airline, a broadcaster
    from taiwan_reader_index.entities.consistency import product_lines
    from taiwan_reader_index.entities.mention import Mention

    text = "CP Air raised fares. Canal Plus showed the match. A MacBook pro ships."
    kept = product_lines(text, [Mention(0, 6, "ORG"), Mention(21, 31, "ORG"),
                                Mention(52, 63, "ORG")])
    assert [(text[m.start:m.end], m.label) for m in kept] == [
        ("CP Air", "ORG"), ("Canal Plus", "ORG"), ("MacBook pro", "PRODUCT")]


def test_a_group_written_the_x_who_is_no_person(extract):
    """", who" after a name is a person's mark, but not after "the": "the Taliban, who
    have long refused" had made the group a person at every mention."""
    _, entities = extract(
        "Two teachers held by the Taliban in Afghanistan since 2016 were freed on Tuesday. "
        "The release came hours after the government freed three Taliban prisoners. The "
        "Taliban, who have long refused to negotiate, said the talks would go on. Washington "
        "and the Taliban had been holding direct talks.\n")
    found = names(entities)
    assert ("Taliban", "ORG") in found and ("Taliban", "PERSON") not in found, found


def test_no_name_or_date_holds_a_spaced_dash(extract):
    """A spaced dash ends a date or a name: what follows in lower case is the sentence's
    ("the two previous months - to 139,000"), and names on both sides are two
    ("Lithuania - Danius Gleveckas", a squad list). A range stays one date."""
    _, entities = extract("Job figures were revised for the two previous months - to 139,000 "
                          "in September. Sales fell over nine years - in part because of "
                          "imports. The fair runs 3 - 5 June.\n\nLithuania - Danius Gleveckas "
                          "(13th), Romas Petrukanecas (54th).\n")
    every = [(e.text, e.label) for e in entities]
    assert ("the two previous months", "DATE") in every and ("nine years", "DATE") in every, every
    assert not [text for text, _ in every if " - " in text and not text[0].isdigit()], every
    assert ("Lithuania", "GPE") in every and "Danius Gleveckas" in [t for t, _ in every], every


def test_a_nationality_before_a_person_taken_for_a_body_is_a_people_and_a_person(extract):
    """"Australian Rodney Ealing" read as one company is the nationality and the player,
    where a common first name follows the nationality ("Canadian Tire" stays a company)."""
    _, entities = extract("Jansher plays second-seeded Australian Rodney Ealing in the final."
                          "\n\nIn the other semi-final, top seed Peter Nicol meets "
                          "fourth-seeded American Abigail Spence.\n\nCanadian Tire said its "
                          "profits rose.\n")
    found = names(entities)
    assert missing(found, [("Australian", "NORP"), ("Rodney Ealing", "PERSON"),
                           ("American", "NORP"), ("Abigail Spence", "PERSON")]) == [], found
    assert ("Canadian Tire", "ORG") in found, found


def test_a_common_noun_written_as_an_acronym_is_no_name(extract):
    """"USB", "GPU", "RAM", "DAB" are things, not companies; a company wire copy names in
    angle brackets keeps its name ("its <SMS> unit")."""
    _, entities = extract("The new laptop has three USB ports, a faster GPU and 32GB of RAM. "
                          "Sony said the DAB radio would sell well.\n\nThe brokerage has "
                          "about 70 staff in its <SMS> unit.\n")
    assert sorted(names(entities)) == [("SMS", "ORG"), ("Sony", "ORG")], names(entities)


def test_a_plural_name_written_the_x_alone_is_a_group_not_a_person(extract):
    """A band, a side or a family stands as "the" name ("the Beatles are", "the
    Gunners."); the model had called such names people. A person's name before a noun
    it qualifies stays a person ("the Rogers and Hammerstein classic")."""
    _, entities = extract("Sales of Beatles records rose sharply this year. Fans of the "
                          "Beatles bought the new box set, and the Beatles are still the "
                          "best-selling act.\n\nThe Rogers and Hammerstein classic opens "
                          "tonight.\n")
    found = names(entities)
    assert ("Beatles", "ORG") in found and ("Beatles", "PERSON") not in found, found
    assert ("Rogers", "PERSON") in found, found


def test_an_office_before_a_one_word_name_makes_it_a_person(extract):
    """"President Trump" says the name is a person's, as "Mr" does, however often the
    model calls it a company elsewhere ("Trump staffers", "Trump's foreign policy")."""
    _, entities = extract("Obama aides allegedly left Trump staffers a note. Bolton attacked "
                          "Trump's foreign policy.\n\nThey were on the verge of a deal when "
                          "President Trump scuttled the talks in September.\n")
    found = names(entities)
    assert ("Trump", "PERSON") in found and ("Trump", "ORG") not in found, found


def test_a_partys_members_are_a_group_and_a_place_before_a_word_is_no_full_name(extract):
    """"Democrats" and "Virginia Democrats" are a party's members, not people; and a name
    that begins with a state is no first name and surname, so its last word is no
    one's surname. A first name that is also a state's keeps its person ("Virginia
    Giuffre ... Giuffre said")."""
    _, entities = extract("Voters did the opposite of what he hoped. Virginia Democrats won "
                          "a legislative majority for the first time since 1993. Democrats in "
                          "Texas made gains too. It is true that Democrats did not run on the "
                          "issue.\n\nVirginia Giuffre spoke to reporters. \"He knows what he "
                          "did,\" Giuffre said.\n")
    found = names(entities)
    assert ("Democrats", "NORP") in found and not [n for n in found if "Democrats" in n[0]
                                                     and n[1] == "PERSON"], found
    assert ("Giuffre", "PERSON") in found, found


def test_a_known_product_is_a_product_not_its_maker_or_a_place(extract):
    """"the iPod" is no company and "Windows" no people or place: a short list of
    products news names by one word no other thing has."""
    _, entities = extract("Sales of the iPod rose sharply over Christmas, and Apple said "
                          "demand for the iPod would stay strong. The software runs on "
                          "computers with Windows and on the Xbox console.\n")
    found = names(entities)
    assert sorted(set(found)) == [("Apple", "ORG"), ("Windows", "PRODUCT"), ("Xbox", "PRODUCT"),
                                  ("iPod", "PRODUCT")], found
    # and the weapon systems of defence news by their acronyms, which the model reads as
    # companies
    _, entities = extract("The island plans to buy 18 more HIMARS, and the THAAD batteries will "
                          "stay, the ministry said.\n")
    found = names(entities)
    assert missing(found, [("HIMARS", "PRODUCT"), ("THAAD", "PRODUCT")]) == [], found


def test_a_name_ending_in_what_a_company_is_is_no_person(extract):
    """"Harbourline Pictures, the studio behind the film" reads like a person in
    apposition to the learned retyper; a name that ends in what a body is ("Pictures",
    "Labs", "Airlines", "Holdings") is an organisation, whatever the model says."""
    _, entities = extract("The film will follow a hero who saves the world. Harbourline "
                          "Pictures, the studio behind the film, said shooting starts in May. "
                          "Shares in Brightwave Labs rose, and Coral Airlines added flights.\n")
    assert sorted(names(entities)) == [("Brightwave Labs", "ORG"), ("Coral Airlines", "ORG"),
                                       ("Harbourline Pictures", "ORG")], names(entities)


def test_a_one_word_person_always_written_the_x_alone_is_no_person(extract):
    """A name the model called a person that the article writes only as "the" name, on its
    own ("at the Bernabeu.", "the Bernabeu, home to"), is no one's name: a person is
    never "the Smith". "The Reagan administration" keeps its person."""
    _, entities = extract("Ronaldo scored twice as Madrid won at the Bernabeu. It was the first "
                          "time this season that the Bernabeu, home to 80,000 fans, had seen "
                          "five goals.\n\nThe Reagan administration said it would act.\n")
    found = names(entities)
    assert ("Bernabeu", "PERSON") not in found and ("Reagan", "PERSON") in found, found


def test_a_role_word_opening_a_sentence_is_part_of_a_name_before_a_common_word(extract):
    """"Rapper 50 Cent" and "Striker Wayne Rooney" open with a role, not a name; "Star
    Technologies Inc" does not: no person's name begins with a common word."""
    _, entities = extract("Star Technologies Inc said profits rose in the first quarter.\n\n"
                          "Rapper 50 Cent topped the chart. Striker Wayne Rooney scored.\n")
    found = names(entities)
    assert missing(found, [("Star Technologies Inc", "ORG"), ("50 Cent", "PERSON"),
                           ("Wayne Rooney", "PERSON")]) == [], found


def test_a_plural_name_the_model_calls_a_product_written_the_x_alone_is_a_group():
    """A side the model took for a product ("the Lakers’ fifth straight win", "the
    Lakers, are") is a group like a band the model took for people."""
    import re

    from taiwan_reader_index.entities.consistency import consistent
    from taiwan_reader_index.entities.mention import Mention

    text = ("Davis scored 34 points in the Lakers’ fifth straight win. Both teams, the "
            "Clippers and the Lakers, are really good.")
    found = [Mention(m.start(), m.end(), "PRODUCT") for m in re.finditer("Lakers", text)]
    assert [m.label for m in consistent(text, [(0, len(text))], found)] == ["ORG", "ORG"]


def test_a_full_name_opening_with_a_common_first_name_is_a_person(extract):
    """The model types some full names an organisation ("The coach praised Nadia
    Petrovska"): a common first name before a surname that is no English word makes a
    person."""
    _, entities = extract("The coach praised Nadia Petrovska after the final.\n\n"
                          "The crowd cheered Carolina Kvist at the finish.\n")
    found = names(entities)
    assert missing(found, [("Nadia Petrovska", "PERSON"), ("Carolina Kvist", "PERSON")]) == [], \
        found


def test_a_company_place_or_work_named_for_someone_keeps_its_type():
    """What the rule above leaves alone, where the article says what the name is: a
    business word or a head noun beside it, a place's preposition, a title it opens, a
    body beside it in a list, a surname that is an English word, two first names."""
    from taiwan_reader_index.entities.consistency import given_named_people
    from taiwan_reader_index.entities.mention import Mention

    def typed(text: str, name: str, label: str = "ORG") -> str:
        start = text.index(name)
        mentions = [Mention(start, start + len(name), label)]
        if "Citibank" in text:
            mentions.insert(0, Mention(text.index("Citibank"), text.index("Citibank") + 8, "ORG"))
        return given_named_people(text, mentions)[-1].label

    assert typed("The auction sold a gown that belonged to Ella Fitzgerald.",
                 "Ella Fitzgerald") == "PERSON"  # the rule itself, on the same shapes
    assert typed("It named a new team at its Eddie Bauer specialty retailing subsidiary.",
                 "Eddie Bauer") == "ORG"
    assert typed("It paid $1bn for US wine maker Robert Mondavi last month.",
                 "Robert Mondavi") == "ORG"
    assert typed("The rate matched a move made yesterday by Citibank and Chase Manhattan.",
                 "Chase Manhattan") == "ORG"
    assert typed("The event takes place at the Beverly Hilton hotel.", "Beverly Hilton",
                 "GPE") == "GPE"
    assert typed("She joined the company in Monte Carlo at 14.", "Monte Carlo", "GPE") == "GPE"
    assert typed("Bridget Jones: The Edge of Reason was named best film.",
                 "Bridget Jones") == "ORG"
    assert typed("Mike Leigh's Vera Drake is among the nominees.", "Vera Drake") == "ORG"
    assert typed("Shares of Morgan Stanley rose.", "Morgan Stanley") == "ORG"
    assert typed("A song by Crystal Palace fans.", "Crystal Palace") == "ORG"


def test_an_amount_of_money_is_its_sign_figure_and_unit(extract):
    """The model leaves a currency's sign out of an amount unless "billion" follows, takes
    the letters of "US$" for a place and misses "HK$3,000"; a number before a currency's
    name is money; and no amount or date keeps the spaced dash after it."""
    _, entities = extract("A trombone fetched $40,000 and a gown £267,000, against a US$20,000 "
                          "estimate. The fee was HK$3,000, about €300,000 in all, and profit "
                          "was $1.5m. Net profit was 18.7 mln dlrs, and the fine 40,000 euros. "
                          "Costs reached £50bn - 14% higher than planned - by March 2 - "
                          "later than hoped.\n")
    money = [(e.text, e.label) for e in entities if e.label == "MONEY"]
    assert money == [("$40,000", "MONEY"), ("£267,000", "MONEY"), ("US$20,000", "MONEY"),
                     ("HK$3,000", "MONEY"), ("about €300,000", "MONEY"), ("$1.5m", "MONEY"),
                     ("18.7 mln dlrs", "MONEY"), ("40,000 euros", "MONEY"),
                     ("£50bn", "MONEY")], money
    assert all(not e.text.endswith(("-", " ")) for e in entities), entities
    assert not [e for e in entities if e.text == "US"], entities


def test_a_law_is_named_as_one_and_what_is_not_is_no_law():
    """What the model calls a law must say it is one ("Act", "Treaty", "Section 404", an
    acronym); an agreement named for a place takes its word in lower case ("the Louvre
    accord"); a show is an event, a body's name a body, and the rest ("Touch Bar", a
    page's "Geekbench 5 Compute") no law at all."""
    from taiwan_reader_index.entities.mention import Mention
    from taiwan_reader_index.entities.refine import refine_piece

    def law(text: str, name: str) -> list[tuple[str, str]]:
        start = text.index(name)
        found = refine_piece(text, [Mention(start, start + len(name), "LAW")])
        return [(text[m.start:m.end], m.label) for m in found]

    assert law("Apple added a Touch Bar to the laptop.", "Touch Bar") == []
    assert law("It scored 1,200 in Geekbench 5 Compute on the test.", "Geekbench 5 Compute") == []
    assert law("Tickets for the Consumer Electronics Show sold out.",
               "Consumer Electronics Show") == [("Consumer Electronics Show", "EVENT")]
    assert law("The Law Lords heard the appeal.", "Law Lords") == [("Law Lords", "ORG")]
    assert law("Ministers reaffirmed the Louvre accord on Friday.", "Louvre") \
        == [("Louvre accord", "LAW")]
    assert law("The Act of Union was passed in 1707.", "Act of Union") \
        == [("Act of Union", "LAW")]  # its head is "Act", not "Union"
    for text, name in (("The Hunting Act came into force.", "Hunting Act"),
                       ("It filed for Chapter 11 protection.", "Chapter 11"),
                       ("The talks on GATT resumed.", "GATT"),
                       ("The Treaty of Amsterdam was signed.", "Treaty of Amsterdam")):
        assert law(text, name) == [(name, "LAW")]


def test_an_agreement_named_for_a_city_or_a_name_the_model_missed_is_one_law():
    """"the Geneva accord" (the model reads a city), "the Versailles treaty" (the model
    reads nothing): an agreement, with its word in lower case. Not a country's, a
    people's or a month's agreement ("the China agreement", "the Mexican accord", "the
    December pact")."""
    from taiwan_reader_index.entities.mention import Mention
    from taiwan_reader_index.entities.refine import refine_piece

    def found(text: str, *names: tuple[str, str]) -> list[tuple[str, str]]:
        given = [Mention(text.index(n), text.index(n) + len(n), label) for n, label in names]
        return [(text[m.start:m.end], m.label) for m in refine_piece(text, given)]

    assert found("Ministers said the Geneva accord would hold.", ("Geneva", "GPE")) \
        == [("Geneva accord", "LAW")]
    assert found("Historians blame the Versailles treaty for much of it.") \
        == [("Versailles treaty", "LAW")]
    assert found("Traders doubted the China agreement.", ("China", "GPE")) == [("China", "GPE")]
    assert found("Traders doubted the Mexican accord and the December pact.",
                 ("Mexican", "NORP"), ("December", "DATE")) \
        == [("Mexican", "NORP"), ("December", "DATE")]


def test_no_surname_is_taken_from_a_person_whose_first_word_is_a_common_word():
    """A "person" that opens with a common word, no first name ("Fallen Order", a game's
    subtitle), lends no surname: "Order 66" elsewhere in the article is no person."""
    from taiwan_reader_index.entities.mention import Mention
    from taiwan_reader_index.entities.refine import refine_article

    text = ("Fallen Order is a confident game. Nothing happens beyond Order 66, and Fallen "
            "Order keeps it so.")
    found = [Mention(0, 12, "PERSON"), Mention(text.rindex("Fallen"), text.rindex("Order") + 5,
                                                "PERSON")]
    out = refine_article(text, [(0, len(text))], found)
    assert [(text[m.start:m.end], m.label) for m in out] \
        == [("Fallen Order", "PERSON"), ("Fallen Order", "PERSON")], out


def test_a_person_cut_in_two_is_one_person(extract):
    """Two people are never written side by side with only a space between: the model's
    "Susilo Bambang" and "Yudhoyono" (before a possessive), a seeding list's "Silvia"
    and "Farina Elia" are one person each. Two full names side by side (a page's tags)
    stay two."""
    _, entities = extract("President Susilo Bambang Yudhoyono's government has said it wants "
                          "change.\n\n15 Silvia Farina Elia (Italy)\n")
    found = names(entities)
    assert missing(found, [("Susilo Bambang Yudhoyono", "PERSON"),
                           ("Silvia Farina Elia", "PERSON")]) == [], found
    assert ("Yudhoyono", "PERSON") not in found and ("Silvia", "PERSON") not in found, found

    from taiwan_reader_index.entities.consistency import one_person_a_name
    from taiwan_reader_index.entities.mention import Mention

    text = "Tags: Denny Hamlin Michael Jordan"
    tags = [Mention(6, 18, "PERSON"), Mention(19, 33, "PERSON")]
    assert one_person_a_name(text, tags) == tags


def test_every_player_in_a_list_with_countries_in_brackets_is_a_person(extract):
    """A seeding list gives each player with a country in brackets; the model misses some
    and takes others for companies. Where most of those it found are people, all are. A
    list of clubs stays clubs (the model's people in it aside)."""
    _, entities = extract("Seeds for the event:\n\n1 Lindsay Davenport (US)\n\n2 Amelie Mauresmo "
                          "(France)\n\n3 Anastasia Myskina (Russia)\n\n4 Marat Safin (Russia)\n\n"
                          "14 Francesca Schiavone (Italy)\n\n16 Ai Sugiyama (Japan)\n\n"
                          "17 Fabiola Zuluaga (Colombia)\n")
    people = [text for text, label in names(entities) if label == "PERSON"]
    assert people == ["Lindsay Davenport", "Amelie Mauresmo", "Anastasia Myskina", "Marat Safin",
                      "Francesca Schiavone", "Ai Sugiyama", "Fabiola Zuluaga"], names(entities)
    _, entities = extract("Results:\n\nReal Madrid (Spain) 2 Dynamo Kiev (Ukraine) 1\n\n"
                          "Bayern Munich (Germany) 1 Juventus (Italy) 0\n\n"
                          "Inter Milan (Italy) 3 Club Brugge (Belgium) 0\n")
    assert missing(names(entities), [("Real Madrid", "ORG"), ("Inter Milan", "ORG")]) == [], \
        names(entities)


def test_a_ship_is_a_product_and_a_numbered_unit_keeps_its_number(extract):
    """A ship named with its navy's prefix or after what it is is a vehicle, a product
    ("HMS Queen Elizabeth" had been the person "Queen Elizabeth", "the aircraft carrier
    Shandong" a company); a military unit keeps its number ("the 7th
    Fleet", "the 82nd Airborne Division" had lost it)."""
    _, entities = extract("The USS Ralph Johnson and HMS Queen Elizabeth sailed with the 7th "
                          "Fleet, the U.S. Navy said. Troops of the 82nd Airborne Division "
                          "arrived later.\n")
    found = names(entities)
    assert missing(found, [("USS Ralph Johnson", "PRODUCT"), ("HMS Queen Elizabeth", "PRODUCT"),
                           ("7th Fleet", "ORG"), ("82nd Airborne Division", "ORG")]) == [], found
    assert ("Queen Elizabeth", "PERSON") not in found, found
    _, entities = extract("Japan reported the aircraft carrier Shandong east of Taiwan, and the "
                          "Chinese frigate Xuchang. The tanker Exxon Valdez ran aground.\n")
    found = names(entities)
    assert missing(found, [("Shandong", "PRODUCT"), ("Xuchang", "PRODUCT"),
                           ("Exxon Valdez", "PRODUCT"), ("Chinese", "NORP")]) == [], found
    # a shoal or a reef is a place, not a building; the Philippine navy's prefix too
    _, entities = extract("Chinese ships rammed Philippine vessels near Second Thomas Shoal, where "
                          "the BRP Sierra Madre has been grounded since 1999.\n")
    found = names(entities)
    assert missing(found, [("Second Thomas Shoal", "LOC"), ("BRP Sierra Madre", "PRODUCT")]) \
        == [], found


def test_a_romanised_given_name_is_whole_across_its_hyphen(extract):
    """The model stops a Taiwanese or Korean given name at its hyphen where the second
    syllable is an English word ("Chiang Wan-an" was "Chiang Wan"); the name is whole.
    A longer English word after a name's hyphen is not the name's ("Xi-led")."""
    _, entities = extract("Taipei mayor Chiang Wan-an attended. Mayor Chiang Wan-an spoke, and "
                          "South Korea's Moon Jae-in listened.\n\nThe Xi-led party met.\n\n"
                          "South Korea's President Yoon Suk-yeol will attend.\n")
    found = names(entities)
    assert [text for text, label in found if label == "PERSON"] \
        == ["Chiang Wan-an", "Chiang Wan-an", "Moon Jae-in", "Yoon Suk-yeol"], found


def test_no_rank_or_office_is_part_of_a_name(extract):
    """A rank or an office before a name is a title, not the name ("Admiral Samuel
    Paparo" is "Samuel Paparo"), as "Mr" and "Senator" are; and one list of titles
    serves both as a person's mark and as what leaves a name: a surname ending a
    sentence ("Mr King.") titles no name in the next paragraph."""
    _, entities = extract("Admiral Samuel Paparo told the committee. Conservative MP Colonel "
                          "Bob Stewart agreed. Sheikh Mohammed bin Rashid Al Maktoum opened it.\n")
    people = [text for text, label in names(entities) if label == "PERSON"]
    assert people == ["Samuel Paparo", "Bob Stewart", "Mohammed bin Rashid Al Maktoum"], people

    from taiwan_reader_index.entities.refine import NAME_TITLES

    assert NAME_TITLES.search("said Gen. ") and NAME_TITLES.search("King ")
    assert not NAME_TITLES.search("and Mr King.\n\n")


def test_a_named_storm_is_an_event(extract):
    """A storm by its name is an event ("Typhoon Krathon" had been a company, "Cyclone
    Nargis" a person); a body named for storms is not one ("the Hurricane Center")."""
    _, entities = extract("Typhoon Krathon hit Kaohsiung. Cyclone Nargis killed thousands, and "
                          "Tropical Storm Allison flooded Houston, the Hurricane Center said.\n")
    found = names(entities)
    assert missing(found, [("Typhoon Krathon", "EVENT"), ("Cyclone Nargis", "EVENT"),
                           ("Tropical Storm Allison", "EVENT")]) == [], found
    assert ("Hurricane Center", "EVENT") not in found, found


def test_the_writers_a_byline_or_credit_names_are_people(extract):
    """"Reporting by ...; Editing by Lincoln Feast": the model took the editor for a
    company. What the byline says after a name ("Staff Writer", "Business Columnist", a
    date) is not the name, and an outlet named alone after a comma stays the outlet."""
    _, entities = extract("Reporting by Mei Chen and Tom Hale; Editing by Lincoln Feast\n\n"
                          "By Michael Hiltzik Business Columnist\n\n"
                          "By Jill Disis, CNN Business\n")
    people = [text for text, label in names(entities) if label == "PERSON"]
    assert people == ["Mei Chen", "Tom Hale", "Lincoln Feast", "Michael Hiltzik", "Jill Disis"], \
        names(entities)


def test_a_school_or_university_is_an_organisation_by_its_head(extract):
    """A name whose head is a school's ("Lee Kuan Yew School of Public Policy", before
    its "of") is an organisation, not the building the model took it for."""
    _, entities = extract("Drew Thompson, now at the Lee Kuan Yew School of Public Policy in "
                          "Singapore, said so.\n")
    found = names(entities)
    assert ("Lee Kuan Yew School of Public Policy", "ORG") in found, found


def test_a_law_named_on_a_day_ends_before_the_day_and_an_exercise_is_an_event(extract):
    """"introduced the Taiwan Weapons Exports Act on Wednesday", "the Ministry of Foreign
    Affairs on Friday": no day or month is part of a law's or a body's name (a law's name
    may go on with "on" a name: "General Agreement on Tariffs and Trade"); "the annual
    Balikatan exercise" is an event, not a town."""
    _, entities = extract("China's Ministry of Foreign Affairs on Friday announced countermeasures"
                          " under the UN Convention on Seafarers' Identity Documents of June 2003.\n")
    found = names(entities)
    assert missing(found, [("Ministry of Foreign Affairs", "ORG"),
                           ("UN Convention on Seafarers' Identity Documents", "LAW")]) == [], found
    _, entities = extract("Two senators introduced the Taiwan Weapons Exports Act on Wednesday. "
                          "Marines will join the annual Balikatan exercise in the Philippines. "
                          "The General Agreement on Tariffs and Trade was cited.\n")
    found = names(entities)
    assert missing(found, [("Taiwan Weapons Exports Act", "LAW"), ("Balikatan", "EVENT"),
                           ("General Agreement on Tariffs and Trade", "LAW")]) == [], found


def test_a_body_found_by_its_shape_leaves_its_owner_and_a_base_its_name(extract):
    """A body's name found by its head word ("Department of ...", "... Agency") starts
    after a name that owns it ("the Executive Yuan's Department of Cyber Security" is
    two bodies), not after a common word's possessive ("People's Liberation Army"); and
    a name going on after the head word is not cut there ("Andersen Air Force Base")."""
    _, entities = extract("In Taipei, the Executive Yuan's Department of Cyber Security said so. "
                          "The People's Liberation Army Navy sailed. Guam is home to Andersen "
                          "Air Force Base, officials said.\n")
    found = names(entities)
    assert missing(found, [("Executive Yuan", "ORG"), ("Department of Cyber Security", "ORG"),
                           ("People's Liberation Army Navy", "ORG")]) == [], found
    assert [text for text, _ in found if "Andersen" in text] == ["Andersen Air Force Base"], found
    assert ("Andersen Air Force Base", "FAC") in found, found  # a base is a facility


def test_a_title_that_capitalises_its_small_words_is_a_work(extract):
    """Names keep "for", "you" or "it" in lower case; titles capitalise them. A run that
    does, inside a sentence, is a work's title, after its owner's possessive too ("the
    singer's Make It Up To Me"); a song is named after "her new single" or "their 1998
    hit". Not a body ("Centre For Policy Studies"), two names joined ("Tom Baker and Will
    Carling"), two countries ("the UK and the US"), nor a line of headlines."""
    _, entities = extract(
        "The band's new single Nobody Waits For You entered the chart at number nine, ahead "
        "of Lena Marsh's Make It Up To Me and the old favourite Stand By Your Fences.\n\n"
        "Her latest single Lanterns sold well, and their 1998 hit Harbour Lights was "
        "re-released in the UK and the US.\n\n"
        "A report by the Centre For Policy Studies was praised by Tom Baker and Will Carling "
        "at the launch on Monday.\n")
    found = names(entities)
    assert missing(found, [("Nobody Waits For You", "WORK_OF_ART"),
                           ("Lena Marsh", "PERSON"), ("Make It Up To Me", "WORK_OF_ART"),
                           ("Stand By Your Fences", "WORK_OF_ART"),
                           ("Lanterns", "WORK_OF_ART"), ("Harbour Lights", "WORK_OF_ART"),
                           ("UK", "GPE"), ("US", "GPE"), ("Tom Baker", "PERSON"),
                           ("Will Carling", "PERSON")]) == [], found
    assert not [text for text, label in found if label == "WORK_OF_ART" and (
        "Centre" in text or "Baker" in text or "UK" in text)], found
    _, entities = extract("Top Stories\n\nWhy Markets Are Falling Again Today And What Comes "
                          "Next For Savers\n\nA quiet week for the markets ended on Friday.\n")
    assert not [text for text, label in names(entities) if label == "WORK_OF_ART"], names(entities)


def test_where_a_name_is_said_to_lie_makes_it_a_town(extract):
    """A town the model does not know, typed a person or a body, is a place where the
    article says where it lies: "the capital Qarshi", "Shahrisabz, 90 km from the
    border"; a lake said to lie somewhere is a lake ("Sarez Lake, 30 km north of"), and
    a base named as one a facility, however the sentence runs ("left Bagram Air Base")."""
    _, entities = extract(
        "Fighting spread to Zarafshan on Monday, aid workers said. The town lies 40 km (25 "
        "miles) east of the capital Qarshi. Refugees reached Shahrisabz, 90 km from the "
        "border, by Tuesday, and others camped by Sarez Lake, 30 km north of Zarafshan. "
        "Troops left Bagram Air Base on Monday.\n")
    found = names(entities)
    assert missing(found, [("Zarafshan", "GPE"), ("Qarshi", "GPE"), ("Shahrisabz", "GPE"),
                           ("Sarez Lake", "LOC"), ("Bagram Air Base", "FAC")]) == [], found


def test_a_family_name_written_first_is_the_person_alone(extract):
    """Chinese, Korean and Vietnamese names put the family name first, and a story then
    uses it alone: after "Wang Jiafu", "Wang" is that person however the model types it,
    and so is the full name after "Chen" is one ("Chen Longde" had been an organisation).
    A role word before a full name makes a person too ("the dissident Wang Jiafu")."""
    for lead, given, family in (("", "Wang Jiafu", "Wang"), ("", "Chen Longde", "Chen"),
                                ("", "Zhao Changqing", "Zhao"),
                                ("the dissident ", "Wang Jiafu", "Wang")):
        _, entities = extract(
            f"Chinese police have detained {lead}{given}, a rights group in New York said. "
            f"{family}, 45, was sentenced last month. Police beat {family} and a colleague, "
            f"it said.\n")
        found = names(entities)
        assert [label for text, label in found if family in text] == ["PERSON"] * 3, found


def test_the_outlets_a_report_cites_are_organisations(extract):
    """Reports cite other outlets, and the reader compares what each said: "told Der
    Spiegel" (a person to the model), "according to Politico" (a person), "Le Monde"
    (missed), "the South China Morning Post" (a place) are news organisations."""
    _, entities = extract(
        "The minister told Der Spiegel on Sunday that the sale would go ahead. According to "
        "Politico, the White House agreed. Le Monde said Paris had doubts, and the South "
        "China Morning Post said Beijing would respond.\n")
    found = names(entities)
    assert missing(found, [("Der Spiegel", "ORG"), ("Politico", "ORG"), ("Le Monde", "ORG"),
                           ("South China Morning Post", "ORG"), ("Paris", "GPE"),
                           ("Beijing", "GPE")]) == [], found


def test_a_quoted_title_after_what_the_work_is_is_all_one_work(extract):
    """"the film “On the Waterfront”" (missed), "the novel “In the Year of January”" (a
    date), "the series “The Crown”" (a product): all the quotation holds is the work."""
    _, entities = extract(
        "He is best known for the film “On the Waterfront”. In 1963 he wrote the novel “In "
        "the Year of January”, and this year he appeared in the series “The Crown”.\n")
    found = names(entities)
    assert missing(found, [("On the Waterfront", "WORK_OF_ART"),
                           ("In the Year of January", "WORK_OF_ART"),
                           ("The Crown", "WORK_OF_ART")]) == [], found


def test_a_meeting_a_strait_and_the_beats_long_body_names_are_typed_as_they_are(extract):
    """"the Shangri-La Dialogue" is a meeting, an event (a building to the model); a
    channel said to lie somewhere ("east of the Bashi Channel") a place, not a TV
    channel; "the American Institute in Taiwan" one body, not a body and a country."""
    _, entities = extract(
        "At the Shangri-La Dialogue in Singapore, the carrier was reported east of the Bashi "
        "Channel. Officials of the American Institute in Taiwan met lawmakers in Taipei.\n")
    found = names(entities)
    assert missing(found, [("Shangri-La Dialogue", "EVENT"), ("Singapore", "GPE"),
                           ("Bashi Channel", "LOC"), ("American Institute in Taiwan", "ORG"),
                           ("Taipei", "GPE")]) == [], found
    assert ("Taiwan", "GPE") not in found, found


def test_a_weapon_named_with_a_hyphened_to_and_a_contractors_division_are_whole(extract):
    """"the National Advanced Surface-to-Air Missile System" is one product (the model
    cut it at the hyphen into a body), and "Lockheed Martin Missiles and Fire Control"
    names the company whole, with no person "Martin Missiles" in it."""
    _, entities = extract(
        "The package includes the National Advanced Surface-to-Air Missile System and the "
        "Joint Air-to-Surface Standoff Missile. Beijing put Lockheed Martin Missiles and "
        "Fire Control on its list of unreliable entities.\n")
    found = names(entities)
    assert missing(found, [("National Advanced Surface-to-Air Missile System", "PRODUCT"),
                           ("Joint Air-to-Surface Standoff Missile", "PRODUCT"),
                           ("Lockheed Martin", "ORG"), ("Beijing", "GPE")]) == [], found
    assert not [text for text, label in found if label == "PERSON"], found


def test_a_newspaper_named_as_papers_are_is_an_organisation(extract):
    """"the Evening Standard" (a work, or a person before "film critic"), "the Sunday
    Telegraph" (a day and a body), "the Mail on Sunday" (a body and a day): each paper
    is one organisation; "on Sunday" before a capitalised word stays a day."""
    _, entities = extract(
        "The minister told the Sunday Telegraph and the Mail on Sunday that he would stay. "
        "Evening Standard film critic Derek Malcolm said the film was a triumph. Workers "
        "said on Sunday Mail deliveries would resume.\n")
    found = names(entities)
    assert missing(found, [("Sunday Telegraph", "ORG"), ("Mail on Sunday", "ORG"),
                           ("Evening Standard", "ORG"), ("Derek Malcolm", "PERSON")]) == [], found
    assert ("Sunday Mail", "ORG") not in found, found
