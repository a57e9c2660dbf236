"""Numbered and lettered lists, one item a line, flattened into one line, or as an HTML list."""

from __future__ import annotations

import re
from typing import Any

from .lines import squeeze, without_tags

_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\.\s")
_LETTER = re.compile(r"(?:(?<=\s)|^)([a-z])\.\s")
# An item whose number was lost in extraction: the full stop is left after the previous
# item's comma (",. Mengkoordinasikan …").
_LOST_NUMBER = re.compile(r"(?<=,\.)\s+(?=[A-Z])")
_LI = re.compile(r"<li\b[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)
LINE_ITEM = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,2}\.|[a-zA-Z]\.|[a-z]\))\s+(.*)$")


def items_of(text: str) -> tuple[list[dict[str, Any]], bool]:
    """The list items in one cell of text as the model's ``ListItem`` data, and whether any was guessed.

    Labels are taken in sequence (1., 2., 3. …), so a number inside an item ("No. 16") is
    not read as a new item.
    """
    html = _LI.findall(text)
    if html:
        return [{"teks": squeeze(without_tags(item))} for item in html if squeeze(without_tags(item))], False
    flat = squeeze(without_tags(text))
    labelled = _in_sequence(flat, _NUMBER, lambda n: str(n + 1)) or _in_sequence(flat, _LETTER, lambda n: chr(97 + n))
    if not labelled:
        return [{"teks": flat}], False
    items: list[dict[str, Any]] = []
    guessed = False
    ends_with_comma = sum(body.endswith(",") for _, body in labelled) > len(labelled) / 2
    for label, body in labelled:
        parts = _LOST_NUMBER.split(body)
        if ends_with_comma:
            parts = [piece for part in parts for piece in _split_after_comma(part)]
        main, rincian = _nested(parts[0])
        item: dict[str, Any] = {"label": label, "teks": main} if label else {"teks": main}
        if rincian:
            item["rincian"] = rincian
        items.append(item)
        items.extend({"teks": part} for part in parts[1:])
        guessed = guessed or len(parts) > 1
    return items, guessed


def _in_sequence(text: str, pattern: re.Pattern[str], label_at: Any) -> list[tuple[str, str]]:
    """``(label, text)`` for labels found in order from the first; [] if the first is not there."""
    starts: list[tuple[int, int, str]] = []
    position = 0
    while True:
        wanted = label_at(len(starts))
        match = next((m for m in pattern.finditer(text, position) if m[1] == wanted), None)
        if match is None:
            break
        starts.append((match.start(), match.end(), f"{wanted}."))
        position = match.end()
    if not starts:
        return []
    found = [("", text[: starts[0][0]].strip())] if text[: starts[0][0]].strip() else []
    for index, (_, end, label) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        found.append((label, text[end:stop].strip()))
    return found


def _nested(text: str) -> tuple[str, list[dict[str, Any]]]:
    """An item's own text and the lettered sub-items after a colon ("antara lain: a. … b. …")."""
    head, colon, rest = text.partition(":")
    if not colon or not rest.strip().startswith("a. "):
        return text, []
    sub = _in_sequence(rest.strip(), _LETTER, lambda n: chr(97 + n))
    if len(sub) < 2:
        return text, []
    return f"{head}:", [{"label": label, "teks": body} for label, body in sub]


def _split_after_comma(text: str) -> list[str]:
    """Where items end with a comma, a comma before a capitalised word starts an unnumbered item."""
    parts = re.split(r"(?<=,)\s+(?=[A-Z][a-z])", text)
    return [part.strip() for part in parts if part.strip()]


def line_item(text: str) -> tuple[str, str] | None:
    """``("a.", "text")`` for a line that is one list item ("- a. …", "1. …"), else None."""
    match = LINE_ITEM.match(text)
    return (match[1], match[2].strip()) if match else None
