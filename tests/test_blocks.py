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
