"""The ids a document page's sections take are read from the templates, not listed by hand."""

from __future__ import annotations

import pytest

from generator.content import anchors
from generator.content.anchors import is_reserved, reserved_ids


def test_the_reserved_ids_are_those_the_document_and_decree_templates_write() -> None:
    fixed, _ = reserved_ids()
    assert sorted(fixed) == [
        "asal-data",
        "kutip",
        "kutip-teks",
        "lampiran",
        "memutuskan",
        "mengingat",
        "menimbang",
        "penandatangan",
        "riwayat",
        "salinan",
        "target",
        "target-per-tahun",
    ]
    numbered = ["indikator-3", "lampiran-2-tugas", "lampiran-12-indikator-1", "tabel-target-2", "lampiran-1-instansi"]
    assert [anchor for anchor in numbered if not is_reserved(anchor)] == []
    # Content ids that merely resemble a section's stay free.
    free = ["nilai-ikm", "pelaksanaan-tugas", "indikator", "lampiran-1", "target-2025", "kutipan"]
    assert [anchor for anchor in free if is_reserved(anchor)] == []


def test_an_id_with_an_undeclared_part_stops_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(anchors.ID_PARTS, "loop.index")
    with pytest.raises(RuntimeError) as caught:
        anchors._pattern("tabel-target-{{ loop.index }}", "document.md.j2")
    assert str(caught.value) == (
        "document.md.j2: id 'tabel-target-{{ loop.index }}': declare what `loop.index` stands for in ID_PARTS"
    )
