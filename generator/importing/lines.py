"""The input text as numbered lines, cleaned of the markup text extraction leaves behind."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Converters wrap headings in Markdown bold and keep some HTML list tags; neither is content.
_BOLD = re.compile(r"\*\*")
_TAG = re.compile(r"</?(?:ol|ul|li|p|br|span|div)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the input: its 1-based number and its text without markup."""

    number: int
    text: str

    @property
    def cells(self) -> list[str]:
        """The line's tab-separated cells, each stripped."""
        return [cell.strip() for cell in self.text.split("\t")]

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def read_lines(text: str) -> list[Line]:
    """Every line of ``text``, numbered from 1, without bold marks; trailing spaces removed."""
    return [Line(number, _BOLD.sub("", raw).rstrip()) for number, raw in enumerate(text.splitlines(), 1)]


def without_tags(text: str) -> str:
    """``text`` with HTML list tags turned into spaces (the items are found by their labels)."""
    return _TAG.sub(" ", text)


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines, as text extracted one cell per paragraph gives them."""
    found: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                found.append(current)
            current = []
        else:
            current.append(line)
    if current:
        found.append(current)
    return found


def joined(lines: list[Line]) -> str:
    """The lines' text as one line, single-spaced."""
    return squeeze(" ".join(line.text for line in lines))


def squeeze(text: str) -> str:
    return " ".join(text.split())
