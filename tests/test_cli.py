from __future__ import annotations

import json

from taiwan_reader_index.cli.commands import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_shape_and_hits(capsys, seeds):
    code, out, _ = run(capsys, "search", '"National Guard"', "--json", "--corpus", str(seeds))
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"version", "kind", "query", "total", "suggestion", "hits", "facets",
                         "took_ms"}
    assert data["total"] == 2
    assert set(data["hits"][0]) == {"id", "title", "outlet", "date", "path", "score", "snippet"}
    assert all("**National Guard**" in hit["snippet"] for hit in data["hits"])


def test_default_corpus_is_the_seeds(capsys):
    code, out, _ = run(capsys, "search", "Duckworth", "--json")
    hits = json.loads(out)["hits"]
    assert code == 0
    assert sorted(h["id"] for h in hits) == ["000_3bf5df8f19705213", "001_e255d4f75bd2254b"]


def test_search_suggests_a_correction(capsys, mini_corpus):
    code, out, _ = run(capsys, "search", "semiconductr", "--corpus", str(mini_corpus))
    assert code == 0
    assert "0 hits" in out and "Did you mean: semiconductor" in out


def test_broken_query_is_one_clear_line(capsys, mini_corpus):
    code, _out, err = run(capsys, "search", '"coast guard', "--corpus", str(mini_corpus))
    assert code == 2
    assert err.strip().count("\n") == 0 and "unbalanced quote" in err
    assert "Traceback" not in err


def test_corpus_given_before_the_command_is_the_one_used(capsys, mini_corpus):
    code, out, _ = run(capsys, "--corpus", str(mini_corpus), "index")
    assert code == 0 and str(mini_corpus) in out and "4 added" in out
    code, out, _ = run(capsys, "--corpus", str(mini_corpus), "search", "semiconductor", "--json")
    assert code == 0 and json.loads(out)["total"] >= 1


def test_missing_corpus_folder(capsys, tmp_path):
    code, _, err = run(capsys, "index", "--corpus", str(tmp_path / "nope"))
    assert code == 1 and "does not exist" in err


def test_index_reports_counts_and_skipped_files(capsys, mini_corpus):
    (mini_corpus / "broken.txt").write_bytes(b"\x00\x00binary")
    code, out, err = run(capsys, "index", "--corpus", str(mini_corpus))
    assert code == 0
    assert "4 added" in out and "1 skipped" in out
    assert "broken.txt" in err and "binary" in err
    code, out, _ = run(capsys, "index", "--corpus", str(mini_corpus))
    assert "0 added" in out and "4 unchanged" in out


def test_show_labels_junk(capsys, seeds):
    code, out, _ = run(capsys, "show", "002_e8183c42e3898eaa", "--corpus", str(seeds))
    assert code == 0
    assert "[Related headlines: page junk, not part of the article]" in out
    assert out.index("Beijing has yet to comment") < out.index("Related headlines")


def test_show_json_by_path(capsys, seeds):
    path = seeds / "001_e255d4f75bd2254b.md"
    _code, out, _ = run(capsys, "show", str(path), "--json")
    data = json.loads(out)
    assert data["author"] == "Katabella Roberts"
    assert [g["kind"] for g in data["junk"]] == ["byline", "caption", "byline"]
    source = path.read_text(encoding="utf-8")
    first = data["paragraphs"][0]
    assert source[first["start"] : first["end"]] == first["text"]


def test_show_unknown_id(capsys, seeds):
    code, _, err = run(capsys, "show", "no-such-article", "--corpus", str(seeds))
    assert code == 1 and "no article with id 'no-such-article'" in err


def test_escape_sequences_in_articles_print_inert(capsys, tmp_path):
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "evil.md").write_text(
        "Evil title\n\nRed \x1b[31malert\x1b[0m and [bold]markup[/bold] here, "
        "\x1b]8;;http://evil.example\x07a link\x1b]8;;\x07 and \u202eright-to-left.\n")
    code, out, _ = run(capsys, "show", "evil", "--corpus", str(corpus))
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "␛[31malert" in out and "[bold]markup[/bold]" in out
    flat = " ".join(out.split())  # undo the console's line wrapping
    assert "␛]8;;http://evil.example␇a link" in flat and "<U+202E>right-to-left" in flat
    code, out, _ = run(capsys, "search", "alert", "--corpus", str(corpus))
    assert code == 0 and "\x1b" not in out and "alert" in out


def test_version(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert "taiwan-reader" in capsys.readouterr().out


def test_entities_json_offsets_point_into_the_file(capsys, seeds):
    path = seeds / "004_02271b1846ad929d.md"
    code, out, _ = run(capsys, "entities", "004_02271b1846ad929d", str(path), "--json",
                       "--corpus", str(seeds))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [d["input"] for d in lines] == ["004_02271b1846ad929d", str(path)]
    source = path.read_text(encoding="utf-8")
    entities = lines[0]["entities"]
    assert entities and all(source[e["start"] : e["end"]] == e["text"] for e in entities)
    assert {"text": "Chiu", "label": "PERSON", "canonical": "Chiu Kuo-cheng"}.items() <= next(
        e for e in entities if e["text"] == "Chiu").items()


def test_entities_from_stdin_and_a_bad_input(capsys, monkeypatch, seeds):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("President Tsai Ing-wen visited the U.S. on Monday. Tsai said\n"))
    code, out, err = run(capsys, "entities", "-", "no-such-id", "--json", "--corpus", str(seeds))
    data = json.loads(out.splitlines()[0])
    assert code == 1 and "no-such-id" in err
    assert [(e["text"], e["canonical"]) for e in data["entities"] if e["label"] == "PERSON"] == [
        ("Tsai Ing-wen", "Tsai Ing-wen"), ("Tsai", "Tsai Ing-wen")]


def test_show_a_missing_file_says_no_such_file(capsys, seeds):
    code, _, err = run(capsys, "show", "./nowhere/missing.md", "--corpus", str(seeds))
    assert code == 1 and "./nowhere/missing.md: no such file" in err


def test_piped_output_keeps_long_lines_whole_and_a_closed_pipe_ends_quietly(mini_corpus):
    import os
    import subprocess
    import sys

    title = "A very long headline " + "about harbour drills and typhoon preparations " * 3
    (mini_corpus / "long.md").write_text(f"---\ntitle: {title.strip()}\n---\n"
                                         + "Typhoon harbour drills continued.\n" * 200)
    run = [sys.executable, "-m", "taiwan_reader_tui"]
    listed = subprocess.run([*run, "search", "typhoon", "--corpus", str(mini_corpus)],
                            capture_output=True, text=True, env=os.environ, timeout=300)
    assert listed.returncode == 0, listed.stderr
    assert any(title.strip() in line for line in listed.stdout.splitlines())  # not cut at 80
    assert "\x1b[" not in listed.stdout  # no colour codes in a pipe
    reader = subprocess.Popen([*run, "show", "long", "--corpus", str(mini_corpus)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # as `| head -1` does
    error = reader.stderr.read().decode()
    assert reader.wait(timeout=300) in (0, 141)
    assert error == ""


def test_a_search_that_must_build_the_index_first_shows_its_progress(
        capsys, mini_corpus, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal
    assert main(["search", "typhoon", "--corpus", str(mini_corpus)]) == 0
    out, err = capsys.readouterr()
    assert "indexing" in err and "hit" in out
    monkeypatch.delenv("FORCE_COLOR")  # into a pipe or a file: no bar, no stray line
    (mini_corpus / "new.md").write_text("A new typhoon report.\n")
    assert main(["search", "typhoon", "--corpus", str(mini_corpus)]) == 0
    assert capsys.readouterr().err == ""


def test_search_reads_one_query_per_line_and_answers_each_with_its_time(
        capsys, mini_corpus, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('typhoon\n\n"unclosed\nharbour drills\n'))
    code = main(["search", "--json", "-", "--corpus", str(mini_corpus)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2  # one line could not run
    assert [(d["kind"], d["query"]) for d in lines] == [
        ("search", "typhoon"), ("error", '"unclosed'), ("search", "harbour drills")]
    assert lines[0]["total"] >= 1 and lines[0]["took_ms"] > 0
    assert "unbalanced quote" in lines[1]["error"]
