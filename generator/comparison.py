"""Grouping the same indicator across bodies by a normalised name.

Documents print one indicator many ways ("Nilai IKM", "Nilai IKM Kecamatan",
"Nilai Indeks Kepuasan Masyarakat"); the comparison page groups them under one key.
Names on pages always stay as printed; only the grouping key is normalised.
"""

from __future__ import annotations

import re
import unicodedata

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
# Words that name the kind of body rather than what is measured ("Nilai IKM Kecamatan").
BODY_WORDS = frozenset({"kecamatan"})
_NON_WORD = re.compile(r"[^\w]+")


def comparison_key(name: str, glossary: Glossary) -> str:
    """``"Nilai Indeks Kepuasan Masyarakat (IKM) Kecamatan"`` → ``"nilai ikm"``."""
    text = unicodedata.normalize("NFKC", name).casefold()
    for term in glossary.istilah:
        text = text.replace(term.kepanjangan.casefold(), f" {term.singkatan.casefold()} ")
        for form in term.bentuk_lain:
            text = re.sub(rf"\b{re.escape(form.casefold())}\b", term.singkatan.casefold(), text)
    words = [SPELLING.get(word, word) for word in _NON_WORD.sub(" ", text).split()]
    words = [word for word in words if word not in BODY_WORDS]
    # "IKM (IKM)" after expansion: a word repeated right after itself is the printed abbreviation.
    deduplicated = [word for index, word in enumerate(words) if index == 0 or words[index - 1] != word]
    return " ".join(deduplicated)


def key_anchor(key: str) -> str:
    """An HTML id for a group: the key's words joined by hyphens, ASCII only."""
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return "-".join(_NON_WORD.sub(" ", ascii_key).split()) or "lainnya"
