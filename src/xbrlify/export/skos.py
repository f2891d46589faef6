"""The taxonomy in RDF: SKOS concepts with zh-Hans/zh-Hant/en labels, XBRL attributes, calculation
relations (one node per arc, in its layout network) and CAS↔IFRS mappings (skos:exactMatch …)."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from xbrlify.export.rdf import RDF_TYPE, XFY, _lit, _n
from xbrlify.taxonomy import Taxonomy
from xbrlify.taxonomy.model import NAMESPACES

SKOS = "http://www.w3.org/2004/02/skos/core#"
TAXONOMY_GRAPH = "https://xbrlify.org/taxonomy"
SCHEME = "https://xbrlify.org/taxonomy/scheme"


def concept_iri(qname: str) -> str:
    prefix, local = qname.split(":", 1)
    return f"{NAMESPACES[prefix]}#{local}"


def taxonomy_triples(taxonomy: Taxonomy) -> Iterator[ox.Triple]:
    scheme = _n(SCHEME)
    yield ox.Triple(scheme, RDF_TYPE, _n(SKOS + "ConceptScheme"))
    for concept in taxonomy.concepts.values():
        node = _n(concept_iri(concept.qname))
        yield ox.Triple(node, RDF_TYPE, _n(SKOS + "Concept"))
        yield ox.Triple(node, _n(SKOS + "inScheme"), scheme)
        yield ox.Triple(node, _n(SKOS + "notation"), _lit(concept.qname))
        for label in concept.labels:
            yield ox.Triple(node, _n(SKOS + "prefLabel"), _lit(label.text, lang=label.lang))
        yield ox.Triple(node, _n(XFY + "dataType"), _lit(concept.data_type))
        yield ox.Triple(node, _n(XFY + "periodType"), _lit(concept.period_type))
        if concept.balance:
            yield ox.Triple(node, _n(XFY + "balance"), _lit(concept.balance))
        if concept.ifrs_match:
            relation, target = concept.ifrs_match
            yield ox.Triple(node, _n(SKOS + relation), _n(concept_iri(target)))
    for layout in taxonomy.layouts.values():
        for arc in layout.arcs:
            fragment = f"{arc.parent}-{arc.child}".replace(":", "_")
            node = _n(f"{layout.network_role(arc.network)}#{fragment}")
            yield ox.Triple(node, RDF_TYPE, _n(XFY + "SummationItem"))
            yield ox.Triple(node, _n(XFY + "total"), _n(concept_iri(arc.parent)))
            yield ox.Triple(node, _n(XFY + "item"), _n(concept_iri(arc.child)))
            yield ox.Triple(node, _n(XFY + "weight"), _lit(arc.weight, "integer"))
            yield ox.Triple(node, _n(XFY + "network"), _n(layout.network_role(arc.network)))
