"""The pipeline in one call: content folder → validated model → view → pages and downloads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import load_content
from .portal_view import PortalView
from .render import render_pages, render_redirects
from .view import SiteView


@dataclass(frozen=True)
class Output:
    """Everything generated for one build."""

    pages: dict[str, str]
    """Markdown for every page, keyed by docs-relative path."""
    files: dict[str, bytes | Path]
    """Downloads and redirect pages, keyed by site-relative path: bytes, or a file to copy."""
    glossary: dict[str, str]
    """Abbreviation → expansion, for Markdown's abbr extension."""


def generate(content_dir: Path, site_name: str, site_url: str) -> Output:
    """Generate the whole portal; raises an ``IkuError`` on bad content."""
    content = load_content(content_dir)
    portal = PortalView(SiteView(content, site_name, site_url))
    files = portal.files()
    files.update(render_redirects(portal.redirects()))
    return Output(render_pages(portal.pages()), files, portal.glossary_terms())
