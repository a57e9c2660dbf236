"""Rendering page views to Markdown with the Jinja2 templates in ``templates/``."""

from __future__ import annotations

import functools
import hashlib
import html
import io
import json
import pickle
import re
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata

import jinja2
import yaml
from markupsafe import Markup

from .. import TEMPLATES
from .markdown_html import html_block
from .markdown_literal import literal
from .view import Page, Redirect, everything


def markdown_text(value: object) -> Markup:
    """Content text made inert for Markdown, on one line (see :mod:`generator.pages.markdown_literal`)."""
    return Markup(literal(" ".join(str(value).split())))


def yaml_string(value: object) -> Markup:
    """A value for Markdown front matter (a page's title or description), escaped twice over.

    MkDocs and Material insert front matter into the page as HTML, unescaped (the header,
    ``<title>``, ``<meta name="description" content="…">``), so the text is HTML-escaped
    first. Characters YAML cannot hold become character references, which HTML reads back.
    JSON strings are valid YAML and need no escaping rules of their own.
    """
    text = html.escape(" ".join(str(value).split()), quote=True)
    text = yaml.reader.Reader.NON_PRINTABLE.sub(lambda char: f"&#x{ord(char[0]):X};", text)
    return Markup(json.dumps(text, ensure_ascii=False))


# Characters YAML may not hold raw, or would read as a line break, inside a quoted string.
_YAML_UNSAFE = re.compile(f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[\x85\u2028\u2029]")


def yaml_quoted(value: object) -> str:
    """A value for a YAML file an editor reads (``iku new``): double-quoted, nothing HTML-escaped.

    A JSON string is a valid YAML double-quoted scalar; characters YAML cannot hold raw are
    written as ``\\uXXXX`` escapes, which YAML reads back to the same character.
    """
    text = json.dumps(str(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda char: f"\\u{ord(char[0]):04x}", text)


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Pages and redirects are escaped; the YAML scaffold quotes its values itself (yaml_quoted).
        autoescape=jinja2.select_autoescape(enabled_extensions=("md.j2", "html.j2"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["html_block"] = html_block
    env.filters["yaml_str"] = yaml_string
    env.filters["yaml_quoted"] = yaml_quoted
    return env


def render_pages(pages: list[Page], wanted: Callable[[str], bool] = everything) -> PageSet:
    """Every ``wanted`` page, as Markdown keyed by its docs-relative path (``None`` for the others),
    each rendered when it is read (see :class:`PageSet`)."""
    return PageSet(pages, wanted)


class PageSet(Mapping[str, str | None]):
    """Pages' Markdown by docs-relative path, rendered each time a page is read, never held.

    A page kept from an earlier build (publishing/page_cache.py) needs no Markdown: it is known by
    :meth:`made_of`, a digest of what its template receives, computed without rendering it.
    """

    def __init__(self, pages: list[Page], wanted: Callable[[str], bool] = everything) -> None:
        self._pages = {page.path: page if page.context is not None and wanted(page.path) else None for page in pages}

    def __getitem__(self, path: str) -> str | None:
        page = self._pages[path]
        if page is None:
            return None
        assert page.context is not None, "a page without context is held as None"
        return environment().get_template(page.template).render(page.context)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    def rendered_here(self, path: str) -> bool:
        """Whether this build renders the page (it is ``wanted``), rather than only naming it."""
        return self._pages.get(path) is not None

    def made_of(self, path: str) -> str | None:
        """The SHA-256 of everything the page's Markdown is made of: its template's name and the whole
        state of the context it receives (:func:`context_digest`). Templates read nothing else but
        the generator's code and Jinja2, which the page cache's fingerprint covers too. None when the
        page is not rendered here or its context cannot be serialised (it is then keyed by its Markdown)."""
        page = self._pages.get(path)
        if page is None:
            return None
        return context_digest(page.template, page.context)


class _CanonicalPickler(pickle.Pickler):
    """Pickles a set in a sorted order: a set's own order follows string hashing, which differs
    between processes (PYTHONHASHSEED), and a digest of it would never match a later build's."""

    def persistent_id(self, obj: object) -> object:
        if type(obj) is set or type(obj) is frozenset:
            return ("set", sorted(obj, key=repr))
        return None


_RENDERING = f"jinja2 {metadata.version('jinja2')} markupsafe {metadata.version('markupsafe')}"


def context_digest(template: str, context: object) -> str | None:
    """The SHA-256 of ``context``'s complete state (a pickle: every attribute of every object it
    reaches, classes by name) and ``template``; None when it cannot be pickled.

    The pickle is written without its memo (``fast``): equal values give equal bytes whether or not
    they are one object. Where two equal states still pickle differently (a dict's order), the
    digests only differ, and the page is rendered again; equal digests mean equal states.
    """
    buffer = io.BytesIO()
    buffer.write(f"{_RENDERING}\0{template}\0".encode())
    pickler = _CanonicalPickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(context)
    except (pickle.PicklingError, TypeError, ValueError, AttributeError, RecursionError):
        return None
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def render_redirects(redirects: list[Redirect]) -> dict[str, bytes]:
    """A small HTML page per former address; it works without JavaScript."""
    template = environment().get_template("redirect.html.j2")
    return {redirect.path: template.render(redirect=redirect).encode("utf-8") for redirect in redirects}
