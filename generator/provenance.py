"""Where content came from: the source file's fingerprint and the content file's git history.

History is read with one ``git log`` over the whole content folder, so its cost does
not grow per document. A site built from a tarball has no history; that is reported
on the page instead of failing the build.
"""

from __future__ import annotations

import datetime
import hashlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

RECORD = "\x1e"
UNIT = "\x1f"


@dataclass(frozen=True)
class Change:
    """One commit that changed a content file."""

    commit: str
    date: datetime.date
    summary: str


@dataclass(frozen=True)
class History:
    """The changes of one content file, newest first, or why they are unknown."""

    changes: list[Change] = field(default_factory=list)
    unavailable: str | None = None
    truncated: bool = False

    @property
    def last_changed(self) -> datetime.date | None:
        return self.changes[0].date if self.changes else None


@dataclass(frozen=True)
class RepositoryHistory:
    """The history of every file under the content folder, from one ``git log``."""

    by_file: dict[str, list[Change]] | None
    reason: str | None = None
    truncated: bool = False

    def of(self, relative_path: str) -> History:
        if self.by_file is None:
            return History(unavailable=self.reason)
        return History(self.by_file.get(relative_path, []), truncated=self.truncated)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_history(content_dir: Path) -> RepositoryHistory:
    """Every commit touching ``content_dir``, by file path relative to it."""
    log_format = f"--format={RECORD}%H{UNIT}%cs{UNIT}%s"
    log = _git(content_dir, "log", "--no-merges", log_format, "--name-only", "--relative", "--", ".")
    if log is None:
        return RepositoryHistory(None, "situs ini dibangun tanpa riwayat git (misalnya dari arsip tarball)")
    by_file: dict[str, list[Change]] = {}
    for record in log.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        commit, date, summary = header.split(UNIT, 2)
        change = Change(commit, datetime.date.fromisoformat(date), summary.strip())
        for name in names.split("\n"):
            if name.strip():
                by_file.setdefault(name.strip(), []).append(change)
    return RepositoryHistory(by_file, truncated=_git(content_dir, "rev-parse", "--is-shallow-repository") == "true\n")


def last_commit_date(folder: Path) -> datetime.date | None:
    """The date of the last commit (merges aside) touching ``folder``; ``None`` without one or outside git."""
    date = (_git(folder, "log", "-1", "--no-merges", "--format=%cs", "--", ".") or "").strip()
    return datetime.date.fromisoformat(date) if date else None


def _git(cwd: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None
