"""The second hostile probe: formulas, glossary entries, source files and the shared
temporary folder.

Each case is one edit to the real content as first published and the exact report the
editor reads, or a build that publishes nothing active and loses nothing. For each
class the probe's own inputs come first, then two more of the same kind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, REPO, build_site, content_report, edit, lay_out_project

import generator
from generator.content import formulas
from generator.content.errors import FormulaError
from generator.content.formula_cache import DATABASE
from generator.content.formulas import CACHE_DIR, KATEX_PACKAGE, render_formula
from generator.publishing.page_check import markdown_leftover

SENDURO = "dokumen/jawa-timur/lumajang/senduro/2024.yml"
GLOSSARY = "glosarium.yml"
FORMULA = r"\frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \times 100\%"
LATEX = f"latex: '{FORMULA}'"
AT = "content/dokumen/jawa-timur/lumajang/senduro/2024.yml"
FIELD = "tabel_indikator[0].baris[5].indikator[0].rumus.latex"
BERKAS = "berkas: sumber/003_9adf7fbf4bcb75cb.txt"
LAST_INDICATOR_END = "            penanggung_jawab:\n              - Kasi Pemerintahan\nditandatangani:"
DEFINITION_REFUSED = (
    "rumus tidak boleh mendefinisikan perintah sendiri\n"
    "    diharapkan: rumus yang ditulis langsung, tanpa `\\def` atau `\\newcommand`\n"
    "    ditemukan: `{command}`\n"
    "    saran: tulis rumusnya langsung; satu definisi yang dipanggil berulang membuat halaman berukuran megabita"
)
INVISIBLE = (
    "rumus menghasilkan karakter tak terlihat\n"
    "    ditemukan: <U+{code}>\n"
    "    saran: tulis karakternya sendiri, bukan kodenya (`\\char`); karakter kendali dan pembalik arah ditolak"
)
TOO_FAR = (
    "rumus memuat ukuran atau geseran terlalu besar\n"
    "    ditemukan: {length}em (paling besar 25em)\n"
    "    saran: periksa angka di `\\raisebox`, `\\rule`, `\\kern` atau `\\hspace`; rumus tak perlu sebesar itu"
)
TOO_BIG = (
    "rumus terlalu besar setelah dirender\n"
    "    ditemukan: {size} byte HTML (paling banyak 50000)\n"
    "    saran: rumus IKU biasanya satu pecahan; tulis penjelasan panjang di `definisi`"
)
PERCENT = (
    "tanda `%` tanpa `\\` memulai komentar TeX: sisa rumus setelahnya hilang\n"
    "    ditemukan: {latex}\n"
    "    saran: tulis `\\%` untuk tanda persen, mis. `\\times 100\\%`"
)
KATEX = "KaTeX tidak dapat merender rumus: KaTeX parse error: {detail}\n    ditemukan: {latex}\n    saran: {hint}"


@dataclass(frozen=True)
class Case:
    """One hostile or careless formula written over the Senduro formula, and where and what is reported."""

    id: str
    latex: str
    """The line(s) replacing ``latex: '…'``."""
    at: str
    """``line:column`` of the report."""
    report: str


def bomb() -> str:
    # One definition expanded 199 times: inside the 1,000-character and 200-expansion limits.
    return r"\def\a{" + r"\frac{a}{b}" * 10 + "}" + r"\a" * 199


FORMULAS = [
    # KaTeX expansion bombs: a definition multiplies what is written.
    Case("definition-expanded-199-times", f"latex: '{bomb()}'", "86:22", DEFINITION_REFUSED.format(command="\\def")),
    Case(
        "newcommand-called-twice",
        r"latex: '\newcommand{\a}{\sqrt{x}}\a\a'",
        "86:22",
        DEFINITION_REFUSED.format(command="\\newcommand"),
    ),
    Case("global-definition", r"latex: '\gdef\a{\sqrt{x}}\a'", "86:22", DEFINITION_REFUSED.format(command="\\gdef")),
    # Output bounded, not only input: no definition, still large.
    Case("125-square-roots", "latex: '" + r"\sqrt{x}" * 125 + "'", "86:22", TOO_BIG.format(size=162172)),
    Case("76-overbraces", "latex: '" + r"\overbrace{x}" * 76 + "'", "86:22", TOO_BIG.format(size=146944)),
    # \char writes characters every other text field refuses.
    Case("char-right-to-left-override", "latex: 'A \\char\"202E B'", "86:22", INVISIBLE.format(code="202E")),
    Case("char-nul", r"latex: 'A \char0 B'", "86:22", INVISIBLE.format(code="0000")),
    Case("char-right-to-left-isolate", "latex: 'A \\char\"2067 B'", "86:22", INVISIBLE.format(code="2067")),
    Case("char-escape", "latex: 'A \\char\"1B[31m B'", "86:22", INVISIBLE.format(code="001B")),
    # \raisebox is not capped by max-size.
    Case("raisebox-1000em", r"latex: '\raisebox{1000em}{x}'", "86:22", TOO_FAR.format(length="1000")),
    Case(
        "raisebox-down-in-a-superscript",
        r"latex: 'x^{\raisebox{-500em}{y}}'",
        "86:22",
        TOO_FAR.format(length="714.563"),
    ),
    Case("raisebox-just-beyond-max-size", r"latex: '\raisebox{26em}{x}'", "86:22", TOO_FAR.format(length="26")),
    # A bare % starts a TeX comment: the rest of the formula would silently vanish.
    Case(
        "bare-percent-before-text",
        r"latex: '\frac{A}{B} \times 100% \text{ (dalam persen)}'",
        "86:45",
        PERCENT.format(latex=r"\frac{A}{B} \times 100% \text{ (dalam persen)}"),
    ),
    Case(
        "percent-after-a-line-break",
        r"latex: '\frac{A}{B} \\ 100%'",
        "86:41",
        PERCENT.format(latex=r"\frac{A}{B} \\ 100%"),
    ),
    Case("percent-first", r"latex: '% \frac{A}{B}'", "86:23", PERCENT.format(latex=r"% \frac{A}{B}")),
    # KaTeX's messages: at the offending character in the file, with a hint in Bahasa Indonesia.
    Case(
        "unknown-command-in-double-quotes",
        r'latex: "\\frac{A}{B} \\time 100\\%"',
        "86:36",
        KATEX.format(
            detail=r"Undefined control sequence: \time at position 13: \frac{A}{B} \time 100\%",
            latex=r"\frac{A}{B} \time 100\%",
            hint="perintah ini tidak dikenal KaTeX; periksa ejaannya, mis. `\\frac`, `\\times`",
        ),
    ),
    Case(
        "unknown-command-on-the-second-line-of-a-folded-block",
        "latex: >-\n                \\frac{A}{B}\n                \\time 100\\%",
        "88:17",
        KATEX.format(
            detail=r"Undefined control sequence: \time at position 13: \frac{A}{B} \time 100\%",
            latex=r"\frac{A}{B} \time 100\%",
            hint="perintah ini tidak dikenal KaTeX; periksa ejaannya, mis. `\\frac`, `\\times`",
        ),
    ),
    Case(
        "double-superscript",
        r"latex: 'x^2^3'",
        "86:26",
        KATEX.format(
            detail="Double superscript at position 4: x^2^3",
            latex="x^2^3",
            hint="satu suku hanya boleh punya satu `^`; kelompokkan pangkatnya dengan `{…}`",
        ),
    ),
    Case(
        "unknown-environment",
        r"latex: '\begin{foo}x\end{foo}'",
        "86:29",
        KATEX.format(
            detail=r"No such environment: foo at position 7: \begin{foo}x\end{foo}",
            latex=r"\begin{foo}x\end{foo}",
            hint="lingkungan `\\begin{…}` ini tidak dikenal KaTeX; periksa ejaannya, mis. `array`, `cases`",
        ),
    ),
]


# -- formulas ------------------------------------------------------------------------


@pytest.mark.parametrize("case", FORMULAS, ids=[case.id for case in FORMULAS])
def test_each_hostile_formula_gets_its_exact_report(content: Path, case: Case) -> None:
    edit(content / SENDURO, LATEX, case.latex)
    assert content_report(content) == f"{AT}:{case.at}: {FIELD}: {case.report}"


def extra_indicators(latex: str, count: int) -> str:
    return "".join(
        f"\n          - id: tambahan-{index}\n            nama: Tambahan {index}\n"
        f"            rumus:\n              latex: '{latex}'"
        for index in range(count)
    )


def test_formulas_of_one_document_are_bounded_in_what_is_written(content: Path) -> None:
    # Each formula is within its own limits; together they would cost the check and the page.
    latex = r"\text{" + "a" * 990 + "}"
    edit(
        content / SENDURO,
        LAST_INDICATOR_END,
        LAST_INDICATOR_END.replace("\nditandatangani:", "") + extra_indicators(latex, 60) + "\nditandatangani:",
    )
    assert content_report(content) == (
        f"{AT}:290:22: tabel_indikator[0].baris[5].indikator[50].rumus.latex: "
        "rumus dalam satu dokumen terlalu besar bersama-sama\n"
        "    ditemukan: lebih dari 50000 karakter rumus sampai di sini\n"
        "    saran: rumus IKU biasanya satu pecahan pendek; pecah dokumen ini atau sederhanakan rumusnya"
    )


def test_formulas_of_one_document_are_bounded_in_what_is_rendered(content: Path) -> None:
    latex = r"\sqrt{x}" * 34
    edit(
        content / SENDURO,
        LAST_INDICATOR_END,
        LAST_INDICATOR_END.replace("\nditandatangani:", "") + extra_indicators(latex, 30) + "\nditandatangani:",
    )
    assert content_report(content) == (
        f"{AT}:182:22: tabel_indikator[0].baris[5].indikator[23].rumus.latex: "
        "rumus dalam satu dokumen terlalu besar bersama-sama\n"
        "    ditemukan: lebih dari 1000000 byte HTML sampai di sini\n"
        "    saran: rumus IKU biasanya satu pecahan pendek; pecah dokumen ini atau sederhanakan rumusnya"
    )


# -- the shared temporary folder ---------------------------------------------------------


def render_elsewhere(latex: str, temp: Path) -> str:
    """``render_formula(latex)`` in a fresh process whose temporary folder is ``temp``."""
    # The generator package this test imported, whichever checkout it comes from.
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(Path(generator.__file__).parent.parent)}
    program = (
        "import sys; from generator.content.formulas import render_formula; "
        "sys.stdout.write(render_formula(sys.argv[1]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, latex], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def poisoned_temp(tmp_path: Path, command: list[str], latex: str = "", html: str = "") -> Path:
    """A shared temporary folder someone else wrote first: markdown-katex's command file and cache."""
    temp = tmp_path / "shared-tmp"
    cache = temp / "mdkatex"
    cache.mkdir(parents=True)
    (cache / "local_katex_cmd.txt").write_text("\n".join(command), encoding="utf-8")
    if html:
        options = ["--display-mode", "--max-expand", "200", "--max-size", "20"]
        digest = hashlib.sha256(latex.encode("utf-8"))
        for part in [*command, *options]:
            digest.update(part.encode("utf-8"))
        (cache / f"{digest.hexdigest()}.html").write_text(html, encoding="utf-8")
    return temp


KATEX_COMMAND = str(REPO / "node_modules" / ".bin" / "katex")


def test_a_command_line_planted_in_the_shared_temp_folder_changes_nothing(tmp_path: Path) -> None:
    # Only the first line was checked: the rest turned on --trust and made \times a javascript: link.
    latex = FORMULA + r" \text{ (tanam perintah)}"
    planted = [KATEX_COMMAND, "--trust", "--macro", r"\times:\href{javascript:alert(1)}{×}"]
    shown = render_elsewhere(latex, poisoned_temp(tmp_path, planted))
    assert "javascript:" not in shown
    assert shown == str(render_formula(latex))


def test_a_rendering_planted_in_the_shared_temp_folder_is_never_served(tmp_path: Path) -> None:
    latex = FORMULA + r" \text{ (tanam hasil)}"
    planted = '<span class="katex"><a href="javascript:alert(1)">klik</a></span>'
    shown = render_elsewhere(latex, poisoned_temp(tmp_path, [KATEX_COMMAND], latex, planted))
    assert "javascript:" not in shown
    assert shown == str(render_formula(latex))


def test_rendering_writes_nothing_to_the_temp_folder_and_caches_inside_the_project(tmp_path: Path) -> None:
    temp = tmp_path / "shared-tmp"
    temp.mkdir()
    number = int(hashlib.sha256(str(tmp_path).encode()).hexdigest(), 16)
    latex = rf"\text{{cache {number}}} \times 100\%"
    shown = render_elsewhere(latex, temp)
    assert list(temp.iterdir()) == []
    # The other test worker may cache its own formulas meanwhile: only this one's unique number counts.
    with closing(sqlite3.connect(CACHE_DIR / DATABASE)) as database:
        cached = [zlib.decompress(html).decode("utf-8") for (html,) in database.execute("SELECT html FROM rendering")]
    assert [text for text in cached if str(number) in text] == [shown]
    assert CACHE_DIR.is_relative_to(REPO) and KATEX_PACKAGE.is_relative_to(REPO)


# -- glossary ------------------------------------------------------------------------------


def test_a_markdown_placeholder_word_is_no_abbreviation(content: Path) -> None:
    edit(content / GLOSSARY, "  - singkatan: IKM\n", "  - singkatan: wzxhzdk\n")
    assert content_report(content) == (
        "content/glosarium.yml:8:16: istilah[1].singkatan: singkatan ini dipakai Markdown sebagai penanda internal\n"
        "    diharapkan: singkatan yang tertulis di dokumen\n"
        '    ditemukan: "wzxhzdk"\n'
        "    saran: `wzxhzdk` bukan singkatan; hapus istilah ini"
    )


def test_another_placeholder_word_as_another_form_is_no_abbreviation(content: Path) -> None:
    edit(content / GLOSSARY, "bentuk_lain: [APBDesa]", "bentuk_lain: [APBDesa, KLZZWXH]")
    assert content_report(content) == (
        "content/glosarium.yml:4:28: istilah[0].bentuk_lain[1]: "
        "singkatan ini dipakai Markdown sebagai penanda internal\n"
        "    diharapkan: singkatan yang tertulis di dokumen\n"
        '    ditemukan: "KLZZWXH"\n'
        "    saran: `klzzwxh` bukan singkatan; hapus istilah ini"
    )


def convert(source: str, glossary: dict[str, str]) -> str:
    """``source`` through the site's Markdown extensions, with ``glossary`` as the plugin hands it over."""
    converter = markdown.Markdown(
        extensions=["abbr", "generator.publishing.markdown_abbr", "toc"],
        extension_configs={"abbr": {"glossary": glossary}, "toc": {"permalink": "#"}},
    )
    return converter.convert(source)


PAGE = '## Rumus\n\n<div class="rumus"><span class="katex">x</span></div>\n\nNomor 188\\.45 kali 5 \\* 3 \\# 46 42\n'


@pytest.mark.parametrize("abbreviation", ["wzxhzdk", "46", "42", "35"])
def test_an_abbreviation_never_matches_inside_markdowns_placeholders(abbreviation: str) -> None:
    html = convert(PAGE, {abbreviation: "Kepanjangan"})
    assert markdown_leftover(html) is None
    assert '<div class="rumus"><span class="katex">x</span></div>' in html
    assert 'href="#rumus"' in html
    assert "Nomor 188.45 kali 5 * 3 #" in html


def test_an_abbreviation_of_digits_still_marks_only_itself() -> None:
    html = convert(PAGE, {"46": "Empat puluh enam"})
    assert '# <abbr data-pagefind-index-attrs="title" tabindex="0" title="Empat puluh enam">46</abbr> 42' in html
    assert html.count("<abbr") == 1


def test_an_abbreviation_right_after_a_word_in_other_markup_is_still_marked() -> None:
    # A page is first searched as a whole: its texts must stay apart there, "tebal" + "IKM" is no abbreviation.
    html = convert("**tebal**IKM", {"IKM": "Indeks Kepuasan Masyarakat"})
    assert html.count('title="Indeks Kepuasan Masyarakat">IKM</abbr>') == 1


def test_a_page_without_any_abbreviation_is_left_as_written() -> None:
    html = convert("Nomor 188\\.45 *tebal*", {"IKM": "Indeks Kepuasan Masyarakat"})
    assert html == "<p>Nomor 188.45 <em>tebal</em></p>"


def test_a_page_with_a_leftover_placeholder_is_caught() -> None:
    assert markdown_leftover("<p>188\x0246\x0345</p>") == "<p>188<U+0002>46<U+0003>45</p>"
    assert markdown_leftover("<p>\x02wzxhzdk:0\x03</p>") == "<p><U+0002>wzxhzdk:0<U+0003></p>"
    assert markdown_leftover("<p>wzxhzdk:3</p>") == "<p>wzxhzdk:3</p>"
    # Each mark alone is caught too (the page is first searched for them as plain strings).
    assert markdown_leftover("<p>188\x0345</p>") == "<p>188<U+0003>45</p>"
    assert markdown_leftover("<p>klzzwxh:12</p>") == "<p>klzzwxh:12</p>"
    assert markdown_leftover("<p>188.45</p>") is None
    assert markdown_leftover("<p>wzxhzdk: klzzwxh</p>") is None


def test_an_abbreviation_of_digits_keeps_every_page_whole(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "published", content)
    edit(content / GLOSSARY, "  - singkatan: IKM\n", "  - singkatan: '46'\n")
    (tmp_path / "project").mkdir()
    result = build_site(tmp_path / "project", content)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "project" / "site"
    leftovers = {
        page.relative_to(site).as_posix(): found
        for page in site.rglob("*.html")
        if (found := markdown_leftover(page.read_text(encoding="utf-8"))) is not None
    }
    assert leftovers == {}
    decree = (site / "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019/index.html").read_text(
        encoding="utf-8"
    )
    assert "188.45/326/427.12/2019" in decree
    assert BeautifulSoup(decree, "html.parser").select(".katex-display")


# -- source files ------------------------------------------------------------------------------


def test_a_source_linked_to_a_web_page_is_refused(content: Path) -> None:
    (content / "sumber" / "serangan.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (content / "sumber" / "serangan.txt").symlink_to("serangan.html")
    edit(content / SENDURO, BERKAS, "berkas: sumber/serangan.txt")
    assert content_report(content) == (
        f"{AT}:98:11: sumber.berkas: berkas sumber ini tautan simbolik\n"
        "    diharapkan: berkas biasa di folder content/sumber/\n"
        "    ditemukan: sumber/serangan.txt menunjuk ke serangan.html\n"
        "    saran: salin isi dokumen aslinya ke content/sumber/; tautan tidak diterbitkan"
    )


def test_a_source_folder_linked_elsewhere_is_refused(content: Path, tmp_path: Path) -> None:
    shutil.move(content / "sumber", tmp_path / "elsewhere")
    (content / "sumber").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    problems = content_report(content).split("\n")
    assert problems[:4] == [
        "content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:114:11: sumber.berkas: "
        "berkas sumber ini tautan simbolik",
        "    diharapkan: berkas biasa di folder content/sumber/",
        f"    ditemukan: sumber menunjuk ke {tmp_path / 'elsewhere'}",
        "    saran: salin isi dokumen aslinya ke content/sumber/; tautan tidak diterbitkan",
    ]
    assert len(problems) == 5 * 4


def test_a_web_page_named_pdf_is_refused(content: Path) -> None:
    (content / "sumber" / "asli.pdf").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    edit(content / SENDURO, BERKAS, "berkas: sumber/asli.pdf")
    assert content_report(content) == (
        f"{AT}:98:11: sumber.berkas: isi berkas sumber bukan PDF\n"
        "    diharapkan: berkas PDF (diawali `%PDF-`)\n"
        "    ditemukan: berkas diawali b'<html><s'\n"
        "    saran: simpan dokumen aslinya sebagai PDF, atau teks hasil ekstraksinya sebagai .txt"
    )


def test_an_image_named_txt_is_refused(content: Path) -> None:
    (content / "sumber" / "foto.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    edit(content / SENDURO, BERKAS, "berkas: sumber/foto.txt")
    assert content_report(content) == (
        f"{AT}:98:11: sumber.berkas: isi berkas sumber bukan teks\n"
        "    diharapkan: teks UTF-8\n"
        "    ditemukan: byte ke-1 bukan UTF-8\n"
        "    saran: simpan teks dokumen asli sebagai UTF-8; berkas lain (gambar, PDF) jangan diberi akhiran .txt"
    )


def test_a_pipe_named_txt_neither_hangs_nor_is_published(content: Path) -> None:
    os.mkfifo(content / "sumber" / "pipa.txt")
    edit(content / SENDURO, BERKAS, "berkas: sumber/pipa.txt")
    assert content_report(content) == (
        f"{AT}:98:11: sumber.berkas: berkas sumber bukan berkas biasa\n"
        "    diharapkan: berkas .txt atau .pdf\n"
        "    ditemukan: pipa, soket atau perangkat\n"
        "    saran: simpan dokumen aslinya sebagai satu berkas .txt atau .pdf di content/sumber/"
    )


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize(
    ("name", "target"),
    [("rahasia.txt", "/etc/hostname"), ("serangan.md", "serangan.html")],
    ids=["file-outside-the-project", "web-page-beside-it"],
)
def test_a_hand_written_page_that_is_a_symbolic_link_is_not_published(tmp_path: Path, name: str, target: str) -> None:
    lay_out_project(tmp_path, FIXTURES / "published")
    (tmp_path / "docs" / "serangan.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (tmp_path / "docs" / name).symlink_to(target)
    result = mkdocs_build(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"ERROR   -  {name} di docs/ adalah tautan simbolik; "
        "simpan berkasnya langsung di sana, tautan tidak diterbitkan" in result.stderr
    )
    assert not (tmp_path / "site" / name).exists()


def test_a_formula_that_takes_too_long_is_refused_and_the_next_one_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No formula the checks let through takes long; the time limit is the last line of defence.
    # A worker that reads its question and never answers stands in for KaTeX stuck on a formula.
    stuck = tmp_path / "stuck.js"
    stuck.write_text("process.stdin.on('data', () => {});\n", encoding="utf-8")
    monkeypatch.setattr(formulas, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(formulas, "RENDER_TIMEOUT_SECONDS", 0.5)
    monkeypatch.setattr(formulas, "WORKER", stuck)
    formulas.forget_renderings()
    formulas._worker().close()
    with pytest.raises(FormulaError) as caught:
        render_formula(r"\text{lama}")
    assert (caught.value.message, caught.value.found) == ("rumus terlalu lama dirender", "lebih dari 0.5 detik")
    # The stuck process is gone; the next formula gets a fresh worker.
    monkeypatch.undo()
    formulas.forget_renderings()
    assert "lama" in render_formula(r"\text{lama}")
