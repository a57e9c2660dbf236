"""The MkDocs side: `mkdocs serve` watches the content, `iku build` builds strictly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GOOD, REPO, build_site

from generator.publishing.plugin import IkuPlugin


class RecordingServer:
    """Stands in for MkDocs' LiveReloadServer, which only needs `watch` here."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_reloads_when_content_changes() -> None:
    plugin = IkuPlugin()
    errors, warnings = plugin.load_config({"content_dir": str(GOOD)})
    assert (errors, warnings) == ([], [])
    server = RecordingServer()
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str(GOOD)]


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
