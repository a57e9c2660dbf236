"""Column headings, which vary from region to region, read as the model field each column fills."""

from __future__ import annotations

import re

from .catalogue_match import normalised

# Checked in order: "Indikator Kinerja Utama" names the indicator although it says "kinerja utama".
_ROLES: tuple[tuple[str, str], ...] = (
    (r"^(no|nomor|no urut)$", "nomor"),
    (r"indikator", "nama"),
    (r"sumber data", "sumber_data"),
    (r"penanggung ?jawab", "penanggung_jawab"),
    (r"cara perhitungan", "cara_perhitungan"),
    (r"rumus|formula", "rumus"),
    (r"definisi", "definisi"),
    (r"makna|penjelasan", "makna"),
    (r"alasan", "alasan"),
    (r"^satuan$", "satuan"),
    (r"program", "uraian:program"),
    (r"sasaran", "uraian:sasaran"),
    (r"tujuan", "uraian:tujuan"),
    (r"kinerja utama", "uraian:kinerja_utama"),
    (r"^(target )?(tahun )?\d{4}$", "target"),
)


def role(heading: str) -> str | None:
    """The field a column fills: ``nama``, ``rumus``, ``uraian:program``, ``target`` …; None if unknown."""
    text = normalised(heading)
    for pattern, found in _ROLES:
        if re.search(pattern, text):
            return found
    return None


def is_header(cells: list[str]) -> bool:
    """A row of headings: an indicator column and at least two other known columns."""
    roles = [role(cell) for cell in cells if cell]
    return "nama" in roles and sum(found is not None for found in roles) >= 3 and len(set(roles)) >= 3


def year_of(heading: str) -> int | None:
    match = re.search(r"\d{4}", heading)
    return int(match[0]) if match else None
