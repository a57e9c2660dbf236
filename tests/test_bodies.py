"""Bodies (dinas, badan, the pemerintah daerah itself) and positions publish their IKU like kecamatan do.

The fixture ``tests/fixtures/bodies`` holds, beside a kecamatan's IKU and a Bupati's decree,
a kabupaten dinas, the pemerintah kabupaten, a provincial badan, a position (jabatan) of a
provincial dinas with makna, alasan and cara perhitungan, and a Gubernur's decree.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BODIES, Site, visible_text

from generator.content.errors import ContentError
from generator.content.load import load_content
from generator.publishing.search_index import indexed_pages

DINAS = "jawa-timur/lumajang/dinas-kesehatan/2024"
PEMKAB = "jawa-timur/lumajang/pemerintah-kabupaten/2021-2026"
BADAN = "jawa-timur/badan-pendapatan-daerah/2024-2026"
POSITION = "jawa-timur/dinas-perhubungan/sekretaris/2024"
GOVERNOR = "jawa-timur/keputusan/kepgub-jatim-1-2024"
NEW_PAGES = {
    DINAS: "IKU Dinas Kesehatan Kabupaten Lumajang 2024",
    PEMKAB: "IKU Pemerintah Kabupaten Lumajang 2021–2026",
    BADAN: "IKU Badan Pendapatan Daerah Provinsi Jawa Timur 2024–2026",
    POSITION: "IKU Sekretaris Dinas Perhubungan Provinsi Jawa Timur 2024",
    GOVERNOR: "Keputusan Gubernur Jawa Timur Nomor 100.3.3.1/1/KPTS/013/2024",
}


@pytest.mark.parametrize("path", NEW_PAGES)
def test_each_body_position_and_decree_has_its_own_page(bodies_site: Site, path: str) -> None:
    assert h(bodies_site.page(path), "h1") == [NEW_PAGES[path]]


def h(page: BeautifulSoup, level: str) -> list[str]:
    """The headings of one level in a page's article, as a reader sees them."""
    return [visible_text(heading) for heading in page.select(f"article {level}")]


def test_a_positions_indicator_shows_makna_alasan_cara_perhitungan_and_variables_under_their_labels(
    bodies_site: Site,
) -> None:
    text = bodies_site.text(POSITION)
    assert "Makna / penjelasan Ketepatan waktu penyusunan dokumen perencanaan dan pelaporan dinas." in text
    assert "Alasan pemilihan Dokumen perencanaan yang tepat waktu menjadi dasar penganggaran" in text
    assert "Cara perhitungan A/B X 100% = 100" in text
    assert (
        "Variabel rumus A = Jumlah dokumen perencanaan yang disusun tepat waktu "
        "B = Jumlah dokumen perencanaan yang wajib disusun Satuan %" in text
    )


def test_an_indicator_without_the_new_fields_shows_none_of_their_labels(bodies_site: Site) -> None:
    text = bodies_site.text(DINAS)
    for label in ("Makna / penjelasan", "Alasan pemilihan", "Cara perhitungan", "Variabel rumus"):
        assert label not in text


def test_the_kabupaten_page_lists_its_kecamatan_and_its_bodies_grouped_by_kind(bodies_site: Site) -> None:
    page = bodies_site.page("jawa-timur/lumajang")
    headings = h(page, "h2")
    assert headings == ["Dokumen", "Kecamatan", "Pemerintah daerah", "Dinas"]
    links = {a.get_text(strip=True): a["href"] for a in page.select("article a")}
    assert links["Kecamatan Contoh"] == "contoh/"
    assert links["Pemerintah Kabupaten Lumajang"] == "pemerintah-kabupaten/"
    assert links["Dinas Kesehatan Kabupaten Lumajang"] == "dinas-kesehatan/"


def test_the_provinsi_page_lists_its_kabupaten_its_own_bodies_and_the_governors_decree(bodies_site: Site) -> None:
    page = bodies_site.page("jawa-timur")
    headings = h(page, "h2")
    assert headings == ["Dokumen", "Kabupaten/kota", "Dinas", "Badan"]
    text = bodies_site.text("jawa-timur")
    for name in (
        "Keputusan Gubernur Jawa Timur",
        "Kabupaten Lumajang",
        "Dinas Perhubungan Provinsi Jawa Timur",
        "Badan Pendapatan Daerah Provinsi Jawa Timur",
    ):
        assert name in text


def test_a_bodys_page_lists_its_documents_and_its_positions(bodies_site: Site) -> None:
    text = bodies_site.text("jawa-timur/dinas-perhubungan")
    assert "Jabatan Sekretaris Dinas Perhubungan Provinsi Jawa Timur" in text
    assert "IKU Sekretaris Dinas Perhubungan Provinsi Jawa Timur 2024 Periode 2024" in bodies_site.text(
        "jawa-timur/dinas-perhubungan/sekretaris"
    )
    assert "IKU Dinas Kesehatan Kabupaten Lumajang 2024 Periode 2024" in bodies_site.text(
        "jawa-timur/lumajang/dinas-kesehatan"
    )


def test_a_bodys_former_id_redirects_to_its_page(bodies_site: Site) -> None:
    redirect = bodies_site.html("jawa-timur/lumajang/dinkes/2024")
    assert 'content="0; url=../../dinas-kesehatan/2024/"' in redirect


def test_every_new_indicator_is_in_the_open_data_with_the_new_fields(bodies_site: Site) -> None:
    text = (bodies_site.root / "data" / "indikator.csv").read_text(encoding="utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    by_document = {(r["url_dokumen"].split("portal-iku/")[1].strip("/"), r["id"]): r for r in records}
    for path in (DINAS, PEMKAB, BADAN, POSITION):
        assert any(document == path for document, _ in by_document), path
    position = by_document[(POSITION, "persentase-dokumen-perencanaan-tepat-waktu")]
    assert position["makna"] == "Ketepatan waktu penyusunan dokumen perencanaan dan pelaporan dinas."
    assert position["alasan"].startswith("Dokumen perencanaan yang tepat waktu")
    assert position["cara_perhitungan"] == "A/B X 100% = 100"
    assert position["variabel"].splitlines() == [
        "A = Jumlah dokumen perencanaan yang disusun tepat waktu",
        "B = Jumlah dokumen perencanaan yang wajib disusun",
    ]
    assert (position["wilayah"], position["kode_wilayah"]) == ("Jawa Timur", "35")
    dinas = by_document[(DINAS, "nilai-ikm")]
    assert (dinas["wilayah"], dinas["kode_wilayah"]) == ("Kabupaten Lumajang", "35.08")
    csv_header = (bodies_site.root / "data" / "indikator.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "makna,alasan,cara_perhitungan" in csv_header and ",variabel," in csv_header
    package = json.loads((bodies_site.root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert {"makna", "alasan", "cara_perhitungan", "variabel"} <= set(fields)


def test_search_finds_every_new_document(bodies_site: Site) -> None:
    pages = {page.url: page for page in indexed_pages(bodies_site.root)}
    for path, title in NEW_PAGES.items():
        assert pages[f"/{path}/"].meta["title"] == title, path
    assert "Dokumen perencanaan yang tepat waktu" in pages[f"/{POSITION}/"].content


def test_the_comparison_page_puts_nilai_ikm_of_every_kind_side_by_side(bodies_site: Site) -> None:
    text = bodies_site.text("perbandingan/ikm")
    for body in (
        "Kecamatan Contoh",
        "Dinas Kesehatan Kabupaten Lumajang",
        "Badan Pendapatan Daerah Provinsi Jawa Timur",
    ):
        assert body in text


@pytest.fixture
def bodies_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(BODIES, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def reported(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(problem) for problem in caught.value.problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_body_cannot_take_a_kecamatans_address(bodies_content: Path) -> None:
    replace(bodies_content / "wilayah.yml", "- id: dinas-kesehatan\n", "- id: contoh\n")
    assert (
        "content/wilayah.yml:19:17: provinsi[0].kabupaten[0].instansi[1].id: "
        "id sudah dipakai di provinsi[0].kabupaten[0].kecamatan[0].id\n"
        "    diharapkan: id yang belum dipakai\n"
        '    ditemukan: "contoh"\n'
        "    saran: setiap id harus unik"
    ) in reported(bodies_content)


def test_a_provincial_body_cannot_take_a_kabupatens_or_the_decrees_address(bodies_content: Path) -> None:
    replace(bodies_content / "wilayah.yml", "- id: badan-pendapatan-daerah\n", "- id: lumajang\n")
    replace(bodies_content / "wilayah.yml", "- id: dinas-perhubungan\n", "- id: keputusan\n")
    problems = [problem.split("\n")[0] for problem in reported(bodies_content)]
    assert (
        "content/wilayah.yml:24:13: provinsi[0].instansi[0].id: id sudah dipakai di provinsi[0].kabupaten[0].id"
        in problems
    )
    assert (
        "content/wilayah.yml:27:13: provinsi[0].instansi[1].id: id ini dicadangkan untuk folder keputusan provinsi ini"
        in problems
    )


def test_a_position_id_cannot_look_like_a_period(bodies_content: Path) -> None:
    replace(bodies_content / "wilayah.yml", "- id: sekretaris\n", "- id: 2024-2026\n")
    problems = [problem.split("\n")[0] for problem in reported(bodies_content)]
    where = "content/wilayah.yml:31:17: provinsi[0].instansi[1].jabatan[0].id"
    assert f"{where}: id jabatan ini tampak seperti periode dokumen" in problems


def test_a_document_of_an_unknown_body_names_the_closest(bodies_content: Path) -> None:
    replace(
        bodies_content / "dokumen" / DINAS.replace("/2024", "/2024.yml"),
        "instansi: dinas-kesehatan",
        "instansi: dinas-kesehatn",
    )
    assert reported(bodies_content)[0].split("\n")[0] == (
        "content/dokumen/jawa-timur/lumajang/dinas-kesehatan/2024.yml:8:13: wilayah.instansi: "
        "instansi tidak ditemukan di kabupaten `lumajang`"
    )
