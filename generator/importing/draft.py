"""A draft content file read from a document's text: what went where, and what an editor must review."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ..content.addresses import period_key
from ..content.load import DOCUMENTS_DIR
from ..content.model import Period
from ..content.schema import document_schema_link
from ..content.validate import PLACEHOLDER, UNPLACED_SECTION
from .catalogue_match import Catalogues, match_owner
from .coverage import partly_placed
from .decree import is_decree, read_decree
from .definitions import place_definitions
from .document import period_of, read_iku
from .lines import joined, read_lines
from .notes import Finding, Notes

__all__ = ["Draft", "Finding", "draft_yaml", "import_text"]


@dataclass
class Draft:
    """A content file's data read from a text, with what was recognised, guessed and left over."""

    source_name: str
    data: dict[str, Any]
    """The content file's structure, keys exactly as in ``content/dokumen/*.yml``."""
    address: PurePosixPath | None
    """Where it belongs under ``content/dokumen/``; None if the owner could not be matched."""
    recognised: list[Finding] = field(default_factory=list)
    unsure: list[Finding] = field(default_factory=list)
    """Guesses the editor must review; marked ``# PERIKSA:`` in the YAML."""
    unrecognised: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of every non-blank input line that went into no field."""
    proposals: list[Finding] = field(default_factory=list)
    """New catalogue entries proposed (a body/region not in ``content/wilayah.yml`` or ``regulasi.yml``)."""


def import_text(text: str, source_name: str, catalogues: Catalogues) -> Draft:
    """Read a document's text into a draft; every non-blank line lands in a field or in ``unrecognised``."""
    lines = read_lines(text)
    notes = Notes()
    if is_decree(lines):
        data, key = read_decree(lines, notes, catalogues)
        data["sumber"] = {"berkas": source_path(source_name)}
        address = PurePosixPath(*key, f"keputusan-{_file_safe(data['nomor'])}.yml") if key else None
    else:
        body, title = read_iku(lines, notes)
        data, address = _iku_fields(body, title, lines, notes, catalogues, source_name)
        place_definitions(data, lines, notes)
    _unique_ids(data)
    unplaced = [line for line in lines if notes.free(line)]
    for line in partly_placed(lines, notes.used, data, catalogues.words):
        notes.doubt(
            line.number,
            UNPLACED_SECTION,
            "sebagian isi baris ini tidak masuk draf; baris itu disalin utuh ke bagian ini",
        )
        unplaced.append(line)
    unrecognised = [(line.number, line.text.strip()) for line in sorted(unplaced, key=lambda line: line.number)]
    return Draft(source_name, data, address, notes.recognised, notes.unsure, unrecognised, notes.proposals)


def _iku_fields(
    body: dict[str, Any], title: list[Any], lines: list[Any], notes: Notes, catalogues: Catalogues, source_name: str
) -> tuple[dict[str, Any], PurePosixPath | None]:
    owner = match_owner([body["instansi"]["nama"], joined(title)], catalogues)
    first = title[0].number if title else 1
    if owner is None or owner.key is None:
        wilayah = (
            owner.wilayah if owner else {"provinsi": PLACEHOLDER, "kabupaten": PLACEHOLDER, "kecamatan": PLACEHOLDER}
        )
        notes.doubt(first, "wilayah", "wilayah tidak dikenali di content/wilayah.yml; isi id-nya")
        if owner is not None:
            notes.proposals.append(Finding(first, "wilayah", owner.proposal))
    else:
        wilayah = owner.wilayah
        notes.found(first, "wilayah", owner.recognised)
    period = period_of(lines)
    if period is None:
        notes.doubt(first, "periode", "tahun dokumen tidak ditemukan")
    data = {
        "jenis": "iku",
        "judul": body["judul"],
        "instansi": body["instansi"],
        "wilayah": wilayah,
        "periode": period or {"mulai": PLACEHOLDER},
    }
    for key in ("tugas", "fungsi", "tujuan", "tabel_indikator", "tabel_target", "ditandatangani"):
        if key in body:
            data[key] = body[key]
    data["sumber"] = {"berkas": source_path(source_name)}
    address = None
    if owner is not None and owner.key is not None and period is not None:
        address = PurePosixPath(*owner.key, f"{period_key(Period(**period))}.yml")
    return data, address


def source_path(source_name: str) -> str:
    """``sumber/<name>`` for the original's text as the model accepts it (``.txt`` or ``.pdf``)."""
    name = PurePosixPath(source_name).name
    stem, suffix = [*name.rsplit(".", 1), ""][:2]
    suffix = suffix.lower() if suffix.lower() in ("txt", "pdf") else "txt"
    return f"sumber/{_file_safe(stem)}.{suffix}"


def _file_safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "dokumen"


def _unique_ids(data: dict[str, Any]) -> None:
    """Indicator ids made from names; a second indicator of the same name gets ``-2``."""
    seen: set[str] = set()
    tables = data.get("tabel_indikator", []) + [
        table for entry in data.get("lampiran", []) for table in entry.get("tabel_indikator", [])
    ]
    for table in tables:
        for goal in table["baris"]:
            for indicator in goal["indikator"]:
                base, number = indicator["id"], 2
                while indicator["id"] in seen:
                    indicator["id"], number = f"{base}-{number}", number + 1
                seen.add(indicator["id"])


def draft_yaml(draft: Draft) -> str:
    """The draft file's text: YAML, a ``# PERIKSA:`` comment above each guess, the unrecognised lines last."""
    doubts: dict[str, list[str]] = {}
    paths = set(_paths(draft.data, ""))
    for finding in draft.unsure:
        where = _nearest(finding.field, paths)
        doubts.setdefault(where, []).append(f"baris {finding.line}: {finding.message}")
    out = [f"# yaml-language-server: $schema={_schema_link(draft.address)}"]
    out.append(
        f"# Draf dari {draft.source_name} (iku import). Periksa setiap `# PERIKSA:` dan `…`, lalu hapus komentarnya."
    )
    _emit(draft.data, "", 0, out, doubts)
    if draft.unrecognised:
        out.append("")
        out.append("# Baris sumber yang tidak dikenali: pindahkan masing-masing ke kolomnya, lalu hapus bagian ini.")
        out.append(f"{UNPLACED_SECTION}:")
        out.extend(f"  - {_scalar(f'baris {number}: {text}')}" for number, text in draft.unrecognised)
    return "\n".join(out) + "\n"


def _schema_link(address: PurePosixPath | None) -> str:
    # Without an address the draft is to be moved to a kecamatan's folder, the deepest.
    where = address or PurePosixPath("provinsi", "kabupaten", "kecamatan", "draf.yml")
    return document_schema_link(DOCUMENTS_DIR / where)


def _paths(data: Any, path: str) -> list[str]:
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, f"{path}[{index}]")
    return found


def _nearest(where: str, paths: set[str]) -> str:
    """The deepest field of the draft that is ``where`` or contains it (the document itself: "")."""
    while where and where not in paths:
        shorter = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", where)
        where = "" if shorter == where else shorter
    return where


def _emit(data: Any, path: str, indent: int, out: list[str], doubts: dict[str, list[str]]) -> None:
    pad = " " * indent
    for key, value in data.items():
        here = f"{path}.{key}" if path else key
        out.extend(f"{pad}# PERIKSA: {message}" for message in doubts.get(here, []))
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            _emit(value, here, indent + 2, out, doubts)
        elif isinstance(value, list):
            if not value:
                out.append(f"{pad}{key}: []")
                continue
            out.append(f"{pad}{key}:")
            for index, item in enumerate(value):
                item_path = f"{here}[{index}]"
                out.extend(f"{pad}  # PERIKSA: {message}" for message in doubts.get(item_path, []))
                if isinstance(item, dict):
                    lines: list[str] = []
                    _emit(item, item_path, indent + 4, lines, doubts)
                    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
                    lines[first] = f"{pad}  - {lines[first].lstrip()}"
                    out.extend(lines)
                else:
                    out.append(f"{pad}  - {_scalar(item)}")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}")


def _scalar(value: Any) -> str:
    if isinstance(value, bool | int):
        return str(value).lower() if isinstance(value, bool) else str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if "\\" in text and "\n" not in text:
        # Formulas: single quotes, where a backslash is just a backslash (as CONTRIBUTING asks).
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)
