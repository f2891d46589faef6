"""Property: random statements rendered with glued columns are recovered exactly, or flagged — never wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_resolve import ITEMS

from xbrlify.converters.pipeline import convert
from xbrlify.taxonomy import CalculationArc, Concept, Layout, LayoutRow, Taxonomy

DETAIL = [
    ("ifrs-full:Cash", "货币资金"),
    ("ifrs-full:Inventories", "存货"),
    ("ifrs-full:CurrentTradeReceivables", "应收账款"),
    ("ifrs-full:OtherCurrentAssets", "其他流动资产"),
]
TOTAL = ("ifrs-full:CurrentAssets", "流动资产合计")


def _taxonomy() -> Taxonomy:
    qnames = [q for q, _ in DETAIL] + [TOTAL[0]] + [q for q, _, _ in ITEMS]
    concepts = {
        q: Concept(qname=q, data_type="monetary", period_type="instant", balance="debit") for q in qnames
    }
    rows = tuple(
        LayoutRow(kind="item", concept=q, section=None, labels=(label,), order=i)
        for i, (q, label) in enumerate([*DETAIL, TOTAL])
    )
    arcs = tuple(
        CalculationArc(parent=TOTAL[0], child=q, weight=1, order=i) for i, (q, _) in enumerate(DETAIL)
    )
    layout = Layout(
        id="bs",
        standard="CAS",
        statement="financial_position",
        period_type="instant",
        titles=("资产负债表",),
        rows=rows,
        arcs=arcs,
    )
    return Taxonomy(concepts=concepts, layouts={"bs": layout})


TAXONOMY = _taxonomy()
HEADER = (
    "公司代码:600000\n示例股份有限公司\n2024年半年度报告\n合并资产负债表\n单位:元 币种:人民币\n"
    "项目附注2024年6月30日2023年12月31日\n"
)
cents = st.integers(min_value=0, max_value=10**11)


def money(v: int) -> str:
    return f"{v / 100:,.2f}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    values=st.lists(st.tuples(cents, cents), min_size=len(DETAIL), max_size=len(DETAIL)),
    notes=st.lists(
        st.one_of(st.none(), st.integers(min_value=1, max_value=60)),
        min_size=len(DETAIL),
        max_size=len(DETAIL),
    ),
)
def test_glued_statement_is_recovered_or_flagged(
    tmp_path_factory: object, values: list[tuple[int, int]], notes: list[int | None]
) -> None:
    lines = [HEADER]
    for (_, label), (a, b), note in zip(DETAIL, values, notes, strict=True):
        lines.append(f"{label}{note or ''}{money(a)}{money(b)}\n")
    total = (sum(a for a, _ in values), sum(b for _, b in values))
    lines.append(f"{TOTAL[1]}{money(total[0])}{money(total[1])}\n")
    path = Path(str(tmp_path_factory.mktemp("p"))) / "statement.txt"  # type: ignore[attr-defined]
    path.write_text("".join(lines), encoding="utf-8")
    filing = convert(path, TAXONOMY)
    got = {(f.concept, f.context.period.key): f.value for f in filing.facts if f.unit is not None}
    flagged = {f.line for f in filing.findings if f.code == "ambiguous-split"}
    for row, ((concept, _), (a, b)) in enumerate(zip(DETAIL, values, strict=True)):
        line = 7 + row
        if line in flagged:
            assert (concept, "2024-06-30") not in got
            continue
        assert got[(concept, "2024-06-30")] == Decimal(a) / 100
        assert got[(concept, "2023-12-31")] == Decimal(b) / 100
