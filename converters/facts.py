"""map (second half): resolved cells → facts with concept, period, unit, sign, scope and provenance."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from decimal import Decimal

from xbrlify.converters.resolve import period_role
from xbrlify.converters.table import Cell, Row, Table
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
    Unit,
)
from xbrlify.taxonomy import Concept, Taxonomy

SCOPE_AXIS = "ifrs-full:ConsolidatedAndSeparateFinancialStatementsAxis"
SEPARATE = ExplicitMember(dimension=SCOPE_AXIS, member="ifrs-full:SeparateMember")
EXTENSION_PREFIX = "ext"


def extension_concept(row: Row, table: Table) -> Concept:
    """A clearly marked issuer-extension concept for a row no layout line matches."""
    digest = hashlib.sha1(f"{table.layout.id}|{row.normalized}".encode()).hexdigest()[:8]
    ascii_part = re.sub(r"[^A-Za-z0-9]", "", row.normalized.title())[:40]
    name = f"Unmapped{ascii_part}{digest.upper()}"
    return Concept(
        qname=f"{EXTENSION_PREFIX}:{name}",
        data_type="monetary",
        period_type=table.layout.period_type,
        balance=None,
        labels=(),
    )


Printed = dict[tuple[str, str, str, str], Decimal]  # (concept, period key, scope, currency) → value


def _lines_sharing_a_concept(table: Table, taxonomy: Taxonomy, earlier: Printed) -> dict[int, str]:
    """Rows that cannot be their concept's fact, with why: differently worded lines that map to one
    concept and print other values for the same period (購買按公允值計入損益之金融資產 and
    …其他全面收益之金融資產 both read as one purchase concept), or a line printing another value than
    an earlier statement tagged with its concept (a cash-flow statement's profit before tax that
    includes discontinued operations). A line printed twice, a total repeated, or the opening and
    closing balances of one concept agree or fall in different periods, and are kept."""
    seen: dict[tuple[str, str, str, str], set[tuple[str, Decimal]]] = {}
    rows: dict[tuple[str, str, str, str], list[int]] = {}
    out: dict[int, str] = {}
    for k, row in enumerate(table.rows):
        if row.chosen is None or not row.concept:
            continue
        concept = taxonomy.concept(row.concept)
        for cell in row.chosen.cells:
            period = _period(concept, row, table, cell.column)
            if period is None:
                continue
            column = table.columns[cell.column]
            key = (row.concept, period.key, column.scope or table.scope, column.currency or table.currency)
            value = cell.value * row.sign * (table.scale if concept.data_type == "monetary" else 1)
            seen.setdefault(key, set()).add((row.normalized, value))
            rows.setdefault(key, []).append(k)
            if concept.data_type == "monetary" and key in earlier and earlier[key] != value:
                out[k] = f"printed {earlier[key]} for {period.key} in an earlier statement"
    for key, readings in seen.items():
        if len({label for label, _ in readings}) > 1 and len({value for _, value in readings}) > 1:
            out.update({k: "another line with other values reads as it too" for k in rows[key]})
    return out


def printed_values(facts: list[Fact]) -> Printed:
    """What facts a statement tagged: (concept, period key, scope, currency) → value."""
    return {
        (f.concept, f.context.period.key, scope, currency_of(f.unit)): Decimal(f.value)  # type: ignore[arg-type]
        for f in facts
        if f.unit is not None and (scope := scope_of(f.context.members)) is not None
    }


def currency_of(unit: Unit) -> str:
    """The ISO 4217 code a unit measures in (CNY of iso4217:CNY and of CNY per share), else ""."""
    return next((m.split(":")[1] for m in unit.numerator if m.startswith("iso4217:")), "")


def scope_of(members: tuple[ExplicitMember, ...]) -> str | None:
    """ "separate" or "consolidated" for a fact whose only dimension is the scope axis, else None."""
    if not members:
        return "consolidated"
    if members == (SEPARATE,):
        return "separate"
    return None


def _period(concept: Concept, row: Row, table: Table, column: int) -> Instant | Duration | None:
    p = table.columns[column].period
    if concept.period_type == "duration":
        return p if isinstance(p, Duration) else None
    if isinstance(p, Instant):
        return p
    if period_role(row) == "opening":
        return Instant(instant=p.start - dt.timedelta(days=1))
    return Instant(instant=p.end)


def unit_for(concept: Concept, currency: str) -> Unit | None:
    """The unit of a fact of `concept` in `currency` (None for non-numeric concepts)."""
    if concept.data_type == "monetary":
        return Unit(numerator=(f"iso4217:{currency}",))
    if concept.data_type == "perShare":
        return Unit(numerator=(f"iso4217:{currency}",), denominator=("xbrli:shares",))
    if concept.data_type == "shares":
        return Unit(numerator=("xbrli:shares",))
    if concept.data_type == "percent":
        return Unit(numerator=("xbrli:pure",))
    return None


def table_facts(
    table: Table, entity: Entity, taxonomy: Taxonomy, source: str, earlier: Printed | None = None
) -> tuple[list[Fact], list[Concept], list[Finding]]:
    """Facts of one resolved table, the extension concepts they need, and mapping findings;
    `earlier`: what the statements read before it tagged."""
    facts: list[Fact] = []
    extensions: dict[str, Concept] = {}
    findings: list[Finding] = []
    shared = _lines_sharing_a_concept(table, taxonomy, earlier or {})
    for k, row in enumerate(table.rows):
        if row.chosen is None:
            continue
        if k in shared:
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="concept-of-two-lines",
                    line=row.line.number,
                    table=table.id,
                    concept=row.concept,
                    message=f"{row.label!r} reads as {row.concept}, but {shared[k]}; "
                    "tagged with an extension concept instead",
                )
            )
        if row.concept and k not in shared:
            concept = taxonomy.concept(row.concept)
        else:
            concept = extension_concept(row, table)
            extensions[concept.qname] = concept
        also = [taxonomy.concept(c) for c in row.layout_row.also] if row.layout_row else []
        for cell in row.chosen.cells:
            period = _period(concept, row, table, cell.column)
            if period is None:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        code="period-type-mismatch",
                        line=row.line.number,
                        table=table.id,
                        concept=concept.qname,
                        message=f"{concept.qname} is {concept.period_type} but the column is not",
                    )
                )
                continue
            scope = table.columns[cell.column].scope or table.scope
            members = (SEPARATE,) if scope == "separate" else ()
            for each in (concept, *also):
                facts.append(_fact(each, row, table, cell, period, entity, members, source))
    return facts, list(extensions.values()), findings


_CENTS = re.compile(r"cents?\b|仙|\(人民币分\)|\(分\)|分/股|(?<=\d)分", re.IGNORECASE)


def _in_cents(row: Row, table: Table) -> bool:
    """Per-share amounts printed in cents (HK cents, RMB cents, 港仙, 人民币分), by the row's label,
    its section heading or its cells (``RMB14.0 cents``)."""
    heading = table.section_titles.get(row.section or "", "")
    cells = row.line.text[row.tail_offset :]
    return any(_CENTS.search(simplified(text)) for text in (row.label, heading, cells))


def _fact(
    concept: Concept,
    row: Row,
    table: Table,
    cell: Cell,
    period: Instant | Duration,
    entity: Entity,
    members: tuple[ExplicitMember, ...],
    source: str,
) -> Fact:
    if concept.data_type == "monetary":
        shift = round(math.log10(table.scale))
    elif concept.data_type == "perShare" and _in_cents(row, table):
        shift = -2
    else:
        shift = 0
    sign = 1 if concept.qname.startswith(f"{EXTENSION_PREFIX}:") else row.sign  # extensions: as printed
    value = cell.value * sign * Decimal(10) ** shift
    if value.is_zero():
        value = value.copy_abs()  # a nil printed in a negated row is 0, not -0
    decimals = cell.token.decimals - shift
    start = row.tail_offset + cell.token.start
    end = row.tail_offset + cell.token.end
    return Fact(
        concept=concept.qname,
        context=Context(entity=entity, period=period, members=members),
        value=value,
        unit=unit_for(concept, table.columns[cell.column].currency or table.currency),
        decimals=decimals,
        provenance=Provenance(
            document=source,
            line=row.line.number,
            page=row.line.page,
            char_start=start,
            char_end=end,
            table=f"{table.id} {table.title.text[:40]}",
            row_label=row.label,
            column_header=table.columns[cell.column].header,
            raw_text=row.line.text[start:end],
            rule=row.rule,
        ),
    )
