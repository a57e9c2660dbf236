"""The README's minimal content file for each kind passes the check as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import BODIES, REPO

from generator.cli.scaffold import new_document
from generator.content.kinds import document_key
from generator.content.load import load_content

README = (REPO / "README.md").read_text(encoding="utf-8")
EXAMPLES = dict(re.findall(r"^```yaml\n# (content/dokumen/\S+\.yml)\n(.*?)^```$", README, re.MULTILINE | re.DOTALL))
# The kinds the README promises a file for, by the address each file's page gets.
ADDRESSES = {
    "content/dokumen/jawa-timur/lumajang/senduro/2025.yml": "jawa-timur/lumajang/senduro/2025",
    "content/dokumen/jawa-timur/lumajang/dinas-kesehatan/2025.yml": "jawa-timur/lumajang/dinas-kesehatan/2025",
    "content/dokumen/jawa-timur/lumajang/pemerintah-kabupaten/2025-2029.yml": (
        "jawa-timur/lumajang/pemerintah-kabupaten/2025-2029"
    ),
    "content/dokumen/jawa-timur/badan-pendapatan-daerah/2025.yml": "jawa-timur/badan-pendapatan-daerah/2025",
    "content/dokumen/jawa-timur/dinas-perhubungan/sekretaris/2025.yml": "jawa-timur/dinas-perhubungan/sekretaris/2025",
    "content/dokumen/jawa-timur/lumajang/keputusan-188.45-1-2025.yml": (
        "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-1-2025"
    ),
    "content/dokumen/jawa-timur/keputusan-gubernur-2-2025.yml": "jawa-timur/keputusan/kepgub-jatim-2-2025",
}


def test_the_readme_shows_one_file_for_each_kind() -> None:
    assert sorted(EXAMPLES) == sorted(ADDRESSES)


@pytest.mark.parametrize("path", ADDRESSES)
def test_a_readme_example_passes_the_check_and_gets_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    content = tmp_path / "content"
    shutil.copytree(BODIES, content)
    # The README's kecamatan is Senduro; the fixture's catalogue has only Contoh beside it.
    wilayah = content / "wilayah.yml"
    district = '            kode: "35.08.99"\n'
    wilayah.write_text(
        wilayah.read_text(encoding="utf-8").replace(
            district, f'{district}          - id: senduro\n            nama: Senduro\n            kode: "35.08.12"\n'
        ),
        encoding="utf-8",
    )
    text = EXAMPLES[path]
    file = tmp_path / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    source = re.search(r"berkas: (sumber/\S+\.pdf)\}", text)
    assert source is not None
    (content / source[1]).write_bytes(b"%PDF-1.4 dokumen asli")
    monkeypatch.chdir(tmp_path)
    keys = ["/".join(document_key(loaded.document)) for loaded in load_content(Path("content")).documents]
    assert ADDRESSES[path] in keys


GUIDE_COMMANDS = re.findall(
    r"^\.venv/bin/iku new (--wilayah jawa-timur/\S+/?\S* .*)$",
    (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"),
    re.MULTILINE,
)


def test_the_guide_shows_iku_new_for_a_body_a_pemerintah_daerah_a_provincial_body_and_a_position() -> None:
    assert [args.split()[1] for args in GUIDE_COMMANDS] == [
        "jawa-timur/lumajang/dinas-kesehatan",
        "jawa-timur/lumajang/pemerintah-kabupaten",
        "jawa-timur/badan-pendapatan-daerah",
        "jawa-timur/dinas-perhubungan/sekretaris",
    ]


@pytest.mark.parametrize("args", GUIDE_COMMANDS)
def test_the_guides_iku_new_for_bodies_works_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: str
) -> None:
    shutil.copytree(BODIES, tmp_path / "content")
    words = args.split()
    original = tmp_path / "rumah" / Path(words[words.index("--sumber") + 1]).relative_to("~")
    original.parent.mkdir(parents=True)
    original.write_bytes(b"%PDF-1.4 dokumen asli")
    monkeypatch.chdir(tmp_path)
    scaffold = new_document(Path("content"), words[1], words[3], original)
    assert scaffold.document.as_posix() == f"content/dokumen/{words[1]}/{words[3]}.yml"
