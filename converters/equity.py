"""The statement of changes in equity (所有者权益变动表): equity components as columns, movements as
rows, one block per period (项目 | 2024年半年度 … then 项目 | 2023年半年度 …).

Each block's heading names the columns (实收资本, 资本公积, 减:库存股 … 小计, 少数股东权益, 所有者权益
合计), in the order the CAS format fixes; its rows are the layout ``cas_equity_changes``. The cells
are placed by `equity_solve`; every determined cell becomes a fact on the components-of-equity axis
(the total column is the axis default: no member)."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from xbrlify.converters import periods
from xbrlify.converters.document import Box, Document, Geometry, Line
from xbrlify.converters.equity_solve import ZERO, ColumnEquation, Placement, placements, supported
from xbrlify.converters.facts import SEPARATE, Printed, unit_for
from xbrlify.converters.furniture import PAGE_NUMBER_MARKED
from xbrlify.converters.labels import join_wrapped
from xbrlify.converters.locate import ends_statement, is_unit_line, title_layouts, unit_of
from xbrlify.converters.mapping import layout_index
from xbrlify.converters.numbers import Reading, is_grouped, split_label, split_tail
from xbrlify.converters.profile import Profile
from xbrlify.converters.text import simplified
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
from xbrlify.taxonomy import Layout, LayoutRow, Taxonomy
from xbrlify.taxonomy.model import EquityComponent

AXIS = "ifrs-full:ComponentsOfEquityAxis"
RULE = "equity-matrix"
RULE_BY_POSITION = "equity-matrix, columns by position"
_ITEMS_HEADING = re.compile(r"^\s*(?:项目|項目)")
_TITLE_WORDS = re.compile(r"变动表|變動表|changes in", re.IGNORECASE)
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．])"
)
_CURRENT = re.compile(r"本期|本年")
_PRIOR = re.compile(r"上期|上年")


@dataclass
class EquityRow:
    """A printed movement: its line, label, layout row and the placements its numbers allow."""

    line: Line
    label: str
    layout_row: LayoutRow
    tail: str
    tail_offset: int
    options: list[Placement] = field(default_factory=list)
    chosen: dict[int, Decimal] = field(default_factory=dict)  # column → value, where determined
    spans: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # column → start, end, decimals
    amount: bool = False  # read as amounts whatever the printed sign (see `magnitude`)
    too_many: bool = False  # more placements than can be weighed: the row is not read
    by_position: bool = False  # the columns' positions on the page chose among consistent placements


@dataclass
class EquityBlock:
    """One period's matrix of a statement of changes in equity."""

    id: str
    layout: Layout
    title: Line
    scope: str  # "consolidated" | "separate"
    period: Duration
    header: str
    columns: list[EquityComponent]
    rows: list[EquityRow]
    scale: int
    currency: str
    decimals: int
    positions: list[float] | None = None  # where each column's heading is printed (a PDF's x, points)


def columns_of(header: str, components: tuple[EquityComponent, ...]) -> list[EquityComponent]:
    """The component columns a heading names, in the format's order (heading lines joined by ``|``,
    so that a wrapped word such as 其他 | 综合收益 is still found by its distinctive part)."""
    text = re.sub(r"\s+", "", simplified(header))
    joined = text.replace("|", "")  # a word wrapped at a line end (其他综合收 | 益)
    return [c for c in components if re.search(c.header, text) or re.search(c.header, joined)]


def _caption(above: list[Line], most: int = 3) -> list[Line]:
    """The lines printed just over a block's 项目 line that carry no figures (本期金额, 上期金额)."""
    out: list[Line] = []
    for line in reversed(above[-most:]):
        if split_label(line.text)[1]:
            break
        out.insert(0, line)
    return out


def _block_period(text: str, profile: Profile, fallback: Duration | None) -> Duration | None:
    found = periods.durations(simplified(periods.english_dates(text)))
    if found:
        return Duration(start=found[0][0], end=found[0][1])
    reported = profile.period
    if reported is not None and _CURRENT.search(text):
        return reported
    if reported is not None and _PRIOR.search(text):
        start = periods.safe_date(reported.start.year - 1, reported.start.month, reported.start.day)
        end = periods.safe_date(reported.end.year - 1, reported.end.month, reported.end.day)
        if start is not None and end is not None:
            return Duration(start=start, end=end)
    return fallback


def _rows(lines: list[Line], layout: Layout) -> tuple[list[EquityRow], list[Finding], int]:
    """The movements under a block's heading (a label wrapped onto the next line rejoined), the
    findings for printed values no layout row names, and how many lines the heading took."""
    index = layout_index(layout)
    rows: list[EquityRow] = []
    findings: list[Finding] = []
    after = 0
    k = 0
    first = None
    while k < len(lines):
        line = lines[k]
        label, tail, offset, _ = split_label(line.text)
        row = index.item(label, None, after) if label else None
        if row is None and label and k + 1 < len(lines):
            # a label wrapped onto the next line; the values stand on either line
            n_label, n_tail, n_offset, _ = split_label(lines[k + 1].text)
            if not (tail and n_tail) and (not n_label or index.item(n_label, None, after) is None):
                joined = index.item(join_wrapped(label, n_label), None, after)
                if joined is not None:
                    row, k = joined, k + 1
                    if not tail and n_tail:
                        tail, offset, line = n_tail, n_offset, lines[k]
        k += 1
        if first is None:
            balance = row is not None and row.instant is not None and not row.members
            if not tail and not balance and (row is None or not _NUMBERED.match(label)):
                continue  # the heading's lines: up to figures, a balance or a numbered movement
            first = k - 1
        if (
            row is None
            and not label
            and tail
            and rows
            and not rows[-1].tail
            and line.number - rows[-1].line.number <= 3
        ):
            above = rows[-1]  # the values of a label wrapped over the lines above
            above.tail, above.tail_offset, above.line = tail, offset, line
            continue
        if row is None:
            if tail:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        code="equity-row-unknown",
                        line=line.number,
                        message=f"{label[:30]!r} prints values but is no line of the statement of "
                        "changes in equity; its values are not read",
                    )
                )
            continue
        after = row.order + 1
        rows.append(EquityRow(line, label, row, tail, offset))
    return rows, findings, first if first is not None else len(lines)


def equity_blocks(
    doc: Document, profile: Profile, taxonomy: Taxonomy
) -> tuple[list[EquityBlock], list[Finding]]:
    """Every block of every statement of changes in equity in the document."""
    layouts = taxonomy.layouts_for(profile.standard)
    equity = [lay for lay in layouts if lay.statement == "changes_in_equity"]
    if not equity or not taxonomy.equity_components:
        return [], []
    blocks: list[EquityBlock] = []
    findings: list[Finding] = []
    for i, title in enumerate(doc.lines):
        if not _TITLE_WORDS.search(title.text):
            continue  # a cheap look first: every title of the layout says so
        hit = title_layouts(title.text, equity)
        if hit is None:
            continue
        layout, scope = hit[0][0], hit[1]
        body: list[Line] = []
        for line in doc.lines[i + 1 :]:
            if PAGE_NUMBER_MARKED.match(line.text):
                continue
            if ends_statement(line.text) or title_layouts(line.text, layouts):
                break  # the signatures, or the next statement's title
            body.append(line)
        else:
            if body:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        code="statement-truncated",
                        line=body[-1].number,
                        message=f"{title.text[:40]!r} runs to the end of the document with no signatures "
                        "or statement after it: the document may be cut short",
                    )
                )
        starts = [k for k, line in enumerate(body) if _ITEMS_HEADING.match(line.text)]
        if not starts:
            continue
        preamble = [line.text for line in body[: starts[0]]]
        scale, currency = unit_of([t for t in preamble if is_unit_line(t)] or preamble, profile.currency)
        stated = _block_period(" ".join(preamble), profile, None)
        for b, start in enumerate(starts):
            stop = starts[b + 1] if b + 1 < len(starts) else len(body)
            lines = body[start:stop]
            heading = _ITEMS_HEADING.sub("", lines[0].text)
            rows, row_findings, head = _rows(lines[1:], layout)
            header = "|".join([heading, *(ln.text for ln in lines[1 : head + 1])])
            block_id = f"E{len(blocks) + 1}"
            findings += [f.model_copy(update={"table": block_id}) for f in row_findings]
            period = _block_period(header, profile, None) or _block_period(
                " ".join(ln.text for ln in _caption(body[:start])), profile, stated if b == 0 else None
            )
            columns = columns_of(header, taxonomy.equity_components)
            words: list[Word] = []
            if doc.geometry is not None:  # a PDF's heading read by position: vertical words too
                words = heading_words([*_caption(body[:start], 8), *lines[: head + 1]], doc.geometry)
                by_position = columns_of("|".join(w.text for w in words), taxonomy.equity_components)
                if len(by_position) > len(columns):
                    columns = by_position
            if period is None or not any(c.kind == "total" for c in columns) or not rows:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        code="equity-block-unread",
                        line=lines[0].number,
                        table=block_id,
                        message=f"a block of {doc.lines[i].text[:30]!r} is not read: "
                        + (
                            "its period is not printed"
                            if period is None
                            else "its columns are not understood"
                        ),
                    )
                )
                continue
            tails = [r.tail for r in rows if r.tail]
            grouped = is_grouped(tails)
            decimals, readings_of = _readings(tails, len(columns), grouped)
            tolerance = (Decimal(max(1, len(columns) // 2)) if scale > 1 else ZERO) * Decimal(10) ** -decimals
            for r in rows:
                if r.tail:
                    readings = readings_of.get(r.tail, [])
                    only = None
                    if r.layout_row.components:
                        only = {c for c, col in enumerate(columns) if col.member in r.layout_row.components}
                    options = placements(readings, columns, decimals, tolerance, only=only)
                    r.options, r.too_many = options or [], options is None
                    if magnitude(r.layout_row, taxonomy):
                        r.options = [_absolute(p) for p in r.options]
                        r.amount = True
                    if r.layout_row.instant and not r.layout_row.members:
                        # a balance always prints its total (a movement's components may cancel out)
                        r.options = [p for p in r.options if p.slots[-1] is not None]
            previous = blocks[-1] if blocks else None
            if (
                previous is not None
                and (previous.scope, previous.period) == (scope, period)
                and previous.columns == columns
                and rows[0].layout_row.order > previous.rows[-1].layout_row.order
            ):
                previous.rows.extend(rows)  # the block goes on after a page break (its heading repeated)
                continue
            blocks.append(
                EquityBlock(
                    block_id,
                    layout,
                    doc.lines[i],
                    scope,
                    period,
                    header,
                    columns,
                    rows,
                    scale,
                    currency,
                    decimals,
                )
            )
            if doc.geometry is not None:
                blocks[-1].positions = word_positions(words, columns) or column_positions(
                    lines[: head + 2], columns, doc.geometry
                )
    return blocks, findings


def magnitude(row: LayoutRow, taxonomy: Taxonomy) -> bool:
    """Whether a movement is read as an amount whatever its printed sign: a debit movement
    (dividends to owners, special reserve used) is printed as a negative change by some issuers
    and as a positive amount by others; its fact is the amount."""
    return (
        row.instant is None and bool(row.concept) and taxonomy.concept(row.concept or "").balance == "debit"
    )


def _absolute(p: Placement) -> Placement:
    return Placement(p.reading, p.slots, tuple(abs(v) for v in p.values), tuple(abs(u) for u in p.units))


@dataclass(frozen=True)
class Word:
    """A heading word on the page and the x of its centre."""

    text: str
    x: float


def heading_words(lines: list[Line], geometry: Geometry) -> list[Word]:
    """The words of a heading by their positions, left to right: runs of characters on a line, and
    single characters stacked one under another (a narrow column's heading printed vertically,
    少 | 数 | 股 | 东 | 权 | 益)."""
    runs: list[list[tuple[str, Box]]] = []
    for line in lines:
        run: list[tuple[str, Box]] = []
        placed = [
            (ch, box)
            for k, ch in enumerate(line.text)
            if not ch.isspace() and (box := geometry.box(line, k, k + 1))
        ]
        for ch, box in sorted(placed, key=lambda cb: cb[1][0]):  # a text line may join stacks out of order
            gap = box[0] - run[-1][1][2] if run else None
            if gap is not None and -1 < gap < 0.3 * (box[3] - box[1]) and abs(box[1] - run[-1][1][1]) < 2:
                run.append((ch, box))
            else:
                if run:
                    runs.append(run)
                run = [(ch, box)]
        if run:
            runs.append(run)
    words = [
        Word(simplified("".join(c for c, _ in r)), (r[0][1][0] + r[-1][1][2]) / 2) for r in runs if len(r) > 1
    ]
    stacks: list[tuple[list[str], float, float]] = []  # characters, x, bottom
    for ch, box in sorted((r[0] for r in runs if len(r) == 1), key=lambda cb: cb[1][1]):
        x = (box[0] + box[2]) / 2
        for n, (chars, sx, bottom) in enumerate(stacks):
            if abs(sx - x) < 2 and 0 <= box[1] - bottom < 1.5 * (box[3] - box[1]):
                stacks[n] = ([*chars, ch], sx, box[3])
                break
        else:
            stacks.append(([ch], x, box[3]))
    words += [Word(simplified("".join(chars)), x) for chars, x, _ in stacks]
    return sorted(words, key=lambda w: w.x)


@cache
def _alone(header: str) -> re.Pattern[str] | None:
    """A heading pattern without the words it requires beside it (``(?<=永续债)其他`` → ``其他``);
    None for a pattern whose lookarounds nest."""
    try:
        return re.compile(re.sub(r"\(\?<?[=!][^()]*\)", "", header))
    except re.error:
        return None


def word_positions(words: list[Word], columns: list[EquityComponent]) -> list[float] | None:
    """The x of each column's heading word, left to right (a word that is the heading alone, such as
    the 其他 under 其他权益工具, before one that merely contains it); None when one is not found."""
    out: list[float] = []
    start = 0
    for column in columns:
        alone = _alone(column.header)
        found = []
        for n in range(start, len(words)):
            before = words[n - 1].text if n else ""
            m = re.search(column.header, before + words[n].text)
            if alone is not None and alone.fullmatch(words[n].text):
                found.append((0, n))
            elif m and m.end() > len(before):
                found.append((1, n))
        if not found:
            return None
        n = min(found)[1]
        out.append(words[n].x)
        start = n + 1
    return out if all(a < b for a, b in itertools.pairwise(out)) else None


def column_positions(
    lines: list[Line], columns: list[EquityComponent], geometry: Geometry
) -> list[float] | None:
    """The x of each column's heading words on the page (the median of their characters' centres),
    or None when a heading cannot be found or the headings do not run left to right."""
    chars: list[tuple[str, Line, int]] = []
    for line in lines:
        for k, ch in enumerate(line.text):
            chars += [(c, line, k) for c in simplified(ch)]
    joined = "".join(c for c, _, _ in chars)
    out: list[float] = []
    for column in columns:
        m = re.search(column.header, joined)
        if m is None:
            return None
        xs = [
            (b[0] + b[2]) / 2
            for _, line, k in chars[m.start() : m.end()]
            if (b := geometry.box(line, k, k + 1))
        ]
        if not xs:
            return None
        out.append(statistics.median(xs))
    return out if all(a < b for a, b in itertools.pairwise(out)) else None


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


def _readings(tails: list[str], columns: int, grouped: bool) -> tuple[int, dict[str, list[Reading]]]:
    """The fixed number of decimals the block prints (the count that reads the most rows in its
    columns: a statement in yuan prints cents, one in thousands none) and each row's readings."""
    by_decimals = {
        d: {t: split_tail(t, columns, d, note_allowed=False, grouped=grouped) for t in tails} for d in (2, 0)
    }
    best = max(by_decimals, key=lambda d: sum(1 for r in by_decimals[d].values() if r))
    return best, by_decimals[best]


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
    children: dict[str, list[tuple[int, int]]] = {}
    for arc in block.layout.arcs:
        for k in by_concept.get(arc.child, []):
            child = layout_rows[arc.child]
            parent_row = next((r for r in block.layout.rows if r.concept == arc.parent), None)
            child_sign = 1 if rows[k].amount else child.sign
            sign = arc.weight * child_sign * (parent_row.sign if parent_row else 1)
            children.setdefault(arc.parent, []).append((k, sign))
    printed = {k for k, r in enumerate(rows) if r.tail}
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
            value = printed.get((c.balance, day.isoformat(), scope)) if c.balance else None
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
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="equity-too-many-readings" if r.too_many else "equity-row-unbalanced",
                    line=r.line.number,
                    table=block.id,
                    concept=r.layout_row.concept,
                    message=f"{r.label!r}: "
                    + (
                        "its glued figures allow too many readings and placements to weigh"
                        if r.too_many
                        else f"no placement of its values in the {width} columns adds up across the row "
                        "(components, subtotal, total)"
                    )
                    + "; the row is not read",
                )
            )
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
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="equity-balance-disagrees",
                    line=block.rows[k].line.number,
                    table=block.id,
                    message=f"{block.rows[k].label!r}: no reading of the row agrees with the balances the "
                    "balance sheet prints for its components",
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
        findings.append(
            Finding(
                severity=Severity.WARNING,
                code="equity-not-reconciled",
                line=block.rows[0].line.number,
                table=block.id,
                message="no placement of the cells makes every column roll forward (opening balance plus "
                "movements = closing balance, each movement the sum of its items): its columns may "
                "not be the ones the heading was read as, and no cell of the block is tagged",
            )
        )
    open_rows: list[str] = []
    for k in usable:
        r = block.rows[k]
        if not r.tail:
            continue
        if not support.consistent:
            continue
        options = placed[remap[k]]
        _take(r, options)
        printed_cells = len(options[0].reading.tokens) if options else 0
        if len(r.chosen) < printed_cells:
            open_rows.append(r.label)
    if open_rows:
        findings.append(
            Finding(
                severity=Severity.WARNING,
                code="equity-columns-ambiguous",
                line=block.rows[0].line.number,
                table=block.id,
                message=f"the arithmetic leaves the column of some values open in {len(open_rows)} row(s) "
                f"({', '.join(repr(x[:12]) for x in open_rows[:4])}); those cells are not tagged",
            )
        )
    return findings


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
                        column_header=f"{component_label(component, taxonomy)} | {heading}",
                        raw_text=r.line.text[r.tail_offset + start : r.tail_offset + end],
                        rule=RULE_BY_POSITION if r.by_position else RULE,
                    ),
                )
            )
    return facts


def component_label(component: EquityComponent, taxonomy: Taxonomy) -> str:
    return taxonomy.concept(component.member).label("zh-Hans")


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
                out.setdefault((balance, day.isoformat(), block.scope), value * block.scale)
    return out


def equity_facts(
    doc: Document, profile: Profile, taxonomy: Taxonomy, printed: Printed
) -> tuple[list[Fact], list[Finding]]:
    """Facts and findings of every statement of changes in equity; `printed`: what the balance
    sheet tagged (its balances anchor the opening and closing rows)."""
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
    facts = [f for block in blocks for f in block_facts(block, taxonomy, profile.entity, doc.source)]
    return facts, findings + [f for block in blocks for f in results[block.id]]
