"""The site loads nothing from any other origin: no web fonts, scripts, styles or images of third parties.

Every built ``.html`` and ``.css`` file is scanned for URLs in the positions a browser
loads from. Links a reader follows (``<a href>``) and ``<link rel=canonical|alternate>``
load nothing and are allowed to point anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from conftest import Site

# <link rel> values that make the browser fetch, or open a connection to, the target.
LOADING_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "mask-icon",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "preload",
        "modulepreload",
        "prefetch",
        "prerender",
        "preconnect",
        "dns-prefetch",
        "manifest",
    }
)
SRC_TAGS = ("script", "img", "source", "video", "audio", "iframe", "frame", "embed", "track", "input")
SVG_REF_TAGS = ("image", "use", "feimage")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT_STRING = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)
# Schemes a browser always resolves to a host, even written without "//" ("https:evil.example").
NETWORK_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})


def is_external(url: str) -> bool:
    """Whether loading ``url`` reaches another origin: an absolute URL with a host, or ``//host``."""
    # Browsers strip surrounding whitespace and read "\" as "/" in URLs: "/\\host" is "//host".
    url = url.strip().replace("\\", "/")
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme != "data" and (bool(parts.netloc) or scheme in NETWORK_SCHEMES)


def css_loads(css: str) -> Iterator[str]:
    """Every URL a stylesheet loads: ``url(...)`` anywhere (``@import url(...)`` too) and ``@import "..."``."""
    css = CSS_COMMENT.sub("", css)
    for pattern in (CSS_URL, CSS_IMPORT_STRING):
        for match in pattern.finditer(css):
            yield next(group for group in match.groups() if group is not None)


def srcset_urls(srcset: str) -> Iterator[str]:
    """The URLs of a ``srcset``: comma-separated candidates, each a URL and an optional descriptor."""
    for candidate in srcset.split(","):
        if candidate.split():
            yield candidate.split()[0]


def attribute(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    return " ".join(value) if isinstance(value, list) else value


def html_loads(html: str) -> Iterator[str]:
    """Every URL an HTML page loads, whether by element, attribute, inline style or ``<style>``."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        name = tag.name.lower()
        rels = {rel.lower() for rel in (attribute(tag, "rel") or "").split()}
        candidates = [
            attribute(tag, "src") if name in SRC_TAGS else None,
            attribute(tag, "href") if name == "link" and rels & LOADING_RELS else None,
            # A <base> elsewhere would send every relative URL of the page there.
            attribute(tag, "href") if name == "base" else None,
            attribute(tag, "data") if name == "object" else None,
            attribute(tag, "poster") if name == "video" else None,
            attribute(tag, "href") if name in SVG_REF_TAGS else None,
            attribute(tag, "xlink:href") if name in SVG_REF_TAGS else None,
        ]
        yield from (url for url in candidates if url is not None)
        for srcset in ("srcset", "imagesrcset"):
            yield from srcset_urls(attribute(tag, srcset) or "")
        refresh = name == "meta" and (attribute(tag, "http-equiv") or "").lower() == "refresh"
        if refresh and (match := REFRESH_URL.search(attribute(tag, "content") or "")):
            yield match.group(1)
        if style := attribute(tag, "style"):
            yield from css_loads(style)
        if name == "style":
            yield from css_loads(tag.get_text())


def external_loads(root: Path) -> list[str]:
    """``file: url`` for every external URL loaded by a built ``.html`` or ``.css`` file under ``root``."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".html":
            urls = html_loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            urls = css_loads(path.read_text(encoding="utf-8"))
        else:
            continue
        found += [f"{path.relative_to(root).as_posix()}: {url}" for url in urls if is_external(url)]
    return found


def test_the_site_loads_nothing_from_another_origin(real_site: Site) -> None:
    # Not vacuous: the scan sees the site's own stylesheets, KaTeX's among them, and KaTeX's fonts.
    home = set(html_loads(real_site.html("/")))
    assert {"assets/katex/katex.min.css", "assets/stylesheets/iku.css"} <= home
    katex = set(css_loads((real_site.root / "assets/katex/katex.min.css").read_text(encoding="utf-8")))
    assert all((real_site.root / "assets/katex" / url).is_file() for url in katex) and katex
    assert external_loads(real_site.root) == []


def test_the_scanner_finds_loads_from_other_origins(tmp_path: Path) -> None:
    """The scan above can fail: web fonts, CDN styles and scripts, images and refreshes elsewhere are found."""
    (tmp_path / "index.html").write_text(
        """<!doctype html><html><head>
        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
        <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
        <link rel="canonical" href="https://portal-iku.github.io/portal-iku/">
        <meta http-equiv="refresh" content="0; url=https://elsewhere.example/">
        <script src="//cdn.example/x.js"></script>
        <style>body { background: url('https://img.example/a.png') }</style>
        </head><body>
        <a href="https://www.kemendagri.go.id/">a link is not a load</a>
        <img src="local.png" srcset="local.png 1x, https://img.example/b.png 2x">
        <div style="background-image: url(/\\img.example/c.png)"></div>
        <svg><image xlink:href="https://img.example/d.svg"/><use href="#own"/></svg>
        <img src="data:image/png;base64,iVBORw0KGgo=">
        </body></html>""",
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text(
        """/* url(https://commented.example/out.css) */
        @import url(//cdn.example/x.css);
        @import "https://cdn.example/y.css";
        @font-face { src: url("fonts/local.woff2") format("woff2"); }
        .icon { mask-image: url("data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>"); }
        """,
        encoding="utf-8",
    )
    assert external_loads(tmp_path) == [
        "index.html: https://fonts.googleapis.com/css?family=Roboto",
        "index.html: https://fonts.gstatic.com",
        "index.html: https://elsewhere.example/",
        "index.html: //cdn.example/x.js",
        "index.html: https://img.example/a.png",
        "index.html: https://img.example/b.png",
        "index.html: /\\img.example/c.png",
        "index.html: https://img.example/d.svg",
        "style.css: //cdn.example/x.css",
        "style.css: https://cdn.example/y.css",
    ]
