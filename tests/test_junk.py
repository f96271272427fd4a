"""The junk detector on cases written for it (not the seeds), then on the seeds."""

from __future__ import annotations

from taiwan_reader_index.articles.blocks import split_blocks
from taiwan_reader_index.articles.junk import classify_junk
from taiwan_reader_index.articles.loader import load_article


def kinds(text: str) -> list[str | None]:
    return [b.junk for b in classify_junk(split_blocks(text))]


STORY = (
    "Flooding closed three highways in the south on Sunday, officials said.\n\n"
    "Rescue teams evacuated about 200 residents from low-lying villages.\n\n"
    "More rain is expected on Monday, the weather bureau said.\n\n"
)


def test_bylines_at_top_and_credit_at_bottom():
    text = "By Jane Doe\n\n" + STORY + "Additional reporting by Sam Wu.\n"
    assert kinds(text) == ["byline", None, None, None, "byline"]


def test_by_inside_the_story_is_not_a_byline():
    text = STORY + "By Monday the water had receded, residents said.\n\n" + STORY
    assert "byline" not in kinds(text)


def test_photo_captions():
    text = (
        STORY
        + "Residents wade through a flooded street in Tainan on Sunday. (Jane Doe/AFP)\n\n"
        + "Photo: Taipei Times file\n\n"
        + "Officials said the damage was being assessed.\n"
    )
    assert kinds(text) == [None, None, None, "caption", "caption", None]


def test_parenthesised_party_tag_is_not_a_caption():
    text = "The bill was introduced by Sen. Tammy Duckworth (D-IL) on Monday.\n"
    assert kinds(text) == [None]


def test_list_of_related_headlines_with_label():
    text = (
        STORY
        + "Related Stories\n"
        + "Trade Talks Stall as Tariffs Loom Over Key Exports\n"
        + "Heatwave Breaks Records Across Southern Europe\n"
        + "Central Bank Holds Rates Steady Amid Inflation Worries\n"
    )
    assert kinds(text) == [None, None, None, "related", "related", "related", "related"]


def test_two_headline_like_lines_are_not_a_list():
    text = "Typhoon Season Begins\n\n" + STORY + "Election Results Delayed\n"
    assert "related" not in kinds(text)


def test_kicker_teasers_cut_off_are_junk_but_a_dateline_is_not():
    text = (
        "TAIPEI: The cabinet approved the budget on Thursday.\n\n"
        + STORY
        + "TRADE WINDS: Exporters said the new rules would raise costs for small firms that\n\n"
        + "ON THE WATER: The coast guard said it had stopped a vessel carrying\n"
    )
    result = kinds(text)
    assert result[0] is None
    assert result[-2:] == ["teaser", "teaser"]


def test_kicker_paragraph_that_ends_properly_and_stands_alone_stays():
    text = STORY + "UPDATE: The road reopened on Tuesday morning.\n\n" + STORY
    assert "teaser" not in kinds(text)


def test_seed_junk_is_found(seeds):
    by_id = {p.stem: load_article(p) for p in seeds.glob("*.md")}
    assert [g.kind for g in by_id["001_e255d4f75bd2254b"].junk_groups] == ["byline", "caption", "byline"]
    related = by_id["002_e8183c42e3898eaa"].junk_groups
    assert [g.kind for g in related] == ["related"] and len(related[0].blocks) == 17
    teasers = [g for g in by_id["003_64b5dcabdad37bfb"].junk_groups if g.kind == "teaser"]
    assert len(teasers[0].blocks) == 4
    assert not by_id["000_3bf5df8f19705213"].junk_groups
    assert not by_id["004_02271b1846ad929d"].junk_groups
    # The article text itself survives: the last real paragraph of 003 is not junk.
    assert by_id["003_64b5dcabdad37bfb"].paragraphs[-1].text.startswith("“If there were a crisis")
