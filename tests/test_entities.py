from __future__ import annotations

import pytest

from taiwan_reader_index import locations
from taiwan_reader_index.articles.loader import load_text
from taiwan_reader_index.entities.domain import domain_mentions
from taiwan_reader_index.entities.extract import EntityExtractor
from taiwan_reader_index.entities.linking import link, load_aliases
from taiwan_reader_index.entities.mention import Mention
from taiwan_reader_index.entities.recognizer import load_recognizer, rule_recognizer
from taiwan_reader_index.fulltext.indexer import update_index
from taiwan_reader_index.fulltext.searcher import Searcher


def mentions(text: str, *spans: tuple[str, str]) -> list[Mention]:
    out, start = [], 0
    for words, label in spans:
        start = text.index(words, start)
        out.append(Mention(start, start + len(words), label))
        start += len(words)
    return out


def canon(text: str, *spans, aliases=None) -> list[str]:
    return [e.canonical for e in link(text, mentions(text, *spans), aliases)]


def test_surname_and_title_link_to_the_full_name():
    text = "Tsai Ing-wen met senators. Later President Tsai said Tsai's plan stands."
    assert canon(text, ("Tsai Ing-wen", "PERSON"), ("President Tsai", "PERSON"),
                 ("Tsai's", "PERSON")) == ["Tsai Ing-wen"] * 3


def test_country_variants_are_one_entity_and_possessive_and_the_are_trimmed():
    text = "The US and the U.S. and the United States and America, and China's navy."
    assert canon(text, ("US", "GPE"), ("U.S.", "GPE"), ("the United States", "GPE"),
                 ("America", "GPE"), ("China's", "GPE")) == ["United States"] * 4 + ["China"]


def test_surname_tagged_as_org_becomes_the_person():
    text = "Sen. Tammy Duckworth visited. Duckworth spoke."
    linked = link(text, mentions(text, ("Tammy Duckworth", "PERSON"), ("Duckworth", "ORG")))
    assert [(e.label, e.canonical) for e in linked] == [("PERSON", "Tammy Duckworth")] * 2


def test_only_a_surname_makes_a_name_the_person():
    # the model's "persons" include firms and products: their first word is a company or a
    # place in its own right, and stays one
    text = ("Singapore Airlines raised fares. Singapore said so. Yahoo Messenger grew; Yahoo "
            "gained. H.C.F. Porsche AG sold cars. Porsche rose. Xi Peng met AGA's German. "
            "German said so.")
    linked = link(text, mentions(text, ("Singapore Airlines", "PERSON"), ("Singapore", "GPE"),
                                 ("Yahoo Messenger", "PERSON"), ("Yahoo", "ORG"),
                                 ("H.C.F. Porsche AG", "PERSON"), ("Porsche", "ORG"),
                                 ("Xi Peng", "PERSON"), ("German", "NORP"), ("German", "NORP")))
    assert [(e.text, e.label) for e in linked if " " not in e.text] == [
        ("Singapore", "GPE"), ("Yahoo", "ORG"), ("Porsche", "ORG"), ("German", "NORP"),
        ("German", "NORP")]
    text = "Michael German, an economist, spoke. AGA's German said prices fell."
    linked = link(text, mentions(text, ("Michael German", "PERSON"), ("German", "NORP")))
    assert [(e.label, e.canonical) for e in linked] == [("PERSON", "Michael German")] * 2
    text = "John Mills Jr bought shares. Mills said he would hold them."
    linked = link(text, mentions(text, ("John Mills Jr", "PERSON"), ("Mills", "ORG")))
    assert linked[1].label == "PERSON"


def test_a_person_named_in_the_page_junk_decides_nothing_in_the_article():
    # a tag list under the article ("Delhi Smog") is another story's: the article's "Delhi"
    # stays the city, though the tag would be the full name it is the first word of
    text = "The air in Delhi is poor. Smog covers Delhi.\n\nDelhi Pollution\nDelhi Smog"
    footer = text.index("Delhi Pollution")
    linked = link(text, mentions(text, ("Delhi", "GPE"), ("Delhi", "GPE"), ("Delhi Smog", "PERSON")),
                  part_at=lambda start, end: "body" if start < footer else "footer")
    assert [(e.label, e.canonical, e.part) for e in linked] == [
        ("GPE", "Delhi", "body"), ("GPE", "Delhi", "body"), ("PERSON", "Delhi Smog", "footer")]
    text = "Duckworth spoke.\n\nMore: Tammy Duckworth visits"
    footer = text.index("More")
    linked = link(text, mentions(text, ("Duckworth", "ORG"), ("Tammy Duckworth", "PERSON")),
                  part_at=lambda start, end: "body" if start < footer else "related")
    assert linked[0].label == "ORG"


def test_user_alias_file_merges_and_splits(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text('[merge]\n"Lai Ching-te" = ["William Lai"]\n[split]\nnames = ["America"]\n')
    aliases = load_aliases(path)
    text = "William Lai met Lai Ching-te in America."
    assert canon(text, ("William Lai", "PERSON"), ("Lai Ching-te", "PERSON"), ("America", "GPE"),
                 aliases=aliases) == ["Lai Ching-te", "Lai Ching-te", "America"]


def test_domain_layer_finds_laws_and_commands():
    text = "Under the Taiwan Relations Act, the Eastern Theater Command and the Ministry of National Defense"
    found = {(text[m.start : m.end], m.label) for m in domain_mentions(text)}
    assert ("Taiwan Relations Act", "LAW") in found
    assert ("Eastern Theater Command", "ORG") in found
    assert ("Ministry of National Defense", "ORG") in found


def test_rule_fallback_when_no_model(monkeypatch):
    import spacy

    def no_model(*args, **kwargs):
        raise OSError("no such model")

    load_recognizer.cache_clear()
    monkeypatch.setattr(spacy, "load", no_model)
    try:
        recognizer = load_recognizer()
    finally:
        load_recognizer.cache_clear()
    assert recognizer.name.startswith("rules") and "not installed" in recognizer.notice
    article = load_text("President Tsai Ing-wen met officials from the Pentagon in Taiwan.\n")
    entities = EntityExtractor(recognizer).entities([article])[0]
    assert {(e.label, e.canonical) for e in entities} >= {("PERSON", "Tsai Ing-wen"),
                                                          ("GPE", "Taiwan")}


def test_fallback_notice_reaches_the_index_report(mini_corpus):
    report = update_index(mini_corpus, extractor=EntityExtractor(rule_recognizer()))
    assert any("not installed" in n for n in report.notices)


def test_unchanged_articles_are_never_reanalysed(seeds):
    first = EntityExtractor()
    update_index(seeds, extractor=first)
    assert first.model_calls == 5
    again = EntityExtractor()
    update_index(seeds, rebuild=True, extractor=again)
    assert again.model_calls == 0


@pytest.fixture
def seed_searcher(seeds):
    update_index(seeds)
    searcher = Searcher(locations.index_dir_for(seeds))
    yield searcher
    searcher.close()


def test_entity_field_queries(seed_searcher):
    def ids(query):
        return sorted(h.id[:3] for h in seed_searcher.search(query, limit=None).hits)

    assert ids('person:"Tsai Ing-wen"') == ["000", "001", "004"]
    assert ids('person:"Chiu Kuo-cheng"') == ["003", "004"]
    assert ids('law:"Taiwan Relations Act"') == ["000"]
    assert ids('person:"Tammy Duckworth" AND place:"United States"') == ["000", "001"]
    # one name finds the people the corpus names in full with it, as a user expects
    assert ids("person:Tsai") == ids("person:tsai") == ["000", "001", "004"]
    assert ids("person:Duckworth") == ["000", "001"]
    # a space after the colon still means the field
    assert ids("person: Tsai") == ids("person:Tsai")
    hit = seed_searcher.search("person:Chiu").hits[0]
    assert any(marked and "Chiu" in text for text, marked in hit.snippet)


def test_a_word_written_like_a_field_is_text_and_named_when_nothing_matches(seed_searcher):
    from taiwan_reader_index.errors import QueryError

    assert seed_searcher.search("Taiwan: drills").total >= 1  # a pasted headline
    with pytest.raises(QueryError, match="'colour' is not a field"):
        seed_searcher.search("colour: taiwan")


def test_entity_facets_with_counts(seed_searcher):
    facets = seed_searcher.search("taiwan", facets=True).facets
    people = dict(facets["person"])
    assert people["Tsai Ing-wen"] == 3 and people["Joe Biden"] >= 3
    assert dict(facets["place"])["United States"] == 5
    narrowed = seed_searcher.search("taiwan", filters={"person": ["Chiu Kuo-cheng"]})
    assert sorted(h.id[:3] for h in narrowed.hits) == ["003", "004"]


def test_seed_gold_strict_f1_and_no_worse_than_the_plain_model(seeds):
    import json
    from dataclasses import replace
    from pathlib import Path

    from taiwan_reader_index.articles.loader import load_article
    from taiwan_reader_index.entities.extract import text_regions
    from taiwan_reader_index.entities.recognizer import recognise_blocks
    from taiwan_reader_index.entities.scoring import f1, gold_mentions, own_mentions, prf

    gold = json.loads((Path(__file__).parent / "data" / "seed_entities_gold.json").read_text())
    ours, plain = load_recognizer(), replace(load_recognizer(), domain=False)
    scores = {}
    for name, recognizer in [("ours", ours), ("plain", plain)]:
        totals = [0, 0, 0]
        for path in sorted(seeds.glob("*.md")):
            article = load_article(path)
            found = own_mentions(article, recognise_blocks(recognizer, article.source,
                                                           text_regions(article)))
            totals = [a + b for a, b in zip(totals, prf(gold_mentions(article, gold[article.id]), found))]
        scores[name] = f1(*totals)[2]
    assert scores["ours"] >= 0.98 and scores["ours"] > scores["plain"]


def test_index_built_with_worker_processes_matches_one_built_in_process(seeds, tmp_path,
                                                                       monkeypatch):
    """Large first builds run the model in worker processes: same entities, same facets."""
    from taiwan_reader_index.entities import workers
    from taiwan_reader_index.entities.cache import MentionCache

    update_index(seeds, index_path=tmp_path / "inline", extractor=EntityExtractor())
    monkeypatch.setattr(workers, "worker_count", lambda n, *rest: 2)
    pooled = EntityExtractor(cache=MentionCache(tmp_path / "fresh.sqlite"))
    update_index(seeds, index_path=tmp_path / "pooled", extractor=pooled)
    assert pooled.model_calls == 5 and pooled.workers_used == 2

    def facets(name):
        searcher = Searcher(tmp_path / name)
        found = searcher.search("taiwan", facets=True, limit=None)
        searcher.close()
        return {f: dict(c) for f, c in found.facets.items()}, sorted(h.id for h in found.hits)

    assert facets("pooled") == facets("inline")
    assert facets("pooled")[0]["person"]["Tsai Ing-wen"] == 3


def _stream_while_workers_die(extractor, articles) -> list:
    """The extractor's stream over ``articles`` in a worker process that is killed half a
    second in, as the out-of-memory killer would, while the model loads."""
    import multiprocessing
    import threading

    def kill_workers() -> None:
        for child in multiprocessing.active_children():
            child.kill()

    killer = threading.Timer(0.5, kill_workers)
    killer.start()
    try:
        return list(extractor.stream(articles, lambda a: a, workers=1))
    finally:
        killer.join()


def test_a_worker_that_dies_has_its_work_done_in_process(seeds, tmp_path):
    from taiwan_reader_index.articles.loader import load_article
    from taiwan_reader_index.entities.cache import MentionCache

    articles = [load_article(p) for p in sorted(seeds.glob("*.md"))[:2]]
    extractor = EntityExtractor(cache=MentionCache(tmp_path / "fresh.sqlite"))
    out = _stream_while_workers_die(extractor, articles)
    assert [item for item, _ in out] == articles
    assert all(any(e.label == "PERSON" for e in entities) for _, entities in out)
    assert out == list(zip(articles, extractor.entities(articles)))
    assert "worker process stopped" in extractor.worker_problem


def test_a_dead_worker_is_logged_once_not_once_per_chunk(seeds, tmp_path, monkeypatch, caplog):
    """Every chunk queued to a pool whose worker died fails the same way; the log says
    so once (each retelling carried the traceback of all before it: megabytes)."""
    import logging

    from taiwan_reader_index.articles.loader import load_article
    from taiwan_reader_index.entities import extract
    from taiwan_reader_index.entities.cache import MentionCache

    monkeypatch.setattr(extract, "CHUNK", 1)
    articles = [load_article(p) for p in sorted(seeds.glob("*.md"))]
    extractor = EntityExtractor(cache=MentionCache(tmp_path / "fresh.sqlite"))
    with caplog.at_level(logging.WARNING, logger=extract.__name__):
        out = _stream_while_workers_die(extractor, articles)
    assert [item for item, _ in out] == articles
    assert out == list(zip(articles, extractor.entities(articles)))
    told = [r for r in caplog.records if "worker process failed" in r.getMessage()]
    assert len(told) == 1 and told[0].exc_info is not None


def test_editing_aliases_relinks_the_index_without_reanalysing(seeds, tmp_path):
    from taiwan_reader_index.entities.extract import aliases_path

    index = tmp_path / "ix"
    update_index(seeds, index_path=index)

    def people():
        searcher = Searcher(index)
        found = dict(searcher.search("taiwan", facets=True).facets["person"])
        searcher.close()
        return found

    assert people()["Tsai Ing-wen"] == 3
    aliases_path().parent.mkdir(parents=True, exist_ok=True)
    aliases_path().write_text('[merge]\n"President Tsai" = ["Tsai Ing-wen"]\n')
    extractor = EntityExtractor()
    report = update_index(seeds, index_path=index, extractor=extractor)
    assert report.updated == 5 and extractor.model_calls == 0
    assert any("re-linking" in n for n in report.notices)
    assert people()["President Tsai"] == 3 and "Tsai Ing-wen" not in people()
    again = update_index(seeds, index_path=index)
    assert not again.changed and not again.notices


def test_a_stale_manifest_does_not_relink_everything(seeds, tmp_path):
    """A run killed between its commit and the manifest's save leaves an older manifest:
    the next run rebuilds it from the index and re-links nothing."""
    import json

    from taiwan_reader_index.fulltext.manifest import manifest_path

    index = tmp_path / "ix"
    update_index(seeds, index_path=index)
    path = manifest_path(index)
    data = json.loads(path.read_text())
    data["generation"] -= 1
    path.write_text(json.dumps(data))
    extractor = EntityExtractor()
    report = update_index(seeds, index_path=index, extractor=extractor)
    assert not report.changed and not report.notices and report.unchanged == 5


def test_the_recognizer_is_named_without_loading_the_model():
    from taiwan_reader_index.entities.recognizer import load_recognizer, recognizer_identity

    loaded = load_recognizer()
    assert recognizer_identity() == (loaded.name, loaded.notice)
    assert loaded.notice is None  # the model package is installed: the real model runs


def _corpus(tmp_path, files: dict[str, str]):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    update_index(corpus, index_path=tmp_path / "ix", extractor=EntityExtractor())
    return Searcher(tmp_path / "ix")


def test_a_surname_alone_is_the_one_person_the_corpus_names_in_full(tmp_path):
    searcher = _corpus(tmp_path, {
        "a.md": "# Premier visits Ottawa\n\nPrime Minister Gordon Hale flew to Ottawa on Monday. "
                "Hale met officials there.\n",
        "b.md": "# Trade talks resume\n\nMr Hale said on Tuesday that talks on trade would resume "
                "in Toronto next month, officials said.\n",
    })
    with searcher:
        found = searcher.search("talks OR ottawa", facets=True, limit=None)
        people = dict(found.facets["person"])
        assert people == {"Gordon Hale": 2}  # one person, counted once per article
        by_name = searcher.search('person:"Gordon Hale"', limit=None)
        assert sorted(h.id for h in by_name.hits) == ["a", "b"]
        chosen = searcher.search("", filters={"person": ["Gordon Hale"]}, limit=None)
        assert sorted(h.id for h in chosen.hits) == ["a", "b"]
        only_surname = next(h for h in by_name.hits if h.id == "b")
        snippet = "".join(text for text, is_hit in only_surname.snippet if is_hit)
        assert "Hale" in snippet  # the snippet shows the mention that matched


def test_an_ambiguous_surname_is_left_alone(tmp_path):
    searcher = _corpus(tmp_path, {
        "a.md": "# Premier visits Ottawa\n\nPrime Minister Gordon Hale flew to Ottawa on Monday.\n",
        "b.md": "# Charity gala\n\nRuth Hale opened a charity gala in Ottawa on Friday evening.\n",
        "c.md": "# Trade talks resume\n\nMr Hale said on Tuesday that talks on trade would resume "
                "in Toronto next month, officials said.\n",
    })
    with searcher:
        people = dict(searcher.search("ottawa OR talks", facets=True, limit=None).facets["person"])
        assert people == {"Gordon Hale": 1, "Ruth Hale": 1, "Hale": 1}


@pytest.mark.parametrize("gold_file", ["news_entities_dev.json", "news_entities_gold.json"])
def test_news_gold_strict_f1_well_above_the_plain_model(gold_file):
    """BBC and Reuters articles from ../shared (skipped where it is absent): the dev set the
    corrections were developed on, and the held-out set nothing was tuned on."""
    import json
    import tarfile
    from dataclasses import replace
    from pathlib import Path

    from taiwan_reader_index.articles.loader import load_text
    from taiwan_reader_index.entities.extract import text_regions
    from taiwan_reader_index.entities.recognizer import recognise_blocks
    from taiwan_reader_index.entities.scoring import f1, gold_mentions, own_mentions, prf

    corpora = Path(__file__).resolve().parents[2] / "shared" / "corpora"
    if not (corpora / "bbc-news.tar.gz").exists() or load_recognizer().notice is not None:
        pytest.skip("../shared/corpora or spaCy's English model is not here")
    gold = json.loads((Path(__file__).parent / "data" / gold_file).read_text())
    wanted = [item["source"].split("/") for item in gold["articles"]]
    texts: dict[tuple[str, str], str] = {}
    for corpus in {corpus for corpus, _ in wanted}:  # each archive read once
        names = {name for c, name in wanted if c == corpus}
        with tarfile.open(corpora / f"{corpus}.tar.gz") as tar:
            for member in tar:
                name = member.name.rsplit("/", 1)[-1]
                if name in names and member.isfile():
                    texts[(corpus, name)] = tar.extractfile(member).read().decode("utf-8")
    articles = [(load_text(texts[(corpus, name)], name), item["entities"])
                for (corpus, name), item in zip(wanted, gold["articles"])]
    scores = {}
    for label, recognizer in [("ours", load_recognizer()),
                              ("plain", replace(load_recognizer(), domain=False))]:
        totals = [0, 0, 0]
        for article, items in articles:
            found = own_mentions(article, recognise_blocks(recognizer, article.source,
                                                           text_regions(article)))
            totals = [a + b for a, b in zip(totals, prf(gold_mentions(article, items), found))]
        scores[label] = f1(*totals)[2]
    # (measured: dev 0.900 on 77 articles, held-out 0.825 on 26, plain model 0.674 and
    # 0.650: the wire copy added to both is easier for the model; the bound guards
    # against a regression, it is not the goal)
    assert scores["ours"] >= 0.80 and scores["ours"] > scores["plain"] + 0.15


def test_entities_shown_without_the_model_are_the_current_versions(tmp_path):
    """The reader shows an article's entities from the cache, without the model. After an
    upgrade the index analyses the article again: the new version's mentions are shown
    (the oldest version's had been), and the old version's are gone from the cache (kept,
    each upgrade grew it by a whole corpus)."""
    from taiwan_reader_index.articles.loader import load_text
    from taiwan_reader_index.entities.cache import MentionCache
    from taiwan_reader_index.entities.extract import cache_key, cached_entities
    from taiwan_reader_index.entities.mention import Mention
    from taiwan_reader_index.entities.recognizer import recognizer_identity

    article = load_text("Chiu Kuo-cheng met Tsai Ing-wen in Taipei.", title_line=False)
    key = cache_key(article)
    cache = MentionCache(tmp_path / "cache.sqlite")
    old_version = "spacy-en_core_web_sm-0.0.1+layer-1"
    cache.put(key, old_version, [Mention(0, 4, "ORG")])  # it read "Chiu" as a company
    current = [Mention(0, 14, "PERSON"), Mention(19, 31, "PERSON"), Mention(35, 41, "GPE")]
    cache.put(key, recognizer_identity()[0], current)
    shown = cached_entities(article, cache)
    assert shown is not None
    assert [(e.text, e.label) for e in shown] == [
        ("Chiu Kuo-cheng", "PERSON"), ("Tsai Ing-wen", "PERSON"), ("Taipei", "GPE")]
    assert cache.get(key, old_version) is None
