"""The whole pipeline at scale: index with entities, re-index, search, compare,
reader start-up and memory, on BBC News (2,225) and Reuters-21578 (19,043).

    python benchmarks/bench_scale.py [--corpora bbc-news reuters21578] [--queries 100]

Reads ../shared/corpora (research-only data; never copied into the repo);
skips a corpus that is absent. Prints one block per corpus, then the growth.
Targets (Reuters, two cores): first build with entities <= 150 s; index on disk
<= 100 MB; re-index unchanged <= 0.5 s; one file added <= 1 s; search p95 with
snippets <= 50 ms; reader start-up within 1.5x a bare Textual app's; reader RSS
<= 150 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_index import SHARED, extract, make_queries, pct
from bench_startup import BARE, READER
from bench_startup import run as launch

READER_RSS = """
import sys
from pathlib import Path
from taiwan_reader_index.library import Library
from taiwan_reader_tui.app import ReaderApp
from taiwan_reader_tui.messages import OpenArticle
from taiwan_reader_tui.screens.reader import ReaderScreen

ready = ReaderApp._searcher_ready  # the index is open: open the first article found
def ready_then_open(self, searcher, report):
    ready(self, searcher, report)
    first = searcher.search("said", limit=1, snippets=False).hits[0].id
    self.post_message(OpenArticle(first, "said"))
ReaderApp._searcher_ready = ready_then_open

mount = ReaderScreen.on_mount
def measure_after_mount(self):
    mount(self)
    def measure():
        rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
        print(f"RSS {int(rss) / 1024:.0f} MB", file=sys.stderr)
        self.app.exit()
    self.set_timer(float(sys.argv[2]), measure)
ReaderScreen.on_mount = measure_after_mount
ReaderApp(Library.open(Path(sys.argv[1]))).run(headless=True)
"""


def reader_rss(corpus: Path, env: dict, settle: float = 0.5) -> str:
    """The reader's resident memory ``settle`` seconds after it opened an article."""
    try:
        result = subprocess.run([sys.executable, "-c", READER_RSS, str(corpus), str(settle)],
                                capture_output=True, text=True, env=env, timeout=120)
    except subprocess.TimeoutExpired:
        return "RSS ? (the reader did not open an article within 120 s)"
    return next((ln for ln in result.stderr.splitlines() if ln.startswith("RSS")),
                f"RSS ? ({result.stderr.strip()[-300:]})")


def cli_index(corpus: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["taiwan-reader", "--corpus", str(corpus), "index"], check=True,
                   capture_output=True, env=os.environ.copy(), timeout=600)
    return time.perf_counter() - start


def run_corpus(name: str, queries: int, tmp: Path) -> dict:
    from taiwan_reader_index.articles.loader import load_article
    from taiwan_reader_index.compare.align import align
    from taiwan_reader_index.fulltext.indexer import update_index
    from taiwan_reader_index.fulltext.searcher import Searcher
    from taiwan_reader_index.locations import index_dir_for

    corpus = extract(name, tmp / name)
    files = sorted(corpus.glob("*.txt"))
    out: dict = {"files": len(files)}
    start = time.perf_counter()
    report = update_index(corpus, progress=_progress)
    out["build"] = time.perf_counter() - start
    out["disk_mb"] = index_megabytes(index_dir_for(corpus))
    print(f"\n{name}: {len(files)} files; build with entities {out['build']:.0f} s "
          f"({report.summary()}); index on disk {out['disk_mb']:.1f} MB")
    out["reindex"] = min(update_index(corpus).seconds for _ in range(3))
    add_report(corpus, 1)
    first_add = update_index(corpus).seconds
    add_report(corpus, 2)
    out["add_one"] = update_index(corpus).seconds
    print(f"  re-index unchanged {out['reindex']:.2f} s; one file added {out['add_one']:.2f} s "
          f"(in a running process, model loaded; the first: {first_add:.2f} s, which may load it)")
    out["cli_unchanged"] = cli_index(corpus)
    add_report(corpus, 3)
    out["cli_add_one"] = cli_index(corpus)
    print(f"  `taiwan-reader index` from a cold start: unchanged {out['cli_unchanged']:.2f} s; "
          f"one file added {out['cli_add_one']:.2f} s (process start and model load included)")
    texts = [p.read_text(errors="replace") for p in files]
    searcher = Searcher(index_dir_for(corpus))
    for kind, qs in make_queries(texts, queries).items():
        times = []
        for q in qs:
            t = time.perf_counter()
            searcher.search(q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
        out[f"p95 {kind}"] = pct(times, 0.95)
        print(f"  search {kind:<12} p50 {statistics.median(times):6.1f} ms  p95 {pct(times, .95):6.1f} ms")
    searcher.close()
    rng = random.Random(3)
    compare_ms = []
    for _ in range(20):
        a, b = (load_article(p) for p in rng.sample(files, 2))
        t = time.perf_counter()
        align(a, b)
        compare_ms.append((time.perf_counter() - t) * 1000)
    out["compare p50"] = statistics.median(compare_ms)
    print(f"  compare two articles p50 {out['compare p50']:.1f} ms, max {max(compare_ms):.1f} ms")
    launch(READER, "results", str(corpus))  # bytecode written, index opened once: not timed
    bare, box, results = [], [], []
    for _ in range(5):  # alternating, so the machine's noise falls on both
        bare.append(launch(BARE))
        box.append(launch(READER, "box", str(corpus)))
        results.append(launch(READER, "results", str(corpus)))
    b, x, r = (statistics.median(v) for v in (bare, box, results))
    out["startup_box"], out["startup_results"] = x, r
    print(f"  reader start-up (median of 5): search box {x * 1000:.0f} ms ({x / b:.2f}x a bare "
          f"Textual app's {b * 1000:.0f} ms); box with results {r * 1000:.0f} ms ({r / b:.2f}x)")
    rss = reader_rss(corpus, os.environ.copy())
    out["rss"] = rss
    print(f"  reader while reading: {rss}")
    add_report(corpus, 4)
    out["rss_refresh"] = reader_rss(corpus, os.environ.copy(), settle=10)
    print(f"  reader while reading, its start-up refresh having indexed a new file: "
          f"{out['rss_refresh']}")
    return out


def index_megabytes(index: Path) -> float:
    """The index folder and the files kept beside it (manifest, words, facet counts)."""
    beside = [p for p in index.parent.glob(index.name + ".*") if p.is_file()]
    return sum(p.stat().st_size for p in [*index.iterdir(), *beside]) / 1e6


def add_report(corpus: Path, number: int) -> None:
    """A new article no run has seen (so the entity cache cannot answer for it)."""
    (corpus / f"zz-added-{number}.txt").write_text(
        f"Report {number} from {corpus.parent.name}\n\nThe envoy met Lai Ching-te in Taipei "
        f"on day {number} ({time.time_ns()}).\n")


def _progress(done: int, total: int, name: str) -> None:
    if done % 1000 < 64 or done == total:
        print(f"  indexed {done}/{total}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", nargs="+", default=["bbc-news", "reuters21578"])
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        for name in args.corpora:
            if not (SHARED / f"{name}.tar.gz").exists():
                print(f"skipped: {name} is not in {SHARED}")
                continue
            results[name] = run_corpus(name, args.queries, Path(tmp))
    if len(results) == 2:
        (small, a), (large, b) = results.items()
        print(f"\ngrowth {small} -> {large} ({b['files'] / a['files']:.1f}x files):")
        for key in ("build", "disk_mb", "reindex", "add_one", "cli_unchanged", "cli_add_one",
                    "p95 single term", "p95 two terms", "p95 phrase", "compare p50", "startup_box", "startup_results"):
            print(f"  {key:<16} {a[key]:8.2f} -> {b[key]:8.2f}  ({b[key] / max(a[key], 1e-9):.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
