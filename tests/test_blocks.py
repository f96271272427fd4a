from __future__ import annotations

from taiwan_reader_index.articles.blocks import is_headline_like, split_blocks


def test_blank_line_paragraphs_keep_offsets():
    text = "First paragraph here.\n\nSecond one, also here.\n"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["First paragraph here.", "Second one, also here."]
    assert all(text[b.start : b.end] == b.text for b in blocks)


def test_hard_wrapped_prose_is_one_paragraph():
    text = (
        "The defence ministry said on Monday that the drills would\n"
        "continue through the week and that fishing boats should\n"
        "stay clear of the area.\n\nNext paragraph.\n"
    )
    blocks = split_blocks(text)
    assert len(blocks) == 2
    assert blocks[0].text.startswith("The defence ministry") and blocks[0].text.endswith("area.")
    assert text[blocks[0].start : blocks[0].end].endswith("stay clear of the area.")


def test_one_paragraph_per_line_without_blank_lines():
    text = "Officials met on Monday.\nThey agreed on a plan.\nTalks resume next week.\n"
    assert len(split_blocks(text)) == 3


def test_base_offset_is_added():
    blocks = split_blocks("Hello there.\n", base=100)
    assert (blocks[0].start, blocks[0].end) == (100, 112)


def test_markdown_headings_and_list_items():
    blocks = split_blocks("## Background\n- first point\n- second point\n")
    assert [b.kind for b in blocks] == ["heading", "list_item", "list_item"]


def test_headline_like():
    assert is_headline_like("Taiwan Signals Openness to Renew Ties with Honduras as Election Unfolds")
    assert not is_headline_like("The navy held drills near the harbour on Tuesday, officials said.")
    assert not is_headline_like("and the ministry said the exercises would continue through")


def test_wire_copy_wrapped_between_names_keeps_its_paragraphs_and_is_not_page_junk():
    """Wire copy wrapped at a fixed width, its paragraphs indented: lines full of names in
    capitals look like headlines, yet the story is prose, read paragraph by paragraph."""
    from taiwan_reader_index.articles.loader import load_text

    text = ("HALVERSEN <HVS> SETS SHARE OFFERING\n\n"
            "OMAHA, Neb., April 9 - Lead managers Pike, Garner\n"
            "Securities Inc and Morrow Bancorp Inc <MBI> said an initial\n"
            "public offering of 12 mln shares of Halversen Realty Income\n"
            "Fund is under way at 10 dlrs per share, the companies said.\n"
            "    The fund gave the underwriters an option to buy up to\n"
            "1.8 mln more shares to cover overallotments.\n"
            " Reuter\n")
    article = load_text(text)
    assert article.title == "HALVERSEN <HVS> SETS SHARE OFFERING"
    body = [b for b in article.blocks if b.junk is None]
    assert [b.text.split()[0] for b in body] == ["OMAHA,", "The"]  # and the sign-off apart
    assert body[0].text.endswith("the companies said.")
    assert all(text[b.start:b.end].split() == b.text.split() for b in body)


def test_a_short_menu_under_a_headline_is_not_read_as_wrapped_prose():
    text = "o Sales Partners\no Technology Partners\no Careers\n"
    assert [b.text for b in split_blocks(text)] == [
        "o Sales Partners", "o Technology Partners", "o Careers"]


def test_the_agency_signing_off_a_wire_story_is_its_outlet():
    """" Reuter" alone under a story (here under a results table) names the outlet when
    the file does not; a given outlet wins; the word inside prose does not."""
    from taiwan_reader_index.articles.loader import load_text

    table = ("LYNDALE INDUSTRIES <LYN> 3RD QTR NET\n\n"
             "DENVER, April 2 - Shr nine cts vs 12 cts\n"
             "    Net 1,204,000 vs 1,530,000\n    Revs 48.2 mln vs 51.9 mln\n Reuter\n")
    article = load_text(table)
    assert article.outlet == "Reuters"
    assert article.blocks[-1].text == "Reuter" and article.blocks[-1].junk == "signoff"
    assert "Revs 48.2 mln vs 51.9 mln" in " ".join(b.text for b in article.blocks)
    assert load_text("---\noutlet: Denver Daily\n---\n" + table).outlet == "Denver Daily"
    assert load_text("# Notes\n\nWe met the reuters team.\n").outlet == ""


def test_a_short_headline_over_wire_copy_is_its_title():
    """A three-word headline in capitals over a long wrapped story: the title, even where
    the page model sets the line aside as a menu."""
    from taiwan_reader_index.articles.loader import load_text

    report = ("    Arrivals for the week ended March 1 were 120,455 bags of 60\n"
              "kilos, making a total so far this season of 4.1 mln bags\n"
              "against 3.9 mln at the same time last year, traders said.\n")
    story = ("SANTOS COFFEE REVIEW\n\n"
             "SANTOS, March 3 - Rains fell throughout the week in the\n"
             "coffee zone of Sao Paulo, easing the drought that began late in\n"
             "December and improving the outlook for the coming harvest,\n"
             "although soil moisture has not returned to normal, the\n"
             "Comissaria Gomes said in its weekly report.\n" + report * 6 + " Reuter\n")
    article = load_text(story)
    assert article.title == "SANTOS COFFEE REVIEW" and not article.title_derived
    assert article.outlet == "Reuters"
