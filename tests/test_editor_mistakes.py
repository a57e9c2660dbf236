"""Editor mistakes: each a broken copy of a real content file, and exactly what the editor is told.

Every case copies the real content, makes one edit an editor could make, and asserts
the whole report: file, line, column, the field as written in YAML, what is wrong,
what was expected, what was found and a hint. The reports are long lines on purpose:
they are what an editor reads in a terminal or on a pull request.

The real content is the five seed documents and the catalogues as first published,
kept in ``tests/fixtures/published/``: editors go on correcting ``content/``, and a
fixed line number here must not turn their pull request red.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import edit

from generator.content.errors import ContentError
from generator.content.load import load_content

SENDURO = "dokumen/jawa-timur/lumajang/senduro/2024.yml"
LUMAJANG = "dokumen/jawa-timur/lumajang/lumajang/2020.yml"
MANTUP = "dokumen/jawa-timur/lamongan/mantup/2021-2026.yml"
SUMBERJAMBE = "dokumen/jawa-timur/jember/sumberjambe/2022.yml"
DECREE = "dokumen/jawa-timur/lumajang/keputusan-188.45-326-427.12-2019.yml"
REGIONS = "wilayah.yml"
REGULATIONS = "regulasi.yml"
GLOSSARY = "glosarium.yml"


@dataclass(frozen=True)
class Mistake:
    """One edit to one real content file and the report it must produce."""

    id: str
    file: str
    old: str
    new: str
    report: str


MISTAKES = [
    Mistake(
        "tab-indentation",
        SENDURO,
        "  tempat: Lumajang\n",
        "\ttempat: Lumajang\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:92:1: YAML tidak valid: ada karakter tab
    ditemukan: `→tempat: Lumajang`
    saran: gunakan spasi untuk indentasi, bukan tab
""",
    ),
    Mistake(
        "unclosed-quote",
        LUMAJANG,
        '  nama: "ABDUL BASAR"',
        '  nama: "ABDUL BASAR',
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:82:9: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup
    ditemukan: `nama: "ABDUL BASAR`
    saran: tutup teks dengan tanda kutip yang sama, mis. nama: "ABDUL BASAR"
""",
    ),
    Mistake(
        "colon-inside-unquoted-text",
        SENDURO,
        "            nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "            nama: Presentase Pelayanan PATEN: sesuai SP dan SOP",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:42:45: YAML tidak valid: ada titik dua yang tidak dapat dibaca sebagai `kunci: nilai`
    ditemukan: `nama: Presentase Pelayanan PATEN: sesuai SP dan SOP`
    saran: bila teksnya memuat ": ", tulis seluruh teks dalam tanda kutip, mis. nama: "Rasio: jumlah"; bila tidak, samakan indentasi baris ini dengan kunci lain di tingkatnya
""",
    ),
    Mistake(
        "unclosed-list-bracket",
        MANTUP,
        'nilai: ["0", "0", "0", "100%", "100%", "100%", "100%"]',
        'nilai: ["0", "0", "0", "100%", "100%", "100%", "100%"',
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:135:16: YAML tidak valid: daftar yang dibuka dengan `[` di sini tidak ditutup
    ditemukan: `nilai: ["0", "0", "0", "100%", "100%", "100%", "100%"`
    saran: tutup daftar dengan `]`; butir yang memuat koma atau titik dua ditulis dalam tanda kutip
""",
    ),
    Mistake(
        "misaligned-indentation",
        SENDURO,
        "            penanggung_jawab:\n              - Kasi Pelayanan Umum",
        "             penanggung_jawab:\n              - Kasi Pelayanan Umum",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:47:14: YAML tidak valid: indentasi baris ini tidak sejajar dengan baris sebelumnya
    ditemukan: `penanggung_jawab:`
    saran: kunci pada tingkat yang sama diawali jumlah spasi yang sama; butir daftar diawali `- `
""",
    ),
    Mistake(
        "duplicate-key",
        LUMAJANG,
        '  nama: "ABDUL BASAR"\n',
        '  nama: "ABDUL BASAR"\n  nama: "ABDUL BASAR, S.Sos"\n',
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:83:3: ditandatangani.nama: kunci ditulis dua kali
    diharapkan: setiap kunci sekali saja dalam satu bagian
    ditemukan: `nama` di baris 82 dan 83
    saran: nilai yang pertama akan hilang tanpa pemberitahuan; gabungkan keduanya atau hapus salah satu
""",
    ),
    Mistake(
        "unknown-key-near-miss",
        SENDURO,
        "              - Kasi Pelayanan Umum\n            penanggung_jawab:",
        "              - Kasi Pelayanan Umum\n            penangung_jawab:",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:47:13: tabel_indikator[0].baris[1].indikator[0].penangung_jawab: kunci tidak dikenal
    diharapkan: salah satu dari: alasan, cara_perhitungan, catatan_editor, definisi, id, id_lama, makna, nama, penanggung_jawab, regulasi, rumus, satuan, sumber_data, target, variabel
    ditemukan: `penangung_jawab`
    saran: maksud Anda `penanggung_jawab`?
""",
    ),
    Mistake(
        "unknown-key",
        SUMBERJAMBE,
        '            nama: "Nilai Surve Kepuasan Masyarakat"\n',
        '            nama: "Nilai Surve Kepuasan Masyarakat"\n            bobot: hijau\n',
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:73:13: tabel_indikator[0].baris[0].indikator[0].bobot: kunci tidak dikenal
    diharapkan: salah satu dari: alasan, cara_perhitungan, catatan_editor, definisi, id, id_lama, makna, nama, penanggung_jawab, regulasi, rumus, satuan, sumber_data, target, variabel
    ditemukan: `bobot`
    saran: hapus kunci ini atau periksa ejaannya
""",
    ),
    Mistake(
        "missing-title",
        MANTUP,
        'judul: "INDIKATOR KINERJA UTAMA (IKU) KECAMATAN MANTUP KABUPATEN LAMONGAN TAHUN 2021-2026"\ninstansi:',
        "instansi:",
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:2:1: judul: wajib diisi, tetapi tidak ada
    diharapkan: Judul dokumen seperti tercetak.
    saran: tambahkan baris `judul: …`
""",
    ),
    Mistake(
        "missing-indicator-name",
        LUMAJANG,
        '            nama: "Nilai IKM Kecamatan"\n',
        "",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:53:13: tabel_indikator[0].baris[0].indikator[0].nama: wajib diisi, tetapi tidak ada
    diharapkan: Nama indikator seperti tercetak.
    saran: tambahkan baris `nama: …`
""",
    ),
    Mistake(
        "empty-text",
        SUMBERJAMBE,
        '            nama: "Nilai Surve Kepuasan Masyarakat"',
        '            nama: ""',
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:72:19: tabel_indikator[0].baris[0].indikator[0].nama: tidak boleh kosong
    diharapkan: teks
    ditemukan: ""
    saran: isi teksnya atau hapus kuncinya bila tidak wajib
""",
    ),
    Mistake(
        "region-code-as-number",
        REGIONS,
        'kode: "35.08"',
        "kode: 35.08",
        r"""
content/wilayah.yml:16:15: provinsi[0].kabupaten[0].kode: jenis nilai salah
    diharapkan: teks
    ditemukan: angka 35.08
    saran: tulis dalam tanda kutip: "35.08"
""",
    ),
    Mistake(
        "region-code-format",
        REGIONS,
        'kode: "35.08.12"',
        'kode: "35.8.12"',
        r"""
content/wilayah.yml:23:19: provinsi[0].kabupaten[0].kecamatan[1].kode: format tidak sesuai
    diharapkan: kode wilayah Kemendagri bertitik, dalam tanda kutip
    ditemukan: "35.8.12"
    saran: contoh: "35.08" atau "35.08.10"
""",
    ),
    Mistake(
        "nip-without-spaces",
        LUMAJANG,
        'nip: "19621010 198503 1 026"',
        'nip: "196210101985031026"',
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:83:8: ditandatangani.nip: format tidak sesuai
    diharapkan: NIP 18 digit dengan spasi seperti tercetak, dalam tanda kutip
    ditemukan: "196210101985031026"
    saran: tulis: "19621010 198503 1 026"
""",
    ),
    Mistake(
        "nip-as-number",
        MANTUP,
        'nip: "19851010 200602 1 001"',
        "nip: 198510102006021001",
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:146:8: ditandatangani.nip: jenis nilai salah
    diharapkan: teks
    ditemukan: angka 198510102006021001
    saran: tulis dalam tanda kutip dengan spasi seperti tercetak: "19851010 200602 1 001"
""",
    ),
    Mistake(
        "indicator-id-not-a-slug",
        LUMAJANG,
        "id: nilai-ikm-kecamatan",
        "id: Nilai IKM Kecamatan",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:53:17: tabel_indikator[0].baris[0].indikator[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "Nilai IKM Kecamatan"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Mistake(
        "sources-as-text-not-list",
        LUMAJANG,
        '            sumber_data:\n              - "Hasil Survei Kepuasan Masyarakat"',
        '            sumber_data: "Hasil Survei Kepuasan Masyarakat"',
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:57:26: tabel_indikator[0].baris[0].indikator[0].sumber_data: jenis nilai salah
    diharapkan: daftar (butir-butir diawali `- `)
    ditemukan: "Hasil Survei Kepuasan Masyarakat"
    saran: tulis sebagai daftar: ["Hasil Survei Kepuasan Masyarakat"]
""",
    ),
    Mistake(
        "boolean-where-text",
        MANTUP,
        '        indikator: "Persentase Konflik yang Tertangani"',
        "        indikator: true",
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:134:20: tabel_target[0].baris[1].indikator: jenis nilai salah
    diharapkan: teks
    ditemukan: true (YAML membacanya sebagai benar/salah)
    saran: tulis dalam tanda kutip: "true"
""",
    ),
    Mistake(
        "impossible-date",
        SENDURO,
        "tanggal: 2024-01-10",
        "tanggal: 2024-02-30",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:93:12: ditandatangani.tanggal: jenis nilai salah
    diharapkan: tanggal YYYY-MM-DD
    ditemukan: "2024-02-30"
    saran: periksa bulan (01–12) dan tanggalnya, mis. 2021-01-10
""",
    ),
    Mistake(
        "year-as-words",
        MANTUP,
        "  selesai: 2026",
        "  selesai: dua ribu dua puluh enam",
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:12:12: periode.selesai: jenis nilai salah
    diharapkan: bilangan bulat
    ditemukan: "dua ribu dua puluh enam"
    saran: tulis dengan angka saja, mis. 2026
""",
    ),
    Mistake(
        "period-backwards",
        MANTUP,
        "  selesai: 2026",
        "  selesai: 2016",
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:11:3: periode: `selesai` tidak boleh sebelum `mulai`
    diharapkan: tahun 2021 atau sesudahnya
    ditemukan: selesai: 2016
    saran: periksa kedua tahun; untuk periode satu tahun hapus `selesai`
""",
    ),
    Mistake(
        "unknown-table-level",
        SUMBERJAMBE,
        "tingkat: kinerja_utama",
        "tingkat: iku",
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:58:14: tabel_indikator[0].tingkat: nilai tidak dikenal
    diharapkan: salah satu dari 'tujuan', 'sasaran', 'program' atau 'kinerja_utama'
    ditemukan: "iku"
""",
    ),
    Mistake(
        "unknown-document-kind",
        SENDURO,
        "jenis: iku",
        "jenis: laporan",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:2:8: jenis: jenis dokumen tidak dikenal
    diharapkan: `iku` atau `keputusan`
    ditemukan: "laporan"
    saran: `iku` untuk dokumen IKU, `keputusan` untuk Keputusan Bupati/Wali Kota/Gubernur
""",
    ),
    Mistake(
        "duplicate-indicator-id",
        SENDURO,
        "id: persentase-desa-rkpdes-tepat-waktu",
        "id: persentase-fasilitasi-urusan-pemerintahan-umum",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:83:17: tabel_indikator[0].baris[5].indikator[0].id: id sudah dipakai di tabel_indikator[0].baris[4].indikator[0].id
    diharapkan: id yang belum dipakai
    ditemukan: "persentase-fasilitasi-urusan-pemerintahan-umum"
    saran: setiap indikator dalam satu dokumen perlu id yang berbeda
""",
    ),
    Mistake(
        "indicator-id-taken-by-a-page-section",
        SUMBERJAMBE,
        "id: nilai-survei-kepuasan-masyarakat",
        "id: tugas",
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:71:17: tabel_indikator[0].baris[0].indikator[0].id: id ini dipakai untuk bagian halaman
    diharapkan: id lain
    ditemukan: "tugas"
    saran: pilih id dari nama indikatornya, mis. `nilai-ikm`
""",
    ),
    Mistake(
        "duplicate-regulation-id",
        REGULATIONS,
        "  - id: uu-28-1999\n",
        '  - id: uu-2-1965\n    jenis: Undang-Undang\n    nomor: "2"\n    tahun: 1965\n  - id: uu-28-1999\n',
        r"""
content/regulasi.yml:12:9: regulasi[2].id: id sudah dipakai di regulasi[1].id
    diharapkan: id yang belum dipakai
    ditemukan: "uu-2-1965"
    saran: setiap id harus unik
""",
    ),
    Mistake(
        "text-where-mapping",
        SENDURO,
        "instansi:\n  nama: KECAMATAN SENDURO",
        "instansi: KECAMATAN SENDURO",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:4:11: instansi: jenis nilai salah
    diharapkan: pemetaan (baris-baris `kunci: nilai`)
    ditemukan: "KECAMATAN SENDURO"
    saran: tulis isinya sebagai baris-baris `kunci: nilai` di bawahnya, menjorok dua spasi
""",
    ),
    Mistake(
        "unknown-regulation",
        MANTUP,
        "              - permenpan-rb-16-2014",
        "              - permenpan-rb-16-2041",
        r"""
content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml:69:17: tabel_indikator[0].baris[0].indikator[0].regulasi[0]: regulasi tidak ditemukan di content/regulasi.yml
    diharapkan: id sebuah regulasi
    ditemukan: "permenpan-rb-16-2041"
    saran: maksud Anda `permenpan-rb-16-2014`?
""",
    ),
    Mistake(
        "unknown-cited-regulation",
        DECREE,
        "  - regulasi: uu-28-1999",
        "  - regulasi: uu-28-1998",
        r"""
content/dokumen/jawa-timur/lumajang/keputusan-188.45-326-427.12-2019.yml:19:15: mengingat[1].regulasi: regulasi tidak ditemukan di content/regulasi.yml
    diharapkan: id sebuah regulasi
    ditemukan: "uu-28-1998"
    saran: maksud Anda `uu-28-1999`?
""",
    ),
    Mistake(
        "unknown-kecamatan",
        SENDURO,
        "kecamatan: senduro",
        "kecamatan: sendoro",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:9:14: wilayah.kecamatan: kecamatan tidak ditemukan di kabupaten `lumajang`
    diharapkan: id kecamatan dari content/wilayah.yml
    ditemukan: "sendoro"
    saran: maksud Anda `senduro`?
""",
    ),
    Mistake(
        "unknown-kabupaten",
        SUMBERJAMBE,
        "kabupaten: jember",
        "kabupaten: jembre",
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:8:14: wilayah.kabupaten: kabupaten tidak ditemukan di provinsi `jawa-timur`
    diharapkan: id kabupaten dari content/wilayah.yml
    ditemukan: "jembre"
    saran: maksud Anda `jember`?
""",
    ),
    Mistake(
        "unknown-decree",
        LUMAJANG,
        "keputusan: kepbup-lumajang-188-45-326-427-12-2019",
        "keputusan: kepbup-lumajang-188-45-2019",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:12:12: keputusan: keputusan tidak ditemukan di content/dokumen
    diharapkan: id sebuah keputusan
    ditemukan: "kepbup-lumajang-188-45-2019"
    saran: maksud Anda `kepbup-lumajang-188-45-326-427-12-2019`?
""",
    ),
    Mistake(
        "target-year-outside-period",
        SENDURO,
        "              - Kasi Pelayanan Umum\n            penanggung_jawab:\n              - Kasi Pelayanan Umum\n",
        "              - Kasi Pelayanan Umum\n            penanggung_jawab:\n              - Kasi Pelayanan Umum\n            target:\n              - tahun: 2025\n                nilai: 100%\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:50:24: tabel_indikator[0].baris[1].indikator[0].target[0].tahun: tahun target di luar periode dokumen
    diharapkan: tahun 2024
    ditemukan: 2025
    saran: periksa tahunnya, atau `periode` dokumen
""",
    ),
    Mistake(
        "latex-unbalanced-brace",
        SUMBERJAMBE,
        "{\\text{Total Unsur yang terisi}} \\times 100\\%'",
        "{\\text{Total Unsur yang terisi}} \\times 100\\%}'",
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:74:114: tabel_indikator[0].baris[0].indikator[0].rumus.latex: KaTeX tidak dapat merender rumus: KaTeX parse error: Expected 'EOF', got '}' at position 92: …}} \times 100\%}
    ditemukan: \frac{\text{Total Nilai Persepsi per Unsur X}}{\text{Total Unsur yang terisi}} \times 100\%}
    saran: ada `}` tanpa pasangan `{`; hitung kurung kurawalnya
""",
    ),
    Mistake(
        "latex-unknown-command",
        SENDURO,
        "{\\text{Jumlah desa}} \\times 100\\%'",
        "{\\text{Jumlah desa}} \\time 100\\%'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:104: tabel_indikator[0].baris[5].indikator[0].rumus.latex: KaTeX tidak dapat merender rumus: KaTeX parse error: Undefined control sequence: \time at position 82: …{Jumlah desa}} \time 100\%
    ditemukan: \frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \time 100\%
    saran: perintah ini tidak dikenal KaTeX; periksa ejaannya, mis. `\frac`, `\times`
""",
    ),
    Mistake(
        "formula-both-latex-and-text",
        LUMAJANG,
        '              teks: "Nilai IKM"\n',
        "              teks: \"Nilai IKM\"\n              latex: '\\text{Nilai IKM}'\n",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:56:15: tabel_indikator[0].baris[0].indikator[0].rumus: isi tepat satu dari `latex` atau `teks`
    diharapkan: `latex` untuk perhitungan, atau `teks` untuk nilai yang hanya disebut
    ditemukan: keduanya
    saran: hapus salah satunya
""",
    ),
    Mistake(
        "source-file-missing",
        SENDURO,
        "berkas: sumber/003_9adf7fbf4bcb75cb.txt",
        "berkas: sumber/senduro-2024.pdf",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:11: sumber.berkas: berkas sumber tidak ditemukan di dalam folder content
    diharapkan: alamat berkas relatif terhadap folder content, mis. sumber/senduro-2024.txt
    ditemukan: "sumber/senduro-2024.pdf"
    saran: simpan teks dokumen asli di content/sumber/ lalu tulis alamatnya di sini
""",
    ),
    Mistake(
        "goal-without-indicators",
        SENDURO,
        "        indikator:\n          - id: persentase-desa-rkpdes-tepat-waktu\n            nama: Persentase Desa yang menetapkan RKPDes Tepat Waktu\n            rumus:\n              latex: '\\frac{\\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\\text{Jumlah desa}} \\times 100\\%'\n            sumber_data:\n              - Kasi Pemerintahan\n            penanggung_jawab:\n              - Kasi Pemerintahan\n",
        "        indikator: []\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:82:20: tabel_indikator[0].baris[5].indikator: daftar tidak boleh kosong
    diharapkan: sedikitnya 1 butir
    ditemukan: []
    saran: isi butirnya, atau hapus bagian ini bila kosong
""",
    ),
    Mistake(
        "glossary-abbreviation-twice",
        GLOSSARY,
        "bentuk_lain: [APBDesa]",
        "bentuk_lain: [APBDesa, IKM]",
        r"""
content/glosarium.yml:8:16: istilah[1].singkatan: singkatan sudah dipakai di istilah[0].bentuk_lain[1]
    diharapkan: singkatan yang belum dipakai
    ditemukan: "IKM"
    saran: setiap singkatan harus unik
""",
    ),
    Mistake(
        # The citation's text block (`{: #kutip-teks }` in partials/provenance.md.j2) once
        # fell outside a list of section ids kept by hand: the page had two `#kutip-teks`.
        "indicator-id-is-the-citation-text-anchor",
        LUMAJANG,
        "id: nilai-ikm-kecamatan",
        "id: kutip-teks",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:53:17: tabel_indikator[0].baris[0].indikator[0].id: id ini dipakai untuk bagian halaman
    diharapkan: id lain
    ditemukan: "kutip-teks"
    saran: pilih id dari nama indikatornya, mis. `nilai-ikm`
""",
    ),
    Mistake(
        "indicator-id-is-a-numbered-section-anchor",
        LUMAJANG,
        "id: nilai-ikm-kecamatan",
        "id: indikator-1",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:53:17: tabel_indikator[0].baris[0].indikator[0].id: id ini dipakai untuk bagian halaman
    diharapkan: id lain
    ditemukan: "indikator-1"
    saran: pilih id dari nama indikatornya, mis. `nilai-ikm`
""",
    ),
    Mistake(
        "former-indicator-id-still-in-use",
        SENDURO,
        "          - id: persentase-pelayanan-paten-sesuai-sp-sop\n",
        "          - id: persentase-pelayanan-paten-sesuai-sp-sop\n            id_lama: [persentase-desa-rkpdes-tepat-waktu]\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:84:17: tabel_indikator[0].baris[5].indikator[0].id: id sudah dipakai di tabel_indikator[0].baris[1].indikator[0].id_lama[0]
    diharapkan: id yang belum dipakai
    ditemukan: "persentase-desa-rkpdes-tepat-waktu"
    saran: setiap indikator dalam satu dokumen perlu id yang berbeda
""",
    ),
    Mistake(
        "former-address-of-a-region-page",
        LUMAJANG,
        "keputusan: kepbup-lumajang-188-45-326-427-12-2019\n",
        "keputusan: kepbup-lumajang-188-45-326-427-12-2019\nalamat_lama: [jawa-timur/lumajang/senduro]\n",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:13:15: alamat_lama[0]: alamat /jawa-timur/lumajang/senduro/ sudah dipakai oleh halaman wilayah
    saran: dua halaman tidak boleh punya alamat yang sama
""",
    ),
    Mistake(
        "former-address-escaping-the-site",
        LUMAJANG,
        "keputusan: kepbup-lumajang-188-45-326-427-12-2019\n",
        "keputusan: kepbup-lumajang-188-45-326-427-12-2019\nalamat_lama: [../lama]\n",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:13:15: alamat_lama[0]: format tidak sesuai
    diharapkan: id-id dipisah `/`: huruf kecil, angka dan tanda hubung, tanpa `/` di awal atau akhir
    ditemukan: "../lama"
    saran: contoh: jawa-timur/lumajang/lumajang/2020
""",
    ),
    Mistake(
        "source-file-without-its-folder",
        SENDURO,
        "berkas: sumber/003_9adf7fbf4bcb75cb.txt",
        "berkas: 003_9adf7fbf4bcb75cb.txt",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:11: sumber.berkas: format tidak sesuai
    diharapkan: berkas .txt atau .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`
    ditemukan: "003_9adf7fbf4bcb75cb.txt"
    saran: contoh: sumber/senduro-2024.txt
""",
    ),
    Mistake(
        "iku-document-without-kecamatan",
        SENDURO,
        "  kecamatan: senduro\n",
        "",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:7:3: wilayah: dokumen IKU wajib menyebut tepat satu dari `kecamatan` atau `instansi`
    diharapkan: id kecamatan atau id instansi dari content/wilayah.yml
    saran: tambahkan baris `kecamatan: …` atau `instansi: …` di bawah `wilayah`
""",
    ),
    Mistake(
        "latex-in-double-quotes",
        SENDURO,
        "latex: '\\frac{\\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\\text{Jumlah desa}} \\times 100\\%'",
        'latex: "\\frac{\\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\\text{Jumlah desa}} \\times 100"',
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus memuat karakter kendali, bukan perintah LaTeX
    diharapkan: rumus LaTeX dalam tanda kutip tunggal
    ditemukan: ␌rac{␉ext{Jumlah desa yang menetapkan RKPDes tepat waktu}}{␉ext{Jumlah desa}} ␉imes 100
    saran: di dalam tanda kutip ganda YAML mengubah `\f` dan `\t` menjadi karakter lain; tulis rumus dalam tanda kutip tunggal, mis. latex: '\frac{A}{B} \times 100\%'
""",
    ),
    Mistake(
        "latex-percent-in-double-quotes",
        SUMBERJAMBE,
        "latex: '\\frac{\\text{Total Nilai Persepsi per Unsur X}}{\\text{Total Unsur yang terisi}} \\times 100\\%'",
        'latex: "\\frac{\\text{Total Nilai Persepsi per Unsur X}}{\\text{Total Unsur yang terisi}} \\times 100\\%"',
        r"""
content/dokumen/jawa-timur/jember/sumberjambe/2022.yml:74:113: YAML tidak valid: garis miring terbalik `\` di dalam tanda kutip ganda
    ditemukan: `latex: "\frac{\text{Total Nilai Persepsi per Unsur X}}{\text{Total Unsur yang terisi}} \times 100\%"`
    saran: tulis rumus LaTeX dan teks lain yang memuat `\` dalam tanda kutip tunggal, mis. latex: '\frac{A}{B} \times 100\%'
""",
    ),
    Mistake(
        "scaffold-placeholder-left-in",
        LUMAJANG,
        '              - "Hasil Survei Kepuasan Masyarakat"',
        "              - …",
        r"""
content/dokumen/jawa-timur/lumajang/lumajang/2020.yml:58:17: tabel_indikator[0].baris[0].indikator[0].sumber_data[0]: isian contoh belum diganti
    diharapkan: teks dari dokumen asli
    ditemukan: "…"
    saran: ganti `…` dengan teks dari dokumen asli, atau hapus baris ini bila sumber tidak memuatnya
""",
    ),
]


def test_there_are_at_least_25_distinct_mistakes() -> None:
    assert len({mistake.id for mistake in MISTAKES}) == len(MISTAKES) >= 25
    assert len({(mistake.file, mistake.old, mistake.new) for mistake in MISTAKES}) == len(MISTAKES)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[mistake.id for mistake in MISTAKES])
def test_each_mistake_is_reported_exactly(content: Path, mistake: Mistake) -> None:
    edit(content / mistake.file, mistake.old, mistake.new)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    assert "\n".join(str(problem) for problem in caught.value.problems) == mistake.report.strip("\n")
    assert all(problem.file == Path("content", mistake.file) for problem in caught.value.problems)


def test_the_published_content_has_none_of_these_mistakes(content: Path) -> None:
    assert len(load_content(content).documents) == 5


def test_every_mistake_in_a_run_is_reported_at_once_with_a_count(content: Path) -> None:
    chosen = {"nip-without-spaces", "unknown-key-near-miss", "region-code-format", "latex-unknown-command"}
    for mistake in MISTAKES:
        if mistake.id in chosen:
            edit(content / mistake.file, mistake.old, mistake.new)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    fields = [problem.field.rsplit(".", 1)[-1] for problem in caught.value.problems]
    # Regions are checked before documents can be cross-checked, so one run reports the
    # per-file problems of every file; the cross-file checks follow once those are fixed.
    assert sorted(fields) == ["kode", "nip", "penangung_jawab"]
    assert str(caught.value).endswith("\n3 kesalahan ditemukan di konten.")


def test_two_documents_for_the_same_kecamatan_and_period_are_refused(content: Path) -> None:
    copy = content / "dokumen/jawa-timur/lumajang/senduro/salinan.yml"
    shutil.copyfile(content / SENDURO, copy)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    assert [str(problem) for problem in caught.value.problems] == [
        "content/dokumen/jawa-timur/lumajang/senduro/salinan.yml:11:3: periode: alamat "
        "/jawa-timur/lumajang/senduro/2024/ sudah dipakai oleh content/dokumen/jawa-timur/lumajang/senduro/2024.yml\n"
        "    saran: dua halaman tidak boleh punya alamat yang sama"
    ]
