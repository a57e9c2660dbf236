"""What a built page must never carry, whatever produced it.

Python-Markdown stands in for raw HTML and escaped characters with placeholders
(``STX wzxhzdk:0 ETX``, ``STX 46 ETX``) while it works and puts the originals back at
the end. One left on a page means something broke it apart and the page lost what it
stood for (a formula, a chart, a permalink, a character); the build fails instead of
publishing it.
"""

from __future__ import annotations

import re

from markdown import util

from ..content.printable import spelled_out

_DELIMITERS = re.compile(f"[{util.STX}{util.ETX}]")
LEFTOVER = re.compile(f"{_DELIMITERS.pattern}|(?:wzxhzdk|klzzwxh):\\d")
# What every match holds. Looking for these strings first is about ten times faster than the
# pattern's search on a page that holds none of them (most pages): 0.9 CPU s of a cold build at N = 1,000.
_MARKS = (util.STX, util.ETX, "wzxhzdk", "klzzwxh")


def markdown_leftover(html: str) -> str | None:
    """The first leftover placeholder in ``html`` with a little context, control characters shown; else ``None``."""
    if not any(mark in html for mark in _MARKS):
        return None
    found = LEFTOVER.search(html)
    if found is None:
        return None
    context = html[max(0, found.start() - 30) : found.end() + 30]
    return spelled_out(context, _DELIMITERS)
