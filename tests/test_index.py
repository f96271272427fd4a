from __future__ import annotations

import json
import os
import time
from dataclasses import replace

import pytest

from conftest import search_ids
from taiwan_reader_index import locations
from taiwan_reader_index.fulltext._whoosh import common_words
from taiwan_reader_index.fulltext._whoosh.postings import PostingsCache
from taiwan_reader_index.fulltext.index_dir import IndexBusy, UnsafeIndex, writer_lock
from taiwan_reader_index.fulltext.indexer import update_index
from taiwan_reader_index.fulltext.query import QueryError
from taiwan_reader_index.fulltext.searcher import Searcher
from taiwan_reader_index.library import Library


@pytest.fixture
def mini(mini_corpus):
    update_index(mini_corpus)
    return mini_corpus


def test_national_guard_phrase_finds_exactly_two_seed_reports(seeds):
    update_index(seeds)
    assert sorted(search_ids(seeds, '"National Guard"')) == [
        "000_3bf5df8f19705213", "001_e255d4f75bd2254b"]


@pytest.mark.parametrize("word", ["Zelenskiy", "Rednote", "Koizumi", "Yonaguni", "Annabelle", "Katabella"])
def test_words_only_in_page_junk_are_not_found(seeds, word):
    update_index(seeds)
    assert search_ids(seeds, word) == []


def test_stemming_matches_other_word_forms(mini):
    assert search_ids(mini, "export") == ["semiconductor-exports"]
    assert sorted(search_ids(mini, "drill")) == ["harbour-drills"]


def test_phrase_requires_adjacent_words(mini):
    assert search_ids(mini, '"coast guard"') == ["harbour-drills"]
    assert search_ids(mini, '"guard coast"') == []
    # stop words are kept, so a phrase cannot jump over one
    assert search_ids(mini, '"forced airlines cancel"') == []
    assert search_ids(mini, '"forced airlines to cancel"') == ["typhoon"]


def test_fuzzy_term(mini):
    assert search_ids(mini, "typhon") == []
    assert search_ids(mini, "typhon~") == ["typhoon"]


def test_field_queries(mini):
    assert sorted(search_ids(mini, "outlet:herald")) == ["guard-training", "harbour-drills"]
    assert search_ids(mini, "title:rifles") == ["guard-training"]
    assert search_ids(mini, "guard AND NOT outlet:herald") == []
    assert search_ids(mini, "date:[2022-01-01 to 2022-12-31]") == ["semiconductor-exports"]


def test_snippet_marks_the_hit_terms(mini):
    searcher = Searcher(locations.index_dir_for(mini))
    hit = searcher.search("rescue").hits[0]
    searcher.close()
    assert ("rescue", True) in hit.snippet
    assert "**rescue**" in hit.snippet_marked()


def test_did_you_mean(mini):
    searcher = Searcher(locations.index_dir_for(mini))
    result = searcher.search("semiconductr")
    searcher.close()
    assert result.total == 0 and result.suggestion == "semiconductor"


def test_broken_query_says_what_is_wrong(mini):
    searcher = Searcher(locations.index_dir_for(mini))
    with pytest.raises(QueryError, match="unbalanced quote"):
        searcher.search('"coast guard')
    with pytest.raises(QueryError, match="unknown field 'colour:'"):
        searcher.search("colour:red")
    with pytest.raises(QueryError, match="matching"):
        searcher.search("(drills OR rain")
    searcher.close()


def test_empty_query_lists_everything_sorted(mini):
    assert search_ids(mini, "", limit=None, sort="date")[0] == "harbour-drills"
    assert search_ids(mini, "", limit=None, sort="title")[0] == "semiconductor-exports"


def test_incremental_add_change_delete(mini):
    report = update_index(mini)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 4)
    (mini / "new.md").write_text("---\ntitle: Volcano\n---\nA volcano erupted.\n")
    time.sleep(0.01)
    (mini / "typhoon.txt").write_text("Typhoon update\n\nThe typhoon weakened to a storm.\n")
    (mini / "semiconductor-exports.md").unlink()
    report = update_index(mini)
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 2)
    assert search_ids(mini, "volcano") == ["new"]
    assert search_ids(mini, "weakened") == ["typhoon"]
    assert search_ids(mini, "hundreds") == []
    assert search_ids(mini, "semiconductor") == []


def test_touched_but_unchanged_file_is_not_reindexed(mini):
    path = mini / "typhoon.txt"
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    report = update_index(mini)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 4)


def test_bad_files_are_reported_and_the_rest_indexed(mini):
    (mini / "empty.txt").write_bytes(b"")
    (mini / "image.md").write_bytes(b"\x00\x01\x02PNG")
    report = update_index(mini)
    reasons = {p.path.name: p.message for p in report.skipped}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["image.md"]
    assert search_ids(mini, "typhoon") == ["typhoon"]
    # reported again on the next run, though nothing changed
    assert {p.path.name for p in update_index(mini).skipped} == {"empty.txt", "image.md"}


def test_second_indexer_is_told_the_lock_is_held(mini):
    index_path = locations.index_dir_for(mini)
    with writer_lock(index_path), pytest.raises(IndexBusy, match="another index run"):
        update_index(mini, wait=0.2)


def test_index_folder_is_private_and_others_writable_is_refused(mini):
    index_path = locations.index_dir_for(mini)
    assert oct(index_path.stat().st_mode & 0o777) == "0o700"
    os.chmod(index_path, 0o777)
    with pytest.raises(UnsafeIndex, match="others can write"):
        Searcher(index_path)


def test_fast_path_gives_what_whoosh_gives(mini):
    # an update leaves a deleted copy of the old document in the segment
    (mini / "guard-training.md").write_text(
        "---\ntitle: Reservists train\noutlet: Harbour Herald\n---\n"
        "The guard units train at night. Guard training continues; the navy watches.\n")
    (mini / "more.md").write_text("---\ntitle: Navy guard\n---\nThe navy guard and the coast guard.\n")
    update_index(mini)
    searcher = Searcher(locations.index_dir_for(mini))
    raw_search = searcher._searcher.search
    try:
        for query in ["guard navy", "the guard", "navy said the", "guard typhoon"]:
            fast = searcher.search(query, facets=True)
            raw = raw_search(searcher._parser.parse(query), limit=10, groupedby="outlet_facet")
            assert fast.total == len(raw), query
            assert [(h.id, round(h.score, 6)) for h in fast.hits] == [
                (hit["id"], round(hit.score, 6)) for hit in raw], query
            counts = {k: len(v) for k, v in raw.groups("outlet_facet").items()}
            assert dict(fast.facets.get("outlet", ())) == counts, query
        for query in ['"coast guard"', '"the guard"', '"navy guard" guard', '"guard the"',
                      '"the navy" "coast guard"']:
            fast = searcher.search(query, limit=None)
            raw = raw_search(searcher._parser.parse(query), limit=None)
            assert fast.total == len(raw), query
            assert sorted(h.id for h in fast.hits) == sorted(hit["id"] for hit in raw), query
    finally:
        searcher.close()


def test_titles_for_the_palette_come_from_the_manifest_and_survive_a_touch(mini):
    from taiwan_reader_index.fulltext.manifest import manifest_path

    index = locations.index_dir_for(mini)
    searcher = Searcher(index)
    everything = searcher.search("", limit=None, sort="title", snippets=False).hits
    expected = [(h.id, h.title, h.outlet) for h in everything]
    assert len(expected) == 4 and searcher.titles() == expected
    searcher.close()
    # a file touched but not changed keeps its title; a retitled one shows the new title
    os.utime(mini / "typhoon.txt", ns=(time.time_ns(), time.time_ns() + 10**9))
    harbour = mini / "harbour-drills.md"
    harbour.write_text(harbour.read_text().replace("title: ", "title: Zulu ", 1))
    update_index(mini)
    searcher = Searcher(index)
    titles = searcher.titles()
    assert [t[1] for t in titles if t[0] != "harbour-drills"] == [
        e[1] for e in expected if e[0] != "harbour-drills"]
    assert titles[-1][1].startswith("Zulu Navy")
    # an index from before titles were kept in the manifest: read from the index instead
    path = manifest_path(index)
    data = json.loads(path.read_text())
    for entry in data["files"].values():
        entry.pop("title", None)
    path.write_text(json.dumps(data))
    assert searcher.titles() == titles
    searcher.close()


def test_an_index_with_nothing_committed_answers_every_query_with_no_hits(mini_corpus):
    """A first build stopped before its first commit leaves an empty index behind."""
    from taiwan_reader_index.fulltext.index_dir import create_index, index_has_commits

    index = locations.index_dir_for(mini_corpus)
    create_index(index).close()
    assert not index_has_commits(index)
    searcher = Searcher(index)
    for query in ["", "typhoon", '"harbour drills"', "typhon~", "harb*", 'person:"Mei Lin"']:
        result = searcher.search(query, facets=True)
        assert (result.total, result.hits) == (0, ()), query
    searcher.close()
    update_index(mini_corpus)
    assert index_has_commits(index) and search_ids(mini_corpus, "typhoon")


def test_an_article_dated_at_the_epoch_keeps_its_date(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "epoch.md").write_text("---\ntitle: Epoch\ndate: 1970-01-01T00:00:00+00:00\n---\n"
                                     "The wombat report.\n")
    update_index(corpus)
    searcher = Searcher(locations.index_dir_for(corpus))
    try:
        [hit] = searcher.search("wombat").hits
    finally:
        searcher.close()
    assert hit.date_text == "1970-01-01"


def test_a_refreshed_searcher_lists_each_article_once_and_never_a_deleted_one(tmp_path):
    """Edits and deletions while a searcher is open (the reader keeps one for its life)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4):
        (corpus / f"a{n}.md").write_text(f"# Report {n}\n\nTyphoon warning number {n} for Taiwan.\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    with Searcher(tmp_path / "ix") as searcher:
        for n in range(4):
            (corpus / f"a{n}.md").write_text(f"# Report {n}\n\nTyphoon warning {n} for Taiwan, updated.\n")
        (corpus / "a3.md").unlink()
        update_index(corpus, index_path=tmp_path / "ix", entities=False)
        searcher.refresh()
        for query in ("", "typhoon", "updated"):
            ids = [h.id for h in searcher.search(query, limit=None).hits]
            assert sorted(ids) == ["a0", "a1", "a2"], query


def test_or_query_totals_and_facets_do_not_depend_on_the_limit(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(300):
        words = " ".join(w for w, every in (("film", 2), ("music", 3), ("review", 5)) if n % every == 0)
        (corpus / f"a{n:03}.md").write_text(f"---\noutlet: Desk {n % 4}\n---\n# Item {n}\n\n"
                                            f"Notes {n}: {words or 'nothing'} today.\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    with Searcher(tmp_path / "ix") as searcher:
        everything = searcher.search("film OR music", limit=None, facets=True)
        assert everything.total == 200  # multiples of 2 or 3 below 300
        for limit in (1, 5, 10, 50):
            limited = searcher.search("film OR music", limit=limit, facets=True)
            assert limited.total == 200 and len(limited.hits) == limit
            assert limited.facets["outlet"] == everything.facets["outlet"]


def test_costly_queries_are_refused_with_what_to_change(mini):
    with Searcher(locations.index_dir_for(mini)) as searcher:
        with pytest.raises(QueryError, match="at most ~10"):
            searcher.search('"the the the the the"~100')
        with pytest.raises(QueryError, match="at most 6 words"):
            searcher.search('"one two three four five six seven"~3')
        with pytest.raises(QueryError, match="at most 3 fuzzy terms"):
            searcher.search("drils~ OR rian~ OR harbur~ OR expots~")
        with pytest.raises(QueryError, match="AND needs a word on each side"):
            searcher.search("drills AND")
        assert searcher.search('"coast guard"~3').total >= 0  # within bounds: runs


def test_a_replaced_search_stops_inside_the_collection_not_after_it(mini):
    from taiwan_reader_index.errors import SearchCancelled

    looks = []

    def stop_on_third_look() -> bool:  # before the lock, after it, then in the collector
        looks.append(1)
        return len(looks) >= 3

    with Searcher(locations.index_dir_for(mini)) as searcher:
        with pytest.raises(SearchCancelled):
            searcher.search("typhoon OR harbour OR drills", should_stop=stop_on_third_look)
        assert len(looks) == 3
        # a search nobody cancels answers as before
        assert searcher.search("typhoon OR harbour", should_stop=lambda: False).total > 0


def test_a_search_past_the_time_limit_ends_with_a_message_naming_it(mini, monkeypatch):
    from taiwan_reader_index.fulltext import bounds

    monkeypatch.setattr(bounds, "TIME_LIMIT", 0.0)
    with (Searcher(locations.index_dir_for(mini)) as searcher,
          pytest.raises(QueryError, match=r"query 'typhoon OR harbour': stopped after 0 s")):
        searcher.search("typhoon OR harbour")


def test_fuzzy_terms_match_words_as_written_and_are_marked_in_snippets_and_reader(tmp_path):
    """A fuzzy term finds the words within its distance as written (not stems: the stem
    of "transportation" is "transport", far from "transprtation"), and, as any word
    does, their other forms."""
    from rapidfuzz.distance import DamerauLevenshtein

    from taiwan_reader_index.fulltext.highlight import matcher_for, term_spans
    from taiwan_reader_index.fulltext.schema import body_analyzer

    corpus = tmp_path / "fuzzy"
    corpus.mkdir()
    texts = {
        "a": "Public transportation strikes closed the city.",
        "b": "The transport minister resigned on Tuesday.",
        "c": "Governments agreed on trade; the government fell.",
        "d": "Elections were held; the electorate voted early.",
        "e": "A quiet day with nothing to report.",
        "f": "Transportaton is misspelt here.",
    }
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(f"Report {name}\n\n{text}\n")
    update_index(corpus)
    (corpus / "e.txt").unlink()  # a deletion, and a second segment
    (corpus / "g.txt").write_text("Report g\n\nGovernmant is misspelt too.\n")
    update_index(corpus)
    texts.pop("e")
    texts["g"] = "Governmant is misspelt too."
    stem = body_analyzer()
    words = {name: [w.strip(".;,").lower() for w in text.split()] for name, text in texts.items()}

    def stems_of(ws):
        return {t.text for w in ws for t in stem(w)}

    with Searcher(locations.index_dir_for(corpus)) as searcher:
        for query, word, dist in [("transprtation~", "transprtation", 1),
                                  ("governmnt~", "governmnt", 1),
                                  ("elektions~2", "elektions", 2)]:
            near = {w for ws in words.values() for w in ws
                    if w[:1] == word[:1] and DamerauLevenshtein.distance(w, word) <= dist}
            wanted = stems_of(near)
            expected = sorted(name for name, ws in words.items() if stems_of(ws) & wanted)
            result = searcher.search(query, limit=None)
            assert sorted(h.id for h in result.hits) == expected, query
            assert result.total == len(expected)
            for hit in result.hits:  # the near words are marked in every snippet
                marked = [t.lower() for t, is_hit in hit.snippet if is_hit]
                assert marked and stems_of(marked) <= wanted, (query, marked)
        assert sorted(h.id for h in searcher.search("transprtation~").hits) == ["a", "b"]
        assert sorted(h.id for h in searcher.search("governmnt~").hits) == ["c", "g"]
        # the reader marks what the search found: the near word, and with the engine's
        # help its other forms
        text = texts["a"]
        spans = term_spans(text, matcher_for("transprtation~"))
        assert [text[s:e] for s, e in spans] == ["transportation"]
        text = texts["b"]
        spans = term_spans(text, matcher_for("transprtation~", searcher.fuzzy_stems))
        assert [text[s:e] for s, e in spans] == ["transport"]


@pytest.mark.parametrize("prefix", [0, 1])
def test_a_fuzzy_word_finds_every_word_within_its_distance(tmp_path, prefix):
    """A fuzzy term matches words whatever letter they begin with ("~" has no prefix),
    or those sharing its first letter (the default, and "did you mean"): the words
    within the distance are the same as comparing the term with every word of the
    corpus, letters outside a-z (accents, digits, apostrophes), swapped letters and
    words longer or shorter by the whole distance included."""
    from rapidfuzz.distance import DamerauLevenshtein

    from taiwan_reader_index.fulltext.schema import body_analyzer
    from taiwan_reader_index.fulltext.vocabulary import written_words

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = ["Tariffs and sariffs rose; the tarrif fell; tariffed atriff tarif tar.",
             "A café in Taipei, a cafe in Tainan.",
             "O'Neill met O'Neil and Oneill in 2005 and 2015.", "The naïve plan was naive.",
             "Strait straits strain train trait; a stait and a sttrait.",
             "Exports, imports, reports and deports."]
    for n, text in enumerate(texts):
        (corpus / f"a{n}.txt").write_text(f"Report {n}\n\n{text}\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    stem = body_analyzer()
    written = set().union(*(written_words(f"Report {n}\n\n{text}")
                            for n, text in enumerate(texts)))
    with Searcher(tmp_path / "ix") as searcher:
        for word in ["tariff", "cafe", "oneill", "naive", "strait", "2010", "xports", "rain",
                     "trait"]:
            for distance in (1, 2):
                near = {w for w in written if DamerauLevenshtein.distance(w, word) <= distance
                        and w[:prefix] == word[:prefix]}
                expected = {t.text for w in near for t in stem(w)}
                assert set(searcher.fuzzy_stems(word, distance, prefix=prefix)) == expected, (
                    word, distance)


_WORDS = ("consul consulate construct construction consume consumer contain container "
          "trade trader trading tariff talks taiwan strait guard navy coast harbour drills "
          "export exports exporter budget").split()


def _words_article(n: int, rng) -> str:
    body = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(5, 80)))
    return f"---\noutlet: Desk {n % 3}\n---\n# Item {n}\n\n{body}.\n"


def _segments_with_deletions(tmp_path, article=_words_article, runs=3, size=40):
    """``runs`` x ``size`` articles (``article(n, rng)`` gives each text; 120 by default)
    written in ``runs`` index runs (as many segments), then a fifth of them edited and a
    tenth removed: the older segments keep deleted copies."""
    import random

    rng = random.Random(5)
    corpus = tmp_path / "corpus"
    corpus.mkdir()

    def write(n: int) -> None:
        (corpus / f"a{n:03}.md").write_text(article(n, rng))

    for run in range(runs):
        for n in range(run * size, run * size + size):
            write(n)
        update_index(corpus, index_path=tmp_path / "ix", entities=False)
    for n in range(0, runs * size, 5):
        write(n)
    for n in range(3, runs * size, 10):
        (corpus / f"a{n:03}.md").unlink()
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    return tmp_path / "ix"


@pytest.mark.parametrize("kept", [False, True, "file"])
def test_word_prefix_and_or_searches_give_what_whoosh_gives(tmp_path, monkeypatch, kept):
    """The fast path for one word, prefixes and ORs against Whoosh's own search (the
    reference): same totals, hits in the same order, scores, facets and marked words;
    also with every word's postings kept between queries (as a common word's are)."""
    if kept == "file":  # every word in the segments' files of common words, read from there
        monkeypatch.setattr(common_words, "MIN_POSTINGS", 1)
    ix = _segments_with_deletions(tmp_path)
    if kept is True:
        monkeypatch.setattr(PostingsCache, "MIN_POSTINGS", 1)
    queries = ["cons*", "con*", "trad* OR tariff", "taiwan OR guard OR navy", "export",
               "expor* OR budget OR cons*", "harbour", "zebra", "zebr* OR navy", "tr*a*", "co* OR ta* OR ex*"]
    with Searcher(ix) as fast, Searcher(ix) as reference:
        monkeypatch.setattr(reference, "_fast_search", lambda *args: (None, None))
        for query in queries:
            for limit in (10, None):
                ours = fast.search(query, limit=limit, facets=True)
                theirs = reference.search(query, limit=limit, facets=True)
                assert ours.total == theirs.total, query
                assert [(h.id, round(h.score, 9), h.snippet) for h in ours.hits] == [
                    (h.id, round(h.score, 9), h.snippet) for h in theirs.hits], query
                assert ours.facets == theirs.facets, query
        for query in ["taiwan guard", "consumer trade navy", '"coast guard"', '"trade talks" taiwan']:
            ours = fast.search(query, limit=None)
            theirs = reference.search(query, limit=None)
            assert ours.total == theirs.total, query
            # a phrase is scored as one term here (see conjunction.py); words as Whoosh does
            assert sorted((h.id, h.snippet) for h in ours.hits) == sorted(
                (h.id, h.snippet) for h in theirs.hits), query
            if '"' not in query:
                assert [h.id for h in ours.hits] == [h.id for h in theirs.hits], query
        assert fast.notice is None  # the fast paths answered every query


@pytest.mark.parametrize("chunk", [None, 40, 300])
def test_ors_of_many_words_spread_through_the_term_table_give_what_whoosh_gives(
        tmp_path, monkeypatch, chunk):
    """A prefix or an OR of many words finds them in each segment by one walk of its
    term table, at most a few entries per word, and reads a word in a few articles
    straight from its bytes: words far apart (the walk stops before the last and looks
    those up), words a segment lacks, words after its last term, and words only in
    deleted copies all answer as Whoosh's own search; also when the table is read a few
    entries at a time, or less than one (its entries then run across reads)."""
    from taiwan_reader_index.fulltext._whoosh import postings

    if chunk:
        monkeypatch.setattr(postings, "_CHUNK", chunk)
    _many_words_answer_as_whoosh(tmp_path, monkeypatch, syllables=3)


def test_a_prefix_of_a_thousand_words_marks_the_words_each_article_holds(tmp_path,
                                                                         monkeypatch):
    """Snippets mark at most 200 words of a query an article holds. Whoosh's own path is
    given every word of the query for every hit: the first 200 of a thousand-word
    prefix were taken, and an article holding only later ones had none marked. Its
    marks now equal the fast path's, which is given the words each article holds."""
    _many_words_answer_as_whoosh(tmp_path, monkeypatch, syllables=4)


def _many_words_answer_as_whoosh(tmp_path, monkeypatch, syllables: int) -> None:
    import itertools

    parts = ["ba", "de", "ki", "lo", "mu", "ra", "so", "tu", "ve", "zo"]
    filler = ["".join(p) for p in itertools.product(parts, repeat=syllables)]
    length = (20, 60) if syllables == 3 else (300, 400)

    def article(n: int, rng) -> str:
        body = " ".join(rng.choice(filler) for _ in range(rng.randrange(*length)))
        return f"# Item {n}\n\n{body}.\n"

    ix = _segments_with_deletions(tmp_path, article)
    spread = " OR ".join(filler[::len(filler) // 27])  # 27 words from end to end
    queries = ["ba*", "bade*", "bad* OR zoz* OR kiki*", spread,
               " OR ".join([*filler[5:20], "zzzz", "aaaa"]), "zo* OR ze*", "mu* OR vel* OR kit*"]
    with Searcher(ix) as fast, Searcher(ix) as reference:
        monkeypatch.setattr(reference, "_fast_search", lambda *args: (None, None))
        for query in queries:
            ours, theirs = fast.search(query, limit=10), reference.search(query, limit=10)
            assert ours.total == theirs.total > 0, query
            assert [(h.id, round(h.score, 9), h.snippet) for h in ours.hits] == [
                (h.id, round(h.score, 9), h.snippet) for h in theirs.hits], query
        assert fast.notice is None


def test_marked_words_read_straight_from_their_blocks_are_whoosh_s(tmp_path, monkeypatch):
    """The words marked in snippets are read from the block that holds each article,
    found through the word's block directory: the same marks as walking Whoosh's
    matcher block by block, for words in every article (many blocks a segment), rare
    words, phrases, prefixes, two segments with edited and removed articles, and again
    with the directories kept from the first searches."""
    from taiwan_reader_index.fulltext import _whoosh

    rare = ["quill", "ember", "fjord", "gusset", "hamlet", "jigsaw"]

    def article(n: int, rng) -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randrange(8, 40))]
        words.insert(rng.randrange(len(words)), rng.choice(rare))
        return f"# Item {n}\n\nThe report of the {' '.join(words)} and the rest of the day.\n"

    ix = _segments_with_deletions(tmp_path, article, runs=2, size=300)
    queries = ["report", '"of the"', "the quill", "cons* OR ember", '"rest of the day" fjord',
               "hamlet OR jigsaw OR gusset", "trade the"]
    with Searcher(ix) as searcher:
        def marks() -> dict[str, list]:
            return {q: [(h.id, h.snippet) for h in searcher.search(q, limit=None).hits]
                    for q in queries}

        fast, again = marks(), marks()
        monkeypatch.setattr(_whoosh, "AVAILABLE", False)  # values through Whoosh's matcher
        reference = marks()
    assert all(reference[q] for q in queries)
    assert fast == reference and again == reference


def test_did_you_mean_offers_what_whoosh_would_find_on_segments_with_deletions(tmp_path,
                                                                              monkeypatch):
    """A correction is offered only when it finds an article. That is checked from the
    corrected query's first match (skipping), not by listing every match: the same
    answers as Whoosh's own listing, on three segments with deleted copies; two words
    whose only article together was deleted are no correction."""
    from taiwan_reader_index.fulltext import searcher as searching

    def article(n: int, rng) -> str:
        extra = {3: "zeppelin blimp", 7: "zeppelin", 9: "blimp", 11: "airship hangar"}
        return _words_article(n, rng).replace("\n\n", f"\n\n{extra.get(n, '')} ", 1)

    ix = _segments_with_deletions(tmp_path, article)  # article 3 is removed
    queries = ["zepelin blimp", "airshp hangar", "tarif navy", "harbuor guard", '"coast gaurd"',
               "constructoin NOT navy", "exportr budget", "drils strait", "airshp blimp"]
    with Searcher(ix) as searcher:
        ours = {q: searcher.search(q).suggestion for q in queries}
        monkeypatch.setattr(searching, "any_match", lambda s, q: next(
            iter(s.docs_for_query(q)), None) is not None)
        theirs = {q: searcher.search(q).suggestion for q in queries}
    assert ours == theirs
    assert ours["zepelin blimp"] is None and ours["airshp blimp"] is None
    assert ours["airshp hangar"] == "airship hangar" and ours["tarif navy"] == "tariff navy"


def test_damaged_files_of_common_words_are_passed_over_with_the_same_answers(
        tmp_path, monkeypatch, caplog):
    """The arrays of common words beside each segment are only a speed-up: cut short,
    overwritten or pointing past their end, searches read the index instead, say so in
    the log, and answer as Whoosh does."""
    import logging
    import struct

    monkeypatch.setattr(common_words, "MIN_POSTINGS", 1)
    ix = _segments_with_deletions(tmp_path)
    files = sorted(ix.glob("*.common"))
    assert len(files) >= 3  # one per segment
    whole = files[0].read_bytes()
    files[0].write_bytes(whole[: len(whole) // 2 + 1])  # cut short (mid-array)
    files[1].write_bytes(b"garbage" + files[1].read_bytes()[7:])
    head = struct.Struct("<8sII")
    magic, version, length = head.unpack_from(files[2].read_bytes())
    files[2].write_bytes(head.pack(magic, version, length) + b'{"words":{"trade":[0,99999,0,1]}}'
                         .ljust(length) + b"\0\0\0\0")
    queries = ["trade", "navy OR guard", '"coast guard"', "taiwan guard", "cons*"]
    with caplog.at_level(logging.WARNING), Searcher(ix) as fast, Searcher(ix) as reference:
        monkeypatch.setattr(reference, "_fast_search", lambda *args: (None, None))
        for query in queries:
            ours, theirs = fast.search(query, limit=None), reference.search(query, limit=None)
            assert ours.total == theirs.total > 0, query
            assert sorted((h.id, h.snippet) for h in ours.hits) == sorted(
                (h.id, h.snippet) for h in theirs.hits), query
    passed_over = {r.getMessage().split(" (")[0] for r in caplog.records if "passing over" in r.getMessage()}
    assert passed_over == {f"passing over {f}" for f in files[:3]}


def test_a_segment_whose_articles_were_all_replaced_leaves_the_disk(tmp_path):
    """Re-analysing a whole corpus (a new version, every file edited) must not keep the
    old copies: Whoosh kept a segment of deleted articles for good, and every search
    walked it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"a{n}.md").write_text(f"# Report {n}\n\nTyphoon warning {n} for Taiwan.\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)

    def segments() -> set[str]:
        return {p.name.split(".")[0] for p in (tmp_path / "ix").glob("MAIN_*.*")}

    first = segments()
    assert first
    for n in range(6):
        (corpus / f"a{n}.md").write_text(f"# Report {n}\n\nTyphoon warning {n} lifted.\n")
    report = update_index(corpus, index_path=tmp_path / "ix", entities=False)
    assert report.updated == 6
    assert not first & segments()
    with Searcher(tmp_path / "ix") as searcher:
        assert searcher.search("lifted", limit=None).total == 6
        assert searcher.search("taiwan", limit=None).total == 0


def test_a_prefix_matches_words_as_written_not_the_stem_of_the_prefix(tmp_path):
    """The parser stems a prefix ("thes" -> "the", "cons" -> "con"), so "thes*" found
    every article with "the" and "cons*" every "concern"."""
    from taiwan_reader_index.fulltext.highlight import matcher_for, term_spans

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {"theses": "These theses were defended.", "plain": "The talks went on then.",
             "consul": "The consulate opened.", "concern": "Concern grew over the talks."}
    for name, text in texts.items():
        (corpus / f"{name}.md").write_text(f"# {name}\n\n{text}\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    with Searcher(tmp_path / "ix") as searcher:
        assert [h.id for h in searcher.search("thes*").hits] == ["theses"]
        assert [h.id for h in searcher.search("cons*").hits] == ["consul"]
        assert {h.id for h in searcher.search("consul* OR thes*", limit=None).hits} == {
            "consul", "theses"}
        assert searcher.search("thesx*").total == 0
        marked = [text for text, hit in searcher.search("thes*").hits[0].snippet if hit]
        assert marked == ["These theses"]  # both words, marked as one run
    text = "These theses: the rest."
    assert [text[s:e] for s, e in term_spans(text, matcher_for("thes*"))] == ["These", "theses"]


@pytest.mark.parametrize("kept", [False, True, "file"])
def test_phrases_with_repeated_words_give_what_whoosh_gives(tmp_path, monkeypatch, kept):
    """Phrase positions are read as packed arrays: repeated and overlapping words, three
    segments with deleted copies, against Whoosh's own phrase matching; also with every
    word's postings and positions kept between queries (as a common word's are)."""
    if kept == "file":  # every word in the segments' files of common words, read from there
        monkeypatch.setattr(common_words, "MIN_POSTINGS", 1)
    ix = _segments_with_deletions(tmp_path)
    if kept is True:
        monkeypatch.setattr(PostingsCache, "MIN_POSTINGS", 1)
    queries = ['"trade trade"', '"trade trade trade"', '"navy coast"', '"coast guard navy"',
               '"taiwan strait" "export budget"', '"guard navy" navy', '"zebra navy"']
    with Searcher(ix) as fast, Searcher(ix) as reference:
        monkeypatch.setattr(reference, "_fast_search", lambda *args: (None, None))
        answered = 0
        for query in queries:
            ours = fast.search(query, limit=None)
            theirs = reference.search(query, limit=None)
            assert ours.total == theirs.total, query
            assert sorted((h.id, h.snippet) for h in ours.hits) == sorted(
                (h.id, h.snippet) for h in theirs.hits), query
            answered += ours.total
        assert answered > 20  # the phrases do occur
        assert fast.notice is None


def test_a_phrase_is_found_across_a_long_gap_and_marked_where_it_stands(tmp_path):
    """A word whose occurrences lie 70,000 words apart (past what 16 bits hold): the
    phrase is found at both places, and marked in the snippet."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = " ".join(f"w{i % 997}x" for i in range(70_000))
    (corpus / "long.md").write_text(
        f"# Long\n\nHarbour pilots met. {filler}. Late harbour pilots left.\n")
    (corpus / "short.md").write_text("# Short\n\nThe pilots of the harbour.\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    with Searcher(tmp_path / "ix") as searcher:
        result = searcher.search('"harbour pilots"', limit=None)
        assert [h.id for h in result.hits] == ["long"]
        assert result.total == 1
        assert "**Harbour pilots** met" in result.hits[0].snippet_marked()
        assert searcher.search('"late harbour pilots"').total == 1


def test_the_whole_corpus_facets_are_kept_for_the_next_start_and_follow_changes(mini):
    """The first screen (no query, no filter) counts every article once; the next
    searcher reads the counts kept beside the index, and they follow every change."""
    from taiwan_reader_index.fulltext.facets import corpus_facets_path

    index_path = locations.index_dir_for(mini)

    def first_screen() -> dict:
        with Searcher(index_path) as searcher:
            return searcher.search("", facets=True).facets

    def counted() -> dict:  # the same articles, counted afresh (a filter that keeps all)
        with Searcher(index_path) as searcher:
            every = searcher.search("", limit=None)
            return searcher.search(" OR ".join(f'id:"{h.id}"' for h in every.hits),
                                   facets=True).facets

    first = first_screen()
    assert first == counted() and first["outlet"]
    assert corpus_facets_path(index_path).is_file()
    assert first_screen() == first  # read back, not counted

    (mini / "extra.md").write_text("---\ntitle: Extra\noutlet: Harbour Herald\n---\nA line.\n")
    update_index(mini)
    after = first_screen()
    assert dict(after["outlet"]).get("Harbour Herald", 0) == dict(first["outlet"]).get(
        "Harbour Herald", 0) + 1
    assert after == counted()

    corpus_facets_path(index_path).write_text("{not json")
    assert first_screen() == after


def test_the_first_screen_lists_every_article_newest_first_as_whoosh_sorts(tmp_path):
    """No query: every live article, newest first, undated last, ties in index order:
    the order Whoosh's date sort gives, over three segments with replaced and removed
    articles."""
    from whoosh import query as wq
    from whoosh import sorting

    def dated(n: int, rng) -> str:
        day = rng.choice([None, *range(1, 9)])  # few dates: many ties
        date = f"date: 2024-03-0{day}\n" if day else ""
        return f"---\ntitle: Item {n}\n{date}---\nText {n}.\n"

    ix = _segments_with_deletions(tmp_path, dated)
    with Searcher(ix) as searcher:
        raw = searcher._searcher.search(
            wq.Every(), limit=None, sortedby=sorting.FieldFacet("date_sort", reverse=True))
        expected = [hit["id"] for hit in raw]
        for sort in ("date", "score"):
            every = searcher.search("", limit=None, sort=sort)
            assert [h.id for h in every.hits] == expected
            assert every.total == len(expected) == 120 - 12
            assert [h.id for h in searcher.search("", limit=25, sort=sort).hits] == expected[:25]


def test_a_fuzzy_word_is_judged_as_typed_not_by_its_stem(tmp_path):
    """"saings~" is stemmed to "sa" by the parser: it is still a six-letter word, and it
    finds "savings"; a word typed with two letters is refused, naming it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bank.md").write_text("# Bank\n\nHousehold savings rose in March.\n")
    update_index(corpus, index_path=tmp_path / "ix", entities=False)
    with Searcher(tmp_path / "ix") as searcher:
        found = searcher.search("saings~")
        assert [h.id for h in found.hits] == ["bank"]
        assert "**savings**" in found.hits[0].snippet_marked()
        with pytest.raises(QueryError, match="'ab'~"):
            searcher.search("ab~")


def test_quotation_carriers_follow_the_corpus_through_updates_and_deletions(tmp_path, capsys):
    """Quotations are looked up by the keys of their runs of words, kept per article: an
    article added later carries the quotation, a deleted or rewritten one no longer does."""
    from taiwan_reader_index.cli import main

    corpus = tmp_path / "quoted"
    corpus.mkdir()
    said = ('"We will keep every channel of dialogue open with our neighbours," '
            'the foreign minister said on Monday.')
    (corpus / "a.txt").write_text(f"Minister speaks\n\nThe talks ended. {said}\n")
    (corpus / "b.txt").write_text(f"Talks end\n\nDelegates left Geneva. {said}\n")
    (corpus / "c.txt").write_text("Weather\n\nRain is expected on Tuesday in the north.\n")
    update_index(corpus)

    def carriers() -> set[str]:
        main(["quotes", "a", "--json", "--corpus", str(corpus)])
        data = json.loads(capsys.readouterr().out)
        return {c["id"] for q in data["quotes"] for c in q["carried_by"]}

    assert carriers() == {"b"}
    (corpus / "d.txt").write_text(f"Later\n\nAs she put it last week: {said}\n")
    update_index(corpus)
    assert carriers() == {"b", "d"}
    (corpus / "b.txt").unlink()
    (corpus / "d.txt").write_text("Later\n\nShe said nothing more on the matter this week.\n")
    update_index(corpus)
    assert carriers() == set()


def test_fuzzy_and_did_you_mean_know_the_words_of_every_run_and_a_lost_words_file(
        tmp_path):
    """The words as written are kept beside the index by each run: a word added by a
    later run is found by a misspelling; the file lost, the next run writes it again
    from the index; a word whose articles are gone is no longer suggested."""
    corpus = tmp_path / "words"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Report a\n\nThe harbour authority met on Monday.\n")
    update_index(corpus)
    (corpus / "b.txt").write_text("Report b\n\nA desalination plant opened in the port.\n")
    update_index(corpus)
    index = locations.index_dir_for(corpus)

    def fuzzy_and_suggestion(query: str) -> tuple[list[str], str | None]:
        with Searcher(index) as searcher:
            found = [h.id for h in searcher.search(f"{query}~").hits]
            return found, searcher.search(query).suggestion

    assert fuzzy_and_suggestion("desalinaton") == (["b"], "desalination")
    index.with_name(index.name + ".words").unlink()
    update_index(corpus)  # nothing changed: the file is written again
    assert fuzzy_and_suggestion("desalinaton") == (["b"], "desalination")
    index.with_name(index.name + ".words").unlink()
    (corpus / "c.txt").write_text("Report c\n\nFishermen protested at the harbour.\n")
    update_index(corpus)
    assert fuzzy_and_suggestion("desalinaton") == (["b"], "desalination")
    assert sorted(fuzzy_and_suggestion("harbuor")[0]) == ["a", "c"]
    (corpus / "b.txt").unlink()
    update_index(corpus)
    assert fuzzy_and_suggestion("desalinaton") == ([], None)


def test_did_you_mean_offers_the_commonest_word_as_written_and_forgets_removed_ones(
        tmp_path):
    """Words are ranked by how many articles write them, each form on its own ("details"
    in three articles beats "detail" in one, though both have one stem); a rewritten
    article's old words no longer count."""
    corpus = tmp_path / "counted"
    corpus.mkdir()
    for name in "abc":
        (corpus / f"{name}.txt").write_text(f"Report {name}\n\nThe details were published.\n")
    (corpus / "d.txt").write_text("Report d\n\nOne detail was left out.\n")
    update_index(corpus)
    index = locations.index_dir_for(corpus)

    def suggestion(query: str) -> str | None:
        with Searcher(index) as searcher:
            return searcher.search(query).suggestion

    assert suggestion("detaild") == "details"
    for name in "ab":
        (corpus / f"{name}.txt").write_text(f"Report {name}\n\nNothing was published.\n")
    (corpus / "e.txt").write_text("Report e\n\nA detail emerged; another detail followed.\n")
    update_index(corpus)
    assert suggestion("detaild") == "detail"  # detail: d and e; details: c alone


def test_a_first_build_removes_the_index_an_older_version_left_unless_in_use(mini_corpus):
    """A schema change builds a new index folder; the older version's folder (and the
    files beside it) went on taking disk space. It is removed, unless a run of that
    version holds it; another corpus's index and a folder set aside as broken stay."""
    index = locations.index_dir_for(mini_corpus)
    stem = index.name.rpartition("-v")[0]
    older = [index.with_name(f"{stem}-v{locations.SCHEMA_VERSION - n}") for n in (1, 2)]
    keep = [index.with_name(f"{older[0].name}.broken-20260101-000000"),
            index.with_name(f"other-0123456789ab-v{locations.SCHEMA_VERSION - 1}")]
    for folder in older + keep:
        folder.mkdir(parents=True)
        (folder / "MAIN_1.seg").write_bytes(b"x" * 2_000_000)
        folder.with_name(folder.name + ".manifest.json").write_text("{}")
    with writer_lock(older[1], wait=0):  # a run of that version is indexing
        report = update_index(mini_corpus)
    assert not older[0].exists()
    assert not older[0].with_name(older[0].name + ".manifest.json").exists()
    version = locations.SCHEMA_VERSION
    assert [n for n in report.notices if "older versions" in n] == [
        "removed the index older versions of taiwan-reader had made of this folder "
        f"(v{version - 1}; 2.0 MB)"]
    assert all(folder.exists() for folder in [*keep, older[1]])
    assert update_index(mini_corpus, rebuild=True).notices == [
        "removed the index older versions of taiwan-reader had made of this folder "
        f"(v{version - 2}; 2.0 MB)"]
    assert all(folder.exists() for folder in keep)


def test_the_first_screen_is_kept_for_the_next_start_of_the_same_index_only(mini_corpus):
    """The first screen (no query: newest articles and the counts over the corpus) a
    search computed is read back without opening the index, exactly as computed; not
    once the index has changed, nor from a damaged file."""
    from taiwan_reader_index.fulltext.first_screen import first_screen_path

    library = Library.open(mini_corpus)
    library.update()
    assert library.first_screen() is None  # nothing computed it yet
    with library.searcher() as searcher:
        live = searcher.search("", limit=50, sort="date", facets=True)
    saved = library.first_screen()
    assert saved is not None
    assert saved.hits == live.hits and saved.total == live.total and saved.facets == live.facets
    assert any(h.date for h in saved.hits) and all(h.snippet for h in saved.hits)

    (mini_corpus / "late-news.md").write_text("# Late news\n\nA new report on the harbour.\n")
    library.update()
    assert library.first_screen() is None  # another generation of the index

    with library.searcher() as searcher:
        live = searcher.search("", limit=50, sort="date", facets=True)
    assert library.first_screen() == replace(live, took_ms=0.0)
    first_screen_path(library.index_path).write_text('{"version": 1, "stamp": ', encoding="utf-8")
    assert library.first_screen() is None
    with library.searcher() as searcher:  # a query, or a filter, is not the first screen
        searcher.search("harbour", limit=50, facets=True)
        searcher.search("", limit=50, facets=True, filters={"outlet": ["Reuters"]})
    assert library.first_screen() is None


def test_a_name_in_capitals_and_in_prose_is_one_facet_value(tmp_path):
    """A dateline's "NEW YORK" and the "New York" of prose are one place in the facets,
    shown as prose writes it and counted once per article; choosing it finds them all."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Bond prices fall\n\nNEW YORK, March 2 - Bond prices "
                                 "fell sharply on Monday, dealers said.\n")
    (corpus / "b.md").write_text("# Theatre returns\n\nThe theatre season in New York opened "
                                 "on Friday with three premieres.\n")
    (corpus / "c.md").write_text("# Port strike\n\nNEW YORK, March 3 - Dock workers walked "
                                 "out on Tuesday. New York port officials said talks would "
                                 "resume.\n")
    library = Library.open(corpus)
    library.update()
    places = dict(library.search("", limit=None, facets=True).facets["place"])
    assert places.get("New York") == 3 and "NEW YORK" not in places, places
    chosen = library.search("", limit=None, filters={"place": ["New York"]})
    assert chosen.total == 3


def test_a_phrase_is_highlighted_where_its_words_stand_in_a_row():
    """A quoted phrase is one hit where the article has it, not a hit for every word of
    it wherever it stands ("I do not have a comment" had been 24 hits in one article:
    every "I", "a" and "not")."""
    from taiwan_reader_index.fulltext.highlight import matcher_for, term_spans

    text = ("I do not have a comment on that, a spokesman said. Do not expect a comment; "
            "the guards of the National Guard have none.")
    marked = [text[s:e] for s, e in term_spans(text, matcher_for('"I do not have a comment"'))]
    assert marked == ["I do not have a comment"]
    marked = [text[s:e] for s, e in term_spans(text, matcher_for('"national guard" guards'))]
    assert marked == ["guards", "National Guard"]  # the word alone, and the phrase once
    assert term_spans(text, matcher_for('"comment on the guard"')) == []
