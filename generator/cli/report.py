"""Writing a check's problems for people (text), for pull requests (GitHub) and for tools (JSON)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from ..content.errors import Problem, count_message, note_line
from ..content.printable import INVISIBLE_CHARACTERS, spelled_out

FORMATS = ("text", "github", "json")
# What JSON leaves raw inside strings but a log or terminal would act on (C1 controls, bidi
# overrides, line separators); JSON's own whitespace between values is left alone.
_RAW_IN_JSON = re.compile(f"{INVISIBLE_CHARACTERS.pattern}|[\u2028\u2029]")


def as_text(problems: Sequence[Problem], notes: Sequence[str] = ()) -> str:
    """Each problem with its labelled details, what could not be checked, then the count."""
    lines = [*(str(problem) for problem in problems), *(note_line(note) for note in notes)]
    return "\n".join([*lines, count_message(len(problems))]) + "\n"


def as_github(problems: Sequence[Problem], notes: Sequence[str] = ()) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line of the diff."""
    lines = []
    for problem in problems:
        properties = {
            "file": spelled_out(problem.file.as_posix()),
            "line": str(problem.line),
            "col": str(problem.column),
            "title": spelled_out(problem.field) or "konten",
        }
        written = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        body = "\n".join([spelled_out(problem.message), *problem.details()])
        lines.append(f"::error {written}::{_escape_data(body)}")
    lines.extend(f"::notice title=belum diperiksa::{_escape_data(spelled_out(note))}" for note in notes)
    lines.append(count_message(len(problems)))
    return "\n".join(lines) + "\n"


def as_json(problems: Sequence[Problem], notes: Sequence[str] = ()) -> str:
    """One JSON object: whether the content is valid, how many problems, each of them, and what went unchecked."""
    report: dict[str, object] = {
        "valid": not problems,
        "count": len(problems),
        "problems": [p.as_json() for p in problems],
    }
    if notes:
        report["notes"] = list(notes)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    # JSON escapes C0 controls itself; the rest (C1, bidi overrides, line separators) are escaped
    # too, so a log shows nothing active, while a JSON reader still gets each value exactly.
    return _RAW_IN_JSON.sub(lambda char: f"\\u{ord(char[0]):04x}", text) + "\n"


Writer = Callable[[Sequence[Problem], Sequence[str]], str]
WRITERS: dict[str, Writer] = {"text": as_text, "github": as_github, "json": as_json}


def _escape_data(value: str) -> str:
    # The escapes GitHub's runner undoes in a command's message (actions/toolkit, command.ts).
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
