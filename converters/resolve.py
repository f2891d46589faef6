"""resolve: choose, per table, the one reading of every row that satisfies the statement's arithmetic.

Constraints (per column, in XBRL sign space, with Calculations 1.1 rounding tolerance):
the layout's calculation arcs, and "duplicates agree" (a concept printed twice).
Rows untouched by any constraint keep a reading only if it is the sole one, or if a
structural rule settles it (per-share values must imply a stable share count).
Whatever stays ambiguous becomes a finding and yields no fact.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from xbrlify.converters.document import Box, Geometry
from xbrlify.converters.labels import is_breakdown, normalize
from xbrlify.converters.numbers import Token
from xbrlify.converters.table import Option, Row, Table
from xbrlify.model import Finding, Severity
from xbrlify.taxonomy import Taxonomy

MAX_SOLUTIONS = 4096
MAX_STEPS = 400_000  # equation checks per solve: 4x the largest real statement measured
CASH = "ifrs-full:CashAndCashEquivalents"
CASH_CHANGE = "ifrs-full:IncreaseDecreaseInCashAndCashEquivalents"
CASH_CHANGE_BEFORE_FX = "ifrs-full:IncreaseDecreaseInCashAndCashEquivalentsBeforeEffectOfExchangeRateChanges"
FX_EFFECT = "ifrs-full:EffectOfExchangeRateChangesOnCashAndCashEquivalents"


@dataclass(frozen=True)
class Equation:
    """Σ coef × x(row, column) = 0, checked when the total's cell is printed."""

    terms: tuple[tuple[int, int], ...]  # (row index, coefficient)
    total: int  # row index whose cell must be present for the check to apply
    column: int
    label: str
    all_present: bool = False  # apply only when every term's cell is printed (duplicate rows)


def period_role(row: Row) -> str:
    """Opening balances (期初/年初/beginning, 於一月一日/at 1 January) sit at the period start in a
    duration table."""
    text = row.normalized.lower()
    opening = ("期初", "年初", "beginning", "一月一日", "1月1日", "1january", "january1")
    return "opening" if any(w in text for w in opening) else "column"


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
    for arc in table.layout.arcs_for({concept for concept, _ in first}):
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
            out.append(
                Equation(
                    ((a, 1), (b, -1)), a, col, f"{table.rows[a].concept} printed twice", all_present=True
                )
            )
        opening = first.get((CASH, "opening"))
        closing = first.get((CASH, "column"))
        change = first.get((CASH_CHANGE, "column"))
        before = first.get((CASH_CHANGE_BEFORE_FX, "column"))
        effect = first.get((FX_EFFECT, "column"))
        # the net change after exchange rates, else the one before them and their effect (if printed)
        changes = [change] if change is not None else [j for j in (before, effect) if j is not None]
        if opening is not None and closing is not None and (change is not None or before is not None):
            out.append(
                Equation(
                    ((closing, -1), (opening, 1), *((j, 1) for j in changes)),
                    closing,
                    col,
                    "closing cash = opening cash + net change",
                )
            )
    return out


class _Arithmetic:
    """Cell values in XBRL sign as exact integers (twice the value in the table's finest unit), so
    the search adds integers; a tolerance of 1 per term is half a unit of that term (c11r)."""

    def __init__(self, rows: list[Row]) -> None:
        finest = max((o.decimals for r in rows for o in r.options), default=0)
        self.values: dict[tuple[int, int], tuple[int | None, ...]] = {}
        self.halves: dict[tuple[int, int], int] = {}
        for i, row in enumerate(rows):
            for opt in row.options:
                cols = max((c.column for c in opt.cells), default=-1) + 1
                vals: list[int | None] = [None] * max(cols, 1)
                for c in opt.cells:
                    vals[c.column] = int(c.value * row.sign * 2 * 10**finest)
                self.values[(i, id(opt))] = tuple(vals)
                self.halves[(i, id(opt))] = 10 ** (finest - opt.decimals)

    def value(self, i: int, opt: Option, column: int) -> int | None:
        vals = self.values[(i, id(opt))]
        return vals[column] if column < len(vals) else None

    def holds(self, eq: Equation, pick: dict[int, Option]) -> bool:
        if self.value(eq.total, pick[eq.total], eq.column) is None:
            return True
        acc = tol = 0
        for i, coef in eq.terms:
            opt = pick[i]
            v = self.value(i, opt, eq.column)
            if v is None and eq.all_present:
                return True
            if v is not None:
                acc += coef * v
                tol += self.halves[(i, id(opt))]
        return abs(acc) <= tol


def _satisfiable(eq: Equation, rows: list[Row], arithmetic: _Arithmetic, limit: int = 50_000) -> bool:
    """Whether some combination of the involved rows' readings satisfies this one equation."""
    idx = [i for i, _ in eq.terms]
    total = 1
    for i in idx:
        total *= len(rows[i].options)
    if total > limit:
        return True
    return any(
        arithmetic.holds(eq, dict(zip(idx, combo, strict=True)))
        for combo in itertools.product(*(rows[i].options for i in idx))
    )


def _solve(
    rows: list[Row], eqs: list[Equation], arithmetic: _Arithmetic
) -> tuple[list[dict[int, Option]], bool]:
    """All assignments of readings satisfying every equation (backtracking in row order), and
    whether the search ran to its end within MAX_STEPS equation checks (figures printed without separators
    and glued can make the readings of a long summation explode)."""
    involved = sorted({i for eq in eqs for i, _ in eq.terms})
    trigger: dict[int, list[Equation]] = defaultdict(list)
    for eq in eqs:
        trigger[max(i for i, _ in eq.terms)].append(eq)
    solutions: list[dict[int, Option]] = []
    pick: dict[int, Option] = {}

    bounds = {id(eq): _term_bounds(eq, rows, arithmetic) for eq in eqs}
    watch: dict[int, list[Equation]] = defaultdict(list)
    for eq in eqs:
        if bounds[id(eq)] is not None:
            for i, _ in eq.terms:
                watch[i].append(eq)

    steps, limit = 0, MAX_STEPS  # read at call time: tests lower it

    def rec(k: int) -> None:
        nonlocal steps
        steps += 1
        if len(solutions) >= MAX_SOLUTIONS or steps > limit:
            return
        if k == len(involved):
            solutions.append(dict(pick))
            return
        i = involved[k]
        for opt in rows[i].options:
            steps += len(trigger[i]) + len(watch[i])  # equation checks: the search's work
            pick[i] = opt
            if all(arithmetic.holds(eq, pick) for eq in trigger[i]) and all(
                _reachable(eq, pick, bounds[id(eq)], arithmetic) for eq in watch[i]
            ):
                rec(k + 1)
        pick.pop(i, None)

    rec(0)
    return solutions, steps <= limit and len(solutions) < MAX_SOLUTIONS


_Bounds = dict[int, tuple[int, int, int]]  # row → (lowest, highest contribution, largest tolerance)


def _term_bounds(eq: Equation, rows: list[Row], arithmetic: _Arithmetic) -> _Bounds | None:
    """Per term, the range of coef × value over the row's readings (an unprinted cell adds 0), for
    pruning the search; None where the check may not apply (the total may be unprinted)."""
    if eq.all_present:
        return None
    out: _Bounds = {}
    for i, coef in eq.terms:
        values = [arithmetic.value(i, o, eq.column) for o in rows[i].options]
        if i == eq.total and any(v is None for v in values):
            return None
        contributions = [coef * v if v is not None else 0 for v in values]
        tolerance = max(arithmetic.halves[(i, id(o))] for o in rows[i].options)
        out[i] = (min(contributions), max(contributions), tolerance)
    return out


def _reachable(
    eq: Equation, pick: dict[int, Option], bounds: _Bounds | None, arithmetic: _Arithmetic
) -> bool:
    """Whether the rows not yet picked can still bring the equation within its tolerance."""
    if bounds is None:
        return True
    acc = low = high = tol = 0
    for i, coef in eq.terms:
        opt = pick.get(i)
        if opt is None:
            lo, hi, t = bounds[i]
            low, high, tol = low + lo, high + hi, tol + t
            continue
        v = arithmetic.value(i, opt, eq.column)
        if v is not None:
            acc += coef * v
            tol += arithmetic.halves[(i, id(opt))]
    return acc + low <= tol and acc + high >= -tol


def _components(eqs: list[Equation], fixed: set[int]) -> list[list[Equation]]:
    """Equations grouped by the ambiguous rows they share (fixed rows are constants, not links)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for eq in eqs:
        free = [i for i, _ in eq.terms if i not in fixed]
        for i in free[1:]:
            parent[find(i)] = find(free[0])
    groups: dict[int, list[Equation]] = defaultdict(list)
    for eq in eqs:
        free = [i for i, _ in eq.terms if i not in fixed]
        groups[find(free[0])].append(eq)
    return list(groups.values())


def _settle(
    rows: list[Row], free: set[int], solutions: list[dict[int, Option]], headings: dict[str, list[str]]
) -> None:
    """Fix every row all solutions agree on; otherwise let documented note references decide."""
    documented = _prefer_documented_notes(rows, solutions, headings)
    ordered = _prefer_ordered_notes(rows, documented)
    sparse = _prefer_fewer_notes(rows, ordered)
    for i in sorted(free):
        row = rows[i]
        choices = {id(s[i]): s[i] for s in solutions if i in s}
        narrowed = {id(s[i]): s[i] for s in documented if i in s}
        in_order = {id(s[i]): s[i] for s in ordered if i in s}
        unnoted = {id(s[i]): s[i] for s in sparse if i in s}
        if len(choices) == 1:
            row.chosen, row.rule = next(iter(choices.values())), "arithmetic"
        elif len(narrowed) == 1:
            row.chosen = next(iter(narrowed.values()))
            row.rule = "arithmetic, then the note reference that names a matching note heading"
        elif len(in_order) == 1:
            row.chosen = next(iter(in_order.values()))
            row.rule = "arithmetic, then note references that increase down the statement"
        elif len(unnoted) == 1:
            row.chosen = next(iter(unnoted.values()))
            row.rule = "arithmetic, then no note reference, as none of the statement's settled rows has one"
        elif choices:
            row.options = list(choices.values())


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _related(a: set[str], b: set[str]) -> bool:
    """Two labels sharing at least half the wording of the shorter (衍生金融资产, 衍生金融负债)."""
    return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))


def note_score(row: Row, option: Option, headings: dict[str, list[str]]) -> float:
    """How well a reading's note reference fits the notes section: a heading with that number whose
    title shares at least half the row label's wording scores above 1; no note is neutral (0.5); a
    note number with no such heading scores 0."""
    if option.note_number is None:
        return 0.5
    label = _bigrams(row.normalized)
    best = 0.0
    for title in headings.get(option.note_number, []):
        common = label & _bigrams(normalize(title))
        if label and len(common) * 2 >= len(label):  # the heading names the row (half its wording)
            best = max(best, 1 + len(common) / len(label))
    return best


def _prefer_documented_notes(
    rows: list[Row], solutions: list[dict[int, Option]], headings: dict[str, list[str]]
) -> list[dict[int, Option]]:
    """Among solutions arithmetic allows, keep those whose note references best match the notes."""
    if not headings or len(solutions) < 2:
        return solutions
    scored = [
        (sum(note_score(rows[i], opt, headings) for i, opt in s.items() if len(rows[i].options) > 1), s)
        for s in solutions
    ]
    top = max(score for score, _ in scored)
    return [s for score, s in scored if score == top]


def _prefer_ordered_notes(rows: list[Row], solutions: list[dict[int, Option]]) -> list[dict[int, Option]]:
    """Among solutions arithmetic allows, keep those whose note references run most nearly in
    printed order: notes are numbered in the order of the statement lines they explain, so the
    reading with fewer fall-backs (36, 381, 3 rather than 36, 38, 39), then with the smaller steps
    between consecutive notes, is kept. Rows with one reading, and rows settled before, give the
    context. A statement with
    fewer than five notes, or whose best reading still falls back at more than one step in ten,
    gives no such evidence."""
    if len(solutions) < 2:
        return solutions

    def disorder(solution: dict[int, Option]) -> tuple[int, int, int]:
        notes: list[int] = []
        labels: list[set[str]] = []
        for i, row in enumerate(rows):
            opt = solution.get(i) or row.chosen or (row.options[0] if len(row.options) == 1 else None)
            number = opt.note_number if opt is not None else None
            if number is not None and number.isdigit():
                notes.append(int(number))
                labels.append(_bigrams(row.normalized))
        steps = list(itertools.pairwise(notes))
        # a fall back to the note of a related line referred to before (衍生金融负债 citing the note
        # of 衍生金融资产) is a second reference, not disorder
        falls = sum(
            1
            for k, (a, b) in enumerate(steps)
            if b < a
            and not any(n == b and _related(labels[j], labels[k + 1]) for j, n in enumerate(notes[: k + 1]))
        )
        return falls, sum(abs(b - a) for a, b in steps), len(steps)

    scored = [(disorder(s), s) for s in solutions]
    low = min(score for score, _ in scored)
    falls, _, steps = low
    if steps < 4 or falls * 10 > steps:
        return solutions  # too few notes, or notes not numbered in order: no evidence here
    return [s for score, s in scored if score == low]


def _prefer_fewer_notes(rows: list[Row], solutions: list[dict[int, Option]]) -> list[dict[int, Option]]:
    """Among solutions arithmetic allows, keep those with the fewest note references when no row of
    the statement whose reading is settled refers to a note (at least five such rows): a parent
    company's cash-flow statement under a 附注 column it never uses."""
    if len(solutions) < 2:
        return solutions
    settled = [r.options[0] for r in rows if len(r.options) == 1 and r.options[0].cells]
    if len(settled) < 5 or any(o.note for o in settled):
        return solutions

    def count(solution: dict[int, Option]) -> int:
        return sum(1 for opt in solution.values() if opt.note)

    low = min(count(s) for s in solutions)
    return [s for s in solutions if count(s) == low]


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


def resolve(table: Table, taxonomy: Taxonomy, geometry: Geometry | None = None) -> list[Finding]:
    """Set `row.chosen` for every row the arithmetic (or a structural rule) settles; with the
    `geometry` of a PDF, values arithmetic cannot place go to the column printed where they are."""
    rows = table.rows
    findings: list[Finding] = []
    eqs = equations(table)
    arithmetic = _Arithmetic(rows)
    fixed = {i for i, r in enumerate(rows) if len(r.options) == 1}
    active: list[Equation] = []
    for eq in eqs:
        if all(i in fixed for i, _ in eq.terms):
            pick = {i: rows[i].options[0] for i, _ in eq.terms}
            if not arithmetic.holds(eq, pick):
                findings.append(_inconsistent(table, eq, pick))
            continue
        active.append(eq)
    unsatisfiable = [eq for eq in active if not _satisfiable(eq, rows, arithmetic)]
    for eq in unsatisfiable:
        severity, code, lacking = _lacking_unmapped(rows, eq, "calc-unsatisfiable")
        findings.append(
            Finding(
                severity=severity,
                code=code,
                table=table.id,
                line=rows[eq.total].line.number,
                concept=rows[eq.total].concept,
                period=table.columns[eq.column].period.key,
                message=f"{eq.label}: no reading of the rows involved adds up{lacking}; not used",
            )
        )
    active = [eq for eq in active if eq not in unsatisfiable]
    constrained = {i for eq in active for i, _ in eq.terms}
    for component in _components(active, fixed):
        solutions, complete = _solve(rows, component, arithmetic)
        if not solutions and complete:
            findings.append(
                Finding(
                    severity=Severity.ERROR,
                    code="no-consistent-reading",
                    table=table.id,
                    line=rows[component[0].total].line.number,
                    message="no reading of the glued numbers satisfies the statement's arithmetic: "
                    + "; ".join(sorted({eq.label for eq in component})),
                )
            )
        if not complete:
            # the enumeration was cut short: agreement among the solutions seen proves nothing
            cut = f"over {MAX_SOLUTIONS} readings satisfy" if solutions else "too many readings to try for"
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="too-many-readings",
                    table=table.id,
                    line=rows[component[0].total].line.number,
                    message=f"{cut} the arithmetic ({'; '.join(sorted({eq.label for eq in component}))});"
                    " rows left unresolved",
                )
            )
            continue
        _settle(rows, {i for eq in component for i, _ in eq.terms} - fixed, solutions, table.note_headings)
    for i, row in enumerate(rows):
        if (i not in constrained and len(row.options) == 1) or i in fixed:
            row.chosen, row.rule = row.options[0], "unique reading"
    _apply_per_share(table, taxonomy)
    for i, row in enumerate(rows):
        if row.chosen is None and i not in constrained:
            _choose_by_notes(row, table.note_headings)
    if geometry is not None:
        _place_by_position(table, geometry)
    _place_by_parent(table)
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


def _place_by_position(table: Table, geometry: Geometry) -> None:
    """Values whose reading is settled but whose columns are not (a lone value on a 其中 row): each
    goes to the column whose settled numbers end nearest to where it ends on the page (numbers are
    right-aligned), when that column is clearly the nearest and the settled numbers of every column
    end aligned (in a PDF, or in text that kept the page's columns; not in glued text)."""
    open_rows = [
        r
        for r in table.rows
        if r.chosen is None
        and r.options
        and len({(o.note, tuple(c.value for c in o.cells)) for o in r.options}) == 1
    ]
    if not open_rows:
        return
    ends: dict[int, list[float]] = {}
    for row in table.rows:
        if row.chosen is not None and len(row.chosen.cells) == len(table.columns):
            for cell in row.chosen.cells:
                box = _token_box(row, cell.token, geometry)
                if box is not None:
                    ends.setdefault(cell.column, []).append(box[2])
    if len(ends) < len(table.columns) or len(table.columns) < 2:
        return
    right = {column: statistics.median(xs) for column, xs in ends.items()}
    spacing = min(abs(a - b) for a, b in itertools.pairwise(sorted(right.values())))
    for xs in ends.values():  # columns not printed aligned (glued text): position says nothing
        if len(xs) < 4:
            return
        q1, _, q3 = statistics.quantiles(xs, n=4)
        if q3 - q1 > spacing / 8:
            return
    for row in open_rows:
        columns = []
        for cell in row.options[0].cells:
            box = _token_box(row, cell.token, geometry)
            if box is None:
                break
            end = box[2]
            near = min(right, key=lambda c: abs(right[c] - end))
            if abs(right[near] - end) > spacing / 4:
                break
            columns.append(near)
        chosen = [o for o in row.options if [c.column for c in o.cells] == columns]
        if len(chosen) == 1:
            row.chosen, row.rule = chosen[0], "placed in the column printed at its position"


def _place_by_parent(table: Table) -> None:
    """A lone value on a breakdown row (其中…) that arithmetic leaves unplaced: it belongs to a
    column where the row it breaks down (the nearest row above that is no breakdown) prints a
    value. When that row prints a value in one column only, that column; when the lone value
    equals that row's value in exactly one column (the breakdown is the whole of it), that column."""
    parent: Row | None = None
    for row in table.rows:
        if not is_breakdown(row.label):
            parent = row
            continue
        if row.chosen is not None or parent is None or parent.chosen is None or not row.options:
            continue
        readings = {(o.note, tuple(c.value for c in o.cells)) for o in row.options}
        if len(readings) != 1 or len(row.options[0].cells) != 1:
            continue
        value = row.options[0].cells[0].value
        printed = {c.column: c.value for c in parent.chosen.cells if c.value}
        columns = list(printed)
        if len(columns) > 1:
            columns = [c for c, v in printed.items() if v == value]
        chosen = [o for o in row.options if [c.column for c in o.cells] == columns]
        if len(columns) == 1 and len(chosen) == 1:
            row.chosen, row.rule = chosen[0], "placed in the column of the row it breaks down"


def _token_box(row: Row, token: Token, geometry: Geometry) -> Box | None:
    return geometry.box(row.line, row.tail_offset + token.start, row.tail_offset + token.end)


def _choose_by_notes(row: Row, headings: dict[str, list[str]]) -> None:
    """A row no equation reaches: take the reading whose note reference the notes section confirms."""
    if not headings:
        return
    scores = [(note_score(row, opt, headings), opt) for opt in row.options]
    top = max(score for score, _ in scores)
    best = [opt for score, opt in scores if score == top]
    distinct = {(o.note, tuple((c.column, c.value) for c in o.cells)) for o in best}
    if len(distinct) == 1:
        row.chosen, row.rule = best[0], "the note reference that names a matching note heading"


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
    severity, code, lacking = _lacking_unmapped(rows, eq, "calc-inconsistent-in-document")
    return Finding(
        severity=severity,
        code=code,
        line=total.line.number,
        table=table.id,
        concept=total.concept,
        period=col,
        message=f"{eq.label}: printed {_x(total, pick[eq.total], eq.column)} vs " + " ".join(parts) + lacking,
    )


def _lacking_unmapped(rows: list[Row], eq: Equation, code: str) -> tuple[Severity, str, str]:
    """Severity, code and wording of an equation that fails: incomplete (info) when rows no layout
    line matched are printed among its rows, as it probably lacks them; else `code`, a warning."""
    span = [i for i, _ in eq.terms]
    unmapped = [r.label for r in rows[min(span) + 1 : max(span)] if r.concept is None]
    if not unmapped:
        return Severity.WARNING, code, ""
    return Severity.INFO, "calc-incomplete", f" without the unmapped row(s) {', '.join(map(repr, unmapped))}"
