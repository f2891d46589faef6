"""CAS reports in 万元 and 百万元, and a bank-format report: units scaled, notes split by order, the
bank layout chosen by the rows it matches."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, find, value, write_and_validate

from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing, Severity
from xbrlify.taxonomy import load_taxonomy

WANYUAN = FIXTURES / "units" / "600999_wanyuan_2023_annual.txt"
BANK = FIXTURES / "bank" / "601999_bank_2023_annual.txt"
FY2023, FY2022 = "2023-01-01..2023-12-31", "2022-01-01..2022-12-31"
END2023, END2022 = "2023-12-31", "2022-12-31"


@pytest.fixture(scope="module")
def wanyuan() -> Filing:
    return convert(WANYUAN)


@pytest.fixture(scope="module")
def bank() -> Filing:
    return convert(BANK)


def test_wanyuan_values_are_scaled_to_yuan(wanyuan: Filing) -> None:
    total = find(wanyuan, "Assets", END2023)[0]
    assert total.value == Decimal("6262843200")  # 626,284.32 万元
    assert total.decimals == -2  # two decimals of 万元 are hundreds of yuan
    assert total.provenance.raw_text == "626,284.32"
    assert value(wanyuan, "Revenue", FY2022) == Decimal("4258163900")
    # per-share amounts are not scaled by the table unit
    assert value(wanyuan, "BasicEarningsLossPerShare", FY2023) == Decimal("0.40")


def test_note_order_settles_what_arithmetic_cannot(wanyuan: Filing) -> None:
    # 应付账款注释七、3687,635.41… and two other rows have readings that cancel out in 流动负债合计;
    # only notes 36, 38, 39 run in order down the statement
    payables = find(wanyuan, "TradeAndOtherCurrentPayablesToTradeSuppliers", END2023)[0]
    assert payables.value == Decimal("876354100")
    assert payables.provenance.rule == "arithmetic, then note references that increase down the statement"
    assert value(wanyuan, "CurrentContractLiabilities", END2023) == Decimal("158472300")


def test_wanyuan_report_reconciles(wanyuan: Filing) -> None:
    assert [f for f in wanyuan.findings if f.severity != Severity.INFO] == []


def test_bank_statements_use_the_bank_layouts(bank: Filing) -> None:
    codes = [f.code for f in bank.findings]
    assert codes.count("layout-by-content") == 2
    assert [f for f in bank.findings if f.severity != Severity.INFO] == []
    assert set(bank.calculations) == {"cas_bank_balance_sheet", "cas_bank_income"}


def test_bank_balance_sheet_in_millions(bank: Filing) -> None:
    assert value(bank, "Assets", END2023) == Decimal("1634047000000")
    assert value(bank, "DepositsFromCustomers", END2022) == Decimal("946317000000")
    assert value(bank, "CashAndBankBalancesAtCentralBanks", END2023) == Decimal("98765000000")
    assert value(bank, "AccumulatedOtherComprehensiveIncome", END2022) == Decimal("-1247000000")
    assert find(bank, "Assets", END2023)[0].decimals == -6


def test_bank_income_statement(bank: Filing) -> None:
    assert value(bank, "OperatingIncomeOfBanks", FY2023) == Decimal("49238000000")
    assert value(bank, "InterestRevenueExpense", FY2023) == Decimal("30236000000")
    # printed (38,216): an expense, positive in XBRL
    assert value(bank, "InterestExpenseFinancialBusiness", FY2023) == Decimal("38216000000")
    assert value(bank, "ProfitLoss", FY2022) == Decimal("11373000000")
    assert value(bank, "BasicEarningsLossPerShare", FY2023) == Decimal("0.63")


def test_general_enterprise_reports_keep_the_general_layouts(wanyuan: Filing) -> None:
    assert set(wanyuan.calculations) == {"cas_balance_sheet", "cas_income"}
    assert "layout-by-content" not in [f.code for f in wanyuan.findings]


def test_unread_item_drops_its_summation_from_the_filing_calculations() -> None:
    layout = load_taxonomy().layouts["cas_bank_income"]
    reported = {"cas:OperatingIncomeOfBanks", "ifrs-full:InterestRevenueExpense", "cas:InvestmentIncome"}
    parents = {a.parent for a in layout.arcs_for(reported)}
    assert "cas:OperatingIncomeOfBanks" in parents
    unread = {"ifrs-full:FeeAndCommissionIncomeExpense"}
    assert "cas:OperatingIncomeOfBanks" not in {a.parent for a in layout.arcs_for(reported, unread)}


@pytest.mark.parametrize("source", [WANYUAN, BANK], ids=["wanyuan", "bank"])
def test_arelle_accepts(source: Path, tmp_path: Path) -> None:
    _, run = write_and_validate(convert(source), source.stem, tmp_path)
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "calc11e" not in log


QUARTERLY = FIXTURES / "quarterly" / "600999_2024_q1.txt"
Q1_2024, Q1_2023 = "2024-01-01..2024-03-31", "2023-01-01..2023-03-31"


def test_first_quarter_report_columns_and_glued_values_without_notes() -> None:
    """A 第一季度报告: 2024年第一季度 / 2023年第一季度 columns, the balance sheet at 2024年3月31日
    against the year end, no notes column, values glued in 万元."""
    q1 = convert(QUARTERLY)
    doc = q1.document
    assert doc.report_type == "quarterly-report"
    assert doc.period is not None and doc.period.key == Q1_2024
    assert value(q1, "Revenue", Q1_2024) == Decimal("4683527400")  # 468,352.74 万元
    assert value(q1, "ProfitLoss", Q1_2023) == Decimal("266402000")
    assert value(q1, "Cash", "2024-03-31") == Decimal("1297468600")  # 货币资金
    assert value(q1, "CurrentAssets", END2023) == Decimal("3402603500")
    assert [f for f in q1.findings if f.severity != Severity.INFO] == []
