"""Signature blocks: place and date, title, name, rank (pangkat) and NIP."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..content.validate import PLACEHOLDER
from .lines import Line, squeeze
from .notes import Notes

MONTHS = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
]
_PLACE_DATE = re.compile(r"^(?:Ditetapkan di\s+)?([A-Z][A-Za-z .-]+?)\s*,\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})$")
_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
_NIP = re.compile(r"^NIP\s*\.?\s*:?\s*([\d ]+)$", re.IGNORECASE)
# Civil-service ranks as printed under a name: "Pembina", "Penata Tingkat I", "Pembina Utama Muda" …
_RANK = re.compile(r"^(Pembina|Penata|Pengatur|Juru)\b.*$|.*\b(I{1,3}|IV)\s*/\s*[a-e]$", re.IGNORECASE)
LOOK_BACK = 6


def starts_signature(text: str) -> bool:
    """A line that begins a signature block ("Lumajang, 10 Januari 2024") or ends one (the NIP)."""
    return bool(_PLACE_DATE.match(squeeze(text)) or _NIP.match(text.strip()))


def date_of(text: str) -> datetime.date | None:
    """``10 Januari 2020`` as a date; None when it is not one."""
    match = _DATE.search(text)
    if not match or match[2].lower() not in MONTHS:
        return None
    try:
        return datetime.date(int(match[3]), MONTHS.index(match[2].lower()) + 1, int(match[1]))
    except ValueError:
        return None


def nip_of(text: str) -> str | None:
    """The NIP written as the model wants it (``19621010 198503 1 026``); None for another count of digits."""
    digits = re.sub(r"\D", "", text)
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}" if len(digits) == 18 else None


def read_signature(lines: list[Line], notes: Notes) -> dict[str, Any] | None:
    """The signature block ending at the last NIP line, read upwards from it."""
    nip_at = next(
        (i for i in range(len(lines) - 1, -1, -1) if notes.free(lines[i]) and _NIP.match(lines[i].text.strip())), None
    )
    if nip_at is None:
        return None
    nip_line = lines[nip_at]
    above = _free_above(lines, nip_at, notes)
    signature: dict[str, Any] = {}
    taken = [nip_line]
    nip = nip_of(_NIP.match(nip_line.text.strip())[1])  # type: ignore[index]
    if nip:
        signature["nip"] = nip
    else:
        notes.doubt(nip_line.number, "ditandatangani.nip", "NIP tidak 18 angka; salin dari dokumen asli")
        signature["nip"] = PLACEHOLDER
    if above and _RANK.match(above[0].text.strip()):
        signature["pangkat"] = squeeze(above[0].text)
        taken.append(above.pop(0))
    if above:
        signature["nama"] = squeeze(above[0].text)
        taken.append(above.pop(0))
    place = next((i for i, line in enumerate(above) if _PLACE_DATE.match(squeeze(line.text))), None)
    if place is not None:
        match = _PLACE_DATE.match(squeeze(above[place].text))
        assert match is not None
        signature["tempat"] = match[1]
        signature["tanggal"] = date_of(match[2])
        titles = above[:place]
        taken.extend(above[: place + 1])
        if titles:
            signature["jabatan"] = squeeze(" ".join(line.text for line in reversed(titles)))
    notes.take(taken)
    notes.found(min(line.number for line in taken), "ditandatangani", "blok tanda tangan")
    order = ("tempat", "tanggal", "jabatan", "nama", "pangkat", "nip")
    return {key: signature[key] for key in order if signature.get(key) is not None}


def _free_above(lines: list[Line], end: int, notes: Notes) -> list[Line]:
    """Unused non-blank lines above ``end``, nearest first, up to a used line or a table row."""
    found: list[Line] = []
    for line in reversed(lines[:end]):
        if line.blank:
            continue
        if not notes.free(line) or "\t" in line.text or len(found) >= LOOK_BACK:
            break
        found.append(line)
    return found
