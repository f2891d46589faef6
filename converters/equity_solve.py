"""Placing the glued cells of a statement of changes in equity: which component column each printed
value of a row belongs to.

A row prints only its non-empty cells, left to right, so a row of k values over n columns has
C(n, k) placements. Arithmetic narrows them: across a row the components add up to the subtotal
attributable to owners (减:库存股 deducted), which with non-controlling interests makes the total;
down each column the movements add up to the change in the period, and opening balance plus
change is the closing balance; the balance sheet prints the opening and closing balance of most
components. A placement every consistent reading shares is a fact; one the arithmetic leaves
open is reported, never guessed.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xbrlify.converters.numbers import Reading
from xbrlify.taxonomy.model import EquityComponent

ZERO = Decimal(0)


@dataclass(frozen=True)
class Placement:
    """One reading of a row placed in the columns: the reading's token index per column (None: the
    cell is empty) and the values that makes."""

    reading: Reading
    slots: tuple[int | None, ...]
    values: tuple[Decimal, ...]  # per column; an empty or nil cell is 0
    units: tuple[int, ...]  # the values in units of the last printed decimal


@dataclass(frozen=True)
class ColumnEquation:
    """target = Σ weight × term, column by column, over rows (indexes into the rows solved)."""

    target: int
    terms: tuple[tuple[int, int], ...]

    @property
    def rows(self) -> tuple[int, ...]:
        return (self.target, *(r for r, _ in self.terms))


def _row_adds_up(values: Sequence[Decimal], columns: Sequence[EquityComponent], tolerance: Decimal) -> bool:
    """Components make the subtotal (or, with no subtotal column, the total together with the
    non-controlling interests); subtotal plus non-controlling interests make the total."""
    kinds = [c.kind for c in columns]
    parts = sum((v * c.weight for v, c in zip(values, columns, strict=True) if c.kind == "component"), ZERO)
    nci = sum((v for v, k in zip(values, kinds, strict=True) if k == "nci"), ZERO)
    total = sum((v for v, k in zip(values, kinds, strict=True) if k == "total"), ZERO)
    if "subtotal" in kinds:
        subtotal = values[kinds.index("subtotal")]
        if abs(parts - subtotal) > tolerance:
            return False
        parts = subtotal
    return "total" not in kinds or abs(parts + nci - total) <= tolerance


def placements(
    readings: Sequence[Reading],
    columns: Sequence[EquityComponent],
    decimals: int,
    tolerance: Decimal,
    limit: int = 20_000,
    only: Collection[int] | None = None,
) -> list[Placement] | None:
    """Every placement of every reading whose row adds up; None when there are more than `limit`
    (a row whose placements are not all known cannot be reasoned about).

    The components come first, so a placement is: the first m values in component columns, the rest
    in the subtotal / non-controlling / total columns. Whether the row adds up depends only on m, on
    which value (if any) stands in a deducted column (减:库存股) and on the trailing columns taken;
    each such shape that adds up then allows every choice of the component columns."""
    n = len(columns)
    components = [i for i, c in enumerate(columns) if c.kind == "component"]
    trailing = [i for i, c in enumerate(columns) if c.kind != "component"]
    deducted = [i for i in components if columns[i].weight < 0]  # at most one (the taxonomy's check)
    if only is not None:  # the movement can only be printed in these component columns
        components = [c for c in components if c in only]
        deducted = [c for c in deducted if c in only]
    scale = Decimal(10) ** decimals
    out: list[Placement] = []
    seen: set[tuple[int | None, ...]] = set()
    for reading in readings:
        values = [t.value or ZERO for t in reading.tokens]
        units = [int(v * scale) for v in values]
        k = len(values)
        for m in range(max(0, k - len(trailing)), min(k, len(components)) + 1):
            for tail in itertools.combinations(trailing, k - m):
                for t in [None, *range(m)] if deducted else [None]:
                    slots: list[int | None] = [None] * n
                    for j, col in enumerate(tail):
                        slots[col] = m + j
                    cells = [ZERO] * n
                    cell_units = [0] * n
                    for col, slot in enumerate(slots):
                        if slot is not None:
                            cells[col], cell_units[col] = values[slot], units[slot]
                    for n_combo, combo in enumerate(_component_columns(m, t, components, deducted)):
                        placed = list(slots)
                        row = list(cells)
                        row_units = list(cell_units)
                        for j, col in enumerate(combo):
                            placed[col] = j
                            row[col], row_units[col] = values[j], units[j]
                        if n_combo == 0 and not _row_adds_up(row, columns, tolerance):
                            break  # every combination of this shape adds up alike
                        key = (*placed, id(reading))
                        if key in seen:
                            continue
                        seen.add(key)
                        out.append(Placement(reading, tuple(placed), tuple(row), tuple(row_units)))
                        if len(out) > limit:
                            return None
    return out


def _component_columns(
    m: int, deducted_value: int | None, components: list[int], deducted: list[int]
) -> Iterator[tuple[int, ...]]:
    """Columns for the first m values: value `deducted_value` in the deducted column, or none there."""
    if deducted_value is None:
        free = [c for c in components if c not in deducted]
        yield from itertools.combinations(free, m)
        return
    d = deducted[0]
    before = [c for c in components if c < d]
    after = [c for c in components if c > d]
    for left in itertools.combinations(before, deducted_value):
        for right in itertools.combinations(after, m - 1 - deducted_value):
            yield (*left, d, *right)


@dataclass
class Support:
    """Per row, the placements some consistent choice for all rows uses (a placement whose check ran
    out of budget is kept: the result errs towards leaving cells open, never towards a guess), and
    whether any consistent choice exists at all."""

    rows: list[list[int]]
    consistent: bool


def _close(value: int, sums: list[int], tolerance: int) -> bool:
    k = bisect.bisect_left(sums, value - tolerance)
    return k < len(sums) and sums[k] <= value + tolerance


def _sumset(sets: list[set[int]], cap: int = 4096) -> set[int] | None:
    out = {0}
    for values in sets:
        out = {a + b for a in out for b in values}
        if len(out) > cap:
            return None
    return out


class _Problem:
    def __init__(
        self, domains: Sequence[Sequence[Placement]], equations: Sequence[ColumnEquation], tolerance: int
    ) -> None:
        self.units = [[p.units for p in d] for d in domains]
        self.equations = list(equations)
        self.tolerance = tolerance
        self.by_row: dict[int, list[ColumnEquation]] = defaultdict(list)
        for eq in equations:
            for r in eq.rows:
                self.by_row[r].append(eq)
        self.width = len(self.units[0][0]) if self.units and self.units[0] else 0

    def prune(self, live: list[list[int]]) -> bool:
        """Drop placements that no values of the other rows of an equation can balance, column by
        column, until nothing changes; False when a row is left with none."""
        values = {r: self._values(r, live[r]) for r in range(len(live))}
        dirty = set(range(len(self.equations)))
        while dirty:
            e = dirty.pop()
            eq = self.equations[e]
            for r in eq.rows:
                keep = self._balanceable(eq, r, live, values)
                if len(keep) < len(live[r]):
                    live[r] = keep
                    if not keep:
                        return False
                    values[r] = self._values(r, keep)
                    dirty.update(self.equations.index(x) for x in self.by_row[r])
        return True

    def _values(self, r: int, live: list[int]) -> list[set[int]]:
        return [{self.units[r][i][c] for i in live} for c in range(self.width)]

    def _balanceable(
        self, eq: ColumnEquation, r: int, live: list[list[int]], values: dict[int, list[set[int]]]
    ) -> list[int]:
        weights = dict(eq.terms)
        keep = live[r]
        for c in range(self.width):
            if len(values[r][c]) == 1:
                continue  # every placement left has the same value here: nothing to choose
            rest = _sumset([{w * v for v in values[t][c]} for t, w in eq.terms if t != r])
            if rest is None:
                continue
            if r == eq.target:
                allowed = rest
            else:  # target = w_r·x + rest  →  x = (target − rest) / w_r
                allowed = {(t - s) * weights[r] for t in values[eq.target][c] for s in rest}
            if self.tolerance:
                ordered = sorted(allowed)
                keep = [i for i in keep if _close(self.units[r][i][c], ordered, self.tolerance)]
            else:
                keep = [i for i in keep if self.units[r][i][c] in allowed]
        return keep

    def exists(self, live: list[list[int]], budget: int) -> bool | None:
        """Whether one placement per row satisfies every equation (None: budget spent)."""
        assign: dict[int, int] = {}
        steps = 0

        def holds(eq: ColumnEquation) -> bool:
            for c in range(self.width):
                total = sum(w * self.units[t][assign[t]][c] for t, w in eq.terms)
                if abs(self.units[eq.target][assign[eq.target]][c] - total) > self.tolerance:
                    return False
            return True

        def search(k: int) -> bool | None:
            nonlocal steps
            if k == len(live):
                return True
            for i in live[k]:
                steps += 1
                if steps > budget:
                    return None
                assign[k] = i
                if all(holds(eq) for eq in self.by_row[k] if all(u <= k for u in eq.rows)):
                    found = search(k + 1)
                    if found is not False:
                        del assign[k]
                        return found
                del assign[k]
            return False

        return search(0)


def supported(
    domains: Sequence[Sequence[Placement]],
    equations: Sequence[ColumnEquation],
    tolerance: int,
    *,
    budget: int = 4000,
    max_checked: int = 64,
) -> Support:
    """The placements of each row that belong to some consistent choice for every row."""
    problem = _Problem(domains, equations, tolerance)
    live = [list(range(len(d))) for d in domains]
    if not domains or not all(live) or not problem.prune(live):
        return Support([[] for _ in domains], False)
    if problem.exists(live, budget * 4) is False:
        return Support([[] for _ in domains], False)
    if sum(len(x) for x in live) > max_checked:
        return Support(live, True)  # too many to check one by one: the pruned placements stand
    for r in range(len(live)):
        if len(live[r]) < 2:
            continue
        keep = []
        for i in live[r]:
            trial = [list(x) for x in live]
            trial[r] = [i]
            if problem.prune(trial) and problem.exists(trial, budget) is not False:
                keep.append(i)
        live[r] = keep
    return Support(live, True)
