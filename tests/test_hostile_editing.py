"""Second hostile probe: hostile or careless input and editors' mistakes that used to hang, crash or mislead.

Each case is one edit to the real content as first published, and the exact report the
editor reads; the build cases show what a reader gets from a long text of the worst characters.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import markdown
import pytest
import yaml
from conftest import GOOD, PUBLISHED, REPO, build_site, content_report, edit, run_iku, visible_text
from markdown.treeprocessors import InlineProcessor
from test_scaffold import SENDURO_LIKE as SCAFFOLD_PROBLEMS

from generator.content.model import MAX_LINE_LENGTH, MAX_PARAGRAPH_LENGTH
from generator.pages.markdown_literal import LiteralTextExtension
from generator.pages.render import markdown_text

SENDURO = "dokumen/jawa-timur/lumajang/senduro/2024.yml"
MANTUP = "dokumen/jawa-timur/lamongan/mantup/2021-2026.yml"


@dataclass(frozen=True)
class Case:
    """One edit to one real content file and the report it must produce."""

    id: str
    file: str
    old: str
    new: str
    report: str


CASES = [
    Case(
        "line-of-501-full-stops",
        SENDURO,
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: '" + "." * (MAX_LINE_LENGTH + 1) + "'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:42:19: tabel_indikator[0].baris[1].indikator[0].nama: teks terlalu panjang
    diharapkan: paling banyak 500 karakter
    ditemukan: 501 karakter
    saran: periksa apakah teksnya tersalin berulang atau terbawa isi lain dari PDF; bila memang panjang, bagi menjadi beberapa butir
""",
    ),
    Case(
        "line-of-501-braces",
        SENDURO,
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: '" + "{" * (MAX_LINE_LENGTH + 1) + "'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:42:19: tabel_indikator[0].baris[1].indikator[0].nama: teks terlalu panjang
    diharapkan: paling banyak 500 karakter
    ditemukan: 501 karakter
    saran: periksa apakah teksnya tersalin berulang atau terbawa isi lain dari PDF; bila memang panjang, bagi menjadi beberapa butir
""",
    ),
    Case(
        "paragraph-of-5001-less-than-signs",
        SENDURO,
        "judul: KECAMATAN SENDURO TAHUN 2024 INDIKATOR KINERJA INDIVIDU (IKU)",
        "judul: '" + "<" * (MAX_PARAGRAPH_LENGTH + 1) + "'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:3:8: judul: teks terlalu panjang
    diharapkan: paling banyak 5000 karakter
    ditemukan: 5001 karakter
    saran: periksa apakah teksnya tersalin berulang atau terbawa isi lain dari PDF; bila memang panjang, bagi menjadi beberapa butir
""",
    ),
    Case(
        "form-feed-from-a-pdf",
        SENDURO,
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: Presentase Pelayanan\x0cPATEN sesuai SP dan SOP",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:42:39: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: `nama: Presentase Pelayanan<U+000C>PATEN sesuai SP dan SOP`
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Case(
        "escape-and-bell-characters",
        SENDURO,
        "  tempat: Lumajang",
        "  tempat: Luma\x1bjang\x07",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:92:15: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: `tempat: Luma<U+001B>jang<U+0007>`
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Case(
        "c1-control-character",
        SENDURO,
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: Presentase\x9b Pelayanan PATEN sesuai SP dan SOP",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:42:29: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: `nama: Presentase<U+009B> Pelayanan PATEN sesuai SP dan SOP`
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Case(
        "number-as-key",
        SENDURO,
        "  tempat: Lumajang\n",
        "  tempat: Lumajang\n  1: x\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:3: ditandatangani: kunci harus berupa nama kolom
    diharapkan: nama kolom dari huruf, mis. `tempat:`
    ditemukan: `1`, dibaca YAML sebagai angka
    saran: tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom
""",
    ),
    Case(
        "list-as-key",
        SENDURO,
        "  tempat: Lumajang\n",
        "  tempat: Lumajang\n  ? [a]\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:5: ditandatangani: kunci harus berupa nama kolom
    diharapkan: nama kolom dari huruf, mis. `tempat:`
    ditemukan: daftar
    saran: tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom
""",
    ),
    Case(
        "null-as-key",
        SENDURO,
        "  tempat: Lumajang\n",
        "  tempat: Lumajang\n  null: x\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:3: ditandatangani: kunci harus berupa nama kolom
    diharapkan: nama kolom dari huruf, mis. `tempat:`
    ditemukan: `null`, dibaca YAML sebagai kosong
    saran: tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom
""",
    ),
    Case(
        "true-as-key",
        SENDURO,
        "  tempat: Lumajang\n",
        "  tempat: Lumajang\n  true: x\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:3: ditandatangani: kunci harus berupa nama kolom
    diharapkan: nama kolom dari huruf, mis. `tempat:`
    ditemukan: `true`, dibaca YAML sebagai benar/salah
    saran: tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom
""",
    ),
    Case(
        "decimal-as-key",
        SENDURO,
        "  tempat: Lumajang\n",
        "  tempat: Lumajang\n  1.5: x\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:3: ditandatangani: kunci harus berupa nama kolom
    diharapkan: nama kolom dari huruf, mis. `tempat:`
    ditemukan: `1.5`, dibaca YAML sebagai angka
    saran: tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom
""",
    ),
    Case(
        "tilde-as-key",
        SENDURO,
        "  tempat: Lumajang\n",
        "  tempat: Lumajang\n  ~: x\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:3: ditandatangani: kunci harus berupa nama kolom
    diharapkan: nama kolom dari huruf, mis. `tempat:`
    ditemukan: `~`, dibaca YAML sebagai kosong
    saran: tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom
""",
    ),
    Case(
        "latex-line-left-open",
        SENDURO,
        "{\\text{Jumlah desa}} \\times 100\\%'",
        "{\\text{Jumlah desa}} \\times 100\\%",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup
    ditemukan: `latex: '\frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \times 100\…`
    saran: tutup rumus dengan tanda kutip tunggal di akhir, mis. latex: '\frac{A}{B} \times 100\%', atau tulis `latex: |` lalu rumusnya di baris berikutnya, menjorok dua spasi
""",
    ),
    Case(
        "latex-opened-with-double-quote",
        SENDURO,
        "latex: '\\frac{\\text{Jumlah desa",
        'latex: "\\frac{\\text{Jumlah desa',
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup
    ditemukan: `latex: "\frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \times 100\…`
    saran: tutup rumus dengan tanda kutip tunggal di akhir, mis. latex: '\frac{A}{B} \times 100\%', atau tulis `latex: |` lalu rumusnya di baris berikutnya, menjorok dua spasi
""",
    ),
    Case(
        "kecamatan-by-name",
        SENDURO,
        "kecamatan: senduro",
        "kecamatan: Senduro",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:9:14: wilayah.kecamatan: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "Senduro"
    saran: maksud Anda `senduro`?
""",
    ),
    Case(
        "kecamatan-by-code",
        SENDURO,
        "kecamatan: senduro",
        "kecamatan: 35.08.12",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:9:14: wilayah.kecamatan: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "35.08.12"
    saran: maksud Anda `senduro`?
""",
    ),
    Case(
        "kecamatan-in-capitals",
        SENDURO,
        "kecamatan: senduro",
        "kecamatan: SENDURO",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:9:14: wilayah.kecamatan: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "SENDURO"
    saran: maksud Anda `senduro`?
""",
    ),
    Case(
        "kabupaten-by-name",
        SENDURO,
        "kabupaten: lumajang",
        "kabupaten: Lumajang",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:8:14: wilayah.kabupaten: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "Lumajang"
    saran: maksud Anda `lumajang`?
""",
    ),
    Case(
        "kabupaten-unknown",
        SENDURO,
        "kabupaten: lumajang",
        "kabupaten: lmj",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:8:14: wilayah.kabupaten: kabupaten tidak ditemukan di provinsi `jawa-timur`
    diharapkan: id kabupaten dari content/wilayah.yml
    ditemukan: "lmj"
    saran: yang paling mirip di content/wilayah.yml: `lumajang`; bila kabupaten ini memang belum ada, tambahkan dulu ke content/wilayah.yml
""",
    ),
    Case(
        "provinsi-unknown",
        SENDURO,
        "provinsi: jawa-timur",
        "provinsi: jatim",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:7:13: wilayah.provinsi: provinsi tidak ditemukan di content/wilayah.yml
    diharapkan: id provinsi dari content/wilayah.yml
    ditemukan: "jatim"
    saran: yang paling mirip di content/wilayah.yml: `jawa-timur`; bila provinsi ini memang belum ada, tambahkan dulu ke content/wilayah.yml
""",
    ),
    Case(
        "nip-partly-spaced",
        MANTUP,
        'nip: "19851010 200602 1 001"',
        'nip: "19851010200602 1 001"',
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:146:8: ditandatangani.nip: format tidak sesuai
    diharapkan: NIP 18 digit dengan spasi seperti tercetak, dalam tanda kutip
    ditemukan: "19851010200602 1 001"
    saran: tulis: "19851010 200602 1 001"
""",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_input_gets_its_exact_report(content: Path, case: Case) -> None:
    edit(content / case.file, case.old, case.new)
    assert content_report(content) == case.report.strip("\n")


ORIGINAL = (PUBLISHED / SENDURO).read_text(encoding="utf-8")
ENCODED = [
    (
        "utf-16-with-bom",
        ORIGINAL.encode("utf-16"),
        "1:1: berkas disimpan sebagai UTF-16\n    diharapkan: teks UTF-8\n    ditemukan: UTF-16 (diawali FF FE)",
    ),
    (
        "utf-16-without-bom",
        ORIGINAL.encode("utf-16-le"),
        "1:1: berkas bukan teks UTF-8\n    diharapkan: teks UTF-8\n"
        "    ditemukan: byte nol (00) di antara huruf, ciri UTF-16 atau UTF-32",
    ),
    (
        "utf-32-with-bom",
        ORIGINAL.encode("utf-32"),
        "1:1: berkas disimpan sebagai UTF-32\n    diharapkan: teks UTF-8\n    ditemukan: UTF-32 (diawali FF FE 00 00)",
    ),
    (
        "windows-1252",
        ORIGINAL.replace("tempat: Lumajang", "tempat: Lumajang “Kota Pisang”").encode("cp1252"),
        "92:20: berkas bukan teks UTF-8\n    diharapkan: teks UTF-8\n    ditemukan: byte 93 (`“` dalam Windows-1252)",
    ),
    (
        "latin-1-letter",
        ORIGINAL.replace("nama: Presentase Pelayanan", "nama: Présentase Pelayanan").encode("latin-1"),
        "42:21: berkas bukan teks UTF-8\n    diharapkan: teks UTF-8\n    ditemukan: byte E9 (`é` dalam Windows-1252)",
    ),
]


@pytest.mark.parametrize(("name", "data", "report"), ENCODED, ids=[name for name, _, _ in ENCODED])
def test_a_file_in_another_encoding_is_named_at_its_line(content: Path, name: str, data: bytes, report: str) -> None:
    (content / SENDURO).write_bytes(data)
    hint = "    saran: simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)"
    assert content_report(content) == f"content/{SENDURO}:{report}\n{hint}"


def _inline_matches(text: str) -> int:
    """How many inline matches Python-Markdown makes for one content text in a table cell."""
    count = 0
    apply = InlineProcessor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def counting(self: InlineProcessor, *args: object) -> tuple[str, bool, int]:
        nonlocal count
        result = apply(self, *args)
        count += result[1]
        return result

    md = markdown.Markdown(
        extensions=["tables", "attr_list", "abbr", "generator.publishing.markdown_abbr", LiteralTextExtension()]
    )
    InlineProcessor._InlineProcessor__applyPattern = counting  # type: ignore[attr-defined]
    try:
        md.convert(f"| a |\n| --- |\n| {markdown_text(text)} |\n")
    finally:
        InlineProcessor._InlineProcessor__applyPattern = apply  # type: ignore[attr-defined]
    return count


def test_the_work_for_one_text_does_not_grow_with_its_special_characters() -> None:
    # Each inline match rebuilds the paragraph's string: one match per special character
    # made a 300 KB text of `.` take minutes. Speed itself is measured by scripts/bench_text.py.
    worst = ".<&{*_`[|#IKM "
    assert _inline_matches(worst * 400) == _inline_matches(worst) == 1


WORST = "".join([". " * 300, "<b>&amp;", "{: onclick=x}", "*_`[x](y)|#", "IKM " * 300, "\\" * 50, ">" * 200])[
    :MAX_PARAGRAPH_LENGTH
]


def test_a_long_allowed_text_of_the_worst_characters_is_built_and_shown_as_written(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(GOOD, content)
    document = content / "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
    data = yaml.safe_load(document.read_text(encoding="utf-8"))
    data["catatan_editor"] = [WORST]
    document.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "project").mkdir()
    result = build_site(tmp_path / "project", content)
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    page = (tmp_path / "project/site/jawa-timur/lumajang/contoh/2021-2023/index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(page, "html.parser").select_one("article")
    assert article is not None
    assert " ".join(WORST.split()) in visible_text(article)
    assert "onclick" not in str(article).replace("{: onclick=x}", "")


@pytest.mark.parametrize("period", ["2025", "2025-2029"])
def test_an_untouched_scaffold_fails_the_check_until_filled(content: Path, period: str) -> None:
    original = content.parent / "asli.pdf"
    original.write_bytes(b"%PDF-1.4 dokumen asli")
    created = run_iku("new", "--wilayah", "35.08.12", "--periode", period, "--sumber", "asli.pdf", cwd=content.parent)
    assert created.returncode == 0, created.stderr
    path = f"content/dokumen/jawa-timur/lumajang/senduro/{period}.yml"
    checked = run_iku("check", cwd=content.parent)
    assert checked.returncode == 1
    headlines = [line for line in checked.stderr.splitlines() if line.startswith("content/")]
    assert headlines == [f"{path}:{problem}" for problem in SCAFFOLD_PROBLEMS]
    assert checked.stderr.endswith("\n6 kesalahan ditemukan di konten.\n")
    assert created.stdout.count(f"{path}:") == 6
    # Filling one field takes it off the list; nothing is guessed for the editor.
    edit(content.parent / path, "judul: …", "judul: INDIKATOR KINERJA UTAMA KECAMATAN SENDURO")
    again = run_iku("check", cwd=content.parent)
    assert next(line for line in again.stderr.splitlines() if line.startswith("content/")).endswith(
        "instansi.nama: isian contoh belum diganti"
    )


ENGLISH = ("usage:", "positional arguments", "options:", "show this help message", "error:", "required:", "invalid")


@pytest.mark.parametrize(
    "args",
    [["--help"], ["new", "--help"], ["import", "--help"], ["check", "--format", "x"], [], ["bogus"], ["check", "--x"]],
)
def test_iku_speaks_bahasa_indonesia_in_help_and_errors(tmp_path: Path, args: list[str]) -> None:
    result = run_iku(*args, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert output.startswith("penggunaan: iku")
    assert not [word for word in ENGLISH if word in output], output
    assert result.returncode == (0 if "--help" in args else 2)


def test_the_readme_example_of_iku_new_works_as_written(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^\.venv/bin/iku new (.*)$", readme, re.MULTILINE)
    assert line is not None
    args = line[1].split()
    source = Path(args[args.index("--sumber") + 1])
    # The original is on the editor's machine, never in the repository.
    assert source.parts[0] == "~", "the README's --sumber must be a path on the editor's machine"
    home = tmp_path / "rumah"
    (home / source.parent.relative_to("~")).mkdir(parents=True)
    (home / source.relative_to("~")).write_bytes(b"%PDF-1.4 dokumen asli")
    shutil.copytree(PUBLISHED, tmp_path / "content")
    expanded = [str(home / Path(arg).relative_to("~")) if arg.startswith("~") else arg for arg in args]
    result = run_iku("new", *expanded, cwd=tmp_path, env={"HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content/dokumen/jawa-timur/lumajang/senduro/2025.yml").is_file()


def test_the_preview_address_in_the_guides_is_where_mkdocs_serve_serves() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', config)
    assert site_url is not None
    served = "http://127.0.0.1:8000" + urlparse(site_url[1]).path
    for name in ("README.md", "CONTRIBUTING.md", "scripts/serve.sh"):
        text = (REPO / name).read_text(encoding="utf-8")
        addresses = re.findall(r"http://127\.0\.0\.1:8000/[^\s>)`,]*", text)
        assert addresses, name
        assert all(address.startswith(served) for address in addresses), (name, addresses)
