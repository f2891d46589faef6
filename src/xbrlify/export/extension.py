"""The filing's own extension schema: the calculation arcs of the lines it prints and, for rows no
taxonomy line matched, issuer extension concepts with their labels."""

from __future__ import annotations

from lxml import etree

from xbrlify.export.common import extension_namespace
from xbrlify.model import Filing
from xbrlify.taxonomy import Taxonomy, load_taxonomy
from xbrlify.taxonomy.model import CAS_SCHEMA_URL, IFRS_SCHEMA_URL, Label
from xbrlify.taxonomy.package import (
    DTR_TYPES,
    DTR_TYPES_URL,
    XSD,
    calculation_linkbase,
    definition_linkbase,
    element_decl,
    entry_point_url,
    label_linkbase,
    linkbase_ref,
    schema_root,
    to_xml,
)


def extension_files(filing: Filing, stem: str, taxonomy: Taxonomy | None = None) -> dict[str, bytes]:
    """`stem-ext.xsd` importing the standard's entry point, with its calculation linkbase and, when
    the filing has extension concepts, label and definition linkbases."""
    taxonomy = taxonomy or load_taxonomy()
    ns = extension_namespace(filing)
    entry = entry_point_url(filing.document.standard)
    root = schema_root(
        ns,
        "ext",
        [
            ("http://www.xbrl.org/2003/instance", "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"),
            (f"https://xbrlify.org/taxonomy/2024/entry/{filing.document.standard.lower()}", entry),
            *(
                [(DTR_TYPES, DTR_TYPES_URL)]
                if any(c.data_type == "member" for c in filing.extension_concepts)
                else []
            ),
        ],
    )
    hrefs = {"ext": f"{stem}-ext.xsd", "cas": CAS_SCHEMA_URL, "ifrs-full": IFRS_SCHEMA_URL}
    networks = [(taxonomy.layouts[layout_id], arcs) for layout_id, arcs in filing.calculations.items()]
    files = {f"{stem}-ext-cal.xml": calculation_linkbase(networks, hrefs, entry)}
    refs = [(f"{stem}-ext-cal.xml", "calculation")]
    if filing.extension_concepts:
        labelled = []
        for concept in filing.extension_concepts:
            if concept.labels:  # a product line's member: its printed name
                labelled.append(concept)
                continue
            facts = [f for f in filing.facts if f.concept == concept.qname]  # a row: labelled as printed
            text = facts[0].provenance.row_label if facts else concept.local_name
            labelled.append(concept.model_copy(update={"labels": (Label(lang="zh-Hans", text=text or ""),)}))
        files[f"{stem}-ext-lab.xml"] = label_linkbase(labelled, hrefs)
        files[f"{stem}-ext-def.xml"] = definition_linkbase(
            [c.qname for c in filing.extension_concepts if c.data_type != "member"],
            hrefs,
            f"{CAS_SCHEMA_URL}#dimensions",
            members=_member_arcs(filing, taxonomy),
        )
        refs += [
            (f"{stem}-ext-lab.xml", "label"),
            (f"{stem}-ext-def.xml", "definition"),
        ]
    ann = etree.Element(f"{{{XSD}}}annotation")
    app = etree.SubElement(ann, f"{{{XSD}}}appinfo")
    for href, kind in refs:
        linkbase_ref(app, href, kind)
    root.insert(0, ann)
    for concept in filing.extension_concepts:
        element_decl(root, concept)
    return {f"{stem}-ext.xsd": to_xml(root), **files}


def _member_arcs(filing: Filing, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(domain, member) for each extension member: placed under the domain of the axis its facts
    report it on."""
    own = {c.qname for c in filing.extension_concepts if c.data_type == "member"}
    domains = {axis: members[0].member for axis, members in taxonomy.axes().items()}
    arcs: dict[str, str] = {}
    for fact in filing.facts:
        for m in fact.context.members:
            if m.member in own and m.dimension in domains:
                arcs.setdefault(m.member, domains[m.dimension])
    return [(domain, member) for member, domain in arcs.items()]
