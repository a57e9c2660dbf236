"""Where content came from: the source file's fingerprint and the content file's git history.

History is read with one ``git log`` over the whole content folder, and the files'
earlier contents through one ``git cat-file --batch`` process, so the cost grows with
the history, never with a process per commit or per file. A site built from a tarball
has no history; that is reported on the page instead of failing the build.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from .printable import spelled_out

# The gzip header of sitemap.xml.gz holds a page's date as unsigned 32-bit seconds since
# 1970, so no published date may fall outside this range (git accepts any number).
EARLIEST = datetime.date(1970, 1, 1)
LATEST = datetime.date(2106, 2, 7)
_RAW_DATE = re.compile(r"^([0-9]{1,20}) ([+-])([0-9]{2})([0-9]{2})$")
_LOG_FORMAT = "--format=%x00%H%x00%cd%x00%s"
# With -z and --raw, each commit reads "\0hash\0date\0subject\0\n" and then, per file,
# ":modes hashes status\0name\0". NUL is the one byte no subject or file name holds, and a
# file name is never empty.
_LOG_ENTRY = re.compile("\0([^\0]*)\0([^\0]*)\0([^\0]*)\0\n?((?::[^\0]*\0[^\0]+\0)*)")
_RAW_FILE = re.compile(":[0-7]+ [0-7]+ [0-9a-f]+ ([0-9a-f]+) [A-Z][0-9]*\0([^\0]+)\0")
_NO_BLOB = re.compile("^0+$")


@dataclass(frozen=True)
class Change:
    """One commit that changed a content file."""

    commit: str
    date: datetime.date | None
    """``None`` when the commit's date is not one a page can carry (before 1970, after 2106, or garbled)."""
    summary: str
    blob: str = field(default="", compare=False)
    """The git object id of the file as this commit left it; empty when the commit deleted it."""


@dataclass(frozen=True)
class History:
    """The changes of one content file, newest first, or why they are unknown."""

    changes: list[Change] = field(default_factory=list)
    unavailable: str | None = None
    truncated: bool = False

    @property
    def last_changed(self) -> datetime.date | None:
        """The newest change's date; ``None`` without history or when that date is not valid."""
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


def read_history(content_dir: Path, within: Sequence[str] = (".",)) -> RepositoryHistory:
    """Every commit touching ``content_dir``, by file path relative to it; with ``within`` (git
    pathspecs relative to it), only the commits and files those name.

    History is input like any content file, written by anyone with a git client: fields
    are read NUL-separated, bytes that are not UTF-8 are replaced, control characters
    spelled out, and dates kept only when a published file can carry them.
    """
    log = _git(
        content_dir,
        *("log", "-z", "--no-merges", "--no-renames", "--date=raw", _LOG_FORMAT),
        *("--raw", "--no-abbrev", "--relative", "--", *within),
    )
    if log is None:
        return RepositoryHistory(None, "situs ini dibangun tanpa riwayat git (misalnya dari arsip tarball)")
    by_file: dict[str, list[Change]] = {}
    for commit, date, subject, files in _LOG_ENTRY.findall(log):
        when, line = commit_date(date), summary(subject)
        for blob, name in _RAW_FILE.findall(files):
            change = Change(commit, when, line, "" if _NO_BLOB.match(blob) else blob)
            by_file.setdefault(name, []).append(change)
    return RepositoryHistory(by_file, truncated=_git(content_dir, "rev-parse", "--is-shallow-repository") == "true\n")


# A subject is a line (git's convention: under 72 characters); git itself sets no limit, and
# every page the commit touched would carry all of it.
MAX_SUMMARY = 200


def summary(subject: str) -> str:
    """A commit subject as published: one line, nothing active, at most ``MAX_SUMMARY`` characters."""
    text = subject.strip()
    return spelled_out(text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "…")


def commit_date(raw: str) -> datetime.date | None:
    """The calendar date, in the committer's time zone, of git's raw ``<seconds> <±hhmm>``.

    ``None`` for what no page can carry: git writes 0 for a time it cannot read, and a
    date before 1970 or after 2106 does not fit the sitemap's gzip header.
    """
    match = _RAW_DATE.match(raw.strip())
    if match is None or int(match[1]) == 0:
        return None
    seconds, sign, hours, minutes = int(match[1]), match[2], int(match[3]), int(match[4])
    # An offset git accepted but no place on earth has (beyond ±14 hours) is ignored.
    offset = (hours * 60 + minutes) * (-1 if sign == "-" else 1) if hours <= 14 and minutes < 60 else 0
    latest = datetime.datetime.combine(LATEST, datetime.time.max, datetime.UTC).timestamp()
    if seconds > latest + 14 * 3600:
        return None
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC) + datetime.timedelta(minutes=offset)
    return moment.date() if EARLIEST <= moment.date() <= LATEST else None


def last_commit_date(folder: Path) -> datetime.date | None:
    """The date of the last commit (merges aside) touching ``folder``; ``None`` without one, outside git,
    or when that commit's date is not valid."""
    return commit_date(_git(folder, "log", "-1", "--no-merges", "--date=raw", "--format=%cd", "--", ".") or "")


# Settings of the user's or the repository's configuration that change what `git log` prints:
# a log re-encoded to Latin-1 loses every other letter, signatures interleave GPG's output.
_PINNED_CONFIG = (
    "core.quotepath=off",
    "i18n.logOutputEncoding=UTF-8",
    "log.showSignature=false",
    "log.follow=false",
    "color.ui=never",
    "core.fsmonitor=false",
)


def _git(cwd: Path, *args: str) -> str | None:
    # GIT_DIR, GIT_WORK_TREE or GIT_CONFIG_* in the environment (a hook, a runner) would have
    # git read another repository's history, or settings nobody sees, and publish the result.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    pinned = [part for setting in _PINNED_CONFIG for part in ("-c", setting)]
    try:
        result = subprocess.run(["git", *pinned, *args], cwd=cwd, capture_output=True, check=False, env=env)
    except OSError:
        return None
    # A commit's bytes are whatever its author wrote: a subject or a file name need not be UTF-8,
    # and a bogus `encoding` header makes git pass them on unconverted.
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else None


def blob_id(data: bytes) -> str:
    """The id git gives a file holding ``data``: a file unchanged since a commit has that commit's id."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


class Blobs:
    """Files' earlier contents from one ``git cat-file --batch`` process, asked one at a time.

    A blob larger than ``limit`` is skipped unread (``None``), as is one the repository
    does not hold (a shallow clone); so is everything when git cannot be started.
    """

    def __init__(self, content_dir: Path, limit: int) -> None:
        self.limit = limit
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=content_dir,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._process = None

    def read(self, blob: str) -> bytes | None:
        process = self._process
        if process is None or not re.fullmatch("[0-9a-f]{40,64}", blob):
            return None
        stdin, stdout = process.stdin, process.stdout
        assert stdin is not None and stdout is not None, "started with pipes"
        try:
            stdin.write(blob.encode("ascii") + b"\n")
            stdin.flush()
            header = stdout.readline().split()
        except OSError:
            self.close()
            return None
        if len(header) != 3 or header[1] != b"blob":
            return None
        return _read_exactly(stdout, int(header[2]), self.limit)

    def close(self) -> None:
        if self._process is not None:
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process.wait()
            self._process = None

    def __enter__(self) -> Blobs:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


def _read_exactly(stream: IO[bytes], size: int, limit: int) -> bytes | None:
    """A blob's ``size`` bytes and git's closing newline; ``None`` (after skipping them) beyond ``limit``."""
    kept = stream.read(size) if size <= limit else None
    remaining = 0 if kept is not None else size
    while remaining:
        remaining -= len(stream.read(min(remaining, 1 << 16)) or b"\0" * remaining)
    stream.read(1)
    return kept
