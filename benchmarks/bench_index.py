"""Index, re-index and search benchmark on Reuters-21578 (19,043 articles),
with SQLite FTS5 over the same texts measured side by side in the same run.

    python benchmarks/bench_index.py [--corpus reuters21578|bbc-news] [--queries 200]

Reads ../shared/corpora/<name>.tar.gz (research-only data: never copied into
the repo); exits 0 with a note when that folder is absent.
Targets: re-index of an unchanged 19k corpus <= 2 s; search p95 with snippets <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def extract(name: str, into: Path) -> Path:
    archive = SHARED / f"{name}.tar.gz"
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "articles"


def first_articles(name: str, n: int) -> list[str]:
    """The texts of the first ``n`` articles in ``name``'s archive, in archive order (a
    gzip stream cannot seek back cheaply), without extracting the rest."""
    texts: list[str] = []
    with tarfile.open(SHARED / f"{name}.tar.gz") as tar:
        for member in tar:
            if len(texts) >= n:
                break
            if member.isfile() and member.name.startswith("articles/"):
                handle = tar.extractfile(member)
                if handle is not None:
                    texts.append(handle.read().decode("utf-8", "replace"))
    return texts


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def make_queries(texts: list[str], n: int, seed: int = 7) -> dict[str, list[str]]:
    """Queries like a reader's: content words, not stop words.

    Single terms are drawn evenly from three document-frequency bands (high:
    in >= 5% of articles, medium: 0.5-5%, low: < 0.5%, at least 2 articles),
    uniformly over distinct words. Two-term queries are two content words of
    one article; phrases are adjacent content-word pairs ("trade surplus").
    A separate "stress" set keeps the worst cases: phrases with a stop word
    ("of the") and pairs of the most common words.
    """
    from whoosh.analysis import STOP_WORDS

    rng = random.Random(seed)
    token_lists = [re.findall(r"[a-z]+", t.lower()) for t in texts]
    df = Counter(w for tokens in token_lists for w in set(tokens))
    total = len(texts)
    content = {w for w, d in df.items() if len(w) >= 3 and w not in STOP_WORDS and d >= 2}
    bands = {
        "high": sorted(w for w in content if df[w] >= 0.05 * total),
        "medium": sorted(w for w in content if 0.005 * total <= df[w] < 0.05 * total),
        "low": sorted(w for w in content if df[w] < 0.005 * total),
    }
    single = [rng.choice(bands[b]) for b in bands for _ in range(n // 3)]
    double, phrase, stress = [], [], []
    docs = [t for t in token_lists if len(t) > 20]
    while len(double) < n or len(phrase) < n or len(stress) < n:
        tokens = rng.choice(docs)
        words = sorted(set(tokens) & content)
        if len(double) < n and len(words) >= 2:
            double.append(" ".join(rng.sample(words, 2)))
        i = rng.randrange(len(tokens) - 1)
        pair = tokens[i : i + 2]
        if len(phrase) < n and all(w in content for w in pair):
            phrase.append('"{} {}"'.format(*pair))
        elif len(stress) < n and any(w in STOP_WORDS for w in pair):
            stress.append('"{} {}"'.format(*pair))
    common = [w for w, _ in df.most_common(40)]
    stress = stress[: n // 2] + [" ".join(rng.sample(common, 2)) for _ in range(n // 2)]
    return {"single term": single, "two terms": double, "phrase": phrase, "stress": stress}


def time_each(fn, queries: list[str]) -> list[float]:
    out = []
    for q in queries:
        start = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - start) * 1000)
    return out


def fts5(articles: list[tuple[str, str]], db: Path):
    con = sqlite3.connect(db)
    start = time.perf_counter()
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    con.executemany("INSERT INTO docs VALUES (?, ?)", articles)
    con.commit()
    build = time.perf_counter() - start

    def search(q: str):
        return con.execute(
            "SELECT rowid, title, snippet(docs, 1, '**', '**', ' … ', 32) FROM docs "
            "WHERE docs MATCH ? ORDER BY rank LIMIT 10", (q,)).fetchall()

    return build, search


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="reuters21578")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-entities", action="store_true",
                        help="index without named entities (the search path is the same)")
    args = parser.parse_args()
    if not (SHARED / f"{args.corpus}.tar.gz").exists():
        print(f"skipped: {SHARED / args.corpus}.tar.gz is not here")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(tmp_path / "cache")
        from taiwan_reader_index.articles.loader import load_article
        from taiwan_reader_index.fulltext.indexer import update_index
        from taiwan_reader_index.fulltext.searcher import Searcher
        from taiwan_reader_index.locations import index_dir_for

        corpus = extract(args.corpus, tmp_path / "corpus")
        files = sorted(corpus.glob("*.txt"))
        print(f"corpus: {args.corpus}, {len(files)} files")

        report = update_index(corpus, entities=not args.no_entities)
        build = report.seconds
        what = "without entities" if args.no_entities else "with entities"
        print(f"whoosh build {what}: {build:.1f} s ({report.summary()})")
        times = []
        for _ in range(3):
            times.append(update_index(corpus, entities=not args.no_entities).seconds)
        print(f"whoosh re-index, nothing changed: {min(times):.2f} s best of 3 "
              f"({', '.join(f'{t:.2f}' for t in times)})")
        (corpus / "zz-new.txt").write_text("Brand new article\n\nA freshly added story.\n")
        added = update_index(corpus, entities=not args.no_entities)
        print(f"whoosh re-index, one file added: {added.seconds:.2f} s ({added.summary()})")

        articles = [(a.title, a.body) for a in (load_article(p) for p in files)]
        fts_build, fts_search = fts5(articles, tmp_path / "fts.db")
        queries = make_queries([b for _, b in articles], args.queries)
        searcher = Searcher(index_dir_for(corpus))
        print(f"sqlite fts5 build: {fts_build:.1f} s")
        print(f"\nsearch latency, top 10 with snippets, ms ({args.queries} queries each)")
        print(f"{'query kind':<12} {'whoosh p50':>10} {'p95':>7} {'fts5 p50':>9} {'p95':>7} "
              f"{'p95 ratio':>9}")
        for kind, qs in queries.items():
            w = time_each(lambda q: searcher.search(q, limit=10), qs)
            f = time_each(fts_search, qs)
            print(f"{kind:<12} {statistics.median(w):>10.1f} {pct(w, .95):>7.1f} "
                  f"{statistics.median(f):>9.1f} {pct(f, .95):>7.1f} {pct(w, .95) / pct(f, .95):>8.1f}x")
        searcher.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
