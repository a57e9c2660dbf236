"""The parse cache of `iku check`: an unchanged file is not parsed again, and no problem is ever hidden.

Each test loads a copy of the good fixture with a cache folder of its own. Where a test
says a file came from the cache, parsing is made impossible for that run: the report it
then gives can only come from the cached data and the tree composed again for positions.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import DOC, edit

from generator.content import parse_cache
from generator.content.errors import ContentError
from generator.content.load import load_content
from generator.content.parse_cache import ParseCache
from generator.content.yaml_source import YamlFile

DOCUMENT = DOC.removeprefix("content/")
WRONG_NIP = (
    "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml:67:8: ditandatangani.nip: format tidak sesuai\n"
    "    diharapkan: NIP 18 digit dengan spasi seperti tercetak, dalam tanda kutip\n"
    '    ditemukan: "1962"\n'
    '    saran: contoh: "19621010 198503 1 026"'
)


def _checksummed(payload: bytes) -> bytes:
    return hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _report(content: Path, cache: ParseCache) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(content, cache=cache)
    return "\n".join(str(problem) for problem in caught.value.problems)


def _parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from here on (not taken from the cache), by name."""
    parsed: list[str] = []
    original = parse_cache.parse_yaml

    def counting(raw: bytes, display: Path) -> YamlFile | list[object]:
        parsed.append(display.name)
        return original(raw, display)

    monkeypatch.setattr(parse_cache, "parse_yaml", counting)
    return parsed


@pytest.fixture
def cache(tmp_path: Path) -> ParseCache:
    return ParseCache(tmp_path / "cache")


def test_a_second_run_parses_nothing_and_finds_the_same_content(
    good_content: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_content(good_content, cache=cache)
    parsed = _parsed_files(monkeypatch)
    second = load_content(good_content, cache=cache)
    assert parsed == []
    assert [d.document for d in second.documents] == [d.document for d in first.documents]
    assert second.regions == first.regions


def test_an_error_is_reported_again_from_the_cache_at_its_line_until_it_is_fixed(
    good_content: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_content(good_content, cache=cache)
    edit(good_content / DOCUMENT, 'nip: "19621010 198503 1 026"', 'nip: "1962"')
    assert _report(good_content, cache) == WRONG_NIP
    parsed = _parsed_files(monkeypatch)
    assert _report(good_content, cache) == WRONG_NIP
    assert parsed == []
    edit(good_content / DOCUMENT, 'nip: "1962"', 'nip: "19621010 198503 1 026"')
    load_content(good_content, cache=cache)
    assert parsed == []  # the fixed file is the file first cached


def test_a_formula_error_from_the_cache_names_its_column(
    good_content: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(good_content / DOCUMENT, r"\times 100\%", r"\time 100\%")
    first = _report(good_content, cache)
    parsed = _parsed_files(monkeypatch)
    assert _report(good_content, cache) == first
    assert parsed == []
    assert first.startswith(
        "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml:49:81: "
        "tabel_indikator[0].baris[0].indikator[1].rumus.latex: KaTeX tidak dapat merender rumus"
    )


def test_a_changed_catalogue_checks_the_cached_documents_against_it(
    good_content: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_content(good_content, cache=cache)
    edit(good_content / "wilayah.yml", "- id: contoh\n", "- id: contoh-baru\n")
    parsed = _parsed_files(monkeypatch)
    report = _report(good_content, cache)
    assert parsed == ["wilayah.yml"]
    assert report == (
        "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml:8:14: wilayah.kecamatan: "
        "kecamatan tidak ditemukan di kabupaten `lumajang`\n"
        "    diharapkan: id kecamatan dari content/wilayah.yml\n"
        '    ditemukan: "contoh"\n'
        "    saran: maksud Anda `contoh-baru`?"
    )


def test_a_syntax_error_is_never_cached(good_content: Path, cache: ParseCache) -> None:
    edit(good_content / DOCUMENT, 'nip: "19621010 198503 1 026"', 'nip: "19621010 198503 1 026')
    first = _report(good_content, cache)
    assert "tanda kutip dibuka di sini tetapi tidak ditutup" in first
    assert _report(good_content, cache) == first
    entries = sorted(path.name for path in cache.folder.iterdir())
    assert len(entries) == 4  # wilayah.yml, regulasi.yml, glosarium.yml and the decree


@pytest.mark.parametrize(
    "written",
    [
        b"",
        b"{",
        b"{}",
        b"\xff\xfe garbage",
        _checksummed(b"\xff\xfe garbage"),
        _checksummed(b"{"),
        _checksummed(b"[1, 2]"),
        _checksummed(b'"text"'),
        _checksummed(b'{"jenis": NaN}'),
        _checksummed(b"{}") + b" ",
    ],
    ids=["empty", "cut-off", "no-checksum", "not-utf8", *(f"checksummed-{i}" for i in range(5)), "changed-after"],
)
def test_a_corrupt_entry_is_ignored_and_written_again(
    good_content: Path, cache: ParseCache, written: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_content(good_content, cache=cache)
    entries = sorted(cache.folder.iterdir())
    for entry in entries:
        entry.write_bytes(written)
    parsed = _parsed_files(monkeypatch)
    content = load_content(good_content, cache=cache)
    assert len(parsed) == len(entries) == 5
    assert len(content.documents) == 2
    assert all(entry.read_bytes() != written for entry in entries)
    assert len(content.documents) == 2


def test_a_cache_that_cannot_be_written_costs_only_time(good_content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    content = load_content(good_content, cache=ParseCache(blocked / "check"))
    assert len(content.documents) == 2


def test_an_earlier_parser_s_entries_are_removed(good_content: Path, tmp_path: Path) -> None:
    stale = tmp_path / "cache" / "0123456789abcdef"
    stale.mkdir(parents=True)
    (stale / "entry.json").write_text("{}", encoding="utf-8")
    kept = tmp_path / "cache" / "notes"
    kept.mkdir()
    load_content(good_content, cache=ParseCache(tmp_path / "cache"))
    assert sorted(path.name for path in (tmp_path / "cache").iterdir()) == sorted(
        [parse_cache.parser_digest(), "notes"]
    )
