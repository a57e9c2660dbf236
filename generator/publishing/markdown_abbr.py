"""A Markdown extension for abbreviations: reachable by keyboard, found in linear time,
and never inside Markdown's placeholders.

Python-Markdown's abbr extension marks each abbreviation with a ``title``; a mouse
shows it on hover, but a keyboard user can only reach an element that takes focus.
With ``tabindex="0"`` the expansion shows on focus too (Material's tooltip, or the
CSS fallback in ``iku.css`` when JavaScript is off).

The abbr extension also cuts its text once per abbreviation found and looks each
element up among its siblings, so a paragraph of many abbreviations (``IKM IKM …``)
costs time quadratic in their number; :class:`Abbreviations` finds the same
abbreviations in one pass over each text.

While the tree is processed, Markdown holds raw HTML (formulas, charts, permalinks)
and escaped characters as placeholders, ``STX wzxhzdk:0 ETX`` and ``STX 46 ETX``, in
the text the abbr extension searches. An abbreviation matching inside one (``wzxhzdk``,
``46``) broke it apart: every formula vanished, or ``188.45`` became ``188␂46␃45``.
Here a match inside a placeholder is never an abbreviation.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Where Python-Markdown's abbr extension registers its tree processor.
ABBR_PRIORITY = 7
# Every placeholder Python-Markdown writes into text: STX, what it stands for, ETX.
PLACEHOLDER = re.compile(f"{util.STX}[^{util.STX}{util.ETX}]*{util.ETX}")


class _OutsidePlaceholders:
    """The abbreviations' pattern, finding only matches that lie outside every placeholder."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        # Both are in text order: one walk over each keeps the search linear.
        placeholders = iter(match.span() for match in PLACEHOLDER.finditer(text))
        current = next(placeholders, None)
        for match in self.pattern.finditer(text):
            while current is not None and current[1] <= match.start():
                current = next(placeholders, None)
            if current is None or match.end() <= current[0]:
                yield match


class Abbreviations(AbbrTreeprocessor):
    """The abbr extension's tree processor, searching outside placeholders and rebuilding each element once."""

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        # The abbr extension builds its pattern in run(); only how it is searched changes.
        abbreviations = sorted(self.abbrs, key=len, reverse=True)
        pattern = re.compile(rf"\b(?:{'|'.join(re.escape(abbreviation) for abbreviation in abbreviations)})\b")
        self.RE = _OutsidePlaceholders(pattern)
        self.iter_element(root)
        return None

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        assert isinstance(self.RE, _OutsidePlaceholders), "run() sets the pattern"
        search = self.RE.pattern.search
        # Most texts hold no abbreviation (most pages no word of another spelling): one search over all
        # of them tells, then one per element. A line break between texts keeps each match's \b.
        if search("\n".join(text for element in el.iter() for text in (element.text, element.tail) if text)) is None:
            return
        for element in list(el.iter()):
            if not _may_hold(element.text, search) and not any(_may_hold(child.tail, search) for child in element):
                continue
            children: list[etree.Element] = []
            element.text = self._split(element.text, children)
            for child in list(element):
                children.append(child)
                child.tail = self._split(child.tail, children)
            element[:] = children

    def _split(self, text: str | None, out: list[etree.Element]) -> str | None:
        """The text before the first abbreviation; each abbreviation is appended to ``out`` with the text after it."""
        if not text or isinstance(text, AtomicString) or self.RE is None:
            return text
        head: str | None = text
        previous: etree.Element | None = None
        last = 0
        for match in self.RE.finditer(text):
            title = self.abbrs[match.group(0)]
            if not title:
                continue
            piece = text[last : match.start()]
            if previous is None:
                head = piece
            else:
                previous.tail = piece
            previous = self.create_element(title, match.group(0), "")
            out.append(previous)
            last = match.end()
        if previous is not None:
            previous.tail = text[last:]
        return head


def _may_hold(text: str | None, search: Callable[[str], re.Match[str] | None]) -> bool:
    """Whether the text is searched at all and the pattern matches somewhere in it, placeholders included."""
    return bool(text) and not isinstance(text, AtomicString) and search(text) is not None


class FocusableAbbreviations(Treeprocessor):
    """Every abbreviation takes focus; the first of each expansion that search reads has it indexed.

    Search finds an abbreviation by its expansion too ("indeks kepuasan masyarakat": IKM). Once per
    page is enough for that: a page of twenty "SOP" carried ``data-pagefind-index-attrs="title"``
    twenty times (32 bytes each, on most document pages several hundred bytes). The first is the one
    outside every part search skips (``data-pagefind-ignore``), in the page's order."""

    def run(self, root: etree.Element) -> None:
        # ElementTree knows no parents: the abbreviations inside skipped parts are listed first.
        skipped = {
            id(abbr)
            for part in root.iter()
            if part.get("data-pagefind-ignore") is not None
            for abbr in part.iter("abbr")
        }
        indexed: set[str] = set()
        for element in root.iter("abbr"):
            element.set("tabindex", "0")
            title = element.get("title", "")
            if id(element) not in skipped and title not in indexed:
                indexed.add(title)
                element.set("data-pagefind-index-attrs", "title")


class AbbrFocusExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" in md.treeprocessors:
            # The abbr extension's own treeprocessor, with its abbreviations, at its priority.
            own = md.treeprocessors["abbr"]
            assert isinstance(own, AbbrTreeprocessor), "abbr is Python-Markdown's abbr extension"
            md.treeprocessors.register(Abbreviations(md, own.abbrs), "abbr", ABBR_PRIORITY)
        # Below the abbr extension's own treeprocessor, so its <abbr> elements exist.
        md.treeprocessors.register(FocusableAbbreviations(md), "abbr_focus", ABBR_PRIORITY - 1)


def makeExtension(**kwargs: object) -> AbbrFocusExtension:
    return AbbrFocusExtension(**kwargs)
