"""Formulas as printed, turned into the model's ``rumus``: LaTeX kept, fractions in words written as LaTeX.

A formula is guessed only where the reading is unambiguous; anything else stays text
(``rumus.teks``) and is marked for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import squeeze

_LATEX = re.compile(r"^\$+(.+?)\$+$", re.DOTALL)
_DIVIDED = re.compile(r"\s+dibagi\s+", re.IGNORECASE)
# "dikali 100", "x 100 %", "X 100%": the factor after a fraction.
_TIMES_100 = re.compile(r"\s*(?:\bdikali\b|(?<=\s)[xX×])\s*100\s*(%?)\s*$")
_SLASH = re.compile(r"^(?P<top>[^/]+?)\s*/\s*(?P<bottom>[^/]+?)$")
_DASHES = re.compile(r"-{3,}")
_OPERATOR = re.compile(r"(\(|\)|\+|(?<=\s)[xX×](?=\s))")
_NUMBER_FIRST = re.compile(r"^(\d+(?:[.,]\d+)?)\s+(.+)$")
_TEXT_SPECIALS = {"%": r"\%", "&": r"\&", "#": r"\#", "_": r"\_", "$": r"\$", "{": r"\{", "}": r"\}"}


@dataclass(frozen=True)
class Reading:
    """A formula read from text: the ``rumus`` data, and why it must be reviewed ("" if it need not)."""

    rumus: dict[str, str]
    doubt: str = ""


def read_formula(text: str) -> Reading:
    """The ``rumus`` for a formula cell as printed."""
    text = squeeze(text)
    latex = _LATEX.match(text)
    if latex:
        return Reading({"latex": latex[1].strip()})
    head, meanings = split_definitions(text)
    defined = letters_fraction(read_formula(head).rumus.get("latex", "")) if meanings and head else None
    if defined is not None and {defined[0], defined[1]} <= meanings.keys():
        top, bottom, factor = defined
        return Reading({"latex": fraction(meanings[top], meanings[bottom]) + factor}, DEFINED_DOUBT)
    factor, body = _factor(text)
    if _DASHES.search(body):
        return _drawn(text, body, factor)
    parts = _DIVIDED.split(body)
    if len(parts) == 2:
        return Reading({"latex": fraction(parts[0], parts[1]) + factor})
    slash = _SLASH.match(body)
    if factor and slash and _plain_words(slash["top"]) and _plain_words(slash["bottom"]):
        return Reading({"latex": fraction(slash["top"], slash["bottom"]) + factor})
    if len(parts) > 2:
        return Reading({"teks": text}, "kata `dibagi` muncul lebih dari sekali; susun pecahannya sendiri")
    return Reading({"teks": text})


# "A = jumlah …", "B : jumlah …": a letter of a formula defined in words.
_DEFINITION = re.compile(r"(?:^|(?<=[\s,;]))([A-Z])\s*[=:]\s*")
_LETTERS_FRACTION = re.compile(r"^\\frac\{\\text\{([A-Z])\}\}\{\\text\{([A-Z])\}\}(.*)$")
DEFINED_DOUBT = "huruf rumus diganti dengan definisinya seperti tercetak; periksa"


def split_definitions(text: str) -> tuple[str, dict[str, str]]:
    """What comes before the first "A = …" of ``text``, and each letter's definition in words."""
    found = list(_DEFINITION.finditer(text))
    if not found:
        return text, {}
    meanings = {}
    for match, after in zip(found, [*found[1:], None], strict=True):
        meaning = text[match.end() : after.start() if after else len(text)]
        meanings[match[1]] = re.sub(r"\s+dan$", "", meaning.strip(" ,;.")).strip(" ,;.")
    head = re.sub(
        r"\s*\b(?:dengan|di ?mana|keterangan|ket\.?)\s*:?$", "", text[: found[0].start()].strip(), flags=re.IGNORECASE
    )
    return head.strip(" ,;"), meanings


def letters_fraction(latex: str) -> tuple[str, str, str] | None:
    """For ``\\frac{\\text{A}}{\\text{B}} \\times 100\\%``: ("A", "B", " \\times 100\\%"); None for others."""
    match = _LETTERS_FRACTION.match(latex)
    return (match[1], match[2], match[3]) if match else None


def _drawn(text: str, body: str, factor: str) -> Reading:
    """A fraction drawn with a line of dashes between numerator and denominator (one line each, as
    extracted): LaTeX when there is one line with words on both sides, the text as printed otherwise."""
    parts = [part.strip() for part in _DASHES.split(body)]
    if len(parts) == 2 and all(parts) and not any(_DIVIDED.search(part) for part in parts):
        return Reading({"latex": fraction(*parts) + factor}, "pecahan bergaris dibaca sebagai \\frac; periksa")
    return Reading({"teks": text}, "pecahan bergaris tidak dapat dibaca dengan pasti; tulis ulang sebagai LaTeX")


def _factor(text: str) -> tuple[str, str]:
    """The ``\\times 100`` (with ``\\%`` when printed) at the end of a formula, and the rest."""
    match = _TIMES_100.search(text)
    if not match:
        return "", text
    return r" \times 100" + (r"\%" if match[1] else ""), text[: match.start()].strip()


def _plain_words(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z ]*", text.strip()))


def fraction(top: str, bottom: str) -> str:
    return rf"\frac{{{expression(top)}}}{{{expression(bottom)}}}"


def dash_fraction(top: str, bottom: str, after: str = "") -> str:
    """A fraction drawn with a line of dashes; ``after`` is what was printed beside the line ("x 100%")."""
    factor, _ = _factor(f"x {squeeze(after)}") if re.search(r"100", after) else ("", "")
    return fraction(top, bottom) + factor


def expression(text: str) -> str:
    """Words, sums, products and brackets as LaTeX: ``\\text{…}`` for words, ``+``, ``\\times``, ``( )``."""
    out: list[str] = []
    for token in _OPERATOR.split(squeeze(text)):
        token = token.strip()
        if not token:
            continue
        if token == "+":
            out.append(" + ")
        elif token in ("x", "X", "×"):
            out.append(r" \times ")
        elif token in "()":
            out.append(token)
        else:
            out.append(_operand(token, before_bracket=False))
    latex = "".join(out)
    # Words right before an opening bracket ("Jumlah (") keep their space inside \text.
    return re.sub(r"\\text\{([^{}]*)\}\(", r"\\text{\1 } (", latex).strip()


def _operand(token: str, *, before_bracket: bool) -> str:
    if re.fullmatch(r"\d+(?:[.,]\d+)?", token):
        return token
    number = _NUMBER_FIRST.match(token)
    if number:
        return rf"{number[1]} \text{{ {_escaped(number[2])}}}"
    return rf"\text{{{_escaped(token)}}}"


def _escaped(text: str) -> str:
    return "".join(_TEXT_SPECIALS.get(char, char) for char in text)
