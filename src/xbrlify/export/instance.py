"""XBRL 2.1 instance document, built with lxml."""

from __future__ import annotations

from lxml import etree

from xbrlify.export.common import canonical, namespaces, schema_ref
from xbrlify.model import Context, Filing, Instant, Unit

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _qname(qname: str, nsmap: dict[str, str]) -> str:
    prefix, local = qname.split(":", 1)
    return f"{{{nsmap[prefix]}}}{local}"


def _context(root: etree._Element, ctx: Context) -> None:
    el = etree.SubElement(root, f"{{{XBRLI}}}context", id=ctx.id)
    ent = etree.SubElement(el, f"{{{XBRLI}}}entity")
    etree.SubElement(ent, f"{{{XBRLI}}}identifier", scheme=ctx.entity.scheme).text = ctx.entity.identifier
    per = etree.SubElement(el, f"{{{XBRLI}}}period")
    if isinstance(ctx.period, Instant):
        etree.SubElement(per, f"{{{XBRLI}}}instant").text = ctx.period.instant.isoformat()
    else:
        etree.SubElement(per, f"{{{XBRLI}}}startDate").text = ctx.period.start.isoformat()
        etree.SubElement(per, f"{{{XBRLI}}}endDate").text = ctx.period.end.isoformat()
    if ctx.members:
        scen = etree.SubElement(el, f"{{{XBRLI}}}scenario")
        for m in ctx.members:
            etree.SubElement(scen, f"{{{XBRLDI}}}explicitMember", dimension=m.dimension).text = m.member


def _unit(root: etree._Element, unit: Unit) -> None:
    el = etree.SubElement(root, f"{{{XBRLI}}}unit", id=unit.id)
    if unit.denominator:
        div = etree.SubElement(el, f"{{{XBRLI}}}divide")
        num = etree.SubElement(div, f"{{{XBRLI}}}unitNumerator")
        den = etree.SubElement(div, f"{{{XBRLI}}}unitDenominator")
        for m in unit.numerator:
            etree.SubElement(num, f"{{{XBRLI}}}measure").text = m
        for m in unit.denominator:
            etree.SubElement(den, f"{{{XBRLI}}}measure").text = m
    else:
        for m in unit.numerator:
            etree.SubElement(el, f"{{{XBRLI}}}measure").text = m


def instance_xml(filing: Filing, stem: str) -> bytes:
    """The instance: schemaRef, contexts, units, then facts in document order."""
    ns = namespaces(filing)
    nsmap = {"xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldi": XBRLDI, "iso4217": ISO4217, **ns}
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=nsmap)
    etree.SubElement(
        root,
        f"{{{LINK}}}schemaRef",
        {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": schema_ref(stem)},
    )
    contexts = {f.context.id: f.context for f in filing.facts}
    units = {f.unit.id: f.unit for f in filing.facts if f.unit}
    for ctx in contexts.values():
        _context(root, ctx)
    for unit in units.values():
        _unit(root, unit)
    for fact in filing.facts:
        el = etree.SubElement(
            root, _qname(fact.concept, ns), contextRef=fact.context.id, id=fact.id(filing.key)
        )
        if fact.unit is not None:
            el.set("unitRef", fact.unit.id)
            el.set("decimals", str(fact.decimals))
        el.text = canonical(fact.value)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
