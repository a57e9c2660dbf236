"""Two builds of one commit, in different folders and at different times, are byte-identical.

MkDocs dates every page with the clock (or ``SOURCE_DATE_EPOCH``): the sitemap's ``<lastmod>``
and the mtime inside ``sitemap.xml.gz``. The iku plugin dates pages from git history instead.
With its ``on_pre_page`` hook turned off, ``test_two_builds_of_one_commit_are_byte_identical``
fails naming ``sitemap.xml`` and ``sitemap.xml.gz`` (checked by hand when the hook was written).
"""

from __future__ import annotations

import datetime
import gzip
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from conftest import FIXTURES, SITE_URL, Site, git, lay_out_project

FIRST_COMMIT = "2024-03-01T10:00:00+00:00"
SECOND_COMMIT = "2024-05-02T09:00:00+00:00"
EDITED = "content/dokumen/jawa-timur/jember/sumberjambe/2022.yml"
UNTOUCHED = "content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Two builders that share nothing but the commit: clock, hash seed and time zone all differ.
BUILDERS = {
    "builder-one": {"SOURCE_DATE_EPOCH": "946684800", "PYTHONHASHSEED": "1", "TZ": "UTC"},
    "elsewhere/builder-two": {"SOURCE_DATE_EPOCH": "1907712000", "PYTHONHASHSEED": "4242", "TZ": "Asia/Jayapura"},
}


def build(project: Path, extra_env: dict[str, str]) -> Path:
    """``mkdocs build --strict`` in ``project`` with ``extra_env``; the built site's folder."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env |= {"NO_MKDOCS_2_WARNING": "1", **extra_env}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return project / "site"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def lastmods(site: Path) -> dict[str, str | None]:
    """The sitemap's ``<lastmod>`` of every page, by site-relative address."""
    urls = ElementTree.fromstring((site / "sitemap.xml").read_bytes()).iter(f"{SITEMAP}url")
    return {url.findtext(f"{SITEMAP}loc", "").removeprefix(SITE_URL): url.findtext(f"{SITEMAP}lastmod") for url in urls}


def gzip_mtime(path: Path) -> int:
    """The MTIME field of a gzip member's header (RFC 1952): seconds since the epoch, 0 for none."""
    return int.from_bytes(path.read_bytes()[4:8], "little")


def page_address(content_file: str) -> str:
    return content_file.removeprefix("content/dokumen/").removesuffix(".yml") + "/"


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    lay_out_project(origin, FIXTURES / "published")
    git(origin, "init", "-q", date=FIRST_COMMIT)
    git(origin, "add", ".", date=FIRST_COMMIT)
    git(origin, "commit", "-q", "-m", "Dokumen pertama", date=FIRST_COMMIT)
    # A later commit changing what one document says: its page, and only its page among documents, is newer.
    text = (origin / EDITED).read_text(encoding="utf-8")
    (origin / EDITED).write_text(text.replace("\ntugas:\n", "\ntugas:\n  - teks: Diperiksa ulang.\n", 1), "utf-8")
    git(origin, "commit", "-q", "-am", "Periksa ulang satu dokumen", date=SECOND_COMMIT)

    sites = []
    for folder, extra_env in BUILDERS.items():
        clone = tmp_path / folder
        git(tmp_path, "clone", "-q", str(origin), str(clone), date=FIRST_COMMIT)
        sites.append(build(clone, extra_env))

    one, two = (tree(site) for site in sites)
    only_one = sorted(one.keys() ^ two.keys())
    assert not only_one, f"built by one builder only: {only_one}"
    differing = sorted(path for path in one if one[path] != two[path])
    assert not differing, f"different between the two builds: {differing}"

    site = sites[0]
    assert gzip.decompress(one["sitemap.xml.gz"]) == one["sitemap.xml"]
    dates = lastmods(site)
    assert dates[page_address(EDITED)] == "2024-05-02"
    assert dates[page_address(UNTOUCHED)] == "2024-03-01"
    # Pages drawing on all content (home, regions, glossary) are as new as the newest content.
    assert dates[""] == dates["glosarium/"] == dates["jawa-timur/"] == "2024-05-02"
    assert gzip_mtime(site / "sitemap.xml.gz") == int(datetime.datetime(2024, 5, 2, tzinfo=datetime.UTC).timestamp())


def test_a_site_built_without_history_claims_no_dates(fixture_site: Site) -> None:
    """Built from a plain copy (no git), no page has a ``<lastmod>``, and the gzip header has no time stamp."""
    dates = lastmods(fixture_site.root)
    assert dates and set(dates.values()) == {None}
    assert gzip_mtime(fixture_site.root / "sitemap.xml.gz") == 0
    assert (
        gzip.decompress((fixture_site.root / "sitemap.xml.gz").read_bytes())
        == (fixture_site.root / "sitemap.xml").read_bytes()
    )
