"""What a reading has done so far: the lines it used and what it recognised, guessed or proposes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .lines import Line


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
class Notes:
    """Shared by the readers of each part, so every line is accounted for exactly once."""

    used: set[int] = field(default_factory=set)
    recognised: list[Finding] = field(default_factory=list)
    unsure: list[Finding] = field(default_factory=list)
    proposals: list[Finding] = field(default_factory=list)

    def take(self, lines: Iterable[Line]) -> None:
        self.used.update(line.number for line in lines)

    def free(self, line: Line) -> bool:
        return not line.blank and line.number not in self.used

    def found(self, line: int, where: str, message: str) -> None:
        self.recognised.append(Finding(line, where, message))

    def doubt(self, line: int, where: str, message: str) -> None:
        self.unsure.append(Finding(line, where, message))
