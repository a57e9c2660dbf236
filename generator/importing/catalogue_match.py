"""The catalogues a draft is matched against: regions and bodies, and regulations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..content.errors import ContentError, Problem
from ..content.load import REGIONS_FILE, REGULATIONS_FILE, display_path
from ..content.model import RegionCatalogue, RegulationCatalogue
from ..content.validate import validate
from ..content.yaml_source import read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Catalogues:
    """What ``content/wilayah.yml`` and ``content/regulasi.yml`` declare."""

    regions: RegionCatalogue
    regulations: RegulationCatalogue


def load_catalogues(content_dir: Path) -> Catalogues:
    """Both catalogues, validated as ``iku check`` validates them; :class:`ContentError` with every problem."""
    problems: list[Problem] = []
    regions = _load(content_dir / REGIONS_FILE, RegionCatalogue, problems)
    regulations = _load(content_dir / REGULATIONS_FILE, RegulationCatalogue, problems)
    if problems or regions is None or regulations is None:
        raise ContentError(problems)
    return Catalogues(regions, regulations)


def _load(path: Path, model: type[ModelT], problems: list[Problem]) -> ModelT | None:
    source = read_yaml(path, display_path(path))
    if isinstance(source, list):
        problems.extend(source)
        return None
    result = validate(source, model)
    if isinstance(result, list):
        problems.extend(result)
        return None
    return result
