"""resolve: choose, per table, the one reading of every row that satisfies the statement's arithmetic.

Constraints (per column, in XBRL sign space, with Calculations 1.1 rounding tolerance):
the layout's calculation arcs, and "duplicates agree" (a concept printed twice).
Rows untouched by any constraint keep a reading only if it is the sole one, or if a
structural rule settles it (per-share values must imply a stable share count).
Whatever stays ambiguous becomes a finding and yields no fact.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from xbrlify.converters.table import Option, Row, Table
from xbrlify.taxonomy import Taxonomy

from xbrlify.model import Finding, Severity

MAX_SOLUTIONS = 4096


@dataclass(frozen=True)
class Equation:
    """Σ coef × x(row, column) = 0, checked when the total's cell is printed."""

    terms: tuple[tuple[int, int], ...]  # (row index, coefficient)
    total: int  # row index whose cell must be present for the check to apply
    column: int
    label: str


def period_role(row: Row) -> str:
    """Opening balances (期初/年初/beginning) sit at the period start in a duration table."""
    text = row.normalized.lower()
    return "opening" if any(w in text for w in ("期初", "年初", "beginning")) else "column"


def _x(row: Row, option: Option, column: int) -> Decimal | None:
    v = option.value(column)
    return None if v is None else v * row.sign


def _half_unit(option: Option) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-option.decimals - 1)


def equations(table: Table) -> list[Equation]:
    """Calculation arcs and duplicate equalities instantiated on the rows present in this table."""
    first: dict[tuple[str, str], int] = {}
    dupes: list[tuple[int, int]] = []
    for i, row in enumerate(table.rows):
        if row.concept:
            key = (row.concept, period_role(row))
            if key in first:
                dupes.append((first[key], i))
            else:
                first[key] = i
    children: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for arc in table.layout.arcs:
        children[(arc.parent, arc.network)].append((arc.child, arc.weight))
    out: list[Equation] = []
    for col in range(len(table.columns)):
        for (concept, network), kids in children.items():
            total = first.get((concept, "column"))
            if total is None:
                continue
            terms = [(total, -1)]
            for child, weight in kids:
                j = first.get((child, "column"))
                if j is not None:
                    terms.append((j, weight))
            if len(terms) > 1:
                out.append(Equation(tuple(terms), total, col, f"{concept} = Σ {network} children"))
        for a, b in dupes:
            out.append(Equation(((a, 1), (b, -1)), a, col, f"{table.rows[a].concept} printed twice"))
    return out


def _holds(eq: Equation, rows: list[Row], pick: dict[int, Option]) -> bool:
    total_opt = pick[eq.total]
    if total_opt.value(eq.column) is None:
        return True
    acc = Decimal(0)
    tol = Decimal(0)
    for i, coef in eq.terms:
        v = _x(rows[i], pick[i], eq.column)
        if v is not None:
            acc += coef * v
            tol += _half_unit(pick[i])
    return abs(acc) <= tol


def _satisfiable(eq: Equation, rows: list[Row], limit: int = 50_000) -> bool:
    """Whether some combination of the involved rows' readings satisfies this one equation."""
    idx = [i for i, _ in eq.terms]
    total = 1
    for i in idx:
        total *= len(rows[i].options)
    if total > limit:
        return True
    return any(
        _holds(eq, rows, dict(zip(idx, combo, strict=True)))
        for combo in itertools.product(*(rows[i].options for i in idx))
    )


def _solve(rows: list[Row], eqs: list[Equation]) -> list[dict[int, Option]]:
    """All assignments of readings satisfying every equation (backtracking in row order)."""
    involved = sorted({i for eq in eqs for i, _ in eq.terms})
    trigger: dict[int, list[Equation]] = defaultdict(list)
    for eq in eqs:
        trigger[max(i for i, _ in eq.terms)].append(eq)
    solutions: list[dict[int, Option]] = []
    pick: dict[int, Option] = {}

    def rec(k: int) -> None:
        if len(solutions) >= MAX_SOLUTIONS:
            return
        if k == len(involved):
            solutions.append(dict(pick))
            return
        i = involved[k]
        for opt in rows[i].options:
            pick[i] = opt
            if all(_holds(eq, rows, pick) for eq in trigger[i]):
                rec(k + 1)
        pick.pop(i, None)

    rec(0)
    return solutions


def _per_share_rule(row: Row, resolved_profit: dict[int, Decimal]) -> list[Option]:
    """Per-share readings whose implied share counts agree across columns within a factor of 2."""
    keep = []
    for opt in row.options:
        counts = [
            abs(resolved_profit[c.column] / c.value)
            for c in opt.cells
            if c.value and resolved_profit.get(c.column)
        ]
        if len(counts) >= 2 and max(counts) <= 2 * min(counts):
            keep.append(opt)
    return keep


def resolve(table: Table, taxonomy: Taxonomy) -> list[Finding]:
    """Set `row.chosen` for every row the arithmetic (or a structural rule) settles."""
    rows = table.rows
    findings: list[Finding] = []
    eqs = equations(table)
    fixed = {i for i, r in enumerate(rows) if len(r.options) == 1}
    active: list[Equation] = []
    for eq in eqs:
        if all(i in fixed for i, _ in eq.terms):
            pick = {i: rows[i].options[0] for i, _ in eq.terms}
            if not _holds(eq, rows, pick):
                findings.append(_inconsistent(table, eq, pick))
            continue
        active.append(eq)
    unsatisfiable = [eq for eq in active if not _satisfiable(eq, rows)]
    for eq in unsatisfiable:
        findings.append(
            Finding(
                severity=Severity.WARNING,
                code="calc-unsatisfiable",
                table=table.id,
                line=rows[eq.total].line.number,
                concept=rows[eq.total].concept,
                period=table.columns[eq.column].period.key,
                message=f"{eq.label}: no reading of the rows involved adds up; not used",
            )
        )
    active = [eq for eq in active if eq not in unsatisfiable]
    solutions = _solve(rows, active) if active else [{}]
    if not solutions:
        findings.append(
            Finding(
                severity=Severity.ERROR,
                code="no-consistent-reading",
                table=table.id,
                line=table.title.number,
                message="no reading of the glued numbers satisfies the statement's arithmetic",
            )
        )
        solutions = []
    constrained = {i for eq in active for i, _ in eq.terms}
    for i, row in enumerate(rows):
        if i in constrained:
            choices = {id(s[i]): s[i] for s in solutions if i in s}
            if len(choices) == 1:
                row.chosen = next(iter(choices.values()))
                row.rule = "arithmetic" if len(row.options) > 1 else "unique reading"
            else:
                row.options = list(choices.values()) or row.options
        elif len(row.options) == 1:
            row.chosen, row.rule = row.options[0], "unique reading"
    _apply_per_share(table, taxonomy)
    for row in rows:
        if row.chosen is None:
            alternatives = "; ".join(
                f"{o.note or '-'} | " + " | ".join(str(c.value) for c in o.cells) for o in row.options[:4]
            )
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="ambiguous-split",
                    line=row.line.number,
                    table=table.id,
                    message=f"{row.label!r}: {len(row.options)} readings of {row.tail!r} fit "
                    f"(note | values: {alternatives}); no fact emitted",
                )
            )
    return findings


def _apply_per_share(table: Table, taxonomy: Taxonomy) -> None:
    profit: dict[int, Decimal] = {}
    for row in table.rows:
        if row.concept == "ifrs-full:ProfitLossAttributableToOwnersOfParent" and row.chosen:
            for cell in row.chosen.cells:
                profit[cell.column] = cell.value * row.sign * table.scale
    for row in table.rows:
        concept = taxonomy.concepts.get(row.concept or "")
        if row.chosen or concept is None or concept.data_type != "perShare":
            continue
        keep = _per_share_rule(row, profit)
        if len(keep) == 1:
            row.chosen, row.rule = keep[0], "per-share values imply a stable share count"


def _inconsistent(table: Table, eq: Equation, pick: dict[int, Option]) -> Finding:
    rows = table.rows
    total = rows[eq.total]
    parts = []
    for i, coef in eq.terms:
        v = _x(rows[i], pick[i], eq.column)
        if v is not None and i != eq.total:
            parts.append(f"{'+' if coef > 0 else '-'}{abs(v)} ({rows[i].label})")
    col = table.columns[eq.column].period.key
    return Finding(
        severity=Severity.WARNING,
        code="calc-inconsistent-in-document",
        line=total.line.number,
        table=table.id,
        concept=total.concept,
        period=col,
        message=f"{eq.label}: printed {_x(total, pick[eq.total], eq.column)} vs " + " ".join(parts),
    )
