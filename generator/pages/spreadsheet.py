"""The open-data tables as one spreadsheet (``.xlsx``) that opens the same in every locale.

A CSV file is read with the locale's separator and number format: an Indonesian-locale
spreadsheet expects ``;`` and turns ``35.08`` into a number. In this workbook every text
column is a text cell with the Text number format, so codes and NIPs stay as written even
when a cell is edited; a value that starts like a formula carries Excel's quote prefix
(shown as a leading apostrophe while editing, not part of the value), so nothing is
evaluated. The first sheet names the licence and explains the others.

Two builds of one commit give the same bytes: XlsxWriter stamps the parts of the zip
with 1980-01-01 when it works in memory, and the document's date is the content's own.
So the last workbook is kept (``.cache/data/<key>.xlsx``, beside the check cache) under the
SHA-256 of what it is made of: the tables' records as their JSON download holds them, the
address and date it names, the code of ``generator/`` and XlsxWriter's version
(:func:`kept_workbook`); writing it costs about a second per thousand documents.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from ..content.check_cache import PROJECT_ROOT, code_digest
from .licence import ATTRIBUTION, CODE_LICENCE, DATA_LICENCE, licence_notice
from .open_data import Record, columns, field_types, is_formula_like, table_rows

NOTES_SHEET = "Keterangan"
UNDATED = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)
"""The document's date when the content has no git history: the zip format's first day."""
CACHE_DIR = PROJECT_ROOT / ".cache" / "data"
_KEPT = re.compile(r"^[0-9a-f]{64}\.xlsx$")


def kept_workbook(
    sheets: Sequence[Sheet], source_url: str, date: datetime.date | None, records: Iterable[bytes]
) -> bytes:
    """:func:`workbook`, or the same bytes kept from a run that made it of the same ``records``
    (each sheet's records as JSON), address, date and code."""
    digest = hashlib.sha256(f"{code_digest()} {metadata.version('XlsxWriter')} {source_url} {date}\0".encode())
    for part in records:
        digest.update(hashlib.sha256(part).digest())
    kept = CACHE_DIR / f"{digest.hexdigest()}.xlsx"
    try:
        return kept.read_bytes()
    except OSError:
        pass
    made = workbook(sheets, source_url, date)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for old in CACHE_DIR.iterdir():
            if _KEPT.match(old.name) or old.name.startswith("."):
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", dir=CACHE_DIR)
        with os.fdopen(handle, "wb") as file:
            file.write(made)
        os.replace(temporary, kept)
    except OSError:
        # A cache that cannot be written only costs the next run time.
        pass
    return made


TEXT_WIDTH = 32
NUMBER_WIDTH = 10


@dataclass(frozen=True)
class Sheet:
    """One table of the workbook: a sheet named ``name`` with one row per record."""

    name: str
    description: str
    record_type: type[Record]
    records: Sequence[Record]


def workbook(sheets: Sequence[Sheet], source_url: str, date: datetime.date | None) -> bytes:
    """The workbook: a sheet of notes first, then one sheet per table."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    created = datetime.datetime.combine(date, datetime.time(), datetime.UTC) if date else UNDATED
    book.set_properties(
        {
            "title": "Data terbuka Portal IKU",
            "subject": "Indikator Kinerja Utama (IKU) dan targetnya",
            "author": ATTRIBUTION,
            "company": ATTRIBUTION,
            "comments": f"{licence_notice()} {DATA_LICENCE.path} Sumber: {source_url}",
            "keywords": "IKU, indikator kinerja utama, data terbuka",
            "created": created,
        }
    )
    book.set_custom_property("Lisensi", f"{DATA_LICENCE.short} ({DATA_LICENCE.path})")
    book.set_custom_property("Sumber", source_url)
    formats = _Formats(book)
    _notes(book.add_worksheet(NOTES_SHEET), formats, sheets, source_url, date)
    for sheet in sheets:
        _table(book.add_worksheet(sheet.name), formats, sheet)
    book.close()
    return buffer.getvalue()


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.heading = book.add_format({"bold": True, "num_format": "@"})
        self.text = book.add_format({"num_format": "@"})
        self.formula_like = book.add_format({"num_format": "@", "quote_prefix": True})
        self.number = book.add_format({"num_format": "0"})


def _notes(
    sheet: Worksheet, formats: _Formats, sheets: Sequence[Sheet], source_url: str, date: datetime.date | None
) -> None:
    lines: list[tuple[str, str]] = [
        ("Data terbuka Portal IKU", ""),
        ("", ""),
        ("Lisensi data", f"{DATA_LICENCE.title} ({DATA_LICENCE.short})"),
        ("Teks lisensi", DATA_LICENCE.path),
        ("Atribusi", f"Sebutkan sumbernya: {ATTRIBUTION}, {source_url}"),
        ("Lisensi kode sumber", f"{CODE_LICENCE.title} ({CODE_LICENCE.short})"),
        ("Sumber", source_url),
        ("Data per tanggal", date.isoformat() if date else "tidak diketahui (dibangun tanpa riwayat git)"),
        ("", ""),
        *((f"Lembar {sheet.name}", sheet.description) for sheet in sheets),
        ("", ""),
        (
            "Teks",
            "Semua kolom teks disimpan sebagai teks: kode wilayah seperti 35.08 tidak diubah menjadi angka.",
        ),
        (
            "Rumus",
            "Sel yang diawali =, +, -, @, tab atau CR ditandai sebagai teks (awalan apostrof), "
            "sehingga tidak pernah dihitung sebagai rumus; nilainya tetap seperti tercetak.",
        ),
        ("Daftar", "Kolom berisi daftar (mis. sumber data) memuat satu butir per baris di dalam sel."),
    ]
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 100)
    for row, (label, value) in enumerate(lines):
        sheet.write_string(row, 0, label, formats.heading)
        sheet.write_string(row, 1, value, formats.text)
    sheet.activate()


def _table(sheet: Worksheet, formats: _Formats, table: Sheet) -> None:
    names = [name for name, _ in columns(table.record_type)]
    types = field_types(table.record_type)
    for index, name in enumerate(names):
        numeric = types[name] == "integer"
        sheet.set_column(
            index, index, NUMBER_WIDTH if numeric else TEXT_WIDTH, formats.number if numeric else formats.text
        )
        sheet.write_string(0, index, name, formats.heading)
    for row, cells in enumerate(table_rows(table.records), start=1):
        for index, cell in enumerate(cells):
            if isinstance(cell, int):
                sheet.write_number(row, index, cell, formats.number)
            elif cell:
                sheet.write_string(row, index, cell, formats.formula_like if is_formula_like(cell) else formats.text)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.records), len(names) - 1)
