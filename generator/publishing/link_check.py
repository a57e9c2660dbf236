"""Every internal link and anchor of a built site, followed the way a browser would follow it.

MkDocs checks the links written in Markdown; this checks the built HTML, so links made
by the theme, redirects, permalinks written as full addresses and the 404 page are
covered too. It reads only the built site. A page whose elements share an id is reported
too: a link to that id opens the first of them, whichever the author meant.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

# Attributes whose URL a browser follows or loads.
_LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")}


@dataclass(frozen=True, order=True)
class BrokenLink:
    """A link on ``page`` that leads nowhere on this site."""

    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


@dataclass(frozen=True, order=True)
class DuplicateId:
    """An id that ``count`` elements of ``page`` carry."""

    page: str
    id: str
    count: int

    def __str__(self) -> str:
        return f"{self.page}: #{self.id}: id dipakai {self.count} elemen; tautan ke #{self.id} membuka yang pertama"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.element_ids: Counter[str] = Counter()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        for name in ("id", "name") if tag == "a" else ("id",):
            if name in values:
                self.ids.add(values[name])
        if "id" in values:
            self.element_ids[values["id"]] += 1
        self.links.extend(value for name, value in values.items() if (tag, name) in _LINKING)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            # A redirect page's `0; url=…` is a link like any other.
            self.links.append(values.get("content", "").partition("url=")[2])


@dataclass(frozen=True)
class _Page:
    ids: frozenset[str]
    links: tuple[str, ...]
    duplicate_ids: tuple[tuple[str, int], ...]


def check_links(site_dir: Path, site_url: str) -> list[BrokenLink]:
    """Every internal link of every HTML page in ``site_dir`` whose file or anchor does not exist."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    read = functools.cache(_read)
    broken: list[BrokenLink] = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        page_url = urljoin(base, page.removesuffix("index.html"))
        for link in read(path).links:
            broken.extend(_follow(site_dir, base, page, page_url, link, read))
    return sorted(set(broken))


def duplicate_ids(site_dir: Path) -> list[DuplicateId]:
    """Every id that more than one element of an HTML page in ``site_dir`` carries."""
    return sorted(
        DuplicateId(path.relative_to(site_dir).as_posix(), id_, count)
        for path in site_dir.rglob("*.html")
        for id_, count in _read(path).duplicate_ids
    )


def _follow(
    site_dir: Path, base: str, page: str, page_url: str, link: str, read: Callable[[Path], _Page]
) -> Iterator[BrokenLink]:
    address, fragment = urldefrag(urljoin(page_url, link.strip()))
    if not address.startswith(base):
        if _origin(address) == _origin(base):
            yield BrokenLink(page, link, "di luar alamat situs")
        return
    target = _file(site_dir, unquote(urlsplit(address).path.removeprefix(urlsplit(base).path)))
    if target is None:
        yield BrokenLink(page, link, "halaman atau berkas tidak ada")
    elif fragment and target.suffix == ".html" and unquote(fragment) not in read(target).ids:
        where = target.relative_to(site_dir).as_posix()
        yield BrokenLink(page, link, f"jangkar #{unquote(fragment)} tidak ada di {where}")


def _origin(address: str) -> tuple[str, str]:
    parts = urlsplit(address)
    return parts.scheme, parts.netloc


def _file(site_dir: Path, relative: str) -> Path | None:
    candidate = site_dir / relative
    if candidate.is_dir():
        candidate = candidate / "index.html"
    inside = candidate.resolve().is_relative_to(site_dir.resolve())
    return candidate if inside and candidate.is_file() else None


def _read(path: Path) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    duplicates = tuple(sorted((id_, count) for id_, count in parser.element_ids.items() if count > 1))
    return _Page(frozenset(parser.ids), tuple(parser.links), duplicates)
