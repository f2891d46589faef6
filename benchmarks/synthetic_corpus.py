"""Synthetic corpus: N filings shaped like real ones, loaded and queried in pyoxigraph and in rdflib.

Usage: python benchmarks/synthetic_corpus.py [N] [--skip-rdflib]
Each filing has 6 statement concepts (revenue, cost of sales, profit, assets, liabilities, equity)
for two periods, with provenance, rendered by the project's own RDF exporter into one named graph
per filing (about 200 triples per filing: 5,000 filings ≈ 1M triples). Reports load time and the
time of examples/queries/revenue_by_entity.rq in each store: pyoxigraph on disk (as `xbrlify load`
leaves it: loaded, then optimized) and in memory, and rdflib in memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from xbrlify.export.rdf import filing_iri, triples
from xbrlify.model import Context, DocumentInfo, Duration, Entity, Fact, Filing, Instant, Provenance, Unit

ROOT = Path(__file__).resolve().parent.parent
QUERY = (ROOT / "examples" / "queries" / "revenue_by_entity.rq").read_text(encoding="utf-8")
DURATION = ("Revenue", "CostOfSales", "ProfitLoss")
INSTANT = ("Assets", "Liabilities", "Equity")


def synthetic_filing(i: int, rng: random.Random) -> Filing:
    exchange = rng.choice(["SSE", "SZSE", "HKEX"])
    code = f"{i:05d}" if exchange == "HKEX" else f"{600000 + i:06d}"
    entity = Entity(exchange=exchange, identifier=code, name=f"示例公司{i}")  # type: ignore[arg-type]
    year = rng.choice([2022, 2023, 2024])
    cny = Unit(numerator=("iso4217:CNY",))
    facts = []
    for y in (year, year - 1):
        periods = {
            "duration": Duration(start=dt.date(y, 1, 1), end=dt.date(y, 6, 30)),
            "instant": Instant(instant=dt.date(y, 6, 30)),
        }
        for names, kind in ((DURATION, "duration"), (INSTANT, "instant")):
            for name in names:
                value = Decimal(rng.randrange(10**6, 10**11)) / 100
                facts.append(
                    Fact(
                        concept=f"ifrs-full:{name}",
                        context=Context(entity=entity, period=periods[kind]),
                        value=value,
                        unit=cny,
                        decimals=2,
                        provenance=Provenance(
                            document=f"s{i}.txt",
                            line=rng.randrange(1, 5000),
                            char_start=3,
                            char_end=15,
                            row_label=name,
                            column_header=str(y),
                        ),
                    )
                )
    doc = DocumentInfo(
        source=f"s{i}.txt",
        sha256=f"{i:064x}",
        entity=entity,
        standard="IFRS" if exchange == "HKEX" else "CAS",
        report_type="semi-annual-report",
    )
    return Filing(document=doc, facts=facts)


def _best_of(store: ox.Store, runs: int = 5) -> tuple[float, list[ox.QuerySolution]]:
    times, rows = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = list(store.query(QUERY, use_default_graph_as_union=True))
        times.append(time.perf_counter() - t0)
    return min(times), rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=5000)
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args()
    rng = random.Random(42)
    t0 = time.perf_counter()
    quads = []
    for i in range(args.n):
        filing = synthetic_filing(i, rng)
        graph = ox.NamedNode(filing_iri(filing))
        quads += [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples(filing)]
    print(f"generated {args.n} filings, {len(quads):,} quads in {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        nquads = Path(tmp) / "corpus.nq"
        nquads.write_bytes(bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""))
        del quads
        t0 = time.perf_counter()
        store = ox.Store(str(Path(tmp) / "store"))
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        load_ox = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.optimize()  # as `xbrlify load` does after loading
        optimize_ox = time.perf_counter() - t0
        best, rows = _best_of(store)
        print(
            f"pyoxigraph (on disk): load {load_ox:.1f} s + optimize {optimize_ox:.1f} s; "
            f"revenue_by_entity {best:.3f} s (best of 5), {len(rows)} rows"
        )
        t0 = time.perf_counter()
        memory = ox.Store()
        memory.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        load_mem = time.perf_counter() - t0
        best, rows = _best_of(memory)
        print(
            f"pyoxigraph (in memory): load {load_mem:.1f} s; revenue_by_entity {best:.3f} s "
            f"(best of 5), {len(rows)} rows"
        )
        del memory
        if args.skip_rdflib:
            return
        import rdflib  # noqa: PLC0415 - only for the comparison

        t0 = time.perf_counter()
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(nquads, format="nquads")
        load_rdflib = time.perf_counter() - t0
        t0 = time.perf_counter()
        rdflib_rows = list(dataset.query(QUERY))
        print(
            f"rdflib (in memory): load {load_rdflib:.1f} s; "
            f"revenue_by_entity {time.perf_counter() - t0:.3f} s, {len(rdflib_rows)} rows"
        )


if __name__ == "__main__":
    main()
