"""Every page as it is published: the same document in fewer bytes.

A page's HTML carries the indentation of the templates that wrote it, comments and quotes
that no browser needs: about a sixth of a document page, a quarter of a region page.
minify-html (a maintained Rust library) drops them. It would also drop the whitespace
between two tags inside a layout element (``<tr><th>Provinsi</th> <th>Kabupaten</th>``,
``<dt>…</dt> <dd>…</dd>``, two links in a ``<div>``): a browser shows those cells apart,
but Pagefind, reading the text, then indexes "ProvinsiKabupaten" as one word, and two
links in a ``<div>`` would touch. So every run of whitespace between two tags is kept as
one character (a line break where there was one, else a space): the page keeps every text
node it had, and what a reader sees, a screen reader reads and the search indexes stay as
they were. Further:

- ``pre``, ``textarea``, ``code``, ``script`` and ``style`` are left exactly as written
  (no JavaScript or CSS rewriting that could break the theme's bundle or its JSON
  configuration);
- closing tags and the ``<html>``/``<head>`` tags are kept, and ``<`` stays escaped in a
  page's title, for readers of the source and tools with a simple parser;
- the output depends on the input alone, so two builds of one commit stay byte-identical.
"""

from __future__ import annotations

import re

import minify_html

_BETWEEN_TAGS = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*(?=>)|>[ \t\n\r\f]+(?=<)", re.S | re.I)
"""An element whose text is kept as written (group 1 set; its last ``>`` left for the next match),
or a tag's ``>`` and the whitespace after it up to the next tag."""
_LINE_BREAK = "\ue000"
_SPACE = "\ue001"
"""Stand-ins (private-use characters) for kept whitespace, which minify-html leaves alone as text."""
_ESCAPABLE_TEXT = re.compile(r"(<(title|textarea)\b[^>]*>)(.*?)(</\2>)", re.S | re.I)
"""An element whose text HTML reads without tags, where minify-html writes ``<`` unescaped."""


def minified(html: str) -> str:
    """``html`` without the indentation, comments and quotes a browser does not need."""
    if _LINE_BREAK in html or _SPACE in html:
        # A page that already holds a stand-in (a content text could) is published as written.
        return html
    marked = _BETWEEN_TAGS.sub(_mark, html)
    small = minify_html.minify(
        marked,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        minify_css=False,
        minify_js=False,
    )
    small = _ESCAPABLE_TEXT.sub(_escaped, small)
    return small.replace(_LINE_BREAK, "\n").replace(_SPACE, " ")


def _escaped(match: re.Match[str]) -> str:
    """A title's text with ``<`` escaped again: a browser reads it either way, but a simple parser
    (Python's, the link check's) would take a title "<script>…" for a script element."""
    return match[1] + match[3].replace("<", "&lt;") + match[4]


def _mark(match: re.Match[str]) -> str:
    if match[1] is not None:
        return match[0]
    return ">" + (_LINE_BREAK if "\n" in match[0] else _SPACE)
