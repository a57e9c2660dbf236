"""``iku import``: draft content files from published documents' text or PDFs, one file or a whole folder.

Each draft is written whole or not at all, never over an existing file; a file that cannot be
read is reported and the others go on. The summary tells an editor what to review, where.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..content.errors import IkuError
from ..content.load import DOCUMENTS_DIR
from ..content.printable import spelled_out
from ..importing.agreement import indicators
from ..importing.catalogue_match import Catalogues, load_catalogues
from ..importing.draft import Draft, Finding, draft_yaml, import_text
from ..importing.extract import PDF_SUFFIX, SUFFIXES, read_source
from .scaffold import SOURCES_DIR

DRAFTS_DIR = "draf"
"""Beside ``content/``: drafts whose body or region is not in the catalogues yet (``iku check`` ignores it)."""
DRAFT_SUFFIX = ".yml"
# A summary table printed to a file or a CI log is not cut to a terminal's 80 columns.
_TABLE_WIDTH = 200


@dataclass
class Imported:
    """What became of one source file: its draft and where it was written, or why not."""

    source: Path
    draft: Draft | None = None
    written: Path | None = None
    copied: list[Path] = field(default_factory=list)
    """The files written to ``content/sumber/`` that the draft's ``sumber`` names (none if already there)."""
    text_at: Path | None = None
    """Where the text the findings' lines count in lies, when not the source itself (a PDF's extracted text)."""
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def import_command(target: Path, content_dir: Path, output_dir: Path | None) -> int:
    """``iku import FILE|FOLDER``: the exit status (1 when any file failed)."""
    if not target.exists():
        raise IkuError(f"{_shown(target)} tidak ada; berikan berkas (.txt, .md, .pdf) atau folder berisi berkas itu")
    catalogues = load_catalogues(content_dir)
    if target.is_dir():
        return _import_folder(target, catalogues, content_dir, output_dir)
    result = import_one(target, catalogues, content_dir, output_dir, target.parent)
    if result.error is not None:
        raise IkuError(result.error)
    print(summary(result, recognised=True), end="")
    return 0


def import_one(
    source: Path, catalogues: Catalogues, content_dir: Path, output_dir: Path | None, root: Path
) -> Imported:
    """Read ``source``, draft it and write the draft; an unreadable file gives an :class:`Imported` with its error.

    ``root`` is the folder being imported: drafts that find no address mirror the source's path under it.
    """
    result = Imported(source)
    try:
        extracted = read_source(source)
        result.notes = extracted.notes
        pdf = source.suffix.lower() == PDF_SUFFIX
        # A PDF's draft is transcribed from its extracted text: the text is the source it names, the PDF its original.
        result.draft = import_text(extracted.text, source.with_suffix(".txt").name if pdf else source.name, catalogues)
        destination = draft_destination(result.draft, source.relative_to(root), content_dir, output_dir)
        into_content = output_dir is None and destination.is_relative_to(content_dir / DOCUMENTS_DIR)
        sources = _sources(result, extracted.text if pdf else None, content_dir, destination, into_content)
        _write_all(result, sources, destination, draft_yaml(result.draft))
    except IkuError as error:
        result.error = spelled_out(str(error))
    # One document the reader cannot handle must not cost an editor the other hundreds.
    except Exception as error:
        result.error = spelled_out(
            f"{source}: pembaca gagal ({type(error).__name__}: {error}); laporkan ke pengelola repositori"
        )
    return result


def _sources(
    result: Imported, extracted: str | None, content_dir: Path, destination: Path, into_content: bool
) -> dict[Path, bytes]:
    """The files to write with the draft, with their bytes.

    Into ``content/``: the files the draft's ``sumber`` names in ``content/sumber/``, so ``iku check``
    finds them (the text, and a PDF as ``asli``). Elsewhere: a PDF's extracted text beside the draft,
    where the summary's line numbers point. ``extracted`` is a PDF's text (None for a text source).
    """
    draft = result.draft
    assert draft is not None
    source = draft.data.get("sumber")
    named = source.get("berkas") if isinstance(source, dict) else None
    if not isinstance(source, dict) or not isinstance(named, str):
        return {}
    if extracted is not None:
        source["asli"] = PurePosixPath(named).with_suffix(PDF_SUFFIX).as_posix()
    if not into_content:
        if extracted is None:
            return {}
        result.text_at = destination.with_suffix(".txt")
        return {result.text_at: extracted.encode("utf-8")}
    text = _in_sources(named, content_dir)
    if extracted is None:
        return {text: result.source.read_bytes()}
    result.text_at = text
    return {text: extracted.encode("utf-8"), _in_sources(source["asli"], content_dir): result.source.read_bytes()}


def _in_sources(named: str, content_dir: Path) -> Path:
    relative = PurePosixPath(named)
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (SOURCES_DIR,):
        raise IkuError(f"sumber.berkas {named!r} tidak sah (harus di dalam content/{SOURCES_DIR}/)")
    return content_dir / relative


def _write_all(result: Imported, sources: dict[Path, bytes], destination: Path, text: str) -> None:
    # The sources first, so a draft never names a file that is not there; all taken back if the draft is not written.
    try:
        for path, raw in sources.items():
            if place_source(path, raw):
                result.copied.append(path)
        write_new(destination, text)
    except BaseException:
        for path in result.copied:
            path.unlink(missing_ok=True)
        result.copied = []
        raise
    result.written = destination


def draft_destination(draft: Draft, relative: Path, content_dir: Path, output_dir: Path | None) -> Path:
    """Where a draft goes: its document's place under ``content/dokumen/`` when the reader found it, else the drafts.

    With ``output_dir`` every draft goes under it instead: at its document's path, or as a draft.
    """
    if draft.address is not None:
        _check_address(draft.address)
        base = output_dir if output_dir is not None else content_dir / DOCUMENTS_DIR
        return base / draft.address
    base = output_dir if output_dir is not None else content_dir.parent / DRAFTS_DIR
    return base / relative.with_suffix(DRAFT_SUFFIX)


def _check_address(address: PurePosixPath) -> None:
    # The address is made of catalogue ids; a draft is never written outside the folder it belongs in.
    if address.is_absolute() or ".." in address.parts or address.suffix != DRAFT_SUFFIX:
        raise IkuError(f"alamat draf {str(address)!r} tidak sah (harus di dalam content/dokumen/, berakhiran .yml)")


def place_source(path: Path, raw: bytes) -> bool:
    """Write a source file the draft names, unless the same bytes are already there; False if they are.

    A different file under that name is never replaced: the import stops before writing the draft.
    """
    if path.is_file() and not path.is_symlink() and path.read_bytes() == raw:
        return False
    if path.exists() or path.is_symlink():
        raise IkuError(
            f"{_shown(path)} sudah ada dengan isi lain; tidak ada yang ditimpa (ganti nama berkas sumber, "
            "atau tulis draf ke folder lain dengan --keluaran FOLDER)"
        )
    write_new(path, raw)
    return True


def write_new(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` whole (a temporary file, then a link), never over an existing file.

    On any failure, Ctrl-C included, nothing is left: no temporary file, no half-written draft,
    no folder created for it.
    """
    if path.exists() or path.is_symlink():
        raise IkuError(
            f"{_shown(path)} sudah ada; tidak ada yang ditimpa (pindahkan atau hapus dulu berkas itu, "
            "atau tulis draf ke folder lain dengan --keluaran FOLDER)"
        )
    created = [parent for parent in reversed(path.parents) if not parent.exists()]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
                handle.flush()
                os.fsync(handle.fileno())
            _link(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _link(temporary: str, path: Path) -> None:
    # A hard link fails if the name exists, even if it appeared after the check above: never a
    # silent overwrite. Where links are not supported (some USB sticks), replace after one more check.
    try:
        os.link(temporary, path)
    except FileExistsError as error:
        raise IkuError(f"{_shown(path)} sudah ada; tidak ada yang ditimpa") from error
    except OSError:
        if path.exists():
            raise IkuError(f"{_shown(path)} sudah ada; tidak ada yang ditimpa") from None
        os.replace(temporary, path)


def sources_in(folder: Path) -> list[Path]:
    """Every ``.txt``, ``.md`` and ``.pdf`` under ``folder``, in order of their path."""
    found = [path for path in folder.rglob("*") if path.suffix.lower() in SUFFIXES and path.is_file()]
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def _import_folder(folder: Path, catalogues: Catalogues, content_dir: Path, output_dir: Path | None) -> int:
    sources = sources_in(folder)
    if not sources:
        raise IkuError(f"tidak ada berkas .txt, .md atau .pdf di {_shown(folder)}")
    results: list[Imported] = []
    try:
        for source in _progress(sources):
            results.append(import_one(source, catalogues, content_dir, output_dir, folder))
    except KeyboardInterrupt:
        done = sum(result.written is not None for result in results)
        print(
            f"Dihentikan: {done} draf sudah ditulis utuh, {len(sources) - len(results)} berkas belum diimpor.",
            file=sys.stderr,
        )
        return 130
    for result in results:
        if result.error is None:
            print(summary(result, recognised=False))
    _print_table(results, sys.stdout)
    failed = [result for result in results if result.error is not None]
    for result in failed:
        print(f"Galat: {result.error}", file=sys.stderr)
    if failed:
        print(f"{len(failed)} dari {len(results)} berkas gagal diimpor.", file=sys.stderr)
        return 1
    print(f"{len(results)} berkas diimpor. Periksa setiap draf, lalu jalankan `iku check`.")
    return 0


def _progress(sources: Sequence[Path]) -> Iterator[Path]:
    # The bar is for a person at a terminal: not in a pipe, a file or CI's log.
    console = Console(file=sys.stderr)
    shown = console.is_terminal and not os.environ.get("CI")
    columns = (TextColumn("Mengimpor"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=not shown, transient=True) as progress:
        yield from progress.track(sources, total=len(sources))


def summary(result: Imported, *, recognised: bool) -> str:
    """What an editor reads about one draft: where it went, what to check where, and what next."""
    draft = result.draft
    assert draft is not None and result.written is not None
    lines = [f"Diimpor: {_shown(result.source)} → {_shown(result.written)}"]
    lines += [f"Ditulis: {_shown(path)} (sumber yang disebut draf itu)" for path in result.copied]
    if result.text_at is not None:
        where = _shown(result.text_at)
    elif result.source.suffix.lower() == PDF_SUFFIX:
        where = f"{_shown(result.source)} (teks hasil ekstraksi)"
    else:
        where = _shown(result.source)
    if recognised:
        lines += _findings(f"Dikenali ({len(draft.recognised)}):", draft.recognised, where)
    else:
        lines.append(f"Dikenali: {len(draft.recognised)} bagian")
    lines += _findings(f"Kurang yakin, periksa ({len(draft.unsure)}):", draft.unsure, where)
    if draft.unrecognised:
        first = ", ".join(str(line) for line, _ in draft.unrecognised[:10])
        more = ", …" if len(draft.unrecognised) > 10 else ""
        lines.append(
            f"Tidak dikenali: {len(draft.unrecognised)} baris (baris {first}{more}), "
            "disalin ke bagian `tidak_dikenali` di akhir draf"
        )
    else:
        lines.append("Tidak dikenali: 0 baris")
    lines += _findings(f"Usulan entri katalog baru ({len(draft.proposals)}):", draft.proposals, where)
    lines += [f"Catatan: {spelled_out(note)}" for note in result.notes]
    lines.append(f"Lanjutkan: {_next_step(result)}")
    return "\n".join(lines) + "\n"


def _findings(title: str, findings: Sequence[Finding], where: str) -> list[str]:
    if not findings:
        return []
    ordered = sorted(findings, key=lambda finding: finding.line)
    return [title, *(f"  {where}:{f.line} → {spelled_out(f.field or '-')}: {spelled_out(f.message)}" for f in ordered)]


def _next_step(result: Imported) -> str:
    draft = result.draft
    assert draft is not None
    review = "periksa draf itu dengan dokumen aslinya (setiap `PERIKSA` dan bagian `tidak_dikenali`)"
    if draft.address is None:
        source = draft.data.get("sumber")
        named = source if isinstance(source, dict) else {}
        copies = [
            f"{_shown(path)} ke content/{spelled_out(named[key])}"
            for key, path in (("berkas", result.text_at or result.source), ("asli", result.source))
            if isinstance(named.get(key), str)
        ]
        copy = f", salin {' dan '.join(copies)}" if copies else ""
        return (
            f"{review}; tambahkan instansi dan wilayahnya ke content/wilayah.yml"
            f"{' (lihat usulan di atas)' if draft.proposals else ''}, pindahkan draf ke tempatnya di "
            f"content/dokumen/{copy}, lalu jalankan `iku check`."
        )
    if draft.proposals:
        return f"{review}; tambahkan entri katalog yang diusulkan di atas, lalu jalankan `iku check`."
    return f"{review}, lalu jalankan `iku check`."


def _print_table(results: Sequence[Imported], stream: TextIO) -> None:
    table = Table(box=box.SIMPLE_HEAD, title="Ringkasan impor", title_justify="left")
    for heading in ("berkas", "instansi", "periode"):
        table.add_column(heading, overflow="fold")
    for heading in ("indikator", "kurang yakin", "tidak dikenali"):
        table.add_column(heading, justify="right")
    table.add_column("ditulis ke / galat", overflow="fold")
    for result in results:
        draft = result.draft
        outcome = _shown(result.written) if result.written is not None else f"GALAT: {result.error}"
        if draft is None:
            table.add_row(_shown(result.source), "", "", "", "", "", outcome)
            continue
        table.add_row(
            _shown(result.source),
            spelled_out(_body(draft.data)),
            _period(draft.data),
            str(_indicator_count(draft.data)),
            str(len(draft.unsure)),
            str(len(draft.unrecognised)),
            outcome,
        )
    console = Console(file=stream, width=None if stream.isatty() else _TABLE_WIDTH)
    with console.capture() as captured:
        console.print(table)
    # Rich pads every line to the table's width; a log or a test reads the text without the padding.
    stream.write("".join(line.rstrip() + "\n" for line in captured.get().rstrip().splitlines()))


def _body(data: dict[str, Any]) -> str:
    body = data.get("instansi")
    if isinstance(body, dict) and isinstance(body.get("nama"), str):
        return body["nama"]
    return str(data.get("penerbit") or "?")


def _period(data: dict[str, Any]) -> str:
    period = data.get("periode")
    if not isinstance(period, dict) or period.get("mulai") is None:
        return "?"
    end = period.get("selesai")
    return f"{period['mulai']}" + (f"-{end}" if end not in (None, period["mulai"]) else "")


def _indicator_count(data: dict[str, Any]) -> int:
    """Indicators in the document's tables, or in its appendix's tables for a decree."""
    return sum(1 for _ in indicators(data))


def _shown(path: Path) -> str:
    return spelled_out(str(path))
