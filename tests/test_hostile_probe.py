"""Issue 15, re-probed: every problem in every file in one run, and two new inputs of each hostile class.

Each case ends as the issue demands: rejected with the exact report an editor reads, or
built with nothing active, nothing lost and a bounded amount of work.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PUBLISHED, build_site, edit, git, run_iku, visible_text

from generator.content.errors import ContentError
from generator.content.load import load_content
from generator.content.provenance import MAX_SUMMARY, read_history
from generator.content.yaml_source import MAX_SYNTAX_PROBLEMS
from generator.publishing.build import generate

SENDURO = "content/dokumen/jawa-timur/lumajang/senduro/2024.yml"
MANTUP = "content/dokumen/jawa-timur/lamongan/mantup/2021-2026.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The content as first published, at ``tmp_path/content``."""
    shutil.copytree(PUBLISHED, tmp_path / "content")
    return tmp_path


# --- Every problem in every file, in one run -------------------------------------------------


def break_senduro_twice(project: Path) -> None:
    edit(project / SENDURO, "  nama: KECAMATAN SENDURO\n", "\tnama: KECAMATAN SENDURO\n")
    edit(
        project / SENDURO,
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: Presentase: Pelayanan PATEN sesuai SP dan SOP",
    )


SENDURO_TWICE = f"""\
{SENDURO}:5:1: YAML tidak valid: ada karakter tab
    ditemukan: `→nama: KECAMATAN SENDURO`
    saran: gunakan spasi untuk indentasi, bukan tab
{SENDURO}:42:29: YAML tidak valid: ada titik dua yang tidak dapat dibaca sebagai `kunci: nilai`
    ditemukan: `nama: Presentase: Pelayanan PATEN sesuai SP dan SOP`
    saran: bila teksnya memuat ": ", tulis seluruh teks dalam tanda kutip, mis. nama: "Rasio: jumlah"; \
bila tidak, samakan indentasi baris ini dengan kunci lain di tingkatnya
"""


def test_four_syntax_errors_in_two_files_are_four_reports(project: Path) -> None:
    break_senduro_twice(project)
    edit(project / "content/wilayah.yml", 'kode: "35.08"\n', 'kode: "35.08\n')
    edit(project / "content/wilayah.yml", "nama: Jember\n", "nama: Jember: Kabupaten\n")
    result = run_iku("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr == SENDURO_TWICE + (
        "content/wilayah.yml:16:15: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup\n"
        '    ditemukan: `kode: "35.08`\n'
        '    saran: tutup teks dengan tanda kutip yang sama, mis. nama: "ABDUL BASAR"\n'
        "content/wilayah.yml:33:21: YAML tidak valid: ada titik dua yang tidak dapat dibaca sebagai `kunci: nilai`\n"
        "    ditemukan: `nama: Jember: Kabupaten`\n"
        '    saran: bila teksnya memuat ": ", tulis seluruh teks dalam tanda kutip, mis. nama: "Rasio: jumlah"; '
        "bila tidak, samakan indentasi baris ini dengan kunci lain di tingkatnya\n"
        "catatan: content/wilayah.yml belum dapat dibaca, jadi wilayah dokumen (`wilayah:`) dan alamat lama "
        "wilayah belum diperiksa; perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi\n"
        "4 kesalahan ditemukan di konten.\n"
    )


def test_a_syntax_error_hides_neither_keys_written_twice_nor_errors_in_later_entries(project: Path) -> None:
    edit(project / SENDURO, "periode:\n  mulai: 2024\n", "periode:\n  mulai: [2024\n")
    edit(
        project / SENDURO,
        "              - Kasubag Keuangan\n            catatan_editor:",
        "              - 'Kasubag Keuangan\n            catatan_editor:",
    )
    edit(project / SENDURO, "keputusan: kepbup", "judul: lagi\nkeputusan: kepbup")
    result = run_iku("check", cwd=project)
    assert result.stderr == (
        f"{SENDURO}:11:10: YAML tidak valid: daftar yang dibuka dengan `[` di sini tidak ditutup\n"
        "    ditemukan: `mulai: [2024`\n"
        "    saran: tutup daftar dengan `]`; butir yang memuat koma atau titik dua ditulis dalam tanda kutip\n"
        f"{SENDURO}:12:1: judul: kunci ditulis dua kali\n"
        "    diharapkan: setiap kunci sekali saja dalam satu bagian\n"
        "    ditemukan: `judul` di baris 3 dan 12\n"
        "    saran: nilai yang pertama akan hilang tanpa pemberitahuan; gabungkan keduanya atau hapus salah satu\n"
        f"{SENDURO}:36:17: YAML tidak valid: tanda kutip dibuka di sini tetapi tidak ditutup\n"
        "    ditemukan: `- 'Kasubag Keuangan`\n"
        '    saran: tutup teks dengan tanda kutip yang sama, mis. nama: "ABDUL BASAR"\n'
        "3 kesalahan ditemukan di konten.\n"
    )


def test_a_broken_catalogue_still_lets_every_document_be_checked(project: Path) -> None:
    # regulasi.yml fails the model; the documents' own mistakes and their regions are still reported,
    # and a reference to a regulation (which cannot be checked now) is left for the next run.
    edit(project / "content/regulasi.yml", "    tahun: 1950\n", "    tahun: seribu\n")
    edit(project / SENDURO, "kecamatan: senduro", "kecamatan: sendoro")
    edit(
        project / MANTUP,
        '  nama: "KECAMATAN MANTUP KABUPATEN LAMONGAN"\n',
        '  nama: "KECAMATAN MANTUP KABUPATEN LAMONGAN"\n  warna: biru\n',
    )
    result = run_iku("check", "--format", "json", cwd=project)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(p["file"], p["line"], p["field"], p["message"]) for p in report["problems"]] == [
        (MANTUP, 6, "instansi.warna", "kunci tidak dikenal"),
        (SENDURO, 9, "wilayah.kecamatan", "kecamatan tidak ditemukan di kabupaten `lumajang`"),
        ("content/regulasi.yml", 6, "regulasi[0].tahun", "jenis nilai salah"),
    ]
    assert report["notes"] == [
        "content/regulasi.yml belum dapat dibaca, jadi regulasi yang dirujuk dokumen (`regulasi:`, `mengingat:`) "
        "belum diperiksa; perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi"
    ]
    assert report["count"] == 3


def test_a_file_with_more_syntax_errors_than_anyone_fixes_at_once_is_read_a_bounded_number_of_times(
    project: Path,
) -> None:
    # Each further report costs one more parse; a hostile file with an error on every item gets ten.
    path = project / "content/regulasi.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line.replace("judul: ", "judul: a: ") for line in lines), encoding="utf-8")
    problems = [line for line in run_iku("check", cwd=project).stderr.splitlines() if "YAML tidak valid" in line]
    assert len(problems) == MAX_SYNTAX_PROBLEMS == 10


# --- The probe's classes, two new inputs each -----------------------------------------------


@pytest.fixture
def content(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project / "content"


def reports(content: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return "\n".join(str(problem) for problem in caught.value.problems) + "\n"


SOURCE = "sumber/003_9adf7fbf4bcb75cb.txt"


# (a) what is published is decided by what is read


def test_a_document_file_linked_to_another_document_is_refused(content: Path) -> None:
    (content / "dokumen/jawa-timur/lumajang/senduro/2025.yml").symlink_to("2024.yml")
    assert reports(content) == (
        "content/dokumen/jawa-timur/lumajang/senduro/2025.yml:11:3: periode: alamat /jawa-timur/lumajang/senduro/2024/ "
        f"sudah dipakai oleh {SENDURO}\n"
        "    saran: dua halaman tidak boleh punya alamat yang sama\n"
    )


@pytest.mark.parametrize(
    ("make", "found"),
    [(lambda path: path.mkdir(), "folder"), (lambda path: os.mkfifo(path), "pipa, soket atau perangkat")],
    ids=["folder", "pipe"],
)
def test_a_source_that_is_a_folder_or_a_pipe_is_refused(
    content: Path, make: Callable[[Path], None], found: str
) -> None:
    # A folder under the source's name ended in IsADirectoryError.
    (content / SOURCE).unlink()
    make(content / SOURCE)
    assert reports(content) == (
        f"{SENDURO}:98:11: sumber.berkas: berkas sumber bukan berkas biasa\n"
        "    diharapkan: berkas .txt atau .pdf\n"
        f"    ditemukan: {found}\n"
        "    saran: simpan dokumen aslinya sebagai satu berkas .txt atau .pdf di content/sumber/\n"
    )


# (b) glossary entries and (h) spreadsheet cells, in one build


GLOSSARY_COLLIDING = (
    "  - singkatan: IKM\n",
    "  - singkatan: amp\n    kepanjangan: ampere\n    dari_sumber: false\n    keterangan: Satuan arus listrik.\n"
    "  - singkatan: title\n    kepanjangan: judul\n    dari_sumber: false\n    keterangan: Kata Inggris.\n"
    "  - singkatan: IKM\n",
)
EXPANSION_WITH_MARKUP = (
    "    kepanjangan: Indeks Kepuasan Masyarakat\n",
    "    kepanjangan: 'Indeks \" onmouseover=\"alert(1) <script>alert(2)</script>'\n",
)
NOTE = "Arus 5 amp & tegangan; title <b>tebal</b>"


def test_glossary_entries_named_like_markup_and_formula_like_cells_publish_nothing_active(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(PUBLISHED, content)
    edit(content / "glosarium.yml", *GLOSSARY_COLLIDING)
    edit(content / "glosarium.yml", *EXPANSION_WITH_MARKUP)
    senduro = content / SENDURO.removeprefix("content/")
    edit(senduro, "\ncatatan_editor:\n", f"\ncatatan_editor:\n  - '{NOTE}'\n")
    edit(senduro, "nama: Presentase Pelayanan PATEN sesuai SP dan SOP", 'nama: \' =HYPERLINK("http://x","klik")\'')
    edit(
        senduro,
        "              - Kasi Pelayanan Umum\n            penanggung_jawab:",
        "              - Kasi Pelayanan Umum\n              - '=1+1'\n            penanggung_jawab:",
    )
    (tmp_path / "project").mkdir()
    result = build_site(tmp_path / "project", content)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "project/site"
    page = BeautifulSoup((site / "jawa-timur/lumajang/senduro/2024/index.html").read_text("utf-8"), "html.parser")
    article = page.select_one("article")
    assert article is not None
    # The text reads as written, abbreviations marked only in text, never inside an entity or attribute.
    assert NOTE in visible_text(article)
    assert [(abbr.get("title"), abbr.text) for abbr in article.find_all("abbr", string=["amp", "title"])] == [
        ("ampere", "amp"),
        ("judul", "title"),
    ]
    with_ikm = BeautifulSoup((site / "jawa-timur/lumajang/lumajang/2020/index.html").read_text("utf-8"), "html.parser")
    ikm = with_ikm.find("abbr", string="IKM")
    assert ikm is not None and ikm["title"] == 'Indeks " onmouseover="alert(1) <script>alert(2)</script>'
    for shown in (page, with_ikm):
        handlers = [(tag.name, name) for tag in shown.find_all(True) for name in tag.attrs if name.startswith("on")]
        assert handlers == []
        assert all("alert" not in (script.string or "") for script in shown.find_all("script"))
    # A cell a spreadsheet would evaluate starts with an apostrophe; one that starts with text is left alone.
    rows = list(csv.DictReader(io.StringIO((site / "data/indikator.csv").read_text("utf-8-sig"))))
    row = next(row for row in rows if row["id"] == "persentase-pelayanan-paten-sesuai-sp-sop")
    assert (row["indikator"], row["sumber_data"]) == ('\'=HYPERLINK("http://x","klik")', "Kasi Pelayanan Umum\n=1+1")


# (c) git history and (g) the environment the tools run in


def committed(repo: Path) -> Path:
    shutil.copytree(PUBLISHED, repo / "content")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Perbaikan ejaan: Désa")
    return repo / "content"


def test_git_settings_of_the_repository_do_not_change_the_history_read(tmp_path: Path) -> None:
    content = committed(tmp_path / "repo")
    git(tmp_path / "repo", "config", "i18n.logOutputEncoding", "ISO-8859-1")
    git(tmp_path / "repo", "config", "log.showSignature", "true")
    changes = read_history(content).of("dokumen/jawa-timur/lumajang/senduro/2024.yml").changes
    assert [change.summary for change in changes] == ["Perbaikan ejaan: Désa"]


def test_git_dir_in_the_environment_does_not_bring_another_repositorys_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = committed(tmp_path / "repo")
    other = tmp_path / "other"
    (other / "dokumen").mkdir(parents=True)
    (other / "dokumen/palsu.yml").write_text("x: 1\n", encoding="utf-8")
    git(other, "init", "-q")
    git(other, "add", ".")
    git(other, "commit", "-qm", "Riwayat repositori lain")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    history = read_history(content)
    assert history.of("dokumen/palsu.yml").changes == []
    assert [c.summary for c in history.of("dokumen/jawa-timur/lumajang/senduro/2024.yml").changes] == [
        "Perbaikan ejaan: Désa"
    ]


def test_a_commit_subject_is_published_up_to_a_bounded_length(tmp_path: Path) -> None:
    content = committed(tmp_path / "repo")
    edit(content / SENDURO.removeprefix("content/"), "nama: KECAMATAN SENDURO\n", "nama: KECAMATAN SENDURO \n")
    message = tmp_path / "pesan"
    message.write_text("<b>panjang</b> " * 20_000, encoding="utf-8")
    git(tmp_path / "repo", "commit", "-qa", "-F", str(message))
    newest = read_history(content).of("dokumen/jawa-timur/lumajang/senduro/2024.yml").changes[0]
    assert newest.summary == ("<b>panjang</b> " * 20)[: MAX_SUMMARY - 1] + "…"


def test_node_options_in_the_environment_run_nothing_inside_the_formula_renderer(tmp_path: Path) -> None:
    marker = tmp_path / "dijalankan"
    script = tmp_path / "jahat.js"
    script.write_text(f"require('fs').writeFileSync({json.dumps(str(marker))}, 'ya');\n", encoding="utf-8")
    # A formula no cache holds, so the worker starts; the cache itself is this test's own folder.
    program = (
        "import sys, pathlib, generator.content.formulas as f; f.CACHE_DIR = pathlib.Path(sys.argv[1]); "
        "print(len(f.render_formula(r'\\frac{a}{b} \\times ' + sys.argv[2])) > 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "cache"), str(os.getpid())],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"NODE_OPTIONS": f"--require {script}"},
    )
    assert (result.returncode, result.stdout, marker.exists()) == (0, "True\n", False)


# (d) cost within the check's limits: what is generated grows in step with what is written


def many_terms(content: Path, count: int) -> None:
    # Each expansion and explanation names its neighbours, and one indicator's name uses eighty of them.
    terms = "".join(
        f"  - singkatan: Zq{i}\n    kepanjangan: Istilah {i} Zq{i + 1}\n    dari_sumber: false\n"
        f"    keterangan: Zq{i - 1} dan Zq{i + 1}\n"
        for i in range(count)
    )
    edit(content / "glosarium.yml", "istilah:\n", "istilah:\n" + terms)
    names = " ".join(f"Zq{i}" for i in range(80))
    edit(
        content / SENDURO.removeprefix("content/"),
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        f"nama: {names}",
    )


def many_former_ids(content: Path, count: int) -> None:
    olds = "".join(f"\n              - lama-{i}" for i in range(count))
    indicator = "          - id: persentase-pelayanan-paten-sesuai-sp-sop\n"
    edit(content / SENDURO.removeprefix("content/"), indicator, f"{indicator}            id_lama:{olds}\n")


def generated_bytes(tmp_path: Path, grow: Callable[[Path, int], None], count: int) -> int:
    content = tmp_path / str(count) / "content"
    shutil.copytree(PUBLISHED, content)
    grow(content, count)
    output = generate(content, "Portal IKU", "https://portal-iku.github.io/portal-iku/")
    pages = sum(len(text.encode("utf-8")) for text in output.pages.values())
    return pages + sum(len(data) for data in output.files.values() if isinstance(data, bytes))


@pytest.mark.parametrize("grow", [many_terms, many_former_ids], ids=["abbreviations", "former-ids"])
def test_generated_output_grows_linearly(tmp_path: Path, grow: Callable[[Path, int], None]) -> None:
    small, middle, large = (generated_bytes(tmp_path, grow, count) for count in (100, 200, 400))
    # Doubling what is written adds at most a little more than twice as much (the numbers get a digit longer).
    assert middle - small < large - middle < 2.2 * (middle - small)


# Exact reports: (e) redirects, (f) formulas, (i) dropped input, (j) tracebacks, (l) editors' traps

DECREE = "dokumen/jawa-timur/lumajang/keputusan-188.45-326-427.12-2019.yml"
FORMULA = (
    "latex: '\\frac{\\text{Jumlah pelayanan paten yang dilaksanakan sesuai SP dan SOP}}"
    "{\\text{Jumlah pelayanan yang diajukan oleh masyarakat}} \\times 100'"
)
REGENCY = "      - id: lumajang\n        nama: Lumajang\n"
WILAYAH_NOTE = (
    "catatan: content/wilayah.yml belum dapat dibaca, jadi wilayah dokumen (`wilayah:`) dan alamat lama wilayah "
    "belum diperiksa; perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi\n"
)
REPORTS = [
    (
        "e-decree-with-10001-former-ids",
        DECREE,
        "jenis: keputusan\n",
        "jenis: keputusan\nid_lama:\n" + "".join(f"  - lama-{i}\n" for i in range(10_001)),
        f"content/{DECREE}:10004:5: id_lama[10000]: terlalu banyak halaman pengalihan\n"
        "    diharapkan: paling banyak 10000 halaman pengalihan di seluruh situs\n"
        "    ditemukan: 10001 halaman pengalihan\n"
        "    saran: setiap id lama keputusan atau alamat lama dokumen membuat satu halaman pengalihan; "
        "hapus yang tidak diperlukan lagi\n",
    ),
    (
        "e-former-id-of-a-kabupaten-is-its-siblings-id",
        "wilayah.yml",
        REGENCY,
        "      - id: lumajang\n        id_lama: [lamongan]\n        nama: Lumajang\n",
        "content/wilayah.yml:25:13: provinsi[0].kabupaten[1].id: "
        "id sudah dipakai di provinsi[0].kabupaten[0].id_lama[0]\n"
        "    diharapkan: id yang belum dipakai\n"
        '    ditemukan: "lamongan"\n'
        "    saran: setiap id harus unik\n",
    ),
    (
        "f-zero-width-space-in-a-formula",
        SENDURO.removeprefix("content/"),
        FORMULA,
        "latex: '\\text{Jumlah\u200bDesa} \\times 100'",
        f"{SENDURO}:44:35: teks memuat karakter tak terlihat\n"
        "    diharapkan: teks yang tampil seperti yang tertulis\n"
        "    ditemukan: `latex: '\\text{Jumlah<U+200B>Desa} \\times 100'`\n"
        "    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata\n",
    ),
    (
        "f-white-text-in-a-formula",
        SENDURO.removeprefix("content/"),
        FORMULA,
        "latex: '\\textcolor{#ffffff}{Tersembunyi} x'",
        f"{SENDURO}:44:22: tabel_indikator[0].baris[1].indikator[0].rumus.latex: "
        "perintah LaTeX ini tidak diizinkan di rumus\n"
        "    diharapkan: perintah matematika saja, mis. `\\frac`, `\\text`, `\\times`\n"
        "    ditemukan: `\\textcolor`\n"
        "    saran: rumus hanya memuat matematika; tautan, gambar, warna dan atribut HTML tidak diterbitkan\n",
    ),
    (
        "f-soft-hyphen-in-a-name",
        SENDURO.removeprefix("content/"),
        "nama: Presentase Pelayanan PATEN sesuai SP dan SOP",
        "nama: Presentase Pela\u00adyanan PATEN sesuai SP dan SOP",
        f"{SENDURO}:42:34: teks memuat karakter tak terlihat\n"
        "    diharapkan: teks yang tampil seperti yang tertulis\n"
        "    ditemukan: `nama: Presentase Pela<U+00AD>yanan PATEN sesuai SP dan SOP`\n"
        "    saran: hapus karakter itu; biasanya terbawa saat menyalin dari PDF atau pengolah kata\n",
    ),
    (
        "j-not-a-number-as-a-year",
        SENDURO.removeprefix("content/"),
        "  mulai: 2024",
        "  mulai: .nan",
        f"{SENDURO}:11:10: periode.mulai: jenis nilai salah\n"
        "    diharapkan: bilangan bulat\n"
        "    ditemukan: angka .nan\n"
        "    saran: tulis dengan angka saja, mis. 2026\n",
    ),
    (
        "j-yes-as-a-boolean",
        "glosarium.yml",
        "    kepanjangan: Indikator Kinerja Utama\n    dari_sumber: true\n",
        "    kepanjangan: Indikator Kinerja Utama\n    dari_sumber: ya\n",
        "content/glosarium.yml:14:18: istilah[2].dari_sumber: jenis nilai salah\n"
        "    diharapkan: `true` atau `false`\n"
        '    ditemukan: "ya"\n'
        "    saran: tulis `true` (ya) atau `false` (tidak), tanpa tanda kutip\n"
        "catatan: content/glosarium.yml belum dapat dibaca, jadi singkatan yang ditulis dua kali belum diperiksa; "
        "perbaiki dulu masalah di berkas itu, lalu jalankan `iku check` lagi\n",
    ),
    (
        "l-region-code-with-a-trailing-zero",
        "wilayah.yml",
        'kode: "35.08"\n',
        "kode: 35.10\n",
        "content/wilayah.yml:16:15: provinsi[0].kabupaten[0].kode: jenis nilai salah\n"
        "    diharapkan: teks\n"
        "    ditemukan: angka 35.10\n"
        '    saran: tulis dalam tanda kutip: "35.10"\n' + WILAYAH_NOTE,
    ),
    (
        "l-region-code-without-dots",
        "wilayah.yml",
        'kode: "35.08"\n',
        "kode: 3508\n",
        "content/wilayah.yml:16:15: provinsi[0].kabupaten[0].kode: jenis nilai salah\n"
        "    diharapkan: teks\n"
        "    ditemukan: angka 3508\n"
        '    saran: tulis kode wilayah Kemendagri bertitik, dalam tanda kutip, mis. "35.08" atau "35.08.10"\n'
        + WILAYAH_NOTE,
    ),
]


@pytest.mark.parametrize(("name", "file", "old", "new", "report"), REPORTS, ids=[case[0] for case in REPORTS])
def test_each_probe_input_gets_its_exact_report(
    project: Path, name: str, file: str, old: str, new: str, report: str
) -> None:
    edit(project / "content" / file, old, new)
    result = run_iku("check", cwd=project)
    count = sum(1 for line in report.splitlines() if not line.startswith(("    ", "catatan: ")))
    assert (result.returncode, result.stderr) == (1, f"{report}{count} kesalahan ditemukan di konten.\n")


# (i) nothing accepted and then dropped


def test_a_source_no_document_cites_is_reported_not_silently_left_out(content: Path) -> None:
    (content / "sumber/lupa-dirujuk.txt").write_text("teks asli\n", encoding="utf-8")
    assert reports(content) == (
        "content/sumber/lupa-dirujuk.txt:1:1: "
        "berkas sumber ini tidak dirujuk dokumen mana pun, jadi tidak diterbitkan\n"
        "    diharapkan: berkas yang disebut di `sumber.berkas` sebuah dokumen\n"
        "    saran: tulis `berkas: sumber/lupa-dirujuk.txt` di bagian `sumber` dokumennya, atau hapus berkas ini\n"
    )


def test_a_hidden_copy_of_a_document_is_read_like_any_other(content: Path) -> None:
    senduro = content / SENDURO.removeprefix("content/")
    (senduro.parent / ".2025.yml").write_text(senduro.read_text(encoding="utf-8"), encoding="utf-8")
    assert reports(content) == (
        f"{SENDURO}:11:3: periode: alamat /jawa-timur/lumajang/senduro/2024/ sudah dipakai oleh "
        "content/dokumen/jawa-timur/lumajang/senduro/.2025.yml\n"
        "    saran: dua halaman tidak boleh punya alamat yang sama\n"
    )


# (k) names and values reach a CI log inert


def test_a_key_holding_a_newline_and_a_workflow_command_stays_on_its_line(project: Path) -> None:
    edit(
        project / SENDURO,
        "  nama: KECAMATAN SENDURO\n",
        '  nama: KECAMATAN SENDURO\n  "x\\n::error file=a::palsu": 1\n',
    )
    text, github = run_iku("check", cwd=project), run_iku("check", "--format", "github", cwd=project)
    assert text.stderr.splitlines()[0] == (
        f"{SENDURO}:6:3: instansi.x<U+000A>::error file=a::palsu: kunci tidak dikenal"
    )
    assert github.stdout.splitlines() == [
        f"::error file={SENDURO},line=6,col=3,title=instansi.x<U+000A>%3A%3Aerror file=a%3A%3Apalsu::"
        "kunci tidak dikenal%0Adiharapkan: salah satu dari: nama%0A"
        "ditemukan: `x<U+000A>::error file=a::palsu`%0Asaran: hapus kunci ini atau periksa ejaannya",
        "1 kesalahan ditemukan di konten.",
    ]


def test_a_file_name_holding_escapes_of_the_log_stays_one_annotation(project: Path) -> None:
    stray = project / "content/dokumen/jawa-timur/catatan%0A::error::x,y.txt"
    stray.write_text("catatan\n", encoding="utf-8")
    result = run_iku("check", "--format", "github", cwd=project)
    assert result.stdout.splitlines() == [
        "::error file=content/dokumen/jawa-timur/catatan%250A%3A%3Aerror%3A%3Ax%2Cy.txt,line=1,col=1,title=konten::"
        "berkas ini bukan dokumen dan tidak dibaca%0Adiharapkan: berkas .yml%0A"
        "saran: content/dokumen/ hanya berisi dokumen .yml; berkas sumber disimpan di content/sumber/",
        "1 kesalahan ditemukan di konten.",
    ]
