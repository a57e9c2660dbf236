"""A site larger than one GitHub Pages site may be (1 GB), published as several behind one address.

GitHub Pages serves an organisation's site (the repository ``<org>.github.io``, or the custom
domain set on it) at the host's root, and each other repository of the organisation with Pages
on at ``/<repository>/`` of the same host. So the portal, built for an address at a host's root
(``site_url`` ``https://iku.example.go.id/``), is published as one Pages site per provinsi — the
repository named like the provinsi's id, holding what lies under ``/<provinsi>/`` — and one for
everything else (home, lists, comparison, regulations, data, search index). Every address stays
what it was, relative links between the parts stay on one host, and each part stays under the limit.

:func:`split_site` cuts an assembled site into those parts: their union is the site, each gets
the site's 404 page (a Pages site answers a missing address with its own) and a ``.nojekyll``
(a site published from a branch is otherwise run through Jekyll, which drops files starting
with ``_``), and a part larger than the limit is an error.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..content.errors import IkuError
from .folders import Folders, staging_beside, swap_in
from .shards import COMMON, files_under

PAGES_LIMIT = 1_000_000_000
"""GitHub Pages publishes a site of at most 1 GB."""
NOT_FOUND = "404.html"
NO_JEKYLL = ".nojekyll"


@dataclass(frozen=True)
class Part:
    """One Pages site of the publication."""

    name: str
    """``common`` (the organisation's site, at the host's root) or a provinsi's id (its repository's name)."""
    files: int
    size: int
    """Bytes of all its files."""


def part_of(address: str, provinces: Iterable[str]) -> str:
    """The part publishing a site-relative file address: a provinsi's for what lies under its address."""
    first, _, rest = address.partition("/")
    return first if rest and first in frozenset(provinces) else COMMON


def split_site(
    site: Path, site_url: str, provinces: Iterable[str], target: Path, limit: int = PAGES_LIMIT
) -> list[Part]:
    """Cut ``site`` (built for ``site_url``) into one folder per part under ``target``; the parts, common first.

    ``target`` is replaced only when every part fits under ``limit`` bytes.
    """
    provinces = list(provinces)
    address = urlsplit(site_url)
    if address.path not in ("", "/"):
        raise IkuError(
            f"situs dibangun untuk {site_url}: untuk diterbitkan per provinsi, site_url harus alamat akar sebuah "
            "host (mis. https://iku.example.go.id/), karena tiap provinsi diterbitkan di /<provinsi>/ host itu"
        )
    if not (site / NOT_FOUND).is_file():
        raise IkuError(f"{site.as_posix()} belum berisi situs yang dirakit; jalankan iku build atau iku assemble")
    target = target.resolve()
    staging = staging_beside(target)
    try:
        parts = _copy_parts(site, provinces, staging)
        oversized = [part for part in parts if part.size > limit]
        if oversized:
            listed = ", ".join(f"{part.name} {part.size:,} bait".replace(",", ".") for part in oversized)
            raise IkuError(f"bagian terbitan melebihi batas {limit:,} bait: {listed}".replace(",", "."))
        swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return parts


def _copy_parts(site: Path, provinces: list[str], staging: Path) -> list[Part]:
    names = [COMMON, *provinces]
    for name in names:
        (staging / name).mkdir()
        (staging / name / NO_JEKYLL).write_bytes(b"")
        shutil.copyfile(site / NOT_FOUND, staging / name / NOT_FOUND)
    folders = Folders(staging)
    for address, path in files_under(site).items():
        part = part_of(address, provinces)
        inside = address if part == COMMON else address.removeprefix(f"{part}/")
        destination = staging / part / inside
        folders.make(destination.parent)
        shutil.copyfile(path, destination)
    parts = []
    for name in names:
        files = files_under(staging / name)
        parts.append(Part(name, len(files), sum(os.path.getsize(path) for path in files.values())))
    return parts
