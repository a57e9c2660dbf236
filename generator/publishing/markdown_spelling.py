"""A Markdown extension: a word printed in another spelling is found by search in the standard one.

Documents are copied as printed, so "ketentraman" stays where the source wrote it; the comparison
pages already read it as "ketenteraman" (``SPELLING`` in generator/pages/comparison.py, declared
once). Pagefind's Indonesian stemmer cannot: the two spellings have different stems. Here each such
word is marked with its standard spelling, which Pagefind indexes beside it
(``data-pagefind-index-attrs``); the search page reads the words of a query in their standard
spelling too (theme/assets/javascripts/pencarian.js), so either spelling finds both.

The words are found as the glossary's abbreviations are (one pass per text, never inside
Markdown's placeholders), and the page's text is unchanged.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown import Markdown
from markdown.extensions import Extension
from markdown.util import AtomicString

from ..pages.comparison import SPELLING
from .markdown_abbr import ABBR_PRIORITY, Abbreviations

STANDARD_ATTRIBUTE = "data-ejaan-baku"


def written_forms(spelling: Mapping[str, str]) -> dict[str, str]:
    """Each other spelling as documents write it (lower case, capitalised, upper case), with its standard one."""
    forms: dict[str, str] = {}
    for word, standard in spelling.items():
        forms[word] = standard
        forms[word.capitalize()] = standard.capitalize()
        forms[word.upper()] = standard.upper()
    return forms


class OtherSpellings(Abbreviations):
    """Marks each word of another spelling with its standard spelling, for the search index."""

    def create_element(self, title: str, text: str, tail: str) -> etree.Element:
        span = etree.Element("span", {"data-pagefind-index-attrs": STANDARD_ATTRIBUTE, STANDARD_ATTRIBUTE: title})
        span.text = AtomicString(text)
        span.tail = tail
        return span


class SpellingExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the abbreviations: a word of an abbreviation's expansion is in its title, not its text.
        md.treeprocessors.register(OtherSpellings(md, written_forms(SPELLING)), "iku_spelling", ABBR_PRIORITY - 2)


def makeExtension(**kwargs: object) -> SpellingExtension:
    return SpellingExtension(**kwargs)
