"""A draft content file read from a document's text: what went where, and what an editor must review."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .catalogue_match import Catalogues


@dataclass(frozen=True)
class Finding:
    """One thing the reader did with a part of the input, for the editor's summary."""

    line: int
    """1-based line of the input text."""
    field: str
    """Where it went in the draft, a dotted path such as ``sasaran[0].indikator[1].rumus`` (``""`` if none)."""
    message: str
    """In Bahasa Indonesia, for the editor."""


@dataclass
class Draft:
    """A content file's data read from a text, with what was recognised, guessed and left over."""

    source_name: str
    data: dict[str, Any]
    address: PurePosixPath | None
    recognised: list[Finding] = field(default_factory=list)
    unsure: list[Finding] = field(default_factory=list)
    unrecognised: list[tuple[int, str]] = field(default_factory=list)
    proposals: list[Finding] = field(default_factory=list)


def import_text(text: str, source_name: str, catalogues: Catalogues) -> Draft:
    """Read a document's text into a draft; every non-blank line lands in a field or in ``unrecognised``."""
    unrecognised = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    return Draft(source_name, {}, None, unrecognised=unrecognised)


def draft_yaml(draft: Draft) -> str:
    """The draft file's text: YAML, a ``# PERIKSA:`` comment above each guess, the unrecognised lines last."""
    lines = ["tidak_dikenali:", *(f"  - {_quoted(f'baris {n}: {text}')}" for n, text in draft.unrecognised)]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
