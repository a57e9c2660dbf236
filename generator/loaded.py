"""Validated content as the rest of the pipeline receives it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Decree, IkuDocument, RegionCatalogue, RegulationCatalogue
from .yaml_source import YamlFile


@dataclass(frozen=True)
class LoadedDocument:
    """A validated document with the YAML it came from, for locating later problems."""

    source: YamlFile
    document: IkuDocument | Decree

    @property
    def path(self) -> Path:
        return self.source.path


@dataclass(frozen=True)
class Content:
    """Everything in ``content/``, validated."""

    root: Path
    regions: RegionCatalogue
    regulations: RegulationCatalogue
    documents: list[LoadedDocument]
    region_source: YamlFile
    regulation_source: YamlFile
