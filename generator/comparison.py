"""Grouping the same indicator across bodies by a normalised name.

Documents print one indicator many ways ("Nilai IKM", "Nilai IKM Kecamatan",
"Nilai Indeks Kepuasan Masyarakat"); the comparison page groups them under one key.
Names on pages always stay as printed; only the grouping key is normalised.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Glossary

# Misspellings the documents print often enough to split groups; the key uses the standard form.
SPELLING = {
    "presentase": "persentase",
    "prosentase": "persentase",
    "surve": "survei",
    "survey": "survei",
    "ketentraman": "ketenteraman",
    "ditinjaklanjuti": "ditindaklanjuti",
}
# Words that name the kind of body rather than what is measured ("Nilai IKM Kecamatan"); a
# name stops at one after its first word ("Nilai IKM Dinas Kesehatan" is the "nilai ikm" of a dinas).
BODY_WORDS = frozenset({"kecamatan", "kelurahan", "dinas", "badan", "inspektorat", "sekretariat", "pemerintah"})
_NON_WORD = re.compile(r"[^\w]+")
# An anchor sits inside Markdown's `{ #id }`; `_` or `*` there would start emphasis.
_NON_ANCHOR = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class ComparisonKeys:
    """Grouping keys for indicator names, with one glossary's abbreviations.

    Every expansion and other form of a glossary term is replaced in one pass over a
    name: what a replacement writes is never searched again, so an abbreviation that
    contains another term's expansion cannot make the name grow without end.
    """

    pattern: re.Pattern[str] | None
    replacements: dict[str, str]

    @classmethod
    def of(cls, glossary: Glossary) -> ComparisonKeys:
        alternatives: list[tuple[str, str]] = []
        for term in glossary.istilah:
            abbreviation = term.singkatan.casefold()
            alternatives.append((re.escape(term.kepanjangan.casefold()), f" {abbreviation} "))
            alternatives += [(rf"\b{re.escape(form.casefold())}\b", abbreviation) for form in term.bentuk_lain]
        if not alternatives:
            return cls(None, {})
        # The longest form wins where two start at one place ("indeks kepuasan masyarakat" before "indeks").
        alternatives.sort(key=lambda item: len(item[0]), reverse=True)
        pattern = "|".join(f"(?P<t{index}>{regex})" for index, (regex, _) in enumerate(alternatives))
        replacements = {f"t{index}": replacement for index, (_, replacement) in enumerate(alternatives)}
        return cls(re.compile(pattern), replacements)

    def key(self, name: str) -> str:
        """``"Nilai Indeks Kepuasan Masyarakat (IKM) Kecamatan"`` → ``"nilai ikm"``."""
        text = unicodedata.normalize("NFKC", name).casefold()
        if self.pattern is not None:
            text = self.pattern.sub(lambda match: self.replacements[match.lastgroup or ""], text)
        words = [SPELLING.get(word, word) for word in _NON_WORD.sub(" ", text).split()]
        cut = next((index for index, word in enumerate(words) if index and word in BODY_WORDS), len(words))
        words = [word for word in words[:cut] if word not in BODY_WORDS]
        # "IKM (IKM)" after expansion: a word repeated right after itself is the printed abbreviation.
        deduplicated = [word for index, word in enumerate(words) if index == 0 or words[index - 1] != word]
        return " ".join(deduplicated)


def key_anchors(keys: list[str]) -> list[str]:
    """An HTML id per key: its ASCII letters and digits joined by hyphens, unique on the page.

    Keys that fold to the same id (``IKM`` and ``ikm``, or two names without ASCII
    letters) get ``-2``, ``-3``, … in the order given, so every heading keeps its own link.
    """
    anchors: list[str] = []
    for key in keys:
        ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().lower()
        anchor = "-".join(_NON_ANCHOR.sub(" ", ascii_key).split()) or "lainnya"
        candidate, number = anchor, 1
        while candidate in anchors:
            number += 1
            candidate = f"{anchor}-{number}"
        anchors.append(candidate)
    return anchors
