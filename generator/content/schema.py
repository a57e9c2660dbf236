"""JSON Schemas for editors, derived from the content model (never written by hand)."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from pydantic import TypeAdapter

from .model import Document, Glossary, RegionCatalogue, RegulationCatalogue

SCHEMA_DIR = "schema"
DOCUMENT_SCHEMA = "dokumen.schema.json"
SCHEMAS: dict[str, tuple[str, object]] = {
    DOCUMENT_SCHEMA: ("Dokumen IKU atau Keputusan Bupati", Document),
    "wilayah.schema.json": ("Katalog wilayah (content/wilayah.yml)", RegionCatalogue),
    "regulasi.schema.json": ("Katalog regulasi (content/regulasi.yml)", RegulationCatalogue),
    "glosarium.schema.json": ("Glosarium singkatan (content/glosarium.yml)", Glossary),
}


@functools.cache
def schema_texts() -> Mapping[str, str]:
    """Each schema file's name and its exact text, stable from run to run; made once per process (every
    build shows them, and a preview server builds again on every edit)."""
    texts = {}
    for name, (title, model) in SCHEMAS.items():
        schema = TypeAdapter(model).json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return MappingProxyType(texts)


def write_schemas(content_dir: Path) -> list[Path]:
    """Write every schema into ``content_dir/schema``; return the files written."""
    folder = content_dir / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def document_schema_link(document: PurePosixPath) -> str:
    """The ``$schema`` a document file names, relative to it; ``document`` is its path within ``content/``."""
    return "../" * (len(document.parts) - 1) + f"{SCHEMA_DIR}/{DOCUMENT_SCHEMA}"
