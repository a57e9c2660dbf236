"""Issue 15, re-probed: every problem in every file in one run, and two new inputs of each hostile class.

Each case ends as the issue demands: rejected with the exact report an editor reads, or
built with nothing active, nothing lost and a bounded amount of work.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, edit

PUBLISHED = FIXTURES / "published"
SENDURO = "content/dokumen/jawa-timur/lumajang/senduro/2024.yml"
MANTUP = "content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The content as first published, at ``tmp_path/content``."""
    shutil.copytree(PUBLISHED, tmp_path / "content")
    return tmp_path


def iku(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=base | (env or {}),
    )


# --- Every problem in every file, in one run -------------------------------------------------


def break_senduro_twice(project: Path) -> None:
    edit(project / SENDURO, "  nama: KECAMATAN SENDURO\n", "\tnama: KECAMATAN SENDURO\n")
    edit(
        project / SENDURO,
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: Presentase: Pelayanan PATEN sesuai SP dan SOP",
    )


SENDURO_TWICE = f"""\
{SENDURO}:5:1: YAML tidak valid: ada karakter tab
    ditemukan: `→nama: KECAMATAN SENDURO`
    saran: gunakan spasi untuk indentasi, bukan tab
{SENDURO}:42:29: YAML tidak valid: ada titik dua yang tidak dapat dibaca sebagai `kunci: nilai`
    ditemukan: `nama: Presentase: Pelayanan PATEN sesuai SP dan SOP`
    saran: bila teksnya memuat ": ", tulis seluruh teks dalam tanda kutip, mis. nama: "Rasio: jumlah"; \
bila tidak, samakan indentasi baris ini dengan kunci lain di tingkatnya
"""


def test_four_syntax_errors_in_two_files_are_four_reports(project: Path) -> None:
    break_senduro_twice(project)
    edit(project / "content/wilayah.yml", 'kode: "35.08"\n', 'kode: "35.08\n')
    edit(project / "content/wilayah.yml", "nama: Jember\n", "nama: Jember: Kabupaten\n")
    result = iku(project, "check")
    assert result.returncode == 1
    assert result.stderr == SENDURO_TWICE + (
        "content/wilayah.yml:16:15: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup\n"
        '    ditemukan: `kode: "35.08`\n'
        '    saran: tutup teks dengan tanda kutip yang sama, mis. nama: "ABDUL BASAR"\n'
        "content/wilayah.yml:33:21: YAML tidak valid: ada titik dua yang tidak dapat dibaca sebagai `kunci: nilai`\n"
        "    ditemukan: `nama: Jember: Kabupaten`\n"
        '    saran: bila teksnya memuat ": ", tulis seluruh teks dalam tanda kutip, mis. nama: "Rasio: jumlah"; '
        "bila tidak, samakan indentasi baris ini dengan kunci lain di tingkatnya\n"
        "catatan: content/wilayah.yml belum dapat dibaca, jadi wilayah dokumen (`wilayah:`) dan alamat lama "
        "wilayah belum diperiksa; perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi\n"
        "4 kesalahan ditemukan di konten.\n"
    )


def test_a_syntax_error_hides_neither_keys_written_twice_nor_errors_in_later_entries(project: Path) -> None:
    edit(project / SENDURO, "periode:\n  mulai: 2024\n", "periode:\n  mulai: [2024\n")
    edit(
        project / SENDURO,
        "              - Kasubag Keuangan\n            catatan_editor:",
        "              - 'Kasubag Keuangan\n            catatan_editor:",
    )
    edit(project / SENDURO, "keputusan: kepbup", "judul: lagi\nkeputusan: kepbup")
    result = iku(project, "check")
    assert result.stderr == (
        f"{SENDURO}:11:10: YAML tidak valid: daftar yang dibuka dengan `[` di sini tidak ditutup\n"
        "    ditemukan: `mulai: [2024`\n"
        "    saran: tutup daftar dengan `]`; butir yang memuat koma atau titik dua ditulis dalam tanda kutip\n"
        f"{SENDURO}:12:1: judul: kunci ditulis dua kali\n"
        "    diharapkan: setiap kunci sekali saja dalam satu bagian\n"
        "    ditemukan: `judul` di baris 3 dan 12\n"
        "    saran: nilai yang pertama akan hilang tanpa pemberitahuan; gabungkan keduanya atau hapus salah satu\n"
        f"{SENDURO}:36:17: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup\n"
        "    ditemukan: `- 'Kasubag Keuangan`\n"
        '    saran: tutup teks dengan tanda kutip yang sama, mis. nama: "ABDUL BASAR"\n'
        "3 kesalahan ditemukan di konten.\n"
    )


def test_a_broken_catalogue_still_lets_every_document_be_checked(project: Path) -> None:
    # regulasi.yml fails the model; the documents' own mistakes and their regions are still reported,
    # and a reference to a regulation (which cannot be checked now) is left for the next run.
    edit(project / "content/regulasi.yml", "    tahun: 1950\n", "    tahun: seribu\n")
    edit(project / SENDURO, "kecamatan: senduro", "kecamatan: sendoro")
    edit(
        project / MANTUP,
        '  nama: "KECAMATAN MANTUP KABUPATEN LAMONGAN"\n',
        '  nama: "KECAMATAN MANTUP KABUPATEN LAMONGAN"\n  warna: biru\n',
    )
    result = iku(project, "check", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(p["file"], p["line"], p["field"], p["message"]) for p in report["problems"]] == [
        (MANTUP, 6, "instansi.warna", "kunci tidak dikenal"),
        (SENDURO, 9, "wilayah.kecamatan", "kecamatan tidak ditemukan di kabupaten `lumajang`"),
        ("content/regulasi.yml", 6, "regulasi[0].tahun", "jenis nilai salah"),
    ]
    assert report["notes"] == [
        "content/regulasi.yml belum dapat dibaca, jadi regulasi yang dirujuk dokumen (`regulasi:`, `mengingat:`) "
        "belum diperiksa; perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi"
    ]
    assert report["count"] == 3
