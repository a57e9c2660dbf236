"""HTML a template writes whole (a formula, a chart), set aside before Markdown reads the page.

A raw HTML block is read twice per page before it is published as written: Python-Markdown's
``md_in_html`` parses it to find where it ends and whether it holds Markdown, and MkDocs parses
the whole page's HTML again for the ids links may point to. A rendered formula (KaTeX's HTML and
MathML) or a bar chart is a few kilobytes of tags with nothing in it for either: on a document
page, two thirds of the raw HTML. A template marks such a block with the ``html_block`` filter
(``{% filter html_block %}…{% endfilter %}``, on lines of its own, with a blank line before and
after); the preprocessor below, ahead of both parsers, stores it in Markdown's stash of raw HTML
and leaves the stash's placeholder, which Python-Markdown's last step replaces with the block as
written, as it does for every raw HTML block. The page comes out the same, byte for byte.

What MkDocs no longer sees in a marked block are its ids: mark only blocks no link points into.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

OPEN = "\ue002"
CLOSE = "\ue003"
# A marked block fills whole lines: a mark some text carried in the middle of a line is no block.
_BLOCK = re.compile(f"^{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}$", re.MULTILINE)
# What follows a raw HTML block's end when Python-Markdown keeps a blank line after it.
_BLANK_LINES = re.compile(r"([ ]*\n){2}")
# After normalize_whitespace (30), before markdown_formulas' blocks (27), MkDocs' scan of the raw
# HTML (21) and html_block (20).
PRIORITY = 29


def html_block(html: str) -> Markup:
    """``html``, already escaped as the template wrote it, marked as one block Markdown leaves as it is.

    A block that holds a mark itself (a content text may hold any character) is left unmarked,
    for Markdown to read as before.
    """
    if OPEN in html or CLOSE in html:
        return Markup(html)
    return Markup(OPEN + str(html) + CLOSE)


class StashHtmlBlocks(Preprocessor):
    """Each marked block, stored as raw HTML before any parser reads it."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        return _BLOCK.sub(self._stashed, text).split("\n")

    def _stashed(self, block: re.Match[str]) -> str:
        # As Python-Markdown stores a raw HTML block: with a line break when a blank line follows,
        # and a paragraph of its own.
        html = block.group(1)
        if _BLANK_LINES.match(block.string, block.end()):
            html += "\n"
        return f"\n{self.md.htmlStash.store(html)}\n\n"


class HtmlBlockExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(StashHtmlBlocks(md), "iku_html_blocks", PRIORITY)


def makeExtension(**kwargs: object) -> HtmlBlockExtension:
    return HtmlBlockExtension(**kwargs)
