"""Reading one YAML file safely while keeping where every value was written.

PyYAML's safe loader gives plain data; its node tree gives line and column. Both are
kept so that validation errors can point at the exact line an editor wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# A content file is a page of text; anything this large is a mistake or an attack.
MAX_FILE_BYTES = 1_000_000


class ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's reading of plain words.

    YAML 1.1 turns ``No``, ``on`` or ``y`` into booleans and ``2021-13-10`` into a
    crash while building a date. Editors mean text and dates; here only ``true`` and
    ``false`` are booleans, and dates stay text for the model to check and explain.
    """


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ContentLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|false)$"), list("tf"))


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file: its data and the node tree that remembers positions."""

    path: Path
    data: Any
    root: yaml.Node

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at ``loc``, or of its nearest parent."""
        node = self.root
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def locate_key(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Like :meth:`locate`, but for a mapping key: the position of the key itself."""
        parent = self.root
        for part in loc[:-1]:
            child = _child(parent, part)
            if child is None:
                return parent.start_mark.line + 1, parent.start_mark.column + 1
            parent = child
        if isinstance(parent, yaml.MappingNode):
            for key, _ in parent.value:
                if key.value == loc[-1]:
                    return key.start_mark.line + 1, key.start_mark.column + 1
        return self.locate(loc)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def read_yaml(path: Path, display: Path) -> YamlFile | Problem:
    """Parse ``path``; on failure return a :class:`Problem` naming ``display`` instead of raising."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Problem(display, 1, 1, "", f"berkas tidak dapat dibaca: {error.strerror}")
    if len(raw) > MAX_FILE_BYTES:
        return Problem(display, 1, 1, "", f"berkas terlalu besar ({len(raw)} byte; batas {MAX_FILE_BYTES})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(display, 1, 1, "", f"berkas bukan teks UTF-8 (byte ke-{error.start + 1})")
    loader = ContentLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Problem(display, 1, 1, "", "berkas kosong")
        duplicate = _first_duplicate_key(root)
        if duplicate is not None:
            line, column, key = duplicate
            return Problem(display, line, column, key, "kunci ini ditulis dua kali; hapus salah satunya")
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(display, line, column, "", f"YAML tidak valid: {error.problem or error.context}{_hint(error)}")
    except yaml.YAMLError as error:
        return Problem(display, 1, 1, "", f"YAML tidak valid: {error}")
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return Problem(display, 1, 1, "", "isi berkas harus berupa pemetaan (kunci: nilai)")
    return YamlFile(display, data, root)


def _hint(error: yaml.MarkedYAMLError) -> str:
    # PyYAML names a tab as the two characters backslash and t.
    if "'\\t'" in str(error.problem):
        return "; gunakan spasi untuk indentasi, bukan tab"
    return ""


def _first_duplicate_key(node: yaml.Node) -> tuple[int, int, str] | None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key.start_mark.line + 1, key.start_mark.column + 1, key.value
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None
