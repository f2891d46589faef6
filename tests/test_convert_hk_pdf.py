"""HKEX interim report in traditional Chinese whose PDF text layer runs right to left."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import ROOT, assert_boxes_enclose_numbers, find, value

from xbrlify.converters.pdf_layout import looks_reversed
from xbrlify.converters.pipeline import convert
from xbrlify.converters.profile import entity_from
from xbrlify.converters.read_pdf import page_texts
from xbrlify.model import Filing

REPORT = ROOT / "examples" / "filings" / "00607_fullshare_2023_interim_tc.pdf"


@pytest.fixture(scope="module")
def report() -> Filing:
    return convert(REPORT, entity=entity_from("HKEX:607"))


def test_reversed_pages_are_detected() -> None:
    texts = page_texts(REPORT.read_bytes())
    assert looks_reversed(texts[8])  # the statement of financial position
    assert not looks_reversed(texts[2])


def test_financial_position_net_assets_format(report: Filing) -> None:
    assert report.document.entity.identifier == "00607"
    # rebuilt line: 物業、機器及設備 15 9,909,397 8,804,277 (RMB thousands, Chinese-numeral dates)
    assert value(report, "PropertyPlantAndEquipment", "2023-06-30") == Decimal("9909397000")
    assert value(report, "PropertyPlantAndEquipment", "2022-12-31") == Decimal("8804277000")
    # unlabelled subtotals take their section's concept
    assert value(report, "NoncurrentAssets", "2023-06-30") == Decimal("22225944000")
    assert value(report, "CurrentLiabilities", "2022-12-31") == Decimal("30181512000")
    assert value(report, "NetAssetsLiabilities", "2023-06-30") == value(report, "Equity", "2023-06-30")
    ppe = find(report, "PropertyPlantAndEquipment", "2023-06-30")[0]
    assert ppe.provenance.page == 9 and ppe.provenance.raw_text == "9,909,397"


def test_financial_position_reconciles(report: Filing) -> None:
    fp_lines = {
        f.provenance.line for f in report.facts if f.context.period.key in ("2023-06-30", "2022-12-31")
    }
    flagged = [f for f in report.findings if f.line in fp_lines and f.code.startswith("calc")]
    assert flagged == []


def test_document_without_stock_code_uses_the_file_name_and_says_so() -> None:
    filing = convert(REPORT)
    assert filing.document.entity.identifier == "00607"
    assert any(f.code == "issuer-from-file-name" for f in filing.findings)


H1_2023, H1_2022 = "2023-01-01..2023-06-30", "2022-01-01..2022-06-30"


def test_condensed_cash_flow_statement_over_three_pages(report: Filing) -> None:
    # 經營活動（所用）／所得現金淨額 (120,371) 153,440, RMB thousands; the (續) pages join the statement
    assert value(report, "CashFlowsFromUsedInOperatingActivities", H1_2023) == Decimal("-120371000")
    assert value(report, "CashFlowsFromUsedInInvestingActivities", H1_2022) == Decimal("-2276875000")
    assert value(report, "CashFlowsFromUsedInFinancingActivities", H1_2023) == Decimal("1205574000")
    # payments printed in parentheses are positive outflow concepts
    assert value(
        report, "PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities", H1_2023
    ) == Decimal("1593509000")
    assert value(report, "IncomeTaxesPaidRefundClassifiedAsOperatingActivities", H1_2022) == Decimal(
        "170893000"
    )
    # 於期初 / 於期末之現金及現金等值物: opening and closing balances at the period's ends
    assert value(report, "CashAndCashEquivalents", "2022-12-31") == Decimal("4533808000")
    assert value(report, "CashAndCashEquivalents", "2022-06-30") == Decimal("5579164000")


def test_cash_flow_lines_the_taxonomy_lacks_are_flagged_and_complete_their_totals(
    report: Filing,
) -> None:
    unmapped = [f.message for f in report.findings if f.code == "unmapped-row"]
    # a label wrapped over two lines is kept whole for the issuer extension concept
    assert any("出售一間附屬公司部分權益而無導致喪失控制權所支付所得稅" in m for m in unmapped)
    # and matches a layout line when the whole label is one
    partial = [
        f
        for f in report.facts
        if f.provenance.row_label == "並無喪失控制權情況下部分出售一間附屬公司收取之代價"
    ]
    assert {(f.concept, f.context.period.key, f.value) for f in partial} == {
        ("ifrs-full:ProceedsFromChangesInOwnershipInterestsInSubsidiaries", H1_2023, Decimal("9303000")),
        ("ifrs-full:ProceedsFromChangesInOwnershipInterestsInSubsidiaries", H1_2022, Decimal("3300000000")),
    }
    # the company's own investing and financing lines complete their subtotals in both periods:
    # their extension concepts join the summations in the filing's calculations; cash generated
    # from operations is printed as three lines of the company's own wording, which form its sum
    anchored = {f.concept for f in report.findings if f.code == "calc-anchored"}
    assert anchored == {
        "ifrs-full:CashFlowsFromUsedInInvestingActivities",
        "ifrs-full:CashFlowsFromUsedInFinancingActivities",
        "ifrs-full:CashFlowsFromUsedInOperations",
    }
    # the statement's profit before tax includes the discontinued operations (563,970 for 2022, where
    # the statement of profit or loss reports 421,378 from continuing ones): not that concept's fact
    two = [f for f in report.findings if f.code == "concept-of-two-lines"]
    assert [(f.line, f.concept) for f in two] == [(two[0].line, "ifrs-full:ProfitLossBeforeTax")]
    assert "421378000" in two[0].message
    pbt = {f.context.period.key: f.value for f in report.facts if f.provenance.row_label == "除稅前溢利"}
    assert pbt == {H1_2023: Decimal("180006000"), H1_2022: Decimal("563970000")}
    assert not [f for f in report.findings if f.code == "calc-incomplete"]
    arcs = report.calculations["ifrs_cash_flow"]
    operations = {a.child for a in arcs if a.parent == "ifrs-full:CashFlowsFromUsedInOperations"}
    assert {f.provenance.row_label for f in report.facts if f.concept in operations} == {
        "除稅前溢利",
        "作出調整以將除稅前溢利與現金流淨額對賬",
        "營運資金調整總額",
    }
    investing = {a.child for a in arcs if a.parent == "ifrs-full:CashFlowsFromUsedInInvestingActivities"}
    ext_lines = {
        f.provenance.row_label
        for f in report.facts
        if f.concept in investing and f.concept.startswith("ext:")
    }
    assert {"存置已抵押銀行存款", "提取已抵押銀行存款", "使用權資產付款"} <= ext_lines
    assert "ifrs-full:CashFlowsFromUsedInOperatingActivities" in {a.parent for a in arcs}  # 74,022 − 194,393


def test_boxes_of_numbers_on_upright_and_rebuilt_pages(report: Filing) -> None:
    """The income statement's text layer is upright; the statement of financial position's is
    rebuilt from character positions: both give each number's box."""
    revenue = find(report, "Revenue", H1_2023)[0]
    assets = find(report, "PropertyPlantAndEquipment", "2023-06-30")[0]
    assert assets.provenance.page == 9
    assert_boxes_enclose_numbers(report, REPORT, revenue, assets)
