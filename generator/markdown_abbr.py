"""Abbreviations that are reachable by keyboard and never touch Markdown's placeholders.

Python-Markdown's abbr extension marks each abbreviation with a ``title``; a mouse
shows it on hover, but a keyboard user can only reach an element that takes focus.
With ``tabindex="0"`` the expansion shows on focus too (Material's tooltip, or the
CSS fallback in ``iku.css`` when JavaScript is off).

While the tree is processed, Markdown holds raw HTML (formulas, charts, permalinks)
and escaped characters as placeholders, ``STX wzxhzdk:0 ETX`` and ``STX 46 ETX``, in
the text the abbr extension searches. An abbreviation matching inside one (``wzxhzdk``,
``46``) broke it apart: every formula vanished, or ``188.45`` became ``188␂46␃45``.
Here a match inside a placeholder is never an abbreviation.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor

# Every placeholder Python-Markdown writes into text: STX, what it stands for, ETX.
PLACEHOLDER = re.compile(f"{util.STX}[^{util.STX}{util.ETX}]*{util.ETX}")


class _OutsidePlaceholders:
    """The abbreviations' pattern, finding only matches that lie outside every placeholder."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        placeholders = [match.span() for match in PLACEHOLDER.finditer(text)]
        for match in self.pattern.finditer(text):
            if not any(start < match.end() and match.start() < end for start, end in placeholders):
                yield match


class PlaceholderSafeAbbreviations(AbbrTreeprocessor):
    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        # The abbr extension builds its pattern in run(); only how it is searched changes.
        abbreviations = sorted(self.abbrs, key=len, reverse=True)
        pattern = re.compile(rf"\b(?:{'|'.join(re.escape(abbreviation) for abbreviation in abbreviations)})\b")
        self.RE = _OutsidePlaceholders(pattern)
        self.iter_element(root)
        return None


class FocusableAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter("abbr"):
            element.set("tabindex", "0")


class AbbrFocusExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" in md.treeprocessors:
            # The abbr extension's own treeprocessor, with its abbreviations, at its priority.
            own = md.treeprocessors["abbr"]
            assert isinstance(own, AbbrTreeprocessor), "abbr is Python-Markdown's abbr extension"
            md.treeprocessors.register(PlaceholderSafeAbbreviations(md, own.abbrs), "abbr", 7)
        # Below the abbr extension's own treeprocessor (priority 7), so its <abbr> elements exist.
        md.treeprocessors.register(FocusableAbbreviations(md), "abbr_focus", 6)


def makeExtension(**kwargs: object) -> AbbrFocusExtension:
    return AbbrFocusExtension(**kwargs)
