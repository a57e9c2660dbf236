"""Whole pages kept between builds, so that a rebuild writes an unchanged page instead of rendering it.

A page generated from content is, as written to the site, a function of:

- what its Markdown is made of, source path, address (``dest_uri`` and ``url``), "edit this page" link
  and date (``update_date``, from git history): the page's key, :func:`page_key`. What the Markdown is
  made of is its template's name and the whole state of the context the template receives, as a digest
  (:meth:`~generator.pages.render.PageSet.made_of`): an unchanged page is known without rendering it.
  A page whose context cannot be serialised is keyed by its Markdown instead;
- everything that shapes every page: :func:`global_fingerprint` — the resolved configuration that
  reaches a page (site and repository addresses and names, ``edit_uri``, the theme's name,
  features, palette, language and ``custom_dir``, ``nav``, the Markdown extensions and their
  configuration (the glossary is there), ``extra``, the extra CSS and JavaScript, the copyright,
  the plugins' options), the bytes of ``mkdocs.yml``, every file under ``docs_dir`` (the pages of the
  navigation, shown by every page) and the theme's folder, the code of ``generator/`` with the
  pinned KaTeX and the libraries it reads with (:func:`~generator.content.check_cache.code_digest`),
  and the installed MkDocs, Material, Python-Markdown and PyMdown Extensions;
- which of the files it links to exist. An entry names the site files its HTML links to
  (:func:`linked_files`, read once when the page is kept); it is reused only while each of
  them is still a file of the build, otherwise the page is built again and MkDocs checks its links.
  MkDocs does not check an anchor (``#…``) pointing into a kept page, nor one from a kept page into
  another: ``iku links`` checks every anchor of the built site.

Nothing else a page depends on is read from other pages (a page outside the navigation shows the
navigation's pages, and those are always built). Entries live in the project, in
``.cache/pages/<key>.zlib`` (never a shared temporary folder): its linked files (a line of JSON) and
the page's file, zlib-compressed, written under a temporary name and renamed, so a reader sees a whole entry or
none. An entry that cannot be read or is not what this module writes is ignored: the page is built.

The search index is kept too (``.cache/pagefind/``): it is a function of the site's HTML files and
Pagefind's version and options (:func:`search_index_kept`).

A full build removes every entry it did not use. A build of some shards uses part of the cache and
removes nothing, except: the groups of a parallel build (``iku build --jobs``) each record the keys
they used and their pages' keys (:func:`write_record`); once every group succeeded and the site is
assembled, their parent removes what no group used and reads the index's digest from those keys, the
digest of a one-process build of the same site, so both share the kept index. ``iku build --shard X
--rapikan-cache`` (a cache that only this shard uses, a CI job's) removes what the shard did not use.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Mapping
from html import unescape
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..content.check_cache import code_digest
from .folders import remove_in_background
from .search_index import BUNDLE_DIR, build_search_index

CACHE_DIR = ".cache"
"""The project's cache folder, beside mkdocs.yml (gitignored): kept pages, the search index kept."""
PAGES_DIR = "pages"
INDEX_DIR = "pagefind"
LIBRARIES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions")
CONFIG_KEYS = (
    "site_url",
    "site_name",
    "site_description",
    "site_author",
    "repo_url",
    "repo_name",
    "edit_uri",
    "use_directory_urls",
    "nav",
    "markdown_extensions",
    "mdx_configs",
    "extra",
    "extra_css",
    "extra_javascript",
    "extra_templates",
    "copyright",
)
"""The configuration that reaches a page's HTML, besides the theme's and the plugins'."""
COMPRESSION = 1
"""zlib's fastest level: a cold build compresses every page (63 MB at N = 1,000) in 0.5 CPU s instead of
0.9 at the default level, for a cache 14 MB instead of 12; reading an entry back costs the same."""
_ENTRY = re.compile(r"^[0-9a-f]{64}\.zlib$")
INDEX_REUSED = "Indeks pencarian dipakai lagi dari cache: halaman situs tidak berubah"
"""Said when the search index kept is written instead of running Pagefind."""
_INDEX = re.compile(r"^[0-9a-f]{64}$")
_TEMPORARY = re.compile(r"^\.[0-9a-f]{64}\.zlib-")
_INDEX_STAGING = ".neu-"
_INDEX_RETIRED = ".lama-"
RECORD_VARIABLE = "IKU_CACHE_RECORD"
"""Set by a parallel build (site_build.py) for each group's MkDocs: the file where the group records
what it did with the cache (:func:`write_record`), read by the parent once every group succeeded."""


def global_fingerprint(
    config: Mapping[str, Any],
    theme: Mapping[str, Any],
    theme_dir: str | None,
    plugins: Mapping[str, Mapping[str, Any]],
    config_file: Path,
) -> str:
    """What every page depends on besides its own Markdown and address (see the module's docstring).

    ``config`` is MkDocs' resolved configuration, ``theme`` its theme's options and ``theme_dir`` its
    ``custom_dir``, ``plugins`` each plugin's options (without those that only choose which pages a
    build writes)."""
    digest = hashlib.sha256()
    settings = {key: config.get(key) for key in CONFIG_KEYS}
    settings["theme"] = dict(theme)
    settings["custom_dir"] = theme_dir and os.path.relpath(Path(theme_dir).resolve(), config_file.parent)
    settings["plugins"] = {name: dict(options) for name, options in plugins.items()}
    text = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
    # Folders are named from the project's root: the cache still holds in another checkout (a CI runner's).
    digest.update(text.replace(json.dumps(str(config_file.parent))[1:-1], "<proyek>").encode())
    digest.update(config_file.read_bytes())
    for folder in (config.get("docs_dir"), theme_dir):
        if folder:
            _digest_folder(digest, Path(folder))
    digest.update(code_digest().encode())
    for library in LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}\0".encode())
    return digest.hexdigest()


def _digest_folder(digest: Any, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(b"\1")


def page_key(fingerprint: str, **page: str | None) -> str:
    """The key of one page's entry: the global fingerprint and what is the page's own."""
    text = json.dumps([fingerprint, page], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


HREF = re.compile(rb"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
"""An ``href`` attribute, searched in a page's bytes with ASCII letters lowered (the value is read from the
page as written). Read with this rather than html.parser, which costs 2.6 ms per document page (7.5 s of a
cold build at N = 1,000) where this costs 0.07: it may also find an ``href`` outside a link (a ``<link>``,
a script's text), which can only name more files for the entry to need, never fewer. A pattern that
begins with its literal "href" and is case-sensitive is searched about twice as fast as one that begins
with the whitespace before it or ignores case; that whitespace is checked for each match instead."""


def linked_files(html: bytes | str, page_url: str, site_files: Iterable[str] | set[str]) -> list[str]:
    """The files of the site (by their site-relative path, ``…/index.html`` for a page) that
    ``html``, written at ``page_url``, links to relatively; links to anything else are not MkDocs'
    to check (other sites, files a template writes)."""
    known = site_files if isinstance(site_files, set | frozenset) else set(site_files)
    page = html.encode("utf-8", errors="xmlcharrefreplace") if isinstance(html, str) else html
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    return sorted({target for href in _hrefs(page) if (target := _target(href, base)) in known})


def _hrefs(page: bytes) -> set[str]:
    """Every ``href`` value of the page, character references read, but those naming a place in the page."""
    lowered = page.lower()  # ASCII letters only: every position stays where it was
    found: set[str] = set()
    for match in HREF.finditer(lowered):
        start = match.start()
        if start == 0 or not lowered[start - 1 : start].isspace():
            continue
        value = match.lastindex or 0
        href = page[match.start(value) : match.end(value)]
        if not href.startswith(b"#"):
            found.add(unescape(href.decode("utf-8", errors="replace")))
    return found


def _target(href: str, base: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith(".."):
        return None
    if path.endswith("/") or posixpath.basename(path) in (".", ".."):
        return "index.html" if joined == "." else f"{joined}/index.html"
    return joined


class PageCache:
    """Pages' HTML by key, in ``root`` (``.cache/pages/`` of the project being built)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.used: set[str] = set()
        """The keys this build reused or kept: a full build removes every other entry."""
        self.written: set[str] = set()

    def get(self, key: str) -> tuple[bytes, list[str]] | None:
        """The page's file (its bytes) and the linked files kept under ``key``, if the entry reads."""
        try:
            data = zlib.decompress((self.root / f"{key}.zlib").read_bytes())
            header, _, html = data.partition(b"\n")
            links = json.loads(header)
        except (OSError, ValueError, zlib.error):
            return None
        if not html or not isinstance(links, list) or not all(isinstance(link, str) for link in links):
            return None
        self.used.add(key)
        return html, links

    def put(self, key: str, html: bytes, links: list[str]) -> None:
        """Keep the page's file ``html`` under ``key``; a cache that cannot be written only costs time."""
        # ASCII JSON holds no line break: the first line is the links, the rest the page.
        payload = zlib.compress(json.dumps(links).encode("ascii") + b"\n" + html, COMPRESSION)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.root / f"{key}.zlib", payload)
        except OSError:
            return
        self.used.add(key)
        self.written.add(key)

    def count(self) -> int:
        """How many entries are kept (whatever their keys): what a build may write without holding."""
        try:
            with os.scandir(self.root) as entries:
                return sum(1 for entry in entries if _ENTRY.match(entry.name))
        except OSError:
            return 0

    def forget_written(self) -> None:
        """Remove what this build kept (a build that warned: its pages must warn again next time)."""
        for key in self.written:
            (self.root / f"{key}.zlib").unlink(missing_ok=True)
        self.used -= self.written
        self.written.clear()

    def prune(self) -> int:
        """Remove every entry this build did not use; return how many."""
        removed = 0
        if not self.root.is_dir():
            return removed
        for entry in self.root.iterdir():
            unused = _ENTRY.match(entry.name) and entry.name.removesuffix(".zlib") not in self.used
            # A temporary file is what a build stopped while writing left (or one still writing, which
            # then keeps nothing: its rename fails, and that only costs the next build time).
            if unused or _TEMPORARY.match(entry.name):
                entry.unlink(missing_ok=True)
                removed += 1
        return removed


def write_record(path: Path, used: Iterable[str], keyed: Mapping[str, str]) -> None:
    """Record, for the parent of a parallel build, the keys a group's build used (reused or kept) and the
    key of each of its pages that may be kept, by site-relative path (what the search index's digest reads)."""
    payload = json.dumps({"used": sorted(used), "keyed": dict(keyed)}, sort_keys=True).encode("utf-8")
    _write_atomically(path, payload)


def read_records(paths: Iterable[Path]) -> tuple[set[str], dict[str, str]] | None:
    """The union of the records :func:`write_record` wrote at ``paths``: the keys used, the pages' keys.
    None when one is missing or is not such a record: then nothing is known of that group's use."""
    used: set[str] = set()
    keyed: dict[str, str] = {}
    for path in paths:
        try:
            record = json.loads(path.read_bytes())
            used.update(str(key) for key in record["used"])
            keyed.update({str(address): str(key) for address, key in record["keyed"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
    return used, keyed


def _write_atomically(path: Path, payload: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def search_index_kept(
    site: Path, cache: Path, known: Mapping[str, str], marked: Mapping[str, bool] | None = None
) -> bool:
    """Write the search index of ``site``: the one kept in ``cache`` when the site's HTML files are
    byte for byte those it was made from (with the same Pagefind and code), else Pagefind's, then kept.
    ``known`` names, by site-relative path, the files whose bytes a page key fixes (the pages that may
    be kept, whether written from the cache or built): their keys stand for their bytes, not read again.
    ``marked`` is passed to Pagefind's run (:func:`~generator.publishing.search_index.build_search_index`).
    Return whether the kept index was used."""
    digest = _html_digest(site, known)
    kept = cache / digest
    if (kept / "pagefind.js").is_file():
        try:
            linked_copy(kept, site / BUNDLE_DIR)
            return True
        except OSError:
            shutil.rmtree(site / BUNDLE_DIR, ignore_errors=True)
    build_search_index(site, marked)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for folder in cache.iterdir():
            # One index is kept: the last build's (and nothing a stopped build left). Renamed first, it is
            # never found whole under its digest while it is being removed (in the background).
            if folder.is_symlink() or not folder.is_dir():
                continue
            if _INDEX.match(folder.name):
                retired = Path(tempfile.mkdtemp(prefix=_INDEX_RETIRED, dir=cache))
                folder.rename(retired / folder.name)
                remove_in_background(retired)
            elif folder.name.startswith((_INDEX_STAGING, _INDEX_RETIRED)):
                remove_in_background(folder)
        staging = Path(tempfile.mkdtemp(prefix=_INDEX_STAGING, dir=cache))
        linked_copy(site / BUNDLE_DIR, staging)
        staging.rename(kept)
    except OSError:
        # A cache that cannot be written only costs the next build time.
        pass
    return False


def linked_copy(source: Path, target: Path) -> None:
    """Copy the folder ``source`` to ``target`` as hard links to its files (a copy where none can be made:
    another file system). A search index is thousands of files that nothing changes once written:
    Pagefind writes a fresh folder, and neither the site's copy nor the cache's is written in place."""
    shutil.copytree(source, target, copy_function=_link_or_copy, dirs_exist_ok=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _html_digest(site: Path, known: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    digest.update(f"pagefind {metadata.version('pagefind_bin')} {code_digest()}\0".encode())
    for path in sorted(site.rglob("*.html")):
        address = path.relative_to(site).as_posix()
        digest.update(f"{address}\0".encode())
        key = known.get(address)
        digest.update(f"key {key}".encode() if key is not None else hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
