"""The editors' preview of one place (`iku serve --wilayah …`): only that place's documents are read and built.

At national scale a full build takes minutes; an editor correcting one kecamatan's or one
body's document needs its pages (and what they link to) in seconds, whatever else the
repository holds. The fixture ``bodies`` has documents of a kecamatan, two bodies of a
kabupaten, a provincial body, a position and a decree at each level.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, edit, git, lay_out_project, run_iku

from generator.content import load
from generator.content.errors import ContentError, IkuError
from generator.content.load import load_content, preview_reads, preview_scope
from generator.content.provenance import RepositoryHistory, read_history

BODIES = FIXTURES / "bodies"
DINKES = ("jawa-timur", "lumajang", "dinas-kesehatan")
GOVERNOR_DECREE = "dokumen/jawa-timur/keputusan-gubernur-1-2024.yml"
REGENT_DECREE = "dokumen/jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020.yml"


def _read(content: Path, scope: tuple[str, ...]) -> list[str]:
    return [loaded.relative_path for loaded in load_content(content, scope=scope).documents]


def test_a_body_s_preview_reads_its_documents_and_the_decrees_above_it() -> None:
    # The sources of the other places' documents are not reported as cited by no document.
    assert _read(BODIES, DINKES) == [
        "dokumen/jawa-timur/keputusan-gubernur-1-2024.yml",
        "dokumen/jawa-timur/lumajang/dinas-kesehatan/2024.yml",
        "dokumen/jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020.yml",
    ]


def test_a_kabupaten_s_preview_reads_everything_within_it() -> None:
    assert _read(BODIES, ("jawa-timur", "lumajang")) == [
        GOVERNOR_DECREE,
        "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml",
        "dokumen/jawa-timur/lumajang/dinas-kesehatan/2024.yml",
        REGENT_DECREE,
        "dokumen/jawa-timur/lumajang/pemerintah-kabupaten/2021-2026.yml",
    ]


def test_a_preview_reads_the_history_of_its_documents_and_of_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every rebuild of a preview reads history: at national scale, the whole content's is most of it.
    content = tmp_path / "content"
    shutil.copytree(BODIES, content)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "-q", "-m", "Semua dokumen")
    edit(content / REGENT_DECREE, "nama: NAMA BUPATI", "nama: NAMA BUPATI LUMAJANG")
    edit(content / "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml", "nama: Nilai IKM", "nama: Nilai IKM Baru")
    git(tmp_path, "commit", "-q", "-am", "Keputusan dan kecamatan contoh", date="2025-01-02T00:00:00+07:00")
    whole = {loaded.relative_path: loaded.history for loaded in load_content(content, versions=True).documents}
    shown = _read(content, DINKES)
    read: list[RepositoryHistory] = []
    monkeypatch.setattr(load, "read_history", lambda *args: read.append(read_history(*args)) or read[-1])
    previewed = {
        loaded.relative_path: loaded.history for loaded in load_content(content, versions=True, scope=DINKES).documents
    }
    assert previewed == {path: whole[path] for path in shown}
    assert [len(history.versions) for history in previewed.values()] == [1, 1, 2]
    [history] = read
    assert history.by_file is not None and sorted(history.by_file) == list(previewed)


def _watched(path: Path, watched: list[tuple[Path, bool]]) -> bool:
    """Whether a server watching ``watched`` sees ``path`` change (a folder without its folders: its own files)."""
    return any(path.parent == folder or (inside and folder in path.parents) for folder, inside in watched)


@pytest.mark.parametrize("scope", [DINKES, ("jawa-timur", "lumajang")])
def test_a_preview_server_watches_what_the_preview_reads_and_not_the_rest(scope: tuple[str, ...]) -> None:
    watched = preview_reads(BODIES, scope)
    read = [BODIES / path for path in _read(BODIES, scope)]
    read += [BODIES / name for name in ("wilayah.yml", "regulasi.yml", "glosarium.yml")]
    read += [BODIES / "sumber" / source.name for source in (BODIES / "sumber").iterdir()]

    assert [path for path in read if not _watched(path, watched)] == []
    others = [
        path
        for path in (BODIES / "dokumen").rglob("*.yml")
        if path.relative_to(BODIES).as_posix() not in _read(BODIES, scope)
    ]
    assert others, "the fixture has documents of other places"
    assert [path for path in others if _watched(path, watched)] == []


def test_a_mistake_in_the_previewed_place_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    lay_out_project(tmp_path, BODIES)
    monkeypatch.chdir(tmp_path)
    document = content / "dokumen" / "jawa-timur" / "lumajang" / "dinas-kesehatan" / "2024.yml"
    edit(document, "kabupaten: lumajang", "kabupaten: lumajangg")
    with pytest.raises(ContentError) as caught:
        load_content(content, scope=DINKES)
    assert [str(problem).split("\n")[0] for problem in caught.value.problems] == [
        "content/dokumen/jawa-timur/lumajang/dinas-kesehatan/2024.yml:7:14: wilayah.kabupaten: "
        "kabupaten tidak ditemukan di provinsi `jawa-timur`"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "jawa-timur/bogor",
            "tidak ada folder dokumen content/dokumen/jawa-timur/bogor/; "
            "tulis wilayah seperti alamat halamannya, mis. jawa-timur/lumajang",
        ),
        (
            "jawa-timur/../../..",
            "wilayah pratinjau 'jawa-timur/../../..' bukan alamat; "
            "tulis wilayah seperti alamat halamannya, mis. jawa-timur/lumajang",
        ),
        (
            "Jawa Timur",
            "wilayah pratinjau 'Jawa Timur' bukan alamat; "
            "tulis wilayah seperti alamat halamannya, mis. jawa-timur/lumajang",
        ),
    ],
    ids=["no-such-folder", "leaving-content", "a-name"],
)
def test_a_place_without_documents_is_named(
    written: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lay_out_project(tmp_path, BODIES)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(IkuError) as caught:
        preview_scope(Path("content"), written)
    assert str(caught.value) == message


def test_serve_names_an_unknown_place_before_starting_anything(tmp_path: Path) -> None:
    lay_out_project(tmp_path, BODIES)
    result = run_iku("serve", "--wilayah", "jawa-timur/bogor", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "Galat: tidak ada folder dokumen content/dokumen/jawa-timur/bogor/; "
        "tulis wilayah seperti alamat halamannya, mis. jawa-timur/lumajang\n"
    )


def test_the_preview_builds_the_place_s_pages_and_no_other(tmp_path: Path) -> None:
    lay_out_project(tmp_path, BODIES)
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env |= {"NO_MKDOCS_2_WARNING": "1", "IKU_WILAYAH": "jawa-timur/lumajang/dinas-kesehatan"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    built = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    pages = sorted(
        path.parent.relative_to(site).as_posix()
        for path in (site / "jawa-timur").rglob("index.html")
        if "versi" not in path.parts
    )
    # The body's former id (`dinkes`) still redirects; the kecamatan and the other bodies are not built.
    assert pages == [
        "jawa-timur",
        "jawa-timur/keputusan/kepgub-jatim-1-2024",
        "jawa-timur/lumajang",
        "jawa-timur/lumajang/dinas-kesehatan",
        "jawa-timur/lumajang/dinas-kesehatan/2024",
        "jawa-timur/lumajang/dinkes",
        "jawa-timur/lumajang/dinkes/2024",
        "jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020",
    ]


def test_a_place_left_in_the_shell_does_not_shrink_the_built_site(tmp_path: Path) -> None:
    lay_out_project(tmp_path, BODIES)
    built = run_iku("build", cwd=tmp_path, env={"IKU_WILAYAH": "jawa-timur/lumajang/dinas-kesehatan"})
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "jawa-timur" / "lumajang" / "contoh" / "2021-2023" / "index.html").is_file()
    assert (tmp_path / "site" / "jawa-timur" / "badan-pendapatan-daerah" / "2024-2026" / "index.html").is_file()
