"""A part of the theme that many pages show alike, rendered once per build for all of them.

The navigation drawer and the tabs are on every page, and on every page the portal's navigation
does not list (the documents, regions, lists: all but ten pages) they come out the same but for
their links, which are relative to the page: a page's parts differ only where the addresses of
the navigation's pages, as seen from the page, differ. Material's templates render them anew on
each page (about a tenth of the templates' time). The theme wraps such a part in a call block,
``{% call iku_once(key) %}…{% endcall %}``, with a key naming everything the part depends on for
that page; the first page with a key renders it, every later one receives the same text.
"""

from __future__ import annotations

from collections.abc import Callable


class RenderedOnce:
    """Each part's text by its key, for one build: the plugin makes a new one for every build."""

    def __init__(self) -> None:
        self._parts: dict[str, dict[str, str]] = {}

    def __call__(self, name: str, key: str, caller: Callable[[], str]) -> str:
        """The part ``name`` as ``caller`` renders it for a page whose key is ``key``; an empty key
        (a page unlike any other) is rendered for that page alone."""
        if not key:
            return caller()
        kept = self._parts.setdefault(name, {})
        if key not in kept:
            kept[key] = caller()
        return kept[key]

    def __len__(self) -> int:
        """How many texts are kept, all parts together."""
        return sum(len(kept) for kept in self._parts.values())
