"""The portal's exceptions: one base class the CLI and the MkDocs plugin catch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one content file, located as precisely as the YAML allows."""

    file: Path
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class IkuError(Exception):
    """Base of every error the portal reports to a person instead of a traceback."""


class ContentError(IkuError):
    """The content has problems; all of them are collected before this is raised."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        lines = [str(problem) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} kesalahan ditemukan di konten." if count != 1 else "1 kesalahan ditemukan di konten.")
        return "\n".join(lines)


class FormulaError(IkuError):
    """KaTeX could not render a formula, or KaTeX itself is not installed."""
