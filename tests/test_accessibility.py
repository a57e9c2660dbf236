"""Accessibility: every page type passes axe-core's WCAG 2.1 A and AA rules (and its best practices,
which Lighthouse's accessibility score counts too) in both palettes, and formulas reach assistive
technology as MathML."""

from __future__ import annotations

import re

import pytest
from browsing import AXE, DESKTOP, PAGE_TYPES, Portal, Reader, reading
from conftest import REPO
from playwright.sync_api import Browser

from generator.content.checks import document_key, indicators_with_locs
from generator.content.load import load_content
from generator.content.loaded import LoadedDocument

CONTENT = load_content(REPO / "content")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's best practices, e.g. a name for the search dialog: Lighthouse scores them as accessibility.
BEST_PRACTICES = ["best-practice"]
# Material's two palettes: "default" when the reader's system asks for light, "slate" for dark.
PALETTES = {"light": "default", "dark": "slate"}


def axe_violations(reader: Reader) -> list[dict]:
    """axe-core, injected from node_modules, run over the whole page with the WCAG 2.1 A and AA rules
    and axe's best practices."""
    reader.page.add_script_tag(path=str(AXE))
    # Only violations are reported in detail: passes and incomplete checks would only cost time.
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA + BEST_PRACTICES}, "resultTypes": ["violations"]}
    result = reader.page.evaluate("options => axe.run(document, options)", options)
    return result["violations"]


def described(violations: list[dict]) -> str:
    """One paragraph per broken rule: id, impact, help and the elements that break it."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


def test_the_violation_report_names_rule_impact_and_elements() -> None:
    violation = {
        "id": "color-contrast",
        "impact": "serious",
        "help": "Elements must meet minimum color contrast ratio thresholds",
        "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/color-contrast",
        "nodes": [{"target": [".md-tabs__link"], "failureSummary": "Fix any of the following:\n  contrast 4.28"}],
    }
    assert described([violation]) == (
        "color-contrast (serious): Elements must meet minimum color contrast ratio thresholds"
        " — https://dequeuniversity.com/rules/axe/4.14/color-contrast\n"
        "    .md-tabs__link: Fix any of the following: contrast 4.28"
    )


def brightness(css_colour: str) -> float:
    """The mean of the red, green and blue channels (0–255) of a computed ``rgb(…)`` colour."""
    red, green, blue = (float(channel) for channel in re.findall(r"[\d.]+", css_colour)[:3])
    return (red + green + blue) / 3


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_meets_wcag_21_aa_and_axe_best_practices_in_both_palettes(
    portal: Portal, browser: Browser, page_type: str, palette: str
) -> None:
    with reading(browser, portal, viewport=DESKTOP, color_scheme=palette) as reader:
        reader.open_page_type(page_type)
        # The reader's system preference selected Material's palette, and the page really is light or dark.
        scheme, background = reader.page.evaluate(
            "[document.body.getAttribute('data-md-color-scheme'), getComputedStyle(document.body).backgroundColor]"
        )
        assert scheme == PALETTES[palette]
        assert brightness(background) > 200 if palette == "light" else brightness(background) < 60, background
        violations = axe_violations(reader)
        suffix = "" if palette == "light" else "-dark"
        reader.screenshot(f"{page_type}-desktop{suffix}")
        assert violations == [], f"axe found violations on {page_type} ({palette}):\n" + described(violations)


@pytest.mark.parametrize("loaded", CONTENT.documents, ids=lambda loaded: "/".join(document_key(loaded.document)))
def test_formulas_reach_assistive_technology_as_mathml(
    portal: Portal, browser: Browser, loaded: LoadedDocument
) -> None:
    document = loaded.document
    formulas = [
        indicator for _, indicator in indicators_with_locs(document) if indicator.rumus and indicator.rumus.latex
    ]
    with reading(browser, portal, viewport=DESKTOP) as reader:
        reader.open("/".join(document_key(document)) + "/")
        boxes = reader.page.locator("article .iku-rumus")
        assert boxes.count() == len(formulas)
        for index, indicator in enumerate(formulas):
            # What a screen reader gets: a named group holding one MathML expression; KaTeX's
            # visual copy of the formula is hidden from it, so nothing is read twice.
            tree = boxes.nth(index).aria_snapshot()
            assert tree.splitlines()[0] == f'- group "Rumus {indicator.nama}":', tree
            assert [line.strip().split(":")[0] for line in tree.splitlines()[1:]] == ["- paragraph", "- math"], tree
