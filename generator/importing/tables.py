"""Indicator tables: columns mapped by their headings, rows by what their cells hold.

The same builder takes rows from tab-separated lines and from text extracted one cell
per paragraph. A row with empty first cells belongs to the goal above it; a row without
an indicator name continues the indicator above it; a fraction drawn with dashes that
extraction spread over several cells is put back together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..content.validate import PLACEHOLDER
from .catalogue_match import slug
from .formulas_text import fraction, read_formula
from .headings import role, year_of
from .lines import Line, squeeze
from .lists import items_of
from .notes import Notes

_NUMBERED_NAME = re.compile(r"^\d{1,2}\.\s+")
_EXPLANATION = re.compile(r"^penjelasan\s*:\s*", re.IGNORECASE)
_DASHES = re.compile(r"\s*-{3,}\s*")
_FACTOR = re.compile(r"^(?:(?:[xX×]|100\s*%?)\s*)+")
MAX_ID_WORDS = 8
MAX_ID_LENGTH = 60
LIST_FIELDS = ("sumber_data", "penanggung_jawab")
TEXT_FIELDS = ("definisi", "makna", "alasan", "cara_perhitungan", "satuan")


@dataclass(frozen=True)
class Row:
    """One printed table row: its cells, and the input lines it was read from."""

    lines: tuple[Line, ...]
    cells: tuple[str, ...]

    @property
    def line(self) -> int:
        return self.lines[0].number


class TableBuilder:
    """One ``tabel_indikator`` entry, grown row by row."""

    def __init__(self, headings: list[str], number: int, notes: Notes, judul: str = "", prefix: str = "") -> None:
        self.roles = [role(heading) for heading in headings]
        pairs = zip(headings, self.roles, strict=True)
        self.years = [year_of(heading) if found == "target" else None for heading, found in pairs]
        level = next((found.split(":")[1] for found in self.roles if found and found.startswith("uraian:")), "sasaran")
        self.path = f"{prefix}tabel_indikator[{number}]"
        self.table: dict[str, Any] = {"tingkat": level, **({"judul": judul} if judul else {}), "kolom": headings}
        self.table["baris"] = []
        self.notes = notes
        self.indicator: dict[str, Any] | None = None
        self.held: dict[str, Any] = {}
        # A fraction whose denominator opened a bracket that a later fragment closes.
        self.open: tuple[dict[str, Any], str, str, str] | None = None

    # The path of the current goal and indicator, for the editor's summary.
    def _where(self, field: str = "") -> str:
        goals = self.table["baris"]
        where = f"{self.path}.baris[{len(goals) - 1}]"
        if goals and self.indicator is not None:
            where += f".indikator[{len(goals[-1]['indikator']) - 1}]"
        return f"{where}.{field}" if field else where

    def add(self, row: Row) -> None:
        self.notes.take(row.lines)
        cells = list(row.cells) + [""] * (len(self.roles) - len(row.cells))
        extra = [cell for cell in cells[len(self.roles) :] if cell]
        cells = cells[: len(self.roles)]
        formula = self._dash_fraction(cells, row.line)
        explanation = self._explanations(cells)
        by_role = {found: cell for found, cell in zip(self.roles, cells, strict=True) if found and cell}
        # A column under a heading no rule knows ("Keterangan", "Satuan Kerja"): kept, with its heading.
        unknown = [
            f"{heading}: {cell}"
            for heading, found, cell in zip(self.table["kolom"], self.roles, cells, strict=True)
            if found is None and cell
        ]
        number, goal_text, name = by_role.pop("nomor", ""), self._uraian(by_role), by_role.pop("nama", "")
        if goal_text:
            self._goal(number, goal_text, row.line)
        if name and name.endswith(")") and "(" not in name:
            self._loose_bracket(name, row.line)
            name = ""
        if name and not _NUMBERED_NAME.match(name) and name[0].islower() and not goal_text and self.indicator:
            self.indicator["nama"] += " " + name
            self.notes.doubt(row.line, self._where("nama"), "nama indikator disambung dari baris berikutnya")
            name = ""
        if name:
            self._indicator(_NUMBERED_NAME.sub("", name), row.line)
        elif self.indicator is None and (by_role or formula):
            self.notes.doubt(row.line, self.path, "baris tanpa indikator di awal tabel; isinya belum ditempatkan")
        self._fill(by_role, formula, explanation, row.line)
        if extra:
            self._extra([f"Sel tanpa judul kolom: {cell}" for cell in extra], row.line)
        if unknown:
            self._extra([f"Kolom {cell}" for cell in unknown], row.line)

    def _uraian(self, by_role: dict[str, str]) -> str:
        for found in [found for found in by_role if found.startswith("uraian:")]:
            return by_role.pop(found)
        return ""

    def _goal(self, number: str, text: str, line: int) -> None:
        goals = self.table["baris"]
        if not number and goals and text[0].islower():
            # Printed across a page break: the goal's words go on under an empty number cell.
            goals[-1]["uraian"] += " " + text
            self.notes.doubt(line, self._where("uraian"), "rumusan disambung dari baris berikutnya (pindah halaman)")
            return
        goals.append({**({"nomor": number} if number else {}), "uraian": text, "indikator": []})
        self.indicator = None
        self.notes.found(line, self._where("uraian"), f"{self.table['tingkat']}: {text[:60]}")

    def _indicator(self, name: str, line: int) -> None:
        goals = self.table["baris"]
        if not goals:
            goals.append({"uraian": PLACEHOLDER, "indikator": []})
            self.notes.doubt(line, f"{self.path}.baris[0].uraian", "indikator tanpa sasaran di atasnya")
        self.indicator = {"id": _indicator_id(name), "nama": name}
        goals[-1]["indikator"].append(self.indicator)
        self.notes.found(line, self._where("nama"), f"indikator: {name[:60]}")
        if self.held:
            for field, value in self.held.items():
                self.indicator[field] = value
                self.notes.doubt(line, self._where(field), "diambil dari baris di atas nama indikator; periksa")
            self.held = {}

    def _fill(self, by_role: dict[str, str], formula: dict[str, str] | None, explanation: str, line: int) -> None:
        target = self.indicator
        if target is None:
            return
        if formula is not None:
            if "rumus" in target:
                # A whole formula on a row without a name, below an indicator that has one: it is
                # printed beside the next indicator's name (cells centred vertically).
                self.held["rumus"] = formula
                self.held.update({f: _value(f, v) for f, v in by_role.items() if f in LIST_FIELDS})
                by_role = {f: v for f, v in by_role.items() if f not in LIST_FIELDS}
            else:
                target["rumus"] = formula
        if explanation:
            field = "definisi" if "definisi" not in target else "makna"
            target[field] = explanation
            self.notes.found(line, self._where(field), "penjelasan indikator")
        for field, cell in by_role.items():
            self._set(target, field, cell, line)

    def _set(self, target: dict[str, Any], field: str, cell: str, line: int) -> None:
        if field == "target":
            return
        if field == "rumus":
            if "rumus" in target:
                previous = target["rumus"].get("teks") or target["rumus"].get("latex", "")
                cell = f"{previous} {cell}"
                self.notes.doubt(line, self._where("rumus"), "rumus disambung dari baris berikutnya")
            reading = read_formula(cell)
            target["rumus"] = reading.rumus
            if reading.doubt:
                self.notes.doubt(line, self._where("rumus"), reading.doubt)
            return
        value = _value(field, cell)
        if field in target:
            if isinstance(value, list):
                target[field] = [*target[field], *value]
            else:
                target[field] = f"{target[field]} {value}"
            self.notes.doubt(line, self._where(field), "disambung dari baris tanpa nama indikator")
        else:
            target[field] = value

    def add_targets(self, cells: list[str]) -> None:
        """Target values in year columns, once the indicator of the row is known."""
        if self.indicator is None:
            return
        targets = [
            {"tahun": year, "nilai": cell}
            for year, cell in zip(self.years, [*cells, *[""] * len(self.years)][: len(self.years)], strict=True)
            if year is not None and cell
        ]
        if targets:
            self.indicator["target"] = targets

    def _explanations(self, cells: list[str]) -> str:
        """Text printed as "Penjelasan : …" in any column: the indicator's explanation, not its formula."""
        found = ""
        for index, cell in enumerate(cells):
            if _EXPLANATION.match(cell):
                found = _EXPLANATION.sub("", cell).strip()
                cells[index] = ""
        return found

    def _dash_fraction(self, cells: list[str], line: int) -> dict[str, str] | None:
        """A fraction drawn with dashes whose numerator, line and denominator extraction spread over cells.

        Left of each dash line is a numerator (in the formula column, or bracketed / a sum
        elsewhere) or that column's own text; right of it the factor ("x", "100%") and a
        denominator. Text found right of the formula column moves left as far as the formula
        was pushed.
        """
        # A cell holding only the dash line belongs to a fraction drawn over several rows: the rows join it.
        if not any(_DASHES.search(cell) and _DASHES.sub("", cell).strip() for cell in cells):
            return None
        formula_column = self.roles.index("rumus") if "rumus" in self.roles else None
        top = bottom = ""
        percent = times = False
        found_at = None
        kept: dict[int, str] = {}
        for index, cell in enumerate(cells):
            if not _DASHES.search(cell):
                continue
            left, right = _DASHES.split(cell, maxsplit=1)
            if not top and (index == formula_column or left.startswith("(") or "+" in left):
                top, found_at = left, index
            elif left:
                kept[index] = left
            factor = _FACTOR.match(right)
            if factor:
                percent = percent or "100" in factor[0]
                times = times or bool(re.search(r"[xX×]", factor[0]))
                right = right[factor.end() :]
            bottom = bottom or right.strip()
            cells[index] = ""
        if not (top and bottom) or formula_column is None or found_at is None:
            self.notes.doubt(line, self._where("rumus"), "garis pecahan tanpa pembilang dan penyebut yang jelas")
            for index, text in kept.items():
                cells[index] = text
            return None
        shift = found_at - formula_column
        for index, text in kept.items():
            cells[max(index - shift, 0)] = text
        factor = r" \times 100\%" if percent else (r" \times 100" if times else "")
        rumus = {"latex": fraction(top, bottom) + factor}
        if bottom.count("(") > bottom.count(")"):
            self.open = (rumus, top, bottom, factor)
        self.notes.doubt(
            line,
            self._where("rumus"),
            "pecahan bergaris disusun kembali dari sel-sel yang terpotong" + ("; kolom bergeser" if shift else ""),
        )
        return rumus

    def _loose_bracket(self, fragment: str, line: int) -> None:
        """Words ending in a bracket no cell opened: the end of a formula's denominator if one is open,
        else a stray piece of a cell cut at a page break, kept in a note for the editor to place."""
        if self.open is None:
            if self.indicator is not None:
                self.indicator.setdefault("catatan_editor", []).append(
                    f"Potongan teks lepas di kolom indikator: {fragment}"
                )
                self.notes.doubt(line, self._where("catatan_editor"), "potongan teks lepas; tempatkan atau hapus")
            return
        rumus, top, bottom, factor = self.open
        rumus["latex"] = fraction(top, f"{bottom} {fragment}") + factor
        self.open = None
        self.notes.doubt(line, self._where("rumus"), "penutup kurung rumus tercetak terpisah; disambung ke penyebut")

    def _extra(self, extra: list[str], line: int) -> None:
        target = self.indicator if self.indicator is not None else None
        if target is None:
            return
        target.setdefault("catatan_editor", []).extend(extra)
        self.notes.doubt(line, self._where("catatan_editor"), "sel di luar kolom yang dikenal; pindahkan ke kolomnya")

    def finish(self) -> dict[str, Any] | None:
        goals = [goal for goal in self.table["baris"] if goal["indikator"]]
        if not goals:
            return None
        self.table["baris"] = goals
        return self.table


def _value(field: str, cell: str) -> Any:
    cell = squeeze(cell)
    if field in LIST_FIELDS:
        items, _ = items_of(cell)
        return [item["teks"] for item in items if item["teks"]]
    return cell


def _indicator_id(name: str) -> str:
    """The name's first words as an id, short enough for an anchor (the model allows 80 characters)."""
    words: list[str] = []
    for word in slug(name).split("-")[:MAX_ID_WORDS]:
        if len("-".join([*words, word])) > MAX_ID_LENGTH:
            break
        words.append(word)
    return "-".join(words) or "indikator"


def header_roles(headings: list[str]) -> list[str | None]:
    return [role(heading) for heading in headings]
