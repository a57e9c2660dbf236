"""The national benchmark's corpus is content the portal accepts, shaped as the benchmark claims.

``scripts/bench_national.py`` times the portal on a synthetic corpus; a corpus that failed
the check would time nothing, and one without bodies, targets or citations would time
less than the real country costs.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.content.load import load_content

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_national.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_national", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_a_corpus_of_20_documents_passes_the_check(bench, tmp_path):
    corpus = bench.synthesise(tmp_path / "content", 20)

    content = load_content(tmp_path / "content")

    iku = [loaded.document for loaded in content.documents if loaded.document.jenis == "iku"]
    assert len(iku) == 20
    assert len(content.documents) == 20 + len(corpus.decrees)


def test_the_corpus_spreads_over_the_country_with_bodies_targets_citations_and_shared_formulas(bench, tmp_path):
    corpus = bench.synthesise(tmp_path / "content", 200)

    regions = [data["wilayah"] for _, data in corpus.documents]
    indicators = [
        indicator
        for _, data in corpus.documents
        for table in data["tabel_indikator"]
        for goal in table["baris"]
        for indicator in goal["indikator"]
    ]
    assert len({region["provinsi"] for region in regions}) == 38
    assert sum("kecamatan" in region for region in regions) == 150
    assert sum("instansi" in region and "kabupaten" in region for region in regions) == 40
    assert sum("instansi" in region and "kabupaten" not in region for region in regions) == 10
    assert corpus.decrees
    assert 2.5 <= corpus.formulas / len(corpus.documents) <= 3.5
    assert 0.6 <= corpus.distinct_formulas / corpus.formulas <= 0.75
    assert sum(bool(indicator.get("target")) for indicator in indicators) > len(indicators) / 3
    assert sum(bool(indicator.get("regulasi")) for indicator in indicators) > len(indicators) / 5


def test_past_one_document_per_owner_the_same_owners_get_other_periods(bench):
    # The whole country publishes one document per planning period or year: N may exceed the owners.
    provinces = bench.country(bench.random.Random(bench.SEED))
    once = bench.owners(provinces, 7000)
    assert len({owner.key for owner in once}) == 7000
    chosen = bench.owners(provinces, 20000)
    keys = [owner.key for owner in chosen]
    assert len(keys) == 20000 and set(keys) >= {owner.key for owner in once}
    assert max(Counter(keys).values()) <= len(bench.PERIODS)
    with pytest.raises(SystemExit, match="periods of each kecamatan or body"):
        bench.owners(provinces, len(set(keys)) * len(bench.PERIODS) + 1)
    # Each of an owner's documents is of its own period (the file's name).
    rng, formulas, taken = bench.random.Random(1), bench.Formulas(bench.random.Random(1)), set()
    periods = [bench.document(rng, formulas, chosen[0], None, taken)[0] for _ in bench.PERIODS]
    assert sorted(periods) == ["2021-2026", "2023", "2024", "2025-2029"]
