"""The portal's exceptions: one base class the CLI and the MkDocs plugin catch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .printable import spelled_out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one content file, located as precisely as the YAML allows.

    ``message`` says what is wrong; ``expected``, ``found`` and ``hint`` are empty when
    they would only repeat it.
    """

    file: Path
    line: int
    column: int
    field: str
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""

    @property
    def headline(self) -> str:
        """``file:line:column: field: message``, the form editors and their editors recognise.

        Every part is one line with nothing active: a file name or a key may hold a newline
        (a following ``::error`` would be a command to the CI log), an escape or a bidi override.
        """
        where = f"{spelled_out(str(self.file))}:{self.line}:{self.column}"
        message = spelled_out(self.message)
        return f"{where}: {spelled_out(self.field)}: {message}" if self.field else f"{where}: {message}"

    def details(self) -> list[str]:
        """The labelled lines under the headline, in the order an editor reads them, each one line."""
        labelled = (("diharapkan", self.expected), ("ditemukan", self.found), ("saran", self.hint))
        return [f"{label}: {spelled_out(value)}" for label, value in labelled if value]

    def __str__(self) -> str:
        return "\n".join([self.headline, *(f"    {line}" for line in self.details())])

    def as_json(self) -> dict[str, str | int]:
        """The problem as plain JSON values, for tools."""
        return {**asdict(self), "file": self.file.as_posix()}


def note_line(note: str) -> str:
    """A note under the problems: something the check could not do because of them."""
    return f"catatan: {spelled_out(note)}"


def count_message(count: int) -> str:
    """The closing line of a failed check."""
    return f"{count} kesalahan ditemukan di konten."


class IkuError(Exception):
    """Base of every error the portal reports to a person instead of a traceback."""


class ContentError(IkuError):
    """The content has problems; all of them are collected before this is raised."""

    def __init__(self, problems: list[Problem], notes: Sequence[str] = ()) -> None:
        self.problems = sorted(problems)
        self.notes = list(notes)
        """What could not be checked because of these problems, said once each."""
        lines = [*(str(problem) for problem in self.problems), *(note_line(note) for note in self.notes)]
        super().__init__("\n".join([*lines, count_message(len(problems))]))


class FormulaError(IkuError):
    """A formula cannot be published: a problem of the formula, reported where it is.

    ``position`` is the index of the offending character in the formula, when known;
    ``found`` and ``hint`` are empty when the caller should show the formula and its own hint.
    """

    def __init__(self, message: str, position: int | None = None, found: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message, self.position, self.found, self.hint = message, position, found, hint

    def at(self, position: int) -> FormulaError:
        """The same error at ``position`` instead."""
        return FormulaError(self.message, position, self.found, self.hint)


class SetupError(IkuError):
    """A tool the build needs is missing or wrong: a problem of the machine, not of the content."""
