"""Hostile and broken input: what a malicious or careless pull request gets instead of
active code, a hang, a crash or a file outside the site.

Each case is one edit to the real content as first published, or one file written
over a document, and the exact report the editor reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, content_report

SENDURO = "dokumen/jawa-timur/lumajang/senduro/2024.yml"
REGIONS = "wilayah.yml"
REGULATIONS = "regulasi.yml"
GLOSSARY = "glosarium.yml"
FORMULA = r"\frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \times 100\%"
LATEX = f"latex: '{FORMULA}'"
FORMULA_AT = (
    "content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex"
)
NAME = "nama: Persentase Desa yang menetapkan RKPDes Tepat Waktu"
ID = "id: persentase-desa-rkpdes-tepat-waktu"
BERKAS = "berkas: sumber/003_9adf7fbf4bcb75cb.txt"
SOURCE = "sumber:\n  " + BERKAS
LAST_REGION = '            kode: "35.09.31"'
SENDURO_CODE = '            kode: "35.08.12"'


@dataclass(frozen=True)
class Hostile:
    """One hostile or broken input and the exact report it gets."""

    id: str
    file: str
    old: str | None
    """The text replaced in ``file``; ``None`` to write ``new`` as the whole file."""
    new: str | bytes
    report: str


HOSTILE = [
    Hostile(
        "formula-calling-itself",
        SENDURO,
        LATEX,
        r"latex: '\def\a{\a\a}\a'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus tidak boleh mendefinisikan perintah sendiri
    diharapkan: rumus yang ditulis langsung, tanpa `\def` atau `\newcommand`
    ditemukan: `\def`
    saran: tulis rumusnya langsung; satu definisi yang dipanggil berulang membuat halaman berukuran megabita
""",
    ),
    Hostile(
        "formula-macro-expanding-tenfold-per-level",
        SENDURO,
        LATEX,
        r"latex: '\def\a{xxxxxxxxxx}\def\b{\a\a\a\a\a\a\a\a\a\a}\def\c{\b\b\b\b\b\b\b\b\b\b}\def\d{\c\c\c\c\c\c\c\c\c\c}\d\d\d\d'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus tidak boleh mendefinisikan perintah sendiri
    diharapkan: rumus yang ditulis langsung, tanpa `\def` atau `\newcommand`
    ditemukan: `\def`
    saran: tulis rumusnya langsung; satu definisi yang dipanggil berulang membuat halaman berukuran megabita
""",
    ),
    Hostile(
        "formula-nested-eleven-groups-deep",
        SENDURO,
        LATEX,
        "latex: '" + "{" * 11 + "x" + "}" * 11 + "'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus bersarang terlalu dalam
    diharapkan: kurung kurawal `{…}` bersarang paling dalam 10 tingkat
    ditemukan: 11 tingkat
    saran: sederhanakan rumusnya; periksa juga apakah ada `{` yang tidak ditutup
""",
    ),
    Hostile(
        "formula-of-nested-roots",
        SENDURO,
        LATEX,
        "latex: '" + r"\sqrt{" * 12 + "x" + "}" * 12 + "'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus bersarang terlalu dalam
    diharapkan: kurung kurawal `{…}` bersarang paling dalam 10 tingkat
    ditemukan: 12 tingkat
    saran: sederhanakan rumusnya; periksa juga apakah ada `{` yang tidak ditutup
""",
    ),
    Hostile(
        "formula-of-3000-unclosed-groups",
        SENDURO,
        LATEX,
        "latex: '" + "{" * 3000 + "x'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus terlalu panjang
    diharapkan: paling banyak 1000 karakter
    ditemukan: 3001 karakter
    saran: rumus IKU biasanya satu pecahan; tulis penjelasan panjang di `definisi`
""",
    ),
    Hostile(
        "formula-of-1200-characters",
        SENDURO,
        LATEX,
        "latex: '" + r"x+" * 600 + "'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:86:22: tabel_indikator[0].baris[5].indikator[0].rumus.latex: rumus terlalu panjang
    diharapkan: paling banyak 1000 karakter
    ditemukan: 1200 karakter
    saran: rumus IKU biasanya satu pecahan; tulis penjelasan panjang di `definisi`
""",
    ),
    Hostile(
        "right-to-left-override-in-a-name",
        SENDURO,
        NAME,
        'nama: "Persentase Desa \\u202Egnp.exe\\u202C Tepat Waktu"',
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:84:19: tabel_indikator[0].baris[5].indikator[0].nama: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: Persentase Desa <U+202E>gnp.exe<U+202C> Tepat Waktu
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Hostile(
        "markdown-placeholder-in-a-definition",
        SENDURO,
        NAME,
        NAME + '\n            definisi: "\\x02wzxhzdk:0\\x03"',
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:85:23: tabel_indikator[0].baris[5].indikator[0].definisi: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: <U+0002>wzxhzdk:0<U+0003>
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Hostile(
        "nul-character-in-a-unit",
        SENDURO,
        NAME,
        NAME + '\n            satuan: "persen\\0"',
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:85:21: tabel_indikator[0].baris[5].indikator[0].satuan: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: persen<U+0000>
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Hostile(
        "bidi-isolate-in-a-regulation-title",
        REGULATIONS,
        "judul: Pembentukan Daerah-daerah Kabupaten Dalam Lingkungan Propinsi Jawa Timur",
        'judul: "Pembentukan Daerah\\u2066-daerah\\u2069 Kabupaten"',
        r"""
content/regulasi.yml:7:12: regulasi[0].judul: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: Pembentukan Daerah<U+2066>-daerah<U+2069> Kabupaten
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Hostile(
        "terminal-escape-in-a-glossary-expansion",
        GLOSSARY,
        "kepanjangan: Indeks Kepuasan Masyarakat",
        'kepanjangan: "Indeks \\e[31mKepuasan Masyarakat"',
        r"""
content/glosarium.yml:9:18: istilah[1].kepanjangan: teks memuat karakter tak terlihat
    diharapkan: teks yang tampil seperti yang tertulis
    ditemukan: Indeks <U+001B>[31mKepuasan Masyarakat
    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata
""",
    ),
    Hostile(
        "indicator-id-climbing-out-of-the-site",
        SENDURO,
        ID,
        "id: ../../../etc/passwd",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:83:17: tabel_indikator[0].baris[5].indikator[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "../../../etc/passwd"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "indicator-id-as-an-absolute-path",
        SENDURO,
        ID,
        "id: /etc/passwd",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:83:17: tabel_indikator[0].baris[5].indikator[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "/etc/passwd"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "indicator-id-with-a-cyrillic-a",
        SENDURO,
        ID,
        "id: persentase-des\u0430-rkpdes-tepat-waktu",
        """
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:83:17: tabel_indikator[0].baris[5].indikator[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "persentase-des\u0430-rkpdes-tepat-waktu"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "indicator-id-with-a-fullwidth-letter",
        SENDURO,
        ID,
        "id: persentase-desa-rkpdes-tepat-wakt\uff55",
        """
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:83:17: tabel_indikator[0].baris[5].indikator[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "persentase-desa-rkpdes-tepat-wakt\uff55"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "kecamatan-id-differing-only-in-case",
        REGIONS,
        "  - id: senduro",
        "  - id: Senduro",
        r"""
content/wilayah.yml:21:17: provinsi[0].kabupaten[0].kecamatan[1].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "Senduro"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "kecamatan-id-with-a-cyrillic-dze",
        REGIONS,
        "  - id: senduro",
        "  - id: \u0455enduro",
        """
content/wilayah.yml:21:17: provinsi[0].kabupaten[0].kecamatan[1].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "\u0455enduro"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "kecamatan-id-with-a-dotless-i",
        REGIONS,
        "  - id: sumberjambe",
        "  - id: sumberjamb\u0131",
        """
content/wilayah.yml:37:17: provinsi[0].kabupaten[2].kecamatan[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "sumberjamb\u0131"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "regulation-id-with-a-slash",
        REGULATIONS,
        "  - id: uu-12-1950",
        "  - id: uu-12-1950/../../x",
        r"""
content/regulasi.yml:3:9: regulasi[0].id: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: "uu-12-1950/../../x"
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "former-indicator-id-of-two-dots",
        SENDURO,
        ID,
        ID + "\n            id_lama:\n              - '..'",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:85:17: tabel_indikator[0].baris[5].indikator[0].id_lama[0]: format tidak sesuai
    diharapkan: huruf kecil, angka dan tanda hubung saja
    ditemukan: ".."
    saran: contoh: nilai-ikm-kecamatan
""",
    ),
    Hostile(
        "former-address-as-an-absolute-path",
        SENDURO,
        SOURCE,
        "alamat_lama:\n  - /etc/passwd\n" + SOURCE,
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:5: alamat_lama[0]: format tidak sesuai
    diharapkan: id-id dipisah `/`: huruf kecil, angka dan tanda hubung, tanpa `/` di awal atau akhir
    ditemukan: "/etc/passwd"
    saran: contoh: jawa-timur/lumajang/lumajang/2020
""",
    ),
    Hostile(
        "former-address-climbing-out-of-the-site",
        SENDURO,
        SOURCE,
        "alamat_lama:\n  - ../../index\n" + SOURCE,
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:5: alamat_lama[0]: format tidak sesuai
    diharapkan: id-id dipisah `/`: huruf kecil, angka dan tanda hubung, tanpa `/` di awal atau akhir
    ditemukan: "../../index"
    saran: contoh: jawa-timur/lumajang/lumajang/2020
""",
    ),
    Hostile(
        "former-address-taken-by-another-document",
        SENDURO,
        SOURCE,
        "alamat_lama:\n  - jawa-timur/lumajang/lumajang/2020\n" + SOURCE,
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:5: alamat_lama[0]: alamat /jawa-timur/lumajang/lumajang/2020/ sudah dipakai oleh content/dokumen/jawa-timur/lumajang/lumajang/2020.yml
    saran: dua halaman tidak boleh punya alamat yang sama
""",
    ),
    Hostile(
        "province-id-taking-the-regulations-section",
        REGIONS,
        LAST_REGION,
        LAST_REGION + "\n  - id: regulasi\n    nama: Regulasi",
        r"""
content/wilayah.yml:40:9: provinsi[1].id: id ini dicadangkan untuk bagian situs /regulasi/
    diharapkan: id yang tidak dicadangkan
    ditemukan: "regulasi"
    saran: pakai id lain; alamat halaman wilayah tidak boleh menimpa bagian lain situs
""",
    ),
    Hostile(
        "former-province-id-taking-the-assets-folder",
        REGIONS,
        "  - id: jawa-timur",
        "  - id: jawa-timur\n    id_lama:\n      - assets",
        r"""
content/wilayah.yml:11:9: provinsi[0].id_lama[0]: id ini dicadangkan untuk bagian situs /assets/
    diharapkan: id yang tidak dicadangkan
    ditemukan: "assets"
    saran: pakai id lain; alamat halaman wilayah tidak boleh menimpa bagian lain situs
""",
    ),
    Hostile(
        "kecamatan-id-taking-the-decrees-folder",
        REGIONS,
        SENDURO_CODE,
        SENDURO_CODE + "\n          - id: keputusan\n            nama: Keputusan",
        r"""
content/wilayah.yml:24:17: provinsi[0].kabupaten[0].kecamatan[2].id: id ini dicadangkan untuk folder keputusan kabupaten ini
    diharapkan: id yang tidak dicadangkan
    ditemukan: "keputusan"
    saran: pakai id lain; alamat halaman wilayah tidak boleh menimpa bagian lain situs
""",
    ),
    Hostile(
        "kecamatan-former-id-taking-a-sibling-id",
        REGIONS,
        "  - id: senduro",
        "  - id: senduro\n            id_lama:\n              - lumajang",
        r"""
content/wilayah.yml:23:17: provinsi[0].kabupaten[0].kecamatan[1].id_lama[0]: id sudah dipakai di provinsi[0].kabupaten[0].kecamatan[0].id
    diharapkan: id yang belum dipakai
    ditemukan: "lumajang"
    saran: setiap id harus unik
""",
    ),
    Hostile(
        "source-file-climbing-out-of-content",
        SENDURO,
        BERKAS,
        "berkas: ../../rahasia.txt",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:11: sumber.berkas: format tidak sesuai
    diharapkan: berkas .txt atau .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`
    ditemukan: "../../rahasia.txt"
    saran: contoh: sumber/senduro-2024.txt
""",
    ),
    Hostile(
        "source-file-as-an-absolute-path",
        SENDURO,
        BERKAS,
        "berkas: /etc/passwd",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:11: sumber.berkas: format tidak sesuai
    diharapkan: berkas .txt atau .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`
    ditemukan: "/etc/passwd"
    saran: contoh: sumber/senduro-2024.txt
""",
    ),
    Hostile(
        "source-file-that-is-a-web-page",
        SENDURO,
        BERKAS,
        "berkas: sumber/serangan.html",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:11: sumber.berkas: format tidak sesuai
    diharapkan: berkas .txt atau .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`
    ditemukan: "sumber/serangan.html"
    saran: contoh: sumber/senduro-2024.txt
""",
    ),
    Hostile(
        "source-file-hidden-behind-sumber-dot-dot",
        SENDURO,
        BERKAS,
        "berkas: sumber/../wilayah.yml",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:98:11: sumber.berkas: format tidak sesuai
    diharapkan: berkas .txt atau .pdf di folder `sumber/`; nama dari huruf, angka, `.`, `_` dan `-`
    ditemukan: "sumber/../wilayah.yml"
    saran: contoh: sumber/senduro-2024.txt
""",
    ),
    Hostile(
        "file-larger-than-a-megabyte",
        SENDURO,
        None,
        b"jenis: iku\njudul: " + b"x" * 1_000_000 + b"\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: berkas terlalu besar
    diharapkan: paling besar 1000000 byte
    ditemukan: 1000019 byte
    saran: satu dokumen IKU jauh lebih kecil; periksa apakah ini berkas yang benar
""",
    ),
    Hostile(
        "file-in-latin-1",
        SENDURO,
        None,
        "jenis: iku\njudul: Kecamatan Sénduro\n".encode("latin-1"),
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:2:19: berkas bukan teks UTF-8
    diharapkan: teks UTF-8
    ditemukan: byte E9 (`é` dalam Windows-1252)
    saran: simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)
""",
    ),
    Hostile(
        "file-that-is-a-png-image",
        SENDURO,
        None,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: berkas bukan teks UTF-8
    diharapkan: teks UTF-8
    ditemukan: byte 89 (`‰` dalam Windows-1252)
    saran: simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)
""",
    ),
    Hostile(
        "empty-file",
        SENDURO,
        None,
        b"",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: berkas kosong
    diharapkan: pemetaan (baris-baris `kunci: nilai`)
""",
    ),
    Hostile(
        "file-of-comments-only",
        SENDURO,
        None,
        b"# belum diisi\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: berkas kosong
    diharapkan: pemetaan (baris-baris `kunci: nilai`)
""",
    ),
    Hostile(
        "file-that-is-a-list",
        SENDURO,
        None,
        b"- jenis: iku\n- judul: Senduro\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: isi berkas harus berupa pemetaan
    diharapkan: pemetaan (baris-baris `kunci: nilai`)
    ditemukan: daftar
""",
    ),
    Hostile(
        "file-that-is-one-sentence",
        SENDURO,
        None,
        b"Indikator Kinerja Utama Kecamatan Senduro\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: isi berkas harus berupa pemetaan
    diharapkan: pemetaan (baris-baris `kunci: nilai`)
    ditemukan: teks
""",
    ),
    Hostile(
        "file-nested-20000-deep",
        SENDURO,
        None,
        b"jenis: iku\njudul: " + b"[" * 20000 + b"]" * 20000 + b"\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:2:39: YAML tidak valid: isi bersarang lebih dari 32 tingkat
    ditemukan: `judul: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…`
    saran: konten IKU hanya bersarang beberapa tingkat; periksa `[` atau `{` yang tidak ditutup
""",
    ),
    Hostile(
        "python-object-tag",
        SENDURO,
        None,
        b"jenis: iku\njudul: !!python/object/apply:os.system ['echo diretas']\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:2:8: YAML tidak valid: tag YAML (`!…`) tidak dipakai di konten
    ditemukan: `judul: !!python/object/apply:os.system ['echo diretas']`
    saran: hapus tag yang diawali `!` dan tulis nilainya saja
""",
    ),
    Hostile(
        "custom-include-tag",
        SENDURO,
        None,
        b"jenis: iku\njudul: !include /etc/passwd\n",
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:2:8: YAML tidak valid: tag YAML (`!…`) tidak dipakai di konten
    ditemukan: `judul: !include /etc/passwd`
    saran: hapus tag yang diawali `!` dan tulis nilainya saja
""",
    ),
    Hostile(
        "billion-laughs-alias-bomb",
        SENDURO,
        None,
        "\n".join(
            [
                'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]',
                *(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 9)),
                "jenis: iku",
            ]
        ),
        # Refused while it is read: walking the expanded document would take hours. Every line
        # using an alias is reported (a check goes on after a syntax error), each on its own.
        "".join(
            f"content/dokumen/jawa-timur/lumajang/senduro/2024.yml:{level + 1}:10: "
            "YAML tidak valid: alias (`*nama`) tidak dipakai di konten\n"
            f"    ditemukan: `a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]`\n"
            "    saran: tulis nilainya langsung di setiap tempat; anchor (`&`) dan alias (`*`) tidak diperlukan\n"
            for level in range(1, 9)
        ),
    ),
    Hostile(
        "byte-order-mark",
        SENDURO,
        None,
        b"\xef\xbb\xbf" + (FIXTURES / "published" / SENDURO).read_bytes(),
        r"""
content/dokumen/jawa-timur/lumajang/senduro/2024.yml:1:1: berkas diawali tanda BOM
    diharapkan: UTF-8 tanpa BOM
    ditemukan: BOM (EF BB BF)
    saran: simpan ulang sebagai UTF-8 tanpa BOM (di Notepad: UTF-8, bukan UTF-8 with BOM)
""",
    ),
]
UNTRUSTED_COMMANDS = [
    r"\href{javascript:alert(1)}{x}",
    r"\url{https://example.org/}",
    r"\includegraphics{https://example.org/a.png}",
    r"\htmlId{x}{y}",
    r"\htmlClass{x}{y}",
    r"\htmlStyle{color: red}{y}",
    r"\htmlData{foo=bar}{y}",
]


def test_the_corpus_holds_at_least_40_distinct_hostile_inputs() -> None:
    cases = {(case.file, case.old, case.new) for case in HOSTILE}
    assert len({case.id for case in HOSTILE}) == len(cases) == len(HOSTILE)
    assert len(HOSTILE) + len(UNTRUSTED_COMMANDS) >= 40


@pytest.mark.parametrize("case", HOSTILE, ids=[case.id for case in HOSTILE])
def test_each_hostile_input_gets_its_exact_report(content: Path, case: Hostile) -> None:
    path = content / case.file
    if case.old is None:
        path.write_bytes(case.new if isinstance(case.new, bytes) else case.new.encode("utf-8"))
    else:
        text = path.read_text(encoding="utf-8")
        assert text.count(case.old) == 1, f"{case.old!r} must occur once in {case.file}"
        assert isinstance(case.new, str)
        path.write_text(text.replace(case.old, case.new), encoding="utf-8")
    assert content_report(content) == case.report.strip("\n")


@pytest.mark.parametrize("command", UNTRUSTED_COMMANDS)
def test_formulas_that_would_link_load_or_set_attributes_are_refused(content: Path, command: str) -> None:
    path = content / SENDURO
    path.write_text(path.read_text(encoding="utf-8").replace(FORMULA, f"{FORMULA} {command}"), encoding="utf-8")
    name = command.split("{")[0]
    assert content_report(content) == (
        f"{FORMULA_AT}: perintah LaTeX ini tidak diizinkan di rumus\n"
        "    diharapkan: perintah matematika saja, mis. `\\frac`, `\\text`, `\\times`\n"
        f"    ditemukan: `{name}`\n"
        "    saran: rumus hanya memuat matematika; tautan, gambar, warna dan atribut HTML tidak diterbitkan"
    )


def test_a_document_linked_from_outside_content_is_not_read(content: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.yml"
    secret.write_text("kata_sandi: jangan-dibaca\n", encoding="utf-8")
    (content / "dokumen" / "tautan.yml").symlink_to(secret)
    assert content_report(content) == (
        "content/dokumen/tautan.yml:1:1: berkas ini tautan simbolik ke luar folder content\n"
        "    diharapkan: berkas biasa di dalam content/\n"
        "    saran: simpan isi berkasnya langsung di content/, bukan sebagai tautan"
    )
