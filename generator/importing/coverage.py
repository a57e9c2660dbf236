"""The reader's safety net: every word of the input reaches the draft, or its line is listed for review.

The readers of each part mark the lines they use; a line used only in part (a cell under a
heading no reader knows, a fragment a rule did not expect) would otherwise lose words
silently. Whatever the cause, such a line is listed again with the unrecognised ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .lines import Line

WORD = re.compile(r"[^\W\d_]{3,}")
# Words the draft carries by its structure rather than as text: labels and headings, the words
# of formulas in words and of dates, the parts of a decree and its list of copies.
STRUCTURE_WORDS = frozenset(
    {
        *["dengan", "dimana", "mana", "keterangan"],
        *["tugas", "fungsi", "tujuan", "indikator", "instansi", "salinan", "keputusan", "lampiran"],
        *["nip", "dibagi", "dikali", "menimbang", "mengingat", "memutuskan", "menetapkan", "tentang"],
        *["pokok", "penjelasan", "disampaikan", "kepada", "yth", "style", "list", "type", "none"],
        *["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september"],
        *["oktober", "november", "desember", "provinsi", "kabupaten", "kota", "kecamatan"],
    }
)


def words(value: Any) -> Iterator[str]:
    """Every word of every text in ``value`` (the draft's data, a catalogue's), case-folded."""
    if isinstance(value, str):
        yield from WORD.findall(value.casefold())
    elif isinstance(value, dict):
        for item in value.values():
            yield from words(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from words(item)


def partly_placed(lines: Iterable[Line], used: set[int], data: dict[str, Any], known: set[str]) -> list[Line]:
    """The lines a reader used of which some word is neither in ``data`` nor in ``known`` words."""
    present = set(words(data)) | STRUCTURE_WORDS | known
    return [
        line
        for line in lines
        if line.number in used and any(word not in present for word in WORD.findall(line.text.casefold()))
    ]
