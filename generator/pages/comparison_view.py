"""The comparison pages: one indicator across bodies, with their targets per year side by side.

``/perbandingan/`` lists every indicator used by more than one body and the rules that
grouped differently printed names; each group has its own page,
``/perbandingan/<group>/``, with one table per provinsi. Both are cut into numbered
pages (:mod:`generator.pages.paging`), so no page grows with the number of documents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..content.checks import IndicatorEntry, document_key, indicator_entries, region_key
from ..content.model import Decree, IkuDocument
from .comparison import BODY_WORDS, LEADING_WORDS, SAME_MEASURE, SPELLING, ComparisonKeys, Reading, Rule, key_anchors
from .paging import numbered_pages
from .view import DATA_DIR, HOME, Link, Page, SiteView, link

COMPARISON = "perbandingan"
RULE_ORDER = {rule: index for index, rule in enumerate(Rule)}


@dataclass(frozen=True)
class ComparisonRow:
    """One indicator of one document (linked to the indicator's anchor): which body, where, when, its targets."""

    document: Link
    body: str
    name: str
    region: str
    period: str
    values: list[str]
    has_targets: bool


@dataclass(frozen=True)
class ProvinceRows:
    title: str
    anchor: str
    rows: list[ComparisonRow]


@dataclass(frozen=True)
class ComparisonGroup:
    """Every use of one indicator, however printed, and why differently printed names were grouped."""

    slug: str
    names: list[str]
    readings: list[Reading]
    years: list[int]
    provinces: list[ProvinceRows]

    @property
    def count(self) -> int:
        return sum(len(province.rows) for province in self.provinces)

    @property
    def without_targets(self) -> int:
        """How many rows have no yearly target at all."""
        return sum(1 for province in self.provinces for row in province.rows if not row.has_targets)

    @property
    def url(self) -> str:
        return link((COMPARISON, self.slug))


@dataclass(frozen=True)
class _Use:
    document: IkuDocument | Decree
    entry: IndicatorEntry
    readings: tuple[Reading, ...]


class ComparisonView:
    """Groups the indicators of all documents by :class:`~generator.pages.comparison.ComparisonKeys`."""

    def __init__(self, site: SiteView) -> None:
        self.site = site
        self.keys = ComparisonKeys.of(site.content.glossary)

    def pages(self) -> list[Page]:
        groups, single_count = self.groups()
        crumbs = [HOME, Link("Perbandingan", link((COMPARISON,)))]
        pages = self._index(groups, single_count)
        for group in groups:
            # Rows stay in the group's order (by provinsi, then document); each page heads the
            # provinsi whose rows it holds, so a provinsi's table may continue on the next page.
            rows = [(province, row) for province in group.provinces for row in province.rows]
            for numbered in numbered_pages((COMPARISON, group.slug), rows, self.site.page_size):
                context = {
                    "title": " / ".join(group.names) + numbered.paging.title_suffix,
                    "crumbs": crumbs,
                    "group": group,
                    "provinces": _regrouped(numbered.entries),
                    "paging": numbered.paging,
                }
                pages.append(Page(numbered.path, "comparison_group.md.j2", context))
        return pages

    def groups(self) -> tuple[list[ComparisonGroup], int]:
        """Every indicator used in more than one place, most used first; and how many are used once."""
        uses: dict[str, list[_Use]] = defaultdict(list)
        for loaded in self.site.content.documents:
            for entry in indicator_entries(loaded.document):
                explained = self.keys.explain(entry.indicator.nama)
                uses[explained.key].append(_Use(loaded.document, entry, explained.readings))
        shared = sorted((key for key, found in uses.items() if len(found) > 1), key=lambda k: (-len(uses[k]), k))
        groups = [self._group(slug, uses[key]) for slug, key in zip(key_anchors(shared), shared, strict=True)]
        return groups, sum(1 for found in uses.values() if len(found) == 1)

    def _group(self, slug: str, uses: list[_Use]) -> ComparisonGroup:
        names = sorted({use.entry.indicator.nama for use in uses}, key=str.casefold)
        readings: list[Reading] = []
        if len(names) > 1:  # one printed name needs no explanation
            readings = sorted({r for use in uses for r in use.readings}, key=lambda r: (RULE_ORDER[r.rule], r.found))
        years = sorted({target.tahun for use in uses for target in use.entry.indicator.target})
        by_province: dict[tuple[str, ...], list[ComparisonRow]] = defaultdict(list)
        for use in sorted(uses, key=lambda use: (document_key(use.document), use.entry.loc)):
            by_province[document_key(use.document)[:1]].append(self._row(use, years))
        provinces = [
            ProvinceRows(self.site.region_name(key) or key[0], key[0], rows) for key, rows in by_province.items()
        ]
        return ComparisonGroup(slug, names, readings, years, provinces)

    def _row(self, use: _Use, years: list[int]) -> ComparisonRow:
        key = document_key(use.document)
        region = region_key(use.document)
        indicator = use.entry.indicator
        by_year = {target.tahun: target.nilai for target in indicator.target}
        # Narrowest region first: "Kecamatan Senduro, Kabupaten Lumajang".
        names = [self.site.region_name(region[:depth]) for depth in range(len(region), 1, -1)]
        return ComparisonRow(
            document=Link(self.site.document_title(use.document), link(key, indicator.id)),
            body=use.entry.body,
            name=indicator.nama,
            region=", ".join(name for name in names if name),
            period=self.site.period_or_year(use.document),
            values=[by_year.get(year, "") for year in years],
            has_targets=bool(by_year),
        )

    def _index(self, groups: list[ComparisonGroup], single_count: int) -> list[Page]:
        same_measure = [
            (self.keys.written_form(found), self.keys.written_form(standard), why)
            for found, (standard, why) in SAME_MEASURE.items()
        ]
        context = {
            "crumbs": [HOME],
            "group_count": len(groups),
            "single_count": single_count,
            "spelling": sorted(SPELLING.items()),
            "same_measure": sorted(same_measure),
            "body_words": sorted(BODY_WORDS),
            "leading_words": sorted(LEADING_WORDS),
            "data_url": link((DATA_DIR,)),
        }
        return [
            Page(
                numbered.path,
                "comparison.md.j2",
                {
                    **context,
                    "title": "Perbandingan indikator" + numbered.paging.title_suffix,
                    "groups": numbered.entries,
                    "paging": numbered.paging,
                },
            )
            for numbered in numbered_pages((COMPARISON,), groups, self.site.page_size)
        ]


def _regrouped(rows: list[tuple[ProvinceRows, ComparisonRow]]) -> list[ProvinceRows]:
    """One page's rows under their provinsi again, in order."""
    provinces: list[ProvinceRows] = []
    for province, row in rows:
        if not provinces or provinces[-1].anchor != province.anchor:
            provinces.append(ProvinceRows(province.title, province.anchor, []))
        provinces[-1].rows.append(row)
    return provinces
