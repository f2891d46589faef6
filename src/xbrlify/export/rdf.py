"""RDF (Turtle): each fact a node with a deterministic IRI and fixed predicates; PROV-O provenance.

Vocabulary (documented in schemas/xbrlify.ttl):
  xfy:Fact  — xfy:concept (the concept IRI, namespace + "#" + local name), xfy:entity, xfy:period,
  xfy:unit, xfy:value (xsd:decimal, never double), xfy:decimals, xfy:reportedIn (the filing),
  one property per dimension axis (the axis IRI) pointing to the member IRI;
  prov:wasDerivedFrom the source document, xfy:selector an oa:TextPositionSelector
  (xfy:line, oa:start, oa:end over the line text) with xfy:rowLabel and xfy:columnHeader.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from xbrlify.export.common import namespaces
from xbrlify.model import Filing, Instant

XFY = Namespace("https://xbrlify.org/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")
BASE = "https://xbrlify.org/"


def concept_iri(qname: str, ns: dict[str, str]) -> URIRef:
    prefix, local = qname.split(":", 1)
    return URIRef(f"{ns[prefix]}#{local}")


def filing_iri(filing: Filing) -> URIRef:
    return URIRef(f"{BASE}filing/{filing.key}")


def filing_graph(filing: Filing) -> Graph:
    """The filing's facts as an RDF graph (same input → same IRIs and triples)."""
    g = Graph()
    g.bind("xfy", XFY)
    g.bind("prov", PROV)
    g.bind("oa", OA)
    g.bind("dcterms", DCTERMS)
    ns = namespaces(filing)
    for prefix, uri in ns.items():
        g.bind(prefix.replace("-", "_"), Namespace(uri + "#"))
    doc = filing.document
    fil = filing_iri(filing)
    src = URIRef(f"{BASE}source/{doc.sha256}")
    ent = URIRef(f"{BASE}entity/{doc.entity.exchange.lower()}/{doc.entity.identifier}")
    g.add((fil, RDF.type, XFY.Filing))
    g.add((fil, XFY.standard, Literal(doc.standard)))
    g.add((fil, XFY.reportType, Literal(doc.report_type)))
    g.add((fil, XFY.entity, ent))
    g.add((fil, PROV.wasDerivedFrom, src))
    g.add((src, RDF.type, PROV.Entity))
    g.add((src, DCTERMS.title, Literal(doc.source)))
    g.add((src, XFY.sha256, Literal(doc.sha256)))
    g.add((ent, RDF.type, XFY.Entity))
    g.add((ent, XFY.scheme, URIRef(doc.entity.scheme)))
    g.add((ent, XFY.identifier, Literal(doc.entity.identifier)))
    if doc.entity.name:
        g.add((ent, RDFS.label, Literal(doc.entity.name, lang="zh-Hans")))
    for fact in filing.facts:
        node = URIRef(f"{BASE}fact/{filing.key}/{fact.id(filing.key)}")
        g.add((node, RDF.type, XFY.Fact))
        g.add((node, XFY.concept, concept_iri(fact.concept, ns)))
        g.add((node, XFY.entity, ent))
        g.add((node, XFY.reportedIn, fil))
        period = fact.context.period
        pnode = URIRef(f"{BASE}period/{period.key}")
        g.add((node, XFY.period, pnode))
        if isinstance(period, Instant):
            g.add((pnode, XFY.instant, Literal(period.instant, datatype=XSD.date)))
        else:
            g.add((pnode, XFY.startDate, Literal(period.start, datatype=XSD.date)))
            g.add((pnode, XFY.endDate, Literal(period.end, datatype=XSD.date)))
        if fact.unit is not None:
            g.add((node, XFY.unit, URIRef(f"{BASE}unit/{fact.unit.id}")))
            g.add((node, XFY.decimals, Literal(fact.decimals, datatype=XSD.integer)))
        if isinstance(fact.value, Decimal):
            g.add((node, XFY.value, Literal(format(fact.value, "f"), datatype=XSD.decimal)))
        elif isinstance(fact.value, dt.date):
            g.add((node, XFY.value, Literal(fact.value, datatype=XSD.date)))
        else:
            g.add((node, XFY.value, Literal(fact.value)))
        for m in fact.context.members:
            g.add((node, concept_iri(m.dimension, ns), concept_iri(m.member, ns)))
        prov = fact.provenance
        g.add((node, PROV.wasDerivedFrom, src))
        if prov.line is not None:
            sel = BNode()
            g.add((node, XFY.selector, sel))
            g.add((sel, RDF.type, OA.TextPositionSelector))
            g.add((sel, XFY.line, Literal(prov.line, datatype=XSD.integer)))
            if prov.char_start is not None and prov.char_end is not None:
                g.add((sel, OA.start, Literal(prov.char_start, datatype=XSD.nonNegativeInteger)))
                g.add((sel, OA.end, Literal(prov.char_end, datatype=XSD.nonNegativeInteger)))
            if prov.page is not None:
                g.add((sel, XFY.page, Literal(prov.page, datatype=XSD.integer)))
        if prov.row_label:
            g.add((node, XFY.rowLabel, Literal(prov.row_label, lang="zh")))
        if prov.column_header:
            g.add((node, XFY.columnHeader, Literal(prov.column_header)))
    return g


def turtle(filing: Filing) -> str:
    return filing_graph(filing).serialize(format="turtle")
