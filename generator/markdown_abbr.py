"""A Markdown extension for abbreviations: reachable by keyboard, and found in linear time.

Python-Markdown's abbr extension marks each abbreviation with a ``title``; a mouse
shows it on hover, but a keyboard user can only reach an element that takes focus.
With ``tabindex="0"`` the expansion shows on focus too (Material's tooltip, or the
CSS fallback in ``iku.css`` when JavaScript is off).

The abbr extension also cuts its text once per abbreviation found and looks each
element up among its siblings, so a paragraph of many abbreviations (``IKM IKM …``)
costs time quadratic in their number; :class:`LinearAbbreviations` finds the same
abbreviations in one pass over each text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Where Python-Markdown's abbr extension registers its tree processor.
ABBR_PRIORITY = 7


class LinearAbbreviations(AbbrTreeprocessor):
    """The abbr extension's tree processor, with each element's children rebuilt once."""

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        for element in list(el.iter()):
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


class FocusableAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter("abbr"):
            element.set("tabindex", "0")


class AbbrFocusExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" in md.treeprocessors:
            abbreviations = md.treeprocessors["abbr"]
            assert isinstance(abbreviations, AbbrTreeprocessor)
            md.treeprocessors.register(LinearAbbreviations(md, abbreviations.abbrs), "abbr", ABBR_PRIORITY)
        # Below the abbr extension's own treeprocessor (priority 7), so its <abbr> elements exist.
        md.treeprocessors.register(FocusableAbbreviations(md), "abbr_focus", ABBR_PRIORITY - 1)


def makeExtension(**kwargs: object) -> AbbrFocusExtension:
    return AbbrFocusExtension(**kwargs)
