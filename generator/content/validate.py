"""Validating parsed YAML against the content model, with messages editors can act on."""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .model import (
    NIP_PATTERN,
    OFFICIAL_URL_PATTERN,
    ORIGINAL_PATH_PATTERN,
    PAGE_PATH_PATTERN,
    REGION_CODE_PATTERN,
    SLUG_PATTERN,
    SOURCE_PATH_PATTERN,
    RuleError,
)
from .yaml_source import YamlFile, field_path

ModelT = TypeVar("ModelT", bound=BaseModel)

# What pydantic's type errors expected, in an editor's words.
_EXPECTED = {
    "string_type": "teks",
    "int_type": "bilangan bulat",
    "int_parsing": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "list_type": "daftar (butir-butir diawali `- `)",
    "model_type": "pemetaan (baris-baris `kunci: nilai`)",
    "model_attributes_type": "pemetaan (baris-baris `kunci: nilai`)",
    "dict_type": "pemetaan (baris-baris `kunci: nilai`)",
    "date_type": "tanggal YYYY-MM-DD",
    "date_from_datetime_parsing": "tanggal YYYY-MM-DD",
    "date_parsing": "tanggal YYYY-MM-DD",
    "finite_number": "bilangan bulat",
    "bool_type": "`true` atau `false`",
    "bool_parsing": "`true` atau `false`",
}

# What each pattern of the model means, in words an editor can follow, and an example.
PATTERN_HINTS = {
    SLUG_PATTERN: ("huruf kecil, angka dan tanda hubung saja", "nilai-ikm-kecamatan"),
    REGION_CODE_PATTERN: ("kode wilayah Kemendagri bertitik, dalam tanda kutip", '"35.08" atau "35.08.10"'),
    NIP_PATTERN: ("NIP 18 digit dengan spasi seperti tercetak, dalam tanda kutip", '"19621010 198503 1 026"'),
    PAGE_PATH_PATTERN: (
        "id-id dipisah `/`: huruf kecil, angka dan tanda hubung, tanpa `/` di awal atau akhir",
        "jawa-timur/lumajang/lumajang/2020",
    ),
    SOURCE_PATH_PATTERN: (
        "berkas .txt atau .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`",
        "sumber/senduro-2024.txt",
    ),
    ORIGINAL_PATH_PATTERN: (
        "berkas .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`",
        "sumber/senduro-2024.pdf",
    ),
    OFFICIAL_URL_PATTERN: (
        "alamat lengkap yang diawali `https://`, tanpa spasi, tanda kutip atau kurung",
        "https://lumajangkab.go.id/dokumen/iku-senduro-2024.pdf",
    ),
}


@dataclass(frozen=True)
class Finding:
    """What is wrong with one value, before it is given a place in a file."""

    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""


def did_you_mean(value: str, options: Iterable[str], otherwise: str, cutoff: float = 0.6) -> str:
    """ "maksud Anda `x`?" for the option closest to ``value``, or ``otherwise`` when none is close."""
    close = difflib.get_close_matches(value, sorted(options), n=1, cutoff=cutoff)
    return f"maksud Anda `{close[0]}`?" if close else otherwise


# Enough of a value to recognise it in a report, which stays readable however long the value is.
SHOWN_TEXT = 100


def shown(value: object) -> str:
    """A value as an editor wrote it, named by kind where YAML read it as something else."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML membacanya sebagai benar/salah)"
    if isinstance(value, (int, float)):
        return f"angka {value!r}"
    if isinstance(value, str):
        if len(value) > SHOWN_TEXT:
            return f'"{value[:SHOWN_TEXT]}…" ({len(value)} karakter)'
        return f'"{value}"'
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    return "kosong" if value is None else repr(value)


# What `iku new` writes where an editor still has to copy text from the source.
PLACEHOLDER = "…"


def placeholders(source: YamlFile) -> list[Problem]:
    """Every value still holding the scaffold's placeholder ``…``: valid YAML, but not the document."""
    found = []
    for loc, value in scalars(source.data, ()):
        if isinstance(value, str) and value.strip() == PLACEHOLDER:
            hint = "ganti `…` dengan teks dari dokumen asli, atau hapus baris ini bila sumber tidak memuatnya"
            found.append(source.problem(loc, "isian contoh belum diganti", "teks dari dokumen asli", '"…"', hint))
    return found


def scalars(data: object, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every scalar of parsed YAML (or JSON) with its place: mapping keys and list indexes."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from scalars(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from scalars(value, (*loc, index))
    else:
        yield loc, data


def validate(source: YamlFile, model: type[ModelT]) -> ModelT | list[Problem]:
    """Validate ``source.data`` as ``model``; return the instance or every problem found."""
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        return [_problem(source, model, detail) for detail in error.errors(include_url=False)]


# The section `iku import` ends a draft with: the original's lines it could not place. No model
# accepts it, so a draft fails the check until an editor has placed every line.
UNPLACED_SECTION = "tidak_dikenali"


def _problem(source: YamlFile, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc = tuple(detail["loc"])
    if detail["type"] == "extra_forbidden":
        line, column = source.locate_key(loc)
    else:
        line, column = source.locate(loc)
    finding = _finding(model, detail, source.written(loc))
    return Problem(source.path, line, column, field_path(loc), *astuple(finding))


def _finding(model: type[BaseModel], detail: ErrorDetails, written: str | None = None) -> Finding:
    """What is wrong, in an editor's words; ``written`` is the value as typed, when it is one scalar.

    A number is shown as typed: YAML reads `35.10` as 35.1, and quoting what it read would lose a digit.
    """
    kind = detail["type"]
    loc = tuple(detail["loc"])
    found = detail.get("input")
    ctx = detail.get("ctx", {})
    as_written = (
        f"angka {written}" if isinstance(found, (int, float)) and not isinstance(found, bool) and written else None
    )
    if kind == "missing":
        description = describe_field(model, loc)
        return Finding("wajib diisi, tetapi tidak ada", description, hint=f"tambahkan baris `{loc[-1]}: …`")
    if kind == "extra_forbidden" and loc == (UNPLACED_SECTION,):
        count = len(found) if isinstance(found, list) else 1
        return Finding(
            "baris dokumen asli yang belum ditempatkan (bagian dari `iku import`)",
            "setiap baris dipindahkan ke kolomnya di dokumen ini",
            f"{count} baris",
            f"pindahkan setiap baris ke kolom yang sesuai (atau ke `catatan_editor`), lalu hapus bagian "
            f"`{UNPLACED_SECTION}:`",
        )
    if kind == "extra_forbidden":
        allowed = sorted(_allowed_keys(model, loc[:-1]))
        hint = did_you_mean(str(loc[-1]), allowed, "hapus kunci ini atau periksa ejaannya")
        return Finding("kunci tidak dikenal", f"salah satu dari: {', '.join(allowed)}", f"`{loc[-1]}`", hint)
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return Finding("nilai tidak dikenal", f"salah satu dari {expected}", shown(found))
    if kind == "string_pattern_mismatch":
        words, example = PATTERN_HINTS.get(str(ctx.get("pattern")), (f"pola {ctx.get('pattern')}", ""))
        nip = nip_as_printed(found) if ctx.get("pattern") == NIP_PATTERN else None
        hint = f"tulis: {nip}" if nip else (f"contoh: {example}" if example else "")
        return Finding("format tidak sesuai", words, shown(found), hint)
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        relation = "≥" if kind == "greater_than_equal" else "≤"
        return Finding("di luar batas", f"bilangan {relation} {bound}", as_written or shown(found))
    if kind == "string_too_long":
        length = len(found) if isinstance(found, str) else 0
        return Finding(
            "teks terlalu panjang",
            f"paling banyak {ctx.get('max_length')} karakter",
            f"{length} karakter",
            "periksa apakah teksnya tersalin berulang atau terbawa isi lain dari PDF; "
            "bila memang panjang, bagi menjadi beberapa butir",
        )
    if kind == "string_too_short":
        return Finding("tidak boleh kosong", "teks", '""', "isi teksnya atau hapus kuncinya bila tidak wajib")
    if kind == "too_short":
        expected = f"sedikitnya {ctx.get('min_length')} butir"
        hint = "isi butirnya, atau hapus bagian ini bila kosong"
        if loc == ("tabel_indikator",):
            hint = "hapus `[]`, lalu salin tabel indikator dari dokumen asli (contohnya di bawah: hapus `#`)"
        return Finding("daftar tidak boleh kosong", expected, "[]", hint)
    if kind == "value_error":
        error = ctx.get("error")
        if isinstance(error, RuleError):
            return Finding(error.message, error.expected, error.found, error.hint)
        return Finding(str(error or detail["msg"]))
    if kind in _EXPECTED:
        nip = nip_as_printed(found) if loc[-1] == "nip" else None
        pattern = _field_pattern(model, loc)
        hint = (
            f"tulis dalam tanda kutip dengan spasi seperti tercetak: {nip}"
            if nip
            else _type_hint(kind, found, written, pattern)
        )
        return Finding("jenis nilai salah", _EXPECTED[kind], as_written or shown(found), hint)
    # pydantic's own words are English: an editor reads what the field is for instead.
    return Finding("nilai tidak sesuai", describe_field(model, loc), as_written or shown(found))


def nip_as_printed(value: object) -> str | None:
    """An 18-digit NIP written without its spaces (or as a number), quoted with them: ``"19621010 198503 1 026"``."""
    digits = "".join(str(value).split()) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if len(digits) != 18 or not digits.isdigit():
        return None
    return f'"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"'


def _type_hint(kind: str, found: object, written: str | None = None, pattern: str | None = None) -> str:
    if kind == "string_type" and isinstance(found, (bool, int, float)):
        written = written or (str(found).lower() if isinstance(found, bool) else str(found))
        if pattern is not None and re.match(pattern, written) is None:
            # Quoting `kode: 3508` would only trade this error for the format's: say the format at once.
            words, example = PATTERN_HINTS.get(pattern, (f"pola {pattern}", ""))
            return f"tulis {words}" + (f", mis. {example}" if example else "")
        return f'tulis dalam tanda kutip: "{written}"'
    if kind.startswith("bool"):
        return "tulis `true` (ya) atau `false` (tidak), tanpa tanda kutip"
    if kind.startswith("date"):
        return "periksa bulan (01–12) dan tanggalnya, mis. 2021-01-10"
    if kind == "list_type" and isinstance(found, str):
        return f"tulis sebagai daftar: [{json.dumps(found, ensure_ascii=False)}]"
    if kind.startswith("int") or kind == "finite_number":
        return "tulis dengan angka saja, mis. 2026"
    if kind.startswith(("model", "dict")):
        return "tulis isinya sebagai baris-baris `kunci: nilai` di bawahnya, menjorok dua spasi"
    return ""


def _field_pattern(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The pattern the text at ``loc`` must match, when the model gives one."""
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    if field is None:
        return None
    stack: list[Any] = [*field.metadata, field.annotation]
    while stack:
        item = stack.pop()
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            return pattern
        stack.extend(typing.get_args(item))
        stack.extend(getattr(item, "__metadata__", ()))
    return None


def describe_field(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """The model's description of the field at ``loc`` (list indexes may be left out), or ``""``."""
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    return (field.description or "") if field else ""


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class whose mapping is written at ``loc``, found through the annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _unwrap(current)
        if not _is_model(current) or part not in current.model_fields:
            return None
        current = current.model_fields[part].annotation
    current = _unwrap(current)
    return current if _is_model(current) else None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _unwrap(annotation: Any) -> Any:
    """Strip ``list[...]``, ``Annotated[...]`` and ``X | None`` down to the type inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else annotation
        elif origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []
