"""The catalogues a draft is matched against: regions and bodies, and regulations."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.addresses import Place, places
from ..content.errors import ContentError, Problem
from ..content.load import REGIONS_FILE, REGULATIONS_FILE, load_catalogue
from ..content.model import RegionCatalogue, RegulationCatalogue, RegulationKind
from ..content.validate import PLACEHOLDER
from .coverage import words


@dataclass(frozen=True)
class Catalogues:
    """What ``content/wilayah.yml`` and ``content/regulasi.yml`` declare."""

    regions: RegionCatalogue
    regulations: RegulationCatalogue

    @functools.cached_property
    def words(self) -> set[str]:
        """The words of the catalogues: a decree cites a regulation by id, whose title is here."""
        return set(words(self.regulations.model_dump(mode="json"))) | set(words(self.regions.model_dump(mode="json")))


def load_catalogues(content_dir: Path) -> Catalogues:
    """Both catalogues, validated as ``iku check`` validates them; :class:`ContentError` with every problem."""
    problems: list[Problem] = []
    regions = load_catalogue(content_dir, REGIONS_FILE, RegionCatalogue, problems)
    regulations = load_catalogue(content_dir, REGULATIONS_FILE, RegulationCatalogue, problems)
    if problems or regions is None or regulations is None:
        raise ContentError(problems)
    return Catalogues(regions, regulations)


def normalised(text: str) -> str:
    """Lower case, single spaces, ``Kab.`` as ``kabupaten``, no punctuation: how names are compared."""
    text = re.sub(r"\bkab\.\s*", "kabupaten ", text.lower())
    text = re.sub(r"\bkec\.\s*", "kecamatan ", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def slug(text: str) -> str:
    """An id for a new catalogue entry or an indicator: lower-case words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", normalised(text)))


@dataclass(frozen=True)
class Owner:
    """Whose document it is, as far as the catalogue tells: the ``wilayah`` block and the page's address."""

    wilayah: dict[str, str]
    key: tuple[str, ...] | None
    """The owner's address (``jawa-timur``, ``lumajang``, ``senduro``); None when it could not be matched."""
    recognised: str
    proposal: str
    """What to add to ``content/wilayah.yml`` ("" when the owner is there)."""


_REGENCY = re.compile(r"\b(kabupaten|kota)\s+([a-z][a-z -]*?)(?=\s+(?:tahun|provinsi|kecamatan|\d)|$)")
_DISTRICT = re.compile(r"\bkecamatan\s+([a-z][a-z -]*?)(?=\s+(?:tahun|kabupaten|kota|provinsi|\d)|$)")
_BODY = re.compile(r"\b(dinas|badan|inspektorat|sekretariat|satuan|kantor|rumah sakit|kelurahan)\b")


def match_owner(names: list[str], catalogues: Catalogues) -> Owner | None:
    """The kecamatan, body or position named in the title block or the ``Instansi`` line, if any is named."""
    all_places = list(places(catalogues.regions))
    # A position's document names the position before its body ("Sekretaris Dinas …"): looked for
    # first, or the body alone would match and the position's IKU would land on the body's page.
    for name in names:
        position = _position(normalised(name), all_places)
        if position:
            return position
    for name in names:
        text = normalised(name)
        regency = _regency(text, all_places)
        district = _DISTRICT.search(text)
        if district:
            return _district(district[1], regency, all_places)
        if _BODY.search(text):
            return _body(text, regency, all_places)
    return None


def _names(place: Place) -> set[str]:
    entry = place.entry
    found = {normalised(place.name), normalised(entry.nama), entry.id, *getattr(entry, "id_lama", [])}
    return {name for name in found if name}


def _regency(text: str, all_places: list[Place]) -> Place | str | None:
    match = _REGENCY.search(text)
    if not match:
        return None
    wanted = match[2].strip()
    for place in all_places:
        if place.level == "kabupaten" and (wanted in _names(place) or slug(wanted) in _names(place)):
            return place
    return f"{match[1]} {wanted}"


def _district(name: str, regency: Place | str | None, all_places: list[Place]) -> Owner:
    name = name.strip()
    candidates = [
        place
        for place in all_places
        if place.level == "kecamatan"
        and (name in _names(place) or slug(name) in _names(place))
        and (not isinstance(regency, Place) or place.key[:2] == regency.key)
    ]
    if len(candidates) == 1 and not isinstance(regency, str):
        place = candidates[0]
        wilayah = dict(zip(("provinsi", "kabupaten", "kecamatan"), place.key, strict=True))
        return Owner(wilayah, place.key, f"{place.name} ({'/'.join(place.key)})", "")
    where = regency.name if isinstance(regency, Place) else (regency or "kabupaten/kota yang tidak tersebut")
    proposal = (
        f"kecamatan {name.title()} di {where} belum ada di content/wilayah.yml; tambahkan "
        f"`- id: {slug(name)}` dengan `nama: {name.title()}` dan kode Kemendagrinya"
    )
    if len(candidates) > 1:
        proposal = f"ada {len(candidates)} kecamatan bernama {name.title()}; kabupatennya tidak tersebut"
    return Owner(_within(regency, "kecamatan"), None, "", proposal)


def _position(text: str, all_places: list[Place]) -> Owner | None:
    """The position whose full name (its body's region included) the text names, if any."""
    for place in all_places:
        if place.level == "jabatan" and any(
            " " in name and re.search(rf"(?:^|\s){re.escape(name)}(?:\s|$)", text) for name in _names(place)
        ):
            return _owner(place)
    return None


def _owner(place: Place) -> Owner:
    """A body's or a position's ``wilayah`` block and address, from its place in the catalogue."""
    levels = ("provinsi", "kabupaten") if len(place.key) > 2 + (place.level == "jabatan") else ("provinsi",)
    wilayah = dict(zip(levels, place.key, strict=False))
    wilayah["instansi"] = place.key[len(levels)]
    if place.level == "jabatan":
        wilayah["jabatan"] = place.key[-1]
    return Owner(wilayah, place.key, f"{place.name} ({'/'.join(place.key)})", "")


def _body(text: str, regency: Place | str | None, all_places: list[Place]) -> Owner:
    for place in all_places:
        if place.level not in ("instansi", "jabatan"):
            continue
        if isinstance(regency, Place) and place.key[:2] != regency.key:
            continue
        names = _names(place)
        short = {_without_region(name) for name in names}
        if text in names or _without_region(text) in short:
            return _owner(place)
    where = regency.name if isinstance(regency, Place) else (regency or "wilayahnya")
    body = _without_region(text)
    proposal = (
        f"instansi {body.title()} di {where} belum ada di content/wilayah.yml; tambahkan "
        f"`- id: {slug(body)}` dengan `nama` resminya dan `jenis`"
    )
    return Owner(_within(regency, "instansi"), None, "", proposal)


def _within(regency: Place | str | None, level: str) -> dict[str, str]:
    """The ``wilayah`` of an owner missing from the catalogue: its kabupaten when known, ``…`` to fill."""
    known = dict(zip(("provinsi", "kabupaten"), regency.key, strict=True)) if isinstance(regency, Place) else {}
    return {"provinsi": PLACEHOLDER, "kabupaten": PLACEHOLDER, **known, level: PLACEHOLDER}


def _without_region(text: str) -> str:
    return re.split(r"\s+(?:kabupaten|kota|provinsi)\s+", text)[0].strip()


_KINDS = sorted((kind.value for kind in RegulationKind), key=len, reverse=True)
_CITATION = re.compile(
    r"\b(" + "|".join(re.escape(kind) for kind in _KINDS) + r")\b(.*?)\bNomor\s*:?\s*([^\s,;]+)(?:\s+Tahun\s+(\d{4}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Citation:
    """A regulation named in the text, and its id in ``content/regulasi.yml`` ("" when it is not there)."""

    kind: str
    number: str
    year: int | None
    text: str
    id: str


def citations(text: str, catalogues: Catalogues) -> list[Citation]:
    """Every "Undang-Undang Nomor 23 Tahun 2014", "Keputusan Bupati Lumajang Nomor : 188.45/…/2017" … in order."""
    found = []
    for match in _CITATION.finditer(text):
        kind = next(k for k in _KINDS if k.casefold() == match[1].casefold())
        number = match[3].rstrip(".")
        year = int(match[4]) if match[4] else _year_in(number)
        found.append(Citation(kind, number, year, match[0], _regulation_id(kind, number, year, match[2], catalogues)))
    return found


def _year_in(number: str) -> int | None:
    years = re.findall(r"(?:19|20)\d{2}", number)
    return int(years[-1]) if years else None


def _number_key(number: str) -> str:
    """``PER/09/M.PAN/5/2007`` and ``PER/9/M.PAN/5/2007`` alike: leading zeros and case do not count."""
    return re.sub(r"\b0+(\d)", r"\1", number.casefold())


def _regulation_id(kind: str, number: str, year: int | None, issuer: str, catalogues: Catalogues) -> str:
    candidates = [
        regulation
        for regulation in catalogues.regulations.regulasi
        if regulation.jenis.value == kind
        and _number_key(regulation.nomor) == _number_key(number)
        and (year is None or regulation.tahun == year)
    ]
    if len(candidates) > 1:
        words = set(normalised(issuer).split())
        candidates = [r for r in candidates if words & set(normalised(r.penerbit or "").split())] or candidates
    return candidates[0].id if len(candidates) == 1 else ""


def proposed_regulation_id(citation: Citation) -> str:
    """An id in the catalogue's style for a regulation to add: ``uu-23-2014``, ``perbup-lumajang-50-2019``."""
    short = {"Undang-Undang": "uu", "Peraturan Pemerintah": "pp", "Peraturan Presiden": "perpres"}
    prefix = short.get(citation.kind, slug(citation.kind))
    return "-".join(part for part in (prefix, slug(citation.number), str(citation.year or "")) if part)
