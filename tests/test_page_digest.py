"""A page is known, before it is rendered, by a digest of what its template receives
(generator.pages.render.context_digest): equal states give equal digests in any process, and any
difference anywhere in the state gives another digest, so a kept page is never taken for a changed one."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.pages.render import PageSet, context_digest
from generator.pages.view import Link, Page

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Shown:
    title: str
    links: list[Link]
    marks: set[str] = field(default_factory=set)


def context(
    title: str = "Kecamatan Senduro", url: str = "senduro/", marks: set[str] | None = None
) -> dict[str, object]:
    return {"title": title, "crumbs": [Shown("Jawa Timur", [Link("Lumajang", url)], marks or {"a", "b"})]}


def test_equal_states_give_equal_digests_whether_or_not_objects_are_shared() -> None:
    link = Link("Lumajang", "lumajang/")
    shared = {"first": link, "second": link}
    copied = {"first": Link("Lumajang", "lumajang/"), "second": Link("Lumajang", "lumajang/")}
    assert context_digest("region.md.j2", shared) == context_digest("region.md.j2", copied)
    assert context_digest("region.md.j2", context()) == context_digest("region.md.j2", context())


def test_a_difference_anywhere_in_the_state_gives_another_digest() -> None:
    digest = context_digest("region.md.j2", context())
    assert context_digest("document.md.j2", context()) != digest
    assert context_digest("region.md.j2", context(title="Kecamatan Senduro ")) != digest
    # Deep inside: a link's address in an object in a list in a dict.
    assert context_digest("region.md.j2", context(url="senduro-baru/")) != digest
    assert context_digest("region.md.j2", context(marks={"a", "c"})) != digest


def test_a_context_that_cannot_be_pickled_has_no_digest_and_its_page_is_still_rendered() -> None:
    unpicklable = {"title": "Judul", "crumbs": [], "sort": lambda item: item}
    assert context_digest("region.md.j2", unpicklable) is None
    pages = PageSet([Page("a/index.md", "glossary.md.j2", unpicklable), Page("b/index.md", "region.md.j2", None)])
    assert pages.made_of("a/index.md") is None and pages.made_of("b/index.md") is None
    assert pages.rendered_here("a/index.md") and not pages.rendered_here("b/index.md")
    assert pages["b/index.md"] is None


DIGEST_OF_A_SET = """
from generator.pages.render import context_digest
words = {f"kata-{number}" for number in range(200)}
print(context_digest("region.md.j2", {"words": words, "nested": [frozenset(words)]}))
"""


def test_a_set_gives_one_digest_whatever_the_process_s_string_hashing() -> None:
    # A set's order follows string hashing, which each process seeds at random: a digest of that order
    # would differ from one build to the next, and no page would ever be reused.
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [sys.executable, "-c", DIGEST_OF_A_SET], env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1 and len(next(iter(digests))) == 64
