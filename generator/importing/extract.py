"""A published document's text, from the file an editor has: extracted text (``.txt``, ``.md``) or a PDF.

Everything that goes wrong is an :class:`IkuError` naming the file, in Bahasa Indonesia:
the importer reports it and goes on with the next file. A PDF's ruled tables come out a row per
line with their cells tab-separated (pdfplumber finds the cells by their lines, so a wrapped cell
stays whole); the text around them, and tables drawn without lines, are laid out by the words'
positions and their columns separated by tabs.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import itertools
import logging
import math
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.errors import IkuError
from ..content.printable import spelled_out

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIX = ".pdf"
SUFFIXES = (*TEXT_SUFFIXES, PDF_SUFFIX)

# Byte-order marks, longest first (UTF-32's starts like UTF-16's): a file that says what it is
# is read as that, whatever editor saved it.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAVE_AS_UTF8 = "simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)"
_NO_TEXT = (
    "tidak berisi teks; kemungkinan hasil pindaian (gambar halaman) — jalankan OCR dulu "
    "(mis. `ocrmypdf berkas.pdf berkas-ocr.pdf`), lalu impor PDF hasilnya"
)
# In a page laid out as text, cells of one table row are separated by at least two spaces.
_CELL = re.compile(r"\S+(?: \S+)*")
_MIN_GAP = 2
# Points, in PDF units: a column of laid-out text, words on one line, a gap between cells (in heights of
# the word), a gap between paragraphs or tables (in heights of the line).
_POINTS_PER_COLUMN = 2.0
_SAME_LINE = 3.0
_CELL_GAP = 1.0
_PARAGRAPH_GAP = 0.8


@dataclass(frozen=True)
class Extracted:
    """A document's text, lines ending in ``\\n``, and what an editor should know about how it was read."""

    text: str
    notes: list[str] = field(default_factory=list)


def read_source(path: Path) -> Extracted:
    """The text of ``path``: ``.txt``/``.md`` as UTF-8 (or what its byte-order mark says), ``.pdf`` extracted."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise IkuError(
            f"{_name(path)}: jenis berkas {suffix or '(tanpa akhiran)'} tidak dapat diimpor; "
            "berikan teks hasil ekstraksi (.txt, .md) atau PDF (.pdf)"
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IkuError(f"{_name(path)}: tidak dapat dibaca ({error.strerror})") from error
    if suffix == PDF_SUFFIX:
        return _read_pdf(path, raw)
    text = _lines(_decode(path, raw))
    if not text.strip():
        # A draft of nothing would only hold placeholders: the file is probably not the one meant.
        raise IkuError(f"{_name(path)}: berkas kosong, tidak ada teks untuk diimpor")
    return Extracted(text)


def _name(path: Path) -> str:
    return spelled_out(str(path))


def _lines(text: str) -> str:
    # Windows (CRLF) and old Mac (CR) line ends: the reader counts lines as the editor's editor does.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(path: Path, raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise IkuError(f"{_name(path)}: berkas rusak: bukan {encoding.upper()} seperti kata BOM-nya") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        # Windows-1252 is what Windows editors save; show the letter the editor typed.
        guess = bytes([byte]).decode("cp1252", "replace")
        found = f"byte {byte:02X}" + (f", `{guess}` dalam Windows-1252" if guess.isprintable() else "")
        raise IkuError(f"{_name(path)}:{line}: berkas bukan teks UTF-8 ({found}); {_SAVE_AS_UTF8}") from error
    if "\x00" in text:
        # UTF-16 or UTF-32 without a byte-order mark: every ASCII character comes with zero bytes.
        line = text[: text.index("\x00")].count("\n") + 1
        raise IkuError(
            f"{_name(path)}:{line}: berkas bukan teks UTF-8 (byte nol di antara huruf, ciri UTF-16 atau UTF-32); "
            f"{_SAVE_AS_UTF8}"
        )
    return text


def _read_pdf(path: Path, raw: bytes) -> Extracted:
    if not raw.startswith(b"%PDF-"):
        raise IkuError(f"{_name(path)}: bukan PDF (tidak diawali %PDF-); berkas rusak atau berakhiran salah")
    # Imported here: every `iku` command loads this module, and pdfplumber takes longer to load than `iku check`.
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    pages, notes = [], []
    with _quiet():
        try:
            with pdfplumber.open(io.BytesIO(raw)) as pdf:
                for number, page in enumerate(pdf.pages, 1):
                    text = _page_text(path, number, page)
                    if text.strip():
                        pages.append(text)
                    else:
                        notes.append(
                            f"halaman {number} tidak berisi teks (gambar atau kosong); periksa dengan PDF aslinya"
                        )
        except PdfminerException as error:
            if error.args and isinstance(error.args[0], PDFPasswordIncorrect):
                raise IkuError(
                    f"{_name(path)}: PDF ini dilindungi kata sandi; buka dengan kata sandinya dan simpan (cetak) "
                    "ulang sebagai PDF tanpa kata sandi, lalu impor lagi"
                ) from error
            cause = error.args[0] if error.args else error
            raise IkuError(
                f"{_name(path)}: PDF rusak atau tidak lengkap, tidak dapat dibaca ({type(cause).__name__})"
            ) from error
    if not pages:
        raise IkuError(f"{_name(path)}: PDF ini {_NO_TEXT}")
    return Extracted("\n\n".join(pages) + "\n", notes)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    # pdfminer says what it repairs through logging and warnings; the editor gets our notes instead,
    # and a warning must not stop the import (tests turn warnings into errors).
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _page_text(path: Path, number: int, page: Any) -> str:
    try:
        return _page_layout(page)
    # A damaged page can fail anywhere inside pdfminer, with any exception: the editor is told which page.
    except Exception as error:
        raise IkuError(f"{_name(path)}: halaman {number} tidak dapat dibaca ({type(error).__name__})") from error


def _page_layout(page: Any) -> str:
    """A page's text from top to bottom: each ruled table a row per line, its cells tab-separated; the rest laid out.

    A ruled table's cells come whole, however their text wraps (pdfplumber finds them by their lines).
    The text around tables is cut into bands at each table's top and bottom, so it keeps its place;
    every character belongs to exactly one band or one table, so nothing is read twice or dropped.
    """
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    # The first band from above the page, the last to below it: text drawn off the page is kept too.
    cuts = sorted({-math.inf, math.inf, *(y for table in tables for y in (table.bbox[1], table.bbox[3]))})
    words = page.filter(lambda obj: _outside(obj, tables)).extract_words()
    pieces = []
    for top, bottom in itertools.pairwise(cuts):
        pieces += [_rows(table) for table in tables if table.bbox[1] == top]
        pieces.append(tabbed(laid_out([word for word in words if top <= word["top"] < bottom], page.bbox[0])))
    return "\n\n".join(piece for piece in pieces if piece.strip())


def laid_out(words: list[dict[str, Any]], left: float = 0) -> str:
    """Words as lines of text, each cell (words closer than their height) starting at a column that matches its x.

    A column is ``_POINTS_PER_COLUMN`` wide, less than any letter, so a cell's text never reaches
    the next cell's column: cells of one table start at the same column on every line, which is
    what :func:`tabbed` finds. A gap taller than a line between two lines becomes a blank line.
    """
    out: list[str] = []
    previous_bottom = None
    for line in _by_line(words):
        height = max(word["bottom"] - word["top"] for word in line)
        if previous_bottom is not None and line[0]["top"] - previous_bottom > height * _PARAGRAPH_GAP:
            out.append("")
        previous_bottom = max(word["bottom"] for word in line)
        text, end = "", None
        for word in sorted(line, key=lambda word: word["x0"]):
            if end is not None and word["x0"] - end < (word["bottom"] - word["top"]) * _CELL_GAP:
                text += " " + word["text"]
            else:
                column = round((word["x0"] - left) / _POINTS_PER_COLUMN)
                text += " " * max(column - len(text), _MIN_GAP if text else 0) + word["text"]
            end = word["x1"]
        out.append(text)
    return "\n".join(out)


def _by_line(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda word: (word["top"], word["x0"])):
        if lines and word["top"] - lines[-1][0]["top"] <= _SAME_LINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _outside(obj: dict[str, Any], tables: list[Any]) -> bool:
    if obj.get("object_type") != "char":
        return True
    middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return not any(t.bbox[0] <= middle_x <= t.bbox[2] and t.bbox[1] <= middle_y <= t.bbox[3] for t in tables)


def _rows(table: Any) -> str:
    return "\n".join("\t".join(" ".join((cell or "").split()) for cell in row) for row in table.extract())


def tabbed(layout: str) -> str:
    """Text laid out in columns with spaces (a table drawn without lines), its cells separated by tabs.

    A block of lines (between blank lines) with a line of several cells (two or more spaces
    apart) is a table: its columns are separated where every line of the block is blank, so a
    centred heading, a wrapped cell or a row whose first cells are empty keeps its column and
    each line gets one tab per column boundary. Other lines are their text, indentation dropped.
    """
    out: list[str] = []
    for blank, block in itertools.groupby(layout.split("\n"), key=lambda line: not line.strip()):
        lines = list(block)
        if blank:
            out.append("")
        elif any(len(_CELL.findall(line)) > 1 for line in lines):
            out.extend(_table(lines))
        else:
            out.extend(line.strip() for line in lines)
    return "\n".join(out).strip("\n")


def _table(lines: list[str]) -> list[str]:
    width = max(len(line) for line in lines)
    used = [False] * width
    for line in lines:
        for position, character in enumerate(line):
            used[position] = used[position] or not character.isspace()
    # A boundary is a run of at least two positions no line uses (one is a space between words).
    spans, start = [], None
    for position, taken in enumerate([*used, False]):
        if taken and start is None:
            start = position
        elif not taken and start is not None:
            if spans and start - spans[-1][1] < _MIN_GAP:
                spans[-1] = (spans[-1][0], position)
            else:
                spans.append((start, position))
            start = None
    return ["\t".join(line[begin:end].strip() for begin, end in spans).rstrip("\t") for line in lines]
