"""A document's versions: the commits that changed what it says, each with its changes in words.

Every commit that touched a document's file is read back (through one ``git cat-file``
process for the whole build), validated with the model and compared with the previous
valid version. A commit that changes nothing a reader sees (formatting, a comment, a
schema header) is not a version; one whose file does not validate is listed as such,
without details, and never stops the build. Only the newest ``MAX_COMMITS_READ`` commits
of a file are read, so a build's cost stays linear in the number of documents.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .changes import Described, describe
from .provenance import Blobs, History, blob_id
from .validate import validate
from .yaml_source import parse_yaml

MAX_COMMITS_READ = 100
"""The newest commits of one file that are read; older ones are said to exist, not listed."""
PUBLISHED_VERSIONS = 5
"""The newest valid versions of a document whose JSON is published beside the current one."""


@dataclass(frozen=True)
class Version:
    """One commit that changed what a document says."""

    commit: str
    date: datetime.date | None
    """``None`` when the commit's date is not one a page can carry."""
    changes: list[Described] | None
    """What changed since the previous valid version; ``None`` when this version does not validate."""
    first: bool = False
    """The document's first version: nothing to compare it with."""
    document: BaseModel | None = field(default=None, compare=False, repr=False)
    """The validated document as of this version, kept for the newest ``PUBLISHED_VERSIONS`` only."""


@dataclass(frozen=True)
class ContentHistory:
    """A document's versions, newest first, or why they are unknown."""

    versions: list[Version] = field(default_factory=list)
    unavailable: str | None = None
    truncated: bool = False
    """Built from a shallow clone: older commits are missing."""
    older_unread: bool = False
    """The file has more than ``MAX_COMMITS_READ`` commits; the oldest are not listed."""

    @property
    def last_changed(self) -> datetime.date | None:
        """When what the document says last changed; ``None`` without history or when that date is not valid."""
        return self.versions[0].date if self.versions else None


class VersionReader:
    """Reads the versions of every document of one build through one git process."""

    def __init__(self, blobs: Blobs, kinds: Mapping[str, type[BaseModel]]) -> None:
        self.blobs, self.kinds = blobs, kinds

    def history(self, history: History, path: str, current: bytes, document: BaseModel) -> ContentHistory:
        """The versions of the file at ``path`` (inside ``content/``), whose present bytes validated as ``document``."""
        if history.unavailable is not None:
            return ContentHistory(unavailable=history.unavailable)
        commits = history.changes[:MAX_COMMITS_READ]
        # What one file's versions parsed to; the present version is already validated.
        parsed: dict[str, BaseModel | None] = {blob_id(current): document}
        versions: list[Version] = []
        previous: BaseModel | None = None
        for change in reversed(commits):
            if not change.blob:
                continue  # the file was deleted here, and added back later
            if change.blob not in parsed:
                parsed[change.blob] = self._validated(self.blobs.read(change.blob), path)
            model = parsed[change.blob]
            if model is None:
                versions.append(Version(change.commit, change.date, None))
                continue
            if previous is None:
                versions.append(Version(change.commit, change.date, [], first=len(history.changes) == len(commits)))
            elif changes := describe(previous, model):
                versions.append(Version(change.commit, change.date, changes))
            elif versions and versions[-1].changes is None:
                restored = [Described("Isi kembali seperti versi sah sebelumnya")]
                versions.append(Version(change.commit, change.date, restored))
            else:
                continue
            versions[-1] = dataclasses.replace(versions[-1], document=model)
            previous = model
        newest = list(reversed(versions))
        kept = [v for v in newest if v.document is not None][:PUBLISHED_VERSIONS]
        newest = [v if v in kept else dataclasses.replace(v, document=None) for v in newest]
        return ContentHistory(newest, truncated=history.truncated, older_unread=len(history.changes) > len(commits))

    def _validated(self, data: bytes | None, path: str) -> BaseModel | None:
        if data is None:
            return None
        source = parse_yaml(data, Path(path))
        if isinstance(source, list):
            return None
        kind = source.data.get("jenis")
        model = self.kinds.get(kind) if isinstance(kind, str) else None
        if model is None:
            return None
        result = validate(source, model)
        return None if isinstance(result, list) else result
