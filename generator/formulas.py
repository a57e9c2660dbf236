"""LaTeX formulas to HTML + MathML, rendered once at build time by KaTeX.

This module is the only place that knows how formulas are rendered. Today it goes
through markdown-katex, which spawns one KaTeX process per formula (and caches the
result on disk); a batched renderer can replace :func:`render_formula` without any
other module noticing.

markdown-katex would fall back to its own bundled KaTeX 0.15.1 (2021) when it finds
no ``katex`` command; that build predates KaTeX's 2024-2025 security fixes, so the
project pins KaTeX in ``package.json`` and this module insists on that copy.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from markdown_katex import wrapper
from markupsafe import Markup
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexMacroNode

from .errors import FormulaError, SetupError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KATEX_PACKAGE = PROJECT_ROOT / "node_modules" / "katex"
KATEX_BIN_DIR = PROJECT_ROOT / "node_modules" / ".bin"

# trust stays off (KaTeX's default): \href, \url, \includegraphics and \html* never
# become links or attributes. The limits keep a hostile formula from hanging a build.
KATEX_OPTIONS: dict[str, str | int | bool] = {
    "display-mode": True,
    "max-expand": 200,
    "max-size": 20,
}


def katex_version() -> str:
    """The version of the KaTeX package the site renders with and serves assets from."""
    try:
        return str(json.loads((KATEX_PACKAGE / "package.json").read_text("utf-8"))["version"])
    except OSError as error:
        raise SetupError(_not_installed()) from error


def katex_dist() -> Path:
    """The folder holding ``katex.min.css`` and ``fonts/`` of the pinned KaTeX."""
    katex_version()
    return KATEX_PACKAGE / "dist"


def render_formula(latex: str) -> Markup:
    """Render ``latex`` in display mode; raise :class:`FormulaError` with KaTeX's message."""
    # KaTeX output is one line; a newline in the source would reach the MathML
    # annotation and split the HTML block Markdown has to keep whole.
    return _render(" ".join(latex.split()))


# The same formula recurs across kecamatan ("Nilai IKM"); checking and rendering
# each distinct one once per run keeps the cost per page flat.
@functools.lru_cache(maxsize=8192)
def _render(source: str) -> Markup:
    _use_project_katex()
    try:
        html = wrapper.tex2html(source, dict(KATEX_OPTIONS))
    except wrapper.KatexError as error:
        raise FormulaError(_katex_message(str(error), source)) from None
    return Markup(" ".join(html.splitlines()))


@functools.cache
def _use_project_katex() -> None:
    """Make markdown-katex resolve the project's pinned KaTeX, never another one."""
    binary = KATEX_BIN_DIR / "katex"
    if not binary.exists():
        raise SetupError(_not_installed())
    os.environ["PATH"] = f"{KATEX_BIN_DIR}{os.pathsep}{os.environ.get('PATH', '')}"
    if Path(wrapper.get_bin_cmd()[0]) != binary:
        # markdown-katex remembers the first katex it found in a cache file; a stale
        # entry (another checkout, another version) must not decide what renders here.
        wrapper.LOCAL_CMD_CACHE.unlink(missing_ok=True)
    if Path(wrapper.get_bin_cmd()[0]) != binary:
        raise SetupError(f"markdown-katex tidak memakai KaTeX proyek di {binary}")


def _katex_message(raw: str, source: str) -> str:
    prefix = f"Error processing '{source}': "
    detail = raw.removeprefix(prefix).strip()
    for line in detail.splitlines():
        if "ParseError" in line:
            detail = line.split("ParseError:", 1)[-1].strip()
            break
    # KaTeX underlines the offending characters with combining low lines; they only blur a terminal.
    return f"KaTeX tidak dapat merender rumus: {detail.replace(chr(0x332), '')}"


def _not_installed() -> str:
    return f"KaTeX belum terpasang di {KATEX_PACKAGE}; jalankan `npm ci` di folder proyek."


def _fraction(node: LatexMacroNode, l2tobj: LatexNodes2Text) -> str:
    # pylatexenc passes the converter only to a parameter named exactly `l2tobj`.
    parts = [" ".join(l2tobj.nodelist_to_text([arg]).split()) for arg in node.nodeargd.argnlist if arg is not None]
    # A single word needs no brackets; anything longer does, or the reading is ambiguous.
    return " / ".join(part if " " not in part or _bracketed(part) else f"({part})" for part in parts[-2:])


def _bracketed(text: str) -> bool:
    """Whether the whole of ``text`` is one bracketed group, like ``(a + b)`` but not ``(a) + (b)``."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(text) - 1:
            return False
    return True


def _reading_converter() -> LatexNodes2Text:
    context = get_default_latex_context_db()
    macros = [MacroTextSpec(name, simplify_repl=_fraction) for name in ("frac", "dfrac", "tfrac")]
    context.add_context_category("iku-fractions", prepend=True, macros=macros)
    return LatexNodes2Text(latex_context=context, math_mode="text")


@functools.cache
def formula_reading(latex: str) -> str:
    """The formula as plain text (``(A + B) / C × 100%``) for downloads, phones and screen readers."""
    try:
        text = _reading_converter().latex_to_text(latex)
    except Exception:  # pylatexenc raises many types; the LaTeX itself is the honest fallback
        return " ".join(latex.split())
    return " ".join(text.split())


# KaTeX's messages name the symptom; these name the usual cause in an editor's words.
_FORMULA_HINTS = (
    ("Expected 'EOF', got '}'", "ada `}` tanpa pasangan `{`; hitung kurung kurawalnya"),
    ("Expected '}'", "ada `{` yang belum ditutup dengan `}`"),
    ("Undefined control sequence", "perintah ini tidak dikenal KaTeX; periksa ejaannya, mis. `\\frac`, `\\times`"),
    ("Too many expansions", "rumus terlalu rumit atau memanggil dirinya sendiri"),
)


def formula_hint(message: str) -> str:
    """A plain hint for a KaTeX error message, or ``""`` when there is none worth giving."""
    return next((hint for symptom, hint in _FORMULA_HINTS if symptom in message), "")
