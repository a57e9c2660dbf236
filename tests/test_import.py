"""`iku import`'s reader: a published document's text becomes a draft content file an editor reviews.

The five seed texts are the documents the portal's hand-made content was typed from; a draft
must agree with that content on at least 90% of the indicator fields and drop no line.
The variants under fixtures/import/ change headings, column order and list styles.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO

from generator.content.errors import ContentError
from generator.content.load import load_content
from generator.content.validate import UNPLACED_SECTION
from generator.importing.agreement import agreement
from generator.importing.catalogue_match import Catalogues, load_catalogues
from generator.importing.draft import Draft, draft_yaml, import_text

SEEDS = FIXTURES / "seeds"
VARIANTS = FIXTURES / "import"
CONTENT = REPO / "content"
# Each seed and the content file an editor typed from it (its `sumber.berkas`).
HAND_MADE = {
    "000_932645d6d101058b.txt": "jawa-timur/lumajang/lumajang/2020.yml",
    "001_d3065273e97197d8.txt": "jawa-timur/lamongan/mantup/2021-2026.yml",
    "002_3fb44acba906900b.txt": "jawa-timur/lumajang/keputusan-188.45-326-427.12-2019.yml",
    "003_9adf7fbf4bcb75cb.txt": "jawa-timur/lumajang/senduro/2024.yml",
    "004_f8db7ec3e4d2a88e.txt": "jawa-timur/jember/sumberjambe/2022.yml",
}
# Words of the original that the draft carries by its structure, not as text: labels, the words of
# formulas in words and of dates, HTML attributes, the heading of a decree's list of copies.
STRUCTURE_WORDS = {
    *[
        "nip",
        "dibagi",
        "dikali",
        "menimbang",
        "mengingat",
        "memutuskan",
        "menetapkan",
        "tentang",
        "pokok",
        "penjelasan",
    ],
    *["style", "list", "type", "none", "januari", "september", "disampaikan", "kepada", "yth"],
}
# A decree cites a regulation by its id; the regulation's words are in the catalogue.
CATALOGUED_WORDS = set(re.findall(r"[^\W\d_]{3,}", (REPO / "content" / "regulasi.yml").read_text("utf-8").casefold()))


@pytest.fixture(scope="module")
def catalogues() -> Catalogues:
    return load_catalogues(CONTENT)


def _draft(path: Path, catalogues: Catalogues) -> Draft:
    return import_text(path.read_text(encoding="utf-8"), path.name, catalogues)


def _hand_made(seed: str) -> dict:
    return yaml.safe_load((CONTENT / "dokumen" / HAND_MADE[seed]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_each_seed_names_the_content_file_it_was_typed_into(seed: str) -> None:
    assert _hand_made(seed)["sumber"]["berkas"] == f"sumber/{seed}"
    assert (SEEDS / seed).read_bytes() == (CONTENT / "sumber" / seed).read_bytes()


@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_a_seeds_draft_agrees_with_the_hand_made_content_on_nine_in_ten_indicator_fields(
    seed: str, catalogues: Catalogues
) -> None:
    draft = _draft(SEEDS / seed, catalogues)
    found = agreement(draft.data, _hand_made(seed))
    print(f"{seed}: {found.agreed}/{found.compared} = {found.score:.2f}", *found.differences, sep="\n  ")
    assert found.compared >= 10
    assert found.score >= 0.9, found.differences


@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_a_seeds_draft_lies_where_the_hand_made_content_lies(seed: str, catalogues: Catalogues) -> None:
    assert str(_draft(SEEDS / seed, catalogues).address) == HAND_MADE[seed]


def test_a_column_mapped_by_position_instead_of_heading_falls_below_nine_in_ten(catalogues: Catalogues) -> None:
    # The comparison can fail: swap two headings of seed 004 but not its cells, so the
    # reader files every data source as the responsible official and back.
    text = (SEEDS / "004_f8db7ec3e4d2a88e.txt").read_text(encoding="utf-8")
    swapped = text.replace("BIDANG PENANGGUNG JAWAB\tSUMBER DATA", "SUMBER DATA\tBIDANG PENANGGUNG JAWAB")
    assert swapped != text
    found = agreement(import_text(swapped, "004.txt", catalogues).data, _hand_made("004_f8db7ec3e4d2a88e.txt"))
    assert found.score == 0.5


@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_every_word_of_a_seed_is_somewhere_in_its_draft(seed: str, catalogues: Catalogues) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    draft = draft_yaml(_draft(SEEDS / seed, catalogues)).casefold()
    missing = []
    for number, line in enumerate(text.splitlines(), 1):
        for word in re.findall(r"[^\W\d_]{3,}", line.casefold()):
            if word not in draft and word not in STRUCTURE_WORDS | CATALOGUED_WORDS:
                missing.append(f"baris {number}: {word}")
    assert missing == []


@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_every_line_of_a_seed_is_placed_or_listed_as_unrecognised(seed: str, catalogues: Catalogues) -> None:
    draft = _draft(SEEDS / seed, catalogues)
    lines = (SEEDS / seed).read_text(encoding="utf-8").splitlines()
    for number, text in draft.unrecognised:
        assert lines[number - 1].strip() == text
        assert f"baris {number}: " in draft_yaml(draft)


def _check(draft: Draft, tmp_path: Path, source: Path) -> tuple[str, list]:
    """The draft saved in a content folder with the catalogues and its source; what `iku check` reports."""
    content = tmp_path / "content"
    (content / "sumber").mkdir(parents=True)
    for name in ("wilayah.yml", "regulasi.yml", "glosarium.yml"):
        shutil.copy(CONTENT / name, content / name)
    shutil.copy(source, content / draft.data["sumber"]["berkas"])
    path = content / "dokumen" / (str(draft.address) if draft.address else "draf.yml")
    path.parent.mkdir(parents=True)
    text = draft_yaml(draft)
    path.write_text(text, encoding="utf-8")
    try:
        load_content(content)
    except ContentError as error:
        return text, error.problems
    return text, []


def _marked(text: str, line: int) -> bool:
    """The YAML line holds `…`, or a `# PERIKSA:` comment stands above it or the mapping it opens."""
    lines = text.splitlines()
    if "…" in lines[line - 1]:
        return True
    above = line - 2
    while above >= 0 and lines[above].lstrip().startswith("#"):
        if "# PERIKSA:" in lines[above]:
            return True
        above -= 1
    return False


@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_a_seeds_draft_passes_the_check_but_for_what_it_marks_for_review(
    seed: str, catalogues: Catalogues, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    draft = _draft(SEEDS / seed, catalogues)
    text, problems = _check(draft, tmp_path, SEEDS / seed)
    unmarked = [p for p in problems if p.field != "tidak_dikenali" and not _marked(text, p.line)]
    assert unmarked == []
    assert bool(problems) == bool(draft.unrecognised)


def test_unplaced_lines_fail_the_check_with_a_message_saying_what_to_do(
    catalogues: Catalogues, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    seed = SEEDS / "004_f8db7ec3e4d2a88e.txt"
    source = tmp_path / "004_halaman.txt"
    source.write_text(seed.read_text(encoding="utf-8") + "\nHalaman 3 dari 7\n", encoding="utf-8")
    draft = _draft(source, catalogues)
    assert draft.unrecognised == [(43, "Halaman 3 dari 7")]
    text, problems = _check(draft, tmp_path, source)
    assert text.endswith('tidak_dikenali:\n  - "baris 43: Halaman 3 dari 7"\n')
    assert [(p.field, p.message, p.expected, p.found, p.hint) for p in problems] == [
        (
            "tidak_dikenali",
            "baris dokumen asli yang belum ditempatkan (bagian dari `iku import`)",
            "setiap baris dipindahkan ke kolomnya di dokumen ini",
            "1 baris",
            "pindahkan setiap baris ke kolom yang sesuai (atau ke `catatan_editor`), lalu hapus bagian "
            "`tidak_dikenali:`",
        )
    ]


def _indicators(draft: Draft) -> list[dict]:
    return [i for table in draft.data["tabel_indikator"] for goal in table["baris"] for i in goal["indikator"]]


def test_a_table_is_read_by_its_headings_in_any_order_with_targets_per_year(catalogues: Catalogues) -> None:
    draft = _draft(VARIANTS / "dinas-formulasi.txt", catalogues)
    table = draft.data["tabel_indikator"][0]
    assert table["tingkat"] == "program"
    first, second, third = _indicators(draft)
    assert first == {
        "id": "persentase-ibu-hamil-mendapat-pelayanan",
        "nama": "Persentase ibu hamil mendapat pelayanan",
        "penanggung_jawab": ["Kabid Kesehatan Masyarakat"],
        "rumus": {
            "latex": r"\frac{\text{Jumlah ibu hamil yang mendapat pelayanan}}"
            r"{\text{Jumlah seluruh ibu hamil}} \times 100"
        },
        "sumber_data": ["Laporan Puskesmas"],
        "target": [{"tahun": 2025, "nilai": "95%"}, {"tahun": 2026, "nilai": "97%"}],
    }
    # A row with empty first cells belongs to the goal above it.
    assert [len(goal["indikator"]) for goal in table["baris"]] == [2, 1]
    assert second["rumus"] == {"latex": r"\frac{\text{A}}{\text{B}} \times 100\%"}
    # A fraction drawn with dashes over three rows of the formula column.
    assert third["rumus"] == {"latex": r"\frac{\text{Jumlah pasien rujukan tertangani}}{\text{Jumlah pasien rujukan}}"}
    assert "pecahan bergaris dibaca sebagai \\frac; periksa" in [f.message for f in draft.unsure]


def test_lists_as_html_and_flattened_letters_and_the_signature_are_read(catalogues: Catalogues) -> None:
    data = _draft(VARIANTS / "dinas-formulasi.txt", catalogues).data
    assert data["tugas"] == [
        {"teks": "Melaksanakan urusan pemerintahan bidang kesehatan;"},
        {"teks": "Melaksanakan tugas pembantuan."},
    ]
    assert data["fungsi"] == [
        {"label": "a.", "teks": "Perumusan kebijakan bidang kesehatan;"},
        {"label": "b.", "teks": "Pelaksanaan kebijakan bidang kesehatan;"},
        {"label": "c.", "teks": "Pelaksanaan evaluasi dan pelaporan."},
    ]
    assert data["tujuan"] == [
        {"uraian": "Meningkatnya derajat kesehatan masyarakat", "indikator": ["Angka Harapan Hidup"]}
    ]
    assert data["ditandatangani"] == {
        "tempat": "Lumajang",
        "tanggal": datetime.date(2025, 1, 2),
        "jabatan": "KEPALA DINAS KESEHATAN KABUPATEN LUMAJANG",
        "nama": "dr. SUTRISNO, M.Kes",
        "pangkat": "Pembina Utama Muda",
        "nip": "19700101 199803 1 005",
    }


def test_a_body_missing_from_the_catalogue_is_proposed_and_left_to_fill(catalogues: Catalogues) -> None:
    draft = _draft(VARIANTS / "dinas-formulasi.txt", catalogues)
    assert draft.address is None
    assert draft.data["wilayah"] == {"provinsi": "jawa-timur", "kabupaten": "lumajang", "instansi": "…"}
    assert [p.message for p in draft.proposals] == [
        "instansi Dinas Kesehatan di Kabupaten Lumajang belum ada di content/wilayah.yml; tambahkan "
        "`- id: dinas-kesehatan` dengan `nama` resminya dan `jenis`"
    ]


def test_a_body_in_the_catalogue_is_matched_whether_written_kab_or_kabupaten(
    catalogues: Catalogues, tmp_path: Path
) -> None:
    regions = (CONTENT / "wilayah.yml").read_text(encoding="utf-8")
    body = (
        "        instansi:\n          - id: dinas-kesehatan\n            nama: Dinas Kesehatan Kabupaten Lumajang\n"
        "            jenis: dinas\n"
    )
    regions = regions.replace('        kode: "35.08"\n', '        kode: "35.08"\n' + body, 1)
    (tmp_path / "wilayah.yml").write_text(regions, encoding="utf-8")
    shutil.copy(CONTENT / "regulasi.yml", tmp_path / "regulasi.yml")
    text = (
        (VARIANTS / "dinas-formulasi.txt").read_text(encoding="utf-8").replace("Kabupaten Lumajang", "Kab.  Lumajang")
    )
    draft = import_text(text, "dinas.txt", load_catalogues(tmp_path))
    assert draft.data["wilayah"] == {"provinsi": "jawa-timur", "kabupaten": "lumajang", "instansi": "dinas-kesehatan"}
    assert str(draft.address) == "jawa-timur/lumajang/dinas-kesehatan/2025.yml"
    assert draft.proposals == []


def test_a_decrees_citations_are_matched_against_the_regulation_catalogue(catalogues: Catalogues) -> None:
    data = _draft(SEEDS / "002_3fb44acba906900b.txt", catalogues).data
    hand_made = _hand_made("002_3fb44acba906900b.txt")
    for key in ("id", "judul", "penerbit", "nomor", "wilayah", "menimbang_regulasi", "mengingat", "salinan"):
        assert data[key] == hand_made[key], key
    assert [(a["label"], len(a.get("rincian", []))) for a in data["diktum"]] == [
        (a["label"], len(a.get("rincian", []))) for a in hand_made["diktum"]
    ]
    assert data["diktum"][4]["regulasi"] == ["kepbup-lumajang-188-45-290-427-12-2017"]


def test_a_regulation_missing_from_the_catalogue_is_proposed(catalogues: Catalogues) -> None:
    text = (SEEDS / "002_3fb44acba906900b.txt").read_text(encoding="utf-8")
    text = text.replace("3. Undang-Undang Nomor 17 Tahun 2003", "3. Undang-Undang Nomor 6 Tahun 2014")
    draft = import_text(text, "kepbup.txt", catalogues)
    assert draft.data["mengingat"][2] == {"regulasi": "uu-6-2014"}
    assert [p.message for p in draft.proposals] == [
        "Undang-Undang Nomor 6 Tahun 2014 belum ada di content/regulasi.yml; tambahkan dengan `id: uu-6-2014`, "
        '`jenis: Undang-Undang`, `nomor: "6"`, `tahun: 2014`'
    ]


# Other regions print the same parts differently. Each variant rewrites a seed the way another
# region's document would read, and the draft must agree with the hand-made content just as well.
HEADING_SYNONYMS = {
    "Sasaran Strategis": "Kinerja Utama",
    "KINERJA UTAMA\t": "SASARAN STRATEGIS\t",
    "Indikator Kinerja Utama": "Indikator Kinerja",
    "INDIKATOR KINERJA UTAMA\tFORMULASI": "INDIKATOR KINERJA\tFORMULASI",
    "Rumus/Formula": "Formulasi Perhitungan",
    "Formulasi Perhitungan": "Rumus",
    "BIDANG PENANGGUNG JAWAB": "Penanggung Jawab",
    "SUMBER DATA": "Sumber Data",
}


# A table laid out one cell per paragraph (seed 003) has its headings on lines of their own.
HEADING_LINE_SYNONYMS = {"RUMUS/ FORMULA": "FORMULASI PERHITUNGAN", "PENANGGUNG JAWAB": "PENANGGUNGJAWAB"}


def _other_headings(text: str) -> str:
    for heading, other in HEADING_SYNONYMS.items():
        text = text.replace(f"\t{heading}", f"\t{other}")
    return "\n".join(HEADING_LINE_SYNONYMS.get(line, line) for line in text.splitlines()) + "\n"


def _columns_reversed(text: str) -> str:
    """Every tab-separated table's columns after "No" in reverse order, headings and cells alike."""
    widths: set[int] = set()
    lines = []
    for line in text.splitlines():
        cells = line.split("\t")
        if cells[0].strip().casefold() == "no" and len(cells) > 3:
            widths.add(len(cells))
        if len(cells) in widths:
            line = "\t".join([cells[0], *reversed(cells[1:])])
        lines.append(line)
    return "\n".join(lines) + "\n"


def _lists_lettered(text: str) -> str:
    """Numbered items of a list flattened into one line ("1. … 2. …") lettered instead ("a. … b. …")."""

    def lettered(line: str) -> str:
        return re.sub(r"(?<=[\s>])(\d{1,2})\. (?=[A-Z])", lambda m: f"{chr(ord('a') + int(m[1]) - 1)}. ", line)

    return "\n".join(lettered(line) if "<ol" in line else line for line in text.splitlines()) + "\n"


def _lists_one_per_line(text: str) -> str:
    """An HTML list flattened into one cell written as one item per line below its label."""
    return re.sub(r"\t<ol[^>]*>\s*", "\n", text).replace("; ", ";\n")


VARIANTS_OF_SEEDS = {
    "other-headings": _other_headings,
    "columns-reversed": _columns_reversed,
    "lists-lettered": _lists_lettered,
    "lists-one-per-line": _lists_one_per_line,
}


@pytest.mark.parametrize("variant", sorted(VARIANTS_OF_SEEDS))
@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_a_variant_of_a_seed_agrees_as_well_and_drops_no_line(seed: str, variant: str, catalogues: Catalogues) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    changed = VARIANTS_OF_SEEDS[variant](text)
    draft = import_text(changed, seed, catalogues)
    found = agreement(draft.data, _hand_made(seed))
    assert found.score >= 0.9, found.differences
    lines = changed.splitlines()
    for number, unplaced in draft.unrecognised:
        assert lines[number - 1].strip() == unplaced


@pytest.mark.parametrize(
    ("variant", "seeds_changed"),
    [
        ("other-headings", ["000", "001", "002", "003", "004"]),
        ("columns-reversed", ["000", "001", "002", "004"]),
        ("lists-lettered", ["000", "001"]),
        ("lists-one-per-line", ["000", "001", "002", "004"]),
    ],
)
def test_each_variant_changes_the_seeds_it_is_meant_for(variant: str, seeds_changed: list[str]) -> None:
    # A variant that changed nothing would make its agreement test pass for nothing.
    texts = {seed[:3]: (SEEDS / seed).read_text(encoding="utf-8") for seed in sorted(HAND_MADE)}
    changed = [seed for seed, text in texts.items() if VARIANTS_OF_SEEDS[variant](text).rstrip() != text.rstrip()]
    assert changed == seeds_changed


@pytest.mark.parametrize(
    ("title", "address", "wilayah"),
    [
        (
            "SEKRETARIS DINAS PERHUBUNGAN PROVINSI JAWA TIMUR",
            "jawa-timur/dinas-perhubungan/sekretaris/2025.yml",
            {"provinsi": "jawa-timur", "instansi": "dinas-perhubungan", "jabatan": "sekretaris"},
        ),
        (
            "DINAS PERHUBUNGAN PROVINSI JAWA TIMUR",
            "jawa-timur/dinas-perhubungan/2025.yml",
            {"provinsi": "jawa-timur", "instansi": "dinas-perhubungan"},
        ),
        (
            "BADAN PENDAPATAN DAERAH PROVINSI JAWA TIMUR",
            "jawa-timur/badan-pendapatan-daerah/2025.yml",
            {"provinsi": "jawa-timur", "instansi": "badan-pendapatan-daerah"},
        ),
    ],
)
def test_a_position_is_told_from_its_body_and_a_provinsi_body_from_a_kabupaten_one(
    title: str, address: str, wilayah: dict[str, str]
) -> None:
    # A position's IKU names the position before its body; matched to the body alone, it would
    # be published on the body's page.
    bodies = load_catalogues(FIXTURES / "bodies")
    text = (VARIANTS / "sekretaris-dinas-provinsi.txt").read_text(encoding="utf-8")
    draft = import_text(text.replace("SEKRETARIS DINAS PERHUBUNGAN PROVINSI JAWA TIMUR", title, 1), "iku.txt", bodies)
    assert (str(draft.address), draft.data["wilayah"]) == (address, wilayah)


@pytest.mark.parametrize("variant", ["as-printed", *sorted(VARIANTS_OF_SEEDS)])
@pytest.mark.parametrize("seed", sorted(HAND_MADE))
def test_the_draft_file_reads_back_as_exactly_the_draft(seed: str, variant: str, catalogues: Catalogues) -> None:
    # The draft's YAML is written with review comments in place; whatever it holds (quotes,
    # backslashes, colons, `#`, leading dashes) must read back as the values the reader found.
    text = (SEEDS / seed).read_text(encoding="utf-8")
    draft = import_text(VARIANTS_OF_SEEDS.get(variant, str)(text), seed, catalogues)
    written = yaml.safe_load(draft_yaml(draft))
    unplaced = written.pop(UNPLACED_SECTION, [])
    assert (written, unplaced) == (draft.data, [f"baris {number}: {line}" for number, line in draft.unrecognised])


@pytest.mark.parametrize(
    "value",
    [
        *["a: b", "# bukan komentar", "- bukan butir", "'kutip' dan \"kutip\"", r"\frac{a}{b} \times 100\%"],
        *["yes", "1.5", "…", "baris: 2\nbaris 3"],
    ],
)
def test_a_value_that_looks_like_yaml_syntax_is_written_as_text(value: str) -> None:
    draft = Draft("x.txt", {"judul": value, "tugas": [{"teks": value}]}, None, [], [], [(3, value)], [])
    assert yaml.safe_load(draft_yaml(draft)) == {
        "judul": value,
        "tugas": [{"teks": value}],
        UNPLACED_SECTION: [f"baris 3: {value}"],
    }


def test_a_column_under_an_unknown_heading_is_kept_with_its_heading_for_review(catalogues: Catalogues) -> None:
    draft = _draft(VARIANTS / "kolom-lain.txt", catalogues)
    first, second, third = _indicators(draft)
    assert first["catatan_editor"] == ["Kolom KETERANGAN: dihitung tiap semester"]
    assert "catatan_editor" not in second
    assert third["catatan_editor"] == ["Kolom KETERANGAN: 95"]
    assert [f.line for f in draft.unsure if f.field.endswith("catatan_editor")] == [6, 8]


def test_letters_of_a_formula_defined_in_words_in_its_cell_or_below_its_table_become_the_fraction(
    catalogues: Catalogues,
) -> None:
    draft = _draft(VARIANTS / "kolom-lain.txt", catalogues)
    _, in_cell, below = _indicators(draft)
    assert below["rumus"] == {"latex": r"\frac{\text{jumlah desa tertib}}{\text{jumlah desa}} \times 100\%"}
    assert in_cell["rumus"] == {"latex": r"\frac{\text{jumlah aduan selesai}}{\text{jumlah aduan}} \times 100\%"}
    defined = [
        f.line for f in draft.unsure if f.message == "huruf rumus diganti dengan definisinya seperti tercetak; periksa"
    ]
    assert defined == [7, 11]


def test_a_line_a_reader_used_only_in_part_is_listed_whole_for_review(catalogues: Catalogues) -> None:
    # Row 9 names a goal without an indicator: no indicator holds its note, so the words
    # "catatan sasaran tanpa indikator" reach no field. The line is listed whole, never dropped.
    draft = _draft(VARIANTS / "kolom-lain.txt", catalogues)
    assert draft.unrecognised == [(9, "2\t\tcatatan sasaran tanpa indikator\tMeningkatnya ketertiban")]
    assert (9, "sebagian isi baris ini tidak masuk draf; baris itu disalin utuh ke bagian ini") in [
        (finding.line, finding.message) for finding in draft.unsure
    ]
