"""The pipeline in one call: content folder → validated model → view → pages and downloads."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..content.addresses import PAGE_SIZE, Key
from ..content.formulas import end_worker
from ..content.kinds import document_key
from ..content.load import load_content
from ..pages.portal_view import PortalView
from ..pages.render import PageSet, render_pages, render_redirects
from ..pages.view import SiteView, everything, page_path


@dataclass(frozen=True)
class Output:
    """Everything generated for one build."""

    pages: PageSet
    """Markdown for every page, keyed by docs-relative path, rendered when read; ``None`` for a page
    another build writes (not ``wanted``): only its address is known, so that links to it resolve."""
    files: dict[str, bytes | Path | None]
    """Downloads and redirect pages, keyed by site-relative path: bytes, or a file to copy;
    ``None`` for a file another build writes."""
    glossary: dict[str, str]
    """Abbreviation → expansion, for Markdown's abbr extension."""
    changed: dict[str, datetime.date]
    """When each document page's content file last changed in git, keyed like ``pages``;
    a document without history (no git, or not yet committed) has no entry."""
    sources: dict[str, str]
    """The content file each document page is generated from, keyed like ``pages``: its path
    inside the content folder, with ``/`` separators (for "edit this page")."""


def generate(
    content_dir: Path,
    site_name: str,
    site_url: str,
    repo_url: str | None = None,
    *,
    page_size: int = PAGE_SIZE,
    scope: Key | None = None,
    wanted: Callable[[str], bool] = everything,
) -> Output:
    """Generate the whole portal; raises an ``IkuError`` on bad content.

    ``repo_url`` is the public repository's address: each version in a document's history
    links to its commit there; without it, commits are named but not linked. ``page_size``
    is how many entries a page of a long list holds (:mod:`generator.pages.paging`). With
    ``scope`` (an editor's preview), only the documents of that place are read, and the
    portal is generated as if they were all there is. Only the pages and files whose path is
    ``wanted`` (a shard's, see ``shards.in_shards``) are generated; the others are named, with
    ``None``, since the generated ones link to them.
    """
    content = load_content(content_dir, versions=True, scope=scope)
    # Every formula of the content has been rendered by its checks: KaTeX's process would only hold memory.
    end_worker()
    portal = PortalView(SiteView(content, site_name, site_url, repo_url, page_size))
    files = portal.files(wanted)
    files.update(render_redirects(portal.redirects()))
    changed = {
        page_path(document_key(loaded.document)): loaded.history.last_changed
        for loaded in content.documents
        if loaded.history.last_changed is not None
    }
    sources = {page_path(document_key(loaded.document)): loaded.relative_path for loaded in content.documents}
    return Output(render_pages(portal.pages(wanted), wanted), files, portal.glossary_terms(), changed, sources)
