"""The author-facing content model: what editors write in ``content/``.

Every class here is declared once and is the single source for validation, the
error messages editors see and the JSON Schema their editors use. YAML keys use the
documents' own Indonesian vocabulary; descriptions are in Bahasa Indonesia because
editors read them (in schema hover help and in error hints).

Nothing here knows about pages or URLs: that is the job of ``generator.pages.view``.
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .printable import INVISIBLE_CHARACTERS, spelled_out

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REGION_CODE_PATTERN = r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$"
NIP_PATTERN = r"^\d{8} \d{6} \d \d{3}$"

# An id becomes part of a URL or an anchor, so it is restricted to what survives
# every URL, file system and HTML id unchanged: lowercase ASCII, digits, hyphens.
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(
        description="Pengenal tetap: huruf kecil, angka dan tanda hubung, mis. `nilai-ikm`.",
        examples=["nilai-ikm-kecamatan"],
    ),
]


class RuleError(ValueError):
    """A rule across fields is broken; carries what an editor needs to fix it."""

    def __init__(self, message: str, expected: str = "", found: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message, self.expected, self.found, self.hint = message, expected, found, hint


def _visible(text: str) -> str:
    found = INVISIBLE_CHARACTERS.search(text)
    if found is not None:
        raise RuleError(
            "teks memuat karakter tak terlihat",
            "teks yang tampil seperti yang tertulis",
            spelled_out(text, INVISIBLE_CHARACTERS),
            "hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata",
        )
    return text


# Every free-text field is bounded: what one value costs the check, the build and the
# page stays small. The longest value in the seed documents has 431 characters.
MAX_LINE_LENGTH = 500
"""A name, label, number or value as printed: one line of a document."""
MAX_PARAGRAPH_LENGTH = 5000
"""A title, a description, an item of a list of duties or an editor's note: a paragraph."""
# PlainText (may be empty when optional) or Text (never empty) for a line; the
# Paragraph variants for prose.
PlainText = Annotated[str, StringConstraints(max_length=MAX_LINE_LENGTH), AfterValidator(_visible)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LINE_LENGTH), AfterValidator(_visible)
]
PlainParagraph = Annotated[str, StringConstraints(max_length=MAX_PARAGRAPH_LENGTH), AfterValidator(_visible)]
Paragraph = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PARAGRAPH_LENGTH),
    AfterValidator(_visible),
]
# Kemendagri codes keep their dots and leading zeros, so they are strings by type.
RegionCode = Annotated[
    str,
    StringConstraints(pattern=REGION_CODE_PATTERN),
    Field(
        description="Kode wilayah Kemendagri sebagai teks, mis. `35.08` (tulis dengan tanda kutip).",
        examples=["35.08"],
    ),
]
Nip = Annotated[
    str,
    StringConstraints(pattern=NIP_PATTERN),
    Field(
        description="NIP 18 digit dengan spasi seperti tercetak: `19621010 198503 1 026`.",
        examples=["19621010 198503 1 026"],
    ),
]
Year = Annotated[int, Field(ge=1945, le=2100)]
# KaTeX commands that make links, load images or set HTML attributes (KaTeX's `trust` list),
# and colours: white text on the white page is read out by screen readers, shown in the dark
# palette, and hidden from everyone else.
UNTRUSTED_LATEX = re.compile(
    r"\\(?:href|url|includegraphics|htmlId|htmlClass|htmlStyle|htmlData|color|textcolor|colorbox|fcolorbox)(?![A-Za-z])"
)
# KaTeX commands that define or redefine a command. One definition expanded 199 times
# turns a 1,000-character formula into megabytes of HTML and seconds of KaTeX; without
# them, what a formula renders to grows with what is written.
MACRO_DEFINITIONS = re.compile(
    r"\\(?:def|gdef|edef|xdef|let|futurelet|global|long|newcommand|renewcommand|providecommand)(?![A-Za-z])"
)
# An original is published at its path: only text or PDF, only from `sumber/`, so a
# "source" can never be an HTML page, a script or a file outside the folder.
SOURCE_PATH_PATTERN = r"^sumber/[A-Za-z0-9][A-Za-z0-9._-]*\.(txt|pdf)$"
MAX_FORMULA_LENGTH = 1000
MAX_FORMULA_DEPTH = 10
PAGE_PATH_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$"
SourcePath = Annotated[
    str,
    StringConstraints(pattern=SOURCE_PATH_PATTERN, max_length=200),
    Field(examples=["sumber/senduro-2024.txt"]),
]
ORIGINAL_PATH_PATTERN = r"^sumber/[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$"
OriginalPath = Annotated[
    str,
    StringConstraints(pattern=ORIGINAL_PATH_PATTERN, max_length=200),
    Field(examples=["sumber/senduro-2024.pdf"]),
]
# Only https: the address is printed as a link, and a reader must reach the publisher itself.
# Only characters a URL needs and Markdown does not read: no spaces, brackets or quotes.
OFFICIAL_URL_PATTERN = r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&*+,;=:@/?#-]*)?$"
OfficialUrl = Annotated[
    str,
    StringConstraints(pattern=OFFICIAL_URL_PATTERN, max_length=MAX_LINE_LENGTH),
    Field(examples=["https://lumajangkab.go.id/dokumen/iku-senduro-2024.pdf"]),
]
# A former address: slugs joined by `/`, so it can never leave the site's folder.
PagePath = Annotated[
    str,
    StringConstraints(pattern=PAGE_PATH_PATTERN, max_length=300),
    Field(
        description="Alamat halaman tanpa garis miring di awal/akhir.", examples=["jawa-timur/lumajang/lumajang/2020"]
    ),
]


def _group_depth(latex: str) -> int:
    """How deep ``{…}`` groups nest; escaped braces (``\\{``) are text, not groups."""
    depth = deepest = 0
    for brace in re.findall(r"\\.|[{}]", latex):
        if brace == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif brace == "}":
            depth -= 1
    return deepest


class Strict(BaseModel):
    """Base for every content class: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- Shared pieces ---------------------------------------------------------------------


class ListItem(Strict):
    """One item of an ordered list such as tugas or fungsi, possibly with sub-items."""

    label: PlainText | None = Field(
        default=None,
        description="Nomor atau huruf butir seperti tercetak (`1.`, `a.`); kosong bila sumber tidak memberi nomor.",
    )
    teks: Paragraph = Field(description="Isi butir, seperti tercetak.")
    rincian: list[ListItem] = Field(default_factory=list, description="Sub-butir di bawah butir ini, berurutan.")


class Formula(Strict):
    """How an indicator is computed: LaTeX for a computation, plain text for a named value."""

    latex: PlainParagraph | None = Field(
        default=None,
        description=(
            "Rumus dalam LaTeX (KaTeX) bila dokumen memberi perhitungan, "
            "mis. `\\frac{\\text{A}}{\\text{B}} \\times 100\\%`."
        ),
    )
    teks: PlainText | None = Field(
        default=None,
        description="Rumus sebagai teks biasa bila dokumen hanya menyebut nilai, mis. `Nilai IKM`.",
    )

    @field_validator("latex", mode="before")
    @classmethod
    def _no_control_characters(cls, latex: object) -> object:
        # Inside YAML double quotes `\frac` and `\times` turn into a form feed and a tab;
        # checked before whitespace is stripped, which would hide the leading one.
        if isinstance(latex, str) and any(ord(char) < 32 and char != "\n" for char in latex):
            # Unicode's control pictures (␌ for a form feed, ␉ for a tab) make them visible.
            shown = "".join(chr(0x2400 + ord(c)) if ord(c) < 32 and c != "\n" else c for c in latex)
            raise RuleError(
                "rumus memuat karakter kendali, bukan perintah LaTeX",
                "rumus LaTeX dalam tanda kutip tunggal",
                shown,
                "di dalam tanda kutip ganda YAML mengubah `\\f` dan `\\t` menjadi karakter lain; "
                "tulis rumus dalam tanda kutip tunggal, mis. latex: '\\frac{A}{B} \\times 100\\%'",
            )
        return latex

    @field_validator("latex")
    @classmethod
    def _math_only(cls, latex: str | None) -> str | None:
        # KaTeX renders these only when trusted; untrusted they would print as red text.
        # A formula is math: links, images and HTML attributes are refused outright.
        found = UNTRUSTED_LATEX.search(latex or "")
        if found is not None:
            raise RuleError(
                "perintah LaTeX ini tidak diizinkan di rumus",
                "perintah matematika saja, mis. `\\frac`, `\\text`, `\\times`",
                f"`{found[0]}`",
                "rumus hanya memuat matematika; tautan, gambar, warna dan atribut HTML tidak diterbitkan",
            )
        return latex

    @field_validator("latex")
    @classmethod
    def _no_definitions(cls, latex: str | None) -> str | None:
        found = MACRO_DEFINITIONS.search(latex or "")
        if found is not None:
            raise RuleError(
                "rumus tidak boleh mendefinisikan perintah sendiri",
                "rumus yang ditulis langsung, tanpa `\\def` atau `\\newcommand`",
                f"`{found[0]}`",
                "tulis rumusnya langsung; satu definisi yang dipanggil berulang membuat halaman berukuran megabita",
            )
        return latex

    @field_validator("latex")
    @classmethod
    def _small(cls, latex: str | None) -> str | None:
        # Bounds what one formula can cost KaTeX and the page; the documents' longest
        # formula has 378 characters and groups two deep.
        if latex is None:
            return latex
        if len(latex) > MAX_FORMULA_LENGTH:
            raise RuleError(
                "rumus terlalu panjang",
                f"paling banyak {MAX_FORMULA_LENGTH} karakter",
                f"{len(latex)} karakter",
                "rumus IKU biasanya satu pecahan; tulis penjelasan panjang di `definisi`",
            )
        depth = _group_depth(latex)
        if depth > MAX_FORMULA_DEPTH:
            raise RuleError(
                "rumus bersarang terlalu dalam",
                f"kurung kurawal `{{…}}` bersarang paling dalam {MAX_FORMULA_DEPTH} tingkat",
                f"{depth} tingkat",
                "sederhanakan rumusnya; periksa juga apakah ada `{` yang tidak ditutup",
            )
        return latex

    @model_validator(mode="after")
    def _exactly_one(self) -> Formula:
        if (self.latex is None) == (self.teks is None):
            written = "keduanya" if self.latex is not None else "tidak satu pun"
            raise RuleError(
                "isi tepat satu dari `latex` atau `teks`",
                "`latex` untuk perhitungan, atau `teks` untuk nilai yang hanya disebut",
                written,
                "hapus salah satunya",
            )
        return self


class Target(Strict):
    """A target value for one year."""

    tahun: Year = Field(description="Tahun target.")
    nilai: Text = Field(description="Nilai target seperti tercetak, mis. `100%` atau `20,00%`.")


class Variable(Strict):
    """One variable of a formula and what it stands for, as the document explains it (A = …)."""

    simbol: Text = Field(description="Lambang variabel seperti tercetak, mis. `A`.")
    arti: Paragraph = Field(description="Arti variabel seperti tercetak, mis. `Jumlah desa yang menetapkan RKPDes`.")


class Indicator(Strict):
    """One performance indicator (indikator kinerja) with everything needed to measure it."""

    id: Slug = Field(description="Pengenal tetap indikator; menjadi jangkar tautan (#id) di halaman.")
    id_lama: list[Slug] = Field(
        default_factory=list,
        description="Id lama indikator ini bila id-nya pernah diganti; tautan lama (#id-lama) tetap berfungsi.",
    )
    nama: Text = Field(description="Nama indikator seperti tercetak.")
    definisi: PlainParagraph | None = Field(default=None, description="Definisi operasional atau penjelasan, bila ada.")
    makna: PlainParagraph | None = Field(
        default=None, description="Makna/penjelasan indikator, bila dokumen memberinya di kolom tersendiri."
    )
    alasan: PlainParagraph | None = Field(
        default=None, description="Alasan pemilihan indikator seperti tercetak, bila ada."
    )
    cara_perhitungan: PlainParagraph | None = Field(
        default=None,
        description="Cara perhitungan dengan kata-kata seperti tercetak, mis. `A/B X 100% = 100`, bila ada.",
    )
    rumus: Formula | None = Field(default=None, description="Rumus/formula perhitungan, bila ada.")
    variabel: list[Variable] = Field(
        default_factory=list,
        description="Variabel rumus dengan artinya seperti tercetak (A = …, B = …), berurutan, bila ada.",
    )
    satuan: PlainText | None = Field(default=None, description="Satuan nilai (mis. `%`), bila disebut.")
    sumber_data: list[Text] = Field(default_factory=list, description="Sumber data, satu atau lebih, seperti tercetak.")
    penanggung_jawab: list[Text] = Field(
        default_factory=list, description="Pejabat atau unit penanggung jawab, seperti tercetak."
    )
    target: list[Target] = Field(default_factory=list, description="Target per tahun, bila dokumen memberinya.")
    regulasi: list[Slug] = Field(
        default_factory=list,
        description="Id regulasi (dari `content/regulasi.yml`) yang disebut dalam definisi indikator.",
    )
    catatan_editor: list[Paragraph] = Field(
        default_factory=list,
        description="Catatan editor tentang indikator ini bila sumbernya tidak lengkap atau tidak lazim.",
    )


class Level(enum.StrEnum):
    """The level of a goal in the planning hierarchy, as the documents name it."""

    tujuan = "tujuan"
    sasaran = "sasaran"
    program = "program"
    kinerja_utama = "kinerja_utama"


class Goal(Strict):
    """One goal (tujuan, sasaran, program or kinerja utama) and its indicators."""

    nomor: PlainText | None = Field(default=None, description="Nomor baris seperti tercetak, bila ada.")
    uraian: Paragraph = Field(description="Rumusan tujuan/sasaran/program seperti tercetak.")
    indikator: list[Indicator] = Field(min_length=1, description="Indikator untuk sasaran ini.")


class IndicatorTable(Strict):
    """One indicator table of a document, at one level of the planning hierarchy."""

    tingkat: Level = Field(description="Tingkat tabel: `tujuan`, `sasaran`, `program` atau `kinerja_utama`.")
    judul: PlainText | None = Field(
        default=None, description="Judul tabel seperti tercetak, mis. `INDIKATOR KINERJA UTAMA (IKU)`."
    )
    kolom: list[Text] = Field(
        default_factory=list, description="Judul kolom seperti tercetak, berurutan (untuk rujukan)."
    )
    baris: list[Goal] = Field(min_length=1, description="Baris tabel: sasaran dengan indikatornya.")


class GoalStatement(Strict):
    """A tujuan with its indikator tujuan, as stated above the tables."""

    uraian: Paragraph = Field(description="Rumusan tujuan seperti tercetak.")
    indikator: list[Text] = Field(default_factory=list, description="Indikator tujuan seperti tercetak.")


class UnlabelledTargetRow(Strict):
    """A row of a targets table whose year columns the source does not name."""

    nomor: PlainText | None = Field(default=None, description="Nomor baris seperti tercetak.")
    indikator: Text = Field(description="Nama indikator seperti tercetak.")
    nilai: list[Text] = Field(min_length=1, description="Nilai per kolom, berurutan, seperti tercetak.")


class TargetTable(Strict):
    """A targets table kept as printed when it cannot be tied to years (e.g. headings missing)."""

    judul: PlainText | None = Field(default=None, description="Judul tabel, bila tercetak.")
    kolom: list[Text] = Field(
        default_factory=list,
        description="Judul kolom nilai seperti tercetak; kosongkan bila sumber tidak mencantumkannya.",
    )
    baris: list[UnlabelledTargetRow] = Field(min_length=1, description="Baris tabel, berurutan.")


class Signature(Strict):
    """The signature block closing a document."""

    tempat: PlainText | None = Field(default=None, description="Tempat penandatanganan, mis. `Lumajang`.")
    tanggal: datetime.date | None = Field(default=None, description="Tanggal penandatanganan (YYYY-MM-DD).")
    jabatan: PlainText | None = Field(default=None, description="Jabatan penanda tangan seperti tercetak.")
    nama: PlainText | None = Field(default=None, description="Nama penanda tangan seperti tercetak.")
    pangkat: PlainText | None = Field(default=None, description="Pangkat/golongan, bila tercetak.")
    nip: Nip | None = Field(default=None, description="NIP penanda tangan, bila tercetak.")


# An IKU document belongs to exactly one of these, named in `wilayah`.
DOCUMENT_OWNERS = ("kecamatan", "instansi")


def _one_of(*names: str) -> dict[str, object]:
    """JSON Schema for "exactly one of these keys": the rule a model validator also enforces."""
    return {"oneOf": [{"required": [name]} for name in names]}


class RegionRef(Strict):
    """Whose document it is, by ids from ``content/wilayah.yml``: a kecamatan, or an instansi of a
    kabupaten/kota or provinsi, and within either, optionally one jabatan."""

    model_config = ConfigDict(
        json_schema_extra={**_one_of(*DOCUMENT_OWNERS), "dependentRequired": {"kecamatan": ["kabupaten"]}}
    )

    provinsi: Slug = Field(description="Id provinsi di `content/wilayah.yml`, mis. `jawa-timur`.")
    kabupaten: Slug | None = Field(
        default=None,
        description=("Id kabupaten/kota di `content/wilayah.yml`, mis. `lumajang`; kosongkan untuk instansi provinsi."),
    )
    kecamatan: Slug | None = Field(default=None, description="Id kecamatan di `content/wilayah.yml`, mis. `senduro`.")
    instansi: Slug | None = Field(
        default=None,
        description=(
            "Id instansi (dinas, badan, …, atau pemerintah daerah) di `instansi:` kabupaten/kota atau provinsi "
            "di `content/wilayah.yml`, mis. `dinas-kesehatan`; isi ini atau `kecamatan`."
        ),
    )
    jabatan: Slug | None = Field(
        default=None,
        description="Id jabatan di `jabatan:` kecamatan atau instansi itu, bila IKU ini milik satu jabatan.",
    )

    @model_validator(mode="after")
    def _one_owner(self) -> RegionRef:
        written = [name for name in DOCUMENT_OWNERS if getattr(self, name) is not None]
        if len(written) != 1:
            raise RuleError(
                "dokumen IKU wajib menyebut tepat satu dari `kecamatan` atau `instansi`",
                "id kecamatan atau id instansi dari content/wilayah.yml",
                " dan ".join(f"`{name}`" for name in written) if written else "",
                "tambahkan baris `kecamatan: …` atau `instansi: …` di bawah `wilayah`"
                if not written
                else "hapus salah satunya",
            )
        if self.kecamatan is not None and self.kabupaten is None:
            raise RuleError(
                "kecamatan wajib disertai `kabupaten`",
                "id kabupaten/kota dari content/wilayah.yml",
                hint="tambahkan baris `kabupaten: …` di bawah `wilayah`",
            )
        return self


class IssuerRef(Strict):
    """The region whose head issues a decree: a kabupaten/kota (Bupati, Wali Kota) or a provinsi (Gubernur)."""

    provinsi: Slug = Field(description="Id provinsi di `content/wilayah.yml`, mis. `jawa-timur`.")
    kabupaten: Slug | None = Field(
        default=None,
        description="Id kabupaten/kota di `content/wilayah.yml`, mis. `lumajang`; kosongkan untuk Keputusan Gubernur.",
    )


class Period(Strict):
    """The year or range of years a document covers."""

    mulai: Year = Field(description="Tahun awal periode.")
    selesai: Year | None = Field(default=None, description="Tahun akhir, bila periode lebih dari satu tahun.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.selesai is not None and self.selesai < self.mulai:
            raise RuleError(
                "`selesai` tidak boleh sebelum `mulai`",
                f"tahun {self.mulai} atau sesudahnya",
                f"selesai: {self.selesai}",
                "periksa kedua tahun; untuk periode satu tahun hapus `selesai`",
            )
        return self


class Body(Strict):
    """The issuing body (instansi)."""

    nama: Text = Field(description="Nama instansi seperti tercetak, mis. `Kecamatan Lumajang`.")


class Source(Strict):
    """The original document this content was transcribed from, and where it can be found."""

    berkas: SourcePath = Field(
        description=(
            "Berkas yang ditranskripsi di folder `content/sumber/`: teks hasil ekstraksi (`.txt`) "
            "atau PDF asli (`.pdf`), mis. `sumber/senduro.txt`."
        )
    )
    asli: OriginalPath | None = Field(
        default=None,
        description=(
            "PDF dokumen asli di folder `content/sumber/`, bila editor memilikinya, mis. `sumber/senduro-2024.pdf`; "
            "kosongkan bila tidak ada."
        ),
    )
    alamat_resmi: OfficialUrl | None = Field(
        default=None,
        description=(
            "Alamat resmi (https) tempat dokumen asli diterbitkan, mis. situs pemerintah daerah; "
            "kosongkan bila tidak diketahui."
        ),
    )
    diambil: datetime.date | None = Field(
        default=None,
        description="Tanggal dokumen asli diambil atau diunduh (YYYY-MM-DD); kosongkan bila tidak diketahui.",
    )
    keterangan: PlainParagraph | None = Field(default=None, description="Keterangan tentang sumber, mis. asal PDF.")


class EditorAddition(enum.StrEnum):
    """A field of a document whose value the source does not give: an editor of the portal added it."""

    keputusan = "keputusan"


class IkuContent(Strict):
    """What an IKU document and a decree's appendix entry have in common."""

    tugas: list[ListItem] = Field(default_factory=list, description="Tugas (pokok), berurutan.")
    fungsi: list[ListItem] = Field(default_factory=list, description="Fungsi, berurutan.")
    tujuan: list[GoalStatement] = Field(default_factory=list, description="Tujuan dan indikator tujuan.")
    tabel_indikator: list[IndicatorTable] = Field(
        default_factory=list, description="Tabel indikator, berurutan seperti di dokumen."
    )


# --- Documents -------------------------------------------------------------------------


class IkuDocument(IkuContent):
    """An IKU document of one body (kecamatan, dinas, badan, …) or of one jabatan within it, for one period."""

    jenis: Literal["iku"] = Field(description="Jenis dokumen: `iku`.")
    judul: Paragraph = Field(description="Judul dokumen seperti tercetak.")
    instansi: Body = Field(description="Instansi penerbit dokumen.")
    wilayah: RegionRef = Field(
        description="Pemilik dokumen: wilayah, instansi dan jabatan (id dari `content/wilayah.yml`)."
    )
    periode: Period = Field(description="Periode dokumen.")
    keputusan: Slug | None = Field(
        default=None,
        description="Id Keputusan Bupati/Wali Kota/Gubernur yang menetapkan IKU ini (dokumen lain di `content/`).",
    )
    alamat_lama: list[PagePath] = Field(
        default_factory=list,
        description=(
            "Alamat lama halaman dokumen ini bila wilayah atau periodenya pernah diubah, "
            "mis. `jawa-timur/lumajang/lumajang/2020`; alamat lama dialihkan ke alamat baru."
        ),
    )
    tabel_indikator: list[IndicatorTable] = Field(
        min_length=1,
        description="Tabel indikator, berurutan seperti di dokumen; dokumen IKU memuat sedikitnya satu indikator.",
    )
    tabel_target: list[TargetTable] = Field(
        default_factory=list, description="Tabel target yang tidak dapat dikaitkan ke tahun (judul kolom hilang)."
    )
    ditandatangani: Signature | None = Field(default=None, description="Blok tanda tangan, bila ada.")
    sumber: Source = Field(description="Dokumen asli yang ditranskripsi.")
    ditambahkan_editor: list[EditorAddition] = Field(
        default_factory=list,
        description=(
            "Kolom yang isinya tidak tertulis di dokumen sumber tetapi ditambahkan oleh editor portal, "
            "mis. `[keputusan]` bila sumber tidak menyebut keputusan yang menetapkannya; "
            "halaman menandainya sebagai tambahan editor."
        ),
    )
    catatan_editor: list[Paragraph] = Field(
        default_factory=list,
        description="Catatan editor untuk pembaca bila sumber tidak lengkap atau tidak lazim.",
    )

    @model_validator(mode="after")
    def _additions_filled(self) -> IkuDocument:
        empty = [field.value for field in self.ditambahkan_editor if getattr(self, field.value) is None]
        if empty:
            raise RuleError(
                "kolom yang ditandai sebagai tambahan editor tidak diisi",
                "hanya kolom yang diisi editor, mis. `keputusan`",
                ", ".join(empty),
                "isi kolom itu, atau hapus namanya dari `ditambahkan_editor`",
            )
        if len(set(self.ditambahkan_editor)) < len(self.ditambahkan_editor):
            raise RuleError(
                "kolom disebut dua kali di `ditambahkan_editor`",
                "setiap kolom sekali",
                ", ".join(field.value for field in self.ditambahkan_editor),
                "hapus yang berulang",
            )
        return self


class Amendment(Strict):
    """An amendment mentioned with a cited regulation."""

    frasa: Text = Field(description="Frasa seperti tercetak, mis. `sebagaimana telah diubah dengan`.")
    regulasi: Slug = Field(description="Id regulasi yang mengubah (dari `content/regulasi.yml`).")


class Citation(Strict):
    """One item of a decree's *Mengingat* list."""

    regulasi: Slug = Field(description="Id regulasi yang diingat (dari `content/regulasi.yml`).")
    perubahan: list[Amendment] = Field(default_factory=list, description="Perubahan yang disebut bersamanya.")


class Article(Strict):
    """One diktum of a decree (KESATU, KEDUA, …) with its sub-items."""

    label: Text = Field(description="Label diktum seperti tercetak, mis. `KESATU`.")
    teks: Paragraph = Field(description="Isi diktum.")
    rincian: list[ListItem] = Field(default_factory=list, description="Huruf-huruf di bawah diktum.")
    regulasi: list[Slug] = Field(
        default_factory=list, description="Id regulasi/keputusan yang disebut dalam diktum (mis. yang dicabut)."
    )


class AppendixEntry(IkuContent):
    """One body's IKU in a decree's appendix (lampiran)."""

    nomor: PlainText | None = Field(default=None, description="Nomor urut di lampiran seperti tercetak.")
    instansi: Body = Field(description="Instansi yang IKU-nya ditetapkan.")


class Decree(Strict):
    """A decree of a Bupati, Wali Kota or Gubernur fixing IKU, with its appendix."""

    jenis: Literal["keputusan"] = Field(description="Jenis dokumen: `keputusan`.")
    id: Slug = Field(description="Pengenal tetap keputusan; menjadi bagian URL.")
    id_lama: list[Slug] = Field(
        default_factory=list, description="Id lama keputusan bila pernah diganti; alamat lama dialihkan ke yang baru."
    )
    judul: Paragraph = Field(description="Judul keputusan (setelah TENTANG) seperti tercetak.")
    penerbit: Text = Field(
        description="Pejabat penerbit, mis. `Bupati Lumajang`, `Wali Kota Malang`, `Gubernur Jawa Timur`."
    )
    nomor: Text = Field(description="Nomor keputusan seperti tercetak, mis. `188.45/326/427.12/2019`.")
    wilayah: IssuerRef = Field(
        description="Wilayah penerbit: provinsi, dan kabupaten/kota kecuali untuk Keputusan Gubernur."
    )
    menimbang: list[Paragraph] = Field(min_length=1, description="Pertimbangan (Menimbang), berurutan.")
    menimbang_regulasi: list[Slug] = Field(
        default_factory=list, description="Id regulasi yang disebut dalam Menimbang."
    )
    mengingat: list[Citation] = Field(min_length=1, description="Dasar hukum (Mengingat), berurutan.")
    diktum: list[Article] = Field(min_length=1, description="Diktum keputusan (MEMUTUSKAN), berurutan.")
    ditandatangani: Signature = Field(description="Tempat, tanggal penetapan dan penanda tangan.")
    salinan: list[Text] = Field(default_factory=list, description="Daftar penerima salinan.")
    lampiran: list[AppendixEntry] = Field(default_factory=list, description="Lampiran: IKU per instansi.")
    sumber: Source = Field(description="Dokumen asli yang ditranskripsi.")
    catatan_editor: list[Paragraph] = Field(default_factory=list, description="Catatan editor untuk pembaca.")


Document = Annotated[IkuDocument | Decree, Field(discriminator="jenis")]


# --- Catalogues ------------------------------------------------------------------------


class RegulationKind(enum.StrEnum):
    """Kinds of regulation, in the order of Indonesia's hierarchy of laws."""

    undang_undang = "Undang-Undang"
    peraturan_pemerintah = "Peraturan Pemerintah"
    peraturan_presiden = "Peraturan Presiden"
    instruksi_presiden = "Instruksi Presiden"
    peraturan_menteri = "Peraturan Menteri"
    keputusan_menteri = "Keputusan Menteri"
    instruksi_menteri = "Instruksi Menteri"
    surat_edaran_menteri = "Surat Edaran Menteri"
    peraturan_daerah = "Peraturan Daerah"
    peraturan_gubernur = "Peraturan Gubernur"
    keputusan_gubernur = "Keputusan Gubernur"
    instruksi_gubernur = "Instruksi Gubernur"
    surat_edaran_gubernur = "Surat Edaran Gubernur"
    peraturan_bupati = "Peraturan Bupati"
    keputusan_bupati = "Keputusan Bupati"
    instruksi_bupati = "Instruksi Bupati"
    surat_edaran_bupati = "Surat Edaran Bupati"
    peraturan_wali_kota = "Peraturan Wali Kota"
    keputusan_wali_kota = "Keputusan Wali Kota"
    instruksi_wali_kota = "Instruksi Wali Kota"
    surat_edaran_wali_kota = "Surat Edaran Wali Kota"


class Regulation(Strict):
    """A law or regulation, listed once and cited by id."""

    id: Slug = Field(description="Pengenal tetap regulasi, mis. `uu-23-2014`.")
    jenis: RegulationKind = Field(description="Jenis peraturan.")
    penerbit: PlainText | None = Field(
        default=None,
        description=(
            "Penerbit: untuk peraturan, keputusan, instruksi dan surat edaran menteri nama menterinya "
            "(mis. `Menteri Dalam Negeri`), untuk peraturan daerah dan produk kepala daerah nama daerahnya "
            "(mis. `Kabupaten Lumajang`, `Lumajang`)."
        ),
    )
    nomor: Text = Field(description="Nomor seperti tercetak (teks), mis. `23` atau `PER/09/M.PAN/5/2007`.")
    tahun: Year = Field(description="Tahun terbit.")
    judul: PlainParagraph | None = Field(
        default=None,
        description="Judul (setelah 'tentang'); kosongkan bila dokumen yang mengutip tidak menyebutnya.",
    )


class RegulationCatalogue(Strict):
    """``content/regulasi.yml``: every regulation the documents cite."""

    regulasi: list[Regulation] = Field(min_length=1, description="Daftar regulasi.")


class BodyKind(enum.StrEnum):
    """Kinds of government body (perangkat daerah) a region has, beside its kecamatan."""

    pemerintah_daerah = "pemerintah-daerah"
    sekretariat = "sekretariat"
    inspektorat = "inspektorat"
    dinas = "dinas"
    badan = "badan"
    satuan = "satuan"
    rumah_sakit = "rumah-sakit"
    kantor = "kantor"
    kelurahan = "kelurahan"
    lainnya = "lainnya"


class Position(Strict):
    """A jabatan within a body (Sekretaris, Kepala Bidang, Camat, …) that publishes its own IKU."""

    id: Slug = Field(description="Pengenal tetap jabatan di instansinya; menjadi bagian URL, mis. `sekretaris`.")
    id_lama: list[Slug] = Field(
        default_factory=list,
        description="Id lama jabatan ini bila pernah diganti; alamat lama dialihkan ke yang baru.",
    )
    nama: Text = Field(description="Nama jabatan lengkap, mis. `Sekretaris Dinas Perhubungan Provinsi Jawa Timur`.")


class RegionalBody(Strict):
    """A body of a kabupaten/kota or provinsi (dinas, badan, …, or the pemerintah daerah itself)."""

    id: Slug = Field(description="Pengenal tetap instansi; menjadi bagian URL, mis. `dinas-kesehatan`.")
    id_lama: list[Slug] = Field(
        default_factory=list,
        description="Id lama instansi ini bila pernah diganti; alamat lama di bawahnya dialihkan ke yang baru.",
    )
    nama: Text = Field(description="Nama resmi instansi, mis. `Dinas Kesehatan Kabupaten Lumajang`.")
    jenis: BodyKind = Field(
        description=(
            "Jenis instansi: `pemerintah-daerah`, `sekretariat`, `inspektorat`, `dinas`, `badan`, `satuan` "
            "(mis. Satpol PP), `rumah-sakit`, `kantor`, `kelurahan` atau `lainnya`."
        )
    )
    jabatan: list[Position] = Field(default_factory=list, description="Jabatan di instansi ini yang punya IKU sendiri.")


class District(Strict):
    """A kecamatan."""

    id: Slug = Field(description="Pengenal tetap kecamatan; menjadi bagian URL.")
    id_lama: list[Slug] = Field(
        default_factory=list,
        description="Id lama kecamatan ini bila pernah diganti; alamat lama di bawahnya dialihkan ke yang baru.",
    )
    nama: Text = Field(description="Nama kecamatan, mis. `Senduro`.")
    kode: RegionCode | None = Field(
        default=None, description="Kode Kemendagri; kosongkan bila tidak diketahui dari daftar resmi."
    )
    jabatan: list[Position] = Field(
        default_factory=list, description="Jabatan di kecamatan ini yang punya IKU sendiri."
    )


class Regency(Strict):
    """A kabupaten or kota."""

    id: Slug = Field(description="Pengenal tetap kabupaten/kota; menjadi bagian URL.")
    id_lama: list[Slug] = Field(
        default_factory=list,
        description="Id lama kabupaten/kota ini bila pernah diganti; alamat lama di bawahnya dialihkan ke yang baru.",
    )
    nama: Text = Field(description="Nama tanpa awalan, mis. `Lumajang`.")
    jenis: Literal["kabupaten", "kota"] = Field(description="`kabupaten` atau `kota`.")
    kode: RegionCode | None = Field(default=None, description="Kode Kemendagri, mis. `35.08`.")
    kecamatan: list[District] = Field(default_factory=list, description="Kecamatan di dalamnya.")
    instansi: list[RegionalBody] = Field(
        default_factory=list, description="Perangkat daerah kabupaten/kota ini, dan pemerintah kabupaten/kota sendiri."
    )


class Province(Strict):
    """A provinsi."""

    id: Slug = Field(description="Pengenal tetap provinsi; menjadi bagian URL.")
    id_lama: list[Slug] = Field(
        default_factory=list,
        description="Id lama provinsi ini bila pernah diganti; alamat lama di bawahnya dialihkan ke yang baru.",
    )
    nama: Text = Field(description="Nama provinsi, mis. `Jawa Timur`.")
    kode: RegionCode | None = Field(default=None, description="Kode Kemendagri, mis. `35`.")
    kabupaten: list[Regency] = Field(default_factory=list, description="Kabupaten/kota di dalamnya.")
    instansi: list[RegionalBody] = Field(
        default_factory=list, description="Perangkat daerah provinsi ini, dan pemerintah provinsi sendiri."
    )


class RegionCatalogue(Strict):
    """``content/wilayah.yml``: the regions documents belong to."""

    sumber: Paragraph = Field(description="Dasar kode wilayah, mis. Kepmendagri yang dipakai.")
    provinsi: list[Province] = Field(min_length=1, description="Daftar provinsi.")


# --- Glossary --------------------------------------------------------------------------


# Python-Markdown's words for its placeholders (raw HTML, inline parts); never an abbreviation.
MARKDOWN_PLACEHOLDER_WORDS = ("wzxhzdk", "klzzwxh")


def _not_a_placeholder(abbreviation: str) -> str:
    # generator.publishing.markdown_abbr never matches inside a placeholder; this only keeps the
    # glossary from listing a word that is none of the documents' abbreviations.
    placeholder = next((word for word in MARKDOWN_PLACEHOLDER_WORDS if word in abbreviation.lower()), None)
    if placeholder is not None:
        raise RuleError(
            "singkatan ini dipakai Markdown sebagai penanda internal",
            "singkatan yang tertulis di dokumen",
            f'"{abbreviation}"',
            f"`{placeholder}` bukan singkatan; hapus istilah ini",
        )
    return abbreviation


Abbreviation = Annotated[Text, AfterValidator(_not_a_placeholder)]


class Term(Strict):
    """An abbreviation the documents use, with its expansion for readers."""

    singkatan: Abbreviation = Field(description="Singkatan seperti tertulis di dokumen, mis. `IKM`.")
    bentuk_lain: list[Abbreviation] = Field(
        default_factory=list, description="Bentuk tulisan lain dari singkatan yang sama, mis. `TRAMTIBUM`."
    )
    kepanjangan: Text = Field(description="Kepanjangan singkatan, mis. `Indeks Kepuasan Masyarakat`.")
    dari_sumber: bool = Field(
        description="`true` bila kepanjangan ini tertulis di salah satu dokumen sumber, `false` bila dari editor."
    )
    keterangan: PlainParagraph | None = Field(default=None, description="Penjelasan singkat untuk warga, bila perlu.")


class Glossary(Strict):
    """``content/glosarium.yml``: abbreviations the documents use, expanded on every page."""

    istilah: list[Term] = Field(min_length=1, description="Daftar singkatan, urut abjad.")
