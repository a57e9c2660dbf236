"""A portal's chrome, read from the built pages: who publishes it and how to reach them, the
licences, the pages on accessibility and corrections, "Sunting halaman ini" leading to the content
file a document page is made from, link previews (OpenGraph, Twitter card) and labels in Bahasa."""

from __future__ import annotations

import re

import pytest
from browsing import PAGE_TYPES
from bs4 import BeautifulSoup
from conftest import REPO, Site, visible_text

REPO_URL = "https://github.com/portal-iku/portal-iku"
SITE_URL = "https://portal-iku.github.io/portal-iku/"
DOCUMENT = "jawa-timur/lamongan/mantup/2021-2026/"
DECREE = "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019/"
# Every page type as a built file (the search results are the search page; a missing address gets 404.html).
PAGE_FILES = {
    name: "404.html" if name == "404" else path.partition("?")[0] + "index.html" for name, path in PAGE_TYPES.items()
} | {"aksesibilitas": "aksesibilitas/index.html", "cara-memperbaiki": "cara-memperbaiki/index.html"}
# Words Material's labels are in when they are left untranslated.
ENGLISH = {
    "header", "footer", "tab", "tabs", "search", "navigation", "edit", "page", "share", "clear", "copy",
    "clipboard", "copied", "previous", "next", "back", "top", "skip", "content", "contents", "table",
    "close", "menu", "toggle", "switch", "dark", "light", "home", "source", "repository", "go", "to",
}  # fmt: skip
LABELS = ("aria-label", "title", "placeholder", "alt")


def page(site: Site, file: str) -> BeautifulSoup:
    return BeautifulSoup((site.root / file).read_text(encoding="utf-8"), "html.parser")


def english_labels(html: BeautifulSoup) -> list[str]:
    """Labels of the page's controls and landmarks that contain an English word."""
    found = []
    for tag in html.find_all(True):
        for attribute in LABELS:
            value = tag.get(attribute)
            if isinstance(value, str) and ENGLISH & set(re.findall(r"[a-z]+", value.lower())):
                found.append(f'{tag.name} {attribute}="{value}"')
    return found


def test_the_english_label_scan_finds_material_s_untranslated_labels() -> None:
    html = BeautifulSoup('<header aria-label="Header"><nav aria-label="Navigasi"></nav><a title="Tab">', "html.parser")
    assert english_labels(html) == ['header aria-label="Header"', 'a title="Tab"']


@pytest.mark.parametrize("name", PAGE_FILES)
def test_every_label_of_every_page_type_is_in_bahasa(real_site: Site, name: str) -> None:
    assert english_labels(page(real_site, PAGE_FILES[name])) == []


@pytest.mark.parametrize("name", PAGE_FILES)
def test_the_footer_names_publisher_contact_licences_and_the_pages_on_accessibility_and_corrections(
    real_site: Site, name: str
) -> None:
    footer = page(real_site, PAGE_FILES[name]).select_one("footer.md-footer")
    assert footer is not None
    text = visible_text(footer)
    assert "Diterbitkan oleh proyek sumber terbuka Portal IKU, bukan oleh instansi pemerintah." in text
    assert "Isi dan data berlisensi CC BY 4.0; kode sumber berlisensi MIT." in text
    links = {visible_text(a): a["href"] for a in footer.find_all("a")}
    contact = next(href for label, href in links.items() if label.startswith("laporkan masalah"))
    assert contact == f"{REPO_URL}/issues"
    assert links["Kode sumber"] == REPO_URL
    assert "@" not in text, "no e-mail address is invented"
    for label, path in [
        ("Pernyataan aksesibilitas", "aksesibilitas/"),
        ("Cara memperbaiki halaman ini", "cara-memperbaiki/"),
    ]:
        href = links[label]
        target = (real_site.root / PAGE_FILES[name]).parent / href if not href.startswith("/") else None
        if target is None:  # the 404 page links from the site's root path
            assert href == f"/portal-iku/{path}"
            target = real_site.root / path
        assert (target / "index.html").resolve().is_file(), href


def test_the_accessibility_statement_names_its_target_tests_limits_and_how_to_report(real_site: Site) -> None:
    text = visible_text(page(real_site, "aksesibilitas/index.html").select_one("article"))
    for words in ("WCAG 2.1 tingkat AA", "axe-core", "Lighthouse", "Batasan yang diketahui", "Melaporkan hambatan"):
        assert words in text, words
    links = [a["href"] for a in page(real_site, "aksesibilitas/index.html").select("article a")]
    assert f"{REPO_URL}/issues" in links


def test_the_correction_guide_leads_citizens_to_the_issue_tracker_and_editors_to_contributing(real_site: Site) -> None:
    article = page(real_site, "cara-memperbaiki/index.html").select_one("article")
    assert article is not None
    links = [a["href"] for a in article.find_all("a")]
    assert f"{REPO_URL}/issues/new" in links
    assert f"{REPO_URL}/blob/main/CONTRIBUTING.md" in links
    assert (REPO / "CONTRIBUTING.md").is_file()
    assert "{{ repo_url }}" not in str(article)


def test_the_report_a_mistake_note_links_to_the_issue_tracker(real_site: Site) -> None:
    note = page(real_site, "tentang-iku/index.html").find(string=re.compile("Menemukan kesalahan"))
    assert note is not None
    links = [a["href"] for a in note.find_parent("div").find_all("a")]
    assert f"{REPO_URL}/issues" in links


@pytest.mark.parametrize(
    ("path", "source"),
    [(DOCUMENT, "content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml"),
     (DECREE, "content/dokumen/jawa-timur/lumajang/keputusan-188.45-326-427.12-2019.yml"),
     ("tentang/", "docs/tentang.md")],
)  # fmt: skip
def test_sunting_halaman_ini_opens_the_file_the_page_is_made_from(real_site: Site, path: str, source: str) -> None:
    links = page(real_site, path + "index.html").select("a[rel=edit]")
    assert [visible_text(a) for a in links] == ["Sunting halaman ini"]
    assert links[0]["href"] == f"{REPO_URL}/edit/main/{source}"
    assert (REPO / source).is_file()


@pytest.mark.parametrize("path", ["", "jawa-timur/", "regulasi/uu-23-2014/", "glosarium/"])
def test_pages_made_from_no_single_file_have_no_edit_link(real_site: Site, path: str) -> None:
    assert page(real_site, path + "index.html").select("a[rel=edit]") == []


def meta(html: BeautifulSoup) -> dict[str, str]:
    tags = html.find_all("meta", attrs={"property": True}) + html.find_all("meta", attrs={"name": True})
    return {str(tag.get("property") or tag.get("name")): str(tag["content"]) for tag in tags}


def test_a_shared_document_link_has_a_preview_with_its_own_title_and_description(real_site: Site) -> None:
    tags = meta(page(real_site, DOCUMENT + "index.html"))
    description = "Indikator Kinerja Utama KECAMATAN MANTUP KABUPATEN LAMONGAN periode 2021–2026"
    assert tags["og:title"] == "IKU Kecamatan Mantup 2021–2026"
    assert tags["og:description"] == tags["description"] == description
    assert tags["og:url"] == SITE_URL + DOCUMENT
    assert tags["og:type"] == "article"
    assert tags["og:locale"] == "id_ID"
    assert tags["og:site_name"] == "Portal IKU"
    assert tags["twitter:card"] == "summary"
    # X/Twitter reads the card's title and description from the og: tags: not repeated.
    assert "twitter:title" not in tags and "twitter:description" not in tags
    assert "og:image" not in tags


def test_the_home_page_has_a_meaningful_title_and_preview(real_site: Site) -> None:
    home = page(real_site, "index.html")
    assert home.title is not None
    assert home.title.get_text() == "Portal IKU — Indikator Kinerja Utama pemerintah daerah"
    tags = meta(home)
    assert tags["og:title"] == home.title.get_text()
    assert tags["og:type"] == "website"
    assert tags["og:url"] == SITE_URL


def test_every_page_has_a_preview(real_site: Site) -> None:
    for file in sorted(real_site.root.rglob("index.html")):
        html = page(real_site, file.relative_to(real_site.root).as_posix())
        if html.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect from a former address
        tags = meta(html)
        assert tags.get("og:title") and tags.get("og:description") and tags.get("og:url"), file
