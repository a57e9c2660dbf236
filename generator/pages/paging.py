"""Lists that grow with the documents, cut into numbered pages of a fixed size.

Page 1 of a list lives at the list's own address (so every address a list ever had still
answers) and page k at ``…/k/`` (``addresses.numbered_page``). Each page links the first,
previous, next and last pages, so a reader without JavaScript walks the whole list, and
what a page holds is bounded by the page size, whatever the number of documents.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..content.addresses import Key, link, numbered_page, page_path

T = TypeVar("T")


@dataclass(frozen=True)
class Paging:
    """Where one page stands in its list: "Halaman 2 dari 5", and the links around it."""

    number: int
    count: int
    first: str | None
    """The first page's link; None on the first page itself (likewise for the others)."""
    previous: str | None
    next: str | None
    last: str | None

    @property
    def title_suffix(self) -> str:
        """Told apart in a title (and a browser's history): `` (halaman 2 dari 5)`` from page 2 on."""
        return f" (halaman {self.number} dari {self.count})" if self.number > 1 else ""


def paging(parts: Key, number: int, count: int) -> Paging:
    """Page ``number`` of ``count`` of the list at ``parts``."""

    def to(other: int, shown: bool) -> str | None:
        return link(numbered_page(parts, other)) if shown else None

    return Paging(
        number=number,
        count=count,
        first=to(1, number > 2),
        previous=to(number - 1, number > 1),
        next=to(number + 1, number < count),
        last=to(count, number < count - 1),
    )


@dataclass(frozen=True)
class NumberedPage(Generic[T]):
    """One page of a list: its Markdown path, its entries and its place in the list."""

    path: str
    entries: list[T]
    paging: Paging


def numbered_pages(parts: Key, entries: Sequence[T], size: int) -> Iterator[NumberedPage[T]]:
    """``entries`` in order, ``size`` to a page; an empty list is one empty page."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    count = max(1, -(-len(entries) // size))
    for number in range(1, count + 1):
        chunk = list(entries[(number - 1) * size : number * size])
        yield NumberedPage(page_path(numbered_page(parts, number)), chunk, paging(parts, number, count))
