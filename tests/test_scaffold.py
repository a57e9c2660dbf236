"""``iku new`` writes a document for any owner: a kecamatan, a body of a kabupaten/kota or a
provinsi, the pemerintah daerah itself, or a position within a body.

An untouched scaffold fails ``iku check`` with the list of what to fill; once an editor
fills the `…` placeholders and the indicator table, it passes and gets its own address.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import BODIES

from generator.cli.scaffold import new_document
from generator.content.errors import ContentError, IkuError
from generator.content.kinds import document_key
from generator.content.load import load_content
from generator.pages.render import yaml_quoted

SENDURO_LIKE = [
    "14:8: judul: isian contoh belum diganti",
    "19:9: instansi.nama: isian contoh belum diganti",
    "61:18: tabel_indikator: daftar tidak boleh kosong",
    "125:11: ditandatangani.tempat: isian contoh belum diganti",
    "129:12: ditandatangani.jabatan: isian contoh belum diganti",
    "131:9: ditandatangani.nama: isian contoh belum diganti",
]
# A provincial body's `wilayah` has no kabupaten (two lines fewer); a position's has its jabatan (two more).
PROVINCIAL = [
    "14:8: judul: isian contoh belum diganti",
    "19:9: instansi.nama: isian contoh belum diganti",
    "59:18: tabel_indikator: daftar tidak boleh kosong",
    "123:11: ditandatangani.tempat: isian contoh belum diganti",
    "127:12: ditandatangani.jabatan: isian contoh belum diganti",
    "129:9: ditandatangani.nama: isian contoh belum diganti",
]
# (as written for --wilayah, the document's folder, the `wilayah` block, the examples the scaffold gives, the unfilled)
OWNERS = {
    "kecamatan by code": (
        "35.08.99",
        "jawa-timur/lumajang/contoh",
        "  provinsi: jawa-timur\n  kabupaten: lumajang\n  kecamatan: contoh\n",
        [
            '# mis. judul: "INDIKATOR KINERJA UTAMA KECAMATAN CONTOH TAHUN 2025"',
            '  # mis. nama: "KECAMATAN CONTOH"',
            "  # Jabatan penanda tangan seperti tercetak. Mis. CAMAT CONTOH",
        ],
        SENDURO_LIKE,
    ),
    "kabupaten dinas": (
        "jawa-timur/lumajang/dinas-kesehatan",
        "jawa-timur/lumajang/dinas-kesehatan",
        "  provinsi: jawa-timur\n  kabupaten: lumajang\n  instansi: dinas-kesehatan\n",
        [
            '# mis. judul: "INDIKATOR KINERJA UTAMA DINAS KESEHATAN KABUPATEN LUMAJANG TAHUN 2025"',
            '  # mis. nama: "DINAS KESEHATAN KABUPATEN LUMAJANG"',
            "  # Jabatan penanda tangan seperti tercetak.",
        ],
        SENDURO_LIKE,
    ),
    "pemerintah kabupaten": (
        "jawa-timur/lumajang/pemerintah-kabupaten",
        "jawa-timur/lumajang/pemerintah-kabupaten",
        "  provinsi: jawa-timur\n  kabupaten: lumajang\n  instansi: pemerintah-kabupaten\n",
        [
            '# mis. judul: "INDIKATOR KINERJA UTAMA PEMERINTAH KABUPATEN LUMAJANG TAHUN 2025"',
            '  # mis. nama: "PEMERINTAH KABUPATEN LUMAJANG"',
        ],
        SENDURO_LIKE,
    ),
    "provincial badan": (
        "jawa-timur/badan-pendapatan-daerah",
        "jawa-timur/badan-pendapatan-daerah",
        "  provinsi: jawa-timur\n  instansi: badan-pendapatan-daerah\n",
        ['  # mis. nama: "BADAN PENDAPATAN DAERAH PROVINSI JAWA TIMUR"'],
        PROVINCIAL,
    ),
    "position": (
        "jawa-timur/dinas-perhubungan/sekretaris",
        "jawa-timur/dinas-perhubungan/sekretaris",
        "  provinsi: jawa-timur\n  instansi: dinas-perhubungan\n  jabatan: sekretaris\n",
        [
            '# mis. judul: "INDIKATOR KINERJA UTAMA SEKRETARIS DINAS PERHUBUNGAN PROVINSI JAWA TIMUR TAHUN 2025"',
            # The document is issued by the body the position belongs to.
            '  # mis. nama: "DINAS PERHUBUNGAN PROVINSI JAWA TIMUR"',
            "  # Jabatan penanda tangan seperti tercetak. Mis. SEKRETARIS DINAS PERHUBUNGAN PROVINSI JAWA TIMUR",
        ],
        SENDURO_LIKE,
    ),
}

TABLE = """tabel_indikator:
  - tingkat: sasaran
    baris:
      - nomor: "1"
        uraian: Meningkatnya kualitas pelayanan
        indikator:
          - id: nilai-ikm
            nama: Nilai IKM
            sumber_data: [Hasil survei]
            penanggung_jawab: [Sekretaris]
"""


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(BODIES, tmp_path / "content")
    (tmp_path / "asli.pdf").write_bytes(b"%PDF-1.4 dokumen asli")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def fill(path: Path) -> None:
    """What an editor does: every `…` replaced by text from the original, the indicator table copied."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^(\s*\w+): …$", r"\1: Teks dari dokumen asli", text, flags=re.MULTILINE)
    assert text.count("tabel_indikator: []\n") == 1
    path.write_text(text.replace("tabel_indikator: []\n", TABLE), encoding="utf-8")


@pytest.mark.parametrize("owner", OWNERS)
def test_new_scaffolds_a_document_that_fails_until_filled_then_passes(content: Path, owner: str) -> None:
    wanted, folder, wilayah, examples, unfilled = OWNERS[owner]
    scaffold = new_document(Path("content"), wanted, "2025", Path("asli.pdf"))
    path = f"content/dokumen/{folder}/2025.yml"
    assert (scaffold.document.as_posix(), scaffold.source.as_posix()) == (
        path,
        f"content/sumber/{folder.replace('/', '-')}-2025.pdf",
    )
    assert [str(problem).split("\n")[0] for problem in scaffold.unfilled] == [f"{path}:{line}" for line in unfilled]
    text = scaffold.document.read_text(encoding="utf-8")
    block = text.split("\nwilayah:\n", 1)[1].split("\n# ", 1)[0]
    assert [line for line in block.splitlines() if not line.lstrip().startswith("#")] == wilayah.splitlines()
    for example in examples:
        assert example in text.splitlines()
    with pytest.raises(ContentError):
        load_content(content)

    fill(scaffold.document)
    documents = load_content(content).documents
    assert (*folder.split("/"), "2025") in [document_key(loaded.document) for loaded in documents]


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        (
            "jawa-timur/lumajang",
            "'jawa-timur/lumajang' adalah Kabupaten Lumajang, bukan kecamatan, instansi atau jabatan: dokumen IKU "
            "pemerintah daerah pun milik satu instansi. Tulis jawa-timur/lumajang/<id instansi> (instansinya di "
            "content/wilayah.yml yang ada: pemerintah-kabupaten, dinas-kesehatan; tambahkan yang baru di sana)",
        ),
        (
            "35",
            "'jawa-timur' adalah provinsi Jawa Timur, bukan kecamatan, instansi atau jabatan: dokumen IKU "
            "pemerintah daerah pun milik satu instansi. Tulis jawa-timur/<id instansi> (instansinya di "
            "content/wilayah.yml yang ada: badan-pendapatan-daerah, dinas-perhubungan; tambahkan yang baru di sana)",
        ),
        (
            "jawa-timur/dinas-kesehatan",
            "wilayah 'jawa-timur/dinas-kesehatan' tidak ada di content/wilayah.yml; tulis kode Kemendagri kecamatan "
            "(mis. 35.08.12) atau id seperti pada alamat dokumen: provinsi/kabupaten/kecamatan (mis. "
            "jawa-timur/lumajang/senduro), provinsi/kabupaten/instansi, provinsi/instansi atau "
            "…/instansi/jabatan; tambahkan dulu yang baru ke content/wilayah.yml",
        ),
    ],
)
def test_new_for_a_region_or_an_unknown_owner_says_what_to_write(content: Path, wanted: str, message: str) -> None:
    with pytest.raises(IkuError) as caught:
        new_document(Path("content"), wanted, "2025", Path("asli.pdf"))
    assert str(caught.value) == message
    assert not (content / "sumber/jawa-timur-2025.pdf").exists()


NAME = 'Ma\'rang & "Baru" <Utara>'


def test_a_name_with_quotes_ampersand_and_angle_brackets_is_written_as_yaml_that_reads_back_exactly(
    content: Path,
) -> None:
    # `Ma'rang` once became `MA&#x27;RANG`: the scaffold quoted with the front matter's HTML-escaping filter.
    wilayah = content / "wilayah.yml"
    text = wilayah.read_text(encoding="utf-8")
    district = '          - id: contoh\n            nama: Contoh\n            kode: "35.08.99"\n'
    assert text.count(district) == 1
    wilayah.write_text(
        text.replace(
            district, f"{district}          - id: marang\n            nama: '{NAME.replace(chr(39), 2 * chr(39))}'\n"
        ),
        encoding="utf-8",
    )
    scaffold = new_document(Path("content"), "jawa-timur/lumajang/marang", "2025", Path("asli.pdf"))
    lines = scaffold.document.read_text(encoding="utf-8").splitlines()
    examples = [line.split("# mis. ", 1)[1] for line in lines if "# mis. " in line]
    assert [yaml.safe_load(example) for example in examples] == [
        {"judul": 'INDIKATOR KINERJA UTAMA KECAMATAN MA\'RANG & "BARU" <UTARA> TAHUN 2025'},
        {"nama": 'KECAMATAN MA\'RANG & "BARU" <UTARA>'},
    ]
    assert f"# Dokumen IKU Kecamatan {NAME}, Kabupaten Lumajang, periode 2025." in lines
    assert "&#" not in "\n".join(lines)
    # Filled from the examples, the document carries the name exactly.
    document = scaffold.document
    text = document.read_text(encoding="utf-8")
    text = text.replace("judul: …", examples[0]).replace("  nama: …", "  " + examples[1], 1)
    document.write_text(text, encoding="utf-8")
    fill(document)
    loaded = next(doc for doc in load_content(Path("content")).documents if doc.path.name == "2025.yml")
    assert loaded.document.instansi.nama == f"KECAMATAN {NAME.upper()}"


@pytest.mark.parametrize(
    "value", [NAME, "a\\b", "tab\tdan baris\nbaru", "pemisah\u2028baris\x85NEL", "bel\x07", "😀 # bukan komentar: ya"]
)
def test_the_scaffolds_quoting_reads_back_to_the_same_text(value: str) -> None:
    written = yaml_quoted(value)
    assert "\n" not in written
    assert yaml.safe_load(f"nilai: {written}") == {"nilai": value}
