"""Milliseconds per formula for a run's formulas, cold (empty cache) and warm (cache filled).

Usage: .venv/bin/python scripts/bench_formulas.py [COUNT ...]      (default: 2000 20000)

A run is what a build does: every distinct formula sent to KaTeX in batches
(`render_formulas`), then each formula asked for twice, by the check and by the page
(`render_formula`). The formulas are distinct and shaped like the documents' own:
``\\frac{\\text{…}}{\\text{…}} \\times 100\\%``. Cold starts with an empty project cache,
warm with the cache the cold run filled and nothing in the process's memory; the cache
lives in a temporary folder beside it, so the project's own is left alone. The KaTeX
process is started before timing (about 0.1 s, once per build).

Wall time depends on what else the machine runs; CPU time (this process and the KaTeX
process together, read from /proc) much less, so both are printed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from generator.content import formulas
from generator.content.formula_cache import DATABASE


def synthetic(count: int) -> list[str]:
    """``count`` distinct formulas shaped like the seeds' (a ratio of two counts, in percent)."""
    return [
        rf"\frac{{\text{{Jumlah desa yang menyusun dokumen perencanaan {index} tepat waktu}}}}"
        rf"{{\text{{Jumlah seluruh desa di wilayah {index % 97}}}}} \times 100\%"
        for index in range(count)
    ]


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and the KaTeX worker."""
    worker = formulas._worker().process.pid
    fields = Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()
    return time.process_time() + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(latexes: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds for one run: the batch, then the check's and the page's look-ups."""
    formulas.forget_renderings()
    start, cpu = time.perf_counter(), cpu_seconds()
    formulas.render_formulas(latexes)
    for _ in ("check", "page"):
        for latex in latexes:
            formulas.render_formula(latex)
    return time.perf_counter() - start, cpu_seconds() - cpu


def main(counts: list[int]) -> None:
    formulas.render_formula(r"\text{KaTeX siap}")
    print("ms per rumus: dinding (CPU)")
    print(f"{'rumus':>8} {'dingin':>16} {'hangat':>16} {'cache MB':>9}")
    for count in counts:
        latexes = synthetic(count)
        # On the disk the project cache lives on (not a memory-backed /tmp), beside it.
        formulas.CACHE_DIR.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=formulas.CACHE_DIR.parent) as folder:
            formulas.CACHE_DIR = Path(folder)
            cold = run(latexes)
            warm = run(latexes)
            size = sum(path.stat().st_size for path in Path(folder).glob(f"{DATABASE}*")) / 1e6
        figures = [f"{1000 * wall / count:.3f} ({1000 * cpu / count:.3f})" for wall, cpu in (cold, warm)]
        print(f"{count:>8,} {figures[0]:>16} {figures[1]:>16} {size:>9.1f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [2_000, 20_000])
