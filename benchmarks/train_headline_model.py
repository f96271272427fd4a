"""Train the headline model (articles/headline_model.json) on the dev pages, and score the
titles the reader gives them.

    python benchmarks/train_headline_model.py          # cross-validate, train, write the model
    python benchmarks/train_headline_model.py --check  # score the shipped model only

Reads ../shared/corpora/page-junk-dev.tar.gz (91 real pages: the whole page as plain text
and the saved HTML; tests and benchmarks only, never copied into the project). A page's
headline is what its HTML names it: the og:title or twitter:title, the <h1>, or the
<title> (each also without a " | Site" or " - Site" end); a title is right when it is
one of them (85% alike, or one holds the other when both are 20 characters or more).

Each candidate line above a page's story (articles/headline.py) is an example, right
or not. Five-fold cross-validation grouped by page (fixed seed); the threshold is
chosen on the out-of-fold scores for the most pages titled right, a page with no
line above it falling back to the reader's other rules. The table gives the share of
pages titled right: the reader before the model, cross-validated, and the shipped
model (on the pages it was trained on: an upper bound).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz

from train_page_model import ARCHIVE, load_pages

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "index" / "taiwan_reader_index" / "articles" / "headline_model.json"
SEED = 0
C = 0.1  # 0.1-10 within two pages of each other in CV (three fold seeds); the most regular
_TAG = re.compile(r"<[^>]+>")
_HEADS = (
    r'<meta[^>]+(?:property|name)=["\'](?:og:title|twitter:title)["\'][^>]+content="([^"]+)"',
    r"<meta[^>]+(?:property|name)=[\"'](?:og:title|twitter:title)[\"'][^>]+content='([^']+)'",
    r'<meta[^>]+content="([^"]+)"[^>]+(?:property|name)=["\'](?:og:title|twitter:title)["\']',
    r"<h1[^>]*>(.*?)</h1>", r"<title[^>]*>(.*?)</title>",
)


def page_titles(page_html: str) -> list[str]:
    """What a page's HTML names it, with and without the site's name after a separator."""
    found = []
    for pattern in _HEADS:
        for match in re.finditer(pattern, page_html, re.S | re.I):
            title = re.sub(r"\s+", " ", html.unescape(_TAG.sub("", match.group(1)))).strip()
            found.append(title)
            for separator in (" | ", " - ", " – ", " — ", " :: "):
                if separator in title:
                    found += [title.rsplit(separator, 1)[0].strip(), title.split(separator, 1)[0].strip()]
    return [t for t in found if len(t) >= 8]


def is_right(title: str, titles: list[str]) -> bool:
    mine = title.casefold().strip(" *+")
    for other in (t.casefold() for t in titles):
        if fuzz.ratio(mine, other) >= 85 or (
                len(mine) >= 20 and len(other) >= 20 and (mine in other or other in mine)):
            return True
    return False


def examples(pages):
    """Per page: (its candidate rows, their labels, the candidates' texts, the page's titles,
    the reader's title without the model)."""
    from taiwan_reader_index.articles import headline
    from taiwan_reader_index.articles.blocks import split_blocks
    from taiwan_reader_index.articles.junk import classify_page
    from taiwan_reader_index.articles.loader import _title

    out = []
    for _, text, page_html, _ in pages:
        titles = page_titles(page_html)
        blocks = classify_page(split_blocks(text))[0]
        fallback = _title("", blocks, True, use_model=False)[0]
        start = headline.story_start(blocks)
        chosen = headline.candidates(blocks, start) if start is not None else []
        rows = headline.features(blocks, start, chosen) if chosen else []
        texts = [headline.text_of(blocks[i]) for i in chosen]
        out.append((rows, [is_right(t, titles) for t in texts], texts, titles, fallback))
    return out


def titled_right(data, scores, threshold: float) -> int:
    right = 0
    for (rows, _, texts, titles, fallback), page_scores in zip(data, scores):
        best = max(range(len(rows)), key=lambda k: (page_scores[k], k)) if rows else None
        title = texts[best] if best is not None and page_scores[best] >= threshold else fallback
        right += is_right(title, titles)
    return right


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score the shipped model only")
    args = parser.parse_args()
    if not ARCHIVE.exists():
        print(f"skipped: {ARCHIVE} is not here")
        return 0
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from taiwan_reader_index.articles import headline
    from taiwan_reader_index.learned import to_json

    data = examples(load_pages())
    pages = len(data)
    before = sum(is_right(fallback, titles) for _, _, _, titles, fallback in data)
    x = np.array([row for rows, *_ in data for row in rows])
    y = np.array([label for _, labels, *_ in data for label in labels])
    groups = np.array([n for n, (rows, *_) in enumerate(data) for _ in rows])
    print(f"{pages} pages, {len(y)} candidate lines, {int(y.sum())} of them a page's headline; "
          f"{sum(any(labels) for _, labels, *_ in data)} pages have their headline among them")
    print(f"{'titles right':<44} {'pages':>6}")
    print(f"{'the reader without the model':<44} {before:>3}/{pages}")
    if not args.check:
        oof = np.zeros(len(y))
        order = np.random.RandomState(SEED).permutation(pages)  # five folds of whole pages
        fold_of = {int(page): k % 5 for k, page in enumerate(order)}
        folds = np.array([fold_of[int(g)] for g in groups])
        for fold in range(5):
            model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000))
            model.fit(x[folds != fold], y[folds != fold])
            oof[folds == fold] = model.predict_proba(x[folds == fold])[:, 1]
        by_page, at = [], 0
        for rows, *_ in data:
            by_page.append(list(oof[at:at + len(rows)]))
            at += len(rows)
        grid = [round(t, 2) for t in np.arange(0.05, 0.91, 0.05)]
        threshold = max(grid, key=lambda t: (titled_right(data, by_page, t), -t))
        print(f"{'model, 5-fold CV by page (threshold ' + str(threshold) + ')':<44} "
              f"{titled_right(data, by_page, threshold):>3}/{pages}")
        model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000)).fit(x, y)
        MODEL.write_text(to_json(
            "Headline of a copied web page: logistic regression over articles/headline.py, "
            "trained on the page-junk dev pages by benchmarks/train_headline_model.py",
            headline.NAMES, model[0], model[1], SEED, C=C, threshold=threshold), encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")
    headline.model.cache_clear()
    shipped = headline.model()
    scores = [[shipped.probability(row) for row in rows] for rows, *_ in data]
    print(f"{'shipped model (trained on these pages)':<44} "
          f"{titled_right(data, scores, shipped.settings['threshold']):>3}/{pages}")
    corpus_titles()
    return 0


def corpus_titles() -> None:
    """What the model must not break: BBC and Reuters files (title on line 1) titled as
    their manifests name them (a BBC headline line the page model sets aside is found
    again by it)."""
    import csv
    import io
    import tarfile

    from taiwan_reader_index.articles.loader import load_text

    for name, column in (("bbc-news", "title"), ("reuters21578", "title")):
        archive = ARCHIVE.with_name(f"{name}.tar.gz")
        if not archive.exists():
            continue
        titles, texts = {}, {}
        with tarfile.open(archive) as tar:
            for member in tar:
                raw = tar.extractfile(member) if member.isfile() else None
                if raw is None:
                    continue
                if member.name == "manifest.tsv":
                    rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"), delimiter="\t")
                    titles = {(row.get("id") or row.get("newid") or ""): row[column] for row in rows}
                elif member.name.startswith("articles/"):
                    texts[Path(member.name).stem] = raw.read().decode("utf-8", "replace")
        right = sum(load_text(text, key).title.strip() == titles.get(key, "").strip()
                    for key, text in texts.items())
        print(f"{name + ' titled as its manifest names them':<44} {right}/{len(texts)}")


if __name__ == "__main__":
    sys.exit(main())
