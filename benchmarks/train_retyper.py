"""Train the entity layer's learned retyper (entities/retype_model.json) on CoNLL-2003.

    python benchmarks/train_retyper.py            # train, choose the threshold, write
    python benchmarks/train_retyper.py --check    # score the shipped model, write nothing

Reads ../shared/corpora/conll2003.tar.gz (research use only: read from there,
never copied into the project).

1. Every CoNLL document goes through the same path as ``taiwan-reader entities -``
   (one sentence per paragraph), with every step of the entity layer except the
   retyper itself.
2. Each found person, organisation or place whose span is exactly a gold entity
   is one example: its features (entities/retype.py) and the gold kind (PER, ORG,
   LOC or MISC). Spans that are not gold entities teach nothing about kinds.
3. A multinomial logistic regression (scikit-learn, fixed seed) is fitted on
   eng.train; features seen fewer than MIN_COUNT times are dropped.
4. The confidence threshold is chosen on eng.testa (the development split), names
   decided as the reader decides them (all mentions of a name in a document
   together): the one with the most mentions typed right less WRONG_COST times those
   typed wrong (a wrong type shown with confidence misleads; a missed fix only
   leaves the model's answer).
5. eng.testb is only scored (run bench_ner.py for the full table).
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora" / "conll2003.tar.gz"
MODEL = ROOT / "index" / "taiwan_reader_index" / "entities" / "retype_model.json"
SEED = 0
MIN_COUNT = 2
C = 0.5  # inverse regularisation strength (chosen on eng.testa among 0.1, 0.5, 2)
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]
WRONG_COST = 5
PRUNE = 0.05  # weights below this in every class are dropped (they move no decision)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ner import gold_spans, sentences  # noqa: E402


def documents(split: str) -> list[list[list[tuple[str, str]]]]:
    with tarfile.open(SHARED) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(split))
        raw = tar.extractfile(member)
        assert raw is not None
        text = raw.read().decode("utf-8")
    return [d for d in (sentences(part) for part in text.split("-DOCSTART-")[1:]) if d]


def examples(split: str) -> list[list[tuple[str, list[str], str | None]]]:
    """Per document: (name key, features, gold kind or None) of each found person,
    organisation or place (None: its span is not a gold entity), datelines left out (the
    retyper leaves them alone)."""
    from taiwan_reader_index.articles.loader import load_text
    from taiwan_reader_index.entities.cache import MentionCache
    from taiwan_reader_index.entities.consistency import dateline_places
    from taiwan_reader_index.entities.extract import EntityExtractor, text_regions
    from taiwan_reader_index.entities.mention import Mention
    from taiwan_reader_index.entities.recognizer import load_recognizer
    from taiwan_reader_index.entities.retype import KIND_OF, _key, features, name_features

    docs = documents(split)
    articles = [load_text("\n\n".join(" ".join(w for w, _ in s) for s in doc), title_line=False)
                for doc in docs]
    with tempfile.TemporaryDirectory() as tmp:
        extractor = EntityExtractor(replace(load_recognizer(), retype=False),
                                    MentionCache(Path(tmp) / "cache.sqlite"))
        found = extractor.entities(articles)
        extractor.cache.close()
    out = []
    for doc, article, entities in zip(docs, articles, found):
        source = article.source
        gold: dict[tuple[int, int], str] = {}
        offset = 0
        for tokens in doc:
            starts, position = [], offset
            for word, _ in tokens:
                starts.append(position)
                position += len(word) + 1
            for s, e, label in gold_spans(tokens):
                gold[(starts[s], starts[e - 1] + len(tokens[e - 1][0]))] = label
            offset = position - 1 + 2
        rows = []
        fixed = {_key(source[m.start:m.end]) for m in dateline_places(source, text_regions(article))}
        mentions = [Mention(e.start, e.end, e.label) for e in entities]
        article_names = name_features(source, mentions)
        for mention in mentions:
            key = _key(source[mention.start:mention.end])
            if mention.label not in KIND_OF or key in fixed:
                continue
            rows.append((key, features(source, mention, article_names.get(key, ())),
                         gold.get((mention.start, mention.end))))
        out.append(rows)
    return out


def fit(train):
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for doc in train for _, feats, kind in doc if kind for f in set(feats))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    rows, cols, labels = [], [], []
    for doc in train:
        for _, feats, kind in doc:
            if kind is None:
                continue
            for j in sorted({vocabulary[f] for f in feats if f in vocabulary}):
                rows.append(len(labels))
                cols.append(j)
            labels.append(kind)
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(labels), len(vocabulary)))
    regression = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    regression.fit(x, labels)
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    weights = {}
    for name, column in zip(names, regression.coef_.T):
        if max(abs(float(v)) for v in column) >= PRUNE:
            weights[name] = [round(float(v), 3) for v in column]
    return {"classes": [str(c) for c in regression.classes_],
            "intercept": [round(float(v), 4) for v in regression.intercept_],
            "weights": weights}, len(labels)


def decisions(data, docs):
    """Per name in each document: (mention golds, current kind, best kind, confidence),
    decided as the reader decides (``retype.verdict``)."""
    from taiwan_reader_index.entities.retype import KIND_OF, probabilities, verdict

    out = []
    for doc in docs:
        views: dict[str, list[list[float]]] = defaultdict(list)
        golds: dict[str, list[str | None]] = defaultdict(list)
        current: dict[str, str] = {}
        for key, feats, kind in doc:
            views[key].append(probabilities(feats, data))
            golds[key].append(kind)
            label = next(f for f in feats if f.startswith("label="))[6:]
            current.setdefault(key, KIND_OF[label])
        for key, seen in views.items():
            out.append((golds[key], current[key], *verdict(seen, data["classes"])))
    return out


def gain(decided, threshold: float) -> tuple[int, int]:
    """(mentions made right, mentions made wrong) at this threshold."""
    from taiwan_reader_index.entities.retype import changes

    fixed = broken = 0
    for golds, current, best, confidence in decided:
        if changes(current, best, confidence, threshold):
            fixed += sum(1 for g in golds if g == best)
            broken += sum(1 for g in golds if g == current)
    return fixed, broken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score the shipped model only")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here")
        return 0
    dev = examples("eng.testa")
    test = examples("eng.testb")
    if args.check:
        data = json.loads(MODEL.read_text(encoding="utf-8"))
    else:
        train = examples("eng.train")
        data, count = fit(train)
        print(f"eng.train: {count} examples, {len(data['weights'])} features kept")
        decided = decisions(data, dev)
        print(f"{'threshold':>9} {'fixed':>6} {'broken':>6} {'net':>5}   (eng.testa mentions)")
        best = None
        for threshold in THRESHOLDS:
            fixed, broken = gain(decided, threshold)
            print(f"{threshold:9.2f} {fixed:6} {broken:6} {fixed - broken:5}")
            if best is None or fixed - WRONG_COST * broken > best[0]:
                best = (fixed - WRONG_COST * broken, threshold)
        assert best is not None
        data = {"about": "Entity kinds (PER/ORG/LOC/MISC): multinomial logistic regression over "
                         "entities/retype.py's features, trained on CoNLL-2003 eng.train by "
                         "benchmarks/train_retyper.py; threshold chosen on eng.testa",
                "version": 1, "seed": SEED, "C": C, "threshold": best[1], **data}
        MODEL.write_text(json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n",
                         encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)} (threshold {best[1]})")
    for name, docs in (("eng.testa", dev), ("eng.testb", test)):
        fixed, broken = gain(decisions(data, docs), float(data["threshold"]))
        print(f"{name}: {fixed} mentions typed right, {broken} typed wrong by the retyper")
    return 0


if __name__ == "__main__":
    sys.exit(main())
