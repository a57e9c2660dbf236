"""A Markdown extension: an indicator's heading without the toc extension's "#" link.

Python-Markdown's toc extension ends every heading with a link to its own anchor (``#``,
titled "Tautan permanen ke bagian ini"). Under an indicator's heading (class
``iku-indikator``) the page already prints the indicator's permanent link in full
(templates/partials/permalink.md.j2) with a button copying it: the second link to the same
anchor was about a hundred bytes per indicator, on every document page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Where Python-Markdown's toc extension registers its tree processor; this one runs after it.
TOC_PRIORITY = 5
INDICATOR_CLASS = "iku-indikator"
HEADER_LINK_CLASS = "headerlink"


class IndicatorHeadings(Treeprocessor):
    """Removes the toc extension's link from each indicator's heading."""

    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            if INDICATOR_CLASS not in heading.get("class", "").split():
                continue
            for link in list(heading):
                if link.tag == "a" and HEADER_LINK_CLASS in link.get("class", "").split():
                    heading.remove(link)


class IndicatorPermalinkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(IndicatorHeadings(md), "iku_indicator_headings", TOC_PRIORITY - 1)


def makeExtension(**kwargs: object) -> IndicatorPermalinkExtension:
    return IndicatorPermalinkExtension(**kwargs)
