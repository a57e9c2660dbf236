"""What each content file parsed to and what it showed the checks, kept so an unchanged file costs nothing.

Parsing YAML with its positions is most of what ``iku check`` costs (PyYAML's pure-Python
parser, about 6 ms per document), then validating and rendering formulas. Both depend on
the file's bytes and on the code alone, so what they gave is kept under the SHA-256 of
the bytes, in a folder named by a digest of everything else they depend on: every file
of ``generator/`` (model, checks, templates whose anchors indicators may not take, the
KaTeX worker), the pinned KaTeX's version, and the versions of Python and the libraries
that read and validate (``.cache/check/<digest>/``, in the project like the formula
cache; nothing is read from a shared folder). Two entries per file:

- ``<sha256>.data.json``: the parsed data of a file that parsed without a problem. The
  build validates it again; positions are not kept, a file read from the cache composes
  its node tree again only when a problem in it needs a line and column.
- ``<sha256>.facts.json``: for a document that also passed every check of its own
  (validation, placeholders, its indicators and formulas), its
  :class:`~generator.content.facts.DocumentFacts`. ``iku check`` then neither parses nor
  validates it; every check across files (catalogues, other documents, sources) still
  runs on every document in every run.

So the cache can never hide a problem: nothing is kept of a file with one, and what is
kept is what the same code gave for the same bytes. An entry that cannot be read, does not
match the checksum on its first line, or is not what the code writes is ignored and
written again.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import Problem
from .facts import DocumentFacts
from .yaml_source import YamlFile, parse_yaml

GENERATOR = Path(__file__).resolve().parents[1]
PROJECT_ROOT = GENERATOR.parent
CACHE_DIR = PROJECT_ROOT / ".cache" / "check"
KATEX_PACKAGE_FILE = PROJECT_ROOT / "node_modules" / "katex" / "package.json"
LIBRARIES = ("PyYAML", "pydantic", "pydantic_core", "Markdown", "Jinja2")
# Only folders this module made are ever removed from the cache folder.
_DIGEST_FOLDER = re.compile(r"^[0-9a-f]{16}$")


@cache
def code_digest() -> str:
    """What parsing and the checks of one file depend on besides its bytes."""
    digest = hashlib.sha256()
    for path in sorted(GENERATOR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(GENERATOR).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    try:
        digest.update(KATEX_PACKAGE_FILE.read_bytes())
    except OSError:
        digest.update(b"no katex")
    for library in LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}\0".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


class CheckCache:
    """Parsed data and document facts of content files by the SHA-256 of their bytes, in ``folder``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.root = folder or CACHE_DIR
        self.folder = self.root / code_digest()
        self._pruned = False

    def parse(self, raw: bytes, display: Path) -> YamlFile | list[Problem]:
        """Like :func:`~generator.content.yaml_source.parse_yaml`, without parsing a file seen before."""
        entry = self._entry(raw, "data")
        data = self._read(entry)
        if isinstance(data, dict):
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

    def facts(self, raw: bytes) -> DocumentFacts | None:
        """The facts of the document with these bytes, if it passed every check of its own before."""
        return DocumentFacts.from_json(self._read(self._entry(raw, "facts")))

    def keep_facts(self, raw: bytes, facts: DocumentFacts, *, replace: bool = True) -> None:
        """Keep ``facts`` of a document with these bytes that has no problem of its own.

        Without ``replace``, an entry already there is left as it is: a build, which never reads
        facts, need not write a thousand files again on every run. One that cannot be read is
        written again by the next ``iku check``, which reads it (and only then keeps facts).
        """
        entry = self._entry(raw, "facts")
        if not replace and entry.is_file():
            return
        self._write(entry, facts.to_json())

    def _entry(self, raw: bytes, kind: str) -> Path:
        return self.folder / f"{hashlib.sha256(raw).hexdigest()}.{kind}.json"

    @staticmethod
    def _read(entry: Path) -> object:
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
            return json.loads(payload, parse_constant=_refuse)
        except ValueError:
            return None

    def _write(self, entry: Path, data: dict[str, Any]) -> None:
        try:
            self._prune()
            self.folder.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
            # Half an entry (a run stopped while writing, two runs writing at once) fails its checksum.
            entry.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        except OSError:
            # A cache that cannot be written (a read-only checkout) only costs the next run time.
            return

    def _prune(self) -> None:
        """Remove what earlier code left, once per run: it can never be read again."""
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
