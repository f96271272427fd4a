"""Search latency by query kind, snippets included, beside SQLite FTS5 over the same
texts in the same run (issue: every kind p95 <= 50 ms, max <= 150 ms).

    python benchmarks/bench_search.py [--corpus bbc-news|reuters21578|DIR] [--queries 60]

Kinds: one common word, AND of 2-3 words, phrase of 2-3 words, OR of 3 words,
prefix ``word*``, fuzzy ``word~`` (a misspelt word), and a misspelt query with no
hits (answered with "did you mean"). Queries are drawn with a fixed seed from the
corpus's own words (misspellings: one letter dropped). The index is built first
if needed (not timed). Reads ../shared/corpora; never copies it into the repo.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_index import SHARED, extract, pct
from taiwan_reader_index import Library


def misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:]


def kinds(texts: list[str], n: int, seed: int = 11) -> dict[str, list[tuple[str, str]]]:
    """(our query, FTS5 query or "") per kind."""
    rng = random.Random(seed)
    tokens = [re.findall(r"[a-z]{4,}", t.lower()) for t in texts]
    plain = [re.findall(r"[a-z]+", t.lower()) for t in texts]
    df = Counter(w for ws in tokens for w in set(ws))
    # sorted, so the same queries come out in every process (set order follows the hash seed)
    common = sorted(df, key=lambda w: (-df[w], w))[:400]
    medium = sorted(w for w, d in df.items() if 0.002 * len(texts) <= d < 0.05 * len(texts))
    long_words = [w for w in medium if len(w) >= 7]
    out: dict[str, list[tuple[str, str]]] = {k: [] for k in
                                             ("single", "and", "phrase", "or", "prefix",
                                              "fuzzy", "no hits")}
    for _ in range(n):
        w = rng.choice(common)
        out["single"].append((w, w))
        doc = rng.choice([t for t in tokens if len(set(t)) > 10])  # words of one article
        ws = rng.sample(sorted(set(doc)), rng.choice((2, 3)))
        out["and"].append((" ".join(ws), " AND ".join(ws)))
        words = rng.choice([w for w in plain if len(w) > 10])  # adjacent words of one article
        i = rng.randrange(len(words) - 3)
        phrase = " ".join(words[i:i + rng.choice((2, 3))])
        out["phrase"].append((f'"{phrase}"', f'"{phrase}"'))
        ws = rng.sample(medium, 3)
        out["or"].append((" OR ".join(ws), " OR ".join(ws)))
        stem = rng.choice(medium)[:4]
        out["prefix"].append((f"{stem}*", f"{stem}*"))
        out["fuzzy"].append((misspell(rng.choice(long_words), rng) + "~", ""))
        typo = " ".join(misspell(w, rng) for w in rng.sample(long_words, 2))
        out["no hits"].append((typo, ""))
    return out


def fts5(texts: list[str]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE a USING fts5(body, tokenize='porter')")
    db.executemany("INSERT INTO a(body) VALUES (?)", [(t,) for t in texts])
    db.commit()
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="reuters21578")
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.corpus)
        if not folder.is_dir():
            if not (SHARED / f"{args.corpus}.tar.gz").exists():
                print(f"{args.corpus}: not found (../shared/corpora is absent); skipped")
                return
            folder = extract(args.corpus, Path(tmp))
        library = Library.open(folder)
        report = library.update()
        print(f"{folder}: {report.summary()} (not timed)")
        texts = [p.read_text(errors="replace") for p in sorted(folder.rglob("*.txt"))]
        queries = kinds(texts, args.queries)
        db = fts5(texts)
        print(f"{'kind':<9} {'p50':>7} {'p95':>7} {'max':>7} ms   {'FTS5 p95':>9}   hits (median)")
        with library.searcher() as engine:
            engine.search("warm up")  # the first query opens columns; start-up is apart
            for kind, pairs in queries.items():
                ours, theirs, totals = [], [], []
                for query, fts_query in pairs:
                    started = time.perf_counter()
                    result = engine.search(query, limit=10)
                    ours.append(1000 * (time.perf_counter() - started))
                    totals.append(result.total)
                    if fts_query:
                        started = time.perf_counter()
                        db.execute("SELECT rowid, snippet(a, 0, '[', ']', '…', 12) FROM a "
                                   "WHERE a MATCH ? ORDER BY rank LIMIT 10",
                                   (fts_query,)).fetchall()
                        theirs.append(1000 * (time.perf_counter() - started))
                fts = f"{pct(theirs, 0.95):9.1f}" if theirs else f"{'-':>9}"
                print(f"{kind:<9} {pct(ours, 0.5):7.1f} {pct(ours, 0.95):7.1f} {max(ours):7.1f}"
                      f"      {fts}   {sorted(totals)[len(totals) // 2]}")


if __name__ == "__main__":
    main()
