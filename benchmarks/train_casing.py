"""Build the word lists the entity layer uses to read ALL-CAPS text and sentence-initial
words (``index/taiwan_reader_index/entities/common_words.txt``), and to tell a surname
from a word (``index/taiwan_reader_index/entities/name_words.txt``).

    python benchmarks/train_casing.py

A word is common when, inside a sentence (not its first word nor a line's, not in
an all-capitals line), it is written in lower case at least half of the time and
was seen at least twice. A name word is one written in lower case there too, at
least twice, but capitalised more often: the head of many names ("college",
"palace", "county", "hotel"), a word all the same, so never a surname. Counted over
the BBC and Reuters corpora in ../shared/corpora (research-only: only the word list, a derived table, is
written; no text). The articles held out for the entity gold in
tests/data/news_entities_gold.json are left out. Deterministic: the same
corpora give the same file.
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "index" / "taiwan_reader_index" / "entities" / "common_words.txt"
NAME_WORDS = OUT.with_name("name_words.txt")
GOLD = ROOT / "tests" / "data" / "news_entities_gold.json"
MIN_SEEN = 2
MIN_LOWER_SHARE = 0.5
MIN_LOWER_SEEN = 2  # a name word's uses in lower case

_WORD = re.compile(r"[A-Za-z][a-z]*(?:['’-][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def held_out() -> set[str]:
    if not GOLD.exists():
        return set()
    return {item["source"] for item in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]}


def texts(skip: set[str]):
    for corpus in ("bbc-news", "reuters21578"):
        archive = SHARED / f"{corpus}.tar.gz"
        if not archive.exists():
            print(f"skipped: {archive} is not here")
            continue
        with tarfile.open(archive) as tar:
            for member in tar:  # archive order: a gzip stream cannot seek back cheaply
                if not member.isfile() or f"{corpus}/{Path(member.name).name}" in skip:
                    continue
                data = tar.extractfile(member)
                if data is not None:
                    yield data.read().decode("utf-8", "replace")


def count(lines, lower: Counter, upper: Counter) -> None:
    for line in lines:
        letters = [c for c in line if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
            continue  # headlines and datelines in capitals say nothing about case
        for match in _WORD.finditer(line):
            word = match.group()
            # a line's first word, indented or not, opens a sentence or a table row
            # ("    Net 1.2 mln vs 1.3 mln" in wire copy's results tables)
            if not line[:match.start()].strip() \
                    or _SENTENCE_END.search(line[max(0, match.start() - 4):match.start()]):
                continue
            key = word.casefold()
            if word[0].islower():
                lower[key] += 1
            elif not word.isupper() or len(word) == 1:
                upper[key] += 1


def main() -> int:
    lower: Counter = Counter()
    upper: Counter = Counter()
    n = 0
    for text in texts(held_out()):
        count(text.splitlines()[1:], lower, upper)  # line 1 is the title
        n += 1
    if not n:
        return 0
    common = sorted(w for w, c in lower.items()
                    if c + upper[w] >= MIN_SEEN and c / (c + upper[w]) >= MIN_LOWER_SHARE)
    OUT.write_text("# words written in lower case inside sentences (benchmarks/train_casing.py)\n"
                   + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{n} articles; {len(common)} common words -> {OUT.relative_to(ROOT)} "
          f"({OUT.stat().st_size // 1024} KB)")
    named = sorted(w for w, c in lower.items()
                   if c >= MIN_LOWER_SEEN and c / (c + upper[w]) < MIN_LOWER_SHARE)
    NAME_WORDS.write_text("# words written in lower case at times but capitalised more often "
                          "(benchmarks/train_casing.py)\n" + "\n".join(named) + "\n",
                          encoding="utf-8")
    print(f"{len(named)} name words -> {NAME_WORDS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
