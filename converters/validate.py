"""validate: duplicates agree, calculations hold (Calculations 1.1 rounding), statement identities."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from itertools import combinations

from xbrlify.converters.facts import EXTENSION_PREFIX
from xbrlify.model import Fact, Finding, Instant, Severity
from xbrlify.taxonomy.model import CalculationArc, Layout


def _half(fact: Fact) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-(fact.decimals or 0) - 1)


def deduplicate(facts: list[Fact]) -> tuple[list[Fact], list[Finding]]:
    """Keep one fact per aspect key; disagreeing duplicates are errors and both values are dropped."""
    groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[f.aspect_key].append(f)
    out: list[Fact] = []
    findings: list[Finding] = []
    for key, group in groups.items():
        values = {g.value for g in group}
        if len(values) == 1:
            out.append(group[0])
            continue
        lines = ", ".join(str(g.provenance.line) for g in group)
        findings.append(
            Finding(
                severity=Severity.ERROR,
                code="inconsistent-duplicates",
                concept=key[0],
                period=group[0].context.period.key,
                line=group[0].provenance.line,
                message=f"{key[0]} printed with different values {sorted(map(str, values))} "
                f"at lines {lines}; no fact emitted",
            )
        )
    return out, findings


def filing_calculations(
    facts: list[Fact],
    unread: set[str],
    layouts: Iterable[Layout],
    printed: dict[str, list[set[str]]] | None = None,
) -> tuple[dict[str, list[CalculationArc]], list[Finding]]:
    """The filing's calculation linkbase: per layout its statements were read with, the summations
    among the numeric concepts it reports, skipping those with a printed line that was not read.

    `printed` (layout → the concepts each of its statements tagged) keeps a summation to the lines
    its own statement prints: the profit a cash-flow statement starts from, not the other profits
    the statement of profit or loss reports. Statements read with one layout (the group's and the
    company's) share its summations, each checked in its own contexts: a total whose items differ
    between them (one prints the current liabilities' subtotal, the other only its lines) would be
    checked wrongly in one of them, so it is left out, with a `calc-differs-by-statement` finding."""
    reported = {f.concept for f in facts if f.unit is not None}
    out: dict[str, list[CalculationArc]] = {}
    findings: list[Finding] = []
    for layout in layouts:
        groups = (printed or {}).get(layout.id) or [reported]
        own = [layout.arcs_for(reported & group, unread) for group in groups]
        merged: dict[tuple[str, str, str], CalculationArc] = {}
        for arcs in own:
            for arc in arcs:
                merged.setdefault((arc.parent, arc.child, arc.network), arc)
        items = _items_by_total(merged.values())
        differing: set[tuple[str, str]] = set()
        for group, arcs in zip(groups, own, strict=True):
            mine = _items_by_total(arcs)
            differing |= {t for t in items if t[0] in group and items[t] & group != mine.get(t, set())}
        for parent, network in sorted(differing):
            findings.append(
                Finding(
                    severity=Severity.INFO,
                    code="calc-differs-by-statement",
                    message=f"{layout.id}/{network}: {parent} adds up from different printed lines in "
                    "the statements read with this layout; left out of the filing's calculations",
                    concept=parent,
                )
            )
        kept = [a for a in merged.values() if (a.parent, a.network) not in differing]
        if kept:
            out[layout.id] = kept
    return out, findings


def _items_by_total(arcs: Iterable[CalculationArc]) -> dict[tuple[str, str], set[str]]:
    """The items of each summation (total and network) among `arcs`."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in arcs:
        out[(a.parent, a.network)].add(a.child)
    return dict(out)


def unbound_cells(
    facts: list[Fact], calculations: dict[str, list[CalculationArc]], axis: str
) -> tuple[list[Fact], list[Finding]]:
    """The facts on `axis` (the statement of changes in equity's columns) without those that would
    bind a summation of the filing's calculations incompletely in their column: a column that
    reports a total and some of its items but not the others (total comprehensive income and the
    profit for the period, with no line of other comprehensive income printed) would read as
    inconsistent, so its items are not tagged; a finding says which."""
    on_axis = [f for f in facts if any(m.dimension == axis for m in f.context.members)]
    by_context: dict[tuple[str, str], dict[str, Fact]] = {}
    for f in on_axis:
        key = (f.context.period.key, str(sorted((m.dimension, m.member) for m in f.context.members)))
        by_context.setdefault(key, {})[f.concept] = f
    summations: dict[tuple[str, str, str], set[str]] = {}
    for layout, arcs in calculations.items():
        for a in arcs:
            summations.setdefault((layout, a.network, a.parent), set()).add(a.child)
    dropped: dict[str, set[str]] = {}  # total → items left untagged
    drop: set[int] = set()
    for cells in by_context.values():
        for (_, _, parent), items in summations.items():
            present = items & cells.keys()
            if parent in cells and present and present != items:
                drop |= {id(cells[c]) for c in present}
                dropped.setdefault(parent, set()).update(present)
    findings = [
        Finding(
            severity=Severity.INFO,
            code="equity-cells-untagged",
            concept=parent,
            message=f"the component columns' {', '.join(sorted(items))} are not tagged: the statement of "
            f"changes in equity prints {parent} with them but not every item of its summation, which "
            "would read as inconsistent",
        )
        for parent, items in sorted(dropped.items())
    ]
    return [f for f in facts if id(f) not in drop], findings


_LEFT_OUT = 3  # at most this many of the unmapped rows among a summation's lines are not part of it


def _inside(lines: set[int], unmapped: list[int]) -> list[int]:
    """The unmapped rows among a summation's lines: between its first line and its total, or just
    above its first line (the profit a cash-flow statement's reconciliation starts from)."""
    if not lines:
        return []
    first = min([min(lines), *_run_above(min(lines), unmapped)])
    return sorted(n for n in set(unmapped) if first <= n < max(lines) and n not in lines)


def _anchor(
    totals: list[Fact],
    kids: list[tuple[str, int]],
    rows: list[int],
    by_key: dict[tuple[str, str, str], Fact],
    by_line: dict[int, list[Fact]],
) -> list[str] | None:
    """The extension concepts of unmapped rows (`rows`: line numbers) that complete a summation:
    the one largest set of them (all, or all but up to three: subtotals among them) whose printed
    values make the total add up in every period it is reported for. None when no set does, or
    when two sets of the same size do (ambiguous)."""
    candidates = sorted({f.concept for n in rows for f in by_line.get(n, [])})
    if not candidates:
        return None

    def fits(chosen: tuple[str, ...]) -> bool:
        for total in totals:
            _, ctx, unit = total.aspect_key
            present = [(by_key[(c, ctx, unit)], w) for c, w in kids if (c, ctx, unit) in by_key]
            present += [(by_key[(c, ctx, unit)], 1) for c in chosen if (c, ctx, unit) in by_key]
            if not present:
                continue
            computed = sum((w * Decimal(f.value) for f, w in present), Decimal(0))  # type: ignore[arg-type]
            tol = _half(total) + sum((_half(f) for f, _ in present), Decimal(0))
            if abs(computed - Decimal(total.value)) > tol:  # type: ignore[arg-type]
                return False
        return True

    for size in range(len(candidates), max(0, len(candidates) - _LEFT_OUT - 1), -1):
        fitting = [c for c in combinations(candidates, size) if fits(c)]
        if len(fitting) == 1:
            return list(fitting[0])
        if fitting:
            return None
    return None


def check_calculations(
    facts: list[Fact],
    calculations: dict[str, list[CalculationArc]],
    unmapped: dict[str, list[int]] | None = None,
    orphans: dict[str, set[tuple[str, str]]] | None = None,
) -> tuple[dict[str, list[CalculationArc]], list[Finding]]:
    """Every summation of the filing's calculation linkbase whose total is reported (c11r semantics).

    A summation that does not add up while a row no taxonomy line matched is printed among its
    lines (`unmapped`: layout id → line numbers) is most likely missing that row: it is taken out
    of the filing's calculations and reported as incomplete, not as an inconsistency of the
    document; unless the printed values of some of those rows complete it in every period, in which
    case their extension concepts join the summation (weight 1: an extension concept carries the
    printed sign). `orphans` (layout → summations whose total its statements print but none of
    whose items) are tried on the unmapped rows right above the total. Returns the calculations
    kept and the findings."""
    by_concept: dict[str, list[Fact]] = defaultdict(list)
    by_key: dict[tuple[str, str, str], Fact] = {}
    by_line: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.unit is not None:
            by_key[f.aspect_key] = f
            by_concept[f.concept].append(f)
            if f.concept.startswith(f"{EXTENSION_PREFIX}:") and f.provenance.line is not None:
                by_line[f.provenance.line].append(f)
    findings: list[Finding] = []
    kept: dict[str, list[CalculationArc]] = {}
    for layout_id, arcs in calculations.items():
        children: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        for arc in arcs:
            children[(arc.parent, arc.network)].append((arc.child, arc.weight))
        dropped: set[tuple[str, str]] = set()
        anchored: list[CalculationArc] = []
        for (concept, network), kids in children.items():
            problems: list[Finding] = []
            lines: set[int] = set()
            for total in by_concept.get(concept, []):
                _, ctx, unit = total.aspect_key
                present = [(by_key[(c, ctx, unit)], w) for c, w in kids if (c, ctx, unit) in by_key]
                if not present:
                    continue
                computed = sum((w * Decimal(f.value) for f, w in present), Decimal(0))  # type: ignore[arg-type]
                tol = _half(total) + sum((_half(f) for f, _ in present), Decimal(0))
                if abs(computed - Decimal(total.value)) > tol:  # type: ignore[arg-type]
                    lines |= {f.provenance.line for f, _ in (*present, (total, 1)) if f.provenance.line}
                    problems.append(
                        Finding(
                            severity=Severity.WARNING,
                            code="calc-inconsistent",
                            concept=concept,
                            period=total.context.period.key,
                            line=total.provenance.line,
                            message=f"{layout_id}/{network}: {concept} reported {total.value}, "
                            f"contributing facts sum to {computed}",
                        )
                    )
            inside = _inside(lines, (unmapped or {}).get(layout_id, []))
            completing = (
                _anchor(by_concept[concept], kids, inside, by_key, by_line) if problems and inside else None
            )
            if completing:
                last = max((a.order for a in arcs if a.parent == concept and a.network == network), default=0)
                new_arcs, finding = _anchored(layout_id, concept, network, completing, last, problems[0].line)
                anchored += new_arcs
                findings.append(finding)
            elif problems and inside:
                dropped.add((concept, network))
                findings.append(
                    Finding(
                        severity=Severity.INFO,
                        code="calc-incomplete",
                        concept=concept,
                        line=problems[0].line,
                        message=f"{layout_id}/{network}: {concept} does not add up without the unmapped "
                        f"row(s) at line(s) {', '.join(map(str, inside))}; "
                        "left out of the filing's calculations",
                    )
                )
            else:
                findings += problems
        remaining = [a for a in arcs if (a.parent, a.network) not in dropped] + anchored
        if remaining:
            kept[layout_id] = remaining
    for layout_id, parents in (orphans or {}).items():
        # totals none of whose items the statement prints as taxonomy lines: the unmapped rows
        # printed right above one may be all its items (cash generated from operations as profit
        # before tax, adjustments and working-capital changes of the company's own wording)
        have = {(a.parent, a.network) for a in kept.get(layout_id, [])}
        rows = sorted((unmapped or {}).get(layout_id, []))
        for concept, network in parents:
            if (concept, network) in have or not by_concept.get(concept):
                continue
            line = by_concept[concept][0].provenance.line
            run = _run_above(line, rows) if line is not None else []
            completing = _anchor(by_concept[concept], [], run, by_key, by_line) if run else None
            if completing:
                new_arcs, finding = _anchored(layout_id, concept, network, completing, 0, line)
                kept.setdefault(layout_id, []).extend(new_arcs)
                findings.append(finding)
    return kept, findings


def _anchored(
    layout_id: str, concept: str, network: str, completing: list[str], after: int, line: int | None
) -> tuple[list[CalculationArc], Finding]:
    """The arcs by which extension concepts join a summation (weight 1, after its order `after`),
    and the finding that says so."""
    arcs = [
        CalculationArc(parent=concept, child=c, weight=1, order=after + k, network=network)
        for k, c in enumerate(completing, start=1)
    ]
    finding = Finding(
        severity=Severity.INFO,
        code="calc-anchored",
        concept=concept,
        line=line,
        message=f"{layout_id}/{network}: {concept} adds up with the unmapped row(s) "
        f"{', '.join(completing)}; they join its summation in the filing's calculations",
    )
    return arcs, finding


def _run_above(line: int, rows: list[int]) -> list[int]:
    """The unmapped rows printed in a run ending just above `line` (at most one line between)."""
    run: list[int] = []
    current = line
    for n in sorted((r for r in rows if r < line), reverse=True):
        if current - n > 2:
            break
        run.append(n)
        current = n
    return sorted(run)


def check_identities(facts: list[Fact]) -> list[Finding]:
    """Assets = equity and liabilities; opening cash + net change (+ FX) = closing cash."""
    findings: list[Finding] = []
    # facts compared within their dimensions and unit (a convenience translation is its own set)
    idx: dict[tuple[str, str, object], Fact] = {
        (f.concept.split(":")[-1], f.context.period.key, (f.context.members, f.unit)): f for f in facts
    }

    def val(name: str, period: str, members: object) -> Decimal | None:
        f = idx.get((name, period, members))
        return Decimal(f.value) if f is not None else None  # type: ignore[arg-type]

    for (name, period, members), fact in idx.items():
        if name == "Assets":
            other = val("EquityAndLiabilities", period, members)
            if other is not None and other != Decimal(fact.value):  # type: ignore[arg-type]
                findings.append(
                    Finding(
                        severity=Severity.ERROR,
                        code="identity-assets",
                        period=period,
                        line=fact.provenance.line,
                        message=f"assets {fact.value} ≠ equity and liabilities {other}",
                    )
                )
        if name == "IncreaseDecreaseInCashAndCashEquivalents" and ".." in period:
            start, end = (dt.date.fromisoformat(p) for p in period.split(".."))
            opening = val(
                "CashAndCashEquivalents", Instant(instant=start - dt.timedelta(days=1)).key, members
            )
            closing = val("CashAndCashEquivalents", end.isoformat(), members)
            change = Decimal(fact.value)  # type: ignore[arg-type]
            fx = val("EffectOfExchangeRateChangesOnCashAndCashEquivalents", period, members) or Decimal(0)
            if (
                opening is not None
                and closing is not None
                and closing not in (opening + change, opening + change + fx)
            ):
                findings.append(
                    Finding(
                        severity=Severity.ERROR,
                        code="identity-cash",
                        period=period,
                        line=fact.provenance.line,
                        message=f"opening cash {opening} + change {change} ≠ closing {closing}",
                    )
                )
    return findings
