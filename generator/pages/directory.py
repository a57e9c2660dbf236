"""The way in: the home page and the list of every document, one page per provinsi.

A citizen reaches any document in two clicks without JavaScript: the home page lists
the provinsi (click 1), and each provinsi's list (``/daftar-dokumen/<provinsi>/``)
names every document of every body in each of its kabupaten/kota (click 2; on a list of
more than one page, the page where its kabupaten/kota starts is one click more). The list
is split by provinsi so that no page holds the whole country, and a provinsi's list is cut
into numbered pages (:mod:`generator.pages.paging`), each naming the page every
kabupaten/kota starts on, so no page grows with the number of documents. With
JavaScript, the home page's search box opens the site search with the name typed.

Documents are listed by what every kind has (title, kind, period, region), so any
body's documents appear here, whatever the body.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..content.addresses import SEARCH_PAGE, numbered_page
from ..content.checks import document_key, region_key
from ..content.model import Decree, IkuDocument
from .paging import numbered_pages
from .view import DATA_DIR, HOME, Link, Page, SiteView, link, page_path

DIRECTORY = "daftar-dokumen"
"""The list's folder; reserved at the top level beside the regions (``addresses.SITE_SECTIONS``)."""
# Short: on a phone the list's three columns share 360 px.
KIND_LABELS = {"iku": "IKU", "keputusan": "Keputusan penetapan"}


@dataclass(frozen=True)
class DocumentEntry:
    document: Link
    kind: str
    period: str


@dataclass(frozen=True)
class RegencyEntries:
    """One kabupaten/kota of a provinsi's list: its region page and its documents."""

    title: str
    anchor: str
    url: str | None
    documents: list[DocumentEntry]


@dataclass(frozen=True)
class ProvinceEntry:
    """One provinsi as the home page and the list's index show it."""

    title: str
    url: str | None
    """The provinsi's list of documents; None when it has none yet."""
    regency_count: int
    document_count: int


class Directory:
    """The home page, the list's index and one list per provinsi."""

    def __init__(self, site: SiteView) -> None:
        self.site = site
        self.by_region: dict[tuple[str, ...], list[IkuDocument | Decree]] = defaultdict(list)
        for loaded in site.content.documents:
            self.by_region[region_key(loaded.document)[:2]].append(loaded.document)

    def pages(self) -> list[Page]:
        provinces = self.provinces()
        pages = [self._home(provinces), self._index(provinces)]
        for province in self.site.content.regions.provinsi:
            key = (province.id,)
            regencies = [self._regency((province.id, regency.id)) for regency in province.kabupaten]
            regencies.sort(key=lambda regency: regency.title.casefold())
            if any(regency.documents for regency in regencies):
                pages += self._province_pages(key, regencies)
        return pages

    def provinces(self) -> list[ProvinceEntry]:
        """Every provinsi of ``wilayah.yml`` by name, with how many kabupaten/kota and documents it has."""
        entries = []
        for province in self.site.content.regions.provinsi:
            key = (province.id,)
            count = sum(len(self.by_region[(province.id, regency.id)]) for regency in province.kabupaten)
            entries.append(
                ProvinceEntry(
                    title=self.site.region_name(key) or province.id,
                    url=link((DIRECTORY, province.id)) if count else None,
                    regency_count=len(province.kabupaten),
                    document_count=count,
                )
            )
        return sorted(entries, key=lambda entry: entry.title.casefold())

    def _regency(self, key: tuple[str, ...]) -> RegencyEntries:
        documents = sorted(self.by_region.get(key, []), key=lambda d: self.site.document_title(d).casefold())
        entries = [
            DocumentEntry(
                Link(self.site.document_title(document), link(document_key(document))),
                KIND_LABELS.get(document.jenis, document.jenis),
                self.site.period_or_year(document),
            )
            for document in documents
        ]
        # A region page exists only where documents are listed (see SiteView's region pages).
        return RegencyEntries(self.site.region_name(key) or key[-1], key[-1], link(key) if entries else None, entries)

    def _home(self, provinces: list[ProvinceEntry]) -> Page:
        context = {
            "title": self.site.site_name,
            "provinces": provinces,
            "document_count": len(self.site.content.documents),
            "directory_url": link((DIRECTORY,)),
            "comparison_url": link(("perbandingan",)),
            "regulations_url": link(("regulasi",)),
            "data_url": link((DATA_DIR,)),
            # An address for the form's action, not a Markdown link: the home page is the site's root.
            "search_url": f"{SEARCH_PAGE}/",
        }
        return Page(page_path(()), "home.md.j2", context)

    def _index(self, provinces: list[ProvinceEntry]) -> Page:
        context = {"title": "Daftar dokumen", "crumbs": [HOME], "provinces": provinces}
        return Page(page_path((DIRECTORY,)), "directory.md.j2", context)

    def _province_pages(self, key: tuple[str, ...], regencies: list[RegencyEntries]) -> list[Page]:
        """The provinsi's list, cut into numbered pages; a kabupaten/kota without documents takes one line."""
        name = self.site.region_name(key) or key[0]
        lines = [(regency, entry) for regency in regencies for entry in (regency.documents or [None])]
        numbered = list(numbered_pages((DIRECTORY, *key), lines, self.site.page_size))
        # Where each kabupaten/kota starts, for the index a list of more than one page carries.
        starts: dict[str, Link] = {}
        for page in numbered:
            for regency, _ in page.entries:
                url = link(numbered_page((DIRECTORY, *key), page.paging.number), regency.anchor)
                starts.setdefault(regency.anchor, Link(regency.title, url, str(page.paging.number)))
        context = {
            "crumbs": [HOME, Link("Daftar dokumen", link((DIRECTORY,)))],
            "province": name,
            "province_url": link(key),
            "document_count": sum(len(regency.documents) for regency in regencies),
            "regency_starts": list(starts.values()),
        }
        return [
            Page(
                page.path,
                "directory_province.md.j2",
                {
                    **context,
                    "title": f"Daftar dokumen {name}{page.paging.title_suffix}",
                    "regencies": _regrouped(page.entries),
                    "paging": page.paging,
                },
            )
            for page in numbered
        ]


def _regrouped(lines: list[tuple[RegencyEntries, DocumentEntry | None]]) -> list[RegencyEntries]:
    """One page's lines under their kabupaten/kota again, in order."""
    regencies: list[RegencyEntries] = []
    for regency, entry in lines:
        if not regencies or regencies[-1].anchor != regency.anchor:
            regencies.append(RegencyEntries(regency.title, regency.anchor, regency.url, []))
        if entry is not None:
            regencies[-1].documents.append(entry)
    return regencies
