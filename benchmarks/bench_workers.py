"""An entity worker's time on Reuters articles: the C heap as a worker sets it
(freed model arrays kept for the next batch) against glibc's default, side by side.

    python benchmarks/bench_workers.py [--articles 1000] [--rounds 3]

Each round runs one fresh process per setting, alternating, over the same
articles in chunks of 64 (as the index run sends them); it prints the wall,
user and system seconds and the peak memory of each. Reads
../shared/corpora/reuters21578.tar.gz (research-only; never copied into the
repo); exits 0 with a note when it is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_index import SHARED, first_articles

CHILD = """
import json, os, resource, sys, time
from taiwan_reader_index.articles.loader import load_text
from taiwan_reader_index.entities import workers
from taiwan_reader_index.entities.extract import text_regions
from taiwan_reader_index.entities.recognizer import load_recognizer, recognise_many

texts = json.load(sys.stdin)
held = sys.argv[1] == "held" and workers._hold_freed_memory()
recognizer = load_recognizer()
from threadpoolctl import threadpool_limits
threadpool_limits(1)  # as a worker: one BLAS thread, set once the model has loaded it
jobs = []
for text in texts:
    article = load_text(text)
    jobs.append((article.source, text_regions(article)))
recognise_many(recognizer, jobs[:32])  # warm up
before, start = os.times(), time.perf_counter()
for i in range(0, len(jobs), 64):
    recognise_many(recognizer, jobs[i:i + 64])
after = os.times()
print(json.dumps({"held": held, "wall": time.perf_counter() - start,
                  "user": after.user - before.user, "system": after.system - before.system,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED / "reuters21578.tar.gz").exists():
        print(f"{SHARED / 'reuters21578.tar.gz'} is not here: nothing to measure")
        return 0
    payload = json.dumps(first_articles("reuters21578", args.articles))
    runs: dict[str, list[dict]] = {"default": [], "held": []}
    for _ in range(args.rounds):
        for setting in runs:
            out = subprocess.run([sys.executable, "-c", CHILD, setting], input=payload,
                                 capture_output=True, text=True, check=True)
            runs[setting].append(json.loads(out.stdout.strip().splitlines()[-1]))
    from importlib.metadata import version

    print(f"one entity worker (spaCy {version('spacy')}), {args.articles} Reuters articles, "
          f"{args.rounds} rounds (median; alternating fresh processes)")
    print(f"{'C heap':>28} {'wall s':>7} {'user s':>7} {'system s':>9} {'peak MB':>8}")
    for setting, results in runs.items():
        label = "default (glibc)" if setting == "default" else "freed arrays kept (worker)"
        if setting == "held" and not all(r["held"] for r in results):
            label = "held (not glibc: unchanged)"
        values = [statistics.median(r[key] for r in results)
                  for key in ("wall", "user", "system", "peak_mb")]
        print(f"{label:>28} {values[0]:7.1f} {values[1]:7.1f} {values[2]:9.1f} {values[3]:8.0f}")
    ratio = (statistics.median(r["wall"] for r in runs["held"])
             / statistics.median(r["wall"] for r in runs["default"]))
    print(f"kept / default wall time: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
