"""Formulas are rendered in batches, once per run, and kept in the project's cache between runs.

The golden file holds what the one-formula-at-a-time renderer (before batches) made of
every formula in the content and the fixtures, and of a few with roots, braces, cases and
line breaks: the batches must publish exactly the same HTML and MathML.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

import generator
from generator.content import formulas
from generator.content.errors import FormulaError
from generator.content.formula_cache import DATABASE, FormulaCache
from generator.content.formulas import render_formula, render_formulas

GOLDEN = json.loads((FIXTURES / "formulas" / "golden.json").read_text(encoding="utf-8"))


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project cache and nothing rendered yet in this process."""
    monkeypatch.setattr(formulas, "CACHE_DIR", tmp_path / "cache")
    formulas.forget_renderings()
    yield tmp_path / "cache"
    formulas.forget_renderings()


class Counting:
    """Counts the batches sent to KaTeX and the formulas in them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.batches: list[int] = []
        render = formulas._Worker.render

        def counted(worker: formulas._Worker, batch: list[dict[str, str | bool]]) -> list[dict[str, object]]:
            self.batches.append(len(batch))
            return render(worker, batch)

        monkeypatch.setattr(formulas._Worker, "render", counted)


def synthetic(count: int, salt: str = "") -> list[str]:
    return [
        rf"\frac{{\text{{Jumlah dokumen {salt}{index}}}}}{{\text{{Jumlah desa}}}} \times 100\%"
        for index in range(count)
    ]


def test_batches_render_exactly_what_one_formula_at_a_time_rendered(own_cache: Path) -> None:
    assert GOLDEN["katex"] == formulas.katex_version()
    latexes = [formula["latex"] for formula in GOLDEN["formulas"]]
    render_formulas(latexes)
    assert [str(render_formula(latex)) for latex in latexes] == [formula["html"] for formula in GOLDEN["formulas"]]


def test_renderings_read_back_from_the_cache_are_the_same(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    latexes = [formula["latex"] for formula in GOLDEN["formulas"]]
    render_formulas(latexes)
    formulas.forget_renderings()
    counting = Counting(monkeypatch)
    render_formulas(latexes)
    assert [str(render_formula(latex)) for latex in latexes] == [formula["html"] for formula in GOLDEN["formulas"]]
    assert counting.batches == []


def test_each_formula_goes_to_katex_once_per_run_in_batches(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    latexes = synthetic(1_200)
    render_formulas(latexes + latexes[:50])
    for _ in ("check", "page"):
        for latex in latexes:
            render_formula(latex)
    assert counting.batches == [500, 500, 200]


def test_a_run_larger_than_what_is_remembered_still_renders_each_formula_once(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An LRU cache smaller than the run, scanned twice in the same order, missed every time.
    monkeypatch.setattr(formulas, "MAX_REMEMBERED", 100)
    asked: list[str] = []
    get_many = FormulaCache.get_many

    def counted(cache: FormulaCache, keys: list[str]) -> dict[str, str]:
        asked.extend(keys)
        return get_many(cache, keys)

    monkeypatch.setattr(FormulaCache, "get_many", counted)
    latexes = synthetic(300)
    render_formulas(latexes)
    for _ in ("check", "page"):
        for latex in latexes:
            render_formula(latex)
    assert len(asked) == len(set(asked)) == 300


def test_a_formula_after_the_katex_process_was_ended_starts_another(own_cache: Path) -> None:
    first, second = synthetic(2, salt="akhir")
    render_formula(first)
    process = formulas._worker().process
    formulas.end_worker()
    assert process.poll() is not None
    formulas.end_worker()  # none runs: nothing to end
    assert str(render_formula(second)) == str(render_formula(second, display=True))
    assert formulas._worker().process.poll() is None
    assert "Jumlah dokumen akhir1" in str(render_formula(second))


def test_inline_and_display_formulas_are_rendered_and_cached_apart(own_cache: Path) -> None:
    render_formulas([r"\frac{A}{B}"], display=False)
    inline = render_formula(r"\frac{A}{B}", display=False)
    display = render_formula(r"\frac{A}{B}")
    assert inline.startswith('<span class="katex">') and 'display="block"' not in inline
    assert display.startswith('<span class="katex-display">') and 'display="block"' in display


def test_errors_from_a_batch_are_reported_at_the_character_as_written(own_cache: Path) -> None:
    render_formulas([r"\frac{A}{B}", "\\frac{A}{B}\n    \\time 100\\%", r"x^2^3"])
    with pytest.raises(FormulaError) as caught:
        render_formula("\\frac{A}{B}\n    \\time 100\\%")
    assert (caught.value.position, caught.value.message) == (
        16,
        r"KaTeX tidak dapat merender rumus: KaTeX parse error: Undefined control sequence: \time at position 13: "
        r"\frac{A}{B} \time 100\%",
    )
    with pytest.raises(FormulaError, match="Double superscript"):
        render_formula("x^2^3")
    assert render_formula(r"\frac{A}{B}").startswith('<span class="katex-display">')


STUCK_ON_LAMA = """
const lines = require("readline").createInterface({input: process.stdin});
lines.on("line", (line) => {
    const formulas = JSON.parse(line).formulas;
    if (formulas.some((formula) => formula.latex.includes("lama"))) return;
    const results = formulas.map((formula) => ({html: '<span class="katex">' + formula.latex + "</span>"}));
    process.stdout.write(JSON.stringify({results}) + "\\n");
});
"""


def test_a_formula_that_holds_up_its_batch_is_refused_alone(
    own_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = tmp_path / "stuck.js"
    stuck.write_text(STUCK_ON_LAMA, encoding="utf-8")
    monkeypatch.setattr(formulas, "RENDER_TIMEOUT_SECONDS", 0.5)
    monkeypatch.setattr(formulas, "WORKER", stuck)
    formulas._worker_digest.cache_clear()
    formulas._worker().close()
    try:
        render_formulas([r"\text{cepat}", r"\text{lama}", r"\text{juga cepat}"])
        assert render_formula(r"\text{cepat}") == r'<span class="katex">\text{cepat}</span>'
        assert render_formula(r"\text{juga cepat}") == r'<span class="katex">\text{juga cepat}</span>'
        with pytest.raises(FormulaError) as caught:
            render_formula(r"\text{lama}")
        assert (caught.value.message, caught.value.found) == ("rumus terlalu lama dirender", "lebih dari 0.5 detik")
    finally:
        formulas._worker().close()
        formulas._worker_digest.cache_clear()


def test_an_unreadable_cache_only_costs_time(own_cache: Path) -> None:
    own_cache.mkdir()
    (own_cache / DATABASE).write_bytes(b"bukan basis data SQLite " * 100)
    golden = GOLDEN["formulas"][0]
    assert render_formula(golden["latex"]) == golden["html"]


def render_in_another_process(cache: Path, latexes: list[str]) -> subprocess.Popen[str]:
    program = (
        "import json, sys, pathlib; from generator.content import formulas as f; "
        "f.CACHE_DIR = pathlib.Path(sys.argv[1]); latexes = json.loads(sys.argv[2]); f.render_formulas(latexes); "
        "[f.render_formula(latex) for latex in latexes]"
    )
    env = os.environ | {"PYTHONPATH": str(Path(generator.__file__).parent.parent)}
    return subprocess.Popen(
        [sys.executable, "-c", program, str(cache), json.dumps(latexes)], env=env, stderr=subprocess.PIPE, text=True
    )


def test_two_processes_sharing_the_cache_both_fill_it(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two CI shards on one runner: overlapping formulas, written at the same time.
    first, second = synthetic(1_500, "a"), synthetic(1_500, "a")[700:] + synthetic(700, "b")
    runs = [render_in_another_process(own_cache, latexes) for latexes in (first, second)]
    assert [(run.communicate()[1], run.returncode) for run in runs] == [("", 0), ("", 0)]
    counting = Counting(monkeypatch)
    render_formulas(first + second)
    assert counting.batches == []


def test_a_formula_s_reading_is_kept_in_the_project_cache(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    latex = r"\frac{\text{Jumlah desa}}{\text{Semua desa}} \times 100\%"
    reading = formulas.formula_reading(latex)
    assert reading == "(Jumlah desa) / (Semua desa) ×100%"
    formulas.forget_renderings()
    with FormulaCache(own_cache) as cache:
        assert list(cache.readings().values()) == [reading]

    def unavailable() -> None:
        raise AssertionError("read again instead of from the cache")

    # The next run reads it from the cache, without pylatexenc.
    monkeypatch.setattr(formulas, "_reading_converter", unavailable)
    assert formulas.formula_reading(latex) == reading
