"""Refresh latency of a live corpus: one file added while the reader runs, time until a
search finds it (the reader's own path: the folder watcher, then the index refresh).

    python benchmarks/bench_refresh.py [--corpus DIR] [--runs 5]

Default corpus: Reuters-21578 from ../shared/corpora (extracted to a temporary
folder and indexed first; that build is not timed). Prints each run and the median.
Target: searchable within about two seconds.
"""

from __future__ import annotations

import argparse
import statistics
import tarfile
import tempfile
import threading
import time
from pathlib import Path

from taiwan_reader_index import Library
from taiwan_reader_index.live_index import LiveIndex
from taiwan_reader_index.watch import FolderWatch

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def extract(name: str, into: Path) -> Path:
    with tarfile.open(SHARED / f"{name}.tar.gz") as archive:
        members = [m for m in archive.getmembers() if m.isfile() and "/articles/" in f"/{m.name}"]
        archive.extractall(into, members=members, filter="data")
    return next(p.parent for p in into.rglob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder (default: Reuters-21578)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or extract("reuters21578", Path(tmp))
        library = Library.open(corpus)
        started = time.perf_counter()
        report = library.update()
        print(f"{corpus}: {report.summary()} ({time.perf_counter() - started:.0f} s, not timed)")
        live = LiveIndex(library)
        searcher, _ = live.open()
        changed = threading.Event()
        watch = FolderWatch(library.corpus, lambda _changes: changed.set())
        threading.Thread(target=watch.run, daemon=True).start()
        time.sleep(1.0)
        latencies = []
        articles = searcher.doc_count
        try:
            for run in range(args.runs):
                word = f"zqxbench{run}word{int(time.time())}"  # new text: not in the entity cache
                path = Path(library.corpus) / f"zz-bench-{run}.txt"
                changed.clear()
                written = time.perf_counter()
                path.write_text(f"Bench report {run}\n\nThe {word} appears here only, said "
                                f"Minister Lin Wen-{run} in Taipei on {time.ctime()}.\n")
                while True:  # as the reader: refresh after each burst, until it is found
                    changed.wait(timeout=10)
                    changed.clear()
                    live.refresh()
                    if searcher.search(word).total:
                        break
                latency = time.perf_counter() - written
                latencies.append(latency)
                print(f"run {run + 1}: searchable {latency:.2f} s after the file was written")
        finally:
            watch.stop()
            for path in Path(library.corpus).glob("zz-bench-*.txt"):
                path.unlink()
            live.refresh()
            live.close()
        print(f"median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s over "
              f"{len(latencies)} runs ({articles} articles); target about 2 s")


if __name__ == "__main__":
    main()
