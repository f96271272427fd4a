"""Text in another language than English: the recogniser (an English model) does not read
it, and the reader says so instead of showing names it made up."""

from __future__ import annotations

import json

import pytest

from conftest import workers_done
from taiwan_reader_index.articles.loader import load_text
from taiwan_reader_index.cli.commands import main
from taiwan_reader_index.entities.extract import (
    EntityExtractor,
    entities_language,
    text_regions,
)
from taiwan_reader_index.entities.language import language_of
from taiwan_reader_index.library import Library
from taiwan_reader_tui.app import build_app
from taiwan_reader_tui.widgets.article import ArticleView

GERMAN = """Neue Regeln für die Bahn im Winter

Die Deutsche Bahn will im kommenden Winter mehr Personal in den Stellwerken einsetzen, wie
die Sprecherin des Unternehmens am Montag in Berlin mitteilte. Nach den Ausfällen des
vergangenen Jahres hatten Fahrgastverbände und die Landesregierung in Stuttgart schnellere
Reparaturen und bessere Informationen auf den Bahnsteigen gefordert.

Der Vorstand rechnet damit, dass die zusätzlichen Kosten im Haushalt des Konzerns bleiben.
Eine Entscheidung über neue Züge für die Strecke zwischen Hamburg und Kopenhagen soll erst
im Frühjahr fallen, sagte Verkehrsministerin Katrin Albers der Zeitung.
"""

SPANISH_COMMENT = ("Comentario de un lector: Me parece una vergüenza que el gobierno de la "
                   "ciudad no haya hecho nada durante tantos años, y ahora todos los vecinos "
                   "de Valparaíso tenemos que pagar las consecuencias de su descuido.")

ENGLISH = f"""Harbour repairs begin after storm

The port authority in Valparaiso said on Monday that repairs to the northern breakwater
would begin next week, after a storm damaged two cranes owned by Pacific Cargo Lines.
Mayor Daniel Ortega told reporters the work would cost about $4 million.

{SPANISH_COMMENT}

Liberté, égalité, fraternité, said a banner outside the French consulate.
"""


def names(text: str) -> set[str]:
    article = load_text(text, "article.txt")
    return {e.text for e in EntityExtractor().entities([article])[0]}


def test_an_article_in_another_language_has_no_names_and_says_which_language():
    article = load_text(GERMAN, "bahn.txt")
    assert entities_language(article) == "de"
    assert text_regions(article) == []
    assert names(GERMAN) == set()


def test_a_paragraph_in_another_language_is_left_out_and_the_english_read():
    article = load_text(ENGLISH, "port.txt")
    assert entities_language(article) is None
    analysed = " ".join(article.source[s:e] for s, e in text_regions(article))
    assert "Valparaiso said" in analysed and "vergüenza" not in analysed
    found = names(ENGLISH)
    assert {"Valparaiso", "Pacific Cargo Lines", "Daniel Ortega"} <= found
    assert "Valparaíso" not in found  # named only in the Spanish comment
    # a short line in another language goes with its article: its names are read
    assert "French" in found


@pytest.mark.parametrize("text", [
    # English news whose words are mostly names and figures, which no identifier can place
    "PARIS, April 1 - Groupement pour le Financement des Ouvrages de Batiment plans two "
    "bonds totalling 700 mln francs, Credit Commercial de France and Caisse Centrale said.",
    "Shr 13 cts vs 28 cts Net 1,369,602 vs 628,000 Revs 12.4 mln vs 11.1 mln Nine mths "
    "Shr 41 cts vs 57 cts",
    # line-ups, which the identifier alone takes for Scots and Afrikaans
    "Scotland: A Munro, D Ross, K Fraser, J Dunbar, M Blair, G Ross, S Hines, T Douglas.",
    "Replacements: P de Villiers, J van Zyl, G du Toit, C van der Linde, R Claassens, "
    "D Rossouw, W Britz.",
    # a table of results, which the identifier alone takes for Dutch
    "Feyenoord Rotterdam 2 ( Van Gastel 12 , Larsson 80 ) Vitesse Arnhem 1 ( Laros 45 ) . "
    "Halftime 1-1 . Attendance 23,000",
])
def test_english_made_of_names_and_figures_is_still_english(text):
    assert language_of(text) in ("en", None)
    assert text_regions(load_text(text + "\n", "wire.txt"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_line_up_in_an_english_report_keeps_its_names():
    text = ("Scotland name side for Dublin\n\nThe coach named an unchanged pack on Tuesday "
            "for the match against Ireland at Lansdowne Road.\n\nScotland: A Munro, D Ross, "
            "K Fraser, J Dunbar, M Blair, G Ross, S Hines, T Douglas, R Paterson.\n")
    article = load_text(text, "team.txt")
    assert len(text_regions(article)) == len(article.blocks) + 1  # the title and each block
    assert entities_language(article) is None


def test_the_cli_says_the_text_was_not_read_for_names(capsys, tmp_path):
    path = tmp_path / "bahn.txt"
    path.write_text(GERMAN, encoding="utf-8")
    code, out, _ = run(capsys, "entities", str(path), "--corpus", str(tmp_path))
    assert code == 0
    assert "the text is in German: its names are not looked for" in out
    code, out, _ = run(capsys, "entities", str(path), "--json", "--corpus", str(tmp_path))
    data = json.loads(out)
    assert data["language"] == "de" and data["entities"] == []


def test_the_index_run_names_the_file_in_another_language(tmp_path):
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "bahn.txt").write_text(GERMAN, encoding="utf-8")
    (corpus / "port.txt").write_text(ENGLISH, encoding="utf-8")
    library = Library.open(corpus)
    report = library.update()
    said = [f"{w.path.name}: {w.message}" for w in report.warnings]
    assert any(line.startswith("bahn.txt: the text is in German") for line in said)
    assert not any(line.startswith("port.txt") for line in said)
    facets = library.search("repairs OR Winter", facets=True).facets
    people = {name for name, _ in facets.get("person", [])}
    assert "Daniel Ortega" in people and "Katrin Albers" not in people


async def test_the_reader_says_why_an_article_has_no_names(tmp_path):
    corpus = tmp_path / "german"
    corpus.mkdir()
    (corpus / "bahn.txt").write_text(GERMAN, encoding="utf-8")
    app = build_app(Library.open(corpus), state_path=tmp_path / "state.json")
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(3):
            await workers_done(app)
            await pilot.pause(0.05)
        await pilot.press("enter")
        for _ in range(3):
            await workers_done(app)
            await pilot.pause(0.05)
        assert app.screen.query_one(ArticleView).article.path.name == "bahn.txt"
        legend = str(app.screen.query_one("#legend").render())
        assert "names not looked for: the text is in German" in legend
        await pilot.press("e")
        panel = app.screen.query_one("#entity-panel")
        assert "the text is in German" in str(panel.get_option_at_index(0).prompt)


def test_text_the_identifier_cannot_read_is_read_as_english(caplog):
    # a lone surrogate (a file decoded with its bad bytes kept) is no internal failure
    text = "\ud800 Die Deutsche Bahn will im kommenden Winter mehr Personal einsetzen, sagte sie"
    assert language_of(text) is None
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
