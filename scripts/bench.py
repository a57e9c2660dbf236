"""Benchmark: how content generation scales with the number of documents.

Synthesises N kecamatan documents (copies of the test fixture, each its own
kecamatan) and prints the time and peak memory of load → view → render, and the
largest generated page (Markdown, before MkDocs): per-page cost should stay flat as N
grows, and the lists that span documents (daftar-dokumen, perbandingan) are split so
that no page holds them all. Formulas hit the project's formula cache
(``.cache/formulas/``) after the first run, so this measures the pipeline, not KaTeX.

    .venv/bin/python scripts/bench.py 100 1000 3000
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.publishing.build import generate  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "good"
DOCUMENT = FIXTURE / "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"


def synthesise(root: Path, count: int) -> Path:
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    (content / "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml").unlink()
    template = DOCUMENT.read_text(encoding="utf-8")
    districts = "\n".join(f"          - id: k{n}\n            nama: K{n}" for n in range(count))
    regions = (content / "wilayah.yml").read_text(encoding="utf-8")
    (content / "wilayah.yml").write_text(regions + districts + "\n", encoding="utf-8")
    for n in range(count):
        folder = content / f"dokumen/jawa-timur/lumajang/k{n}"
        folder.mkdir(parents=True)
        (folder / "2021-2023.yml").write_text(template.replace("kecamatan: contoh", f"kecamatan: k{n}"), "utf-8")
    return content


def main(sizes: list[int]) -> None:
    print(f"{'documents':>10} {'pages':>7} {'seconds':>8} {'ms/page':>8} {'peak RSS MiB':>13}  largest page")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            content = synthesise(Path(tmp), size)
            start = time.perf_counter()
            output = generate(content, "Bench", "https://example.org/")
            elapsed = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            pages = len(output.pages)
            largest = max(output.pages, key=lambda path: len(output.pages[path].encode("utf-8")))
            kib = len(output.pages[largest].encode("utf-8")) / 1024
            line = f"{size:>10} {pages:>7} {elapsed:>8.2f} {1000 * elapsed / pages:>8.2f} {peak:>13.0f}"
            print(f"{line}  {largest} ({kib:.0f} KiB)")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000])
