"""Compile the taxonomy into an XBRL taxonomy package (schemas, linkbases, META-INF catalog)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from xbrlify.taxonomy.model import (
    CAS_SCHEMA_URL,
    IFRS_SCHEMA_URL,
    NAMESPACES,
    TAXONOMY_BASE,
    CalculationArc,
    Concept,
    DimensionMember,
    Layout,
    Taxonomy,
)

XSD = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"
DTR_TYPES_URL = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
PACKAGE_ROOT = "xbrlify-taxonomy"
DIM_ROLE = f"{TAXONOMY_BASE}role/dimensions"
LINE_ITEMS = "cas:StatementLineItems"
HYPERCUBE = "cas:StatementTable"
LANGS = ("zh-Hans", "zh-Hant", "en")

_TYPES = {
    "monetary": "xbrli:monetaryItemType",
    "perShare": "dtr-types:perShareItemType",
    "shares": "xbrli:sharesItemType",
    "percent": "dtr-types:percentItemType",
    "string": "xbrli:stringItemType",
    "date": "xbrli:dateItemType",
    "member": "dtr-types:domainItemType",
    "axis": "xbrli:stringItemType",
}


def entry_point_url(standard: str) -> str:
    return f"{TAXONOMY_BASE}entry/xbrlify-{standard.lower()}.xsd"


def _q(prefix_ns: str, local: str) -> str:
    return f"{{{prefix_ns}}}{local}"


def schema_root(target: str, prefix: str, imports: Iterable[tuple[str, str]]) -> etree._Element:
    nsmap = {
        "xsd": XSD,
        "xbrli": XBRLI,
        "link": LINK,
        "xlink": XLINK,
        "xbrldt": XBRLDT,
        "dtr-types": DTR_TYPES,
        prefix: target,
    }
    root = etree.Element(
        _q(XSD, "schema"),
        nsmap=nsmap,
        targetNamespace=target,
        elementFormDefault="qualified",
        attributeFormDefault="unqualified",
    )
    for ns, loc in imports:
        etree.SubElement(root, _q(XSD, "import"), namespace=ns, schemaLocation=loc)
    return root


def element_decl(root: etree._Element, c: Concept) -> None:
    attrs = {
        "id": f"{c.prefix}_{c.local_name}",
        "name": c.local_name,
        "nillable": "true",
        _q(XBRLI, "periodType"): c.period_type,
    }
    if c.data_type == "axis":
        attrs |= {
            "type": "xbrli:stringItemType",
            "substitutionGroup": "xbrldt:dimensionItem",
            "abstract": "true",
        }
    elif c.data_type == "member":
        attrs |= {"type": "dtr-types:domainItemType", "substitutionGroup": "xbrli:item", "abstract": "true"}
    else:
        attrs |= {"type": _TYPES[c.data_type], "substitutionGroup": "xbrli:item", "abstract": "false"}
    if c.balance:
        attrs[_q(XBRLI, "balance")] = c.balance
    etree.SubElement(root, _q(XSD, "element"), attrs)


def concept_schema(concepts: list[Concept], prefix: str, extra: Iterable[etree._Element] = ()) -> bytes:
    """Schema declaring concepts in one namespace (ifrs-full subset, cas, or an issuer extension)."""
    imports = [
        (XBRLI, "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"),
        (DTR_TYPES, DTR_TYPES_URL),
        (XBRLDT, "http://www.xbrl.org/2005/xbrldt-2005.xsd"),
    ]
    root = schema_root(NAMESPACES.get(prefix, ""), prefix, imports)
    for el in extra:
        root.append(el)
    for c in sorted(concepts, key=lambda c: c.local_name):
        element_decl(root, c)
    return to_xml(root)


def _cas_extras() -> list[etree._Element]:
    """The dimensional scaffolding elements and the dimensions role live in the cas schema."""
    ann = etree.Element(_q(XSD, "annotation"))
    app = etree.SubElement(ann, _q(XSD, "appinfo"))
    rt = etree.SubElement(app, _q(LINK, "roleType"), roleURI=DIM_ROLE, id="dimensions")
    etree.SubElement(
        rt, _q(LINK, "definition")
    ).text = "Dimensions of statement facts (scope, components of equity, restatement)"
    etree.SubElement(rt, _q(LINK, "usedOn")).text = "link:definitionLink"
    els = [ann]
    for name, group in (("StatementTable", "xbrldt:hypercubeItem"), ("StatementLineItems", "xbrli:item")):
        els.append(
            etree.Element(
                _q(XSD, "element"),
                {
                    "id": f"cas_{name}",
                    "name": name,
                    "type": "xbrli:stringItemType",
                    "substitutionGroup": group,
                    "abstract": "true",
                    "nillable": "true",
                    _q(XBRLI, "periodType"): "duration",
                },
            )
        )
    return els


def _linkbase() -> etree._Element:
    return etree.Element(
        _q(LINK, "linkbase"), nsmap={"link": LINK, "xlink": XLINK, "xbrldt": XBRLDT, "xml": XML_NS}
    )


def _href(qname: str, schema_href: dict[str, str]) -> str:
    prefix, local = qname.split(":", 1)
    return f"{schema_href[prefix]}#{prefix}_{local}"


def _locs(link: etree._Element, qnames: Iterable[str], schema_href: dict[str, str]) -> None:
    for q in dict.fromkeys(qnames):
        etree.SubElement(
            link,
            _q(LINK, "loc"),
            {
                _q(XLINK, "type"): "locator",
                _q(XLINK, "href"): _href(q, schema_href),
                _q(XLINK, "label"): q.replace(":", "_"),
            },
        )


def label_linkbase(concepts: list[Concept], schema_href: dict[str, str]) -> bytes:
    root = _linkbase()
    link = etree.SubElement(
        root,
        _q(LINK, "labelLink"),
        {_q(XLINK, "type"): "extended", _q(XLINK, "role"): "http://www.xbrl.org/2003/role/link"},
    )
    _locs(link, [c.qname for c in concepts], schema_href)
    for c in concepts:
        loc = c.qname.replace(":", "_")
        for lab in c.labels:
            res = f"lab_{loc}_{lab.lang}"
            el = etree.SubElement(
                link,
                _q(LINK, "label"),
                {
                    _q(XLINK, "type"): "resource",
                    _q(XLINK, "label"): res,
                    _q(XLINK, "role"): "http://www.xbrl.org/2003/role/label",
                    _q(XML_NS, "lang"): lab.lang,
                },
            )
            el.text = lab.text
            etree.SubElement(
                link,
                _q(LINK, "labelArc"),
                {
                    _q(XLINK, "type"): "arc",
                    _q(XLINK, "arcrole"): "http://www.xbrl.org/2003/arcrole/concept-label",
                    _q(XLINK, "from"): loc,
                    _q(XLINK, "to"): res,
                },
            )
    return to_xml(root)


def _arc(link: etree._Element, tag: str, arcrole: str, frm: str, to: str, order: int, **extra: str) -> None:
    attrs = {
        _q(XLINK, "type"): "arc",
        _q(XLINK, "arcrole"): arcrole,
        _q(XLINK, "from"): frm.replace(":", "_"),
        _q(XLINK, "to"): to.replace(":", "_"),
        "order": str(order),
    }
    attrs.update(extra)
    etree.SubElement(link, _q(LINK, tag), attrs)


def presentation_linkbase(layout: Layout, schema_href: dict[str, str]) -> bytes:
    """Presentation: root → rows in printed order, in the layout's role."""
    concepts = [c for r in layout.rows for c in (r.concept, *r.also) if c]
    pre_root = _linkbase()
    _role_ref(pre_root, layout)
    pre = etree.SubElement(
        pre_root,
        _q(LINK, "presentationLink"),
        {_q(XLINK, "type"): "extended", _q(XLINK, "role"): layout.role_uri},
    )
    _locs(pre, [LINE_ITEMS, *concepts], schema_href)
    for i, q in enumerate(dict.fromkeys(concepts), start=1):
        _arc(pre, "presentationArc", "http://www.xbrl.org/2003/arcrole/parent-child", LINE_ITEMS, q, i)
    return to_xml(pre_root)


def calculation_linkbase(
    networks: Iterable[tuple[Layout, Iterable[CalculationArc]]],
    schema_href: dict[str, str],
    entry_href: str | None = None,
) -> bytes:
    """Calculation links, one per layout network, with roles defined in the standard's entry schema
    (referred to as `entry_href`, by default the package-relative path)."""
    cal_root = _linkbase()
    links: list[tuple[Layout, str, list[CalculationArc]]] = []
    for layout, arcs in networks:
        by_network: dict[str, list[CalculationArc]] = {}
        for a in arcs:
            by_network.setdefault(a.network, []).append(a)
        links += [
            (layout, n, list({(a.parent, a.child): a for a in v}.values())) for n, v in by_network.items()
        ]
    for layout, network, _ in links:
        _role_ref(cal_root, layout, network, entry_href)
    for layout, network, arcs in links:
        cal = etree.SubElement(
            cal_root,
            _q(LINK, "calculationLink"),
            {_q(XLINK, "type"): "extended", _q(XLINK, "role"): layout.network_role(network)},
        )
        _locs(cal, [q for a in arcs for q in (a.parent, a.child)], schema_href)
        for a in arcs:
            _arc(
                cal,
                "calculationArc",
                "http://www.xbrl.org/2003/arcrole/summation-item",
                a.parent,
                a.child,
                a.order,
                weight=f"{a.weight}.0",
            )
    return to_xml(cal_root)


def role_id(layout: Layout, network: str = "main") -> str:
    return layout.id if network == "main" else f"{layout.id}-{network}"


def _role_ref(
    root: etree._Element, layout: Layout, network: str = "main", entry_href: str | None = None
) -> None:
    href = entry_href or f"../entry/xbrlify-{layout.standard.lower()}.xsd"
    etree.SubElement(
        root,
        _q(LINK, "roleRef"),
        {
            "roleURI": layout.network_role(network),
            _q(XLINK, "type"): "simple",
            _q(XLINK, "href"): f"{href}#{role_id(layout, network)}",
        },
    )


_DIM_ARCROLES = ("all", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member")


def definition_linkbase(
    line_items: Iterable[str],
    schema_href: dict[str, str],
    role_href: str,
    *,
    axes: dict[str, list[DimensionMember]] | None = None,
    members: Iterable[tuple[str, str]] = (),
) -> bytes:
    """One open hypercube over every line item with the taxonomy's axes (scope: consolidated or
    separate; components of equity; restatement), each axis's domain its default.

    Without `axes` only the domain-member arcs of the given line items are written (an extension
    adding its own concepts to the same hypercube), with those of `members` (parent, member): an
    extension's own members of an axis's domain."""
    scaffold = axes is not None
    root = _linkbase()
    etree.SubElement(
        root,
        _q(LINK, "roleRef"),
        {"roleURI": DIM_ROLE, _q(XLINK, "type"): "simple", _q(XLINK, "href"): role_href},
    )
    dim = "http://xbrl.org/int/dim/arcrole/"
    for name in _DIM_ARCROLES if scaffold else ("domain-member",):
        etree.SubElement(
            root,
            _q(LINK, "arcroleRef"),
            {
                "arcroleURI": dim + name,
                _q(XLINK, "type"): "simple",
                _q(XLINK, "href"): f"http://www.xbrl.org/2005/xbrldt-2005.xsd#{name}",
            },
        )
    link = etree.SubElement(
        root, _q(LINK, "definitionLink"), {_q(XLINK, "type"): "extended", _q(XLINK, "role"): DIM_ROLE}
    )
    items = list(dict.fromkeys(line_items))
    extra = list(members)
    declared = [q for axis, ms in (axes or {}).items() for q in (axis, *(m.member for m in ms))]
    declared += [q for pair in extra for q in pair]
    _locs(
        link, [LINE_ITEMS, *([HYPERCUBE] if scaffold else []), *dict.fromkeys(declared), *items], schema_href
    )
    if scaffold:
        _arc(
            link,
            "definitionArc",
            dim + "all",
            LINE_ITEMS,
            HYPERCUBE,
            1,
            **{_q(XBRLDT, "contextElement"): "scenario", _q(XBRLDT, "closed"): "false"},
        )
    for n, (axis, ms) in enumerate((axes or {}).items(), start=1):
        _arc(link, "definitionArc", dim + "hypercube-dimension", HYPERCUBE, axis, n)
        _arc(link, "definitionArc", dim + "dimension-domain", axis, ms[0].member, 1)
        for k, m in enumerate(ms[1:], start=1):
            _arc(link, "definitionArc", dim + "domain-member", m.parent or ms[0].member, m.member, k)
    for i, q in enumerate(items, start=1):
        _arc(link, "definitionArc", dim + "domain-member", LINE_ITEMS, q, i)
    for i, (parent, member) in enumerate(extra, start=1):
        _arc(link, "definitionArc", dim + "domain-member", parent, member, i)
    if scaffold and axes:
        defaults = etree.SubElement(
            root, _q(LINK, "definitionLink"), {_q(XLINK, "type"): "extended", _q(XLINK, "role"): DIM_ROLE}
        )
        _locs(defaults, [q for axis, ms in axes.items() for q in (axis, ms[0].member)], schema_href)
        for axis, ms in axes.items():
            _arc(defaults, "definitionArc", dim + "dimension-default", axis, ms[0].member, 1)
    return to_xml(root)


def linkbase_ref(appinfo: etree._Element, href: str, kind: str) -> None:
    """A linkbaseRef of `kind` (label, definition, presentation, calculation) in a schema's appinfo."""
    etree.SubElement(
        appinfo,
        _q(LINK, "linkbaseRef"),
        {
            _q(XLINK, "type"): "simple",
            _q(XLINK, "href"): href,
            _q(XLINK, "role"): f"http://www.xbrl.org/2003/role/{kind}LinkbaseRef",
            _q(XLINK, "arcrole"): "http://www.w3.org/1999/xlink/properties/linkbase",
        },
    )


def entry_schema(standard: str, layouts: list[Layout]) -> bytes:
    target = f"{TAXONOMY_BASE}entry/{standard.lower()}"
    root = schema_root(
        target, "entry", [(NAMESPACES["ifrs-full"], IFRS_SCHEMA_URL), (NAMESPACES["cas"], CAS_SCHEMA_URL)]
    )
    ann = etree.SubElement(root, _q(XSD, "annotation"))
    app = etree.SubElement(ann, _q(XSD, "appinfo"))
    hrefs = [
        "../linkbases/lab-zh-hans.xml",
        "../linkbases/lab-zh-hant.xml",
        "../linkbases/lab-en.xml",
        "../linkbases/def.xml",
    ]
    hrefs += [f"../linkbases/pre-{lay.id}.xml" for lay in layouts]
    for lay in layouts:
        for network in dict.fromkeys(["main", *lay.networks]):
            rt = etree.SubElement(
                app, _q(LINK, "roleType"), roleURI=lay.network_role(network), id=role_id(lay, network)
            )
            suffix = "" if network == "main" else f", breakdown {network}"
            etree.SubElement(
                rt, _q(LINK, "definition")
            ).text = f"{lay.standard} {lay.statement} ({lay.id}{suffix})"
            etree.SubElement(rt, _q(LINK, "usedOn")).text = "link:presentationLink"
            etree.SubElement(rt, _q(LINK, "usedOn")).text = "link:calculationLink"
    for href in hrefs:
        kind = "label" if "lab-" in href else "definition" if "def" in href else "presentation"
        linkbase_ref(app, href, kind)
    # annotation must come before imports in XSD; move it first
    root.remove(ann)
    root.insert(0, ann)
    return to_xml(root)


def calculations_entry(standard: str, layouts: list[Layout]) -> bytes:
    """The standard's entry point plus every layout's full calculation network: the reference
    calculations. A filing's DTS carries instead the arcs of the lines it prints (its extension)."""
    root = schema_root(
        f"{TAXONOMY_BASE}entry/{standard.lower()}/calculations",
        "calc",
        [(f"{TAXONOMY_BASE}entry/{standard.lower()}", entry_point_url(standard))],
    )
    ann = etree.Element(_q(XSD, "annotation"))
    app = etree.SubElement(ann, _q(XSD, "appinfo"))
    for lay in layouts:
        linkbase_ref(app, f"../linkbases/cal-{lay.id}.xml", "calculation")
    root.insert(0, ann)
    return to_xml(root)


def to_xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _labels_for(concepts: list[Concept], lang: str) -> list[Concept]:
    return [
        c.model_copy(update={"labels": tuple(lab for lab in c.labels if lab.lang == lang)}) for c in concepts
    ]


def package_files(taxonomy: Taxonomy) -> dict[str, bytes]:
    """Every file of the package, by path inside the package root."""
    concepts = list(taxonomy.concepts.values())
    ifrs = [c for c in concepts if c.prefix == "ifrs-full"]
    cas = [c for c in concepts if c.prefix == "cas"]
    href = {"ifrs-full": IFRS_SCHEMA_URL, "cas": CAS_SCHEMA_URL}
    files: dict[str, bytes] = {
        "ifrs/full_ifrs/full_ifrs-cor_2024-03-27.xsd": concept_schema(ifrs, "ifrs-full"),
        "cas/cas-cor.xsd": concept_schema(cas, "cas", _cas_extras()),
    }
    for lang in LANGS:
        files[f"linkbases/lab-{lang.lower()}.xml"] = label_linkbase(_labels_for(concepts, lang), href)
    line_items = [c.qname for c in concepts if c.is_numeric]
    files["linkbases/def.xml"] = definition_linkbase(
        line_items, href, f"{CAS_SCHEMA_URL}#dimensions", axes=taxonomy.axes()
    )
    for lay in taxonomy.layouts.values():
        files[f"linkbases/pre-{lay.id}.xml"] = presentation_linkbase(lay, href)
        files[f"linkbases/cal-{lay.id}.xml"] = calculation_linkbase([(lay, lay.arcs)], href)
    for standard in ("IFRS", "CAS"):
        layouts = taxonomy.layouts_for(standard)
        files[f"entry/xbrlify-{standard.lower()}.xsd"] = entry_schema(standard, layouts)
        files[f"entry/xbrlify-{standard.lower()}-calculations.xsd"] = calculations_entry(standard, layouts)
    files["META-INF/catalog.xml"] = _catalog()
    files["META-INF/taxonomyPackage.xml"] = _package_xml()
    return files


def _catalog() -> bytes:
    root = etree.Element(_q(CATALOG, "catalog"), nsmap={None: CATALOG})  # type: ignore[dict-item]
    etree.SubElement(
        root,
        _q(CATALOG, "rewriteURI"),
        uriStartString="https://xbrl.ifrs.org/taxonomy/2024-03-27/",
        rewritePrefix="../ifrs/",
    )
    etree.SubElement(root, _q(CATALOG, "rewriteURI"), uriStartString=TAXONOMY_BASE, rewritePrefix="../")
    return to_xml(root)


def _package_xml() -> bytes:
    root = etree.Element(_q(TP, "taxonomyPackage"), nsmap={None: TP, "xml": XML_NS})  # type: ignore[dict-item]
    root.set(_q(XML_NS, "lang"), "en")
    etree.SubElement(root, _q(TP, "identifier")).text = f"{TAXONOMY_BASE}package"
    etree.SubElement(root, _q(TP, "name")).text = "xbrlify IFRS and CAS statement taxonomy"
    etree.SubElement(root, _q(TP, "description")).text = (
        "Subset of the IFRS Accounting Taxonomy 2024 (names, types, period types and balances as official) "
        "plus the xbrlify CAS extension, with zh-Hans/zh-Hant/en labels and statement layouts."
    )
    etree.SubElement(root, _q(TP, "version")).text = "2024.1"
    eps = etree.SubElement(root, _q(TP, "entryPoints"))
    for standard in ("IFRS", "CAS"):
        ep = etree.SubElement(eps, _q(TP, "entryPoint"))
        etree.SubElement(ep, _q(TP, "name")).text = f"xbrlify {standard} statements"
        etree.SubElement(ep, _q(TP, "entryPointDocument"), href=entry_point_url(standard))
        ep = etree.SubElement(eps, _q(TP, "entryPoint"))
        etree.SubElement(ep, _q(TP, "name")).text = f"xbrlify {standard} statements, reference calculations"
        etree.SubElement(
            ep,
            _q(TP, "entryPointDocument"),
            href=entry_point_url(standard).replace(".xsd", "-calculations.xsd"),
        )
    return to_xml(root)


def write_package(taxonomy: Taxonomy, path: Path) -> Path:
    """Write the taxonomy package zip (deterministic: fixed timestamps, sorted entries)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in sorted(package_files(taxonomy).items()):
            info = zipfile.ZipInfo(f"{PACKAGE_ROOT}/{name}", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    path.write_bytes(buf.getvalue())
    return path
