"""Grouping the same indicator across bodies by a normalised name.

Documents print one indicator many ways ("Nilai IKM", "Nilai IKM Kecamatan",
"Nilai Indeks Kepuasan Masyarakat", "Nilai Surve Kepuasan Masyarakat"); the comparison
pages group them under one key and say which rule made two names one. Names on pages
always stay as printed; only the grouping key is normalised.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from ..content.model import Glossary

# Misspellings the documents print often enough to split groups; the key uses the standard form.
SPELLING = {
    "presentase": "persentase",
    "prosentase": "persentase",
    "surve": "survei",
    "survey": "survei",
    "ketentraman": "ketenteraman",
    "ditinjaklanjuti": "ditindaklanjuti",
}
# Abbreviations the documents use for one and the same measure, each read as the first of its pair,
# with the reason the comparison pages print. Declared here, once; the glossary explains each term.
SAME_MEASURE = {
    "skm": (
        "ikm",
        "nilai IKM adalah hasil Survei Kepuasan Masyarakat (SKM); dokumen menyebut nilai yang sama dengan kedua nama",
    ),
}
# Words that name the kind of body rather than what is measured ("Nilai IKM Kecamatan"); a
# name stops at one after its first word ("Nilai IKM Dinas Kesehatan" is the "nilai ikm" of a dinas).
BODY_WORDS = frozenset({"kecamatan", "kelurahan", "dinas", "badan", "inspektorat", "sekretariat", "pemerintah"})
# A first word that only announces a figure: "Nilai IKM" measures what "IKM" does.
LEADING_WORDS = frozenset({"nilai"})
_NON_WORD = re.compile(r"[^\w]+")
_MISSPELLED = re.compile(r"\b(" + "|".join(map(re.escape, SPELLING)) + r")\b")
# An anchor sits inside Markdown's `{ #id }`; `_` or `*` there would start emphasis.
_NON_ANCHOR = re.compile(r"[^a-z0-9]+")
MAX_ANCHOR = 200
"""The longest id made from a name, before its ``-2``: a comparison group's id is a folder of the site,
and a file system holds at most 255 bytes in a name, where an indicator's name may have 500 characters."""


class Rule(Enum):
    """Why two printed names count as one indicator, in the words the comparison pages use."""

    spelling = "ejaan baku"
    abbreviation = "singkatan dari glosarium"
    same_measure = "nama lain untuk ukuran yang sama"
    body_word = "kata yang menyebut jenis instansi diabaikan"
    leading_word = "kata pembuka diabaikan"


@dataclass(frozen=True)
class Reading:
    """One rule applied to a name: ``found`` (case folded) was read as ``read_as``; ``why`` for declared pairs."""

    rule: Rule
    found: str
    read_as: str
    why: str = ""


@dataclass(frozen=True)
class GroupingKey:
    """A name's grouping key and every rule that changed the name on the way."""

    key: str
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class ComparisonKeys:
    """Grouping keys for indicator names, with one glossary's abbreviations.

    Every expansion and other form of a glossary term is replaced in one pass over a
    name: what a replacement writes is never searched again, so an abbreviation that
    contains another term's expansion cannot make the name grow without end.
    """

    pattern: re.Pattern[str] | None
    replacements: dict[str, str]
    written: dict[str, str]
    """Each abbreviation, case folded, as the glossary writes it: readings show ``SKM``, not ``skm``."""

    @classmethod
    def of(cls, glossary: Glossary) -> ComparisonKeys:
        alternatives: list[tuple[str, str]] = []
        written = {term.singkatan.casefold(): term.singkatan for term in glossary.istilah}
        for term in glossary.istilah:
            abbreviation = term.singkatan.casefold()
            alternatives.append((re.escape(term.kepanjangan.casefold()), f" {abbreviation} "))
            alternatives += [(rf"\b{re.escape(form.casefold())}\b", abbreviation) for form in term.bentuk_lain]
        if not alternatives:
            return cls(None, {}, written)
        # The longest form wins where two start at one place ("indeks kepuasan masyarakat" before "indeks").
        alternatives.sort(key=lambda item: len(item[0]), reverse=True)
        pattern = "|".join(f"(?P<t{index}>{regex})" for index, (regex, _) in enumerate(alternatives))
        replacements = {f"t{index}": replacement for index, (_, replacement) in enumerate(alternatives)}
        return cls(re.compile(pattern), replacements, written)

    def key(self, name: str) -> str:
        """``"Nilai Indeks Kepuasan Masyarakat (IKM) Kecamatan"`` → ``"ikm"``."""
        return self.explain(name).key

    def explain(self, name: str) -> GroupingKey:
        """The grouping key of ``name`` and the rules applied: spelling, glossary, same measure, ignored words.

        Spelling comes first so that a misspelled expansion ("surve kepuasan masyarakat")
        is still found in the glossary.
        """
        readings: list[Reading] = []
        text = unicodedata.normalize("NFKC", name).casefold()

        def spell(match: re.Match[str]) -> str:
            readings.append(Reading(Rule.spelling, match[0], SPELLING[match[0]]))
            return SPELLING[match[0]]

        def abbreviate(match: re.Match[str]) -> str:
            replacement = self.replacements[match.lastgroup or ""]
            readings.append(Reading(Rule.abbreviation, match[0].strip(), self.written_form(replacement.strip())))
            return replacement

        text = _MISSPELLED.sub(spell, text)
        if self.pattern is not None:
            text = self.pattern.sub(abbreviate, text)
        words: list[str] = []
        for word in _NON_WORD.sub(" ", text).split():
            if word in SAME_MEASURE:
                standard, why = SAME_MEASURE[word]
                readings.append(Reading(Rule.same_measure, self.written_form(word), self.written_form(standard), why))
                word = standard
            if word in BODY_WORDS:
                readings.append(Reading(Rule.body_word, word, ""))
                if words:
                    break
                continue
            words.append(word)
        if len(words) > 1 and words[0] in LEADING_WORDS:
            readings.append(Reading(Rule.leading_word, words.pop(0), ""))
        # "IKM (IKM)" after expansion: a word repeated right after itself is the printed abbreviation.
        deduplicated = [word for index, word in enumerate(words) if index == 0 or words[index - 1] != word]
        return GroupingKey(" ".join(deduplicated), tuple(readings))

    def written_form(self, abbreviation: str) -> str:
        """A case-folded abbreviation as the glossary writes it (``skm`` → ``SKM``)."""
        return self.written.get(abbreviation, abbreviation.upper())


def key_anchors(keys: list[str]) -> list[str]:
    """An HTML id per key: its ASCII letters and digits joined by hyphens, unique on the page.

    Keys that fold to the same id (``IKM`` and ``ikm``, or two names without ASCII
    letters) get ``-2``, ``-3``, … in the order given, so every heading keeps its own link.
    An id longer than ``MAX_ANCHOR`` is cut at a word, so do two names alike that far.
    """
    anchors: list[str] = []
    for key in keys:
        ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().lower()
        anchor = "-".join(_NON_ANCHOR.sub(" ", ascii_key).split()) or "lainnya"
        if len(anchor) > MAX_ANCHOR:
            # Cut after a whole word where there is one: an address that reads as words.
            cut = anchor[: MAX_ANCHOR + 1]
            anchor = cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_ANCHOR]
        candidate, number = anchor, 1
        while candidate in anchors:
            number += 1
            candidate = f"{anchor}-{number}"
        anchors.append(candidate)
    return anchors
