"""Push converted filings to any SPARQL 1.1 server through the Graph Store HTTP Protocol.

Each filing's Turtle is PUT into its own named graph (``?graph=<filing IRI>``): PUT replaces the
graph, so pushing again is idempotent. Works with Oxigraph (``/store``), Fuseki (``/dataset/data``),
GraphDB and Virtuoso graph-store endpoints.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from xbrlify.export.skos import TAXONOMY_GRAPH, taxonomy_triples
from xbrlify.store import FILING, RDF_TYPE
from xbrlify.taxonomy import load_taxonomy


class PushError(RuntimeError):
    """The endpoint refused or could not be reached."""


def _put(endpoint: str, graph: str, turtle: bytes, timeout: float) -> int:
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"
    request = urllib.request.Request(url, data=turtle, method="PUT", headers={"Content-Type": "text/turtle"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        raise PushError(f"{graph}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"cannot reach {endpoint}: {exc}") from None


def push_folder(folder: Path, endpoint: str, timeout: float = 60.0) -> list[tuple[str, int]]:
    """PUT the taxonomy graph and every DIR/S/S.ttl into its named graph; returns (graph, triples)."""
    pushed: list[tuple[str, int]] = []
    tax = ox.serialize(taxonomy_triples(load_taxonomy()), format=ox.RdfFormat.TURTLE) or b""
    _put(endpoint, TAXONOMY_GRAPH, bytes(tax), timeout)
    for ttl in sorted(folder.glob("*/*.ttl")):
        data = ttl.read_bytes()
        triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
        graph = next(
            (
                t.subject.value
                for t in triples
                if t.predicate == RDF_TYPE and t.object == FILING and isinstance(t.subject, ox.NamedNode)
            ),
            None,
        )
        if graph is None:
            continue
        _put(endpoint, graph, data, timeout)
        pushed.append((graph, len(triples)))
    return pushed
