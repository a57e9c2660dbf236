"""The view of the content that templates receive: labels, addresses and groups, precomputed.

Templates stay simple because every decision (what a page is called, where it lives,
what it links to, in which order) is made here, once. Page addresses are Markdown
paths from the docs root (``/jawa-timur/lumajang/index.md``); MkDocs turns them into
URLs and fails a strict build when one points nowhere.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from markupsafe import Markup

from ..content.addresses import (
    DATA_DIR,
    DOWNLOAD_JSON,
    DOWNLOAD_YAML,
    PAGE_SIZE,
    REGULATIONS_DIR,
    SHORT_COMMIT,
    Key,
    Place,
    file_link,
    link,
    page_path,
    places,
    version_folder,
)
from ..content.changes import Described
from ..content.dates import MONTHS, indonesian_date
from ..content.formulas import formula_reading, render_formula
from ..content.kinds import (
    AnyDocument,
    document_key,
    indicators_with_locs,
    kind_of,
    period_label,
    region_key,
    regulation_refs,
)
from ..content.loaded import Content, LoadedDocument, Original
from ..content.model import (
    BodyKind,
    Decree,
    EditorAddition,
    IkuContent,
    IkuDocument,
    Indicator,
    Level,
    Regulation,
    RegulationKind,
    Signature,
    TargetTable,
)
from ..content.versions import PUBLISHED_VERSIONS, ContentHistory, Version
from .chart import BarChart, bar_chart
from .document_view import (
    ItemView,
    TargetTableRowView,
    appendix_entry_view,
    article_view,
    decree_view,
    iku_document_view,
    item_views,
    target_table_rows,
)
from .paging import numbered_pages

# Kept importable from here: other modules and tests read them from the view.
__all__ = ["DATA_DIR", "DOWNLOAD_JSON", "DOWNLOAD_YAML", "MONTHS", "file_link", "indonesian_date", "link", "page_path"]

LEVEL_LABELS = {
    Level.tujuan: "Tujuan",
    Level.sasaran: "Sasaran strategis",
    Level.program: "Program",
    Level.kinerja_utama: "Kinerja utama",
}
KIND_ORDER = {kind: index for index, kind in enumerate(RegulationKind)}
# How a region page heads each kind of body it lists, in this order.
BODY_KIND_LABELS = {
    BodyKind.pemerintah_daerah: "Pemerintah daerah",
    BodyKind.sekretariat: "Sekretariat",
    BodyKind.inspektorat: "Inspektorat",
    BodyKind.dinas: "Dinas",
    BodyKind.badan: "Badan",
    BodyKind.satuan: "Satuan",
    BodyKind.rumah_sakit: "Rumah sakit daerah",
    BodyKind.kantor: "Kantor",
    BodyKind.kelurahan: "Kelurahan",
    BodyKind.lainnya: "Instansi lain",
}
ADDED_BY_EDITOR = {EditorAddition.keputusan: "Ditetapkan dengan"}
"""Where the page shows each field an editor may mark as added (``ditambahkan_editor``)."""
EDITOR_MARK = "ditambahkan oleh editor portal"


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    note: str = ""


HOME = Link("Beranda", link(()))
"""The first breadcrumb of every page below the home page."""


@dataclass(frozen=True)
class RegulationView:
    id: str
    label: str
    title: str | None
    kind: str
    year: int
    url: str
    cited_by: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class IndicatorView:
    id: str
    former_ids: list[str]
    permalink: str
    name: str
    definition: str | None
    meaning: str | None
    reason: str | None
    calculation: str | None
    formula_html: Markup | None
    formula_text: str | None
    latex: str | None
    variables: list[tuple[str, str]]
    unit: str | None
    sources: list[str]
    officials: list[str]
    targets: list[tuple[int, str]]
    regulations: list[RegulationView]
    notes: list[str]

    @property
    def formula_reading(self) -> str | None:
        """The formula as plain text; read only where shown (a shard's own pages, the downloads)."""
        return formula_reading(self.latex) if self.latex else None


@dataclass(frozen=True)
class GoalView:
    number: str | None
    text: str
    indicators: list[IndicatorView]


@dataclass(frozen=True)
class TableView:
    anchor: str
    level: str
    title: str | None
    columns: list[str]
    goals: list[GoalView]


@dataclass(frozen=True)
class IkuContentView:
    tasks: list[ItemView]
    functions: list[ItemView]
    goals: list[tuple[str, list[str]]]
    tables: list[TableView]
    anchor_prefix: str


@dataclass(frozen=True)
class SignatureView:
    place_date: str | None
    title: str | None
    name: str | None
    rank: str | None
    nip: str | None


@dataclass(frozen=True)
class VersionView:
    """One version of a document as its history lists it."""

    date: str | None
    changes: list[Described] | None
    """``None``: the version did not validate."""
    first: bool
    commit: str
    """The commit's short id, as shown and as the folder of its JSON."""
    json_url: str | None
    commit_url: str | None


@dataclass(frozen=True)
class ProvenanceView:
    """Where a document came from, when it changed, how to download and cite it."""

    source_name: str
    source_url: str
    source_sha256: str
    source_note: str | None
    extraction: bool
    """The published source is text extracted from the original, not the original itself."""
    pdf_name: str | None
    pdf_url: str | None
    pdf_sha256: str | None
    official_url: str | None
    retrieved: str | None
    history: ContentHistory
    """Why the history is unknown or incomplete; its versions are ``versions`` (without them here: every
    version holds a whole document, which the page shows nothing of, and a page's cache key reads
    everything its template receives, see generator.pages.render.PageSet.made_of)."""
    versions: list[VersionView]
    published_versions: int
    last_changed: str | None
    json_url: str
    yaml_url: str
    permalink: str
    citation: str


@dataclass(frozen=True)
class TargetRow:
    indicator: IndicatorView
    values: list[str]


@dataclass(frozen=True)
class YearTargetsView:
    """Every target of a document by year: one table row and one chart per indicator."""

    years: list[int]
    rows: list[TargetRow]
    charts: list[BarChart]


@dataclass(frozen=True)
class TargetTableView:
    """One targets table as printed, with a chart per row."""

    title: str | None
    headings: list[str]
    rows: list[TargetTableRowView]
    missing_headings: bool
    """The source prints no column headings: values follow in printed order, not by year."""
    charts: list[BarChart]


@dataclass(frozen=True)
class Page:
    """One page to generate: where it goes, which template renders it, and with what."""

    path: str
    template: str
    context: dict[str, object] | None
    """``None`` for a page another build writes (a shard's, see ``generate``): only its address is known."""


def everything(path: str) -> bool:
    """Every path is wanted: the whole site is built in one go."""
    return True


@dataclass(frozen=True)
class Redirect:
    """A former address that sends readers on to where its page lives now."""

    path: str
    """The redirect page's file, e.g. ``jawa-timur/lumajang/lama/2020/index.html``."""
    target: str
    """The new address relative to the redirect page, so it works on any host."""
    canonical: str
    title: str


@dataclass(frozen=True)
class ListingGroup:
    """One group of places a region or body page lists: kabupaten/kota, kecamatan, a kind of body, jabatan."""

    heading: str
    anchor: str
    items: list[Link]
    code_column: bool
    """Whether the notes are Kemendagri codes (regions), shown in a column of their own."""


class SiteView:
    """Builds the view of every page from validated content."""

    def __init__(
        self, content: Content, site_name: str, site_url: str, repo_url: str | None = None, page_size: int = PAGE_SIZE
    ) -> None:
        self.content = content
        self.page_size = page_size
        """Entries per page of a list that grows with the documents (:mod:`generator.pages.paging`)."""
        self.site_name = site_name
        self.site_url = site_url.rstrip("/") + "/"
        self.repo_url = repo_url.rstrip("/") if repo_url else None
        self.regulations = {r.id: self._regulation(r) for r in content.regulations.regulasi}
        self._places = {place.key: place for place in places(content.regions)}
        self._names = {key: place.name for key, place in self._places.items()}
        self._codes = {key: place.code for key, place in self._places.items()}
        documents = [loaded.document for loaded in content.documents]
        self._decrees = {d.id: d for d in documents if isinstance(d, Decree)}
        self._fixed_by: dict[str, list[AnyDocument]] = defaultdict(list)
        for document in documents:
            decree = getattr(document, "keputusan", None)
            if decree:
                self._fixed_by[decree].append(document)

    def permalink(self, parts: Iterable[str], anchor: str | None = None) -> str:
        """The absolute, permanent URL of a page (and anchor) on the published site."""
        path = "".join(f"{part}/" for part in parts)
        return f"{self.site_url}{path}" + (f"#{anchor}" if anchor else "")

    # -- regions --------------------------------------------------------------------

    def crumbs(self, parts: tuple[str, ...]) -> list[Link]:
        trail = [HOME]
        for depth in range(1, len(parts)):
            key = parts[:depth]
            if key in self._names:
                trail.append(Link(self._names[key], link(key)))
        return trail

    # -- regulations ----------------------------------------------------------------

    @staticmethod
    def _regulation(regulation: Regulation) -> RegulationView:
        kind = regulation.jenis.value
        if regulation.penerbit and kind.endswith(" Menteri") and regulation.penerbit.startswith("Menteri"):
            # "Peraturan Menteri" by "Menteri Dalam Negeri": the issuer names the minister.
            name = f"{kind.removesuffix(' Menteri')} {regulation.penerbit}"
        elif regulation.penerbit:
            name = f"{kind} {regulation.penerbit}"
        else:
            name = kind
        label = f"{name} Nomor {regulation.nomor} Tahun {regulation.tahun}"
        url = link((REGULATIONS_DIR, regulation.id))
        return RegulationView(regulation.id, label, regulation.judul, kind, regulation.tahun, url)

    # -- documents ------------------------------------------------------------------

    def indicator(self, indicator: Indicator, key: tuple[str, ...]) -> IndicatorView:
        formula = indicator.rumus
        latex = formula.latex if formula else None
        return IndicatorView(
            id=indicator.id,
            former_ids=list(indicator.id_lama),
            permalink=self.permalink(key, indicator.id),
            name=indicator.nama,
            definition=indicator.definisi,
            meaning=indicator.makna,
            reason=indicator.alasan,
            calculation=indicator.cara_perhitungan,
            formula_html=render_formula(latex) if latex else None,
            formula_text=formula.teks if formula else None,
            latex=latex,
            variables=[(variable.simbol, variable.arti) for variable in indicator.variabel],
            unit=indicator.satuan,
            sources=list(indicator.sumber_data),
            officials=list(indicator.penanggung_jawab),
            targets=sorted((t.tahun, t.nilai) for t in indicator.target),
            regulations=[self.regulations[r] for r in indicator.regulasi],
            notes=list(indicator.catatan_editor),
        )

    def iku_content(self, part: IkuContent, key: tuple[str, ...], anchor_prefix: str = "") -> IkuContentView:
        tables = []
        for index, table in enumerate(part.tabel_indikator, start=1):
            goals = [GoalView(g.nomor, g.uraian, [self.indicator(i, key) for i in g.indikator]) for g in table.baris]
            anchor = f"{anchor_prefix}indikator-{index}"
            tables.append(TableView(anchor, LEVEL_LABELS[table.tingkat], table.judul, list(table.kolom), goals))
        return IkuContentView(
            tasks=item_views(part.tugas),
            functions=item_views(part.fungsi),
            goals=[(g.uraian, list(g.indikator)) for g in part.tujuan],
            tables=tables,
            anchor_prefix=anchor_prefix,
        )

    @staticmethod
    def signature(signature: Signature | None) -> SignatureView | None:
        if signature is None:
            return None
        date = indonesian_date(signature.tanggal) if signature.tanggal else None
        place_date = ", ".join(p for p in (signature.tempat, date) if p) or None
        return SignatureView(place_date, signature.jabatan, signature.nama, signature.pangkat, signature.nip)

    def document_title(self, document: AnyDocument) -> str:
        return kind_of(document).title(document, self._names.__getitem__)

    def period_or_year(self, document: AnyDocument) -> str:
        return kind_of(document).period(document)

    def region_of(self, key: Key) -> Key:
        """The region (provinsi, kabupaten/kota or kecamatan) a page at ``key`` lies in, or is."""
        regions = [key[:depth] for depth in range(1, len(key) + 1) if self._is_region(key[:depth])]
        return regions[-1] if regions else ()

    def _is_region(self, key: Key) -> bool:
        place = self._places.get(key)
        return place is not None and place.is_region

    def place(self, key: Key) -> Place | None:
        return self._places.get(key)

    def region_name(self, parts: tuple[str, ...]) -> str | None:
        return self._names.get(parts)

    def region_names(self) -> dict[tuple[str, ...], str]:
        """Every region's display name by its id path (a copy)."""
        return dict(self._names)

    def region_code(self, parts: tuple[str, ...]) -> str | None:
        return self._codes.get(parts)

    # -- pages ----------------------------------------------------------------------

    def pages(self, wanted: Callable[[str], bool] = everything) -> list[Page]:
        """Every page of the site, each built from a bounded amount of content.

        A document page whose path is not ``wanted`` is named but not built (no context).
        """
        documents = [loaded.document for loaded in self.content.documents]
        pages = [self._document_page(loaded, wanted) for loaded in self.content.documents]
        pages += self._region_pages(documents)
        pages += self._regulation_pages(documents)
        return pages

    def _document_page(self, loaded: LoadedDocument, wanted: Callable[[str], bool]) -> Page:
        document = loaded.document
        key = document_key(document)
        kind = kind_of(document)
        if not wanted(page_path(key)):
            return Page(page_path(key), kind.template, None)
        if isinstance(document, Decree):
            return Page(page_path(key), kind.template, self._decree_context(loaded, document, key))
        decree_link = None
        if document.keputusan:
            decree = self._decrees[document.keputusan]
            decree_link = Link(self.document_title(decree), link(document_key(decree)))
        context = {
            "title": self.document_title(document),
            "crumbs": self.crumbs(key),
            "document": iku_document_view(document),
            "body": self.iku_content(document, key),
            "period": period_label(document),
            "region": self._region_lines(key),
            "decree": decree_link,
            "signature": self.signature(document.ditandatangani),
            "target_tables": [self._target_table(t, n) for n, t in enumerate(document.tabel_target, start=1)],
            "targets": self._year_targets(document, key),
            "provenance": self.provenance(loaded, key),
            "added_by_editor": {field.value for field in document.ditambahkan_editor},
            "editor_mark": EDITOR_MARK,
        }
        return Page(page_path(key), kind.template, context)

    @staticmethod
    def _target_table(table: TargetTable, number: int) -> TargetTableView:
        width = max(len(row.nilai) for row in table.baris)
        headings = list(table.kolom) or [f"Kolom {n} (judul tidak tercetak)" for n in range(1, width + 1)]
        # Without printed headings the bars are numbered by column; the description says "Kolom n".
        labels = list(table.kolom) or [str(n) for n in range(1, width + 1)]
        axis = "" if table.kolom else "Kolom"
        charts = []
        for index, row in enumerate(table.baris, start=1):
            points = list(zip(labels, row.nilai, strict=False))
            if chart := bar_chart(f"grafik--target-{number}-{index}", row.indikator, points, axis):
                charts.append(chart)
        return TargetTableView(table.judul, headings, target_table_rows(table), not table.kolom, charts)

    def _year_targets(self, document: IkuDocument, key: tuple[str, ...]) -> YearTargetsView | None:
        """All targets per year of a document: one table, and one chart per indicator."""
        indicators = [self.indicator(i, key) for _, i in indicators_with_locs(document) if i.target]
        if not indicators:
            return None
        years = sorted({year for view in indicators for year, _ in view.targets})
        rows = []
        charts: list[BarChart] = []
        for view in indicators:
            by_year = dict(view.targets)
            rows.append(TargetRow(view, [by_year.get(year, "") for year in years]))
            points = [(str(year), value) for year, value in view.targets]
            if chart := bar_chart(f"grafik--{view.id}", view.name, points):
                charts.append(chart)
        return YearTargetsView(years, rows, charts)

    # -- provenance -----------------------------------------------------------------

    def provenance(self, loaded: LoadedDocument, key: tuple[str, ...]) -> ProvenanceView:
        document = loaded.document
        history = loaded.history
        last = indonesian_date(history.last_changed) if history.last_changed else None
        original = loaded.original
        assert isinstance(original, Original), "content checks reject a missing or refused source file"
        title = self.document_title(document)
        source = document.sumber
        pdf = loaded.pdf if isinstance(loaded.pdf, Original) else None
        return ProvenanceView(
            source_name=posixpath.basename(original.path),
            source_url="/" + original.path,
            source_sha256=original.sha256,
            source_note=source.keterangan,
            extraction=not original.path.endswith(".pdf"),
            pdf_name=posixpath.basename(pdf.path) if pdf else None,
            pdf_url="/" + pdf.path if pdf else None,
            pdf_sha256=pdf.sha256 if pdf else None,
            official_url=source.alamat_resmi,
            retrieved=indonesian_date(source.diambil) if source.diambil else None,
            history=replace(history, versions=[]),
            versions=[self._version(version, key) for version in history.versions],
            published_versions=PUBLISHED_VERSIONS,
            last_changed=last,
            json_url=file_link(key, DOWNLOAD_JSON),
            yaml_url=file_link(key, DOWNLOAD_YAML),
            permalink=self.permalink(key),
            citation=self._citation(document, title, self.permalink(key), last),
        )

    def _version(self, version: Version, key: tuple[str, ...]) -> VersionView:
        folder = version_folder(key, version.commit)
        return VersionView(
            date=indonesian_date(version.date) if version.date else None,
            changes=version.changes,
            first=version.first,
            commit=version.commit[:SHORT_COMMIT],
            json_url=f"/{folder}/{DOWNLOAD_JSON}" if version.document is not None else None,
            commit_url=f"{self.repo_url}/commit/{version.commit}" if self.repo_url else None,
        )

    def _citation(self, document: AnyDocument, title: str, url: str, last: str | None) -> str:
        kind = kind_of(document)
        author = kind.author(document)
        signed = document.ditandatangani.tanggal if document.ditandatangani else None
        year = str(signed.year) if signed else (kind.period(document) or "t.t.")
        changed = f"terakhir diperbarui {last}" if last else "tanggal perubahan terakhir tidak diketahui"
        return f"{author}. ({year}). {title}. {self.site_name}. {url} ({changed})."

    def _region_lines(self, key: tuple[str, ...]) -> list[tuple[str, str | None, str]]:
        lines = []
        for depth in range(1, len(key)):
            part = key[:depth]
            if part in self._names:
                lines.append((self._names[part], self.region_code(part), link(part)))
        return lines

    def _decree_context(self, loaded: LoadedDocument, decree: Decree, key: tuple[str, ...]) -> dict[str, object]:
        citations = [
            (self.regulations[c.regulasi], [(a.frasa, self.regulations[a.regulasi]) for a in c.perubahan])
            for c in decree.mengingat
        ]
        appendix = [
            (appendix_entry_view(entry), self.iku_content(entry, key, anchor_prefix=f"lampiran-{index}-"))
            for index, entry in enumerate(decree.lampiran, start=1)
        ]
        fixed = [Link(self.document_title(d), link(document_key(d))) for d in self._fixed_by[decree.id]]
        return {
            "title": self.document_title(decree),
            "crumbs": self.crumbs(key),
            "document": decree_view(decree),
            "region": self._region_lines(key),
            "considerations": list(decree.menimbang),
            "consideration_regulations": [self.regulations[r] for r in decree.menimbang_regulasi],
            "citations": citations,
            "articles": [(article_view(a), [self.regulations[r] for r in a.regulasi]) for a in decree.diktum],
            "signature": self.signature(decree.ditandatangani),
            "appendix": appendix,
            "fixes": fixed,
            "provenance": self.provenance(loaded, key),
        }

    def _region_pages(self, documents: list[AnyDocument]) -> list[Page]:
        """A page for every place with documents at or below it, listing them and what lies within."""
        children: dict[Key, set[Key]] = defaultdict(set)
        listed: dict[Key, list[AnyDocument]] = defaultdict(list)
        for document in documents:
            owner = region_key(document)
            listed[owner].append(document)
            for depth in range(1, len(owner) + 1):
                children[owner[: depth - 1]].add(owner[:depth])
        # The home page lists provinsi with the list of documents (generator.pages.directory).
        pages: list[Page] = []
        for key in sorted((set(children) | set(listed)) - {()}):
            place = self._places[key]
            documents_here = [
                Link(self.document_title(d), link(document_key(d)), kind_of(d).note(d))
                for d in sorted(listed.get(key, []), key=document_key)
            ]
            context = {
                "title": self._names[key],
                "crumbs": self.crumbs(key),
                "code": place.code,
                "is_region": place.is_region,
                "groups": self._listing_groups(children.get(key, set())),
                "documents": documents_here,
            }
            pages.append(Page(page_path(key), "region.md.j2", context))
        return pages

    def _listing_groups(self, keys: set[Key]) -> list[ListingGroup]:
        """What a page lists below it: sub-regions first, then bodies by kind, then positions."""
        found = sorted((self._places[key] for key in keys), key=lambda place: place.name)
        regions = [place for place in found if place.is_region]
        groups = []
        if regions:
            heading = "Kabupaten/kota" if regions[0].level == "kabupaten" else "Kecamatan"
            groups.append(ListingGroup(heading, "wilayah", [self._place_link(p) for p in regions], True))
        for kind, label in BODY_KIND_LABELS.items():
            of_kind = [self._place_link(p) for p in found if p.body_kind is kind]
            if of_kind:
                groups.append(ListingGroup(label, f"instansi-{kind.value}", of_kind, False))
        positions = [self._place_link(p) for p in found if p.level == "jabatan"]
        if positions:
            groups.append(ListingGroup("Jabatan", "jabatan", positions, False))
        return groups

    def _place_link(self, place: Place) -> Link:
        return Link(place.name, link(place.key), place.code or "")

    def _regulation_pages(self, documents: list[AnyDocument]) -> list[Page]:
        cited_by: dict[str, list[Link]] = defaultdict(list)
        for document in documents:
            target = Link(self.document_title(document), link(document_key(document)))
            for ref in sorted({ref for _, ref in regulation_refs(document)}):
                cited_by[ref].append(target)
        views = sorted(self.regulations.values(), key=lambda r: (KIND_ORDER[RegulationKind(r.kind)], r.year, r.label))
        pages = [
            Page(
                page_path(("regulasi",)),
                "regulations.md.j2",
                {
                    "title": "Regulasi",
                    "crumbs": [HOME],
                    "groups": _group_by_kind(views),
                },
            )
        ]
        for view in views:
            citing = sorted(cited_by.get(view.id, []), key=lambda item: item.url)
            for numbered in numbered_pages((REGULATIONS_DIR, view.id), citing, self.page_size):
                context = {
                    "title": view.label + numbered.paging.title_suffix,
                    "crumbs": [HOME, Link("Regulasi", link((REGULATIONS_DIR,)))],
                    "regulation": view,
                    "cited_by": numbered.entries,
                    "cited_count": len(citing),
                    "paging": numbered.paging,
                }
                pages.append(Page(numbered.path, "regulation.md.j2", context))
        return pages


def _group_by_kind(views: list[RegulationView]) -> list[tuple[str, list[RegulationView]]]:
    groups: dict[str, list[RegulationView]] = {}
    for view in views:
        groups.setdefault(view.kind, []).append(view)
    return list(groups.items())
