"""Load the taxonomy from its human-edited CSV source files."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

from xbrlify.taxonomy.model import (
    CalculationArc,
    Concept,
    DimensionMember,
    EquityComponent,
    Label,
    Layout,
    LayoutRow,
    Taxonomy,
)


class TaxonomyError(ValueError):
    """The taxonomy source files are inconsistent."""


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("xbrlify.taxonomy").joinpath("data", name).read_text(encoding="utf-8")
    return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(text.splitlines())]


def _concept(r: dict[str, str]) -> Concept:
    labels = tuple(
        Label(lang=lang, text=r[col])
        for lang, col in (("zh-Hans", "label_zh_hans"), ("zh-Hant", "label_zh_hant"), ("en", "label_en"))
        if r.get(col)
    )
    match = None
    if r.get("ifrs_match"):
        rel, _, target = r["ifrs_match"].partition(":")
        match = (rel, target)
    data: dict[str, Any] = {
        "qname": r["qname"],
        "data_type": r["data_type"],
        "period_type": r["period_type"],
        "balance": r.get("balance") or None,
        "labels": labels,
        "ifrs_match": match,
    }
    return Concept.model_validate(data)


def _layout(meta: dict[str, str], concepts: dict[str, Concept]) -> Layout:
    rows: list[LayoutRow] = []
    specs: list[tuple[int, str, str, int, str | None]] = []  # order, parent, child, weight, section above
    section: str | None = None
    for i, r in enumerate(_rows(f"layouts/{meta['id']}.csv")):
        if r["kind"] == "section":
            section = r.get("section") or None
        # "a+b": one printed value reported by several concepts (a "basic and diluted" EPS row)
        first, *also = [c.strip() for c in r.get("concept", "").split("+")]
        for name in (first, *also):
            if name and name not in concepts:
                raise TaxonomyError(f"layout {meta['id']} row {i + 2}: unknown concept {name}")
        concept = first or None
        labels = tuple(x.strip() for x in r.get("labels", "").split("|") if x.strip())
        rows.append(
            LayoutRow(
                kind=r["kind"],
                concept=concept,
                also=tuple(also),
                section=r.get("section") or None,
                labels=labels,
                sign=int(r.get("sign") or 1),
                order=i,
                members=_members(r.get("members", ""), concepts, f"layout {meta['id']} row {i + 2}"),
                instant=r.get("instant") or None,
                components=tuple(x.strip() for x in r.get("components", "").split("|") if x.strip()),
            )
        )
        for spec in filter(None, (s.strip() for s in r.get("calc", "").split(";"))):
            parent, _, weight = spec.partition("*")
            if parent not in concepts or concept is None:
                raise TaxonomyError(f"layout {meta['id']} row {i + 2}: bad calc arc {spec}")
            specs.append((i, parent, concept, int(weight or 1), section))
    return Layout(
        id=meta["id"],
        standard=meta["standard"],
        statement=meta["statement"],
        period_type=meta["period_type"],
        titles=tuple(t.strip() for t in meta["titles"].split("|") if t.strip()),
        rows=tuple(rows),
        arcs=tuple(_networks(specs, rows)),
    )


def _members(text: str, concepts: dict[str, Concept], where: str) -> tuple[tuple[str, str], ...]:
    """``axis=member;axis=member`` → pairs, each name a concept of the taxonomy."""
    out = []
    for spec in filter(None, (s.strip() for s in text.split(";"))):
        axis, _, member = spec.partition("=")
        if axis not in concepts or member not in concepts:
            raise TaxonomyError(f"{where}: unknown dimension member {spec}")
        out.append((axis, member))
    return tuple(out)


def _equity_components(concepts: dict[str, Concept]) -> tuple[EquityComponent, ...]:
    out = []
    for i, r in enumerate(_rows("equity_components.csv")):
        for name in (r["member"], r["balance"]):
            if name and name not in concepts:
                raise TaxonomyError(f"equity_components.csv row {i + 2}: unknown concept {name}")
        out.append(
            EquityComponent(
                member=r["member"],
                kind=r["kind"],
                weight=int(r["weight"]),
                header=r["header"],
                balance=r["balance"] or None,
                standards=tuple(r["standards"].split("|")),
                order=i,
            )
        )
    return tuple(out)


def _check_column_order(components: tuple[EquityComponent, ...]) -> tuple[EquityComponent, ...]:
    """The statement of changes in equity prints its components before the subtotal, non-controlling
    and total columns, and deducts one of them at most (减:库存股): the placement of its cells relies
    on both; each standard's columns name each member once."""
    for standard in sorted({s for c in components for s in c.standards}):
        own = [c for c in components if standard in c.standards]
        kinds = [c.kind for c in own]
        first_other = next((i for i, kind in enumerate(kinds) if kind != "component"), len(kinds))
        if "component" in kinds[first_other:]:
            raise TaxonomyError("equity_components.csv: every component must come before the other columns")
        if sum(1 for c in own if c.weight < 0) > 1:
            raise TaxonomyError(f"equity_components.csv: at most one deducted column ({standard})")
        if len({c.member for c in own}) != len(own):
            raise TaxonomyError(f"equity_components.csv: a member named twice for {standard}")
    return components


def _dimensions(concepts: dict[str, Concept]) -> tuple[DimensionMember, ...]:
    out = []
    domains: dict[str, str] = {}
    for i, r in enumerate(_rows("dimensions.csv")):
        for name in (r["axis"], r["member"], r["parent"]):
            if name and name not in concepts:
                raise TaxonomyError(f"dimensions.csv row {i + 2}: unknown concept {name}")
        if not r["parent"]:
            if r["axis"] in domains:
                raise TaxonomyError(f"dimensions.csv row {i + 2}: {r['axis']} has two domains")
            domains[r["axis"]] = r["member"]
        elif r["axis"] not in domains:
            raise TaxonomyError(f"dimensions.csv row {i + 2}: the domain of {r['axis']} must come first")
        out.append(DimensionMember(axis=r["axis"], member=r["member"], parent=r["parent"] or None))
    return tuple(out)


def _networks(
    specs: list[tuple[int, str, str, int, str | None]], rows: list[LayoutRow]
) -> list[CalculationArc]:
    """Split arcs into networks: items printed above their total form the main network; a breakdown
    printed below its total (attribution, continuing/discontinued) is its own network, one per section."""
    first_row = {}
    for row in rows:
        if row.kind == "item" and row.concept and row.concept not in first_row:
            first_row[row.concept] = row.order
    arcs = []
    for order, parent, child, weight, section in specs:
        below = order > first_row.get(parent, order)
        network = (section or f"below-{parent.split(':')[-1]}") if below else "main"
        arcs.append(CalculationArc(parent=parent, child=child, weight=weight, order=order, network=network))
    return arcs


@cache
def load_taxonomy() -> Taxonomy:
    """The packaged taxonomy (cached: it is read once per process)."""
    concepts: dict[str, Concept] = {}
    for r in _rows("concepts.csv"):
        c = _concept(r)
        if c.qname in concepts:
            raise TaxonomyError(f"duplicate concept {c.qname}")
        concepts[c.qname] = c
    layouts = {m["id"]: _layout(m, concepts) for m in _rows("layouts.csv")}
    return Taxonomy(
        concepts=concepts,
        layouts=layouts,
        equity_components=_check_column_order(_equity_components(concepts)),
        dimensions=_dimensions(concepts),
    )
