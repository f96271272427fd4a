"""Comparison: the similarity threshold chosen on labelled pairs, and alignment cost.

    python benchmarks/bench_compare.py

1. Scores every hand-labelled sentence pair in tests/data/similar_pairs.json
   and prints precision/recall/F1 for candidate thresholds (the chosen one is
   compare.align.SIMILAR_THRESHOLD).
2. Times the alignment of two 5,000-word reports (built from BBC articles when
   ../shared/corpora is here, else from the seeds repeated). Target <= 100 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"


def labelled_scores():
    from taiwan_reader_index.articles.loader import load_article
    from taiwan_reader_index.compare.align import content_words, local_idf, similar_score
    from taiwan_reader_index.compare.sentences import sentences
    from taiwan_reader_index.entities.extract import EntityExtractor
    from taiwan_reader_index.locations import seeds_dir

    articles = {p.stem[:3]: load_article(p) for p in seeds_dir().glob("*.md")}
    extractor = EntityExtractor()
    ents = dict(zip(articles, extractor.entities(list(articles.values()))))
    sents = {k: sentences(a) for k, a in articles.items()}
    idf = local_idf(*[[content_words(s.text) for s in v] for v in sents.values()])
    data = json.loads((ROOT / "tests" / "data" / "similar_pairs.json").read_text())

    def find(key, prefix):
        return next(s for s in sents[key] if s.text.startswith(prefix))

    def info(key, sentence):
        names = {e.canonical for e in ents[key] if e.field and sentence.start <= e.start < sentence.end}
        import re
        return content_words(sentence.text), names, set(re.findall(r"\d+(?:[.,]\d+)*", sentence.text))

    out = []
    for ka, pa, kb, pb, label in data["pairs"]:
        wa, ea, na = info(ka, find(ka, pa))
        wb, eb, nb = info(kb, find(kb, pb))
        out.append((similar_score(wa, wb, ea, eb, na, nb, idf), label))
    return out


def main() -> int:
    from taiwan_reader_index.compare.align import SIMILAR_THRESHOLD, align

    scored = labelled_scores()
    print(f"labelled pairs: {len(scored)} ({sum(label for _, label in scored)} same fact)")
    print(f"{'threshold':>9} {'P':>6} {'R':>6} {'F1':>6}")
    for threshold in [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]:
        tp = sum(1 for s, label in scored if s >= threshold and label)
        fp = sum(1 for s, label in scored if s >= threshold and not label)
        fn = sum(1 for s, label in scored if s < threshold and label)
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f = 2 * p * r / (p + r) if p + r else 0
        mark = "  <- SIMILAR_THRESHOLD" if abs(threshold - SIMILAR_THRESHOLD) < 1e-9 else ""
        print(f"{threshold:9.2f} {p:6.2f} {r:6.2f} {f:6.2f}{mark}")

    from taiwan_reader_index.articles.loader import load_text

    texts = []
    archive = SHARED / "bbc-news.tar.gz"
    if archive.exists():
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.name.startswith("articles/") and member.isfile():
                    texts.append(tar.extractfile(member).read().decode("utf-8", "replace"))
                if len(texts) >= 60:
                    break
    else:
        from taiwan_reader_index.locations import seeds_dir
        texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.md"))] * 12

    def report(chunk):
        body, words = [], 0
        for text in chunk:
            body.append(text)
            words += len(text.split())
            if words >= 5000:
                break
        return load_text("\n\n".join(body)), words

    a, wa = report(texts[: len(texts) // 2])
    b, wb = report(texts[len(texts) // 2 :])
    from taiwan_reader_index.compare.sentences import americanize

    times = []
    for _ in range(7):
        americanize.cache_clear()  # every run pays for its own normalising
        start = time.perf_counter()
        result = align(a, b)
        times.append((time.perf_counter() - start) * 1000)
    print(f"\nalign {wa} + {wb} words: median {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms over 7 runs ({len(result.pairs)} pairs); target <= 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
