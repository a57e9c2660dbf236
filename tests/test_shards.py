"""A site built in parts (one per provinsi, and one for everything else) on separate machines
and assembled is the site one machine builds, byte for byte, with one search index.

The content: the bodies fixture (Jawa Timur) and a second provinsi, Bali, whose kecamatan
shares indicators with Jawa Timur's (so the comparison pages, common to both, link into both
parts), committed at two dates (so every page's date and the sitemap's are from history).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import BODIES, git, lay_out_project, run_iku
from test_hostile_history import alive, children

from generator.cli.commands import default_jobs, group_count
from generator.publishing.build import generate
from generator.publishing.page_cache import PageCache
from generator.publishing.search_index import indexed_pages
from generator.publishing.shards import COMMON, in_shards, shard_groups, shard_of
from generator.publishing.site_build import build_site_in_parallel

PROVINCES = ("jawa-timur", "bali")
BALI = """
  - id: bali
    nama: Bali
    kode: "51"
    kabupaten:
      - id: badung
        nama: Badung
        jenis: kabupaten
        kode: "51.03"
        kecamatan:
          - id: kuta
            nama: Kuta
            kode: "51.03.01"
"""
CONTOH = "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
KUTA = "dokumen/bali/badung/kuta/2021-2023.yml"
FIRST_COMMIT = "2024-03-01T10:00:00+00:00"
SECOND_COMMIT = "2024-05-02T09:00:00+00:00"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of two provinsi with history: Bali's kecamatan added in a later commit."""
    project = tmp_path_factory.mktemp("two-provinces")
    lay_out_project(project, BODIES)
    content = project / "content"
    git(project, "init", "-q", date=FIRST_COMMIT)
    git(project, "add", ".", date=FIRST_COMMIT)
    git(project, "commit", "-q", "-m", "Jawa Timur", date=FIRST_COMMIT)
    with (content / "wilayah.yml").open("a", encoding="utf-8") as regions:
        regions.write(BALI)
    text = (content / CONTOH).read_text(encoding="utf-8")
    text = text.replace("keputusan: kepbup-contoh-1-2020\n", "").replace("KECAMATAN CONTOH", "KECAMATAN KUTA")
    text = text.replace(
        "provinsi: jawa-timur\n  kabupaten: lumajang\n  kecamatan: contoh",
        "provinsi: bali\n  kabupaten: badung\n  kecamatan: kuta",
    )
    (content / KUTA).parent.mkdir(parents=True)
    (content / KUTA).write_text(text, encoding="utf-8")
    git(project, "add", ".", date=SECOND_COMMIT)
    git(project, "commit", "-q", "-m", "Bali", date=SECOND_COMMIT)
    return project


@pytest.fixture(scope="module")
def single(project: Path) -> Path:
    result = run_iku("build", "--jobs", "1", "--site-dir", "single", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "single"


@pytest.fixture(scope="module")
def shards(project: Path) -> dict[str, Path]:
    """Each shard built into a folder of its own, as separate CI machines would."""
    built = {}
    for name in (COMMON, *PROVINCES):
        result = run_iku("build", "--shard", name, "--site-dir", f"bagian/{name}", cwd=project)
        assert result.returncode == 0, result.stderr
        built[name] = project / "bagian" / name
    return built


@pytest.fixture(scope="module")
def assembled(project: Path, shards: dict[str, Path]) -> Path:
    folders = [str(folder.relative_to(project)) for folder in shards.values()]
    result = run_iku("assemble", *folders, "--site-dir", "rakitan", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "rakitan"


def test_the_shards_are_common_and_each_provinsi_of_the_catalogue(project: Path) -> None:
    result = run_iku("shards", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["common", "jawa-timur", "bali"]
    assert run_iku("shards", cwd=project).stdout == "common\njawa-timur\nbali\n"


def test_an_unknown_shard_is_refused_before_building(project: Path) -> None:
    result = run_iku("build", "--shard", "jawa-tengah", "--site-dir", "tidak-dibangun", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "Galat: bagian 'jawa-tengah' tidak dikenal: pilih common atau id provinsi dari content/wilayah.yml "
        "(common, jawa-timur, bali)\n"
    )
    assert not (project / "tidak-dibangun").exists()


def test_every_file_belongs_to_one_shard_by_its_address() -> None:
    assert shard_of("jawa-timur/lumajang/contoh/2021-2023/index.html", PROVINCES) == "jawa-timur"
    assert shard_of("jawa-timur/index.html", PROVINCES) == "jawa-timur"
    assert shard_of("bali/badung/kuta/2021-2023/dokumen.json", PROVINCES) == "bali"
    assert shard_of("daftar-dokumen/bali/index.html", PROVINCES) == "bali"
    assert shard_of("daftar-dokumen/index.html", PROVINCES) == COMMON
    assert shard_of("perbandingan/ikm/index.html", PROVINCES) == COMMON
    assert shard_of("regulasi/uu-23-2014/index.html", PROVINCES) == COMMON
    assert shard_of("index.html", PROVINCES) == COMMON
    assert shard_of("bali", PROVINCES) == COMMON


def test_each_shard_writes_only_its_own_files(shards: dict[str, Path]) -> None:
    for name, folder in shards.items():
        files = tree(folder)
        assert files, f"shard {name} wrote nothing"
        strays = sorted(path for path in files if shard_of(path, PROVINCES) != name)
        assert not strays, f"shard {name} wrote files of another shard: {strays[:5]}"
    assert not (shards[COMMON] / "pagefind").exists()
    assert (shards["bali"] / "bali/badung/kuta/2021-2023/index.html").is_file()
    assert (shards["jawa-timur"] / "daftar-dokumen/jawa-timur/index.html").is_file()


def test_the_assembled_site_is_byte_identical_to_one_machine_s(single: Path, assembled: Path) -> None:
    one, parts = tree(single), tree(assembled)
    assert sorted(one.keys() - parts.keys()) == [], "missing from the assembled site"
    assert sorted(parts.keys() - one.keys()) == [], "only in the assembled site"
    differing = sorted(path for path in one if one[path] != parts[path])
    assert differing == []
    # One search index over the whole site: both provinsi's documents are found in it.
    urls = {page.url for page in indexed_pages(assembled)}
    assert {"/bali/badung/kuta/2021-2023/", "/jawa-timur/lumajang/contoh/2021-2023/"} <= urls


def test_a_file_two_shards_wrote_differently_is_refused(project: Path, shards: dict[str, Path]) -> None:
    forged = project / "palsu"
    shutil.copytree(shards["bali"], forged)
    (forged / "bali/index.html").write_text("<p>lain</p>", encoding="utf-8")
    (project / "rakitan-lama").mkdir()
    (project / "rakitan-lama/penanda").write_text("situs lama", encoding="utf-8")
    result = run_iku("assemble", "bagian/common", "bagian/bali", "palsu", "--site-dir", "rakitan-lama", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "Galat: 1 berkas ditulis berbeda oleh dua bagian: bali/index.html: bagian/bali/bali/index.html ≠ "
        "palsu/bali/index.html\n"
    )
    # The site that was there stays as it was.
    assert tree(project / "rakitan-lama") == {"penanda": b"situs lama"}


def test_assembling_without_the_common_shard_is_refused(project: Path, shards: dict[str, Path]) -> None:
    result = run_iku("assemble", "bagian/bali", "--site-dir", "tanpa-common", cwd=project)
    assert result.returncode == 1
    assert result.stderr == "Galat: tidak ada index.html di bagian mana pun: bagian common belum disertakan\n"
    assert not (project / "tanpa-common").exists()


ROOT_URL = "https://iku.example.go.id/"


@pytest.fixture(scope="module")
def at_root(project: Path) -> Path:
    """The site built for an address at a host's root, as a publication per provinsi needs."""
    result = run_iku("build", "--site-dir", "akar", cwd=project, env={"SITE_URL": ROOT_URL})
    assert result.returncode == 0, result.stderr
    return project / "akar"


def test_a_site_is_published_as_one_pages_site_per_provinsi_and_one_for_the_rest(project: Path, at_root: Path) -> None:
    result = run_iku("split", "--site-dir", "akar", "--keluaran", "terbit", cwd=project, env={"SITE_URL": ROOT_URL})
    assert result.returncode == 0, result.stderr
    parts = {name: tree(project / "terbit" / name) for name in (COMMON, *PROVINCES)}
    assert sorted(path.name for path in (project / "terbit").iterdir()) == ["bali", "common", "jawa-timur"]
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [COMMON, *PROVINCES]
    # Each part is a Pages site of its own: its own 404 page, and no Jekyll run over it.
    site = tree(at_root)
    for files in parts.values():
        assert files["404.html"] == site["404.html"]
        assert files[".nojekyll"] == b""
    # The union of the parts, each provinsi's served at /<provinsi>/, is the site: nothing lost, nothing changed.
    union = {path: data for path, data in parts[COMMON].items() if path != ".nojekyll"}
    for province in PROVINCES:
        union |= {
            f"{province}/{path}": data
            for path, data in parts[province].items()
            if path not in ("404.html", ".nojekyll")
        }
    assert union == site
    assert "bali/badung/kuta/2021-2023/index.html" in union
    assert "badung/kuta/2021-2023/index.html" in parts["bali"]
    # The list of a provinsi's documents is not under its address: it stays with the home.
    assert "daftar-dokumen/bali/index.html" in parts[COMMON]
    assert not any(path.startswith(("bali/", "jawa-timur/")) for path in parts[COMMON])


def test_a_part_larger_than_the_limit_is_refused(project: Path, at_root: Path) -> None:
    # The parts' sizes, measured on a split of its own (the test does not rely on another test's output).
    measured = run_iku("split", "--site-dir", "akar", "--keluaran", "ukur", cwd=project, env={"SITE_URL": ROOT_URL})
    assert measured.returncode == 0, measured.stderr
    sizes = {name: sum(len(data) for data in tree(project / "ukur" / name).values()) for name in (COMMON, *PROVINCES)}
    limit = max(sizes["bali"], sizes["jawa-timur"])
    result = run_iku(
        "split",
        "--site-dir",
        "akar",
        "--keluaran",
        "terlalu-besar",
        "--batas",
        str(limit),
        cwd=project,
        env={"SITE_URL": ROOT_URL},
    )
    assert result.returncode == 1
    common = f"{sizes[COMMON]:,}".replace(",", ".")
    assert result.stderr == (
        f"Galat: bagian terbitan melebihi batas {limit:,} bait: common {common} bait\n".replace(",", ".")
    )
    assert not (project / "terlalu-besar").exists()


def test_a_site_not_at_a_host_s_root_cannot_be_published_per_provinsi(project: Path, single: Path) -> None:
    result = run_iku("split", "--site-dir", "single", "--keluaran", "terbit-salah", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "Galat: situs dibangun untuk https://portal-iku.github.io/portal-iku/: untuk diterbitkan per provinsi, "
        "site_url harus alamat akar sebuah host (mis. https://iku.example.go.id/), karena tiap provinsi "
        "diterbitkan di /<provinsi>/ host itu\n"
    )


def test_assembling_without_a_provinsi_s_shard_is_refused(project: Path, shards: dict[str, Path]) -> None:
    result = run_iku("assemble", "bagian/common", "bagian/jawa-timur", "--site-dir", "tanpa-bali", cwd=project)
    assert result.returncode == 1
    assert result.stderr == "Galat: bagian bali belum disertakan: halaman provinsinya tidak ada\n"
    assert not (project / "tanpa-bali").exists()


SITE_URL = "https://portal-iku.github.io/portal-iku/"


def test_a_shard_generates_only_its_own_pages_and_files_and_names_the_others(project: Path) -> None:
    output = generate(project / "content", "Portal IKU", SITE_URL, wanted=in_shards(["bali"], PROVINCES))
    # Its own pages and downloads are generated; so is its list of documents.
    assert "KECAMATAN KUTA" in (output.pages["bali/badung/kuta/2021-2023/index.md"] or "")
    assert output.pages["daftar-dokumen/bali/index.md"]
    assert output.files["bali/badung/kuta/2021-2023/dokumen.json"]
    # Another shard's are named (this shard's pages link to them) but not generated.
    assert output.pages["jawa-timur/lumajang/contoh/2021-2023/index.md"] is None
    assert output.pages["perbandingan/index.md"] is None
    assert output.files["jawa-timur/lumajang/contoh/2021-2023/dokumen.json"] is None
    assert output.files["data/indikator.csv"] is None
    assert output.files["data/portal-iku.xlsx"] is None
    # Without a shard, every page and file is generated.
    whole = generate(project / "content", "Portal IKU", SITE_URL)
    assert output.pages.keys() == whole.pages.keys() and output.files.keys() == whole.files.keys()
    assert [path for path, markdown in whole.pages.items() if markdown is None] == []
    assert [path for path, data in whole.files.items() if data is None] == []
    generated = {path for path, markdown in output.pages.items() if markdown is not None}
    assert all(output.pages[path] == whole.pages[path] for path in generated)


def test_the_shards_are_grouped_by_their_documents_for_parallel_processes(project: Path) -> None:
    # Jawa Timur has 7 documents, Bali 1; the common shard counts as a fifth of all 8 (1.6).
    assert shard_groups(project / "content", 2) == ["jawa-timur", "common,bali"]
    assert shard_groups(project / "content", 3) == ["jawa-timur", "common", "bali"]
    assert shard_groups(project / "content", 8) == ["jawa-timur", "common", "bali"]
    assert shard_groups(project / "content", 1) == ["common,jawa-timur,bali"]


@pytest.fixture(scope="module")
def parallel(project: Path) -> subprocess.CompletedProcess[str]:
    return run_iku("build", "--jobs", "2", "--site-dir", "paralel", cwd=project)


def test_a_build_in_parallel_processes_is_byte_identical_to_one_process_s(
    project: Path, single: Path, parallel: subprocess.CompletedProcess[str]
) -> None:
    assert parallel.returncode == 0, parallel.stderr
    one, both = tree(single), tree(project / "paralel")
    assert sorted(one.keys() ^ both.keys()) == []
    assert sorted(path for path in one if one[path] != both[path]) == []
    # Nothing of the processes' parts is left beside the site, once removed (in the background: folders.py).
    deadline = time.monotonic() + 60
    while (left := [path.name for path in project.iterdir() if path.name.startswith(".paralel")]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert left == []


def test_more_groups_than_processes_are_built_in_turn_into_the_same_site(
    project: Path, single: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SITE_URL", raising=False)
    groups = ["jawa-timur", COMMON, "bali"]
    assert build_site_in_parallel(Path("mkdocs.yml"), Path("bergiliran"), groups, PROVINCES, at_once=1) == 0
    one, in_turn = tree(single), tree(project / "bergiliran")
    assert sorted(one.keys() ^ in_turn.keys()) == []
    assert sorted(path for path in one if one[path] != in_turn[path]) == []


def test_a_large_site_is_cut_into_more_groups_than_processes() -> None:
    assert group_count(documents=1_000, jobs=2) == 2
    assert group_count(documents=8_000, jobs=2) == 2
    assert group_count(documents=8_001, jobs=2) == 3
    assert group_count(documents=7_300, jobs=4) == 4
    assert group_count(documents=30_000, jobs=2) == 8


def test_a_rebuild_with_its_pages_kept_runs_one_group_per_process() -> None:
    assert group_count(documents=30_000, jobs=2, kept=90_000) == 2
    assert group_count(documents=30_000, jobs=2, kept=30_000) == 2
    assert group_count(documents=30_000, jobs=2, kept=29_999) == 8


def test_the_pages_kept_are_counted_in_the_cache(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "pages")
    assert cache.count() == 0
    cache.put("a" * 64, b"<p>satu</p>", [])
    cache.put("b" * 64, b"<p>dua</p>", [])
    (tmp_path / "pages" / "bukan-entri.txt").write_text("x")
    assert PageCache(tmp_path / "pages").count() == 2


def test_a_group_of_shards_is_built_as_one_part(project: Path, single: Path, shards: dict[str, Path]) -> None:
    result = run_iku("build", "--shard", "common,bali", "--site-dir", "kelompok", cwd=project)
    assert result.returncode == 0, result.stderr
    # The files the two shards write, each once; nothing of Jawa Timur's.
    assert tree(project / "kelompok") == tree(shards[COMMON]) | tree(shards["bali"])
    result = run_iku("assemble", "kelompok", "bagian/jawa-timur", "--site-dir", "rakitan-kelompok", cwd=project)
    assert result.returncode == 0, result.stderr
    assert tree(project / "rakitan-kelompok") == tree(single)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--shard", "common,jawa-tengah"],
            "Galat: bagian 'jawa-tengah' tidak dikenal: pilih common atau id provinsi dari content/wilayah.yml "
            "(common, jawa-timur, bali)\n",
        ),
        (["--shard", "bali,common,bali"], "Galat: bagian bali disebut lebih dari sekali: bali,common,bali\n"),
        (
            ["--shard", "bali", "--jobs", "2"],
            "Galat: --shard dan --jobs tidak dapat dipakai bersama: satu bagian dibangun dalam satu proses\n",
        ),
    ],
    ids=["unknown-in-group", "repeated", "shard-and-jobs"],
)
def test_a_wrong_group_of_shards_is_refused_before_building(project: Path, arguments: list[str], message: str) -> None:
    result = run_iku("build", *arguments, "--site-dir", "tidak-dibangun", cwd=project)
    assert (result.returncode, result.stderr) == (1, message)
    assert not (project / "tidak-dibangun").exists()


def test_jobs_must_be_a_positive_number(project: Path) -> None:
    result = run_iku("build", "--jobs", "0", "--site-dir", "tidak-dibangun", cwd=project)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "iku build: galat: argumen --jobs: harus bilangan bulat paling sedikit 1, bukan '0'\n"
    )


def test_a_failed_parallel_build_ends_every_process_and_leaves_the_previous_site(tmp_path: Path) -> None:
    lay_out_project(tmp_path, BODIES)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/penanda").write_text("situs lama", encoding="utf-8")
    # A broken link in a hand-written page: the common shard's process fails, Jawa Timur's is ended.
    about = tmp_path / "docs/tentang.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[tautan rusak](tidak-ada.md)\n", encoding="utf-8")
    result = run_iku("build", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 1
    assert f"Pembangunan gagal; situs lama di {tmp_path / 'site'} tidak diubah." in result.stderr
    assert tree(tmp_path / "site") == {"penanda": b"situs lama"}
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site")) == []


def test_a_parallel_build_stopped_by_a_signal_ends_every_process_and_leaves_the_previous_site(tmp_path: Path) -> None:
    lay_out_project(tmp_path, BODIES)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/penanda").write_text("situs lama", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator.cli", "build", "--jobs", "2"]
    build = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(mkdocs := children(build.pid)) < 2:
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, "the two MkDocs processes never started"
        time.sleep(0.01)
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 128 + signal.SIGTERM
    assert stderr.endswith(f"Pembangunan dihentikan (SIGTERM); situs lama di {tmp_path / 'site'} tidak diubah.\n")
    assert [pid for pid in mkdocs if alive(pid)] == []
    assert tree(tmp_path / "site") == {"penanda": b"situs lama"}
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site")) == []


def test_a_provinsi_declared_before_its_first_document_does_not_stop_the_assembly(tmp_path: Path) -> None:
    lay_out_project(tmp_path, BODIES)
    with (tmp_path / "content/wilayah.yml").open("a", encoding="utf-8") as regions:
        regions.write(BALI)
    one = run_iku("build", "--jobs", "1", "--site-dir", "satu", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    both = run_iku("build", "--jobs", "2", "--site-dir", "dua", cwd=tmp_path)
    assert both.returncode == 0, both.stderr
    # Bali has no page yet: its shard writes nothing, and the site is the one a single process writes.
    assert not (tmp_path / "satu/bali").exists()
    assert tree(tmp_path / "dua") == tree(tmp_path / "satu")


def test_a_build_uses_one_process_per_processor_from_1000_documents_unless_told() -> None:
    assert default_jobs(documents=999, processors=2) == 1
    assert default_jobs(documents=1_000, processors=2) == 2
    assert default_jobs(documents=7_300, processors=1) == 1
    assert default_jobs(documents=7_300, processors=16) == 4
