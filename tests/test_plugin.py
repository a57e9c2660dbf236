"""The MkDocs side: `mkdocs serve` watches the content, `iku build` builds strictly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GOOD, REPO, build_site

from generator.content.load import preview_reads
from generator.publishing.plugin import IkuPlugin


class RecordingServer:
    """Stands in for MkDocs' LiveReloadServer, which only needs `watch` here."""

    def __init__(self) -> None:
        self.watched: list[tuple[str, bool]] = []

    def watch(self, path: str, *, recursive: bool = True) -> None:
        self.watched.append((path, recursive))


def test_serve_reloads_when_content_changes() -> None:
    plugin = IkuPlugin()
    errors, warnings = plugin.load_config({"content_dir": str(GOOD)})
    assert (errors, warnings) == ([], [])
    server = RecordingServer()
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    assert server.watched == [(str(GOOD), True)]


def test_a_preview_server_watches_only_what_the_preview_reads() -> None:
    # tests/test_preview.py: what a preview reads, and that it is all watched.
    plugin = IkuPlugin()
    errors, warnings = plugin.load_config({"content_dir": str(GOOD), "wilayah": "jawa-timur/lumajang"})
    assert (errors, warnings) == ([], [])
    server = RecordingServer()
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    reads = preview_reads(GOOD, ("jawa-timur", "lumajang"))
    assert server.watched == [(str(path), inside) for path, inside in reads]
    assert (str(GOOD), True) not in server.watched


def test_iku_build_writes_the_site_strictly(tmp_path: Path) -> None:
    build_site(tmp_path, GOOD)  # lays out mkdocs.yml, docs/ and theme/ around the fixture
    site = tmp_path / "elsewhere"
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site-dir", str(site)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "jawa-timur/lumajang/contoh/2021-2023/index.html").is_file()
    assert (site / "assets/katex/katex.min.css").read_bytes() == (
        REPO / "node_modules/katex/dist/katex.min.css"
    ).read_bytes()
