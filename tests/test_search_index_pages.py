"""Pagefind is shown only the pages it indexes: those marking their content with ``data-pagefind-body``
(once one page does, Pagefind leaves out every other). The index is the one Pagefind makes of the whole
site, byte for byte; every page is shown when no page marks its content."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from generator.publishing import search_index
from generator.publishing.page_cache import search_index_kept
from generator.publishing.search_index import BUNDLE_DIR, BackgroundIndex, build_search_index, indexed_files

MARKED = (
    "<!doctype html><html lang=id><head><title>{0}</title></head>"
    "<body><main {1}><p>{0} kecamatan</p></main></body></html>"
)
UNMARKED = "<!doctype html><html lang=id><head><title>{0}</title></head><body><p>{0} kabupaten</p></body></html>"


def _site(root: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(html, encoding="utf-8")
    return root


def _mixed(root: Path) -> Path:
    return _site(
        root,
        {
            "index.html": UNMARKED.format("Beranda"),
            "jawa-timur/index.html": UNMARKED.format("Jawa Timur"),
            "jawa-timur/senduro/2024/index.html": MARKED.format("Senduro", "data-pagefind-body"),
            # Attribute names are read in any case.
            "jawa-timur/mantup/2021/index.html": MARKED.format("Mantup", "DATA-PAGEFIND-BODY"),
            "404.html": UNMARKED.format("Tidak ditemukan"),
        },
    )


def _shown(monkeypatch: pytest.MonkeyPatch, folders: list[Path] | None = None) -> list[list[str]]:
    """The HTML files each Pagefind run is shown, by their path in the folder it is given (in ``folders``)."""
    shown: list[list[str]] = []
    folders = [] if folders is None else folders
    run = subprocess.run

    def watching(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
        if "--site" not in command:  # not Pagefind: the process removing its folder (folders.py)
            return run(command, **options)  # type: ignore[call-overload,no-any-return]
        folder = Path(command[command.index("--site") + 1])
        folders.append(folder)
        shown.append(sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html")))
        return run(command, **options)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(search_index.subprocess, "run", watching)
    return shown


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_pagefind_is_shown_only_the_pages_that_mark_their_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _mixed(tmp_path / "site")
    assert indexed_files(site) == [
        Path("jawa-timur/mantup/2021/index.html"),
        Path("jawa-timur/senduro/2024/index.html"),
    ]
    pages = _files(site)
    folders: list[Path] = []
    shown = _shown(monkeypatch, folders)
    build_search_index(site)
    assert shown == [["jawa-timur/mantup/2021/index.html", "jawa-timur/senduro/2024/index.html"]]
    assert (site / BUNDLE_DIR / "pagefind.js").is_file()
    # Nothing is left of the folder it was shown (removed in the background); the site's pages are as they were.
    assert folders[0] != site
    deadline = time.monotonic() + 60
    while folders[0].exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not folders[0].exists()
    assert {path: data for path, data in _files(site).items() if not path.startswith(BUNDLE_DIR)} == pages


def test_the_index_is_the_one_pagefind_makes_of_the_whole_site(tmp_path: Path) -> None:
    site = _mixed(tmp_path / "site")
    whole = _mixed(tmp_path / "whole")
    build_search_index(site)
    command = [str(search_index.pagefind_executable()), "--site", str(whole), "--output-subdir", BUNDLE_DIR]
    command += [
        "--force-language",
        "id",
        "--silent",
        "--exclude-selectors",
        ".katex",
        "--exclude-selectors",
        ".headerlink",
    ]
    subprocess.run(command, check=True, capture_output=True)
    for name in search_index.UNUSED:
        (whole / BUNDLE_DIR / name).unlink(missing_ok=True)
    assert _files(site / BUNDLE_DIR) == _files(whole / BUNDLE_DIR)
    assert len(list((site / BUNDLE_DIR / "fragment").iterdir())) == 2


def test_without_a_marked_page_every_page_is_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site", {"index.html": UNMARKED.format("Beranda"), "a/index.html": UNMARKED.format("A")})
    assert indexed_files(site) is None
    shown = _shown(monkeypatch)
    build_search_index(site)
    assert shown == [["a/index.html", "index.html"]]
    assert len(list((site / BUNDLE_DIR / "fragment").iterdir())) == 2


def test_a_page_the_build_has_seen_whole_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _mixed(tmp_path / "site")
    read: list[str] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or original(path))
    # What the build says of a page it wrote stands for the page's bytes.
    said = {"jawa-timur/mantup/2021/index.html": False, "index.html": True}
    assert indexed_files(site, said) == [Path("index.html"), Path("jawa-timur/senduro/2024/index.html")]
    assert len(read) == len(list(site.rglob("*.html"))) - len(said)


def test_an_index_kept_is_shared_with_the_site_as_hard_links_not_copied(tmp_path: Path) -> None:
    """Thousands of files nothing writes in place once Pagefind wrote them: linked, not copied, both ways."""
    cache = tmp_path / "cache"
    first, second = _mixed(tmp_path / "pertama"), _mixed(tmp_path / "kedua")
    assert search_index_kept(first, cache, {}) is False
    assert search_index_kept(second, cache, {}) is True
    (kept,) = [folder for folder in cache.iterdir() if not folder.name.startswith(".")]
    files = sorted(path.relative_to(kept) for path in kept.rglob("*") if path.is_file())
    assert files and _files(second / BUNDLE_DIR) == _files(kept)
    for site in (first, second):
        assert [path for path in files if not (site / BUNDLE_DIR / path).samefile(kept / path)] == []


def test_a_preview_s_index_is_written_in_the_background_or_its_failure_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor's preview reloads while its index is written (publishing/plugin.py): a failure is logged.
    site = _mixed(tmp_path / "site")
    said: list[str] = []
    BackgroundIndex(site, {}, said.append).wait()
    assert (said, (site / BUNDLE_DIR / "pagefind.js").is_file()) == ([], True)
    monkeypatch.setattr(search_index, "pagefind_executable", lambda: tmp_path / "pagefind")
    BackgroundIndex(_mixed(tmp_path / "lain"), {}, said.append).wait()
    assert said == [
        "indeks pencarian tidak dapat dibuat: Pagefind tidak dapat dijalankan: "
        f"[Errno 2] No such file or directory: '{tmp_path / 'pagefind'}'"
    ]
