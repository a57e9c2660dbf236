"""The second hostile probe: git history, redirects, files the loader never reads, a killed
build, reports that print what they are given, and the workflows' images.

Each class of input is checked with the probe's inputs and with inputs of our own of the
same kind; each ends rejected with an exact report, or built with nothing active, nothing
lost and bounded cost.
"""

from __future__ import annotations

import contextlib
import datetime
import gzip
import json
import os
import posixpath
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DOC, GOOD, SITE_URL, edit, lay_out_project

from generator.cli.commands import main
from generator.content.printable import INVISIBLE_CHARACTERS
from generator.content.provenance import Change, read_history
from generator.pages.view import indonesian_date
from generator.publishing.build import Output, generate

FIXTURE_PAGE = "jawa-timur/lumajang/contoh/2021-2023"
DOC_IN_CONTENT = DOC.removeprefix("content/")
# 1,700,000,000 seconds: 2023-11-14 22:13:20 UTC, the next day in Jakarta.
ORDINARY_TIME = b"1700000000 +0700"
ORDINARY_DATE = datetime.date(2023, 11, 15)
CHECK_PASSES = "Konten valid: 2 dokumen, 7 regulasi.\n"
REPO_URL = "https://github.com/portal-iku/portal-iku"


def git(project: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in ``project`` with a fixed identity, ignoring the machine's git configuration."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env |= {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    env |= {"GIT_AUTHOR_DATE": "2024-03-01T10:00:00+07:00", "GIT_COMMITTER_DATE": "2024-03-01T10:00:00+07:00"}
    return subprocess.run(["git", *args], cwd=project, env=env, input=stdin, capture_output=True, check=True).stdout


def raw_commit(project: Path, message: bytes, *, time: bytes = ORDINARY_TIME, headers: bytes = b"") -> str:
    """Commit the work tree as it is, with exactly these bytes as date, extra headers and message.

    ``git commit`` would refuse or normalise them; ``git hash-object`` writes what it is given,
    as any git client, or a hand-edited object pushed to a fork, can.
    """
    git(project, "add", "-A")
    tree = git(project, "write-tree").strip()
    parent = git(project, "rev-parse", "HEAD").strip()
    identity = b"Editor <editor@example.org> " + time
    raw = b"tree %s\nparent %s\nauthor %s\ncommitter %s\n%s\n%s" % (tree, parent, identity, identity, headers, message)
    commit = git(project, "hash-object", "-t", "commit", "-w", "--stdin", stdin=raw).strip()
    git(project, "update-ref", "HEAD", commit)
    return commit.decode()


def touch_document(project: Path) -> None:
    """Change what the document says (a comment alone would not be a version of it)."""
    path = project / DOC
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("definisi: Hasil survei", "definisi: Diperiksa ulang. Hasil survei", 1), "utf-8")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The good fixture as a whole project in a git repository with one ordinary commit."""
    project = tmp_path / "proyek"
    project.mkdir()
    lay_out_project(project, GOOD)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Dokumen pertama")
    monkeypatch.chdir(project)
    return project


# -- history ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HostileHistory:
    """One kind of commit that is legal git, and what the document's history must then say."""

    id: str
    make: Callable[[Path], str]
    """Adds the commit(s) to the repository; returns the commit the document's newest change must be."""
    date: datetime.date | None
    summary: str


def _message(message: bytes, *, headers: bytes = b"") -> Callable[[Path], str]:
    def make(project: Path) -> str:
        touch_document(project)
        return raw_commit(project, message, headers=headers)

    return make


def _dated(time: bytes) -> Callable[[Path], str]:
    def make(project: Path) -> str:
        touch_document(project)
        return raw_commit(project, b"Periksa ulang\n", time=time)

    return make


def _file_named(name: bytes) -> Callable[[Path], str]:
    """A commit that adds ``content/<name>``, then one that deletes it: the name stays in history."""

    def make(project: Path) -> str:
        path = os.path.join(bytes(project / "content"), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(b"catatan\n")
        raw_commit(project, b"Tambah catatan\n")
        os.remove(path)
        # Its folders go too, as a fresh checkout would not have them (git keeps no empty folder).
        with contextlib.suppress(OSError):
            os.removedirs(os.path.dirname(path))
        raw_commit(project, b"Hapus catatan\n")
        touch_document(project)
        return raw_commit(project, b"Periksa ulang\n")

    return make


HISTORY = [
    # Subjects: bytes that git passes on as they are.
    HostileHistory(
        "subject-with-record-separator",
        _message(b"Perbaiki \x1e target\n"),
        ORDINARY_DATE,
        "Perbaiki <U+001E> target",
    ),
    HostileHistory(
        "bogus-encoding-header",
        _message(b"Perbaiki \xff\xfe target\n", headers=b"encoding bogus-xyz\n"),
        ORDINARY_DATE,
        "Perbaiki \ufffd\ufffd target",
    ),
    # Our own: Latin-1 bytes without any encoding header, and the unit separator that the
    # old parser split fields on, beside a bidi override that would reverse the row's text.
    HostileHistory(
        "latin-1-subject-without-encoding-header",
        _message(b"Perbaiki tabel k\xe9camatan\n"),
        ORDINARY_DATE,
        "Perbaiki tabel k\ufffdcamatan",
    ),
    HostileHistory(
        "subject-with-unit-separator-and-bidi-override",
        _message("Perbaiki \x1f \u202etegrat\n".encode()),
        ORDINARY_DATE,
        "Perbaiki <U+001F> <U+202E>tegrat",
    ),
    # Dates: any number git accepts.
    HostileHistory("date-after-2106", _dated(b"4300000000 +0000"), None, "Periksa ulang"),
    HostileHistory("date-in-year-10000", _dated(b"253402300800 +0000"), None, "Periksa ulang"),
    # Our own: the first day whose midnight no longer fits in 32 bits, and the epoch seen
    # from west of Greenwich (git itself refuses to format it, so the whole log was lost).
    HostileHistory("date-2106-02-08", _dated(b"4295030400 +0000"), None, "Periksa ulang"),
    HostileHistory("date-before-1970", _dated(b"0 -0100"), None, "Periksa ulang"),
    # File names: whatever bytes a file system allows, kept in history after the file is gone.
    HostileHistory(
        "deleted-file-name-not-utf-8", _file_named(b"sumber/catatan-\xe9.txt"), ORDINARY_DATE, "Periksa ulang"
    ),
    # Our own: a folder's name in an overlong (invalid) UTF-8 form, and Windows-1252 quotes.
    HostileHistory(
        "deleted-folder-name-not-utf-8",
        _file_named(b"dokumen/jawa-timur/\xc0\xaf/2024.yml"),
        ORDINARY_DATE,
        "Periksa ulang",
    ),
    HostileHistory(
        "deleted-file-name-in-windows-1252",
        _file_named(b"sumber/laporan \x93final\x94.txt"),
        ORDINARY_DATE,
        "Periksa ulang",
    ),
    # Guards of the NUL-separated reading (git quotes these names in its line-based output,
    # so the old parser was safe from them; a parser splitting on newlines would not be).
    HostileHistory(
        "deleted-file-name-with-record-separator", _file_named(b"sumber/a\x1eb.txt"), ORDINARY_DATE, "Periksa ulang"
    ),
    HostileHistory(
        "deleted-file-name-with-newline-and-a-documents-path",
        _file_named(b"x\n" + DOC_IN_CONTENT.encode()),
        ORDINARY_DATE,
        "Periksa ulang",
    ),
]


@pytest.mark.parametrize("case", HISTORY, ids=[case.id for case in HISTORY])
def test_hostile_history_is_read_and_the_check_passes(
    repository: Path, case: HostileHistory, capsys: pytest.CaptureFixture[str]
) -> None:
    commit = case.make(repository)
    assert main(["check"]) == 0
    assert capsys.readouterr() == (CHECK_PASSES, "")
    history = read_history(repository / "content").of(DOC_IN_CONTENT)
    assert history.changes[0] == Change(commit, case.date, case.summary)
    # Nothing invented: the document's history is its own two commits, in order.
    assert [change.summary for change in history.changes] == [case.summary, "Dokumen pertama"]


def iku_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator.cli", "build"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, env=env)


def gzip_mtime(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[4:8], "little")


BUILT = ["subject-with-record-separator", "bogus-encoding-header", "deleted-file-name-not-utf-8"]
DATES = ["date-after-2106", "date-in-year-10000", "date-2106-02-08", "date-before-1970"]


@pytest.mark.parametrize("case", [case for case in HISTORY if case.id in BUILT + DATES], ids=BUILT + DATES)
def test_a_site_builds_from_hostile_history_with_dates_it_can_publish(repository: Path, case: HostileHistory) -> None:
    commit = case.make(repository)
    result = iku_build(repository)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    site = repository / "site"
    sitemap = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == sitemap
    page = BeautifulSoup((site / FIXTURE_PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    if case.date is None:
        # A date the sitemap cannot carry is not made up: the page says it is not valid,
        # and the site is dated by the newest valid commit, the first one.
        version = page.find("strong", string="tanggal tidak sah").parent
        assert [(a.get_text(), a["href"]) for a in version.find_all("a")] == [
            ("JSON versi ini", f"versi/{commit[:12]}/dokumen.json"),
            (f"commit {commit[:12]}", f"{REPO_URL}/commit/{commit}"),
        ]
        assert "tidak diketahui: tanggal commit terakhir tidak sah" in page.get_text()
        assert gzip_mtime(site / "sitemap.xml.gz") == int(
            datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC).timestamp()
        )
    else:
        assert page.find("strong", string=indonesian_date(case.date)) is not None
        assert "Terakhir diperbarui" in page.get_text()


# -- redirects --------------------------------------------------------------------------

PROVINCE = "  - id: jawa-timur\n"
REGENCY = "      - id: lumajang\n"
DISTRICT = "          - id: contoh\n"
# Pages under each region of the good fixture: the region's own page and every page beneath it.
PAGES_UNDER = {PROVINCE: 5, REGENCY: 4, DISTRICT: 2}


def former_ids(content: Path, line: str, ids: list[str]) -> None:
    """Give the region on ``line`` of wilayah.yml these former ids, one a line."""
    indent = " " * (line.index("-") + 2)
    listed = "".join(f"{indent}  - {old}\n" for old in ids)
    edit(content / "wilayah.yml", line, f"{line}{indent}id_lama:\n{listed}")


def redirect_pages(output: Output) -> dict[str, str]:
    """Every redirect page of a build, as old address → address it sends the reader to."""
    pages = {}
    for path, data in output.files.items():
        if isinstance(data, bytes) and b'http-equiv="refresh"' in data:
            target = data.split(b"; url=", 1)[1].split(b'"', 1)[0].decode()
            old = path.removesuffix("index.html")
            pages[old] = posixpath.normpath(posixpath.join(old, target)) + "/"
    return pages


@pytest.mark.parametrize("count", [20, 50])
def test_former_ids_on_every_level_give_one_redirect_per_former_id_and_page(good_content: Path, count: int) -> None:
    for line, prefix in ((PROVINCE, "prov"), (REGENCY, "kab"), (DISTRICT, "kec")):
        former_ids(good_content, line, [f"{prefix}-lama-{index}" for index in range(count)])
    redirects = redirect_pages(generate(good_content, "Portal IKU", SITE_URL))
    # Linear in the former ids declared: 20 each made 20,420 redirects (every combination).
    assert len(redirects) == count * sum(PAGES_UNDER.values())
    assert redirects["prov-lama-7/lumajang/contoh/2021-2023/"] == "jawa-timur/lumajang/contoh/2021-2023/"
    assert redirects["jawa-timur/kab-lama-7/keputusan/kepbup-contoh-1-2020/"] == (
        "jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020/"
    )
    assert redirects["jawa-timur/lumajang/kec-lama-7/"] == "jawa-timur/lumajang/contoh/"
    assert "prov-lama-7/kab-lama-7/contoh/2021-2023/" not in redirects


def check_report(capsys: pytest.CaptureFixture[str]) -> str:
    """What ``iku check`` tells the editor, after asserting that it fails."""
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_former_ids_beyond_the_redirect_cap_are_a_check_error(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our own: 2,001 former ids on one provinsi, each standing for its 5 pages (a 30 KB edit)."""
    former_ids(good_content, PROVINCE, [f"lama-{index}" for index in range(2001)])
    assert check_report(capsys) == (
        "content/wilayah.yml:2005:9: provinsi[0].id_lama[2000]: terlalu banyak halaman pengalihan\n"
        "    diharapkan: paling banyak 10000 halaman pengalihan di seluruh situs\n"
        "    ditemukan: 10005 halaman pengalihan\n"
        "    saran: setiap id lama wilayah membuat satu pengalihan untuk halaman wilayah itu dan untuk setiap "
        "halaman di bawahnya; hapus id lama yang tidak diperlukan lagi\n"
        "1 kesalahan ditemukan di konten.\n"
    )


def test_former_addresses_of_a_document_beyond_the_redirect_cap_are_a_check_error(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our own: 10,001 former addresses on one document."""
    listed = "".join(f"  - jawa-timur/lumajang/lama-{index}/2021-2023\n" for index in range(10_001))
    edit(
        good_content.parent / DOC,
        "catatan_editor:\n  - Tabel target",
        f"alamat_lama:\n{listed}catatan_editor:\n  - Tabel target",
    )
    assert check_report(capsys) == (
        f"{DOC}:10071:5: alamat_lama[10000]: terlalu banyak halaman pengalihan\n"
        "    diharapkan: paling banyak 10000 halaman pengalihan di seluruh situs\n"
        "    ditemukan: 10001 halaman pengalihan\n"
        "    saran: setiap id lama keputusan atau alamat lama dokumen membuat satu halaman pengalihan; "
        "hapus yang tidak diperlukan lagi\n"
        "1 kesalahan ditemukan di konten.\n"
    )


def test_a_former_address_leading_to_two_pages_is_a_check_error(
    good_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our own: a document claims the old address a renamed provinsi already gives its decree;
    one of the two redirects was silently never written."""
    edit(good_content / "wilayah.yml", PROVINCE, f"{PROVINCE}    id_lama: [jatim]\n")
    edit(
        good_content.parent / DOC,
        "catatan_editor:\n  - Tabel target",
        "alamat_lama: [jatim/lumajang/keputusan/kepbup-contoh-1-2020]\ncatatan_editor:\n  - Tabel target",
    )
    assert check_report(capsys) == (
        f"{DOC}:70:15: alamat_lama[0]: alamat lama /jatim/lumajang/keputusan/kepbup-contoh-1-2020/ sudah dialihkan "
        "ke /jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020/\n"
        "    diharapkan: alamat yang mengarah ke /jawa-timur/lumajang/contoh/2021-2023/\n"
        "    saran: satu alamat lama hanya dapat mengarah ke satu halaman; lihat content/wilayah.yml: "
        "provinsi[0].id_lama[0]\n"
        "1 kesalahan ditemukan di konten.\n"
    )


# -- reports ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    """A file name or value that would act on a log or terminal, and how each report shows it."""

    id: str
    name: str
    text: str
    shown_name: str
    shown_found: str
    github_file: str


PRINTED = [
    Printed(
        "file-name-with-newline-and-a-workflow-command",
        "x\n::error file=wilayah.yml::diretas.yml",
        "jenis: laporan\n",
        "x<U+000A>::error file=wilayah.yml::diretas.yml",
        '"laporan"',
        "x<U+000A>%3A%3Aerror file=wilayah.yml%3A%3Adiretas.yml",
    ),
    # Our own: a file name that clears the terminal and retitles its window, with a Unicode
    # line separator; and a value (not a name) carrying a command and a bidi override.
    Printed(
        "file-name-with-terminal-escapes-and-line-separator",
        "\x1b[2J\x1b]0;diretas\x07\u2028.yml",
        "jenis: laporan\n",
        "<U+001B>[2J<U+001B>]0;diretas<U+0007><U+2028>.yml",
        '"laporan"',
        "<U+001B>[2J<U+001B>]0;diretas<U+0007><U+2028>.yml",
    ),
    Printed(
        "value-with-newline-workflow-command-and-bidi-override",
        "laporan.yml",
        'jenis: "laporan\\n::warning::diretas\\u202e"\n',
        "laporan.yml",
        '"laporan<U+000A>::warning::diretas<U+202E>"',
        "laporan.yml",
    ),
]
KIND_HINT = "`iku` untuk dokumen IKU, `keputusan` untuk Keputusan Bupati/Wali Kota/Gubernur"


def check_output(output: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "--format", output]) == 1
    captured = capsys.readouterr()
    return captured.err if output == "text" else captured.out


@pytest.mark.parametrize("case", PRINTED, ids=[case.id for case in PRINTED])
def test_every_report_format_prints_names_and_values_on_one_inert_line(
    good_content: Path, case: Printed, capsys: pytest.CaptureFixture[str]
) -> None:
    (good_content / "dokumen" / case.name).write_text(case.text, encoding="utf-8")
    assert check_output("text", capsys) == (
        f"content/dokumen/{case.shown_name}:1:8: jenis: jenis dokumen tidak dikenal\n"
        "    diharapkan: `iku` atau `keputusan`\n"
        f"    ditemukan: {case.shown_found}\n"
        f"    saran: {KIND_HINT}\n"
        "1 kesalahan ditemukan di konten.\n"
    )
    assert check_output("github", capsys) == (
        f"::error file=content/dokumen/{case.github_file},line=1,col=8,title=jenis::jenis dokumen tidak dikenal"
        f"%0Adiharapkan: `iku` atau `keputusan`%0Aditemukan: {case.shown_found}%0Asaran: {KIND_HINT}\n"
        "1 kesalahan ditemukan di konten.\n"
    )
    written = check_output("json", capsys)
    # Nothing a log or terminal acts on, and a JSON reader still gets every value exactly.
    assert not INVISIBLE_CHARACTERS.search(written.replace("\n", ""))
    assert "\u2028" not in written
    assert [line for line in written.splitlines() if line.lstrip().startswith("::")] == []
    problem = json.loads(written)["problems"][0]
    assert problem["file"] == f"content/dokumen/{case.name}"
    assert problem["found"] == f'"{yaml.safe_load(case.text)["jenis"]}"'


# -- a build stopped from outside --------------------------------------------------------


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_build(project: Path) -> tuple[subprocess.Popen[str], int]:
    """``iku build`` in ``project`` (its own process group), once MkDocs runs under it: it and MkDocs' pid."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator.cli", "build"]
    build = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (mkdocs := children(build.pid)):
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, "MkDocs never started"
        time.sleep(0.01)
    return build, mkdocs[0]


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".site-"))


def leftovers_once_removed(project: Path) -> list[str]:
    """What is left beside the site once the processes removing retired folders in the background
    (folders.remove_in_background: the build does not wait for them) have ended."""
    deadline = time.monotonic() + 60
    while (left := leftovers(project)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good fixture as a project whose site was built once, for every test below to copy."""
    project = tmp_path_factory.mktemp("built-once")
    lay_out_project(project, GOOD)
    first = iku_build(project)
    assert first.returncode == 0, first.stderr
    return project


@pytest.fixture
def built_project(built_once: Path, tmp_path: Path) -> Path:
    """A copy of its own of the good fixture as a project whose site was built once (one build, not one a test)."""
    shutil.copytree(built_once, tmp_path, symlinks=True, dirs_exist_ok=True)
    return tmp_path


def fingerprint(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


# SIGTERM is what a cancelled CI job or `kill` sends; our own: Ctrl-C sent to iku alone, and
# a closed terminal.
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_a_build_stopped_by_a_signal_ends_mkdocs_and_leaves_nothing(
    built_project: Path, signum: signal.Signals
) -> None:
    before = fingerprint(built_project / "site")
    build, mkdocs = start_build(built_project)
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 128 + signum
    assert stderr.endswith(
        f"Pembangunan dihentikan ({signum.name}); situs lama di {built_project / 'site'} tidak diubah.\n"
    )
    assert "Traceback" not in stderr
    assert not alive(mkdocs)
    assert leftovers(built_project) == []
    assert fingerprint(built_project / "site") == before


def test_what_a_hard_kill_left_behind_is_removed_by_the_next_build(built_project: Path) -> None:
    build, mkdocs = start_build(built_project)
    # SIGKILL cannot be handled: iku and MkDocs both end at once, as when a machine's memory runs out.
    os.kill(build.pid, signal.SIGKILL)
    os.kill(mkdocs, signal.SIGKILL)
    build.communicate(timeout=60)
    left = leftovers(built_project)
    assert len(left) == 1 and left[0].startswith(f".site-baru-{build.pid}-")
    again = iku_build(built_project)
    assert again.returncode == 0, again.stderr
    assert leftovers_once_removed(built_project) == []


def test_the_next_build_leaves_a_running_builds_folder_alone(built_project: Path) -> None:
    """Our own: two builds at once: the second must not take the first's folder as a leftover."""
    build, _ = start_build(built_project)
    try:
        running = leftovers(built_project)
        assert running and all(name.startswith(f".site-baru-{build.pid}-") for name in running)
        second = iku_build(built_project)
        assert second.returncode == 0, second.stderr
    finally:
        _, stderr = build.communicate(timeout=120)
    assert build.returncode == 0, stderr
    assert leftovers_once_removed(built_project) == []


# -- every file under content/ is read or reported ----------------------------------------

CONTOH = "dokumen/jawa-timur/lumajang/contoh"
DOC_FILE = f"content/{CONTOH}/2021-2023.yml"
DECREE_IN_CONTENT = "dokumen/jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020.yml"


def _renamed(suffix: str) -> Callable[[Path], None]:
    def setup(content: Path) -> None:
        (content / DOC_IN_CONTENT).rename(content / DOC_IN_CONTENT.replace(".yml", suffix))

    return setup


def _link_loop(content: Path) -> None:
    (content / CONTOH / "salinan.yml").symlink_to("2021-2023.yml")
    (content / DOC_IN_CONTENT).unlink()
    (content / DOC_IN_CONTENT).symlink_to("salinan.yml")


def _linked_folder(content: Path) -> None:
    elsewhere = content.parent / "di-luar"
    (content / CONTOH).rename(elsewhere)
    (content / CONTOH).symlink_to(elsewhere, target_is_directory=True)


def _pipe(content: Path) -> None:
    os.mkfifo(content / CONTOH / "2024.yml")


def _written(relative: str, text: str) -> Callable[[Path], None]:
    def setup(content: Path) -> None:
        (content / relative).write_text(text, encoding="utf-8")

    return setup


def _edited(*edits: tuple[str, str, str]) -> Callable[[Path], None]:
    def setup(content: Path) -> None:
        for relative, old, new in edits:
            edit(content / relative, old, new)

    return setup


def _moved(old: str, new: str) -> Callable[[Path], None]:
    def setup(content: Path) -> None:
        (content / new).parent.mkdir(parents=True, exist_ok=True)
        (content / old).rename(content / new)

    return setup


def _steps(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(content: Path) -> None:
        for step in steps:
            step(content)

    return setup


def _not_a_document(path: str, expected: str, hint: str, message: str = "dokumen harus berakhiran .yml") -> str:
    return f"{path}:1:1: {message}\n    diharapkan: {expected}\n    saran: {hint}\n"


SUFFIX_HINT = "ganti nama berkas menjadi 2021-2023.yml"
LOOP = "tautan simbolik rusak atau berputar\n    diharapkan: berkas biasa\n"
LOOP += "    saran: hapus tautan ini dan simpan dokumennya sebagai berkas biasa\n"
JEMBER = (
    '      - id: jember\n        nama: Jember\n        jenis: kabupaten\n        kode: "35.09"\n        kecamatan: []\n'
)
LAIN = '          - id: lain\n            nama: Lain\n            kode: "35.08.98"\n'
REGULATION_DOC_NOTE = "catatan_editor:\n  - Tabel target"


def _former_address(value: str) -> Callable[[Path], None]:
    return _edited((DOC_IN_CONTENT, REGULATION_DOC_NOTE, f"alamat_lama: [{value}]\n{REGULATION_DOC_NOTE}"))


def _location(field: str, line: str, expected: str, found: str, move: str, file: str = DOC_FILE) -> str:
    return (
        f"{file}:{line}: {field}: tidak sesuai dengan letak berkas\n"
        f"    diharapkan: {expected}\n    ditemukan: {found}\n"
        f"    saran: perbaiki nilai ini, atau pindahkan berkas ke content/{move}\n"
    )


UNREAD: list[tuple[str, Callable[[Path], None], str]] = [
    # Files the loader never looked at.
    (
        "document-saved-as-yaml",
        _renamed(".yaml"),
        _not_a_document(f"content/{CONTOH}/2021-2023.yaml", "nama berkas berakhiran .yml", SUFFIX_HINT),
    ),
    (
        "document-saved-as-upper-case-yml",
        _renamed(".YML"),
        _not_a_document(f"content/{CONTOH}/2021-2023.YML", "nama berkas berakhiran .yml", SUFFIX_HINT),
    ),
    ("symbolic-link-loop", _link_loop, f"{DOC_FILE}:1:1: {LOOP}content/{CONTOH}/salinan.yml:1:1: {LOOP}"),
    (
        "symbolic-link-to-a-folder",
        _linked_folder,
        _not_a_document(
            f"content/{CONTOH}",
            "folder biasa di dalam content/",
            "simpan dokumennya langsung di content/dokumen/, bukan sebagai tautan ke folder lain",
            "folder ini tautan simbolik; isinya tidak dibaca",
        ),
    ),
    # Our own: a named pipe (reading it hung the check for ever), a note beside the documents,
    # and a second glossary saved as .yaml at the top of content/.
    (
        "named-pipe-as-a-document",
        _pipe,
        _not_a_document(
            f"content/{CONTOH}/2024.yml",
            "berkas .yml",
            "hapus berkas ini; dokumen adalah berkas teks .yml",
            "bukan berkas biasa (pipa, soket atau perangkat); tidak dibaca",
        ),
    ),
    (
        "note-among-the-documents",
        _written(f"{CONTOH}/catatan.txt", "Periksa ulang target 2023.\n"),
        _not_a_document(
            f"content/{CONTOH}/catatan.txt",
            "berkas .yml",
            "content/dokumen/ hanya berisi dokumen .yml; berkas sumber disimpan di content/sumber/",
            "berkas ini bukan dokumen dan tidak dibaca",
        ),
    ),
    (
        "glossary-beside-the-glossary-as-yaml",
        _written("glosarium.yaml", "istilah: []\n"),
        _not_a_document(
            "content/glosarium.yaml",
            "hanya dokumen/, sumber/, schema/, wilayah.yml, regulasi.yml dan glosarium.yml",
            "pindahkan atau hapus; dokumen IKU dan keputusan disimpan di content/dokumen/",
            "berkas atau folder ini tidak dibaca",
        ),
    ),
    # Files whose place disagrees with what they say.
    (
        "kecamatan-other-than-its-folder",
        _edited(
            ("wilayah.yml", '            kode: "35.08.99"\n', f'            kode: "35.08.99"\n{LAIN}'),
            (DOC_IN_CONTENT, "kecamatan: contoh\n", "kecamatan: lain\n"),
        ),
        _location(
            "wilayah.kecamatan",
            "8:14",
            "`contoh`, sesuai letak berkas ini",
            '"lain"',
            "dokumen/jawa-timur/lumajang/lain/2021-2023.yml",
        ),
    ),
    (
        "period-other-than-its-file-name",
        _edited((DOC_IN_CONTENT, "selesai: 2023", "selesai: 2024")),
        _location(
            "periode",
            "10:3",
            "`2021-2023`, sesuai letak berkas ini",
            '"2021-2024"',
            "dokumen/jawa-timur/lumajang/contoh/2021-2024.yml",
        ),
    ),
    # Our own: a decree filed under another kabupaten, and a document dropped at the top of dokumen/.
    (
        "decree-in-another-kabupatens-folder",
        _steps(
            _edited(("wilayah.yml", "    kabupaten:\n", f"    kabupaten:\n{JEMBER}")),
            _moved(DECREE_IN_CONTENT, "dokumen/jawa-timur/jember/kepbup-contoh-1-2020.yml"),
        ),
        _location(
            "wilayah.kabupaten",
            "8:14",
            "`jember`, sesuai letak berkas ini",
            '"lumajang"',
            "dokumen/jawa-timur/lumajang/",
            "content/dokumen/jawa-timur/jember/kepbup-contoh-1-2020.yml",
        ),
    ),
    (
        "document-at-the-top-of-dokumen",
        _moved(DOC_IN_CONTENT, "dokumen/2021-2023.yml"),
        "content/dokumen/2021-2023.yml:6:13: wilayah.provinsi: tidak sesuai dengan letak berkas\n"
        "    diharapkan: nilai yang sesuai letak berkas ini\n"
        '    ditemukan: "jawa-timur"\n'
        "    saran: perbaiki nilai ini, atau pindahkan berkas ke "
        "content/dokumen/jawa-timur/lumajang/contoh/2021-2023.yml\n",
    ),
    # Former addresses that were accepted and never written: a generated page took their place.
    (
        "former-address-of-the-regulations-page",
        _former_address("regulasi"),
        f"{DOC_FILE}:70:15: alamat_lama[0]: alamat ini dipakai bagian situs /regulasi/\n"
        "    diharapkan: provinsi/kabupaten/kecamatan/periode\n"
        '    ditemukan: "regulasi"\n'
        "    saran: halaman di sana tidak dapat diganti pengalihan; hapus alamat lama ini\n",
    ),
    (
        "former-address-under-a-hand-written-page",
        _former_address("tentang-iku/lama/contoh/2021"),
        f"{DOC_FILE}:70:15: alamat_lama[0]: alamat ini dipakai bagian situs /tentang-iku/\n"
        "    diharapkan: provinsi/kabupaten/kecamatan/periode\n"
        '    ditemukan: "tentang-iku/lama/contoh/2021"\n'
        "    saran: halaman di sana tidak dapat diganti pengalihan; hapus alamat lama ini\n",
    ),
]


@pytest.mark.parametrize(("setup", "report"), [case[1:] for case in UNREAD], ids=[case[0] for case in UNREAD])
def test_every_file_under_content_is_read_or_reported(
    good_content: Path, setup: Callable[[Path], None], report: str, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(good_content)
    count = report.count("\n    saran: ")
    assert check_report(capsys) == f"{report}{count} kesalahan ditemukan di konten.\n"
