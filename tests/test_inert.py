"""Text is text: whatever an editor types into a text field reaches the reader literally.

Every free-text field of the content model (found through the model, so a new field is
covered the day it is added) is filled with hostile text, the site is built, and each
page is compared with a build of the same content holding plain marker words:

- wherever a marker was shown, the hostile text is shown instead, exactly (whitespace
  folded, as on every page);
- the page has the same elements with the same attributes: no script, link, image or
  attribute came from the text.

Only formulas (``rumus.latex``) are interpreted, by KaTeX; they are left as they are.

All cases share one build: each case is a copy of the fixture under a province and
regulations of its own (``Fixture.write``), so adding a case adds pages, not builds.
"""

from __future__ import annotations

import copy
import re
import shutil
import types
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import GOOD, build_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel

from generator.content import model
from generator.content.load import DOCUMENT_KINDS, GLOSSARY_FILE, REGIONS_FILE, REGULATIONS_FILE, document_files
from generator.content.validate import PLACEHOLDER
from generator.content.yaml_source import read_yaml

Loc = tuple[str | int, ...]
CATALOGUES: dict[str, type[BaseModel]] = {
    REGIONS_FILE: model.RegionCatalogue,
    REGULATIONS_FILE: model.RegulationCatalogue,
    GLOSSARY_FILE: model.Glossary,
}
# Case k, slot i: ``Zqj<k>_<i>x``.
MARKER = re.compile(r"Zqj(\d+)_(\d+)x")
# The comparison page groups indicators by name: different names, different groups.
GROUPED_BY_TEXT = ("perbandingan",)
# Glossary forms must be unique; each slot there gets its own suffix.
UNIQUE_KEYS = {"singkatan", "bentuk_lain"}

# Text that would be active or structural if it were not escaped, one kind per case.
HOSTILE_TEXTS = {
    "script-element": "<script>alert(document.cookie)</script>",
    "image-with-onerror": "<img src=x onerror=alert(1)>",
    "iframe": '<iframe src="https://penyerang.example/"></iframe>',
    "style-element": "<style>body{display:none}</style>",
    "html-comment": "sebelum <!-- tersembunyi --> sesudah",
    "html-entity": "&lt;b&gt; &amp; &#106;avascript:",
    "javascript-link": "[klik di sini](javascript:alert(1))",
    "data-link": "[unduh](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "image-markdown": "![foto](https://penyerang.example/x.png)",
    "autolink": "<https://penyerang.example/>",
    "reference-definition": "[a]: javascript:alert(1)",
    "table-pipes": "kolom | palsu | lagi",
    "leading-heading-mark": "# Judul palsu",
    "horizontal-rule": "---",
    "list-marker": "- butir palsu",
    "numbered-list-marker": "1. butir palsu",
    "backticks": "`kode` dan ```blok```",
    "emphasis": "**tebal** _miring_ *bintang*",
    "attribute-list": '{: onclick="alert(1)" }',
    "jinja-expression": "{{ config.site_name }} {{ 7*7 }}",
    "jinja-statement": '{% include "mkdocs.yml" %}{% raw %}',
    "math-delimiters": r"$x$ dan \(y\) dan $$z$$",
    "backslashes": r"C:\Users\camat \\ akhir\\",
    "admonition": '!!! danger "Palsu"',
    "raw-html-attribute-breakout": '" onmouseover="alert(1)',
}


@dataclass(frozen=True)
class Slot:
    """One text value in one content file, and the model field it belongs to."""

    file: str
    loc: Loc
    field: tuple[str, str]
    """(class, field name) in the content model."""


def text_slots(cls: type[BaseModel], data: object, loc: Loc = ()) -> Iterator[tuple[Loc, tuple[str, str]]]:
    """Every location in ``data`` that ``cls`` declares as free text (validated by ``model._visible``)."""
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        field = cls.model_fields[key]
        yield from _slots(field.annotation, list(field.metadata), value, (*loc, key), (cls.__name__, key))


def _slots(
    annotation: Any, metadata: list[Any], value: object, loc: Loc, field: tuple[str, str]
) -> Iterator[tuple[Loc, tuple[str, str]]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *more = typing.get_args(annotation)
        yield from _slots(base, [*metadata, *more], value, loc, field)
    elif any(isinstance(item, AfterValidator) and item.func is model._visible for item in metadata):
        # Formulas are the one field meant to be interpreted (by KaTeX).
        if isinstance(value, str) and field[1] != "latex":
            yield loc, field
    elif origin is list and isinstance(value, list):
        (item,) = typing.get_args(annotation)
        for index, element in enumerate(value):
            yield from _slots(item, [], element, (*loc, index), field)
    elif origin in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            if option is not type(None):
                yield from _slots(option, metadata, value, loc, field)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from text_slots(annotation, value, loc)


@dataclass(frozen=True)
class Fixture:
    """The good fixture as data, with every text slot found."""

    files: dict[str, Any]
    slots: list[Slot]

    def write(self, content: Path, cases: list[list[str]]) -> None:
        """Write the content to ``content``: copy ``k`` of the fixture has slot ``i`` holding ``cases[k][i]``.

        Copy ``k`` has its own province and regulations (ids and codes renamed); the glossary
        holds every copy's terms, and a top-level catalogue text holds every copy's value in turn.
        """
        shutil.copytree(GOOD, content, ignore=shutil.ignore_patterns("*.yml"))
        merged: dict[str, Any] = {}
        for case, values in enumerate(cases):
            files = renamed(copy.deepcopy(self.files), case)
            for slot, value in zip(self.slots, values, strict=True):
                parent = files[slot.file]
                for part in slot.loc[:-1]:
                    parent = parent[part]
                parent[slot.loc[-1]] = value
            for name, data in files.items():
                if name in CATALOGUES:
                    merge(merged.setdefault(name, {}), data)
                else:
                    province = data["wilayah"]["provinsi"]
                    merged[f"dokumen/{province}/{name.split('/', 2)[2]}"] = data
        for name, data in merged.items():
            # Double-quoted with escapes: every string survives YAML unchanged.
            text = yaml.safe_dump(data, allow_unicode=False, default_style='"', width=1_000_000, sort_keys=False)
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_text(text, encoding="utf-8")


def renamed(files: dict[str, Any], case: int) -> dict[str, Any]:
    """The fixture's files for copy ``case``: provinces and regulations get ids and codes of their own.

    Copy 0 keeps the fixture's, which the hand-written pages link to.
    """
    if case == 0:
        return files
    ids = {entry["id"] for entry in files[REGIONS_FILE]["provinsi"]}
    ids |= {entry["id"] for entry in files[REGULATIONS_FILE]["regulasi"]}
    prefix = f"{40 + case}"

    def rename(value: object, key: str = "") -> object:
        if isinstance(value, dict):
            return {name: rename(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [rename(item, key) for item in value]
        if isinstance(value, str) and value in ids:
            return f"{value}-k{case}"
        if key == "kode" and isinstance(value, str):
            return prefix + value[2:]
        return value

    renamed_files = rename(files)
    assert isinstance(renamed_files, dict)
    return renamed_files


def merge(into: dict[str, Any], catalogue: dict[str, Any]) -> None:
    """Lists of entries are joined; a single text (such as where region codes come from) lists every copy's."""
    for key, value in catalogue.items():
        if isinstance(value, list):
            into.setdefault(key, []).extend(value)
        elif key in into:
            into[key] = f"{into[key]} {value}"
        else:
            into[key] = value


def _fill_optional_fields(files: dict[str, Any]) -> None:
    """Optional fields the good fixture leaves empty, so that every text field is exercised."""
    document = files["dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"]
    document["sumber"]["keterangan"] = "Keterangan sumber"
    document["tabel_indikator"][0]["judul"] = "Judul tabel"
    row = {"nomor": "1", "indikator": "Indikator", "nilai": ["1", "2"]}
    document["tabel_target"].append({"judul": "Judul target", "kolom": ["2021", "2022"], "baris": [row]})
    files["dokumen/jawa-timur/lumajang/keputusan/kepbup-contoh-1-2020.yml"]["catatan_editor"] = ["Catatan"]
    indicator = document["tabel_indikator"][0]["baris"][0]["indikator"][0]
    indicator |= {"makna": "Makna", "alasan": "Alasan", "cara_perhitungan": "A/B X 100%"}
    indicator["variabel"] = [{"simbol": "A", "arti": "Arti A"}]
    body = {"id": "dinas-contoh", "nama": "Dinas Contoh", "jenis": "dinas"}
    body["jabatan"] = [{"id": "sekretaris", "nama": "Sekretaris Dinas Contoh"}]
    files[REGIONS_FILE]["provinsi"][0]["kabupaten"][0]["instansi"] = [body]


def load_fixture() -> Fixture:
    files: dict[str, Any] = {}
    slots: list[Slot] = []
    paths = {name: GOOD / name for name in CATALOGUES}
    paths.update({path.relative_to(GOOD).as_posix(): path for path in document_files(GOOD)})
    for name, path in paths.items():
        source = read_yaml(path, path)
        assert not isinstance(source, list), source
        files[name] = source.data
    _fill_optional_fields(files)
    for name, data in files.items():
        cls = CATALOGUES.get(name) or DOCUMENT_KINDS[data["jenis"]]
        slots.extend(Slot(name, loc, field) for loc, field in text_slots(cls, data))
    return Fixture(files, slots)


FIXTURE = load_fixture()


def fold(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Reading:
    """What a reader gets of one page: the text of every element showing a value, and its elements."""

    shown: dict[tuple[int, ...], str]
    """Folded text of each element that shows a marker in the baseline, by its path from <body>."""
    elements: Counter[tuple[str, tuple[str, ...]]]
    """Every element, by tag and attribute names."""


def read_page(html: str | BeautifulSoup, paths: list[tuple[int, ...]] | None = None) -> Reading:
    """What a reader gets of ``html`` (a page, or its parsed tree, which this changes)."""
    soup = BeautifulSoup(html, "html.parser") if isinstance(html, str) else html
    # Charts draw numeric targets: which bars exist depends on the value being a number.
    for derived in soup.select(".iku-grafik-daftar, .katex-html"):
        derived.decompose()
    # Glossary abbreviations are marked wherever their words occur; the words stay text.
    for abbreviation in soup.select("abbr"):
        abbreviation.unwrap()
    soup.smooth()
    elements = Counter((tag.name, tuple(sorted(tag.attrs))) for tag in soup.find_all(True))
    body = soup.body
    assert body is not None
    if paths is None:
        paths = [_path(body, parent) for parent in _marked_parents(body)]
    shown = {path: fold(_at(body, path).get_text(" ")) for path in paths}
    return Reading(shown, elements)


def _marked_parents(body: Tag) -> list[Tag]:
    parents: dict[int, Tag] = {}
    for string in body.find_all(string=MARKER):
        if isinstance(string, NavigableString) and string.parent is not None:
            parents[id(string.parent)] = string.parent
    return list(parents.values())


def _path(body: Tag, tag: Tag) -> tuple[int, ...]:
    path: list[int] = []
    while tag is not body:
        parent = tag.parent
        assert parent is not None
        path.append([child for child in parent.children if isinstance(child, Tag)].index(tag))
        tag = parent
    return tuple(reversed(path))


def _at(body: Tag, path: tuple[int, ...]) -> Tag:
    tag = body
    for index in path:
        tag = [child for child in tag.children if isinstance(child, Tag)][index]
    return tag


def pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).as_posix().startswith(GROUPED_BY_TEXT)
    }


def build(root: Path, cases: list[list[str]]) -> Path:
    FIXTURE.write(root / "content", cases)
    (root / "project").mkdir()
    result = build_site(root / "project", root / "content")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "project" / "site"


def markers(cases: int) -> list[list[str]]:
    return [[f"Zqj{case}_{index}x" for index in range(len(FIXTURE.slots))] for case in range(cases)]


CASES = len(HOSTILE_TEXTS)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Reading]:
    site = build(tmp_path_factory.mktemp("baseline"), markers(CASES))
    return {name: read_page(html) for name, html in pages(site).items()}


# Python-Markdown's placeholder words are refused as abbreviations (tests/test_hostile_formulas.py),
# as blank text is everywhere; hypothesis draws them from the model's own constants.
PLACEHOLDER_WORDS = re.compile("|".join(model.MARKDOWN_PLACEHOLDER_WORDS), re.IGNORECASE)


def unique_where_needed(case: int, values: list[str]) -> list[str]:
    return [
        abbreviation(value, case, index)
        if slot.loc[-1] in UNIQUE_KEYS or slot.loc[-2:-1] == ("bentuk_lain",)
        else value
        for index, (slot, value) in enumerate(zip(FIXTURE.slots, values, strict=True))
    ]


def abbreviation(value: str, case: int, index: int) -> str:
    """``value`` as a glossary form may be written: unique, and no placeholder word of Markdown's."""
    allowed = PLACEHOLDER_WORDS.sub(lambda word: f"{word[0][0]}-{word[0][1:]}", value)
    return f"{allowed} #{case}-{index}"


def cases_of(page: Reading) -> set[int]:
    """The copies of the fixture whose values a page shows."""
    return {int(marker[1]) for text in page.shown.values() for marker in MARKER.finditer(text)}


def assert_inert(built: dict[str, str], cases: list[list[str]], baseline: dict[str, Reading], names: list[str]) -> None:
    """Pages ``names`` show ``cases`` where the baseline showed markers, and have the baseline's elements."""
    assert sorted(built) == sorted(baseline)
    for name in names:
        expected = baseline[name]
        # Parsed once (parsing is most of these tests' time): its attributes are read before
        # read_page leaves out KaTeX's layer and unwraps abbreviations.
        soup = BeautifulSoup(built[name], "html.parser")
        assert not list(active_attributes(soup)), name
        reading = read_page(soup, list(expected.shown))
        assert reading.elements == expected.elements, f"{name}: elements changed"
        # Sorted lists (by name, by number) may reorder equal-shaped rows: compare as multisets.
        wanted = Counter(
            MARKER.sub(lambda marker: fold(cases[int(marker[1])][int(marker[2])]), text)
            for text in expected.shown.values()
        )
        assert Counter(reading.shown.values()) == wanted, name


URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href")


def active_attributes(soup: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """Event handlers, and URLs that would run code or carry a document of their own."""
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            url = str(value).strip().lower()
            if name.startswith("on") or (
                name in URL_ATTRIBUTES and url.startswith(("javascript:", "data:", "vbscript:"))
            ):
                yield name, str(value)


def test_every_text_field_of_the_model_is_exercised() -> None:
    """The fixture holds a value for every free-text field, so none escapes these tests."""
    declared = {
        (cls.__name__, name)
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, model.Strict)
        for name, field in cls.model_fields.items()
        if name != "latex"
        and list(_slots(field.annotation, list(field.metadata), _probe(field.annotation), (name,), ("", "")))
    }
    assert declared - {slot.field for slot in FIXTURE.slots} == set()


def _probe(annotation: Any) -> object:
    return ["x"] if typing.get_origin(annotation) is list else "x"


HOSTILE_CASES = [
    unique_where_needed(case, [text] * len(FIXTURE.slots)) for case, text in enumerate(HOSTILE_TEXTS.values())
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One site with every hostile text in every field of its own copy of the fixture."""
    return pages(build(tmp_path_factory.mktemp("hostile"), HOSTILE_CASES))


@pytest.mark.parametrize("case", range(CASES), ids=list(HOSTILE_TEXTS))
def test_hostile_text_in_every_field_is_shown_literally(
    case: int, hostile_site: dict[str, str], baseline: dict[str, Reading]
) -> None:
    own = [name for name, page in baseline.items() if cases_of(page) == {case}]
    assert own, "the case has pages of its own"
    assert_inert(hostile_site, HOSTILE_CASES, baseline, own)


def test_hostile_texts_side_by_side_on_shared_pages_are_shown_literally(
    hostile_site: dict[str, str], baseline: dict[str, Reading]
) -> None:
    """Pages that list every copy (home, regulations, glossary, …) show all the hostile texts at once."""
    shared = [name for name, page in baseline.items() if len(cases_of(page)) != 1]
    assert any(len(cases_of(baseline[name])) == CASES for name in shared)
    assert_inert(hostile_site, HOSTILE_CASES, baseline, shared)


# Arbitrary text: any character an editor can save (not surrogates, which UTF-8 cannot
# hold, nor the invisible ones the model refuses), mixed with pieces of markup.
INVISIBLE = "".join(chr(code) for code in range(0x2070) if model.INVISIBLE_CHARACTERS.match(chr(code)))
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters=INVISIBLE)
PIECES = st.sampled_from(
    ["<", ">", "&", "*", "_", "`", "|", "#", "-", "[", "]", "{", "}", "\\", "\n", *HOSTILE_TEXTS.values()]
)
TEXT = (
    st.lists(st.one_of(st.text(CHARACTERS, min_size=1, max_size=8), PIECES), min_size=1, max_size=6)
    .map("".join)
    # Blank text and a lone `…` (the scaffold's placeholder) are refused by `iku check`.
    .map(lambda text: text if text.strip() not in ("", PLACEHOLDER) else f"{text}x")
)


# The falsifying example is printed with the baseline it was compared against: long, but wanted.
# One build checks every copy of the fixture: slot i of copy k holds text (k × slots + i) of a
# pool drawn by hypothesis, so the pool's texts land in different fields in different copies.
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
@given(pool=st.lists(TEXT, min_size=1, max_size=60))
def test_arbitrary_text_in_every_field_is_shown_literally(
    pool: list[str], tmp_path_factory: pytest.TempPathFactory, baseline: dict[str, Reading]
) -> None:
    slots = len(FIXTURE.slots)
    cases = [
        unique_where_needed(case, [pool[(case * slots + index) % len(pool)] for index in range(slots)])
        for case in range(CASES)
    ]
    built = pages(build(tmp_path_factory.mktemp("example"), cases))
    assert_inert(built, cases, baseline, list(baseline))
