"""A Markdown extension: texts no inline pattern can match are not handed to the inline patterns.

Python-Markdown tries every inline pattern (links, emphasis, code, HTML, entities, …), one
regular-expression search each, on every text of the page, however plain. About half of a
generated page's texts (table cells of numbers and years, labels, whitespace between blocks)
hold no character any of those patterns starts with; for them the fifteen searches, and the
rebuilding of the element around their result, change nothing. Each pattern's search must
match its first character (or ``"  \\n"``, the line break's), so a text without any of them
is left as it is, marked for the inline step as an :class:`markdown.util.AtomicString`.

The mark is taken off again right after the inline step: later tree processors (the
abbreviations, other spellings) skip atomic texts, and must see these as before. Which
characters matter is declared per pattern below; if a pattern is registered that this module
does not know (another extension's), every text is handed to the inline step as before.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString, Registry

from ..pages.markdown_literal import OPEN

# Where Python-Markdown registers its inline step; the mark goes on before it and off after it.
INLINE_PRIORITY = 20

# Each inline pattern Python-Markdown 3.11 (and this project) registers, with what any of its
# matches starts with: a pattern's search cannot match a text that holds none of these.
LITERAL = "iku_literal"
TRIGGERS: dict[str, str] = {
    LITERAL: OPEN,  # generator.pages.markdown_literal: a marked content text
    "backtick": "`\\",  # code, or an escaped run of backslashes before one
    "escape": "\\",
    "reference": "[",
    "link": "[",
    "image_link": "!",
    "image_reference": "!",
    "short_reference": "[",
    "short_image_ref": "!",
    "autolink": "<",
    "automail": "<",
    "html": "<",
    "entity": "&",
    "em_strong": "*_",
    "em_strong2": "_",
    "not_strong": "*_",
    "strong": "*",
    "emphasis": "*",
    "emphasis2": "_",
    "strong2": "_",
}
# The line break is two spaces before a newline: the only pattern that starts with a space.
LINE_BREAK = "linebreak"
LINE_BREAK_START = "  \n"


class _Plain(AtomicString):
    """A text marked here, told apart from texts other steps made atomic on purpose."""


def trigger_pattern(registry: Registry[Any]) -> re.Pattern[str] | None:
    """What a text must hold for any of the registered inline patterns to match it; None if one is unknown."""
    names = [name for name in (*TRIGGERS, LINE_BREAK) if name in registry]
    if len(names) != len(registry):
        return None
    characters = {char for name in names if name != LINE_BREAK for char in TRIGGERS[name]}
    alternatives = [re.escape(LINE_BREAK_START)] if LINE_BREAK in names else []
    if characters:
        alternatives.append("[" + "".join(re.escape(char) for char in sorted(characters)) + "]")
    return re.compile("|".join(alternatives)) if alternatives else None


class MarkPlainTexts(Treeprocessor):
    """Marks every text and blank tail no inline pattern can match, so the inline step passes it by.

    A content text (``generator.pages.markdown_literal``) is read back by one inline pattern, ahead of
    all others, into a string no other pattern sees; where nothing else in an element's text could
    match, the text is read back here, as that pattern reads it, and passed by too.
    """

    def run(self, root: etree.Element) -> None:
        pattern = trigger_pattern(self.md.inlinePatterns)
        if pattern is None:
            return
        search = pattern.search
        # A Registry has no get().
        literal = self.md.inlinePatterns[LITERAL] if LITERAL in self.md.inlinePatterns else None  # noqa: SIM401
        for element in root.iter():
            text = element.text
            if text and type(text) is str:
                if literal is not None and OPEN in text:
                    text = _read_back(literal, text, search)
                if search(text) is None:
                    element.text = _Plain(text)
            tail = element.tail
            # The inline step rebuilds every tail, dropping this class; a blank tail holds nothing
            # a later step could look for, so it may stay atomic.
            if tail and type(tail) is str and tail.isspace() and search(tail) is None:
                element.tail = AtomicString(tail)


def _read_back(literal: InlineProcessor, text: str, search: Callable[[str], object]) -> str:
    """``text`` with its content texts read back, if nothing else in it is for an inline pattern."""
    pieces = literal.compiled_re
    if search(pieces.sub("", text)) is not None:
        return text
    return pieces.sub(lambda piece: literal.handleMatch(piece, text)[0], text)


class UnmarkPlainTexts(Treeprocessor):
    """Takes the mark off again, so later steps treat these texts as they always did."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            text = element.text
            if type(text) is _Plain:
                element.text = str(text)


class PlainTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(MarkPlainTexts(md), "iku_plain_texts", INLINE_PRIORITY + 1)
        md.treeprocessors.register(UnmarkPlainTexts(md), "iku_plain_texts_unmarked", INLINE_PRIORITY - 1)


def makeExtension(**kwargs: object) -> PlainTextExtension:
    return PlainTextExtension(**kwargs)
