"""An HKEX cash flow statement with the lines property and holding groups print (pledged and
restricted deposits, time deposits, financial assets at FVTPL, related-party advances, senior
notes), in English and in traditional Chinese: each line on its IFRS concept where IFRS has one,
every subtotal adding up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, each_converted, value, write_and_validate

from xbrlify.model import Filing, Severity

CASH_FLOWS = FIXTURES / "cash_flows"
ENGLISH = CASH_FLOWS / "06218_lotus_harbour_2024_annual_results_en.txt"
CHINESE = CASH_FLOWS / "06218_lotus_harbour_2024_annual_results_tc.txt"
FY2024, FY2023 = "2024-01-01..2024-12-31", "2023-01-01..2023-12-31"


cash_flows = each_converted([ENGLISH, CHINESE], ["english", "traditional-chinese"])


@pytest.mark.parametrize(
    ("concept", "period", "expected"),
    [
        # adjustments: a gain is deducted (printed negative), its credit-balance fact positive
        (
            "AdjustmentsForGainLossOnDisposalOfInvestmentsInSubsidiariesJointVenturesAndAssociates",
            FY2024,
            "76687",
        ),
        (
            "AdjustmentsForImpairmentLossReversalOfImpairmentLossRecognisedInProfitOrLossPropertyPlantAndEquipment",
            FY2023,
            "48231",
        ),
        # working capital: an increase in receivables uses cash, so it reads negative
        ("AdjustmentsForDecreaseIncreaseInOtherOperatingReceivables", FY2024, "-127376"),
        ("AdjustmentsForIncreaseDecreaseInOtherOperatingPayables", FY2023, "303768"),
        # interest received printed among operating activities is an operating cash flow
        ("InterestReceivedClassifiedAsOperatingActivities", FY2024, "8215"),
        # investing: payments are credits (positive), net changes in deposits keep their sign
        ("PurchaseOfFinancialInstrumentsClassifiedAsInvestingActivities", FY2024, "153038"),
        (
            "ProceedsFromSalesOrMaturityOfFinancialInstrumentsClassifiedAsInvestingActivities",
            FY2023,
            "284675",
        ),
        ("CashFlowsFromUsedInDecreaseIncreaseInShorttermDepositsAndInvestments", FY2024, "-429085"),
        ("CashFlowsFromUsedInDecreaseIncreaseInRestrictedCashAndCashEquivalents", FY2023, "-288375"),
        ("CashAdvancesAndLoansMadeToRelatedParties", FY2024, "297091"),
        ("CashReceiptsFromRepaymentOfAdvancesAndLoansMadeToRelatedParties", FY2024, "325739"),
        # financing
        ("ProceedsFromIssueOfBondsNotesAndDebentures", FY2023, "308203"),
        ("RepaymentsOfBondsNotesAndDebentures", FY2024, "238799"),
        ("CashAdvancesAndLoansFromRelatedParties", FY2024, "158364"),
        ("CashRepaymentsOfAdvancesAndLoansFromRelatedParties", FY2023, "95449"),
        ("CashFlowsFromUsedInInvestingActivities", FY2023, "-72839"),
        ("CashFlowsFromUsedInFinancingActivities", FY2024, "-1180739"),
    ],
)
def test_cash_flow_lines_on_their_ifrs_concepts(
    cash_flows: Filing, concept: str, period: str, expected: str
) -> None:
    assert value(cash_flows, f"ifrs-full:{concept}", period) == Decimal(expected) * 1000


def test_interest_received_is_tagged_once_in_its_section(cash_flows: Filing) -> None:
    assert not [
        f
        for f in cash_flows.facts
        if f.concept == "ifrs-full:InterestReceivedClassifiedAsInvestingActivities"
    ]


def test_only_gross_deposit_flows_and_properties_for_sale_stay_extensions(
    cash_flows: Filing, tmp_path: Path
) -> None:
    # IFRS has no element for placing or withdrawing pledged deposits one way, nor for properties
    # under development: three extension lines, flagged, that still join their subtotals
    warnings = [f for f in cash_flows.findings if f.severity != Severity.INFO]
    assert [f.code for f in warnings] == ["unmapped-row"] * 3
    assert len({f.concept for f in cash_flows.facts if f.concept.startswith("ext:")}) == 3
    assert not any(f.code.startswith("calc-inconsistent") for f in cash_flows.findings)
    _, result = write_and_validate(cash_flows, "cash_flows", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
