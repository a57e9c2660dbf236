"""Loading ``content/``: every YAML file parsed, validated and cross-checked, or every problem."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel

from .addresses import DECREES_FOLDER, Key
from .check_cache import CheckCache
from .checks import check_content, document_formulas, document_problems, region_hint, regions_at
from .errors import ContentError, IkuError, Problem
from .facts import DocumentFacts
from .formulas import render_formulas
from .kinds import KINDS
from .loaded import Checked, CheckedDocument, Content, LoadedDocument, Original, RefusedOriginal
from .model import SLUG_PATTERN, Glossary, RegionCatalogue, RegulationCatalogue
from .printable import spelled_out
from .provenance import Blobs, RepositoryHistory, read_history
from .validate import placeholders, shown, validate
from .versions import ContentHistory, VersionReader
from .yaml_source import MAX_FILE_BYTES, YamlFile, read_bytes

REGIONS_FILE = "wilayah.yml"
REGULATIONS_FILE = "regulasi.yml"
GLOSSARY_FILE = "glosarium.yml"
DOCUMENTS_DIR = "dokumen"
PDF_SIGNATURE = b"%PDF-"
REGION_LEVELS = ("provinsi", "kabupaten", "kecamatan")
DOCUMENT_KINDS = {kind.jenis: kind.model for kind in KINDS}

ModelT = TypeVar("ModelT", bound=BaseModel)


# What content/ holds; anything else would be silently ignored, so it is reported.
CONTENT_ENTRIES = frozenset({REGIONS_FILE, REGULATIONS_FILE, GLOSSARY_FILE, DOCUMENTS_DIR, "sumber", "schema"})
DOCUMENT_SUFFIX = ".yml"


def document_files(content_dir: Path) -> list[Path]:
    """Every document file, in a stable order."""
    return content_files(content_dir)[0]


def content_files(content_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Every document file, and a problem for every other entry the loader would not read.

    Every file under ``content/dokumen/`` is accounted for: read as a document, or
    reported (another suffix, a symbolic link to a folder, a broken or looping link, a
    pipe or device), never silently skipped. Links are not followed into folders, so a
    loop cannot make the walk endless.
    """
    expected = "hanya dokumen/, sumber/, schema/, wilayah.yml, regulasi.yml dan glosarium.yml"
    hint = "pindahkan atau hapus; dokumen IKU dan keputusan disimpan di content/dokumen/"
    problems = [
        _unread(entry, "berkas atau folder ini tidak dibaca", expected, hint)
        for entry in sorted(content_dir.iterdir())
        if entry.name not in CONTENT_ENTRIES
    ]
    documents: list[Path] = []
    folder = content_dir / DOCUMENTS_DIR
    if folder.is_symlink():
        problems.append(_linked_folder(folder))
    elif folder.is_dir():
        _walk(folder, documents, problems)
    return documents, problems


def _walk(folder: Path, documents: list[Path], problems: list[Problem]) -> None:
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            try:
                target = entry.resolve(strict=True)
            except (OSError, RuntimeError):
                hint = "hapus tautan ini dan simpan dokumennya sebagai berkas biasa"
                problems.append(_unread(entry, "tautan simbolik rusak atau berputar", "berkas biasa", hint))
                continue
            if target.is_dir():
                problems.append(_linked_folder(entry))
                continue
            # A link to a file is read by _read, which refuses one that leads out of content/.
        elif entry.is_dir():
            _walk(entry, documents, problems)
            continue
        if not entry.is_file():
            hint = "hapus berkas ini; dokumen adalah berkas teks .yml"
            problems.append(_unread(entry, "bukan berkas biasa (pipa, soket atau perangkat); tidak dibaca", hint=hint))
        elif entry.name.endswith(DOCUMENT_SUFFIX):
            documents.append(entry)
        elif entry.suffix.lower() in (".yml", ".yaml"):
            hint = f"ganti nama berkas menjadi {entry.stem}{DOCUMENT_SUFFIX}"
            problems.append(_unread(entry, "dokumen harus berakhiran .yml", "nama berkas berakhiran .yml", hint=hint))
        else:
            hint = "content/dokumen/ hanya berisi dokumen .yml; berkas sumber disimpan di content/sumber/"
            problems.append(_unread(entry, "berkas ini bukan dokumen dan tidak dibaca", "berkas .yml", hint=hint))


def preview_scope(content_dir: Path, written: str) -> Key:
    """The place an editor's preview shows, written as its address (``jawa-timur/lumajang``,
    ``jawa-timur/lumajang/dinas-kesehatan``); an :class:`IkuError` when it has no folder of documents."""
    example = "tulis wilayah seperti alamat halamannya, mis. jawa-timur/lumajang"
    parts = tuple(written.strip().strip("/").split("/"))
    if not all(re.fullmatch(SLUG_PATTERN, part) for part in parts):
        raise IkuError(f"wilayah pratinjau {spelled_out(written)!r} bukan alamat; {example}")
    folder = content_dir / DOCUMENTS_DIR / "/".join(parts)
    if not folder.is_dir() or symlink_within(content_dir, folder) is not None:
        raise IkuError(f"tidak ada folder dokumen {display_path(folder).as_posix()}/; {example}")
    return parts


def preview_reads(content_dir: Path, scope: Key) -> list[tuple[Path, bool]]:
    """What a preview of ``scope`` reads, for a preview server to watch, each with whether the folders
    inside it count: the content folder's own files (the catalogues), the sources, the place's folder
    whole, and the folders above it with their decrees' folders (their own files: :func:`_scoped_files`).
    At 7,300 documents, looking at the whole content folder took 0.3 s every half second."""
    place = (content_dir / DOCUMENTS_DIR).joinpath(*scope)
    watched = [(content_dir, False), (content_dir / SOURCES_DIR, False), (place, True)]
    return watched + [(folder, False) for folder in _folders_above(content_dir, scope)]


def _folders_above(content_dir: Path, scope: Key) -> list[Path]:
    """The folders of the places above ``scope``, and their decrees' folders, where a document of the
    place may find the decree it names (those that are folders, not links)."""
    root = content_dir / DOCUMENTS_DIR
    above = [root.joinpath(*scope[:depth]) for depth in range(1, len(scope))]
    return [
        folder
        for place in above
        for folder in (place, place / DECREES_FOLDER)
        if folder.is_dir() and not folder.is_symlink()
    ]


def _scoped_files(content_dir: Path, scope: Key) -> tuple[list[Path], list[Problem]]:
    """The documents under one place's folder, and the decrees of the places above it (a document there
    may name one): directly in their folders or in their ``keputusan/``."""
    documents: list[Path] = []
    problems: list[Problem] = []
    root = content_dir / DOCUMENTS_DIR
    _walk(root.joinpath(*scope), documents, problems)
    for folder in _folders_above(content_dir, scope):
        documents += [
            entry
            for entry in sorted(folder.iterdir())
            if entry.name.endswith(DOCUMENT_SUFFIX) and entry.is_file() and not entry.is_symlink()
        ]
    return sorted(documents), problems


def _scoped_history(content_dir: Path, scope: Key) -> list[str]:
    """Where the documents a preview of ``scope`` reads (:func:`_scoped_files`) are, as git pathspecs:
    their history alone, not the whole content's (a preview's every rebuild reads it)."""
    place = (content_dir / DOCUMENTS_DIR).joinpath(*scope).relative_to(content_dir).as_posix()
    # Ids are slugs and DECREES_FOLDER a plain word: nothing in a folder's path is a glob's.
    above = [
        f":(glob){folder.relative_to(content_dir).as_posix()}/*{DOCUMENT_SUFFIX}"
        for folder in _folders_above(content_dir, scope)
    ]
    return [place, *above]


def _linked_folder(path: Path) -> Problem:
    message = "folder ini tautan simbolik; isinya tidak dibaca"
    hint = "simpan dokumennya langsung di content/dokumen/, bukan sebagai tautan ke folder lain"
    return _unread(path, message, "folder biasa di dalam content/", hint)


def _unread(path: Path, message: str, expected: str = "berkas .yml", hint: str = "") -> Problem:
    return Problem(display_path(path), 1, 1, "", message, expected, hint=hint)


def load_content(
    content_dir: Path, *, versions: bool = False, cache: CheckCache | None = None, scope: Key | None = None
) -> Content:
    """Load and validate all content; raise :class:`ContentError` listing every problem.

    With ``versions``, each document's history lists its versions, read back from git
    and compared (what a build publishes); without, only the commits that touched it.
    Files parsed in an earlier run are taken from ``cache`` (by default the project's
    ``.cache/check/``) instead of being parsed again, and a document whose very bytes passed every
    check of its own before (the cache holds its facts) is not checked again; the rest runs every time.
    With ``scope`` (from :func:`preview_scope`), only the documents of one place are read:
    what an editor's preview shows.
    """
    history = read_history(content_dir, ["."] if scope is None else _scoped_history(content_dir, scope))
    content, _ = _load(content_dir, history, cache or CheckCache(), facts=False, scope=scope)
    return _with_versions(content, history) if versions else content


def load_regions(content_dir: Path) -> RegionCatalogue:
    """The catalogue of places (``wilayah.yml``) alone, validated; a :class:`ContentError` when it is wrong.

    What splitting a build by provinsi needs, without reading a single document."""
    problems: list[Problem] = []
    paths = _Paths(content_dir)
    regions = _load_catalogue(content_dir / REGIONS_FILE, RegionCatalogue, problems, CheckCache(), paths)
    if regions is None:
        raise ContentError(problems)
    return regions[1]


def check_content_folder(content_dir: Path, *, cache: CheckCache | None = None) -> tuple[Content, list[Checked]]:
    """What ``iku check`` runs: :func:`load_content`'s problems, in the same order, at a cost that grows
    with what changed. A document file unchanged since it passed every check of its own is read from
    ``cache`` as its facts only, without parsing or validating it; the checks across files run on all.

    Returns the content (its catalogues; no document is held whole) and every document's facts.
    """
    # History is only shown on pages; nothing in it is checked.
    return _load(content_dir, RepositoryHistory({}), cache or CheckCache(), facts=True)


def _load(
    content_dir: Path, history: RepositoryHistory, cache: CheckCache, *, facts: bool, scope: Key | None = None
) -> tuple[Content, list[Checked]]:
    problems: list[Problem] = []
    paths = _Paths(content_dir)
    regions = _load_catalogue(content_dir / REGIONS_FILE, RegionCatalogue, problems, cache, paths)
    regulations = _load_catalogue(content_dir / REGULATIONS_FILE, RegulationCatalogue, problems, cache, paths)
    glossary = _load_catalogue(content_dir / GLOSSARY_FILE, Glossary, problems, cache, paths)
    files, unread = content_files(content_dir) if scope is None else _scoped_files(content_dir, scope)
    problems.extend(unread)
    cited: set[str] | None = set()
    documents: list[Checked] = []
    for path in files:
        loaded = _load_document(path, content_dir, history, problems, regions, cache, paths, facts)
        if loaded is not None and isinstance(loaded.original, Original):
            documents.append(loaded)
            if cited is not None:
                cited |= _cited(loaded.facts)
        else:
            # What a document that could not be read cites is unknown, and one citing a missing source
            # (or a refused one) may mean a file that is there under another name: none is called unused then.
            documents.extend([loaded] if loaded is not None else [])
            cited = None
    # A document file that was not read (misnamed, a link to a folder) may be what cites a source;
    # in a preview, the documents of other places are.
    if cited is not None and not unread and scope is None:
        problems.extend(_uncited_sources(content_dir, cited))
    catalogues = {REGIONS_FILE: regions, REGULATIONS_FILE: regulations, GLOSSARY_FILE: glossary}
    unchecked = [name for name, loaded in catalogues.items() if loaded is None]
    # A broken catalogue hides no other problem: every document was validated above, and the
    # checks that do not need that catalogue still run against an empty stand-in for it.
    regions = regions or _stand_in(content_dir / REGIONS_FILE, RegionCatalogue.model_construct(provinsi=[]))
    regulations = regulations or _stand_in(
        content_dir / REGULATIONS_FILE, RegulationCatalogue.model_construct(regulasi=[])
    )
    glossary = glossary or _stand_in(content_dir / GLOSSARY_FILE, Glossary.model_construct(istilah=[]))
    full = [loaded for loaded in documents if isinstance(loaded, LoadedDocument)]
    # One batch for every formula the pages show, those of documents not checked again above too.
    render_formulas(latex for loaded in full for _, latex in document_formulas(loaded.document))
    content = Content(
        content_dir, regions[1], regulations[1], glossary[1], full, regions[0], regulations[0], glossary[0]
    )
    not_read = frozenset(_CHECKED_AGAINST[name] for name in unchecked)
    problems.extend(check_content(content, documents, unchecked=not_read))
    if problems:
        raise ContentError(problems, [_unchecked_note(content_dir, name) for name in unchecked])
    return content, documents


def _with_versions(content: Content, history: RepositoryHistory) -> Content:
    with Blobs(content.root, MAX_FILE_BYTES) as blobs:
        reader = VersionReader(blobs, DOCUMENT_KINDS)
        documents = [
            dataclasses.replace(
                loaded,
                history=reader.history(
                    history.of(loaded.relative_path),
                    loaded.relative_path,
                    (content.root / loaded.relative_path).read_bytes(),
                    loaded.document,
                ),
            )
            for loaded in content.documents
        ]
    return dataclasses.replace(content, documents=documents)


# What in the documents each catalogue is checked against; named in a note when it could not be.
_CHECKED_AGAINST = {REGIONS_FILE: "regions", REGULATIONS_FILE: "regulations", GLOSSARY_FILE: "glossary"}
_REFERENCES = {
    REGIONS_FILE: "wilayah dokumen (`wilayah:`) dan alamat lama wilayah",
    REGULATIONS_FILE: "regulasi yang dirujuk dokumen (`regulasi:`, `mengingat:`)",
    GLOSSARY_FILE: "singkatan yang ditulis dua kali",
}


def _unchecked_note(content_dir: Path, name: str) -> str:
    return (
        f"{display_path(content_dir / name).as_posix()} belum dapat dibaca, jadi {_REFERENCES[name]} belum diperiksa; "
        f"perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi"
    )


def _stand_in(path: Path, catalogue: ModelT) -> tuple[YamlFile, ModelT]:
    """An empty catalogue in place of one that failed, so the checks that do not need it still run."""
    return YamlFile(display_path(path), {}, yaml.MappingNode("tag:yaml.org,2002:map", [])), catalogue


SOURCES_DIR = "sumber"


def _cited(facts: DocumentFacts) -> set[str]:
    """The files in ``content/sumber/`` a document's ``sumber`` names: the extracted text and the original."""
    return {facts.berkas, *([facts.asli] if facts.asli else [])}


def _uncited_sources(content_dir: Path, cited: set[str]) -> Iterator[Problem]:
    """Every entry of ``content/sumber/`` no document cites: it would be accepted and never published."""
    folder = content_dir / SOURCES_DIR
    if folder.is_symlink() or not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if f"{SOURCES_DIR}/{entry.name}" not in cited:
            yield _unread(
                entry,
                "berkas sumber ini tidak dirujuk dokumen mana pun, jadi tidak diterbitkan",
                "berkas yang disebut di `sumber.berkas` sebuah dokumen",
                f"tulis `berkas: {SOURCES_DIR}/{entry.name}` di bagian `sumber` dokumennya, atau hapus berkas ini",
            )


def display_path(path: Path) -> Path:
    """The path to show an editor: relative to the working directory when inside it."""
    try:
        # The folders resolved, the file itself not: a symbolic link is named as written.
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve())
    except ValueError:
        return path


class _Paths:
    """:func:`display_path` and the resolved path of each file of one run, each folder resolved once:
    a run reads thousands of files in a few hundred folders."""

    def __init__(self, content_dir: Path) -> None:
        self.content = content_dir.resolve()
        self._cwd = Path.cwd().resolve()
        self._folders: dict[Path, Path] = {}

    def _folder(self, folder: Path) -> Path:
        resolved = self._folders.get(folder)
        if resolved is None:
            resolved = self._folders[folder] = folder.resolve()
        return resolved

    def resolved(self, path: Path) -> Path:
        return path.resolve() if path.is_symlink() else self._folder(path.parent) / path.name

    def shown(self, path: Path) -> Path:
        try:
            return (self._folder(path.parent) / path.name).relative_to(self._cwd)
        except ValueError:
            return path


def _read(path: Path, paths: _Paths) -> bytes | list[Problem]:
    # A symbolic link in a pull request could make the build read (and echo in its
    # errors) any file on the machine that builds it.
    if not paths.resolved(path).is_relative_to(paths.content):
        message = "berkas ini tautan simbolik ke luar folder content"
        hint = "simpan isi berkasnya langsung di content/, bukan sebagai tautan"
        return [Problem(paths.shown(path), 1, 1, "", message, "berkas biasa di dalam content/", hint=hint)]
    return read_bytes(path, paths.shown(path))


def load_catalogue(content_dir: Path, name: str, model: type[ModelT], problems: list[Problem]) -> ModelT | None:
    """One catalogue of ``content_dir`` (``REGIONS_FILE``, …) validated as ``iku check`` validates it;
    None, with its problems added to ``problems``, when it cannot be read."""
    loaded = _load_catalogue(content_dir / name, model, problems, CheckCache(), _Paths(content_dir))
    return loaded[1] if loaded else None


def _load_catalogue(
    path: Path, model: type[ModelT], problems: list[Problem], cache: CheckCache, paths: _Paths
) -> tuple[YamlFile, ModelT] | None:
    raw = _read(path, paths)
    source = raw if isinstance(raw, list) else cache.parse(raw, paths.shown(path))
    if isinstance(source, list):
        problems.extend(source)
        return None
    result = validate(source, model)
    if isinstance(result, list):
        problems.extend(result)
        return None
    return source, result


def _load_document(
    path: Path,
    content_dir: Path,
    history: RepositoryHistory,
    problems: list[Problem],
    regions: tuple[YamlFile, RegionCatalogue] | None,
    cache: CheckCache,
    paths: _Paths,
    reuse_facts: bool,
) -> Checked | None:
    raw = _read(path, paths)
    if isinstance(raw, list):
        problems.extend(raw)
        return None
    relative = path.relative_to(content_dir).as_posix()
    facts = cache.facts(raw)
    if facts is not None and reuse_facts:
        original = _original(content_dir, facts.berkas)
        pdf = _original(content_dir, facts.asli) if facts.asli else None
        # Decoded, since these very bytes parsed before.
        source = YamlFile(paths.shown(path), None, text=raw.decode("utf-8"))
        return CheckedDocument(source, facts, relative, original, pdf)
    source = cache.parse(raw, paths.shown(path))
    if isinstance(source, list):
        problems.extend(source)
        return None
    kind = source.data.get("jenis")
    model = DOCUMENT_KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        expected = " atau ".join(f"`{name}`" for name in DOCUMENT_KINDS)
        message = "jenis dokumen tidak dikenal" if kind is not None else "wajib diisi, tetapi tidak ada"
        found = shown(kind) if kind is not None else ""
        hint = "`iku` untuk dokumen IKU, `keputusan` untuk Keputusan Bupati/Wali Kota/Gubernur"
        problems.append(source.problem(("jenis",), message, expected, found, hint))
        return None
    # A build reads the whole document, but need not check again what these very bytes passed before
    # (facts are kept only for a document without a problem of its own, under this code's digest).
    passed = facts is not None
    unfilled = [] if passed else placeholders(source)
    problems.extend(unfilled)
    result = validate(source, model)
    if isinstance(result, list):
        problems.extend(_with_region_hints(result, source, regions[1] if regions else None))
        return None
    original = _original(content_dir, result.sumber.berkas)
    pdf = _original(content_dir, result.sumber.asli) if result.sumber.asli else None
    commits = history.of(relative)
    versions = ContentHistory(unavailable=commits.unavailable, truncated=commits.truncated)
    own = () if passed else tuple(document_problems(source, result))
    loaded = LoadedDocument(source, result, relative, original, pdf, versions, own)
    if not passed and not unfilled and not loaded.own_problems:
        # `iku check` (reuse_facts) is here only when the entry could not be read: it writes it again.
        cache.keep_facts(raw, loaded.facts, replace=reuse_facts)
    if reuse_facts:
        text = YamlFile(source.path, None, text=source.text)
        return CheckedDocument(text, loaded.facts, relative, original, pdf, loaded.own_problems)
    return loaded


def _with_region_hints(problems: list[Problem], source: YamlFile, regions: RegionCatalogue | None) -> Iterator[Problem]:
    """A region written by name or code (`Senduro`, `35.08.12`) fails the id format: name the id meant."""
    for problem in problems:
        level = problem.field.removeprefix("wilayah.")
        if regions is not None and problem.field.startswith("wilayah.") and level in REGION_LEVELS:
            written = source.data.get("wilayah", {}).get(level)
            problem = dataclasses.replace(problem, hint=region_hint(level, written, regions_at(regions, level)))
        yield problem


def _original(content_dir: Path, berkas: str) -> Original | RefusedOriginal | None:
    """The original document named ``berkas`` (``sumber/<name>.txt|pdf``, checked by the model), if it exists.

    What is published is decided by what is read, not by the name: the folder and the
    file must be themselves (a symbolic link would publish its target, an HTML page
    say, under a harmless name), and the bytes must be what the extension promises.
    """
    path = content_dir / berkas
    linked = symlink_within(content_dir, path)
    if linked is not None:
        return RefusedOriginal(
            "berkas sumber ini tautan simbolik",
            "berkas biasa di folder content/sumber/",
            f"{linked.relative_to(content_dir).as_posix()} menunjuk ke {os.readlink(linked)}",
            "salin isi dokumen aslinya ke content/sumber/; tautan tidak diterbitkan",
        )
    data = _read_regular(path)
    if not isinstance(data, bytes):
        return data
    refused = _wrong_kind(berkas, data)
    return refused or Original(berkas, hashlib.sha256(data).hexdigest())


def symlink_within(root: Path, path: Path) -> Path | None:
    """The first symbolic link on the way from ``root`` (itself not checked) down to ``path``, if any."""
    parts = path.relative_to(root).parts
    for depth in range(1, len(parts) + 1):
        candidate = root.joinpath(*parts[:depth])
        if candidate.is_symlink():
            return candidate
    return None


def _read_regular(path: Path) -> bytes | RefusedOriginal | None:
    """The bytes of ``path`` if it is a regular file, ``None`` if nothing is there; never follows
    a link nor waits on a pipe. A folder or a pipe under a source's name is refused, not read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as error:
        return _not_a_file(error.strerror or "tidak dapat dibuka")
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            return _not_a_file("folder" if stat.S_ISDIR(mode) else "pipa, soket atau perangkat")
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            return stream.read()
    finally:
        os.close(descriptor)


def _not_a_file(found: str) -> RefusedOriginal:
    hint = "simpan dokumen aslinya sebagai satu berkas .txt atau .pdf di content/sumber/"
    return RefusedOriginal("berkas sumber bukan berkas biasa", "berkas .txt atau .pdf", found, hint)


def _wrong_kind(berkas: str, data: bytes) -> RefusedOriginal | None:
    if berkas.endswith(".pdf"):
        if data.startswith(PDF_SIGNATURE):
            return None
        found = f"berkas diawali {data[:8]!r}" if data else "berkas kosong"
        hint = "simpan dokumen aslinya sebagai PDF, atau teks hasil ekstraksinya sebagai .txt"
        return RefusedOriginal("isi berkas sumber bukan PDF", "berkas PDF (diawali `%PDF-`)", found, hint)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        found = f"byte ke-{error.start + 1} bukan UTF-8"
    else:
        if "\0" not in text:
            return None
        found = f"karakter NUL di byte ke-{data.index(0) + 1}"
    hint = "simpan teks dokumen asli sebagai UTF-8; berkas lain (gambar, PDF) jangan diberi akhiran .txt"
    return RefusedOriginal("isi berkas sumber bukan teks", "teks UTF-8", found, hint)
