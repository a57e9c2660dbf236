"""Decrees (Keputusan Bupati / Wali Kota / Gubernur): heading, Menimbang, Mengingat, diktum, signature,
copies and the appendix of IKU entries, with every cited regulation matched against the catalogue."""

from __future__ import annotations

import re
from typing import Any

from ..content.validate import PLACEHOLDER
from .catalogue_match import Catalogues, citations, normalised, proposed_regulation_id, slug
from .document import labelled_parts, tab_tables
from .lines import Line, joined, squeeze
from .lists import items_of, line_item
from .notes import Finding, Notes
from .signature import date_of

_HEADING = re.compile(r"^KEPUTUSAN\s+(BUPATI|WALI\s*KOTA|GUBERNUR)\s+(.+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^NOMOR\s*:?\s*(.+)$", re.IGNORECASE)
_PART = re.compile(r"^\s*(Menimbang|Mengingat)\s*:\s*(.*)$", re.IGNORECASE)
_DECIDE = re.compile(r"^\s*(MEMUTUSKAN\s*:?|Menetapkan\s*:?)\s*$", re.IGNORECASE)
_ARTICLE = re.compile(
    r"^\s*-?\s*(KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH)\s*:\s*(.*)$"
)
_ENACTED = re.compile(r"^\s*Ditetapkan di\s+(.+)$", re.IGNORECASE)
_ON_DATE = re.compile(r"^\s*Pada tanggal\s+(.+)$", re.IGNORECASE)
_COPIES = re.compile(r"^\s*SALINAN\s*:", re.IGNORECASE)
_APPENDIX = re.compile(r"^\s*(\d+)\.\s*Instansi\s*:\s*(.+)$", re.IGNORECASE)
_AMENDED = re.compile(r"(sebagaimana telah (?:beberapa kali )?diubah(?: \w+ kalinya| terakhir)?(?: dengan)?)", re.I)
PREFIX = {"bupati": "kepbup", "gubernur": "kepgub"}


def is_decree(lines: list[Line]) -> bool:
    return any(_HEADING.match(line.text.strip()) for line in lines[:30])


def read_decree(lines: list[Line], notes: Notes, catalogues: Catalogues) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The decree's fields, and the address of the kabupaten/kota or province that issued it (() if unknown)."""
    heading_at = next(i for i, line in enumerate(lines[:30]) if _HEADING.match(line.text.strip()))
    heading = _HEADING.match(lines[heading_at].text.strip())
    assert heading is not None
    office, region = heading[1].title().replace("Walikota", "Wali Kota"), heading[2].strip().title()
    notes.take(line for line in lines[: heading_at + 1] if not line.blank)
    notes.found(lines[heading_at].number, "penerbit", f"Keputusan {office} {region}")
    data: dict[str, Any] = {"jenis": "keputusan"}
    number_line = next((line for line in lines[heading_at:] if _NUMBER.match(line.text.strip())), None)
    number = _NUMBER.match(number_line.text.strip())[1].strip() if number_line else PLACEHOLDER  # type: ignore[index]
    prefix = PREFIX.get(office.split()[0].lower(), "kepwali")
    data["id"] = f"{prefix}-{slug(region)}-{slug(number)}"
    data["judul"] = _title(lines, heading_at, notes)
    data["penerbit"] = f"{office} {region}"
    data["nomor"] = number
    if number_line:
        notes.take([number_line])
    key, data["wilayah"] = _issuer(region, office, catalogues, notes, lines[heading_at].number)
    appendix_at = next((i for i, line in enumerate(lines) if _APPENDIX.match(line.text)), len(lines))
    body = lines[:appendix_at]
    data.update(_considerations(body, notes, catalogues))
    data["diktum"] = _articles(body, notes, catalogues)
    data["ditandatangani"] = _signature(lines, body, notes)
    copies = _copies(body, notes)
    if copies:
        data["salinan"] = copies
    if appendix_at < len(lines):
        data["lampiran"] = [_appendix(lines[appendix_at:], notes)]
    return data, key


def _title(lines: list[Line], start: int, notes: Notes) -> str:
    """The lines after TENTANG, up to the office's name standing alone ("BUPATI LUMAJANG,")."""
    at = next((i for i in range(start, len(lines)) if lines[i].text.strip().upper() == "TENTANG"), None)
    if at is None:
        return PLACEHOLDER
    title: list[Line] = []
    for line in lines[at + 1 :]:
        if line.blank:
            if title:
                break
            continue
        title.append(line)
    notes.take([lines[at], *title])
    # The office named again before Menimbang ("BUPATI LUMAJANG,") is part of the heading.
    after = next((line for line in lines[title[-1].number :] if not line.blank), None) if title else None
    if after is not None and after.text.strip().endswith(",") and after.text.strip().isupper():
        notes.take([after])
    notes.found(lines[at].number, "judul", "judul keputusan (TENTANG)")
    return joined(title) if title else PLACEHOLDER


def _issuer(
    region: str, office: str, catalogues: Catalogues, notes: Notes, line: int
) -> tuple[tuple[str, ...], dict[str, str]]:
    wanted = normalised(region)
    for province in catalogues.regions.provinsi:
        if office == "Gubernur" and wanted in (province.id, normalised(province.nama)):
            return (province.id,), {"provinsi": province.id}
        for regency in province.kabupaten:
            if wanted in (regency.id, normalised(regency.nama), *regency.id_lama):
                return (province.id, regency.id), {"provinsi": province.id, "kabupaten": regency.id}
    notes.proposals.append(
        Finding(line, "wilayah", f"{region} belum ada di content/wilayah.yml; tambahkan dengan `id: {slug(region)}`")
    )
    notes.doubt(line, "wilayah", "wilayah penerbit tidak dikenali")
    return (), {"provinsi": PLACEHOLDER}


def _parts(lines: list[Line], notes: Notes) -> dict[str, list[Line]]:
    """The lines of Menimbang and of Mengingat, each up to the next part."""
    found: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for line in lines:
        if not notes.free(line):
            if current is not None and line.blank:
                continue
            current = None if not line.blank else current
            continue
        part = _PART.match(line.text)
        if part:
            current = found.setdefault(part[1].lower(), [])
        elif _DECIDE.match(line.text) or _ARTICLE.match(line.text):
            current = None
        if current is not None:
            current.append(line)
    return found


def _considerations(lines: list[Line], notes: Notes, catalogues: Catalogues) -> dict[str, Any]:
    parts = _parts(lines, notes)
    data: dict[str, Any] = {}
    considering = parts.get("menimbang", [])
    if considering:
        text = _PART.sub(r"\2", joined(considering))
        items, _ = items_of(text)
        data["menimbang"] = [item["teks"] for item in items]
        cited = [c for c in citations(text, catalogues)]
        if cited:
            data["menimbang_regulasi"] = [
                _cited_id(c, considering[0].number, "menimbang_regulasi", notes) for c in cited
            ]
        notes.take(considering)
        notes.found(considering[0].number, "menimbang", "menimbang")
    else:
        data["menimbang"] = [PLACEHOLDER]
    remembering = parts.get("mengingat", [])
    data["mengingat"] = [_citation(item, notes, catalogues) for item in _numbered(remembering)] or [
        {"regulasi": PLACEHOLDER}
    ]
    notes.take(remembering)
    if remembering:
        notes.found(remembering[0].number, "mengingat", f"mengingat: {len(data['mengingat'])} regulasi")
    return data


def _numbered(lines: list[Line]) -> list[tuple[Line, str]]:
    """Mengingat's items, one per number, each with the line it starts on."""
    items: list[tuple[Line, str]] = []
    for line in lines:
        text = _PART.sub(r"\2", line.text).strip()
        item = line_item(text)
        if item and item[0][0].isdigit():
            items.append((line, item[1]))
        elif items:
            items[-1] = (items[-1][0], f"{items[-1][1]} {text}")
        elif text:
            items.append((line, text))
    return items


def _citation(item: tuple[Line, str], notes: Notes, catalogues: Catalogues) -> dict[str, Any]:
    line, text = item
    head, *changes = _AMENDED.split(text)
    cited = citations(head, catalogues)
    entry: dict[str, Any] = {"regulasi": _cited_id(cited[0], line.number, "mengingat", notes) if cited else PLACEHOLDER}
    if not cited:
        notes.doubt(line.number, "mengingat", f"regulasi tidak dikenali: {squeeze(text)[:80]}")
    for phrase, rest in zip(changes[::2], changes[1::2], strict=False):
        amended = citations(rest, catalogues)
        if amended:
            change = {"frasa": phrase, "regulasi": _cited_id(amended[0], line.number, "mengingat", notes)}
            entry.setdefault("perubahan", []).append(change)
    return entry


def _cited_id(citation: Any, line: int, where: str, notes: Notes) -> str:
    if citation.id:
        return citation.id
    proposed = proposed_regulation_id(citation)
    notes.proposals.append(
        Finding(
            line,
            where,
            f"{citation.text} belum ada di content/regulasi.yml; tambahkan dengan `id: {proposed}`, "
            f'`jenis: {citation.kind}`, `nomor: "{citation.number}"`, `tahun: {citation.year or PLACEHOLDER}`',
        )
    )
    notes.doubt(line, where, f"regulasi belum ada di katalog: {citation.text[:80]}")
    return proposed


def _articles(lines: list[Line], notes: Notes, catalogues: Catalogues) -> list[dict[str, Any]]:
    """Diktum KESATU, KEDUA …, each with the lettered items below it."""
    articles: list[dict[str, Any]] = []
    for line in lines:
        if not notes.free(line):
            continue
        text = line.text.strip()
        article = _ARTICLE.match(text)
        if article:
            entry: dict[str, Any] = {"label": article[1], "teks": squeeze(article[2])}
            cited = [c.id for c in citations(article[2], catalogues) if c.id]
            if cited:
                entry["regulasi"] = cited
            articles.append(entry)
            notes.take([line])
            notes.found(line.number, f"diktum[{len(articles) - 1}]", f"diktum {article[1]}")
        elif _DECIDE.match(text):
            notes.take([line])
        elif articles and (item := line_item(text)) and item[0][0].isalpha():
            articles[-1].setdefault("rincian", []).append({"label": item[0], "teks": item[1]})
            notes.take([line])
        elif articles and (_ENACTED.match(text) or _COPIES.match(text)):
            break
    return articles or [{"label": PLACEHOLDER, "teks": PLACEHOLDER}]


def _signature(lines: list[Line], body: list[Line], notes: Notes) -> dict[str, Any]:
    """ "Ditetapkan di …" and "Pada tanggal …", with the title and name under them or, when the text
    puts them after the appendix, on the document's last lines."""
    signature: dict[str, Any] = {}
    for line in body:
        if not notes.free(line):
            continue
        if enacted := _ENACTED.match(line.text):
            signature["tempat"] = squeeze(enacted[1])
            notes.take([line])
            notes.found(line.number, "ditandatangani", "tempat dan tanggal penetapan")
        elif (on := _ON_DATE.match(line.text)) and date_of(on[1]):
            signature["tanggal"] = date_of(on[1])
            notes.take([line])
    last = [line for line in lines if notes.free(line)][-2:]
    if len(last) == 2 and last[0].text.strip().isupper() and not last[0].text.strip().startswith(("NO", "-")):
        signature["jabatan"], signature["nama"] = squeeze(last[0].text), squeeze(last[1].text)
        notes.take(last)
        notes.doubt(last[0].number, "ditandatangani.jabatan", "jabatan dan nama diambil dari baris terakhir dokumen")
    return signature


def _copies(lines: list[Line], notes: Notes) -> list[str]:
    """The recipients after "SALINAN : … Kepada Yth :", one per "Sdr."/"Yth." or per line ending in ";"."""
    start = next((i for i, line in enumerate(lines) if notes.free(line) and _COPIES.match(line.text)), None)
    if start is None:
        return []
    taken = [line for line in lines[start:] if notes.free(line)]
    recipients: list[str] = []
    opened = False
    for line in taken:
        text = line.text.strip()
        if re.search(r"kepada\s+yth\.?\s*:?$", text, re.IGNORECASE):
            opened = True
            continue
        if not opened:
            continue
        if re.match(r"^(Sdr\.|Yth\.|\d+\.)", text) or not recipients:
            recipients.append(text)
        else:
            recipients[-1] += " " + text
    notes.take(taken)
    notes.found(taken[0].number, "salinan", f"salinan: {len(recipients)} penerima")
    return [squeeze(text).rstrip(";.").strip() for text in recipients]


def _appendix(lines: list[Line], notes: Notes) -> dict[str, Any]:
    """An appendix entry ("32. Instansi : Kecamatan") read as an IKU document's parts."""
    first = _APPENDIX.match(lines[0].text)
    assert first is not None
    notes.take([lines[0]])
    notes.found(lines[0].number, "lampiran[0]", f"lampiran nomor {first[1]}")
    entry: dict[str, Any] = {"nomor": first[1], "instansi": {"nama": squeeze(first[2])}}
    entry.update(labelled_parts(lines, notes))
    entry.pop("instansi_nama", None)
    tables = tab_tables(lines, notes, prefix="lampiran[0].")
    if tables:
        entry["tabel_indikator"] = tables
    return entry
