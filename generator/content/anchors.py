"""The ids a document page's templates write, read from the templates themselves.

An indicator's id is the anchor of its heading, so it must not take an id a section of
the page already has (``#kutip-teks``, ``#penandatangan``, ``#lampiran-1-tugas``): the
page would have two elements with one id and the link would lead to the first. The ids
are not listed by hand (a list once fell behind the templates): they are read from every
template a document kind's page is made of, from attribute lists (``{ #target }``,
``{: #kutip-teks }``), ``id="…"`` attributes and headings whose id Markdown's ``toc``
derives from their fixed text. A part of an id the template fills in (``{{ loop.index }}``)
is matched by the pattern declared for it in :data:`ID_PARTS`; a template that writes an
id with a part not declared there fails at import, so a new one cannot slip by.

Ids MkDocs and Material add (``__drawer``, ``__search``, ``__nav_1``) start with ``_``,
and chart ids hold ``--``: neither can be written as an id in content (see ``Slug``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import jinja2
import jinja2.meta
from markdown.extensions.toc import slugify

from .. import TEMPLATES
from .kinds import KINDS

# What each expression inside a template's id stands for. None: the id is a content id
# itself (an indicator's id or former id), checked for duplicates among its own kind.
ID_PARTS: dict[str, str | None] = {
    # "" on a document, "lampiran-<n>-" for one entry of a decree's appendix (view.iku_content).
    "body.anchor_prefix": r"(?:lampiran-\d+-)?",
    "table.anchor": r"(?:lampiran-\d+-)?indikator-\d+",
    "loop.index": r"\d+",
    "chart.id": r"grafik--[a-z0-9-]+",
    "indicator.id": None,
    "old": None,
}

_EXPRESSION = re.compile(r"\{\{\s*(.*?)\s*\}\}")
# `{ #id .class }` or `{: .class #id }`, not a Jinja `{{ … }}` or `{% … %}`.
_ATTRIBUTE_ID = re.compile(r"(?<!\{)\{:?\s(?:[^{}%#\n]*\s)?#((?:[^\s{}]|\{\{.*?\}\})+)")
_HTML_ID = re.compile(r"""\bid="([^"]*)\"""")
# A Markdown heading with fixed text and no id of its own: `toc` derives its id from the text.
_PLAIN_HEADING = re.compile(r"^#{1,6} ([^{}\n]+?)\s*$", re.MULTILINE)
_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


@functools.cache
def reserved_ids() -> tuple[frozenset[str], re.Pattern[str]]:
    """The fixed ids of every document kind's page, and one pattern for the ids with a part filled in."""
    fixed: set[str] = set()
    patterns: set[str] = set()
    for name in _page_templates(kind.template for kind in KINDS):
        text = _COMMENT.sub("", (TEMPLATES / name).read_text(encoding="utf-8"))
        for written in _written_ids(text):
            pattern = _pattern(written, name)
            if pattern is None:
                continue
            if pattern == re.escape(written):
                fixed.add(written)
            else:
                patterns.add(pattern)
        fixed.update(slugify(heading, "-") for heading in _PLAIN_HEADING.findall(text))
    return frozenset(fixed), re.compile("|".join(sorted(patterns)) or "(?!)")


def is_reserved(anchor: str) -> bool:
    """Whether a section of a document page already has the id ``anchor``."""
    fixed, pattern = reserved_ids()
    return anchor in fixed or pattern.fullmatch(anchor) is not None


def _page_templates(roots: Iterable[str]) -> list[str]:
    """The templates named and every partial they include, each once."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES))
    seen: list[str] = []
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.append(name)
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        pending.extend(ref for ref in jinja2.meta.find_referenced_templates(environment.parse(source)) if ref)
    return sorted(seen)


def _written_ids(text: str) -> Iterator[str]:
    yield from _ATTRIBUTE_ID.findall(text)
    yield from _HTML_ID.findall(text)


def _pattern(written: str, template: str) -> str | None:
    """A regular expression for the ids ``written`` stands for; None for a content id."""
    parts: list[str] = []
    position = 0
    for match in _EXPRESSION.finditer(written):
        parts.append(re.escape(written[position : match.start()]))
        expression = match[1]
        if expression not in ID_PARTS:
            raise RuntimeError(f"{template}: id {written!r}: declare what `{expression}` stands for in ID_PARTS")
        part = ID_PARTS[expression]
        if part is None:
            return None
        parts.append(part)
        position = match.end()
    parts.append(re.escape(written[position:]))
    return "".join(parts)
