"""Content text reaches Markdown as text: nothing in it can become markup."""

from __future__ import annotations

import pytest

from generator.pages.markdown_literal import CLOSE, OPEN
from generator.pages.render import markdown_text


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Nilai IKM", "Nilai IKM"),
        ("1. Butir", "1&#46; Butir"),
        ("# Judul", "&#35; Judul"),
        ("a | b", "a &#124; b"),
        ("<b>tebal</b> & co", "&#60;b&#62;tebal&#60;/b&#62; &#38; co"),
        ("[tautan](javascript:x)", "&#91;tautan&#93;&#40;javascript:x&#41;"),
        ("*miring* _garis_ `kode`", "&#42;miring&#42; &#95;garis&#95; &#96;kode&#96;"),
        ("baris\n  kedua", "baris kedua"),
        ("Nomor: 5", "Nomor: 5"),
        (f"tanda {CLOSE} dan {OPEN}", "tanda &#57345; dan &#57344;"),
    ],
)
def test_markdown_text_is_inert(text: str, markdown: str) -> None:
    assert markdown_text(text) == OPEN + markdown + CLOSE
