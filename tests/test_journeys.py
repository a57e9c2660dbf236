"""Journeys as readers make them in a real browser: citizens on phones, auditors at desks.

Every journey runs in a fresh browser context on the portal served at ``/portal-iku/`` on
localhost, and ends with no console error, no failed request and no request to another origin.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from browsing import DESKTOP, MISSING, PAGE_TYPES, PHONE, Portal, Reader, Watch, reading
from conftest import REPO
from playwright.sync_api import Browser

from generator.content.checks import document_key, indicator_entries
from generator.content.load import load_content
from generator.content.loaded import LoadedDocument

CONTENT = load_content(REPO / "content")
DOCUMENTS = {"/".join(document_key(loaded.document)) + "/": loaded for loaded in CONTENT.documents}
INDICATORS = {
    path: {entry.indicator.id: entry.indicator for entry in indicator_entries(loaded.document)}
    for path, loaded in DOCUMENTS.items()
}
# Home → provinsi's list of documents → kabupaten → kecamatan → document: the link a reader
# follows on each page, where it leads and the title of the page it opens.
BROWSE = [
    ("Jawa Timur", "daftar-dokumen/jawa-timur/", "Daftar dokumen Jawa Timur"),
    ("Kabupaten Lumajang", "jawa-timur/lumajang/", "Kabupaten Lumajang"),
    ("Kecamatan Senduro", "jawa-timur/lumajang/senduro/", "Kecamatan Senduro"),
    ("IKU Kecamatan Senduro 2024", "jawa-timur/lumajang/senduro/2024/", "IKU Kecamatan Senduro 2024"),
]
# The shortest way: home → the provinsi's list → the document, two clicks.
TWO_CLICKS = [BROWSE[0], BROWSE[-1]]
SCREENS = {"desktop": {"viewport": DESKTOP}, "ponsel": {"viewport": PHONE, "is_mobile": True, "has_touch": True}}
SEARCH_BOX = "Cari dokumen menurut nama kecamatan, instansi atau indikator"
# An indicator far down a long page, with a computed formula.
PERMALINK = ("jawa-timur/lamongan/mantup/2021-2026/", "persentase-pelayanan-publik-tepat-waktu")
# The text of a heading and of everything under it up to the next heading of its level or above.
SECTION = """id => {
  const heading = document.getElementById(id);
  const level = Number(heading.tagName[1]);
  const parts = [heading.innerText];
  let math = 0;
  for (let e = heading.nextElementSibling; e; e = e.nextElementSibling) {
    if (/^H[1-6]$/.test(e.tagName) && Number(e.tagName[1]) <= level) break;
    parts.push(e.innerText);
    math += e.querySelectorAll(".katex-display math").length;
  }
  return {text: parts.join(" ").split(/\\s+/).join(" "), math};
}"""


def folded(text: str) -> str:
    return " ".join(text.split())


def site_path(portal: Portal, url: str) -> str:
    """The path of ``url`` (absolute, or a path as search results link) under the site's address,
    without query or fragment."""
    parts = urlsplit(urljoin(portal.site_url, url))
    return f"{parts.scheme}://{parts.netloc}{parts.path}".removeprefix(portal.site_url)


def in_viewport_below_header(reader: Reader, selector: str) -> bool:
    """Whether the element is on screen and not hidden under Material's fixed header."""
    return reader.page.evaluate(
        """selector => {
          const box = document.querySelector(selector).getBoundingClientRect();
          const header = document.querySelector(".md-header").getBoundingClientRect();
          return box.top >= header.bottom - 1 && box.bottom <= window.innerHeight;
        }""",
        selector,
    )


def focus_indicator(reader: Reader) -> dict[str, str]:
    """The focused element's outline and box shadow, as computed."""
    return reader.page.evaluate(
        """() => {
          const style = getComputedStyle(document.activeElement);
          return {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, boxShadow: style.boxShadow};
        }"""
    )


def has_visible_focus(style: dict[str, str]) -> bool:
    outlined = style["outlineStyle"] != "none" and float(style["outlineWidth"].removesuffix("px")) > 0
    return outlined or style["boxShadow"] != "none"


def test_the_focus_check_tells_an_outline_from_none() -> None:
    assert has_visible_focus({"outlineStyle": "auto", "outlineWidth": "1px", "boxShadow": "none"})
    assert has_visible_focus(
        {"outlineStyle": "none", "outlineWidth": "0px", "boxShadow": "rgb(0, 0, 0) 0px 0px 0px 2px"}
    )
    assert not has_visible_focus({"outlineStyle": "none", "outlineWidth": "3px", "boxShadow": "none"})
    assert not has_visible_focus({"outlineStyle": "solid", "outlineWidth": "0px", "boxShadow": "none"})


def test_the_watch_reports_console_errors_error_responses_and_other_origins(portal: Portal, browser: Browser) -> None:
    context = browser.new_context()
    watch = Watch(portal.origin, portal.url(MISSING))
    watch.attach(context)
    page = context.new_page()
    page.goto(portal.url(MISSING))
    assert watch.problems == [], "the deliberate 404 page is not a problem"
    page.evaluate("console.error('rusak')")
    assert page.evaluate("url => fetch(url).then(response => response.status)", portal.url("tidak-ada.json")) == 404
    # Another origin on this machine: the same server under the name "localhost".
    elsewhere = portal.site_url.replace("127.0.0.1", "localhost")
    page.evaluate("url => fetch(url).catch(() => null)", elsewhere)
    context.close()
    assert any(problem.startswith("console error") and problem.endswith(": rusak") for problem in watch.problems)
    assert f"HTTP 404: {portal.url('tidak-ada.json')}" in watch.problems
    assert f"request to another origin: {elsewhere}" in watch.problems


def test_a_citizen_on_a_phone_searches_ikm_and_reads_the_indicator_and_its_formula(
    portal: Portal, browser: Browser
) -> None:
    with reading(browser, portal, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        page = reader.page
        reader.open("")
        reader.search("IKM")
        reader.screenshot("perjalanan-warga-1-hasil-pencarian", full_page=False)
        # The first result shown that is an indicator (not a document, a section or another page):
        # a page's results list the places in it that match, each linked to its anchor.
        results = page.locator(".pagefind-ui__result-link:visible")
        hrefs = [results.nth(index).get_attribute("href") or "" for index in range(results.count())]
        wanted = [href for href in hrefs if urlsplit(href).fragment in INDICATORS.get(site_path(portal, href), {})]
        assert wanted, f"no search result for IKM is an indicator: {hrefs}"
        page.locator(f".pagefind-ui__result-link[href='{wanted[0]}']").click()
        page.wait_for_url(urljoin(portal.site_url, wanted[0]))
        document_path, anchor = site_path(portal, page.url), urlsplit(page.url).fragment
        heading = f"[id='{anchor}']"
        assert page.locator(heading).evaluate("h => h.matches(':target')")
        assert in_viewport_below_header(reader, heading)
        section = page.evaluate(SECTION, anchor)
        assert "IKM" in section["text"].split()
        # The indicator's formula as the content file has it: a computation as MathML, a named value as text.
        indicator = INDICATORS[document_path][anchor]
        assert indicator.rumus is not None
        if indicator.rumus.latex:
            assert section["math"] == 1
        else:
            assert f"Rumus/formula {folded(indicator.rumus.teks)}" in section["text"]
        reader.screenshot("perjalanan-warga-2-indikator", full_page=False)
        # The page's computed formulas are MathML, set in KaTeX's fonts served by the portal itself.
        assert page.locator("article .katex-display math").count() >= 1
        page.evaluate("document.fonts.ready.then(() => true)")
        loaded_fonts = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
        assert "KaTeX_Main" in loaded_fonts
        font_requests = [url for url in reader.watch.requests if "/KaTeX_Main-" in url]
        assert font_requests
        assert all(url.startswith(f"{portal.site_url}assets/katex/fonts/") for url in font_requests)


def test_an_auditor_opens_a_permalink_in_a_fresh_tab_and_copies_it(portal: Portal, browser: Browser) -> None:
    path, anchor = PERMALINK
    permalink = f"{portal.url(path)}#{anchor}"
    permissions = ["clipboard-read", "clipboard-write"]
    with reading(browser, portal, viewport=DESKTOP, permissions=permissions) as reader:
        page = reader.page
        page.goto(permalink)
        heading = f"h4[id='{anchor}']"
        # Scrolled to the indicator, which is marked.
        assert page.evaluate("window.scrollY") > 0
        assert in_viewport_below_header(reader, heading)
        marked = page.locator(heading).evaluate("h => [h.matches(':target'), getComputedStyle(h).outlineStyle]")
        assert marked == [True, "solid"]
        reader.screenshot("perjalanan-auditor-permalink", full_page=False)
        line = page.locator(f"{heading} + p.iku-permalink")
        # Written once, as the link's text: the link goes to the anchor, the button copies the text.
        assert line.locator("a").get_attribute("href") == f"#{anchor}"
        assert line.locator("a").text_content() == permalink
        line.get_by_role("button", name="Salin tautan").click()
        page.get_by_role("status").filter(has_text="Tautan disalin.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == permalink == page.url


def test_a_reader_browses_from_home_to_a_document_by_clicking(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        page = reader.page
        reader.open("")
        for name, path, title in BROWSE:
            page.locator("article").get_by_role("link", name=name, exact=True).click()
            page.wait_for_url(portal.url(path))
            assert folded(page.locator("article h1").inner_text()).removesuffix("#").strip() == title
        assert page.locator("article .iku-indikator").count() == len(INDICATORS[BROWSE[-1][1]])


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
@pytest.mark.parametrize("screen", SCREENS)
def test_a_citizen_reaches_a_kecamatans_document_from_the_home_page_in_two_clicks(
    portal: Portal, browser: Browser, screen: str, javascript: bool
) -> None:
    mode = "js" if javascript else "tanpa-js"
    with reading(browser, portal, java_script_enabled=javascript, **SCREENS[screen]) as reader:
        page = reader.page
        reader.open("")
        # The search box needs JavaScript: without it, it is not offered at all.
        assert page.get_by_label(SEARCH_BOX).is_visible() == javascript
        for step, (name, path, title) in enumerate(TWO_CLICKS, start=1):
            page.wait_for_load_state("networkidle")
            page.locator("article").get_by_role("link", name=name, exact=True).click()
            page.wait_for_url(portal.url(path))
            assert folded(page.locator("article h1").inner_text()).removesuffix("#").strip() == title
            reader.screenshot(f"perjalanan-dua-klik-{screen}-{mode}-{step}", full_page=False)
            if step == 1 and screen == "ponsel":  # the list itself, with or without JavaScript, fits the phone
                fits, widths = fits_the_phone(reader)
                assert fits, widths
        assert page.locator("article .iku-indikator").count() == len(INDICATORS[TWO_CLICKS[-1][1]])


@pytest.mark.parametrize("screen", SCREENS)
def test_a_citizen_types_a_kecamatans_name_on_the_home_page_and_opens_its_document(
    portal: Portal, browser: Browser, screen: str
) -> None:
    document = TWO_CLICKS[-1][1]
    with reading(browser, portal, **SCREENS[screen]) as reader:
        page = reader.page
        reader.open("")
        page.get_by_label(SEARCH_BOX).fill("Senduro")
        page.locator("article form[role=search]").get_by_role("button", name="Cari").click()
        page.wait_for_url(portal.url("pencarian/?q=Senduro"))
        # The search page opens with the name typed and its results.
        reader.wait_for_results("Senduro")
        assert page.locator(".pagefind-ui__search-input").input_value() == "Senduro"
        reader.screenshot(f"perjalanan-cari-nama-{screen}", full_page=False)
        results = page.locator(".pagefind-ui__result .pagefind-ui__result-link:visible")
        hrefs = [results.nth(index).get_attribute("href") or "" for index in range(results.count())]
        assert site_path(portal, hrefs[0]) == document, hrefs  # the kecamatan's document comes first
        results.first.click()
        page.wait_for_url(lambda url: site_path(portal, url) == document)
        assert folded(page.locator("article h1").inner_text()).startswith("IKU Kecamatan Senduro 2024")


def test_a_reader_browses_from_home_to_a_document_by_keyboard_with_visible_focus(
    portal: Portal, browser: Browser
) -> None:
    with reading(browser, portal, viewport=DESKTOP) as reader:
        page = reader.page
        reader.open("")
        for step, (name, path, _) in enumerate(BROWSE, start=1):
            for _ in range(100):
                page.keyboard.press("Tab")
                focused = page.evaluate(
                    "() => { const e = document.activeElement;"
                    " return [e.tagName, e.innerText.trim(), !!e.closest('article')]; }"
                )
                if focused == ["A", name, True]:
                    break
                assert has_visible_focus(focus_indicator(reader)) or focused[0] not in {"A", "BUTTON"}, focused
            else:
                pytest.fail(f"100 presses of Tab never reached the link {name!r}")
            assert has_visible_focus(focus_indicator(reader)), f"the focused link {name!r} shows no focus"
            reader.screenshot(f"perjalanan-keyboard-{step}", full_page=False)
            page.keyboard.press("Enter")
            page.wait_for_url(portal.url(path))
        assert folded(page.locator("article h1").inner_text()).startswith("IKU Kecamatan Senduro 2024")


def fits_the_phone(reader: Reader) -> tuple[bool, str]:
    """Whether the page's content (clipped or not, in the page or in the body) is no wider than the phone's
    screen. A phone browser widens its layout viewport to show content wider than the screen, so the
    screen must stay 360 px too."""
    page, screen = reader.page.evaluate(
        "[Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), window.innerWidth]"
    )
    fits = screen == PHONE["width"] and page <= screen
    return fits, f"the page is {page} px wide, the layout viewport {screen} px, the phone {PHONE['width']} px"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_on_a_phone_no_page_type_scrolls_sideways(portal: Portal, browser: Browser, page_type: str) -> None:
    with reading(browser, portal, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        reader.open_page_type(page_type)
        fits, widths = fits_the_phone(reader)
        reader.screenshot(f"{page_type}-ponsel")
        assert fits, widths


def test_the_sideways_scroll_check_sees_content_wider_than_the_phone(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        reader.open(PAGE_TYPES["kecamatan"])
        assert fits_the_phone(reader)[0]
        wide = "<p style='width: 30rem'>x</p>"
        reader.page.eval_on_selector(
            "article", "(article, wide) => article.insertAdjacentHTML('beforeend', wide)", wide
        )
        assert not fits_the_phone(reader)[0]


def test_on_a_phone_a_wide_table_scrolls_inside_its_own_box(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        page = reader.page
        reader.open(PAGE_TYPES["dokumen"])
        boxes = page.evaluate(
            """() => [...document.querySelectorAll("article .md-typeset__scrollwrap")].map(box => ({
                 wide: box.scrollWidth > box.clientWidth, overflow: getComputedStyle(box).overflowX}))"""
        )
        wide = [box for box in boxes if box["wide"]]
        assert wide, "no table on the document page is wider than a phone"
        assert {box["overflow"] for box in wide} <= {"auto", "scroll"}
        scrolled = page.evaluate(
            """() => {
              const box = [...document.querySelectorAll("article .md-typeset__scrollwrap")]
                .find(box => box.scrollWidth > box.clientWidth);
              box.scrollLeft = 80;
              return [box.scrollLeft, document.documentElement.scrollWidth, window.innerWidth];
            }"""
        )
        assert scrolled[0] > 0 and scrolled[1] <= scrolled[2]


def test_on_a_phone_the_navigation_opens_and_closes(portal: Portal, browser: Browser) -> None:
    with reading(browser, portal, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        page = reader.page
        reader.open(PAGE_TYPES["dokumen"])
        drawer = page.locator(".md-sidebar--primary")
        regulations = drawer.get_by_role("link", name="Regulasi", exact=True)

        def on_screen() -> bool:
            box = drawer.bounding_box()
            return box is not None and box["x"] + box["width"] > 0

        assert not on_screen()
        page.locator('label.md-header__button[for="__drawer"]').click()
        reader.settle()
        assert on_screen()
        assert page.evaluate("document.getElementById('__drawer').checked")
        box = regulations.bounding_box()
        assert box is not None and 0 <= box["x"] < PHONE["width"]
        reader.screenshot("navigasi-ponsel-terbuka", full_page=False)
        # Tapping the dimmed page beside the drawer closes it.
        page.locator("label.md-overlay").click(position={"x": PHONE["width"] - 20, "y": PHONE["height"] // 2})
        reader.settle()
        assert not on_screen()
        assert not page.evaluate("document.getElementById('__drawer').checked")


def document_words(loaded: LoadedDocument) -> list[str]:
    """Text from the content file that must be on the page: every goal, indicator name and definition."""
    texts = []
    for entry in indicator_entries(loaded.document):
        texts += [entry.goal.uraian, entry.indicator.nama]
        if entry.indicator.definisi:
            texts.append(entry.indicator.definisi)
    return [folded(text) for text in texts if text]


@pytest.mark.parametrize("path", DOCUMENTS)
def test_without_javascript_every_document_is_readable(portal: Portal, browser: Browser, path: str) -> None:
    with reading(browser, portal, viewport=DESKTOP, java_script_enabled=False) as reader:
        page = reader.page
        reader.open(path)
        article = page.locator("article")
        text = folded(article.inner_text())
        missing = [words for words in document_words(DOCUMENTS[path]) if words not in text]
        assert missing == []
        tables = article.locator("table")
        assert tables.count() >= 1
        for index in range(tables.count()):
            assert tables.nth(index).is_visible()
        formulas = article.locator(".iku-rumus")
        indicators = [entry.indicator for entry in indicator_entries(DOCUMENTS[path].document)]
        computed = [indicator for indicator in indicators if indicator.rumus and indicator.rumus.latex]
        assert formulas.count() == len(computed)
        for index in range(formulas.count()):
            formula = formulas.nth(index)
            assert formula.locator(".katex-display math").count() == 1
            assert formula.locator(".katex-display .katex-html").is_visible()
