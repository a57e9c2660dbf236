"""The two licences of the portal, named once: one for content and data, one for code.

The data package, the spreadsheet's properties and first sheet, the data page and the
site's footer all name them from here; the repository's LICENSE files hold their text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    """A licence as the Data Package standard names one, plus what a reader sees."""

    name: str
    """SPDX identifier, e.g. ``CC-BY-4.0``."""
    short: str
    """Short name for running text, e.g. ``CC BY 4.0``."""
    title: str
    """Full name."""
    path: str
    """Canonical address of the licence text."""
    file: str
    """The file in the repository holding the licence notice."""


DATA_LICENCE = Licence(
    name="CC-BY-4.0",
    short="CC BY 4.0",
    title="Creative Commons Attribution 4.0 International",
    path="https://creativecommons.org/licenses/by/4.0/",
    file="LICENSE-DATA",
)
"""Content (the transcribed documents, pages) and every data download."""

CODE_LICENCE = Licence(
    name="MIT",
    short="MIT",
    title="MIT License",
    path="https://opensource.org/license/mit",
    file="LICENSE",
)
"""The generator, templates, theme and scripts (as pyproject.toml says)."""

ATTRIBUTION = "Portal IKU"
"""Whom a reuser credits under CC BY 4.0."""


def licence_notice() -> str:
    """One line naming both licences, for the footer and the spreadsheet's properties."""
    return f"Isi dan data berlisensi {DATA_LICENCE.short}; kode sumber berlisensi {CODE_LICENCE.short}."
