"""Print: a document page on A4 without navigation, with its links spelled out and rows kept whole."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from conftest import REPO, Site, served
from playwright.sync_api import Browser

A4_POINTS = (595.3, 841.9)
ARTIFACTS = REPO / "artifacts" / "print"
PAGES = ["jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019", "jawa-timur/lamongan/mantup/2021-2026"]


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(real_site: Site, browser: Browser) -> dict[str, tuple[Path, list[list[str]]]]:
    """Each page printed to PDF by Chromium, with the text of every table row as the browser laid it out."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    results = {}
    with served(real_site.root) as base:
        page = browser.new_page()
        for url in PAGES:
            page.goto(f"{base}{url}/")
            page.emulate_media(media="print")
            rows = page.eval_on_selector_all(
                "article table tbody tr",
                "rows => rows.map(r => [...r.cells].map(c => c.innerText))",
            )
            breaks = page.eval_on_selector_all("article tr", "rows => rows.map(r => getComputedStyle(r).breakInside)")
            assert set(breaks) == {"avoid"}
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
        # pdfium marks a hyphen at a line break with U+FFFE.
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
    # PDF text interleaves the lines of wrapped cells, so a row is whole on a page when all its words are.
    pages = [set(text.split()) for _, text in pdf_pages(path)]
    assert len(rows) >= 8
    for row in rows:
        words = set(" ".join(row).split())
        assert any(words <= page for page in pages), f"row {row} is not whole on any page"
