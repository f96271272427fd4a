"""Pathological inputs: how long each takes and the peak memory of the whole run.

    python benchmarks/bench_pathological.py [--keep DIR]

Builds, in a temporary folder:
  * a 10 MB file on one line (sentences, quotations and names, no line break),
  * a 19.4 MB file of 19,000 paragraphs (under the 20 MB default limit),
and times, each in its own process (peak memory counts every child process):
  * indexing the two files (goal: seconds, peak ≤ 1 GB),
  * `show`, `entities`, `quotes` and `compare` on them,
  * the costliest queries a user can type (each refused or answered quickly).

Prints one row per step: seconds, peak resident memory (MB), exit status.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["alpha", "beta", "Taiwan", "said.", "The", "military", "“we are", "ready”", "Mr.",
         "Smith", "drills", "on", "Monday.", '"quoted words here"', "President", "Tsai"]

QUERIES = ['"the the the the the"~100', " OR ".join(f"word{i}~2" for i in range(60)),
           "t*", "ta*", "a* OR b* OR c*", '"alpha beta alpha"~10', "milit~2 AND drils~2"]


def make_corpus(folder: Path) -> None:
    rng = random.Random(7)
    line = " ".join(rng.choice(WORDS) for _ in range(1_800_000))[:10_000_000]
    (folder / "oneline.txt").write_text(line + "\n", encoding="utf-8")
    paragraph = 'The Taiwan military said "we are ready" on Monday, President Tsai said. ' * 14
    (folder / "large.md").write_text("---\ntitle: A very large file\n---\n"
                                     + (paragraph.strip() + "\n\n") * 19_000, encoding="utf-8")


def run(label: str, args: list[str], env: dict[str, str]) -> None:
    """One command in a child process: wall time and the peak RSS of it and its children."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
             " stderr=subprocess.DEVNULL).returncode\n"
             "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
             "print(f'{time.perf_counter() - t:.2f} {peak:.0f} {rc}')\n")
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "taiwan_reader_tui",
                          *args], capture_output=True, text=True, env=env, check=True)
    seconds, peak, rc = out.stdout.split()
    print(f"{label:<44} {float(seconds):>8.2f} s {float(peak):>8.0f} MB   rc {rc}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        corpus = base / "pathological"
        corpus.mkdir(parents=True, exist_ok=True)
        make_corpus(corpus)
        env = dict(os.environ)
        for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
            env[name] = str(base / name.lower())  # a fresh index and entity cache
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"corpus: {corpus} ({size:.1f} MB in 2 files); {time.strftime('%Y-%m-%d %H:%M')}")
        print(f"{'step':<44} {'time':>10} {'peak':>11}")
        c = ["--corpus", str(corpus)]
        started = time.perf_counter()
        run("index (both files, entities included)", ["index", *c], env)
        run("index again (nothing changed)", ["index", *c], env)
        run("show the 10 MB one-line file", ["show", "oneline", *c], env)
        run("entities of the 19 MB file", ["entities", "large", *c], env)
        run("quotes of the 10 MB one-line file", ["quotes", "oneline", *c], env)
        run("compare the two", ["compare", "oneline", "large", *c], env)
        for query in QUERIES:
            shown = query if len(query) < 30 else query[:27] + "..."
            run(f"search {shown}", ["search", query, *c], env)
        print(f"total {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
