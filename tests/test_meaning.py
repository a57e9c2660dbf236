"""Meaning for citizens: abbreviations expanded everywhere, targets charted, indicators compared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import REPO, Site, served
from playwright.sync_api import Browser

from generator.content.load import load_content
from generator.content.model import Glossary
from generator.pages.comparison import ComparisonKeys

CONTENT = load_content(REPO / "content")
TERMS = {form: term.kepanjangan for term in CONTENT.glossary.istilah for form in (term.singkatan, *term.bentuk_lain)}
# Where an abbreviation is not prose: code, math, SVG text and the abbreviations themselves.
# The in-page table of contents (a <nav>) repeats the headings, whose abbreviations are expanded where they stand.
NOT_PROSE = {"abbr", "code", "pre", "math", "svg", "script", "style", "nav"}


def pages(site: Site) -> list[Path]:
    return sorted(path for path in site.root.rglob("index.html") if "assets" not in path.parts)


def unexpanded(html: str) -> list[str]:
    """Every glossary abbreviation in an article's prose that is not inside an <abbr>."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        return []
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(form) for form in TERMS) + r")(?!\w)")
    found = []
    for text in article.find_all(string=True):
        if not isinstance(text, NavigableString) or any(p.name in NOT_PROSE for p in text.parents):
            continue
        if any("katex" in " ".join(p.get("class", [])) for p in text.parents):
            continue
        link = text.find_parent("a")
        if link is not None and _shows_its_own_address(link):
            continue
        found += pattern.findall(str(text))
    return found


def _shows_its_own_address(link: Tag) -> bool:
    """An address shown as its own link text: a link to it, or an indicator's permalink,
    whose link goes to the anchor on the page and whose text is the whole address."""
    href, shown = link.get("href", ""), link.get_text()
    return href == shown or (href.startswith("#") and shown.startswith("http") and shown.endswith(href))


def test_the_glossary_has_the_abbreviations_the_documents_use() -> None:
    required = {"IKM", "SKM", "SAKIP", "RKPDes", "APBDes", "LPPDes", "PATEN", "SP", "SOP", "PMD", "PMKS", "PPKM"}
    required |= {"Tramtibum", "OPD", "LAKIP", "LPPD", "LKPJ", "NIP"}
    assert required <= TERMS.keys()


def test_every_abbreviation_on_every_page_carries_its_expansion(real_site: Site) -> None:
    checked = 0
    for path in pages(real_site):
        html = path.read_text(encoding="utf-8")
        assert unexpanded(html) == [], path
        for abbreviation in BeautifulSoup(html, "html.parser").select("article abbr"):
            assert abbreviation["title"] == TERMS[abbreviation.get_text()], path
            assert abbreviation["tabindex"] == "0"
            checked += 1
    assert checked > 100


def test_the_check_of_unexpanded_abbreviations_can_fail() -> None:
    assert unexpanded("<article><p>Nilai IKM dan <abbr>SOP</abbr></p></article>") == ["IKM"]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_an_abbreviation_shows_its_expansion_on_keyboard_focus(
    real_site: Site, browser: Browser, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    with served(real_site.root) as base:
        page.goto(f"{base}jawa-timur/lumajang/senduro/2024/")
        abbreviation = page.locator("article abbr", has_text="PATEN").first
        page.keyboard.press("Tab")
        abbreviation.focus()
        if javascript:
            tooltip = page.locator(".md-tooltip2--active")
            tooltip.wait_for(state="visible")
            assert tooltip.text_content() == "Pelayanan Administrasi Terpadu Kecamatan"
        else:
            shown = abbreviation.evaluate("a => getComputedStyle(a, '::after').content")
            assert shown == '"Pelayanan Administrasi Terpadu Kecamatan"'
    context.close()


def test_the_glossary_page_lists_every_term(real_site: Site) -> None:
    text = real_site.text("glosarium")
    for term in CONTENT.glossary.istilah:
        origin = "dari dokumen" if term.dari_sumber else "dari editor"
        assert f"{term.singkatan} Kepanjangan {term.kepanjangan} ({origin})" in text


def test_yearly_targets_get_a_table_and_an_accessible_chart(fixture_site: Site) -> None:
    page = fixture_site.page("jawa-timur/lumajang/contoh/2021-2023")
    table = page.find(id="target-per-tahun").find_next("table")
    assert [th.get_text() for th in table.select("th")] == ["Indikator", "2021", "2022"]
    assert [td.get_text() for td in table.select("tbody td")] == ["Nilai IKM Kecamatan", "80", "82,5"]
    figure = table.find_next("figure")
    svg = figure.svg
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "grafik--nilai-ikm-judul grafik--nilai-ikm-uraian"
    assert svg.title.get_text() == "Target: Nilai IKM Kecamatan"
    assert svg.desc.get_text() == "Diagram batang. 2021: 80; 2022: 82,5."
    heights = [float(rect["height"]) for rect in svg.select("rect")]
    assert heights[0] < heights[1]
    assert "Nilai yang sama tercantum di tabel di atas." in figure.figcaption.get_text()
    assert not page.select('script[src*="chart"]')


def test_an_unlabelled_targets_table_is_charted_by_column(real_site: Site) -> None:
    page = real_site.page("jawa-timur/lamongan/mantup/2021-2026")
    section = page.find(id="tabel-target-1")
    descriptions = [desc.get_text() for desc in section.find_all_next("desc")]
    assert len(descriptions) == 4
    assert descriptions[3] == (
        "Diagram batang. Kolom 1: 20,00%; Kolom 2: 26,67%; Kolom 3: 33,33%; Kolom 4: 40,00%; "
        "Kolom 5: 46,67%; Kolom 6: 53,33%; Kolom 7: 53,33%."
    )


def test_a_plain_language_page_explains_iku(real_site: Site) -> None:
    page = real_site.page("tentang-iku")
    for anchor in ("apa-itu-iku", "aturan-yang-mendasarinya", "cara-membaca-halaman-dokumen"):
        assert page.find(id=anchor) is not None
    links = {a["href"] for a in page.select("article a")}
    assert "../regulasi/permenpan-per-9-2007/" in links
    assert "../glosarium/" in links
    nav = [a.get_text(" ", strip=True) for a in real_site.page("").select(".md-tabs a")]
    assert "Apa itu IKU?" in nav


def test_grouping_names_costs_one_pass_whatever_the_glossary_holds() -> None:
    """An abbreviation may contain another term's expansion: what one replacement writes is not searched again.

    Replacing term after term, each of these 20 terms doubled the name: a million words from one.
    """
    glossary = Glossary.model_validate(
        {"istilah": [{"singkatan": f"0 x{index} 0", "kepanjangan": "0", "dari_sumber": False} for index in range(20)]}
    )
    assert ComparisonKeys.of(glossary).key("Jumlah 0") == "jumlah 0 x0 0"
