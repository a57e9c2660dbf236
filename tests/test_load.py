"""Loading and validating content: what an editor is told when a file is wrong.

Each case is a broken copy of the good fixture, made by one edit, and the exact
message the editor gets: file, line, column, the field as written in YAML, and what
to do about it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DECREE, DOC, edit

from generator.errors import ContentError
from generator.load import load_content
from generator.model import Decree, IkuDocument

INDICATOR = "tabel_indikator[0].baris[0].indikator"

CASES = [
    pytest.param(
        DOC,
        "judul: INDIKATOR KINERJA UTAMA KECAMATAN CONTOH TAHUN 2021-2023\n",
        "",
        f"{DOC}:1:1: judul: wajib diisi, tetapi tidak ada",
        id="missing-required-field",
    ),
    pytest.param(
        DOC,
        "            sumber_data: [Kecamatan]",
        "            sumberdata: [Kecamatan]",
        f"{DOC}:51:13: {INDICATOR}[1].sumberdata: kunci tidak dikenal; maksud Anda `sumber_data`? "
        "(yang boleh: catatan_editor, definisi, id, id_lama, nama, penanggung_jawab, regulasi, rumus, satuan, "
        "sumber_data, target)",
        id="unknown-key-near-miss",
    ),
    pytest.param(
        "content/wilayah.yml",
        'kode: "35.08"',
        "kode: 35.08",
        "content/wilayah.yml:10:15: provinsi[0].kabupaten[0].kode: harus berupa teks, ditemukan angka 35.08; "
        'tulis dengan tanda kutip, mis. "35.08"',
        id="region-code-as-number",
    ),
    pytest.param(
        "content/wilayah.yml",
        'kode: "35.08.99"',
        'kode: "35.8.99"',
        "content/wilayah.yml:14:19: provinsi[0].kabupaten[0].kecamatan[0].kode: format tidak sesuai, "
        'ditemukan \'35.8.99\'; yang benar: kode Kemendagri bertitik dalam tanda kutip, mis. "35.08" atau "35.08.10"',
        id="region-code-format",
    ),
    pytest.param(
        DOC,
        'nip: "19621010 198503 1 026"',
        'nip: "196210101985031026"',
        f"{DOC}:67:8: ditandatangani.nip: format tidak sesuai, ditemukan '196210101985031026'; "
        'yang benar: NIP 18 digit dengan spasi seperti tercetak, mis. "19621010 198503 1 026"',
        id="nip-format",
    ),
    pytest.param(
        DOC,
        "id: nilai-ikm\n",
        "id: Nilai IKM\n",
        f"{DOC}:33:17: {INDICATOR}[0].id: format tidak sesuai, ditemukan 'Nilai IKM'; "
        "yang benar: huruf kecil, angka dan tanda hubung saja, mis. `nilai-ikm-kecamatan`",
        id="id-not-a-slug",
    ),
    pytest.param(
        DOC,
        "regulasi: [permenpan-rb-16-2014]",
        "regulasi: [permenpan-16-2014]",
        f"{DOC}:40:24: {INDICATOR}[0].regulasi[0]: regulasi 'permenpan-16-2014' tidak ada di content/regulasi.yml",
        id="unknown-regulation",
    ),
    pytest.param(
        DECREE,
        "  - regulasi: uu-23-2014",
        "  - regulasi: uu-32-2004",
        f"{DECREE}:12:15: mengingat[0].regulasi: regulasi 'uu-32-2004' tidak ada di content/regulasi.yml",
        id="unknown-cited-regulation",
    ),
    pytest.param(
        DOC,
        "kecamatan: contoh",
        "kecamatan: contoh-lain",
        f"{DOC}:8:14: wilayah.kecamatan: tidak ada kecamatan dengan id ini di 'lumajang'",
        id="unknown-region",
    ),
    pytest.param(
        DOC,
        "keputusan: kepbup-contoh-1-2020",
        "keputusan: kepbup-contoh-2-2020",
        f"{DOC}:12:12: keputusan: tidak ada keputusan dengan id ini di content/dokumen",
        id="unknown-decree",
    ),
    pytest.param(
        DOC,
        "id: persentase-layanan-tepat-waktu",
        "id: nilai-ikm",
        f"{DOC}:46:17: {INDICATOR}[1].id: id 'nilai-ikm' sudah dipakai di {INDICATOR}[0].id",
        id="duplicate-indicator-id",
    ),
    pytest.param(
        DOC,
        "tahun: 2022",
        "tahun: 2025",
        f"{DOC}:44:24: {INDICATOR}[0].target[1].tahun: tahun 2025 di luar periode dokumen 2021–2023",
        id="target-year-outside-period",
    ),
    pytest.param(
        DOC,
        "  pangkat: Pembina\n",
        "  pangkat: Pembina\n  pangkat: Penata\n",
        f"{DOC}:67:3: pangkat: kunci ini ditulis dua kali; hapus salah satunya",
        id="duplicate-key",
    ),
    pytest.param(
        DOC,
        "  tempat: Lumajang\n",
        "\ttempat: Lumajang\n",
        f"{DOC}:62:1: YAML tidak valid: found character '\\t' that cannot start any token; "
        "gunakan spasi untuk indentasi, bukan tab",
        id="tab-indentation",
    ),
    pytest.param(
        DOC,
        "jenis: iku",
        "jenis: laporan",
        f"{DOC}:1:8: jenis: harus `iku` atau `keputusan`, ditemukan 'laporan'",
        id="unknown-document-kind",
    ),
    pytest.param(
        DOC,
        "\\times 100\\%",
        "\\times 100\\%}",
        f"{DOC}:49:22: {INDICATOR}[1].rumus.latex: KaTeX tidak dapat merender rumus: KaTeX parse error: "
        "Expected 'EOF', got '}' at position 71: …}} \\times 100\\%}̲ "
        "(rumus: \\frac{\\text{Layanan tepat waktu}}{\\text{Seluruh layanan}} \\times 100\\%})",
        id="latex-katex-cannot-render",
    ),
    pytest.param(
        DOC,
        "              teks: Nilai IKM\n",
        "              teks: Nilai IKM\n              latex: 'x'\n",
        f"{DOC}:37:15: {INDICATOR}[0].rumus: isi tepat satu dari `latex` atau `teks`",
        id="formula-both-latex-and-text",
    ),
    pytest.param(
        DOC,
        "tanggal: 2021-01-10",
        "tanggal: 2021-13-10",
        f"{DOC}:63:12: ditandatangani.tanggal: harus berupa tanggal dengan format YYYY-MM-DD, ditemukan '2021-13-10'",
        id="impossible-date",
    ),
    pytest.param(
        DOC,
        "tingkat: sasaran",
        "tingkat: misi",
        f"{DOC}:27:14: tabel_indikator[0].tingkat: harus salah satu dari 'tujuan', 'sasaran', 'program' atau "
        "'kinerja_utama', ditemukan 'misi'",
        id="unknown-level",
    ),
    pytest.param(
        DOC,
        "  selesai: 2023",
        "  selesai: 2019",
        f"{DOC}:10:3: periode: `selesai` tidak boleh sebelum `mulai`",
        id="period-backwards",
    ),
    pytest.param(
        DOC,
        "            nama: Persentase layanan tepat waktu",
        "            nama: true",
        f"{DOC}:47:19: {INDICATOR}[1].nama: harus berupa teks, tetapi YAML membacanya sebagai benar/salah; "
        'tulis dalam tanda kutip, mis. "No"',
        id="boolean-where-text-expected",
    ),
    pytest.param(
        DOC,
        "id: persentase-layanan-tepat-waktu",
        "id: indikator-1",
        f"{DOC}:46:17: {INDICATOR}[1].id: id 'indikator-1' dipakai untuk bagian halaman; pilih id lain",
        id="indicator-id-is-a-numbered-section-anchor",
    ),
    pytest.param(
        DOC,
        "id: persentase-layanan-tepat-waktu\n",
        "id: persentase-layanan-tepat-waktu\n            id_lama: [nilai-ikm]\n",
        f"{DOC}:47:23: {INDICATOR}[1].id_lama[0]: id 'nilai-ikm' sudah dipakai di {INDICATOR}[0].id",
        id="former-indicator-id-still-in-use",
    ),
    pytest.param(
        DOC,
        "keputusan: kepbup-contoh-1-2020\n",
        "keputusan: kepbup-contoh-1-2020\nalamat_lama: [jawa-timur/lumajang/contoh]\n",
        f"{DOC}:13:15: alamat_lama[0]: alamat /jawa-timur/lumajang/contoh/ sudah dipakai oleh halaman wilayah",
        id="former-address-of-a-region-page",
    ),
    pytest.param(
        DOC,
        "keputusan: kepbup-contoh-1-2020\n",
        "keputusan: kepbup-contoh-1-2020\nalamat_lama: [../lama]\n",
        f"{DOC}:13:15: alamat_lama[0]: format tidak sesuai, ditemukan '../lama'; "
        "yang benar: alamat tanpa garis miring di awal/akhir, mis. `jawa-timur/lumajang/lumajang/2020`",
        id="former-address-escaping-the-site",
    ),
    pytest.param(
        DOC,
        "  berkas: sumber/contoh.txt",
        "  berkas: ../../rahasia.txt",
        f"{DOC}:69:11: sumber.berkas: berkas sumber tidak ditemukan di dalam folder content: ../../rahasia.txt",
        id="source-file-outside-content",
    ),
    pytest.param(
        "content/glosarium.yml",
        "bentuk_lain: [S.O.P]",
        "bentuk_lain: [IKM]",
        "content/glosarium.yml:8:19: istilah[1].bentuk_lain[0]: singkatan 'IKM' sudah dipakai di istilah[0].singkatan",
        id="glossary-abbreviation-twice",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), CASES)
def test_a_broken_copy_is_reported_exactly(good_content: Path, file: str, old: str, new: str, message: str) -> None:
    edit(good_content.parent / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_content(good_content)
    assert [str(problem) for problem in caught.value.problems] == [message]
    assert str(caught.value).endswith("\n1 kesalahan ditemukan di konten.")


def test_the_good_fixture_loads_into_the_model(good_content: Path) -> None:
    content = load_content(good_content)
    kinds = sorted(type(loaded.document).__name__ for loaded in content.documents)
    assert kinds == [Decree.__name__, IkuDocument.__name__]
    document = next(d.document for d in content.documents if isinstance(d.document, IkuDocument))
    assert document.fungsi[0].rincian[0].label == "a."
    assert document.ditandatangani is not None and document.ditandatangani.nip == "19621010 198503 1 026"


def test_region_codes_stay_strings_with_their_dots(good_content: Path) -> None:
    regency = load_content(good_content).regions.provinsi[0].kabupaten[0]
    assert (regency.kode, regency.kecamatan[0].kode) == ("35.08", "35.08.99")


def test_yaml_words_no_and_on_stay_text(good_content: Path) -> None:
    edit(good_content / DOC.removeprefix("content/"), '["No", Sasaran', "[No, On, Sasaran")
    table = next(d.document for d in load_content(good_content).documents if isinstance(d.document, IkuDocument))
    assert table.tabel_indikator[0].kolom[:3] == ["No", "On", "Sasaran"]


def test_every_problem_is_collected_before_failing(good_content: Path) -> None:
    # Cross-file checks need valid files, so these three are all per-file problems.
    edit(good_content / DOC.removeprefix("content/"), 'nip: "19621010 198503 1 026"', 'nip: "1962"')
    edit(good_content / DOC.removeprefix("content/"), "id: nilai-ikm\n", "id: Nilai\n")
    edit(good_content / "regulasi.yml", 'nomor: "23"', "nomor: 23")
    with pytest.raises(ContentError) as caught:
        load_content(good_content)
    assert len(caught.value.problems) == 3
    assert str(caught.value).endswith("\n3 kesalahan ditemukan di konten.")
    assert [problem.file.name for problem in caught.value.problems] == [
        "2021-2023.yml",
        "2021-2023.yml",
        "regulasi.yml",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "berkas kosong"),
        (b"- jenis: iku\n", "isi berkas harus berupa pemetaan (kunci: nilai)"),
        (b"judul: \xff\xfe\n", "berkas bukan teks UTF-8 (byte ke-8)"),
    ],
    ids=["empty-file", "list-instead-of-mapping", "not-utf8"],
)
def test_unreadable_document_files_are_named(good_content: Path, raw: bytes, message: str) -> None:
    (good_content / "dokumen" / "rusak.yml").write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        load_content(good_content)
    assert [str(problem) for problem in caught.value.problems] == [f"content/dokumen/rusak.yml:1:1: {message}"]
