"""The pipeline in one call: content folder → validated model → view → pages and downloads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import load_content
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
    view = SiteView(content, site_name, site_url)
    files = view.files()
    files.update(render_redirects(view.redirects()))
    return Output(render_pages(view.pages()), files, view.glossary_terms())
