"""The portal as a browser gets it: served like GitHub Pages, watched for errors, photographed.

Used by the journey and accessibility tests and by ``scripts/lighthouse.py``; it imports
nothing from ``conftest`` so that the script can use it too.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# Where the screenshots of every page type are written, for a reviewer to look at (not committed).
SCREENSHOTS = REPO / "artifacts" / "screenshots"
# The site is published under a path (https://portal-iku.github.io/portal-iku/); it is served so here too.
PREFIX = "portal-iku/"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}

SEARCH_QUERY = "IKM"
# One page of each kind a reader meets, as a path under the site's address. The search results
# are the search page showing the results for SEARCH_QUERY: the tests reach it by the header's
# magnifier and type the query; ``?q=`` opens it with the results (as Lighthouse loads it).
PAGE_TYPES = {
    "beranda": "",
    "daftar-dokumen": "daftar-dokumen/",
    "daftar-dokumen-provinsi": "daftar-dokumen/jawa-timur/",
    "provinsi": "jawa-timur/",
    "kabupaten": "jawa-timur/lumajang/",
    "kecamatan": "jawa-timur/lumajang/senduro/",
    "dokumen": "jawa-timur/lamongan/mantup/2021-2026/",
    "keputusan": "jawa-timur/lumajang/keputusan/kepbup-lumajang-188-45-326-427-12-2019/",
    "regulasi": "regulasi/uu-23-2014/",
    "daftar-regulasi": "regulasi/",
    "glosarium": "glosarium/",
    "perbandingan": "perbandingan/",
    "perbandingan-indikator": "perbandingan/ikm/",
    "data": "data/",
    "tentang-iku": "tentang-iku/",
    "pencarian": f"pencarian/?q={SEARCH_QUERY}",
    "404": "halaman-yang-tidak-ada/",
}
MISSING = PAGE_TYPES["404"]
# Whether the search page shows its results for a query: the count (or that nothing was found) names
# the query, and every result shown has its link (Pagefind's UI shows a placeholder until it has).
SHOWN_RESULTS = """query => {
  const message = document.querySelector('.pagefind-ui__message');
  if (!message || !message.innerText.includes(query)) return false;
  const results = [...document.querySelectorAll('.pagefind-ui__result')];
  if (/tidak ditemukan|Tidak ada hasil/.test(message.innerText)) return true;
  return results.length > 0 && results.every(result => result.querySelector('.pagefind-ui__result-link'));
}"""
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".yml", ".map"}


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a folder as GitHub Pages does: a missing address gets the site's ``404.html`` with status 404,
    folders are never listed, and text goes gzip-compressed to a client that accepts it (so Lighthouse
    measures what readers download)."""

    not_found: Path

    def __init__(self, *args: object, not_found: Path, **kwargs: object) -> None:
        self.not_found = not_found
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path: str | Path) -> IO[bytes] | None:
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_head(self) -> IO[bytes] | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepted or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()  # files that are not text, folder redirects and 404s
        body = gzip.compress(path.read_bytes())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends
        super().end_headers()

    def guess_type(self, path: str | Path) -> str:
        if str(path).endswith((".yml", ".yaml")):
            return "text/yaml; charset=utf-8"
        return super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        # A browser may drop a request it no longer needs (Pagefind cancels a superseded search's
        # fetches); the server has nothing to report about it, and a traceback in the log would hide real ones.
        with suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@dataclass(frozen=True)
class Server:
    """A server answering on 127.0.0.1 from a folder, on a port the system chose."""

    server: ThreadingHTTPServer

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def site_url(self) -> str:
        return f"{self.origin}/{PREFIX}"


@contextmanager
def pages_server(root: Path) -> Iterator[Server]:
    """Listen on a free port of 127.0.0.1 and serve ``root`` (which holds the site at ``root/PREFIX``)."""
    handler = partial(PagesHandler, directory=str(root), not_found=root / PREFIX / "404.html")
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(server)
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Portal:
    """The real site built for and served at ``site_url`` (``http://127.0.0.1:<port>/portal-iku/``)."""

    root: Path
    site_url: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.site_url)
        return f"{parts.scheme}://{parts.netloc}"

    def url(self, path: str) -> str:
        return self.site_url + path


@dataclass
class Watch:
    """Everything that went wrong for a reader in a browser context: console errors, uncaught exceptions,
    failed requests, error responses and requests to another origin."""

    origin: str
    # The address of the deliberate 404 page: its status is the point, not a failure.
    expected_missing: str
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"uncaught error: {error.error}"))
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        location = message.location.get("url", "")
        if location == self.expected_missing and "404" in message.text:
            return  # Chromium reports the 404 status of the deliberate 404 page on the console
        self.problems.append(f"console error at {location}: {message.text}")

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)
        scheme = urlsplit(request.url).scheme
        if scheme in {"data", "blob"}:
            return
        if not request.url.startswith(self.origin + "/"):
            self.problems.append(f"request to another origin: {request.url}")

    def _failed(self, request: Request) -> None:
        # A request still in flight when the reader clicks on (the favicon, a search index) is
        # cancelled by the browser: nothing failed that a reader would see.
        if request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400 and response.url != self.expected_missing:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def assert_clean(self) -> None:
        assert self.problems == [], "what went wrong for the reader:\n" + "\n".join(self.problems)


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """A PNG of the whole page (or of what is on screen) at ``SCREENSHOTS/<name>.png``, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


@dataclass
class Reader:
    """One reader's browser tab on the portal, with everything that went wrong for them watched."""

    portal: Portal
    page: Page
    watch: Watch

    def open(self, path: str) -> None:
        """Go to ``path`` under the site's address and wait until the page has loaded."""
        self.page.goto(self.portal.url(path))

    def open_page_type(self, page_type: str) -> None:
        """Open the example of ``page_type``; for the search results, search and wait until they show."""
        if page_type == "pencarian":
            self.open("")
            self.search(SEARCH_QUERY)
        else:
            self.open(PAGE_TYPES[page_type])

    def search(self, query: str) -> None:
        """Open the search page by the header's magnifier, type ``query`` into its box as a reader does
        and wait until the results for all of it have shown."""
        self.page.locator("header").get_by_role("link", name="Cari", exact=True).click()
        self.page.wait_for_url(self.portal.url("pencarian/"))
        box = self.page.locator(".pagefind-ui__search-input")
        box.click()
        box.press_sequentially(query)
        self.wait_for_results(query)

    def wait_for_results(self, query: str) -> None:
        """Wait until the search page shows the results for ``query`` (Pagefind's UI fills each one in as it loads)."""
        self.page.wait_for_function(SHOWN_RESULTS, arg=query)
        self.settle()

    def show_every_result(self) -> None:
        """Ask for more results ("Muat lebih banyak hasil") until the search page shows them all."""
        more = self.page.locator(".pagefind-ui__button")
        while more.is_visible():
            more.click()
            self.page.wait_for_function(SHOWN_RESULTS, arg="")
        self.settle()

    def settle(self) -> None:
        """Wait until no CSS transition or animation is running (Material fades menus and results in)."""
        self.page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        return screenshot(self.page, name, full_page=full_page)


@contextmanager
def reading(browser: Browser, portal: Portal, **options: Any) -> Iterator[Reader]:
    """A fresh browser context (``options`` as for ``browser.new_context``) and a tab in it; at the end,
    nothing may have gone wrong for the reader: no console error, failed request or other origin."""
    context = browser.new_context(**options)
    watch = Watch(portal.origin, portal.url(MISSING))
    watch.attach(context)
    try:
        yield Reader(portal, context.new_page(), watch)
        watch.assert_clean()
    finally:
        context.close()
