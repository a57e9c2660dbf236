"""Checks across files: references resolve, ids are unique, URLs don't collide, formulas render."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import FormulaError, Problem
from .formulas import formula_hint, render_formula
from .loaded import Content, LoadedDocument, RefusedOriginal
from .model import (
    Decree,
    District,
    Goal,
    IkuContent,
    IkuDocument,
    Indicator,
    IndicatorTable,
    Province,
    Regency,
    RegionCatalogue,
)
from .validate import did_you_mean
from .yaml_source import YamlFile, field_path

Loc = tuple[str | int, ...]
# Ids are long and alike (uu-28-1999, uu-28-1998); only a close match is worth suggesting.
REFERENCE_CUTOFF = 0.75

# Section anchors every document page uses; an indicator id must not take one of them.
RESERVED_ANCHORS = frozenset(
    {
        "tugas",
        "fungsi",
        "tujuan",
        "indikator",
        "target",
        "penandatangan",
        "catatan-editor",
        "sumber",
        "menimbang",
        "mengingat",
        "memutuskan",
        "salinan",
        "lampiran",
        "keputusan",
        "target-per-tahun",
        "asal-data",
        "riwayat",
        "kutip",
    }
)


# The site's own top-level folders: generated sections, pages in docs/, MkDocs' and
# Material's assets. A province with one of these ids would overwrite or shadow them.
RESERVED_TOP_LEVEL = frozenset(
    {"assets", "data", "glosarium", "perbandingan", "regulasi", "schema", "search", "sumber", "tentang", "tentang-iku"}
)
# Each former address is one small page; this keeps a short edit to wilayah.yml from
# turning into hundreds of thousands of files (a real renaming needs a few hundred).
MAX_REDIRECTS = 10_000
# A kabupaten's decrees live in this folder beside its kecamatan.
DECREES_FOLDER = "keputusan"

# What all formulas of one document may add up to: written (what KaTeX has to read) and
# rendered (what the page carries). The largest document has 920 characters of formulas
# rendering to 11 KB; a decree listing twenty bodies stays well inside both.
MAX_DOCUMENT_FORMULA_CHARACTERS = 50_000
MAX_DOCUMENT_FORMULA_HTML = 1_000_000

# Numbered section anchors (indicator tables, targets tables, decree appendices).
RESERVED_ANCHOR_PATTERN = re.compile(r"^(indikator-\d+|tabel-target-\d+|lampiran-\d+-.*)$")


def reserved_anchor(anchor: str) -> bool:
    """Whether a page section already uses ``anchor``, so no indicator may take it."""
    return anchor in RESERVED_ANCHORS or RESERVED_ANCHOR_PATTERN.match(anchor) is not None


def check_content(content: Content, unchecked: frozenset[str] = frozenset()) -> list[Problem]:
    """Every cross-file problem in ``content``; an empty list means it can be published.

    ``unchecked`` names the catalogues (``regions``, ``regulations``, ``glossary``) that could
    not be read and stand empty in ``content``: references to them are not checked.
    """
    problems = list(_check_catalogue_ids(content))
    regulation_ids = {regulation.id for regulation in content.regulations.regulasi}
    decree_ids = {d.document.id for d in content.documents if isinstance(d.document, Decree)}
    # Two files for one address are reported as such; where each belongs follows from that.
    keys = Counter(document_key(loaded.document) for loaded in content.documents)
    problems.extend(_check_glossary(content))
    for loaded in content.documents:
        if loaded.original is None:
            problems.append(_missing_original(loaded))
        elif isinstance(loaded.original, RefusedOriginal):
            refused = loaded.original
            problems.append(
                loaded.source.problem(
                    ("sumber", "berkas"), refused.message, refused.expected, refused.found, refused.hint
                )
            )
        region_problems = [] if "regions" in unchecked else list(_check_region(loaded, content.regions))
        if region_problems or keys[document_key(loaded.document)] > 1:
            problems.extend(region_problems)
        else:
            problems.extend(_check_file_location(loaded))
        if "regulations" not in unchecked:
            problems.extend(_check_regulations(loaded, regulation_ids))
        problems.extend(_check_indicators(loaded))
        problems.extend(_check_formulas(loaded))
        decree_ref = loaded.document.keputusan if isinstance(loaded.document, IkuDocument) else None
        if decree_ref is not None and decree_ref not in decree_ids:
            message = "keputusan tidak ditemukan di content/dokumen"
            hint = did_you_mean(decree_ref, decree_ids, "tambahkan dulu berkas keputusannya", cutoff=REFERENCE_CUTOFF)
            problems.append(
                loaded.source.problem(("keputusan",), message, "id sebuah keputusan", f'"{decree_ref}"', hint)
            )
    problems.extend(_check_unique_addresses(content))
    problems.extend(_check_former_addresses(content))
    return problems


def document_key(document: IkuDocument | Decree) -> tuple[str, ...]:
    """The parts of a document's address; two documents must never share one."""
    region = document.wilayah
    if isinstance(document, Decree):
        return (region.provinsi, region.kabupaten, DECREES_FOLDER, document.id)
    period = document.periode
    span = str(period.mulai) if period.selesai in (None, period.mulai) else f"{period.mulai}-{period.selesai}"
    return (region.provinsi, region.kabupaten, region.kecamatan or "", span)


def region_key(document: IkuDocument | Decree) -> tuple[str, ...]:
    """The region a document is listed under: its kecamatan, or a decree's kabupaten."""
    key = document_key(document)
    return key[:2] if isinstance(document, Decree) else key[:3]


def _missing_original(loaded: LoadedDocument) -> Problem:
    berkas = loaded.document.sumber.berkas
    return loaded.source.problem(
        ("sumber", "berkas"),
        "berkas sumber tidak ditemukan di dalam folder content",
        "alamat berkas relatif terhadap folder content, mis. sumber/senduro-2024.txt",
        f'"{berkas}"',
        "simpan teks dokumen asli di content/sumber/ lalu tulis alamatnya di sini",
    )


def _check_catalogue_ids(content: Content) -> Iterator[Problem]:
    regulations = content.regulations.regulasi
    yield from _duplicates(
        content.regulation_source, [("regulasi", i, "id") for i in range(len(regulations))], [r.id for r in regulations]
    )
    provinces = content.regions.provinsi
    yield from _duplicates(content.region_source, *_region_ids(provinces, ("provinsi",)))
    yield from _check_reserved_region_ids(content)
    for p_index, province in enumerate(provinces):
        regencies = province.kabupaten
        yield from _duplicates(content.region_source, *_region_ids(regencies, ("provinsi", p_index, "kabupaten")))
        for r_index, regency in enumerate(regencies):
            base: Loc = ("provinsi", p_index, "kabupaten", r_index, "kecamatan")
            yield from _duplicates(content.region_source, *_region_ids(regency.kecamatan, base))


def _check_reserved_region_ids(content: Content) -> Iterator[Problem]:
    provinces = content.regions.provinsi
    reserved = [(_region_ids(provinces, ("provinsi",)), RESERVED_TOP_LEVEL, "bagian situs /{}/")]
    for p_index, province in enumerate(provinces):
        for r_index, regency in enumerate(province.kabupaten):
            base: Loc = ("provinsi", p_index, "kabupaten", r_index, "kecamatan")
            reserved.append((_region_ids(regency.kecamatan, base), {DECREES_FOLDER}, "folder keputusan kabupaten ini"))
    for (locs, ids), names, owner in reserved:
        for loc, value in zip(locs, ids, strict=True):
            if value in names:
                message = f"id ini dicadangkan untuk {owner.format(value)}"
                hint = "pakai id lain; alamat halaman wilayah tidak boleh menimpa bagian lain situs"
                yield content.region_source.problem(loc, message, "id yang tidak dicadangkan", f'"{value}"', hint)


def _region_ids(regions: Sequence[Province | Regency | District], base: Loc) -> tuple[list[Loc], list[str]]:
    """Sibling regions' ids and former ids: one namespace, since both become addresses."""
    locs: list[Loc] = []
    ids: list[str] = []
    for index, region in enumerate(regions):
        locs.append((*base, index, "id"))
        ids.append(region.id)
        for o_index, old in enumerate(region.id_lama):
            locs.append((*base, index, "id_lama", o_index))
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


def _check_region(loaded: LoadedDocument, regions: RegionCatalogue) -> Iterator[Problem]:
    ref = loaded.document.wilayah
    province = next((p for p in regions.provinsi if p.id == ref.provinsi), None)
    if province is None:
        yield _unknown_region(loaded, "provinsi", ref.provinsi, regions.provinsi, "content/wilayah.yml")
        return
    regency = next((r for r in province.kabupaten if r.id == ref.kabupaten), None)
    if regency is None:
        yield _unknown_region(loaded, "kabupaten", ref.kabupaten, province.kabupaten, f"provinsi `{province.id}`")
        return
    if isinstance(loaded.document, IkuDocument) and ref.kecamatan is None:
        message = "dokumen IKU wajib menyebut `kecamatan`"
        hint = "tambahkan baris `kecamatan: …` di bawah `wilayah`"
        yield loaded.source.problem(("wilayah",), message, "id kecamatan dari content/wilayah.yml", hint=hint)
    elif ref.kecamatan is not None and all(d.id != ref.kecamatan for d in regency.kecamatan):
        yield _unknown_region(loaded, "kecamatan", ref.kecamatan, regency.kecamatan, f"kabupaten `{regency.id}`")


def _check_file_location(loaded: LoadedDocument) -> Iterator[Problem]:
    """A document's file lies where its content puts its page: provinsi/kabupaten/kecamatan/periode.yml
    for an IKU document, under provinsi/kabupaten/ for a decree. Otherwise a file moved (or copied)
    without its content following publishes at an address no editor looks for."""
    document = loaded.document
    key = document_key(document)
    folders = loaded.relative_path.split("/")[1:-1]
    if isinstance(document, Decree):
        fields: list[tuple[Loc, str]] = [(("wilayah", "provinsi"), key[0]), (("wilayah", "kabupaten"), key[1])]
        parts = folders[:2]
    else:
        levels = ("provinsi", "kabupaten", "kecamatan")
        fields = [(("wilayah", level), part) for level, part in zip(levels, key[:3], strict=True)]
        fields.append((("periode",), key[3]))
        parts = [*folders, loaded.relative_path.rsplit("/", 1)[-1].removesuffix(".yml")]
    aligned = len(parts) == len(fields)
    for index, (loc, value) in enumerate(fields):
        folder = parts[index] if aligned else ""
        if folder != value:
            expected = f"`{folder}`, sesuai letak berkas ini" if folder else "nilai yang sesuai letak berkas ini"
            if isinstance(document, Decree):
                move = f"content/dokumen/{key[0]}/{key[1]}/"
            else:
                move = f"content/dokumen/{'/'.join(key)}.yml"
            hint = f"perbaiki nilai ini, atau pindahkan berkas ke {move}"
            yield loaded.source.problem(loc, "tidak sesuai dengan letak berkas", expected, f'"{value}"', hint)
            return


def _unknown_region(
    loaded: LoadedDocument, level: str, ref: str, siblings: Sequence[Province | Regency | District], within: str
) -> Problem:
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


def region_hint(level: str, written: object, candidates: Sequence[Province | Regency | District]) -> str:
    """Which existing region an editor meant: by id or name in any case, by Kemendagri code, or the closest id.

    Adding a region that already exists under another spelling would give it two pages.
    """
    text = str(written).strip()
    for region in candidates:
        if text.casefold() in (region.id, region.nama.casefold()) or (region.kode and text == region.kode):
            return f"maksud Anda `{region.id}`?"
    ids = [region.id for region in candidates]
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


def regulation_refs(document: IkuDocument | Decree) -> Iterator[tuple[Loc, str]]:
    """Every regulation id a document cites, with where in the YAML it is cited."""
    for loc, indicator in indicators_with_locs(document):
        for index, ref in enumerate(indicator.regulasi):
            yield (*loc, "regulasi", index), ref
    if isinstance(document, Decree):
        for index, ref in enumerate(document.menimbang_regulasi):
            yield ("menimbang_regulasi", index), ref
        for index, citation in enumerate(document.mengingat):
            yield ("mengingat", index, "regulasi"), citation.regulasi
            for a_index, amendment in enumerate(citation.perubahan):
                yield ("mengingat", index, "perubahan", a_index, "regulasi"), amendment.regulasi
        for index, article in enumerate(document.diktum):
            for r_index, ref in enumerate(article.regulasi):
                yield ("diktum", index, "regulasi", r_index), ref


def _check_regulations(loaded: LoadedDocument, known: set[str]) -> Iterator[Problem]:
    for loc, ref in regulation_refs(loaded.document):
        if ref not in known:
            hint = did_you_mean(
                ref, known, "tambahkan dulu regulasinya ke content/regulasi.yml", cutoff=REFERENCE_CUTOFF
            )
            message = "regulasi tidak ditemukan di content/regulasi.yml"
            yield loaded.source.problem(loc, message, "id sebuah regulasi", f'"{ref}"', hint)


@dataclass(frozen=True)
class IndicatorEntry:
    """One indicator where it stands: its YAML location, the body it belongs to, its table and goal."""

    loc: Loc
    body: str
    table: IndicatorTable
    goal: Goal
    indicator: Indicator


def indicator_entries(document: IkuDocument | Decree) -> Iterator[IndicatorEntry]:
    """Every indicator of a document, in document order; a decree's belong to its appendix entries."""
    parts: list[tuple[Loc, IkuContent, str]]
    if isinstance(document, Decree):
        parts = [(("lampiran", index), entry, entry.instansi.nama) for index, entry in enumerate(document.lampiran)]
    else:
        parts = [((), document, document.instansi.nama)]
    for prefix, part, body in parts:
        for t_index, table in enumerate(part.tabel_indikator):
            for g_index, goal in enumerate(table.baris):
                for i_index, indicator in enumerate(goal.indikator):
                    loc = (*prefix, "tabel_indikator", t_index, "baris", g_index, "indikator", i_index)
                    yield IndicatorEntry(loc, body, table, goal, indicator)


def indicators_with_locs(document: IkuDocument | Decree) -> Iterator[tuple[Loc, Indicator]]:
    """Every indicator of a document with its location in the YAML, in document order."""
    for entry in indicator_entries(document):
        yield entry.loc, entry.indicator


def _check_indicators(loaded: LoadedDocument) -> Iterator[Problem]:
    first: dict[str, Loc] = {}
    period = loaded.document.periode if isinstance(loaded.document, IkuDocument) else None
    for loc, indicator in indicators_with_locs(loaded.document):
        # Former ids stay anchors on the page, so they share the namespace of current ids.
        anchors = [((*loc, "id"), indicator.id)] + [
            ((*loc, "id_lama", index), old) for index, old in enumerate(indicator.id_lama)
        ]
        for anchor_loc, anchor in anchors:
            if anchor in first:
                message = f"id sudah dipakai di {field_path(first[anchor])}"
                hint = "setiap indikator dalam satu dokumen perlu id yang berbeda"
                yield loaded.source.problem(anchor_loc, message, "id yang belum dipakai", f'"{anchor}"', hint)
            first.setdefault(anchor, anchor_loc)
            if reserved_anchor(anchor):
                message = "id ini dipakai untuk bagian halaman"
                hint = "pilih id dari nama indikatornya, mis. `nilai-ikm`"
                yield loaded.source.problem(anchor_loc, message, "id lain", f'"{anchor}"', hint)
        if period is not None:
            last = period.selesai or period.mulai
            for index, target in enumerate(indicator.target):
                if not period.mulai <= target.tahun <= last:
                    yield loaded.source.problem(
                        (*loc, "target", index, "tahun"),
                        "tahun target di luar periode dokumen",
                        f"tahun {period.mulai}" if last == period.mulai else f"tahun {period.mulai}–{last}",
                        str(target.tahun),
                        "periksa tahunnya, atau `periode` dokumen",
                    )


def _check_formulas(loaded: LoadedDocument) -> Iterator[Problem]:
    """Every formula renders, and all of them together keep the page and the check small."""
    written = rendered = 0
    for loc, indicator in indicators_with_locs(loaded.document):
        latex = indicator.rumus.latex if indicator.rumus is not None else None
        if latex is None:
            continue
        loc = (*loc, "rumus", "latex")
        written += len(latex)
        if written > MAX_DOCUMENT_FORMULA_CHARACTERS:
            found = f"lebih dari {MAX_DOCUMENT_FORMULA_CHARACTERS} karakter rumus sampai di sini"
            yield _formulas_too_large(loaded, loc, found)
            return
        try:
            rendered += len(render_formula(latex).encode("utf-8"))
        except FormulaError as error:
            yield _formula_problem(loaded, loc, latex, error)
            continue
        if rendered > MAX_DOCUMENT_FORMULA_HTML:
            yield _formulas_too_large(loaded, loc, f"lebih dari {MAX_DOCUMENT_FORMULA_HTML} byte HTML sampai di sini")
            return


def _formulas_too_large(loaded: LoadedDocument, loc: Loc, found: str) -> Problem:
    # Rendering stops here: the rest of this document's formulas would only add cost.
    hint = "rumus IKU biasanya satu pecahan pendek; pecah dokumen ini atau sederhanakan rumusnya"
    return loaded.source.problem(loc, "rumus dalam satu dokumen terlalu besar bersama-sama", found=found, hint=hint)


def _formula_problem(loaded: LoadedDocument, loc: Loc, latex: str, error: FormulaError) -> Problem:
    found = error.found or latex
    hint = error.hint or formula_hint(error.message)
    if error.position is None:
        return loaded.source.problem(loc, error.message, found=found, hint=hint)
    return loaded.source.problem_within(loc, error.position, error.message, found=found, hint=hint)


def former_keys(document: IkuDocument | Decree) -> list[tuple[str, ...]]:
    """Addresses a document had before an editor renamed it; each redirects to its address now."""
    if isinstance(document, Decree):
        key = document_key(document)
        return [(*key[:-1], old) for old in document.id_lama]
    return [tuple(path.split("/")) for path in document.alamat_lama]


@dataclass(frozen=True)
class FormerAddress:
    """An address a page had before an id was renamed, the address it has now, and who declared it."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    source: YamlFile
    loc: Loc


def former_addresses(content: Content) -> list[FormerAddress]:
    """Every former address (renamed region, decree or document), each with the page's address now.

    A region's former id stands in for its current id in its own page's address and in
    those of the pages beneath it, every other part current. So the redirects grow with
    the former ids declared times the pages they cover, never with their combinations
    across levels (20 former ids on a provinsi, a kabupaten and a kecamatan made 20,420).
    """
    pages = [*_region_keys(content.regions), *(document_key(loaded.document) for loaded in content.documents)]
    beneath: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for page in pages:
        for depth in range(1, len(page) + 1):
            beneath.setdefault(page[:depth], []).append(page)
    addresses = []
    for region, loc, old_id in _former_region_ids(content.regions):
        for page in beneath[region]:
            old = (*region[:-1], old_id, *page[len(region) :])
            addresses.append(FormerAddress(old, page, content.region_source, loc))
    for loaded in content.documents:
        former: Loc = ("alamat_lama",) if isinstance(loaded.document, IkuDocument) else ("id_lama",)
        key = document_key(loaded.document)
        for index, old in enumerate(former_keys(loaded.document)):
            addresses.append(FormerAddress(old, key, loaded.source, (*former, index)))
    return addresses


def _former_region_ids(regions: RegionCatalogue) -> Iterator[tuple[tuple[str, ...], Loc, str]]:
    for p_index, province in enumerate(regions.provinsi):
        entries: list[tuple[tuple[str, ...], Loc, Province | Regency | District]] = [
            ((province.id,), ("provinsi", p_index), province)
        ]
        for r_index, regency in enumerate(province.kabupaten):
            r_loc: Loc = ("provinsi", p_index, "kabupaten", r_index)
            entries.append(((province.id, regency.id), r_loc, regency))
            for d_index, district in enumerate(regency.kecamatan):
                entries.append(((province.id, regency.id, district.id), (*r_loc, "kecamatan", d_index), district))
        for key, loc, region in entries:
            for index, old in enumerate(region.id_lama):
                yield key, (*loc, "id_lama", index), old


def _check_former_addresses(content: Content) -> Iterator[Problem]:
    """Each former address leads to one page, and all of them together stay within ``MAX_REDIRECTS``."""
    addresses = former_addresses(content)
    first: dict[tuple[str, ...], FormerAddress] = {}
    for address in addresses:
        # A region's former ids are checked against the site's folders with its ids.
        if address.source is not content.region_source and address.old[0] in RESERVED_TOP_LEVEL:
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


def _check_unique_addresses(content: Content) -> Iterator[Problem]:
    regions = set(_region_keys(content.regions))
    first: dict[tuple[str, ...], Path] = {}
    for loaded in content.documents:
        document = loaded.document
        current: Loc = ("periode",) if isinstance(document, IkuDocument) else ("id",)
        former: Loc = ("alamat_lama",) if isinstance(document, IkuDocument) else ("id_lama",)
        keys = [(current, document_key(document))]
        keys += [((*former, index), key) for index, key in enumerate(former_keys(document))]
        for loc, key in keys:
            if key in first or key in regions:
                owner = first.get(key, "halaman wilayah")
                message = f"alamat /{'/'.join(key)}/ sudah dipakai oleh {owner}"
                yield loaded.source.problem(loc, message, hint="dua halaman tidak boleh punya alamat yang sama")
            first.setdefault(key, loaded.path)


def _region_keys(regions: RegionCatalogue) -> Iterator[tuple[str, ...]]:
    for province in regions.provinsi:
        yield (province.id,)
        for regency in province.kabupaten:
            yield (province.id, regency.id)
            for district in regency.kecamatan:
                yield (province.id, regency.id, district.id)
