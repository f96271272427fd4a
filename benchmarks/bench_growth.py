"""How search latency grows with the corpus: ``bench_search.py`` on Reuters-21578
(19,043 articles) and on a corpus of about 40,000 (Reuters, BBC News and a perturbed
copy of Reuters), run in alternating rounds, each in a fresh process.

    python benchmarks/bench_growth.py [--rounds 5] [--queries 300] [--large DIR]

The perturbed copy is written once into DIR (default: a folder in the system's
temporary directory) with a fixed seed: each Reuters article keeps its title, its
body's lines are shuffled and one word in ten is written backwards, so the large
corpus has new word forms as a bigger archive does, not only more copies of the
same ones. Both indexes are built by the first round (not timed).

For each round it prints every kind's p95 at both sizes and the growth per doubling
of the corpus, (p95 large / p95 small) ** (1 / log2(size ratio)); then the same from
the median p95 of each kind over the rounds. One round's p95 moves by up to a third
between runs of the same code on these machines, so the medians are the figure to
read. Target (the search issue): growth <= 1.5 for every kind.
Reads ../shared/corpora (research-only data; the corpus it writes stays outside the
project); skips when it is absent.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_index import SHARED

HERE = Path(__file__).resolve().parent
SEED = 40
REVERSED = 0.1  # share of words written backwards in the perturbed copy
_ROW = re.compile(r"^(\w+(?: hits)?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")


def extract_articles(name: str, into: Path) -> list[Path]:
    """The articles of ``name``'s archive, written into ``into`` (once)."""
    if not into.is_dir():
        into.mkdir(parents=True)
        with tarfile.open(SHARED / f"{name}.tar.gz") as tar:
            for member in tar:
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is not None and member.name.startswith("articles/"):
                    (into / Path(member.name).name).write_bytes(handle.read())
    return sorted(into.glob("*.txt"))


def perturbed(text: str, rng: random.Random) -> str:
    """The title, then the body's lines shuffled, one word in ten backwards."""
    title, _, body = text.partition("\n")
    lines = [line for line in body.splitlines() if line.strip()]
    rng.shuffle(lines)

    def word(match: re.Match[str]) -> str:
        return match.group()[::-1] if rng.random() < REVERSED else match.group()

    return title + "\n\n" + re.sub(r"[A-Za-z]{3,}", word, "\n".join(lines)) + "\n"


def large_corpus(folder: Path) -> int:
    """Write the large corpus into ``folder`` unless it is there; its article count."""
    reuters = extract_articles("reuters21578", folder / "reuters")
    extract_articles("bbc-news", folder / "bbc")
    copy = folder / "perturbed"
    if not copy.is_dir():
        copy.mkdir()
        for n, path in enumerate(reuters):
            text = path.read_text(encoding="utf-8", errors="replace")
            (copy / f"p{path.name}").write_text(perturbed(text, random.Random(SEED + n)),
                                                encoding="utf-8")
    return sum(1 for _ in folder.rglob("*.txt"))


def p95s(corpus: Path, queries: int) -> dict[str, float]:
    """Each kind's p95 from one run of bench_search.py in a fresh process."""
    out = subprocess.run([sys.executable, str(HERE / "bench_search.py"), "--corpus",
                          str(corpus), "--queries", str(queries)],
                         capture_output=True, text=True, check=True).stdout
    return {m.group(1): float(m.group(3)) for line in out.splitlines()
            if (m := _ROW.match(line))}


def growth(small: float, large: float, doublings: float) -> float:
    return (large / small) ** (1 / doublings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--large", type=Path,
                        default=Path(tempfile.gettempdir()) / "taiwan-reader-bench-40k")
    args = parser.parse_args()
    if not (SHARED / "reuters21578.tar.gz").exists() or not (SHARED / "bbc-news.tar.gz").exists():
        print("../shared/corpora is absent: skipped")
        return
    small = args.large / "reuters"
    size = large_corpus(args.large)
    small_size = len(list(small.glob("*.txt")))
    doublings = math.log2(size / small_size)
    print(f"small: {small} ({small_size} articles); large: {args.large} "
          f"({size} articles, {doublings:.2f} doublings)")
    for corpus in (small, args.large):  # build both indexes (not timed)
        p95s(corpus, 3)
    rounds: list[tuple[dict[str, float], dict[str, float]]] = []
    for n in range(args.rounds):
        pair = (p95s(small, args.queries), p95s(args.large, args.queries))
        rounds.append(pair)
        print(f"round {n + 1}: " + "  ".join(
            f"{kind} {pair[0][kind]:.1f}/{pair[1][kind]:.1f} ms "
            f"x{growth(pair[0][kind], pair[1][kind], doublings):.2f}" for kind in pair[0]))
    print(f"\n{'kind':<9} {'p95 small':>9} {'p95 large':>9} {'growth per doubling':>20}"
          f"   (medians of {args.rounds} rounds; target <= 1.5)")
    for kind in rounds[0][0]:
        a = statistics.median(r[0][kind] for r in rounds)
        b = statistics.median(r[1][kind] for r in rounds)
        each = [growth(r[0][kind], r[1][kind], doublings) for r in rounds]
        print(f"{kind:<9} {a:9.1f} {b:9.1f} {growth(a, b, doublings):20.2f}"
              f"   (rounds {min(each):.2f}-{max(each):.2f})")


if __name__ == "__main__":
    main()
