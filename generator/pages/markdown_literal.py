"""Content text inside generated Markdown: inert, and read in time proportional to its length.

Backslash-escaping every Markdown character of a text makes it inert, but Python-Markdown
turns each escape into one inline match and rebuilds the whole paragraph's string for
each: a 300 KB text of ``.`` took minutes to build. Here a text is written once, between
two private-use marks, with every character Markdown could read as syntax written as a
numeric character reference (so no block-level rule sees it either). One inline
processor, ahead of all others, takes the whole marked text in one match and hands it
on as the same pieces Python-Markdown's own escapes produce: escaped characters for
later tree processors (``attr_list`` never sees a ``{``), and ``&<>`` as stashed HTML.
"""

from __future__ import annotations

import re

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from .markdown_html import CLOSE as HTML_CLOSE
from .markdown_html import OPEN as HTML_OPEN

OPEN = "\ue000"
CLOSE = "\ue001"
# Python-Markdown's escapable characters, `|` of the tables extension, HTML's `&<>`
# and the marks themselves, so a text can never close its own mark early (nor carry
# markdown_html's marks of a block of HTML).
_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|&<>" + OPEN + CLOSE + HTML_OPEN + HTML_CLOSE + "]")
_REFERENCE = re.compile(r"&#(\d+);")
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Above every inline pattern of Python-Markdown (backtick is 190, escape 180).
PRIORITY = 200


def literal(text: str) -> str:
    """``text`` as marked, inert Markdown; the extension below reads it back unchanged."""
    return OPEN + _SPECIAL.sub(lambda char: f"&#{ord(char[0])};", text) + CLOSE


class LiteralTextProcessor(InlineProcessor):
    """Reads one marked text back in one match: linear in its length."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(f"{OPEN}([^{CLOSE}]*){CLOSE}", md)

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        return _REFERENCE.sub(self._piece, m.group(1)), m.start(0), m.end(0)

    def _piece(self, reference: re.Match[str]) -> str:
        char = chr(int(reference.group(1)))
        if char in _HTML_ESCAPES:
            # As Python-Markdown's entity pattern stores `&amp;`: the table of contents, which
            # the theme inserts as HTML, and the page both get the escaped character.
            return self.md.htmlStash.store(_HTML_ESCAPES[char])
        return f"{util.STX}{ord(char)}{util.ETX}"


class LiteralTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(LiteralTextProcessor(md), "iku_literal", PRIORITY)


def makeExtension(**kwargs: object) -> LiteralTextExtension:
    return LiteralTextExtension(**kwargs)
