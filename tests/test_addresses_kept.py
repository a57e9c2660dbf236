"""Every address the site had before bodies and positions were added still answers.

``tests/fixtures/addresses/*.txt`` list every page, download and indicator anchor of the
real site and of the good fixture's site as built before that change (assets and the
search index left out: they belong to the theme). A page that moved would answer with
a redirect page; an address that answers with nothing fails here. ``data/indikator.json``
and ``data/target.json`` were withdrawn on purpose (issue 17: they repeated the CSV files
and were a tenth of the site's bytes) and are no longer listed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, Site

ADDRESSES = FIXTURES / "addresses"


def listed(name: str) -> list[str]:
    return (ADDRESSES / name).read_text(encoding="utf-8").split()


def missing(site: Site, addresses: list[str]) -> list[str]:
    """The addresses of ``addresses`` that ``site`` does not answer."""
    gone = []
    for address in addresses:
        path, _, anchor = address.partition("#")
        file = site.root / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_file() or (anchor and not _has_anchor(file, anchor)):
            gone.append(address)
    return gone


def _has_anchor(page: Path, anchor: str) -> bool:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    # A redirect page keeps the anchor on its way (tests/test_links.py checks where it leads).
    return soup.find(id=anchor) is not None or soup.select_one('meta[http-equiv="refresh"]') is not None


def test_every_address_of_the_real_site_still_answers(real_site: Site) -> None:
    assert missing(real_site, listed("real-site.txt")) == []


def test_every_address_of_the_fixture_site_still_answers(fixture_site: Site) -> None:
    assert missing(fixture_site, listed("fixture-site.txt")) == []


@pytest.mark.parametrize("name", ["real-site.txt", "fixture-site.txt"])
def test_the_lists_hold_pages_downloads_and_anchors(name: str) -> None:
    addresses = listed(name)
    assert "/" in addresses
    assert any(address.endswith("/dokumen.json") for address in addresses)
    assert any("#" in address for address in addresses)


def test_a_missing_address_is_named(fixture_site: Site) -> None:
    addresses = ["/jawa-timur/lumajang/contoh/", "/jawa-timur/tidak-ada/", "/jawa-timur/lumajang/contoh/2021-2023/#x-y"]
    assert missing(fixture_site, addresses) == ["/jawa-timur/tidak-ada/", "/jawa-timur/lumajang/contoh/2021-2023/#x-y"]
