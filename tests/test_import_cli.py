"""``iku import``: an editor's published documents (text or PDF, one or a folder) become drafts to review.

The reader (``import_text``) is replaced here by a small fake that says what it found from the
text it is given, so these tests specify the command: what is read, where the draft goes, what
is never overwritten or half-written, and what the editor is told.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path, PurePosixPath

import pdfplumber
import pytest
from conftest import PUBLISHED, run_iku
from playwright.sync_api import Browser
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

from generator.cli import import_command
from generator.cli.commands import main
from generator.content.errors import IkuError
from generator.importing.draft import Draft, Finding, draft_yaml
from generator.importing.extract import read_source

SENDURO = "content/dokumen/jawa-timur/lumajang/senduro/2025.yml"
SENDURO_TEXT = (
    "INDIKATOR KINERJA UTAMA KECAMATAN SENDURO TAHUN 2025\n"
    "\n"
    "No\tSasaran Strategis\tIndikator Kinerja Utama\tRumus\n"
    "1.\tMeningkatnya kualitas pelayanan publik\tNilai IKM Kecamatan\tNilai IKM\n"
    "Catatan kaki yang tidak dikenali\n"
)
NEXT = "lalu jalankan `iku check`."
REVIEW = "periksa draf itu dengan dokumen aslinya (setiap `PERIKSA` dan bagian `tidak_dikenali`)"


def fake_reader(text: str, source_name: str, catalogues: object) -> Draft:
    """A reader that knows Senduro's title, its indicator rows and nothing else."""
    lines = text.split("\n")
    assert "\r" not in text and "\ufeff" not in text
    known = "KECAMATAN SENDURO" in lines[0]
    rows = [number for number, line in enumerate(lines, 1) if line[:1].isdigit() and "\t" in line]
    indicators = [{"nama": lines[row - 1].split("\t")[2]} for row in rows]
    return Draft(
        source_name=source_name,
        data={
            "jenis": "iku",
            "instansi": {"nama": "KECAMATAN SENDURO" if known else "?"},
            "periode": {"mulai": 2025},
            "tabel_indikator": [{"tingkat": "sasaran", "baris": [{"indikator": indicators}]}],
            "sumber": {"berkas": f"sumber/{PurePosixPath(source_name).stem}.txt"},
        },
        address=PurePosixPath("jawa-timur/lumajang/senduro/2025.yml") if known else None,
        recognised=[Finding(1, "judul", "judul dokumen")] if known else [],
        unsure=[
            Finding(row, f"tabel_indikator[0].baris[0].indikator[{i}].rumus", "rumus tanpa pecahan; periksa")
            for i, row in enumerate(rows)
        ],
        unrecognised=[(n, line) for n, line in enumerate(lines, 1) if line.startswith("Catatan")],
        proposals=[] if known else [Finding(1, "wilayah", "instansi tidak ada di content/wilayah.yml; usulan baru")],
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The published content at ``tmp_path/content``, the working directory at ``tmp_path``, the fake reader."""
    shutil.copytree(PUBLISHED, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(import_command, "import_text", fake_reader)
    return tmp_path


def iku(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["import", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def files_under(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def expected_draft(text: str, name: str) -> str:
    return draft_yaml(fake_reader(text, name, None))


def test_a_text_becomes_a_draft_where_its_document_belongs_and_the_editor_is_told_what_to_review(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    status, out, err = iku(capsys, "iku-senduro.txt")
    assert (status, err) == (0, "")
    assert out == (
        f"Diimpor: iku-senduro.txt → {SENDURO}\n"
        "Ditulis: content/sumber/iku-senduro.txt (sumber yang disebut draf itu)\n"
        "Dikenali (1):\n"
        "  iku-senduro.txt:1 → judul: judul dokumen\n"
        "Kurang yakin, periksa (1):\n"
        "  iku-senduro.txt:4 → tabel_indikator[0].baris[0].indikator[0].rumus: rumus tanpa pecahan; periksa\n"
        "Tidak dikenali: 1 baris (baris 5), disalin ke bagian `tidak_dikenali` di akhir draf\n"
        f"Lanjutkan: {REVIEW}, {NEXT}\n"
    )
    assert (project / SENDURO).read_text(encoding="utf-8") == expected_draft(SENDURO_TEXT, "iku-senduro.txt")
    assert (project / "content/sumber/iku-senduro.txt").read_bytes() == (project / "iku-senduro.txt").read_bytes()


def test_a_source_already_in_content_is_not_copied_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    shutil.copy(project / "iku-senduro.txt", project / "content/sumber/iku-senduro.txt")
    status, out, _ = iku(capsys, "iku-senduro.txt")
    assert status == 0
    assert out.splitlines()[:2] == [f"Diimpor: iku-senduro.txt → {SENDURO}", "Dikenali (1):"]


def test_another_source_under_the_same_name_is_never_replaced_and_no_draft_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    (project / "content/sumber/iku-senduro.txt").write_text("teks lain\n", encoding="utf-8")
    before = files_under(project / "content")
    assert iku(capsys, "iku-senduro.txt") == (
        1,
        "",
        "Galat: content/sumber/iku-senduro.txt sudah ada dengan isi lain; tidak ada yang ditimpa (ganti nama berkas "
        "sumber, atau tulis draf ke folder lain dengan --keluaran FOLDER)\n",
    )
    assert files_under(project / "content") == before
    assert (project / "content/sumber/iku-senduro.txt").read_text(encoding="utf-8") == "teks lain\n"


def test_when_the_draft_cannot_be_written_its_source_copy_is_taken_back(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    (project / SENDURO).parent.mkdir(parents=True, exist_ok=True)
    (project / SENDURO).write_text("# disunting editor\n", encoding="utf-8")
    status, _, _ = iku(capsys, "iku-senduro.txt")
    assert status == 1
    assert not (project / "content/sumber/iku-senduro.txt").exists()


def test_a_byte_order_mark_and_windows_line_ends_are_read_as_plain_lines(tmp_path: Path) -> None:
    source = tmp_path / "iku.md"
    source.write_bytes(b"\xef\xbb\xbf" + SENDURO_TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert read_source(source).text == SENDURO_TEXT


def test_a_draft_whose_body_is_not_in_the_catalogue_goes_to_the_drafts_folder_beside_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "INDIKATOR KINERJA UTAMA DINAS PARIWISATA TAHUN 2025\n"
    (project / "unduhan").mkdir()
    (project / "unduhan" / "iku-dispar.txt").write_text(text, encoding="utf-8")
    status, out, _ = iku(capsys, "unduhan/iku-dispar.txt")
    assert status == 0
    assert out.splitlines()[0] == "Diimpor: unduhan/iku-dispar.txt → draf/iku-dispar.yml"
    assert out.splitlines()[-3:] == [
        "Usulan entri katalog baru (1):",
        "  unduhan/iku-dispar.txt:1 → wilayah: instansi tidak ada di content/wilayah.yml; usulan baru",
        f"Lanjutkan: {REVIEW}; tambahkan instansi dan wilayahnya ke content/wilayah.yml (lihat usulan di atas), "
        "pindahkan draf ke tempatnya di content/dokumen/, salin unduhan/iku-dispar.txt ke "
        f"content/sumber/iku-dispar.txt, {NEXT}",
    ]
    assert (project / "draf" / "iku-dispar.yml").read_text(encoding="utf-8") == expected_draft(text, "iku-dispar.txt")


def test_keluaran_puts_every_draft_in_the_folder_given(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    status, out, _ = iku(capsys, "iku-senduro.txt", "--keluaran", "banding")
    assert status == 0
    assert out.splitlines()[0] == "Diimpor: iku-senduro.txt → banding/jawa-timur/lumajang/senduro/2025.yml"
    assert files_under(project / "banding") == ["jawa-timur/lumajang/senduro/2025.yml"]


def test_an_existing_content_file_is_never_overwritten(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / SENDURO).parent.mkdir(parents=True, exist_ok=True)
    (project / SENDURO).write_text("# disunting editor\n", encoding="utf-8")
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    before = files_under(project / "content")
    status, out, err = iku(capsys, "iku-senduro.txt")
    assert (status, out) == (1, "")
    assert err == (
        f"Galat: {SENDURO} sudah ada; tidak ada yang ditimpa (pindahkan atau hapus dulu berkas itu, "
        "atau tulis draf ke folder lain dengan --keluaran FOLDER)\n"
    )
    assert (project / SENDURO).read_text(encoding="utf-8") == "# disunting editor\n"
    assert files_under(project / "content") == before


def test_a_draft_interrupted_while_written_leaves_nothing_behind(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: str, target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(import_command.os, "link", interrupted)
    target = project / "content/dokumen/jawa-timur/lumajang/senduro-baru/2025.yml"
    before = files_under(project)
    with pytest.raises(KeyboardInterrupt):
        import_command.write_new(target, "jenis: iku\n")
    assert files_under(project) == before
    assert not (project / "content/dokumen/jawa-timur/lumajang/senduro-baru").exists()


def test_a_file_not_saved_as_utf8_is_named_with_the_line_of_its_first_wrong_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "iku.txt").write_bytes("INDIKATOR\n\nKecamatan Senduro — Café\n".encode("cp1252"))
    status, out, err = iku(capsys, "iku.txt")
    assert (status, out) == (1, "")
    assert err == (
        "Galat: iku.txt:3: berkas bukan teks UTF-8 (byte 97, `—` dalam Windows-1252); "
        "simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)\n"
    )
    assert not (project / "draf").exists()


def test_other_kinds_of_file_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "iku.docx").write_bytes(b"PK\x03\x04")
    assert iku(capsys, "iku.docx") == (
        1,
        "",
        "Galat: iku.docx: jenis berkas .docx tidak dapat diimpor; berikan teks hasil ekstraksi (.txt, .md) "
        "atau PDF (.pdf)\n",
    )


def test_a_missing_file_is_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert iku(capsys, "tidak-ada.txt") == (
        1,
        "",
        "Galat: tidak-ada.txt tidak ada; berikan berkas (.txt, .md, .pdf) atau folder berisi berkas itu\n",
    )


def pdf(*pages: list[tuple[int, int, str]], password: str | None = None) -> bytes:
    """A PDF whose pages show each text at (x, y) in Helvetica, as a word processor would print a table."""
    writer = PdfWriter()
    for shown in pages:
        page = writer.add_blank_page(595, 842)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        stream.set_data("\n".join(f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET" for x, y, text in shown).encode())
        page.replace_contents(ArrayObject([writer._add_object(stream)]) if shown else ArrayObject())
    if password is not None:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


TABLE_PAGE = [
    (50, 800, "INDIKATOR KINERJA UTAMA KECAMATAN SENDURO TAHUN 2025"),
    *[(x, 760, text) for x, text in ((50, "No"), (80, "Sasaran Strategis"), (300, "Indikator Kinerja Utama"))],
    (470, 760, "Rumus"),
    *[(x, 745, text) for x, text in ((50, "1."), (80, "Meningkatnya kualitas pelayanan"), (300, "Nilai IKM"))],
    (470, 745, "Nilai IKM"),
    (80, 733, "publik"),
    (300, 721, "Nilai SAKIP"),
    (470, 721, "Nilai SAKIP"),
]


def test_a_pdf_s_table_comes_out_with_its_cells_tab_separated(tmp_path: Path) -> None:
    source = tmp_path / "iku.pdf"
    source.write_bytes(pdf(TABLE_PAGE))
    assert read_source(source).text == (
        "INDIKATOR KINERJA UTAMA KECAMATAN SENDURO TAHUN 2025\n"
        "\n"
        "No\tSasaran Strategis\tIndikator Kinerja Utama\tRumus\n"
        "1.\tMeningkatnya kualitas pelayanan\tNilai IKM\tNilai IKM\n"
        "\tpublik\n"
        "\t\tNilai SAKIP\tNilai SAKIP\n"
    )


def test_a_pdf_s_draft_is_read_from_its_text_kept_beside_the_original_and_a_blank_page_is_noted(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "iku-senduro.pdf").write_bytes(pdf(TABLE_PAGE, []))
    status, out, _ = iku(capsys, "iku-senduro.pdf")
    assert status == 0
    assert out == (
        f"Diimpor: iku-senduro.pdf → {SENDURO}\n"
        "Ditulis: content/sumber/iku-senduro.txt (sumber yang disebut draf itu)\n"
        "Ditulis: content/sumber/iku-senduro.pdf (sumber yang disebut draf itu)\n"
        "Dikenali (1):\n"
        "  content/sumber/iku-senduro.txt:1 → judul: judul dokumen\n"
        "Kurang yakin, periksa (1):\n"
        "  content/sumber/iku-senduro.txt:4 → tabel_indikator[0].baris[0].indikator[0].rumus: rumus tanpa pecahan; "
        "periksa\n"
        "Tidak dikenali: 0 baris\n"
        "Catatan: halaman 2 tidak berisi teks (gambar atau kosong); periksa dengan PDF aslinya\n"
        f"Lanjutkan: {REVIEW}, {NEXT}\n"
    )
    text = (project / "content/sumber/iku-senduro.txt").read_text(encoding="utf-8")
    assert text == read_source(project / "iku-senduro.pdf").text
    assert (project / "content/sumber/iku-senduro.pdf").read_bytes() == (project / "iku-senduro.pdf").read_bytes()
    draft = fake_reader(text, "iku-senduro.txt", None)
    draft.data["sumber"]["asli"] = "sumber/iku-senduro.pdf"
    assert (project / SENDURO).read_text(encoding="utf-8") == draft_yaml(draft)


def test_a_pdf_without_text_is_refused_and_nothing_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pindaian.pdf").write_bytes(pdf([], []))
    before = files_under(project)
    assert iku(capsys, "pindaian.pdf") == (
        1,
        "",
        "Galat: pindaian.pdf: PDF ini tidak berisi teks; kemungkinan hasil pindaian (gambar halaman) — jalankan OCR "
        "dulu (mis. `ocrmypdf berkas.pdf berkas-ocr.pdf`), lalu impor PDF hasilnya\n",
    )
    assert files_under(project) == before


def test_a_pdf_locked_with_a_password_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "terkunci.pdf"
    source.write_bytes(pdf(TABLE_PAGE, password="rahasia"))
    with pytest.raises(IkuError) as caught:
        read_source(source)
    assert str(caught.value) == (
        f"{source}: PDF ini dilindungi kata sandi; buka dengan kata sandinya dan simpan (cetak) ulang sebagai PDF "
        "tanpa kata sandi, lalu impor lagi"
    )


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    # Published documents are often locked against editing only: they open without a password.
    source = tmp_path / "dikunci-pemilik.pdf"
    source.write_bytes(pdf(TABLE_PAGE, password=""))
    assert read_source(source).text.startswith("INDIKATOR KINERJA UTAMA KECAMATAN SENDURO TAHUN 2025\n")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"<html>IKU</html>", "bukan PDF (tidak diawali %PDF-); berkas rusak atau berakhiran salah"),
        (b"%PDF-1.7\n1 0 obj\n<<", "PDF rusak atau tidak lengkap, tidak dapat dibaca"),
    ],
)
def test_a_broken_pdf_is_named_not_a_traceback(tmp_path: Path, raw: bytes, message: str) -> None:
    source = tmp_path / "rusak.pdf"
    source.write_bytes(raw)
    with pytest.raises(IkuError) as caught:
        read_source(source)
    assert str(caught.value).startswith(f"{source}: {message}")


def test_a_truncated_pdf_is_named_not_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "terpotong.pdf"
    source.write_bytes(pdf(TABLE_PAGE)[:400])
    with pytest.raises(IkuError) as caught:
        read_source(source)
    assert str(caught.value).startswith(f"{source}: PDF rusak atau tidak lengkap, tidak dapat dibaca")


def test_a_folder_imports_every_document_in_order_and_one_bad_file_stops_none_of_the_others(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project / "unduhan"
    (folder / "lama").mkdir(parents=True)
    (folder / "b-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    (folder / "a-rusak.txt").write_bytes(b"IKU \xe9\n")
    (folder / "lama" / "dispar.md").write_text("IKU DINAS PARIWISATA\n", encoding="utf-8")
    (folder / "daftar.xlsx").write_bytes(b"PK")
    status, out, err = iku(capsys, "unduhan")
    assert status == 1
    assert err == (
        "Galat: unduhan/a-rusak.txt:1: berkas bukan teks UTF-8 (byte E9, `é` dalam Windows-1252); "
        "simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)\n"
        "1 dari 3 berkas gagal diimpor.\n"
    )
    table = out[out.index("Ringkasan impor") :]
    gap = " " * 101
    assert table.splitlines() == [
        "Ringkasan impor",
        "",
        "  berkas                   instansi            periode   indikator   kurang yakin   tidak dikenali   "
        "ditulis ke / galat",
        " " + "─" * 198,
        "  unduhan/a-rusak.txt"
        + " " * 80
        + "GALAT: unduhan/a-rusak.txt:1: berkas bukan teks UTF-8 (byte E9, `é` dalam "
        "Windows-1252); simpan",
        gap + "ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)",
        "  unduhan/b-senduro.txt    KECAMATAN SENDURO   2025              1              1                1   "
        f"{SENDURO}",
        "  unduhan/lama/dispar.md   ?                   2025              0              0                0   "
        "draf/lama/dispar.yml",
    ]
    assert files_under(project / "draf") == ["lama/dispar.yml"]
    assert (project / SENDURO).is_file()
    assert out.startswith(
        f"Diimpor: unduhan/b-senduro.txt → {SENDURO}\n"
        "Ditulis: content/sumber/b-senduro.txt (sumber yang disebut draf itu)\n"
        "Dikenali: 1 bagian\n"
    )


@pytest.mark.parametrize("text", ["", "\n\n", " \t\r\n"])
def test_an_empty_text_is_refused_and_nothing_written(
    project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    (project / "kosong.txt").write_text(text, encoding="utf-8")
    before = files_under(project)
    assert iku(capsys, "kosong.txt") == (1, "", "Galat: kosong.txt: berkas kosong, tidak ada teks untuk diimpor\n")
    assert files_under(project) == before


def test_a_folder_without_documents_is_told(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "kosong").mkdir()
    (project / "kosong" / "catatan.docx").write_bytes(b"PK")
    assert iku(capsys, "kosong") == (1, "", "Galat: tidak ada berkas .txt, .md atau .pdf di kosong\n")


def test_the_command_runs_with_the_real_reader_and_writes_one_draft(tmp_path: Path) -> None:
    shutil.copytree(PUBLISHED, tmp_path / "content")
    (tmp_path / "iku.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    result = run_iku("import", "iku.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    written = result.stdout.splitlines()[0].removeprefix("Diimpor: iku.txt → ")
    assert (tmp_path / written).is_file()
    assert result.stdout.splitlines()[-1].endswith(NEXT)


def test_a_ruled_table_printed_to_pdf_by_a_browser_comes_out_a_row_per_line_its_wrapped_cells_whole(
    browser: Browser, tmp_path: Path
) -> None:
    # A real renderer's PDF: embedded subset fonts, a table with borders, headings and cells wrapped over lines.
    cells = ["1.", "Meningkatnya kualitas pelayanan publik di kecamatan", "Nilai IKM Kecamatan", "Hasil Survei"]
    rows = "".join(f"<td>{cell}</td>" for cell in cells)
    page = browser.new_page()
    page.set_content(
        "<p>INDIKATOR KINERJA UTAMA KECAMATAN SENDURO TAHUN 2025</p>"
        "<table border='1' style='width: 50%'><tr><th>No</th><th>Sasaran Strategis</th><th>Indikator Kinerja</th>"
        f"<th>Sumber Data</th></tr><tr>{rows}</tr></table><p>Lumajang, 10 Januari 2025</p>"
    )
    page.pdf(path=str(tmp_path / "cetak.pdf"), format="A4")
    page.close()
    with pdfplumber.open(tmp_path / "cetak.pdf") as printed:
        assert cells[1] not in printed.pages[0].extract_text(), "the browser wrapped no cell: the test shows nothing"
    assert read_source(tmp_path / "cetak.pdf").text == (
        "INDIKATOR KINERJA UTAMA KECAMATAN SENDURO TAHUN 2025\n"
        "\n"
        "No\tSasaran Strategis\tIndikator Kinerja\tSumber Data\n" + "\t".join(cells) + "\n\nLumajang, 10 Januari 2025\n"
    )


def test_ligatures_drawn_as_one_glyph_come_out_as_their_letters(tmp_path: Path) -> None:
    # \257 is the "fl" ligature in Helvetica's standard encoding: a search for "konflik" must find it
    # (pdfplumber's words expand ligatures).
    source = tmp_path / "ligatur.pdf"
    source.write_bytes(pdf([(50, 800, r"Penanganan kon\257ik sosial")]))
    assert read_source(source).text == "Penanganan konflik sosial\n"


class Terminal(io.StringIO):
    """Standard error as a person's terminal shows it."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("ci", "shown"), [(None, True), ("true", False)])
def test_the_progress_bar_is_for_a_terminal_and_never_in_ci(
    monkeypatch: pytest.MonkeyPatch, ci: str | None, shown: bool
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(import_command.sys, "stderr", terminal)
    for name in ("CI", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    if ci is not None:
        monkeypatch.setenv("CI", ci)
    assert list(import_command._progress([Path("a.txt"), Path("b.txt")])) == [Path("a.txt"), Path("b.txt")]
    assert ("Mengimpor" in terminal.getvalue()) is shown


def test_a_pdf_s_draft_without_a_place_has_its_text_beside_it_and_says_what_to_copy_where(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "dispar.pdf").write_bytes(pdf([(50, 800, "IKU DINAS PARIWISATA 2025"), *TABLE_PAGE[1:]]))
    status, out, _ = iku(capsys, "dispar.pdf")
    assert status == 0
    assert out.splitlines()[:2] == [
        "Diimpor: dispar.pdf → draf/dispar.yml",
        "Ditulis: draf/dispar.txt (sumber yang disebut draf itu)",
    ]
    assert "  draf/dispar.txt:1 → wilayah: instansi tidak ada di content/wilayah.yml; usulan baru" in out.splitlines()
    assert out.splitlines()[-1].endswith(
        "pindahkan draf ke tempatnya di content/dokumen/, salin draf/dispar.txt ke content/sumber/dispar.txt dan "
        f"dispar.pdf ke content/sumber/dispar.pdf, {NEXT}"
    )
    assert (project / "draf/dispar.txt").read_text(encoding="utf-8") == read_source(project / "dispar.pdf").text
    assert files_under(project / "content") == files_under(PUBLISHED)


def test_catalogues_with_problems_are_reported_and_nothing_is_imported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "iku-senduro.txt").write_text(SENDURO_TEXT, encoding="utf-8")
    regions = project / "content/wilayah.yml"
    regions.write_text(regions.read_text(encoding="utf-8").replace('kode: "35.08"', "kode: 35.08", 1), "utf-8")
    before = files_under(project)
    status, out, err = iku(capsys, "iku-senduro.txt")
    assert (status, out) == (1, "")
    assert err.splitlines()[0].startswith("content/wilayah.yml:") and "kode: jenis nilai salah" in err
    assert err.splitlines()[-1] == "1 kesalahan ditemukan di konten."
    assert files_under(project) == before


def test_the_summary_lists_findings_in_the_order_of_the_lines_they_point_to() -> None:
    draft = Draft("iku.txt", {}, PurePosixPath("jawa-timur/lumajang/senduro/2025.yml"))
    draft.unsure = [Finding(98, "rumus", "pecahan disusun kembali"), Finding(5, "wilayah", "wilayah tidak dikenali")]
    imported = import_command.Imported(Path("iku.txt"), draft, Path(SENDURO))
    assert import_command.summary(imported, recognised=False).splitlines()[1:4] == [
        "Dikenali: 0 bagian",
        "Kurang yakin, periksa (2):",
        "  iku.txt:5 → wilayah: wilayah tidak dikenali",
    ]


def test_the_five_seeds_import_in_one_command_to_their_addresses_and_pass_the_check(tmp_path: Path) -> None:
    # The editor's loop on a region's documents: import the folder, then `iku check`.
    seeds = Path(__file__).parent / "fixtures" / "seeds"
    shutil.copytree(PUBLISHED, tmp_path / "content")
    published = sorted(str(path.relative_to(tmp_path)) for path in (tmp_path / "content" / "dokumen").rglob("*.yml"))
    hand_made = {name: (tmp_path / name).read_text(encoding="utf-8") for name in published}
    for name in published:
        (tmp_path / name).unlink()
    shutil.copytree(seeds, tmp_path / "unduhan")
    result = run_iku("import", "unduhan", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    table = result.stdout[result.stdout.index("Ringkasan impor") :]
    decree = next(line for line in table.splitlines() if "002_" in line)
    appendix_rows = hand_made[next(name for name in published if "keputusan" in name)].count("- id:")
    assert decree.split()[1:5] == ["Bupati", "Lumajang", "?", str(appendix_rows)]
    imported = sorted(str(path.relative_to(tmp_path)) for path in (tmp_path / "content" / "dokumen").rglob("*.yml"))
    assert imported == published
    check = run_iku("check", cwd=tmp_path)
    assert (check.returncode, check.stdout.splitlines()[-1]) == (0, "Konten valid: 5 dokumen, 21 regulasi.")
