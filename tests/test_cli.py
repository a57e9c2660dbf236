"""The ``iku`` command as an editor and as CI run it: clear verdicts, never a traceback, never a half-written site."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, edit, lay_out_project, run_iku

from generator.content.model import IkuDocument, Indicator
from generator.content.validate import describe_field

SENDURO = "content/dokumen/jawa-timur/lumajang/senduro/2024.yml"
WRONG_KECAMATAN = ("kecamatan: senduro", "kecamatan: sendoro")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the whole portal at ``tmp_path``, with the real content as first published."""
    shutil.copytree(FIXTURES / "published", tmp_path / "content")
    lay_out_project(tmp_path, tmp_path / "content")
    return tmp_path


def test_check_passes_on_the_published_content(project: Path) -> None:
    result = run_iku("check", cwd=project)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Konten valid: 5 dokumen, 21 regulasi.\n", "")


def test_check_tells_an_editor_what_is_wrong_where_and_how_to_fix_it(project: Path) -> None:
    edit(project / SENDURO, *WRONG_KECAMATAN)
    result = run_iku("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        f"{SENDURO}:9:14: wilayah.kecamatan: kecamatan tidak ditemukan di kabupaten `lumajang`\n"
        "    diharapkan: id kecamatan dari content/wilayah.yml\n"
        '    ditemukan: "sendoro"\n'
        "    saran: maksud Anda `senduro`?\n"
        "1 kesalahan ditemukan di konten.\n"
    )


def test_check_for_github_annotates_the_line_on_the_pull_request(project: Path) -> None:
    edit(project / SENDURO, *WRONG_KECAMATAN)
    result = run_iku("check", "--format", "github", cwd=project)
    assert result.returncode == 1
    assert result.stdout == (
        f"::error file={SENDURO},line=9,col=14,title=wilayah.kecamatan::"
        "kecamatan tidak ditemukan di kabupaten `lumajang`%0A"
        "diharapkan: id kecamatan dari content/wilayah.yml%0A"
        'ditemukan: "sendoro"%0A'
        "saran: maksud Anda `senduro`?\n"
        "1 kesalahan ditemukan di konten.\n"
    )


def test_github_annotations_escape_what_would_end_a_command(project: Path) -> None:
    edit(project / SENDURO, "  nama: KECAMATAN SENDURO\n", "  nama: KECAMATAN SENDURO\n  warna: 100%, biru\n")
    result = run_iku("check", "--format", "github", cwd=project)
    annotation = result.stdout.splitlines()[0]
    assert annotation.startswith(f"::error file={SENDURO},line=6,col=3,title=instansi.warna::kunci tidak dikenal%0A")
    assert "100%" not in annotation and annotation.count("::") == 2


def test_check_as_json_gives_tools_every_part_of_every_problem(project: Path) -> None:
    edit(project / SENDURO, *WRONG_KECAMATAN)
    result = run_iku("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "valid": False,
        "count": 1,
        "problems": [
            {
                "file": SENDURO,
                "line": 9,
                "column": 14,
                "field": "wilayah.kecamatan",
                "message": "kecamatan tidak ditemukan di kabupaten `lumajang`",
                "expected": "id kecamatan dari content/wilayah.yml",
                "found": '"sendoro"',
                "hint": "maksud Anda `senduro`?",
            }
        ],
    }


def test_check_as_json_on_good_content(project: Path) -> None:
    result = run_iku("check", "--format", "json", cwd=project)
    assert (result.returncode, json.loads(result.stdout)) == (0, {"valid": True, "count": 0, "problems": []})


def test_check_reports_a_missing_content_folder(tmp_path: Path) -> None:
    result = run_iku("check", "--content", "tidak-ada", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "Galat: folder konten tidak-ada tidak ada\n")


def test_new_scaffolds_a_document_with_every_field_explained_and_what_to_fill_listed(project: Path) -> None:
    original = project / "iku-senduro-2025.pdf"
    original.write_bytes(b"%PDF-1.4 dokumen asli")
    result = run_iku("new", "--wilayah", "35.08.12", "--periode", "2025-2029", "--sumber", str(original), cwd=project)
    assert result.returncode == 0, result.stderr
    document = project / "content/dokumen/jawa-timur/lumajang/senduro/2025-2029.yml"
    copy = project / "content/sumber/jawa-timur-lumajang-senduro-2025-2029.pdf"
    assert result.stdout.splitlines()[:2] == [
        "Dibuat: content/dokumen/jawa-timur/lumajang/senduro/2025-2029.yml",
        "Disalin: content/sumber/jawa-timur-lumajang-senduro-2025-2029.pdf",
    ]
    assert copy.read_bytes() == original.read_bytes()
    text = document.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schema/dokumen.schema.json\n")
    for model, prefix in ((IkuDocument, ""), (Indicator, "tabel_indikator.baris.indikator.")):
        for name in model.model_fields:
            assert f"{name}:" in text, f"the scaffold does not show `{name}`"
            description = describe_field(IkuDocument, tuple(f"{prefix}{name}".split(".")))
            assert f"# {description}" in text, f"the scaffold does not explain `{name}`"
    # Valid YAML for the model except what only the original can give: the check lists exactly that.
    unfilled = [line for line in run_iku("check", cwd=project).stderr.splitlines() if line.startswith("content/")]
    assert [line.split(": ", 1)[1] for line in unfilled] == [
        "judul: isian contoh belum diganti",
        "instansi.nama: isian contoh belum diganti",
        "tabel_indikator: daftar tidak boleh kosong",
        "ditandatangani.tempat: isian contoh belum diganti",
        "ditandatangani.jabatan: isian contoh belum diganti",
        "ditandatangani.nama: isian contoh belum diganti",
    ]


def test_new_never_overwrites_and_names_what_is_wrong(project: Path) -> None:
    original = project / "asli.txt"
    original.write_text("teks asli", encoding="utf-8")
    existing = run_iku(
        "new", "--wilayah", "jawa-timur/lumajang/senduro", "--periode", "2024", "--sumber", "asli.txt", cwd=project
    )
    assert (existing.returncode, existing.stderr) == (
        1,
        "Galat: content/dokumen/jawa-timur/lumajang/senduro/2024.yml sudah ada; tidak ada yang ditimpa\n",
    )
    unknown = run_iku("new", "--wilayah", "35.99.99", "--periode", "2025", "--sumber", "asli.txt", cwd=project)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("Galat: wilayah '35.99.99' tidak ada di content/wilayah.yml;")
    backwards = run_iku("new", "--wilayah", "35.08.12", "--periode", "2029-2025", "--sumber", "asli.txt", cwd=project)
    assert backwards.stderr == (
        "Galat: periode '2029-2025' tidak dikenal; tulis satu tahun (mis. 2025) atau rentang (mis. 2025-2029)\n"
    )
    assert sorted(p.name for p in (project / "content/dokumen/jawa-timur/lumajang/senduro").iterdir()) == ["2024.yml"]


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    first = run_iku("build", cwd=project)
    assert first.returncode == 0, first.stderr
    before = _fingerprint(project / "site")
    assert "jawa-timur/lumajang/senduro/2024/index.html" in before
    links = run_iku("links", cwd=project)
    assert (links.returncode, links.stdout) == (0, f"Semua tautan internal di {project / 'site'} berfungsi.\n")
    # A broken link is found only after MkDocs has emptied its output folder and written pages.
    edit(
        project / "docs/tentang.md", "# Tentang portal ini\n", "# Tentang portal ini\n\n[tautan rusak](tidak-ada.md)\n"
    )
    failed = run_iku("build", cwd=project)
    assert failed.returncode == 1
    assert "Pembangunan gagal; situs lama di" in failed.stderr
    assert _fingerprint(project / "site") == before
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []
