"""Validated content as the rest of the pipeline receives it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Decree, Glossary, IkuDocument, RegionCatalogue, RegulationCatalogue
from .versions import ContentHistory
from .yaml_source import YamlFile


@dataclass(frozen=True)
class Original:
    """The original document's text file, kept in ``content/`` and published with the site."""

    path: str
    """Its path inside ``content/`` as written in ``sumber.berkas``; also its path on the site."""
    sha256: str


@dataclass(frozen=True)
class RefusedOriginal:
    """A file named by ``sumber.berkas`` that exists but must not be published, and why."""

    message: str
    expected: str
    found: str
    hint: str


@dataclass(frozen=True)
class LoadedDocument:
    """A validated document with the YAML it came from and its provenance."""

    source: YamlFile
    document: IkuDocument | Decree
    relative_path: str
    """The content file's path inside ``content/``, with ``/`` separators."""
    original: Original | RefusedOriginal | None
    """The file named by ``sumber.berkas``; ``None`` when it is missing."""
    pdf: Original | RefusedOriginal | None
    """The original PDF named by ``sumber.asli``; ``None`` when none is named or it is missing."""
    history: ContentHistory
    """The document's versions when loaded for a build (``load_content(..., versions=True)``)."""

    @property
    def path(self) -> Path:
        return self.source.path


@dataclass(frozen=True)
class Content:
    """Everything in ``content/``, validated."""

    root: Path
    regions: RegionCatalogue
    regulations: RegulationCatalogue
    glossary: Glossary
    documents: list[LoadedDocument]
    region_source: YamlFile
    regulation_source: YamlFile
    glossary_source: YamlFile
