"""Bringing articles in (`add`, `feeds`, `fetch`) against a web site on 127.0.0.1."""

from __future__ import annotations

import io
import itertools
import json
import sys

import pytest
import yaml

from taiwan_reader_index.cli.commands import main
from taiwan_reader_index.config import load_config
from taiwan_reader_index.ingest import (
    FeedList,
    WebClient,
    add_urls,
    canonical_url,
    corpus_for_adding,
    fetch_feeds,
)
from website import Reply, Site, article_page, atom, conditional, rss, story


@pytest.fixture
def site():
    served = Site()
    yield served
    served.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    return folder


@pytest.fixture
def client():
    with WebClient(delay=0) as web:
        yield web


def front(path):
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    return yaml.safe_load(head.removeprefix("---\n")), body


def articles(corpus):
    return sorted(p for p in corpus.glob("*.md"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_writes_a_dated_attributed_article_the_index_finds(site, corpus, capsys):
    site.routes["/world/harbour"] = Reply(body=article_page(
        "Harbour cranes arrive in Keelung", story("The Keelung harbour crane delivery"),
        canonical=site.url("/world/harbour")))
    code, out, err = run(capsys, "add", site.url("/world/harbour?utm_source=rss"),
                         "--corpus", str(corpus), "--per-host-delay", "0")
    assert code == 0, err
    assert "1 new, 0 already had, 0 failed" in out
    [path] = articles(corpus)
    assert path.name == "2024-05-01-harbour-times-harbour-cranes-arrive-in-keelung.md"
    meta, body = front(path)
    assert meta["title"] == "Harbour cranes arrive in Keelung"
    assert meta["outlet"] == "Harbour Times" and meta["author"] == "Mei Lin"
    assert str(meta["date"]) == "2024-05-01"
    assert meta["url"] == site.url("/world/harbour")
    assert meta["fetched"].endswith("Z")
    assert "Keelung harbour crane delivery" in body
    assert "All rights reserved" not in body and "Sport" not in body  # menus and footer left
    code, out, _ = run(capsys, "search", "keelung", "--json", "--corpus", str(corpus))
    assert [h["title"] for h in json.loads(out)["hits"]] == ["Harbour cranes arrive in Keelung"]


def test_same_article_by_another_address_or_republished_is_not_added_twice(site, corpus,
                                                                          client):
    page = article_page("Port strike ends", story("The port strike"),
                        canonical=site.url("/news/strike"))
    site.routes["/news/strike"] = Reply(body=page)
    site.routes["/news/strike/amp"] = Reply(body=page)
    site.routes["/news/strike?utm_campaign=feed&fbclid=abc"] = Reply(body=page)
    # the same text under another address and without a canonical link: republished
    site.routes["/wire/strike-copy"] = Reply(body=article_page(
        "Port strike ends", story("The port strike"), outlet="Wire Copy"))
    first = add_urls(corpus, [site.url("/news/strike")], client)
    again = add_urls(corpus, [site.url("/news/strike/amp"),
                              site.url("/news/strike?utm_campaign=feed&fbclid=abc"),
                              site.url("/wire/strike-copy")], client)
    assert first.line() == "1 new, 0 already had, 0 failed"
    assert again.line() == "0 new, 3 already had, 0 failed"
    assert len(articles(corpus)) == 1
    assert canonical_url(site.url("/news/strike/amp?utm_source=x#top")) == site.url("/news/strike")


def test_a_changed_article_updates_its_file(site, corpus, client):
    site.routes["/news/vote"] = Reply(body=article_page("Council vote delayed",
                                                        story("The council vote")))
    add_urls(corpus, [site.url("/news/vote")], client)
    [path] = articles(corpus)
    site.routes["/news/vote"] = Reply(body=article_page(
        "Council vote delayed",
        [*story("The council vote"), "Update: the vote is now set for Friday, officials said. " * 3]))
    summary = add_urls(corpus, [site.url("/news/vote")], client)
    assert summary.line() == "0 new, 1 updated, 0 already had, 0 failed"
    assert articles(corpus) == [path]
    assert "the vote is now set for Friday" in path.read_text(encoding="utf-8")


def test_redirects_are_followed_within_a_bound(site, corpus, client):
    site.routes["/old"] = Reply(301, headers={"Location": "/new"})
    site.routes["/new"] = Reply(body=article_page("Rail line reopens", story("The rail line")))
    site.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    summary = add_urls(corpus, [site.url("/old"), site.url("/loop")], client)
    assert summary.count("new") == 1
    [failed] = summary.failed
    assert failed.source == site.url("/loop") and "more than 5 redirects" in failed.reason
    meta, _ = front(articles(corpus)[0])
    assert meta["title"] == "Rail line reopens"


def test_each_bad_page_is_reported_and_the_rest_added(site, corpus, client):
    site.routes["/good"] = Reply(body=article_page("Bridge opens", story("The new bridge")))
    site.routes["/front-page"] = Reply(body=b"<html><body><ul>" + b"".join(
        b"<li><a href='/s%d'>Story %d</a></li>" % (i, i) for i in range(30)) + b"</ul></body></html>")
    site.routes["/report.pdf"] = Reply(body=b"%PDF-1.4 ...", content_type="application/pdf")
    site.routes["/huge"] = Reply(body=b"<html>" + b"x" * 6_000_000 + b"</html>")
    site.routes["/endless"] = Reply(endless=True)
    urls = ["/good", "/missing", "/front-page", "/report.pdf", "/huge", "/endless"]
    summary = add_urls(corpus, [site.url(u) for u in urls], client)
    reasons = {o.source.rsplit("/", 1)[1]: o.reason for o in summary.failed}
    assert summary.count("new") == 1
    assert "404" in reasons["missing"]
    assert "no article on the page" in reasons["front-page"]
    assert "not a web page (application/pdf)" in reasons["report.pdf"]
    assert "too large" in reasons["huge"] and "too large" in reasons["endless"]
    leftovers = [p.name for p in corpus.rglob("*") if p.is_file() and ".tmp" in p.name]
    assert leftovers == [] and len(articles(corpus)) == 1


def test_a_response_that_trickles_past_the_deadline_is_given_up(site, corpus):
    import time

    def slow(headers):
        time.sleep(1.5)
        return Reply(body=article_page("Late", story("Late news")))
    site.routes["/slow"] = slow
    with WebClient(delay=0, deadline=1.0, timeout=__import__("httpx").Timeout(0.5)) as web:
        summary = add_urls(corpus, [site.url("/slow")], web)
    [failed] = summary.failed
    assert "no answer in time" in failed.reason
    assert articles(corpus) == []


def test_requests_to_one_host_wait_their_turn(site, corpus):
    for i in range(3):
        site.routes[f"/p{i}"] = Reply(body=article_page(f"Story number {i} of the day",
                                                        story(f"Event {i}")))
    with WebClient(delay=0.3) as web:
        summary = add_urls(corpus, [site.url(f"/p{i}") for i in range(3)], web)
    assert summary.count("new") == 3
    starts = sorted(r.started for r in site.requests)
    assert site.most_in_flight == 1
    assert all(b - a >= 0.25 for a, b in itertools.pairwise(starts))


def rss_site(site, etag='"v1"'):
    items = []
    for i, topic in enumerate(("Typhoon season", "Chip exports", "Election debate")):
        path = f"/story/{i}"
        site.routes[path] = Reply(body=article_page(f"{topic} report", story(topic)))
        items.append((f"{topic} report", site.url(path), f"2024-05-0{i + 1}"))
    site.routes["/feed.xml"] = conditional(rss("Harbour Times", items), etag)
    return items


def test_fetch_adds_new_entries_and_an_unchanged_feed_costs_one_request(site, corpus, client,
                                                                        capsys):
    rss_site(site)
    code, out, err = run(capsys, "feeds", "add", site.url("/feed.xml"), "--corpus", str(corpus))
    assert code == 0, err
    assert "subscribed: Harbour Times" in out and "3 entries" in out
    assert "warning" not in err
    first = fetch_feeds(corpus, client)
    assert first.line() == "3 new, 0 already had, 0 failed (from 1 feed)"
    assert {front(p)[0]["outlet"] for p in articles(corpus)} == {"Harbour Times"}
    site.requests.clear()
    second = fetch_feeds(corpus, client)
    assert second.line() == "0 new, 0 already had, 0 failed (from 1 feed, 1 unchanged)"
    assert site.paths() == ["/feed.xml"]
    assert site.requests[0].headers["if-none-match"] == '"v1"'
    # the feed changes (a new ETag) but lists the same entries: none is fetched again
    site.routes["/feed.xml"] = conditional(rss("Harbour Times", rss_site(site)), '"v2"')
    site.requests.clear()
    third = fetch_feeds(corpus, client)
    assert third.line() == "0 new, 3 already had, 0 failed (from 1 feed)"
    assert site.paths() == ["/feed.xml"]
    assert len(articles(corpus)) == 3


def test_feeds_that_fail_are_named_and_the_good_ones_still_add(site, corpus, capsys):
    items = rss_site(site)
    atom_items = [*items[:1], ("Atom only", site.url("/atom-only"), "2024-05-04")]
    site.routes["/atom.xml"] = Reply(body=atom("Atom News", atom_items),
                                     content_type="application/atom+xml")
    site.routes["/atom-only"] = Reply(body=article_page("Atom only story", story("Atom only")))
    site.routes["/broken.xml"] = Reply(body=b"<rss><channel><title>Broken</titl", content_type="application/rss+xml")
    site.routes["/gone.xml"] = Reply(404, b"gone")
    feeds = FeedList(corpus / ".taiwan-reader")
    for path in ("/feed.xml", "/atom.xml", "/broken.xml", "/gone.xml"):
        feeds.add(site.url(path))
    feeds.add("http://127.0.0.1:9/down.xml")  # nothing listens on port 9
    feeds.save()
    code, out, err = run(capsys, "fetch", "--corpus", str(corpus), "--per-host-delay", "0")
    assert code == 1
    assert "4 new, 1 already had, 0 failed (from 5 feeds, 3 unreadable)" in out
    assert f"feed failed: {site.url('/gone.xml')}: the server answered 404" in err
    assert f"feed failed: {site.url('/broken.xml')}: not a feed" in err
    assert "feed failed: http://127.0.0.1:9/down.xml: could not connect" in err
    code, out, _ = run(capsys, "feeds", "list", "--corpus", str(corpus))
    assert "last problem: the server answered 404" in out and "Atom News" in out


def test_opml_import_export_and_remove(site, corpus, capsys, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
        '<outline text="Asia"><outline text="Harbour Times" type="rss" '
        f'xmlUrl="{site.url("/feed.xml")}"/><outline text="Other" xmlUrl="https://example.org/rss"/>'
        '</outline></body></opml>', encoding="utf-8")
    code, out, _ = run(capsys, "feeds", "import", str(opml), "--corpus", str(corpus))
    assert code == 0 and "2 feed(s) added" in out
    code, out, _ = run(capsys, "feeds", "import", str(opml), "--corpus", str(corpus))
    assert "0 feed(s) added, 2 already on the list" in out
    code, out, _ = run(capsys, "feeds", "export", "--corpus", str(corpus))
    import xml.etree.ElementTree as ET

    urls = [o.get("xmlUrl") for o in ET.fromstring(out.split("\n", 1)[1]).iter("outline")]
    assert urls == [site.url("/feed.xml"), "https://example.org/rss"]
    code, out, _ = run(capsys, "feeds", "remove", "https://example.org/rss", "--corpus", str(corpus))
    assert code == 0
    code, _, err = run(capsys, "feeds", "remove", "https://example.org/rss", "--corpus", str(corpus))
    assert code == 1 and "not subscribed" in err
    (tmp_path / "bad.opml").write_text("<opml><body><outline", encoding="utf-8")
    code, _, err = run(capsys, "feeds", "import", str(tmp_path / "bad.opml"), "--corpus", str(corpus))
    assert code == 1 and "not a valid OPML file" in err


def test_a_page_that_names_its_feed_subscribes_to_the_feed(site, corpus, capsys):
    rss_site(site)
    site.routes["/"] = Reply(body=b'<html><head><link rel="alternate" type="application/rss+xml" '
                                  b'href="/feed.xml"></head><body>Home</body></html>')
    code, _out, _ = run(capsys, "feeds", "add", site.url("/"), "--corpus", str(corpus))
    assert code == 0
    assert [f.url for f in FeedList(corpus / ".taiwan-reader").feeds] == [site.url("/feed.xml")]
    site.routes["/as-text"] = Reply(body=rss("Served as text", []), content_type="text/plain")
    code, out, err = run(capsys, "feeds", "add", site.url("/as-text"), "--corpus", str(corpus))
    assert code == 0 and "subscribed: Served as text" in out and "warning" not in err
    site.routes["/plain"] = Reply(body=article_page("Not a feed", story("Plain")))
    code, _, err = run(capsys, "feeds", "add", site.url("/plain"), "--corpus", str(corpus))
    assert code == 1 and "not a feed" in err


def test_without_a_corpus_the_first_add_makes_the_users_own(site, capsys, tmp_path,
                                                             monkeypatch):
    site.routes["/a"] = Reply(body=article_page("Ferry service resumes", story("The ferry")))
    code, out, err = run(capsys, "add", site.url("/a"), "--per-host-delay", "0")
    assert code == 0, err
    own = tmp_path / "xdg_data_home" / "taiwan-reader" / "corpus"
    assert f"created your own corpus at {own}" in err
    assert len(articles(own)) == 1
    code, out, _ = run(capsys, "search", "ferry", "--json")  # the default from now on
    assert json.loads(out)["total"] == 1
    code, out, _ = run(capsys, "search", "Duckworth", "--json", "--seeds")  # seeds stay
    assert json.loads(out)["total"] == 2
    from taiwan_reader_index.locations import seeds_dir

    with pytest.raises(Exception, match="bundled seeds"):
        corpus_for_adding(seeds_dir(), load_config())


def test_add_a_saved_page_or_standard_input(corpus, capsys, monkeypatch, tmp_path):
    saved = tmp_path / "page.html"
    saved.write_bytes(article_page("Saved page story", story("The saved page")))
    code, out, err = run(capsys, "add", str(saved), "--corpus", str(corpus))
    assert code == 0, err and "1 new" in out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        article_page("Piped page story", story("The piped page")))))
    code, out, _ = run(capsys, "add", "-", "--corpus", str(corpus))
    assert code == 0 and "1 new" in out
    (tmp_path / "notes.txt").write_text("just notes", encoding="utf-8")
    code, _, err = run(capsys, "add", str(tmp_path / "notes.txt"), str(tmp_path / "nope.html"),
                       "--corpus", str(corpus))
    assert code == 1
    assert "notes.txt: not an HTML page" in err and "nope.html: no such file" in err
    assert {front(p)[0]["title"] for p in articles(corpus)} == {"Saved page story",
                                                                "Piped page story"}


def test_a_lost_or_damaged_record_is_rebuilt_from_the_files(site, corpus, client):
    site.routes["/s"] = Reply(body=article_page("Dam record story", story("The dam")))
    add_urls(corpus, [site.url("/s")], client)
    record = corpus / ".taiwan-reader" / "added.json"
    record.write_text("{not json", encoding="utf-8")
    summary = add_urls(corpus, [site.url("/s?utm_source=x")], client)
    assert summary.line() == "0 new, 1 already had, 0 failed"
    assert any("was damaged" in n for n in summary.notices)
    record.unlink()
    summary = add_urls(corpus, [site.url("/s")], client)
    assert summary.count("had") == 1 and any("rebuilt it" in n for n in summary.notices)


async def palette(pilot, command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    for key in command:
        await pilot.press("space" if key == " " else key)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(0.2)


async def test_reader_adds_an_article_from_a_url_and_lists_it(site, mini_corpus, tmp_path):
    from taiwan_reader_index.library import Library
    from taiwan_reader_tui.app import build_app
    from taiwan_reader_tui.screens.add_url import AddUrlScreen
    from test_live_corpus import settle, until

    site.routes["/story"] = Reply(body=article_page("Kestrel nests return to the harbour",
                                                    story("The kestrel nesting count")))
    rss_site(site)
    app = build_app(Library.open(mini_corpus), state_path=tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await palette(pilot, "Add article")
        assert isinstance(app.screen, AddUrlScreen)
        await pilot.press(*"nonsense", "enter")
        assert isinstance(app.screen, AddUrlScreen)  # refused, said why, still open
        app.screen.query_one("#add-urls").value = site.url("/story")
        await pilot.press("enter")
        found = await until(app, pilot, "kestrel", lambda ids: len(ids) == 1)
        assert found == ["2024-05-01-harbour-times-kestrel-nests-return-to-the-harbour"]
        feeds = FeedList(mini_corpus / ".taiwan-reader")
        feeds.add(site.url("/feed.xml"))
        feeds.save()
        await palette(pilot, "Fetch feeds")
        added = {f"2024-05-01-harbour-times-{topic}-report"
                 for topic in ("typhoon-season", "chip-exports", "election-debate")}
        found = await until(app, pilot, "report", lambda ids: added <= set(ids))
        assert added <= set(found)


def test_articles_in_unspaced_scripts_are_articles_and_link_lists_are_not():
    from taiwan_reader_index.ingest import NotAnArticle, extract_article

    chinese = ["國防部今天表示，美國同意出售一批防空飛彈給台灣，以加強本島的防衛能力。" * 2,
               "官員指出，這批裝備預計在明年年底以前交付，並將部署在北部與東部地區。" * 2]
    found = extract_article(article_page("美國同意對台軍售", chinese, outlet="中央社"))
    assert found.title == "美國同意對台軍售" and found.outlet == "中央社"
    links = b"".join(b"<p><a href='/s%d'>A headline about the day, number %d.</a></p>" % (i, i)
                     for i in range(30))
    with pytest.raises(NotAnArticle, match="no article on the page"):
        extract_article(b"<html><body><main>" + links + b"</main></body></html>")


def test_add_and_fetch_json_follow_the_contract(site, corpus, capsys):
    from taiwan_reader_index.cli.views import VIEWS
    from test_json_contract import conforms

    rss_site(site)
    site.routes["/gone.xml"] = Reply(404, b"gone")
    code, out, _ = run(capsys, "add", site.url("/story/0"), site.url("/nothing"), "--json",
                       "--corpus", str(corpus), "--per-host-delay", "0")
    objects = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [o["status"] for o in objects] == ["new", "failed"]
    feeds = FeedList(corpus / ".taiwan-reader")
    feeds.add(site.url("/feed.xml"))
    feeds.add(site.url("/gone.xml"))
    feeds.save()
    code, out, _ = run(capsys, "fetch", "--json", "--corpus", str(corpus), "--per-host-delay", "0")
    objects += [json.loads(line) for line in out.splitlines()]
    kinds = [(o["kind"], o["status"]) for o in objects[2:]]
    assert sorted(kinds) == sorted([("feed", "read"), ("feed", "failed"), ("added", "had"),
                                    ("added", "new"), ("added", "new")])
    for data in objects:
        assert data["version"] == 1 and conforms(data, VIEWS[data["kind"]]) == []


def test_an_interrupted_run_stops_without_waiting_and_leaves_no_half_file(site, corpus):
    import threading

    release = threading.Event()

    def hung(headers):
        release.wait(10)  # answers only when the test lets it
        return Reply(body=article_page("Late story", story("Late")))

    site.routes["/quick"] = Reply(body=article_page("Quick story", story("Quick")))
    site.routes["/hung"] = hung
    (corpus / "old.md.999999999.tmp").write_text("half", encoding="utf-8")  # a killed run's

    def interrupt(done, total, name):
        raise KeyboardInterrupt

    with WebClient(delay=0) as web, pytest.raises(KeyboardInterrupt):
        # two host names (one site each, so one does not wait for the other's turn)
        quick = site.url("/quick").replace("127.0.0.1", "localhost")
        add_urls(corpus, [site.url("/hung"), quick], web, progress=interrupt)
    assert "/hung" not in site.paths()  # ctrl+c did not wait for the hung page
    release.set()
    assert [p.name for p in corpus.glob("*.tmp")] == []
    assert [front(p)[0]["title"] for p in articles(corpus)] == ["Quick story"]


def test_a_run_asked_to_stop_ends_and_keeps_what_was_written(site, corpus):
    import threading

    from taiwan_reader_index.ingest import FetchStopped

    release = threading.Event()
    site.routes["/hung"] = lambda headers: (release.wait(10), Reply(body=b""))[1]
    with WebClient(delay=0) as web, pytest.raises(FetchStopped):
        add_urls(corpus, [site.url("/hung")], web, should_stop=lambda: True)  # the reader quits
    assert "/hung" not in site.paths()
    release.set()
