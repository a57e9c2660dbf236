"""A rebuild writes every unchanged generated page as the last build wrote it, without rendering
it again, and the site it writes is byte for byte the site a cold build writes.

The content: the bodies fixture (Jawa Timur), committed once (every page's date from history).
Each test that changes something works on its own copy of the project with a warm cache.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path

import material
import pytest
from conftest import BODIES, REPO, edit, git, lay_out_project, run_iku

from generator.pages import spreadsheet
from generator.publishing.page_cache import linked_files
from generator.publishing.shards import COMMON

CONTOH = "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
CONTOH_PAGE = "jawa-timur/lumajang/contoh/2021-2023/index.html"
SUMMARY = re.compile(r"(\d+) halaman dipakai lagi dari cache, (\d+) dibangun")
BUILDING = re.compile(r"Building page (\S+)")
# Always built: the pages of mkdocs.yml's navigation (every page shows them) and the hand-written ones.
ALWAYS_BUILT = {
    *("index.md", "tentang-iku.md", "perbandingan/index.md", "regulasi/index.md", "glosarium/index.md"),
    *("data/index.md", "tentang.md", "aksesibilitas.md", "cara-memperbaiki.md", "pencarian.md"),
}
NAV_BUILT = len(ALWAYS_BUILT)
OTHER_PAGE = "jawa-timur/badan-pendapatan-daerah/2024-2026/index.html"
LIVERELOAD = re.compile(r"livereload\(\d+, \d+\)")
ENTRIES = ".cache/pages"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def mkdocs_build(project: Path, site: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict --verbose`` in ``project``: its log names every page it builds."""
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "IKU_SHARD", "IKU_WILAYAH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "--site-dir", site]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)


def summary(log: str) -> tuple[int, int]:
    """(pages written from the cache, pages built) as the build's summary line says."""
    found = SUMMARY.findall(log)
    assert len(found) == 1, log[-3000:]
    return int(found[0][0]), int(found[0][1])


def built_pages(log: str) -> set[str]:
    return set(BUILDING.findall(log))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("page-cache")
    lay_out_project(project, BODIES)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Konten")
    return project


@pytest.fixture(scope="module")
def cold(project: Path) -> subprocess.CompletedProcess[str]:
    result = mkdocs_build(project, "dingin")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def warm(project: Path, cold: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    result = mkdocs_build(project, "hangat")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def copy(project: Path, warm: subprocess.CompletedProcess[str], tmp_path: Path) -> Path:
    """The project with its warm cache, to change."""
    copied = tmp_path / "salinan"
    shutil.copytree(project, copied, ignore=shutil.ignore_patterns("dingin", "hangat"))
    return copied


def test_a_cold_build_builds_every_page_and_keeps_each_generated_one(
    project: Path, cold: subprocess.CompletedProcess[str]
) -> None:
    reused, built = summary(cold.stderr)
    assert reused == 0
    # No page is left out of the navigation by mistake: MkDocs would list each (every generated one, before).
    assert 'not included in the "nav"' not in cold.stderr
    assert built == len(built_pages(cold.stderr)) > NAV_BUILT + 20
    assert built_pages(cold.stderr) > ALWAYS_BUILT
    assert len(list((project / ENTRIES).glob("*.zlib"))) == built - NAV_BUILT


def test_a_rebuild_renders_only_the_navigation_s_pages_and_writes_the_same_site(
    project: Path, cold: subprocess.CompletedProcess[str], warm: subprocess.CompletedProcess[str]
) -> None:
    reused, built = summary(warm.stderr)
    assert built_pages(warm.stderr) == ALWAYS_BUILT
    assert (reused, built) == (summary(cold.stderr)[1] - NAV_BUILT, NAV_BUILT)
    assert "Indeks pencarian dipakai lagi dari cache" in warm.stderr
    # MkDocs' line for every link to a page left out of the build is not shown.
    assert "excluded from the built site" not in warm.stderr
    first, again = tree(project / "dingin"), tree(project / "hangat")
    assert sorted(first) == sorted(again)
    assert sorted(path for path in first if first[path] != again[path]) == []


def test_a_changed_document_rebuilds_its_pages_and_only_those(copy: Path) -> None:
    before = mkdocs_build(copy, "sebelum")
    assert before.returncode == 0, before.stderr
    edit(copy / CONTOH, "Menyelenggarakan urusan pemerintahan umum.", "Menyelenggarakan pemerintahan umum.")
    # Committed on a later day, as most changes are: the content's date moves for every page.
    git(copy, "commit", "-q", "-am", "Perbaiki tugas", date="2024-03-04T10:00:00+07:00")
    after = mkdocs_build(copy, "sesudah")
    assert after.returncode == 0, after.stderr
    reused, built = summary(after.stderr)
    old, new = tree(copy / "sebelum"), tree(copy / "sesudah")
    changed = {path.removesuffix("index.html") + "index.md" for path in new if path.endswith("index.html")}
    changed = {page for page in changed if old.get(page[:-2] + "html") != new[page[:-2] + "html"]}
    rebuilt = built_pages(after.stderr) - built_pages(before.stderr)
    assert CONTOH_PAGE.replace(".html", ".md") in rebuilt
    # Exactly the pages whose HTML changed were built besides the navigation's.
    assert rebuilt == changed
    assert built == NAV_BUILT + len(rebuilt)
    assert reused == summary(before.stderr)[0] - len(rebuilt)
    # The same site as a cold build of the changed content.
    shutil.rmtree(copy / ".cache" / "pages")
    shutil.rmtree(copy / ".cache" / "pagefind")
    fresh = mkdocs_build(copy, "segar")
    assert fresh.returncode == 0, fresh.stderr
    assert summary(fresh.stderr)[0] == 0
    assert tree(copy / "segar") == new


def test_no_page_shows_its_date_so_a_kept_page_is_keyed_without_it() -> None:
    # Only the sitemap (theme/sitemap.xml, made anew by every build) shows a page's date; a template
    # of a page that did would need the date back in the page's key (publishing/plugin.py).
    templates = [REPO / "theme", Path(material.__file__).parent / "templates"]
    showing = [path for folder in templates for path in folder.rglob("*.html") if "update_date" in path.read_text()]
    assert showing == []


@pytest.mark.parametrize(
    ("changed", "old", "new"),
    [
        ("mkdocs.yml", "site_name: Portal IKU\n", "site_name: Portal IKU\n# satu komentar\n"),
        ("content/glosarium.yml", "kepanjangan: Indeks Kepuasan Masyarakat\n", "kepanjangan: Indeks Kepuasan Warga\n"),
        ("theme/main.html", "{% extends", "{#- satu komentar -#}\n{% extends"),
    ],
)
def test_what_shapes_every_page_rebuilds_every_page(copy: Path, changed: str, old: str, new: str) -> None:
    edit(copy / changed, old, new)
    result = mkdocs_build(copy, "baru")
    assert result.returncode == 0, result.stderr
    reused, built = summary(result.stderr)
    assert reused == 0
    assert built > NAV_BUILT


DECREE_PAGE = "jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020/index.html"


@pytest.mark.parametrize(
    ("changed", "old", "new", "page"),
    [
        # The title of a regulation a decree cites (its page names it in "Mengingat").
        ("content/regulasi.yml", "judul: Pemerintahan Daerah\n", "judul: Pemerintahan Wilayah\n", DECREE_PAGE),
        # The name of the kecamatan a document belongs to (its crumbs and its place).
        ("content/wilayah.yml", "nama: Contoh\n", "nama: Contoh Raya\n", CONTOH_PAGE),
    ],
    ids=["regulation-title", "region-name"],
)
def test_a_change_in_a_catalogue_rebuilds_the_pages_that_show_it(
    copy: Path, changed: str, old: str, new: str, page: str
) -> None:
    edit(copy / changed, old, new)
    after = mkdocs_build(copy, "sesudah")
    assert after.returncode == 0, after.stderr
    reused, _ = summary(after.stderr)
    assert reused > 0
    assert page.replace(".html", ".md") in built_pages(after.stderr)
    assert new.split(": ")[1].strip() in (copy / "sesudah" / page).read_text(encoding="utf-8")
    # No page kept stale: the same site as a cold build of the changed content.
    shutil.rmtree(copy / ".cache" / "pages")
    shutil.rmtree(copy / ".cache" / "pagefind")
    fresh = mkdocs_build(copy, "segar")
    assert fresh.returncode == 0, fresh.stderr
    assert tree(copy / "segar") == tree(copy / "sesudah")


def test_a_damaged_entry_is_ignored_and_its_page_built_again(copy: Path, project: Path) -> None:
    entries = sorted((copy / ENTRIES).glob("*.zlib"))
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    entries[1].write_bytes(b"bukan zlib")
    entries[2].write_bytes(zlib.compress(b"tanpa baris tautan"))
    result = mkdocs_build(copy, "baru")
    assert result.returncode == 0, result.stderr
    reused, built = summary(result.stderr)
    assert (reused, built) == (len(entries) - 3, NAV_BUILT + 3)
    assert tree(copy / "baru") == tree(project / "dingin")


def test_a_kept_page_whose_linked_file_is_gone_is_built_again(copy: Path, project: Path) -> None:
    # Every kept page names the files it links to; the entry of the document page says its decree's page.
    entries = {}
    for entry in (copy / ENTRIES).glob("*.zlib"):
        links, _, html = zlib.decompress(entry.read_bytes()).partition(b"\n")
        entries[entry] = (links, html)
    # Pages are minified: attributes in any order, values without quotes where HTML allows.
    address = b"https://portal-iku.github.io/portal-iku/jawa-timur/lumajang/contoh/2021-2023/"
    canonical = re.compile(rb"<link [^>]*\brel=\"?canonical\b[^>]*>")
    document = [entry for entry, (_, html) in entries.items() if any(address in tag for tag in canonical.findall(html))]
    assert len(document) == 1
    links, html = entries[document[0]]
    assert b'"jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020/index.html"' in links
    # As if that file were no longer in the build: the page is built, and MkDocs checks its links again.
    forged = links.replace(b'"jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020/index.html"', b'"hilang/index.html"')
    document[0].write_bytes(zlib.compress(forged + b"\n" + html))
    result = mkdocs_build(copy, "baru")
    assert result.returncode == 0, result.stderr
    assert CONTOH_PAGE.replace(".html", ".md") in built_pages(result.stderr)
    assert summary(result.stderr)[1] == NAV_BUILT + 1
    assert tree(copy / "baru") == tree(project / "dingin")


def test_shards_built_from_a_warm_cache_assemble_into_the_same_site_indexed_again_once_a_part_changed(
    copy: Path, project: Path
) -> None:
    """One pair of shards serves both points: building them is most of the time."""
    entries = sorted((copy / ENTRIES).glob("*.zlib"))
    for name in (COMMON, "jawa-timur"):
        result = run_iku("build", "--shard", name, "--site-dir", f"bagian/{name}", cwd=copy)
        assert result.returncode == 0, result.stderr
        reused, _ = summary(result.stderr)
        assert reused > 0
    result = run_iku("assemble", "bagian/common", "bagian/jawa-timur", "--site-dir", "rakitan", cwd=copy)
    assert result.returncode == 0, result.stderr
    assert tree(copy / "rakitan") == tree(project / "dingin")
    # A shard uses part of the cache: it removes nothing.
    assert sorted((copy / ENTRIES).glob("*.zlib")) == entries
    # Assembling the same parts again (CI with the project's cache) writes the index kept by the first.
    assert "Indeks pencarian dipakai lagi" not in result.stderr
    again = run_iku("assemble", "bagian/common", "bagian/jawa-timur", "--site-dir", "rakitan-lagi", cwd=copy)
    assert again.returncode == 0, again.stderr
    assert "Indeks pencarian dipakai lagi dari cache: halaman situs tidak berubah" in again.stderr
    assert tree(copy / "rakitan-lagi") == tree(project / "dingin")
    # A part whose page changed since is indexed again.
    page = copy / "bagian" / "jawa-timur" / CONTOH_PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("pemerintahan umum", "pemerintahan"), encoding="utf-8")
    changed = run_iku("assemble", "bagian/common", "bagian/jawa-timur", "--site-dir", "rakitan-berubah", cwd=copy)
    assert changed.returncode == 0, changed.stderr
    assert "dipakai lagi dari cache: halaman situs" not in changed.stderr
    assert tree(copy / "rakitan-berubah" / "pagefind") != tree(copy / "rakitan" / "pagefind")


def test_a_shard_with_a_cache_of_its_own_prunes_what_it_did_not_use(copy: Path) -> None:
    entries = {path.name for path in (copy / ENTRIES).glob("*.zlib")}
    command = ("build", "--shard", "jawa-timur", "--rapikan-cache", "--site-dir", "bagian")
    result = run_iku(*command, cwd=copy)
    assert result.returncode == 0, result.stderr
    reused, built = summary(result.stderr)
    left = {path.name for path in (copy / ENTRIES).glob("*.zlib")}
    # The common shard's pages are gone; every page of this shard is still kept.
    assert left < entries
    assert len(left) == reused > 0
    again = run_iku(*command, cwd=copy)
    assert again.returncode == 0, again.stderr
    assert summary(again.stderr) == (reused, built)


def test_only_a_shard_prunes_on_request(copy: Path) -> None:
    result = run_iku("build", "--rapikan-cache", "--site-dir", "tidak-dibangun", cwd=copy)
    assert result.returncode == 1
    assert result.stderr == (
        "Galat: --rapikan-cache hanya untuk --shard: pembangunan seluruh situs selalu merapikan cache\n"
    )
    assert not (copy / "tidak-dibangun").exists()


UNUSED_ENTRY = "0" * 64 + ".zlib"
"""An entry no build uses (no page has this key)."""


def test_a_parallel_build_shares_the_kept_search_index_and_prunes_what_no_group_used(copy: Path, project: Path) -> None:
    """Two points, one pair of builds (each build of the site is most of the time)."""
    entries = sorted(path.name for path in (copy / ENTRIES).glob("*.zlib"))
    (copy / ENTRIES / UNUSED_ENTRY).write_bytes(zlib.compress(b"[]\n<p>lama</p>"))
    for site in ("paralel", "paralel-lagi"):
        result = run_iku("build", "--jobs", "2", "--site-dir", site, cwd=copy)
        assert result.returncode == 0, result.stderr
        # The index the one-process build kept is the parallel build's too: Pagefind does not run.
        assert "Indeks pencarian dipakai lagi dari cache: halaman situs tidak berubah" in result.stderr
        assert tree(copy / site) == tree(project / "dingin")
        # Every entry some group used stays; the one no group used is removed.
        assert sorted(path.name for path in (copy / ENTRIES).glob("*.zlib")) == entries


def kept_indexes(project: Path) -> list[str]:
    """The search indexes kept in ``project``'s cache, by digest (not those retired: hidden, being removed)."""
    return sorted(path.name for path in (project / ".cache" / "pagefind").iterdir() if not path.name.startswith("."))


def test_a_parallel_build_of_changed_pages_indexes_them_again(copy: Path) -> None:
    kept = kept_indexes(copy)
    text = (copy / CONTOH).read_text(encoding="utf-8")
    (copy / CONTOH).write_text(
        text.replace("Menyelenggarakan urusan pemerintahan umum.", "Menyelenggarakan pemerintahan umum."),
        encoding="utf-8",
    )
    result = run_iku("build", "--jobs", "2", "--site-dir", "paralel", cwd=copy)
    assert result.returncode == 0, result.stderr
    assert "dipakai lagi dari cache: halaman situs" not in result.stderr
    assert "Menyelenggarakan pemerintahan umum." in (copy / "paralel" / CONTOH_PAGE).read_text(encoding="utf-8")
    # Pagefind indexed the changed site, and its index is the one kept now.
    now = kept_indexes(copy)
    assert len(now) == 1 and now != kept


def test_a_failed_parallel_build_prunes_nothing(copy: Path) -> None:
    entries = {path.name for path in (copy / ENTRIES).glob("*.zlib")}
    (copy / ENTRIES / UNUSED_ENTRY).write_bytes(zlib.compress(b"[]\n<p>lama</p>"))
    page = copy / "docs" / "tentang.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Tautan putus](tidak-ada.md)\n", encoding="utf-8")
    result = run_iku("build", "--jobs", "2", "--site-dir", "paralel", cwd=copy)
    assert result.returncode == 1
    assert "tidak-ada.md" in result.stderr
    assert not (copy / "paralel").exists()
    assert {path.name for path in (copy / ENTRIES).glob("*.zlib")} >= entries | {UNUSED_ENTRY}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _served(url: str, text: str, server: subprocess.Popen[str]) -> str:
    """The page at ``url`` once it shows ``text`` (the server rebuilds after an edit)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = str(response.read().decode("utf-8"))
            if text in page:
                # The server's script names the site's versions: the page as built is the rest.
                return LIVERELOAD.sub("", page)
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"mkdocs serve did not serve {text!r} at {url}")


def test_a_server_rebuilds_only_the_pages_an_edit_changes(copy: Path) -> None:
    # An editor's preview shows an edit in about a second: its unchanged pages are written from the cache.
    kept_by_build = {path.name for path in (copy / ENTRIES).glob("*.zlib")}
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "IKU_SHARD", "IKU_WILAYAH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "serve", "--verbose", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    site = f"http://127.0.0.1:{port}/portal-iku/"
    try:
        _served(site + CONTOH_PAGE.removesuffix("index.html"), "Nilai IKM Kecamatan", server)
        other = _served(site + OTHER_PAGE.removesuffix("index.html"), "<h1", server)
        edit(copy / CONTOH, "nama: Nilai IKM Kecamatan", "nama: Nilai IKM Kecamatan Contoh")
        _served(site + CONTOH_PAGE.removesuffix("index.html"), "Nilai IKM Kecamatan Contoh", server)
        # A page written from the cache is served as it was built, not as a draft.
        assert _served(site + OTHER_PAGE.removesuffix("index.html"), "<h1", server) == other
        assert "mkdocs-draft-marker" not in other
        # Its search index is written after the browsers reload, not kept (it changes with every edit).
        _served(site + "pagefind/pagefind-entry.json", '"version"', server)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    first, second = output.split("Detected file changes")
    # Its pages are its own (their links hold the server's address), kept beside the build's.
    assert summary(first) == (0, len(built_pages(first)))
    # After the edit: the navigation's pages, the document's page and its indicator's comparison page.
    # (MkDocs' log shows a line once per server: which pages were built is not written again.)
    assert summary(second) == (len(built_pages(first)) - NAV_BUILT - 2, NAV_BUILT + 2)
    assert kept_by_build <= {path.name for path in (copy / ENTRIES).glob("*.zlib")}


def test_a_build_that_warned_keeps_no_page(copy: Path) -> None:
    # A page kept by a build that warned would not warn again: nothing of such a build is kept.
    shutil.rmtree(copy / ENTRIES)
    page = copy / "docs" / "tentang.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Tautan putus](tidak-ada.md)\n", encoding="utf-8")
    result = mkdocs_build(copy, "baru")
    assert result.returncode == 1
    assert "tidak-ada.md" in result.stderr
    assert summary(result.stderr)[1] > NAV_BUILT
    assert list((copy / ENTRIES).glob("*.zlib")) == []


def test_the_workbook_is_kept_for_the_same_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "CACHE_DIR", tmp_path / "data")
    made = spreadsheet.kept_workbook([], "https://contoh.id/data/", None, [b'[{"a": 1}]'])
    assert [path.suffix for path in (tmp_path / "data").iterdir()] == [".xlsx"]

    def unavailable(*args: object) -> bytes:
        raise AssertionError("made again instead of read from the cache")

    monkeypatch.setattr(spreadsheet, "workbook", unavailable)
    assert spreadsheet.kept_workbook([], "https://contoh.id/data/", None, [b'[{"a": 1}]']) == made
    # Other records (or another address, date or code): made again, and the old one removed.
    monkeypatch.undo()
    monkeypatch.setattr(spreadsheet, "CACHE_DIR", tmp_path / "data")
    spreadsheet.kept_workbook([], "https://contoh.id/data/", None, [b'[{"a": 2}]'])
    assert len(list((tmp_path / "data").iterdir())) == 1


def test_a_kept_page_needs_every_file_of_the_site_it_links_to_relatively() -> None:
    page = (
        b'<html><head><link rel="stylesheet" href="../../../assets/iku.css"></head><body>'
        b"<a href=\"../\">Lumajang</a> <A HREF='../../../glosarium/'>Glosarium</A>"
        b'<a\nhref = ../../../data/indikator.csv>CSV</a> <a href="dokumen.json?versi=1#awal">JSON</a>'
        b'<a href="../../../regulasi/perbup&#45;1/">Perbup</a> <a href="../../../sumber/ber%20kas.txt">Sumber</a>'
        b'<a href="#asal-data">Asal</a> <a href="https://contoh.go.id/">Resmi</a> <a href="/tentang/">Tentang</a>'
        b'<a href="../../../../di-luar/">Luar</a> <a href="../tidak-ada/">Hilang</a>'
        b'<p data-href="../../../tentang-iku/">Bukan tautan</p> <p>ahref="../../../pencarian/"</p></body></html>'
    )
    site = {
        "assets/iku.css",
        "jawa-timur/lumajang/index.html",
        "jawa-timur/lumajang/contoh/dokumen.json",
        "glosarium/index.html",
        "data/indikator.csv",
        "regulasi/perbup-1/index.html",
        "sumber/ber kas.txt",
        "tentang/index.html",
        "tentang-iku/index.html",
        "pencarian/index.html",
        "index.html",
    }
    assert linked_files(page, "jawa-timur/lumajang/contoh/", site) == [
        "assets/iku.css",
        "data/indikator.csv",
        "glosarium/index.html",
        "jawa-timur/lumajang/contoh/dokumen.json",
        "jawa-timur/lumajang/index.html",
        "regulasi/perbup-1/index.html",
        "sumber/ber kas.txt",
    ]
    assert linked_files(page.decode(), "jawa-timur/lumajang/contoh/", site) == linked_files(
        page, "jawa-timur/lumajang/contoh/", site
    )
