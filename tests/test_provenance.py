"""Provenance: where each document came from, when its content changed, and how to cite it."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from conftest import DOC, GOOD, REAL_HISTORY, SITE_URL, Site, build_site, edit, git, visible_text

FIXTURE_DOC = "jawa-timur/lumajang/contoh/2021-2023"
DECREE_PAGE = "jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020"


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture in a git repository: added on 2 March 2024, its document corrected on 15 July 2024."""
    project = tmp_path_factory.mktemp("history")
    shutil.copytree(GOOD, project / "content")
    git(project, "init", "-q")
    git(project, "add", "content")
    git(project, "commit", "-qm", "Tambah IKU Kecamatan Contoh", date="2024-03-02T10:00:00+07:00")
    edit(project / DOC, "Hasil survei kepuasan masyarakat.", "Hasil survei kepuasan masyarakat setiap tahun.")
    git(project, "commit", "-qam", "Perbaiki definisi Nilai IKM", date="2024-07-15T09:30:00+07:00")
    result = build_site(project, project / "content")
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


def section_text(site: Site, url: str, anchor: str) -> str:
    page = site.page(url)
    heading = page.find(id=anchor)
    parts = [heading, *heading.find_next_siblings()]
    return " ".join(visible_text(part) for part in parts)


def test_a_document_shows_its_source_file_linked_with_its_sha256(fixture_site: Site) -> None:
    page = fixture_site.page(FIXTURE_DOC)
    source = page.find(id="asal-data").find_next("dd").a
    assert source.get_text() == "contoh.txt"
    published = fixture_site.root / FIXTURE_DOC / source["href"]
    original = GOOD / "sumber" / "contoh.txt"
    assert published.resolve().read_bytes() == original.read_bytes()
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    assert f"SHA-256 berkas sumber {digest}" in section_text(fixture_site, FIXTURE_DOC, "asal-data")


def test_the_original_documents_title_number_date_and_signatory_are_shown(fixture_site: Site) -> None:
    decree = fixture_site.text(DECREE_PAGE)
    for expected in ("Keputusan Bupati Lumajang Nomor 188.45/1/2020", "BUPATI LUMAJANG", "Lumajang, 20 September 2020"):
        assert expected in decree
    document = fixture_site.text(FIXTURE_DOC)
    for expected in (
        "Judul seperti tercetak INDIKATOR KINERJA UTAMA KECAMATAN CONTOH TAHUN 2021-2023",
        "Lumajang, 10 Januari 2021",
        "NAMA PEJABAT",
        "Catatan editor: sumber tidak lengkap atau tidak lazim Tabel target tidak memiliki judul kolom.",
    ):
        assert expected in document


def test_last_change_and_history_come_from_the_content_files_git_log(history_site: Site) -> None:
    text = section_text(history_site, FIXTURE_DOC, "asal-data")
    assert "Terakhir diperbarui 15 Juli 2024" in text
    rows = history_site.page(FIXTURE_DOC).find(id="riwayat").find_next("table").select("tbody tr")
    cells = [[td.get_text(" ", strip=True) for td in row.select("td")][:2] for row in rows]
    assert cells == [["2024-07-15", "Perbaiki definisi Nilai IKM"], ["2024-03-02", "Tambah IKU Kecamatan Contoh"]]
    decree_rows = history_site.page(DECREE_PAGE).find(id="riwayat").find_next("table").select("tbody tr")
    assert [row.td.get_text() for row in decree_rows] == ["2024-03-02"]


def test_without_git_history_the_page_says_so(fixture_site: Site) -> None:
    text = section_text(fixture_site, FIXTURE_DOC, "asal-data")
    reason = "situs ini dibangun tanpa riwayat git (misalnya dari arsip tarball)"
    assert f"Terakhir diperbarui tidak diketahui: {reason}" in text
    assert f"Riwayat perubahan tidak tersedia: {reason}." in text
    assert "(tanggal perubahan terakhir tidak diketahui)." in text


def test_a_ready_to_copy_citation_names_body_year_title_url_and_last_change(history_site: Site) -> None:
    page = history_site.page(FIXTURE_DOC)
    citation = page.find(id="kutip-teks").get_text()
    expected = (
        f"Kecamatan Contoh. (2021). IKU Kecamatan Contoh 2021–2023. Portal IKU. "
        f"{SITE_URL}{FIXTURE_DOC}/ (terakhir diperbarui 15 Juli 2024)."
    )
    assert citation == expected
    assert page.find(attrs={"data-iku-copy": expected}).get_text() == "Salin kutipan"


def test_the_real_site_dates_each_document_by_its_last_commit(real_site: Site) -> None:
    """The real content, committed once in a repository of the test's own (``real_content``)."""
    rows = real_site.page("jawa-timur/lumajang/senduro/2024").find(id="riwayat").find_next("table").select("tbody tr")
    assert [cell.get_text() for cell in rows[0].find_all("td")][:2] == [
        REAL_HISTORY["date"][:10],
        REAL_HISTORY["subject"],
    ]
    assert len(rows) == 1
