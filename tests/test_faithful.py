"""The seed documents are transcribed faithfully: every text in the content stands in its source.

Every string an editor transcribed (names, definitions, data sources, officials,
targets, signatories, the words inside LaTeX ``\\text{…}``) must occur in the source
file the document names, up to white space. Editor notes, ids and references are the
editors' own and are not checked. A value that the source prints split across a page
break is listed below with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from generator.content.load import document_files
from generator.content.yaml_source import ContentLoader

CONTENT = REPO / "content"
EDITORS_OWN = (
    "catatan_editor",
    "ditambahkan_editor",
    ".id",
    ".jenis",
    ".wilayah",
    ".sumber.",
    ".keputusan",
    "regulasi",
    ".tingkat",
    ".periode",
    ".tanggal",
    "frasa",
)
SPLIT_ACROSS_PAGES = {
    # The decree's appendix prints this sasaran over two pages ("… serta akuntabilitas" / "keuangan dan …").
    "Meningkatnya kualitas pelayanan, fasilitasi dan koordinasi Kecamatan serta akuntabilitas keuangan dan "
    "pemerintahan desa",
}


def folded(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def transcribed(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from transcribed(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from transcribed(value, f"{path}[{index}]")
    elif isinstance(data, str) and not any(part in path for part in EDITORS_OWN):
        texts = re.findall(r"\\text\{([^}]*)\}", data) if path.endswith(".latex") else [data]
        for text in texts:
            yield path, folded(text)


def source_of(path: Path) -> Path:
    return CONTENT / yaml.load(path.read_text(encoding="utf-8"), Loader=ContentLoader)["sumber"]["berkas"]


# Only extracted text can be searched; a document whose source is a PDF or a scan is compared by a person.
TEXT_SOURCED = [path for path in document_files(CONTENT) if source_of(path).suffix == ".txt"]


def test_the_five_seed_documents_are_checked_against_their_text() -> None:
    assert len(TEXT_SOURCED) >= 5


@pytest.mark.parametrize("path", TEXT_SOURCED, ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_every_transcribed_text_stands_in_the_source(path: Path) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=ContentLoader)
    source = folded(source_of(path).read_text(encoding="utf-8"))
    missing = [
        (field, text)
        for field, text in transcribed(data)
        if text
        and text not in source
        and text.replace(" ", "") not in source.replace(" ", "")
        and text not in SPLIT_ACROSS_PAGES
    ]
    assert missing == []
