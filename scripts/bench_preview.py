"""Benchmark the editors' preview: how soon ``iku serve --wilayah`` serves a document, and reloads it.

In a project folder (one ``scripts/bench_national.py --keep … --only-corpus`` wrote, or
this repository), starts ``iku serve --wilayah <place>``, times the first answer of one
document page of that place, then edits that document (an indicator's name, as an
editor would) and times until the served page shows the edit, ``--edits`` times, a
second and a half apart (the server looks for changes every half second, so one edit's
time depends on when it falls): each, and their median. The document is restored and
the server stopped afterwards.

    .venv/bin/python scripts/bench_preview.py --project /tmp/check-bench/7300/portal --wilayah aceh/bamari
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PREFIX = "/portal-iku/"
MARK = "diubah untuk pratinjau"
TIMEOUT_SECONDS = 600
PAUSE_SECONDS = 1.5
"""Before each edit: the last edit's search index is written by then (it is, after a rebuild's reload)."""


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, started: float) -> float:
    while time.perf_counter() - started < TIMEOUT_SECONDS:
        page = _fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {TIMEOUT_SECONDS} s")


def _document(project: Path, place: str) -> Path:
    documents = sorted((project / "content" / "dokumen" / place).rglob("*.yml"))
    iku = [path for path in documents if "kecamatan" in path.read_text("utf-8")]
    if not iku:
        raise SystemExit(f"no IKU document under content/dokumen/{place}/")
    return iku[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=REPO, help="a folder holding mkdocs.yml and content/")
    parser.add_argument("--wilayah", required=True, help="e.g. aceh/bamari")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--edits", type=int, default=5, help="edits to time, one after another")
    args = parser.parse_args(argv)
    document = _document(args.project, args.wilayah)
    address = document.relative_to(args.project / "content" / "dokumen").with_suffix("").as_posix()
    url = f"http://127.0.0.1:{args.port}{PREFIX}{address}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.environ.get("PYTHONPATH", str(REPO))}
    command = [sys.executable, "-m", "generator.cli", "serve", "--wilayah", args.wilayah]
    command += ["--dev-addr", f"127.0.0.1:{args.port}"]
    original = document.read_bytes()
    started = time.perf_counter()
    server = subprocess.Popen(
        command, cwd=args.project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        first = _wait_for(url, "<h1", started)
        print(f"first page of {args.wilayah} ({address}): {first:.1f} s", flush=True)
        data = yaml.safe_load(original)
        indicator = data["tabel_indikator"][0]["baris"][0]["indikator"][0]
        written = f"nama: {indicator['nama']}"
        text = original.decode("utf-8")
        if written not in text:
            raise SystemExit(f"cannot find `{written}` in {document}")
        times = []
        for edit in range(1, args.edits + 1):
            time.sleep(PAUSE_SECONDS)
            mark = f"({MARK} {edit})"
            edited = time.perf_counter()
            document.write_text(text.replace(written, f"{written} {mark}", 1), "utf-8")
            times.append(_wait_for(url, mark, edited))
        each = ", ".join(f"{seconds:.2f}" for seconds in times)
        print(f"page shows an edit after: {statistics.median(times):.2f} s (median of {each})", flush=True)
    finally:
        document.write_bytes(original)
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


if __name__ == "__main__":
    main()
