"""A Markdown extension that makes every ``<abbr>`` reachable by keyboard.

Python-Markdown's abbr extension marks each abbreviation with a ``title``; a mouse
shows it on hover, but a keyboard user can only reach an element that takes focus.
With ``tabindex="0"`` the expansion shows on focus too (Material's tooltip, or the
CSS fallback in ``iku.css`` when JavaScript is off).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class FocusableAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter("abbr"):
            element.set("tabindex", "0")


class AbbrFocusExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Below the abbr extension's own treeprocessor (priority 7), so its <abbr> elements exist.
        md.treeprocessors.register(FocusableAbbreviations(md), "abbr_focus", 6)


def makeExtension(**kwargs: object) -> AbbrFocusExtension:
    return AbbrFocusExtension(**kwargs)
