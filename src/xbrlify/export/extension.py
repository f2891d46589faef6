"""The filing's own extension schema, for rows no taxonomy line matched (issuer extension concepts)."""

from __future__ import annotations

from lxml import etree

from xbrlify.export.common import extension_namespace
from xbrlify.model import Filing
from xbrlify.taxonomy.model import Label
from xbrlify.taxonomy.package import (
    LINK,
    XLINK,
    XSD,
    definition_linkbase,
    element_decl,
    entry_point_url,
    label_linkbase,
    schema_root,
    to_xml,
)


def extension_files(filing: Filing, stem: str) -> dict[str, bytes]:
    """`stem-ext.xsd` importing the standard's entry point, with label and definition linkbases."""
    ns = extension_namespace(filing)
    entry = entry_point_url(filing.document.standard)
    root = schema_root(
        ns,
        "ext",
        [
            ("http://www.xbrl.org/2003/instance", "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"),
            (f"https://xbrlify.org/taxonomy/2024/entry/{filing.document.standard.lower()}", entry),
        ],
    )
    ann = etree.Element(f"{{{XSD}}}annotation")
    app = etree.SubElement(ann, f"{{{XSD}}}appinfo")
    for href, role in (
        (f"{stem}-ext-lab.xml", "labelLinkbaseRef"),
        (f"{stem}-ext-def.xml", "definitionLinkbaseRef"),
    ):
        etree.SubElement(
            app,
            f"{{{LINK}}}linkbaseRef",
            {
                f"{{{XLINK}}}type": "simple",
                f"{{{XLINK}}}href": href,
                f"{{{XLINK}}}role": f"http://www.xbrl.org/2003/role/{role}",
                f"{{{XLINK}}}arcrole": "http://www.w3.org/1999/xlink/properties/linkbase",
            },
        )
    root.insert(0, ann)
    for concept in filing.extension_concepts:
        element_decl(root, concept)
    hrefs = {
        "ext": f"{stem}-ext.xsd",
        "cas": "https://xbrlify.org/taxonomy/2024/cas/cas-cor.xsd",
        "ifrs-full": "https://xbrl.ifrs.org/taxonomy/2024-03-27/full_ifrs/full_ifrs-cor_2024-03-27.xsd",
    }
    labelled = []
    for concept in filing.extension_concepts:
        facts = [f for f in filing.facts if f.concept == concept.qname]
        text = facts[0].provenance.row_label if facts else concept.local_name
        labelled.append(concept.model_copy(update={"labels": (Label(lang="zh-Hans", text=text or ""),)}))
    return {
        f"{stem}-ext.xsd": to_xml(root),
        f"{stem}-ext-lab.xml": label_linkbase(labelled, hrefs),
        f"{stem}-ext-def.xml": definition_linkbase(
            [c.qname for c in filing.extension_concepts],
            hrefs,
            "https://xbrlify.org/taxonomy/2024/cas/cas-cor.xsd#dimensions",
            scaffold=False,
        ),
    }
