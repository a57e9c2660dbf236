"""The built site, read as a reader gets it: every value of every seed document is there.

Expectations come from the content model itself (so nothing is hard-coded twice) plus a
few facts read straight from the source documents, which guard the transcription.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import GOOD, REPO, Site, build_site, edit, visible_text

from generator.content.addresses import SITE_SECTIONS
from generator.content.checks import document_key, indicators_with_locs
from generator.content.load import load_content
from generator.content.model import Decree, IkuContent, IkuDocument, ListItem
from generator.pages.view import indonesian_date
from generator.publishing.search_index import indexed_pages

CONTENT = load_content(REPO / "content")
DOCUMENTS = {"/".join(document_key(d.document)): d.document for d in CONTENT.documents}


def folded(text: str) -> str:
    return " ".join(text.split())


def list_texts(items: list[ListItem]) -> Iterator[str]:
    for item in items:
        yield item.teks
        yield from list_texts(item.rincian)


def section(page: BeautifulSoup, anchor: str) -> BeautifulSoup:
    """The heading with id ``anchor`` and everything after it up to the next heading of its level or above."""
    heading = page.find(id=anchor)
    assert isinstance(heading, Tag) and heading.name in {"h2", "h3", "h4", "h5", "h6"}, anchor
    level = int(heading.name[1])
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        parts.append(sibling)
    return BeautifulSoup("".join(str(part) for part in parts), "html.parser")


def section_text(part: BeautifulSoup) -> str:
    return folded(visible_text(part))


def iku_parts(document: IkuDocument | Decree) -> list[IkuContent]:
    return list(document.lampiran) if isinstance(document, Decree) else [document]


def test_the_five_seed_documents_are_published() -> None:
    assert set(DOCUMENTS) >= {
        "jawa-timur/jember/sumberjambe/2022",
        "jawa-timur/lamongan/mantup/2021-2026",
        "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019",
        "jawa-timur/lumajang/lumajang/2020",
        "jawa-timur/lumajang/senduro/2024",
    }


@pytest.mark.parametrize("url", sorted(DOCUMENTS))
def test_every_indicator_is_on_its_page_with_all_its_values(real_site: Site, url: str) -> None:
    document = DOCUMENTS[url]
    page = real_site.page(url)
    indicators = [indicator for _, indicator in indicators_with_locs(document)]
    assert indicators, "every seed has indicators"
    for indicator in indicators:
        part = section(page, indicator.id)
        text = section_text(part)
        assert folded(indicator.nama) in text
        for value in [*indicator.sumber_data, *indicator.penanggung_jawab, *(t.nilai for t in indicator.target)]:
            assert folded(value) in text, (indicator.id, value)
        if indicator.definisi:
            assert folded(indicator.definisi) in text
        for note in indicator.catatan_editor:
            assert folded(note) in text
        formula = indicator.rumus
        if formula is not None and formula.latex is not None:
            annotations = [a.get_text() for a in part.select("math annotation")]
            assert [folded(a) for a in annotations] == [folded(formula.latex)], indicator.id
        elif formula is not None:
            assert folded(formula.teks or "") in text


@pytest.mark.parametrize("url", sorted(DOCUMENTS))
def test_tasks_functions_goals_signature_and_notes_are_on_the_page(real_site: Site, url: str) -> None:
    document = DOCUMENTS[url]
    text = real_site.text(url)
    expected = [*document.catatan_editor]
    for part in iku_parts(document):
        expected += [*list_texts(part.tugas), *list_texts(part.fungsi)]
        expected += [item.label for item in [*part.tugas, *part.fungsi] if item.label]
        for goal in part.tujuan:
            expected += [goal.uraian, *goal.indikator]
        expected += [g.uraian for table in part.tabel_indikator for g in table.baris]
    signature = document.ditandatangani
    if signature is not None:
        expected += [
            v for v in (signature.tempat, signature.jabatan, signature.nama, signature.pangkat, signature.nip) if v
        ]
        if signature.tanggal:
            expected.append(indonesian_date(signature.tanggal))
    for value in expected:
        assert folded(value) in text, value


def test_the_decree_lists_all_sixteen_citations_linked_to_their_regulation_pages(real_site: Site) -> None:
    url = "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019"
    decree = DOCUMENTS[url]
    assert isinstance(decree, Decree) and len(decree.mengingat) == 16
    items = section(real_site.page(url), "mengingat").select("ol > li")
    assert len(items) == 16
    for item, citation in zip(items, decree.mengingat, strict=True):
        hrefs = [a["href"] for a in item.select("a")]
        assert hrefs[0] == f"../../../../regulasi/{citation.regulasi}/"
        assert [h.split("/")[-2] for h in hrefs[1:]] == [a.regulasi for a in citation.perubahan]
        for href in hrefs:
            assert (real_site.root / url / href / "index.html").resolve().is_file()
    text = real_site.text(url)
    for article in decree.diktum:
        assert folded(article.label) in text and folded(article.teks) in text
        for sub in article.rincian:
            assert folded(sub.teks) in text
    for value in [*decree.menimbang, *decree.salinan, decree.nomor, decree.judul]:
        assert folded(value) in text


def test_a_regulation_page_lists_every_document_citing_it(real_site: Site) -> None:
    page = real_site.page("regulasi/permenpan-per-9-2007")
    assert (
        page.select_one("h1")
        .get_text(strip=True)
        .startswith("Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 Tahun 2007")
    )
    cited = [a["href"] for a in page.select("#dikutip-oleh ~ ul a")]
    assert cited == ["../../jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019/"]
    mantup = real_site.page("regulasi/permenpan-rb-16-2014").select("#dikutip-oleh ~ ul a")
    assert [a["href"] for a in mantup] == ["../../jawa-timur/lamongan/mantup/2021-2026/"]


def test_lumajang_documents_link_to_the_decree_that_fixes_them(real_site: Site) -> None:
    for url in ("jawa-timur/lumajang/lumajang/2020", "jawa-timur/lumajang/senduro/2024"):
        links = [a["href"] for a in real_site.page(url).select("article a")]
        assert "../../keputusan/kepbup-lumajang-188-45-326-427-12-2019/" in links


def test_the_mantup_targets_table_is_shown_as_printed(real_site: Site) -> None:
    page = real_site.page("jawa-timur/lamongan/mantup/2021-2026")
    table = section(page, "target").select_one("table")
    rows = [[folded(cell.get_text()) for cell in row.select("td")] for row in table.select("tbody tr")]
    assert rows[-1] == [
        "10",
        "Persentase Desa Naik Kelas",
        "20,00%",
        "26,67%",
        "33,33%",
        "40,00%",
        "46,67%",
        "53,33%",
        "53,33%",
    ]
    assert [row[0] for row in rows] == ["7", "8", "9", "10"]
    assert "judul tidak tercetak" in folded(table.select_one("thead").get_text())


@pytest.mark.parametrize(
    ("url", "facts"),
    [
        (
            "jawa-timur/lumajang/lumajang/2020",
            ["ABDUL BASAR", "19621010 198503 1 026", "CAMAT LUMAJANG", "10 Januari 2020", "Seluruh Seksi dan Subag"],
        ),
        (
            "jawa-timur/lamongan/mantup/2021-2026",
            ["SUWANTO SASTRODIHARJO, S.STP., M.M", "Pembina", "19851010 200602 1 001", "Perhitungan Ispektorat"],
        ),
        (
            "jawa-timur/lumajang/senduro/2024",
            ["BAMBANG SUGIATO,S.Pd", "Sekretari", "Kasi PMD", "Indikator Kinerja Individu"],
        ),
        (
            "jawa-timur/jember/sumberjambe/2022",
            ["Hasil rapat koordinasi bidang Tramtibum", "Seksi Pemerintahan", "tidak memuat blok tanda tangan"],
        ),
        (
            "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019",
            ["H. THORIQUL HAQ, M.M.", "20 September 2019", "188.45/326/427.12/2019", "KEENAM"],
        ),
    ],
)
def test_facts_read_from_the_source_documents_are_published(real_site: Site, url: str, facts: list[str]) -> None:
    text = real_site.text(url)
    for fact in facts:
        assert fact in text


def test_formulas_are_prerendered_mathml_with_self_hosted_katex(real_site: Site) -> None:
    html = real_site.html("jawa-timur/jember/sumberjambe/2022")
    page = BeautifulSoup(html, "html.parser")
    assert len(page.select(".iku-rumus math")) == 4
    assert not page.select("script[src*='katex']")
    stylesheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert "../../../../assets/katex/katex.min.css" in stylesheets
    assert all(not href.startswith(("http:", "https:", "//")) for href in stylesheets)
    css = (real_site.root / "assets/katex/katex.min.css").read_text(encoding="utf-8")
    version = json.loads((REPO / "node_modules/katex/package.json").read_text(encoding="utf-8"))["version"]
    assert f"version:{version}" in css.replace(" ", "") or version in css
    fonts = {path.name for path in (real_site.root / "assets/katex/fonts").iterdir()}
    assert "KaTeX_Main-Regular.woff2" in fonts


def test_every_in_page_link_lands_on_an_anchor(real_site: Site) -> None:
    for index in sorted(real_site.root.rglob("index.html")):
        page = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
        ids = {element["id"] for element in page.select("[id]")}
        for link in page.select("article a[href^='#']"):
            assert link["href"][1:] in ids, (index, link["href"])


def test_navigation_pages_lead_from_home_to_each_document(real_site: Site) -> None:
    home = [a["href"] for a in real_site.page("").select("article a")]
    assert "daftar-dokumen/jawa-timur/" in home
    listed = [a["href"] for a in real_site.page("daftar-dokumen/jawa-timur").select("article a")]
    assert {"../../jawa-timur/", "../../jawa-timur/lumajang/"} <= set(listed)
    regency = [a["href"] for a in real_site.page("jawa-timur/lumajang").select("article a")]
    assert {"lumajang/", "senduro/", "keputusan/kepbup-lumajang-188-45-326-427-12-2019/"} <= set(regency)
    district = real_site.page("jawa-timur/lumajang/senduro")
    assert "35.08.12" in district.get_text()
    assert [a["href"] for a in district.select("#dokumen ~ table a")] == ["2024/"]


def test_search_indexes_the_indonesian_text(real_site: Site) -> None:
    entry = json.loads((real_site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"]  # one index, stemmed as Indonesian
    pages = {page.url: page for page in indexed_pages(real_site.root)}
    document = pages["/jawa-timur/lumajang/lumajang/2020/"]
    assert "nilai-ikm-kecamatan" in {anchor["id"] for anchor in document.anchors}
    # An abbreviation is indexed with its expansion (its title) before it.
    assert "Nilai Indeks Kepuasan Masyarakat. IKM" in document.content
    assert real_site.page("").html["lang"] == "id"


def test_the_fixture_site_shows_years_targets_and_an_unlabelled_table(fixture_site: Site) -> None:
    page = fixture_site.page("jawa-timur/lumajang/contoh/2021-2023")
    targets = section(page, "nilai-ikm")
    rows = [[folded(td.get_text()) for td in tr.select("td")] for tr in targets.select("tbody tr")]
    assert rows == [["2021", "80"], ["2022", "82,5"]]
    regulation = [a["href"] for a in targets.select("a")]
    assert "../../../../regulasi/permenpan-rb-16-2014/" in regulation
    headings = [folded(th.get_text()) for th in section(page, "tabel-target-1").select("th")]
    assert headings == ["No", "Indikator", "Kolom 1 (judul tidak tercetak)", "Kolom 2 (judul tidak tercetak)"]


def test_a_strict_build_fails_cleanly_on_broken_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(GOOD, content)
    edit(content / "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml", "kecamatan: contoh", "kecamatan: x")
    result = build_site(tmp_path, content)
    assert result.returncode == 1
    assert "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml:8:14: wilayah.kecamatan" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_top_level_folder_of_the_site_is_a_reserved_section_or_a_province(real_site: Site) -> None:
    """A region id may not take a section's address: a new section must be declared in SITE_SECTIONS."""
    provinces = {province.id for province in CONTENT.regions.provinsi}
    folders = {path.name for path in real_site.root.iterdir() if path.is_dir()}
    assert folders - provinces <= SITE_SECTIONS
    assert folders & provinces == provinces
