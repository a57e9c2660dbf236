"""LaTeX formulas to HTML + MathML, rendered once at build time by KaTeX.

This module is the only place that knows how formulas are rendered: with the KaTeX
pinned in ``package.json`` (``node_modules/katex``), in one long-lived ``node``
process (``katex_worker.js``) that reads batches of formulas on its stdin and answers
each batch in one line on its stdout. A run hands over all its formulas at once
(:func:`render_formulas`); each is then rendered once, kept in memory for the rest of
the run and in the project cache (:mod:`.formula_cache`) for the next runs. Nothing
is read from a shared folder: the command, the KaTeX code and the cache
(``.cache/formulas/`` in the project folder, keyed by KaTeX's version, the worker,
the options and the formula) all belong to the project, so whoever can write ``/tmp``
on a shared runner cannot change what a formula renders to.

A formula is bounded before and after KaTeX: it may not define macros (the one way
a short formula expands into a huge one), and what KaTeX returns must stay small,
inside ``max-size`` and free of invisible characters, like every other text field.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

from markupsafe import Markup
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexMacroNode

from .errors import FormulaError, SetupError
from .formula_cache import FormulaCache
from .printable import INVISIBLE_CHARACTERS, spelled_out

PROJECT_ROOT = Path(__file__).resolve().parents[2]
KATEX_PACKAGE = PROJECT_ROOT / "node_modules" / "katex"
WORKER = Path(__file__).resolve().parent / "katex_worker.js"
CACHE_DIR = PROJECT_ROOT / ".cache" / "formulas"

# trust stays off (KaTeX's default): \href, \url, \includegraphics and \html* never
# become links or attributes. The limits keep a hostile formula from hanging a build.
# These are exactly the options the `katex` command line used to get, so pages render
# as they did: display mode, errors thrown, no strict mode, no macros given.
MAX_SIZE_EM = 20
KATEX_OPTIONS: dict[str, str | int | bool] = {
    "displayMode": True,
    "output": "htmlAndMathml",
    "throwOnError": True,
    "strict": False,
    "trust": False,
    "maxExpand": 200,
    "maxSize": MAX_SIZE_EM,
}
MAX_FORMULA_HTML = 50_000
"""Bytes of HTML one formula may render to; the documents' largest renders to about 3,400."""
MAX_FORMULA_LENGTH_EM = MAX_SIZE_EM + 5
"""How far, in em, anything in a formula may be sized, raised or moved: KaTeX caps what
``max-size`` covers, plus the height of what is raised; ``\\raisebox`` it does not cap."""
RENDER_TIMEOUT_SECONDS = 10.0
"""A formula of the documents renders in about a millisecond; one that takes this long is hostile."""


def katex_version() -> str:
    """The version of the KaTeX package the site renders with and serves assets from."""
    try:
        return str(json.loads((KATEX_PACKAGE / "package.json").read_text("utf-8"))["version"])
    except OSError as error:
        raise SetupError(_not_installed()) from error


def katex_dist() -> Path:
    """The folder holding ``katex.min.css`` and ``fonts/`` of the pinned KaTeX."""
    katex_version()
    return KATEX_PACKAGE / "dist"


def render_formula(latex: str, *, display: bool = True) -> Markup:
    """Render ``latex`` (in display mode unless ``display`` is false); raise :class:`FormulaError`
    saying what is wrong and where.

    The error's ``position`` is an index into ``latex`` as written, when KaTeX names one.
    A formula :func:`render_formulas` rendered earlier in the run is not rendered again.
    """
    comment = BARE_PERCENT.search(latex)
    if comment is not None:
        raise FormulaError(
            "tanda `%` tanpa `\\` memulai komentar TeX: sisa rumus setelahnya hilang",
            position=comment.start(1),
            hint="tulis `\\%` untuk tanda persen, mis. `\\times 100\\%`",
        )
    # KaTeX output is one line; a newline in the source would reach the MathML
    # annotation and split the HTML block Markdown has to keep whole.
    key = (_single_spaced(latex), display)
    result = _remembered[key] if key in _remembered else _render_all([key])[key]
    if isinstance(result, Markup):
        return result
    if result.position is None:
        raise result
    positions = _written_positions(latex)
    raise result.at(positions[min(result.position, len(positions) - 1)])


def render_formulas(latexes: Iterable[str], *, display: bool = True) -> None:
    """Render every formula of ``latexes`` not yet rendered in this run, in batches.

    Call it once with all the formulas a run needs: each later :func:`render_formula`
    of one of them is a dictionary look-up, and errors are raised there, where the
    caller knows which file and field the formula comes from.
    """
    _render_all([(_single_spaced(latex), display) for latex in latexes if BARE_PERCENT.search(latex) is None])


def _single_spaced(latex: str) -> str:
    """``latex`` with each run of whitespace made one space, as KaTeX is given it."""
    return " ".join(WORD.findall(latex))


def _written_positions(latex: str) -> list[int]:
    """Where each character of ``_single_spaced(latex)`` was in ``latex`` (needed for errors only)."""
    positions: list[int] = []
    for word in WORD.finditer(latex):
        if positions:
            positions.append(word.start() - 1)
        positions.extend(range(word.start(), word.end()))
    return positions or [0]


WORD = re.compile(r"\S+")


# A `%` not escaped by an odd number of backslashes: TeX drops everything after it.
BARE_PERCENT = re.compile(r"(?:^|[^\\])(?:\\\\)*(%)")


_Key = tuple[str, bool]
"""A formula as KaTeX reads it (single-spaced) and whether it is rendered in display mode."""

# The same formula recurs across kecamatan ("Nilai IKM") and each run asks for every
# formula twice (the check, then the page). Everything a run asked for is kept, so no
# order of asking can make it miss (an LRU cache smaller than the run missed every
# time once the run outgrew it); past MAX_REMEMBERED it is emptied before a new batch
# (a long `mkdocs serve` session), never in the middle of one.
_remembered: dict[_Key, Markup | FormulaError] = {}
MAX_REMEMBERED = 50_000
"""Renderings kept in memory: about 7 KB each, so at most some 350 MB, past any run's needs."""
BATCH_FORMULAS = 500
"""Formulas sent to KaTeX in one message: large enough that a round trip costs nothing per formula."""
BATCH_CHARACTERS = 100_000
"""Characters of LaTeX in one message, so that one batch of long formulas stays a small message."""


def forget_renderings() -> None:
    """Forget what this process rendered and read (the project cache stays): for tests and benchmarks."""
    _remembered.clear()
    _keep_readings()
    formula_reading.cache_clear()
    _stored_readings.cache_clear()


def _render_all(keys: list[_Key]) -> dict[_Key, Markup | FormulaError]:
    """Each of ``keys`` rendered and checked: from memory, the project cache, or KaTeX in batches."""
    results = {key: _remembered[key] for key in keys if key in _remembered}
    wanted = [key for key in dict.fromkeys(keys) if key not in results]
    if not wanted:
        return results
    if len(_remembered) + len(wanted) > MAX_REMEMBERED:
        _remembered.clear()
    salt = [katex_version(), _worker_digest()]
    digests = {key: _cache_key(salt, key) for key in wanted}
    with FormulaCache(CACHE_DIR) as cache:
        stored = cache.get_many(list(digests.values()))
        missing = [key for key in wanted if digests[key] not in stored]
        rendered: dict[str, str] = {}
        for batch in _batches(missing):
            for key, answer in _worker_render(batch).items():
                results[key] = answer if isinstance(answer, FormulaError) else _checked(answer)
                if isinstance(results[key], Markup):
                    rendered[digests[key]] = str(answer)
        cache.put_many(rendered)
    for key in wanted:
        if key not in results:
            results[key] = _checked(stored[digests[key]])
        # A formula stopped for taking too long may render next time (the machine was busy).
        if not isinstance(results[key], _TooSlow):
            _remembered[key] = results[key]
    return results


def _batches(keys: list[_Key]) -> Iterator[list[_Key]]:
    batch: list[_Key] = []
    characters = 0
    for key in keys:
        if batch and (len(batch) == BATCH_FORMULAS or characters + len(key[0]) > BATCH_CHARACTERS):
            yield batch
            batch, characters = [], 0
        batch.append(key)
        characters += len(key[0])
    if batch:
        yield batch


class _TooSlow(FormulaError):
    """KaTeX did not answer in time: refused in this run, not remembered."""

    def __init__(self) -> None:
        super().__init__(
            "rumus terlalu lama dirender",
            found=f"lebih dari {RENDER_TIMEOUT_SECONDS:g} detik",
            hint="sederhanakan rumusnya",
        )


def _worker_render(batch: list[_Key]) -> dict[_Key, str | FormulaError]:
    """KaTeX's HTML (stripped) or error for each formula of ``batch``, in one round trip."""
    try:
        answers = _worker().render([{"latex": source, "displayMode": display} for source, display in batch])
    except TimeoutError:
        if len(batch) > 1:
            # One formula held up the batch: one by one, only that one is refused.
            return {key: answer for one in batch for key, answer in _worker_render([one]).items()}
        return {batch[0]: _TooSlow()}
    return {key: _answer(answer) for key, answer in zip(batch, answers, strict=True)}


def _answer(answer: dict[str, object]) -> str | FormulaError:
    if "error" in answer:
        position = answer.get("position")
        return FormulaError(_katex_message(str(answer["error"])), position if isinstance(position, int) else None)
    return str(answer["html"]).strip()


def _checked(html: str) -> Markup | FormulaError:
    try:
        _check_output(html)
    except FormulaError as error:
        return error
    return Markup(" ".join(html.splitlines()))


def _check_output(html: str) -> None:
    """What KaTeX returned is small, inside ``max-size`` and shows only what is written."""
    if len(html.encode("utf-8")) > MAX_FORMULA_HTML:
        raise FormulaError(
            "rumus terlalu besar setelah dirender",
            found=f"{len(html.encode('utf-8'))} byte HTML (paling banyak {MAX_FORMULA_HTML})",
            hint="rumus IKU biasanya satu pecahan; tulis penjelasan panjang di `definisi`",
        )
    invisible = INVISIBLE_CHARACTERS.search(html)
    if invisible is not None:
        raise FormulaError(
            "rumus menghasilkan karakter tak terlihat",
            found=spelled_out(invisible[0]),
            hint="tulis karakternya sendiri, bukan kodenya (`\\char`); karakter kendali dan pembalik arah ditolak",
        )
    lengths = [abs(float(length)) for length in OUTPUT_LENGTH.findall(SVG_TAG.sub("", html))]
    if max(lengths, default=0) > MAX_FORMULA_LENGTH_EM:
        raise FormulaError(
            "rumus memuat ukuran atau geseran terlalu besar",
            found=f"{max(lengths):g}em (paling besar {MAX_FORMULA_LENGTH_EM}em)",
            hint="periksa angka di `\\raisebox`, `\\rule`, `\\kern` atau `\\hspace`; rumus tak perlu sebesar itu",
        )


# A length KaTeX writes in a style (HTML) or a MathML attribute. Its SVGs (roots,
# braces, arrows) are 400em wide and clipped by their box: fixed by KaTeX, not by the formula.
OUTPUT_LENGTH = re.compile(r'[:"]\s*(-?\d+(?:\.\d+)?)em[;"]')
SVG_TAG = re.compile(r"<svg\b[^>]*>")


def _cache_key(salt: list[str], key: _Key) -> str:
    """The rendering's address in the project cache: KaTeX's version and the worker (``salt``),
    the options and the formula."""
    source, display = key
    options = {**KATEX_OPTIONS, "displayMode": display}
    text = json.dumps([*salt, options, source], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _worker_digest() -> str:
    return hashlib.sha256(WORKER.read_bytes()).hexdigest()


class _Worker:
    """One ``node`` process running ``katex_worker.js``: a batch of formulas in, their renderings out."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise SetupError("Node.js (`node`) tidak ditemukan; jalankan scripts/setup.sh")
        katex_version()
        command = [node, str(WORKER), str(KATEX_PACKAGE), json.dumps(KATEX_OPTIONS)]
        # NODE_OPTIONS (`--require script.js`) or NODE_PATH in the environment would run code of
        # anyone's choosing inside the renderer, whose output every page carries.
        env = {key: value for key, value in os.environ.items() if not key.startswith("NODE_")}
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def render(self, formulas: list[dict[str, str | bool]]) -> list[dict[str, object]]:
        """KaTeX's answer for each of ``formulas``; ``TimeoutError`` when they take too long."""
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None, "the worker is started with pipes"
        try:
            stdin.write(json.dumps({"formulas": formulas}).encode("utf-8") + b"\n")
            stdin.flush()
        except BrokenPipeError:
            raise self._stopped() from None
        answer = json.loads(self._read_line(stdout.fileno(), time.monotonic() + RENDER_TIMEOUT_SECONDS))
        assert isinstance(answer, dict), "katex_worker.js answers with an object"
        results = answer["results"]
        assert isinstance(results, list) and len(results) == len(formulas), "one result per formula"
        return results

    def _read_line(self, fd: int, deadline: float) -> bytes:
        # Read from the descriptor itself: a large answer arrives in pieces, and a buffered
        # readline would wait for the rest past the deadline.
        chunks: list[bytes] = []
        while not chunks or not chunks[-1].endswith(b"\n"):
            ready, _, _ = select.select([fd], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                self.close()
                raise TimeoutError
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise self._stopped()
            chunks.append(chunk)
        return b"".join(chunks)

    def _stopped(self) -> SetupError:
        self.close()
        return SetupError(f"proses KaTeX ({WORKER.name}) berhenti tanpa jawaban; periksa pemasangan Node.js dan KaTeX")

    def close(self) -> None:
        _worker.cache_clear()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def end_worker() -> None:
    """End the KaTeX process if one runs: a build's formulas are all rendered once its pages are generated,
    and it would hold its memory (some 60 MB) to the end. A formula rendered later starts another."""
    if _worker.cache_info().currsize:
        _worker().close()


@functools.cache
def _worker() -> _Worker:
    worker = _Worker()
    atexit.register(worker.close)
    return worker


def _katex_message(raw: str) -> str:
    detail = raw.strip().splitlines()[0] if raw.strip() else raw
    # KaTeX underlines the offending characters with combining low lines; they only blur a terminal.
    return f"KaTeX tidak dapat merender rumus: {detail.replace(chr(0x332), '')}"


def _not_installed() -> str:
    return f"KaTeX belum terpasang di {KATEX_PACKAGE}; jalankan `npm ci` di folder proyek."


def _fraction(node: LatexMacroNode, l2tobj: LatexNodes2Text) -> str:
    # pylatexenc passes the converter only to a parameter named exactly `l2tobj`.
    parts = [" ".join(l2tobj.nodelist_to_text([arg]).split()) for arg in node.nodeargd.argnlist if arg is not None]
    # A single word needs no brackets; anything longer does, or the reading is ambiguous.
    return " / ".join(part if " " not in part or _bracketed(part) else f"({part})" for part in parts[-2:])


def _bracketed(text: str) -> bool:
    """Whether the whole of ``text`` is one bracketed group, like ``(a + b)`` but not ``(a) + (b)``."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(text) - 1:
            return False
    return True


@functools.cache
def _reading_converter() -> LatexNodes2Text:
    # Made once: building its context of macros cost as much as reading a short formula.
    context = get_default_latex_context_db()
    macros = [MacroTextSpec(name, simplify_repl=_fraction) for name in ("frac", "dfrac", "tfrac")]
    context.add_context_category("iku-fractions", prepend=True, macros=macros)
    return LatexNodes2Text(latex_context=context, math_mode="text")


@functools.cache
def formula_reading(latex: str) -> str:
    """The formula as plain text (``(A + B) / C × 100%``) for downloads, phones and screen readers.

    Readings are kept in the project cache (pylatexenc costs almost a millisecond a formula), under
    the SHA-256 of pylatexenc's version, this module and the formula."""
    stored = _stored_readings()
    key = hashlib.sha256(f"{_reading_salt()}\0{latex}".encode()).hexdigest()
    if key in stored:
        return stored[key]
    try:
        text = " ".join(_reading_converter().latex_to_text(latex).split())
    except Exception:  # pylatexenc raises many types; the LaTeX itself is the honest fallback
        text = " ".join(latex.split())
    stored[key] = _new_readings[key] = text
    if len(_new_readings) >= READINGS_PER_WRITE:
        _keep_readings()
    return text


_new_readings: dict[str, str] = {}
READINGS_PER_WRITE = 500


@functools.cache
def _stored_readings() -> dict[str, str]:
    with FormulaCache(CACHE_DIR) as cache:
        return cache.readings()


@functools.cache
def _reading_salt() -> str:
    return f"{metadata.version('pylatexenc')} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"


@atexit.register
def _keep_readings() -> None:
    """Write the readings made since the last write, in one transaction."""
    if _new_readings:
        with FormulaCache(CACHE_DIR) as cache:
            cache.put_readings(dict(_new_readings))
        _new_readings.clear()


# KaTeX's messages name the symptom, in English; these name the usual cause in an editor's words.
_FORMULA_HINTS = (
    ("Expected 'EOF', got '}'", "ada `}` tanpa pasangan `{`; hitung kurung kurawalnya"),
    ("Expected '}'", "ada `{` yang belum ditutup dengan `}`"),
    ("Undefined control sequence", "perintah ini tidak dikenal KaTeX; periksa ejaannya, mis. `\\frac`, `\\times`"),
    ("Too many expansions", "rumus terlalu rumit atau memanggil dirinya sendiri"),
    ("Double superscript", "satu suku hanya boleh punya satu `^`; kelompokkan pangkatnya dengan `{…}`"),
    ("Double subscript", "satu suku hanya boleh punya satu `_`; kelompokkan indeksnya dengan `{…}`"),
    ("No such environment", "lingkungan `\\begin{…}` ini tidak dikenal KaTeX; periksa ejaannya, mis. `array`, `cases`"),
    ("Expected group", "perintah ini memerlukan isi dalam `{…}` sesudahnya"),
)
_GENERAL_HINT = "periksa rumus pada baris dan kolom yang ditunjuk; pesan KaTeX di atas menyebut apa yang salah di situ"


def formula_hint(message: str) -> str:
    """A hint in Bahasa Indonesia for a KaTeX error message: its usual cause, or where to look."""
    return next((hint for symptom, hint in _FORMULA_HINTS if symptom in message), _GENERAL_HINT)
