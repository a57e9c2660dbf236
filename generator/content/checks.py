"""Checks across files: references resolve, ids are unique, URLs don't collide, formulas render."""

from __future__ import annotations

import difflib
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .addresses import (
    DECREES_FOLDER,
    PERIOD_LIKE,
    SITE_SECTIONS,
    Loc,
    Place,
    places,
    reserved_names,
    sibling_lists,
)
from .anchors import is_reserved
from .errors import FormulaError, Problem
from .formulas import formula_hint, render_formula, render_formulas
from .kinds import (
    AnyDocument,
    IndicatorEntry,
    document_key,
    former_keys,
    indicator_entries,
    indicators_with_locs,
    region_key,
    regulation_refs,
)
from .loaded import Checked, Content, RefusedOriginal
from .model import District, Province, Regency, RegionCatalogue
from .validate import did_you_mean
from .yaml_source import YamlFile, field_path

# Kept importable from here for the modules and tests that read them before generator.content.kinds existed.
__all__ = [
    "DECREES_FOLDER",
    "IndicatorEntry",
    "check_content",
    "document_key",
    "former_keys",
    "indicator_entries",
    "indicators_with_locs",
    "region_key",
    "regulation_refs",
]
# Ids are long and alike (uu-28-1999, uu-28-1998); only a close match is worth suggesting.
REFERENCE_CUTOFF = 0.75

# Each former address is one small page; this keeps a short edit to wilayah.yml from
# turning into hundreds of thousands of files (a real renaming needs a few hundred).
MAX_REDIRECTS = 10_000

# What all formulas of one document may add up to: written (what KaTeX has to read) and
# rendered (what the page carries). The largest document has 920 characters of formulas
# rendering to 11 KB; a decree listing twenty bodies stays well inside both.
MAX_DOCUMENT_FORMULA_CHARACTERS = 50_000
MAX_DOCUMENT_FORMULA_HTML = 1_000_000


def check_content(
    content: Content, documents: Sequence[Checked] | None = None, unchecked: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every cross-file problem in ``content``; an empty list means it can be published.

    ``documents`` are those of ``content`` unless given: documents read with their model, or
    only as the facts of a file unchanged since it passed every check of its own. Each one's
    own problems are reported in its turn. ``unchecked`` names the catalogues (``regions``,
    ``regulations``, ``glossary``) that could not be read and stand empty in ``content``:
    references to them are not checked.
    """
    documents = content.documents if documents is None else documents
    problems = list(_check_catalogue_ids(content))
    regulation_ids = {regulation.id for regulation in content.regulations.regulasi}
    decree_ids = {d.facts.decree_id for d in documents if d.facts.decree_id is not None}
    # Two files for one address are reported as such; where each belongs follows from that.
    keys = Counter(loaded.facts.key for loaded in documents)
    index = RegionIndex.of(content.regions)
    problems.extend(_check_glossary(content))
    for loaded in documents:
        if loaded.original is None:
            problems.append(_missing_original(loaded))
        elif isinstance(loaded.original, RefusedOriginal):
            refused = loaded.original
            problems.append(
                loaded.source.problem(
                    ("sumber", "berkas"), refused.message, refused.expected, refused.found, refused.hint
                )
            )
        problems.extend(_check_pdf(loaded))
        region_problems = [] if "regions" in unchecked else list(_check_region(loaded, index))
        if region_problems or keys[loaded.facts.key] > 1:
            problems.extend(region_problems)
        else:
            problems.extend(_check_file_location(loaded))
        if "regulations" not in unchecked:
            problems.extend(_check_regulations(loaded, regulation_ids))
        problems.extend(loaded.own_problems)
        decree_ref = loaded.facts.decree_ref
        if decree_ref is not None and decree_ref not in decree_ids:
            message = "keputusan tidak ditemukan di content/dokumen"
            hint = did_you_mean(decree_ref, decree_ids, "tambahkan dulu berkas keputusannya", cutoff=REFERENCE_CUTOFF)
            problems.append(
                loaded.source.problem(("keputusan",), message, "id sebuah keputusan", f'"{decree_ref}"', hint)
            )
    problems.extend(_check_unique_addresses(content, documents))
    problems.extend(_check_former_addresses(content, documents))
    return problems


def document_problems(source: YamlFile, document: AnyDocument) -> list[Problem]:
    """The problems of a valid document that need nothing but the document: its indicators and formulas."""
    return [*_check_indicators(source, document), *_check_formulas(source, document)]


def _missing_original(loaded: Checked) -> Problem:
    berkas = loaded.facts.berkas
    return loaded.source.problem(
        ("sumber", "berkas"),
        "berkas sumber tidak ditemukan di dalam folder content",
        "alamat berkas relatif terhadap folder content, mis. sumber/senduro-2024.txt",
        f'"{berkas}"',
        "simpan teks dokumen asli di content/sumber/ lalu tulis alamatnya di sini",
    )


def _check_pdf(loaded: Checked) -> Iterator[Problem]:
    """The original PDF, when one is named, is in content/sumber/ and is a PDF."""
    asli = loaded.facts.asli
    if asli is None:
        return
    if loaded.pdf is None:
        yield loaded.source.problem(
            ("sumber", "asli"),
            "PDF asli tidak ditemukan di dalam folder content",
            "alamat berkas relatif terhadap folder content, mis. sumber/senduro-2024.pdf",
            f'"{asli}"',
            "simpan PDF dokumen asli di content/sumber/ lalu tulis alamatnya di sini, atau hapus `asli`",
        )
    elif isinstance(loaded.pdf, RefusedOriginal):
        refused = loaded.pdf
        yield loaded.source.problem(("sumber", "asli"), refused.message, refused.expected, refused.found, refused.hint)


def _check_catalogue_ids(content: Content) -> Iterator[Problem]:
    regulations = content.regulations.regulasi
    yield from _duplicates(
        content.regulation_source, [("regulasi", i, "id") for i in range(len(regulations))], [r.id for r in regulations]
    )
    # Kecamatan, instansi and jabatan share their folder of addresses with their siblings of
    # every level: a body can never take a region's, another body's or a site section's address.
    for parent, siblings in sibling_lists(content.regions):
        yield from _duplicates(content.region_source, *_region_ids(siblings))
        yield from _check_reserved_ids(content, parent, siblings)


def _check_reserved_ids(content: Content, parent: tuple[str, ...], siblings: list[Place]) -> Iterator[Problem]:
    locs, ids = _region_ids(siblings)
    levels = [place.level for place in siblings for _ in range(1 + len(place.entry.id_lama))]
    for loc, value, level in zip(locs, ids, levels, strict=True):
        names, owner = reserved_names(parent, Place(parent, level, loc, siblings[0].entry))
        if value in names:
            message = f"id ini dicadangkan untuk {owner.format(value)}"
            hint = "pakai id lain; alamat halaman wilayah tidak boleh menimpa bagian lain situs"
            yield content.region_source.problem(loc, message, "id yang tidak dicadangkan", f'"{value}"', hint)
        elif level == "jabatan" and PERIOD_LIKE.match(value):
            message = "id jabatan ini tampak seperti periode dokumen"
            hint = "pakai nama jabatannya, mis. `sekretaris`; alamat dokumen berakhir dengan periodenya"
            yield content.region_source.problem(loc, message, "id dari nama jabatan", f'"{value}"', hint)


def _region_ids(regions: Sequence[Place]) -> tuple[list[Loc], list[str]]:
    """Sibling places' ids and former ids: one namespace, since both become addresses."""
    locs: list[Loc] = []
    ids: list[str] = []
    for place in regions:
        locs.append((*place.loc, "id"))
        ids.append(place.entry.id)
        for o_index, old in enumerate(place.entry.id_lama):
            locs.append((*place.loc, "id_lama", o_index))
            ids.append(old)
    return locs, ids


def _duplicates(source: YamlFile, locs: list[Loc], ids: list[str], noun: str = "id") -> Iterator[Problem]:
    first: dict[str, Loc] = {}
    for loc, value in zip(locs, ids, strict=True):
        if value in first:
            message = f"{noun} sudah dipakai di {field_path(first[value])}"
            yield source.problem(loc, message, f"{noun} yang belum dipakai", f'"{value}"', f"setiap {noun} harus unik")
        first.setdefault(value, loc)


def _check_glossary(content: Content) -> Iterator[Problem]:
    locs: list[Loc] = []
    forms: list[str] = []
    for index, term in enumerate(content.glossary.istilah):
        locs.append(("istilah", index, "singkatan"))
        forms.append(term.singkatan)
        for f_index, form in enumerate(term.bentuk_lain):
            locs.append(("istilah", index, "bentuk_lain", f_index))
            forms.append(form)
    yield from _duplicates(content.glossary_source, locs, forms, noun="singkatan")


# Which level each field of `wilayah` names, and how the place above it is called in a message.
_WITHIN = {"kabupaten": "provinsi", "kecamatan": "kabupaten", "instansi": "{}", "jabatan": "{}"}


@dataclass(frozen=True)
class RegionIndex:
    """The catalogue's places by address and by folder, built once so each document is checked in constant time."""

    known: dict[tuple[str, ...], Place]
    siblings: dict[tuple[tuple[str, ...], str], list[Place]]

    @classmethod
    def of(cls, regions: RegionCatalogue) -> RegionIndex:
        known: dict[tuple[str, ...], Place] = {}
        for place in places(regions):
            # Of two places at one address (reported as such), the first declared is the one meant.
            known.setdefault(place.key, place)
        siblings: dict[tuple[tuple[str, ...], str], list[Place]] = {}
        for place in known.values():
            siblings.setdefault((place.key[:-1], place.level), []).append(place)
        return cls(known, siblings)


def _check_region(loaded: Checked, index: RegionIndex) -> Iterator[Problem]:
    """Each place named in `wilayah` exists, each within the one before it."""
    known = index.known
    key: tuple[str, ...] = ()
    for loc, value in loaded.facts.owner_fields:
        level = str(loc[-1])
        if (*key, value) not in known or known[(*key, value)].level != level:
            if not key:
                within = "content/wilayah.yml"
            else:
                above = known[key]
                within = f"{above.level} `{above.key[-1]}`"
            entries = [place.entry for place in index.siblings.get((key, level), [])]
            yield _unknown_region(loaded, level, value, entries, within)
            return
        key = (*key, value)


def _check_file_location(loaded: Checked) -> Iterator[Problem]:
    """A document's file lies where its content puts its page: provinsi/kabupaten/kecamatan/periode.yml
    for an IKU document (or …/instansi/jabatan/periode.yml), under its region's folder for a decree.
    Otherwise a file moved (or copied) without its content following publishes at an address no
    editor looks for."""
    facts = loaded.facts
    key = facts.key
    folders = loaded.relative_path.split("/")[1:-1]
    fields = list(facts.owner_fields)
    if facts.file_named_by_address:
        fields.append((facts.last_field, facts.last_part))
        parts = [*folders, loaded.relative_path.rsplit("/", 1)[-1].removesuffix(".yml")]
        move = f"content/dokumen/{'/'.join(p for p in key)}.yml"
    else:
        parts = folders[: len(fields)]
        move = f"content/dokumen/{'/'.join(facts.owner)}/"
    aligned = len(parts) == len(fields)
    for index, (loc, value) in enumerate(fields):
        folder = parts[index] if aligned else ""
        if folder != value:
            expected = f"`{folder}`, sesuai letak berkas ini" if folder else "nilai yang sesuai letak berkas ini"
            hint = f"perbaiki nilai ini, atau pindahkan berkas ke {move}"
            yield loaded.source.problem(loc, "tidak sesuai dengan letak berkas", expected, f'"{value}"', hint)
            return


def _unknown_region(loaded: Checked, level: str, ref: str, siblings: Sequence[object], within: str) -> Problem:
    message = f"{level} tidak ditemukan di {within}"
    expected = f"id {level} dari content/wilayah.yml"
    return loaded.source.problem(("wilayah", level), message, expected, f'"{ref}"', region_hint(level, ref, siblings))


def regions_at(regions: RegionCatalogue, level: str) -> list[Province | Regency | District]:
    """Every region of one level (``provinsi``, ``kabupaten`` or ``kecamatan``) in the catalogue."""
    provinces: list[Province | Regency | District] = list(regions.provinsi)
    regencies: list[Province | Regency | District] = [r for p in regions.provinsi for r in p.kabupaten]
    districts: list[Province | Regency | District] = [
        d for p in regions.provinsi for r in p.kabupaten for d in r.kecamatan
    ]
    return {"provinsi": provinces, "kabupaten": regencies, "kecamatan": districts}[level]


def region_hint(level: str, written: object, candidates: Sequence[object]) -> str:
    """Which existing region an editor meant: by id or name in any case, by Kemendagri code, or the closest id.

    Adding a region that already exists under another spelling would give it two pages.
    """
    text = str(written).strip()
    for region in candidates:
        code = getattr(region, "kode", None)
        if text.casefold() in (region.id, region.nama.casefold()) or (code and text == code):  # type: ignore[attr-defined]
            return f"maksud Anda `{region.id}`?"  # type: ignore[attr-defined]
    ids = [region.id for region in candidates]  # type: ignore[attr-defined]
    close = did_you_mean(text.casefold(), ids, "", cutoff=REFERENCE_CUTOFF)
    if close:
        return close
    closest = difflib.get_close_matches(text.casefold(), sorted(ids), n=1, cutoff=0.0)
    if closest:
        return (
            f"yang paling mirip di content/wilayah.yml: `{closest[0]}`; bila {level} ini memang belum ada, "
            f"tambahkan dulu ke content/wilayah.yml"
        )
    return f"tambahkan dulu {level} ini ke content/wilayah.yml"


def _check_regulations(loaded: Checked, known: set[str]) -> Iterator[Problem]:
    for loc, ref in loaded.facts.regulation_refs:
        if ref not in known:
            hint = did_you_mean(
                ref, known, "tambahkan dulu regulasinya ke content/regulasi.yml", cutoff=REFERENCE_CUTOFF
            )
            message = "regulasi tidak ditemukan di content/regulasi.yml"
            yield loaded.source.problem(loc, message, "id sebuah regulasi", f'"{ref}"', hint)


def _check_indicators(source: YamlFile, document: AnyDocument) -> Iterator[Problem]:
    first: dict[str, Loc] = {}
    period = getattr(document, "periode", None)
    for loc, indicator in indicators_with_locs(document):
        # Former ids stay anchors on the page, so they share the namespace of current ids.
        anchors = [((*loc, "id"), indicator.id)] + [
            ((*loc, "id_lama", index), old) for index, old in enumerate(indicator.id_lama)
        ]
        for anchor_loc, anchor in anchors:
            if anchor in first:
                message = f"id sudah dipakai di {field_path(first[anchor])}"
                hint = "setiap indikator dalam satu dokumen perlu id yang berbeda"
                yield source.problem(anchor_loc, message, "id yang belum dipakai", f'"{anchor}"', hint)
            first.setdefault(anchor, anchor_loc)
            if is_reserved(anchor):
                message = "id ini dipakai untuk bagian halaman"
                hint = "pilih id dari nama indikatornya, mis. `nilai-ikm`"
                yield source.problem(anchor_loc, message, "id lain", f'"{anchor}"', hint)
        if period is not None:
            last = period.selesai or period.mulai
            for index, target in enumerate(indicator.target):
                if not period.mulai <= target.tahun <= last:
                    yield source.problem(
                        (*loc, "target", index, "tahun"),
                        "tahun target di luar periode dokumen",
                        f"tahun {period.mulai}" if last == period.mulai else f"tahun {period.mulai}–{last}",
                        str(target.tahun),
                        "periksa tahunnya, atau `periode` dokumen",
                    )


def _check_formulas(source: YamlFile, document: AnyDocument) -> Iterator[Problem]:
    """Every formula renders, and all of them together keep the page and the check small."""
    # One batch to KaTeX for the document's formulas; each is then looked up in turn, where its place is known.
    within = list(_formulas_within_bounds(document))
    render_formulas(latex for _, latex in within)
    rendered = 0
    for loc, latex in within:
        try:
            rendered += len(render_formula(latex).encode("utf-8"))
        except FormulaError as error:
            yield _formula_problem(source, loc, latex, error)
            continue
        if rendered > MAX_DOCUMENT_FORMULA_HTML:
            yield _formulas_too_large(source, loc, f"lebih dari {MAX_DOCUMENT_FORMULA_HTML} byte HTML sampai di sini")
            return
    beyond = next(itertools.islice(_formulas(document), len(within), None), None)
    if beyond is not None:
        found = f"lebih dari {MAX_DOCUMENT_FORMULA_CHARACTERS} karakter rumus sampai di sini"
        yield _formulas_too_large(source, beyond[0], found)


def _formulas(document: AnyDocument) -> Iterator[tuple[Loc, str]]:
    """Each formula written in ``document`` (``rumus.latex``), with where it is."""
    for loc, indicator in indicators_with_locs(document):
        if indicator.rumus is not None and indicator.rumus.latex is not None:
            yield (*loc, "rumus", "latex"), indicator.rumus.latex


def document_formulas(document: AnyDocument) -> Iterator[tuple[Loc, str]]:
    """The formulas of ``document`` its checks render, with where each is written."""
    return _formulas_within_bounds(document)


def _formulas_within_bounds(document: AnyDocument) -> Iterator[tuple[Loc, str]]:
    """The formulas of ``document`` up to the one that takes its written total past the bound."""
    written = 0
    for loc, latex in _formulas(document):
        written += len(latex)
        if written > MAX_DOCUMENT_FORMULA_CHARACTERS:
            return
        yield loc, latex


def _formulas_too_large(source: YamlFile, loc: Loc, found: str) -> Problem:
    # Rendering stops here: the rest of this document's formulas would only add cost.
    hint = "rumus IKU biasanya satu pecahan pendek; pecah dokumen ini atau sederhanakan rumusnya"
    return source.problem(loc, "rumus dalam satu dokumen terlalu besar bersama-sama", found=found, hint=hint)


def _formula_problem(source: YamlFile, loc: Loc, latex: str, error: FormulaError) -> Problem:
    found = error.found or latex
    hint = error.hint or formula_hint(error.message)
    if error.position is None:
        return source.problem(loc, error.message, found=found, hint=hint)
    return source.problem_within(loc, error.position, error.message, found=found, hint=hint)


@dataclass(frozen=True)
class FormerAddress:
    """An address a page had before an id was renamed, the address it has now, and who declared it."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    source: YamlFile
    loc: Loc


def former_addresses(content: Content, documents: Sequence[Checked] | None = None) -> list[FormerAddress]:
    """Every former address (renamed region, decree or document), each with the page's address now.

    A region's former id stands in for its current id in its own page's address and in
    those of the pages beneath it, every other part current. So the redirects grow with
    the former ids declared times the pages they cover, never with their combinations
    across levels (20 former ids on a provinsi, a kabupaten and a kecamatan made 20,420).
    """
    documents = content.documents if documents is None else documents
    pages = [*(place.key for place in places(content.regions)), *(loaded.facts.key for loaded in documents)]
    beneath: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for page in pages:
        for depth in range(1, len(page) + 1):
            beneath.setdefault(page[:depth], []).append(page)
    addresses = []
    for place in places(content.regions):
        for index, old_id in enumerate(place.entry.id_lama):
            loc: Loc = (*place.loc, "id_lama", index)
            for page in beneath[place.key]:
                old = (*place.key[:-1], old_id, *page[len(place.key) :])
                addresses.append(FormerAddress(old, page, content.region_source, loc))
    for loaded in documents:
        facts = loaded.facts
        for index, old in enumerate(facts.former_keys):
            addresses.append(FormerAddress(old, facts.key, loaded.source, (*facts.former_field, index)))
    return addresses


def _check_former_addresses(content: Content, documents: Sequence[Checked]) -> Iterator[Problem]:
    """Each former address leads to one page, and all of them together stay within ``MAX_REDIRECTS``."""
    addresses = former_addresses(content, documents)
    first: dict[tuple[str, ...], FormerAddress] = {}
    for address in addresses:
        # A region's former ids are checked against the site's folders with its ids.
        if address.source is not content.region_source and address.old[0] in SITE_SECTIONS:
            message = f"alamat ini dipakai bagian situs /{address.old[0]}/"
            hint = "halaman di sana tidak dapat diganti pengalihan; hapus alamat lama ini"
            yield address.source.problem(
                address.loc, message, "provinsi/kabupaten/kecamatan/periode", f'"{"/".join(address.old)}"', hint
            )
            continue
        earlier = first.setdefault(address.old, address)
        if earlier.new != address.new:
            message = f"alamat lama /{'/'.join(address.old)}/ sudah dialihkan ke /{'/'.join(earlier.new)}/"
            where = f"{earlier.source.path}: {field_path(earlier.loc)}"
            hint = f"satu alamat lama hanya dapat mengarah ke satu halaman; lihat {where}"
            yield address.source.problem(
                address.loc, message, f"alamat yang mengarah ke /{'/'.join(address.new)}/", hint=hint
            )
    if len(addresses) > MAX_REDIRECTS:
        crossing = addresses[MAX_REDIRECTS]
        # The hint speaks of what the editor is looking at: a region's former ids, or a document's.
        hint = (
            "setiap id lama wilayah membuat satu pengalihan untuk halaman wilayah itu dan untuk setiap halaman "
            "di bawahnya; hapus id lama yang tidak diperlukan lagi"
            if crossing.source is content.region_source
            else "setiap id lama keputusan atau alamat lama dokumen membuat satu halaman pengalihan; "
            "hapus yang tidak diperlukan lagi"
        )
        yield crossing.source.problem(
            crossing.loc,
            "terlalu banyak halaman pengalihan",
            f"paling banyak {MAX_REDIRECTS} halaman pengalihan di seluruh situs",
            f"{len(addresses)} halaman pengalihan",
            hint,
        )


def _check_unique_addresses(content: Content, documents: Sequence[Checked]) -> Iterator[Problem]:
    regions = {place.key for place in places(content.regions)}
    first: dict[tuple[str, ...], Path] = {}
    for loaded in documents:
        facts = loaded.facts
        keys = [(facts.last_field, facts.key)]
        keys += [((*facts.former_field, index), key) for index, key in enumerate(facts.former_keys)]
        for loc, key in keys:
            if key in first or key in regions:
                owner = first.get(key, "halaman wilayah")
                message = f"alamat /{'/'.join(key)}/ sudah dipakai oleh {owner}"
                yield loaded.source.problem(loc, message, hint="dua halaman tidak boleh punya alamat yang sama")
            first.setdefault(key, loaded.path)
