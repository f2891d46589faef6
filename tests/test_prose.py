"""Figures stated in prose (investor-relations records): tagged only with a stated period, a known
metric and an amount in a currency scale; outlooks, changes and unknown metrics are left alone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, IR_RECORD, spans_in_source, write_and_validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xbrlify.converters.errors import ConversionError
from xbrlify.converters.pipeline import convert
from xbrlify.converters.prose import prose_terms
from xbrlify.model import Filing
from xbrlify.taxonomy import load_taxonomy

FY2024 = "2024-01-01..2024-12-31"
Q1_2025 = "2025-01-01..2025-03-31"


def stated(filing: Filing) -> dict[tuple[str, str], tuple[Decimal, int | None]]:
    """The company's own figures stated in prose (product lines, on an axis, left out)."""
    facts = [
        f for f in filing.facts if f.provenance.rule == "figure stated in prose" and not f.context.members
    ]
    keys = {(f.concept.split(":")[-1], f.context.period.key): (f.value, f.decimals) for f in facts}
    assert len(keys) == len(facts), "a figure was tagged twice"
    return keys  # type: ignore[return-value]


def test_seed_record_figures_with_their_periods_and_precision(ir_record: Filing) -> None:
    facts = stated(ir_record)
    assert facts[("Revenue", FY2024)] == (Decimal("2782000000"), -6)  # 27.82 亿元
    assert facts[("Revenue", Q1_2025)] == (Decimal("345000000"), -6)
    # 528.94 万元
    assert facts[("ProfitLossAttributableToOwnersOfParent", Q1_2025)] == (Decimal("5289400"), -2)
    assert facts[("ProfitLossAttributableToOwnersOfParentExcludingNonrecurringItems", FY2024)] == (
        Decimal("124000000"),
        -6,
    )
    # the paragraph after "2024 年，…" keeps its period
    assert facts[("CashFlowsFromUsedInOperatingActivities", FY2024)] == (Decimal("408000000"), -6)
    # R&D investment (研发投入 5.62 亿, CAS wording) and cash collected from sales (销售收款)
    assert facts[("ResearchAndDevelopmentInvestment", FY2024)] == (Decimal("562000000"), -6)
    assert facts[("ReceiptsFromSalesOfGoodsAndRenderingOfServices", FY2024)] == (Decimal("2829000000"), -6)
    assert len(facts) == 9
    assert ir_record.errors == []


def test_product_line_revenue_on_the_products_axis(ir_record: Filing, tmp_path: Path) -> None:
    """按产品类型分，核心的软件及服务收入 21.52 亿元 …；硬件收入 2.93 亿元 …；互联网医疗健康收入 3.37 亿元:
    revenue of each product line, on ifrs-full:ProductsAndServicesAxis with an extension member
    labelled as printed, valid in Arelle."""
    lines = {
        ir_record_label(ir_record, f.context.members[0].member): f.value
        for f in ir_record.facts
        if f.concept == "ifrs-full:Revenue" and f.context.members
    }
    assert lines == {
        "软件及服务": Decimal("2152000000"),
        "硬件": Decimal("293000000"),
        "互联网医疗健康": Decimal("337000000"),
    }
    assert {m.dimension for f in ir_record.facts for m in f.context.members} == {
        "ifrs-full:ProductsAndServicesAxis"
    }
    _, run = write_and_validate(ir_record, IR_RECORD.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def ir_record_label(filing: Filing, member: str) -> str:
    return next(c.label("zh-Hans") for c in filing.extension_concepts if c.qname == member)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("2024 年，按产品类型分，软件收入 1.5 亿元；硬件收入 0.5 亿元。", {"软件", "硬件"}),
        ("2024 年，按产品类型分，软件收入 1.5 亿元。硬件收入 0.5 亿元。", {"软件"}),  # 。 ends it
        ("2024 年，公司软件收入 1.5 亿元。", set()),  # no breakdown: no product line
    ],
)
def test_a_product_breakdown_holds_until_its_sentence_ends(
    tmp_path: Path, text: str, lines: set[str]
) -> None:
    path = tmp_path / "300999_record.txt"
    path.write_text(
        f"证券代码：300999\n示例医疗科技股份有限公司\n投资者关系活动记录表\n{text}\n", encoding="utf-8"
    )
    filing = convert(path)
    found = {ir_record_label(filing, f.context.members[0].member) for f in filing.facts if f.context.members}
    assert found == lines


def test_provenance_points_at_the_printed_number(ir_record: Filing) -> None:
    spanned = spans_in_source(ir_record, IR_RECORD)
    assert {f.provenance.rule for f in spanned} == {"figure stated in prose"} and len(spanned) == 12
    revenue = next(f for f in ir_record.facts if f.concept == "ifrs-full:Revenue")
    assert revenue.provenance.raw_text == "27.82" and revenue.provenance.column_header == "亿元"


def test_only_stated_levels_of_known_metrics_with_a_period() -> None:
    filing = convert(FIXTURES / "prose" / "300999_ir_record.txt")
    facts = stated(filing)
    assert facts == {
        ("Revenue", "2023-01-01..2023-12-31"): (Decimal("1250000000"), -6),
        ("ProfitLossAttributableToOwnersOfParent", "2023-01-01..2023-12-31"): (Decimal("12345600"), -2),
        ("BasicEarningsLossPerShare", "2023-01-01..2023-12-31"): (Decimal("0.21"), 2),
        ("Assets", "2023-12-31"): (Decimal("4560000000"), -6),
        ("Revenue", "2024-01-01..2024-06-30"): (Decimal("602000000"), -6),
        ("CashFlowsFromUsedInOperatingActivities", "2024-01-01..2024-06-30"): (Decimal("-35000000"), -6),
    }
    skipped = [f.message for f in filing.findings if f.code == "prose-figure-skipped"]
    # under a heading naming two periods; an outlook; an answer after a question resets the period
    assert any("9.99" in m and "no period" in m for m in skipped)
    assert any("15 亿元" in m and "outlook" in m for m in skipped)
    assert any("3 亿元" in m for m in skipped)


def test_results_briefing_wording() -> None:
    """营业总收入, 归母/扣非归母净利润, 研发费用, balances 截至…日 (…余额), a quarter in 万元."""
    filing = convert(FIXTURES / "prose" / "688777_ir_results_briefing.txt")
    assert stated(filing) == {
        ("TotalOperatingRevenue", FY2024): (Decimal("1856000000"), -6),
        ("ProfitLossAttributableToOwnersOfParent", FY2024): (Decimal("231000000"), -6),
        ("ProfitLossAttributableToOwnersOfParentExcludingNonrecurringItems", FY2024): (
            Decimal("198000000"),
            -6,
        ),
        ("ResearchAndDevelopmentExpense", FY2024): (Decimal("312000000"), -6),
        ("Assets", "2024-12-31"): (Decimal("5678000000"), -6),
        ("EquityAttributableToOwnersOfParent", "2024-12-31"): (Decimal("3210000000"), -6),
        ("Cash", "2024-12-31"): (Decimal("1234000000"), -6),
        ("BasicEarningsLossPerShare", FY2024): (Decimal("0.58"), 2),
        ("Revenue", Q1_2025): (Decimal("412000000"), -6),
        ("ProfitLoss", Q1_2025): (Decimal("51234500"), -2),
    }
    assert filing.document.entity.identifier == "688777"
    assert any("22亿元" in f.message and "outlook" in f.message for f in filing.findings)


def test_prose_terms_name_known_numeric_concepts() -> None:
    taxonomy = load_taxonomy()
    terms = prose_terms()
    assert terms and all(wordings for wordings in terms.values())
    assert all(taxonomy.concepts[q].data_type in ("monetary", "perShare") for q in terms)


PHRASES = [
    (
        "2024 年第四季度，公司实现营业收入 1.50 亿港元",
        "Revenue",
        "2024-10-01..2024-12-31",
        "150000000",
        "HKD",
    ),
    ("2024年Q3，营收 8,000 万元", "Revenue", "2024-07-01..2024-09-30", "80000000", "CNY"),
    (
        "2024 年前三季度，归母净利润 12.5 万元",
        "ProfitLossAttributableToOwnersOfParent",
        "2024-01-01..2024-09-30",
        "125000",
        "CNY",
    ),
    ("截至 2024 年末，公司总资产为 3.2 亿元", "Assets", "2024-12-31", "320000000", "CNY"),
    ("2024 年上半年，集團收入為 27.82 億港元", "Revenue", "2024-01-01..2024-06-30", "2782000000", "HKD"),
    ("2024 年，公司营业收入为人民币 27.82 亿元", "Revenue", "2024-01-01..2024-12-31", "2782000000", "CNY"),
    ("2024 年，集團收入為港幣 3.5 億元", "Revenue", "2024-01-01..2024-12-31", "350000000", "HKD"),
]


@pytest.mark.parametrize(("sentence", "concept", "period", "value", "unit"), PHRASES)
def test_period_phrases_and_currencies(
    tmp_path: Path, sentence: str, concept: str, period: str, value: str, unit: str
) -> None:
    path = tmp_path / "300999_record.txt"
    path.write_text(
        f"证券代码：300999\n示例医疗科技股份有限公司\n投资者关系活动记录表\n{sentence}。\n", encoding="utf-8"
    )
    facts = [f for f in convert(path).facts if f.provenance.rule == "figure stated in prose"]
    assert [(f.concept.split(":")[-1], f.context.period.key, str(f.value)) for f in facts] == [
        (concept, period, value)
    ]
    assert facts[0].unit is not None and facts[0].unit.numerator == (f"iso4217:{unit}",)


@pytest.mark.parametrize(
    "sentence",
    [
        "2024 年，公司营业收入突破 20 亿元",
        "2024 年，公司营业收入超过 20 亿元",
        "2024 年，公司营业收入 20 亿元以上",
        "2024 年，公司研发费用不低于 2 亿元",
    ],
)
def test_bounds_are_not_values(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "300999_record.txt"
    path.write_text(
        f"证券代码：300999\n示例医疗科技股份有限公司\n投资者关系活动记录表\n{sentence}。\n", encoding="utf-8"
    )
    filing = convert(path)
    assert [f for f in filing.facts if f.provenance.rule == "figure stated in prose"] == []
    assert [f.message.split(": ")[-1] for f in filing.findings if f.code == "prose-figure-skipped"] == [
        "a bound, not a value; not tagged"
    ]


def test_report_period_dates_and_years_inside_names(tmp_path: Path) -> None:
    """本报告期 is the report's period; 截至2021年12月9日 dates a balance; a year inside a name
    (2022年股票期权激励计划, 2020年第三次临时股东大会) states no period."""
    path = tmp_path / "600999_report.txt"
    path.write_text(
        "证券代码：600999\n示例制造股份有限公司\n2024年半年度报告\n"
        "公司2022年股票期权激励计划自主行权788股。"
        "本报告期，公司实现归属于上市公司股东的净利润为-27,472,248.79元。本报告期实现营业收入3.00亿元。\n"
        "根据2020年第三次临时股东大会的决议，公司发行股票。本次发行后，股本总额为人民币13,787.7502万元。\n"
        "截至2021年12月9日，股本总额为人民币13,787.7502万元。\n",
        encoding="utf-8",
    )
    filing = convert(path)
    assert stated(filing) == {
        ("ProfitLossAttributableToOwnersOfParent", "2024-01-01..2024-06-30"): (Decimal("-27472248.79"), 2),
        ("Revenue", "2024-01-01..2024-06-30"): (Decimal("300000000"), -6),
        ("IssuedCapital", "2021-12-09"): (Decimal("137877502"), 0),
    }


FRAGMENTS = [
    "2024 年",
    "2025 年第一季度",
    "年末",
    "Q3",
    "本报告期",
    "截至2024年12月31日",
    "，",
    "。",
    "；",
    "<p>",
    "</p>",
    "公司实现",
    "营业收入",
    "归母净利润",
    "总资产为",
    "基本每股收益",
    "研发投入",
    "同比增长",
    "预计",
    "Q：",
    "一、",
    "27.82",
    "1,234.56",
    "-0.35",
    "亿元",
    "万元",
    "元",
    "億港元",
    "人民币",
    " ",
    "\n",
    "2020年第三次临时股东大会",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40))
def test_fuzz_prose_never_crashes_and_every_fact_is_printed(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str]
) -> None:
    path = tmp_path_factory.mktemp("prose") / "300999_fuzz.txt"
    path.write_text(
        "证券代码：300999\n示例医疗科技股份有限公司\n投资者关系活动记录表\n" + "".join(parts),
        encoding="utf-8",
    )
    try:
        filing = convert(path)
    except ConversionError:
        return
    for fact in spans_in_source(filing, path):
        printed = fact.provenance.raw_text or ""
        assert printed.replace(",", "").lstrip("-−").replace(".", "").isdigit()
