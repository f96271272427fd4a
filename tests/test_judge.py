"""The sentence-pair judgement: known answers of the shipped model, the classes of error
it must not make, the seed pairs labelled by hand, and MSRP (skipped without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED
from taiwan_reader_index.articles.loader import load_text
from taiwan_reader_index.compare import judge
from taiwan_reader_index.compare.align import align
from taiwan_reader_index.compare.evidence import explain, marks
from taiwan_reader_index.compare.quotes import article_quotes, speaker
from taiwan_reader_index.compare.sentences import sentences
from taiwan_reader_index.library import Library

DATA = Path(__file__).parent / "data"


def test_the_shipped_model_gives_known_answers():
    same = judge("Taiwan's defense minister said the island must be able to defend itself.",
                 "The island must be able to defend itself, Taiwan's defense minister said.")
    assert same.kind in ("same", "similar") and same.score > 0.8
    other = judge("The minister met the envoy in Taipei on Monday.",
                  "Heavy rain flooded the northern city of Keelung overnight.")
    assert other.kind is None and other.score < 0.2


def test_every_alias_of_a_country_or_body_is_read_as_its_one_name_however_written():
    """The comparison reads "the U.S.", "America's" and "Washington said" as one name. It
    looks for the aliases only in sentences that hold one of their first words: every
    alias of the table, written as a sentence would write it, is still found."""
    from taiwan_reader_index.compare.features import ALIASES, canonical_names, canonical_token
    from taiwan_reader_index.entities.linking import BUILTIN_ALIASES

    aliases = {a for name, more in BUILTIN_ALIASES.items() for a in (name, *more)}
    aliases |= {"Washington", "Beijing", "Taipei", "American", "Chinese", "Taiwanese"}
    for alias in sorted(aliases):
        forms = {alias, alias.lower(), alias.upper()} if not alias.isupper() else {alias}
        for form in forms:
            for text in (f"{form} said on Monday.", f"Officials of the {form}'s side met.",
                         f"The {form}-led talks ended, and {form}."):
                expected = ALIASES.sub(lambda m: f" {canonical_token(m.group(1))} ", text)
                assert canonical_names(text) == expected, text
    assert canonical_names("America's allies") == " unitedstates  allies"
    assert canonical_names("No name here at all.") == "No name here at all."


@pytest.mark.parametrize(("a", "b"), [
    ("The Dow gave up 11.91 points to close at 9,847 on Monday.",  # numbers and direction
     "The Dow gained 5.51 points to close at 9,847 on Monday."),
    ("The company said it will cut 400 jobs in its chip division this year.",
     "The company said it will cut 40 jobs in its chip division this year."),
    ("The ministry said the drills were a threat to the region.",  # negation
     "The ministry said the drills were not a threat to the region."),
])
def test_a_changed_number_direction_or_negation_is_never_the_same_wording(a, b):
    assert judge(a, b).kind in (None, "similar")
    assert judge(a, b).kind != "same"


def test_a_shared_quoted_title_or_stock_phrase_is_not_a_shared_quotation():
    title = judge('Beijing launched its "Made in China 2025" plan to lead in chips.',
                  'Washington has long criticised the "Made in China 2025" industrial policy.')
    assert title.kind != "quote"
    stock = judge("“He reiterated our One China Policy and our commitment to peace and stability "
                  "across the Taiwan Strait.”",
                  "“Our commitment to Taiwan contributes to the maintenance of peace and stability "
                  "across the Taiwan Strait and within the region,” she said.")
    assert stock.kind != "quote"


@pytest.mark.parametrize(("a", "b"), [
    ("If the studio backed the other format too, it would mean the format held 47% of all "
     "DVD content.", "So what does this mean?"),
    ("He said the government was using this climate of fear to strip away civil liberties "
     "that had been won over centuries.", "It is there, and it should be used."),
])
def test_two_sentences_sharing_one_content_word_are_never_one_fact(a, b):
    """Unrelated stories share a rare word often; no paraphrase does with only that."""
    found = judge(a, b)
    assert found.kind is None and found.score <= 0.15
    assert judge(b, b).kind == "same"  # a short sentence still matches itself


def test_the_judgement_is_symmetric():
    a = "Biden said the United States would defend Taiwan if China attacked it."
    b = "The US would come to Taiwan's defense in case of a Chinese attack, Biden said."
    assert judge(a, b) == judge(b, a)


def test_evidence_marks_shared_words_and_differing_numbers():
    a, b = "Stocks gave up 11.91 points on Monday.", "Stocks gained 5.51 points on Monday."
    shown = {a[m.start:m.end]: m.kind for m in marks(a, b)}
    assert shown["Stocks"] == shown["Monday"] == "shared" and shown["11.91"] == "differs"
    assert "numbers differ: 11.91 (A), 5.51 (B)" in explain("similar", a, b)


def test_a_number_only_one_side_gives_is_not_called_a_difference():
    # a date one report gives and the other leaves out is no contradiction
    a = "Biden said on May 23 that the US would defend Taiwan if it were attacked."
    b = "Last week Biden said the US would defend Taiwan if China invaded."
    assert explain("similar", a, b).endswith(" · only A gives 23")
    assert explain("similar", b, a).endswith(" · only B gives 23")
    assert "differ" not in explain("similar", a, b)


def seed_pairs():
    library = Library.open()
    found = {}
    for path in sorted(library.corpus.glob("*.md")):
        found[path.stem[:3]] = library.article(str(path))
    return found


def test_labelled_seed_pairs_different_facts_are_never_paired():
    """Pairs a person judged "related coverage, different fact" (tests/data): none may be
    shown as the same fact; those judged the same fact are paired or offered as possible."""
    articles = seed_pairs()
    labelled = json.loads((DATA / "similar_pairs.json").read_text())["pairs"]
    alignments = {}
    for key_a, start_a, key_b, start_b, same in labelled:
        if (key_a, key_b) not in alignments:
            alignments[(key_a, key_b)] = align(articles[key_a], articles[key_b])
        result = alignments[(key_a, key_b)]
        paired = {(p.a.text[:40], p.b.text[:40]) for p in result.pairs}
        shown = paired | {(p.a.text[:40], p.b.text[:40]) for p in result.possible}
        key = next(((a, b) for a, b in shown | {("", "")}
                    if a.startswith(start_a[:40]) and b.startswith(start_b[:40])), None)
        if not same:
            assert not any(a.startswith(start_a[:40]) and b.startswith(start_b[:40])
                           for a, b in paired), (start_a, start_b)
        elif start_a.startswith(("The president of Taiwan", "Last week, while President",
                                 "The U.S. has also long sought")):
            assert key is not None, (start_a, start_b)  # the clearest ones must be shown


def test_every_shared_quotation_of_the_seeds_is_paired_as_one():
    articles = seed_pairs()
    result = align(articles["000"], articles["001"])
    quotes = [p for p in result.pairs if p.kind == "quote"]
    assert [p.a.text[:30] for p in quotes] == ['"As a result, the U.S. Departm',
                                               "“We look forward to closer and"]


def test_b_passages_are_always_in_the_b_column(seeds):
    articles = seed_pairs()
    for a, b in (("000", "001"), ("003", "004"), ("001", "000")):
        for row in align(articles[a], articles[b]).rows():
            if row.kind == "only-b":
                assert row.a is None and row.b is not None
            if row.kind == "only-a":
                assert row.b is None and row.a is not None


def test_quotations_keep_their_wording_and_speaker():
    articles = seed_pairs()
    quotes = {q.wording[:25]: q for q in article_quotes(articles["003"])}
    # one quotation in two sentences, its speaker named after it closes
    whole = quotes["Our support for and defen"]
    assert whole.wording.endswith("‘one China’ policy. That has not changed")
    assert whole.speaker == "Karine Jean-Pierre"
    assert not any(w.startswith("That has not changed") for w in quotes)
    assert quotes["If there were a crisis in"].speaker == "Blinken"
    assert speaker('A Pentagon spokesman told the Washington Examiner: "No comment."',
                   "No comment.") == "A Pentagon spokesman"
    assert speaker('“It’s a matter of concern,” he told Jeffrey Goldberg.', "") == ""


def test_quotation_marks_pair_as_a_reader_pairs_them():
    from taiwan_reader_index.compare.judgement import quoted_parts

    cases = {
        # the words between two quotations are not one
        'The spokesman said the claims were "untrue" and the woman was "misusing the '
        'courts for gain".': ["misusing the courts for gain"],
        '"Also," he said, "they have to make it simple for everyone."':
            ["they have to make it simple for everyone."],
        "He called it “a farce” and said: “It will fail, as everyone knows.”":
            ["It will fail, as everyone knows."],
        # a closing mark after a space, as some sites write it
        '"The economy has changed a great deal, " he said.': ["The economy has changed a great deal, "],
        # a curly opening closed by a straight mark
        "“No room for compromise or concession,\" he continued.":
            ["No room for compromise or concession,"],
        # a quotation that opened in the sentence before
        'Sometimes you react and it is beyond your control, " added Prutton.':
            ["Sometimes you react and it is beyond your control,"],
        # one quoted inside another is part of it
        'She said: "He told the players he would "fake" an injury and walk off."':
            ['He told the players he would "fake" an injury and walk off.'],
        'A "secular" state would be "less tolerant", he argued.': ["less tolerant"],
    }
    for sentence, expected in cases.items():
        assert quoted_parts(sentence) == expected, sentence


def test_a_quotation_of_several_sentences_is_one_with_its_speaker():
    text = ("The minister spoke after the vote. “We will not give up. The fight goes on. "
            "Nobody should doubt it,” Defence Minister Anna Berg said on Monday.\n\n"
            "Officials called the plan “a farce” and the mayor said: “It will fail. "
            "Everyone knows it.”\n\n"
            "“This sentence opens a quotation that its paragraph never closes.\n\n"
            "Markets were calm.")
    quotes = article_quotes(load_text(text, "q", title_line=False))
    found = {q.wording: q.speaker for q in quotes}
    assert found == {  # "a farce" is a term, not a quotation; nor is what stands between
        "We will not give up. The fight goes on. Nobody should doubt it":
            "Defence Minister Anna Berg",
        "It will fail. Everyone knows it": "the mayor",
        "This sentence opens a quotation that its paragraph never closes": ""}
    berg = next(q for q in quotes if q.speaker.endswith("Anna Berg"))
    assert berg.text.startswith("“We will not give up.") and berg.text.endswith("on Monday.")


def test_seed_comparisons_align_in_one_pass_and_each_sentence_once(seeds):
    articles = seed_pairs()
    result = align(articles["000"], articles["001"])
    everything = {s.index for s in sentences(articles["000"])}
    in_pairs = {p.a.index for p in result.pairs}
    assert in_pairs | {s.index for s in result.only_a} == everything
    assert not in_pairs & {s.index for s in result.only_a}


MSRP = SHARED / "corpora" / "msrp.tar.gz"


@pytest.mark.corpora
@pytest.mark.skipif(not MSRP.exists(), reason="needs ../shared/corpora/msrp.tar.gz")
def test_msrp_test_set_beats_the_published_lexical_systems():
    import sys

    from scipy.stats import rankdata

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from train_judge import load_msrp

    pairs = load_msrp()["test"]
    found = [judge(a, b) for _, a, b in pairs]
    truth = [y == 1 for y, _, _ in pairs]
    said = [j.kind is not None for j in found]
    hits = sum(s and t for s, t in zip(said, truth))
    precision, recall = hits / sum(said), hits / sum(truth)
    assert sum(s == t for s, t in zip(said, truth)) / len(truth) >= 0.76  # accuracy
    assert 2 * precision * recall / (precision + recall) >= 0.83  # F1
    ranks = rankdata([j.score for j in found])  # ROC-AUC as the Mann-Whitney statistic
    positives = sum(truth)
    negatives = len(truth) - positives
    rank_sum = sum(r for r, t in zip(ranks, truth) if t)
    assert (rank_sum - positives * (positives + 1) / 2) / (positives * negatives) >= 0.82
