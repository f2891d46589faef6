"""End to end on the SSE CAS semi-annual report (yuan, consolidated and parent-company statements)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import FIXTURES, find, value

from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing

H1_2024 = "2024-01-01..2024-06-30"
H1_2023 = "2023-01-01..2023-06-30"


def test_profile(cas: Filing) -> None:
    doc = cas.document
    assert (doc.entity.exchange, doc.entity.identifier, doc.standard) == ("SSE", "688246", "CAS")
    assert doc.report_type == "semi-annual-report"


def test_note_marker_split_and_yuan_decimals(cas: Filing) -> None:
    # 长期股权投资注释七、17113,931,492.5222,092,036.18 : note 17, 113,931,492.52
    assert value(cas, "InvestmentAccountedForUsingEquityMethod", "2024-06-30") == Decimal("113931492.52")
    fact = find(cas, "InvestmentAccountedForUsingEquityMethod", "2024-06-30")[0]
    assert fact.decimals == 2
    assert value(cas, "Assets", "2023-12-31") == Decimal("2646904334.03")


def test_parent_company_statements_carry_the_separate_member(cas: Filing) -> None:
    assert value(cas, "Assets", "2024-06-30", separate=True) == Decimal("1827371440.25")
    fact = find(cas, "Assets", "2024-06-30", separate=True)[0]
    assert fact.context.members[0].member == "ifrs-full:SeparateMember"
    assert value(cas, "ProfitLoss", H1_2024, separate=True) == Decimal("-5517038.58")


def test_finance_expense_is_the_negated_net_finance_income(cas: Filing) -> None:
    # 财务费用 2,469,254.67 (net cost) → FinanceIncomeCost -2,469,254.67; -2,249,895.05 → +2,249,895.05
    assert value(cas, "FinanceIncomeCost", H1_2024) == Decimal("-2469254.67")
    assert value(cas, "FinanceIncomeCost", H1_2023) == Decimal("2249895.05")


def test_losses_printed_negative_are_positive_impairment_losses(cas: Filing) -> None:
    assert value(cas, "ImpairmentLossRecognisedInProfitOrLoss", H1_2024) == Decimal("9928161.23")


def test_single_value_row_placed_by_arithmetic(cas: Filing) -> None:
    # 处置子公司及其他营业单位收到的现金净额1,700,000.00 : only the prior-period column adds up
    disposal = [
        f
        for f in cas.facts
        if f.provenance.row_label == "处置子公司及其他营业单位收到的现金净额" and not f.context.members
    ]
    assert [(f.context.period.key, f.value) for f in disposal] == [(H1_2023, Decimal("1700000.00"))]


def test_opening_and_closing_cash_get_instants(cas: Filing) -> None:
    assert value(cas, "CashAndCashEquivalents", "2023-12-31") == Decimal("550099675.19")
    assert value(cas, "CashAndCashEquivalents", "2024-06-30") == Decimal("352655548.86")


def test_eps_unit_and_no_errors(cas: Filing) -> None:
    fact = find(cas, "BasicEarningsLossPerShare", H1_2024)[0]
    assert fact.value == Decimal("-0.20")
    assert cas.errors == []
    codes = {f.code for f in cas.findings}
    assert "calc-inconsistent" not in codes


def test_only_unreachable_single_values_stay_ambiguous(cas: Filing) -> None:
    """A lone value on a 其中 breakdown row is in no summation: it is flagged, not guessed, unless
    the row it breaks down places it."""
    ambiguous = {f.line for f in cas.findings if f.code == "ambiguous-split"}
    assert ambiguous == {1799}
    assert not [f for f in cas.facts if f.provenance.line in ambiguous]


def test_lone_breakdown_value_equal_to_its_parent_goes_to_that_column(cas: Filing) -> None:
    # 吸收投资收到的现金 1,388,701.26 | 500,000.00 ; 其中:子公司吸收少数股东投资收到的现金 500,000.00
    facts = [
        f
        for f in cas.facts
        if f.concept == "ifrs-full:ProceedsFromChangesInOwnershipInterestsInSubsidiaries"
        and not f.context.members
    ]
    assert [(f.context.period.key, f.value) for f in facts] == [(H1_2023, Decimal("500000.00"))]
    assert facts[0].provenance.line == 1883


SIDE_BY_SIDE = FIXTURES / "bank" / "601999_bank_2023_annual_side_by_side.txt"


def test_group_and_bank_columns_side_by_side_take_their_scopes() -> None:
    """项目 附注 本集团 本行 over four dated columns: the first two are the group's, the last two
    the bank's (SeparateMember)."""
    filing = convert(SIDE_BY_SIDE)
    assert value(filing, "Assets", "2023-12-31") == Decimal("1634047000000")
    assert value(filing, "Assets", "2023-12-31", separate=True) == Decimal("3268094000000")
    assert value(filing, "Assets", "2022-12-31", separate=True) == Decimal("2982124000000")
    assert not [f for f in filing.findings if f.severity != "info"]


def test_a_statement_whose_columns_are_not_understood_is_a_warning(tmp_path: Path) -> None:
    text = SIDE_BY_SIDE.read_text(encoding="utf-8").replace(
        "2023年12月31日2022年12月31日2023年12月31日2022年12月31日\n", ""
    )
    path = tmp_path / SIDE_BY_SIDE.name
    path.write_text(text, encoding="utf-8")
    filing = convert(path)
    unread = [f for f in filing.findings if f.code == "no-columns"]
    assert [f.severity for f in unread] == ["warning"] and "rows are not read" in unread[0].message
    assert not find(filing, "Assets", "2023-12-31")
