"""Hostile input: what a malicious or careless pull request gets instead of active code, a hang or a crash.

Each case is one edit to a real content file (as first published) and the exact report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, edit

from generator.errors import ContentError
from generator.load import load_content

SENDURO = "dokumen/jawa-timur/lumajang/senduro/2024.yml"
FORMULA = r"\frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \times 100\%"
FORMULA_AT = (
    "content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex"
)


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "published", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def report(content: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return "\n".join(str(problem) for problem in caught.value.problems)


@pytest.mark.parametrize(
    "command",
    [
        r"\href{javascript:alert(1)}{x}",
        r"\url{https://example.org/}",
        r"\includegraphics{https://example.org/a.png}",
        r"\htmlId{x}{y}",
        r"\htmlClass{x}{y}",
        r"\htmlStyle{color: red}{y}",
        r"\htmlData{foo=bar}{y}",
    ],
)
def test_formulas_that_would_link_load_or_set_attributes_are_refused(content: Path, command: str) -> None:
    edit(content / SENDURO, FORMULA, f"{FORMULA} {command}")
    name = command.split("{")[0]
    assert report(content) == (
        f"{FORMULA_AT}: perintah LaTeX ini tidak diizinkan di rumus\n"
        "    diharapkan: perintah matematika saja, mis. `\\frac`, `\\text`, `\\times`\n"
        f"    ditemukan: `{name}`\n"
        "    saran: rumus hanya memuat matematika; tautan, gambar dan atribut HTML tidak diterbitkan"
    )


def test_a_billion_laughs_alias_bomb_is_refused_at_once(content: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 9)]
    (content / "dokumen" / "bom.yml").write_text("\n".join([*lines, "jenis: iku", ""]), encoding="utf-8")
    # Refused while it is read: walking the expanded document would take hours.
    assert report(content) == (
        "content/dokumen/bom.yml:2:10: YAML tidak valid: alias (`*nama`) tidak dipakai di konten\n"
        "    ditemukan: `a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]`\n"
        "    saran: tulis nilainya langsung di setiap tempat; anchor (`&`) dan alias (`*`) tidak diperlukan"
    )


def test_a_byte_order_mark_is_named(content: Path) -> None:
    path = content / SENDURO
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert report(content) == (
        "content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: berkas diawali tanda BOM\n"
        "    diharapkan: UTF-8 tanpa BOM\n"
        "    ditemukan: BOM (EF BB BF)\n"
        "    saran: simpan ulang sebagai UTF-8 tanpa BOM (di Notepad: UTF-8, bukan UTF-8 with BOM)"
    )
