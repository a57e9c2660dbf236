"""``datapackage.json``: the open-data files described as a Frictionless Data Package.

Each table is published in three formats (CSV, JSON and a sheet of the workbook); every
resource carries a Table Schema made from the record's declared columns, so codes and
NIPs are declared as strings and years as integers, and ``frictionless validate`` checks
each file against it. The licences come from :mod:`generator.pages.licence`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .licence import ATTRIBUTION, DATA_LICENCE
from .open_data import Record, columns, constraints, field_types

MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Table:
    """One table of the package: its name, what a row is, and the file names of its CSV and JSON."""

    name: str
    title: str
    description: str
    record_type: type[Record]
    csv: str
    json: str


def data_package(
    tables: Sequence[Table], counts: Mapping[str, int], workbook: str, data_url: str, date: datetime.date | None
) -> bytes:
    """The descriptor for ``tables``, each as CSV, JSON and a sheet (named like the table) of ``workbook``.

    ``counts`` gives each table's number of rows: frictionless cannot read a JSON table
    without rows (it finds no keys), so an empty table is described by its CSV and sheet only.
    """
    resources = []
    for table in tables:
        resources.append(_resource(table, table.name, table.csv, "csv"))
        if counts[table.name]:
            resources.append(_resource(table, f"{table.name}-json", table.json, "json"))
        resources.append(_resource(table, f"{table.name}-xlsx", workbook, "xlsx"))
    descriptor: dict[str, object] = {
        "name": "portal-iku",
        "title": "Data terbuka Portal IKU",
        "description": (
            "Indikator Kinerja Utama (IKU) kecamatan dan perangkat daerah beserta targetnya, "
            f"seperti tercetak di dokumen sumber. Penjelasan lengkap: {data_url}"
        ),
        "homepage": data_url,
        "licenses": [{"name": DATA_LICENCE.name, "path": DATA_LICENCE.path, "title": DATA_LICENCE.title}],
        "contributors": [{"title": ATTRIBUTION, "path": data_url, "role": "publisher"}],
        "keywords": ["IKU", "indikator kinerja utama", "pemerintah daerah", "Indonesia"],
        **({"created": f"{date.isoformat()}T00:00:00Z"} if date else {}),
        "resources": resources,
    }
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _resource(table: Table, name: str, path: str, file_format: str) -> dict[str, object]:
    resource: dict[str, object] = {
        "name": name,
        "title": f"{table.title} ({file_format.upper()})",
        "description": table.description,
        "path": path,
        "profile": "tabular-data-resource",
        "format": file_format,
        "mediatype": MEDIA_TYPES[file_format],
    }
    if file_format != "xlsx":
        resource["encoding"] = "utf-8"
    if file_format == "xlsx":
        resource["dialect"] = {"excel": {"sheet": table.name}}
    resource["schema"] = table_schema(table.record_type, lists_as_arrays=file_format == "json")
    return resource


def table_schema(record_type: type[Record], *, lists_as_arrays: bool) -> dict[str, object]:
    """The Table Schema of ``record_type``'s rows; in CSV and spreadsheets a list is text, one item a line."""
    types = field_types(record_type, lists_as_arrays=lists_as_arrays)
    limits = constraints(record_type)
    schema_fields = []
    for name, description in columns(record_type):
        column: dict[str, object] = {"name": name, "type": types[name], "description": description}
        if name in limits:
            column["constraints"] = limits[name]
        schema_fields.append(column)
    return {"fields": schema_fields, "missingValues": [""]}
