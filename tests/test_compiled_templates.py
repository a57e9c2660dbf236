"""The theme's templates are compiled once per process: a preview's next build (MkDocs makes a new
Jinja environment for each) reuses them, and compiles again only a template whose source changed."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.publishing.compiled_templates import CompiledTemplates


def environment(folder: Path, compiled: CompiledTemplates, **options: object) -> jinja2.Environment:
    """A new environment over ``folder``, as MkDocs makes one for each build."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), auto_reload=False, **options)
    env.bytecode_cache = compiled
    return env


def not_compiled(source: str, name: str | None = None, filename: str | None = None, raw: bool = False) -> None:
    raise AssertionError(f"{name} compiled again")


def test_the_next_build_reuses_what_the_first_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.html").write_text("Halo {{ nama }}", encoding="utf-8")
    compiled = CompiledTemplates()
    assert environment(tmp_path, compiled).get_template("main.html").render(nama="Senduro") == "Halo Senduro"

    following = environment(tmp_path, compiled)
    monkeypatch.setattr(following, "compile", not_compiled)

    assert following.get_template("main.html").render(nama="Mantup") == "Halo Mantup"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    template = tmp_path / "main.html"
    template.write_text("Halo {{ nama }}", encoding="utf-8")
    compiled = CompiledTemplates()
    environment(tmp_path, compiled).get_template("main.html").render(nama="Senduro")

    template.write_text("Selamat datang, {{ nama }}", encoding="utf-8")

    assert environment(tmp_path, compiled).get_template("main.html").render(nama="Mantup") == "Selamat datang, Mantup"


def test_an_environment_set_up_otherwise_compiles_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.html").write_text("<% if a %>ya<% endif %>{% if a %}", encoding="utf-8")
    compiled = CompiledTemplates()
    assert (
        environment(tmp_path, compiled, block_start_string="<%", block_end_string="%>")
        .get_template("main.html")
        .render(a=True)
        .startswith("ya")
    )

    # With the usual syntax the same source is another template: an unclosed block, an error.
    with pytest.raises(jinja2.TemplateSyntaxError):
        environment(tmp_path, compiled).get_template("main.html")
