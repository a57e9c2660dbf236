"""The view of portal-wide pages and files: downloads, redirects, glossary, comparison, data page.

Built on :class:`~generator.pages.view.SiteView`, which knows documents, regions and their
addresses; this module only combines them across the whole portal.
"""

from __future__ import annotations

import datetime
import functools
import posixpath
from collections.abc import Callable
from pathlib import Path

from ..content.checks import former_addresses
from ..content.kinds import document_key, indicator_entries
from ..content.loaded import Original
from ..content.model import IkuDocument, Term
from ..content.schema import schema_texts
from .comparison import key_anchors
from .comparison_view import ComparisonView
from .data_package import Table, data_package
from .directory import Directory
from .licence import CODE_LICENCE, DATA_LICENCE
from .open_data import (
    COLUMNS,
    FORMULA_TRIGGERS,
    TARGET_COLUMNS,
    IndicatorRecord,
    TargetRecord,
    document_json,
    records_csv,
)
from .spreadsheet import Sheet, kept_workbook
from .view import (
    DATA_DIR,
    DOWNLOAD_JSON,
    DOWNLOAD_YAML,
    HOME,
    LEVEL_LABELS,
    Page,
    Redirect,
    SiteView,
    everything,
    file_link,
    page_path,
    version_folder,
)


class PortalView:
    """Every page and file of the portal: the site's pages plus what spans all documents."""

    def __init__(self, site: SiteView) -> None:
        self.site = site

    def pages(self, wanted: Callable[[str], bool] = everything) -> list[Page]:
        """Every page; a document page whose path is not ``wanted`` is named but not built."""
        site, glossary, data = self.site.pages(wanted), self.glossary_page(), self.data_page()
        return [*site, *Directory(self.site).pages(), glossary, *ComparisonView(self.site).pages(), data]

    def files(self, wanted: Callable[[str], bool] = everything) -> dict[str, bytes | Path | None]:
        """Every download: documents as JSON and YAML, their sources, all indicators, the schemas.

        A file whose path is not ``wanted`` (another build writes it) is named, with ``None``.
        """
        files: dict[str, bytes | Path | None] = {}
        for loaded in self.site.content.documents:
            key = document_key(loaded.document)
            folder = "/".join(key)
            own = wanted(f"{folder}/{DOWNLOAD_JSON}")
            files[f"{folder}/{DOWNLOAD_JSON}"] = document_json(loaded.document) if own else None
            files[f"{folder}/{DOWNLOAD_YAML}"] = loaded.path
            for version in loaded.history.versions:
                if version.document is not None:
                    data = document_json(version.document) if own else None
                    files[f"{version_folder(key, version.commit)}/{DOWNLOAD_JSON}"] = data
            for original in (loaded.original, loaded.pdf):
                if isinstance(original, Original):
                    # Published from the path as written: content checks refuse a linked source.
                    files[original.path] = self.site.content.root / original.path
        paths = self.data_paths()
        files.update(self.data_files() if any(map(wanted, paths)) else dict.fromkeys(paths))
        for name, text in schema_texts().items():
            files[f"schema/{name}"] = text.encode("utf-8")
        return files

    def redirects(self) -> list[Redirect]:
        """A redirect from every former address (renamed region, decree or document) to the current one."""
        titles: dict[tuple[str, ...], str] = self.site.region_names()
        for loaded in self.site.content.documents:
            titles[document_key(loaded.document)] = self.site.document_title(loaded.document)
        targets = {address.old: address.new for address in former_addresses(self.site.content)}
        redirects = []
        for old, key in sorted(targets.items()):
            target = posixpath.relpath("/".join(key), "/".join(old)) + "/"
            redirects.append(Redirect("/".join([*old, "index.html"]), target, self.site.permalink(key), titles[key]))
        return redirects

    # -- open data ------------------------------------------------------------------

    TABLES = (
        Table(
            "indikator",
            "Semua indikator",
            "Satu baris per indikator per dokumen.",
            IndicatorRecord,
            "indikator.csv",
            key="url_indikator",
        ),
        Table(
            "target",
            "Semua target",
            "Satu baris per indikator dan tahun; baris tabel target tanpa tahun menyusul berurutan seperti tercetak.",
            TargetRecord,
            "target.csv",
            refers={"url_indikator": "indikator"},
        ),
    )
    WORKBOOK = "portal-iku.xlsx"
    PACKAGE = "datapackage.json"

    def data_paths(self) -> list[str]:
        """Where :meth:`data_files` writes, in its order."""
        names = [table.csv for table in self.TABLES]
        return [f"{DATA_DIR}/{name}" for name in (*names, self.WORKBOOK, self.PACKAGE)]

    def data_files(self) -> dict[str, bytes]:
        """The portal-wide tables as CSV and one workbook, and the data package describing them."""
        rows = {"indikator": self.indicator_records, "target": self.target_records}
        data_url = self.site.permalink((DATA_DIR,))
        date = self.content_date
        contents = [records_csv(table.record_type, rows[table.name]) for table in self.TABLES]
        sheets = [Sheet(t.name, t.description, t.record_type, rows[t.name]) for t in self.TABLES]
        # The workbook is kept by each table's CSV: the same records.
        contents.append(kept_workbook(sheets, data_url, date, list(contents)))
        contents.append(data_package(self.TABLES, self.WORKBOOK, data_url, date))
        return dict(zip(self.data_paths(), contents, strict=True))

    @property
    def content_date(self) -> datetime.date | None:
        """When content last changed in git; None when built without history."""
        dates = [loaded.history.last_changed for loaded in self.site.content.documents]
        return max((date for date in dates if date is not None), default=None)

    @functools.cached_property
    def indicator_records(self) -> list[IndicatorRecord]:
        """Every indicator of every document, in document order, for the portal-wide downloads."""
        records = []
        for loaded in self.site.content.documents:
            document = loaded.document
            key = document_key(document)
            region = self.site.region_of(key)
            for entry in indicator_entries(document):
                indicator = entry.indicator
                view = self.site.indicator(indicator, key)
                records.append(
                    IndicatorRecord(
                        dokumen=self.site.document_title(document),
                        url_dokumen=self.site.permalink(key),
                        url_indikator=view.permalink,
                        instansi=entry.body,
                        wilayah=self.site.region_name(region) or "",
                        kode_wilayah=self.site.region_code(region) or "",
                        periode=self.site.period_or_year(document),
                        tingkat=LEVEL_LABELS[entry.table.tingkat],
                        nomor_sasaran=entry.goal.nomor or "",
                        sasaran=entry.goal.uraian,
                        id=indicator.id,
                        id_lama=list(indicator.id_lama),
                        indikator=indicator.nama,
                        definisi=indicator.definisi or "",
                        makna=indicator.makna or "",
                        alasan=indicator.alasan or "",
                        cara_perhitungan=indicator.cara_perhitungan or "",
                        rumus_latex=(indicator.rumus.latex or "") if indicator.rumus else "",
                        rumus_teks=view.formula_reading or view.formula_text or "",
                        variabel=[f"{symbol} = {meaning}" for symbol, meaning in view.variables],
                        satuan=indicator.satuan or "",
                        sumber_data=list(indicator.sumber_data),
                        penanggung_jawab=list(indicator.penanggung_jawab),
                        target=[{"tahun": year, "nilai": value} for year, value in view.targets],
                        regulasi=list(indicator.regulasi),
                        catatan_editor=list(indicator.catatan_editor),
                    )
                )
        return records

    @functools.cached_property
    def target_records(self) -> list[TargetRecord]:
        """Every target value of every IKU document: yearly targets of indicators, then target tables as printed."""
        records = []
        for loaded in self.site.content.documents:
            document = loaded.document
            if isinstance(document, IkuDocument):
                records += self._targets(document)
        return records

    def _targets(self, document: IkuDocument) -> list[TargetRecord]:
        key = document_key(document)
        records = []
        for entry in indicator_entries(document):
            view = self.site.indicator(entry.indicator, key)
            for year, value in view.targets:
                records.append(
                    TargetRecord(
                        url_indikator=view.permalink,
                        url_tabel="",
                        tabel="",
                        nomor="",
                        indikator="",
                        tahun=year,
                        kolom="",
                        kolom_ke=None,
                        nilai=value,
                    )
                )
        for number, table in enumerate(document.tabel_target, start=1):
            title = _target_table_title(table.judul, number, len(document.tabel_target))
            for row in table.baris:
                for column, value in enumerate(row.nilai, start=1):
                    records.append(
                        TargetRecord(
                            url_indikator="",
                            url_tabel=self.site.permalink(key, f"tabel-target-{number}"),
                            tabel=title,
                            nomor=row.nomor or "",
                            indikator=row.indikator,
                            tahun=None,
                            kolom=table.kolom[column - 1] if column <= len(table.kolom) else "",
                            kolom_ke=column,
                            nilai=value,
                        )
                    )
        return records

    def data_page(self) -> Page:
        data, documents = (DATA_DIR,), self.site.content.documents
        context = {
            "title": "Data terbuka",
            "crumbs": [HOME],
            "tables": [
                (table, file_link(data, table.csv), columns)
                for table, columns in zip(self.TABLES, (COLUMNS, TARGET_COLUMNS), strict=True)
            ],
            "workbook_name": self.WORKBOOK,
            "workbook_url": file_link(data, self.WORKBOOK),
            "package_name": self.PACKAGE,
            "package_url": file_link(data, self.PACKAGE),
            "package_url_absolute": self.site.permalink(data) + self.PACKAGE,
            "schemas": [(name, file_link(("schema",), name)) for name in schema_texts()],
            # One record per indicator per document (indicator_records), counted without reading every formula:
            # a shard renders this page, and reads only its own documents' formulas.
            "record_count": sum(1 for loaded in documents for _ in indicator_entries(loaded.document)),
            "target_count": len(self.target_records),
            "document_count": len(documents),
            "formula_triggers": FORMULA_TRIGGERS,
            "data_licence": DATA_LICENCE,
            "code_licence": CODE_LICENCE,
        }
        return Page(page_path((DATA_DIR,)), "data.md.j2", context)

    # -- glossary and comparison ----------------------------------------------------

    def glossary_terms(self) -> dict[str, str]:
        """Every written form of every abbreviation and its expansion, for Markdown's abbr extension."""
        terms: dict[str, str] = {}
        for term in self.site.content.glossary.istilah:
            for form in (term.singkatan, *term.bentuk_lain):
                terms[form] = term.kepanjangan
        return terms

    def glossary_page(self) -> Page:
        ordered = sorted(self.site.content.glossary.istilah, key=lambda term: term.singkatan.casefold())
        anchors = key_anchors([term.singkatan for term in ordered])
        terms: list[tuple[str, Term]] = list(zip(anchors, ordered, strict=True))
        context = {"title": "Glosarium singkatan", "crumbs": [HOME], "terms": terms}
        return Page(page_path(("glosarium",)), "glossary.md.j2", context)


def _target_table_title(title: str | None, number: int, count: int) -> str:
    """A target table's name as the document page heads it."""
    if title:
        return f"Tabel target: {title}"
    return f"Tabel target {number}" if count > 1 else "Tabel target"
