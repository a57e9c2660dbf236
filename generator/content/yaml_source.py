"""Reading one YAML file safely while keeping where every value was written.

PyYAML's safe loader gives plain data; its node tree gives line and column. Both are
kept so that validation errors can point at the exact line an editor wrote.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .printable import spelled_out

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# A content file is a page of text; anything this large is a mistake or an attack.
MAX_FILE_BYTES = 1_000_000
# The model nests about ten levels deep; PyYAML composes recursively and would crash
# with a RecursionError on a few hundred nested `[`.
MAX_DEPTH = 32
# Enough of a line to recognise it in an error message, which stays readable.
SHOWN_LINE = 100


class ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's reading of plain words.

    YAML 1.1 turns ``No``, ``on`` or ``y`` into booleans and ``2021-13-10`` into a
    crash while building a date. Editors mean text and dates; here only ``true`` and
    ``false`` are booleans, and dates stay text for the model to check and explain.
    """

    _depth = 0
    """How many nodes deep the composer is; bounded by ``MAX_DEPTH``."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        # An alias repeats a node without copying it; a few nested ones ("billion laughs")
        # make any walk over the document exponential. Content never needs them.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"found alias *{event.anchor}", event.start_mark)
        depth = self._depth
        if depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, f"found nesting deeper than {MAX_DEPTH}", mark)
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ContentLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|false)$"), list("tf"))


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML over libyaml (C, ten times faster), with :class:`ContentLoader`'s reading of words.

    It only ever reads a file the pure-Python parser would read alike: what is unusual
    (an alias, deep nesting, a tab, a line break other than LF or CR, a key that is not
    text, any error) is left to :class:`ContentLoader`, which has the last word and says
    what is wrong.
    """

    yaml_implicit_resolvers = ContentLoader.yaml_implicit_resolvers


# Where libyaml and PyYAML's own parser are known to disagree: libyaml takes a tab after `key:`.
_LEFT_TO_PYYAML = re.compile("[\t\x85\u2028\u2029]")
_OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file: its data and the node tree that remembers positions.

    A file whose data comes from the parse cache has no tree until a position is asked
    for; it is composed then from ``text``, which parsed without a problem before.
    """

    path: Path
    data: Any
    root: yaml.Node | None = field(default=None, repr=False, compare=False)
    text: str | None = field(default=None, repr=False, compare=False)

    @property
    def tree(self) -> yaml.Node:
        """The node tree: ``root``, or composed from ``text`` the first time it is needed."""
        if self.root is None:
            # Frozen for its readers; composing once is an implementation detail.
            object.__setattr__(self, "root", _compose(self.text or ""))
        assert self.root is not None
        return self.root

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at ``loc``, or of its nearest parent."""
        node = self._node(loc)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def locate_within(self, loc: Sequence[str | int], index: int) -> tuple[int, int]:
        """The 1-based (line, column) in the file of character ``index`` of the text value at ``loc``.

        Quotes, escapes, indentation and line folding make the file differ from the value, so
        each character of the value is matched to the next equal character written; where that
        fails, the value's own position is the answer.
        """
        node = self._node(loc)
        start, end = node.start_mark, node.end_mark
        if not isinstance(node, yaml.ScalarNode) or not isinstance(start.buffer, str) or index >= len(node.value):
            return self.locate(loc)
        written = start.buffer[start.index : end.index]
        offset = 1 if node.style in ("'", '"') else 0
        for position, char in enumerate(node.value[: index + 1]):
            found = written.find(char, offset)
            if found < 0:
                return self.locate(loc)
            offset = found + (position < index)
        at = start.index + offset
        line_start = start.buffer.rfind("\n", 0, at) + 1
        return start.buffer.count("\n", 0, at) + 1, at - line_start + 1

    def problem_within(
        self, loc: Sequence[str | int], index: int, message: str, expected: str = "", found: str = "", hint: str = ""
    ) -> Problem:
        """A :class:`Problem` at character ``index`` of the text value at ``loc``."""
        line, column = self.locate_within(loc, index)
        return Problem(self.path, line, column, field_path(tuple(loc)), message, expected, found, hint)

    def written(self, loc: Sequence[str | int]) -> str | None:
        """The text of the scalar at exactly ``loc`` as written in the file (``35.10``, not 35.1), if there is one."""
        node: yaml.Node | None = self.tree
        for part in loc:
            node = _child(node, part) if node is not None else None
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def _node(self, loc: Sequence[str | int]) -> yaml.Node:
        node = self.tree
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node

    def problem(
        self, loc: Sequence[str | int], message: str, expected: str = "", found: str = "", hint: str = ""
    ) -> Problem:
        """A :class:`Problem` with the value at ``loc``: its line, column and field path."""
        line, column = self.locate(loc)
        return Problem(self.path, line, column, field_path(tuple(loc)), message, expected, found, hint)

    def locate_key(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Like :meth:`locate`, but for a mapping key: the position of the key itself."""
        parent = self.tree
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


def _compose(text: str) -> yaml.Node:
    loader = ContentLoader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            # Constructing reshapes some nodes (merge keys); the tree is then the one _parse gave.
            loader.construct_document(root)
    except yaml.YAMLError:
        root = None
    finally:
        loader.dispose()
    # Only text that parsed before comes here; should it not, positions fall back to the top of the file.
    top = yaml.Mark("", 0, 0, 0, None, None)
    return root if root is not None else yaml.MappingNode("tag:yaml.org,2002:map", [], top, top)


def field_path(loc: tuple[str | int, ...]) -> str:
    """Write a location as an editor sees it in YAML: ``tabel_indikator[0].baris[1].nama``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def read_yaml(path: Path, display: Path) -> YamlFile | list[Problem]:
    """Parse ``path``; on failure return its problems, naming ``display``, instead of raising."""
    raw = read_bytes(path, display)
    return raw if isinstance(raw, list) else parse_yaml(raw, display)


def read_bytes(path: Path, display: Path) -> bytes | list[Problem]:
    """The bytes of ``path``, or the problem reading it, naming ``display``."""
    try:
        return path.read_bytes()
    except OSError as error:
        return [Problem(display, 1, 1, "", f"berkas tidak dapat dibaca: {error.strerror}")]


def parse_yaml(raw: bytes, display: Path) -> YamlFile | list[Problem]:
    """Parse a file's bytes (as read, or an earlier version from git); problems name ``display``."""
    if len(raw) > MAX_FILE_BYTES:
        size = f"{len(raw)} byte"
        hint = "satu dokumen IKU jauh lebih kecil; periksa apakah ini berkas yang benar"
        return [Problem(display, 1, 1, "", "berkas terlalu besar", f"paling besar {MAX_FILE_BYTES} byte", size, hint)]
    text = _decode(display, raw)
    if isinstance(text, Problem):
        return [text]
    invisible = _unprintable(display, text)
    if invisible:
        return invisible
    data = _fast_data(text)
    if data is not None:
        # Positions are composed by ContentLoader if a problem needs them.
        return YamlFile(display, data, text=text)
    parsed = _parse(display, text)
    if isinstance(parsed, Problem):
        return _syntax_problems(display, text, parsed)
    if parsed.root is None:
        return [Problem(display, 1, 1, "", "berkas kosong", "pemetaan (baris-baris `kunci: nilai`)")]
    if parsed.keys:
        return parsed.keys
    data, root = parsed.data, parsed.root
    if not isinstance(data, dict):
        expected = "pemetaan (baris-baris `kunci: nilai`)"
        return [
            Problem(
                display,
                1,
                1,
                "",
                "isi berkas harus berupa pemetaan",
                expected,
                "daftar" if isinstance(data, list) else "teks",
            )
        ]
    return YamlFile(display, data, root)


def _fast_data(text: str) -> dict[str, Any] | None:
    """The mapping ``text`` holds, read by libyaml; ``None`` when :func:`_parse` has to decide."""
    if _FastLoader is ContentLoader.__base__ or _LEFT_TO_PYYAML.search(text):
        return None
    try:
        # Events first: they come without recursion, so an alias or deep nesting is seen before composing.
        depth = 0
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent):
                return None
            if isinstance(event, _OPENING):
                depth += 1
                if depth >= MAX_DEPTH - 1:
                    return None
            elif isinstance(event, _CLOSING):
                depth -= 1
        loader = _FastLoader(text)
        try:
            root = loader.get_single_node()
            if root is None or next(_key_problems(Path(), root), None) is not None:
                return None
            data = loader.construct_document(root)
        finally:
            loader.dispose()
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class _Parsed:
    """What PyYAML read from a text without a syntax error; ``data`` is built only when every key is text."""

    root: yaml.Node | None
    keys: list[Problem]
    data: Any = None


def _parse(display: Path, text: str) -> _Parsed | Problem:
    """The node tree, the key problems and the data of ``text``, or its first syntax problem."""
    loader = ContentLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return _Parsed(None, [])
        # Keys that are not text make PyYAML's own construction fail in English, so they come first.
        keys = list(_key_problems(display, root))
        return _Parsed(root, keys, None if keys else loader.construct_document(root))
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(display, text, error)
    except yaml.YAMLError as error:
        return Problem(display, 1, 1, "", "YAML tidak valid", found=str(error))
    finally:
        loader.dispose()


# Each further syntax error costs one more parse of (the rest of) the file; an editor fixes
# the first few and runs the check again, a hostile file gets no more than this.
MAX_SYNTAX_PROBLEMS = 10
_TOP_LEVEL_KEY = re.compile(r"""^[\w"'][^\n]*?:(?:\s|$)""")


def _syntax_problems(display: Path, text: str, first: Problem) -> list[Problem]:
    """``first`` and every further syntax problem of ``text``, and its keys written twice.

    PyYAML stops at the first error. The entry holding it (the list item it is written in,
    or else its top-level key, with every line indented beneath) is blanked, keeping line
    numbers, and the rest is parsed again. Removing a whole entry leaves YAML that is valid
    wherever the editor's was, so what is found next is another mistake, not an echo of
    this one. Top-level entries before the last error parsed already and are skipped.
    """
    lines = text.split("\n")
    problems = [first]
    broken: list[tuple[int, int]] = []
    problem: Problem | _Parsed = first
    while isinstance(problem, Problem) and len(problems) <= MAX_SYNTAX_PROBLEMS:
        start, end = _entry_around(lines, problem.line - 1)
        if broken and start < broken[-1][1]:
            break
        broken.append((start, end))
        resume = _top_level_start(lines, start)
        problem = _parse(display, _blanked(lines, [(0, resume), *broken]))
        if isinstance(problem, Problem):
            problems.append(problem)
    if len(problems) > MAX_SYNTAX_PROBLEMS:
        problems.pop()
    elif not isinstance(problem, Problem):
        recovered = _parse(display, _blanked(lines, broken))
        if isinstance(recovered, _Parsed):
            problems.extend(recovered.keys)
    return problems


def _blanked(lines: list[str], ranges: list[tuple[int, int]]) -> str:
    kept = list(lines)
    for start, end in ranges:
        kept[start:end] = [""] * (end - start)
    return "\n".join(kept)


def _indent(line: str) -> int | None:
    """The indentation of a line with content; ``None`` for a blank line or a comment."""
    stripped = line.lstrip(" ")
    return None if not stripped or stripped.startswith("#") else len(line) - len(stripped)


def _is_item(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped == "-" or stripped.startswith("- ")


def _entry_around(lines: list[str], index: int) -> tuple[int, int]:
    """The 0-based [start, end) lines of the list item or top-level entry holding line ``index``."""
    index = min(max(index, 0), len(lines) - 1)
    while index > 0 and _indent(lines[index]) is None:
        index -= 1
    written = _indent(lines[index]) or 0
    start = index
    if not _is_item(lines[index]):
        while start > 0 and not _holds(lines[start], written):
            start -= 1
    own = _indent(lines[start]) or 0
    item = _is_item(lines[start])
    end = start + 1
    while end < len(lines):
        indent = _indent(lines[end])
        if indent is not None and (indent < own or (indent == own and _sibling(lines[end], item))):
            break
        end += 1
    return start, end


def _holds(line: str, indent: int) -> bool:
    """Whether ``line`` starts an entry holding a line indented by ``indent``: a list item or a top-level key."""
    own = _indent(line)
    return (own == 0 and _TOP_LEVEL_KEY.match(line) is not None) or (
        own is not None and own < indent and _is_item(line)
    )


def _sibling(line: str, item: bool) -> bool:
    """Whether ``line``, as indented as the entry, ends it: the next item, or the next key of a key."""
    # Under a top-level key the list may start at column 0 (`tugas:` then `- …`): still its own.
    return _is_item(line) if item else (_TOP_LEVEL_KEY.match(line) is not None or line.startswith("---"))


def _top_level_start(lines: list[str], index: int) -> int:
    """The first line of the top-level entry holding line ``index``."""
    while index > 0 and not (_indent(lines[index]) == 0 and _TOP_LEVEL_KEY.match(lines[index])):
        index -= 1
    return index


# Byte-order marks of encodings other than UTF-8, longest first (UTF-32's starts like UTF-16's).
_OTHER_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)"


def _decode(display: Path, raw: bytes) -> str | Problem:
    """The file's text, or the problem with its encoding, at the first line that shows it."""
    if raw.startswith(codecs.BOM_UTF8):
        # Byte-identical files across editors and platforms: one encoding, without a marker.
        hint = "simpan ulang sebagai UTF-8 tanpa BOM (di Notepad: UTF-8, bukan UTF-8 with BOM)"
        return Problem(display, 1, 1, "", "berkas diawali tanda BOM", "UTF-8 tanpa BOM", "BOM (EF BB BF)", hint)
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            found = f"{name} (diawali {bom.hex(' ').upper()})"
            return Problem(display, 1, 1, "", f"berkas disimpan sebagai {name}", "teks UTF-8", found, _SAVE_AS_UTF8)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw[: error.start].count(b"\n") + 1
        column = len(raw[start : error.start].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        # Windows-1252 (or Latin-1) is what Windows editors save; show the letter the editor typed.
        guess = bytes([byte]).decode("cp1252", "replace")
        found = f"byte {byte:02X}" + (f" (`{guess}` dalam Windows-1252)" if guess.isprintable() else "")
        return Problem(display, line, column, "", "berkas bukan teks UTF-8", "teks UTF-8", found, _SAVE_AS_UTF8)
    if "\x00" in text:
        # UTF-16 or UTF-32 without a marker: every ASCII character comes with zero bytes.
        line = text[: text.index("\x00")].count("\n") + 1
        found = "byte nol (00) di antara huruf, ciri UTF-16 atau UTF-32"
        return Problem(display, line, 1, "", "berkas bukan teks UTF-8", "teks UTF-8", found, _SAVE_AS_UTF8)
    return text


# What YAML refuses, and what it accepts but no reader sees: zero-width spaces and joiners,
# soft hyphens, direction marks, invisible operators and stray byte-order marks. Pasted from
# a PDF they hide inside a word (`I<U+200B>KM` is not found by search nor given its
# abbreviation) or inside a formula, where KaTeX prints them as they are.
_UNSEEN = re.compile(f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


def _unprintable(display: Path, text: str) -> list[Problem]:
    """Every line holding a character YAML refuses (a form feed from a PDF, a control character)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _UNSEEN.search(line)
        if found is not None and found.group() != "\r":
            shown = spelled_out(line.strip(), _UNSEEN)
            problems.append(
                Problem(
                    display,
                    number,
                    found.start() + 1,
                    "",
                    "teks memuat karakter tak terlihat",
                    "teks yang tampil seperti yang tertulis",
                    f"`{shown[:SHOWN_LINE]}`",
                    "hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata",
                )
            )
    return problems


@dataclass(frozen=True)
class _Syntax:
    """How to explain one kind of PyYAML syntax error to an editor."""

    context: str
    problem: str
    at_opening: bool
    message: str
    hint: str


# PyYAML's context and problem texts, matched by their start; the first match explains the error.
_SYNTAX = (
    _Syntax("", "found character '\\t'", False, "ada karakter tab", "gunakan spasi untuk indentasi, bukan tab"),
    _Syntax(
        "while scanning a quoted scalar",
        "",
        True,
        "tanda kutip dibuka di sini tetapi tidak ditutup",
        'tutup teks dengan tanda kutip yang sama di akhir teks, mis. "Kecamatan Senduro"',
    ),
    _Syntax(
        "while parsing a flow sequence",
        "",
        True,
        "daftar yang dibuka dengan `[` di sini tidak ditutup",
        "tutup daftar dengan `]`; butir yang memuat koma atau titik dua ditulis dalam tanda kutip",
    ),
    _Syntax(
        "",
        "found alias",
        False,
        "alias (`*nama`) tidak dipakai di konten",
        "tulis nilainya langsung di setiap tempat; anchor (`&`) dan alias (`*`) tidak diperlukan",
    ),
    _Syntax(
        "",
        "found nesting deeper",
        False,
        f"isi bersarang lebih dari {MAX_DEPTH} tingkat",
        "konten IKU hanya bersarang beberapa tingkat; periksa `[` atau `{` yang tidak ditutup",
    ),
    _Syntax(
        "",
        "could not determine a constructor for the tag",
        False,
        "tag YAML (`!…`) tidak dipakai di konten",
        "hapus tag yang diawali `!` dan tulis nilainya saja",
    ),
    _Syntax(
        "while scanning a double-quoted scalar",
        "found unknown escape character",
        False,
        "garis miring terbalik `\\` di dalam tanda kutip ganda",
        "tulis rumus LaTeX dan teks lain yang memuat `\\` dalam tanda kutip tunggal, "
        "mis. latex: '\\frac{A}{B} \\times 100\\%'",
    ),
    _Syntax(
        "",
        "mapping values are not allowed here",
        False,
        "ada titik dua yang tidak dapat dibaca sebagai `kunci: nilai`",
        'bila teksnya memuat ": ", tulis seluruh teks dalam tanda kutip, mis. nama: "Rasio: jumlah"; '
        "bila tidak, samakan indentasi baris ini dengan kunci lain di tingkatnya",
    ),
    _Syntax(
        "while parsing a block",
        "expected <block end>",
        False,
        "indentasi baris ini tidak sejajar dengan baris sebelumnya",
        "kunci pada tingkat yang sama diawali jumlah spasi yang sama; butir daftar diawali `- `",
    ),
)


def _syntax_problem(display: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    context, problem = str(error.context or ""), str(error.problem or "")
    opened = _unclosed_quote(text, _position(error.problem_mark)[0])
    if opened is not None:
        # A quote left open swallows the lines after it; PyYAML then complains further down.
        line, column = opened
        message = "YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup"
        return Problem(display, line, column, "", message, found=_written(text, line), hint=_closing_hint(text, line))
    for syntax in _SYNTAX:
        if context.startswith(syntax.context) and problem.startswith(syntax.problem):
            mark = error.context_mark if syntax.at_opening else error.problem_mark
            line, column = _position(mark or error.problem_mark)
            message = f"YAML tidak valid: {syntax.message}"
            hint = _closing_hint(text, line, syntax.hint) if syntax.at_opening else syntax.hint
            return Problem(display, line, column, "", message, found=_written(text, line), hint=hint)
    line, column = _position(error.problem_mark or error.context_mark)
    return Problem(display, line, column, "", "YAML tidak valid", found="; ".join(p for p in (context, problem) if p))


# A value that opens a quote: `kunci: "…`, `- "…` or `[…, "…`.
_OPENING_QUOTE = re.compile(r"""(?:^\s*(?:- )?[\w.-]+:\s+|^\s*-\s+)(["'])""")


def _unclosed_quote(text: str, problem_line: int) -> tuple[int, int] | None:
    """The (line, column) of a quote opened and never closed on its own line, at or above ``problem_line``."""
    lines = text.splitlines()
    for number in range(min(problem_line, len(lines)), max(problem_line - 20, 0), -1):
        line = lines[number - 1].rstrip()
        match = _OPENING_QUOTE.match(line)
        if match and (len(line) == match.end() or not line.endswith(match[1])):
            return number, match.start(1) + 1
    return None


_LATEX_KEY = re.compile(r"^\s*(?:- )?latex:")


def _closing_hint(
    text: str, line: int, otherwise: str = 'tutup teks dengan tanda kutip yang sama, mis. nama: "ABDUL BASAR"'
) -> str:
    # In double quotes YAML turns `\f` and `\t` into other characters: a formula never goes there.
    lines = text.splitlines()
    if 0 < line <= len(lines) and _LATEX_KEY.match(lines[line - 1]):
        return (
            "tutup rumus dengan tanda kutip tunggal di akhir, mis. latex: '\\frac{A}{B} \\times 100\\%', "
            "atau tulis `latex: |` lalu rumusnya di baris berikutnya, menjorok dua spasi"
        )
    return otherwise


def _written(text: str, line: int) -> str:
    """Line ``line`` as the editor wrote it, without its indentation; a tab shows as → so it can be seen."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    written = lines[line - 1].strip(" ").rstrip().replace("\t", "→")
    if len(written) > SHOWN_LINE:
        written = written[:SHOWN_LINE] + "…"
    return f"`{written}`"


def _position(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


_STRING_TAG = "tag:yaml.org,2002:str"


def _key_problems(display: Path, root: yaml.Node) -> Iterator[Problem]:
    """Keys that are not text, and keys written twice (PyYAML would silently keep only the last value)."""
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                line, column = key.start_mark.line + 1, key.start_mark.column + 1
                if not isinstance(key, yaml.ScalarNode) or key.tag != _STRING_TAG:
                    yield _not_text_key(display, key, loc)
                elif key.value in first:
                    yield Problem(
                        display,
                        line,
                        column,
                        field_path((*loc, key.value)),
                        "kunci ditulis dua kali",
                        "setiap kunci sekali saja dalam satu bagian",
                        f"`{key.value}` di baris {first[key.value]} dan {line}",
                        "nilai yang pertama akan hilang tanpa pemberitahuan; gabungkan keduanya atau hapus salah satu",
                    )
                else:
                    first[key.value] = line
                stack.append((value, (*loc, key.value if isinstance(key, yaml.ScalarNode) else "?")))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in enumerate(node.value))


def _not_text_key(display: Path, key: yaml.Node, loc: tuple[str | int, ...]) -> Problem:
    if isinstance(key, yaml.ScalarNode):
        kinds = {"int": "angka", "float": "angka", "bool": "benar/salah", "null": "kosong"}
        kind = kinds.get(key.tag.rsplit(":", 1)[-1])
        found = f"`{key.value or '(kosong)'}`" + (f", dibaca YAML sebagai {kind}" if kind else "")
    else:
        found = "daftar" if isinstance(key, yaml.SequenceNode) else "pemetaan"
    return Problem(
        display,
        key.start_mark.line + 1,
        key.start_mark.column + 1,
        field_path(loc),
        "kunci harus berupa nama kolom",
        "nama kolom dari huruf, mis. `tempat:`",
        found,
        "tulis nama kolom yang dimaksud; `?` di awal baris, angka, `true`, `false` dan `null` bukan nama kolom",
    )
