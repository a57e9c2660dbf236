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

- ``pre``, ``textarea`` and ``code`` keep their whitespace; ``script`` and ``style`` are left
  exactly as written (no JavaScript or CSS rewriting that could break the theme's bundle or its
  JSON configuration);
- closing tags and the ``<html>``/``<head>`` tags are kept, and ``<`` stays escaped in a
  page's title, for readers of the source and tools with a simple parser;
- an ``&`` stays escaped where minify-html would leave one that HTML calls an error (``&#``
  without digits, ``&name;`` that names no character): a browser shows either literally, but
  a validator reports it, and Python's parser as BeautifulSoup drives it takes everything after
  ``&#(`` for text;
- the output depends on the input alone, so two builds of one commit stay byte-identical.
"""

from __future__ import annotations

import re
from html.entities import html5

import minify_html

_BETWEEN_TAGS = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*(?=>)|>[ \t\n\r\f]+(?=<)", re.S | re.I)
"""An element whose text is kept as written (group 1 set; its last ``>`` left for the next match),
or a tag's ``>`` and the whitespace after it up to the next tag."""
_LINE_BREAK = "\ue000"
_SPACE = "\ue001"
"""Stand-ins (private-use characters) for kept whitespace, which minify-html leaves alone as text."""
_ESCAPABLE_TEXT = re.compile(r"(<(title|textarea)\b[^>]*>)(.*?)(</\2>)", re.S | re.I)
"""An element whose text HTML reads without tags, where minify-html writes ``<`` unescaped."""
_MAYBE_REFERENCE = r"&(#(?![0-9]|[xX][0-9a-fA-F])|[A-Za-z0-9]+;)"
"""An ``&`` starting something that may not be a character reference: ``#`` without digits, or a name and ``;``."""
_REFERENCE = re.compile(_MAYBE_REFERENCE)
_REFERENCE_OR_KEPT = re.compile(r"<(script|style)\b.*?</\1\s*>|" + _MAYBE_REFERENCE, re.S | re.I)
"""A script or style (group 1 set: its text is not HTML's), or what ``_MAYBE_REFERENCE`` matches (group 2)."""


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
    if any(_is_error(found[1]) for found in _REFERENCE.finditer(small)):
        small = _REFERENCE_OR_KEPT.sub(_reference, small)
    return small.replace(_LINE_BREAK, "\n").replace(_SPACE, " ")


def _escaped(match: re.Match[str]) -> str:
    """A title's text with ``<`` escaped again: a browser reads it either way, but a simple parser
    (Python's, the link check's) would take a title "<script>…" for a script element."""
    return match[1] + match[3].replace("<", "&lt;") + match[4]


def _reference(match: re.Match[str]) -> str:
    """An ``&`` escaped again where it starts no character reference."""
    written = match[2]
    return match[0] if written is None or not _is_error(written) else "&amp;" + written


def _is_error(written: str) -> bool:
    """Whether what follows an ``&`` makes it an error: ``#`` without digits, or a name of no character
    (``html5`` names them with their ``;``)."""
    return written.startswith("#") or written not in html5


def _mark(match: re.Match[str]) -> str:
    if match[1] is not None:
        return match[0]
    return ">" + (_LINE_BREAK if "\n" in match[0] else _SPACE)
