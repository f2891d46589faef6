"""Taxonomy model: concepts with labels, statement layouts with calculation arcs and printed signs."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from pydantic import BaseModel, ConfigDict

NAMESPACES: dict[str, str] = {
    "ifrs-full": "https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full",
    "cas": "https://xbrlify.org/taxonomy/2024/cas",
}
IFRS_SCHEMA_URL = "https://xbrl.ifrs.org/taxonomy/2024-03-27/full_ifrs/full_ifrs-cor_2024-03-27.xsd"
CAS_SCHEMA_URL = "https://xbrlify.org/taxonomy/2024/cas/cas-cor.xsd"
TAXONOMY_BASE = "https://xbrlify.org/taxonomy/2024/"

DataType = Literal["monetary", "perShare", "shares", "percent", "string", "date", "axis", "member"]


class Label(BaseModel):
    model_config = ConfigDict(frozen=True)

    lang: Literal["zh-Hans", "zh-Hant", "en"]
    text: str


class Concept(BaseModel):
    """An XBRL concept: QName, data type, period type, balance, labels and an IFRS mapping for CAS items."""

    model_config = ConfigDict(frozen=True)

    qname: str
    data_type: DataType
    period_type: Literal["instant", "duration"]
    balance: Literal["debit", "credit"] | None = None
    labels: tuple[Label, ...] = ()
    ifrs_match: tuple[str, str] | None = None  # (skos relation, ifrs-full qname)

    @property
    def prefix(self) -> str:
        return self.qname.split(":", 1)[0]

    @property
    def local_name(self) -> str:
        return self.qname.split(":", 1)[1]

    @property
    def namespace(self) -> str:
        return NAMESPACES[self.prefix]

    @property
    def is_numeric(self) -> bool:
        return self.data_type in ("monetary", "perShare", "shares", "percent")

    def label(self, lang: str = "zh-Hans") -> str:
        for lab in self.labels:
            if lab.lang == lang:
                return lab.text
        return self.local_name


class CalculationArc(BaseModel):
    """summation-item arc: parent = Σ weight × child, in one layout's extended link role."""

    model_config = ConfigDict(frozen=True)

    parent: str
    child: str
    weight: int
    order: int
    network: str = "main"  # "main": items printed above their total; else the breakdown's section


def _expand(
    arc: CalculationArc,
    children: dict[tuple[str, str], list[CalculationArc]],
    reported: Collection[str],
    unread: Collection[str],
    depth: int,
) -> list[CalculationArc] | None:
    """The reported items an absent subtotal stands for, with the arc's weight folded in; None when
    the subtotal or one of its items was printed but not read."""
    if arc.child in unread:
        return None
    out: list[CalculationArc] = []
    for sub in children.get((arc.child, arc.network), []) if depth else []:
        weighted = sub.model_copy(update={"weight": sub.weight * arc.weight})
        if sub.child in reported:
            out.append(weighted)
            continue
        deeper = _expand(weighted, children, reported, unread, depth - 1)
        if deeper is None:
            return None
        out += deeper
    children_seen = [a.child for a in out]
    return out if len(children_seen) == len(set(children_seen)) else []


class LayoutRow(BaseModel):
    """A printed line of a statement layout: a section header or an item carrying numbers."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["section", "item"]
    concept: str | None
    also: tuple[str, ...] = ()
    """Further concepts the same printed value reports (a "basic and diluted" row: both EPS)."""
    section: str | None
    labels: tuple[str, ...]
    sign: int = 1
    order: int = 0
    members: tuple[tuple[str, str], ...] = ()
    """(axis, member) pairs the row's facts carry (上年期末余额: the previously stated balance)."""
    instant: Literal["opening", "closing"] | None = None
    """For an instant concept in a duration column: the balance at the period's start or end."""
    components: tuple[str, ...] = ()
    """Statement of changes in equity: the only component columns the movement can be printed in
    (special reserve appropriated and used move the special reserve), where the format fixes them."""


class Layout(BaseModel):
    """One statement layout (e.g. the CAS general-enterprise balance sheet) and its networks."""

    model_config = ConfigDict(frozen=True)

    id: str
    standard: Literal["IFRS", "CAS"]
    statement: Literal["financial_position", "income", "cash_flow", "changes_in_equity"]
    period_type: Literal["instant", "duration"]
    titles: tuple[str, ...]
    rows: tuple[LayoutRow, ...]
    arcs: tuple[CalculationArc, ...]

    @property
    def role_uri(self) -> str:
        return f"{TAXONOMY_BASE}role/{self.id}"

    def network_role(self, network: str) -> str:
        """Extended link role of one calculation network of this layout."""
        return self.role_uri if network == "main" else f"{self.role_uri}-{network}"

    @property
    def networks(self) -> list[str]:
        return list(dict.fromkeys(a.network for a in self.arcs))

    def arcs_for(self, reported: Collection[str], unread: Collection[str] = ()) -> tuple[CalculationArc, ...]:
        """The calculation arcs of a statement that reports `reported` concepts.

        A subtotal the statement does not print (operating profit, 营业总收入) is replaced in its
        parent's summation by its own items, weights multiplied, so that the items still add up to
        the printed total; an expansion that would count an item twice is not made. Totals the
        statement does not report keep no arcs, and neither does a summation one of whose items was
        printed but could not be read (`unread`): without it the total cannot add up."""
        children: dict[tuple[str, str], list[CalculationArc]] = {}
        for arc in self.arcs:
            children.setdefault((arc.parent, arc.network), []).append(arc)
        out: list[CalculationArc] = []
        for (parent, _network), arcs in children.items():
            if parent not in reported:
                continue
            terms: dict[str, CalculationArc] = {}
            for arc in arcs:
                if arc.child in reported:
                    terms.setdefault(arc.child, arc)
            complete = not any(arc.child in unread for arc in arcs)
            for arc in arcs:
                if arc.child in reported:
                    continue
                expanded = _expand(arc, children, reported, unread, depth=4)
                if expanded is None:
                    complete = False
                elif expanded and not any(e.child in terms for e in expanded):
                    terms.update({e.child: e.model_copy(update={"parent": parent}) for e in expanded})
            if complete:
                out += sorted(terms.values(), key=lambda a: a.order)
        return tuple(out)


class EquityComponent(BaseModel):
    """A column of the statement of changes in equity: a member of the components-of-equity axis.

    `kind` says how the columns add up across a row: components (weight -1 for 减:库存股) make
    the subtotal attributable to owners of the parent, which with non-controlling interests makes
    the total; a statement without a subtotal column (the parent company's) adds its components
    straight to the total. `header` is the pattern that finds the column in the printed heading,
    `balance` the balance-sheet concept its opening and closing balances also report, `standards`
    the statements that print it (a CAS heading's 资本公积 and a Hong Kong one's 资本储备 are
    different columns)."""

    model_config = ConfigDict(frozen=True)

    member: str
    kind: Literal["component", "subtotal", "nci", "total"]
    weight: int
    header: str
    balance: str | None
    standards: tuple[str, ...] = ("CAS", "IFRS")
    order: int
    label: str | None = None  # an extension member's heading, as printed


class DimensionMember(BaseModel):
    """A member of an axis's domain and the member it sits under (None: the domain, which is the
    axis's default: a fact without this dimension reports it)."""

    model_config = ConfigDict(frozen=True)

    axis: str
    member: str
    parent: str | None


class Taxonomy(BaseModel):
    """All concepts and layouts; the single source every step and export reads."""

    concepts: dict[str, Concept]
    layouts: dict[str, Layout]
    equity_components: tuple[EquityComponent, ...] = ()
    dimensions: tuple[DimensionMember, ...] = ()

    def axes(self) -> dict[str, list[DimensionMember]]:
        """Each axis's members, its domain (the default) first."""
        out: dict[str, list[DimensionMember]] = {}
        for m in self.dimensions:
            out.setdefault(m.axis, []).append(m)
        return out

    def concept(self, qname: str) -> Concept:
        return self.concepts[qname]

    def components_for(self, standard: str) -> tuple[EquityComponent, ...]:
        """The columns a statement of changes in equity of a standard may print, in the order the
        format prints its fixed ones."""
        return tuple(c for c in self.equity_components if standard in c.standards)

    def layouts_for(self, standard: str) -> list[Layout]:
        return [lay for lay in self.layouts.values() if lay.standard == standard]
