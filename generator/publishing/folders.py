"""Folders replaced whole: what a build, an assembly or a split writes never shows half-written.

The new folder is written beside its place, under a name that carries the writing process's id
(``.<name>-baru-<pid>-…``), and swapped in by renaming only when everything succeeded. What a hard
kill left behind (a process that no longer runs) is removed the next time a folder is staged there.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

STAGING = "baru"
RETIRED = "lama"


def staging_beside(target: Path) -> Path:
    """A fresh empty folder beside ``target``, to be swapped in by :func:`swap_in` (or removed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    return Path(tempfile.mkdtemp(prefix=folder_prefix(target, STAGING, os.getpid()), dir=target.parent))


def swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` where ``target`` is: the old folder moves aside under a retired name, then goes."""
    if not target.exists():
        staging.rename(target)
        return
    retired = Path(tempfile.mkdtemp(prefix=folder_prefix(target, RETIRED, os.getpid()), dir=target.parent))
    target.rename(retired / target.name)
    staging.rename(target)
    shutil.rmtree(retired)


def folder_prefix(target: Path, kind: str, pid: int) -> str:
    return f".{target.name}-{kind}-{pid}-"


def remove_leftovers(target: Path) -> None:
    """Remove the folders staged or retired beside ``target`` by processes that no longer run
    (killed with SIGKILL, or the machine stopped)."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}-(?:{STAGING}|{RETIRED})-(\d+)-")
    for folder in target.parent.iterdir():
        match = pattern.match(folder.name)
        if match and folder.is_dir() and not folder.is_symlink() and not _running(int(match[1])):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
