"""HKEX interim report (traditional Chinese, reversed PDF text layer): the statement of profit or loss
and other comprehensive income with continuing and discontinued operations, OCI subtotals and EPS."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import ROOT, find, value

from xbrlify.converters.labels import normalize
from xbrlify.converters.numbers import split_label, split_tail
from xbrlify.converters.periods import arabic_dates, durations, instants
from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing

REPORT = ROOT / "examples" / "filings" / "00607_fullshare_2023_interim_tc.pdf"
H1_2023 = "2023-01-01..2023-06-30"
H1_2022 = "2022-01-01..2022-06-30"


@pytest.fixture(scope="module")
def report() -> Filing:
    return convert(REPORT)


def test_chinese_numeral_headers_give_the_arabic_dates() -> None:
    assert instants(arabic_dates("二零二三年 二零二二年|六月三十日 十二月三十一日")) == instants(
        "2023年 2022年|6月30日 12月31日"
    )
    assert durations("截至六月三十日止六個月|二零二三年 二零二二年") == durations(
        "截至6月30日止六個月|2023年 2022年"
    )


def test_per_share_amount_printed_with_its_currency() -> None:
    text = "每股基本及攤薄虧損 14 人民幣(0.007)元 人民幣0.002元"
    label, tail, offset, _ = split_label(text)
    assert label == "每股基本及攤薄虧損"
    (reading,) = split_tail(tail, 2, 3, note_allowed=True)
    assert reading.note == "14"
    assert [t.value for t in reading.tokens] == [Decimal("-0.007"), Decimal("0.002")]
    first = reading.tokens[0]
    assert text[offset + first.start : offset + first.end] == "(0.007)"  # offsets still point at the source


def test_box_drawing_slash_reads_as_a_slash() -> None:
    assert normalize("期內全面（虧損）╱收益總額") == normalize("期内全面(亏损)/收益总额")


def test_profile_from_running_heads(report: Filing) -> None:
    doc = report.document
    assert doc.entity.name == "豐盛控股有限公司"  # as printed; not the auditor named in the review report
    assert doc.report_type == "interim-report"
    assert doc.period is not None and doc.period.key == H1_2023


def test_income_statement_both_periods(report: Filing) -> None:
    assert value(report, "Revenue", H1_2023) == Decimal("11551515000")
    assert value(report, "Revenue", H1_2022) == Decimal("9980131000")
    assert value(report, "CostOfSales", H1_2023) == Decimal("9697332000")
    # 金融資產減值虧損（撥備）／撥回淨額 3(ii)(e) (219,712) 914,741: a loss, then a net reversal
    impairment = "ImpairmentLossImpairmentGainAndReversalOfImpairmentLossDeterminedInAccordanceWithIFRS9"
    assert value(report, impairment, H1_2023) == Decimal("219712000")
    assert value(report, impairment, H1_2022) == Decimal("-914741000")
    assert value(report, "FinanceCosts", H1_2023) == Decimal("604576000")
    assert value(report, "ShareOfProfitLossOfJointVenturesAccountedForUsingEquityMethod", H1_2023) == Decimal(
        "4967000"
    )
    assert value(report, "ShareOfProfitLossOfAssociatesAccountedForUsingEquityMethod", H1_2023) == Decimal(
        "-1583000"
    )


def test_continuing_and_discontinued_operations(report: Filing) -> None:
    assert value(report, "ProfitLossFromContinuingOperations", H1_2022) == Decimal("64523000")
    assert value(report, "ProfitLossFromDiscontinuedOperations", H1_2022) == Decimal("141573000")
    assert value(report, "ProfitLoss", H1_2022) == Decimal("206096000")
    assert value(report, "IncomeFromContinuingOperationsAttributableToOwnersOfParent", H1_2022) == Decimal(
        "-94776000"
    )
    assert value(report, "ProfitLossAttributableToOwnersOfParent", H1_2023) == Decimal("-172544000")
    assert value(
        report, "ComprehensiveIncomeFromDiscontinuedOperationsAttributableToOwnersOfParent", H1_2022
    ) == Decimal("143549000")  # from the page whose text layer runs right to left


def test_other_comprehensive_income_subtotals(report: Filing) -> None:
    assert value(report, "OtherComprehensiveIncomeThatWillBeReclassifiedToProfitOrLossNetOfTax", H1_2022) == (
        Decimal("-37413000")
    )
    release = "ReclassificationAdjustmentsOnExchangeDifferencesOnTranslationNetOfTax"
    assert value(report, release, H1_2022) == Decimal("11552000")  # printed (11,552)
    tax = "IncomeTaxRelatingToComponentsOfOtherComprehensiveIncomeThatWillNotBeReclassifiedToProfitOrLoss"
    assert value(report, tax, H1_2023) == Decimal("-68970000")
    assert value(report, "OtherComprehensiveIncome", H1_2023) == Decimal("-337555000")
    assert value(report, "ComprehensiveIncome", H1_2023) == Decimal("-167543000")


def test_earnings_per_share(report: Filing) -> None:
    assert value(report, "BasicEarningsLossPerShare", H1_2022) == Decimal("0.002")
    assert value(report, "BasicEarningsLossPerShareFromContinuingOperations", H1_2023) == Decimal("-0.007")
    eps = find(report, "BasicEarningsLossPerShare", H1_2023)[0]
    assert eps.unit is not None and eps.unit.denominator == ("xbrli:shares",)


def test_statements_reconcile_and_every_row_is_tagged(report: Filing) -> None:
    """Profit or loss and financial position: every row tagged, every total reconciled. (The cash-flow
    statement's detailed lines the taxonomy lacks are flagged and complete their totals; see
    test_convert_hk_pdf.)"""
    assert report.errors == []
    codes = {f.code for f in report.findings}
    assert not codes & {"ambiguous-split", "unreadable-numbers", "no-consistent-reading"}
    assert all("ifrs_cash_flow" in f.message for f in report.findings if f.code == "unmapped-row")
    calc = [f for f in report.findings if f.code.startswith("calc")]
    assert calc and all(
        f.code in ("calc-anchored", "calc-incomplete") and "CashFlowsFrom" in (f.concept or "") for f in calc
    )
    statements = {
        f.provenance.table.split()[0]: f.provenance.table for f in report.facts if f.provenance.table
    }
    ext_tables = {
        statements[f.provenance.table.split()[0]]
        for f in report.facts
        if f.concept.startswith("ext:") and f.provenance.table
    }
    assert ext_tables and all("現金流量表" in t for t in ext_tables)
