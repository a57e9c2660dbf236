"""The editors' JSON Schemas are derived from the model and committed up to date."""

from __future__ import annotations

import json

from conftest import REPO

from generator.content.load import document_files
from generator.content.schema import SCHEMA_DIR, schema_texts


def test_committed_schemas_match_the_model() -> None:
    for name, text in schema_texts().items():
        committed = (REPO / "content" / SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"content/schema/{name} is out of date: run `.venv/bin/iku schema`"


def test_the_document_schema_describes_every_field_in_indonesian_keys() -> None:
    schema = json.loads(schema_texts()["dokumen.schema.json"])
    indicator = schema["$defs"]["Indicator"]["properties"]
    assert {"sumber_data", "penanggung_jawab", "rumus", "target"} <= set(indicator)
    for definition in schema["$defs"].values():
        for name, field in definition.get("properties", {}).items():
            assert field.get("description"), name


def test_every_content_file_points_editors_at_its_schema() -> None:
    content = REPO / "content"
    for path in [
        content / "wilayah.yml",
        content / "regulasi.yml",
        content / "glosarium.yml",
        *document_files(content),
    ]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file() and target.parent == (content / SCHEMA_DIR).resolve(), path
