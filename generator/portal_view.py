"""The view of portal-wide pages and files: downloads, redirects, glossary, comparison, data page.

Built on :class:`~generator.view.SiteView`, which knows documents, regions and their
addresses; this module only combines them across the whole portal.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from pathlib import Path

from .checks import document_key, former_addresses, indicator_entries, region_key
from .comparison import comparison_key, key_anchors
from .model import Term
from .open_data import COLUMNS, IndicatorRecord, document_json, indicators_csv, indicators_json
from .schema import schema_texts
from .view import (
    DATA_DIR,
    DOWNLOAD_JSON,
    DOWNLOAD_YAML,
    HOME,
    LEVEL_LABELS,
    Link,
    Page,
    Redirect,
    SiteView,
    file_link,
    link,
    page_path,
)


class PortalView:
    """Every page and file of the portal: the site's pages plus what spans all documents."""

    def __init__(self, site: SiteView) -> None:
        self.site = site

    def pages(self) -> list[Page]:
        return [*self.site.pages(), self.glossary_page(), self.comparison_page(), self.data_page()]

    def files(self) -> dict[str, bytes | Path]:
        """Every download: documents as JSON and YAML, their sources, all indicators, the schemas."""
        files: dict[str, bytes | Path] = {}
        for loaded in self.site.content.documents:
            key = document_key(loaded.document)
            folder = "/".join(key)
            files[f"{folder}/{DOWNLOAD_JSON}"] = document_json(loaded.document)
            files[f"{folder}/{DOWNLOAD_YAML}"] = loaded.path
            if loaded.original is not None:
                files[loaded.original.path] = self.site.content.root.resolve() / loaded.original.path
        records = self.indicator_records
        files[f"{DATA_DIR}/indikator.csv"] = indicators_csv(records)
        files[f"{DATA_DIR}/indikator.json"] = indicators_json(records)
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

    @functools.cached_property
    def indicator_records(self) -> list[IndicatorRecord]:
        """Every indicator of every document, in document order, for the portal-wide downloads."""
        records = []
        for loaded in self.site.content.documents:
            document = loaded.document
            key = document_key(document)
            region = region_key(document)
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
                        rumus_latex=(indicator.rumus.latex or "") if indicator.rumus else "",
                        rumus_teks=view.formula_reading or view.formula_text or "",
                        satuan=indicator.satuan or "",
                        sumber_data=list(indicator.sumber_data),
                        penanggung_jawab=list(indicator.penanggung_jawab),
                        target=[{"tahun": year, "nilai": value} for year, value in view.targets],
                        regulasi=list(indicator.regulasi),
                        catatan_editor=list(indicator.catatan_editor),
                    )
                )
        return records

    def data_page(self) -> Page:
        context = {
            "title": "Data terbuka",
            "crumbs": [HOME],
            "columns": COLUMNS,
            "csv_url": file_link((DATA_DIR,), "indikator.csv"),
            "json_url": file_link((DATA_DIR,), "indikator.json"),
            "schemas": [(name, file_link(("schema",), name)) for name in schema_texts()],
            "record_count": len(self.indicator_records),
            "document_count": len(self.site.content.documents),
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

    def comparison_page(self) -> Page:
        groups: dict[str, list[tuple[Link, Link, str]]] = defaultdict(list)
        names: dict[str, set[str]] = defaultdict(set)
        for loaded in self.site.content.documents:
            document = loaded.document
            key = document_key(document)
            doc_link = Link(self.site.document_title(document), link(key))
            for entry in indicator_entries(document):
                name = entry.indicator.nama
                group = comparison_key(name, self.site.content.glossary)
                groups[group].append((Link(name, link(key, entry.indicator.id)), doc_link, entry.body))
                names[group].add(name)
        shared_keys = [group for group, entries in groups.items() if len(entries) > 1]
        keys = sorted(shared_keys, key=lambda group: (-len(groups[group]), group))
        shared = [
            (anchor, sorted(names[group]), groups[group]) for anchor, group in zip(key_anchors(keys), keys, strict=True)
        ]
        context = {
            "title": "Perbandingan indikator",
            "crumbs": [HOME],
            "groups": shared,
            "single_count": sum(1 for entries in groups.values() if len(entries) == 1),
            "data_url": link((DATA_DIR,)),
        }
        return Page(page_path(("perbandingan",)), "comparison.md.j2", context)
