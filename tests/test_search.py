"""Search as a reader uses it: Indonesian words found in their other forms, abbreviations by their
expansion, a kecamatan's name leading to its document, results naming body, region and period, and
only what a reader sees in the index (no TeX source, no permalink boilerplate, no navigation).

The index is Pagefind's (generator/publishing/search_index.py), read here from the built site; the
queries run in Debian's chromium on the search page, as a reader's do.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

import pytest
from browsing import DESKTOP, Portal, Reader, reading
from conftest import Site
from playwright.sync_api import Browser

from generator.publishing.search_index import indexed_pages

SENDURO = "jawa-timur/lumajang/senduro/2024/"
MANTUP = "jawa-timur/lamongan/mantup/2021-2026/"
LUMAJANG = "jawa-timur/lumajang/lumajang/2020/"
SUMBERJAMBE = "jawa-timur/jember/sumberjambe/2022/"
DOCUMENTS = (SENDURO, MANTUP, LUMAJANG, SUMBERJAMBE)
# A query and documents it must find that hold the word only in another form (or, for an
# abbreviation, only as the abbreviation): what each shows is checked on the page itself below.
OTHER_FORMS: dict[str, tuple[dict[str, str], str]] = {
    "berdaya": ({SENDURO: "pemberdayaan"}, "berdaya"),
    "layanan": ({SENDURO: "pelayanan", MANTUP: "pelayanan", LUMAJANG: "pelayanan"}, "layanan"),
    # Two spellings, two stems: the standard one is indexed beside the other (markdown_spelling.py).
    "ketentraman": ({MANTUP: "ketenteraman"}, "ketentraman"),
    "ketenteraman": ({LUMAJANG: "ketentraman", SUMBERJAMBE: "ketentraman"}, "ketenteraman"),
    "indeks kepuasan masyarakat": ({LUMAJANG: "ikm", MANTUP: "ikm"}, "indeks"),
}
# Commands of the formulas' TeX source, which the pages hold in MathML annotations.
TEX = ("frac", "times")
BOILERPLATE = ("Tautan permanen", "Salin tautan", "Salin kutipan", "Daftar isi halaman ini", "Sunting halaman ini")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def path_of(portal: Portal, href: str) -> str:
    """A result's address (a path from the server's root) as a path under the site's address."""
    return urlsplit(urljoin(portal.site_url, href)).path.removeprefix(urlsplit(portal.site_url).path)


def results(reader: Reader, query: str) -> list[dict]:
    """The results the search page shows for ``query`` opened by its address, all of them, in order:
    each page's link and title, the words marked as matching and the result's tags (body, region, period)."""
    reader.open(f"pencarian/?q={quote(query)}")
    reader.wait_for_results(query)
    reader.show_every_result()
    return reader.page.evaluate(
        """() => [...document.querySelectorAll('.pagefind-ui__result')].map(result => ({
          href: result.querySelector('.pagefind-ui__result-link').getAttribute('href'),
          title: result.querySelector('.pagefind-ui__result-title').innerText.trim(),
          marked: [...result.querySelectorAll('mark')].map(mark => mark.innerText.trim()),
          tags: [...result.querySelectorAll('.pagefind-ui__result-tag')].map(tag => tag.innerText.trim()),
        }))"""
    )


def test_the_index_holds_what_a_reader_reads_and_no_markup_source(real_site: Site) -> None:
    pages = {page.url: page for page in indexed_pages(real_site.root)}
    assert "/pencarian/" not in pages  # the search page itself is not a result
    for document in DOCUMENTS:
        indexed = pages["/" + document]
        assert not words(indexed.content) & set(TEX), document
        assert "\\" not in indexed.content, document
        assert [phrase for phrase in BOILERPLATE if phrase in indexed.content] == [], document
        assert "#" not in indexed.content.split(), document  # the headings' permalinks
        assert "Beranda ›" not in indexed.content, document  # the breadcrumbs
    senduro = pages["/" + SENDURO]
    # The formula as read aloud, not as typeset: once, in words.
    reading = "(Jumlanh fasilitasi kebutuhan operasional perkantoran yang dipenuhi) / (Jumlah fasilitasi kebutuhan operasional)"  # noqa: E501
    assert senduro.content.count("Jumlanh fasilitasi") == 1
    assert reading in senduro.content
    assert senduro.meta == {
        "title": "IKU Kecamatan Senduro 2024",
        "instansi": "KECAMATAN SENDURO",
        "wilayah": "Jawa Timur · Kabupaten Lumajang · Kecamatan Senduro",
        "periode": "2024",
    }


def test_the_documents_hold_the_other_forms_only(real_site: Site) -> None:
    """The premise of the queries below: each document holds the word searched for only in another form."""
    for query, (documents, absent) in OTHER_FORMS.items():
        for document, form in documents.items():
            page = real_site.page(document.rstrip("/"))
            for math in page.select(".katex"):
                math.decompose()
            shown = words(page.select_one("article").get_text(" "))
            assert form in shown, (query, document)
            assert absent not in shown, (query, document)


@pytest.mark.parametrize("query", OTHER_FORMS)
def test_a_word_finds_the_documents_that_hold_another_form_of_it(portal: Portal, browser: Browser, query: str) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        found = [path_of(portal, result["href"]) for result in results(reader, query)]
    documents, _ = OTHER_FORMS[query]
    assert set(documents) <= set(found), found


def test_a_kecamatans_name_shows_its_document_first_naming_body_region_and_period(
    portal: Portal, browser: Browser
) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        shown = results(reader, "Senduro")
        reader.screenshot("pencarian-senduro", full_page=False)
    first = shown[0]
    assert path_of(portal, first["href"]) == SENDURO, shown
    assert first["title"] == "IKU Kecamatan Senduro 2024"
    assert first["tags"] == [
        "Instansi: KECAMATAN SENDURO",
        "Periode: 2024",
        "Wilayah: Jawa Timur · Kabupaten Lumajang · Kecamatan Senduro",
    ]


@pytest.mark.parametrize("command", TEX)
def test_the_formulas_tex_source_is_not_found(portal: Portal, browser: Browser, command: str) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        shown = results(reader, command)
    # Pagefind answers a word it does not know with the nearest words it does (a "tim", an "f."):
    # never with the command itself.
    marked = {word for result in shown for mark in result["marked"] for word in words(mark)}
    assert command not in marked, shown


def test_no_page_downloads_the_index_until_the_reader_searches(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        for path in ("", SENDURO, "pencarian/"):
            reader.open(path)
            reader.page.wait_for_load_state("networkidle")
        before = [url for url in reader.watch.requests if "/pagefind/" in url]
        box = reader.page.locator(".pagefind-ui__search-input")
        box.click()
        box.press_sequentially("Senduro")
        reader.wait_for_results("Senduro")
        searched = [url for url in reader.watch.requests if "/pagefind/" in url]
    # Pagefind's interface on the search page only; the index (its metadata, chunks, fragments and
    # the stemmer) once the reader types.
    assert [urlsplit(url).path.rsplit("/", 1)[-1] for url in before] == ["pagefind-ui.css", "pagefind-ui.js"]
    fetched = {urlsplit(url).path.rsplit("/", 1)[-1].split(".")[-1] for url in searched}
    assert {"pf_meta", "pf_index", "pf_fragment", "pagefind"} <= fetched
