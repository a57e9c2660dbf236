"""Characters that must never reach a reader or a log as they are, and their visible spelling."""

from __future__ import annotations

import re

# Characters that change how text displays without being seen: control characters
# (STX/ETX are also Python-Markdown's placeholder delimiters) and the bidirectional
# overrides and isolates that make a value read differently from its bytes.
INVISIBLE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# On one line of a report or a table cell, a line break or tab is as disruptive: a file
# name with a newline could start a line that a CI log reads as a command (`::error …`).
LINE_BREAKING_CHARACTERS = re.compile(f"{INVISIBLE_CHARACTERS.pattern}|[\t\n\r\u2028\u2029\x85]")


def spelled_out(text: str, characters: re.Pattern[str] = LINE_BREAKING_CHARACTERS) -> str:
    """``text`` with each of ``characters`` written as ``<U+XXXX>``: every byte accounted for, none active."""
    return characters.sub(lambda char: f"<U+{ord(char[0]):04X}>", text)
