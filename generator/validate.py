"""Validating parsed YAML against the content model, with messages editors can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .model import NIP_PATTERN, PAGE_PATH_PATTERN, REGION_CODE_PATTERN, SLUG_PATTERN
from .yaml_source import YamlFile

ModelT = TypeVar("ModelT", bound=BaseModel)

# Indonesian wording for pydantic's error types; anything unlisted falls back to pydantic's text.
_MESSAGES = {
    "missing": "wajib diisi, tetapi tidak ada",
    "string_type": "harus berupa teks",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "list_type": "harus berupa daftar (butir-butir diawali `- `)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "date_type": "harus berupa tanggal dengan format YYYY-MM-DD",
    "date_from_datetime_parsing": "harus berupa tanggal dengan format YYYY-MM-DD",
    "date_parsing": "harus berupa tanggal dengan format YYYY-MM-DD",
    "string_too_short": "tidak boleh kosong",
}


# What each pattern of the model means, in words an editor can follow.
PATTERN_HINTS = {
    SLUG_PATTERN: "huruf kecil, angka dan tanda hubung saja, mis. `nilai-ikm-kecamatan`",
    REGION_CODE_PATTERN: 'kode Kemendagri bertitik dalam tanda kutip, mis. "35.08" atau "35.08.10"',
    NIP_PATTERN: 'NIP 18 digit dengan spasi seperti tercetak, mis. "19621010 198503 1 026"',
    PAGE_PATH_PATTERN: "alamat tanpa garis miring di awal/akhir, mis. `jawa-timur/lumajang/lumajang/2020`",
}


def field_path(loc: tuple[str | int, ...]) -> str:
    """Write a location as an editor sees it in YAML: ``tabel_indikator[0].baris[1].nama``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def validate(source: YamlFile, model: type[ModelT]) -> ModelT | list[Problem]:
    """Validate ``source.data`` as ``model``; return the instance or every problem found."""
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        return [_problem(source, model, detail) for detail in error.errors(include_url=False)]


def _problem(source: YamlFile, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc = tuple(detail["loc"])
    if detail["type"] == "extra_forbidden":
        line, column = source.locate_key(loc)
    else:
        line, column = source.locate(loc)
    return Problem(source.path, line, column, field_path(loc), _message(model, detail))


def _message(model: type[BaseModel], detail: ErrorDetails) -> str:
    kind = detail["type"]
    loc = tuple(detail["loc"])
    found = detail.get("input")
    ctx = detail.get("ctx", {})
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; maksud Anda `{close[0]}`?" if close else ""
        return f"kunci tidak dikenal{hint} (yang boleh: {', '.join(sorted(allowed))})"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"harus salah satu dari {expected}, ditemukan {found!r}"
    if kind == "string_pattern_mismatch":
        expected = PATTERN_HINTS.get(str(ctx.get("pattern")), f"pola {ctx.get('pattern')}")
        return f"format tidak sesuai, ditemukan {found!r}; yang benar: {expected}"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        relation = "≥" if kind == "greater_than_equal" else "≤"
        return f"harus {relation} {bound}, ditemukan {found!r}"
    if kind == "too_short":
        return f"harus berisi sedikitnya {ctx.get('min_length')} butir"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    message = _MESSAGES.get(kind, detail["msg"])
    if kind == "missing":
        return message
    if kind == "string_type" and isinstance(found, bool):
        # The content loader reads only true/false as booleans; the editor meant text.
        return f'{message}, tetapi YAML membacanya sebagai benar/salah; tulis dalam tanda kutip, mis. "No"'
    if kind == "string_type" and isinstance(found, (int, float)):
        return f'{message}, ditemukan angka {found!r}; tulis dengan tanda kutip, mis. "{found}"'
    return f"{message}, ditemukan {found!r}"


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
