"""Document kinds, each declared once: its model, address, title, where it is listed, its template.

Everything that depends on the kind of a document is read from its :class:`DocumentKind`
here; the checks, the views and the downloads never ask ``isinstance`` themselves. A new
kind is one model in :mod:`generator.content.model`, one declaration in :data:`KINDS` and one
template (plus, when its page shows more than the common parts, a context in
:mod:`generator.pages.view`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from .addresses import DECREES_FOLDER, Key, Loc, period_key
from .dates import indonesian_date
from .model import Decree, Goal, IkuContent, IkuDocument, Indicator, IndicatorTable

DocumentT = TypeVar("DocumentT", IkuDocument, Decree)
AnyDocument = IkuDocument | Decree
Names = Callable[[Key], str]
"""A place's display name by its address (``("jawa-timur", "lumajang")`` → ``Kabupaten Lumajang``)."""


@dataclass(frozen=True)
class IndicatorEntry:
    """One indicator where it stands: its YAML location, the body it belongs to, its table and goal."""

    loc: Loc
    body: str
    table: IndicatorTable
    goal: Goal
    indicator: Indicator


@dataclass(frozen=True)
class DocumentKind(Generic[DocumentT]):
    """Everything that differs between kinds of document, in one place."""

    jenis: str
    """The value of ``jenis:`` in the YAML."""
    model: type[DocumentT]
    template: str
    owner: Callable[[DocumentT], Key]
    """The place (kecamatan, instansi, jabatan, kabupaten, provinsi) whose page lists the document."""
    last_part: Callable[[DocumentT], str]
    """The document's own part of its address, below :attr:`within`."""
    last_field: Loc
    """The field that gives :attr:`last_part`, where a clash of addresses is reported."""
    folder: str | None
    """A folder between the owner's address and :attr:`last_part` (decrees: ``keputusan``)."""
    former: Callable[[DocumentT], list[Key]]
    former_field: Loc
    title: Callable[[DocumentT, Names], str]
    period: Callable[[DocumentT], str]
    """The period, or for a decree the year it was signed; empty when unknown."""
    note: Callable[[DocumentT], str]
    """What a listing shows beside the title."""
    author: Callable[[DocumentT], str]
    parts: Callable[[DocumentT], list[tuple[Loc, IkuContent, str]]]
    """The parts carrying indicator tables, with their YAML location and the body they belong to."""
    citations: Callable[[DocumentT], Iterator[tuple[Loc, str]]]
    """Regulation ids cited outside indicators, with where."""
    owner_fields: Callable[[DocumentT], list[tuple[Loc, str]]]
    """The fields naming the owner, in address order: the file must lie in their folders."""
    file_named_by_address: bool
    """Whether the file's name is the last part of the address (IKU) or free (decrees)."""

    def address(self, document: DocumentT) -> Key:
        middle = (self.folder,) if self.folder else ()
        return (*self.owner(document), *middle, self.last_part(document))


# -- IKU documents ------------------------------------------------------------------


def _iku_owner(document: IkuDocument) -> Key:
    ref = document.wilayah
    parts = (ref.provinsi, ref.kabupaten, ref.kecamatan or ref.instansi, ref.jabatan)
    return tuple(part for part in parts if part is not None)


def _iku_owner_fields(document: IkuDocument) -> list[tuple[Loc, str]]:
    ref = document.wilayah
    names = ("provinsi", "kabupaten", "kecamatan", "instansi", "jabatan")
    return [(("wilayah", name), value) for name in names if (value := getattr(ref, name)) is not None]


def period_label(document: IkuDocument) -> str:
    period = document.periode
    return f"{period.mulai}–{period.selesai}" if period.selesai not in (None, period.mulai) else str(period.mulai)


def _iku_author(document: IkuDocument) -> str:
    return document.instansi.nama


IKU = DocumentKind[IkuDocument](
    jenis="iku",
    model=IkuDocument,
    template="document.md.j2",
    owner=_iku_owner,
    last_part=lambda document: period_key(document.periode),
    last_field=("periode",),
    folder=None,
    former=lambda document: [tuple(path.split("/")) for path in document.alamat_lama],
    former_field=("alamat_lama",),
    title=lambda document, names: f"IKU {names(_iku_owner(document))} {period_label(document)}",
    period=period_label,
    note=lambda document: f"Periode {period_label(document)}",
    author=_iku_author,
    parts=lambda document: [((), document, document.instansi.nama)],
    citations=lambda document: iter(()),
    owner_fields=_iku_owner_fields,
    file_named_by_address=True,
)


# -- decrees ------------------------------------------------------------------------


def _decree_owner(decree: Decree) -> Key:
    ref = decree.wilayah
    return (ref.provinsi,) if ref.kabupaten is None else (ref.provinsi, ref.kabupaten)


def _decree_citations(decree: Decree) -> Iterator[tuple[Loc, str]]:
    for index, ref in enumerate(decree.menimbang_regulasi):
        yield ("menimbang_regulasi", index), ref
    for index, citation in enumerate(decree.mengingat):
        yield ("mengingat", index, "regulasi"), citation.regulasi
        for a_index, amendment in enumerate(citation.perubahan):
            yield ("mengingat", index, "perubahan", a_index, "regulasi"), amendment.regulasi
    for index, article in enumerate(decree.diktum):
        for r_index, ref in enumerate(article.regulasi):
            yield ("diktum", index, "regulasi", r_index), ref


def _signed_date(decree: Decree) -> str:
    return indonesian_date(decree.ditandatangani.tanggal) if decree.ditandatangani.tanggal else ""


def _decree_owner_fields(decree: Decree) -> list[tuple[Loc, str]]:
    fields: list[tuple[Loc, str]] = [(("wilayah", "provinsi"), decree.wilayah.provinsi)]
    if decree.wilayah.kabupaten is not None:
        fields.append((("wilayah", "kabupaten"), decree.wilayah.kabupaten))
    return fields


DECREE = DocumentKind[Decree](
    jenis="keputusan",
    model=Decree,
    template="decree.md.j2",
    owner=_decree_owner,
    last_part=lambda decree: decree.id,
    last_field=("id",),
    folder=DECREES_FOLDER,
    former=lambda decree: [(*_decree_owner(decree), DECREES_FOLDER, old) for old in decree.id_lama],
    former_field=("id_lama",),
    title=lambda decree, names: f"Keputusan {decree.penerbit} Nomor {decree.nomor}",
    period=lambda decree: str(decree.ditandatangani.tanggal.year) if decree.ditandatangani.tanggal else "",
    note=_signed_date,
    author=lambda decree: decree.penerbit,
    parts=lambda decree: [(("lampiran", i), entry, entry.instansi.nama) for i, entry in enumerate(decree.lampiran)],
    citations=_decree_citations,
    owner_fields=_decree_owner_fields,
    file_named_by_address=False,
)


KINDS: tuple[DocumentKind[IkuDocument] | DocumentKind[Decree], ...] = (IKU, DECREE)
BY_JENIS = {kind.jenis: kind for kind in KINDS}


def kind_of(document: AnyDocument) -> DocumentKind[AnyDocument]:
    """The declaration of ``document``'s kind."""
    kind: DocumentKind[AnyDocument] = BY_JENIS[document.jenis]  # type: ignore[assignment]
    return kind


def document_key(document: AnyDocument) -> Key:
    """The parts of a document's address; two documents must never share one."""
    return kind_of(document).address(document)


def region_key(document: AnyDocument) -> Key:
    """The place a document is listed under: its kecamatan, body or position, or a decree's kabupaten or provinsi."""
    return kind_of(document).owner(document)


def former_keys(document: AnyDocument) -> list[Key]:
    """Addresses a document had before an editor renamed it; each redirects to its address now."""
    return kind_of(document).former(document)


def indicator_entries(document: AnyDocument) -> Iterator[IndicatorEntry]:
    """Every indicator of a document, in document order; a decree's belong to its appendix entries."""
    for prefix, part, body in kind_of(document).parts(document):
        for t_index, table in enumerate(part.tabel_indikator):
            for g_index, goal in enumerate(table.baris):
                for i_index, indicator in enumerate(goal.indikator):
                    loc = (*prefix, "tabel_indikator", t_index, "baris", g_index, "indikator", i_index)
                    yield IndicatorEntry(loc, body, table, goal, indicator)


def indicators_with_locs(document: AnyDocument) -> Iterator[tuple[Loc, Indicator]]:
    """Every indicator of a document with its location in the YAML, in document order."""
    for entry in indicator_entries(document):
        yield entry.loc, entry.indicator


def regulation_refs(document: AnyDocument) -> Iterator[tuple[Loc, str]]:
    """Every regulation id a document cites, with where in the YAML it is cited."""
    for loc, indicator in indicators_with_locs(document):
        for index, ref in enumerate(indicator.regulasi):
            yield (*loc, "regulasi", index), ref
    yield from kind_of(document).citations(document)
