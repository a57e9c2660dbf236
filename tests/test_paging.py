"""Lists that grow with the documents are cut into numbered pages, so no page grows with the portal.

A comparison group, a regulation's "cited by" list, a provinsi's list of documents and the
comparison index hold at most ``page_size`` entries a page (the ``iku`` plugin's option,
100 by default). Page 1 keeps the list's address, page k is ``…/k/``; each page says
"Halaman k dari n" and links the pages around it. Here the real content is built with two
entries a page, and every list is walked from its first page to its last: each entry
appears exactly once, in order, and every link between the pages leads where it says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import DESKTOP, PREFIX, Portal, pages_server, reading
from bs4 import BeautifulSoup, Tag
from conftest import REPO, SITE_URL, Site, edit, git, lay_out_project, visible_text
from playwright.sync_api import Browser
from test_accessibility import axe_violations, described

from generator.content.checks import document_key
from generator.content.kinds import regulation_refs
from generator.content.load import load_content
from generator.content.loaded import Content
from generator.pages.comparison_view import ComparisonView
from generator.pages.paging import numbered_pages, paging
from generator.pages.view import SiteView

PAGE_SIZE = 2


# Three more documents cite the Undang-Undang the decree cites: four in all, two pages.
CITING = {
    "jember/sumberjambe/2022.yml": "nilai-survei-kepuasan-masyarakat",
    "lumajang/senduro/2024.yml": "persentase-pemenuhan-fasilitasi-operasional-perkantoran",
    "lumajang/lumajang/2020.yml": "nilai-ikm-kecamatan",
}
CITED = "uu-23-2014"


@pytest.fixture(scope="module")
def paged_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, committed, with three more documents citing one regulation."""
    repo = tmp_path_factory.mktemp("paged-content")
    shutil.copytree(REPO / "content", repo / "content")
    for path, indicator in CITING.items():
        line = f"          - id: {indicator}\n"
        edit(repo / "content" / "dokumen" / "jawa-timur" / path, line, f"{line}            regulasi: [{CITED}]\n")
    git(repo, "init", "-q")
    git(repo, "add", "content")
    git(repo, "commit", "-q", "-m", "Korpus berhalaman")
    return repo / "content"


@pytest.fixture(scope="module")
def paged_portal(tmp_path_factory: pytest.TempPathFactory, paged_content: Path) -> Iterator[Portal]:
    """The real site (with :data:`CITING`) with two entries a page, built for and served at a local address."""
    folder = tmp_path_factory.mktemp("paged")
    with pages_server(folder / "served") as server:
        lay_out_project(folder, paged_content, link=True)
        option = "      content_dir: content\n"
        edit(folder / "mkdocs.yml", option, f"{option}      page_size: {PAGE_SIZE}\n")
        env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1"}
        env["SITE_URL"] = server.site_url
        site_dir = folder / "served" / PREFIX
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 0, result.stderr
        yield Portal(site_dir, server.site_url)


@pytest.fixture(scope="module")
def paged(paged_portal: Portal) -> Site:
    return Site(paged_portal.root)


@pytest.fixture(scope="module")
def content(paged_content: Path) -> Content:
    return load_content(paged_content)


def page_of(site: Site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.root / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def target(site: Site, page: str, href: str) -> str:
    """The site-relative folder (``a/b/``) a relative link on ``page`` leads to, checking its anchor exists."""
    path, _, anchor = href.partition("#")
    folder = (site.root / page / path).resolve()
    html = folder / "index.html"
    assert html.is_file(), f"{href} on {page} leads nowhere"
    if anchor:
        assert BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(id=anchor), f"{href} on {page}"
    relative = folder.relative_to(site.root.resolve()).as_posix()
    return "" if relative == "." else relative + "/"


def paging_links(site: Site, page: str) -> dict[str, str]:
    """The links of a page's navigation between pages, by their words, each checked the same at top and bottom."""
    navs = page_of(site, page).select("nav.iku-paging")
    found = [{visible_text(a): target(site, page, a["href"]) for a in nav.select("a")} for nav in navs]
    assert all(links == found[0] for links in found), found
    return found[0] if found else {}


def walk(site: Site, first: str) -> list[str]:
    """Every page of the list starting at ``first``, following "Halaman berikutnya" to the end,
    checking on each that it says where it stands and that its other links lead to the right pages."""
    pages = [first]
    while True:
        links = paging_links(site, pages[-1])
        following = [url for words, url in links.items() if words.startswith("Halaman berikutnya")]
        if not following:
            break
        pages.append(following[0])
    count = len(pages)
    for number, page in enumerate(pages, start=1):
        nav = page_of(site, page).select_one("nav.iku-paging")
        assert nav is not None and visible_text(nav).startswith(f"Halaman {number} dari {count}."), page
        expected = {}
        if number > 2:
            expected["Halaman pertama"] = pages[0]
        if number > 1:
            expected[f"Halaman sebelumnya ({number - 1})"] = pages[number - 2]
        if number < count:
            expected[f"Halaman berikutnya ({number + 1})"] = pages[number]
        if number < count - 1:
            expected[f"Halaman terakhir ({count})"] = pages[-1]
        assert paging_links(site, page) == expected, page
    return pages


def article(site: Site, page: str) -> Tag:
    found = page_of(site, page).select_one("article")
    assert found is not None
    return found


# -- the pages themselves ----------------------------------------------------------------


def test_page_k_of_a_list_links_the_first_previous_next_and_last_pages() -> None:
    middle = paging(("perbandingan", "ikm"), 3, 5)
    assert (middle.first, middle.previous, middle.next, middle.last) == (
        "/perbandingan/ikm/index.md",
        "/perbandingan/ikm/2/index.md",
        "/perbandingan/ikm/4/index.md",
        "/perbandingan/ikm/5/index.md",
    )
    assert middle.title_suffix == " (halaman 3 dari 5)"
    only = paging(("perbandingan", "ikm"), 1, 1)
    assert (only.first, only.previous, only.next, only.last, only.title_suffix) == (None, None, None, None, "")


def test_entries_are_cut_in_order_and_an_empty_list_is_one_empty_page() -> None:
    pages = list(numbered_pages(("regulasi", "uu-23-2014"), list(range(5)), 2))
    assert [(page.path, page.entries) for page in pages] == [
        ("regulasi/uu-23-2014/index.md", [0, 1]),
        ("regulasi/uu-23-2014/2/index.md", [2, 3]),
        ("regulasi/uu-23-2014/3/index.md", [4]),
    ]
    assert [(page.path, page.entries) for page in numbered_pages(("x",), [], 2)] == [("x/index.md", [])]


# -- every list, walked --------------------------------------------------------------------


def test_a_provinsi_list_is_cut_into_pages_that_together_hold_every_document_once(
    paged: Site, content: Content
) -> None:
    pages = walk(paged, "daftar-dokumen/jawa-timur/")
    assert pages == ["daftar-dokumen/jawa-timur/", "daftar-dokumen/jawa-timur/2/", "daftar-dokumen/jawa-timur/3/"]
    listed = []
    for page in pages:
        on_page = [target(paged, page, a["href"]) for a in article(paged, page).select("table a")]
        assert 1 <= len(on_page) <= PAGE_SIZE, page
        listed += on_page
    expected = sorted("/".join(document_key(loaded.document)) + "/" for loaded in content.documents)
    assert sorted(listed) == expected and len(listed) == len(set(listed))
    # Every page names the page each kabupaten/kota starts on, and the link lands on its heading.
    for page in pages:
        index = article(paged, page).find(string=lambda text: "dimulai di halaman" in text).find_parent("p")
        starts = {visible_text(a): target(paged, page, a["href"]) for a in index.select("a")}
        assert starts == {
            "Kabupaten Jember": "daftar-dokumen/jawa-timur/",
            "Kabupaten Lamongan": "daftar-dokumen/jawa-timur/",
            "Kabupaten Lumajang": "daftar-dokumen/jawa-timur/2/",
        }
    assert visible_text(article(paged, pages[1]).select_one("h1")) == "Daftar dokumen Jawa Timur (halaman 2 dari 3)"


def test_a_regulations_cited_by_list_is_cut_into_pages_that_together_hold_every_citing_document(
    paged: Site, content: Content
) -> None:
    citing: dict[str, set[str]] = {}
    for loaded in content.documents:
        for _, ref in regulation_refs(loaded.document):
            citing.setdefault(ref, set()).add("/".join(document_key(loaded.document)) + "/")
    most = CITED
    assert len(citing[most]) == 4
    pages = walk(paged, f"regulasi/{most}/")
    assert len(pages) == -(-len(citing[most]) // PAGE_SIZE)
    listed = []
    for page in pages:
        on_page = [target(paged, page, a["href"]) for a in article(paged, page).select("#dikutip-oleh ~ ul a")]
        assert 1 <= len(on_page) <= PAGE_SIZE, page
        assert f"{len(citing[most])} dokumen mengutip peraturan ini, {len(on_page)} di halaman ini." in visible_text(
            article(paged, page)
        )
        listed += on_page
    assert listed == sorted(citing[most])


def test_a_comparison_group_is_cut_into_pages_that_together_hold_every_row_once(paged: Site, content: Content) -> None:
    groups, _ = ComparisonView(SiteView(content, "Portal IKU", SITE_URL)).groups()
    ikm = next(group for group in groups if group.slug == "ikm")
    expected = [row.document.url for province in ikm.provinces for row in province.rows]
    assert len(expected) > PAGE_SIZE
    pages = walk(paged, "perbandingan/ikm/")
    assert len(pages) == -(-len(expected) // PAGE_SIZE)
    listed = []
    for page in pages:
        rows = article(paged, page).select("table tbody tr")
        assert 1 <= len(rows) <= PAGE_SIZE, page
        for row in rows:
            href = row.select_one("a")["href"]
            path, _, anchor = href.partition("#")
            listed.append(f"/{target(paged, page, path)}index.md#{anchor}")
            target(paged, page, href)
        assert f"tercantum di {len(expected)} dokumen" in visible_text(article(paged, page))
    assert listed == expected


def test_the_comparison_index_is_cut_into_pages_and_keeps_the_rules_on_the_first(paged: Site, content: Content) -> None:
    groups, _ = ComparisonView(SiteView(content, "Portal IKU", SITE_URL)).groups()
    pages = walk(paged, "perbandingan/")
    assert len(pages) == -(-len(groups) // PAGE_SIZE) > 1
    listed = []
    for page in pages:
        on_page = [target(paged, page, a["href"]) for a in article(paged, page).select("table a")]
        assert 1 <= len(on_page) <= PAGE_SIZE, page
        listed += on_page
        assert (page_of(paged, page).find(id="aturan-pengelompokan") is not None) == (page == "perbandingan/")
    assert listed == [f"perbandingan/{group.slug}/" for group in groups]


@pytest.mark.parametrize("page", ["daftar-dokumen/jawa-timur/2/", "perbandingan/ikm/2/", "perbandingan/2/"])
def test_a_second_page_meets_wcag_21_aa(paged_portal: Portal, browser: Browser, page: str) -> None:
    with reading(browser, paged_portal, viewport=DESKTOP) as reader:
        reader.open(page)
        violations = axe_violations(reader)
        reader.screenshot("halaman-2-" + page.strip("/").replace("/", "-"))
        assert violations == [], f"axe found violations on {page}:\n" + described(violations)
