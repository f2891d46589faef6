"""An income statement that analyses expenses by nature (raw materials, employee benefits,
depreciation …) instead of by function, in English and in simplified Chinese."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import FIXTURES, each_converted, value, write_and_validate

from xbrlify.model import Filing, Severity

BY_NATURE = FIXTURES / "by_nature"
ENGLISH = BY_NATURE / "06123_meridian_2024_interim_results_en.txt"
CHINESE = BY_NATURE / "06124_meridian_2024_interim_results_sc.txt"
H1_2024, H1_2023 = "2024-01-01..2024-06-30", "2023-01-01..2023-06-30"


by_nature = each_converted([ENGLISH, CHINESE], ["english", "simplified-chinese"])


def test_expenses_by_nature_on_their_ifrs_concepts(by_nature: Filing) -> None:
    # expenses are debits: the printed (310,450) is an expense of 310,450
    assert value(by_nature, "RawMaterialsAndConsumablesUsed", H1_2024) == Decimal("310450000")
    assert value(by_nature, "EmployeeBenefitsExpense", H1_2023) == Decimal("231330000")
    assert value(by_nature, "DepreciationPropertyPlantAndEquipment", H1_2024) == Decimal("38900000")
    assert value(by_nature, "DepreciationRightofuseAssets", H1_2023) == Decimal("11980000")
    assert value(by_nature, "AmortisationIntangibleAssetsOtherThanGoodwill", H1_2024) == Decimal("2120000")
    concept = "ExpenseRelatingToShorttermLeasesForWhichRecognitionExemptionHasBeenUsed"
    assert value(by_nature, concept, H1_2024) == Decimal("3600000")
    # "decrease (increase) in inventories": a printed 2,310 adds to profit, an increase of inventories
    assert value(by_nature, "ChangesInInventoriesOfFinishedGoodsAndWorkInProgress", H1_2024) == Decimal(
        "-2310000"
    )
    assert value(by_nature, "ChangesInInventoriesOfFinishedGoodsAndWorkInProgress", H1_2023) == Decimal(
        "1450000"
    )
    assert value(by_nature, "OtherExpenseByFunction", H1_2024) == Decimal("96300000")
    assert value(by_nature, "ProfitLossFromOperatingActivities", H1_2023) == Decimal("106110000")


def test_a_line_ifrs_has_no_concept_for_is_flagged_and_still_adds_up(
    by_nature: Filing, tmp_path: Path
) -> None:
    # subcontracting fees: no IFRS element; an extension concept, flagged, that joins operating profit
    unmapped = [f for f in by_nature.facts if f.concept.startswith("ext:")]
    assert {f.value for f in unmapped} == {Decimal("-88210000"), Decimal("-80455000")}
    warnings = [f for f in by_nature.findings if f.severity != Severity.INFO]
    assert [f.code for f in warnings] == ["unmapped-row"]
    assert any(f.code == "calc-anchored" for f in by_nature.findings)
    assert not any(f.code.startswith("calc-inconsistent") for f in by_nature.findings)
    _, result = write_and_validate(by_nature, "by_nature", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
