"""Provenance: where each document came from, when its content changed, and how to cite it."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DOC, GOOD, REAL_HISTORY, SITE_URL, Site, build_site, edit, git, visible_text

from generator.publishing.build import generate

FIXTURE_DOC = "jawa-timur/lumajang/contoh/2021-2023"
DECREE_PAGE = "jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020"


SCHEMA_HEADER = "# yaml-language-server: $schema=../../../../schema/dokumen.schema.json\n"
REPO_URL = "https://github.com/portal-iku/portal-iku"


@dataclass(frozen=True)
class HistorySite(Site):
    commits: dict[str, str]
    """Each commit of the fixture's history by its subject."""


def make_history(project: Path) -> dict[str, str]:
    """The fixture in a git repository, changed the ways an editor changes a document.

    Added on 2 March 2024; reformatted (May) and given a schema header (June), neither of
    which changes what it says; its targets, a definition and a formula corrected in July;
    broken in August and repaired in September, when an indicator was also renamed.
    """
    shutil.copytree(GOOD, project / "content")
    doc = project / DOC
    git(project, "init", "-q")
    git(project, "add", "content")
    commits = {}

    def commit(subject: str, date: str) -> None:
        git(project, "commit", "-qam", subject, date=date)
        commits[subject] = git(project, "rev-parse", "HEAD").strip()

    git(project, "commit", "-qm", "Tambah IKU Kecamatan Contoh", date="2024-03-02T10:00:00+07:00")
    commits["Tambah IKU Kecamatan Contoh"] = git(project, "rev-parse", "HEAD").strip()
    edit(doc, 'kolom: ["No", Sasaran, Indikator, Rumus, Sumber Data, Penanggung Jawab]', FLOW_TO_BLOCK)
    edit(doc, 'nilai: "80"', "nilai: '80'")
    commit("Rapikan format YAML", "2024-05-10T08:00:00+07:00")
    doc.write_text(SCHEMA_HEADER + doc.read_text(encoding="utf-8"), encoding="utf-8")
    commit("Editors' JSON Schemas generated from the model", "2024-06-01T08:00:00+07:00")
    edit(doc, "Hasil survei kepuasan masyarakat.", "Hasil survei kepuasan masyarakat setiap tahun.")
    edit(doc, 'nilai: "82,5"', 'nilai: "85"\n              - tahun: 2023\n                nilai: "87,5"')
    edit(doc, "{\\text{Seluruh layanan}} \\times 100\\%", "{\\text{Seluruh layanan yang diajukan}} \\times 100\\%")
    commit("Perbaiki target dan rumus", "2024-07-15T09:30:00+07:00")
    edit(doc, "nilai: '80'", "nilai: ''")
    commit("Kosongkan target 2021", "2024-08-20T09:00:00+07:00")
    edit(doc, "nilai: ''", "nilai: '80'")
    edit(doc, "nama: Persentase layanan tepat waktu", "nama: Persentase layanan selesai tepat waktu")
    commit("Kembalikan target, ganti nama", "2024-09-01T09:00:00+07:00")
    return commits


FLOW_TO_BLOCK = (
    'kolom:\n      - "No"\n      - Sasaran\n      - Indikator\n      - Rumus\n      - Sumber Data\n'
    "      - Penanggung Jawab"
)


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> HistorySite:
    project = tmp_path_factory.mktemp("history")
    commits = make_history(project)
    result = build_site(project, project / "content")
    assert result.returncode == 0, result.stderr
    return HistorySite(project / "site", commits)


def versions(site: Site, url: str) -> list[tuple[str, list[str]]]:
    """Each version in a page's history: its line (date and links) and its changes, as read."""
    listed = site.page(url).find(id="riwayat").find_next("ul")
    found = []
    for item in listed.find_all("li", recursive=False):
        changes = [" ".join(change.get_text().split()) for change in item.ul.find_all("li", recursive=False)]
        item.ul.decompose()
        found.append((visible_text(item), changes))
    return found


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


def test_history_lists_versions_of_the_content_with_what_changed_in_words(history_site: HistorySite) -> None:
    short = {subject: commit[:12] for subject, commit in history_site.commits.items()}
    assert versions(history_site, FIXTURE_DOC) == [
        (
            f"1 September 2024 · JSON versi ini · commit {short['Kembalikan target, ganti nama']}",
            ["Nama indikator diubah: Persentase layanan tepat waktu → Persentase layanan selesai tepat waktu"],
        ),
        (
            f"20 Agustus 2024 · commit {short['Kosongkan target 2021']}",
            ["Versi tidak valid: isinya tidak lolos pemeriksaan model konten, sehingga perubahannya tidak diuraikan."],
        ),
        (
            f"15 Juli 2024 · JSON versi ini · commit {short['Perbaiki target dan rumus']}",
            [
                "Definisi indikator Nilai IKM Kecamatan: Hasil survei kepuasan masyarakat. → "
                "Hasil survei kepuasan masyarakat setiap tahun.",
                "Target 2022 indikator Nilai IKM Kecamatan: 82,5 → 85",
                "Target 2023 indikator Nilai IKM Kecamatan ditambahkan: 87,5",
                "Rumus indikator Persentase layanan tepat waktu diubah",
            ],
        ),
        (
            f"2 Maret 2024 · JSON versi ini · commit {short['Tambah IKU Kecamatan Contoh']}",
            ["Versi pertama dokumen ini."],
        ),
    ]
    # The indicator's name is in italics; commit subjects are not the public record.
    page = history_site.page(FIXTURE_DOC)
    assert [em.get_text() for em in page.find(id="riwayat").find_next("ul").find_all("em")][:2] == [
        "Persentase layanan tepat waktu",
        "Nilai IKM Kecamatan",
    ]
    assert "Rapikan format" not in history_site.html(FIXTURE_DOC)
    assert "Editors' JSON Schemas" not in history_site.html(FIXTURE_DOC)


def test_last_change_is_the_last_change_of_content_not_of_the_file(history_site: HistorySite) -> None:
    assert "Terakhir diperbarui 1 September 2024" in section_text(history_site, FIXTURE_DOC, "asal-data")
    # The decree's file was only ever committed once: its first version is its last change.
    assert versions(history_site, DECREE_PAGE) == [
        (
            f"2 Maret 2024 · JSON versi ini · commit {history_site.commits['Tambah IKU Kecamatan Contoh'][:12]}",
            ["Versi pertama dokumen ini."],
        )
    ]
    assert "Terakhir diperbarui 2 Maret 2024" in section_text(history_site, DECREE_PAGE, "asal-data")


def test_each_version_opens_as_json_and_links_its_commit(history_site: HistorySite) -> None:
    page = history_site.page(FIXTURE_DOC)
    july = history_site.commits["Perbaiki target dan rumus"]
    link = page.find("a", string="JSON versi ini", href=lambda href: july[:12] in href)
    assert link["href"] == f"versi/{july[:12]}/dokumen.json"
    earlier = json.loads((history_site.root / FIXTURE_DOC / "versi" / july[:12] / "dokumen.json").read_text("utf-8"))
    indicators = earlier["tabel_indikator"][0]["baris"][0]["indikator"]
    assert indicators[0]["target"] == [
        {"tahun": 2021, "nilai": "80"},
        {"tahun": 2022, "nilai": "85"},
        {"tahun": 2023, "nilai": "87,5"},
    ]
    assert indicators[1]["nama"] == "Persentase layanan tepat waktu"
    commit_links = [a["href"] for a in page.find(id="riwayat").find_next("ul").find_all("a") if "commit" in a.text]
    assert commit_links == [
        f"{REPO_URL}/commit/{history_site.commits[s]}"
        for s in (
            "Kembalikan target, ganti nama",
            "Kosongkan target 2021",
            "Perbaiki target dan rumus",
            "Tambah IKU Kecamatan Contoh",
        )
    ]
    # A version that did not validate has no JSON; versions that change nothing have no folder.
    published = sorted(path.name for path in (history_site.root / FIXTURE_DOC / "versi").iterdir())
    valid = ("Tambah IKU Kecamatan Contoh", "Perbaiki target dan rumus", "Kembalikan target, ganti nama")
    assert published == sorted(history_site.commits[s][:12] for s in valid)


def test_without_a_repository_address_commits_are_named_but_not_linked(tmp_path: Path) -> None:
    make_history(tmp_path)
    output = generate(tmp_path / "content", "Portal IKU", SITE_URL)
    markdown = output.pages[f"{FIXTURE_DOC}/index.md"]
    commit = git(tmp_path, "rev-parse", "HEAD").strip()
    assert f"commit {commit[:12]}" in markdown
    assert "/commit/" not in markdown


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
        f"{SITE_URL}{FIXTURE_DOC}/ (terakhir diperbarui 1 September 2024)."
    )
    assert citation == expected
    # Its copy button is iku.js's, copying this text (test_links.py): the page does not carry it twice.
    assert page.find(attrs={"data-iku-copy": True}) is None


def test_the_real_site_dates_each_document_by_its_first_and_only_version(real_site: Site, real_content: Path) -> None:
    """The real content, committed once in a repository of the test's own (``real_content``)."""
    commit = git(real_content.parent, "rev-parse", "HEAD").strip()
    assert versions(real_site, "jawa-timur/lumajang/senduro/2024") == [
        (f"15 Januari 2024 · JSON versi ini · commit {commit[:12]}", ["Versi pertama dokumen ini."])
    ]
    assert REAL_HISTORY["subject"] not in real_site.html("jawa-timur/lumajang/senduro/2024")
