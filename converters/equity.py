"""The statement of changes in equity (所有者权益变动表): equity components as columns, movements as
rows, one block per period (`equity_locate` finds them, `equity_heading` names their columns).

A row prints only its non-empty cells; `equity_solve` weighs the placements the arithmetic allows
(row sums, column roll-forwards, the balance sheet's balances); a cell every consistent placement
agrees on becomes a fact on the components-of-equity axis (the total column is the axis default:
no member)."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

from xbrlify.converters.document import Document, Geometry
from xbrlify.converters.equity_locate import EquityBlock, EquityRow, equity_blocks
from xbrlify.converters.equity_solve import ZERO, ColumnEquation, Placement, supported
from xbrlify.converters.facts import SEPARATE, Printed, unit_for
from xbrlify.converters.labels import script
from xbrlify.converters.numbers import Reading
from xbrlify.converters.profile import Profile
from xbrlify.model import (
    Context,
    Duration,
    Entity,
    ExplicitMember,
    Fact,
    Finding,
    Instant,
    Provenance,
    Severity,
)
from xbrlify.taxonomy import Concept, Taxonomy
from xbrlify.taxonomy.model import EquityComponent, Label

AXIS = "ifrs-full:ComponentsOfEquityAxis"


RULE = "equity-matrix"


RULE_BY_POSITION = "equity-matrix, columns by position"


def _printed_under(x: float, positions: list[float]) -> set[int]:
    """The columns a value centred at x can be printed in: the nearest heading, and the next nearest
    too when the value stands nearly halfway between them."""
    near = sorted((abs(x - p), c) for c, p in enumerate(positions))
    if len(near) > 1 and near[0][0] > 0.6 * near[1][0]:
        return {near[0][1], near[1][1]}
    return {near[0][1]}


def _by_position(
    row: EquityRow, options: list[Placement], positions: list[float], geometry: Geometry
) -> list[Placement]:
    """The placements that put each value in a column it is printed under."""
    cache: dict[tuple[int, int], set[int]] = {}

    def under(p: Placement, slot: int) -> set[int]:
        key = (id(p.reading), slot)
        if key not in cache:
            token = p.reading.tokens[slot]
            box = geometry.box(row.line, row.tail_offset + token.start, row.tail_offset + token.end)
            cache[key] = (
                _printed_under((box[0] + box[2]) / 2, positions) if box else set(range(len(positions)))
            )
        return cache[key]

    return [p for p in options if all(s is None or c in under(p, s) for c, s in enumerate(p.slots))]


def _equations(block: EquityBlock) -> list[ColumnEquation]:
    """The roll-forward of every column: the previously stated balance plus adjustments is the
    opening balance, the opening balance plus the change in the period the closing balance, and each
    movement the sum of its items (the layout's calculation arcs, in printed signs)."""
    rows = block.rows
    by_concept: dict[str, list[int]] = {}
    for k, r in enumerate(rows):
        by_concept.setdefault(r.layout_row.concept or "", []).append(k)
    opening = [
        k for k, r in enumerate(rows) if r.layout_row.instant == "opening" and not r.layout_row.members
    ]
    stated = [k for k, r in enumerate(rows) if r.layout_row.instant == "opening" and r.layout_row.members]
    closing = [k for k, r in enumerate(rows) if r.layout_row.instant == "closing"]
    out: list[ColumnEquation] = []
    if opening and stated:
        out.append(ColumnEquation(opening[0], tuple((k, 1) for k in stated)))
    layout_rows = {r.layout_row.concept: r.layout_row for r in rows}
    printed = {k for k, r in enumerate(rows) if r.tail}
    direct: dict[str, list[tuple[int, int]]] = {}
    for arc in block.layout.arcs:
        for k in by_concept.get(arc.child, []):
            if k not in printed:
                continue  # a heading without figures (期内其他全面收益 over its items)
            child = layout_rows[arc.child]
            parent_row = next((r for r in block.layout.rows if r.concept == arc.parent), None)
            child_sign = 1 if rows[k].amount else child.sign
            sign = arc.weight * child_sign * (parent_row.sign if parent_row else 1)
            direct.setdefault(arc.parent, []).append((k, sign))

    def terms_of(parent: str, depth: int = 3) -> list[tuple[int, int]]:
        """A movement's printed items; an item printed without figures stands for its own items."""
        out = list(direct.get(parent, []))
        for arc in block.layout.arcs:
            named = {rows[k].layout_row.concept for k, _ in out}
            if arc.parent == parent and arc.child not in named and depth:
                out += [(k, arc.weight * w) for k, w in terms_of(arc.child, depth - 1)]
        return out

    children = {parent: terms_of(parent) for parent in {a.parent for a in block.layout.arcs}}
    children = {parent: terms for parent, terms in children.items() if terms}
    for parent, terms in children.items():
        for k in by_concept.get(parent, []):
            if k in printed:
                out.append(ColumnEquation(k, tuple(terms)))
    change = [k for k in by_concept.get("ifrs-full:ChangesInEquity", []) if k in printed]
    if opening and closing:
        terms = [(change[0], 1)] if change else children.get("ifrs-full:ChangesInEquity", [])
        out.append(ColumnEquation(closing[0], ((opening[0], 1), *terms)))
    return out


def _anchors(block: EquityBlock, printed: Printed) -> dict[int, list[Decimal | None]]:
    """Cells the balance sheet already printed: the opening and closing balance of each component
    whose balance-sheet line was read, in the block's units."""
    scope = block.scope
    out: dict[int, list[Decimal | None]] = {}
    for k, r in enumerate(block.rows):
        role = r.layout_row.instant
        if role is None or r.layout_row.members:
            continue
        day = block.period.start - dt.timedelta(days=1) if role == "opening" else block.period.end
        cells: list[Decimal | None] = []
        for c in block.columns:
            value = printed.get((c.balance, day.isoformat(), scope, block.currency)) if c.balance else None
            cells.append(None if value is None else value / block.scale)
        if any(v is not None for v in cells):
            out[k] = cells
    return out


def resolve_block(block: EquityBlock, printed: Printed, geometry: Geometry | None = None) -> list[Finding]:
    """Choose the cells of a block: those on which every consistent placement of its rows agrees;
    in a PDF, where the arithmetic leaves a row's columns open, among the placements that put each
    value under its column's heading, when those are consistent too."""
    width = len(block.columns)
    tolerance_units = max(1, width // 2) if block.scale > 1 else 0  # rounded figures may miss by a unit
    tolerance = Decimal(tolerance_units) * Decimal(10) ** -block.decimals
    findings: list[Finding] = []
    zero = Placement(
        reading=Reading(None, ()), slots=(None,) * width, values=(ZERO,) * width, units=(0,) * width
    )
    domains: list[list[Placement]] = []
    for r in block.rows:
        if r.tail and not r.options:
            why = (
                "its glued figures allow too many readings and placements to weigh"
                if r.too_many
                else f"no placement of its values in the {width} columns adds up across the row "
                "(components, subtotal, total)"
            )
            code = "equity-too-many-readings" if r.too_many else "equity-row-unbalanced"
            findings.append(_warning(block, r, code, f"{r.label!r}: {why}; the row is not read"))
        domains.append(list(r.options) if r.tail else [zero])
    for k, cells in _anchors(block, printed).items():
        fitting = [
            p
            for p in domains[k]
            if all(a is None or abs(a - v) <= tolerance for a, v in zip(cells, p.values, strict=True))
        ]
        if fitting:
            domains[k] = fitting
        elif domains[k]:
            row = block.rows[k]
            findings.append(
                _warning(
                    block,
                    row,
                    "equity-balance-disagrees",
                    f"{row.label!r}: no reading of the row agrees with the balances the balance sheet "
                    "prints for its components",
                )
            )
    usable = [k for k, d in enumerate(domains) if d]
    remap = {k: i for i, k in enumerate(usable)}
    equations = [
        ColumnEquation(remap[e.target], tuple((remap[t], w) for t, w in e.terms))
        for e in _equations(block)
        if all(r in remap for r in e.rows)
    ]
    support = supported([domains[k] for k in usable], equations, tolerance_units)
    placed = [[domains[k][i] for i in support.rows[remap[k]]] for k in usable] if support.consistent else []
    if placed and geometry is not None and block.positions is not None and any(len(p) > 1 for p in placed):
        narrowed = [
            _by_position(block.rows[k], options, block.positions, geometry) or options
            for k, options in zip(usable, placed, strict=True)
        ]
        by_position = supported(narrowed, equations, tolerance_units)
        if by_position.consistent:
            before = placed
            placed = [
                [options[i] for i in rows] for options, rows in zip(narrowed, by_position.rows, strict=True)
            ]
            for k, options, earlier in zip(usable, placed, before, strict=True):
                block.rows[k].by_position = len(options) < len(earlier)
    if not support.consistent:
        message = (
            "no placement of the cells makes every column roll forward (opening balance plus movements = "
            "closing balance, each movement the sum of its items): its columns may not be the ones the "
            "heading was read as, and no cell of the block is tagged"
        )
        return [*findings, _warning(block, None, "equity-not-reconciled", message)]
    open_rows: list[str] = []
    for k in usable:
        r = block.rows[k]
        if not r.tail:
            continue
        options = placed[remap[k]]
        _take(r, options)
        printed_cells = len(options[0].reading.tokens) if options else 0
        if len(r.chosen) < printed_cells:
            open_rows.append(r.label)
    if open_rows:
        rows = ", ".join(repr(x[:12]) for x in open_rows[:4])
        message = (
            f"the arithmetic leaves the column of some values open in {len(open_rows)} row(s) ({rows}); "
            "those cells are not tagged"
        )
        findings.append(_warning(block, None, "equity-columns-ambiguous", message))
    return findings


def _warning(block: EquityBlock, row: EquityRow | None, code: str, message: str) -> Finding:
    """A warning about a block, at one of its rows (else its first)."""
    return Finding(
        severity=Severity.WARNING,
        code=code,
        line=(row or block.rows[0]).line.number,
        table=block.id,
        concept=row.layout_row.concept if row else None,
        message=message,
    )


def _take(row: EquityRow, options: list[Placement]) -> None:
    """Keep the cells on which all `options` agree: the same printed value in the same column."""
    if not options:
        return
    for c in range(len(options[0].slots)):
        spans = {
            (p.reading.tokens[slot].start, p.reading.tokens[slot].end, p.reading.tokens[slot].decimals)
            if (slot := p.slots[c]) is not None
            else None
            for p in options
        }
        if len(spans) != 1 or None in spans:
            continue
        row.chosen[c] = options[0].values[c]
        row.spans[c] = next(iter(spans))  # type: ignore[assignment]


def _column_name(component: EquityComponent, taxonomy: Taxonomy) -> str:
    """A column's name: an extension member's heading as printed, else its member's label."""
    return component.label or taxonomy.concept(component.member).label("zh-Hans")


def block_facts(block: EquityBlock, taxonomy: Taxonomy, entity: Entity, source: str) -> list[Fact]:
    """Facts of a resolved block: one per determined cell, on the components-of-equity axis."""
    facts: list[Fact] = []
    scope = (SEPARATE,) if block.scope == "separate" else ()
    shift = round(math.log10(block.scale))
    heading = next((h for h in block.header.split("|") if re.search(r"\d{4}|本期|上期|本年|上年", h)), "")[
        :30
    ]
    for r in block.rows:
        concept = taxonomy.concept(r.layout_row.concept or "")
        if concept.period_type == "instant":
            day = (
                block.period.start - dt.timedelta(days=1)
                if r.layout_row.instant == "opening"
                else block.period.end
            )
            period: Instant | Duration = Instant(instant=day)
        else:
            period = block.period
        for c, value in sorted(r.chosen.items()):
            component = block.columns[c]
            members = [ExplicitMember(dimension=a, member=m) for a, m in r.layout_row.members]
            if component.kind != "total":
                members.append(ExplicitMember(dimension=AXIS, member=component.member))
            start, end, decimals = r.spans[c]
            # a deducted column (减:库存股) prints a positive balance its component takes from equity
            amount = value * (1 if r.amount else r.layout_row.sign) * component.weight * Decimal(10) ** shift
            facts.append(
                Fact(
                    concept=concept.qname,
                    context=Context(
                        entity=entity,
                        period=period,
                        members=tuple(sorted((*scope, *members), key=lambda m: m.dimension)),
                    ),
                    value=amount.copy_abs() if amount.is_zero() else amount,
                    unit=unit_for(concept, block.currency),
                    decimals=decimals - shift,
                    provenance=Provenance(
                        document=source,
                        line=r.line.number,
                        page=r.line.page,
                        char_start=r.tail_offset + start,
                        char_end=r.tail_offset + end,
                        table=f"{block.id} {block.title.text[:40]}",
                        row_label=r.label,
                        column_header=f"{_column_name(component, taxonomy)} | {heading}",
                        raw_text=r.line.text[r.tail_offset + start : r.tail_offset + end],
                        rule=RULE_BY_POSITION if r.by_position else RULE,
                    ),
                )
            )
    return facts


def _one_per_cell(block: EquityBlock, facts: list[Fact]) -> tuple[list[Fact], list[Finding]]:
    """One fact per concept and column: two lines of a block that read as one movement (a dividend
    to the owners, another to non-controlling interests: both dividends paid) each print in their
    own columns, a nil in the other's; where both print a value in one column (the total), their
    sum is printed nowhere, so that cell gives no fact and a warning says so."""
    cells: dict[tuple[str, str, str | None], list[Fact]] = {}
    for f in facts:
        cells.setdefault((f.concept, f.context.id, f.unit.id if f.unit else None), []).append(f)
    out: list[Fact] = []
    findings: list[Finding] = []
    for (concept, _, _), same in cells.items():
        valued = [f for f in same if f.value != 0]
        if len(same) == 1 or not valued:
            out.append(same[0])
        elif len(valued) == 1:
            out.append(valued[0])
        else:
            rows = ", ".join(sorted({repr(f.provenance.row_label) for f in valued}))
            findings.append(
                _warning(
                    block,
                    None,
                    "equity-cell-of-two-lines",
                    f"{rows} read as {concept} and both print a value in the column "
                    f"{(valued[0].provenance.column_header or '').split(' | ')[0]!r}; their sum is printed "
                    "nowhere, so that cell gives no fact",
                )
            )
    return out, findings


def _balances(block: EquityBlock) -> Printed:
    """The component balances a resolved block read, keyed as the balance sheet's facts are, for
    another block of the same statement to check against (an annual report's prior-year block closes
    on the day the current block opens)."""
    out: Printed = {}
    for r in block.rows:
        if r.layout_row.instant is None or (r.layout_row.members and r.layout_row.instant != "opening"):
            continue
        if r.layout_row.members and r.layout_row.members[0][1] != "ifrs-full:PreviouslyStatedMember":
            continue
        day = (
            block.period.start - dt.timedelta(days=1)
            if r.layout_row.instant == "opening"
            else block.period.end
        )
        for c, value in r.chosen.items():
            balance = block.columns[c].balance
            if balance:
                out.setdefault((balance, day.isoformat(), block.scope, block.currency), value * block.scale)
    return out


def equity_facts(
    doc: Document, profile: Profile, taxonomy: Taxonomy, printed: Printed
) -> tuple[list[Fact], list[Finding], list[Concept]]:
    """Facts and findings of every statement of changes in equity, and the extension members of
    the columns IFRS names no member for; `printed`: what the balance sheet tagged (its balances
    anchor the opening and closing rows)."""
    blocks, findings = equity_blocks(doc, profile, taxonomy)
    anchors = dict(printed)
    results: dict[str, list[Finding]] = {}
    used: dict[str, dict[int, list[Decimal | None]]] = {}
    for _ in range(2):  # a second pass where a block's balances anchor another's
        for block in blocks:
            cells = _anchors(block, anchors)
            settled = block.id in results and all(
                f.severity is not Severity.WARNING for f in results[block.id]
            )
            if settled or used.get(block.id) == cells:
                continue
            used[block.id] = cells
            for r in block.rows:
                r.chosen.clear()
                r.spans.clear()
            results[block.id] = resolve_block(block, anchors, doc.geometry)
        for block in blocks:
            for key, value in _balances(block).items():
                anchors.setdefault(key, value)
    facts: list[Fact] = []
    for block in blocks:
        tagged, two_lines = _one_per_cell(block, block_facts(block, taxonomy, profile.entity, doc.source))
        facts += tagged
        findings += two_lines
    members = {
        c.member: Concept(
            qname=c.member,
            data_type="member",
            period_type="duration",
            labels=(Label(lang="en" if script(c.label) == "en" else "zh-Hans", text=c.label),),
        )
        for block in blocks
        for c in block.columns
        if c.label and any(m.member == c.member for f in facts for m in f.context.members)
    }
    return facts, findings + [f for block in blocks for f in results[block.id]], list(members.values())
