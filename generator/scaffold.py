"""``iku new``: a new IKU document for a region and period, explained line by line.

``iku check`` lists what is left to fill until an editor has copied it from the original.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, IkuError, Problem
from .load import DOCUMENTS_DIR, display_path, load_content
from .model import District, IkuDocument, Province, Regency, RegionCatalogue
from .render import environment
from .schema import SCHEMA_DIR
from .validate import describe_field

SOURCES_DIR = "sumber"
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


@dataclass(frozen=True)
class Place:
    """A kecamatan with the province and regency it lies in."""

    province: Province
    regency: Regency
    district: District

    @property
    def ids(self) -> tuple[str, str, str]:
        return self.province.id, self.regency.id, self.district.id


@dataclass(frozen=True)
class Scaffold:
    """The files ``iku new`` wrote."""

    document: Path
    source: Path
    unfilled: list[Problem]
    """What ``iku check`` reports until an editor fills the new document from its original."""


def new_document(content_dir: Path, region: str, period: str, source: Path) -> Scaffold:
    """Write a new IKU document and a copy of its source; check the content with it, or write nothing.

    The document is valid YAML for the model except for what only the original can give
    (`…` placeholders, the indicator tables): ``iku check`` fails until an editor fills them.
    """
    place = find_place(load_content(content_dir).regions, region)
    start, end = parse_period(period)
    if not source.is_file():
        raise IkuError(
            f"berkas sumber {source} tidak ada; tulis letak dokumen asli di komputer Anda, "
            "mis. --sumber ~/Unduhan/iku-senduro-2025.pdf"
        )
    key = str(start) if end is None else f"{start}-{end}"
    document = content_dir / DOCUMENTS_DIR / Path(*place.ids) / f"{key}.yml"
    copy = content_dir / SOURCES_DIR / f"{'-'.join(place.ids)}-{key}{source.suffix.lower()}"
    for path in (document, copy):
        if path.exists():
            raise IkuError(f"{path} sudah ada; tidak ada yang ditimpa")
    text = scaffold_text(
        place, start, end, copy.relative_to(content_dir).as_posix(), _schema_link(document, content_dir)
    )
    document.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, copy)
    document.write_text(text, encoding="utf-8")
    try:
        load_content(content_dir)
    except ContentError as error:
        # The new document is unfinished until an editor fills it: its own problems are the
        # list of what to fill. A problem anywhere else means the scaffold broke the content.
        if all(problem.file == display_path(document) for problem in error.problems):
            return Scaffold(document, copy, error.problems)
        document.unlink()
        copy.unlink()
        raise
    raise IkuError(f"{document} lolos pemeriksaan tanpa diisi; kerangka dokumen harus memuat isian `…`")


def find_place(regions: RegionCatalogue, wanted: str) -> Place:
    """The kecamatan named by a Kemendagri code (``35.08.12``) or by ids (``jawa-timur/lumajang/senduro``)."""
    for province in regions.provinsi:
        for regency in province.kabupaten:
            for district in regency.kecamatan:
                place = Place(province, regency, district)
                if wanted in (district.kode, "/".join(place.ids)):
                    return place
    raise IkuError(
        f"kecamatan {wanted!r} tidak ada di content/wilayah.yml; tulis kode Kemendagri (mis. 35.08.12) "
        "atau provinsi/kabupaten/kecamatan (mis. jawa-timur/lumajang/senduro), dan tambahkan dulu "
        "kecamatan baru ke content/wilayah.yml"
    )


def parse_period(period: str) -> tuple[int, int | None]:
    """``2025`` or ``2025-2029`` as (first year, last year or None)."""
    match = _PERIOD.match(period)
    if match is None or (match[2] is not None and int(match[2]) < int(match[1])):
        raise IkuError(f"periode {period!r} tidak dikenal; tulis satu tahun (mis. 2025) atau rentang (mis. 2025-2029)")
    return int(match[1]), int(match[2]) if match[2] else None


def scaffold_text(place: Place, start: int, end: int | None, source: str, schema: str) -> str:
    """The new document's YAML, with a comment from the content model above every field."""
    template = environment().get_template("scaffold/dokumen.yml.j2")
    return template.render(place=place, start=start, end=end, source=source, schema=schema, describe=describe)


def describe(dotted: str) -> str:
    """The content model's description of an IKU document field, e.g. ``tabel_indikator.baris.uraian``."""
    description = describe_field(IkuDocument, tuple(dotted.split(".")))
    if not description:
        raise IkuError(f"model tidak punya kolom {dotted!r}")
    return description


def _schema_link(document: Path, content_dir: Path) -> str:
    schema = content_dir / SCHEMA_DIR / "dokumen.schema.json"
    return Path(os.path.relpath(schema, document.parent)).as_posix()
