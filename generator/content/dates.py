"""Dates as Indonesian readers expect them."""

from __future__ import annotations

import datetime

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def indonesian_date(value: datetime.date) -> str:
    """``2020-01-10`` as Indonesians print it: ``10 Januari 2020``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
