"""Shared fixtures: hermetic copies of content, and sites built from them with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browsing import PREFIX, Portal, pages_server
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, sync_playwright

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"
DOC = "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
DECREE = "content/dokumen/jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020.yml"
SITE_URL = "https://portal-iku.github.io/portal-iku/"
CHROMIUM = "/usr/bin/chromium"
# No sandbox inside CI containers; nothing in the background may reach another origin.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


def lay_out_project(project: Path, content: Path, *, link: bool = False) -> None:
    """Copy the site's configuration, pages and theme to ``project`` and put ``content`` beside them."""
    for name in ("mkdocs.yml", "docs", "theme"):
        source = REPO / name
        target = project / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy(source, target)
    if link:
        (project / "content").symlink_to(content, target_is_directory=True)
    elif content != project / "content":
        shutil.copytree(content, project / "content")


def build_site(
    project: Path, content: Path, *, link: bool = False, site_url: str | None = None, site_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Lay out a project at ``project`` around ``content`` and run ``mkdocs build --strict`` there.

    With ``link``, the project's content is a symlink to ``content``, so its git history is read.
    With ``site_url``, the site is built for that address instead of the default one; with
    ``site_dir``, it is written there instead of ``project/site``.
    """
    lay_out_project(project, content, link=link)
    # The default site_url unless one is given, whatever the environment (the Pages workflow sets SITE_URL).
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if site_url is not None:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir or project / "site")]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built from the repository's real content, once per test run."""
    project = tmp_path_factory.mktemp("real")
    result = build_site(project, REPO / "content", link=True)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built from the small good fixture."""
    project = tmp_path_factory.mktemp("fixture")
    result = build_site(project, GOOD)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, driven by Playwright (which never downloads a browser here)."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextmanager
def served(root: Path) -> Iterator[str]:
    """Serve ``root`` over HTTP on localhost; yield the base URL."""
    handler = partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """The real site built for, and served at, ``http://127.0.0.1:<port>/portal-iku/`` as GitHub Pages serves it:
    every address, permalink and asset is on that one origin, and a missing address gets the 404 page."""
    folder = tmp_path_factory.mktemp("portal")
    with pages_server(folder / "served") as server:
        result = build_site(
            folder, REPO / "content", link=True, site_url=server.site_url, site_dir=folder / "served" / PREFIX
        )
        assert result.returncode == 0, result.stderr
        yield Portal(folder / "served" / PREFIX, server.site_url)
