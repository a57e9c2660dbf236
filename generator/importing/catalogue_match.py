"""The catalogues a draft is matched against: regions and bodies, and regulations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..content.addresses import Place, places
from ..content.errors import ContentError, Problem
from ..content.load import REGIONS_FILE, REGULATIONS_FILE, display_path
from ..content.model import RegionCatalogue, RegulationCatalogue
from ..content.validate import validate
from ..content.yaml_source import read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Catalogues:
    """What ``content/wilayah.yml`` and ``content/regulasi.yml`` declare."""

    regions: RegionCatalogue
    regulations: RegulationCatalogue


def load_catalogues(content_dir: Path) -> Catalogues:
    """Both catalogues, validated as ``iku check`` validates them; :class:`ContentError` with every problem."""
    problems: list[Problem] = []
    regions = _load(content_dir / REGIONS_FILE, RegionCatalogue, problems)
    regulations = _load(content_dir / REGULATIONS_FILE, RegulationCatalogue, problems)
    if problems or regions is None or regulations is None:
        raise ContentError(problems)
    return Catalogues(regions, regulations)


def _load(path: Path, model: type[ModelT], problems: list[Problem]) -> ModelT | None:
    source = read_yaml(path, display_path(path))
    if isinstance(source, list):
        problems.extend(source)
        return None
    result = validate(source, model)
    if isinstance(result, list):
        problems.extend(result)
        return None
    return result


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
    return Owner({}, None, "", proposal)


def _body(text: str, regency: Place | str | None, all_places: list[Place]) -> Owner:
    for place in all_places:
        if place.level not in ("instansi", "jabatan"):
            continue
        if isinstance(regency, Place) and place.key[:2] != regency.key:
            continue
        names = _names(place)
        short = {_without_region(name) for name in names}
        if text in names or _without_region(text) in short:
            levels = ("provinsi", "kabupaten") if len(place.key) > 2 + (place.level == "jabatan") else ("provinsi",)
            wilayah = dict(zip(levels, place.key, strict=False))
            wilayah["instansi"] = place.key[len(levels)]
            if place.level == "jabatan":
                wilayah["jabatan"] = place.key[-1]
            return Owner(wilayah, place.key, f"{place.name} ({'/'.join(place.key)})", "")
    where = regency.name if isinstance(regency, Place) else (regency or "wilayahnya")
    body = _without_region(text)
    proposal = (
        f"instansi {body.title()} di {where} belum ada di content/wilayah.yml; tambahkan "
        f"`- id: {slug(body)}` dengan `nama` resminya dan `jenis`"
    )
    return Owner({}, None, "", proposal)


def _without_region(text: str) -> str:
    return re.split(r"\s+(?:kabupaten|kota|provinsi)\s+", text)[0].strip()
