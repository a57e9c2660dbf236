"""A published document's text, from the file an editor has: extracted text (``.txt``, ``.md``) or a PDF.

Everything that goes wrong is an :class:`IkuError` naming the file, in Bahasa Indonesia:
the importer reports it and goes on with the next file.
"""

from __future__ import annotations

import codecs
import io
import itertools
import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.errors import IkuError
from ..content.printable import spelled_out

if TYPE_CHECKING:
    import pypdf

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
# In pypdf's layout mode, cells of one table row are separated by at least two spaces.
_CELL = re.compile(r"\S+(?: \S+)*")
_MIN_GAP = 2


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
    return Extracted(_lines(_decode(path, raw)))


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
    pages, notes = [], []
    # pypdf says what it repairs through logging and warnings; the editor gets our notes instead,
    # and a warning must not stop the import (tests turn warnings into errors).
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _open_pdf(path, raw)
            for number, page in enumerate(reader.pages, 1):
                text = _page_text(path, number, page)
                if text.strip():
                    pages.append(text)
                else:
                    notes.append(f"halaman {number} tidak berisi teks (gambar atau kosong); periksa dengan PDF aslinya")
    finally:
        logger.setLevel(level)
    if not pages:
        raise IkuError(f"{_name(path)}: PDF ini {_NO_TEXT}")
    return Extracted("\n\n".join(pages) + "\n", notes)


def _open_pdf(path: Path, raw: bytes) -> pypdf.PdfReader:
    # Imported here: every `iku` command loads this module, and pypdf takes longer to load than `iku check` to start.
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IkuError(
                f"{_name(path)}: PDF ini dilindungi kata sandi; buka dengan kata sandinya dan simpan (cetak) ulang "
                "sebagai PDF tanpa kata sandi, lalu impor lagi"
            )
        len(reader.pages)
    except PyPdfError as error:
        raise IkuError(f"{_name(path)}: PDF rusak atau tidak lengkap, tidak dapat dibaca ({error})") from error
    return reader


def _page_text(path: Path, number: int, page: pypdf.PageObject) -> str:
    try:
        text = page.extract_text(extraction_mode="layout")
    # A damaged page can fail anywhere inside pypdf, with any exception: the editor is told which page.
    except Exception as error:
        raise IkuError(f"{_name(path)}: halaman {number} tidak dapat dibaca ({type(error).__name__})") from error
    return tabbed(_lines(text))


def tabbed(layout: str) -> str:
    """Text laid out in columns with spaces (pypdf's layout mode), its table cells separated by tabs.

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
