"""Validated content as the rest of the pipeline receives it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .facts import DocumentFacts
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
    own_problems: tuple[Problem, ...] = ()
    """What is wrong within the document alone (its indicators, its formulas), reported with the
    checks across files."""

    @property
    def path(self) -> Path:
        return self.source.path

    @functools.cached_property
    def facts(self) -> DocumentFacts:
        """What the checks across files need of it."""
        return DocumentFacts.of(self.document)


@dataclass(frozen=True)
class CheckedDocument:
    """A document as ``iku check`` holds it: its facts, not its model. Read from the cache when the
    file is unchanged since it passed every check of its own; otherwise validated, checked and
    then reduced to this, so that memory does not grow with whole documents.

    ``source`` holds the file's text, composed into a tree only if a check across files
    finds a problem in it.
    """

    source: YamlFile
    facts: DocumentFacts
    relative_path: str
    original: Original | RefusedOriginal | None
    pdf: Original | RefusedOriginal | None
    own_problems: tuple[Problem, ...] = ()
    """What is wrong within the document alone: nothing for one read from the cache, which keeps
    only documents without such problems."""

    @property
    def path(self) -> Path:
        return self.source.path


Checked = LoadedDocument | CheckedDocument
"""A document as the checks across files take it."""


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
