"""Exports: XBRL instance structure, xBRL-JSON conventions, Turtle, findings report."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import HKEX_IFRS, SSE_CAS
from lxml import etree
from rdflib import Graph, Namespace

from xbrlify.converters.pipeline import convert
from xbrlify.export.oim_json import xbrl_json
from xbrlify.taxonomy import load_taxonomy

XFY = Namespace("https://xbrlify.org/ns#")


def test_instance_contexts_units_and_scope_dimension(converted: Path) -> None:
    tree = etree.parse(str(converted / SSE_CAS.stem / f"{SSE_CAS.stem}.xbrl"))
    ns = {"xbrli": "http://www.xbrl.org/2003/instance", "xbrldi": "http://xbrl.org/2006/xbrldi"}
    ident = tree.find(".//xbrli:identifier", ns)
    assert ident is not None and (ident.get("scheme"), ident.text) == ("http://www.sse.com.cn", "688246")
    members = {m.text for m in tree.iterfind(".//xbrldi:explicitMember", ns)}
    # the parent company's statements, and the columns and restated rows of changes in equity
    assert {
        "ifrs-full:SeparateMember",
        "ifrs-full:RetainedEarningsMember",
        "ifrs-full:PreviouslyStatedMember",
    } <= members
    declared = {m.member for m in load_taxonomy().dimensions if m.parent}  # a domain is the default
    assert members <= declared
    per_share = tree.find(".//xbrli:unit[@id='CNY_per_shares']", ns)
    assert per_share is not None


def test_xbrl_json_periods_are_exclusive_and_values_canonical(converted: Path) -> None:
    doc = json.loads((converted / HKEX_IFRS.stem / f"{HKEX_IFRS.stem}.json").read_text("utf-8"))
    assert doc["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    revenue = [f for f in doc["facts"].values() if f["dimensions"]["concept"] == "ifrs-full:Revenue"]
    periods = {f["dimensions"]["period"]: f["value"] for f in revenue}
    assert periods["2025-01-01T00:00:00/2025-07-01T00:00:00"] == "467049000.0"
    assert all(f["dimensions"]["entity"] == "scheme:02522" for f in revenue)


def test_fact_ids_are_stable(converted: Path) -> None:
    first = json.loads((converted / HKEX_IFRS.stem / f"{HKEX_IFRS.stem}.json").read_text("utf-8"))
    again = json.loads(xbrl_json(convert(HKEX_IFRS), HKEX_IFRS.stem))
    assert first["facts"].keys() == again["facts"].keys()


def test_turtle_has_decimal_values_and_provenance(converted: Path) -> None:
    g = Graph().parse(converted / SSE_CAS.stem / f"{SSE_CAS.stem}.ttl")
    rows = list(
        g.query("""
        PREFIX xfy: <https://xbrlify.org/ns#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX ifrs: <https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full#>
        SELECT ?v ?line ?start WHERE {
          ?f xfy:concept ifrs:Assets ;
             xfy:value ?v ; xfy:period/xfy:instant ?d ; xfy:selector ?s .
          ?s xfy:line ?line ; oa:start ?start .
          FILTER NOT EXISTS { ?f ifrs:ConsolidatedAndSeparateFinancialStatementsAxis ?m }
          FILTER (str(?d) = "2024-06-30")
        }""")
    )
    assert len(rows) == 1
    v, line, start = rows[0]
    assert str(v.datatype).endswith("#decimal") and str(v) == "2682722180.16"
    assert int(line) > 0 and int(start) >= 0


def test_findings_report_is_machine_readable(converted: Path) -> None:
    report = json.loads((converted / SSE_CAS.stem / f"{SSE_CAS.stem}.findings.json").read_text("utf-8"))
    assert report["standard"] == "CAS" and report["facts"] > 300
    assert set(report["summary"]) == {"error", "warning", "info"}
    assert report["summary"]["error"] == 0


def test_no_negative_zero_in_any_output(converted: Path) -> None:
    """A nil (–) on a row whose printed sign is negated is the value 0, in every format."""
    for path in converted.glob("*/*"):
        if path.suffix in (".ttl", ".nt", ".json", ".xbrl", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert '"-0"' not in text and ">-0<" not in text and ",-0\n" not in text, path.name
