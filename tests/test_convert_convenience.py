"""Statements that print every figure twice, in the presentation currency and translated for
convenience (``2024 2023 2024 2023`` over ``HK$'000 HK$'000 US$'000 US$'000``): each column keeps
its own currency, so one line gives facts in HK$ and in US$ for the same periods."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import FIXTURES, each_converted, write_and_validate

from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing, Severity

CONVENIENCE = FIXTURES / "convenience"
SUMMED = CONVENIENCE / "07314_meridian_tools_2024_annual_results_usd.txt"
TRANSLATED = CONVENIENCE / "07324_meridian_tools_translated_totals.txt"
FY2024, FY2023 = "2024-01-01..2024-12-31", "2023-01-01..2023-12-31"


def amounts(filing: Filing, concept: str, period: str) -> dict[str, Decimal]:
    """The facts of a concept and period by currency."""
    return {
        f.unit.oim(): Decimal(f.value)  # type: ignore[arg-type]
        for f in filing.facts
        if f.concept == f"ifrs-full:{concept}" and f.context.period.key == period and f.unit is not None
    }


convenience = each_converted([SUMMED, TRANSLATED], ["totals-summed", "totals-translated"])


def test_each_column_in_its_own_currency(convenience: Filing) -> None:
    assert amounts(convenience, "Revenue", FY2024) == {
        "iso4217:HKD": Decimal("7812430000"),
        "iso4217:USD": Decimal("1001594000"),
    }
    assert amounts(convenience, "CostOfSales", FY2023) == {
        "iso4217:HKD": Decimal("4987302000"),
        "iso4217:USD": Decimal("639398000"),
    }
    assert amounts(convenience, "Equity", "2024-12-31").keys() == {"iso4217:HKD", "iso4217:USD"}
    units = {f.unit.oim() for f in convenience.facts if f.unit is not None}
    assert units == {"iso4217:HKD", "iso4217:USD"}


def test_no_finding_and_the_identities_hold_per_currency(convenience: Filing) -> None:
    # totals translated on their own may differ from the sum of the translated lines by a rounding
    # unit: consistent under the calculation's rounding, so no finding either
    assert [f.code for f in convenience.findings if f.severity != Severity.INFO] == []


def test_translated_totals_are_kept_as_printed() -> None:
    filing = convert(TRANSLATED)
    assert amounts(filing, "GrossProfit", FY2024)["iso4217:USD"] == Decimal("300296000")
    assert amounts(filing, "GrossProfit", FY2023)["iso4217:USD"] == Decimal("271401000")


def test_arelle_validates_both_currencies(tmp_path: Path) -> None:
    _, result = write_and_validate(convert(TRANSLATED), "convenience", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
