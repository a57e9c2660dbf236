"""Typed views of a document's own text, for the document and decree templates.

Templates read these, never the content model: a field renamed in the model changes the
function here that reads it, and a template asking for something the view does not have
fails when the page is rendered (the environment's undefined is strict).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content.model import AppendixEntry, Article, Decree, IkuDocument, ListItem, TargetTable


@dataclass(frozen=True)
class ItemView:
    """One item of a printed list (tugas, fungsi, a diktum's letters), with its sub-items."""

    label: str | None
    """The number or letter as printed (``1.``, ``a.``); None when the source gives none."""
    text: str
    items: list[ItemView]


def item_views(items: Iterable[ListItem]) -> list[ItemView]:
    return [ItemView(item.label, item.teks, item_views(item.rincian)) for item in items]


@dataclass(frozen=True)
class IkuDocumentView:
    """What an IKU document's page shows of its own fields."""

    printed_title: str
    """The title as printed on the document (``judul``)."""
    body_name: str
    """The issuing body's name as printed (``instansi.nama``)."""
    notes: list[str]
    """The portal editor's notes where the source is incomplete or irregular."""


def iku_document_view(document: IkuDocument) -> IkuDocumentView:
    return IkuDocumentView(document.judul, document.instansi.nama, list(document.catatan_editor))


@dataclass(frozen=True)
class DecreeView:
    """What a decree's page shows of its own fields."""

    subject: str
    """What it is about (``judul``, the text after TENTANG)."""
    issuer: str
    """Who issued it: ``Bupati Lumajang``, ``Gubernur Jawa Timur``."""
    notes: list[str]
    copies: list[str]
    """Who receives a copy (``salinan``)."""


def decree_view(decree: Decree) -> DecreeView:
    return DecreeView(decree.judul, decree.penerbit, list(decree.catatan_editor), list(decree.salinan))


@dataclass(frozen=True)
class ArticleView:
    """One diktum (KESATU, KEDUA, …)."""

    label: str
    text: str
    items: list[ItemView]


def article_view(article: Article) -> ArticleView:
    return ArticleView(article.label, article.teks, item_views(article.rincian))


@dataclass(frozen=True)
class AppendixEntryView:
    """The heading of one body's IKU in a decree's appendix."""

    number: str | None
    body_name: str


def appendix_entry_view(entry: AppendixEntry) -> AppendixEntryView:
    return AppendixEntryView(entry.nomor, entry.instansi.nama)


@dataclass(frozen=True)
class TargetTableRowView:
    number: str | None
    indicator: str
    """The indicator's name as printed in the targets table."""
    values: list[str]


def target_table_rows(table: TargetTable) -> list[TargetTableRowView]:
    return [TargetTableRowView(row.nomor, row.indikator, list(row.nilai)) for row in table.baris]
