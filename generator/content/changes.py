"""What changed in a document between two versions, field by field, in Bahasa Indonesia.

Two validated models are compared, never two texts: a reformatted file or a new schema
header changes nothing here. Indicators are matched by id (an ``id_lama`` counts as the
same indicator), targets by year, every other list by position. Field labels come from
the model's field names; the few that read better otherwise are declared once in
``LABELS``, and the fields whose values are not shown (a formula, long text) in ``OPAQUE``.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .model import Indicator, Target

LABELS = {
    "ditandatangani": "tanda tangan",
    "tabel_indikator": "tabel indikator",
    "tabel_target": "tabel target",
    "tujuan": "tujuan",
    "uraian": "uraian",
    "teks": "teks",
    "mulai": "tahun awal",
    "selesai": "tahun akhir",
    "nip": "NIP",
    "id": "id",
    "berkas": "berkas sumber",
    "asli": "PDF asli",
    "alamat_resmi": "alamat resmi",
    "diambil": "tanggal diambil",
    "ditambahkan_editor": "tambahan editor",
    "catatan_editor": "catatan editor",
    "menimbang_regulasi": "regulasi dalam Menimbang",
    "rincian": "rincian",
}
OPAQUE = frozenset({"rumus", "latex"})
"""Fields whose old and new values would not help a reader (LaTeX): only "diubah" is said."""
SHORT = 80
"""Values up to this length, on one line, are shown as ``old → new``; longer ones as "diubah"."""
EMPTY = "(kosong)"


@dataclass(frozen=True)
class Described:
    """One change in words: ``before`` *``name``* ``after``, the name (an indicator's) set in italics."""

    before: str
    name: str = ""
    after: str = ""

    def __str__(self) -> str:
        return f"{self.before} *{self.name}*{self.after}" if self.name else self.before


def label(field: str) -> str:
    """How a field is named to readers: declared in ``LABELS``, or its YAML key in words."""
    return LABELS.get(field, field.replace("_", " "))


def describe(old: BaseModel, new: BaseModel) -> list[Described]:
    """Every difference between two versions of a document, in reading order."""
    old_indicators, new_indicators = _indicators(old), _indicators(new)
    return [*_fields(old, new, []), *_indicator_changes(old_indicators, new_indicators)]


# -- indicators -------------------------------------------------------------------------


def _indicators(value: object) -> dict[str, Indicator]:
    """Every indicator of a document by id, in reading order."""
    found: dict[str, Indicator] = {}
    if isinstance(value, Indicator):
        found.setdefault(value.id, value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found.update({k: v for k, v in _indicators(getattr(value, name)).items() if k not in found})
    elif isinstance(value, list):
        for item in value:
            found.update({k: v for k, v in _indicators(item).items() if k not in found})
    return found


def _indicator_changes(old: dict[str, Indicator], new: dict[str, Indicator]) -> Iterator[Described]:
    matched: dict[str, str] = {}
    for new_id, indicator in new.items():
        earlier = next((i for i in (new_id, *indicator.id_lama) if i in old and i not in matched.values()), None)
        if earlier is not None:
            matched[new_id] = earlier
    for new_id, indicator in new.items():
        if new_id not in matched:
            yield Described("Indikator baru:", indicator.nama)
            continue
        yield from _one_indicator(old[matched[new_id]], indicator)
    for old_id, indicator in old.items():
        if old_id not in matched.values():
            yield Described("Indikator dihapus:", indicator.nama)


def _one_indicator(old: Indicator, new: Indicator) -> Iterator[Described]:
    name = new.nama
    for field in Indicator.model_fields:
        before, after = getattr(old, field), getattr(new, field)
        if before == after or field == "id_lama":
            continue
        if field == "target":
            yield from _targets(before, after, name)
        elif field == "nama":
            yield Described("Nama indikator diubah:", before, f" → {after}")
        else:
            words = _change(before, after, opaque=field in OPAQUE)
            yield Described(f"{label(field).capitalize()} indikator", name, words)


def _targets(old: list[Target], new: list[Target], name: str) -> Iterator[Described]:
    before = {target.tahun: target.nilai for target in old}
    after = {target.tahun: target.nilai for target in new}
    for year in sorted(before.keys() | after.keys()):
        if year not in before:
            yield Described(f"Target {year} indikator", name, f" ditambahkan: {after[year]}")
        elif year not in after:
            yield Described(f"Target {year} indikator", name, f" dihapus (sebelumnya {before[year]})")
        elif before[year] != after[year]:
            yield Described(f"Target {year} indikator", name, f": {before[year]} → {after[year]}")


# -- every other field ------------------------------------------------------------------


def _fields(old: BaseModel, new: BaseModel, where: list[str]) -> Iterator[Described]:
    for field in type(new).model_fields:
        before, after = getattr(old, field, None), getattr(new, field, None)
        # Indicators are compared by id, wherever they stand (see _indicator_changes).
        if before == after or _holds_indicators(before) or _holds_indicators(after):
            continue
        yield from _value(field, before, after, where)


def _value(field: str, before: object, after: object, where: list[str]) -> Iterator[Described]:
    if isinstance(before, BaseModel) and isinstance(after, BaseModel) and field not in OPAQUE:
        yield from _fields(before, after, [*where, label(field)])
    elif _model_list(before) and _model_list(after) and field not in OPAQUE:
        yield from _items(before, after, [*where, label(field)])  # type: ignore[arg-type]
    else:
        yield Described(_place(label(field), where) + _change(before, after, opaque=field in OPAQUE))


def _items(before: list[object], after: list[object], where: list[str]) -> Iterator[Described]:
    """Lists of records compared by position; lists of indicators are compared by id elsewhere."""
    *outer, name = where
    for index, (old, new) in enumerate(zip(before, after, strict=False), start=1):
        if old != new and isinstance(old, BaseModel) and isinstance(new, BaseModel):
            yield from _fields(old, new, [*outer, f"{name} {index}"])
    for index in range(len(after) + 1, len(before) + 1):
        yield Described(_place(f"{name} {index}", outer) + " dihapus")
    for index in range(len(before) + 1, len(after) + 1):
        yield Described(_place(f"{name} {index}", outer) + " ditambahkan")


def _holds_indicators(value: object) -> bool:
    return isinstance(value, list) and any(isinstance(item, Indicator) for item in value)


def _model_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, BaseModel) for item in value)


def _place(name: str, where: list[str]) -> str:
    """``Uraian (tabel indikator 1, baris 2)``: the field first, then where it is."""
    text = name[:1].upper() + name[1:]
    return f"{text} ({', '.join(where)})" if where else text


def _change(before: object, after: object, *, opaque: bool = False) -> str:
    old, new = _shown(before), _shown(after)
    if opaque or old is None or new is None:
        if _absent(before):
            return " ditambahkan"
        return " dihapus" if _absent(after) else " diubah"
    if _absent(before):
        return f" ditambahkan: {new}"
    if _absent(after):
        return f" dihapus (sebelumnya {old})"
    return f": {old} → {new}"


def _absent(value: object) -> bool:
    return value is None or value == []


def _shown(value: object) -> str | None:
    """A value as a reader reads it on one short line, or ``None`` when it is too long for that."""
    if value is None or value == []:
        return EMPTY
    if isinstance(value, list):
        items = [_shown(item) for item in value]
        text = ", ".join(item for item in items if item is not None)
        return text if None not in items and len(text) <= 2 * SHORT else None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.date | int | str):
        text = value.isoformat() if isinstance(value, datetime.date) else str(value)
        return text if len(text) <= SHORT and "\n" not in text else None
    return None
