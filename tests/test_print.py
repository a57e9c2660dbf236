"""Print: a document page on A4 without navigation, with its links spelled out, rows kept whole
and identifiers never broken across lines.

Chromium lays the page out with the pinned fonts only (``fontconfig`` in conftest), and the
tests compare what a reader sees: the characters of each row on one printed page, whatever
order or line breaks the PDF's text extraction gives them.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from conftest import REPO, Site, served
from playwright.sync_api import Browser, Page

A4_POINTS = (595.3, 841.9)
# The printable width of A4 with the stylesheet's 12 mm side margins, in CSS pixels.
PRINTABLE_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
ARTIFACTS = REPO / "artifacts" / "print"
PAGES = ["jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019", "jawa-timur/lamongan/mantup/2021-2026"]
# Identifiers a reader copies from paper: commit hashes, SHA-256 sums, NIP, region codes, anchors.
IDENTIFIERS = "article code:not(.katex *), article .iku-id"


def folded(text: str) -> str:
    return " ".join(text.split())


def compact(text: str) -> str:
    """``text`` without any whitespace: line breaks in a PDF's text fall anywhere a browser may wrap."""
    # pdfium marks a hyphen at a line break with U+FFFE.
    return "".join(text.replace("\ufffe", "-").split())


def lay_out_for_print(page: Page, url: str) -> None:
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.goto(url)
    page.emulate_media(media="print")


def broken_identifiers(page: Page) -> list[str]:
    """Identifiers on the page laid out on more than one line."""
    return page.eval_on_selector_all(
        IDENTIFIERS, "ids => ids.filter(i => i.getClientRects().length > 1).map(i => i.innerText)"
    )


# Before printing, each table cell gets a tiny white mark at its start and its end. Where a
# PDF's text extraction puts a cell's words (abbreviations and wrapped lines come out of
# order) does not matter: a row is whole on a page when all its marks are on that page.
MARK_CELLS = """rows => rows.map((row, r) => [...row.cells].map((cell, c) => {
  const text = cell.innerText;
  for (const [end, add] of [["a", "prepend"], ["z", "append"]]) {
    const mark = document.createElement("span");
    mark.textContent = `qqr${r}c${c}${end}qq`;
    mark.style.cssText = "font-size: 1px; color: #fff;";
    cell[add](mark);
  }
  return text;
}))"""


def marks(row: int, cells: int) -> list[str]:
    return [f"qqr{row}c{cell}{end}qq" for cell in range(cells) for end in "az"]


@pytest.fixture(scope="module")
def printed(real_site: Site, browser: Browser) -> dict[str, tuple[Path, list[list[str]]]]:
    """Each page printed to PDF by Chromium, with the text of every table row as the browser laid it out."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    results = {}
    with served(real_site.root) as base:
        page = browser.new_page()
        for url in PAGES:
            lay_out_for_print(page, f"{base}{url}/")
            breaks = page.eval_on_selector_all("article tr", "rows => rows.map(r => getComputedStyle(r).breakInside)")
            assert set(breaks) == {"avoid"}
            rows = page.eval_on_selector_all("article table tbody tr", MARK_CELLS)
            path = ARTIFACTS / (url.replace("/", "_") + ".pdf")
            page.pdf(path=str(path), format="A4", print_background=True)
            results[url] = (path, rows)
        page.close()
    return results


def pdf_pages(path: Path) -> list[tuple[tuple[float, float], str]]:
    document = pypdfium2.PdfDocument(path)
    pages = []
    for index in range(len(document)):
        page = document[index]
        text = page.get_textpage().get_text_range()
        text = text.replace("\ufffe\r\n", "-").replace("\ufffe", "-")
        pages.append((page.get_size(), folded(text.replace("\r", " ").replace("\n", " "))))
        # A picture of every page next to the PDF, for a person to look at.
        page.render(scale=0.8).to_pil().save(path.with_name(f"{path.stem}-{index + 1}.png"))
    document.close()
    return pages


@pytest.mark.parametrize("url", PAGES)
def test_a_document_prints_on_a4_without_navigation_or_search(printed: dict, url: str) -> None:
    path, _ = printed[url]
    pages = pdf_pages(path)
    assert len(pages) > 1
    for size, _ in pages:
        # Chromium rounds the paper to whole CSS pixels: within 1.5 pt of 210 × 297 mm.
        assert all(abs(got - want) < 1.5 for got, want in zip(size, A4_POINTS, strict=True)), size
    text = " ".join(text for _, text in pages)
    assert "Keputusan Bupati Lumajang Nomor" in text or "Kecamatan Mantup 2021–2026" in text
    for absent in ("Cari", "Salin tautan", "Salin kutipan", "Beralih ke mode", "Daftar isi", "Made with"):
        assert absent not in text, absent
    assert "Tautan permanen: https://portal-iku.github.io/portal-iku/" in text


def test_links_are_printed_as_text(printed: dict) -> None:
    path, _ = printed[PAGES[0]]
    text = " ".join(text for _, text in pdf_pages(path))
    assert "Undang-Undang Nomor 23 Tahun 2014 <../../../../regulasi/uu-23-2014/>" in text
    assert "<#" not in text, "in-page links print without their anchor"


@pytest.mark.parametrize("url", PAGES)
def test_no_table_row_is_cut_across_pages(printed: dict, url: str) -> None:
    path, rows = printed[url]
    pages = [compact(text) for _, text in pdf_pages(path)]
    assert len(rows) >= 5
    for index, row in enumerate(rows):
        row_marks = marks(index, len(row))
        assert any(all(mark in page for mark in row_marks) for page in pages), f"row {row} is not whole on any page"


def test_a_row_split_across_pages_is_noticed(printed: dict) -> None:
    """The row check can fail: the first and the last row together are whole on no page."""
    path, rows = printed[PAGES[1]]
    pages = [compact(text) for _, text in pdf_pages(path)]
    spanning = marks(0, len(rows[0]))[:1] + marks(len(rows) - 1, len(rows[-1]))[-1:]
    assert all(any(mark in page for page in pages) for mark in spanning), "every mark is printed"
    assert not any(all(mark in page for mark in spanning) for page in pages)


@pytest.mark.parametrize("url", PAGES)
def test_no_identifier_breaks_across_lines(real_site: Site, browser: Browser, url: str) -> None:
    with served(real_site.root) as base:
        page = browser.new_page()
        lay_out_for_print(page, f"{base}{url}/")
        assert page.locator(IDENTIFIERS).count() >= 3
        assert broken_identifiers(page) == []
        # However narrow the column, an identifier stays on one line (the column widens instead).
        page.add_style_tag(content="article td, article dd, article p { width: 4em; max-width: 4em; }")
        assert broken_identifiers(page) == []
        page.close()


# Each formula's drawn extent (KaTeX's boxes, not the hidden MathML) against its article's right edge.
FORMULA_OVERFLOW = """() => {
  const right = document.querySelector("article").getBoundingClientRect().right;
  return [...document.querySelectorAll("article .iku-rumus")].map(box => {
    const parts = [...box.querySelectorAll(".katex-html > *")].map(part => part.getBoundingClientRect().right);
    return Math.max(...parts) - right;
  });
}"""


@pytest.mark.parametrize("url", [*PAGES, "jawa-timur/lumajang/senduro/2024"])
def test_no_formula_is_wider_than_the_printed_page(real_site: Site, browser: Browser, url: str) -> None:
    with served(real_site.root) as base:
        page = browser.new_page()
        lay_out_for_print(page, f"{base}{url}/")
        page.evaluate("document.fonts.ready.then(() => new Promise(done => requestAnimationFrame(done)))")
        page.wait_for_function("[...document.querySelectorAll('.iku-rumus')].every(b => b.style.length)")
        overflow = page.evaluate(FORMULA_OVERFLOW)
        assert overflow, "the page has formulas"
        assert max(overflow) <= 0, f"formulas reach past the printed page by {overflow} px"
        page.close()
