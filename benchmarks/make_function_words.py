"""Write the function words the page model reads
(``index/taiwan_reader_index/articles/function_words.txt``).

    python benchmarks/make_function_words.py

They are the 60 commonest words of each language pages are written in
(``page_model.LANGUAGES``), from wordfreq. Kept as a file so that reading an
article does not load wordfreq's frequency tables for ten languages (230 MB, in
the reader's process for good) to pick 483 words; and so the page model keeps the
words it was trained with whatever wordfreq release is installed. Deterministic.
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list

from taiwan_reader_index.articles.page_model import LANGUAGES

OUT = Path(__file__).resolve().parents[1] / "index" / "taiwan_reader_index" / "articles" / "function_words.txt"


def main() -> None:
    words = sorted({w for lang in LANGUAGES for w in top_n_list(lang, 60)})
    OUT.write_text("# the 60 commonest words of each of: " + " ".join(LANGUAGES)
                   + " (wordfreq; benchmarks/make_function_words.py)\n" + "\n".join(words) + "\n",
                   encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
