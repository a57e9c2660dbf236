"""Nothing lost: every value an editor wrote reaches the reader.

For every document of the real content, and of the good fixture (which fills the
optional fields the seeds leave empty):

- its JSON download holds every value of its YAML file, at the same place;
- its page shows every value of the validated document, each the way its kind is
  published: text as text, a year as a number, a date in words, a formula as KaTeX's
  MathML (whose annotation keeps the LaTeX), an id as an anchor or a link, a former
  address as a redirect page.

The walk goes over the model instance, so a field added to the model is walked too:
unless the page shows it, or ``JSON_ONLY`` names it with a reason, this test fails.
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BODIES, GOOD, REPO, Site, visible_text
from pydantic import BaseModel

from generator.content import model
from generator.content.checks import document_key
from generator.content.load import load_content
from generator.content.model import Decree, IkuDocument
from generator.content.validate import scalars
from generator.pages.view import ADDED_BY_EDITOR, EDITOR_MARK, LEVEL_LABELS, MONTHS

Loc = tuple[str | int, ...]
SITES = [("real_site", REPO / "content"), ("fixture_site", GOOD), ("bodies_site", BODIES)]
# Fields published in the JSON download only, and why they need nothing on the page.
JSON_ONLY = {
    "jenis": "the kind of document, which decides the page's layout rather than a value on it",
}


def _id_fields() -> set[tuple[str, str]]:
    """Fields typed as ids (``Slug``), by class and name: each shows on the page as an anchor or inside a link.

    By class, since one name can be an id in one class and text in another (``jabatan``).
    """
    return {
        (cls.__name__, name)
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, model.Strict)
        for name, field in cls.model_fields.items()
        if model.SLUG_PATTERN in f"{field.annotation} {field.metadata}"
    }


ID_FIELDS = _id_fields()


@dataclass(frozen=True)
class Published:
    """One document as a reader gets it."""

    text: str
    ids: set[str]
    hrefs: list[str]
    formulas: list[str]
    url_path: str


def read(site: Site, document: IkuDocument | Decree) -> Published:
    url_path = "/".join(document_key(document))
    soup = BeautifulSoup(site.html(url_path), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    return Published(
        text=visible_text(article),
        ids={str(tag["id"]) for tag in soup.find_all(id=True)},
        hrefs=[str(tag["href"]) for tag in soup.find_all(href=True)],
        formulas=[" ".join(tag.get_text().split()) for tag in soup.select('annotation[encoding="application/x-tex"]')],
        url_path=url_path,
    )


def leaves(value: object, loc: Loc = (), owner: str = "") -> Iterator[tuple[Loc, object, str]]:
    """Every scalar of a validated model instance, with its place and the class of the model holding it."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from leaves(getattr(value, name), (*loc, name), type(value).__name__)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*loc, index), owner)
    elif value is not None:
        yield loc, value, owner


def field_name(loc: Loc) -> str:
    return next(str(part) for part in reversed(loc) if isinstance(part, str))


def missing_from_page(site: Site, document: IkuDocument | Decree) -> list[str]:
    page = read(site, document)
    missing = []
    for loc, value, owner in leaves(document):
        name = field_name(loc)
        if name not in JSON_ONLY and not shown(site, page, name, value, (owner, name) in ID_FIELDS):
            missing.append(f"{'.'.join(map(str, loc))} = {value!r}")
    return missing


def shown(site: Site, page: Published, name: str, value: object, is_id: bool = False) -> bool:
    """Whether ``page`` publishes ``value`` of field ``name`` the way its kind is published."""
    if isinstance(value, model.EditorAddition):
        return f"{ADDED_BY_EDITOR[value]} " in page.text and f"— {EDITOR_MARK}" in page.text
    if isinstance(value, enum.Enum):
        return LEVEL_LABELS[value].lower() in page.text.lower()
    if isinstance(value, bool):
        raise AssertionError(f"{name}: no rule says how a yes/no value is published")
    if isinstance(value, int):
        return str(value) in page.text
    if isinstance(value, datetime.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}" in page.text
    if not isinstance(value, str):
        raise AssertionError(f"{name}: no rule says how a {type(value).__name__} is published")
    if name == "latex":
        return " ".join(value.split()) in page.formulas
    if name == "alamat_lama":
        return (site.root / value / "index.html").exists()
    if name in ("berkas", "asli"):
        return any(href.endswith(value) for href in page.hrefs)
    if is_id:
        return value in page.ids or any(f"/{value}/" in f"/{href}" for href in page.hrefs)
    return " ".join(value.split()) in page.text


def at(data: object, loc: Loc) -> object:
    for part in loc:
        data = data[part]  # type: ignore[index]
    return data


@pytest.mark.parametrize(("site_fixture", "content"), SITES)
def test_every_value_of_every_document_is_on_its_page(
    site_fixture: str, content: Path, request: pytest.FixtureRequest
) -> None:
    site: Site = request.getfixturevalue(site_fixture)
    documents = load_content(content).documents
    assert documents
    missing = {loaded.relative_path: missing_from_page(site, loaded.document) for loaded in documents}
    assert {path: values for path, values in missing.items() if values} == {}


@pytest.mark.parametrize(("site_fixture", "content"), SITES)
def test_every_value_of_every_yaml_file_is_in_its_json_download(
    site_fixture: str, content: Path, request: pytest.FixtureRequest
) -> None:
    site: Site = request.getfixturevalue(site_fixture)
    for loaded in load_content(content).documents:
        download = json.loads((site.root / "/".join(document_key(loaded.document)) / "dokumen.json").read_text("utf-8"))
        written = list(scalars(loaded.source.data))
        assert written
        for loc, value in written:
            expected = " ".join(value.split()) if isinstance(value, str) else value
            published = at(download, loc)
            assert (" ".join(published.split()) if isinstance(published, str) else published) == expected, loc


def test_a_value_the_page_does_not_show_is_reported(fixture_site: Site) -> None:
    """The check can fail: a document with one value the page never showed is caught."""
    document = next(
        loaded.document for loaded in load_content(GOOD).documents if isinstance(loaded.document, IkuDocument)
    )
    changed = document.model_copy(update={"judul": "Judul yang tidak pernah diterbitkan"})
    assert missing_from_page(fixture_site, changed) == ["judul = 'Judul yang tidak pernah diterbitkan'"]
