"""RDF: each fact a node with a deterministic IRI and fixed predicates; PROV-O provenance.

Vocabulary (documented in schemas/xbrlify.ttl):
  xfy:Fact — xfy:concept (the concept IRI: namespace + "#" + local name), xfy:entity, xfy:period,
  xfy:unit, xfy:value (xsd:decimal, never double), xfy:decimals, xfy:reportedIn (the filing),
  one property per dimension axis (the axis IRI) pointing to the member IRI;
  prov:wasDerivedFrom the source document; xfy:selector an oa:TextPositionSelector
  (xfy:line, oa:start, oa:end over the line's text); xfy:rowLabel and xfy:columnHeader.
Triples are built and serialized with pyoxigraph (native, fast); rdflib reads them fine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pyoxigraph as ox

from xbrlify.export.common import namespaces
from xbrlify.model import Fact, Filing, Instant

BASE = "https://xbrlify.org/"
XFY = "https://xbrlify.org/ns#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = ox.NamedNode(RDF + "type")
RDF_VALUE = ox.NamedNode(RDF + "value")
PDF_FRAGMENTS = "http://tools.ietf.org/rfc/rfc3778"  # PDF fragment identifiers: page=N&viewrect=l,t,w,h
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: object, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=_n(XSD + datatype) if datatype else None)


def concept_iri(qname: str, ns: dict[str, str]) -> str:
    prefix, local = qname.split(":", 1)
    return f"{ns[prefix]}#{local}"


def filing_iri(filing: Filing) -> str:
    return f"{BASE}filing/{filing.key}"


def fact_iri(filing: Filing, fact: Fact) -> str:
    return f"{BASE}fact/{filing.key}/{fact.id(filing.key)}"


def _fact_triples(
    filing: Filing, fact: Fact, ns: dict[str, str], entity: ox.NamedNode, source: ox.NamedNode
) -> Iterator[ox.Triple]:
    node = _n(fact_iri(filing, fact))
    yield ox.Triple(node, RDF_TYPE, _n(XFY + "Fact"))
    yield ox.Triple(node, _n(XFY + "concept"), _n(concept_iri(fact.concept, ns)))
    yield ox.Triple(node, _n(XFY + "entity"), entity)
    yield ox.Triple(node, _n(XFY + "reportedIn"), _n(filing_iri(filing)))
    period = fact.context.period
    pnode = _n(f"{BASE}period/{filing.key}/{period.key}")  # filing-scoped: graphs share no nodes
    yield ox.Triple(node, _n(XFY + "period"), pnode)
    if isinstance(period, Instant):
        yield ox.Triple(pnode, _n(XFY + "instant"), _lit(period.instant.isoformat(), "date"))
    else:
        yield ox.Triple(pnode, _n(XFY + "startDate"), _lit(period.start.isoformat(), "date"))
        yield ox.Triple(pnode, _n(XFY + "endDate"), _lit(period.end.isoformat(), "date"))
    if fact.unit is not None:
        yield ox.Triple(node, _n(XFY + "unit"), _n(f"{BASE}unit/{fact.unit.id}"))
        yield ox.Triple(node, _n(XFY + "decimals"), _lit(fact.decimals, "integer"))
    if isinstance(fact.value, Decimal):
        yield ox.Triple(node, _n(XFY + "value"), _lit(format(fact.value, "f"), "decimal"))
    elif isinstance(fact.value, dt.date):
        yield ox.Triple(node, _n(XFY + "value"), _lit(fact.value.isoformat(), "date"))
    else:
        yield ox.Triple(node, _n(XFY + "value"), _lit(fact.value))
    for m in fact.context.members:
        yield ox.Triple(node, _n(concept_iri(m.dimension, ns)), _n(concept_iri(m.member, ns)))
    prov = fact.provenance
    yield ox.Triple(node, _n(PROV + "wasDerivedFrom"), source)
    if prov.line is not None:
        sel = _n(f"{fact_iri(filing, fact)}#selector")
        yield ox.Triple(node, _n(XFY + "selector"), sel)
        yield ox.Triple(sel, RDF_TYPE, _n(OA + "TextPositionSelector"))
        yield ox.Triple(sel, _n(XFY + "line"), _lit(prov.line, "integer"))
        if prov.char_start is not None and prov.char_end is not None:
            yield ox.Triple(sel, _n(OA + "start"), _lit(prov.char_start, "nonNegativeInteger"))
            yield ox.Triple(sel, _n(OA + "end"), _lit(prov.char_end, "nonNegativeInteger"))
        if prov.page is not None:
            yield ox.Triple(sel, _n(XFY + "page"), _lit(prov.page, "integer"))
    if prov.page is not None and prov.bbox is not None:
        region = _n(f"{fact_iri(filing, fact)}#region")
        x0, top, x1, bottom = prov.bbox
        fragment = f"page={prov.page}&viewrect={x0:.2f},{top:.2f},{x1 - x0:.2f},{bottom - top:.2f}"
        yield ox.Triple(node, _n(XFY + "region"), region)
        yield ox.Triple(region, RDF_TYPE, _n(OA + "FragmentSelector"))
        yield ox.Triple(region, _n(DCTERMS + "conformsTo"), _n(PDF_FRAGMENTS))
        yield ox.Triple(region, RDF_VALUE, _lit(fragment))
    if prov.row_label:
        yield ox.Triple(node, _n(XFY + "rowLabel"), _lit(prov.row_label, lang="zh"))
    if prov.column_header:
        yield ox.Triple(node, _n(XFY + "columnHeader"), _lit(prov.column_header))


def triples(filing: Filing) -> Iterator[ox.Triple]:
    """The filing's facts as RDF triples (same input → same IRIs and triples)."""
    ns = namespaces(filing)
    doc = filing.document
    fil = _n(filing_iri(filing))
    src = _n(f"{BASE}source/{doc.sha256}")
    ent = _n(f"{BASE}entity/{doc.entity.exchange.lower()}/{doc.entity.identifier}")
    yield ox.Triple(fil, RDF_TYPE, _n(XFY + "Filing"))
    yield ox.Triple(fil, _n(XFY + "standard"), _lit(doc.standard))
    yield ox.Triple(fil, _n(XFY + "reportType"), _lit(doc.report_type))
    yield ox.Triple(fil, _n(XFY + "entity"), ent)
    yield ox.Triple(fil, _n(PROV + "wasDerivedFrom"), src)
    yield ox.Triple(src, RDF_TYPE, _n(PROV + "Entity"))
    yield ox.Triple(src, _n(DCTERMS + "title"), _lit(doc.source))
    yield ox.Triple(src, _n(XFY + "sha256"), _lit(doc.sha256))
    yield ox.Triple(ent, RDF_TYPE, _n(XFY + "Entity"))
    yield ox.Triple(ent, _n(XFY + "scheme"), _n(doc.entity.scheme))
    yield ox.Triple(ent, _n(XFY + "identifier"), _lit(doc.entity.identifier))
    if doc.entity.name:
        yield ox.Triple(ent, RDFS_LABEL, _lit(doc.entity.name, lang="zh-Hans"))
    for fact in filing.facts:
        yield from _fact_triples(filing, fact, ns, ent, src)


FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
}


def serialize(filing: Filing, formats: tuple[str, ...] = ("ttl", "nt", "jsonld", "trig")) -> dict[str, str]:
    """The filing's triples, built once, in each requested format (file suffix → text); TriG holds
    them in the filing's named graph, as a store does."""
    graph = list(triples(filing))
    prefixes = {"xfy": XFY, "prov": PROV, "oa": OA, "dcterms": DCTERMS, "xsd": XSD, "rdf": RDF}
    prefixes |= {p.replace("-", "_"): uri + "#" for p, uri in namespaces(filing).items()}
    out = {}
    for suffix in formats:
        fmt = FORMATS[suffix]
        if fmt is ox.RdfFormat.TRIG:
            name = ox.NamedNode(filing_iri(filing))
            quads = [ox.Quad(t.subject, t.predicate, t.object, name) for t in graph]
            data = ox.serialize(quads, format=fmt, prefixes=prefixes)
        elif fmt is ox.RdfFormat.TURTLE:
            data = ox.serialize(graph, format=fmt, prefixes=prefixes)
        else:
            data = ox.serialize(graph, format=fmt)
        out[suffix] = bytes(data or b"").decode("utf-8")
    return out


def turtle(filing: Filing) -> str:
    return serialize(filing, ("ttl",))["ttl"]


def jsonld(filing: Filing) -> str:
    """The same triples as JSON-LD (expanded form, as pyoxigraph writes it)."""
    return serialize(filing, ("jsonld",))["jsonld"]


def ntriples(filing: Filing) -> str:
    return serialize(filing, ("nt",))["nt"]
