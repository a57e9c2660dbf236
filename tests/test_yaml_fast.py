"""libyaml reads content files for speed only where PyYAML's own parser would read them alike.

PyYAML's pure-Python parser (:class:`ContentLoader`) has the last word: it gives every
error its line and message. libyaml gives the data of ordinary files ten times faster;
every file it reads must come out exactly (types included) as the pure-Python parser
reads it, and what is unusual must be left to that parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.yaml_source import MAX_DEPTH, _fast_data, _parse

REPO = Path(__file__).resolve().parent.parent
CONTENT_FILES = sorted(
    [*(REPO / "content").rglob("*.yml"), *(REPO / "tests" / "fixtures").rglob("*.yml")],
)


def _typed(value: object) -> object:
    """``value`` with every scalar's type beside it, so that 1, 1.0 and True differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[p.relative_to(REPO).as_posix() for p in CONTENT_FILES])
def test_every_content_and_fixture_file_reads_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _fast_data(text)
    parsed = _parse(path, text)
    if fast is not None:
        assert _typed(fast) == _typed(parsed.data)  # type: ignore[union-attr]


def test_the_published_content_is_read_by_libyaml() -> None:
    # Otherwise the check is as slow as before without anything saying so.
    published = [path for path in CONTENT_FILES if path.is_relative_to(REPO / "content" / "dokumen")]
    assert published
    assert all(_fast_data(path.read_text(encoding="utf-8")) is not None for path in published)


TRICKY = {
    "plain-multiline": "a: one\n  two\n\n  three\n",
    "folded": "a: >\n  one\n  two\n\n  three\nb: x\n",
    "literal-keep": "a: |+\n  one\n\n\nb: x\n",
    "literal-strip": "a: |-\n  one\n  two\n",
    "double-quoted-escapes": 'a: "x\\u00e9\\x41\\"\\\\ \\/ end"\n',
    "double-quoted-folded": 'a: "one\n  two\n\n  three"\n',
    "single-quoted": "a: 'it''s \\frac{A}{B} \\times 100\\%'\n",
    "flow": "a: [one, 'two', \"three\", {b: c}]\nd: {e: [1, 2.5, true, null, ~]}\n",
    "numbers-and-words": "a: [1, -2, 0x1F, 0o17, 1_000, 1.5e3, .inf, .nan, No, on, y, 2021-13-10, 2024-01-10]\n",
    "comments": "# top\na: b # after\n# between\nc:\n  - d # item\n",
    "document-markers": "---\na: b\n...\n",
    "unicode": "a: Kecamatan Senduro — “IKM” ≥ 80 % 😀\n",
    "empty-values": "a:\nb: ''\nc: []\nd: {}\n",
    "nested-lists": "a:\n- - x\n  - y\n- z\n",
    "colon-in-text": "a: 'Rasio: jumlah'\nb: http://example.org/x:y\n",
    "anchor-without-alias": "a: &x b\n",
    "crlf": "a: b\r\nc:\r\n  - d\r\n",
    "merge-key": "a: {<<: {b: 1}, c: 2}\n",
    "explicit-tags": "a: !!str 12\nb: !!int '3'\n",
}


@pytest.mark.parametrize("text", list(TRICKY.values()), ids=list(TRICKY))
def test_tricky_yaml_reads_alike_or_is_left_to_pyyaml(text: str) -> None:
    fast = _fast_data(text)
    parsed = _parse(Path("x.yml"), text)
    if fast is not None:
        assert not parsed.keys  # type: ignore[union-attr]
        assert _typed(fast) == _typed(parsed.data)  # type: ignore[union-attr]


UNUSUAL = {
    "alias": "a: &x b\nc: *x\n",
    "tab-after-key": "a:\tb\n",
    "tab-indent": "a:\n\t- b\n",
    "next-line": "a: b\x85c: d\n",
    "line-separator": "a: b\u2028c\n",
    "deep": "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n",
    "number-key": "1: a\n",
    "key-twice": "a: 1\na: 2\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "a-list": "- a\n",
    "syntax-error": "a: 'b\n",
    "unknown-tag": "a: !!python/object:os.system x\n",
}


@pytest.mark.parametrize("text", list(UNUSUAL.values()), ids=list(UNUSUAL))
def test_what_is_unusual_is_left_to_pyyaml(text: str) -> None:
    assert _fast_data(text) is None
