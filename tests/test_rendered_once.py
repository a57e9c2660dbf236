"""The theme's parts many pages show alike (the navigation drawer, the tabs) are rendered once per key
in a build: every page with that key receives the first page's text; a page without a key its own."""

from __future__ import annotations

from jinja2 import Environment

from generator.publishing.rendered_once import RenderedOnce

TEMPLATE = '{% call iku_once("nav", key) %}<nav>{{ rendered.append(page) or page }}</nav>{% endcall %}'


def render(once: RenderedOnce, pages: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Each page's output and the pages whose part was rendered, for (page, key) in order."""
    rendered: list[str] = []
    template = Environment().from_string(TEMPLATE, globals={"iku_once": once, "rendered": rendered})
    return [template.render(page=page, key=key) for page, key in pages], rendered


def test_a_part_is_rendered_by_the_first_page_with_its_key_and_given_to_the_others() -> None:
    once = RenderedOnce()
    pages = [("a/", "../ ../b/"), ("c/", "../ ../b/"), ("d/e/", "../../ ../../b/"), ("f/", "../ ../b/")]
    output, rendered = render(once, pages)
    assert output == ["<nav>a/</nav>", "<nav>a/</nav>", "<nav>d/e/</nav>", "<nav>a/</nav>"]
    assert rendered == ["a/", "d/e/"]
    assert len(once) == 2


def test_a_page_without_a_key_renders_its_own_part_and_keeps_nothing() -> None:
    once = RenderedOnce()
    output, rendered = render(once, [("index/", ""), ("tentang/", ""), ("a/", "../")])
    assert output == ["<nav>index/</nav>", "<nav>tentang/</nav>", "<nav>a/</nav>"]
    assert rendered == ["index/", "tentang/", "a/"]
    assert len(once) == 1


def test_parts_of_two_names_are_kept_apart() -> None:
    once = RenderedOnce()
    nav = once("nav", "../", caller=lambda: "<nav></nav>")
    tabs = once("tabs", "../", caller=lambda: "<div class=tabs></div>")
    assert (nav, tabs) == ("<nav></nav>", "<div class=tabs></div>")
    assert once("tabs", "../", caller=lambda: "ignored") == "<div class=tabs></div>"
