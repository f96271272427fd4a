"""Alignment of two reports on small pairs written for the purpose, and on the seeds."""

from __future__ import annotations

import json

from taiwan_reader_index.articles.loader import load_text
from taiwan_reader_index.cli.commands import main
from taiwan_reader_index.compare.align import align
from taiwan_reader_index.compare.evidence import explain
from taiwan_reader_index.compare.sentences import normalize, sentences

FILLER_A = "Separately, the weather bureau warned of heavy rain in the north on Friday."
FILLER_B = "The stock market closed higher after a week of losses for chip makers."


def pair_kinds(text_a: str, text_b: str) -> list[tuple[str, str, str]]:
    a, b = load_text(text_a, "a", title_line=False), load_text(text_b, "b", title_line=False)
    return [(p.kind, p.a.text, p.b.text) for p in align(a, b).pairs]


def test_shared_quote_with_curly_quotes_and_british_spelling():
    a = f'“We will strengthen our defence cooperation with allies,” the minister said.\n\n{FILLER_A}\n'
    b = f'"We will strengthen our defense cooperation with allies," the minister added.\n\n{FILLER_B}\n'
    kinds = pair_kinds(a, b)
    assert [k for k, _, _ in kinds] == ["quote"]


def test_trimmed_quote_is_still_the_same_quote():
    a = ('Chiu said: “The country must rely on itself, and if any allies can support us, '
         'we are pleased to have it.”\n\n' + FILLER_A + "\n")
    b = f'He told reporters the country “must rely on itself” in any crisis.\n\n{FILLER_B}\n'
    assert [k for k, _, _ in pair_kinds(a, b)] == ["quote"]


def test_paraphrase_with_same_actors_and_numbers_is_similar():
    a = ("The Pentagon will send 200 trainers to Taiwan by December, officials said.\n\n"
         f"{FILLER_A}\n\nLawmakers debated the budget for hours.\n")
    b = ("Officials said 200 American trainers would be deployed to Taiwan before December.\n\n"
         f"{FILLER_B}\n\nThe football season starts next month.\n")
    kinds = pair_kinds(a, b)
    assert [(k, x[:15]) for k, x, _ in kinds] == [("similar", "The Pentagon wi")]


def test_sentences_quoting_the_same_term_are_a_possible_match_with_the_term_as_evidence():
    # Two outlets name one policy with the same quoted term, in otherwise different words:
    # not judged the same fact, but never listed as what each report leaves out.
    a = ("Officials have long kept a policy of “calculated restraint,” refusing to say how "
         f"the navy would answer a blockade of the port.\n\n{FILLER_A}\n")
    b = ("Nothing has changed in the approach to the port known as “calculated restraint” "
         "under which commanders stay vague about any response to an attack by sea.\n\n"
         f"{FILLER_B}\n")
    result = align(load_text(a, "a", title_line=False), load_text(b, "b", title_line=False))
    assert result.pairs == []
    [possible] = result.possible
    assert possible.a.text.startswith("Officials") and possible.b.text.startswith("Nothing")
    assert "“calculated restraint”" in explain("possible", possible.a.text, possible.b.text)
    assert sorted(row.kind for row in result.rows()) == ["only-a", "only-b", "possible"]


def test_a_sentence_that_is_the_likely_counterpart_of_two_is_offered_beside_both():
    # Report A gives the policy in two sentences, B in one: each of A's may be B's fact,
    # so neither is listed as what B leaves out; the same seen from B's side.
    a = ("Officials have long kept a policy of “calculated restraint,” refusing to say how "
         "the navy would answer a blockade of the port.\n\n"
         f"{FILLER_A}\n\n"
         "Critics of the “calculated restraint” at the port say the silence invites a "
         "blockade.\n")
    b = ("Nothing has changed in the approach to the port known as “calculated restraint” "
         "under which commanders stay vague about any response to an attack by sea.\n\n"
         f"{FILLER_B}\n")
    first, second = load_text(a, "a", title_line=False), load_text(b, "b", title_line=False)
    result = align(first, second)
    assert result.pairs == []
    offered = [(p.a.text.split()[0], p.b.text.split()[0]) for p in result.possible]
    assert offered == [("Officials", "Nothing"), ("Critics", "Nothing")]
    assert sorted(row.kind for row in result.rows()) == ["only-a", "only-b", "possible",
                                                         "possible"]
    rows = [row for row in result.rows() if row.kind == "possible"]
    assert [row.repeat_b for row in rows] == [False, False]  # rows apart: B's shown twice
    mirror = align(second, first)
    assert [(p.b.text.split()[0], p.a.text.split()[0]) for p in mirror.possible] == offered


def test_a_common_phrase_quoted_in_two_unrelated_sentences_is_no_match():
    a = f"The coach called the late penalty a “lucky break” for his side.\n\n{FILLER_A}\n"
    b = f"Investors saw the drop in rates as a “lucky break” this spring.\n\n{FILLER_B}\n"
    result = align(load_text(a, "a", title_line=False), load_text(b, "b", title_line=False))
    assert result.pairs == [] and result.possible == []


def test_unrelated_sentences_are_not_paired():
    a = f"{FILLER_A}\n\nThe orchestra performed Mahler's second symphony.\n"
    b = f"{FILLER_B}\n\nVolcanic ash grounded flights across Iceland.\n"
    assert pair_kinds(a, b) == []


def test_an_article_compared_with_itself_aligns_completely(seeds):
    from taiwan_reader_index.articles.loader import load_article

    article = load_article(seeds / "003_64b5dcabdad37bfb.md")
    result = align(article, article)
    assert not result.only_a and not result.only_b
    assert len(result.pairs) == len(sentences(article))
    assert all(p.a.index == p.b.index for p in result.pairs)


def test_swapping_the_two_reports_swaps_the_pairs_and_nothing_else(seeds):
    from itertools import combinations

    from taiwan_reader_index.articles.loader import load_article

    # the shared words are in every sentence of one report, one sentence of the other
    one_sided = [load_text(" ".join(f"Tariffs on Chinese steel hurt farms in {state}."
                                    for state in ("Iowa", "Ohio", "Kansas")), "a", title_line=False),
                 load_text(f"Chinese steel tariffs hurt farms, the minister said. {FILLER_A} "
                           f"{FILLER_B}", "b", title_line=False)]
    assert [(p.kind, p.b.index) for p in align(*one_sided).pairs] == [("similar", 0)]
    assert [(p.kind, p.a.index) for p in align(*reversed(one_sided)).pairs] == [("similar", 0)]
    articles = one_sided + [load_article(p) for p in sorted(seeds.glob("*.md"))]
    for a, b in combinations(articles, 2):
        forward = {(p.kind, p.a.index, p.b.index) for p in align(a, b).pairs}
        backward = {(p.kind, p.b.index, p.a.index) for p in align(b, a).pairs}
        assert forward == backward, (a.id, b.id)


def test_wire_copy_reused_in_another_order_pairs_each_sentence_with_its_twin():
    wire = ["The central bank raised its main interest rate to 4.5 percent on Thursday.",
            "Analysts had expected the bank to hold rates steady until the spring.",
            "The currency rose against the dollar after the announcement.",
            "Mortgage lenders said they would pass the increase on to borrowers.",
            "The bank's governor warned that inflation would stay high this year."]
    # B reorders the wire copy, repeats one line, and edits another by a word
    edited = wire[3].replace("they would", "they will")
    b_lines = [wire[4], wire[2], FILLER_B, wire[0], edited, wire[1], wire[2]]
    a, b = (load_text(" ".join(lines), name, title_line=False)
            for lines, name in (([*wire, FILLER_A], "a"), (b_lines, "b")))
    result = align(a, b)
    paired = {(p.a.text, p.b.text): p.kind for p in result.pairs if not p.merged}
    for line in (wire[0], wire[1], wire[4]):
        assert paired[(line, line)] == "same"
    assert paired[(wire[3], edited)] in ("same", "similar")
    # the repeated line is paired once: the other copy is only in B
    assert [p.b.index for p in result.pairs if p.a.text == wire[2]] in ([1], [6])
    assert sum(s.text == wire[2] for s in result.only_b) == 1
    assert [s.text for s in result.only_a] == [FILLER_A]
    swapped = align(b, a)
    assert ({(p.b.index, p.a.index, p.kind) for p in swapped.pairs}
            == {(p.a.index, p.b.index, p.kind) for p in result.pairs})


def test_copy_edited_by_a_word_a_sentence_pairs_each_with_its_own_copy():
    """An outlet that runs wire copy with a word changed in each sentence: every sentence
    stands beside its own edited copy, whatever the edit, and not beside a neighbour
    that shares most of its words."""
    wire = ["The central bank raised its main interest rate to 4.5 percent on Thursday morning.",
            "The central bank raised its main lending rate to a record on Thursday morning.",
            "Analysts had expected the bank to hold rates steady until the spring at least.",
            "Mortgage lenders said they would pass the increase on to their borrowers soon.",
            "The bank's governor warned that inflation would stay high for the rest of this year."]
    edits = [wire[0].replace("4.5", "5.5"),  # a number: another fact
             wire[1].replace("a record", "a new record"),
             wire[2].replace("the spring", "this spring"),
             wire[3].replace("they would", "they will"),
             wire[4].replace("warned", "said")]
    twice = wire[2].replace("the spring", "next spring")  # a second copy of one line
    a = load_text(" ".join(wire), "a", title_line=False)
    b = load_text(" ".join([edits[3], edits[0], twice, edits[4], edits[2], edits[1]]), "b",
                  title_line=False)
    result = align(a, b)
    beside = {p.a.text: p.b.text for p in result.pairs if not p.merged}
    for n in (1, 3, 4):
        assert beside[wire[n]] == edits[n]
    assert beside[wire[2]] in (edits[2], twice)  # one of its two copies; the other alone
    assert [s.text for s in result.only_b] == [twice if beside[wire[2]] == edits[2] else edits[2]]
    rate = [p for p in result.pairs if p.a.text == wire[0]]
    assert all(p.kind != "same" for p in rate)  # 4.5 against 5.5 percent is not the same
    swapped = align(b, a)
    assert ({(p.b.index, p.a.index, p.kind) for p in swapped.pairs}
            == {(p.a.index, p.b.index, p.kind) for p in result.pairs})


def test_sentences_keep_abbreviations_and_offsets(seeds):
    from taiwan_reader_index.articles.loader import load_article

    article = load_article(seeds / "000_3bf5df8f19705213.md")
    found = sentences(article)
    assert all(article.source[s.start : s.end] == s.text for s in found)
    assert any(s.text.startswith("President Tsai Ing-wen’s comments Tuesday") and "(D-IL)" in s.text
               for s in found)
    assert normalize("Taiwan’s defence organisation") == "taiwan's defense organization"


def test_compare_json_on_the_seed_pairs(capsys, seeds):
    code = main(["compare", "000_3bf5df8f19705213", "001_e255d4f75bd2254b", "--json",
                 "--corpus", str(seeds)])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and set(data) == {"version", "kind", "a", "b", "counts", "pairs", "possible",
                                       "only_a", "only_b", "entities", "compared_until"}
    quotes = [p for p in data["pairs"] if p["kind"] == "quote"]
    assert len(quotes) == 2 and all("cooperation" in p["a_text"] for p in quotes)
    source_a = (seeds / "000_3bf5df8f19705213.md").read_text(encoding="utf-8")
    assert all(source_a[p["a_start"] : p["a_end"]] == p["a_text"] for p in data["pairs"])
    assert {"Tsai Ing-wen", "Tammy Duckworth", "National Guard"} <= set(data["entities"]["shared"])


def test_quotes_are_tracked_across_outlets(capsys, seeds):
    code = main(["quotes", "000_3bf5df8f19705213", "--json", "--corpus", str(seeds)])
    data = json.loads(capsys.readouterr().out)
    by_quote = {q["quote"][:30]: {c["id"][:3] for c in q["carried_by"]} for q in data["quotes"]}
    assert code == 0
    assert by_quote["proactively planning cooperati"] == {"001"}  # trimmed: 3 of 30 words
    assert by_quote["as a result the u s department"] == {"001"}  # defence / defense
    assert by_quote["i do not have a comment on spe"] == {"003"}  # Pentagon line, White House
    assert by_quote["no one should underestimate th"] == set()


def test_related_coverage_ranks_the_other_report_of_the_same_event_first(seeds):
    from taiwan_reader_index import locations
    from taiwan_reader_index.fulltext.indexer import update_index
    from taiwan_reader_index.fulltext.searcher import Searcher

    update_index(seeds)
    searcher = Searcher(locations.index_dir_for(seeds))
    try:
        related = searcher.more_like("000_3bf5df8f19705213", top=3)
    finally:
        searcher.close()
    assert related[0].id == "001_e255d4f75bd2254b"
    assert "000_3bf5df8f19705213" not in [h.id for h in related]


def test_exports_never_overwrite_and_never_follow_a_link(tmp_path, seeds):
    from taiwan_reader_index.compare.export import export_markdown
    from taiwan_reader_index.compare.report import compare

    a = load_text("The envoy met the minister.\n", "news/a one")  # an id with a slash
    b = load_text("The minister met the envoy.\n", "b")
    comparison = compare(a, b)
    first = export_markdown(comparison, tmp_path)
    second = export_markdown(comparison, tmp_path)
    assert first != second and first.parent == second.parent == tmp_path
    stem = "compare-the-envoy-met-the-minister-vs-the-minister-met-the-envoy"
    assert first.name == f"{stem}.md" and second.name == f"{stem}-2.md"
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me")
    (tmp_path / f"{stem}-3.md").symlink_to(victim)
    third = export_markdown(comparison, tmp_path)
    assert third.name == f"{stem}-4.md" and victim.read_text() == "keep me"


def test_a_sentence_that_merges_two_facts_stands_beside_both():
    a = ("Defense Minister Chiu Kuo-cheng met the American envoy in Taipei on Monday, and the "
         "ministry later announced a new radar purchase from Lockheed Martin.\n\n"
         f"{FILLER_A}\n")
    b = ("Defense Minister Chiu Kuo-cheng met the American envoy in Taipei on Monday.\n\n"
         f"{FILLER_B}\n\nThe ministry later announced a new radar purchase from Lockheed "
         "Martin.\n")
    result = align(load_text(a, "a", title_line=False), load_text(b, "b", title_line=False))
    assert [(p.a.index, p.b.index, p.merged) for p in result.pairs] == [(0, 0, False),
                                                                       (0, 2, True)]
    rows = result.rows()
    assert rows[1].repeat_a and rows[1].b is not None and rows[1].b.index == 2
    assert [(p.a.index, p.b.index) for p in result.swapped().pairs] == [(0, 0), (2, 0)]


def test_quotations_with_quotes_inside_are_read_not_a_crash():
    from taiwan_reader_index.compare.quotes import article_quotes

    text = ("The mayor spoke on Monday. \"It would be quite wrong for a council to say, 'We are "
            "very sorry'. \"There is no way I want to say we cannot manage it. We can.\"\n")
    quotes = article_quotes(load_text(text, "q"))
    assert any(q.words[:4] == ("it", "would", "be", "quite") for q in quotes)


def test_quotation_marks_of_every_kind_fold_to_straight_ones():
    """Curly, low and backtick quotes read as straight ones (an outlet's `` `term' ``
    and another's “term” are one quotation); text without them comes back as it is."""
    from taiwan_reader_index.articles.prose import fold_quotes

    assert fold_quotes("the `strategic ambiguity' policy") == "the 'strategic ambiguity' policy"
    assert fold_quotes("„Ja“, sagte er ‚nein‘ – “yes” ’tis") == "\"Ja\", sagte er 'nein' – \"yes\" 'tis"
    plain = "Plain ASCII text, with 'straight' and \"double\" quotes."
    assert fold_quotes(plain) == plain
