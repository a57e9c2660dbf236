"""The cache of `iku check`: an unchanged file is neither parsed nor validated again, and no problem is ever hidden.

Each test checks a copy of the good fixture with a cache folder of its own. Where a test
says a file came from the cache, parsing (or validating) is watched for that run: the
report it gives can then only come from what was cached, the checks run again on it, and
the tree composed again for positions.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import DOC, edit

from generator.cli.commands import main
from generator.content import check_cache, load
from generator.content.check_cache import CheckCache
from generator.content.errors import ContentError
from generator.content.load import check_content_folder, load_content
from generator.content.loaded import CheckedDocument, LoadedDocument

DOCUMENT = DOC.removeprefix("content/")
DOCUMENT_SHOWN = "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
WRONG_NIP = (
    f"{DOCUMENT_SHOWN}:67:8: ditandatangani.nip: format tidak sesuai\n"
    "    diharapkan: NIP 18 digit dengan spasi seperti tercetak, dalam tanda kutip\n"
    '    ditemukan: "1962"\n'
    '    saran: contoh: "19621010 198503 1 026"'
)


def _report(content: Path, cache: CheckCache) -> str:
    with pytest.raises(ContentError) as caught:
        check_content_folder(content, cache=cache)
    return "\n".join(str(problem) for problem in caught.value.problems)


def _watched(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    """The files ``module.name`` (a parse or a validation) is called for from here on, by name."""
    calls: list[str] = []
    original = getattr(module, name)

    def watching(source: object, *args: object) -> object:
        calls.append(source.path.name if hasattr(source, "path") else Path(str(args[0])).name)
        return original(source, *args)

    monkeypatch.setattr(module, name, watching)
    return calls


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return _watched(monkeypatch, check_cache, "parse_yaml")


def _validated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return _watched(monkeypatch, load, "validate")


def _checksummed(payload: bytes) -> bytes:
    return hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


@pytest.fixture
def cache(tmp_path: Path) -> CheckCache:
    return CheckCache(tmp_path / "cache")


def test_a_second_check_neither_parses_nor_validates_an_unchanged_document(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    parsed, validated = _parsed(monkeypatch), _validated(monkeypatch)
    content, documents = check_content_folder(good_content, cache=cache)
    assert parsed == []
    assert validated == ["wilayah.yml", "regulasi.yml", "glosarium.yml"]
    assert [type(document) for document in documents] == [CheckedDocument, CheckedDocument]
    assert content.documents == []


def test_the_build_reads_the_same_content_from_the_cache(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_content(good_content, cache=cache)
    parsed = _parsed(monkeypatch)
    second = load_content(good_content, cache=cache)
    assert parsed == []
    assert [type(document) for document in second.documents] == [LoadedDocument, LoadedDocument]
    assert [d.document for d in second.documents] == [d.document for d in first.documents]
    assert second.regions == first.regions


def test_an_error_is_reported_again_from_the_cache_at_its_line_until_it_is_fixed(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    edit(good_content / DOCUMENT, 'nip: "19621010 198503 1 026"', 'nip: "1962"')
    assert _report(good_content, cache) == WRONG_NIP
    parsed = _parsed(monkeypatch)
    assert _report(good_content, cache) == WRONG_NIP
    assert parsed == []
    edit(good_content / DOCUMENT, 'nip: "1962"', 'nip: "19621010 198503 1 026"')
    validated = _validated(monkeypatch)
    check_content_folder(good_content, cache=cache)
    assert parsed == []
    assert "2021-2023.yml" not in validated  # the fixed file is the file first kept


def test_a_formula_error_from_the_cache_names_its_column(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(good_content / DOCUMENT, r"\times 100\%", r"\time 100\%")
    first = _report(good_content, cache)
    parsed = _parsed(monkeypatch)
    assert _report(good_content, cache) == first
    assert parsed == []
    assert first.startswith(
        f"{DOCUMENT_SHOWN}:49:81: tabel_indikator[0].baris[0].indikator[1].rumus.latex: "
        "KaTeX tidak dapat merender rumus"
    )


def test_a_changed_catalogue_checks_the_kept_documents_against_it(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    edit(good_content / "wilayah.yml", "- id: contoh\n", "- id: contoh-baru\n")
    parsed = _parsed(monkeypatch)
    report = _report(good_content, cache)
    assert parsed == ["wilayah.yml"]
    assert report == (
        f"{DOCUMENT_SHOWN}:8:14: wilayah.kecamatan: kecamatan tidak ditemukan di kabupaten `lumajang`\n"
        "    diharapkan: id kecamatan dari content/wilayah.yml\n"
        '    ditemukan: "contoh"\n'
        "    saran: maksud Anda `contoh-baru`?"
    )


def test_a_kept_document_s_sources_and_place_are_checked_again(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    (good_content / "sumber" / "contoh.pdf").write_bytes(b"not a PDF")
    moved = good_content / "dokumen" / "jawa-timur" / "lumajang" / "lain"
    moved.mkdir()
    shutil.move(good_content / DOCUMENT, moved / "2021-2023.yml")
    parsed = _parsed(monkeypatch)
    report = _report(good_content, cache)
    assert parsed == []
    assert report == (
        "content/dokumen/jawa-timur/lumajang/lain/2021-2023.yml:8:14: wilayah.kecamatan: tidak sesuai dengan "
        "letak berkas\n"
        "    diharapkan: `lain`, sesuai letak berkas ini\n"
        '    ditemukan: "contoh"\n'
        "    saran: perbaiki nilai ini, atau pindahkan berkas ke content/dokumen/jawa-timur/lumajang/contoh/"
        "2021-2023.yml\n"
        "content/dokumen/jawa-timur/lumajang/lain/2021-2023.yml:68:43: sumber.asli: isi berkas sumber bukan PDF\n"
        "    diharapkan: berkas PDF (diawali `%PDF-`)\n"
        "    ditemukan: berkas diawali b'not a PD'\n"
        "    saran: simpan dokumen aslinya sebagai PDF, atau teks hasil ekstraksinya sebagai .txt"
    )


def test_a_syntax_error_is_never_cached(good_content: Path, cache: CheckCache) -> None:
    edit(good_content / DOCUMENT, 'nip: "19621010 198503 1 026"', 'nip: "19621010 198503 1 026')
    first = _report(good_content, cache)
    assert "tanda kutip dibuka di sini tetapi tidak ditutup" in first
    assert _report(good_content, cache) == first
    kept = sorted(path.name.split(".", 1)[1] for path in cache.folder.iterdir())
    # wilayah.yml, regulasi.yml, glosarium.yml and the decree, and the decree's facts
    assert kept == ["data.json"] * 4 + ["facts.json"]


def test_a_document_with_a_problem_of_its_own_keeps_no_facts(good_content: Path, cache: CheckCache) -> None:
    edit(good_content / DOCUMENT, "id: nilai-ikm\n", "id: tugas\n")
    first = _report(good_content, cache)
    assert "id ini dipakai untuk bagian halaman" in first
    assert _report(good_content, cache) == first
    assert len(list(cache.folder.glob("*.facts.json"))) == 1  # the decree's


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
    good_content: Path, cache: CheckCache, written: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    entries = sorted(cache.folder.iterdir())
    for entry in entries:
        entry.write_bytes(written)
    parsed = _parsed(monkeypatch)
    _, documents = check_content_folder(good_content, cache=cache)
    assert len(parsed) == 5
    assert len(documents) == 2
    assert all(entry.read_bytes() != written for entry in entries)


def test_facts_of_another_shape_are_ignored(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    for entry in cache.folder.glob("*.facts.json"):
        entry.write_bytes(_checksummed(b'{"jenis": "iku", "key": "jawa-timur"}'))
    validated = _validated(monkeypatch)
    check_content_folder(good_content, cache=cache)
    assert sorted(validated)[:2] == ["2021-2023.yml", "glosarium.yml"]
    assert len(validated) == 5


def test_the_check_command_says_the_same_from_the_cache(
    good_content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(check_cache, "CACHE_DIR", tmp_path / "project-cache")
    edit(good_content / DOCUMENT, 'nip: "19621010 198503 1 026"', 'nip: "1962"')
    assert main(["check"]) == 1
    first = capsys.readouterr().err
    assert main(["check"]) == 1
    assert capsys.readouterr().err == first == f"{WRONG_NIP}\n1 kesalahan ditemukan di konten.\n"
    edit(good_content / DOCUMENT, 'nip: "1962"', 'nip: "19621010 198503 1 026"')
    assert main(["check"]) == 0
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "Konten valid: 2 dokumen, 7 regulasi.\n" * 2
    assert (tmp_path / "project-cache" / check_cache.code_digest()).is_dir()


def test_a_cache_that_cannot_be_written_costs_only_time(good_content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    _, documents = check_content_folder(good_content, cache=CheckCache(blocked / "check"))
    assert len(documents) == 2


def test_what_earlier_code_kept_is_removed(good_content: Path, tmp_path: Path) -> None:
    stale = tmp_path / "cache" / "0123456789abcdef"
    stale.mkdir(parents=True)
    (stale / "entry.data.json").write_text("{}", encoding="utf-8")
    kept = tmp_path / "cache" / "notes"
    kept.mkdir()
    check_content_folder(good_content, cache=CheckCache(tmp_path / "cache"))
    assert sorted(path.name for path in (tmp_path / "cache").iterdir()) == sorted([check_cache.code_digest(), "notes"])


def test_a_build_writes_facts_once_and_a_damaged_entry_is_written_again_by_the_check(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_content(good_content, cache=cache)
    entries = sorted(cache.folder.glob("*.facts.json"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(b"kept as it is")
    # A build never writes facts that are there: what is there stays, whatever it holds (nothing
    # rewritten every build); unreadable, it only makes the build check the document again.
    load_content(good_content, cache=cache)
    assert [entry.read_bytes() for entry in entries] == [b"kept as it is"] * 2
    # The check reads them, finds them unreadable and writes them again; then it reads them.
    check_content_folder(good_content, cache=cache)
    assert all(entry.read_bytes() != b"kept as it is" for entry in entries)
    validated = _validated(monkeypatch)
    check_content_folder(good_content, cache=cache)
    assert sorted(validated) == ["glosarium.yml", "regulasi.yml", "wilayah.yml"]


def _own_checks(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The documents whose own checks (placeholders; indicators and formulas) run from here on."""
    return _watched(monkeypatch, load, "placeholders"), _watched(monkeypatch, load, "document_problems")


def test_a_build_checks_again_only_a_document_that_did_not_pass_before(
    good_content: Path, cache: CheckCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_content_folder(good_content, cache=cache)
    checked = _own_checks(monkeypatch)
    first = load_content(good_content, cache=cache)
    assert checked == ([], [])
    edit(good_content / DOCUMENT, "Menyelenggarakan urusan pemerintahan umum.", "Menyelenggarakan pemerintahan umum.")
    second = load_content(good_content, cache=cache)
    assert checked == (["2021-2023.yml"], ["2021-2023.yml"])
    assert [d.own_problems for d in second.documents] == [(), ()]
    changed = [
        d.relative_path for d, was in zip(second.documents, first.documents, strict=True) if d.document != was.document
    ]
    assert changed == [DOCUMENT]


def test_a_build_reports_a_changed_document_s_own_problem_as_the_check_does(
    good_content: Path, cache: CheckCache
) -> None:
    check_content_folder(good_content, cache=cache)
    load_content(good_content, cache=cache)
    edit(good_content / DOCUMENT, "id: nilai-ikm\n", "id: tugas\n")
    with pytest.raises(ContentError) as caught:
        load_content(good_content, cache=cache)
    built = "\n".join(str(problem) for problem in caught.value.problems)
    assert "id ini dipakai untuk bagian halaman" in built
    assert built == _report(good_content, cache)
