"""A way in: every document two clicks from the home page without JavaScript, and one indicator
compared across bodies, with its targets per year side by side and the reason names were grouped.

The journeys themselves, in a browser, are in ``test_journeys.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from conftest import GOOD, REPO, SITE_URL, Site, build_site, edit, visible_text

from generator.content.checks import document_key
from generator.content.load import load_content
from generator.content.model import Glossary
from generator.pages.comparison import MAX_ANCHOR, ComparisonKeys, key_anchors
from generator.pages.directory import Directory
from generator.pages.view import SiteView

CONTENT = load_content(REPO / "content")


def rows(table: Tag) -> list[list[str]]:
    """A table's header and body rows as the cells' visible text."""
    return [[visible_text(cell) for cell in row.select("th, td")] for row in table.select("tr")]


def heading(tag: Tag) -> str:
    return visible_text(tag).removesuffix("#").strip()


def resolves(site: Site, page: str, href: str) -> bool:
    """Whether a relative link on ``page`` leads to a built page (and, with a fragment, to an element there)."""
    path, _, anchor = href.partition("#")
    target = (site.root / page / path).resolve() / "index.html"
    if not target.is_file():
        return False
    return not anchor or BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor) is not None


# -- the home page and the list of documents ------------------------------------------


def test_the_home_page_leads_to_each_provinsis_list_of_documents(real_site: Site) -> None:
    page = real_site.page("")
    table = page.find(id="provinsi").find_next("table")
    assert rows(table) == [
        ["Provinsi", "Kabupaten/kota", "Dokumen"],
        ["Jawa Timur", "3", "5"],
    ]
    assert [a["href"] for a in table.select("a")] == ["daftar-dokumen/jawa-timur/"]
    form = page.select_one("article form[role=search]")
    # The search page, with ?q= (GET: the attribute's default, which the published page may leave out).
    assert form["action"] == "pencarian/" and form.get("method", "get") == "get"
    box = form.select_one("input[name=q]")
    assert visible_text(form.select_one(f"label[for={box['id']}]")).startswith("Cari dokumen menurut nama")


def test_a_provinsi_list_names_every_document_of_each_kabupaten_with_its_kind_and_period(real_site: Site) -> None:
    path = "daftar-dokumen/jawa-timur"
    page = real_site.page(path)
    assert heading(page.select_one("article h1")) == "Daftar dokumen Jawa Timur"
    sections = {heading(h2): rows(h2.find_next("table")) for h2 in page.select("article h2")}
    header = ["Dokumen", "Jenis", "Periode"]
    iku, decree = "IKU", "Keputusan penetapan"
    assert sections == {
        "Kabupaten Jember": [header, ["IKU Kecamatan Sumberjambe 2022", iku, "2022"]],
        "Kabupaten Lamongan": [header, ["IKU Kecamatan Mantup 2021–2026", iku, "2021–2026"]],
        "Kabupaten Lumajang": [
            header,
            ["IKU Kecamatan Lumajang 2020", iku, "2020"],
            ["IKU Kecamatan Senduro 2024", iku, "2024"],
            ["Keputusan Bupati Lumajang Nomor 188.45/326/427.12/2019", decree, "2019"],
        ],
    }
    links = [a["href"] for a in page.select("article a") if not a.get("class")]
    assert links and all(resolves(real_site, path, href) for href in links), links


def test_every_document_is_in_exactly_one_list_and_the_index_names_every_list(real_site: Site) -> None:
    lists = sorted((real_site.root / "daftar-dokumen").glob("*/index.html"))
    listed: list[str] = []
    for html in lists:
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for link in page.select("article table a"):
            listed.append((html.parent / link["href"]).resolve().relative_to(real_site.root).as_posix())
    assert sorted(listed) == sorted("/".join(document_key(loaded.document)) for loaded in CONTENT.documents)
    index = real_site.page("daftar-dokumen")
    assert [a["href"] for a in index.select("article table a")] == ["jawa-timur/"]


def test_a_provinsi_without_documents_is_named_but_has_no_list(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(GOOD, content)
    with (content / "wilayah.yml").open("a", encoding="utf-8") as regions:
        regions.write('  - id: bali\n    nama: Bali\n    kode: "51"\n    kabupaten: []\n')
    directory = Directory(SiteView(load_content(content), "Portal IKU", SITE_URL))
    assert [(p.title, p.url, p.regency_count, p.document_count) for p in directory.provinces()] == [
        ("Bali", None, 0, 0),
        ("Jawa Timur", "/daftar-dokumen/jawa-timur/index.md", 1, 2),
    ]
    assert [page.path for page in directory.pages()] == [
        "index.md",
        "daftar-dokumen/index.md",
        "daftar-dokumen/jawa-timur/index.md",
    ]


# -- comparison -----------------------------------------------------------------------

IKM_NAMES = ["Nilai IKM", "Nilai IKM Kecamatan", "Nilai Surve Kepuasan Masyarakat"]


def test_names_that_differ_only_in_spelling_or_abbreviation_share_one_key() -> None:
    keys = ComparisonKeys.of(CONTENT.glossary)
    names = [
        "IKM",
        "Indeks Kepuasan Masyarakat",
        "Survei Kepuasan Masyarakat",
        "Nilai Surve Kepuasan Masyarakat",
        "Nilai IKM Kecamatan",
        "Nilai Indeks Kepuasan Masyarakat (IKM)",
        "nilai SKM",
    ]
    assert {name: keys.key(name) for name in names} == dict.fromkeys(names, "ikm")
    assert keys.key("IKM Internal Kecamatan") == "ikm internal"
    readings = [(r.rule.name, r.found, r.read_as) for r in keys.explain("Nilai Surve Kepuasan Masyarakat").readings]
    assert readings == [
        ("spelling", "surve", "survei"),
        ("abbreviation", "survei kepuasan masyarakat", "SKM"),
        ("same_measure", "SKM", "IKM"),
        ("leading_word", "nilai", ""),
    ]


def test_without_the_glossary_entry_a_survey_stays_its_own_indicator() -> None:
    glossary = Glossary.model_validate(
        {"istilah": [{"singkatan": "IKM", "kepanjangan": "Indeks Kepuasan Masyarakat", "dari_sumber": False}]}
    )
    keys = ComparisonKeys.of(glossary)
    assert keys.key("Nilai Surve Kepuasan Masyarakat") == "survei kepuasan masyarakat"
    assert keys.key("Nilai Indeks Kepuasan Masyarakat") == "ikm"


def test_a_long_name_s_comparison_address_is_cut_at_a_word_and_stays_its_own() -> None:
    # A group's id is a folder of the site: a 500-character name made one no file system could hold.
    name = " ".join(["Persentase penyelesaian dokumen perencanaan"] * 12)
    yearly, monthly, unbroken, ikm = key_anchors([f"{name} tahunan", f"{name} bulanan", "x" * 300, "Nilai IKM"])
    assert yearly == "-".join(["persentase-penyelesaian-dokumen-perencanaan"] * 4 + ["persentase-penyelesaian"])
    assert len(yearly) <= MAX_ANCHOR < len(name)
    assert monthly == f"{yearly}-2"
    assert (unbroken, ikm) == ("x" * MAX_ANCHOR, "nilai-ikm")


def test_the_comparison_index_lists_every_indicator_used_by_more_than_one_body(real_site: Site) -> None:
    page = real_site.page("perbandingan")
    table = page.select_one("article table")
    assert rows(table) == [
        ["Indikator", "Nama seperti tercetak", "Dokumen"],
        ["Nilai IKM", " / ".join(IKM_NAMES) + " (dikelompokkan)", "4"],
        [
            "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti",
            "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti"
            " / Presentase hasil fasilitasi dan koordinasi yang ditindaklanjuti (dikelompokkan)",
            "2",
        ],
        [
            "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
            "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu"
            " / Rata-rata Presentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu"
            " (dikelompokkan)",
            "2",
        ],
    ]
    assert table.select("a")[0]["href"] == "ikm/"
    rules = [
        " ".join(li.get_text().split()) for li in page.find(id="aturan-pengelompokan").find_next("ul").select("li")
    ]
    assert (
        "Nama lain untuk ukuran yang sama: SKM dibaca IKM, karena nilai IKM adalah hasil Survei Kepuasan"
        " Masyarakat (SKM); dokumen menyebut nilai yang sama dengan kedua nama."
    ) in rules


def test_the_ikm_comparison_groups_four_bodies_and_says_why(real_site: Site) -> None:
    path = "perbandingan/ikm"
    page = real_site.page(path)
    assert heading(page.select_one("article h1")) == " / ".join(IKM_NAMES)
    text = real_site.text(path)
    said = " ".join(page.select_one("article p strong").parent.get_text().split())
    assert said == (
        "Nama-nama ini dikelompokkan. Nilai IKM, Nilai IKM Kecamatan, Nilai Surve Kepuasan Masyarakat"
        " dianggap indikator yang sama karena hanya berbeda ejaan atau singkatan:"
    )
    reasons = [" ".join(li.get_text().split()) for li in page.select("article ul li")]
    assert reasons == [
        "Ejaan baku: surve dibaca survei.",
        "Singkatan dari glosarium: survei kepuasan masyarakat dibaca SKM.",
        "Nama lain untuk ukuran yang sama: SKM dibaca IKM, karena nilai IKM adalah hasil Survei Kepuasan"
        " Masyarakat (SKM); dokumen menyebut nilai yang sama dengan kedua nama.",
        "Kata kecamatan diabaikan karena menyebut jenis instansi.",
        "Kata pembuka nilai diabaikan.",
    ]
    # No document in the real content prints yearly targets for this indicator: the page says so.
    assert "Tidak satu pun dokumen ini mencantumkan target per tahun untuk indikator ini" in text
    assert heading(page.select_one("article h2")) == "Jawa Timur"
    table = page.select_one("article table")
    assert rows(table) == [
        ["Dokumen", "Instansi seperti tercetak", "Wilayah", "Periode", "Nama indikator seperti tercetak"],
        [
            "IKU Kecamatan Sumberjambe 2022",
            "KECAMATAN SUMBERJAMBE",
            "Kecamatan Sumberjambe, Kabupaten Jember",
            "2022",
            "Nilai Surve Kepuasan Masyarakat",
        ],
        [
            "IKU Kecamatan Mantup 2021–2026",
            "KECAMATAN MANTUP KABUPATEN LAMONGAN",
            "Kecamatan Mantup, Kabupaten Lamongan",
            "2021–2026",
            "Nilai IKM",
        ],
        [
            "Keputusan Bupati Lumajang Nomor 188.45/326/427.12/2019",
            "Kecamatan",
            "Kabupaten Lumajang",
            "2019",
            "Nilai IKM Kecamatan",
        ],
        [
            "IKU Kecamatan Lumajang 2020",
            "Kecamatan Lumajang",
            "Kecamatan Lumajang, Kabupaten Lumajang",
            "2020",
            "Nilai IKM Kecamatan",
        ],
    ]
    links = [a["href"] for a in table.select("a")]
    assert [href.split("#")[1] for href in links] == [
        "nilai-survei-kepuasan-masyarakat",
        "nilai-ikm",
        "nilai-ikm-kecamatan",
        "nilai-ikm-kecamatan",
    ]
    assert all(resolves(real_site, path, href) for href in links), links


def test_targets_of_one_indicator_stand_side_by_side_per_year(good_content: Path, tmp_path: Path) -> None:
    """The fixture's Contoh prints targets for 2021 and 2022, its decree none; a second kecamatan
    prints the survey's value for 2022 and 2023 under another name (the glossary knows SKM)."""
    district = '            kode: "35.08.99"\n'
    edit(good_content / "wilayah.yml", district, district + "          - id: kedua\n            nama: Kedua\n")
    with (good_content / "glosarium.yml").open("a", encoding="utf-8") as glossary:
        glossary.write("  - singkatan: SKM\n    kepanjangan: Survei Kepuasan Masyarakat\n    dari_sumber: false\n")
    folder = good_content / "dokumen/jawa-timur/lumajang/kedua"
    folder.mkdir()
    second = folder / "2022-2023.yml"
    shutil.copy(good_content / "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml", second)
    edit(second, "kecamatan: contoh", "kecamatan: kedua")
    edit(second, "nama: Kecamatan Contoh", "nama: Kecamatan Kedua")
    edit(second, "  mulai: 2021\n  selesai: 2023", "  mulai: 2022\n  selesai: 2023")
    edit(second, "nama: Nilai IKM Kecamatan", "nama: Nilai Survey Kepuasan Masyarakat")
    edit(second, 'tahun: 2021\n                nilai: "80"', 'tahun: 2022\n                nilai: "85"')
    edit(second, 'tahun: 2022\n                nilai: "82,5"', 'tahun: 2023\n                nilai: "87,25"')
    (tmp_path / "project").mkdir()
    result = build_site(tmp_path / "project", good_content)
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "project" / "site")
    page = site.page("perbandingan/ikm")
    assert rows(page.select_one("article table")) == [
        [
            "Dokumen",
            "Instansi seperti tercetak",
            "Wilayah",
            "Periode",
            "Nama indikator seperti tercetak",
            "Target 2021",
            "Target 2022",
            "Target 2023",
            "Keterangan",
        ],
        [
            "IKU Kecamatan Contoh 2021–2023",
            "Kecamatan Contoh",
            "Kecamatan Contoh, Kabupaten Lumajang",
            "2021–2023",
            "Nilai IKM Kecamatan",
            "80",
            "82,5",
            "—",
            "",
        ],
        [
            "IKU Kecamatan Kedua 2022–2023",
            "Kecamatan Kedua",
            "Kecamatan Kedua, Kabupaten Lumajang",
            "2022–2023",
            "Nilai Survey Kepuasan Masyarakat",
            "—",
            "85",
            "87,25",
            "",
        ],
        [
            "Keputusan Bupati Lumajang Nomor 188.45/1/2020",
            "Kecamatan",
            "Kabupaten Lumajang",
            "2020",
            "Nilai IKM Kecamatan",
            "—",
            "—",
            "—",
            "target per tahun tidak tercantum",
        ],
    ]
    reasons = [" ".join(li.get_text().split()) for li in page.select("article ul li")]
    assert reasons[:2] == [
        "Ejaan baku: survey dibaca survei.",
        "Singkatan dari glosarium: survei kepuasan masyarakat dibaca SKM.",
    ]
