"""Embedded SPARQL store: load converted filings, query across companies and standards, reload."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import HKEX_IFRS, IR_RECORD, ROOT, SSE_CAS, arelle_validate
from rdflib import RDF, Dataset, Graph, Namespace
from typer.testing import CliRunner

from xbrlify.cli import app
from xbrlify.store import load_folder, open_store, query

QUERIES = ROOT / "examples" / "queries"


@pytest.fixture(scope="module")
def store_path(converted: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store")
    result = CliRunner().invoke(app, ["load", str(converted), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def run(store_path: Path, name: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(
        app, ["query", str(QUERIES / name), "--store", str(store_path), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def test_revenue_by_entity_across_ifrs_and_cas(store_path: Path) -> None:
    rows = run(store_path, "revenue_by_entity.rq")
    assert [(r["entity"], r["start"], r["end"], r["value"]) for r in rows] == [
        ("02522", "2024-01-01", "2024-06-30", "413713000"),
        ("02522", "2025-01-01", "2025-06-30", "467049000"),
        ("300253", "2024-01-01", "2024-12-31", "2782000000"),  # the IR record's prose
        ("300253", "2025-01-01", "2025-03-31", "345000000"),
        ("688246", "2023-01-01", "2023-06-30", "291957202.04"),
        ("688246", "2024-01-01", "2024-06-30", "300477599.52"),
    ]


def test_balance_sheet_identity_holds_everywhere(store_path: Path) -> None:
    rows = run(store_path, "balance_sheet_identity.rq")
    assert len(rows) == 6  # 000: 2 dates; 004: 2 dates × consolidated/separate
    assert {r["difference"] for r in rows} == {"0"}


def test_equity_components_query(store_path: Path) -> None:
    """Seed 004's closing balances by component, read from its statements of changes in equity, with
    the members' labels from the taxonomy graph; the deducted treasury shares are negative."""
    rows = {
        (r["date"], r["scope"], r["label"]): r["value"]
        for r in run(store_path, "equity_components.rq")
        if r["entity"] == "688246"
    }
    assert rows[("2024-06-30", "consolidated", "库存股")] == "-30053537.02"
    assert rows[("2024-06-30", "consolidated", "少数股东权益")] == "-2823212.8"
    assert rows[("2024-06-30", "separate", "未分配利润")] == "20314680.57"
    assert ("2023-06-30", "consolidated", "未分配利润") not in rows  # left open by the arithmetic
    assert rows[("2023-06-30", "consolidated", "归属于母公司所有者权益小计")] == "1795629043.58"


def test_gross_margin_and_provenance_queries(store_path: Path) -> None:
    margins = {
        (r["entity"], r["start"]): float(r["grossMargin"])
        for r in run(store_path, "gross_margin_by_entity.rq")
    }
    assert margins[("02522", "2025-01-01")] == pytest.approx(137246 / 467049, abs=1e-9)
    prov = run(store_path, "concept_provenance.rq")
    assert {(r["document"], r["line"], r["rowLabel"]) for r in prov if r["entity"] == "02522"} == {
        ("000_de5880db65f9c6a7.txt", "141", "销售成本")
    }


def test_reload_replaces_each_filing_graph(converted: Path, store_path: Path) -> None:
    store = open_store(store_path)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = query(store, count)[1]
    load_folder(store, converted)
    assert query(store, count)[1] == before


def test_taxonomy_graph_links_cas_concepts_to_ifrs(store_path: Path) -> None:
    _, rows = query(
        open_store(store_path),
        """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { <https://xbrlify.org/taxonomy/2024/cas#NotesReceivable> skos:broadMatch ?ifrs ;
                                skos:prefLabel ?label . FILTER(langMatches(lang(?label), "zh-Hant")) }""",
    )
    assert rows == [["應收票據"]]


def test_jsonld_ntriples_and_trig_have_the_same_triples_as_turtle(converted: Path) -> None:
    folder = converted / SSE_CAS.stem
    ttl = Graph().parse(folder / f"{SSE_CAS.stem}.ttl")
    ld = Graph().parse(data=(folder / f"{SSE_CAS.stem}.jsonld").read_text("utf-8"), format="json-ld")
    nt = Graph().parse(folder / f"{SSE_CAS.stem}.nt", format="nt")
    assert len(ttl) == len(ld) == len(nt) > 5000
    json.loads((folder / f"{SSE_CAS.stem}.jsonld").read_text("utf-8"))
    trig = Dataset().parse(folder / f"{SSE_CAS.stem}.trig", format="trig")
    graphs = [g for g in trig.graphs() if len(g)]
    # one named graph, the filing's, holding the same triples
    assert len(graphs) == 1 and str(graphs[0].identifier).startswith("https://xbrlify.org/filing/SSE-688246")
    assert len(graphs[0]) == len(ttl)


def test_xbrl_csv_loads_in_arelle(converted: Path) -> None:
    folder = converted / SSE_CAS.stem
    run_ = arelle_validate(
        converted / "xbrlify-taxonomy.zip", folder / f"{SSE_CAS.stem}-metadata.json", oim=True
    )
    assert run_.returncode == 0, run_.stdout + run_.stderr
    assert "oime" not in run_.stdout + run_.stderr


def test_data_cube_view_has_one_observation_per_numeric_fact(converted: Path, store_path: Path) -> None:
    result = CliRunner().invoke(app, ["query", str(QUERIES / "datacube_view.rq"), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    cube = Graph().parse(data=result.output, format="turtle")
    cube.parse(ROOT / "schemas" / "xbrlify-cube.ttl")
    qb = Namespace("http://purl.org/linked-data/cube#")
    xfy = Namespace("https://xbrlify.org/ns#")
    ifrs = Namespace("https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full#")
    observations = set(cube.subjects(RDF.type, qb.Observation))
    numeric = sum(
        1
        for stem in (HKEX_IFRS.stem, SSE_CAS.stem, IR_RECORD.stem)
        for f in json.loads((converted / stem / f"{stem}.json").read_text("utf-8"))["facts"].values()
        if "unit" in f["dimensions"]
    )
    assert len(observations) == numeric
    assert len(set(cube.subjects(RDF.type, qb.DataSet))) == 3
    # every dimension of the structure is bound on every observation (IC-11), an axis's default
    # where the fact has no member: scope, component of equity, restatement, product line
    dimensions = list(cube.objects(None, qb.dimension))
    assert len(dimensions) == 7
    for obs in observations:
        assert all(cube.value(obs, d) is not None for d in dimensions)
    # no two observations of a data set share every dimension's value (IC-12)
    keys = [(cube.value(o, qb.dataSet), *(cube.value(o, d) for d in dimensions)) for o in observations]
    assert len(set(keys)) == len(keys)
    revenue = [
        o
        for o in observations
        if cube.value(o, xfy.concept) == ifrs.Revenue and str(cube.value(o, xfy.value)) == "467049000"
    ]
    assert len(revenue) == 1
    scope = cube.value(revenue[0], ifrs.ConsolidatedAndSeparateFinancialStatementsAxis)
    assert scope == ifrs.ConsolidatedMember
    assert cube.value(revenue[0], ifrs.ComponentsOfEquityAxis) == ifrs.EquityMember
    retained = [
        o for o in observations if cube.value(o, ifrs.ComponentsOfEquityAxis) == ifrs.RetainedEarningsMember
    ]
    assert retained and all(cube.value(o, xfy.concept) is not None for o in retained)


def test_query_of_another_form_is_one_line(store_path: Path) -> None:
    result = CliRunner().invoke(app, ["query", "ASK { ?s ?p ?o }", "--store", str(store_path)])
    assert result.exit_code == 1 and "not a SELECT or CONSTRUCT query" in result.output
