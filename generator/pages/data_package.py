"""``datapackage.json``: the open-data files described as a Frictionless Data Package.

Each table is published twice (CSV and a sheet of the workbook); every resource carries a
Table Schema made from the record's declared columns, so codes and NIPs are declared as
strings and years as integers, and ``frictionless validate`` checks each file against it.
A table that names the rows of another by a key declares it (``primaryKey``,
``foreignKeys``), so the check also finds a target whose indicator is missing.
The licences come from :mod:`generator.pages.licence`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .licence import ATTRIBUTION, DATA_LICENCE
from .open_data import Record, columns, constraints, field_types

MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Table:
    """One table of the package: its name, what a row is, and the file name of its CSV.

    ``key`` is the column naming a row (unique in the table); ``refers`` maps a column to
    the table whose key column of the same name its values are (an empty value refers to nothing).
    """

    name: str
    title: str
    description: str
    record_type: type[Record]
    csv: str
    key: str | None = None
    refers: Mapping[str, str] = field(default_factory=dict)


def data_package(tables: Sequence[Table], workbook: str, data_url: str, date: datetime.date | None) -> bytes:
    """The descriptor for ``tables``, each as CSV and a sheet (named like the table) of ``workbook``."""
    resources = []
    for table in tables:
        resources.append(_resource(table, table.name, table.csv, "csv"))
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
    suffix = ""
    if file_format == "csv":
        resource["encoding"] = "utf-8"
    else:
        resource["dialect"] = {"excel": {"sheet": table.name}}
        suffix = f"-{file_format}"
    schema = table_schema(table.record_type)
    if table.key:
        schema["primaryKey"] = [table.key]
    if table.refers:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": f"{other}{suffix}", "fields": [column]}}
            for column, other in table.refers.items()
        ]
    resource["schema"] = schema
    return resource


def table_schema(record_type: type[Record]) -> dict[str, object]:
    """The Table Schema of ``record_type``'s rows; in CSV and spreadsheets a list is text, one item a line."""
    types = field_types(record_type)
    limits = constraints(record_type)
    schema_fields = []
    for name, description in columns(record_type):
        column: dict[str, object] = {"name": name, "type": types[name], "description": description}
        if name in limits:
            column["constraints"] = limits[name]
        schema_fields.append(column)
    return {"fields": schema_fields, "missingValues": [""]}
