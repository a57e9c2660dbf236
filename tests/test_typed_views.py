"""Document and decree templates get typed views, never the content model's objects."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from conftest import BODIES
from pydantic import BaseModel

from generator.content.kinds import KINDS
from generator.content.load import load_content
from generator.pages.portal_view import PortalView
from generator.pages.view import SiteView


def model_objects(value: object, where: str) -> Iterator[str]:
    """Where in ``value`` a content-model object sits."""
    if isinstance(value, BaseModel):
        yield f"{where}: {type(value).__name__}"
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name != "history":  # a document's git history, not content
                yield from model_objects(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from model_objects(item, f"{where}[{key!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from model_objects(item, f"{where}[{index}]")


def test_document_and_decree_pages_get_no_model_objects() -> None:
    portal = PortalView(SiteView(load_content(BODIES), "Portal IKU", "https://example.org/"))
    templates = {kind.template for kind in KINDS}
    pages = [page for page in portal.pages() if page.template in templates]
    assert {page.template for page in pages} == templates
    found = [place for page in pages for place in model_objects(page.context, page.path)]
    assert found == []
