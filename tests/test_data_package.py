"""Open data people can use: every target in a table, a spreadsheet that keeps codes as text,
a Frictionless data package that validates, formula-like cells that stay text, and licences
named wherever a reader meets the data."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import frictionless
import openpyxl
import pytest
from conftest import GOOD, REPO, SITE_URL, Site, build_site, edit

from generator.content.checks import document_key, indicators_with_locs
from generator.content.load import load_content
from generator.content.model import IkuDocument
from generator.pages.licence import CODE_LICENCE, DATA_LICENCE
from generator.pages.open_data import COLUMNS, TARGET_COLUMNS, spreadsheet_text

CONTENT = load_content(REPO / "content")
RESOURCES = ["indikator", "indikator-xlsx", "target", "target-xlsx"]
DOC = "dokumen/jawa-timur/lumajang/contoh/2021-2023.yml"
# Values a spreadsheet would evaluate, each in a different kind of cell of the good fixture.
FORMULA_LIKE = {
    "nama: Nilai IKM Kecamatan": 'nama: "=HYPERLINK(\\"https://penyerang.example/\\",\\"klik\\")"',
    "definisi: Hasil survei kepuasan masyarakat.": 'definisi: "-5% dari tahun lalu"',
    'nilai: "80"': 'nilai: "+80"',
    'nilai: ["10%", "20%"]': 'nilai: ["@SUM(1+1)", "20%"]',
}


def expected_targets(content_root: Path, site_url: str = SITE_URL) -> list[dict[str, object]]:
    """Every target the content gives, in the order the targets table must list them."""
    rows: list[dict[str, object]] = []
    for loaded in load_content(content_root).documents:
        document = loaded.document
        if not isinstance(document, IkuDocument):
            continue
        url = f"{site_url}{'/'.join(document_key(document))}/"
        for _, indicator in indicators_with_locs(document):
            for target in sorted(indicator.target, key=lambda t: t.tahun):
                rows.append(
                    {
                        "url_indikator": f"{url}#{indicator.id}",
                        "url_tabel": "",
                        "nomor": "",
                        "indikator": "",
                        "tahun": target.tahun,
                        "kolom": "",
                        "kolom_ke": None,
                        "nilai": target.nilai,
                    }
                )
        for number, table in enumerate(document.tabel_target, start=1):
            for row in table.baris:
                for column, value in enumerate(row.nilai, start=1):
                    rows.append(
                        {
                            "url_indikator": "",
                            "url_tabel": f"{url}#tabel-target-{number}",
                            "nomor": row.nomor or "",
                            "indikator": row.indikator,
                            "tahun": None,
                            "kolom": table.kolom[column - 1] if table.kolom else "",
                            "kolom_ke": column,
                            "nilai": value,
                        }
                    )
    return rows


def read_csv(site: Site, name: str) -> list[dict[str, str]]:
    text = (site.root / "data" / name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_targets(site: Site) -> list[dict[str, object]]:
    """The rows of target.csv, empty number cells as None and numbers as integers."""
    return [{k: as_json(k, v) for k, v in row.items()} for row in read_csv(site, "target.csv")]


def read_sheet(site: Site, sheet: str) -> tuple[list[str], list[list[openpyxl.cell.cell.Cell]]]:
    """The header and the cells of each row of one sheet of the workbook."""
    book = openpyxl.load_workbook(site.root / "data" / "portal-iku.xlsx")
    rows = list(book[sheet].iter_rows())
    return [cell.value for cell in rows[0]], rows[1:]


def validate(package: Path) -> frictionless.Report:
    return frictionless.validate(str(package))


def errors(report: frictionless.Report) -> list[list[object]]:
    return report.flatten(["type", "rowNumber", "fieldName"])


@pytest.fixture(scope="module")
def formula_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The good fixture with a value a spreadsheet would evaluate in a name, a definition and targets."""
    project = tmp_path_factory.mktemp("formula")
    content = project / "konten"
    shutil.copytree(GOOD, content)
    for old, new in FORMULA_LIKE.items():
        edit(content / DOC, old, new)
    (project / "proyek").mkdir()
    result = build_site(project / "proyek", content)
    assert result.returncode == 0, result.stderr
    return Site(project / "proyek" / "site")


# -- the data package ---------------------------------------------------------------


def test_the_published_data_package_validates_with_frictionless(real_site: Site) -> None:
    package = real_site.root / "data" / "datapackage.json"
    report = validate(package)
    assert report.valid, errors(report)
    assert [task.name for task in report.tasks] == RESOURCES
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [
        {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": DATA_LICENCE.title}
    ]
    assert {resource["path"] for resource in descriptor["resources"]} == {
        "indikator.csv",
        "target.csv",
        "portal-iku.xlsx",
    }


def test_targets_name_their_indicator_by_a_declared_key(real_site: Site) -> None:
    descriptor = json.loads((real_site.root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    schemas = {resource["name"]: resource["schema"] for resource in descriptor["resources"]}
    for suffix in ("", "-xlsx"):
        assert schemas[f"indikator{suffix}"]["primaryKey"] == ["url_indikator"]
        assert schemas[f"target{suffix}"]["foreignKeys"] == [
            {"fields": ["url_indikator"], "reference": {"resource": f"indikator{suffix}", "fields": ["url_indikator"]}}
        ]


def test_every_yearly_target_joins_back_to_its_indicator_and_document(fixture_site: Site) -> None:
    indicators = {row["url_indikator"]: row for row in read_csv(fixture_site, "indikator.csv")}
    joined = [
        (indicators[str(row["url_indikator"])], row["tahun"], row["nilai"])
        for row in read_targets(fixture_site)
        if row["url_indikator"]
    ]
    assert [(row["id"], row["kode_wilayah"], year, value) for row, year, value in joined] == [
        ("nilai-ikm", "35.08.99", 2021, "80"),
        ("nilai-ikm", "35.08.99", 2022, "82,5"),
    ]
    # The indicator's own row lists the same targets.
    assert joined[0][0]["target"] == "2021: 80\n2022: 82,5"


def test_a_target_whose_indicator_is_missing_fails_validation(fixture_site: Site, tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(fixture_site.root / "data", copy)
    text = (copy / "target.csv").read_text(encoding="utf-8")
    assert "/#nilai-ikm," in text
    (copy / "target.csv").write_text(text.replace("/#nilai-ikm,", "/#tidak-ada,", 1), encoding="utf-8")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert errors(report) == [["foreign-key", 2, None]]


def test_the_schema_declares_codes_as_text_years_as_integers_and_lists_as_text(real_site: Site) -> None:
    descriptor = json.loads((real_site.root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    types = {
        resource["name"]: {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        for resource in descriptor["resources"]
    }
    for name in ("indikator", "indikator-xlsx"):
        assert types[name]["kode_wilayah"] == types[name]["sumber_data"] == types[name]["target"] == "string"
    for name in ("target", "target-xlsx"):
        assert types[name]["tahun"] == types[name]["kolom_ke"] == "integer"
    documented = {
        resource["name"]: [(field["name"], field["description"]) for field in resource["schema"]["fields"]]
        for resource in descriptor["resources"]
    }
    assert documented["indikator"] == documented["indikator-xlsx"] == COLUMNS
    assert documented["target"] == documented["target-xlsx"] == TARGET_COLUMNS


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        # A region code that lost its dots, as a spreadsheet would save it.
        ("indikator.csv", ",35.24.16,", ",35.2416,", ["constraint-error", 6, "kode_wilayah"]),
        ("indikator.csv", "\ufeffdokumen,", "\ufeffjudul,", ["incorrect-label", None, "dokumen"]),
        ("target.csv", ",,,1,100%", ",,,satu,100%", ["type-error", 2, "kolom_ke"]),
        ("target.csv", ",,,1,100%\n", ",,,1,\n", ["constraint-error", 2, "nilai"]),
    ],
    ids=["code-as-number", "renamed-column", "text-in-integer-column", "required-value-missing"],
)
def test_a_broken_data_package_fails_validation(
    real_site: Site, tmp_path: Path, file: str, old: str, new: str, expected: list[object]
) -> None:
    copy = tmp_path / "data"
    shutil.copytree(real_site.root / "data", copy)
    text = (copy / file).read_text(encoding="utf-8")
    assert old in text, old
    (copy / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert errors(report)[0] == expected


def test_content_without_any_target_still_gives_a_valid_package(tmp_path: Path) -> None:
    content = tmp_path / "konten"
    shutil.copytree(GOOD, content)
    edit(
        content / DOC,
        '            target:\n              - tahun: 2021\n                nilai: "80"\n'
        '              - tahun: 2022\n                nilai: "82,5"\n',
        "",
    )
    edit(
        content / DOC,
        'tabel_target:\n  - kolom: []\n    baris:\n      - nomor: "7"\n'
        '        indikator: Persentase desa mandiri\n        nilai: ["10%", "20%"]\n',
        "",
    )
    (tmp_path / "proyek").mkdir()
    result = build_site(tmp_path / "proyek", content)
    assert result.returncode == 0, result.stderr
    data = tmp_path / "proyek" / "site" / "data"
    assert (data / "target.csv").read_text(encoding="utf-8-sig").splitlines() == [",".join(dict(TARGET_COLUMNS))]
    report = validate(data / "datapackage.json")
    assert report.valid, errors(report)
    assert [task.name for task in report.tasks] == RESOURCES


# -- targets --------------------------------------------------------------------------


NUMBERS = ("tahun", "kolom_ke")


def as_json(name: str, value: object) -> object:
    """A CSV or sheet cell as the JSON holds it: an empty cell is "" in a text column and null in a number column."""
    if value in ("", None):
        return None if name in NUMBERS else ""
    return int(value) if name in NUMBERS else value


@pytest.mark.parametrize("name", ["target.csv", "target-sheet"])
def test_the_targets_table_has_every_target_of_the_content_in_printed_order(real_site: Site, name: str) -> None:
    if name == "target.csv":
        rows = read_targets(real_site)
    else:
        header, cells = read_sheet(real_site, "target")
        rows = [{k: as_json(k, cell.value) for k, cell in zip(header, row, strict=True)} for row in cells]
    expected = expected_targets(REPO / "content")
    assert [{key: row[key] for key in expected[0]} for row in rows] == expected


def test_mantups_four_target_rows_without_years_are_in_the_targets_table(real_site: Site) -> None:
    rows = [row for row in read_targets(real_site) if "/mantup/" in str(row["url_tabel"])]
    assert [row["nomor"] for row in rows] == [number for number in ("7", "8", "9", "10") for _ in range(7)]
    last = [row for row in rows if row["nomor"] == "10"]
    assert [row["nilai"] for row in last] == ["20,00%", "26,67%", "33,33%", "40,00%", "46,67%", "53,33%", "53,33%"]
    assert [row["kolom_ke"] for row in last] == [1, 2, 3, 4, 5, 6, 7]
    assert {row["tahun"] for row in rows} == {None}
    assert {row["indikator"] for row in last} == {"Persentase Desa Naik Kelas"}
    assert {row["url_indikator"] for row in rows} == {""}
    # The table's address names the document, and through it the indicators' region.
    documents = {row["url_dokumen"]: row for row in read_csv(real_site, "indikator.csv")}
    assert {documents[str(row["url_tabel"]).partition("#")[0]]["kode_wilayah"] for row in rows} == {"35.24.16"}


def test_yearly_targets_come_first_one_row_per_indicator_and_year(fixture_site: Site) -> None:
    rows = read_targets(fixture_site)
    assert [
        (str(row["url_indikator"]).rpartition("#")[2], row["tahun"], row["kolom_ke"], row["nilai"]) for row in rows
    ] == [
        ("nilai-ikm", 2021, None, "80"),
        ("nilai-ikm", 2022, None, "82,5"),
        ("", None, 1, "10%"),
        ("", None, 2, "20%"),
    ]
    assert [str(row["url_tabel"]).rpartition("#")[2] for row in rows] == ["", ""] + ["tabel-target-1"] * 2
    assert [row["tabel"] for row in rows] == ["", ""] + ["Tabel target"] * 2


# -- the spreadsheet --------------------------------------------------------------------


def test_the_workbook_keeps_codes_as_text_cells(real_site: Site) -> None:
    header, cells = read_sheet(real_site, "indikator")
    assert header == [name for name, _ in COLUMNS]
    codes = [row[header.index("kode_wilayah")] for row in cells]
    assert codes and all(cell.data_type == "s" and cell.number_format == "@" for cell in codes)
    assert {cell.value for cell in codes} == {row["kode_wilayah"] for row in read_csv(real_site, "indikator.csv")}
    assert "35.24.16" in {cell.value for cell in codes}


def test_the_workbook_holds_the_same_indicators_as_the_csv(real_site: Site) -> None:
    header, cells = read_sheet(real_site, "indikator")
    from_csv = read_csv(real_site, "indikator.csv")
    assert len(cells) == len(from_csv)
    for row, record in zip(cells, from_csv, strict=True):
        for name, cell in zip(header, row, strict=True):
            # The CSV marks a formula-like cell with an apostrophe; the workbook keeps the value and marks the cell.
            assert spreadsheet_text(cell.value or "") == record[name], (record["url_indikator"], name)


def test_the_workbook_opens_on_a_sheet_naming_the_licence(real_site: Site) -> None:
    book = openpyxl.load_workbook(real_site.root / "data" / "portal-iku.xlsx")
    assert book.sheetnames == ["Keterangan", "indikator", "target"]
    assert book.active.title == "Keterangan"
    notes = {row[0]: row[1] for row in book["Keterangan"].iter_rows(values_only=True)}
    assert notes["Lisensi data"] == "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    assert notes["Teks lisensi"] == DATA_LICENCE.path
    assert notes["Lisensi kode sumber"] == "MIT License (MIT)"
    assert notes["Sumber"] == f"{SITE_URL}data/"
    assert DATA_LICENCE.short in book.properties.description and DATA_LICENCE.path in book.properties.description
    assert book.properties.title == "Data terbuka Portal IKU"


# -- formula-like values -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-5%", "'-5%"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("5%", "5%"),
        ("35.08", "35.08"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_a_cell_a_spreadsheet_would_evaluate_gets_an_apostrophe(text: str, written: str) -> None:
    assert spreadsheet_text(text) == written


def test_formula_like_values_are_text_in_csv_and_xlsx_and_unchanged_in_json(formula_site: Site) -> None:
    document = json.loads((formula_site.root / "jawa-timur/lumajang/contoh/2021-2023/dokumen.json").read_bytes())
    goals = [goal for table in document["tabel_indikator"] for goal in table["baris"]]
    (indicator,) = (i for goal in goals for i in goal["indikator"] if i["id"] == "nilai-ikm")
    written = {"indikator": indicator["nama"], "definisi": indicator["definisi"]}
    assert written["indikator"] == '=HYPERLINK("https://penyerang.example/","klik")'
    assert written["definisi"] == "-5% dari tahun lalu"
    by_id = {row["id"]: row for row in read_csv(formula_site, "indikator.csv")}
    assert by_id["nilai-ikm"]["indikator"] == '\'=HYPERLINK("https://penyerang.example/","klik")'
    assert by_id["nilai-ikm"]["definisi"] == "'-5% dari tahun lalu"
    assert by_id["nilai-ikm"]["target"] == "2021: +80\n2022: 82,5"
    targets = read_csv(formula_site, "target.csv")
    assert [row["nilai"] for row in targets] == ["'+80", "82,5", "'@SUM(1+1)", "20%"]

    header, cells = read_sheet(formula_site, "indikator")
    (row,) = (row for row in cells if row[header.index("id")].value == "nilai-ikm")
    for name in ("indikator", "definisi"):
        cell = row[header.index(name)]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (written[name], "s", True)
    plain = row[header.index("dokumen")]
    assert (plain.data_type, plain.quotePrefix) == ("s", False)
    header, cells = read_sheet(formula_site, "target")
    shown = [(r[header.index("nilai")].value, r[header.index("nilai")].quotePrefix) for r in cells]
    assert shown == [("+80", True), ("82,5", False), ("@SUM(1+1)", True), ("20%", False)]


def test_a_package_with_formula_like_values_still_validates(formula_site: Site) -> None:
    report = validate(formula_site.root / "data" / "datapackage.json")
    assert report.valid, errors(report)


# -- licences -------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["", "data", "jawa-timur/lamongan/mantup/2021-2026", "glosarium"])
def test_every_page_names_both_licences_in_its_footer(real_site: Site, address: str) -> None:
    footer = real_site.page(address).select_one("footer .md-copyright__highlight")
    assert footer is not None
    assert " ".join(footer.get_text(" ").split()) == (
        "Isi dan data berlisensi CC BY 4.0; kode sumber berlisensi MIT. Tentang lisensi"
    )
    assert footer.a["href"].endswith("data/#lisensi") or footer.a["href"] == "#lisensi"


def test_the_not_found_page_names_the_licences_too(real_site: Site) -> None:
    text = (real_site.root / "404.html").read_text(encoding="utf-8")
    assert "Isi dan data berlisensi CC BY 4.0; kode sumber berlisensi MIT." in text


def test_the_data_page_explains_licences_spreadsheets_and_the_package(real_site: Site) -> None:
    page = real_site.page("data")
    links = {a["href"] for a in page.select("article a")}
    # The data files are linked too (test_open_data); here, the licences.
    assert {DATA_LICENCE.path, CODE_LICENCE.path} <= links
    licences = [" ".join(item.get_text().split()) for item in page.find(id="lisensi").find_next("ul").select("li")]
    assert licences[0].startswith(
        "Isi portal dan semua data unduhan: Creative Commons Attribution 4.0 International (CC BY 4.0). "
    )
    assert licences[1] == "Kode sumber portal: MIT License."
    spreadsheets = " ".join(page.find(id="spreadsheet").find_next("p").find_next("p").get_text().split())
    assert "Di berkas CSV sel seperti itu diberi awalan apostrof ('), mis. -5% ditulis '-5%," in spreadsheets
    assert page.find(id="paket-data").find_next("pre").get_text() == (
        f"frictionless validate {SITE_URL}data/datapackage.json\n"
    )
    table = page.find(id="semua-target").find_next("table")
    assert [row.td.get_text() for row in table.select("tbody tr")] == [name for name, _ in TARGET_COLUMNS]


def test_the_repository_has_a_licence_file_for_code_and_one_for_data() -> None:
    code = (REPO / CODE_LICENCE.file).read_text(encoding="utf-8")
    assert code.startswith("MIT License\n")
    data = (REPO / DATA_LICENCE.file).read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International" in data
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in data
