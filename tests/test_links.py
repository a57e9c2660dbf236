"""Links that never break: ids make the addresses, renamed ids keep working, every page is citable."""

from __future__ import annotations

import gzip
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DECREE, DOC, GOOD, SITE_URL, Site, build_site, edit, served
from playwright.sync_api import Browser

from generator.content.checks import document_key, indicators_with_locs
from generator.content.load import load_content

CONTENT = load_content(Path(__file__).resolve().parent.parent / "content")
FIXTURE_DOC = "jawa-timur/lumajang/contoh/2021-2023"


def page_ids(site: Site, url: str) -> dict[str, str]:
    """Every id on a page's article, with the text of the heading (or element) it names."""
    article = site.page(url).select_one("article")
    assert article is not None
    ids = {}
    for element in article.select("[id]"):
        heading = element if element.name in {"h2", "h3", "h4", "h5", "h6"} else element.find_parent(["h4", "h5"])
        owner = heading if heading is not None else element
        ids[element["id"]] = " ".join(owner.get_text(" ").replace("#", "").split())
    return ids


def write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def with_indicators(project: Path, change: Callable[[list[dict]], list[dict]]) -> Site:
    """Build the fixture with the first goal's indicators replaced by ``change(indicators)``."""
    shutil.copytree(GOOD, project / "content")
    path = project / DOC
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    goal = data["tabel_indikator"][0]["baris"][0]
    goal["indikator"] = change(goal["indikator"])
    write_yaml(path, data)
    result = build_site(project, project / "content")
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


@pytest.fixture(scope="module")
def reshuffled_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture with its indicators reordered and one inserted at the front."""
    added = {"id": "indikator-sisipan", "nama": "Indikator sisipan", "sumber_data": ["Kecamatan"]}
    return with_indicators(tmp_path_factory.mktemp("reshuffled"), lambda old: [added, *reversed(old)])


def test_anchors_survive_reordering_inserting_and_deleting_other_indicators(
    fixture_site: Site, reshuffled_site: Site
) -> None:
    before = page_ids(fixture_site, FIXTURE_DOC)
    after = page_ids(reshuffled_site, FIXTURE_DOC)
    assert before["nilai-ikm"].startswith("Nilai IKM Kecamatan")
    assert before["persentase-layanan-tepat-waktu"].startswith("Persentase layanan tepat waktu")
    for anchor, text in before.items():
        assert after.get(anchor) == text, anchor
    assert after["indikator-sisipan"].startswith("Indikator sisipan")


@pytest.fixture(scope="module")
def deleted_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture without its first indicator."""
    return with_indicators(tmp_path_factory.mktemp("deleted"), lambda old: old[1:])


def test_deleting_an_indicator_changes_no_other_anchor(fixture_site: Site, deleted_site: Site) -> None:
    before = page_ids(fixture_site, FIXTURE_DOC)
    after = page_ids(deleted_site, FIXTURE_DOC)
    gone = {anchor for anchor in before if anchor not in after}
    # The deleted indicator was the only one with yearly targets, so that section goes with it.
    assert gone == {"nilai-ikm", "grafik--nilai-ikm-judul", "grafik--nilai-ikm-uraian", "target-per-tahun"}
    for anchor in before.keys() - gone:
        assert after[anchor] == before[anchor], anchor


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture after an editor renamed an indicator, a kecamatan, a decree and a document's period."""
    project = tmp_path_factory.mktemp("renamed")
    content = project / "content"
    shutil.copytree(GOOD, content)
    edit(
        project / DOC,
        "          - id: nilai-ikm\n",
        "          - id: nilai-ikm-kecamatan\n            id_lama: [nilai-ikm]\n",
    )
    edit(
        project / DOC,
        "catatan_editor:\n  - Tabel target",
        "alamat_lama: [jawa-timur/lumajang/contoh/2021]\ncatatan_editor:\n  - Tabel target",
    )
    edit(content / "wilayah.yml", "id: contoh\n", "id: contoh-baru\n            id_lama: [contoh]\n")
    edit(project / DOC, "kecamatan: contoh\n", "kecamatan: contoh-baru\n")
    edit(
        project / DECREE, "id: kepbup-contoh-1-2020\n", "id: kepbup-contoh-satu-2020\nid_lama: [kepbup-contoh-1-2020]\n"
    )
    edit(project / DOC, "keputusan: kepbup-contoh-1-2020", "keputusan: kepbup-contoh-satu-2020")
    # A document's file lies where its content puts its page: it moves with its kecamatan.
    moved = content / "dokumen/jawa-timur/lumajang/contoh-baru"
    moved.mkdir()
    (project / DOC).rename(moved / "2021-2023.yml")
    result = build_site(project, content)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


def redirect_target(site: Site, old: str) -> str:
    """Where the page at the former address ``old`` sends a reader, as a site path."""
    html = (site.root / old / "index.html").read_text(encoding="utf-8")
    refresh = BeautifulSoup(html, "html.parser").select_one('meta[http-equiv="refresh"]')
    assert refresh is not None
    relative = refresh["content"].split("url=", 1)[1]
    return posixpath.normpath(posixpath.join(old, relative)) + "/"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("jawa-timur/lumajang/contoh", "jawa-timur/lumajang/contoh-baru/"),
        ("jawa-timur/lumajang/contoh/2021-2023", "jawa-timur/lumajang/contoh-baru/2021-2023/"),
        ("jawa-timur/lumajang/contoh/2021", "jawa-timur/lumajang/contoh-baru/2021-2023/"),
        (
            "jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020",
            "jawa-timur/lumajang/keputusan/kepbup-contoh-satu-2020/",
        ),
    ],
)
def test_a_former_address_redirects_to_the_page_now(renamed: Site, old: str, new: str) -> None:
    assert redirect_target(renamed, old) == new
    assert (renamed.root / new / "index.html").is_file()
    html = (renamed.root / old / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}{new}">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_renamed_indicator_keeps_its_old_anchor_on_its_heading(renamed: Site) -> None:
    page = renamed.page("jawa-timur/lumajang/contoh-baru/2021-2023")
    old = page.find(id="nilai-ikm")
    assert old is not None and old.name == "span"
    assert old.find_parent("h4")["id"] == "nilai-ikm-kecamatan"


def test_an_old_indicator_link_lands_on_the_indicator_in_a_browser(renamed: Site, browser: Browser) -> None:
    with served(renamed.root) as base:
        page = browser.new_page()
        page.goto(f"{base}jawa-timur/lumajang/contoh/2021-2023/#nilai-ikm")
        page.wait_for_url(re.compile(r"/contoh-baru/2021-2023/#nilai-ikm$"))
        heading = page.locator("h4#nilai-ikm-kecamatan")
        assert heading.evaluate("h => h.matches(':has(:target)')")
        assert heading.is_visible()
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
        page.close()


def test_every_indicator_shows_its_permalink_and_a_copy_control(real_site: Site) -> None:
    checked = 0
    for loaded in CONTENT.documents:
        key = document_key(loaded.document)
        page = real_site.page("/".join(key))
        for _, indicator in indicators_with_locs(loaded.document):
            permalink = f"{SITE_URL}{'/'.join(key)}/#{indicator.id}"
            heading = page.find(id=indicator.id)
            line = heading.find_next_sibling("p")
            assert "iku-permalink" in line["class"], indicator.id
            # The address is written once, as text: the link goes to the anchor. Its copy button is
            # iku.js's (test_the_copy_link_control_copies_the_permalink): the page carries none.
            assert line.a["href"] == f"#{indicator.id}" and line.a.get_text() == permalink
            assert line.button is None
            checked += 1
    assert checked == 22


def test_pages_have_canonical_links_a_sitemap_and_a_helpful_404(real_site: Site) -> None:
    url = "jawa-timur/lumajang/senduro/2024"
    canonical = real_site.page(url).select_one('link[rel="canonical"]')
    assert canonical["href"] == f"{SITE_URL}{url}/"
    sitemap = ElementTree.fromstring((real_site.root / "sitemap.xml").read_bytes())
    locations = {element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for loaded in CONTENT.documents:
        assert f"{SITE_URL}{'/'.join(document_key(loaded.document))}/" in locations
    assert f"{SITE_URL}glosarium/" in locations
    with gzip.open(real_site.root / "sitemap.xml.gz") as compressed:
        assert compressed.read() == (real_site.root / "sitemap.xml").read_bytes()
    missing = BeautifulSoup((real_site.root / "404.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(missing.select_one("article").get_text(" ").split())
    assert "Halaman tidak ditemukan" in text
    assert "Alamat dokumen berbentuk /provinsi/kabupaten/kecamatan/periode/" in text
    links = {a["href"] for a in missing.select("article a")}
    assert {SITE_URL, f"{SITE_URL}data/", f"{SITE_URL}glosarium/", f"{SITE_URL}regulasi/"} <= links


def test_the_copy_link_control_copies_the_permalink(real_site: Site, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    with served(real_site.root) as base:
        page.goto(f"{base}jawa-timur/lumajang/lumajang/2020/#nilai-ikm-kecamatan")
        button = page.locator("#nilai-ikm-kecamatan + p.iku-permalink button")
        button.click()
        page.get_by_role("status").filter(has_text="Tautan disalin.").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{SITE_URL}jawa-timur/lumajang/lumajang/2020/#nilai-ikm-kecamatan"
    context.close()


def test_the_copy_citation_control_copies_the_citation_as_shown(real_site: Site, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    with served(real_site.root) as base:
        page.goto(f"{base}jawa-timur/lumajang/lumajang/2020/#kutip")
        page.get_by_role("button", name="Salin kutipan").click()
        page.get_by_role("status").filter(has_text="Kutipan disalin.").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        shown = page.locator("#kutip-teks").text_content()
    assert copied == shown
    assert (
        copied.startswith("Kecamatan Lumajang. (2020).") and f"{SITE_URL}jawa-timur/lumajang/lumajang/2020/" in copied
    )
    context.close()


def test_without_javascript_there_is_no_copy_button_and_the_address_and_citation_are_text(real_site: Site) -> None:
    page = real_site.page("jawa-timur/lumajang/lumajang/2020")

    # The buttons could do nothing without JavaScript: iku.js adds them.
    assert page.select("button.iku-copy, [data-iku-copy]") == []
    assert page.select_one("p.iku-permalink a").get_text().startswith(SITE_URL)
    assert page.select_one("#kutip-teks").get_text().startswith("Kecamatan Lumajang. (2020).")
