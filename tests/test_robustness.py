"""Hostile files, killed and concurrent index runs, damaged index folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import search_ids
from taiwan_reader_index import Library, locations
from taiwan_reader_index.cli.commands import main
from taiwan_reader_index.fulltext.indexer import update_index


def ids(corpus: Path, query: str) -> list[str]:
    return sorted(search_ids(corpus, query, limit=None))


def good(folder: Path, name: str, word: str) -> None:
    (folder / name).write_text(f"---\ntitle: Report {word}\n---\nThe {word} report says little.\n")


@pytest.fixture
def hostile(tmp_path) -> Path:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    for i, word in enumerate(["aardvark", "bumblebee", "cormorant"]):
        good(corpus, f"good{i}.md", word)
    (corpus / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (corpus / "latin1.txt").write_bytes(b"Caf\xe9 dromedary owners protest.\n")
    (corpus / "nul.txt").write_bytes(b"Hello\x00\x00 world\n")
    (corpus / "empty.txt").write_bytes(b"")
    with open(corpus / "huge.txt", "wb") as out:
        out.truncate(50_000_000)  # 50 MB
    (corpus / "oneline.txt").write_text("elephant " + "word " * 2_000_000 + "\n")
    bomb = "a: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n"
    (corpus / "bomb.md").write_text(f"---\n{bomb}---\nThe flamingo survived the bomb.\n")
    (corpus / "types.md").write_text("---\ntitle: [1, 2]\ndate: {a: b}\nauthor: 5\n---\nGazelle text.\n")
    (corpus / "page.html").write_text(
        "<html><head><title>Heron</title><script>alert('x')</script></head><body><article>"
        "<p>The heron report describes a wetland survey in detail for the readers.<p>unclosed"
        "<div><b>broken <i>tags</b></i> and more text about the heron colony here.</article>")
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self.md").symlink_to(corpus / "self.md")
    locked = corpus / "locked.md"
    locked.write_text("Ibis text that may be unreadable.\n")
    locked.chmod(0o000)
    (corpus / "new\nline.md").write_text("The jackal report.\n")
    (Path(os.fsdecode(os.fsencode(corpus) + b"/caf\xe9.md"))).write_text("The kingfisher report.\n")
    yield corpus
    locked.chmod(0o600)


def test_hostile_corpus_reports_every_bad_file_and_indexes_the_rest(hostile, capsys):
    code = main(["index", "--corpus", str(hostile)])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    for name, reason in [("image.md", "binary"), ("nul.txt", "binary"), ("empty.txt", "empty"),
                         ("huge.txt", "over the 20 MB limit"), ("self.md", "cannot read"),
                         ("latin1.txt", "read as cp1252"), ("bomb.md", "aliases"),
                         ("types.md", "should be text"), ("oneline.txt", "searchable")]:
        line = next((ln for ln in err.splitlines() if name in ln), "")
        assert reason in line, (name, err)
    for word, expected in [("aardvark", ["good0"]), ("dromedary", ["latin1"]),
                           ("flamingo", ["bomb"]), ("gazelle", ["types"]), ("heron", ["page"]),
                           ("elephant", ["oneline"]), ("jackal", ["new\\x0aline"]),
                           ("kingfisher", ["caf\\xe9"])]:
        assert ids(hostile, word) == expected, word
    readable_by_us = os.access(hostile / "locked.md", os.R_OK)  # root reads anything
    assert ids(hostile, "ibis") == (["locked"] if readable_by_us else [])
    if not readable_by_us:
        assert "locked.md" in err
    # output stays inert: a newline in a file name is shown, not obeyed
    assert main(["search", "jackal", "--corpus", str(hostile)]) == 0
    out, _ = capsys.readouterr()
    assert "new␊line.md" in out.replace("\n", "")  # (the console wraps long lines)
    assert not any(line.lstrip().startswith("line.md") for line in out.splitlines())


INDEXER = """
import sys, time
from pathlib import Path
import taiwan_reader_index.fulltext.indexer as indexer
from taiwan_reader_index.articles import loader
indexer.BATCH_SIZE = int(sys.argv[2])
real = loader.load_article
def slow(*args, **kwargs):
    time.sleep(float(sys.argv[3]))
    return real(*args, **kwargs)
loader.load_article = slow
if len(sys.argv) > 5:  # entity recognition in this many worker processes (0: none)
    import taiwan_reader_index.entities.workers as workers
    workers.worker_count = lambda n, *rest: int(sys.argv[5])
report = indexer.update_index(Path(sys.argv[1]), wait=float(sys.argv[4]))
print(report.summary(), flush=True)
"""


def start_indexer(corpus: Path, batch=2000, delay=0.0, wait=3.0, workers=0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", INDEXER, str(corpus), str(batch), str(delay), str(wait), str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def many(corpus: Path, count: int, start: int = 0) -> None:
    corpus.mkdir(exist_ok=True)
    for i in range(start, start + count):
        good(corpus, f"a{i:03}.md", f"word{i}")


def test_killed_indexer_leaves_a_usable_index_and_the_next_run_completes(tmp_path):
    corpus = tmp_path / "corpus"
    many(corpus, 10)
    update_index(corpus)
    many(corpus, 40, start=10)
    (corpus / "a000.md").unlink()
    proc = start_indexer(corpus, batch=10, delay=0.05)
    time.sleep(1.5)  # some batches committed, one in progress
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(ids(corpus, "report")) >= 9  # the previous index still opens and answers
    index = locations.index_dir_for(corpus)
    (index / "MAIN.tmp").mkdir(exist_ok=True)  # what a writer killed mid-run can leave
    (index / "MAIN.tmp" / "pool.ctmp").write_bytes(b"x" * 1000)
    update_index(corpus, max_bytes=0)  # a run with nothing it can add still tidies up
    assert not list(index.glob("*.tmp"))
    report = update_index(corpus)
    assert report.added + report.unchanged + report.updated == 49
    assert ids(corpus, "report") == sorted(f"a{i:03}" for i in range(1, 50))
    assert ids(corpus, "word0") == []


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    try:  # a zombie (state Z) has ended; only its parent may reap it
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_killed_indexer_takes_its_entity_workers_with_it(tmp_path):
    """Worker processes (each holds a copy of the model) never outlive a killed indexer."""
    corpus = tmp_path / "corpus"
    many(corpus, 300)
    proc = start_indexer(corpus, delay=0.02, workers=2)
    deadline = time.monotonic() + 60
    while len(workers := children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(workers) >= 2, "the indexer did not start its worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while (alive := {w for w in workers if running(w)}) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive
    report = update_index(corpus)
    assert len(ids(corpus, "report")) == 300 and not report.skipped
    # multiprocessing's tracker, left behind, says nothing into the user's terminal
    time.sleep(1.0)
    assert proc.stderr is not None and "leaked" not in proc.stderr.read()


def test_two_indexers_one_finishes_the_other_waits_or_says_so(tmp_path):
    corpus = tmp_path / "corpus"
    many(corpus, 30)
    first = start_indexer(corpus, delay=0.05, wait=0.2)
    time.sleep(0.5)
    second = start_indexer(corpus, wait=0.2)
    _out2, err2 = second.communicate(timeout=60)
    out1, _err1 = first.communicate(timeout=60)
    assert first.returncode == 0 and "30 added" in out1
    assert second.returncode != 0 and "another index run" in err2 and "holds the lock" in err2
    assert len(ids(corpus, "report")) == 30


def test_a_rebuild_never_deletes_a_running_index_even_when_its_lock_file_is_gone(
        tmp_path, capsys):
    corpus = tmp_path / "corpus"
    many(corpus, 5)
    update_index(corpus)  # an index exists
    many(corpus, 30, start=5)
    first = start_indexer(corpus, delay=0.05, wait=0.2)  # adds 30, slowly
    index = locations.index_dir_for(corpus)
    lock = index.with_name(index.name + ".lock")
    time.sleep(1.0)
    lock.unlink()  # a user tidying up, a cleaner
    code = main(["index", "--rebuild", "--corpus", str(corpus)])
    _, err = capsys.readouterr()
    out1, err1 = first.communicate(timeout=60)
    assert code == 1 and "another index run is writing" in err
    assert first.returncode == 0 and "30 added" in out1, err1
    assert len(ids(corpus, "report")) == 35


@pytest.mark.parametrize("damage", ["truncate_segment", "garbage_toc", "missing_files"])
def test_damaged_index_is_moved_aside_and_rebuilt(tmp_path, damage, capsys):
    corpus = tmp_path / "corpus"
    many(corpus, 5)
    update_index(corpus)
    index = locations.index_dir_for(corpus)
    files = sorted(index.iterdir())
    if damage == "truncate_segment":
        postings = next(f for f in files if f.suffix == ".pst")
        postings.write_bytes(postings.read_bytes()[: postings.stat().st_size // 2])
    elif damage == "garbage_toc":
        toc = next(f for f in files if f.suffix == ".toc")
        toc.write_bytes(b"\x80\x04garbage" * 10)
    else:
        for f in files:
            if f.suffix != ".toc":
                f.unlink()
    code = main(["index", "--corpus", str(corpus)])
    _out, err = capsys.readouterr()
    assert code == 0 and "moved it to" in err and "rebuilt" in err
    assert len(list(index.parent.glob(index.name + ".broken-*"))) == 1
    assert len(ids(corpus, "report")) == 5


def garble(path: Path) -> None:
    """Flip bits in the first half: the size and the end stay, the content does not (a disk
    fault); the open check, which reads the end, passes."""
    data = bytearray(path.read_bytes())
    for i in range(40, len(data) // 2, 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def test_garbled_postings_found_by_a_search_are_set_aside_and_rebuilt(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    many(corpus, 40)
    assert main(["index", "--corpus", str(corpus)]) == 0
    index = locations.index_dir_for(corpus)
    garble(next(index.glob("*.pst")))  # passes the open check: same size, same ends
    capsys.readouterr()
    assert main(["search", "word7", "--corpus", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert "is damaged" in err and ".pst no longer holds what was written" in err
    assert "moved to" in err and "1 hit" in out
    assert len(list(index.parent.glob(index.name + ".broken-*"))) == 1
    assert len(ids(corpus, "report")) == 40
    assert main(["search", "word8", "--corpus", str(corpus)]) == 0  # and it stays repaired
    assert "damaged" not in capsys.readouterr().err


@pytest.mark.parametrize("damage", [{"files": [1, 2]}, {"files": {"a000.md": 5}},
                                    {"files": {"a000.md": {"id": 5, "hash": [1]}}}, [1]])
def test_a_damaged_manifest_is_rebuilt_from_the_index_and_said(tmp_path, damage, capsys):
    import json

    corpus = tmp_path / "corpus"
    many(corpus, 5)
    update_index(corpus)
    manifest = locations.index_dir_for(corpus).with_name(
        locations.index_dir_for(corpus).name + ".manifest.json")
    saved = json.loads(manifest.read_text())
    if isinstance(damage, dict):
        saved.update(damage)
    else:
        saved = damage
    manifest.write_text(json.dumps(saved))
    assert main(["search", "report", "--corpus", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert "5 hits" in out and "internal error" not in err
    assert f"the record of indexed files {manifest}" in err and "rebuilt it from the index" in err
    assert main(["search", "report", "--corpus", str(corpus)]) == 0
    assert "record of indexed files" not in capsys.readouterr().err  # repaired for good


def test_ctrl_c_keeps_committed_work_and_the_next_run_resumes(tmp_path, monkeypatch):
    import taiwan_reader_index.fulltext.indexer as indexer

    corpus = tmp_path / "corpus"
    many(corpus, 200)
    monkeypatch.setattr(indexer, "COMMIT_SECONDS", 0.0)  # commit after every article
    from taiwan_reader_index.articles import loader

    real, calls = loader.load_article, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 150:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "load_article", interrupted)
    with pytest.raises(KeyboardInterrupt):
        update_index(corpus, entities=False)
    monkeypatch.setattr(loader, "load_article", real)
    kept = len(ids(corpus, "report"))
    assert kept == 149  # every article before the interrupted one was committed
    report = update_index(corpus, entities=False)
    assert (report.added, report.unchanged) == (51, 149)
    assert len(ids(corpus, "report")) == 200


INTERRUPTED_COMMIT = """
import sys
from whoosh.codec import whoosh3
from whoosh.writing import PostingPool
from taiwan_reader_index.cli import main

pool_init = PostingPool.__init__
def small_pool(self, tempstore, segment, limitmb=128, **kwargs):
    pool_init(self, tempstore, segment, limitmb=0.02, **kwargs)  # postings spill to run files
PostingPool.__init__ = small_pool
finish_term, terms = whoosh3.W3FieldWriter.finish_term, []
def interrupted(self):  # ctrl+c while the commit merges the runs
    terms.append(1)
    if len(terms) == 200:
        raise KeyboardInterrupt
    return finish_term(self)
whoosh3.W3FieldWriter.finish_term = interrupted
sys.exit(main(["index", "--corpus", sys.argv[1]]))
"""


def test_ctrl_c_during_a_commit_prints_one_line_and_no_traceback(tmp_path):
    corpus = tmp_path / "corpus"
    many(corpus, 300)
    done = subprocess.run([sys.executable, "-c", INTERRUPTED_COMMIT, str(corpus)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert done.returncode == 130
    assert "interrupted; what was committed is kept" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    update_index(corpus)
    assert len(ids(corpus, "report")) == 300


def test_the_index_is_private_whatever_the_umask(tmp_path):
    corpus = tmp_path / "corpus"
    many(corpus, 3)
    old = os.umask(0o002)  # the default for users on Fedora and many Ubuntu setups
    try:
        update_index(corpus)
    finally:
        os.umask(old)
    index = locations.index_dir_for(corpus)
    assert all(not p.stat().st_mode & 0o022 for p in [index, *index.iterdir()])
    assert ids(corpus, "report") == ["a000", "a001", "a002"]


def test_one_odd_file_is_skipped_by_name_and_the_rest_indexed(tmp_path, monkeypatch):
    from taiwan_reader_index.articles import loader

    corpus = tmp_path / "corpus"
    many(corpus, 3)
    (corpus / "ancient.md").write_text("---\ntitle: Old\ndate: 0001-01-01\n---\nThe ibex report.\n")
    (corpus / "brackets.md").write_text("# " + "[" * 5000 + "]" * 5000 + "\n\nThe lynx report.\n")
    real = loader.load_article

    def buggy(path, *args, **kwargs):  # an internal failure on one file only
        if path.name == "a001.md":
            raise RuntimeError("a bug met an odd file")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_article", buggy)
    report = update_index(corpus)
    assert [(p.path.name, "could not be read" in p.message) for p in report.skipped] == [
        ("a001.md", True)]
    assert ids(corpus, "little") == ["a000", "a002"]
    assert ids(corpus, "ibex") == ["ancient"] and ids(corpus, "lynx") == ["brackets"]


def test_special_files_are_reported_and_never_read(tmp_path):
    corpus = tmp_path / "corpus"
    many(corpus, 2)
    os.mkfifo(corpus / "pipe.txt")  # reading it would block for ever
    (corpus / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    report = update_index(corpus)
    problems = {p.path.name: p.message for p in report.skipped}
    assert "not a regular file" in problems["pipe.txt"]
    assert "outside the corpus folder: not followed" in problems["zero.txt"]
    # asked to follow links, the device is still never read
    report = update_index(corpus, follow_links=True)
    problems = {p.path.name: p.message for p in report.skipped}
    assert "not a regular file" in problems["zero.txt"]
    assert ids(corpus, "little") == ["a000", "a001"]


def test_a_garbage_entity_cache_is_moved_aside_by_name_and_rebuilt(tmp_path):
    from taiwan_reader_index.entities.cache import MentionCache
    from taiwan_reader_index.entities.mention import Mention

    path = tmp_path / "entities-v1.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = MentionCache(path)
    assert cache.problem and str(path) in cache.problem and "moved aside" in cache.problem
    assert list(tmp_path.glob("entities-v1.damaged-*.sqlite"))  # nothing the user had is lost
    cache.put("h", "r", [Mention(0, 3, "GPE")])
    assert cache.get("h", "r") == [Mention(0, 3, "GPE")]
    cache.close()


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root writes anywhere: a read-only folder cannot be made")
def test_a_read_only_entity_cache_still_serves_what_it_holds(tmp_path):
    from taiwan_reader_index.entities.cache import MentionCache
    from taiwan_reader_index.entities.mention import Mention

    folder = tmp_path / "cache"
    folder.mkdir()
    first = MentionCache(folder / "entities-v1.sqlite")
    first.put("h", "r", [Mention(0, 3, "GPE")])
    first.close()
    folder.chmod(0o500)
    (folder / "entities-v1.sqlite").chmod(0o400)
    try:
        cache = MentionCache(folder / "entities-v1.sqlite")
        assert cache.get("h", "r") == [Mention(0, 3, "GPE")]
        cache.put("g", "r", [])  # not kept, and no error
        assert cache.problem and "read-only" in cache.problem
    finally:
        folder.chmod(0o700)


def test_an_entity_cache_that_cannot_be_made_keeps_entities_in_memory(tmp_path):
    from taiwan_reader_index.entities.cache import MentionCache
    from taiwan_reader_index.entities.mention import Mention

    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    cache = MentionCache(blocker / "entities-v1.sqlite")
    assert cache.problem and "in memory" in cache.problem
    cache.put("h", "r", [Mention(0, 3, "GPE")])
    assert cache.get("h", "r") == [Mention(0, 3, "GPE")]
    assert blocker.read_text().startswith("a file")  # untouched


def settings_file(name: str, text: str) -> Path:
    """Write the user's config folder file ``name`` (config.toml, aliases.toml)."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "taiwan-reader" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n")
    return path


@pytest.mark.parametrize("setting", ["max_file_mb = inf", "max_file_mb = nan",
                                     "max_file_mb = 1e308", "max_file_mb = -1",
                                     "a = " + "[" * 3000 + "]" * 3000, "corpus = 5"])
def test_a_bad_config_value_is_named_and_the_reader_still_searches(mini_corpus, setting, capsys):
    config = settings_file("config.toml", setting)
    assert main(["search", "Taiwan", "--corpus", str(mini_corpus)]) == 0
    out, err = capsys.readouterr()
    assert str(config) in err and "internal error" not in err
    assert "hit" in out


@pytest.mark.parametrize("aliases", ["merge = 3", "[split]\nnames = 'Georgia'", "[merge\n",
                                     "[merge]\nTsai = [1, 2]", "[merger]\nTsai = ['Tsai']"])
def test_a_broken_alias_file_is_reported_not_silently_ignored(mini_corpus, aliases, capsys):
    path = settings_file("aliases.toml", aliases)
    assert main(["search", "Taiwan", "--corpus", str(mini_corpus)]) == 0
    out, err = capsys.readouterr()
    assert f"warning: {path}" in err.replace("\n", "") and "internal error" not in err
    assert "hit" in out


def test_files_in_utf16_utf32_and_legacy_encodings_are_read_and_named(tmp_path, capsys):
    corpus = tmp_path / "encodings"
    corpus.mkdir()
    text = "Taipei café owners protest the naïve plan\n"
    for name, data in [("utf16le.txt", b"\xff\xfe" + text.encode("utf-16-le")),
                       ("utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be")),
                       ("utf32le.txt", b"\xff\xfe\x00\x00" + text.encode("utf-32-le")),
                       ("utf32be.txt", b"\x00\x00\xfe\xff" + text.encode("utf-32-be")),
                       ("cp1252.txt", "The café’s “naïve” plan, Taipei\n".encode("cp1252"))]:
        (corpus / name).write_bytes(data)
    (corpus / "big5.txt").write_bytes("台灣總統蔡英文週二表示，美國正計劃國民警衛隊與台灣軍隊之間的合作。\n"
                                      .encode("big5"))
    assert main(["index", "--corpus", str(corpus)]) == 0
    _, err = capsys.readouterr()
    assert "binary" not in err
    assert "cp1252.txt" in err and "read as cp1252" in err
    assert "big5.txt" in err and "read as big5" in err
    assert ids(corpus, "café") == ["cp1252", "utf16be", "utf16le", "utf32be", "utf32le"]
    assert ids(corpus, "naïve") == ["cp1252", "utf16be", "utf16le", "utf32be", "utf32le"]
    assert main(["show", "big5", "--corpus", str(corpus)]) == 0
    assert "蔡英文" in capsys.readouterr().out


def test_links_out_of_the_corpus_are_not_followed_unless_asked(tmp_path, capsys):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    (outside / "sub").mkdir(parents=True)
    good(corpus, "own.md", "aardvark")
    good(outside, "secret.md", "walrus")
    good(outside / "sub", "deep.md", "narwhal")
    (corpus / "secret.md").symlink_to(outside / "secret.md")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    (corpus / "twin.md").symlink_to(corpus / "own.md")  # inside: kept
    (outside / "sub" / "back").symlink_to(corpus, target_is_directory=True)  # a loop
    assert main(["index", "--corpus", str(corpus)]) == 0
    _, err = capsys.readouterr()
    assert "secret.md: a link to" in err and "outside the corpus folder" in err
    assert "--follow-links" in err
    assert ids(corpus, "walrus OR narwhal") == []
    assert ids(corpus, "aardvark") == ["own", "twin"]
    assert main(["--follow-links", "index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    found = Library.open(corpus, follow_links=True).search("walrus OR narwhal OR aardvark",
                                                            limit=None)
    # each path to a file counts, as in ripgrep -L; the loop back into the corpus is not walked
    assert sorted(hit.id for hit in found.hits) == ["deep", "elsewhere/secret", "own", "secret",
                                                   "twin"]


def test_a_long_one_line_file_of_sentences_and_quotations_is_handled_in_bounded_work(
        tmp_path, capsys):
    """Sentence splitting and quotation finding used to re-read the line before every
    sentence end (a 1 MB line took three minutes); the model reads a bounded part."""
    corpus = tmp_path / "long"
    corpus.mkdir()
    sentence = 'President Tsai said "we are ready for the drills" in Taipei on Monday. '
    (corpus / "line.txt").write_text(sentence * 14_000 + "zebra finale.")  # 1 MB, one line
    good(corpus, "other.md", "aardvark")
    assert main(["index", "--corpus", str(corpus)]) == 0
    _, err = capsys.readouterr()
    assert "line.txt: names are highlighted and counted up to character" in err
    assert ids(corpus, "zebra") == ["line"]  # the end of the line is searchable
    assert main(["quotes", "line", "--corpus", str(corpus)]) == 0
    assert "we are ready for the drills" in capsys.readouterr().out
    assert main(["compare", "line", "other", "--corpus", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert "only the first 100,000 characters of A were compared" in err and "only in A" in out


def test_a_file_skipped_for_its_size_is_read_once_the_limit_is_raised(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    many(corpus, 2)
    (corpus / "long.md").write_text("The okapi report. " + "More words here. " * 80_000)  # 1.4 MB
    settings_file("config.toml", "max_file_mb = 1")
    assert main(["index", "--corpus", str(corpus)]) == 0
    assert "long.md" in capsys.readouterr().err and ids(corpus, "okapi") == []
    settings_file("config.toml", "max_file_mb = 2")
    assert main(["index", "--corpus", str(corpus)]) == 0
    assert "1 added" in capsys.readouterr().out and ids(corpus, "okapi") == ["long"]
