"""What each content file parsed to, kept between runs so an unchanged file is not parsed again.

Parsing YAML with its positions is most of what ``iku check`` costs (PyYAML's pure-Python
parser, about 6 ms per document). A file's parsed data is a function of its bytes and of
the parser alone, so it is kept under the SHA-256 of the bytes, in a folder named by a
digest of the parser's code and PyYAML's version (``.cache/check/<digest>/<sha256>.json``,
in the project, like the formula cache; nothing is read from a shared folder).

The cache can never hide a problem: only a file that parsed without any problem is kept,
and everything after parsing (validation, every check within and across files) runs on
the data again in every run. Positions are not kept: a file read from the cache composes
its node tree again only when a problem in it needs a line and column. An entry that
cannot be read, does not match the checksum on its first line, or is not what a parse
gives, is ignored and written again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from . import errors, printable, yaml_source
from .errors import Problem
from .yaml_source import YamlFile, parse_yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = PROJECT_ROOT / ".cache" / "check"
# Only folders this module made are ever removed from the cache folder.
_DIGEST_FOLDER = re.compile(r"^[0-9a-f]{16}$")


@cache
def parser_digest() -> str:
    """What the parsed data depends on besides the bytes: the parser's code, PyYAML's and Python's versions."""
    digest = hashlib.sha256()
    for module in (yaml_source, errors, printable, sys.modules[__name__]):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(f"{yaml.__version__}\0{sys.version}".encode())
    return digest.hexdigest()[:16]


class ParseCache:
    """Parsed content files by the SHA-256 of their bytes, in ``folder``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.root = folder or CACHE_DIR
        self.folder = self.root / parser_digest()
        self._pruned = False

    def parse(self, raw: bytes, display: Path) -> YamlFile | list[Problem]:
        """Like :func:`~generator.content.yaml_source.parse_yaml`, without parsing a file seen before."""
        entry = self.folder / f"{hashlib.sha256(raw).hexdigest()}.json"
        data = self._read(entry)
        if data is not None:
            # A cached entry was parsed from these very bytes, which therefore decode.
            return YamlFile(display, data, text=raw.decode("utf-8"))
        parsed = parse_yaml(raw, display)
        if not isinstance(parsed, YamlFile):
            return parsed
        if _is_plain(parsed.data):
            self._write(entry, parsed.data)
        # The node tree takes ten times the memory of the data; a file's positions are wanted only
        # for its problems, so every file is held like one read from the cache.
        return YamlFile(display, parsed.data, text=raw.decode("utf-8"))

    @staticmethod
    def _read(entry: Path) -> dict[str, Any] | None:
        try:
            written = entry.read_bytes()
        except OSError:
            return None
        # The first line is the SHA-256 of the rest: an entry cut short or damaged is not read.
        check, _, payload = written.partition(b"\n")
        if check != hashlib.sha256(payload).hexdigest().encode():
            return None
        try:
            # Without NaN and infinities JSON gives back only what _is_plain accepts.
            data = json.loads(payload, parse_constant=_refuse)
        except ValueError:
            return None
        # A parse of a content file that passes is always a mapping; anything else is not ours.
        return data if isinstance(data, dict) else None

    def _write(self, entry: Path, data: dict[str, Any]) -> None:
        try:
            self._prune()
            self.folder.mkdir(parents=True, exist_ok=True)
            # Written beside the entry and renamed into place: a reader never sees half an entry.
            payload = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temporary, entry)
        except OSError:
            # A cache that cannot be written (a read-only checkout) only costs the next run time.
            return

    def _prune(self) -> None:
        """Remove what an earlier parser left, once per run: it can never be read again."""
        if self._pruned:
            return
        self._pruned = True
        if not self.root.is_dir() or self.root.is_symlink():
            return
        for folder in self.root.iterdir():
            if folder != self.folder and _DIGEST_FOLDER.match(folder.name) and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)


def _refuse(constant: str) -> float:
    raise ValueError(constant)


def _is_plain(data: object) -> bool:
    """Whether ``data`` comes back from JSON exactly as it is: text keys, and text, whole or finite
    numbers, booleans, nulls, lists and mappings (a date or a set from an explicit tag does not)."""
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            if not all(type(key) is str for key in value):  # type: ignore[attr-defined]
                return False
            stack.extend(value.values())  # type: ignore[attr-defined]
        elif kind is list:
            stack.extend(value)  # type: ignore[arg-type]
        elif kind is float:
            if value != value or value in (float("inf"), float("-inf")):
                return False
        elif kind not in (str, int, bool, type(None)):
            return False
    return True
