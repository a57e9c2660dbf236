"""An IKU document read part by part: title block, labelled parts (tugas, fungsi, tujuan), tables, signature."""

from __future__ import annotations

import re
from typing import Any

from ..content.validate import PLACEHOLDER
from .headings import is_header, role
from .lines import Line, blocks, joined, squeeze
from .lists import items_of, line_item
from .notes import Notes
from .signature import read_signature, starts_signature
from .tables import Row, TableBuilder

_LABEL = re.compile(
    r"^\s*-?\s*(instansi|tugas pokok|tugas\s*(?:&|dan)\s*fungsi|tugas|fungsi|tujuan|indikator tujuan)"
    r"\s*(?:\t|:)\s*(.*)$",
    re.IGNORECASE,
)
_PERIOD = re.compile(r"\bTAHUN\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?", re.IGNORECASE)
_OWNER_IN_TITLE = re.compile(
    r"\b((?:KECAMATAN|DINAS|BADAN|INSPEKTORAT|SEKRETARIAT|KANTOR|SATUAN)\b.*?)(?=\s+TAHUN\b|$)", re.IGNORECASE
)
_TARGET_ROW = re.compile(r"^\d+\.?$")
_VALUE = re.compile(r"^[\d.,]+\s*%?$|^-$")
MAX_TITLE_LINES = 6


def read_iku(lines: list[Line], notes: Notes) -> tuple[dict[str, Any], list[Line]]:
    """The IKU document's fields, and the title block's lines (where its owner is named)."""
    data: dict[str, Any] = {"jenis": "iku"}
    title = _title(lines, notes)
    data["judul"] = joined(title) if title else PLACEHOLDER
    labelled = labelled_parts(lines, notes)
    data["instansi"] = {"nama": labelled.pop("instansi", "") or _owner_in(joined(title)) or PLACEHOLDER}
    data.update(labelled)
    tables = tab_tables(lines, notes) + _cell_tables(lines, notes, start=len(data.get("tabel_indikator", [])))
    if tables:
        data["tabel_indikator"] = tables
    targets = _target_tables(lines, notes)
    if targets:
        data["tabel_target"] = targets
    signature = read_signature(lines, notes)
    if signature:
        data["ditandatangani"] = signature
    return data, title


def period_of(lines: list[Line]) -> dict[str, int] | None:
    """The first "TAHUN 2024" or "TAHUN 2021-2026" in the text, as the model's ``periode``."""
    for line in lines:
        match = _PERIOD.search(line.text)
        if match:
            return {"mulai": int(match[1]), **({"selesai": int(match[2])} if match[2] else {})}
    return None


def _owner_in(title: str) -> str:
    match = _OWNER_IN_TITLE.search(title)
    return squeeze(match[1]) if match else ""


def _title(lines: list[Line], notes: Notes) -> list[Line]:
    """The heading lines at the top, up to the first labelled part, table or list."""
    found: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        text = line.text.strip()
        if (
            "\t" in line.text
            or _LABEL.match(text)
            or role(text) == "nomor"
            or text != text.upper()
            or len(found) >= MAX_TITLE_LINES
        ):
            break
        found.append(line)
    notes.take(found)
    if found:
        notes.found(found[0].number, "judul", "judul dokumen")
    return found


def labelled_parts(lines: list[Line], notes: Notes) -> dict[str, Any]:
    """Parts written as "Label<TAB>value" or "Label : value", and the list lines under an empty one."""
    data: dict[str, Any] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _LABEL.match(line.text) if notes.free(line) else None
        index += 1
        if not match:
            continue
        label, value = match[1].lower(), match[2].strip()
        taken = [line]
        if not value:
            items, index = _items_below(lines, index, notes)
            taken += [item_line for item_line, _ in items]
            parsed = [{"label": label_, "teks": text} for _, (label_, text) in items]
            guessed = False
        else:
            parsed, guessed = items_of(value)
        notes.take(taken)
        _store(data, label, value, parsed, line, notes, guessed)
    return data


def _items_below(lines: list[Line], index: int, notes: Notes) -> tuple[list[tuple[Line, tuple[str, str]]], int]:
    found = []
    while index < len(lines):
        line = lines[index]
        if line.blank:
            index += 1
            continue
        item = line_item(line.text) if notes.free(line) else None
        if item is None:
            break
        found.append((line, item))
        index += 1
    return found, index


def _store(
    data: dict[str, Any], label: str, value: str, items: list[dict[str, Any]], line: Line, notes: Notes, guessed: bool
) -> None:
    if label == "instansi":
        data["instansi"] = value
        notes.found(line.number, "instansi.nama", "instansi")
        return
    if label in ("tujuan",):
        data.setdefault("tujuan", []).append({"uraian": squeeze(value) or PLACEHOLDER, "indikator": []})
        notes.found(line.number, f"tujuan[{len(data['tujuan']) - 1}].uraian", "tujuan")
        return
    if label == "indikator tujuan":
        goals = data.setdefault("tujuan", [])
        if not goals:
            goals.append({"uraian": PLACEHOLDER, "indikator": []})
            notes.doubt(line.number, "tujuan[0].uraian", "indikator tujuan tanpa tujuan di atasnya")
        goals[-1]["indikator"].append(squeeze(value))
        notes.found(line.number, f"tujuan[{len(goals) - 1}].indikator", "indikator tujuan")
        return
    field = "tugas" if label in ("tugas", "tugas pokok") else "fungsi"
    data.setdefault(field, []).extend(items)
    notes.found(line.number, field, f"{field}: {len(items)} butir")
    if guessed:
        notes.doubt(line.number, field, "butir tanpa nomor dipisah dari butir sebelumnya; periksa batasnya")


def tab_tables(lines: list[Line], notes: Notes, prefix: str = "") -> list[dict[str, Any]]:
    """Tables of tab-separated rows, each begun by a row of headings (a repeated one continues it)."""
    tables: list[dict[str, Any]] = []
    builder: TableBuilder | None = None
    headings: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.blank or not notes.free(line):
            continue
        cells = line.cells
        if "\t" in line.text and is_header(cells):
            if builder is None or cells != headings:
                _finish(builder, tables)
                headings = cells
                builder = TableBuilder(cells, len(tables), notes, _table_title(lines, line, notes), prefix)
                notes.found(line.number, builder.path, f"tabel indikator ({builder.table['tingkat']})")
            notes.take([line])
            continue
        if builder is None:
            continue
        if "\t" not in line.text or (len(cells) != len(headings) and looks_like_targets(cells)):
            _finish(builder, tables)
            builder = None
            continue
        row_lines = [line]
        # A row broken across lines: fewer cells than headings, the rest on the next line.
        while len(cells) < len(headings) and index < len(lines) and "\t" in lines[index].text:
            following = lines[index].cells
            if len(cells) + len(following) - 1 != len(headings) or not following[0]:
                break
            cells = [*cells[:-1], f"{cells[-1]} {following[0]}", *following[1:]]
            row_lines.append(lines[index])
            notes.doubt(lines[index].number, builder.path, "baris tabel terpotong; disambung dengan baris di atasnya")
            index += 1
        builder.add(Row(tuple(row_lines), tuple(cells)))
        builder.add_targets(cells)
    _finish(builder, tables)
    return tables


def _finish(builder: TableBuilder | None, tables: list[dict[str, Any]]) -> None:
    if builder is not None:
        table = builder.finish()
        if table is not None:
            tables.append(table)


def _table_title(lines: list[Line], header: Line, notes: Notes) -> str:
    """Capitalised lines right above a table's headings (blank lines between allowed): its title."""
    found: list[Line] = []
    for line in reversed(lines[: lines.index(header)]):
        if line.blank:
            if found:
                break
            continue
        text = line.text.strip().lstrip("- ").strip()
        if not notes.free(line) or "\t" in line.text or text != text.upper():
            break
        found.insert(0, line)
    notes.take(found)
    return squeeze(" ".join(line.text.strip().lstrip("- ") for line in found))


def _cell_tables(lines: list[Line], notes: Notes, start: int) -> list[dict[str, Any]]:
    """A table extracted one cell per paragraph: a "NO" paragraph, heading paragraphs, then the cells."""
    free = [line for line in lines if line.blank or notes.free(line)]
    paragraphs = blocks(free)
    for at, paragraph in enumerate(paragraphs):
        if role(joined(paragraph)) != "nomor":
            continue
        headings = [joined(paragraphs[at])]
        end = at + 1
        while end < len(paragraphs) and role(joined(paragraphs[end])) not in (None, "nomor"):
            headings.append(joined(paragraphs[end]))
            end += 1
        if not is_header(headings):
            continue
        builder = TableBuilder(headings, start, notes)
        notes.take([line for paragraph in paragraphs[at:end] for line in paragraph])
        notes.found(paragraphs[at][0].number, builder.path, f"tabel indikator ({builder.table['tingkat']})")
        for row in _cell_rows(paragraphs[end:], len(headings), notes, builder.path):
            builder.add(row)
        table = builder.finish()
        return [table] if table else []
    return []


def _cell_rows(paragraphs: list[list[Line]], columns: int, notes: Notes, path: str) -> list[Row]:
    """Rows of one-paragraph cells: a row starts at a number, or at a paragraph beginning like the first goal."""
    rows: list[list[list[Line]]] = []
    first_word = ""
    for paragraph in paragraphs:
        text = joined(paragraph)
        if _ends_table(paragraph):
            break
        number = bool(_TARGET_ROW.match(text))
        starts = number or (first_word and text.split()[0] == first_word and not (len(rows[-1]) == 1 and number))
        if starts or not rows:
            rows.append([paragraph])
        else:
            rows[-1].append(paragraph)
        if rows and len(rows[-1]) == (2 if _only_number(rows[-1][:1]) else 1):
            first_word = first_word or text.split()[0]
    return [_cell_row(cells, columns, notes, path) for cells in rows]


def _only_number(paragraphs: list[list[Line]]) -> bool:
    return bool(paragraphs) and bool(_TARGET_ROW.match(joined(paragraphs[0])))


def _cell_row(paragraphs: list[list[Line]], columns: int, notes: Notes, path: str) -> Row:
    numbered = _only_number(paragraphs)
    wanted = columns - (0 if numbered else 1)
    merged = [list(paragraph) for paragraph in paragraphs]
    # A cell broken by a blank line reads as two paragraphs; the part starting in lower case goes on the one before.
    index = len(merged) - 1
    while len(merged) > wanted and index > 0:
        if merged[index][0].text.strip()[:1].islower():
            merged[index - 1] += merged.pop(index)
            notes.doubt(merged[index - 1][0].number, path, "sel terpotong baris kosong; disambung")
        index -= 1
    lines = tuple(line for paragraph in merged for line in paragraph)
    cells = [_cell_text(paragraph) for paragraph in merged]
    if len(cells) != wanted:
        notes.doubt(lines[0].number, path, f"baris berisi {len(cells)} sel, tabel {wanted} kolom; periksa letaknya")
    return Row(lines, tuple(cells if numbered else ["", *cells]))


def _cell_text(paragraph: list[Line]) -> str:
    return squeeze(" ".join(line.text.strip() for line in paragraph))


def _ends_table(paragraph: list[Line]) -> bool:
    return starts_signature(paragraph[0].text)


def looks_like_targets(cells: list[str]) -> bool:
    """A number, an indicator's name, and values only: a row of targets."""
    return (
        len(cells) >= 3
        and bool(_TARGET_ROW.match(cells[0]))
        and bool(cells[1])
        and all(_VALUE.match(cell) for cell in cells[2:] if cell)
    )


def _target_tables(lines: list[Line], notes: Notes) -> list[dict[str, Any]]:
    """Rows of a number, an indicator and values with no headings: targets whose years are not printed."""
    tables: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for line in [*lines, Line(0, "")]:
        cells = line.cells
        if notes.free(line) and looks_like_targets(cells):
            rows.append({"nomor": cells[0], "indikator": cells[1], "nilai": [cell for cell in cells[2:] if cell]})
            notes.take([line])
            if len(rows) == 1:
                notes.found(line.number, f"tabel_target[{len(tables)}]", "tabel target tanpa judul kolom")
                notes.doubt(line.number, f"tabel_target[{len(tables)}].kolom", "tahun tiap kolom tidak tercetak")
        elif (rows and not line.blank) or line.number == 0:
            if rows:
                tables.append({"kolom": [], "baris": rows})
            rows = []
    return tables
