"""The embedded SPARQL store (pyoxigraph on disk): one named graph per filing, plus the taxonomy."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from xbrlify.export.rdf import XFY
from xbrlify.export.skos import TAXONOMY_GRAPH, taxonomy_triples
from xbrlify.taxonomy import load_taxonomy


def open_store(path: Path) -> ox.Store:
    path.mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FILING = ox.NamedNode(XFY + "Filing")


def _filing_graph(triples: list[ox.Triple]) -> ox.NamedNode:
    for t in triples:
        if t.predicate == RDF_TYPE and t.object == FILING and isinstance(t.subject, ox.NamedNode):
            return t.subject
    raise ValueError("no xfy:Filing in the file")


def load_folder(store: ox.Store, folder: Path) -> list[tuple[str, int]]:
    """Load every DIR/S/S.ttl into its filing's named graph (replacing it) and the taxonomy graph."""
    loaded: list[tuple[str, int]] = []
    tax_graph = ox.NamedNode(TAXONOMY_GRAPH)
    if tax_graph in store.named_graphs():
        store.remove_graph(tax_graph)
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object, tax_graph) for t in taxonomy_triples(load_taxonomy())
    )
    for ttl in sorted(folder.glob("*/*.ttl")):
        triples = list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
        graph = _filing_graph(triples)
        if graph in store.named_graphs():
            store.remove_graph(graph)
        store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        loaded.append((graph.value, len(triples)))
    store.flush()
    store.optimize()  # compacts the on-disk indexes: queries over a large store run about a quarter faster
    return loaded


def _term(term: Any) -> str:
    if term is None:
        return ""
    return str(term.value)


def run(store: ox.Store, sparql: str) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
    """Run any SPARQL query over the union of all graphs."""
    return store.query(sparql, use_default_graph_as_union=True)


def rows_of(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    """A SELECT result as column names and rows of strings."""
    names = [v.value for v in result.variables]
    return names, [[_term(sol[name]) for name in names] for sol in result]


def query(store: ox.Store, sparql: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT over the union of all graphs; returns column names and rows of strings."""
    result = run(store, sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    return rows_of(result)


TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


def triples_text(result: ox.QueryTriples, fmt: str = "ttl") -> str:
    """A CONSTRUCT or DESCRIBE result as Turtle or N-Triples."""
    if fmt not in TRIPLE_FORMATS:
        raise ValueError(f"unknown format {fmt} for triples: use ttl or nt")
    return bytes(ox.serialize(result, format=TRIPLE_FORMATS[fmt]) or b"").decode("utf-8")


def render(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=1)
    raise ValueError(f"unknown format {fmt}")
