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
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.errors import SetupError

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
TIMEOUT_SECONDS = 600
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


def build_search_index(site: Path) -> None:
    """Index the built pages in ``site`` into ``site/pagefind/``."""
    command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", BUNDLE_DIR]
    command += ["--force-language", LANGUAGE, "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SetupError(f"indeks pencarian tidak dapat dibuat: Pagefind tidak dapat dijalankan: {error}") from None
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise SetupError(f"indeks pencarian tidak dapat dibuat: Pagefind gagal (status {result.returncode}): {output}")
    for name in UNUSED:
        (site / BUNDLE_DIR / name).unlink(missing_ok=True)


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
