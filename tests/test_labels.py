"""Label normalization and mapping within a statement (converters/labels.py, converters/mapping.py)."""

from __future__ import annotations

import pytest

from xbrlify.converters.labels import normalize
from xbrlify.converters.locate import title_layouts
from xbrlify.converters.mapping import LayoutIndex
from xbrlify.taxonomy import load_taxonomy


@pytest.mark.parametrize(
    ("printed", "normalized"),
    [
        ("一、营业总收入", "营业总收入"),
        ("其中:营业收入", "营业收入"),
        ("减:库存股", "库存股"),
        ("(一)基本每股收益(元/股)", "基本每股收益(元/股)"),
        ("1.持续经营净利润(净亏损以“-”号填列)", "持续经营净利润"),
        ("投资收益（损失以“－”号填列）", "投资收益"),
        ("以下应占期內溢利：", "以下应占期内溢利"),
        ("物業、廠房及設備", "物业、厂房及设备"),
        ("Property, plant and equipment", "property、plantandequipment"),
        # printed alternatives, English plurals and articles
        ("(Loss)/profit for the year", "profitforperiod"),
        ("Profit/(loss) for the period", "profitforperiod"),
        ("經營活動（所用）／所得現金淨額", "经营活动所得现金净额"),
        ("Cash and cash equivalents at the beginning of the year", "cashandcashequivalentatbeginningofyear"),
        ("Non-controlling interests", "non-controllinginterest"),
        ("Total liabilities", "totalliability"),
        ("Impairment losses", "impairmentloss"),
    ],
)
def test_normalize(printed: str, normalized: str) -> None:
    assert normalize(printed) == normalized


def test_same_words_map_by_section() -> None:
    index = LayoutIndex(load_taxonomy().layouts["ifrs_income"])
    owners_pl = index.item("本公司拥有人", "pl_attr", 0)
    owners_ci = index.item("本公司拥有人", "ci_attr", 0)
    assert owners_pl is not None and owners_pl.concept == "ifrs-full:ProfitLossAttributableToOwnersOfParent"
    assert (
        owners_ci is not None
        and owners_ci.concept == "ifrs-full:ComprehensiveIncomeAttributableToOwnersOfParent"
    )
    fp = LayoutIndex(load_taxonomy().layouts["ifrs_financial_position"])
    assert fp.item("借款", "ncl", 0).concept == "ifrs-full:LongtermBorrowings"  # type: ignore[union-attr]
    assert (
        fp.item("借款", "cl", 0).concept
        == "ifrs-full:CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings"
    )  # type: ignore[union-attr]


def test_same_words_map_by_printed_order() -> None:
    """利息收入 under 营业总收入 (financial business) vs under 财务费用: the layout order decides."""
    index = LayoutIndex(load_taxonomy().layouts["cas_income"])
    first = index.item("利息收入", None, 0)
    finance = index.item("财务费用", None, 0)
    assert first is not None and finance is not None
    later = index.item("利息收入", None, finance.order)
    assert first.concept == "cas:InterestIncomeFinancialBusiness"
    assert later is not None and later.concept == "ifrs-full:FinanceIncome"


def test_traditional_wording_matches_simplified_layouts() -> None:
    index = LayoutIndex(load_taxonomy().layouts["cas_balance_sheet"])
    row = index.item("應收賬款", None, 0)
    assert row is not None and row.concept == "ifrs-full:CurrentTradeReceivables"
    assert index.item("不存在的项目", None, 0) is None


HKEX_WORDING = [
    ("ifrs_income", "Profit and total comprehensive income for the period", "ProfitLoss"),
    ("ifrs_income", "年內溢利及全面收益總額", "ProfitLoss"),
    ("ifrs_income", "Loss before tax", "ProfitLossBeforeTax"),
    ("ifrs_income", "投資物業公允值變動", "GainsLossesOnFairValueAdjustmentInvestmentProperty"),
    (
        "ifrs_financial_position",
        "Amounts due from related parties",
        "TradeAndOtherCurrentReceivablesDueFromRelatedParties",
    ),
    ("ifrs_financial_position", "應付關聯方款項", "TradeAndOtherCurrentPayablesToRelatedParties"),
    (
        "ifrs_cash_flow",
        "Acquisition of subsidiaries, net of cash acquired",
        "CashFlowsUsedInObtainingControlOfSubsidiariesOrOtherBusinessesClassifiedAsInvestingActivities",
    ),
    ("ifrs_cash_flow", "收取之政府補助", "ProceedsFromGovernmentGrantsClassifiedAsInvestingActivities"),
    ("ifrs_cash_flow", "(Increase)/decrease in inventories", "AdjustmentsForDecreaseIncreaseInInventories"),
    ("ifrs_cash_flow", "貿易及其他應付款項增加", "AdjustmentsForIncreaseDecreaseInTradeAndOtherPayables"),
    ("ifrs_cash_flow", "分佔聯營公司業績", "AdjustmentsForUndistributedProfitsOfAssociates"),
    ("ifrs_cash_flow", "Equity-settled share-based payment expense", "AdjustmentsForSharebasedPayments"),
    ("ifrs_financial_position", "Amount due to a director", "TradeAndOtherCurrentPayablesToRelatedParties"),
    ("ifrs_income", "Loss from discontinued operations", "ProfitLossFromDiscontinuedOperations"),
]


@pytest.mark.parametrize(("layout", "printed", "concept"), HKEX_WORDING)
def test_hkex_wording_maps_to_official_concepts(layout: str, printed: str, concept: str) -> None:
    row = LayoutIndex(load_taxonomy().layouts[layout]).item(printed, None, -1)
    assert row is not None and row.concept == f"ifrs-full:{concept}"


def test_profit_and_total_comprehensive_income_row_reports_both() -> None:
    row = LayoutIndex(load_taxonomy().layouts["ifrs_income"]).item(
        "Profit and total comprehensive income for the year", None, -1
    )
    assert row is not None and row.also == ("ifrs-full:ComprehensiveIncome",)


@pytest.mark.parametrize(
    ("title", "layout"),
    [
        ("合并及母公司利润表", "cas_income"),
        ("合并及本公司现金流量表", "cas_cash_flow"),
        ("Consolidated Balance Sheet", "ifrs_financial_position"),
        ("CONDENSED CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME", "ifrs_income"),
        ("簡明綜合現金流量表", "ifrs_cash_flow"),
    ],
)
def test_statement_titles(title: str, layout: str) -> None:
    taxonomy = load_taxonomy()
    standard = "CAS" if layout.startswith("cas") else "IFRS"
    found = title_layouts(title, taxonomy.layouts_for(standard))
    assert found is not None and found[0][0].id == layout


@pytest.mark.parametrize(
    ("printed", "section"),
    [
        ("Purchase of property, plant and equipment", "op"),  # an investing line among operating ones
        ("New bank borrowings raised", "inv"),
    ],
)
def test_a_cash_flow_line_of_one_activity_is_no_line_of_another(printed: str, section: str) -> None:
    index = LayoutIndex(load_taxonomy().layouts["ifrs_cash_flow"])
    assert index.item(printed, None, -1) is not None
    assert index.item(printed, section, -1) is None
