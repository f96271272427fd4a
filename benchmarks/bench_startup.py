"""Launch time of the reader to a usable search box, beside a bare Textual app,
measured in the same run (alternating, headless, index already built). The reader
is launched through the `taiwan-reader` command's own entry point (its command
line is read first), as a user starts it.

    python benchmarks/bench_startup.py [--corpus DIR] [--runs 7]

Target: the reader's search box usable within 1.5x the bare app's start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

# Each child prints the wall-clock time at which its screen is ready ("READY t"),
# then exits; the time to quit is measured apart (the process's end).
BARE = """
import sys, time
from textual.app import App
from textual.widgets import Input, Footer, Header
class Bare(App):
    def compose(self):
        yield Header(); yield Input(); yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.ready)
    def ready(self):
        print("READY", time.time(), file=sys.stderr)
        self.exit()
Bare().run(headless=True)
"""

READER = """
import sys, time
from textual.app import App
from taiwan_reader_tui.screens.search import SearchScreen
mode = sys.argv[1]
original = SearchScreen.on_mount
def ready(app):
    print("READY", time.time(), file=sys.stderr)
    app.exit()
def on_mount(self):
    original(self)
    if mode == "box":
        self.call_after_refresh(ready, self.app)
    else:
        self.set_interval(0.005, lambda: ready(self.app)
                          if self.query_one('#results').option_count else None)
SearchScreen.on_mount = on_mount
run = App.run
App.run = lambda self, **kw: run(self, **{**kw, "headless": True})
from taiwan_reader_tui.__main__ import main  # the `taiwan-reader` command, as launched
sys.exit(main(["--corpus", sys.argv[2]] if len(sys.argv) > 2 else []))
"""


def run(code: str, *args: str) -> float:
    """Seconds from launch to the child's screen being ready."""
    return run_and_quit(code, *args)[0]


def run_and_quit(code: str, *args: str) -> tuple[float, float]:
    """Seconds from launch to ready, and from asking to quit to the process's end."""
    # As after `pip install .`, modules load from cached bytecode: let the warm-up runs write it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                          env=env, text=True)
    end = time.time()
    ready = float(next(ln.split()[1] for ln in done.stderr.splitlines() if ln.startswith("READY")))
    return ready - start, end - ready


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    extra = [args.corpus] if args.corpus else []
    run(BARE)
    run(READER, "results", *extra)  # builds the index if needed, writes bytecode; not timed
    bare, box, results, quits = [], [], [], []
    for _ in range(args.runs):
        bare.append(run(BARE))
        box.append(run(READER, "box", *extra))
        ready, quit_time = run_and_quit(READER, "results", *extra)
        results.append(ready)
        quits.append(quit_time)
    b, x, r = (statistics.median(v) for v in (bare, box, results))
    print(f"bare Textual app (header, input, footer) to first screen: median {b * 1000:.0f} ms "
          f"({args.runs} runs each, alternating)")
    print(f"taiwan-reader to a usable search box: median {x * 1000:.0f} ms, {x / b:.2f}x "
          "(target <= 1.5x)")
    print(f"taiwan-reader to the search box filled with results: median {r * 1000:.0f} ms, "
          f"{r / b:.2f}x")
    print(f"taiwan-reader from quitting (just after the results show) to the process's end: "
          f"median {statistics.median(quits) * 1000:.0f} ms, max {max(quits) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
