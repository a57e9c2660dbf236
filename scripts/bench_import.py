"""Time `iku import`'s reader on each seed text: milliseconds per document (best of several runs)."""

from __future__ import annotations

import time
from pathlib import Path

from generator.importing.catalogue_match import load_catalogues
from generator.importing.draft import draft_yaml, import_text

ROOT = Path(__file__).resolve().parent.parent
RUNS = 20


def main() -> None:
    catalogues = load_catalogues(ROOT / "content")
    for seed in sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        best = float("inf")
        for _ in range(RUNS):
            start = time.perf_counter()
            draft_yaml(import_text(text, seed.name, catalogues))
            best = min(best, time.perf_counter() - start)
        print(f"{seed.name}: {len(text.splitlines()):4d} baris, {best * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
