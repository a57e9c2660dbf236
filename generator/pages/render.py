"""Rendering page views to Markdown with the Jinja2 templates in ``templates/``."""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable

import jinja2
import yaml
from markupsafe import Markup

from .. import TEMPLATES
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
    env.filters["yaml_str"] = yaml_string
    env.filters["yaml_quoted"] = yaml_quoted
    return env


def render_pages(pages: list[Page], wanted: Callable[[str], bool] = everything) -> dict[str, str | None]:
    """Render every ``wanted`` page; return Markdown keyed by its docs-relative path (``None`` for the others)."""
    env = environment()
    return {
        page.path: env.get_template(page.template).render(page.context)
        if page.context is not None and wanted(page.path)
        else None
        for page in pages
    }


def render_redirects(redirects: list[Redirect]) -> dict[str, bytes]:
    """A small HTML page per former address; it works without JavaScript."""
    template = environment().get_template("redirect.html.j2")
    return {redirect.path: template.render(redirect=redirect).encode("utf-8") for redirect in redirects}
