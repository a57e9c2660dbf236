"""Letters of a formula defined on the lines below its table ("A = jumlah …"), put into the formula.

Some documents print ``A/B x 100%`` in the table and define A and B in words underneath. The
letters are replaced where the definitions follow the indicator's row and name both of them;
otherwise the lines stay unrecognised for the editor to place.
"""

from __future__ import annotations

import re
from typing import Any

from .formulas_text import DEFINED_DOUBT, fraction, letters_fraction
from .lines import Line
from .notes import Notes

_DEFINITION_LINE = re.compile(r"^\s*(?i:dengan|di ?mana|keterangan|ket\.?)?\s*:?\s*([A-Z])\s*[=:]\s*(\S.*)$")
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def place_definitions(data: dict[str, Any], lines: list[Line], notes: Notes) -> None:
    """Each run of unplaced "A = …" lines completes the letter formula of the indicator printed above it."""
    for group in _groups(lines, notes):
        found = _lettered_above(data, notes, group[0].number)
        if found is None:
            continue
        where, indicator, defined = found
        matches = [_DEFINITION_LINE.match(line.text) for line in group]
        meanings = {match[1]: match[2].strip(" ,;.") for match in matches if match}
        if not {defined[0], defined[1]} <= meanings.keys():
            continue
        top, bottom, factor = defined
        indicator["rumus"] = {"latex": fraction(meanings[top], meanings[bottom]) + factor}
        notes.take(group)
        notes.doubt(group[0].number, f"{where}.rumus", DEFINED_DOUBT)


def _groups(lines: list[Line], notes: Notes) -> list[list[Line]]:
    """Runs of unplaced definition lines, blank lines allowed between them."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        if notes.free(line) and _DEFINITION_LINE.match(line.text):
            current.append(line)
            continue
        if current:
            groups.append(current)
            current = []
    return [*groups, current] if current else groups


def _lettered_above(
    data: dict[str, Any], notes: Notes, number: int
) -> tuple[str, dict[str, Any], tuple[str, str, str]] | None:
    """The nearest indicator printed above line ``number`` whose formula is a fraction of two letters:
    its path, the indicator and the letters; None if there is none."""
    names = [f for f in notes.recognised if f.line < number and re.search(r"indikator\[\d+\]\.nama$", f.field)]
    for finding in sorted(names, key=lambda finding: finding.line, reverse=True):
        where = finding.field.removesuffix(".nama")
        indicator = _at(data, where)
        if isinstance(indicator, dict):
            defined = letters_fraction(indicator.get("rumus", {}).get("latex", ""))
            if defined is not None:
                return where, indicator, defined
    return None


def _at(data: Any, path: str) -> Any:
    """The value at a dotted path such as ``tabel_indikator[0].baris[1].indikator[0]``; None if absent."""
    for key, index in _STEP.findall(path):
        if key and isinstance(data, dict):
            data = data.get(key)
        elif index and isinstance(data, list) and int(index) < len(data):
            data = data[int(index)]
        else:
            return None
    return data
