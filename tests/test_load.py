"""Loading content into the model: what the model holds, and files that cannot be read at all.

The editor mistakes, each a broken copy of a real content file, are in test_editor_mistakes.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOC, edit

from generator.content.errors import ContentError
from generator.content.load import load_content
from generator.content.model import Decree, IkuDocument


def test_the_good_fixture_loads_into_the_model(good_content: Path) -> None:
    content = load_content(good_content)
    kinds = sorted(type(loaded.document).__name__ for loaded in content.documents)
    assert kinds == [Decree.__name__, IkuDocument.__name__]
    document = next(d.document for d in content.documents if isinstance(d.document, IkuDocument))
    assert document.fungsi[0].rincian[0].label == "a."
    assert document.ditandatangani is not None and document.ditandatangani.nip == "19621010 198503 1 026"


def test_region_codes_stay_strings_with_their_dots(good_content: Path) -> None:
    regency = load_content(good_content).regions.provinsi[0].kabupaten[0]
    assert (regency.kode, regency.kecamatan[0].kode) == ("35.08", "35.08.99")


def test_yaml_words_no_and_on_stay_text(good_content: Path) -> None:
    edit(good_content / DOC.removeprefix("content/"), '["No", Sasaran', "[No, On, Sasaran")
    table = next(d.document for d in load_content(good_content).documents if isinstance(d.document, IkuDocument))
    assert table.tabel_indikator[0].kolom[:3] == ["No", "On", "Sasaran"]


def test_every_problem_is_collected_before_failing(good_content: Path) -> None:
    # Cross-file checks need valid files, so these three are all per-file problems.
    edit(good_content / DOC.removeprefix("content/"), 'nip: "19621010 198503 1 026"', 'nip: "1962"')
    edit(good_content / DOC.removeprefix("content/"), "id: nilai-ikm\n", "id: Nilai\n")
    edit(good_content / "regulasi.yml", 'nomor: "23"', "nomor: 23")
    with pytest.raises(ContentError) as caught:
        load_content(good_content)
    assert len(caught.value.problems) == 3
    assert str(caught.value).endswith("\n3 kesalahan ditemukan di konten.")
    assert [problem.file.name for problem in caught.value.problems] == [
        "2021-2023.yml",
        "2021-2023.yml",
        "regulasi.yml",
    ]


@pytest.mark.parametrize(
    ("raw", "report"),
    [
        (b"", "berkas kosong\n    diharapkan: pemetaan (baris-baris `kunci: nilai`)"),
        (
            b"- jenis: iku\n",
            "isi berkas harus berupa pemetaan\n    diharapkan: pemetaan (baris-baris `kunci: nilai`)\n"
            "    ditemukan: daftar",
        ),
        (
            b"\xe9judul: x\n",
            "berkas bukan teks UTF-8\n    diharapkan: teks UTF-8\n"
            "    ditemukan: byte E9 (`\u00e9` dalam Windows-1252)\n"
            "    saran: simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai \u2192 Pengodean: UTF-8)",
        ),
    ],
    ids=["empty-file", "list-instead-of-mapping", "not-utf8"],
)
def test_unreadable_document_files_are_named(good_content: Path, raw: bytes, report: str) -> None:
    (good_content / "dokumen" / "rusak.yml").write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        load_content(good_content)
    assert [str(problem) for problem in caught.value.problems] == [f"content/dokumen/rusak.yml:1:1: {report}"]
