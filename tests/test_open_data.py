"""Open data: the downloads carry every indicator with the same values as the content."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import REPO, SITE_URL, Site

from generator.content.checks import document_key, indicators_with_locs
from generator.content.formulas import formula_reading
from generator.content.load import load_content
from generator.content.model import Decree, IkuDocument
from generator.pages.open_data import COLUMNS, spreadsheet_text

CONTENT = load_content(REPO / "content")


def expected_records() -> dict[str, dict[str, object]]:
    """What the content says of each indicator, keyed by its permanent URL."""
    records = {}
    for loaded in CONTENT.documents:
        document = loaded.document
        key = document_key(document)
        for loc, indicator in indicators_with_locs(document):
            body = document.lampiran[loc[1]].instansi.nama if isinstance(document, Decree) else document.instansi.nama
            formula = indicator.rumus
            latex = formula.latex if formula else None
            records[f"{SITE_URL}{'/'.join(key)}/#{indicator.id}"] = {
                "url_dokumen": f"{SITE_URL}{'/'.join(key)}/",
                "instansi": body,
                "id": indicator.id,
                "indikator": indicator.nama,
                "definisi": indicator.definisi or "",
                "rumus_latex": latex or "",
                "rumus_teks": formula_reading(latex) if latex else (formula.teks if formula else "") or "",
                "satuan": indicator.satuan or "",
                "sumber_data": list(indicator.sumber_data),
                "penanggung_jawab": list(indicator.penanggung_jawab),
                "target": [{"tahun": t.tahun, "nilai": t.nilai} for t in indicator.target],
                "regulasi": list(indicator.regulasi),
                "catatan_editor": list(indicator.catatan_editor),
            }
    return records


def read_csv(site: Site) -> list[dict[str, str]]:
    text = (site.root / "data" / "indikator.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_portal_wide_tables_are_not_published_again_as_json(real_site: Site) -> None:
    """The CSV and the workbook hold them, described by datapackage.json; as JSON they doubled the data folder."""
    published = sorted(path.name for path in (real_site.root / "data").iterdir() if path.is_file())
    assert published == ["datapackage.json", "index.html", "indikator.csv", "portal-iku.xlsx", "target.csv"]


def test_every_indicator_is_in_the_csv_download_with_the_same_values(real_site: Site) -> None:
    rows = read_csv(real_site)
    assert list(rows[0].keys()) == [name for name, _ in COLUMNS]
    by_url = {row["url_indikator"]: row for row in rows}
    expected = expected_records()
    assert by_url.keys() == expected.keys()
    for url, values in expected.items():
        for name, value in values.items():
            # A cell a spreadsheet would read as a formula starts with an apostrophe (see test_data_package).
            cell = by_url[url][name]
            if name == "target":
                assert cell == spreadsheet_text("\n".join(f"{t['tahun']}: {t['nilai']}" for t in value)), url
            elif isinstance(value, list):
                assert cell == spreadsheet_text("\n".join(value)), (url, name)
            else:
                assert cell == spreadsheet_text(value), (url, name)


def test_rows_name_region_code_level_goal_and_period(real_site: Site) -> None:
    rows = {row["url_indikator"]: row for row in read_csv(real_site)}
    row = rows[f"{SITE_URL}jawa-timur/lumajang/senduro/2024/#persentase-pelayanan-paten-sesuai-sp-sop"]
    assert row["kode_wilayah"] == "35.08.12"
    assert row["wilayah"] == "Kecamatan Senduro"
    assert row["periode"] == "2024"
    assert row["dokumen"] == "IKU Kecamatan Senduro 2024"
    assert row["tingkat"] and row["sasaran"]


def test_a_formula_is_downloaded_as_latex_and_as_text(real_site: Site) -> None:
    rows = {row["id"]: row for row in read_csv(real_site)}
    row = rows["persentase-pelayanan-publik-tepat-waktu"]
    assert row["rumus_latex"] == (
        r"\frac{\text{Jumlah Pelayanan Publik Tepat Waktu}}{\text{Jumlah Pelayanan Publik}} \times 100\%"
    )
    assert row["rumus_teks"] == "(Jumlah Pelayanan Publik Tepat Waktu) / (Jumlah Pelayanan Publik) ×100%"


@pytest.mark.parametrize("loaded", CONTENT.documents, ids=lambda loaded: "/".join(document_key(loaded.document)))
def test_each_document_downloads_as_json_and_as_its_yaml_source(real_site: Site, loaded: object) -> None:
    folder = real_site.root / "/".join(document_key(loaded.document))
    model = type(loaded.document)
    assert model in (IkuDocument, Decree)
    from_json = model.model_validate_json((folder / "dokumen.json").read_bytes())
    assert from_json == loaded.document
    assert (folder / "dokumen.yml").read_bytes() == loaded.path.read_bytes()
    page = real_site.page("/".join(document_key(loaded.document)))
    links = {a.get_text(): a["href"] for a in page.find(id="asal-data").find_all_next("a")}
    assert links["JSON"] == "dokumen.json" and links["YAML (sumber konten)"] == "dokumen.yml"


def test_the_json_schema_is_published_with_the_site(real_site: Site) -> None:
    published = sorted(path.name for path in (real_site.root / "schema").iterdir())
    committed = sorted(path.name for path in (REPO / "content" / "schema").iterdir())
    assert (
        published
        == committed
        == [
            "dokumen.schema.json",
            "glosarium.schema.json",
            "regulasi.schema.json",
            "wilayah.schema.json",
        ]
    )
    for name in published:
        assert (real_site.root / "schema" / name).read_bytes() == (REPO / "content" / "schema" / name).read_bytes()


def test_the_data_page_explains_the_files_and_every_column(real_site: Site) -> None:
    page = real_site.page("data")
    links = {a["href"] for a in page.select("article a")}
    assert {
        "indikator.csv",
        "target.csv",
        "portal-iku.xlsx",
        "datapackage.json",
        "../schema/dokumen.schema.json",
    } <= links
    assert not {"indikator.json", "target.json"} & links
    table = page.find(id="semua-indikator").find_next("table")
    documented = [row.td.get_text() for row in table.select("tbody tr")]
    assert documented == [name for name, _ in COLUMNS]
    text = real_site.text("data")
    assert f"({len(read_csv(real_site))} indikator dari {len(CONTENT.documents)} dokumen)" in text


def test_the_csv_opens_as_utf8_in_spreadsheets(real_site: Site) -> None:
    raw: bytes = (real_site.root / "data" / "indikator.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdokumen,url_dokumen,")


def test_json_downloads_carry_no_indentation(real_site: Site) -> None:
    """Every document's JSON is published again beside each of its versions: indentation made it half as large."""
    for loaded in CONTENT.documents:
        raw = (real_site.root / "/".join(document_key(loaded.document)) / "dokumen.json").read_text(encoding="utf-8")
        value = json.loads(raw)
        assert raw == json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
