"""What the checks across files need of one document, small enough to keep between runs.

A document that passed every check of its own (validation, its indicators and formulas)
is, for the checks that compare it with the catalogues and the other documents, only
these facts: its address, the places and regulations it names, its decree and its
sources. ``iku check`` keeps them with the parse cache, so an unchanged file is neither
parsed nor validated again, while every check across files still runs on every document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .addresses import Key, Loc
from .kinds import AnyDocument, document_key, former_keys, kind_of, regulation_refs


@dataclass(frozen=True)
class DocumentFacts:
    """One valid document as the checks across files see it."""

    jenis: str
    key: Key
    """The document's address (:func:`~generator.content.kinds.document_key`)."""
    owner: Key
    owner_fields: tuple[tuple[Loc, str], ...]
    """The fields naming its place, in address order, with where they are written."""
    last_field: Loc
    last_part: str
    file_named_by_address: bool
    former_field: Loc
    former_keys: tuple[Key, ...]
    regulation_refs: tuple[tuple[Loc, str], ...]
    decree_id: str | None
    """A decree's own id; ``None`` for an IKU document."""
    decree_ref: str | None
    """The decree an IKU document names (``keputusan``)."""
    berkas: str
    asli: str | None

    @classmethod
    def of(cls, document: AnyDocument) -> DocumentFacts:
        kind = kind_of(document)
        return cls(
            jenis=kind.jenis,
            key=document_key(document),
            owner=kind.owner(document),
            owner_fields=tuple(kind.owner_fields(document)),
            last_field=kind.last_field,
            last_part=kind.last_part(document),
            file_named_by_address=kind.file_named_by_address,
            former_field=kind.former_field,
            former_keys=tuple(former_keys(document)),
            regulation_refs=tuple(regulation_refs(document)),
            decree_id=document.id if kind.jenis == "keputusan" else None,  # type: ignore[union-attr]
            decree_ref=getattr(document, "keputusan", None),
            berkas=document.sumber.berkas,
            asli=document.sumber.asli,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "jenis": self.jenis,
            "key": list(self.key),
            "owner": list(self.owner),
            "owner_fields": [[list(loc), value] for loc, value in self.owner_fields],
            "last_field": list(self.last_field),
            "last_part": self.last_part,
            "file_named_by_address": self.file_named_by_address,
            "former_field": list(self.former_field),
            "former_keys": [list(key) for key in self.former_keys],
            "regulation_refs": [[list(loc), ref] for loc, ref in self.regulation_refs],
            "decree_id": self.decree_id,
            "decree_ref": self.decree_ref,
            "berkas": self.berkas,
            "asli": self.asli,
        }

    @classmethod
    def from_json(cls, data: object) -> DocumentFacts | None:
        """The facts written by :meth:`to_json`, or ``None`` for anything else."""
        try:
            facts = cls(
                jenis=_text(data["jenis"]),  # type: ignore[index]
                key=_key(data["key"]),  # type: ignore[index]
                owner=_key(data["owner"]),  # type: ignore[index]
                owner_fields=tuple((_loc(loc), _text(value)) for loc, value in data["owner_fields"]),  # type: ignore[index]
                last_field=_loc(data["last_field"]),  # type: ignore[index]
                last_part=_text(data["last_part"]),  # type: ignore[index]
                file_named_by_address=_flag(data["file_named_by_address"]),  # type: ignore[index]
                former_field=_loc(data["former_field"]),  # type: ignore[index]
                former_keys=tuple(_key(key) for key in data["former_keys"]),  # type: ignore[index]
                regulation_refs=tuple((_loc(loc), _text(ref)) for loc, ref in data["regulation_refs"]),  # type: ignore[index]
                decree_id=_optional_text(data["decree_id"]),  # type: ignore[index]
                decree_ref=_optional_text(data["decree_ref"]),  # type: ignore[index]
                berkas=_text(data["berkas"]),  # type: ignore[index]
                asli=_optional_text(data["asli"]),  # type: ignore[index]
            )
        except (KeyError, TypeError, ValueError):
            return None
        return facts


def _text(value: object) -> str:
    if type(value) is not str:
        raise TypeError(value)
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError(value)
    return value


def _key(value: object) -> Key:
    if type(value) is not list:
        raise TypeError(value)
    return tuple(_text(part) for part in value)


def _loc(value: object) -> Loc:
    if type(value) is not list or not all(type(part) in (str, int) for part in value):
        raise TypeError(value)
    return tuple(value)
