"""SHACL: every RDF output conforms to schemas/xbrlify-shapes.ttl; a broken graph does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HKEX_IFRS, IR_RECORD, ROOT, SSE_CAS
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from xbrlify.converters.pipeline import convert
from xbrlify.export.rdf import serialize

SHAPES = Graph().parse(ROOT / "schemas" / "xbrlify-shapes.ttl")
XFY = Namespace("https://xbrlify.org/ns#")


def conforms(graph: Graph) -> tuple[bool, str]:
    ok, _, text = validate(graph, shacl_graph=SHAPES, inference="none")
    return bool(ok), str(text)


@pytest.mark.parametrize("stem", [HKEX_IFRS.stem, SSE_CAS.stem, IR_RECORD.stem])
def test_outputs_conform(converted: Path, stem: str) -> None:
    for name in (f"{stem}.ttl", f"{stem}.jsonld"):
        fmt = "json-ld" if name.endswith("jsonld") else "turtle"
        ok, text = conforms(Graph().parse(converted / stem / name, format=fmt))
        assert ok, text


def test_a_broken_graph_does_not_conform(converted: Path) -> None:
    graph = Graph().parse(converted / SSE_CAS.stem / f"{SSE_CAS.stem}.ttl")
    fact = next(iter(graph.subjects(XFY.unit, None)))
    value = next(iter(graph.objects(fact, XFY.value)))
    graph.remove((fact, XFY.value, value))
    graph.add((fact, XFY.value, Literal(float(value), datatype=XSD.double)))  # a double, not a decimal
    graph.remove((fact, XFY.concept, next(iter(graph.objects(fact, XFY.concept)))))
    ok, text = conforms(graph)
    assert not ok
    assert "concept" in text and "decimal" in text.lower()
    assert isinstance(fact, URIRef)


def test_pdf_regions_conform_and_a_malformed_region_does_not() -> None:
    filing = convert(ROOT / "examples" / "filings" / "603339_2019_annual.pdf")
    graph = Graph().parse(data=serialize(filing)["ttl"], format="turtle")
    regions = list(graph.objects(None, XFY.region))
    assert len(regions) == sum(1 for f in filing.facts if f.provenance.bbox is not None) > 300
    ok, text = conforms(graph)
    assert ok, text
    rdf_value = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#value")
    region = regions[0]
    graph.set((region, rdf_value, Literal("page=x&viewrect=1,2")))
    ok, text = conforms(graph)
    assert not ok and "viewrect" in text


def test_cash_flows_with_extension_lines_conform() -> None:
    """A statement of cash flows whose company lines are extension concepts that join summations."""
    filing = convert(ROOT / "tests" / "fixtures" / "english" / "05679_evergreen_two_interest_lines_en.txt")
    assert any(f.code == "calc-anchored" for f in filing.findings)
    ok, text = conforms(Graph().parse(data=serialize(filing, ("ttl",))["ttl"], format="turtle"))
    assert ok, text
