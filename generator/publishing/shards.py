"""One site built in parts on several machines, and the parts put together.

Every file of the site belongs to exactly one shard, by its address alone: the files under
a provinsi's address (``jawa-timur/…``) and its list of documents (``daftar-dokumen/jawa-timur/…``)
to that provinsi's shard, everything else (home, regulations, comparison, glossary, data,
sources, assets, 404, sitemap) to :data:`COMMON`. Pages shared across provinsi (a comparison
group, a regulation's "cited by") live outside any provinsi's address, so they are common.

Each shard reads the whole content (every page knows every address it links to) but generates
and writes only its own files (and the navigation's pages, which every page shows): another
shard's pages and downloads are named, so that links to them resolve, but not rendered
(``generate(wanted=…)``). :func:`assemble` puts the shards' folders together, refusing a file
two shards wrote differently or a file missing from the common shard, and writes what needs the
whole site: the search index, run once over the assembled pages (or the one kept for the same pages,
``page_cache.search_index_kept``). The result is byte-identical
to a build on one machine (``tests/test_shards.py``).

A build may take a group of shards (``common,aceh``): ``iku build --jobs N`` builds the
:func:`shard_groups` in N processes at once and assembles them.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..content.errors import IkuError
from ..content.load import DOCUMENTS_DIR, REGIONS_FILE, content_files, display_path, load_regions
from ..content.printable import spelled_out
from .folders import Folders, staging_beside, swap_in
from .search_index import BUNDLE_DIR, build_search_index

COMMON = "common"
"""The shard of everything outside a provinsi's address."""
LISTS_DIR = "daftar-dokumen"
"""The lists of documents, one folder per provinsi (``pages/directory.py``)."""


def shard_names(content_dir: Path) -> list[str]:
    """The shards of the content in ``content_dir``: :data:`COMMON`, then each provinsi's id in catalogue order."""
    return [COMMON, *(province.id for province in load_regions(content_dir).provinsi)]


def checked_shards(content_dir: Path, value: str) -> tuple[str, ...]:
    """The shards a ``--shard`` value names: one, or a group separated by commas (``common,aceh``),
    each once; else an :class:`IkuError` naming the shards there are."""
    names = value.split(",")
    known = shard_names(content_dir)
    for name in names:
        if name not in known:
            raise IkuError(
                f"bagian {spelled_out(name)!r} tidak dikenal: pilih {COMMON} atau id provinsi dari "
                f"{display_path(content_dir / REGIONS_FILE).as_posix()} ({', '.join(known)})"
            )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise IkuError(f"bagian {', '.join(repeated)} disebut lebih dari sekali: {spelled_out(value)}")
    return tuple(names)


def shard_of(address: str, provinces: Iterable[str]) -> str:
    """The shard a site-relative file address (``jawa-timur/lumajang/index.html``) belongs to.

    A generated page's docs-relative path (``jawa-timur/lumajang/index.md``) belongs to the
    shard of the file it becomes: generated pages are all ``…/index.md``.
    """
    parts = address.split("/")
    provinces = frozenset(provinces)
    if len(parts) > 1 and parts[0] in provinces:
        return parts[0]
    if len(parts) > 2 and parts[0] == LISTS_DIR and parts[1] in provinces:
        return parts[1]
    return COMMON


def in_shards(shards: Iterable[str], provinces: Iterable[str]) -> Callable[[str], bool]:
    """Whether an address (as :func:`shard_of` reads it) belongs to one of ``shards``."""
    shards, provinces = frozenset(shards), frozenset(provinces)
    return lambda address: shard_of(address, provinces) in shards


COMMON_SHARE = 0.2
"""The common shard's work, as a share of the documents' count: it writes pages over every document
(comparison, regulations' "cited by", lists, data files). Measured at N = 1,000: the common shard
took as long as a provinsi's shard of about a fifth of the documents."""


def documents_per_province(content_dir: Path) -> Counter[str]:
    """How many document files lie in each provinsi's folder of ``content/dokumen/`` (none are read)."""
    documents, _ = content_files(content_dir)
    folder = content_dir / DOCUMENTS_DIR
    return Counter(path.relative_to(folder).parts[0] for path in documents)


def provinces_with_pages(content_dir: Path) -> list[str]:
    """The provinsi whose shard writes a page at their address: those with documents (a provinsi
    declared before its first document has no page yet, and its shard writes nothing)."""
    per_province = documents_per_province(content_dir)
    return [name for name in shard_names(content_dir)[1:] if per_province[name]]


def shard_groups(content_dir: Path, count: int) -> list[str]:
    """The shards cut into at most ``count`` groups of about equal work, for one process each: each group
    as ``--shard`` names it (``common,aceh``), its shards in catalogue order.

    A provinsi's work is its number of documents (its pages and downloads); the common shard's is
    :data:`COMMON_SHARE` of them all. Each shard, the largest first, goes to the group with least work.
    """
    per_province = documents_per_province(content_dir)
    names = shard_names(content_dir)
    total = sum(per_province.values())
    work = {name: per_province[name] for name in names[1:]} | {COMMON: COMMON_SHARE * total}
    groups: list[list[str]] = [[] for _ in range(min(count, len(names)))]
    loads = [0.0] * len(groups)
    for name in sorted(names, key=lambda name: -work[name]):
        lightest = loads.index(min(loads))
        groups[lightest].append(name)
        loads[lightest] += work[name]
    return [",".join(sorted(group, key=names.index)) for group in groups if group]


def files_under(root: Path) -> dict[str, Path]:
    """Every file under ``root``, by its ``/``-separated path relative to it."""
    return {
        Path(folder, name).relative_to(root).as_posix(): Path(folder, name)
        for folder, _, names in os.walk(root)
        for name in names
    }


def prune_to_shards(site: Path, shards: Iterable[str], provinces: Iterable[str]) -> None:
    """Remove from a built ``site`` every file the given ``shards`` do not own, and the folders left empty."""
    owned = in_shards(shards, provinces)
    for address, path in files_under(site).items():
        if not owned(address):
            path.unlink()
    for folder, _, _ in os.walk(site, topdown=False):
        if Path(folder) != site and not any(Path(folder).iterdir()):
            Path(folder).rmdir()


def assemble(
    shards: Sequence[Path],
    site_dir: Path,
    provinces: Iterable[str] = (),
    *,
    move: bool = False,
    index: Callable[[Path], object] = build_search_index,
) -> int:
    """Put the shards' folders together into ``site_dir`` and index the whole for search; return the files' count.

    ``index`` writes the search index of the assembled folder (Pagefind's, or one kept for the same pages).

    Every shard must be there: the common one and one for each of ``provinces`` (those with a page,
    :func:`provinces_with_pages`). ``site_dir`` is
    replaced only when everything succeeded; an :class:`IkuError` says what was wrong. With
    ``move``, the shards' files are moved rather than copied (folders of one build, thrown away after).
    """
    if not shards:
        raise IkuError("sebutkan folder setiap bagian yang sudah dibangun (iku build --shard …)")
    for shard in shards:
        if not shard.is_dir():
            raise IkuError(f"folder bagian {shard.as_posix()} tidak ada")
    site_dir = site_dir.resolve()
    staging = staging_beside(site_dir)
    try:
        count = _merge(shards, staging, move)
        if not (staging / "index.html").is_file():
            raise IkuError(f"tidak ada index.html di bagian mana pun: bagian {COMMON} belum disertakan")
        missing = [name for name in provinces if not (staging / name / "index.html").is_file()]
        if missing:
            raise IkuError(f"bagian {', '.join(missing)} belum disertakan: halaman provinsinya tidak ada")
        if (staging / BUNDLE_DIR).exists():
            raise IkuError(f"sebuah bagian sudah memuat {BUNDLE_DIR}/: bangun bagian dengan iku build --shard")
        index(staging)
        staging.chmod(0o755)
        swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def _merge(shards: Sequence[Path], target: Path, move: bool) -> int:
    """Copy (or move) every shard's files into ``target``; a file two shards wrote differently is an error."""
    origin: dict[str, Path] = {}
    conflicts: list[str] = []
    folders = Folders(target)
    for shard in shards:
        for address, path in sorted(files_under(shard).items()):
            if address in origin:
                if not filecmp.cmp(target / address, path, shallow=False):
                    conflicts.append(f"{address}: {origin[address].as_posix()} ≠ {path.as_posix()}")
                continue
            origin[address] = path
            destination = target / address
            folders.make(destination.parent)
            if move:
                os.replace(path, destination)
            else:
                shutil.copyfile(path, destination)
    if conflicts:
        raise IkuError(f"{len(conflicts)} berkas ditulis berbeda oleh dua bagian: {'; '.join(conflicts)}")
    return len(origin)
