"""Lighthouse over every page type, as a phone sees it: prints the four category scores.

Usage, after ``bash scripts/setup.sh`` (which installs Lighthouse from package.json):

    .venv/bin/python scripts/lighthouse.py [--runs N] [PAGE_TYPE ...]

Builds the site for a local address under ``/portal-iku/`` (as GitHub Pages publishes it),
serves it on 127.0.0.1 with gzip and GitHub Pages' cache header, and runs the npm
``lighthouse`` CLI with Debian's chromium in Lighthouse's default mobile emulation (a
Moto G Power-sized screen, slow 4G and a 4x slower CPU, simulated). Page types are the
ones the browser tests use (``tests/browsing.py``). The aim is performance >= 95,
accessibility 100, best practices >= 95 and SEO >= 95; the exit status is 1 when a page
type misses it. Performance varies from run to run with what else the machine is doing,
so each page type is audited ``--runs`` times (default 3) and the median of each score is
printed. The JSON reports are written to ``artifacts/lighthouse/``. Scores are measured,
never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browsing import PAGE_TYPES, PREFIX, pages_server  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
# Each page type's full JSON report (open it in https://googlechrome.github.io/lighthouse/viewer/).
REPORTS = REPO / "artifacts" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Headless, no sandbox (CI containers run as root), nothing in the background that reaches another origin.
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
)
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
# Lighthouse refuses to score a page answered with an error status, so the 404 page is audited at its own
# address (the same page GitHub Pages sends with status 404 for any missing address).
AUDITED = {**PAGE_TYPES, "404": "404.html"}


def build(site_url: str, site_dir: Path) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=REPO, env=env, check=True)


def audit(url: str, report: Path) -> dict[str, int]:
    """Lighthouse's four category scores (0–100) for ``url``, with its JSON report at ``report``."""
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    subprocess.run(command, check=True)
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise RuntimeError(f"{url}: {result['runtimeError']}")
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse (mobile) over the portal's page types.")
    parser.add_argument("--runs", type=int, default=3, help="audits per page type; the median is printed")
    parser.add_argument("page_types", nargs="*", metavar="PAGE_TYPE", help=f"default: all of {', '.join(AUDITED)}")
    arguments = parser.parse_args(argv)
    unknown = [name for name in arguments.page_types if name not in AUDITED]
    if unknown:
        parser.error(f"unknown page types: {', '.join(unknown)}")
    rows = []
    REPORTS.mkdir(parents=True, exist_ok=True)
    for old in REPORTS.glob("*.json"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder, pages_server(Path(folder)) as server:
        build(server.site_url, Path(folder) / PREFIX)
        for name in arguments.page_types or AUDITED:
            runs = [
                audit(server.site_url + AUDITED[name], REPORTS / f"{name}-{run}.json")
                for run in range(1, arguments.runs + 1)
            ]
            scores = {category: round(statistics.median(run[category] for run in runs)) for category in CATEGORIES}
            rows.append((name, scores))
            print(f"{name}: {runs}", file=sys.stderr, flush=True)
    print("| page type | performance | accessibility | best practices | SEO |")
    print("| --- | ---: | ---: | ---: | ---: |")
    missed = False
    for name, scores in rows:
        cells = []
        for category, aim in CATEGORIES.items():
            below = scores[category] < aim
            missed |= below
            cells.append(f"{scores[category]}{' (below aim)' if below else ''}")
        print(f"| {name} | {' | '.join(cells)} |")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
