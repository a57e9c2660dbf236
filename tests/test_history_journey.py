"""An auditor reads a document's history of content changes, opens an earlier version and
reaches the original source, on a desk and on a phone, in a real browser."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from browsing import PREFIX, Portal, pages_server, reading
from conftest import REPO, build_site, edit, git
from playwright.sync_api import Browser, Locator, Page

SENDURO = "jawa-timur/lumajang/senduro/2024/"
SENDURO_FILE = "content/dokumen/jawa-timur/lumajang/senduro/2024.yml"
FORMULA_BEFORE = r"\frac{\text{Jumlanh fasilitasi"
FORMULA_AFTER = r"\frac{\text{Jumlah fasilitasi"
INDICATOR = "Persentase pemenuhan fasilitasi kebutuhan operasional perkantoran"
SOURCE_NOTE = (
    "keterangan: Teks hasil ekstraksi dari dokumen IKU Kecamatan Senduro tahun 2024, satu sel tabel per baris."
)


@pytest.fixture(scope="module")
def history_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Portal, dict[str, str]]]:
    """The real content published in January, its source note requoted in February (not a
    version) and a formula corrected in March; built and served as GitHub Pages serves it."""
    folder = tmp_path_factory.mktemp("history-portal")
    repo = folder / "repo"
    shutil.copytree(REPO / "content", repo / "content")
    git(repo, "init", "-q")
    git(repo, "add", "content")
    commits = {}
    git(repo, "commit", "-qm", "Tambah dokumen", date="2024-01-15T09:00:00+07:00")
    commits["januari"] = git(repo, "rev-parse", "HEAD").strip()
    edit(repo / SENDURO_FILE, SOURCE_NOTE, SOURCE_NOTE.replace("keterangan: ", 'keterangan: "') + '"')
    git(repo, "commit", "-qam", "Rapikan kutipan", date="2024-02-10T09:00:00+07:00")
    edit(repo / SENDURO_FILE, FORMULA_BEFORE, FORMULA_AFTER)
    git(repo, "commit", "-qam", "Perbaiki rumus", date="2024-03-05T09:00:00+07:00")
    commits["maret"] = git(repo, "rev-parse", "HEAD").strip()
    with pages_server(folder / "served") as server:
        site_dir = folder / "served" / PREFIX
        result = build_site(folder, repo / "content", link=True, site_url=server.site_url, site_dir=site_dir)
        assert result.returncode == 0, result.stderr
        yield Portal(site_dir, server.site_url), commits


@pytest.mark.parametrize(
    ("device", "options"),
    [
        ("desktop", {"viewport": {"width": 1280, "height": 900}}),
        ("ponsel", {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}),
    ],
)
def test_an_auditor_reads_the_history_opens_an_earlier_version_and_reaches_the_source(
    history_portal: tuple[Portal, dict[str, str]], browser: Browser, device: str, options: dict[str, object]
) -> None:
    portal, commits = history_portal
    with reading(browser, portal, **options) as reader:
        page = reader.page
        reader.open(SENDURO)
        page.locator("article").get_by_role("link", name="asal data dan riwayat", exact=True).click()
        history = page.locator("#riwayat + p + ul")
        history.scroll_into_view_if_needed()
        versions = history.locator(":scope > li")
        assert versions.count() == 2
        assert " ".join(versions.nth(0).inner_text().split()) == (
            f"5 Maret 2024 · JSON versi ini · commit {commits['maret'][:12]}\n"
            f"Rumus indikator {INDICATOR} diubah".replace("\n", " ")
        )
        assert " ".join(versions.nth(1).inner_text().split()) == (
            f"15 Januari 2024 · JSON versi ini · commit {commits['januari'][:12]} Versi pertama dokumen ini."
        )
        commit_link = versions.nth(0).get_by_role("link", name=f"commit {commits['maret'][:12]}")
        assert (
            commit_link.get_attribute("href") == f"https://github.com/portal-iku/portal-iku/commit/{commits['maret']}"
        )
        assert "Terakhir diperbarui 5 Maret 2024" in " ".join(
            page.locator("#asal-data ~ dl").first.inner_text().split()
        )
        reader.screenshot(f"riwayat-dokumen-{device}", full_page=False)

        # The earlier version, as it was published in January: the formula with the source's spelling.
        # (Fetched as the link gives it: a browser tab on a JSON file asks for /favicon.ico outside the site.)
        earlier = opened(reader.page, versions.nth(1).get_by_role("link", name="JSON versi ini"))
        first_indicator = json.loads(earlier)["tabel_indikator"][0]["baris"][0]["indikator"][0]
        assert first_indicator["nama"] == INDICATOR
        assert first_indicator["rumus"]["latex"].startswith(FORMULA_BEFORE)
        current = opened(reader.page, page.locator("article a", has_text="JSON").first)
        assert FORMULA_AFTER in json.loads(current)["tabel_indikator"][0]["baris"][0]["indikator"][0]["rumus"]["latex"]

        # What is known of the original, said plainly, and the extracted text it was transcribed from.
        facts = " ".join(page.locator("#asal-data ~ dl").first.inner_text().split())
        for fact in (
            "PDF dokumen asli tidak tersedia di portal ini",
            "Alamat resmi dokumen asli tidak diketahui",
            "Tanggal diambil tidak diketahui",
        ):
            assert fact in facts
        assert (
            "Teks dokumen di halaman ini adalah hasil ekstraksi dari dokumen asli"
            in page.locator(".iku-asal").inner_text()
        )
        decree = " ".join(page.locator("dt:has-text('Ditetapkan dengan') + dd").inner_text().split())
        assert decree.endswith("— ditambahkan oleh editor portal: dokumen sumber tidak menyebut keputusan ini")
        source = page.locator("#asal-data ~ dl").first.get_by_role("link", name="003_9adf7fbf4bcb75cb.txt")
        assert opened(page, source).startswith("KECAMATAN SENDURO TAHUN 2024")


def opened(page: Page, link: Locator) -> str:
    """What a reader gets by following ``link``: the address it leads to must answer, on the site's own origin."""
    address = link.evaluate("a => a.href")
    response = page.request.get(address)
    assert response.status == 200, address
    return response.text()
