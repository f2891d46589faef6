"""Finding the statements of changes in equity (所有者权益变动表) and their blocks: one per period
(项目 | 2024年半年度, or 本期金额 / 上期金额 over 项目), each with its heading's columns, its unit and
its movements (rows of the layout ``cas_equity_changes``) with every placement of their glued cells
that adds up across the row."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from xbrlify.converters import periods
from xbrlify.converters.document import Document, Line
from xbrlify.converters.equity_heading import (
    Word,
    columns_of,
    heading_cells,
    heading_words,
    printed_columns,
    with_unnamed_reserves,
    word_positions,
)
from xbrlify.converters.equity_solve import ZERO, Placement, placements
from xbrlify.converters.furniture import PAGE_NUMBER_MARKED
from xbrlify.converters.labels import join_wrapped
from xbrlify.converters.locate import ends_statement, is_unit_line, title_layouts, unit_of
from xbrlify.converters.mapping import layout_index
from xbrlify.converters.numbers import NoteMark, Reading, is_grouped, split_label, split_tail
from xbrlify.converters.profile import Profile
from xbrlify.converters.text import simplified
from xbrlify.model import Duration, Finding, Severity
from xbrlify.taxonomy import Layout, LayoutRow, Taxonomy
from xbrlify.taxonomy.model import EquityComponent

_ITEMS_HEADING = re.compile(r"^\s*(?:项目|項目|items?\b)", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"变动表|變動表|changes in", re.IGNORECASE)
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|[IVX]+\.|\([IVX]+\))"
)
_CURRENT = re.compile(r"本期|本年|current (?:period|year)", re.IGNORECASE)
_PRIOR = re.compile(r"上期|上年|(?:prior|previous|last) (?:period|year)", re.IGNORECASE)


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


_AUDIT_NOTE = re.compile(
    r"[()（）,，]|未经审核|经审核|未经审计|经审计|经重列|重列|经调整|如?(?:先前|原先|前)(?:呈报|呈列)|unaudited|audited"
    r"|(?:as\s*)?(?:restated|adjusted|(?:previously|originally)\s*(?:reported|stated))",
    re.IGNORECASE,
)
_PREVIOUSLY = re.compile(
    r"(?:as)?(?:previously|originally)(?:reported|stated)|如?(?:先前|原先|前)(?:呈报|呈列)", re.I
)
_PREVIOUSLY_STATED = "PreviouslyStatedMember"
_DATED_BALANCE = re.compile(
    r"^(?:balance)?(?:as)?(?:at|于|於)?(\d{4})年(\d{1,2})月(\d{1,2})日"
    r"(?:(?:and|及|和)(?:at|于|於)?\d{4}年\d{1,2}月\d{1,2}日)?(?:之?(?:结余|余额|balance))?$",
    re.IGNORECASE,
)


def balance_date(label: str) -> dt.date | None:
    """The date of a balance row labelled by its date, as IFRS statements label them (``At 1 January
    2024 (audited)``, ``於二零二四年六月三十日(未經審核)``, ``Balance at 31 December 2023``); of one
    that closes a year and opens the next (``At 31 December 2023 and 1 January 2024``), the first."""
    text = periods.arabic_dates(simplified(periods.english_dates(label, lone_years=False)))
    m = _DATED_BALANCE.match(re.sub(r"\s+", "", _AUDIT_NOTE.sub("", text)))
    return periods.safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_YEAR_CELL = re.compile(r"((?:19|20)\d{2})(?=\s|$)")
_NAMED_STANDARD = re.compile(r"\b(?:HKFRS|IFRS|HKAS|IAS)$")  # … adoption of HKFRS 17: the 17 is no cell
_STANDARD_NUMBER = re.compile(r"(\d{1,2})(?=\s)")


def split_row(text: str) -> tuple[str, str, int, NoteMark]:
    """`split_label`, keeping in the label the year a dated balance's label ends with (``At 1
    January 2023 100,000 250,000``: the year is no cell) and the number of a standard it names
    (``Impact on initial application of HKFRS 17 – – (5,000)``)."""
    label, tail, offset, marker = split_label(text)
    m = _YEAR_CELL.match(tail) or (_STANDARD_NUMBER.match(tail) if _NAMED_STANDARD.search(label) else None)
    if label and m and (_NAMED_STANDARD.search(label) or balance_date(f"{label} {m.group(1)}") is not None):
        rest = tail[m.end() :]
        skipped = m.end() + len(rest) - len(rest.lstrip())
        return f"{label} {m.group(1)}", rest.lstrip(), offset + skipped, marker
    return label, tail, offset, marker


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
    balances = {r.instant: r for r in layout.rows if r.instant and not r.members}
    stated = next(
        (r for r in layout.rows if r.instant == "opening" and _PREVIOUSLY_STATED in str(r.members)), None
    )
    opening_day: dt.date | None = None
    rows: list[EquityRow] = []
    findings: list[Finding] = []
    after = 0
    k = 0
    first = None
    while k < len(lines):
        at, line = k, lines[k]
        label, tail, offset, _ = split_row(line.text)
        row = index.item(label, None, after) if label else None
        day = balance_date(label) if row is None and label else None
        if day is not None:
            # a balance labelled by its date: the block's first date is its opening balance (as
            # previously reported, then as restated), a later one its closing balance
            opening_day = opening_day or day
            if _PREVIOUSLY.search(simplified(label)):
                row = stated
            else:
                row = balances.get("opening" if day == opening_day else "closing")
        if row is None and label and k + 1 < len(lines):
            # a label wrapped onto the next line; the values stand on either line
            n_label, n_tail, n_offset, _ = split_row(lines[k + 1].text)
            if not (tail and n_tail) and (not n_label or index.item(n_label, None, after) is None):
                joined = index.item(join_wrapped(label, n_label), None, after)
                if joined is not None:
                    row, k, label = joined, k + 1, join_wrapped(label, n_label)
                    if not tail and n_tail:
                        tail, offset, line = n_tail, n_offset, lines[k]
        if row is None and label and not tail and k + 2 < len(lines):
            # a label over three lines, its values on the last (按公允值计入其他全面收益之 | 债务工具之
            # 公允值变动 | (扣除税项) 1,226 …)
            (m_label, m_tail, _, _), (z_label, z_tail, z_offset, _) = (
                split_row(lines[k + 1].text),
                split_row(lines[k + 2].text),
            )
            joined = index.item(join_wrapped(label, m_label, z_label), None, after) if not m_tail else None
            if joined is not None and z_tail:
                row, k, label = joined, k + 2, join_wrapped(label, m_label, z_label)
                tail, offset, line = z_tail, z_offset, lines[k]
        k += 1
        if first is None:
            balance = row is not None and row.instant is not None and not row.members
            if not tail and not balance and (row is None or not _NUMBERED.match(label)):
                continue  # the heading's lines: up to figures, a balance or a numbered movement
            first = at
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
        if row is None and label and tail and rows and not rows[-1].tail:
            # the values on the last line of a label whose first line alone names a row
            # (出售一间附属公司部分权益 | 而无导致失去控制权 9,303 …)
            whole = join_wrapped(rows[-1].label, label)
            joined = index.item(whole, None, rows[-1].layout_row.order)
            if joined is None and rows[-1].layout_row.instant and balance_date(whole):
                joined = rows[-1].layout_row  # a dated balance's audit note and values on the next line
            if joined is not None and line.number - rows[-1].line.number <= 2:
                rows[-1] = EquityRow(line, whole, joined, tail, offset)
                after = joined.order + 1
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


@dataclass
class _Segment:
    """One period's part of a statement's body: its lines, movements, heading and period."""

    lines: list[Line]
    rows: list[EquityRow]
    findings: list[Finding]
    header: str  # the heading's lines joined by ``|``
    heading: list[Line]  # the heading's lines, for their words' positions in a PDF
    period: Duration | None


def _item_segments(body: list[Line], layout: Layout, profile: Profile) -> list[_Segment]:
    """Blocks opened by a 项目 (Item) line, each dated by its heading or the caption over it
    (本期金额 / 上期金额), the first by the statement's own dateline when it prints no other."""
    starts = [k for k, line in enumerate(body) if _ITEMS_HEADING.match(line.text)]
    stated = _block_period(" ".join(ln.text for ln in body[: starts[0]]), profile, None) if starts else None
    out = []
    for b, start in enumerate(starts):
        stop = starts[b + 1] if b + 1 < len(starts) else len(body)
        lines = body[start:stop]
        heading = _ITEMS_HEADING.sub("", lines[0].text)
        rows, row_findings, head = _rows(lines[1:], layout)
        header = "|".join([heading, *(ln.text for ln in lines[1 : head + 1])])
        period = _block_period(header, profile, None) or _block_period(
            " ".join(ln.text for ln in _caption(body[:start])), profile, stated if b == 0 else None
        )
        heading_lines = [*_caption(body[:start], 8), *lines[: head + 1]]
        out.append(_Segment(lines, rows, row_findings, header, heading_lines, period))
    return out


def _dated_segments(body: list[Line], layout: Layout) -> list[_Segment]:
    """Blocks between balances labelled by their dates (``At 1 January 2024`` … ``At 30 June
    2024``), under one heading printed above the first: a balance printed right after another opens
    the next block, one followed by movements closes its block and opens the next (``At 31 December
    2023`` between two years' movements)."""
    days = [(k, balance_date(split_row(line.text)[0] or "-")) for k, line in enumerate(body)]
    dated_days = [(k, d) for k, d in days if d is not None]
    # a balance restated under one previously reported (the same date) opens the same block
    dated = [k for n, (k, d) in enumerate(dated_days) if not n or d != dated_days[n - 1][1]]
    if len(dated) < 2:
        return []
    heading = body[: dated[0]]
    header = "|".join(ln.text for ln in heading)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for n, k in enumerate(dated):
        if start is None:
            start = k
            continue
        spans.append((start, k))
        following = dated[n + 1] if n + 1 < len(dated) else None
        start = None if following == k + 1 else k
    out = []
    for a, last in spans:
        opening = balance_date(split_row(body[a].text)[0])
        closing = balance_date(split_row(body[last].text)[0])
        z = last
        if not split_row(body[z].text)[1] and z + 1 < len(body) and split_row(body[z + 1].text)[1]:
            z += 1  # the closing balance's values on the line under its date
        period = None
        if opening is not None and closing is not None:
            begin = opening if opening.day == 1 else opening + dt.timedelta(days=1)
            period = Duration(start=begin, end=closing) if begin < closing else None
        rows, row_findings, _ = _rows(body[a : z + 1], layout)
        out.append(_Segment(body[a : z + 1], rows, row_findings, header, heading, period))
    return out


def equity_blocks(
    doc: Document, profile: Profile, taxonomy: Taxonomy
) -> tuple[list[EquityBlock], list[Finding]]:
    """Every block of every statement of changes in equity in the document."""
    layouts = taxonomy.layouts_for(profile.standard)
    equity = [lay for lay in layouts if lay.statement == "changes_in_equity"]
    if not equity or not taxonomy.equity_components:
        return [], []
    components = taxonomy.components_for(profile.standard)
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
        truncated = False
        for line in doc.lines[i + 1 :]:
            if PAGE_NUMBER_MARKED.match(line.text):
                continue
            if title_layouts(line.text, layouts) or (
                ends_statement(line.text) and len(columns_of(line.text, components)) < 2
            ):
                break  # the next statement's title, or the signatures or prose (a long heading is neither)
            body.append(line)
        else:
            truncated = True
        segments = _item_segments(body, layout, profile) or _dated_segments(body, layout)
        if not segments:
            continue
        if truncated:
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="statement-truncated",
                    line=body[-1].number,
                    message=f"{title.text[:40]!r} runs to the end of the document with no signatures "
                    "or statement after it: the document may be cut short",
                )
            )
        preamble = [line.text for line in body[: body.index(segments[0].lines[0])]]
        scale, currency = unit_of([t for t in preamble if is_unit_line(t)] or preamble, profile.currency)
        printed_order = profile.standard == "IFRS"  # IFRS fixes no order of the reserves' columns
        for segment in segments:
            lines, rows, header, period = segment.lines, segment.rows, segment.header, segment.period
            block_id = f"E{len(blocks) + 1}"
            findings += [f.model_copy(update={"table": block_id}) for f in segment.findings]
            columns = columns_of(header, components, printed_order)
            if printed_order:
                columns = with_unnamed_reserves(header, columns, profile.standard)
            words: list[Word] = []
            placed: list[float] | None = None
            if doc.geometry is not None:  # a PDF's heading read by position: vertical words too
                words = heading_words(segment.heading, doc.geometry)
                if printed_order:  # column by column: stacked words joined, unnamed reserves kept
                    by_position, at = printed_columns(heading_cells(words), components, profile.standard)
                else:
                    by_position, at = columns_of("|".join(w.text for w in words), components), None
                if len(by_position) > len(columns) or (printed_order and len(by_position) == len(columns)):
                    columns, placed = by_position, at  # the page's positions over the text's order
            columns = _owners_only(columns, components)
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
                blocks[-1].positions = placed or word_positions(words, columns)
    return blocks, findings


def _owners_only(
    columns: list[EquityComponent], components: tuple[EquityComponent, ...]
) -> list[EquityComponent]:
    """The columns of a group without non-controlling interests: its last column (Total, 总计) is
    the total equity, not a subtotal attributable to owners."""
    kinds = [c.kind for c in columns]
    total = next((c for c in components if c.kind == "total"), None)
    if total is None or "total" in kinds or "nci" in kinds or kinds[-1:] != ["subtotal"]:
        return columns
    return [*columns[:-1], total]


def magnitude(row: LayoutRow, taxonomy: Taxonomy) -> bool:
    """Whether a movement is read as an amount whatever its printed sign: a debit movement
    (dividends to owners, special reserve used) is printed as a negative change by some issuers
    and as a positive amount by others; its fact is the amount."""
    return (
        row.instant is None and bool(row.concept) and taxonomy.concept(row.concept or "").balance == "debit"
    )


def _absolute(p: Placement) -> Placement:
    return Placement(p.reading, p.slots, tuple(abs(v) for v in p.values), tuple(abs(u) for u in p.units))


def _readings(tails: list[str], columns: int, grouped: bool) -> tuple[int, dict[str, list[Reading]]]:
    """The fixed number of decimals the block prints (the count that reads the most rows in its
    columns: a statement in yuan prints cents, one in thousands none) and each row's readings."""
    by_decimals = {
        d: {t: split_tail(t, columns, d, note_allowed=False, grouped=grouped) for t in tails} for d in (2, 0)
    }
    best = max(by_decimals, key=lambda d: sum(1 for r in by_decimals[d].values() if r))
    return best, by_decimals[best]
