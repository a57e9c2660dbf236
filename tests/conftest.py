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

from generator.content.errors import ContentError
from generator.content.load import load_content

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


PUBLISHED = FIXTURES / "published"


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real content as first published at ``tmp_path/content``, with the working directory at ``tmp_path``.

    Broken copies of it are the editors' mistakes and the hostile inputs; later corrections
    to ``content/`` do not move their line numbers.
    """
    shutil.copytree(PUBLISHED, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def content_report(content: Path) -> str:
    """Every problem ``load_content`` finds in ``content``, as the editor reads them (one run must find some)."""
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return "\n".join(str(problem) for problem in caught.value.problems)


def run_iku(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The ``iku`` command in ``cwd``, for the default site address whatever the environment says."""
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    environment |= {"NO_MKDOCS_2_WARNING": "1"} | (env or {})
    command = [sys.executable, "-m", "generator.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=environment)


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
    # An abbreviation, or a word marked with its standard spelling for search, is inline text;
    # get_text(" ") would put spaces around it.
    for abbreviation in copy.select("abbr, span[data-ejaan-baku]"):
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


# The real content's history in the tests: one known commit, so that no page depends on the
# repository's own history (its commit subjects, hashes and dates change with every commit).
REAL_HISTORY = {"date": "2024-01-15T09:00:00+07:00", "subject": "Tambah dokumen IKU dari sumber resmi"}


def git(repo: Path, *args: str, date: str = REAL_HISTORY["date"]) -> str:
    """Run git in ``repo`` with a fixed identity and date, ignoring the machine's git configuration."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env |= {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="session")
def real_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's real content in a git repository of its own with one known commit."""
    repo = tmp_path_factory.mktemp("real-content")
    shutil.copytree(REPO / "content", repo / "content")
    git(repo, "init", "-q")
    git(repo, "add", "content")
    git(repo, "commit", "-q", "-m", REAL_HISTORY["subject"])
    return repo / "content"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, real_content: Path) -> Site:
    """The site built from the repository's real content (with known history), once per test run."""
    project = tmp_path_factory.mktemp("real")
    result = build_site(project, real_content, link=True)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built from the small good fixture."""
    project = tmp_path_factory.mktemp("fixture")
    result = build_site(project, GOOD)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


BODIES = FIXTURES / "bodies"


@pytest.fixture(scope="session")
def bodies_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built from the good fixture plus bodies, a position and a Gubernur's decree (tests/fixtures/bodies)."""
    project = tmp_path_factory.mktemp("bodies")
    result = build_site(project, BODIES)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


PINNED_PACKAGES = REPO / "scripts" / "browser-packages.txt"


def pinned_fonts() -> list[Path]:
    """The font files of the pinned Debian packages, after checking the installed versions are the pinned ones."""
    files: list[Path] = []
    for line in PINNED_PACKAGES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, version = line.strip().partition("=")
        query = ["dpkg-query", "-W", "-f=${Version}", name]
        installed = subprocess.run(query, capture_output=True, text=True, check=False).stdout
        assert installed == version, f"{name} {installed or '(none)'} is installed, not {version}: run scripts/setup.sh"
        listing = subprocess.run(["dpkg", "-L", name], capture_output=True, text=True, check=True).stdout
        files += [Path(path) for path in listing.splitlines() if path.endswith((".ttf", ".otf"))]
    assert files, f"no font files in the packages of {PINNED_PACKAGES}"
    return files


FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias><family>serif</family><prefer><family>DejaVu Serif</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
</fontconfig>
"""


@pytest.fixture(scope="session")
def fontconfig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fontconfig file that knows only the pinned fonts: text lays out alike on every machine."""
    folder = tmp_path_factory.mktemp("fontconfig")
    (folder / "fonts").mkdir()
    for font in pinned_fonts():
        (folder / "fonts" / font.name).symlink_to(font)
    config = folder / "fonts.conf"
    config.write_text(FONTCONFIG.format(fonts=folder / "fonts", cache=folder / "cache"), encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def browser(fontconfig: Path) -> Iterator[Browser]:
    """Debian's chromium, driven by Playwright (which never downloads a browser here), with the pinned fonts only."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium"
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig)}
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
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
def portal(tmp_path_factory: pytest.TempPathFactory, real_content: Path) -> Iterator[Portal]:
    """The real site built for, and served at, ``http://127.0.0.1:<port>/portal-iku/`` as GitHub Pages serves it:
    every address, permalink and asset is on that one origin, and a missing address gets the 404 page."""
    folder = tmp_path_factory.mktemp("portal")
    with pages_server(folder / "served") as server:
        result = build_site(
            folder, real_content, link=True, site_url=server.site_url, site_dir=folder / "served" / PREFIX
        )
        assert result.returncode == 0, result.stderr
        yield Portal(folder / "served" / PREFIX, server.site_url)
