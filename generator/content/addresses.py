"""Where every page lives, derived from ids: one module below the checks and the views.

An address is a tuple of ids (``("jawa-timur", "lumajang", "senduro", "2024")``); the
page's Markdown path and its links are made from it here, and nowhere else. The places
a document can belong to (provinsi, kabupaten/kota, kecamatan, instansi, jabatan) are
read from ``content/wilayah.yml`` once, each with its address and where it is declared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import BodyKind, District, Period, Position, Province, Regency, RegionalBody, RegionCatalogue

Key = tuple[str, ...]
Loc = tuple[str | int, ...]

# The site's own top-level folders: generated sections, pages in docs/, MkDocs' and
# Material's assets. A province with one of these ids would overwrite or shadow them.
SITE_SECTIONS = frozenset(
    {
        "aksesibilitas",
        "assets",
        "cara-memperbaiki",
        "daftar-dokumen",
        "data",
        "glosarium",
        "pagefind",
        "pencarian",
        "perbandingan",
        "regulasi",
        "schema",
        "sumber",
        "tentang",
        "tentang-iku",
    }
)
# The search page (docs/pencarian.md); its index is in the site's "pagefind" folder.
SEARCH_PAGE = "pencarian"
# A kabupaten's or provinsi's decrees live in this folder beside its kecamatan, kabupaten and bodies.
DECREES_FOLDER = "keputusan"
# A document's period is the last part of its address; a jabatan beside them must not look like one.
PERIOD_LIKE = re.compile(r"^\d{4}(-\d{4})?$")

DOWNLOAD_JSON = "dokumen.json"
# Earlier versions of a document are published under its address: ``…/versi/<short commit>/``.
VERSIONS_DIR = "versi"
SHORT_COMMIT = 12
DOWNLOAD_YAML = "dokumen.yml"
DATA_DIR = "data"
REGULATIONS_DIR = "regulasi"
# A list that grows with the documents (one indicator across bodies, the documents citing a
# regulation, a provinsi's documents) is cut into numbered pages of at most this many entries,
# so no page grows with the portal. Entries keep their order, so page k holds the same
# entries until documents are added before them.
PAGE_SIZE = 50


def page_path(parts: Iterable[str]) -> str:
    """The docs-relative Markdown path of the page at ``parts``: ``a/b/index.md``."""
    return "/".join([*parts, "index.md"])


def link(parts: Iterable[str], anchor: str | None = None) -> str:
    """A root-relative Markdown link MkDocs resolves and validates."""
    return "/" + page_path(parts) + (f"#{anchor}" if anchor else "")


def numbered_page(parts: Key, number: int) -> Key:
    """Page ``number`` (from 1) of the list at ``parts``: page 1 is the list's own address, page k ``…/k/``."""
    return parts if number == 1 else (*parts, str(number))


def file_link(parts: Iterable[str], name: str) -> str:
    """A root-relative link to a download next to a page: ``/a/b/dokumen.json``."""
    return "/" + "/".join([*parts, name])


def period_key(period: Period) -> str:
    """``2024`` or ``2021-2026``: a period as the last part of a document's address."""
    return str(period.mulai) if period.selesai in (None, period.mulai) else f"{period.mulai}-{period.selesai}"


# What each level of place is called, and the key in wilayah.yml that lists it.
REGION_LEVELS = ("provinsi", "kabupaten", "kecamatan")
LEVELS = (*REGION_LEVELS, "instansi", "jabatan")

CatalogueEntry = Province | Regency | District | RegionalBody | Position


@dataclass(frozen=True)
class Place:
    """A region, body or position from ``content/wilayah.yml``, with its address and where it is declared."""

    key: Key
    level: str
    """``provinsi``, ``kabupaten``, ``kecamatan``, ``instansi`` or ``jabatan``."""
    loc: Loc
    entry: CatalogueEntry

    @property
    def name(self) -> str:
        """The name readers see: ``Kabupaten Lumajang``, ``Kecamatan Senduro``, a body's or position's own name."""
        entry = self.entry
        if isinstance(entry, Regency):
            return f"{'Kabupaten' if entry.jenis == 'kabupaten' else 'Kota'} {entry.nama}"
        if isinstance(entry, District):
            return f"Kecamatan {entry.nama}"
        return entry.nama

    @property
    def code(self) -> str | None:
        return getattr(self.entry, "kode", None)

    @property
    def body_kind(self) -> BodyKind | None:
        return self.entry.jenis if isinstance(self.entry, RegionalBody) else None

    @property
    def is_region(self) -> bool:
        return self.level in REGION_LEVELS


def places(regions: RegionCatalogue) -> Iterator[Place]:
    """Every place in catalogue order, a parent before what lies within it."""
    # The checks and the pages walk one catalogue eight times a build (12 ms each at 7,300 documents):
    # the last catalogue's places are remembered. Models are frozen, so the same one has the same places.
    global _last_walked
    if _last_walked[0] is not regions:
        _last_walked = (regions, tuple(_walk(regions)))
    return iter(_last_walked[1])


_last_walked: tuple[RegionCatalogue | None, tuple[Place, ...]] = (None, ())
"""The catalogue :func:`places` walked last, and its places."""


def _walk(regions: RegionCatalogue) -> Iterator[Place]:
    for p_index, province in enumerate(regions.provinsi):
        p_loc: Loc = ("provinsi", p_index)
        yield Place((province.id,), "provinsi", p_loc, province)
        for r_index, regency in enumerate(province.kabupaten):
            r_loc: Loc = (*p_loc, "kabupaten", r_index)
            r_key = (province.id, regency.id)
            yield Place(r_key, "kabupaten", r_loc, regency)
            for d_index, district in enumerate(regency.kecamatan):
                d_loc: Loc = (*r_loc, "kecamatan", d_index)
                yield Place((*r_key, district.id), "kecamatan", d_loc, district)
                yield from _positions(district.jabatan, (*r_key, district.id), d_loc)
            yield from _bodies(regency.instansi, r_key, r_loc)
        yield from _bodies(province.instansi, (province.id,), p_loc)


def _bodies(bodies: list[RegionalBody], parent: Key, parent_loc: Loc) -> Iterator[Place]:
    for index, body in enumerate(bodies):
        loc: Loc = (*parent_loc, "instansi", index)
        yield Place((*parent, body.id), "instansi", loc, body)
        yield from _positions(body.jabatan, (*parent, body.id), loc)


def _positions(positions: list[Position], parent: Key, parent_loc: Loc) -> Iterator[Place]:
    for index, position in enumerate(positions):
        yield Place((*parent, position.id), "jabatan", (*parent_loc, "jabatan", index), position)


def sibling_lists(regions: RegionCatalogue) -> Iterator[tuple[Key, list[Place]]]:
    """The places that share one folder of addresses, by the folder: their ids must all differ."""
    folders: dict[Key, list[Place]] = {}
    for place in places(regions):
        folders.setdefault(place.key[:-1], []).append(place)
    yield from folders.items()


def reserved_names(parent: Key, place: Place) -> tuple[frozenset[str], str]:
    """The names a place in folder ``parent`` may not take, and what holds them (for the message)."""
    if not parent:
        return SITE_SECTIONS, "bagian situs /{}/"
    if place.level == "jabatan":
        return frozenset(), "periode dokumen"
    owner = "folder keputusan kabupaten ini" if len(parent) == 2 else "folder keputusan provinsi ini"
    return frozenset({DECREES_FOLDER}), owner


def version_folder(key: Iterable[str], commit: str) -> str:
    """Where one version's JSON of the document at ``key`` is published: ``…/versi/<short commit>``."""
    return "/".join([*key, VERSIONS_DIR, commit[:SHORT_COMMIT]])
