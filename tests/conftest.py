"""Shared fixtures: hermetic copies of content, and sites built from them with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"
DOC = "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
DECREE = "content/dokumen/jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020.yml"


@pytest.fixture
def good_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the good fixture at ``tmp_path/content``, with the working directory at ``tmp_path``."""
    shutil.copytree(GOOD, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of ``old`` in ``path``: a broken copy, made on purpose."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass(frozen=True)
class Site:
    """A built site, read the way a reader gets it."""

    root: Path

    def html(self, url_path: str) -> str:
        return (self.root / url_path.strip("/") / "index.html").read_text(encoding="utf-8")

    def page(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url_path), "html.parser")

    def text(self, url_path: str) -> str:
        """The article's visible text, whitespace folded, without KaTeX's hidden HTML layer."""
        article = self.page(url_path).select_one("article")
        assert article is not None
        return visible_text(article)


def visible_text(tag: Tag) -> str:
    """What a reader sees of ``tag``: whitespace folded, KaTeX's duplicate HTML layer and ¶ links left out."""
    copy = BeautifulSoup(str(tag), "html.parser")
    for hidden in copy.select(".katex-html, .headerlink"):
        hidden.decompose()
    # An abbreviation is inline text; get_text(" ") would put spaces around it.
    for abbreviation in copy.select("abbr"):
        abbreviation.unwrap()
    copy.smooth()
    return " ".join(copy.get_text(" ").split())


def build_site(project: Path, content: Path) -> subprocess.CompletedProcess[str]:
    """Lay out a project at ``project`` around ``content`` and run ``mkdocs build --strict`` there."""
    for name in ("mkdocs.yml", "docs", "theme"):
        source = REPO / name
        target = project / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy(source, target)
    if content != project / "content":
        shutil.copytree(content, project / "content")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built from the repository's real content, once per test run."""
    project = tmp_path_factory.mktemp("real")
    result = build_site(project, REPO / "content")
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built from the small good fixture."""
    project = tmp_path_factory.mktemp("fixture")
    result = build_site(project, GOOD)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")
