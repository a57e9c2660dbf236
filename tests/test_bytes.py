"""What every page repeats, in fewer bytes that read the same.

Pages are published minified (generator/publishing/minify.py): the templates' indentation and
comments go, but every run of whitespace between two tags stays one character, so that words in
neighbouring cells stay apart for readers and for the search index. The header's and the
navigation drawer's icons come from one file every page shares (theme/assets/images/ikon.svg), and
the palette's script from another (theme/assets/javascripts/palette.js), and the functions of
Material's first script from a third (theme/assets/javascripts/base.js).
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import material
import pytest
from browsing import DESKTOP, PAGE_TYPES, Portal, reading
from bs4 import BeautifulSoup
from conftest import SITE_URL, Site
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser

from generator.publishing.minify import minified
from generator.publishing.search_index import indexed_pages

PAGE_FILES = {
    name: "404.html" if name == "404" else path.partition("?")[0] + "index.html" for name, path in PAGE_TYPES.items()
}
ICONS = "assets/images/ikon.svg"
MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
SYMBOLS = {
    "logo": "material/library",
    "repositori": "fontawesome/brands/git-alt",
    "cari": "material/magnify",
    "material-brightness-7": "material/brightness-7",
    "material-brightness-4": "material/brightness-4",
    "menu": "material/menu",
    "atas": "material/arrow-up",
    "sunting": "material/file-edit-outline",
}
PALETTE_SCRIPT = "assets/javascripts/palette.js"
BASE_SCRIPT = "assets/javascripts/base.js"


def test_a_page_loses_indentation_and_comments_but_keeps_one_whitespace_between_tags() -> None:
    html = '<table>\n  <tr>\n    <th class="a">Provinsi</th> <th>Dokumen</th>\n  </tr>\n</table>\n<!-- note -->'

    assert minified(html) == "<table>\n<tr>\n<th class=a>Provinsi</th> <th>Dokumen</th>\n</tr>\n</table>\n"


def test_two_links_in_a_layout_element_stay_apart_and_text_keeps_its_spaces() -> None:
    assert minified("<div>\n  <a href=x>Satu</a>\n  <a href=y>Dua</a>\n</div>") == (
        "<div>\n<a href=x>Satu</a>\n<a href=y>Dua</a>\n</div>"
    )
    assert minified("<p>Nilai   <abbr title='Indeks Kepuasan Masyarakat'>IKM</abbr>\n   tahun ini</p>") == (
        '<p>Nilai <abbr title="Indeks Kepuasan Masyarakat">IKM</abbr> tahun ini</p>'
    )


def test_preformatted_text_code_scripts_and_styles_are_kept_as_written() -> None:
    kept = [
        "<pre>a\n    <b>b</b>   c</pre>",
        "<p><code>x  =  <i>y</i></code></p>",
        '<script id="__config" type="application/json">{"a":  1}</script>',
        "<style>.a  >  .b { color: red }</style>",
    ]
    for html in kept:
        assert minified(html) == html.replace(
            'id="__config" type="application/json"', "id=__config type=application/json"
        )


def test_a_title_keeps_its_less_than_sign_escaped_for_simple_parsers() -> None:
    page = minified("<head><title>&lt;script&gt;alert(1)&lt;/script&gt; - Portal IKU</title></head>")

    assert page == "<head><title>&lt;script>alert(1)&lt;/script> - Portal IKU</title></head>"
    assert BeautifulSoup(page, "html.parser").find("script") is None


@pytest.mark.parametrize(
    ("written", "published"),
    [
        # HTML calls these errors (a browser shows them literally); they stay escaped.
        ("&amp;#(\\d+);", "&amp;#(\\d+);"),
        ("&amp;#x(", "&amp;#x("),
        ("&amp;# 5", "&amp;# 5"),
        ("&amp;palsu;", "&amp;palsu;"),
        # What is no error is published as minify-html writes it.
        ("A &amp; B", "A & B"),
        ("A&amp;B", "A&B"),
        ("&amp;amp; &amp;lt;", "&amp;amp; &amp;lt;"),
        ("&amp;#123; &#8211;", "&amp;#123; \u2013"),
    ],
)
def test_an_ampersand_stays_escaped_where_html_would_read_an_error(written: str, published: str) -> None:
    page = minified(f"<p>{written}</p><a title='{written}'>x</a><script>a&&b;c&#(</script>")

    assert page.startswith(f"<p>{published}</p>") and page.endswith("<script>a&&b;c&#(</script>")
    # Python's parser, as BeautifulSoup drives it, took everything after a bare "&#(" for text.
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one("a[title]") is not None and soup.select_one("script") is not None
    assert soup.p is not None and soup.p.get_text() == BeautifulSoup(f"<p>{written}</p>", "html.parser").get_text()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("&#;xX0123456789abcdefnotinampltgquAZ<>\"'=/\u00a0é"), min_size=1))
def test_no_text_makes_a_parser_lose_what_follows_it(text: str) -> None:
    page = minified(f"<p title='{escape(text)}'>{escape(text)}</p><b>akhir</b>")

    soup = BeautifulSoup(page, "html.parser")
    assert soup.p is not None and soup.p.has_attr("title") and soup.b is not None and soup.b.get_text() == "akhir"


def test_a_page_holding_a_stand_in_character_is_published_as_written() -> None:
    html = "<div>\n  <p>\ue000 \ue001</p>\n</div>"

    assert minified(html) == html


@pytest.mark.parametrize("name", PAGE_FILES)
def test_every_page_type_is_published_without_indentation_or_comments(real_site: Site, name: str) -> None:
    html = (real_site.root / PAGE_FILES[name]).read_text(encoding="utf-8")
    outside_pre = re.sub(r"<(pre|code|script|style)\b.*?</\1>", "", html, flags=re.S)

    assert re.findall(r"\n[ \t]+<", outside_pre) == []
    assert "<!--" not in outside_pre


def test_words_of_neighbouring_table_cells_are_indexed_apart(real_site: Site) -> None:
    home = next(page for page in indexed_pages(real_site.root) if page.url == "/")

    assert {"Provinsi", "Kabupaten/kota", "Dokumen"} <= set(home.content.split())
    assert "ProvinsiKabupaten" not in home.content


@pytest.mark.parametrize("name", PAGE_FILES)
def test_the_header_and_drawer_icons_come_from_one_shared_file(real_site: Site, name: str) -> None:
    file = real_site.root / PAGE_FILES[name]
    page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    symbols = {
        symbol["id"]
        for symbol in BeautifulSoup((real_site.root / ICONS).read_text("utf-8"), "html.parser").find_all("symbol")
    }
    used = [use["href"] for use in page.select("header use, .md-sidebar--primary use")]

    # The repository is named once, in the header (the footer links it too); the drawer no longer repeats it.
    assert sorted(href.partition("#")[2] for href in used) == [
        "cari",
        "logo",
        "logo",
        "material-brightness-4",
        "material-brightness-7",
        "menu",
        "repositori",
    ]
    for href in used:
        path, _, symbol = href.partition("#")
        # 404.html is served at any depth, so its links start from the site's path (SITE_URL's).
        target = (
            real_site.root / path.removeprefix(urlsplit(SITE_URL).path) if path.startswith("/") else file.parent / path
        )
        assert target.resolve() == (real_site.root / ICONS).resolve()
        assert symbol in symbols
    # Not inlined as well: no icon of the header or the drawer draws its own path.
    assert page.select("header path, .md-sidebar--primary path, .md-top path, .iku-sunting path") == []
    assert [use["href"].partition("#")[2] for use in page.select(".md-top use")] == ["atas"]
    assert [use["href"].partition("#")[2] for use in page.select(".iku-sunting use")] == (
        ["sunting"] if page.select(".iku-sunting") else []
    )
    if name == "dokumen":
        assert page.select(".iku-sunting use")
    # The palette's script too is the shared file, loaded where Material inlined it (before the page is shown).
    header_scripts = page.select("header script")
    assert [script.get("src", "").rpartition("/")[2] for script in header_scripts] == ["palette.js"]
    assert header_scripts[0].get_text() == ""


def test_the_shared_icons_are_material_s() -> None:
    # Python's HTML parser reads SVG's attribute names in lower case (viewBox as viewbox).
    sprite = BeautifulSoup((Path(__file__).parent.parent / "theme" / ICONS).read_text("utf-8"), "html.parser")
    for name, icon in SYMBOLS.items():
        original = BeautifulSoup((MATERIAL_ICONS / f"{icon}.svg").read_text("utf-8"), "html.parser").svg
        symbol = sprite.find("symbol", id=name)
        assert symbol["viewbox"] == original["viewbox"]
        assert [path["d"] for path in symbol.find_all("path")] == [path["d"] for path in original.find_all("path")]


def test_the_shared_palette_script_is_material_s() -> None:
    inlined = (MATERIAL_ICONS.parent / "partials" / "javascripts" / "palette.html").read_text("utf-8")
    shared = (Path(__file__).parent.parent / "theme" / PALETTE_SCRIPT).read_text("utf-8")

    assert re.search(r"<script>(.*)</script>", inlined, re.S)[1] == shared.rstrip("\n")


@pytest.mark.parametrize("name", PAGE_FILES)
def test_material_s_configuration_carries_only_what_its_script_reads_here(real_site: Site, name: str) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES[name]).read_text(encoding="utf-8"), "html.parser")
    configuration = json.loads(page.find("script", id="__config").get_text())

    # Search is Pagefind's and there is no version selector: their translations are not carried.
    assert configuration["translations"] == {
        "clipboard.copied": "Tersalin ke papan klip",
        "clipboard.copy": "Salin ke papan klip",
    }
    assert sorted(configuration) == ["base", "features", "translations"]
    assert {"navigation.tabs", "navigation.top", "toc.follow"} <= set(configuration["features"])
    # No page has Material's search form, the only reader of the search worker's address.
    assert page.select('[data-md-component="search"]') == []


@pytest.mark.parametrize("name", PAGE_FILES)
def test_material_s_first_script_keeps_only_the_page_s_scope_inline(real_site: Site, name: str) -> None:
    file = real_site.root / PAGE_FILES[name]
    head_scripts = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").head.find_all("script")

    # Where the reader's preferences are stored depends on the page's depth: that stays in the page.
    assert re.fullmatch(r'__md_scope=new URL\("[^"]+",location\)', head_scripts[0].get_text())
    # The functions that read and write them come next, from the shared file, before the palette's script.
    assert head_scripts[1].get_text() == ""
    assert head_scripts[1]["src"].rpartition("/")[2] == "base.js"
    src = head_scripts[1]["src"]
    # 404.html is served at any depth, so its links start from the site's path (SITE_URL's).
    target = real_site.root / src.removeprefix(urlsplit(SITE_URL).path) if src.startswith("/") else file.parent / src
    assert target.resolve() == (real_site.root / BASE_SCRIPT).resolve()
    assert len(head_scripts) == 2


def test_the_shared_base_script_is_material_s_without_the_scope() -> None:
    inlined = (MATERIAL_ICONS.parent / "partials" / "javascripts" / "base.html").read_text("utf-8")
    shared = (Path(__file__).parent.parent / "theme" / BASE_SCRIPT).read_text("utf-8")
    _, functions = re.search(r"<script>(__md_scope=new URL\(.*?,location\)),(.*)</script>", inlined, re.S).groups()

    assert shared.rstrip("\n") == functions
    assert "__md_scope" not in shared.partition("t=__md_scope")[0]


def test_a_reader_s_chosen_palette_is_kept_on_the_next_page(portal: Portal, browser: Browser) -> None:
    # Material stores the choice with the shared script's functions and the palette's script reads it back.
    with reading(browser, portal, viewport=DESKTOP, color_scheme="light") as reader:
        reader.open_page_type("dokumen")
        reader.page.get_by_title("Beralih ke mode gelap").click()
        assert reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"

        reader.open_page_type("kecamatan")

        assert reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert reader.page.evaluate("Object.keys(localStorage)") == [urlsplit(SITE_URL).path + ".__palette"]


@pytest.mark.parametrize("name", ["provinsi", "kabupaten", "kecamatan"])
def test_a_region_page_of_fewer_than_three_sections_carries_no_contents_sidebar(real_site: Site, name: str) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES[name]).read_text(encoding="utf-8"), "html.parser")

    assert len(page.select("article h2")) < 3
    # Material only marked it hidden; its script does without it.
    assert page.select(".md-sidebar--secondary, .md-nav--secondary") == []
    assert page.select(".md-sidebar--primary nav")


def test_a_document_page_keeps_its_contents_sidebar(real_site: Site) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES["dokumen"]).read_text(encoding="utf-8"), "html.parser")

    sidebar = page.select_one(".md-sidebar--secondary")
    assert sidebar is not None and not sidebar.has_attr("hidden")
    assert sidebar.select_one("a[href='#penandatangan']") is not None
    # One landmark, down to each indicator: a goal's entries are not a navigation landmark of their own,
    # labelled with the goal's title once more.
    assert [nav["aria-label"] for nav in sidebar.select("nav")] == ["Daftar isi"]
    assert sidebar.select("div.md-nav a[href^='#']")


def test_an_indicator_heading_links_to_itself_once_through_its_permalink_line(real_site: Site) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES["dokumen"]).read_text(encoding="utf-8"), "html.parser")
    headings = page.select("h4.iku-indikator")

    assert headings
    for heading in headings:
        assert heading.select("a.headerlink") == []
        line = heading.find_next_sibling("p")
        assert line.a["href"] == f"#{heading['id']}"
    # Other headings keep the toc extension's link.
    assert page.select_one("h2#penandatangan a.headerlink")["href"] == "#penandatangan"


@pytest.mark.parametrize("name", ["beranda", "dokumen"])
def test_number_columns_are_aligned_by_an_attribute_material_styles_not_a_style_per_cell(
    real_site: Site, name: str
) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES[name]).read_text(encoding="utf-8"), "html.parser")

    assert page.select("article td[align=right]")
    assert page.select("article td[style], article th[style]") == []


@pytest.mark.parametrize("name", ["kecamatan", "dokumen", "404"])
def test_the_drawer_s_entries_are_written_without_material_s_clipping_span(real_site: Site, name: str) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES[name]).read_text(encoding="utf-8"), "html.parser")
    links = page.select(".md-sidebar--primary .md-nav__link")

    assert [" ".join(link.get_text().split()) for link in links][:7] == [
        "Beranda",
        "Apa itu IKU?",
        "Perbandingan",
        "Regulasi",
        "Glosarium",
        "Data",
        "Tentang",
    ]
    assert page.select(".md-sidebar--primary .md-ellipsis") == []


def test_an_abbreviation_s_expansion_is_marked_for_search_once_per_page_where_search_reads() -> None:
    md = markdown.Markdown(extensions=["abbr", "attr_list", "generator.publishing.markdown_abbr"])
    html = md.convert(
        'Jalan IKM\n{: data-pagefind-ignore="all" }\n\nIKM dan IKM lagi, SOP.\n\n'
        "*[IKM]: Indeks Kepuasan Masyarakat\n*[SOP]: Standar Operasional Prosedur"
    )
    abbreviations = BeautifulSoup(html, "html.parser").find_all("abbr")

    # Every one takes focus (its tooltip shows on focus); search reads the expansion of the first it indexes.
    assert [(abbr.get_text(), abbr["tabindex"], abbr.get("data-pagefind-index-attrs")) for abbr in abbreviations] == [
        ("IKM", "0", None),
        ("IKM", "0", "title"),
        ("IKM", "0", None),
        ("SOP", "0", "title"),
    ]


def test_a_document_page_marks_each_expansion_for_search_once(real_site: Site) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES["dokumen"]).read_text(encoding="utf-8"), "html.parser")
    abbreviations = page.select("article abbr")
    marked = [abbr["title"] for abbr in abbreviations if abbr.has_attr("data-pagefind-index-attrs")]

    assert len(abbreviations) > len(marked)
    assert sorted(marked) == sorted(
        {abbr["title"] for abbr in abbreviations if not abbr.find_parent(attrs={"data-pagefind-ignore": True})}
    )


@pytest.mark.parametrize("name", ["beranda", "kecamatan", "dokumen", "404"])
def test_a_page_does_not_name_the_tools_that_built_it(real_site: Site, name: str) -> None:
    page = BeautifulSoup((real_site.root / PAGE_FILES[name]).read_text(encoding="utf-8"), "html.parser")

    assert page.select('meta[name="generator"]') == []
    # The rest of Material's head stays.
    assert page.select_one('meta[name="viewport"]') and page.select_one('link[rel="icon"]')
    assert page.select_one('meta[name="description"]')["content"]
