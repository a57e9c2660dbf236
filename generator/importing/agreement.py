"""How far a draft agrees with the content an editor typed by hand, indicator field by indicator field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# The fields an editor copies for every indicator; the import is judged on these.
COMPARED_FIELDS = ("nama", "rumus", "sumber_data", "penanggung_jawab")


@dataclass(frozen=True)
class Agreement:
    """Fields compared (both sides empty is not counted), fields that agree, and each difference."""

    compared: int
    agreed: int
    differences: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.agreed / self.compared if self.compared else 1.0


def indicators(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every indicator of a document or a decree's appendix, in reading order."""
    tables = list(data.get("tabel_indikator", []))
    for entry in data.get("lampiran", []):
        tables += entry.get("tabel_indikator", [])
    for table in tables:
        for goal in table.get("baris", []):
            yield from goal.get("indikator", [])


def agreement(draft: dict[str, Any], by_hand: dict[str, Any]) -> Agreement:
    """Indicators paired in reading order; one the draft lacks disagrees on every field it has."""
    ours, theirs = list(indicators(draft)), list(indicators(by_hand))
    compared = agreed = 0
    differences = []
    for index in range(max(len(ours), len(theirs))):
        mine = ours[index] if index < len(ours) else {}
        wanted = theirs[index] if index < len(theirs) else {}
        for name in COMPARED_FIELDS:
            a, b = normalised(name, mine.get(name)), normalised(name, wanted.get(name))
            if not a and not b:
                continue
            compared += 1
            if a == b:
                agreed += 1
            else:
                differences.append(f"indikator {index + 1} {name}: {a!r} ≠ {b!r}")
    return Agreement(compared, agreed, differences)


def normalised(name: str, value: Any) -> str:
    """Text compared without regard to case and spacing; a LaTeX formula without any spaces."""
    if value is None:
        return ""
    if name == "rumus":
        if "latex" in value:
            return "latex:" + "".join(str(value["latex"]).split()).casefold()
        return "teks:" + " ".join(str(value.get("teks", "")).split()).casefold()
    if isinstance(value, list):
        return "; ".join(" ".join(str(item).split()).casefold() for item in value)
    return " ".join(str(value).split()).casefold()
