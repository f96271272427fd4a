from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from taiwan_reader_index.articles.loader import load_article
from taiwan_reader_index.errors import BadFile


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_front_matter_fields_and_body(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Drills\noutlet: Herald\nauthor: Mei Lin\n"
                 "date: 2023-03-14\n---\nThe navy held drills.\n\nIt rained.\n")
    article = load_article(path)
    assert (article.id, article.title, article.outlet, article.author) == ("a", "Drills", "Herald", "Mei Lin")
    assert article.date == datetime(2023, 3, 14)
    assert [p.text for p in article.paragraphs] == ["The navy held drills.", "It rained."]
    assert all(article.source[p.start : p.end] == p.text for p in article.paragraphs)


def test_title_on_line_one_is_taken_and_removed_from_the_body(tmp_path):
    article = load_article(write(tmp_path, "b.txt", "Typhoon hits north\n\nA typhoon hit the north.\n"))
    assert article.title == "Typhoon hits north" and not article.title_derived
    assert article.body == "A typhoon hit the north."


def test_title_is_derived_from_the_first_sentence(tmp_path):
    text = "The U.S. Navy sailed a destroyer through the strait on Monday, officials said. More text.\n"
    article = load_article(write(tmp_path, "c.txt", text))
    assert article.title_derived
    assert article.title.startswith("The U.S. Navy sailed a destroyer")


def test_byline_gives_author_and_outlet(tmp_path):
    text = "Authored by Jane Doe via The Daily Example (emphasis ours),\n\nStory text here.\n"
    article = load_article(write(tmp_path, "d.txt", text))
    assert (article.author, article.outlet) == ("Jane Doe", "The Daily Example")
    assert "Authored" not in article.body


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(BadFile, match="binary"):
        load_article(write(tmp_path, "e.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(BadFile, match="empty"):
        load_article(write(tmp_path, "f.txt", b"  \n\n"))


def test_file_over_the_size_limit_is_refused(tmp_path):
    with pytest.raises(BadFile, match=r"over the .* limit"):
        load_article(write(tmp_path, "g.txt", "word " * 1000), max_bytes=1000)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_longer_than_its_size_says_is_read_whole():
    """A file whose size changed since it was looked at (or that, as on /proc and some
    network file systems, reports 0) is still read to its end, within the limit."""
    from taiwan_reader_index.articles.decode import read_text

    path = Path("/proc/self/status")
    assert path.stat().st_size == 0
    text = read_text(path, 1_000_000).text
    assert text.startswith("Name:") and "VmRSS:" in text


def test_a_legacy_encoding_is_detected_and_reported(tmp_path):
    article = load_article(write(tmp_path, "h.txt", b"Caf\xe9 owners protest new rules.\n"))
    assert "Café owners" in article.body
    assert any("not UTF-8: read as cp1252" in w for w in article.warnings)


def test_undecodable_bytes_are_replaced_and_reported(tmp_path):
    data = b"Harbour drills resumed " + bytes(range(0x80, 0x100)) * 4 + b" on Monday.\n"
    article = load_article(write(tmp_path, "u.txt", data))
    assert "Harbour drills resumed" in article.body and "on Monday" in article.body
    assert any("UTF-8" in w for w in article.warnings)


def test_malformed_front_matter_is_reported_and_skipped(tmp_path):
    path = write(tmp_path, "i.md", "---\ntitle: [unclosed\n---\nBody text stays.\n")
    article = load_article(path)
    assert article.body == "Body text stays."
    assert any("malformed front matter" in w for w in article.warnings)


def test_front_matter_with_wrong_types(tmp_path):
    path = write(tmp_path, "j.md", "---\ntitle: {a: 1}\ndate: next tuesday\n---\nBody.\n")
    article = load_article(path)
    assert any("'title' should be text" in w for w in article.warnings)
    assert any("'date'" in w for w in article.warnings)
    assert article.date is None


def test_yaml_alias_bomb_is_refused(tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\nBody.\n"
    article = load_article(write(tmp_path, "k.md", bomb))
    assert any("aliases are not allowed" in w for w in article.warnings)


def test_html_is_reduced_to_the_article(tmp_path):
    html = (
        "<html><head><title>Drills | Herald</title><meta property='og:site_name' content='Herald'>"
        "</head><body><nav>Home | World | Sport</nav><article><h1>Navy drills begin</h1>"
        "<p>The navy began drills on Monday near the harbour, officials said.</p>"
        "<p>Fishing boats were told to stay away from the area for three days.</p>"
        "<script>document.write('tracking pixel')</script></article>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    article = load_article(write(tmp_path, "l.html", html))
    assert article.title == "Navy drills begin"
    assert "The navy began drills" in article.body
    assert "tracking" not in article.body and "Copyright" not in article.body


def test_wire_copy_keeps_its_headline_as_title_and_its_results_table_as_story(tmp_path):
    """A news agency's copy as sent (a dateline under a headline in capitals) has no page
    around it: the headline is the title even when it ends with "U.S." or holds a ticker,
    and a results table's short lines are the story, not menus or related headlines."""
    table = write(tmp_path, "t.txt", (
        "<HARLOW GROUP INC> SEVEN MTHS DEC NET\n\nBOSTON, March 17 - Oper net 41.2 mln\n"
        "    Revs 380 mln\n    12 mths\n    Oper net 62 mln vs 45.3 mln\n"
        "    Revs 570 mln vs 562 mln\n    NOTE: Seven months represents earnings following\n"
        "acquisition in June 1986 when the company went private.\n    Period ending Dec. 28, "
        "1986 excludes 40.1 mln dlrs of\ninterest expenses, 39.5 mln dlrs of acquisition "
        "adjustments, and\n1.5 mln dlrs of income taxes.\n Reuter\n"))
    article = load_article(table)
    assert article.title == "<HARLOW GROUP INC> SEVEN MTHS DEC NET"
    assert [b.junk for b in article.blocks] == [None] * (len(article.blocks) - 1) + ["signoff"]
    # the table's rows are a block each; a note's sentence wrapped under it is one
    texts = [b.text for b in article.blocks]
    assert "Revs 380 mln" in texts and "12 mths" in texts
    assert ("NOTE: Seven months represents earnings following acquisition in June 1986 when "
            "the company went private.") in texts
    assert next(t for t in texts if t.startswith("Period ending")).endswith("income taxes.")
    trip = write(tmp_path, "u.txt", "JAPAN MINISTER CALLS OFF TRIP TO THE U.S.\n\nTOKYO, "
                 "March 3 - Japan's foreign minister called off a visit to Washington, "
                 "officials said.\n Reuter\n")
    assert load_article(trip).title == "JAPAN MINISTER CALLS OFF TRIP TO THE U.S."
