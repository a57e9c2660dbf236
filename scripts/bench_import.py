"""How long ``iku import`` takes per document: the five seed texts, each read and drafted N times.

Usage: .venv/bin/python scripts/bench_import.py [--kali N] [--content FOLDER] [SEED_FOLDER]

Times, in one process, what ``iku import`` does for each file except writing it: reading the
file (``read_source``), the reader (``import_text``) and the draft's YAML (``draft_yaml``).
Prints milliseconds per document (median and slowest of N) for each seed, the mean over all,
and the one-off cost of loading the catalogues. The seeds are tests/fixtures/seeds/ when the
default, or the folder given.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from generator.importing.catalogue_match import Catalogues, load_catalogues
from generator.importing.draft import draft_yaml, import_text
from generator.importing.extract import SUFFIXES, read_source

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "fixtures" / "seeds"


def milliseconds(path: Path, catalogues: Catalogues) -> float:
    start = time.perf_counter()
    extracted = read_source(path)
    draft_yaml(import_text(extracted.text, path.name, catalogues))
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=None)
    parser.add_argument("--kali", type=int, default=20, help="times each seed is imported")
    parser.add_argument("--content", type=Path, default=REPO / "content")
    args = parser.parse_args()
    folder = args.seeds or SEEDS
    seeds = sorted(path for path in folder.iterdir() if path.suffix.lower() in SUFFIXES)
    start = time.perf_counter()
    catalogues = load_catalogues(args.content)
    print(f"katalog dimuat sekali: {(time.perf_counter() - start) * 1000:.1f} ms")
    everything = []
    print(f"{'berkas':<32} {'baris':>6} {'median ms':>10} {'terlama ms':>11}")
    for seed in seeds:
        times = [milliseconds(seed, catalogues) for _ in range(args.kali)]
        everything += times
        lines = read_source(seed).text.count("\n")
        print(f"{seed.name:<32} {lines:>6} {statistics.median(times):>10.1f} {max(times):>11.1f}")
    print(f"rata-rata per dokumen: {statistics.mean(everything):.1f} ms ({len(seeds)} dokumen × {args.kali} kali)")


if __name__ == "__main__":
    main()
