"""End to end on the HKEX IFRS interim results announcement (RMB thousands, glued columns)."""

from __future__ import annotations

from decimal import Decimal

from conftest import find, value

from xbrlify.model import Filing

H1_2025 = "2025-01-01..2025-06-30"
H1_2024 = "2024-01-01..2024-06-30"


def test_profile(hkex: Filing) -> None:
    doc = hkex.document
    assert (doc.entity.exchange, doc.entity.identifier, doc.standard) == ("HKEX", "02522", "IFRS")
    assert doc.report_type == "interim-results-announcement"


def test_note_reference_split_off_by_arithmetic(hkex: Filing) -> None:
    # 收入5467,049413,713 : note 5, then 467,049 and 413,713 thousand
    assert value(hkex, "Revenue", H1_2025) == Decimal("467049000")
    assert value(hkex, "Revenue", H1_2024) == Decimal("413713000")
    fact = find(hkex, "Revenue", H1_2025)[0]
    assert fact.decimals == -3
    assert fact.provenance.raw_text == "467,049"
    assert fact.provenance.line == 139


def test_expenses_in_parentheses_are_positive_debits(hkex: Filing) -> None:
    assert value(hkex, "CostOfSales", H1_2025) == Decimal("329803000")
    assert value(hkex, "IncomeTaxExpenseContinuingOperations", H1_2024) == Decimal("3412000")
    assert value(hkex, "FinanceIncomeCost", H1_2025) == Decimal("-11472000")


def test_attribution_rows_follow_their_section(hkex: Filing) -> None:
    assert value(hkex, "ProfitLossAttributableToOwnersOfParent", H1_2025) == Decimal("16443000")
    assert value(hkex, "ComprehensiveIncomeAttributableToOwnersOfParent", H1_2024) == Decimal("3834000")
    assert value(hkex, "ComprehensiveIncomeAttributableToNoncontrollingInterests", H1_2024) == Decimal(
        "-2874000"
    )


def test_eps_settled_by_share_count_rule(hkex: Filing) -> None:
    fact = find(hkex, "BasicEarningsLossPerShare", H1_2025)[0]
    assert fact.value == Decimal("0.046")
    assert fact.unit is not None and fact.unit.denominator == ("xbrli:shares",)
    assert fact.decimals == 3


def test_label_split_over_two_lines_and_nil_dash(hkex: Filing) -> None:
    concept = (
        "OtherComprehensiveIncomeNetOfTaxFinancialAssetsMeasuredAtFairValueThroughOtherComprehensiveIncome"
    )
    assert value(hkex, concept, H1_2025) == Decimal(0)
    assert value(hkex, concept, H1_2024) == Decimal("-2000")


def test_balance_sheet_glued_note_eleven(hkex: Filing) -> None:
    # 贸易应付款项1158,97726,485 : note 11, 58,977 and 26,485
    trade = [f for f in hkex.facts if f.provenance.row_label == "贸易应付款项"]
    assert {f.context.period.key: f.value for f in trade} == {
        "2025-06-30": Decimal("58977000"),
        "2024-12-31": Decimal("26485000"),
    }
    assert value(hkex, "Assets", "2025-06-30") == value(hkex, "EquityAndLiabilities", "2025-06-30")
    assert value(hkex, "Assets", "2025-06-30") == Decimal("2423813000")


def test_no_errors_and_every_statement_row_tagged(hkex: Filing) -> None:
    assert hkex.errors == []
    codes = {f.code for f in hkex.findings}
    assert "ambiguous-split" not in codes
    assert "unmapped-row" not in codes
    assert not hkex.extension_concepts
