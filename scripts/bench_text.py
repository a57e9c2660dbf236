"""How the time to render one content text grows with its length, for the worst characters.

Usage: .venv/bin/python scripts/bench_text.py [LENGTH ...]

Each text goes through the `md` filter into a table cell and a heading, and Python-Markdown
converts it with the extensions the site uses. Time per 1,000 characters stays flat when the
cost is linear; before generator/pages/markdown_literal.py it doubled with every doubling.
"""

from __future__ import annotations

import sys
import time

import markdown

from generator.pages.render import markdown_text

EXTENSIONS = [
    "abbr",
    "generator.pages.markdown_literal",
    "generator.publishing.markdown_abbr",
    "attr_list",
    "def_list",
    "tables",
    "toc",
]
WORST = [".", "<", "&", "{", "*", "`", "IKM "]


def seconds(unit: str, length: int) -> float:
    text = markdown_text(unit * (length // len(unit)))
    source = f"| a |\n| --- |\n| {text} |\n\n## {text} {{ #x }}\n"
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"abbr": {"glossary": {"IKM": "Indeks"}}})
    start = time.perf_counter()
    md.convert(source)
    return time.perf_counter() - start


def main(lengths: list[int]) -> None:
    print("karakter  " + "".join(f"{length:>12,}" for length in lengths) + "   (ms per 1.000 karakter)")
    for unit in WORST:
        row = [1000 * seconds(unit, length) / (length / 1000) for length in lengths]
        print(f"{unit!r:<10}" + "".join(f"{value:>12.2f}" for value in row))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [25_000, 50_000, 100_000, 200_000])
