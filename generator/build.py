"""The pipeline in one call: content folder → validated model → view → Markdown pages."""

from __future__ import annotations

from pathlib import Path

from .load import load_content
from .render import render_pages
from .view import SiteView


def generate(content_dir: Path, site_name: str) -> dict[str, str]:
    """Markdown for every page, keyed by docs-relative path; raises an ``IkuError`` on bad content."""
    content = load_content(content_dir)
    return render_pages(SiteView(content, site_name).pages())
