"""parse: table body lines → rows with labels, layout rows and every reading of their numbers."""

from __future__ import annotations

import re
from decimal import Decimal

from xbrlify.converters.document import Line
from xbrlify.converters.labels import join_wrapped, normalize, script
from xbrlify.converters.locate import is_header_line
from xbrlify.converters.mapping import LayoutIndex, layout_index
from xbrlify.converters.numbers import (
    NoteMark,
    detect_decimals,
    is_grouped,
    notes_evident,
    place,
    split_label,
    split_tail,
)
from xbrlify.converters.table import Cell, Option, Row, Table
from xbrlify.model import Finding, Severity
from xbrlify.taxonomy import LayoutRow, Taxonomy

_PER_SHARE_DECIMALS = (2, 3, 4, 1, 0)


def _options(table: Table, tail: str, marker: NoteMark, per_share: bool, marked: bool) -> list[Option]:
    """Every reading of a row's tail.  When the statement prints its note references after a marker
    (七、66, 注释七、1), a row without one has no note: its leading digits are its value's."""
    ncols = len(table.columns)
    decimal_choices = _PER_SHARE_DECIMALS if per_share else (table.decimals,)
    out: list[Option] = []
    for d in decimal_choices:
        readings = split_tail(
            tail,
            ncols,
            d,
            note_allowed=(table.has_note_column and not marked) or marker is NoteMark.NUMBER,
            note_required=marker is NoteMark.NUMBER,
            grouped=table.grouped or per_share,
        )
        for reading in readings:
            if reading.note and len(reading.note.rstrip(")abcdefghijklmnopqrstuvwxyz(")) > (
                3 if marker is NoteMark.NUMBER else 2
            ):
                continue
            for cols in place(reading, ncols):
                cells = tuple(
                    Cell(column=c, value=tok.value if tok.value is not None else Decimal(0), token=tok)
                    for c, tok in zip(cols, reading.tokens, strict=True)
                )
                out.append(Option(note=reading.note, cells=cells, decimals=d))
        if out and per_share:
            break
    return out


def _only_note(tail: str, marker: NoteMark, table: Table, index: LayoutIndex, label: str, after: int) -> bool:
    """A tail that is only a note reference: after a note marker (注释七、5), or a small number
    after a section heading in a statement with a notes column (``Earnings per share 10``)."""
    if marker is NoteMark.NUMBER:
        return tail.isdigit() and len(tail) <= 3
    return (
        table.has_note_column
        and re.fullmatch(r"\d{1,2}(?:\([a-z]\))?", tail.strip()) is not None
        and index.section(label, after) is not None
        and index.item(label, None, after) is None
    )


_DANGLING = re.compile(
    r"(?:\b(?:of|the|and|or|for|in|to|from|on|by|at|with|attributable|less|net)|[,，、及和之的与與或])\s*$",
    re.IGNORECASE,
)


def dangling(label: str) -> bool:
    """A label that cannot end where it does (…owners of the, …物业、厂房及): it continues below."""
    return bool(_DANGLING.search(label))


_NOTE_ONLY = re.compile(r"\s*\d{1,3}(?:\([a-z]\))?\s*")


def _heading_readings(
    label: str, tail: str, pending: list[Line], split: list[Entry], at: int
) -> list[tuple[str, str]]:
    """The label as printed and, when its tail could be only a note, joined with the label-only
    line above or below it: the ways a section heading wrapped over two lines can read."""
    out = [("", label)]
    if not _NOTE_ONLY.fullmatch(tail):
        return out
    if pending:
        out.append(("above", join_wrapped(pending[-1].text, label)))
    if at + 1 < len(split) and not split[at + 1][2]:
        out.append(("below", join_wrapped(label, split[at + 1][1])))
    return out


def _continues(above: Line, line: Line) -> bool:
    """A line that goes on with the label above it: the next line (or the one after a blank line),
    opening in lower case or under a label that cannot end where it does."""
    near = 0 < line.number - above.number <= 2
    return near and (re.match(r"\s*[a-z]", line.text) is not None or dangling(above.text))


def is_translation(label: str, above: Entry | None, line: Line) -> bool:
    """A line without figures that prints, in the other language, the label of the row with figures
    right above it: a bilingual report's label stacked in two lines (``Revenue 5 1,520,400`` over
    ``營業額``)."""
    if above is None or not above[2] or above[0].number != line.number - 1:
        return False
    here, there = script(label), script(above[1])
    return here is not None and there is not None and here != there


def _body(lines: list[Line]) -> list[tuple[Line, str, str, int, NoteMark]]:  # list[Entry]
    """The table's lines split into label and numbers, without column headings repeated in the body;
    a line of heading words that finishes the label above it (…owners of the / Company) is kept."""
    out: list[tuple[Line, str, str, int, NoteMark]] = []
    for line in lines:
        if is_header_line(line.text) and not (out and dangling(out[-1][1])):
            continue
        out.append((line, *split_label(line.text)))
    return out


Entry = tuple[Line, str, str, int, NoteMark]  # line, label, numeric tail, tail offset, note printed


def _numbers_above_labels(split: list[Entry], index: LayoutIndex) -> list[Entry]:
    """The rows of a table whose text prints each row's numbers on the line above its label (text
    extracted from a PDF whose numbers sit a little higher than their labels): most lines hold
    numbers only or a label only, hardly any both, and the section headings are followed by
    numbers, not by a label — or the first line that is not a stray label holds numbers, or the
    table ends on a label. Each numbers line then takes the label below it; elsewhere the entries
    are returned as they are."""
    kinds = ["N" if t and not label.strip() else "L" if not t else "R" for _, label, t, _, _ in split]
    headings = [
        i
        for i, (_, label, *_rest) in enumerate(split)
        if kinds[i] == "L" and index.section(label, -1) is not None and index.item(label, None, -1) is None
    ]
    numbers_only, both = kinds.count("N"), kinds.count("R")
    after = sum(1 for i in headings if i + 1 < len(kinds) and kinds[i + 1] == "N")
    known = [
        kind != "L" or index.item(entry[1], None, -1) is not None
        for kind, entry in zip(kinds, split, strict=True)
    ]
    first = next((kind for kind, ok in zip(kinds, known, strict=True) if ok), None)
    last = next((kinds[i] for i in range(len(kinds) - 1, -1, -1) if i not in headings), None)
    evidence = (headings and 3 * after >= 2 * len(headings)) or first == "N" or last == "L"
    if numbers_only < 5 or 3 * both > numbers_only or not evidence:
        return split
    out: list[Entry] = []
    i = 0
    while i < len(split):
        if kinds[i] == "N" and i + 1 < len(split) and kinds[i + 1] == "L" and i + 1 not in headings:
            line, _, tail, offset, marker = split[i]
            out.append((line, split[i + 1][1], tail, offset, marker))
            i += 2
            continue
        out.append(split[i])
        i += 1
    return out


def parse(table: Table, taxonomy: Taxonomy) -> list[Finding]:
    """Fill `table.rows`; label-only lines set the section or join the next line's label."""
    index = layout_index(table.layout)
    split = _numbers_above_labels(_body(table.body), index)
    tails = [t for _, _, t, _, _ in split if t]
    marked = any(marker for *_, marker in split)
    table.decimals = detect_decimals(tails)
    table.grouped = is_grouped(tails)
    findings: list[Finding] = []
    if (
        not table.has_note_column
        and not marked
        and notes_evident(tails, len(table.columns), table.decimals, table.grouped)
    ):
        table.has_note_column = True
        findings.append(
            Finding(
                severity=Severity.INFO,
                code="notes-inferred",
                table=table.id,
                line=table.title.number,
                message=f"{table.title.text[:40]!r}: its rows print note references its column headings "
                "do not announce; leading numbers may be note references",
            )
        )
    section: str | None = None
    section_row: LayoutRow | None = None
    last_order = -1
    pending: list[Line] = []
    heading: tuple[Line, str | None, LayoutRow | None, int] | None = None  # line, state before it
    consumed: set[int] = set()
    lead: Line | None = None  # a heading ending with a colon over the rows it introduces
    opened: tuple[LayoutRow, int] | None = None  # a total's label printed above its items, and their count
    parts = {(a.parent, a.child) for a in table.layout.arcs}
    totals = {parent for parent, _ in parts}
    for at, (line, printed_label, raw_tail, offset, marker) in enumerate(split):
        if at in consumed:
            continue
        label = printed_label
        tail = raw_tail
        for joined_with, heading_label in _heading_readings(label, raw_tail, pending, split, at):
            # a section heading with its note (EARNINGS PER SHARE … / … OF THE PARENT 10), wrapped or not
            if _only_note(raw_tail, marker, table, index, heading_label, last_order):
                tail, label = "", heading_label
                if joined_with == "above":
                    pending = pending[:-1]
                elif joined_with == "below":
                    consumed.add(at + 1)
                break
        if not tail and is_translation(label, split[at - 1] if at else None, line):
            continue
        if not tail:
            sec = index.section(label, last_order)
            if sec is None and pending and not index.knows(label):
                # a section header wrapped over two lines (以下產生之本公司權益股東 / 應佔期內溢利：)
                joined = join_wrapped(pending[-1].text, label)
                sec = None if index.item(joined, section, last_order) else index.section(joined, last_order)
                label = joined if sec is not None else label
            if sec is not None and not index.item(label, section, last_order):
                heading = (line, section, section_row, last_order)
                section, section_row, last_order, pending = sec.section, sec, sec.order, []
                lead = opened = None
                if section:
                    table.section_titles[section] = label
            elif index.knows(label) and not (pending and _continues(pending[-1], line)):
                item = index.item(label, section, last_order)
                last_order = item.order if item else last_order
                pending = [line]  # an empty row, or a label whose numbers follow on a later line
                opened = (item, 0) if item is not None and item.concept in totals else None
            else:
                pending = [*pending[-2:], line]
                lead = line if label.rstrip().endswith((":", "：")) else None
            continue
        layout_row = index.item(label, section, last_order) if normalize(label) else None
        lead = None if layout_row is not None else lead  # a row of its own ends the heading's rows
        if pending and (_continues(pending[-1], line) or label.lstrip()[:1] in "-－—–"):
            # a row opening with a dash qualifies the label above it (基本 / －年內溢利), one opening in
            # lower case or under a label that cannot end where it does continues it (Prepayments,
            # other receivables and / other assets): read together when that is a line
            joined = join_wrapped(pending[-1].text, label)
            found = index.item(joined, section, last_order)
            if found is not None:
                label, layout_row = joined, found
        if layout_row is None:
            # a label wrapped over the previous lines, possibly with the numbers on a line of their own
            for k in range(len(pending), 0, -1):
                joined = join_wrapped(*(p.text for p in pending[-k:]), label)
                layout_row = index.item(joined, section, last_order)
                if layout_row is not None:
                    label = joined
                    break
        if layout_row is None and lead is not None and normalize(label):
            # the second and later rows under a heading that ends with a colon (Share of profits and
            # losses of: / Joint ventures / Associates)
            joined = join_wrapped(lead.text, label)
            found = index.item(joined, section, last_order)
            if found is not None:
                label, layout_row = joined, found
        if layout_row is None and pending and pending[-1].text.rstrip().endswith((",", "，")):
            # a label that continues with a qualifier: Cash … at end of the year, / represented by …
            layout_row = index.item(pending[-1].text, section, last_order)
            label = join_wrapped(pending[-1].text, label) if layout_row is not None else label
        if (
            layout_row is None
            and heading is not None
            and 0 < line.number - heading[0].number <= 2 + len(pending)
        ):
            # a label whose first line reads as a heading (Other comprehensive income / for the year),
            # its numbers on its last line or on a line of their own
            joined = join_wrapped(heading[0].text, *(p.text for p in pending), label)
            found = index.item(joined, heading[1], heading[3])
            if found is not None:
                label, layout_row = joined, found
                _, section, section_row, last_order = heading
        if layout_row is None and normalize(label) and at + 1 < len(split) and not split[at + 1][2]:
            # the numbers on the first line of a wrapped label (Share of profits of / joint ventures);
            # an English line opening in lower case continues the label above it, mapped or not
            following = split[at + 1][1]
            joined = join_wrapped(label, following)
            continues = dangling(label) or re.match(r"[a-z]", following) is not None
            found = (
                None if index.knows(following) and not continues else index.item(joined, section, last_order)
            )
            if found is not None or continues:
                label, layout_row = joined, found
                consumed.add(at + 1)
        heading = None if tail else heading
        if layout_row is None and not normalize(label) and opened is not None and opened[1] > 0:
            # an unlabelled total under the items its label was printed above (Equity attributable
            # to owners of the parent / Share capital / Reserves / 840,000)
            layout_row, opened = opened[0], None
        elif opened is not None:
            item_of = layout_row is not None and (opened[0].concept, layout_row.concept) in parts
            opened = (opened[0], opened[1] + 1) if item_of else None
        if layout_row is None and not normalize(label) and section_row is not None and section_row.concept:
            layout_row = LayoutRow(
                kind="item",
                concept=section_row.concept,
                section=section,
                labels=(),
                sign=1,
                order=section_row.order,
            )
        wrapped = pending[-1] if pending else None
        if (
            layout_row is None
            and (normalize(label) or section_row is None or not section_row.concept)
            and wrapped is not None
            and 0 < line.number - wrapped.number <= 2  # the next line, or the one after a blank line
            and not wrapped.text.rstrip().endswith((":", "："))
        ):
            # an unmapped label wrapped over two lines (three when the line above it dangles), kept whole
            first = pending[-2] if len(pending) > 1 and 0 < wrapped.number - pending[-2].number <= 2 else None
            if first is not None and (dangling(first.text) or re.match(r"[a-z]", wrapped.text.strip())):
                label = join_wrapped(first.text, wrapped.text, label)
            else:
                label = join_wrapped(wrapped.text, label)
        pending = []
        concept = taxonomy.concepts.get(layout_row.concept) if layout_row and layout_row.concept else None
        per_share = concept is not None and concept.data_type == "perShare"
        row = Row(
            line=line,
            label=label,
            normalized=normalize(label),
            tail=tail,
            tail_offset=offset,
            layout_row=layout_row,
            section=section,
        )
        row.options = _options(table, tail, marker, per_share, marked)
        if layout_row is not None and layout_row.concept:
            last_order = max(last_order, layout_row.order)
        if not row.options:
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="unreadable-numbers",
                    line=line.number,
                    table=table.id,
                    message=f"no well-formed reading of {tail!r} in {label!r}",
                )
            )
            continue
        if layout_row is None:
            findings.append(
                Finding(
                    severity=Severity.WARNING,
                    code="unmapped-row",
                    line=line.number,
                    table=table.id,
                    message=f"row {label!r} matches no {table.layout.id} line",
                )
            )
        table.rows.append(row)
    _before_tax(table, index)
    return findings


_OCI_TAX = "ifrs-full:IncomeTaxRelatingToComponentsOfOtherComprehensiveIncome"
_NET_OF_TAX = "ifrs-full:OtherComprehensiveIncomeNetOfTax"
_BEFORE_TAX = "ifrs-full:OtherComprehensiveIncomeBeforeTax"


def _before_tax(table: Table, index: LayoutIndex) -> None:
    """Items of other comprehensive income printed above the income tax relating to them are
    amounts before tax: each takes its before-tax concept (the statement of changes in equity
    prints the same items net of tax)."""
    taxed = {r.section for r in table.rows if (r.concept or "").startswith(_OCI_TAX)}
    twins = {r.concept: r for r in index.layout.rows if (r.concept or "").startswith(_BEFORE_TAX)}
    for r in table.rows:
        if r.section in taxed and (r.concept or "").startswith(_NET_OF_TAX):
            twin = twins.get((r.concept or "").replace(_NET_OF_TAX, _BEFORE_TAX))
            r.layout_row = twin or r.layout_row
