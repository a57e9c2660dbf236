"""``iku new``: a new IKU document of a kecamatan, body or position for a period, explained line by line.

``iku check`` lists what is left to fill until an editor has copied it from the original.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..content.addresses import Place, places
from ..content.errors import ContentError, IkuError, Problem
from ..content.load import DOCUMENTS_DIR, display_path, load_content
from ..content.model import IkuDocument, RegionCatalogue
from ..content.schema import document_schema_link
from ..content.validate import describe_field
from ..pages.render import environment

SOURCES_DIR = "sumber"
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


# Who may own an IKU document: a kecamatan, a body (instansi) or a position (jabatan) within either.
OWNER_LEVELS = ("kecamatan", "instansi", "jabatan")


@dataclass(frozen=True)
class Owner:
    """The kecamatan, body or position a new document belongs to, with the places it lies within."""

    place: Place
    within: tuple[Place, ...]
    """The places above it, the province first."""

    @property
    def ids(self) -> tuple[str, ...]:
        return self.place.key

    @property
    def wilayah(self) -> list[tuple[str, str]]:
        """The ``wilayah`` block as (field, id): provinsi, kabupaten, kecamatan or instansi, jabatan."""
        return [(place.level, place.key[-1]) for place in (*self.within, self.place)]

    @property
    def body(self) -> Place:
        """The kecamatan or body that issues the document (for a position, the one it belongs to)."""
        return self.within[-1] if self.place.level == "jabatan" else self.place

    @property
    def signer(self) -> str | None:
        """Who usually signs, as an example for ``ditandatangani.jabatan``; None when it can't be told."""
        if self.place.level == "kecamatan":
            return f"Camat {self.place.entry.nama}"
        if self.place.level == "jabatan":
            return self.place.name
        return None


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
    owner = find_owner(load_content(content_dir).regions, region)
    start, end = parse_period(period)
    if not source.is_file():
        raise IkuError(
            f"berkas sumber {source} tidak ada; tulis letak dokumen asli di komputer Anda, "
            "mis. --sumber ~/Unduhan/iku-senduro-2025.pdf"
        )
    key = str(start) if end is None else f"{start}-{end}"
    document = content_dir / DOCUMENTS_DIR / Path(*owner.ids) / f"{key}.yml"
    copy = content_dir / SOURCES_DIR / f"{'-'.join(owner.ids)}-{key}{source.suffix.lower()}"
    for path in (document, copy):
        if path.exists():
            raise IkuError(f"{path} sudah ada; tidak ada yang ditimpa")
    text = scaffold_text(
        owner, start, end, copy.relative_to(content_dir).as_posix(), _schema_link(document, content_dir)
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


def find_owner(regions: RegionCatalogue, wanted: str) -> Owner:
    """The kecamatan, body or position named by a Kemendagri code (``35.08.12``) or by ids.

    Ids are written as in the document's address: ``jawa-timur/lumajang/senduro``,
    ``jawa-timur/lumajang/dinas-kesehatan``, ``jawa-timur/badan-pendapatan-daerah``,
    ``jawa-timur/dinas-perhubungan/sekretaris``.
    """
    catalogue = {place.key: place for place in places(regions)}
    for place in catalogue.values():
        if wanted in (place.code, "/".join(place.key)):
            if place.level not in OWNER_LEVELS:
                raise IkuError(_not_an_owner(place, catalogue.values()))
            within = tuple(catalogue[place.key[:end]] for end in range(1, len(place.key)))
            return Owner(place, within)
    raise IkuError(
        f"wilayah {wanted!r} tidak ada di content/wilayah.yml; tulis kode Kemendagri kecamatan (mis. 35.08.12) "
        "atau id seperti pada alamat dokumen: provinsi/kabupaten/kecamatan (mis. jawa-timur/lumajang/senduro), "
        "provinsi/kabupaten/instansi, provinsi/instansi atau …/instansi/jabatan; tambahkan dulu yang baru ke "
        "content/wilayah.yml"
    )


def _not_an_owner(region: Place, catalogue: Iterable[Place]) -> str:
    name = f"provinsi {region.name}" if region.level == "provinsi" else region.name
    bodies = [place.key[-1] for place in catalogue if place.level == "instansi" and place.key[:-1] == region.key]
    declared = f"yang ada: {', '.join(bodies)}" if bodies else "belum ada satu pun"
    return (
        f"{'/'.join(region.key)!r} adalah {name}, bukan kecamatan, instansi atau jabatan: dokumen IKU pemerintah "
        f"daerah pun milik satu instansi. Tulis {'/'.join(region.key)}/<id instansi> (instansinya di "
        f"content/wilayah.yml {declared}; tambahkan yang baru di sana)"
    )


def parse_period(period: str) -> tuple[int, int | None]:
    """``2025`` or ``2025-2029`` as (first year, last year or None)."""
    match = _PERIOD.match(period)
    if match is None or (match[2] is not None and int(match[2]) < int(match[1])):
        raise IkuError(f"periode {period!r} tidak dikenal; tulis satu tahun (mis. 2025) atau rentang (mis. 2025-2029)")
    return int(match[1]), int(match[2]) if match[2] else None


def scaffold_text(owner: Owner, start: int, end: int | None, source: str, schema: str) -> str:
    """The new document's YAML, with a comment from the content model above every field."""
    template = environment().get_template("scaffold/dokumen.yml.j2")
    return template.render(owner=owner, start=start, end=end, source=source, schema=schema, describe=describe)


def describe(dotted: str) -> str:
    """The content model's description of an IKU document field, e.g. ``tabel_indikator.baris.uraian``."""
    description = describe_field(IkuDocument, tuple(dotted.split(".")))
    if not description:
        raise IkuError(f"model tidak punya kolom {dotted!r}")
    return description


def _schema_link(document: Path, content_dir: Path) -> str:
    return document_schema_link(PurePosixPath(document.relative_to(content_dir).as_posix()))
