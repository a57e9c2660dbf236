"""Phones, tablets and JavaScript off, in a real browser: formulas fit the screen or say that they
scroll (with their text reading right below), a table of contents opens without JavaScript where
Material shows none, the summary tables reflow at 360 px, and controls that need JavaScript hide
without it."""

from __future__ import annotations

import pytest
from browsing import DESKTOP, PAGE_TYPES, PHONE, Portal, Reader, reading
from playwright.sync_api import Browser

DOCUMENTS = [
    "jawa-timur/lamongan/mantup/2021-2026/",
    "jawa-timur/lumajang/lumajang/2020/",
    "jawa-timur/lumajang/senduro/2024/",
    "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019/",
]
TABLET = {"width": 768, "height": 1024}
ON_PHONE = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
# Each formula box: whether it is wider than its box, whether the line saying so follows it, the
# font size KaTeX is set in relative to the text, and the text reading that follows.
FORMULAS = """() => [...document.querySelectorAll("article .iku-rumus")].map(box => {
  let next = box.nextElementSibling;
  const hint = next && next.classList.contains("iku-rumus__geser") ? next.innerText : null;
  if (hint) next = next.nextElementSibling;
  const katex = box.querySelector(".katex");
  return {
    wide: box.scrollWidth > box.clientWidth + 1,
    hint,
    scale: parseFloat(getComputedStyle(katex).fontSize) / parseFloat(getComputedStyle(box).fontSize),
    reading: next && next.tagName === "DL" ? next.querySelector("dt").innerText : null,
    shadow: getComputedStyle(box).backgroundAttachment,
  };
})"""


def formulas(reader: Reader) -> list[dict]:
    reader.page.wait_for_function("[...document.querySelectorAll('.iku-rumus')].every(b => b.style.length)")
    # Once KaTeX's fonts have loaded, iku.js measures again: two frames later, that is done.
    reader.page.evaluate(
        "document.fonts.ready.then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"
    )
    return reader.page.evaluate(FORMULAS)


@pytest.mark.parametrize("path", DOCUMENTS)
def test_on_a_phone_formulas_shrink_to_fit_or_say_they_scroll_with_the_text_reading_below(
    portal: Portal, browser: Browser, path: str
) -> None:
    with reading(browser, portal, **ON_PHONE) as reader:
        reader.open(path)
        boxes = formulas(reader)
        assert boxes
        for box in boxes:
            assert box["reading"] == "Rumus sebagai teks", box
            # A scroll shadow (background-attachment: local) shows there is more, with or without JavaScript.
            assert "local" in box["shadow"], box
            assert 0.64 <= box["scale"] <= 1, box
            if box["wide"]:
                assert box["hint"] and box["hint"].startswith("Rumus ini lebih lebar dari layar: geser"), box
                assert box["scale"] < 0.66, "a formula scrolls only when it cannot shrink further"
            else:
                assert box["hint"] is None, box
        reader.screenshot(f"rumus-ponsel-{path.strip('/').replace('/', '-')}")


def test_on_a_desktop_a_formula_keeps_its_full_size(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        reader.open(DOCUMENTS[0])
        assert [box["scale"] for box in formulas(reader)] == [1]


TOC = "article nav.iku-daftar-isi"


@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["ponsel", "tablet"])
def test_on_phones_and_tablets_a_table_of_contents_opens_without_javascript(
    portal: Portal, browser: Browser, viewport: dict
) -> None:
    with reading(browser, portal, viewport=viewport, java_script_enabled=False) as reader:
        page = reader.page
        reader.open(DOCUMENTS[0])
        toc = page.locator(TOC)
        assert toc.is_visible()
        # Right under the page's title, before the document's details.
        assert page.evaluate(f"document.querySelector('{TOC}').previousElementSibling.tagName") == "H1"
        target = toc.get_by_role("link", name="Penandatangan", exact=True)
        assert not target.is_visible()
        toc.get_by_text("Daftar isi halaman ini").click()
        assert target.is_visible()
        # Down to each indicator.
        assert toc.get_by_role("link", name="Persentase Penyelenggaraan Pelayanan Publik yang Tepat Waktu").count() == 1
        reader.screenshot(f"daftar-isi-{viewport['width']}", full_page=False)
        target.click()
        page.wait_for_url(portal.url(DOCUMENTS[0]) + "#penandatangan")
        assert page.evaluate("window.scrollY") > 1000


def test_on_a_desktop_the_sidebar_is_the_table_of_contents(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        reader.open(DOCUMENTS[0])
        assert not reader.page.locator(TOC).is_visible()
        assert reader.page.locator(".md-sidebar--secondary nav").first.is_visible()


CELLS_OFF_SCREEN = """() => [...document.querySelectorAll("article .iku-ringkasan td")]
  .filter(cell => cell.innerText.trim())
  .filter(cell => { const box = cell.getBoundingClientRect(); return box.left < 0 || box.right > innerWidth; })
  .map(cell => cell.innerText)"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
@pytest.mark.parametrize("path", DOCUMENTS)
def test_on_a_phone_the_summary_tables_are_read_without_scrolling_sideways(
    portal: Portal, browser: Browser, path: str, javascript: bool
) -> None:
    with reading(browser, portal, **ON_PHONE, java_script_enabled=javascript) as reader:
        page = reader.page
        reader.open(path)
        assert page.locator("article .iku-ringkasan table").count() >= 1
        assert page.evaluate(CELLS_OFF_SCREEN) == []
        # Each cell says which column it is from.
        label = page.evaluate(
            "getComputedStyle(document.querySelector('.iku-ringkasan td:nth-child(4)'), '::before').content"
        )
        assert label == '"Sumber data: "'
        page.locator("article .iku-ringkasan").first.scroll_into_view_if_needed()
        reader.screenshot(f"ringkasan-ponsel-{path.strip('/').replace('/', '-')}-{javascript}", full_page=False)


def test_on_a_desktop_the_summary_table_is_a_table(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        reader.open(DOCUMENTS[0])
        assert reader.page.evaluate("getComputedStyle(document.querySelector('.iku-ringkasan tr')).display") == (
            "table-row"
        )


JS_CONTROLS = {
    "Salin tautan": "article button.iku-copy >> nth=0",
    "Salin kutipan": "article button.iku-copy >> nth=-1",
    "pencarian": "header .iku-cari-tombol",
    "mode gelap/terang": "[data-md-component=palette]",
}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
def test_controls_that_need_javascript_show_only_with_it(portal: Portal, browser: Browser, javascript: bool) -> None:
    with reading(browser, portal, viewport=DESKTOP, java_script_enabled=javascript) as reader:
        reader.open(DOCUMENTS[0])
        shown = {name: reader.page.locator(selector).is_visible() for name, selector in JS_CONTROLS.items()}
        assert shown == dict.fromkeys(JS_CONTROLS, javascript)
        # The address and citation they would copy are on the page as text either way.
        assert reader.page.locator("article .iku-permalink a").first.is_visible()


@pytest.mark.parametrize("page_type", ["dokumen", "beranda", "404"])
def test_without_javascript_no_page_scrolls_sideways_on_a_phone(
    portal: Portal, browser: Browser, page_type: str
) -> None:
    with reading(browser, portal, **ON_PHONE, java_script_enabled=False) as reader:
        reader.open(PAGE_TYPES[page_type])
        widths = reader.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths == [PHONE["width"], PHONE["width"]]


def test_a_document_on_a_phone_is_photographed(portal: Portal, browser: Browser) -> None:
    """Screenshots of a document on a phone, with and without JavaScript, for a person to look at."""
    for javascript in (True, False):
        with reading(browser, portal, **ON_PHONE, java_script_enabled=javascript) as reader:
            reader.open(DOCUMENTS[2])
            if javascript:
                formulas(reader)
            path = reader.screenshot(f"dokumen-ponsel-{'js' if javascript else 'tanpa-js'}")
            assert path.stat().st_size > 10_000
