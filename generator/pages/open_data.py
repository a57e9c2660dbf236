"""The open-data tables: one record per indicator, one per target value, and each document as JSON.

The columns are declared once, with a description each: the CSV header, the spreadsheet's
sheets, the data package's table schemas and the tables on the data page all come from
:class:`IndicatorRecord` and :class:`TargetRecord`. The tables are not published as JSON:
they would repeat the CSV, which ``datapackage.json`` describes for programs.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import types
import typing
from dataclasses import dataclass, field, fields

from ..content.model import REGION_CODE_PATTERN, Decree, IkuDocument

# Lists inside one CSV cell are separated by line breaks: the documents' own text uses
# `;` and `,` freely, but a content value never spans lines once folded.
CSV_LIST_SEPARATOR = "\n"
# A spreadsheet program reads a cell starting with one of these as a formula (OWASP's
# CSV-injection list). Such a cell gets a leading apostrophe in the CSV files, which a
# spreadsheet shows as text and a person reads past; the JSON keeps the value as is.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def _about(description: str, **constraints: object) -> dict[str, object]:
    """A column's description and its Table Schema constraints."""
    return {"description": description, "constraints": constraints}


@dataclass(frozen=True)
class IndicatorRecord:
    """One indicator of one document, as a row of ``indikator.csv``."""

    dokumen: str = field(metadata=_about("Judul dokumen di portal.", required=True))
    url_dokumen: str = field(metadata=_about("Alamat tetap halaman dokumen.", required=True))
    url_indikator: str = field(
        metadata=_about(
            "Alamat tetap indikator (halaman dokumen dengan jangkar #id); kunci baris ini, dirujuk target.csv.",
            required=True,
        )
    )
    instansi: str = field(metadata=_about("Instansi pemilik indikator, seperti tercetak.", required=True))
    wilayah: str = field(metadata=_about("Nama wilayah instansi."))
    kode_wilayah: str = field(
        metadata=_about(
            "Kode wilayah Kemendagri, sebagai teks; kosong bila tidak diketahui.",
            pattern=REGION_CODE_PATTERN.strip("^$"),
        )
    )
    periode: str = field(metadata=_about("Periode dokumen, mis. 2021–2026; untuk keputusan: tahun penetapan."))
    tingkat: str = field(
        metadata=_about("Tingkat tabel indikator: Tujuan, Sasaran strategis, Program atau Kinerja utama.")
    )
    nomor_sasaran: str = field(metadata=_about("Nomor baris tujuan/sasaran seperti tercetak; kosong bila tidak ada."))
    sasaran: str = field(metadata=_about("Rumusan tujuan/sasaran/program seperti tercetak."))
    id: str = field(metadata=_about("Pengenal tetap indikator di dokumennya.", required=True))
    id_lama: list[str] = field(metadata=_about("Id lama indikator yang masih berfungsi sebagai jangkar."))
    indikator: str = field(metadata=_about("Nama indikator seperti tercetak.", required=True))
    definisi: str = field(metadata=_about("Definisi operasional/penjelasan; kosong bila tidak ada."))
    makna: str = field(metadata=_about("Makna/penjelasan indikator seperti tercetak; kosong bila tidak ada."))
    alasan: str = field(metadata=_about("Alasan pemilihan indikator seperti tercetak; kosong bila tidak ada."))
    cara_perhitungan: str = field(
        metadata=_about("Cara perhitungan dengan kata-kata seperti tercetak; kosong bila tidak ada.")
    )
    rumus_latex: str = field(metadata=_about("Rumus dalam LaTeX; kosong bila dokumen hanya memberi teks."))
    rumus_teks: str = field(
        metadata=_about("Rumus sebagai teks biasa, mis. (A) / (B) × 100%; dibaca dari LaTeX bila perlu.")
    )
    variabel: list[str] = field(metadata=_about("Variabel rumus dengan artinya, mis. A = Jumlah desa; satu per baris."))
    satuan: str = field(metadata=_about("Satuan; kosong bila tidak disebut."))
    sumber_data: list[str] = field(metadata=_about("Sumber data, seperti tercetak."))
    penanggung_jawab: list[str] = field(metadata=_about("Penanggung jawab, seperti tercetak."))
    target: list[dict[str, int | str]] = field(
        metadata=_about(
            "Target per tahun yang tercantum pada indikator: tahun dan nilai seperti tercetak "
            "(semua target, termasuk yang tanpa tahun, ada di target.csv)."
        )
    )
    regulasi: list[str] = field(metadata=_about("Id regulasi yang dirujuk indikator (lihat halaman Regulasi)."))
    catatan_editor: list[str] = field(metadata=_about("Catatan editor tentang indikator ini."))


@dataclass(frozen=True)
class TargetRecord:
    """One target value, as a row of ``target.csv``: an indicator and a year, or a printed cell without a year.

    A yearly target names only its indicator, by the key ``url_indikator`` of ``indikator.csv``:
    repeating the document, region and indicator on every value made this the largest download.
    """

    url_indikator: str = field(
        metadata=_about(
            "Alamat tetap indikator: kunci ke kolom url_indikator di indikator.csv (dokumen, wilayah, "
            "nama indikator ada di sana); kosong untuk baris tabel target."
        )
    )
    url_tabel: str = field(
        metadata=_about("Alamat tetap tabel target di halaman dokumen; kosong untuk target per tahun.")
    )
    tabel: str = field(
        metadata=_about(
            "Tabel target seperti tercetak (“Tabel target”, dengan judul atau nomornya bila ada); "
            "kosong untuk target per tahun."
        )
    )
    nomor: str = field(metadata=_about("Nomor baris tabel target seperti tercetak; kosong untuk target per tahun."))
    indikator: str = field(
        metadata=_about("Indikator baris tabel target seperti tercetak; kosong untuk target per tahun.")
    )
    tahun: int | None = field(metadata=_about("Tahun target; kosong bila sumber tidak mengaitkan nilai ke tahun."))
    kolom: str = field(
        metadata=_about("Judul kolom nilai di tabel target seperti tercetak; kosong bila tidak tercetak.")
    )
    kolom_ke: int | None = field(
        metadata=_about(
            "Urutan kolom nilai di baris tabel target seperti tercetak (1 = kolom nilai pertama); "
            "kosong untuk target per tahun.",
            minimum=1,
        )
    )
    nilai: str = field(metadata=_about("Nilai target seperti tercetak, mis. 100% atau 20,00%.", required=True))


Record = IndicatorRecord | TargetRecord


def columns(record_type: type[Record]) -> list[tuple[str, str]]:
    """Each column's name and description, in order."""
    return [(f.name, f.metadata["description"]) for f in fields(record_type)]


COLUMNS = columns(IndicatorRecord)
TARGET_COLUMNS = columns(TargetRecord)


def constraints(record_type: type[Record]) -> dict[str, dict[str, object]]:
    """Each column's Table Schema constraints (required, pattern, minimum), where it has any."""
    return {f.name: dict(f.metadata["constraints"]) for f in fields(record_type) if f.metadata["constraints"]}


def field_types(record_type: type[Record]) -> dict[str, str]:
    """Each column's Table Schema type; a list is text, one item a line."""
    hints = typing.get_type_hints(record_type)
    return {name: _table_type(hints[name]) for name, _ in columns(record_type)}


def _table_type(hint: object) -> str:
    if isinstance(hint, types.UnionType):
        (hint,) = (arm for arm in typing.get_args(hint) if arm is not type(None))
    return "integer" if hint is int else "string"


def table_rows(records: typing.Sequence[Record]) -> list[list[str | int | None]]:
    """The cells of each record as the CSV and spreadsheet files hold them, before any spreadsheet escaping."""
    return [[_cell(value) for value in _values(record).values()] for record in records]


def _values(record: Record) -> dict[str, typing.Any]:
    """A record's fields by name. Not ``dataclasses.asdict``: its deep copy of every list was a
    third of the time spent on the downloads, and the values are only read."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


@functools.cache
def _field_names(record_type: type[Record]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


def records_csv(record_type: type[Record], records: typing.Sequence[Record]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(name for name, _ in columns(record_type))
    for row in table_rows(records):
        writer.writerow(spreadsheet_text(cell) if isinstance(cell, str) else cell for cell in row)
    # The byte-order mark lets spreadsheet programs on Windows open the file as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def spreadsheet_text(text: str) -> str:
    """``text``, with an apostrophe in front when a spreadsheet would otherwise read it as a formula."""
    return TEXT_MARK + text if is_formula_like(text) else text


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet program would evaluate ``text`` typed or imported into a cell."""
    return text.startswith(FORMULA_TRIGGERS)


def document_json(document: IkuDocument | Decree) -> bytes:
    """The document exactly as validated, in the shape of its YAML and JSON Schema."""
    return _json(document.model_dump(mode="json"))


def _cell(value: object) -> str | int | None:
    if isinstance(value, list):
        return CSV_LIST_SEPARATOR.join(
            f"{item['tahun']}: {item['nilai']}" if isinstance(item, dict) else str(item) for item in value
        )
    if value is None or isinstance(value, int):
        return value
    return str(value)


def _json(value: object) -> bytes:
    # Compact: a document's JSON is published beside every one of its versions, and indentation
    # made it half as large again; browsers and `jq` lay it out for a reader.
    return (_compact(value) + "\n").encode("utf-8")


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
