"""Decrees (Keputusan Bupati / Wali Kota / Gubernur): not yet read; a stub so IKU documents work first."""

from __future__ import annotations

from typing import Any

from .catalogue_match import Catalogues
from .lines import Line
from .notes import Notes


def is_decree(lines: list[Line]) -> bool:
    return False


def read_decree(lines: list[Line], notes: Notes, catalogues: Catalogues) -> tuple[dict[str, Any], tuple[str, ...]]:
    raise NotImplementedError
