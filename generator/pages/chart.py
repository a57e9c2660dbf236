"""Bar charts of target values, laid out at build time for an inline SVG template.

Only geometry is computed here; ``templates/partials/chart.html.j2`` draws it.
Values are parsed for drawing only; the labels always show the value as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WIDTH = 320
HEIGHT = 180
TOP = 22
BOTTOM = 36
LEFT = 8
GAP = 6

_NUMBER = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*$")


def parse_value(printed: str) -> float | None:
    """``"20,00%"`` → ``20.0``; ``None`` when the printed value is not a plain number."""
    match = _NUMBER.match(printed)
    return float(match.group(1).replace(",", ".")) if match else None


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM


def bar_chart(chart_id: str, title: str, points: list[tuple[str, str]], axis: str = "") -> BarChart | None:
    """A chart of ``(label, printed value)`` points, or ``None`` when a value is not a number.

    ``axis`` names the labels in the description read aloud, e.g. ``Kolom`` for ``Kolom 3: 100%``.
    """
    values = [parse_value(value) for _, value in points]
    if not points or any(value is None for value in values):
        return None
    top = max([*(v for v in values if v is not None), 0.0]) or 1.0
    slot = (WIDTH - 2 * LEFT) / len(points)
    area = HEIGHT - TOP - BOTTOM
    bars = []
    for index, ((label, printed), value) in enumerate(zip(points, values, strict=True)):
        height = area * max(value or 0.0, 0.0) / top
        x = LEFT + index * slot + GAP / 2
        bars.append(
            Bar(label, printed, round(x, 1), round(HEIGHT - BOTTOM - height, 1), round(slot - GAP, 1), round(height, 1))
        )
    prefix = f"{axis} " if axis else ""
    description = "; ".join(f"{prefix}{label}: {printed}" for label, printed in points)
    return BarChart(chart_id, title, f"Diagram batang. {description}.", bars)
