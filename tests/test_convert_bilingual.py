"""End to end on bilingual Hong Kong results: each row's label printed in English and in Chinese."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, find, value, write_and_validate

from xbrlify.converters.document import Line
from xbrlify.converters.labels import bilingual_parts
from xbrlify.converters.parse import is_translation, script
from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing, Severity

BILINGUAL = FIXTURES / "bilingual"
SAME_LINE = BILINGUAL / "08899_lotusbay_2024_annual_results_bilingual.txt"
CHINESE_FIRST = BILINGUAL / "08898_lotusbay_2024_annual_results_chinese_first.txt"
STACKED = BILINGUAL / "08897_lotusbay_2024_annual_results_stacked.txt"
FY2024, FY2023 = "2024-01-01..2024-12-31", "2023-01-01..2023-12-31"
END2024, END2023 = "2024-12-31", "2023-12-31"


@pytest.fixture(scope="module")
def bilingual() -> Filing:
    return convert(SAME_LINE)


def _facts(filing: Filing) -> set[tuple[str, str, Decimal]]:
    return {
        (f.concept, f.context.period.key, f.value)
        for f in filing.facts
        if f.unit is not None and isinstance(f.value, Decimal)
    }


@pytest.mark.parametrize(
    ("label", "parts"),
    [
        ("Revenue 營業額", ("營業額", "Revenue")),
        (
            "Other gains/(losses), net 其他收益╱(虧損),淨額",
            ("其他收益╱(虧損),淨額", "Other gains/(losses), net"),
        ),
        ("毛利 Gross profit", ("毛利", "Gross profit")),
        ("Profit attributable to: 以下人士應佔溢利:", ("以下人士應佔溢利:", "Profit attributable to:")),
        ("H股股本", None),  # a Chinese label with a Latin letter is one language
        ("其中:对联营企业(JV)的投资收益", None),
        ("Revenue", None),
        ("营业收入", None),
    ],
)
def test_bilingual_parts(label: str, parts: tuple[str, str] | None) -> None:
    assert bilingual_parts(label) == parts


def test_translation_line_is_the_row_above_in_the_other_language() -> None:
    above = (
        Line(number=20, text="Revenue 5 1,520,400 1,388,150"),
        "Revenue",
        "5 1,520,400 1,388,150",
        8,
        False,
    )
    assert script("營業額") == "zh" and script("Revenue") == "en" and script("Revenue 營業額") is None
    assert is_translation("營業額", above, Line(number=21, text="營業額"))
    assert not is_translation("Other income", above, Line(number=21, text="Other income"))
    assert not is_translation("營業額", above, Line(number=23, text="營業額"))  # not the next line
    heading = (above[0], "Revenue", "", 0, False)
    assert not is_translation("營業額", heading, Line(number=21, text="營業額"))  # above has no figures


def test_bilingual_statements_fully_tagged(bilingual: Filing) -> None:
    doc = bilingual.document
    assert (doc.entity.exchange, doc.entity.identifier) == ("HKEX", "08899")
    assert doc.currency == "HKD" and doc.period is not None and doc.period.key == FY2024
    assert value(bilingual, "Revenue", FY2024) == Decimal("1520400000")
    assert value(bilingual, "CostOfSales", FY2023) == Decimal("1015470000")
    assert value(bilingual, "OtherGainsLosses", FY2023) == Decimal("-4115000")
    assert value(bilingual, "FinanceIncomeCost", FY2024) == Decimal("-12870000")
    assert value(bilingual, "ProfitLossBeforeTax", FY2023) == Decimal("133809000")
    assert value(bilingual, "ProfitLossAttributableToNoncontrollingInterests", FY2024) == Decimal("4120000")
    assert value(bilingual, "BasicEarningsLossPerShare", FY2024) == Decimal("0.1301")
    assert value(bilingual, "DilutedEarningsLossPerShare", FY2023) == Decimal("0.1005")
    # "As at 31 December 2024 於二零二四年十二月三十一日" over "2024 2023" / "二零二四年 二零二三年":
    # two columns, each year at the printed month-day
    assert value(bilingual, "PropertyPlantAndEquipment", END2024) == Decimal("402110000")
    assert value(bilingual, "PropertyPlantAndEquipment", END2023) == Decimal("388540000")
    assert value(bilingual, "NoncurrentAssets", END2023) == Decimal("435980000")  # unlabelled subtotal
    assert value(bilingual, "CurrentLiabilities", END2024) == Decimal("310600000")
    assert value(bilingual, "EquityAndLiabilities", END2024) == Decimal("1282630000")
    assert not any(f.concept.startswith("ext:") for f in bilingual.facts)
    fact = find(bilingual, "Revenue", FY2024)[0]
    assert fact.provenance.row_label == "Revenue 營業額"
    assert fact.provenance.raw_text == "1,520,400"


def test_bilingual_reconciles_and_arelle_accepts(bilingual: Filing, tmp_path: Path) -> None:
    assert [f for f in bilingual.findings if f.severity != Severity.INFO] == []
    _, result = write_and_validate(bilingual, SAME_LINE.stem, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("variant", [CHINESE_FIRST, STACKED], ids=["chinese-first", "stacked"])
def test_label_order_and_stacking_give_the_same_facts(bilingual: Filing, variant: Path) -> None:
    other = convert(variant)
    assert _facts(other) == _facts(bilingual)
    assert [f for f in other.findings if f.severity != Severity.INFO] == []


HARBOUR_CREST = BILINGUAL / "09368_harbourcrest_2024_annual_results_bilingual.txt"


@pytest.fixture(scope="module")
def harbour_crest() -> Filing:
    return convert(HARBOUR_CREST)


def test_headers_in_both_languages_on_one_line(harbour_crest: Filing) -> None:
    # "2024 2023 二零二四年 二零二三年" and "Notes HK$’000 HK$’000 附註 港幣千元 港幣千元": two columns
    assert {f.context.period.key for f in harbour_crest.facts if f.concept == "ifrs-full:Revenue"} == {
        FY2024,
        FY2023,
    }
    assert value(harbour_crest, "Revenue", FY2023) == Decimal("2345880000")
    assert value(harbour_crest, "Equity", END2023) == Decimal("986780000")


def test_continuing_and_discontinued_operations(harbour_crest: Filing) -> None:
    assert value(harbour_crest, "ProfitLossFromContinuingOperations", FY2024) == Decimal("48885000")
    assert value(harbour_crest, "ProfitLossFromDiscontinuedOperations", FY2024) == Decimal("-3210000")
    assert value(harbour_crest, "ProfitLossFromDiscontinuedOperations", FY2023) == Decimal("0")  # printed –
    assert value(harbour_crest, "ProfitLoss", FY2024) == Decimal("45675000")


def test_exchange_and_impairment_lines(harbour_crest: Filing) -> None:
    # gains are credits: a printed (8,215) is a loss
    concept = "GainsLossesOnExchangeDifferencesOnTranslationRecognisedInProfitOrLoss"
    assert value(harbour_crest, concept, FY2024) == Decimal("9870000")
    assert value(harbour_crest, concept, FY2023) == Decimal("-8215000")
    # an impairment loss is a debit: the printed (2,340) loss is 2,340, the net reversal 5,410 is -5,410
    impairment = "ImpairmentLossImpairmentGainAndReversalOfImpairmentLossDeterminedInAccordanceWithIFRS9"
    assert value(harbour_crest, impairment, FY2024) == Decimal("2340000")
    assert value(harbour_crest, impairment, FY2023) == Decimal("-5410000")


def test_net_assets_format_balance_sheet(harbour_crest: Filing, tmp_path: Path) -> None:
    assert value(harbour_crest, "NetAssetsLiabilities", END2024) == Decimal("1040800000")
    assert value(harbour_crest, "NoncurrentAssets", END2024) == Decimal("690550000")  # unlabelled subtotal
    assert value(harbour_crest, "CurrentLiabilities", END2023) == Decimal("635660000")
    assert value(harbour_crest, "LongtermBorrowings", END2024) == Decimal("120000000")
    assert value(
        harbour_crest, "CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings", END2024
    ) == Decimal("180000000")
    assert not any(f.concept.startswith("ext:") for f in harbour_crest.facts)
    assert [f for f in harbour_crest.findings if f.severity != Severity.INFO] == []
    _, result = write_and_validate(harbour_crest, HARBOUR_CREST.stem, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
