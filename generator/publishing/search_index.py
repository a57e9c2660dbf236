"""The site's search index, written by Pagefind from the pages MkDocs has just written.

Pagefind splits the index into chunks by word and the page texts into one fragment per
page, so a search downloads the chunks holding its words and the fragments of the results
it shows: a small part of the index whatever the number of pages, and nothing at all until
the reader searches. It stems Indonesian (the site's ``lang="id"``).

What is indexed is what the theme marks: each page's content (``data-pagefind-body`` in
theme/partials/content.html) without what the templates mark ``data-pagefind-ignore``, and
without the markup that libraries write where no template can mark it (``EXCLUDED``).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.errors import SetupError
from .folders import Folders, remove_in_background

BUNDLE_DIR = "pagefind"
"""The folder of the site holding the index and Pagefind's scripts (a reserved section)."""
LANGUAGE = "id"
"""Every page is Indonesian: one index, one stemmer, whatever a page's markup says."""
EXCLUDED = (
    # A formula as KaTeX writes it: its TeX source (the MathML annotation, e.g. `\frac`, `\times`)
    # and the visual copy, letter by letter. The plain-text reading beside it is indexed.
    ".katex",
    # The "#" of each heading's permalink (Python-Markdown's toc extension).
    ".headerlink",
)
UNUSED = (
    # Pagefind's other UIs (the site uses pagefind-ui.js) and its highlighting script.
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
    # The stemmer for pages of no known language: every page is Indonesian (LANGUAGE).
    "wasm.unknown.pagefind",
)
BODY_ATTRIBUTE = b"data-pagefind-body"
BODY_ATTRIBUTE_ANY_CASE = re.compile(re.escape(BODY_ATTRIBUTE), re.IGNORECASE)
TIMEOUT_SECONDS = 600
ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}
"""Pagefind's allocator (jemalloc, configured by this variable unless the environment sets it) gives back
freed memory at once instead of some seconds later. Measured at N = 7,300 (7,444 pages) on 2 cores:
1,478 MiB at most instead of 1,688, the same index byte for byte, about the same time (fewer threads,
RAYON_NUM_THREADS or TOKIO_WORKER_THREADS, lowered it no further)."""
FRAGMENT_SIGNATURE = b"pagefind_dcd"
"""What a Pagefind file starts with once un-gzipped (Pagefind's own check that it was decompressed)."""


def pagefind_executable() -> Path:
    """The Pagefind binary of the ``pagefind_bin`` wheel pinned in pyproject.toml."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SetupError(
            "paket pagefind-bin tidak terpasang; jalankan bash scripts/setup.sh (versinya di pyproject.toml)"
        ) from None
    return Path(get_executable())


def build_search_index(site: Path, marked: Mapping[str, bool] | None = None) -> None:
    """Index the built pages in ``site`` into ``site/pagefind/``.

    ``marked`` says, by site-relative path, whether a page of ``site`` marks its content
    (:func:`marks_body`), for the pages the caller has seen whole: those are not read again.

    Pagefind is shown only the pages it indexes (:func:`indexed_files`), through symbolic links in a
    folder of its own: it would read every other page to the end only to find no ``data-pagefind-body``
    (at 1,000 documents, 1,600 of 2,900 pages, a fifth of its time). The index is the same, byte for byte.
    """
    with _pages_to_index(site, marked or {}) as shown:
        command = [str(pagefind_executable()), "--site", str(shown), "--output-path", str(site.resolve() / BUNDLE_DIR)]
        command += ["--force-language", LANGUAGE, "--silent"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env=ALLOCATOR | dict(os.environ),
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SetupError(f"indeks pencarian tidak dapat dibuat: Pagefind tidak dapat dijalankan: {error}") from None
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise SetupError(f"indeks pencarian tidak dapat dibuat: Pagefind gagal (status {result.returncode}): {output}")
    for name in UNUSED:
        (site / BUNDLE_DIR / name).unlink(missing_ok=True)


class BackgroundIndex:
    """:func:`build_search_index` in a thread of its own, for an editor's preview: the browsers reload
    with the edit while Pagefind indexes the pages (a fifth of a preview's rebuild). ``failed`` is
    called with the message when it cannot; whoever builds into ``site`` next waits for it first."""

    def __init__(self, site: Path, marked: Mapping[str, bool], failed: Callable[[str], None]) -> None:
        self._thread = threading.Thread(target=self._run, args=(site, dict(marked), failed), daemon=True)
        self._thread.start()

    @staticmethod
    def _run(site: Path, marked: Mapping[str, bool], failed: Callable[[str], None]) -> None:
        try:
            build_search_index(site, marked)
        except SetupError as error:
            failed(str(error))

    def wait(self) -> None:
        self._thread.join()


def indexed_files(site: Path, marked: Mapping[str, bool] | None = None) -> list[Path] | None:
    """The HTML files of ``site`` Pagefind indexes, by their path in it: those that mark their content
    (``data-pagefind-body``), since once one page does, Pagefind leaves out every page that does not.
    None when none does: then it indexes every page. A page naming the attribute in its text only is
    listed too, which changes nothing (Pagefind leaves it out); one that has it is never left out.
    A page ``marked`` names is not read: it says whether the page marks its content."""
    known = marked or {}
    found: list[Path] = []
    for path in sorted(site.rglob("*.html")):
        address = path.relative_to(site)
        seen = known.get(address.as_posix())
        if seen if seen is not None else path.is_file() and marks_body(path.read_bytes()):
            found.append(address)
    return found or None


def marks_body(html: bytes) -> bool:
    """Whether a page marks its content for Pagefind (``data-pagefind-body``)."""
    # An attribute's name may be written in any case (HTML); the theme writes it in lower case.
    return BODY_ATTRIBUTE in html or BODY_ATTRIBUTE_ANY_CASE.search(html) is not None


@contextmanager
def _pages_to_index(site: Path, marked: Mapping[str, bool]) -> Iterator[Path]:
    """A temporary folder holding a symbolic link to each page of ``site`` Pagefind indexes, at the
    page's path; ``site`` itself when it indexes every page, or when no such folder can be made."""
    pages = indexed_files(site, marked)
    if pages is None:
        yield site
        return
    try:
        folder = Path(tempfile.mkdtemp(prefix="iku-pagefind-"))
    except OSError:
        yield site
        return
    try:
        try:
            folders = Folders(folder)
            for page in pages:
                link = folder / page
                folders.make(link.parent)
                link.symlink_to((site / page).resolve())
        except OSError:
            yield site
        else:
            yield folder
    finally:
        # Thousands of links and folders: removing them takes longer than making them (seconds, under load).
        remove_in_background(folder)


@dataclass(frozen=True)
class IndexedPage:
    """One page as the index holds it: what a search can find in it and what a result shows."""

    url: str
    """The page's address as results link it: a path from the site's root."""
    content: str
    meta: dict[str, str]
    anchors: list[dict[str, Any]]


def indexed_pages(site: Path) -> list[IndexedPage]:
    """Every page in the index of ``site`` (one fragment each), in the order of their addresses."""
    pages = []
    for fragment in sorted((site / BUNDLE_DIR / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_SIGNATURE)
        record = json.loads(data)
        pages.append(IndexedPage(record["url"], record["content"], record["meta"], record["anchors"]))
    return sorted(pages, key=lambda page: page.url)
