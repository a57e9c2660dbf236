"""Content text reaches Markdown as text: nothing in it can become markup."""

from __future__ import annotations

import pytest

from generator.render import markdown_text


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Nilai IKM", "Nilai IKM"),
        ("1. Butir", "1\\. Butir"),
        ("# Judul", "\\# Judul"),
        ("a | b", "a \\| b"),
        ("<b>tebal</b> & co", "&lt;b&gt;tebal&lt;/b&gt; &amp; co"),
        ("[tautan](javascript:x)", "\\[tautan\\]\\(javascript:x\\)"),
        ("*miring* _garis_ `kode`", "\\*miring\\* \\_garis\\_ \\`kode\\`"),
        ("baris\n  kedua", "baris kedua"),
        ("Nomor: 5", "Nomor: 5"),
    ],
)
def test_markdown_text_is_inert(text: str, markdown: str) -> None:
    assert markdown_text(text) == markdown
