"""Writing a check's problems for people (text), for pull requests (GitHub) and for tools (JSON)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .errors import Problem, count_message

FORMATS = ("text", "github", "json")


def as_text(problems: Sequence[Problem]) -> str:
    """Each problem with its labelled details, then the count."""
    return "\n".join([*(str(problem) for problem in problems), count_message(len(problems))]) + "\n"


def as_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line of the diff."""
    lines = []
    for problem in problems:
        properties = {
            "file": problem.file.as_posix(),
            "line": str(problem.line),
            "col": str(problem.column),
            "title": problem.field or "konten",
        }
        written = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        body = "\n".join([problem.message, *problem.details()])
        lines.append(f"::error {written}::{_escape_data(body)}")
    lines.append(count_message(len(problems)))
    return "\n".join(lines) + "\n"


def as_json(problems: Sequence[Problem]) -> str:
    """One JSON object: whether the content is valid, how many problems, and each of them."""
    report = {"valid": not problems, "count": len(problems), "problems": [p.as_json() for p in problems]}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[str, Callable[[Sequence[Problem]], str]] = {"text": as_text, "github": as_github, "json": as_json}


def _escape_data(value: str) -> str:
    # The escapes GitHub's runner undoes in a command's message (actions/toolkit, command.ts).
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
