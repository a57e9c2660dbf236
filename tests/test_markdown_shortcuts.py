"""Work Markdown is spared on every page: texts no inline pattern can match, and HTML a template
writes whole. Either way the page's HTML is what Markdown made of it before."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, STX, AtomicString

from generator.pages.markdown_html import CLOSE as HTML_CLOSE
from generator.pages.markdown_html import OPEN as HTML_OPEN
from generator.pages.markdown_html import html_block
from generator.pages.render import environment, markdown_text
from generator.publishing.markdown_plain_text import MarkPlainTexts

EXTENSIONS = [
    "abbr",
    "generator.publishing.markdown_abbr",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "generator.pages.markdown_literal",
]
SHORTCUTS = ["generator.pages.markdown_html", "generator.publishing.markdown_plain_text"]
GLOSSARY = {"IKM": "indeks kepuasan masyarakat"}

# Two spaces end a line with a <br>.
LINE_BREAK = "  "
# One page with every inline pattern (a marked content text, code, escape, links, images, an
# autolink, a mail, a line break, inline HTML, an entity, emphasis both ways) beside plain texts.
PAGE = f"""# Judul {{ #judul }}

Teks biasa tanpa apa pun, IKM 2025.

{markdown_text("Teks konten: a*b_c [d](e) <f> & 1.")} dan `kode` dan \\*bukan\\* dan [tautan](#judul)
dan ![gambar](a.png) dan <https://contoh.id> dan <surat@contoh.id> dan baris{LINE_BREAK}
baru dan <span class="x">HTML</span> dan &amp; dan *miring* dan __tebal__ IKM.

| Tahun | Nilai |
| --- | ---: |
| 2025 | 80,5 |
| 2026 | *90* |
| {markdown_text("2027 & <b>")} | {markdown_text("1.5 IKM")} |

Konten saja: {markdown_text("IKM *bukan miring* & <i>bukan HTML</i> ke [a](b).")}, lalu {markdown_text("x_y")}.

<div class="kotak" markdown>

Di dalam IKM, **tebal**.

</div>

Istilah
:   Uraian biasa IKM.

- satu
- dua *tiga*
"""


def converted(text: str, extensions: list[str]) -> str:
    md = markdown.Markdown(extensions=extensions, extension_configs={"abbr": {"glossary": GLOSSARY}})
    return md.convert(text)


def test_a_page_is_converted_the_same_with_plain_texts_passed_by() -> None:
    html = converted(PAGE, [*EXTENSIONS, *SHORTCUTS])

    assert html == converted(PAGE, EXTENSIONS)
    # The abbreviations come after the inline step: plain texts are searched as before.
    assert html.count("<abbr ") == 6


def test_only_texts_no_inline_pattern_can_match_are_passed_by() -> None:
    md = markdown.Markdown(extensions=[*EXTENSIONS, *SHORTCUTS])
    root = etree.fromstring(
        "<div><p>Teks biasa 2025</p><p>a *b*</p><p>a_b</p><p>a [b]</p><p>a &amp;amp; b</p>"
        "<p>dua  \nbaris</p><p>satu\nbaris</p><td>80,5</td>\n</div>"
    )

    MarkPlainTexts(md).run(root)

    passed = [element.text for element in root.iter() if isinstance(element.text, AtomicString)]
    assert passed == ["Teks biasa 2025", "satu\nbaris", "80,5"]
    assert isinstance(root[-1].tail, AtomicString), "a blank tail is passed by too"


def test_a_content_text_is_read_back_and_passed_by_when_nothing_else_is_for_the_inline_step() -> None:
    md = markdown.Markdown(extensions=[*EXTENSIONS, *SHORTCUTS])
    root = etree.Element("div")
    for text in (f"Hasil {markdown_text('a.b')} saja", f"{markdown_text('a.b')} *c*"):
        etree.SubElement(root, "p").text = text

    MarkPlainTexts(md).run(root)

    read_back, left = root
    assert isinstance(read_back.text, AtomicString)
    assert read_back.text == f"Hasil a{STX}46{ETX}b saja"
    assert not isinstance(left.text, AtomicString)
    assert left.text == f"{markdown_text('a.b')} *c*"


def test_with_an_inline_pattern_it_does_not_know_every_text_is_handed_on() -> None:
    md = markdown.Markdown(extensions=[*EXTENSIONS, *SHORTCUTS, "pymdownx.tilde"])
    root = etree.fromstring("<div><p>Teks biasa</p></div>")

    MarkPlainTexts(md).run(root)

    assert not any(isinstance(element.text, AtomicString) for element in root.iter())


class _SeenByMkDocs(Preprocessor):
    """Where MkDocs reads the page's raw HTML for its ids (priority 21): what it would read."""

    def run(self, lines: list[str]) -> list[str]:
        self.text = "\n".join(lines)
        return lines


@pytest.mark.parametrize("after", ["\n\nSesudah.\n", "\nSesudah.\n", "\n"])
def test_html_a_template_writes_whole_is_never_parsed_and_comes_out_as_written(after: str) -> None:
    block = '<div class="iku-rumus">\n<span class="katex">x</span></div>'
    md = markdown.Markdown(extensions=[*EXTENSIONS, *SHORTCUTS])
    seen = _SeenByMkDocs()
    md.preprocessors.register(seen, "seen", 21)

    html = md.convert(f"Sebelum.\n\n{html_block(block)}{after}")

    assert "katex" not in seen.text
    assert html == converted(f"Sebelum.\n\n{block}{after}", EXTENSIONS)
    assert block in html


def test_a_content_text_cannot_make_or_break_a_block_of_html() -> None:
    text = f"{HTML_OPEN}<b>bukan HTML</b>{HTML_CLOSE}"

    # As a content text, the marks are written escaped: read back as the characters they are.
    assert converted(markdown_text(text), [*EXTENSIONS, *SHORTCUTS]) == converted(markdown_text(text), EXTENSIONS)
    assert HTML_OPEN not in markdown_text(text)
    # Inside a block a template writes (an indicator's name in a formula's label), the block is not marked.
    block = environment().from_string("{% filter html_block %}<div title='{{ name }}'></div>{% endfilter %}")
    assert block.render(name=text) == f"<div title='{text.replace('<', '&lt;').replace('>', '&gt;')}'></div>"


# Text rich in what the inline patterns and the block parser look for, beside plain words. Raw
# text never holds html_block's marks (only the filter writes them); content texts may hold anything.
_SPECIAL = "`\\[]()!<>&*_#|:-=+.~ \n\t\u00a0\ue000\ue001\x02\x03"
_WORDS = ["IKM", "teks", "2025", "80,5", "a.b", "https://contoh.id", "x@y.id", "&amp;", "&#35;", "*a*", "**b**"]
_WORDS += ["_c_", "__d__", "[e](#f)", "[g]", "![h](i.png)", "<b>", "</b>", "<https://j.id>", "<k@l.id>", "`m`", "\\*"]
_WORDS += ["  \n"]
_words = st.sampled_from(_WORDS)
_raw = (
    st.lists(st.one_of(st.text(alphabet=_SPECIAL, max_size=4), _words, st.text(max_size=3)), max_size=5)
    .map("".join)
    .map(lambda text: text.replace(HTML_OPEN, "").replace(HTML_CLOSE, ""))
)
_content = st.lists(
    st.one_of(st.text(alphabet=_SPECIAL + HTML_OPEN + HTML_CLOSE, max_size=4), _words), max_size=12
).map(lambda pieces: markdown_text("".join(pieces)))


def _page(text: st.SearchStrategy[str], *blocks: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Pages of Markdown made of ``text`` in the block structures the templates write, and ``blocks``."""
    line = st.one_of(
        text,
        st.tuples(text, text).map(lambda cells: f"| {cells[0]} | {cells[1]} |"),
        text.map(lambda text: f": {text}"),
        text.map(lambda text: f"- {text}"),
        text.map(lambda text: f"## {text}"),
        st.just("| a | b |\n| --- | ---: |"),
        st.just(""),
    )
    lines = st.lists(line, max_size=8).map("\n".join)
    block = st.one_of(lines, lines.map(lambda text: f'<div class="kotak" markdown>\n\n{text}\n\n</div>'), *blocks)
    return st.lists(block, max_size=5).map("\n\n".join)


@settings(max_examples=100, deadline=None)
@given(_page(_raw))
def test_any_hand_written_page_is_converted_the_same_with_plain_texts_passed_by(page: str) -> None:
    """Hand-written pages are converted with the same extensions as generated ones: whatever the
    Markdown, passing plain texts by changes nothing in the HTML."""
    assert converted(page, [*EXTENSIONS, *SHORTCUTS]) == converted(page, EXTENSIONS)


# What a template writes around content texts, and a marked block as the templates use one: on lines
# of its own, outside any `<div markdown>`.
_template_text = st.sampled_from(["", " ", "**1.** ", "[tautan](#a) ", " · ", " (kode ", ") ", "*catatan* ", " — "])
_generated_text = st.lists(st.one_of(_template_text, _content), max_size=5).map("".join)
_marked_block = _content.map(lambda text: f"{html_block(f'<p>{text}</p>')}")


@settings(max_examples=100, deadline=None)
@given(_page(_generated_text, _marked_block))
def test_any_generated_page_is_converted_the_same_with_both_shortcuts(page: str) -> None:
    """A generated page (content texts in what the templates write) comes out the same with plain
    texts passed by and marked blocks of HTML set aside."""
    written = page.replace(HTML_OPEN, "").replace(HTML_CLOSE, "")
    assert converted(page, [*EXTENSIONS, *SHORTCUTS]) == converted(written, EXTENSIONS)
