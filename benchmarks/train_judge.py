"""Train the sentence-pair judgement (compare/judge_model.json) on MSRP, and score it.

    python benchmarks/train_judge.py            # cross-validate, train, write the model
    python benchmarks/train_judge.py --check    # score the shipped model, write nothing

Reads the Microsoft Research Paraphrase Corpus from ../shared/corpora/msrp.tar.gz,
and the BBC articles from bbc-news.tar.gz there (research use only: read from
there, never copied into the project).

1. The features of every pair (compare/features.py).
2. Five-fold cross-validation on MSRP *train* only (fixed seed): ROC-AUC, and
   accuracy and F1 at the threshold that maximises accuracy on the
   out-of-fold predictions; that threshold is shipped.
3. A logistic regression fitted on all of train, written as JSON.
4. MSRP *test*, scored once, beside always-"paraphrase", TF-IDF cosine (its
   threshold chosen on train) and the judgement's own time.
5. What MSRP cannot show: its pairs were chosen for sharing many words, while the
   aligner judges every pair of two reports' sentences that shares some of its
   information. So the pairs it would judge between reports of *different stories*
   (five BBC articles beside the next five of the same category; two articles that
   carry a sentence nearly word for word tell one story and are left out) are
   judged, and the share called the same fact, or a possible match, is printed.
   (Training on such pairs as negatives cut that share but lost nearly every
   paraphrase in the hand-labelled seed pairs, whose reports share one story.)
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora" / "msrp.tar.gz"
BBC = SHARED.with_name("bbc-news.tar.gz")
STORIES = 5  # BBC articles in each of two reports of different stories
MODEL = ROOT / "index" / "taiwan_reader_index" / "compare" / "judge_model.json"
SEED = 0
C = 1.0  # inverse regularisation strength; 0.1-10 gave the same CV scores within 0.003


def load_msrp() -> dict[str, list[tuple[int, str, str]]]:
    splits: dict[str, list[tuple[int, str, str]]] = {}
    with tarfile.open(SHARED) as tar:
        for member in tar.getmembers():
            name = Path(member.name).stem
            if name not in ("train", "test"):
                continue
            raw = tar.extractfile(member)
            assert raw is not None
            reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8-sig"), delimiter="\t",
                                quoting=csv.QUOTE_NONE)
            next(reader)
            splits[name] = [(int(row[0]), row[3], row[4]) for row in reader]
    return splits


def bbc_categories() -> dict[str, list[str]]:
    """The BBC articles' texts by category, in the order of their numbers."""
    with tarfile.open(BBC) as tar:
        texts: dict[str, str] = {}
        category: dict[str, str] = {}
        for member in tar:
            raw = tar.extractfile(member) if member.isfile() else None
            if raw is None:
                continue
            if member.name == "manifest.tsv":
                rows = csv.reader(io.TextIOWrapper(raw, encoding="utf-8"), delimiter="\t")
                category.update((row[0], row[1]) for row in rows)
            elif member.name.startswith("articles/"):
                texts[Path(member.name).stem] = raw.read().decode("utf-8", "replace")
    found: dict[str, list[str]] = {}
    for number in sorted(texts):
        found.setdefault(category[number], []).append(texts[number])
    return found


def different_stories(texts: list[str]) -> list[list[tuple]]:
    """For each two reports made of STORIES articles and the next STORIES, the pairs of
    their sentences the aligner would judge, as (Side, Side). Two articles that carry
    a sentence nearly word for word tell one story: their pairs are left out."""
    from rapidfuzz import fuzz

    from taiwan_reader_index.articles.loader import load_text
    from taiwan_reader_index.compare.align import _near
    from taiwan_reader_index.compare.features import in_context, side
    from taiwan_reader_index.compare.judgement import too_few_shared
    from taiwan_reader_index.compare.sentences import sentences

    reports = []
    for start in range(0, len(texts) - 2 * STORIES + 1, 2 * STORIES):
        parts = [sentences(load_text(t)) for t in texts[start:start + 2 * STORIES]]
        a = [(n, s) for n, part in enumerate(parts[:STORIES]) for s in part]
        b = [(n, s) for n, part in enumerate(parts[STORIES:]) for s in part]
        sides = in_context([side(s.text) for _, s in [*a, *b]])
        sides_a, sides_b = sides[:len(a)], sides[len(a):]
        judged = [(i, j) for i, j in _near(sides_a, sides_b)
                  if not too_few_shared(sides_a[i], sides_b[j])]
        one_story = {(a[i][0], b[j][0]) for i, j in judged
                     if fuzz.ratio(sides_a[i].joined, sides_b[j].joined) >= 80}
        reports.append([(sides_a[i], sides_b[j]) for i, j in judged
                        if (a[i][0], b[j][0]) not in one_story])
    return reports


def matrix(pairs):
    import numpy as np

    from taiwan_reader_index.compare.features import features, side

    return np.array([features(side(a), side(b)) for _, a, b in pairs])


def scores(y, p, threshold):
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    return roc_auc_score(y, p), accuracy_score(y, p >= threshold), f1_score(y, p >= threshold)


def best_threshold(y, p) -> float:
    """The threshold that judges most pairs right (the highest of equals): F1 would pull it
    down, towards calling more pairs the same fact, and a pair shown as the same fact when
    it is not misleads more than one left unpaired."""
    import numpy as np
    from sklearn.metrics import accuracy_score

    grid = np.round(np.arange(0.30, 0.71, 0.01), 2)
    return float(max(grid, key=lambda t: (round(accuracy_score(y, p >= t), 6), t)))


def tfidf_baseline(train, test):
    """Cosine of TF-IDF vectors (fitted on train's sentences), threshold chosen on train."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer().fit([s for _, a, b in train for s in (a, b)])

    def cosines(pairs):
        va = vectorizer.transform([a for _, a, _ in pairs])
        vb = vectorizer.transform([b for _, _, b in pairs])
        return np.asarray(va.multiply(vb).sum(axis=1)).ravel()

    y_train = np.array([y for y, _, _ in train])
    threshold = best_threshold(y_train, cosines(train))
    return cosines(test), threshold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score the shipped model only")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here")
        return 0
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from taiwan_reader_index.compare.features import NAMES
    from taiwan_reader_index.learned import to_json

    data = load_msrp()
    train, test = data["train"], data["test"]
    y_train = np.array([y for y, _, _ in train])
    y_test = np.array([y for y, _, _ in test])
    x_train = matrix(train)
    rows = []
    if not args.check:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000))
        folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
        out_of_fold = cross_val_predict(model, x_train, y_train, cv=folds,
                                        method="predict_proba")[:, 1]
        threshold = best_threshold(y_train, out_of_fold)
        rows.append(("judge, MSRP train 5-fold CV", *scores(y_train, out_of_fold, threshold)))
        model.fit(x_train, y_train)
        scaler, regression = model[0], model[1]
        MODEL.write_text(to_json(
            "Sentence-pair judgement: logistic regression over compare/features.py, trained on "
            "MSRP train by benchmarks/train_judge.py", NAMES, scaler, regression, SEED, C=C,
            threshold=threshold), encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)} (threshold {threshold:.2f})")
    from taiwan_reader_index.compare import judgement

    judgement.model.cache_clear()
    started = time.perf_counter()
    found = [judgement.judge(a, b) for _, a, b in test]  # kind None: not the same fact
    seconds = time.perf_counter() - started
    shipped = judgement.model()
    p_test = np.array([j.score for j in found])
    said = np.array([j.kind is not None for j in found])
    auc = scores(y_test, p_test, shipped.settings["threshold"])[0]
    rows.append(("judge, MSRP test (scored once)", auc, *scores(y_test, said, 0.5)[1:]))
    cosine, cos_threshold = tfidf_baseline(train, test)
    rows.append((f"TF-IDF cosine, test (threshold {cos_threshold:.2f} from train)",
                 *scores(y_test, cosine, cos_threshold)))
    rows.append(("always 'paraphrase', test", 0.5, *scores(y_test, np.ones(len(test)), 0.5)[1:]))
    print(f"\n| {'system':<50} | ROC-AUC | accuracy | F1 |\n|{'-' * 52}|---|---|---|")
    for name, auc, acc, f1 in rows:
        print(f"| {name:<50} | {auc:.3f} | {acc:.3f} | {f1:.3f} |")
    kinds = {k: sum(1 for j in found if j.kind == k) for k in ("quote", "same", "similar", None)}
    print(f"\njudged {len(test)} test pairs in {seconds:.2f} s; kinds: {kinds}")
    if BBC.exists():
        apart()
    return 0


def apart() -> None:
    """How often the judgement pairs sentences of different stories (step 5)."""
    from taiwan_reader_index.compare import judgement
    from taiwan_reader_index.compare.align import POSSIBLE

    pairs = [pair for texts in bbc_categories().values()
             for report in different_stories(texts) for pair in report]
    verdicts = [judgement.judge_sides(a, b) for a, b in pairs]
    same = sum(1 for v in verdicts if v.kind is not None)
    possible = sum(1 for v in verdicts if v.kind is None and v.score >= POSSIBLE)
    print(f"\nsentence pairs the aligner judges between different stories (BBC, {STORIES} "
          f"articles beside {STORIES} of one category): {len(pairs)}; judged the same fact "
          f"{same} ({same / len(pairs):.1%}), a possible match {possible} "
          f"({possible / len(pairs):.1%})")


if __name__ == "__main__":
    sys.exit(main())
