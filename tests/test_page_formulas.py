"""Hand-written pages write formulas as markdown-katex reads them and get the content's fast path.

``$`…`$`` inside a sentence and a fenced ``math`` block on its own lines are rendered at
build time by the project's KaTeX worker (batches, cache, checks), so a reader sees
MathML without JavaScript; a wrong formula stops the build naming page, line and column.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
from browsing import screenshot
from conftest import GOOD, Site, lay_out_project, served
from playwright.sync_api import Browser

from generator.content.formulas import render_formula
from generator.pages.render import environment
from generator.publishing.markdown_formulas import formula_problems

EXTENSIONS = ["generator.publishing.markdown_formulas", "fenced_code", "abbr", "generator.publishing.markdown_abbr"]


def convert(source: str) -> str:
    """``source`` through the formula extension and the site's other Markdown extensions that matter here."""
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"abbr": {"glossary": {"A": "Anu"}}})
    return converter.convert(source)


def boxed(latex: str) -> str:
    return environment().get_template("partials/formula.html.j2").render(html=render_formula(latex))


def test_inline_and_block_formulas_render_like_content_formulas() -> None:
    html = convert("Nilainya $`\\frac{A}{B}`$ persen.\n\n```math\n\\frac{A}{B}\n  \\times 100\\%\n```\n\nSelesai.\n")
    inline = render_formula(r"\frac{A}{B}", display=False)
    block = boxed(r"\frac{A}{B} \times 100\%")
    assert html == f"<p>Nilainya {inline} persen.</p>\n{block}\n<p>Selesai.</p>"


def test_a_formula_in_a_code_block_stays_code() -> None:
    html = convert("```python\nteks = '$`x`$'\n```\n")
    assert html == "<pre><code class=\"language-python\">teks = '$`x`$'\n</code></pre>"


def test_a_formula_written_in_generated_html_is_not_read_again() -> None:
    # A content formula's TeX reaches the page in its MathML annotation, markdown-katex's syntax included.
    rendered = render_formula(r"\text{a $`x`$ b}")
    html = convert(f'<div class="iku-rumus">{rendered}</div>\n')
    assert html == f'<div class="iku-rumus">{rendered}</div>'


def test_every_formula_of_the_pages_is_checked_where_it_is_written() -> None:
    page = (
        "# Judul\n"
        "\n"
        "Salah: $`x^2^3`$ dan $`\\frac{A}{B}`$.\n"
        "\n"
        "- butir\n"
        "\n"
        "    ```math\n"
        "    \\frac{A}{B}\n"
        "      \\time 100\\%\n"
        "    ```\n"
        "\n"
        '```math {"trust": true}\n'
        "\\href{javascript:alert(1)}{x}\n"
        "```\n"
    )
    assert "\n".join(str(problem) for problem in formula_problems([(Path("docs/contoh.md"), page)])) == (
        "docs/contoh.md:3:13: KaTeX tidak dapat merender rumus: KaTeX parse error: Double superscript at position 4: "
        "x^2^3\n"
        "    ditemukan: x^2^3\n"
        "    saran: satu suku hanya boleh punya satu `^`; kelompokkan pangkatnya dengan `{…}`\n"
        "docs/contoh.md:9:7: KaTeX tidak dapat merender rumus: KaTeX parse error: Undefined control sequence: \\time "
        "at position 13: \\frac{A}{B} \\time 100\\%\n"
        "    ditemukan: \\frac{A}{B} \\time 100\\%\n"
        "    saran: perintah ini tidak dikenal KaTeX; periksa ejaannya, mis. `\\frac`, `\\times`\n"
        "docs/contoh.md:12:1: baris pembuka ```math tidak boleh berisi apa pun sesudah `math`\n"
        '    ditemukan: {"trust": true}\n'
        "    saran: tulis rumusnya di baris berikutnya; opsi KaTeX untuk satu rumus tidak diterima"
    )


def test_a_wrong_formula_in_a_hand_written_page_stops_the_build(tmp_path: Path) -> None:
    lay_out_project(tmp_path, GOOD)
    page = tmp_path / "docs" / "tentang-iku.md"
    page.write_text(page.read_text(encoding="utf-8").replace("= 90\\%`$", "= 90%`$"), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "90%`$" in text)
    column = lines[line - 1].index("90%`$") + 3
    assert (
        f"ERROR   -  docs/tentang-iku.md:{line}:{column}: tanda `%` tanpa `\\` memulai komentar TeX: "
        "sisa rumus setelahnya hilang\n"
        "    ditemukan: \\frac{180}{200} \\times 100\\% = 90%\n"
        "    saran: tulis `\\%` untuk tanda persen, mis. `\\times 100\\%`\n"
        "1 kesalahan ditemukan di konten."
    ) in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_formula_on_the_about_page_is_mathml_without_javascript(real_site: Site, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with served(real_site.root) as base:
        page.goto(f"{base}tentang-iku/")
        article = page.locator("article")
        block = article.locator(".iku-rumus .katex-display")
        assert block.count() == 1
        assert block.locator("math[display=block] mfrac").count() == 1
        assert block.locator(".katex-html").is_visible()
        inline = article.locator("p .katex math annotation")
        assert inline.all_text_contents() == ["\\frac{180}{200} \\times 100\\% = 90\\%"]
        assert "$`" not in article.inner_text()
        assert "```" not in article.inner_text()
        block.scroll_into_view_if_needed()
        screenshot(page, "rumus-halaman-tentang-iku-tanpa-js", full_page=False)
    context.close()
