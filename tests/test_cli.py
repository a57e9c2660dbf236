"""The ``iku`` command as an editor runs it: a clean verdict, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import DOC, edit


def run_iku(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_check_passes_on_good_content(good_content: Path) -> None:
    result = run_iku("check", cwd=good_content.parent)
    assert result.returncode == 0
    assert result.stdout == "Konten valid: 2 dokumen, 7 regulasi.\n"


def test_check_fails_with_file_line_and_field(good_content: Path) -> None:
    edit(good_content.parent / DOC, "kecamatan: contoh", "kecamatan: tidak-ada")
    result = run_iku("check", cwd=good_content.parent)
    assert result.returncode == 1
    assert result.stderr == (
        f"{DOC}:8:14: wilayah.kecamatan: tidak ada kecamatan dengan id ini di 'lumajang'\n"
        "1 kesalahan ditemukan di konten.\n"
    )
    assert "Traceback" not in result.stderr


def test_check_reports_a_missing_content_folder(tmp_path: Path) -> None:
    result = run_iku("check", "--content", "tidak-ada", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "Galat: folder konten tidak-ada tidak ada\n")
