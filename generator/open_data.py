"""The open-data downloads: one record per indicator, and each document as JSON.

The columns are declared once, with a description each; the CSV header, the JSON
keys and the table on the data page all come from :class:`IndicatorRecord`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field, fields

from .model import Decree, IkuDocument

# Lists inside one CSV cell are separated by line breaks: the documents' own text uses
# `;` and `,` freely, but a content value never spans lines once folded.
CSV_LIST_SEPARATOR = "\n"


@dataclass(frozen=True)
class IndicatorRecord:
    """One indicator of one document, as a row of ``indikator.csv`` and an object of ``indikator.json``."""

    dokumen: str = field(metadata={"description": "Judul dokumen di portal."})
    url_dokumen: str = field(metadata={"description": "Alamat tetap halaman dokumen."})
    url_indikator: str = field(metadata={"description": "Alamat tetap indikator (halaman dokumen dengan jangkar #id)."})
    instansi: str = field(metadata={"description": "Instansi pemilik indikator, seperti tercetak."})
    wilayah: str = field(metadata={"description": "Nama wilayah instansi."})
    kode_wilayah: str = field(metadata={"description": "Kode wilayah Kemendagri; kosong bila tidak diketahui."})
    periode: str = field(metadata={"description": "Periode dokumen, mis. 2021–2026; untuk keputusan: tahun penetapan."})
    tingkat: str = field(
        metadata={"description": "Tingkat tabel indikator: Tujuan, Sasaran strategis, Program atau Kinerja utama."}
    )
    nomor_sasaran: str = field(
        metadata={"description": "Nomor baris tujuan/sasaran seperti tercetak; kosong bila tidak ada."}
    )
    sasaran: str = field(metadata={"description": "Rumusan tujuan/sasaran/program seperti tercetak."})
    id: str = field(metadata={"description": "Pengenal tetap indikator di dokumennya."})
    id_lama: list[str] = field(metadata={"description": "Id lama indikator yang masih berfungsi sebagai jangkar."})
    indikator: str = field(metadata={"description": "Nama indikator seperti tercetak."})
    definisi: str = field(metadata={"description": "Definisi operasional/penjelasan; kosong bila tidak ada."})
    rumus_latex: str = field(metadata={"description": "Rumus dalam LaTeX; kosong bila dokumen hanya memberi teks."})
    rumus_teks: str = field(
        metadata={"description": "Rumus sebagai teks biasa, mis. (A) / (B) × 100%; dibaca dari LaTeX bila perlu."}
    )
    satuan: str = field(metadata={"description": "Satuan; kosong bila tidak disebut."})
    sumber_data: list[str] = field(metadata={"description": "Sumber data, seperti tercetak."})
    penanggung_jawab: list[str] = field(metadata={"description": "Penanggung jawab, seperti tercetak."})
    target: list[dict[str, int | str]] = field(
        metadata={"description": "Target per tahun: tahun dan nilai seperti tercetak."}
    )
    regulasi: list[str] = field(
        metadata={"description": "Id regulasi yang dirujuk indikator (lihat halaman Regulasi)."}
    )
    catatan_editor: list[str] = field(metadata={"description": "Catatan editor tentang indikator ini."})


COLUMNS: list[tuple[str, str]] = [(f.name, f.metadata["description"]) for f in fields(IndicatorRecord)]


def indicators_json(records: list[IndicatorRecord]) -> bytes:
    return _json([asdict(record) for record in records])


def indicators_csv(records: list[IndicatorRecord]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(name for name, _ in COLUMNS)
    for record in records:
        writer.writerow(_cell(value) for value in asdict(record).values())
    # The byte-order mark lets spreadsheet programs on Windows open the file as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def document_json(document: IkuDocument | Decree) -> bytes:
    """The document exactly as validated, in the shape of its YAML and JSON Schema."""
    return _json(document.model_dump(mode="json"))


def _cell(value: object) -> str:
    if isinstance(value, list):
        return CSV_LIST_SEPARATOR.join(
            f"{item['tahun']}: {item['nilai']}" if isinstance(item, dict) else str(item) for item in value
        )
    return str(value)


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
