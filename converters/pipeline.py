"""convert: one source file → Filing, through read → profile → locate → parse → resolve → map → validate."""

from __future__ import annotations

from pathlib import Path

from xbrlify.converters.equity import AXIS as COMPONENTS_AXIS
from xbrlify.converters.equity import equity_facts
from xbrlify.converters.facts import printed_values, table_facts
from xbrlify.converters.locate import locate
from xbrlify.converters.parse import parse
from xbrlify.converters.profile import Profile, profile
from xbrlify.converters.prose import prose_facts
from xbrlify.converters.read import TextColumns, read, source_spans
from xbrlify.converters.read_pdf import attach_boxes
from xbrlify.converters.resolve import resolve
from xbrlify.converters.validate import (
    check_calculations,
    check_identities,
    deduplicate,
    filing_calculations,
    unbound_cells,
)
from xbrlify.model import Context, DocumentInfo, Duration, Entity, Fact, Filing, Finding, Provenance, Severity
from xbrlify.taxonomy import Taxonomy, load_taxonomy
from xbrlify.taxonomy.model import Concept


def document_facts(prof: Profile, source: str) -> list[Fact]:
    """Document-level facts: the reporting entity's name and the end of the reporting period."""
    period = prof.period
    if period is None and prof.published is not None:
        period = Duration(start=prof.published, end=prof.published)
    if period is None:
        return []
    ctx = Context(entity=prof.entity, period=period)
    prov = Provenance(document=source, rule="profile")
    out = []
    if prof.entity.name:
        out.append(
            Fact(
                concept="ifrs-full:NameOfReportingEntityOrOtherMeansOfIdentification",
                context=ctx,
                value=prof.entity.name,
                provenance=prov,
            )
        )
    if prof.period is not None:
        out.append(
            Fact(
                concept="ifrs-full:DateOfEndOfReportingPeriod2013",
                context=ctx,
                value=prof.period.end,
                provenance=prov,
            )
        )
    return out


def convert(path: Path, taxonomy: Taxonomy | None = None, entity: Entity | None = None) -> Filing:
    """Convert one filing.  Raises ConversionError when the file cannot be read at all.

    `entity` identifies the issuer when the document itself prints no stock code."""
    taxonomy = taxonomy or load_taxonomy()
    doc = read(path)
    prof = profile(doc, entity)
    tables, findings = locate(doc, prof, taxonomy)
    if prof.entity_source == "file-name":
        findings.append(
            Finding(
                severity=Severity.WARNING,
                code="issuer-from-file-name",
                message=f"the document prints no stock code; {prof.entity.exchange}:"
                f"{prof.entity.identifier} was taken from the file name (use --entity)",
            )
        )
    facts: list[Fact] = document_facts(prof, doc.source)
    extensions: dict[str, Concept] = {}
    printed: dict[str, list[set[str]]] = {}  # layout → the concepts each of its statements tagged
    for table in tables:
        findings += parse(table, taxonomy)
        findings += resolve(table, taxonomy, doc.geometry or TextColumns())
        table_fact_list, ext, mapped = table_facts(
            table, prof.entity, taxonomy, doc.source, printed_values(facts)
        )
        facts += table_fact_list
        printed.setdefault(table.layout.id, []).append({f.concept for f in table_fact_list})
        findings += mapped
        extensions.update({c.qname: c for c in ext})
    stated_equity, equity_findings, equity_members = equity_facts(doc, prof, taxonomy, printed_values(facts))
    facts += stated_equity
    findings += equity_findings
    extensions.update({m.qname: m for m in equity_members})
    if not tables:
        stated, prose_findings, members = prose_facts(doc, prof, taxonomy)
        facts += stated
        findings += prose_findings
        extensions.update({m.qname: m for m in members})
        findings.append(
            Finding(
                severity=Severity.INFO,
                code="no-statements",
                message="no primary financial statement found; document-level facts and "
                f"{len(stated)} figure(s) stated in prose",
            )
        )
    facts = source_spans(doc, attach_boxes(doc, facts))
    facts, dup_findings = deduplicate(facts)
    findings += dup_findings
    unread = {r.concept for t in tables for r in t.rows if r.concept and r.chosen is None}
    used = {t.layout.id: t.layout for t in tables}
    calculations, differing = filing_calculations(facts, unread, used.values(), printed)
    findings += differing
    facts, untagged_cells = unbound_cells(facts, calculations, COMPONENTS_AXIS)
    findings += untagged_cells
    unmapped: dict[str, list[int]] = {}  # layout → lines tagged with extension concepts
    layout_of = {t.id: t.layout.id for t in tables}
    for f in facts:
        table_id = (f.provenance.table or "").split(" ")[0]
        if f.concept.startswith("ext:") and table_id in layout_of and f.provenance.line is not None:
            unmapped.setdefault(layout_of[table_id], []).append(f.provenance.line)
    tagged = {layout_id: set().union(*groups) for layout_id, groups in printed.items()}
    orphans = {
        layout.id: {(a.parent, a.network) for a in layout.arcs if a.parent in tagged.get(layout.id, set())}
        for layout in used.values()
    }
    calculations, calc_findings = check_calculations(facts, calculations, unmapped, orphans)
    anchored = {f.concept for f in calc_findings if f.code == "calc-anchored"}
    # a summation its extension rows complete is no longer incomplete, as resolve reported it; and
    # in a table whose lines of a concept became extension concepts, resolve's checks of that
    # concept concern no fact, and those of a total it is an item of lacked a line they could not count
    untagged = {(f.table, f.concept) for f in findings if f.code == "concept-of-two-lines"}
    layout_by_table = {t.id: t.layout for t in tables}

    def involves_untagged(f: Finding) -> bool:
        layout = layout_by_table.get(f.table or "")
        items = {a.child for a in layout.arcs if a.parent == f.concept} if layout else set()
        return any((f.table, c) in untagged for c in {f.concept, *items})

    findings = [
        f
        for f in findings
        if not (f.code == "calc-incomplete" and f.concept in anchored)
        and not (f.code == "calc-inconsistent-in-document" and involves_untagged(f))
    ]
    findings += calc_findings
    findings += check_identities(facts)
    info = DocumentInfo(
        source=doc.source,
        sha256=doc.sha256,
        entity=prof.entity,
        standard=prof.standard,
        report_type=prof.report_type,
        currency=prof.currency,
        period=prof.period,
        published=prof.published,
        title=doc.lines[0].text[:120] if doc.lines else None,
    )
    return Filing(
        document=info,
        facts=facts,
        findings=findings,
        extension_concepts=list(extensions.values()),
        calculations=calculations,
    )
