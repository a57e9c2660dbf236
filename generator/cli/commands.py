"""The ``iku`` command: check content, scaffold or import a document, build the site."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from ..content.errors import ContentError, IkuError
from ..content.load import check_content_folder, preview_scope
from ..content.printable import spelled_out
from ..content.schema import write_schemas
from ..publishing.link_check import check_links, duplicate_ids
from ..publishing.page_cache import CACHE_DIR, INDEX_REUSED, PAGES_DIR, PageCache
from ..publishing.publication import PAGES_LIMIT, split_site
from ..publishing.shards import (
    checked_shards,
    documents_per_province,
    provinces_with_pages,
    shard_groups,
    shard_names,
)
from ..publishing.site_build import (
    PREVIEW_VARIABLE,
    assemble_parts,
    build_site,
    build_site_in_parallel,
    load_site_config,
)
from .import_command import DRAFTS_DIR, import_command
from .report import FORMATS, WRITERS
from .scaffold import new_document

CONTENT_HELP = "folder konten (bawaan: content)"
PARALLEL_FROM = 1_000
"""Documents from which ``iku build`` uses one process per processor unless told (``--jobs``). Measured
on 2 cores shared with other work: two processes built N = 3,000 in 92 s instead of 128 s. At N = 1,000,
cold, after Markdown's shortcuts (2026-12-02): 38 s instead of 61 s on a quiet machine, 47 s instead of
67 s with other work light, 132 s instead of 192 s with it heavy, for 67–75 CPU s instead of 59–65 and about
460 MiB for all processes at once instead of 510; at N = 100 the two were within the noise (12.5–23.5 s
either way) for a third more CPU time, so a small site keeps one process and spares the second's start
and the assembly."""
MAX_JOBS = 4
"""Processes a build uses unless told: each more reads the whole content again."""
GROUP_DOCUMENTS = 4_000
"""Documents one MkDocs process of a parallel build writes the pages of, about, at most: more documents are
cut into more groups than processes, run in turn. Each process reads the whole content (about 600 MiB at
N = 7,300) and holds its group's pages, compressed, until it has written them all. Measured at N = 7,300
on 2 cores, cold, for all processes at once: two groups 2,397 MiB before pages were held compressed and
KaTeX's process ended early, 1,804 MiB (258 s) after; four groups, two at a time, 1,633 MiB but 300 s
(each more group reads the content once more, and the last runs alone when their number is odd)."""
JOBS_HELP = (
    "bangun dengan N proses sekaligus, masing-masing sekelompok bagian (provinsi), lalu rakit menjadi satu situs "
    f"yang sama persis (situs lebih dari {GROUP_DOCUMENTS:_} dokumen per proses dibagi menjadi lebih banyak "
    "kelompok yang dibangun bergiliran, agar memori cukup); lebih cepat bila ada N prosesor yang menganggur; "
    "1: satu proses (bawaan: satu proses per "
    f"prosesor, paling banyak {MAX_JOBS}, bila ada sedikitnya {PARALLEL_FROM:_} dokumen; selain itu 1)"
).replace("_", ".")

# argparse writes its own words (usage, section titles, -h, its errors) through gettext,
# which has no Indonesian catalogue; editors read every line of `iku` in Bahasa Indonesia.
ARGPARSE_WORDS = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak dikenal: %(value)r (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu sedikitnya satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s ambigu: bisa berarti %(matches)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
}


def _indonesian(text: str) -> str:
    return ARGPARSE_WORDS.get(text, text)


def _indonesian_plural(singular: str, plural: str, count: int) -> str:
    # argparse's only plural: "expected %s argument(s)"; Indonesian has one form.
    return "perlu %s nilai" if singular == "expected %s argument" else (singular if count == 1 else plural)


argparse._ = _indonesian  # type: ignore[attr-defined]
argparse.ngettext = _indonesian_plural  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.content, args.format)
        if args.command == "new":
            return _new(args.content, args.wilayah, args.periode, args.sumber)
        if args.command == "import":
            return import_command(args.sumber, args.content, args.keluaran)
        if args.command == "schema":
            for path in write_schemas(args.content):
                print(f"Ditulis: {path}")
            return 0
        if args.command == "serve":
            return _serve(args.config_file, args.wilayah, args.dev_addr)
        if args.command == "shards":
            return _shards(_content_folder(args.config_file), args.format)
        config = load_site_config(args.config_file)
        site_dir = args.site_dir or config.site_dir
        if args.command == "links":
            return _links(site_dir, config.site_url)
        if args.command == "assemble":
            count, reused = assemble_parts(
                args.config_file, args.bagian, site_dir, provinces_with_pages(config.content_dir)
            )
            if reused:
                print(INDEX_REUSED, file=sys.stderr)
            print(f"Situs dirakit dari {len(args.bagian)} bagian di {site_dir}: {count} berkas dan indeks pencarian.")
            return 0
        if args.command == "split":
            return _split(site_dir, config.site_url, config.content_dir, args.keluaran, args.batas)
        if args.rapikan_cache and args.shard is None:
            raise IkuError("--rapikan-cache hanya untuk --shard: pembangunan seluruh situs selalu merapikan cache")
        return _build(args.config_file, site_dir, config.content_dir, args.shard, args.jobs, args.rapikan_cache)
    except ContentError as error:
        sys.stderr.write(WRITERS["text"](error.problems, error.notes))
        return 1
    except IkuError as error:
        print(f"Galat: {spelled_out(str(error))}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iku", description="Portal IKU: periksa konten dan bangun situs.")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", required=True)
    check = commands.add_parser("check", help="periksa semua berkas di content/")
    check.add_argument("--content", type=Path, default=Path("content"), metavar="FOLDER", help=CONTENT_HELP)
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: untuk dibaca; github: anotasi di pull request; json: untuk alat lain (bawaan: text)",
    )
    new = commands.add_parser("new", help="buat kerangka dokumen IKU baru, lengkap dengan penjelasan tiap kolom")
    new.add_argument(
        "--wilayah",
        required=True,
        help="kecamatan, instansi atau jabatan: kode Kemendagri kecamatan (35.08.12) atau id seperti pada alamat "
        "dokumen (jawa-timur/lumajang/senduro, jawa-timur/lumajang/dinas-kesehatan, "
        "jawa-timur/badan-pendapatan-daerah, jawa-timur/dinas-perhubungan/sekretaris)",
    )
    new.add_argument("--periode", required=True, help="satu tahun (2025) atau rentang (2025-2029)")
    new.add_argument(
        "--sumber",
        required=True,
        type=Path,
        help="letak berkas dokumen asli (PDF atau teks) di komputer Anda; disalin ke content/sumber/",
    )
    new.add_argument("--content", type=Path, default=Path("content"), metavar="FOLDER", help=CONTENT_HELP)
    importing = commands.add_parser(
        "import",
        help="buat draf dokumen dari teks atau PDF dokumen IKU yang sudah terbit, untuk diperiksa editor",
        description="Membaca dokumen IKU yang sudah terbit (teks hasil ekstraksi .txt/.md, atau PDF) dan menulis "
        "draf berkas konten untuk diperiksa: di content/dokumen/ bila instansi, wilayah dan periodenya dikenali, "
        f"selain itu di {DRAFTS_DIR}/ (di samping content/). Berkas yang sudah ada tidak pernah ditimpa. "
        "Setelah memeriksa draf, jalankan `iku check`.",
    )
    importing.add_argument(
        "sumber",
        type=Path,
        metavar="BERKAS|FOLDER",
        help="satu berkas .txt, .md atau .pdf, atau folder: semua berkas itu di dalamnya (termasuk subfolder)",
    )
    importing.add_argument("--content", type=Path, default=Path("content"), metavar="FOLDER", help=CONTENT_HELP)
    importing.add_argument(
        "--keluaran",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="tulis semua draf ke folder ini (mis. untuk dibandingkan dengan konten yang sudah ada), "
        "bukan ke content/dokumen/ dan draf/",
    )
    schema = commands.add_parser("schema", help="tulis ulang JSON Schema untuk editor di content/schema/")
    schema.add_argument("--content", type=Path, default=Path("content"), metavar="FOLDER", help=CONTENT_HELP)
    build = commands.add_parser(
        "build", help="bangun situs dengan mkdocs build --strict; situs lama diganti hanya bila berhasil"
    )
    build.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BERKAS", help="berkas konfigurasi MkDocs"
    )
    build.add_argument(
        "--site-dir", type=Path, default=None, metavar="FOLDER", help="folder keluaran (bawaan: dari mkdocs.yml)"
    )
    build.add_argument(
        "--shard",
        default=None,
        metavar="BAGIAN",
        help="bangun satu bagian situs saja, untuk dibangun di beberapa mesin lalu dirakit dengan iku assemble: "
        "id provinsi (halaman di bawah alamatnya) atau common (selebihnya), atau beberapa bagian dipisah koma "
        "(common,jawa-timur); daftarnya: iku shards",
    )
    build.add_argument(
        "--rapikan-cache",
        action="store_true",
        help="dengan --shard: hapus dari .cache/pages/ setiap halaman simpanan yang tidak dipakai bagian ini "
        "(cache milik bagian ini saja, seperti di CI); pembangunan seluruh situs selalu merapikannya",
    )
    build.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help=JOBS_HELP,
    )
    shards = commands.add_parser("shards", help="daftar bagian situs yang dapat dibangun terpisah (iku build --shard)")
    shards.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BERKAS", help="berkas konfigurasi MkDocs"
    )
    shards.add_argument(
        "--format", choices=("text", "json"), default="text", help="text: satu per baris; json: daftar JSON"
    )
    assembling = commands.add_parser(
        "assemble", help="rakit bagian-bagian yang dibangun dengan iku build --shard menjadi satu situs"
    )
    assembling.add_argument("bagian", type=Path, nargs="+", metavar="FOLDER_BAGIAN", help="folder tiap bagian")
    assembling.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BERKAS", help="berkas konfigurasi MkDocs"
    )
    assembling.add_argument(
        "--site-dir", type=Path, default=None, metavar="FOLDER", help="folder keluaran (bawaan: dari mkdocs.yml)"
    )
    split = commands.add_parser(
        "split",
        help="potong situs yang sudah dibangun menjadi satu situs GitHub Pages per provinsi dan satu untuk selebihnya",
    )
    split.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BERKAS", help="berkas konfigurasi MkDocs"
    )
    split.add_argument(
        "--site-dir", type=Path, default=None, metavar="FOLDER", help="folder situs (bawaan: dari mkdocs.yml)"
    )
    split.add_argument(
        "--keluaran", type=Path, required=True, metavar="FOLDER", help="folder tujuan: satu subfolder per bagian"
    )
    split.add_argument(
        "--batas",
        type=int,
        default=PAGES_LIMIT,
        metavar="BAIT",
        help=f"ukuran terbesar satu bagian (bawaan: {PAGES_LIMIT}, batas GitHub Pages)",
    )
    serve = commands.add_parser(
        "serve", help="pratinjau situs di komputer Anda (mkdocs serve), dimuat ulang setiap kali berkas disimpan"
    )
    serve.add_argument(
        "--wilayah",
        default=None,
        metavar="ALAMAT",
        help="hanya dokumen satu wilayah atau instansi, seperti alamat halamannya (jawa-timur/lumajang, "
        "jawa-timur/lumajang/dinas-kesehatan): mulai cepat berapa pun banyaknya dokumen",
    )
    serve.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BERKAS", help="berkas konfigurasi MkDocs"
    )
    serve.add_argument(
        "--dev-addr", default=None, metavar="ALAMAT:PORT", help="alamat pratinjau (bawaan: 127.0.0.1:8000)"
    )
    links = commands.add_parser("links", help="periksa setiap tautan dan jangkar internal di situs yang sudah dibangun")
    links.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="BERKAS", help="berkas konfigurasi MkDocs"
    )
    links.add_argument(
        "--site-dir", type=Path, default=None, metavar="FOLDER", help="folder situs (bawaan: dari mkdocs.yml)"
    )
    return parser


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat paling sedikit 1, bukan {text!r}")
    return number


def _build(
    config_file: Path, site_dir: Path, content_dir: Path, shard: str | None, jobs: int | None, prune: bool = False
) -> int:
    if shard is not None:
        if jobs not in (None, 1):
            raise IkuError("--shard dan --jobs tidak dapat dipakai bersama: satu bagian dibangun dalam satu proses")
        # Named before MkDocs starts: a mistyped shard is one line, not a failed build.
        checked_shards(content_dir, shard)
        return build_site(config_file, site_dir, shard, prune_cache=prune)
    # Without the content folder, the build names what is missing.
    documents = sum(documents_per_province(content_dir).values()) if content_dir.is_dir() else 0
    count = jobs if jobs is not None else default_jobs(documents, len(os.sched_getaffinity(0)))
    kept = PageCache(config_file.resolve().parent / CACHE_DIR / PAGES_DIR).count()
    groups = shard_groups(content_dir, group_count(documents, count, kept)) if count > 1 else []
    if len(groups) < 2:
        return build_site(config_file, site_dir)
    return build_site_in_parallel(config_file, site_dir, groups, provinces_with_pages(content_dir), count)


def default_jobs(documents: int, processors: int) -> int:
    """Processes ``iku build`` uses unless told, for content of ``documents`` on ``processors``."""
    return max(1, min(processors, MAX_JOBS)) if documents >= PARALLEL_FROM else 1


def group_count(documents: int, jobs: int, kept: int = 0) -> int:
    """Groups of shards a build in ``jobs`` processes cuts content of ``documents`` into: one per process, or
    more, of about :data:`GROUP_DOCUMENTS` documents each, so that no process holds too many pages at once.

    With at least as many ``kept`` pages (``.cache/pages/``) as documents, a rebuild, one per process: it
    writes most pages from the cache without holding them, and each more group would read the whole
    content once more (at N = 7,300, 27 CPU s each) for memory it does not need."""
    if kept >= documents:
        return jobs
    return max(jobs, -(-documents // GROUP_DOCUMENTS))


def _check(content_dir: Path, output: str) -> int:
    if not content_dir.is_dir():
        raise IkuError(f"folder konten {content_dir} tidak ada")
    try:
        content, documents = check_content_folder(content_dir)
    except ContentError as error:
        # Annotations and JSON are read by tools from stdout; the text report is for people, on stderr.
        stream = sys.stderr if output == "text" else sys.stdout
        stream.write(WRITERS[output](error.problems, error.notes))
        return 1
    if output == "json":
        sys.stdout.write(WRITERS["json"]([], []))
    else:
        print(f"Konten valid: {len(documents)} dokumen, {len(content.regulations.regulasi)} regulasi.")
    return 0


def _serve(config_file: Path, region: str | None, address: str | None) -> int:
    environment = dict(os.environ)
    if region is not None:
        # Named before MkDocs starts, so a mistyped place is one line, not a server that fails on every reload.
        preview_scope(_content_folder(config_file), region)
        environment[PREVIEW_VARIABLE] = region
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file)]
    command += ["--dev-addr", address] if address else []
    try:
        return subprocess.run(command, env=environment, check=False).returncode
    except KeyboardInterrupt:
        return 130


def _shards(content_dir: Path, output: str) -> int:
    names = shard_names(content_dir)
    print(json.dumps(names) if output == "json" else "\n".join(names))
    return 0


def _split(site_dir: Path, site_url: str, content_dir: Path, target: Path, limit: int) -> int:
    parts = split_site(site_dir, site_url, shard_names(content_dir)[1:], target, limit)
    for part in parts:
        print(f"{part.name}: {part.files} berkas, {part.size} bait")
    return 0


def _content_folder(config_file: Path) -> Path:
    """The content folder the ``iku`` plugin of ``config_file`` reads, relative to the working directory."""
    return load_site_config(config_file).content_dir


def _links(site_dir: Path, site_url: str) -> int:
    if not (site_dir / "index.html").is_file():
        raise IkuError(f"{site_dir} belum berisi situs; jalankan `iku build` dahulu")
    broken = check_links(site_dir, site_url)
    duplicates = duplicate_ids(site_dir)
    for problem in [*broken, *duplicates]:
        print(spelled_out(str(problem)), file=sys.stderr)
    if broken:
        print(f"{len(broken)} tautan rusak.", file=sys.stderr)
    if duplicates:
        print(f"{len(duplicates)} id ganda dalam satu halaman.", file=sys.stderr)
    if broken or duplicates:
        return 1
    print(f"Semua tautan internal di {site_dir} berfungsi.")
    return 0


def _new(content_dir: Path, region: str, period: str, source: Path) -> int:
    scaffold = new_document(content_dir, region, period, source)
    print(f"Dibuat: {scaffold.document}\nDisalin: {scaffold.source}")
    print(
        f"Isi dokumen itu dari dokumen asli: `iku check` menolaknya sampai {len(scaffold.unfilled)} isian ini diisi "
        "(lalu lihat hasilnya dengan `mkdocs serve`):"
    )
    print("\n".join(str(problem) for problem in scaffold.unfilled))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
