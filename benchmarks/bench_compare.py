"""Comparison: the judgement on the hand-labelled seed pairs, and the alignment's cost.

    python benchmarks/bench_compare.py

1. Judges every hand-labelled seed sentence pair in tests/data/similar_pairs.json
   and prints how many the aligner shows as the same fact, as a possible match,
   or not at all (the judgement itself is trained and scored on MSRP by
   train_judge.py).
2. Times the alignment of two 5,000-word reports built from BBC articles
   (../shared/corpora when it is here, else the seeds repeated): unrelated
   reports, two reports with the same sentences in another order (wire copy
   reused: each sentence is paired with its twin without judging the rest), the
   same sentences each with one word changed (each is paired with its near twin,
   again without judging the rest), the same with six small words changed (the same
   content words: near twins again), and the worst case, the same sentences each with
   those small words changed and their two longest words dropped, where every near
   pair is judged. Target: <= 50 ms median.
3. Times the compare screen of the edited pair, from its making to its first frame.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_index import SHARED, first_articles

ROOT = Path(__file__).resolve().parents[1]


def labelled() -> None:
    from taiwan_reader_index.compare.align import align
    from taiwan_reader_index.library import Library

    library = Library.open()
    articles = {p.stem[:3]: library.article(str(p)) for p in sorted(library.corpus.glob("*.md"))}
    data = json.loads((ROOT / "tests" / "data" / "similar_pairs.json").read_text())
    shown: dict[str, list[int]] = {"same fact": [0, 0], "possible": [0, 0], "not shown": [0, 0]}
    alignments = {}
    within = 0
    for ka, pa, kb, pb, label in data["pairs"]:
        if ka == kb:  # two sentences of one report: a comparison pairs each with itself
            within += 1
            continue
        result = alignments.setdefault((ka, kb), align(articles[ka], articles[kb]))

        def hit(pairs, pa=pa, pb=pb):
            return any(p.a.text.startswith(pa) and p.b.text.startswith(pb) for p in pairs)

        where = ("same fact" if hit(result.pairs) else "possible" if hit(result.possible)
                 else "not shown")
        shown[where][label] += 1
    print(f"labelled seed pairs: {len(data['pairs']) - within} across two reports (a person's "
          f"verdict: same fact or not; {within} within one report left out)")
    print(f"{'shown as':>10} {'same':>5} {'different':>9}")
    for where, (different, same) in shown.items():
        print(f"{where:>10} {same:5} {different:9}")


def _drop_longest(paragraph: str) -> str:
    """The paragraph with the two longest words of each sentence of over six words dropped."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        words = sentence.split(" ")
        longest = set(sorted(range(len(words)), key=lambda k: -len(words[k]))[:2]) \
            if len(words) > 6 else set()
        out.append(" ".join(w for k, w in enumerate(words) if k not in longest))
    return " ".join(out)


def main() -> int:
    from taiwan_reader_index.compare.align import align

    labelled()
    from taiwan_reader_index.articles.loader import load_text

    if (SHARED / "bbc-news.tar.gz").exists():
        texts = first_articles("bbc-news", 60)
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
    shuffled = load_text("\n\n".join(reversed(a.source.split("\n\n"))))  # A's paragraphs
    # the same again with every "the" changed: no sentence is carried word for word; one
    # with a single "the" is a near twin, paired without judging its neighbours
    edited = load_text(re.sub(r"\bthe\b", "this", shuffled.source))
    # and with six small words changed: the same content words, so near twins again
    edited_twice = load_text(re.sub(r"\b(?:the|a|of|in|to|and)\b", lambda m: {
        "the": "this", "a": "one", "of": "about", "in": "within", "to": "toward",
        "and": "plus"}[m.group()], shuffled.source))
    # and with each sentence's two longest words dropped as well: no sentence is a near
    # twin, so every near pair is judged in full (the worst case)
    rewritten = load_text("\n\n".join(_drop_longest(p) for p in edited_twice.source.split("\n\n")))
    from taiwan_reader_index.compare import features, judgement

    features.side("warm up")  # word frequencies and the model load once per process
    judgement.model()
    for name, other in (("unrelated", b), ("same sentences, other order", shuffled),
                        ("same sentences edited, other order", edited),
                        ("same sentences, small words changed, other order", edited_twice),
                        ("same sentences, small words changed and two words dropped, other order",
                         rewritten)):
        times = []
        for _ in range(7):
            start = time.perf_counter()
            result = align(a, other)
            times.append((time.perf_counter() - start) * 1000)
        print(f"align {wa} + {wb} words, {name}: median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms over 7 runs ({len(result.pairs)} pairs, "
              f"{len(result.possible)} possible); target <= 50 ms")
    screen(a, edited)
    return 0


def screen(a, b) -> None:
    """3. The compare screen of two reports, in a headless terminal of 140 x 40, as the
    reader makes it: first in its worker (the rows' reasons and evidence, their texts
    wrapped), then on the screen's thread, from pushing it to its first full frame."""
    import asyncio

    from textual.app import App

    from taiwan_reader_index.compare.report import compare
    from taiwan_reader_tui.screens.compare import CompareScreen
    from taiwan_reader_tui.widgets.aligned_rows import AlignedRows

    comparison = compare(a, b)

    async def shown() -> list[tuple[float, float]]:
        times = []
        async with App().run_test(size=(140, 40)) as pilot:
            app = pilot.app
            for _ in range(3):
                start = time.perf_counter()
                view = CompareScreen(comparison, Path("."), wrap_for=(app.console, app.size.width))
                made = time.perf_counter()
                await app.push_screen(view)
                while not view.query(AlignedRows) or not view.query_one(AlignedRows).virtual_size.height:
                    await pilot.pause(0.001)
                await pilot.pause()  # its first frame drawn
                times.append(((made - start) * 1000, (time.perf_counter() - made) * 1000))
                app.pop_screen()
                await pilot.pause(0.1)
        return times

    times = asyncio.run(shown())
    print(f"compare screen, {len(comparison.alignment.rows())} rows (same sentences edited): made "
          f"(in the reader's worker) in {' / '.join(f'{m:.0f}' for m, _ in times)} ms, then "
          f"shown in {' / '.join(f'{s:.0f}' for _, s in times)} ms")


if __name__ == "__main__":
    sys.exit(main())
