"""Formulas in hand-written pages (``docs/*.md``), written as markdown-katex reads them.

Authors write ``$`…`$`` for a formula inside a sentence and a fenced ``math`` block for
one on its own lines. markdown-katex's own preprocessor finds them (its parsing, not a
copy of it); what it finds is rendered like every content formula, by
:mod:`generator.content.formulas`: the project's KaTeX worker, cache and checks.
markdown-katex's renderer (a command line and a cache in the shared temporary folder)
is never called.

The plugin finds every page's formulas first (:func:`formula_problems`), renders them in
one batch and reports a wrong one at its page, line and column; converting a page then
only looks its formulas up. Blocks are taken before ``fenced_code`` would make them code;
formulas inside a sentence only after Python-Markdown has set raw HTML aside, so the TeX
source in a rendered formula's MathML annotation (on generated pages) is never read as a
formula again. Inside an HTML block (``<div markdown>``) formulas are not rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown_katex.extension import BLOCK_START_RE, KatexPreprocessor, _clean_block_text, _clean_inline_text

from ..content.errors import FormulaError, Problem
from ..content.formulas import formula_hint, render_formula, render_formulas
from ..pages.render import environment

# Blocks between normalize_whitespace (30) and fenced_code (25); formulas in a sentence after
# html_block (20), when raw HTML, generated formulas included, is already a placeholder.
BLOCK_PRIORITY = 27
INLINE_PRIORITY = 15
# markdown-katex matches a ```math opening line by line; over a whole page at once, the same test
# (a run of spaces reaching over a line break ends in a line that matches on its own).
ANY_BLOCK = re.compile(BLOCK_START_RE.pattern, re.MULTILINE)
# Every formula inside a sentence markdown-katex finds begins so.
INLINE_OPENING = "$`"


@dataclass(frozen=True)
class WrittenFormula:
    """One formula as written in a page: its LaTeX, its mode and where its first character is."""

    latex: str
    display: bool
    line: int
    column: int
    indent: int
    """Columns before a block's lines (a block inside a list item is indented)."""
    refused: FormulaError | None = None
    """Why the formula is not even given to KaTeX (a ```math line carrying options)."""

    def where(self, position: int | None) -> tuple[int, int]:
        """Line and column (from 1) of character ``position`` of ``latex``."""
        if position is None:
            return self.line, self.column
        before = self.latex[:position]
        if "\n" not in before:
            return self.line, self.column + position
        return self.line + before.count("\n"), self.indent + len(before) - before.rindex("\n")


def block_latex(block_lines: list[str]) -> tuple[str, int]:
    """A ```math block's LaTeX, as markdown-katex cuts it out, and its indent."""
    indent = len(block_lines[0]) - len(block_lines[0].lstrip())
    block = _clean_block_text("\n".join(line[indent:] for line in block_lines).rstrip())
    header, _, latex = block.partition("\n")
    if header.strip():
        # markdown-katex reads KaTeX options (trust, macros) from here: the site's options are fixed.
        raise FormulaError(
            "baris pembuka ```math tidak boleh berisi apa pun sesudah `math`",
            found=header.strip(),
            hint="tulis rumusnya di baris berikutnya; opsi KaTeX untuk satu rumus tidak diterima",
        )
    return latex, indent


class _BlockPreprocessor(KatexPreprocessor):
    """markdown-katex's preprocessor, rendering ```math blocks through the project's formulas."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md, None)

    def run(self, lines: list[str]) -> list[str]:
        # Most pages hold no ```math block: markdown-katex would still read every line of them.
        if ANY_BLOCK.search("\n".join(lines)) is None:
            return lines
        return super().run(lines)

    def _make_tag_for_block(self, block_lines: list[str]) -> str:
        latex, indent = block_latex(block_lines)
        html = environment().get_template("partials/formula.html.j2").render(html=render_formula(latex))
        # A paragraph of its own, so the formula's box is not put inside a <p>.
        margin = " " * indent
        return f"{margin}\n{margin}{self.md.htmlStash.store(html)}\n{margin}"

    def _make_tag_for_inline(self, inline_text: str) -> str:
        return inline_text  # left for _InlinePreprocessor


class _InlinePreprocessor(KatexPreprocessor):
    """markdown-katex's preprocessor, rendering ``$`…`$`` through the project's formulas."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md, None)

    def run(self, lines: list[str]) -> list[str]:
        # Most pages hold no formula written by hand: markdown-katex would still read every line of them.
        text = "\n".join(lines)
        if INLINE_OPENING not in text and ANY_BLOCK.search(text) is None:
            return lines
        return super().run(lines)

    def _make_tag_for_inline(self, inline_text: str) -> str:
        return self.md.htmlStash.store(render_formula(_clean_inline_text(inline_text), display=False))


class _FormulaFinder(KatexPreprocessor):
    """markdown-katex's preprocessor, noting each formula and where it is instead of rendering it."""

    def __init__(self) -> None:
        super().__init__(None, None)
        self.found: list[WrittenFormula] = []
        self.number, self.line, self.cursor = 0, "", 0

    def find(self, text: str) -> list[WrittenFormula]:
        self.found = []
        for _ in self._iter_out_lines(self._numbered(text.split("\n"))):
            pass
        return self.found

    def _numbered(self, lines: list[str]) -> Iterator[str]:
        for self.number, self.line in enumerate(lines, 1):
            self.cursor = len(self.line)
            yield self.line

    def _make_tag_for_block(self, block_lines: list[str]) -> str:
        opening = self.number - len(block_lines) + 1
        try:
            latex, indent = block_latex(block_lines)
        except FormulaError as error:
            self.found.append(WrittenFormula(block_lines[0].strip(), True, opening, 1, 0, refused=error))
        else:
            self.found.append(WrittenFormula(latex, True, opening + 1, indent + 1, indent))
        return ""

    def _make_tag_for_inline(self, inline_text: str) -> str:
        # markdown-katex works through a line's formulas from its end.
        self.cursor = self.line.rfind(inline_text, 0, self.cursor)
        latex = _clean_inline_text(inline_text)
        self.found.append(WrittenFormula(latex, False, self.number, self.cursor + inline_text.find(latex) + 1, 0))
        return ""


def formula_problems(pages: Iterable[tuple[Path, str]]) -> list[Problem]:
    """Every formula of ``pages`` (shown path, text) rendered in one batch; the problems of the wrong ones."""
    found = [(path, formula) for path, text in pages for formula in _FormulaFinder().find(text)]
    for display in (True, False):
        render_formulas(formula.latex for _, formula in found if formula.display is display and not formula.refused)
    problems = []
    for path, formula in found:
        try:
            if formula.refused is not None:
                raise formula.refused
            render_formula(formula.latex, display=formula.display)
        except FormulaError as error:
            problems.append(_problem(path, *formula.where(error.position), formula.latex, error))
    return problems


def _problem(path: Path, line: int, column: int, latex: str, error: FormulaError) -> Problem:
    hint = error.hint or formula_hint(error.message)
    found = error.found or " ".join(latex.split())
    return Problem(path, line, column, "", error.message, found=found, hint=hint)


class FormulaExtension(Extension):
    """``$`…`$`` and ```math in hand-written pages, rendered at build time as HTML + MathML."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_BlockPreprocessor(md), "iku_formula_blocks", BLOCK_PRIORITY)
        md.preprocessors.register(_InlinePreprocessor(md), "iku_formulas_inline", INLINE_PRIORITY)


def makeExtension(**kwargs: object) -> FormulaExtension:
    return FormulaExtension(**kwargs)
