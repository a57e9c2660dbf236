"""A folder replaced whole (folders.py): the new one takes the old one's place by renaming, and the old
one, thousands of files for a site, is removed by a process of its own that the command does not wait
for. Nothing is lost if that process cannot start: the folder is removed at once instead."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from generator.publishing import folders
from generator.publishing.folders import remove_in_background, remove_leftovers, staging_beside, swap_in


def _beside(site: Path) -> list[str]:
    return sorted(path.name for path in site.parent.iterdir() if path.name.startswith(f".{site.name}-"))


def _beside_once_removed(site: Path, kept: tuple[str, ...] = ()) -> list[str]:
    """What is left beside ``site`` once the removing processes have ended (at most a minute), with
    ``kept`` the folders no process removes."""
    deadline = time.monotonic() + 60
    while (left := _beside(site)) != sorted(kept) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def _old_site(site: Path, pages: int = 50) -> None:
    for number in range(pages):
        page = site / f"halaman-{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"lama {number}", encoding="utf-8")


def _recorded_removals(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every folder this process removes with shutil.rmtree from here on (removed all the same)."""
    removed: list[Path] = []
    rmtree = shutil.rmtree

    def recording(path: Path, *args: object, **kwargs: object) -> None:
        removed.append(Path(path))
        rmtree(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(folders.shutil, "rmtree", recording)
    return removed


def test_the_retired_site_is_removed_by_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    _old_site(site)
    staging = staging_beside(site)
    (staging / "index.html").write_text("baru", encoding="utf-8")
    removed = _recorded_removals(monkeypatch)
    swap_in(staging, site)
    assert removed == []
    assert sorted(path.name for path in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "baru"
    assert _beside_once_removed(site) == []


def test_a_folder_is_removed_at_once_when_no_process_can_be_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    retired = tmp_path / ".site-lama-1-abc"
    _old_site(retired)
    monkeypatch.setattr(folders.sys, "executable", str(tmp_path / "tidak-ada-python"))
    remove_in_background(retired)
    assert not retired.exists()


def test_a_folder_a_killed_build_left_is_removed_by_the_next_staging(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _old_site(site)
    # A process id no process has (above the kernel's largest).
    dead = tmp_path / ".site-baru-4194305-xyz"
    _old_site(dead)
    staging = staging_beside(site)
    assert _beside_once_removed(site, kept=(staging.name,)) == [staging.name]
    assert (site / "halaman-0/index.html").read_text(encoding="utf-8") == "lama 0"


def test_a_folder_of_a_running_process_is_left_alone(tmp_path: Path) -> None:
    """A build's, or one being removed (its remover renamed it with its own id): a build started meanwhile leaves it."""
    site = tmp_path / "site"
    site.mkdir()
    being_removed = tmp_path / f".site-lama-{os.getpid()}-abc"
    being_removed.mkdir()
    remove_leftovers(site)
    assert being_removed.is_dir()
    dead = tmp_path / ".site-baru-4194305-xyz"
    _old_site(dead)
    remove_leftovers(site)
    assert _beside_once_removed(site, kept=(being_removed.name,)) == [being_removed.name]
