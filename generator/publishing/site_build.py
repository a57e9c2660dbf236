"""Building the site so that a failed build never leaves a half-written site behind.

MkDocs empties ``site_dir`` before it writes and only then finds strict-mode
warnings; a failure would leave an empty or partial folder where the last good
site was. Here MkDocs writes into a fresh folder beside it, and only a build that
succeeds replaces the previous site, by renaming.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from ..content.errors import IkuError
from .folders import remove_beside, staging_beside, swap_in
from .page_cache import (
    CACHE_DIR,
    INDEX_DIR,
    INDEX_REUSED,
    PAGES_DIR,
    RECORD_VARIABLE,
    PageCache,
    read_records,
    search_index_kept,
)
from .shards import assemble


@dataclass(frozen=True)
class SiteConfig:
    """What the commands need from ``mkdocs.yml``."""

    site_dir: Path
    site_url: str
    content_dir: Path
    """The folder the ``iku`` plugin reads."""


def load_site_config(config_file: Path) -> SiteConfig:
    """The output folder and published address ``config_file`` names (``SITE_URL`` may set the address)."""
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as error:
        raise IkuError(f"{config_file} tidak dapat dibaca: {error}") from None
    plugin = config.plugins.get("iku")
    content = Path(plugin.config.content_dir) if plugin is not None else Path("content")
    return SiteConfig(Path(config.site_dir), str(config.site_url or ""), content)


PREVIEW_VARIABLE = "IKU_WILAYAH"
"""Set by ``iku serve --wilayah``; mkdocs.yml hands it to the plugin's ``wilayah`` option."""
SHARD_VARIABLE = "IKU_SHARD"
"""Set by ``iku build --shard``; mkdocs.yml hands it to the plugin's ``shard`` option."""
# Signals that end a build from outside: a CI job cancelled, Ctrl-C, a closed terminal.
STOPPING_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
CHILD_GRACE_SECONDS = 10
WAIT_SECONDS = 0.2
"""How long to wait for one of several MkDocs processes before looking at the next."""


class BuildStopped(Exception):
    """A signal asked the build to stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Stopper:
    """The handler of stopping signals: it stops the build only while MkDocs runs.

    Before MkDocs is known (it would be left running) and once it has finished (the site
    is being swapped in by renaming), a signal is only noted.
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self.armed = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signum = signum
        if self.armed:
            raise BuildStopped(signum)

    def arm(self, armed: bool) -> None:
        self.armed = armed
        if armed and self.signum is not None:
            raise BuildStopped(self.signum)


def build_site(config_file: Path, site_dir: Path, shard: str | None = None, *, prune_cache: bool = False) -> int:
    """Run ``mkdocs build --strict``; replace ``site_dir`` only if it succeeds. Return the exit code.

    With ``shard``, only that part of the site is written (``publishing/shards.py``): one shard,
    or a group separated by commas.

    Stopped by a signal, it ends MkDocs and removes its folder; what a hard kill left behind
    (its folders, named with its process id) the next build removes.

    With ``prune_cache`` (and ``shard``: a full build prunes anyway), a build that succeeded removes
    every kept page the shard did not use: for a cache that only this shard uses (a CI job's).
    """
    if not prune_cache:
        return _build(config_file, site_dir, [shard], lambda parts, site: swap_in(parts[0], site))
    with tempfile.TemporaryDirectory(prefix="iku-catatan-") as folder:
        record = Path(folder, "bagian.json")

        def finish(parts: list[Path], site: Path) -> None:
            swap_in(parts[0], site)
            found = read_records([record])
            if found is not None:
                _prune_pages(config_file, found[0])

        return _build(config_file, site_dir, [shard], finish, [{RECORD_VARIABLE: str(record)}])


def _prune_pages(config_file: Path, used: set[str]) -> None:
    """Remove every kept page no process of this build used."""
    pages = PageCache(config_file.resolve().parent / CACHE_DIR / PAGES_DIR)
    pages.used = used
    pages.prune()


def build_site_in_parallel(
    config_file: Path, site_dir: Path, groups: Sequence[str], provinces: Sequence[str], at_once: int | None = None
) -> int:
    """Build the site as ``groups`` of shards (``common,aceh``), one MkDocs process each, at most ``at_once``
    at a time (all, unless told), and assemble them into ``site_dir`` with one search index
    (``shards.assemble``): the site :func:`build_site` writes, byte for byte, using one core per running
    group and holding in each process only its group's pages (more groups than processes: fewer pages
    each, so less memory at once). ``site_dir`` is replaced only if every group succeeds.

    The page cache is used as a one-process build uses it: each group records the entries it used and
    its pages' keys (``page_cache.write_record``); once the site is assembled, every entry no group used
    is removed, and the search index kept for the same pages is written instead of running Pagefind.
    A build that failed or was stopped removes nothing.
    """
    cache = config_file.resolve().parent / CACHE_DIR
    with tempfile.TemporaryDirectory(prefix="iku-catatan-") as folder:
        records = [Path(folder, f"bagian-{number}.json") for number in range(len(groups))]

        def finish(parts: list[Path], site: Path) -> None:
            found = read_records(records)
            if found is None:
                # A group that recorded nothing: what it used is unknown, so nothing is pruned nor reused.
                assemble(parts, site, provinces, move=True)
                return
            used, keyed = found
            reused: list[bool] = []
            assemble(
                parts,
                site,
                provinces,
                move=True,
                index=lambda staging: reused.append(search_index_kept(staging, cache / INDEX_DIR, keyed)),
            )
            if reused == [True]:
                print(INDEX_REUSED, file=sys.stderr)
            _prune_pages(config_file, used)

        environments = [{RECORD_VARIABLE: str(record)} for record in records]
        return _build(config_file, site_dir, list(groups), finish, environments, at_once)


def assemble_parts(
    config_file: Path, parts: Sequence[Path], site_dir: Path, provinces: Sequence[str]
) -> tuple[int, bool]:
    """``iku assemble``: the shards built apart (on other machines) put together into ``site_dir``, with the
    search index kept in the project's cache when the assembled HTML files are byte for byte those it
    was made from (read, as no page key is known here), else Pagefind's, then kept. Return the files'
    count and whether the kept index was used."""
    cache = config_file.resolve().parent / CACHE_DIR / INDEX_DIR
    reused: list[bool] = []
    count = assemble(
        parts, site_dir, provinces, index=lambda staging: reused.append(search_index_kept(staging, cache, {}))
    )
    return count, reused == [True]


def _build(
    config_file: Path,
    site_dir: Path,
    shards: list[str | None],
    finish: Callable[[list[Path], Path], object],
    environments: Sequence[dict[str, str]] = (),
    at_once: int | None = None,
) -> int:
    """Run one ``mkdocs build --strict`` per entry of ``shards``, at most ``at_once`` at a time (all, unless
    told), each into a folder of its own (with the variables of the matching entry of ``environments``, if
    any); when all succeed, ``finish`` makes ``site_dir`` of those folders. Return the exit code."""
    site_dir = site_dir.resolve()
    staging = staging_beside(site_dir)
    parts = [staging] if len(shards) == 1 else [staging / f"bagian-{number}" for number in range(len(shards))]
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]
    children: list[subprocess.Popen[bytes]] = []
    stopper = _Stopper()
    previous = {signum: signal.signal(signum, stopper) for signum in STOPPING_SIGNALS}
    try:
        # A preview's place left in the shell would build a site of one place (mkdocs.yml reads it).
        # So would a shard's name: only --shard names one.
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in (PREVIEW_VARIABLE, SHARD_VARIABLE, RECORD_VARIABLE)
        }
        waiting = []
        for number, (shard, part) in enumerate(zip(shards, parts, strict=True)):
            extra = {SHARD_VARIABLE: shard} if shard is not None else {}
            extra |= environments[number] if environments else {}
            waiting.append(([*command, "--site-dir", str(part)], environment | extra))

        def start() -> None:
            # Not stopped halfway through starting one: a process started but not yet listed would be left running.
            stopper.arm(False)
            arguments, variables = waiting.pop(0)
            children.append(subprocess.Popen(arguments, env=variables))
            stopper.arm(True)

        returncode = _wait(children, start, len(waiting) if at_once is None else at_once, waiting)
        stopper.arm(False)
        if returncode != 0:
            print(f"Pembangunan gagal; situs lama di {site_dir} tidak diubah.", file=sys.stderr)
            return returncode
        staging.chmod(0o755)
        finish(parts, site_dir)
        # What is left of a parallel build's parts once moved into the site: thousands of empty folders.
        remove_beside(site_dir, staging)
    except BuildStopped as stopped:
        stopper.arm(False)
        name = signal.Signals(stopped.signum).name
        print(f"Pembangunan dihentikan ({name}); situs lama di {site_dir} tidak diubah.", file=sys.stderr)
        return 128 + stopped.signum
    finally:
        stopper.arm(False)
        for child in children:
            _end(child)
        shutil.rmtree(staging, ignore_errors=True)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0


def _wait(
    children: list[subprocess.Popen[bytes]], start: Callable[[], None], at_once: int, waiting: Sequence[object]
) -> int:
    """Start the ``waiting`` processes (``start`` adds the next to ``children``), ``at_once`` running at a
    time, and wait for every one; the first to fail ends the wait (the others are ended: their work would
    be thrown away). Its exit code, or 0."""
    running: list[subprocess.Popen[bytes]] = []
    while running or waiting:
        while waiting and len(running) < max(1, at_once):
            start()
            running.append(children[-1])
        for child in list(running):
            try:
                returncode = child.wait(WAIT_SECONDS if len(running) > 1 or waiting else None)
            except subprocess.TimeoutExpired:
                continue
            running.remove(child)
            if returncode != 0:
                return returncode
            if waiting:
                break
    return 0


def _end(child: subprocess.Popen[bytes] | None) -> None:
    """End MkDocs if it still runs: politely, then for certain."""
    if child is None or child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(CHILD_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
