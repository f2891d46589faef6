"""End to end on an English HKEX annual results announcement (HK$'000, year columns, HK cents)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, arelle_validate, find, value, write_and_validate

from xbrlify.converters.locate import is_header_line, title_layouts
from xbrlify.converters.periods import durations, english_dates, instants
from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing, Severity
from xbrlify.taxonomy import load_taxonomy

ENGLISH = FIXTURES / "english" / "01234_example_2024_annual_results_en.txt"
FY2024, FY2023 = "2024-01-01..2024-12-31", "2023-01-01..2023-12-31"
END2024, END2023 = "2024-12-31", "2023-12-31"


@pytest.fixture(scope="module")
def english() -> Filing:
    return convert(ENGLISH)


def test_english_header_dates_read_as_periods() -> None:
    assert english_dates("At 31 December 2024") == "At 2024年12月31日"
    assert english_dates("June 30, 2025") == "2025年6月30日"
    header = english_dates("Six months ended 30 June") + "|" + english_dates("2025 2024")
    assert [(a.isoformat(), b.isoformat()) for a, b in durations(header)] == [
        ("2025-01-01", "2025-06-30"),
        ("2024-01-01", "2024-06-30"),
    ]
    assert [d.isoformat() for d in instants(english_dates("30 June 2025 31 December 2024"))] == [
        "2025-06-30",
        "2024-12-31",
    ]
    # a year inside a Chinese date is not a column year
    assert english_dates("2019 年 12 月 31 日") == "2019 年 12 月 31 日"


def test_profile_from_english_cover(english: Filing) -> None:
    doc = english.document
    assert (doc.entity.exchange, doc.entity.identifier, doc.entity.name) == (
        "HKEX",
        "01234",
        "EXAMPLE HEALTH HOLDINGS LIMITED",
    )
    assert doc.report_type == "annual-results-announcement"
    assert doc.currency == "HKD"
    assert doc.period is not None and doc.period.key == FY2024


def test_income_statement_in_thousands(english: Filing) -> None:
    assert value(english, "Revenue", FY2024) == Decimal("852316000")
    assert value(english, "Revenue", FY2023) == Decimal("790204000")
    assert value(english, "CostOfSales", FY2024) == Decimal("512870000")
    assert value(english, "OtherGainsLosses", FY2024) == Decimal("-3215000")
    # a label wrapped over two lines
    assert value(
        english,
        "ImpairmentLossImpairmentGainAndReversalOfImpairmentLossDeterminedInAccordanceWithIFRS9",
        FY2023,
    ) == Decimal("2988000")
    assert value(english, "ProfitLoss", FY2024) == Decimal("86611000")
    assert value(english, "ProfitLossAttributableToNoncontrollingInterests", FY2023) == Decimal("2214000")
    assert value(english, "ComprehensiveIncomeAttributableToOwnersOfParent", FY2024) == Decimal("81280000")
    fact = find(english, "Revenue", FY2024)[0]
    assert fact.unit is not None and fact.unit.numerator == ("iso4217:HKD",)
    assert (fact.decimals, fact.provenance.raw_text) == (-3, "852,316")


def test_earnings_per_share_in_hk_cents(english: Filing) -> None:
    basic = find(english, "BasicEarningsLossPerShare", FY2024)[0]
    assert basic.value == Decimal("0.0835")
    assert basic.decimals == 4
    assert basic.provenance.raw_text == "8.35"
    assert value(english, "DilutedEarningsLossPerShare", FY2023) == Decimal("0.0738")


def test_financial_position_from_year_columns(english: Filing) -> None:
    # "At 31 December 2024" over "2024 2023": each year takes the printed month-day
    assert value(english, "TradeAndOtherCurrentReceivables", END2024) == Decimal("188306000")
    assert value(english, "NoncurrentAssets", END2023) == Decimal("508924000")  # unlabelled subtotal
    assert value(english, "CurrentLiabilities", END2024) == Decimal("279565000")
    assert value(english, "NetAssetsLiabilities", END2024) == Decimal("663625000")
    assert value(english, "CurrentTaxAssetsCurrent", END2023) == Decimal("0")  # printed as a dash
    # the statement continues after a page number line
    assert value(english, "Equity", END2023) == Decimal("568984000")


def test_everything_reconciles(english: Filing) -> None:
    problems = [f for f in english.findings if f.severity != Severity.INFO]
    assert problems == []
    assert len(english.facts) == 106


def test_filing_calculations_fold_in_the_unprinted_operating_profit(english: Filing) -> None:
    layout = load_taxonomy().layouts["ifrs_income"]
    reported = {f.concept for f in english.facts}
    children = {
        a.child: a.weight for a in layout.arcs_for(reported) if a.parent == "ifrs-full:ProfitLossBeforeTax"
    }
    assert children["ifrs-full:GrossProfit"] == 1
    assert children["ifrs-full:AdministrativeExpense"] == -1
    assert children["ifrs-full:FinanceCosts"] == -1
    assert "ifrs-full:ProfitLossFromOperatingActivities" not in children


def test_arelle_accepts_the_english_filing(english: Filing, tmp_path: Path) -> None:
    instance, run = write_and_validate(english, ENGLISH.stem, tmp_path)
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "calc11e" not in log
    # the check can fail: profit before tax 100,000 off (beyond c11r rounding of nine items in
    # thousands) is caught by the filing's own calculation arcs
    broken = instance.read_text(encoding="utf-8").replace(">116481000<", ">116581000<", 1)
    instance.write_text(broken, encoding="utf-8")
    run = arelle_validate(tmp_path / "xbrlify-taxonomy.zip", instance)
    assert "calc11e:inconsistentCalculationUsingRounding" in run.stdout + run.stderr


# A second English layout: "For the six months ended 30 June" over "Notes 2024 2023", columns
# separated by spaces, US-style wording (Revenues, Cost of revenues, SG&A), attribution to "equity
# shareholders", an unlabelled total after it, and a net-assets statement of financial position whose
# section totals are printed without labels.
INTERIM = FIXTURES / "english" / "04321_harbourline_2024_interim_results_en.txt"
H1_2024, H1_2023 = "2024-01-01..2024-06-30", "2023-01-01..2023-06-30"
JUN2024, DEC2023 = "2024-06-30", "2023-12-31"


@pytest.fixture(scope="module")
def interim() -> Filing:
    return convert(INTERIM)


def test_interim_announcement_profile(interim: Filing) -> None:
    doc = interim.document
    assert (doc.entity.exchange, doc.entity.identifier) == ("HKEX", "04321")
    assert doc.report_type == "interim-results-announcement"
    assert doc.currency == "CNY"
    assert doc.period is not None and doc.period.key == H1_2024


@pytest.mark.parametrize(
    ("cover", "back"),
    [
        # the code under its heading on the cover: 股份代號 / 4321
        ("股份代號\n4321", ""),
        # only the corporate information page prints it, after the statements
        ("", "CORPORATE INFORMATION\nBoard of Directors\nMr. Chan Tai Man (Chairman)\nStock code\n4321"),
    ],
    ids=["code-under-heading", "corporate-information-page"],
)
def test_stock_code_printed_under_its_heading(cover: str, back: str, tmp_path: Path) -> None:
    text = INTERIM.read_text(encoding="utf-8").replace("(Stock Code: 4321)", cover)
    source = tmp_path / "interim_results.txt"  # no code in the file name
    source.write_text(text + "\n" + back + "\n", encoding="utf-8")
    filing = convert(source)
    assert (filing.document.entity.exchange, filing.document.entity.identifier) == ("HKEX", "04321")
    assert "issuer-from-file-name" not in {f.code for f in filing.findings}


def test_interim_income_statement_wording(interim: Filing) -> None:
    assert value(interim, "Revenue", H1_2024) == Decimal("1250400000")
    assert value(interim, "CostOfSales", H1_2023) == Decimal("931400000")
    assert value(interim, "SellingGeneralAndAdministrativeExpense", H1_2024) == Decimal("150470000")
    assert value(interim, "OtherExpenseByFunction", H1_2024) == Decimal("4120000")
    assert value(interim, "OtherGainsLosses", H1_2023) == Decimal("-1450000")  # other net income/(loss)
    assert value(interim, "ProfitLossAttributableToOwnersOfParent", H1_2024) == Decimal("90125000")
    assert value(interim, "ProfitLoss", H1_2024) == Decimal("95897000")  # printed twice, agreeing
    assert value(interim, "BasicEarningsLossPerShare", H1_2024) == Decimal("0.150")


def test_spaced_columns_are_not_split_inside_a_number(interim: Filing) -> None:
    """``5,672 4,320`` after a label with no note: not note 5 + 672 or note 56 + 72."""
    share = "ShareOfProfitLossOfAssociatesAndJointVenturesAccountedForUsingEquityMethod"
    assert value(interim, share, H1_2024) == Decimal("5672000")
    assert value(interim, share, H1_2023) == Decimal("4320000")
    assert value(interim, "ProfitLossAttributableToNoncontrollingInterests", H1_2024) == Decimal("5772000")


def test_interim_financial_position_with_unlabelled_totals(interim: Filing) -> None:
    assert value(interim, "NoncurrentAssets", JUN2024) == Decimal("945330000")
    assert value(interim, "CurrentLiabilities", DEC2023) == Decimal("484590000")
    assert value(interim, "CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings", JUN2024) == Decimal(
        "120000000"
    )
    assert value(interim, "LongtermBorrowings", JUN2024) == Decimal("200000000")
    assert value(interim, "NetAssetsLiabilities", DEC2023) == Decimal("955840000")
    assert value(interim, "EquityAttributableToOwnersOfParent", JUN2024) == Decimal("965620000")
    assert value(interim, "CurrentTaxLiabilitiesCurrent", JUN2024) == Decimal("15670000")


def test_interim_reconciles_and_arelle_accepts(interim: Filing, tmp_path: Path) -> None:
    assert [f for f in interim.findings if f.severity != Severity.INFO] == []
    _, run = write_and_validate(interim, INTERIM.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "header",
    [
        "For the six months ended 30 June",
        "For the year ended 31 December 2023 (Expressed in Renminbi (“RMB”))",
        "Notes 2024 2023",
        "(unaudited) (audited)",
        "HK$'000 HK$'000",
    ],
)
def test_english_header_lines(header: str) -> None:
    assert is_header_line(header)


@pytest.mark.parametrize("row", ["Revenues 5 74,411 73,169", "Income tax", "RMB bonds issued"])
def test_rows_are_not_header_lines(row: str) -> None:
    assert not is_header_line(row)


def test_statement_continued_on_the_next_page(tmp_path: Path) -> None:
    """A statement of financial position broken by a page: the title again with "(continued)" and
    the column headers repeated; the two parts are one statement."""
    text = INTERIM.read_text(encoding="utf-8")
    cut = "Current liabilities\n"
    page_break = (
        "- 5 -\nCondensed Consolidated Statement of Financial Position (continued)\n"
        "At 30 June 2024 At 31 December 2023\n(unaudited) (audited)\nNote RMB'000 RMB'000\n"
    )
    path = tmp_path / INTERIM.name
    path.write_text(text.replace(cut, page_break + cut, 1), encoding="utf-8")
    split = convert(path)
    assert [f for f in split.findings if f.severity != Severity.INFO] == []
    assert value(split, "NetAssetsLiabilities", JUN2024) == Decimal("1005450000")
    assert value(split, "NetCurrentAssets", JUN2024) == Decimal("322310000")


def test_basic_and_diluted_row_reports_both(interim: Filing) -> None:
    """One printed "Basic/diluted earnings per share" value is both the basic and the diluted EPS."""
    basic = find(interim, "BasicEarningsLossPerShare", H1_2024)
    diluted = find(interim, "DilutedEarningsLossPerShare", H1_2024)
    assert [f.value for f in basic] == [f.value for f in diluted] == [Decimal("0.150")]
    assert basic[0].provenance == diluted[0].provenance


CASH_FLOWS = FIXTURES / "english" / "05678_evergreen_2024_annual_results_en.txt"


@pytest.fixture(scope="module")
def cash_flows() -> Filing:
    return convert(CASH_FLOWS)


def test_indirect_method_lines_map_to_ifrs_adjustments(cash_flows: Filing) -> None:
    """Operating activities from profit before tax: add-backs, deductions (credit concepts, sign
    turned) and working-capital movements, in HK$'000."""
    expected = {
        "AdjustmentsForAmortisationExpense": ("2150000", "1980000"),
        "AdjustmentsForFinanceCosts": ("8907000", "9452000"),
        "AdjustmentsForInterestIncome": ("1870000", "1230000"),
        "AdjustmentsForUndistributedProfitsOfAssociates": ("1236000", "-502000"),
        "AdjustmentsForImpairmentLossReversalOfImpairmentLossRecognisedInProfitOrLoss": (
            "4120000",
            "2988000",
        ),
        "AdjustmentsForDecreaseIncreaseInInventories": ("-6667000", "-5120000"),
        "AdjustmentsForDecreaseIncreaseInTradeAndOtherReceivables": ("-17086000", "-9462000"),
        "AdjustmentsForIncreaseDecreaseInTradeAndOtherPayables": ("7374000", "9860000"),
        "AdjustmentsForIncreaseDecreaseInContractLiabilities": ("3657000", "2140000"),
        "CashFlowsFromUsedInOperations": ("158250000", "152822000"),
        "CashFlowsFromUsedInOperatingActivities": ("130100000", "128522000"),
        "CashFlowsFromUsedInInvestingActivities": ("-45217000", "-37750000"),
        "CashFlowsFromUsedInFinancingActivities": ("-59104000", "-47352000"),
        "EffectOfExchangeRateChangesOnCashAndCashEquivalents": ("12880000", "-1204000"),
    }
    for concept, (current, prior) in expected.items():
        assert str(value(cash_flows, concept, FY2024)) == current, concept
        assert str(value(cash_flows, concept, FY2023)) == prior, concept
    # the closing-cash label continued by a qualifier on the next line (", represented by …")
    assert value(cash_flows, "CashAndCashEquivalents", END2024) == Decimal("243977000")
    assert value(cash_flows, "CashAndCashEquivalents", "2022-12-31") == Decimal("163102000")
    assert not [f for f in cash_flows.findings if f.severity is Severity.ERROR]


def test_depreciation_lines_join_cash_generated_from_operations(cash_flows: Filing, tmp_path: Path) -> None:
    """Depreciation of property, plant and equipment and of right-of-use assets are the IFRS
    depreciation concepts of each asset class; with the profit before tax the reconciliation starts
    from (the statement of profit or loss's concept and value) they complete the operating cash
    flows before movements in working capital, which with those movements make 'cash generated
    from operations'."""
    depreciation = {
        f.concept: f.value
        for f in cash_flows.facts
        if f.context.period.key == FY2024 and "Depreciation" in f.concept
    }
    assert depreciation == {
        "ifrs-full:DepreciationPropertyPlantAndEquipment": Decimal("30120000"),
        "ifrs-full:DepreciationRightofuseAssets": Decimal("12300000"),
    }

    def children(total: str) -> dict[str, int]:
        arcs = cash_flows.calculations["ifrs_cash_flow"]
        return {a.child: a.weight for a in arcs if a.parent == f"ifrs-full:{total}"}

    before = children("CashFlowsFromUsedInOperationsBeforeChangesInWorkingCapital")
    assert before["ifrs-full:DepreciationPropertyPlantAndEquipment"] == 1
    assert before["ifrs-full:DepreciationRightofuseAssets"] == 1
    assert "ifrs-full:ProfitLossBeforeTax" in before
    assert "ifrs-full:ProfitLoss" not in before  # printed by the other statement only
    operations = children("CashFlowsFromUsedInOperations")
    assert operations["ifrs-full:CashFlowsFromUsedInOperationsBeforeChangesInWorkingCapital"] == 1
    assert operations["ifrs-full:AdjustmentsForDecreaseIncreaseInInventories"] == 1
    assert not [c for c in {**before, **operations} if c.startswith("ext:")]
    concept = "CashFlowsFromUsedInOperationsBeforeChangesInWorkingCapital"
    assert value(cash_flows, concept, FY2024) == Decimal("170972000")
    assert not [f for f in cash_flows.findings if f.code == "unmapped-row"]
    assert not [f for f in cash_flows.findings if f.code in ("calc-inconsistent", "calc-incomplete")]
    _, run = write_and_validate(cash_flows, CASH_FLOWS.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def test_two_lines_read_as_one_concept_become_extensions() -> None:
    """ "Interest income" and "Bank interest income" both read as the interest-income adjustment
    but print other values: neither is that concept's fact; both are flagged extension concepts,
    and with them the operating subtotal still adds up."""
    filing = convert(FIXTURES / "english" / "05679_evergreen_two_interest_lines_en.txt")
    flagged = [f for f in filing.findings if f.code == "concept-of-two-lines"]
    assert {f.concept for f in flagged} == {"ifrs-full:AdjustmentsForInterestIncome"} and len(flagged) == 2
    assert not find(filing, "AdjustmentsForInterestIncome", FY2024)
    ext = {
        f.provenance.row_label: f.value
        for f in filing.facts
        if f.concept.startswith("ext:") and f.context.period.key == FY2024
    }
    assert ext["Interest income"] == Decimal("-1370000") and ext["Bank interest income"] == Decimal("-500000")
    assert not filing.errors
    assert "ifrs-full:CashFlowsFromUsedInOperationsBeforeChangesInWorkingCapital" in {
        f.concept for f in filing.findings if f.code == "calc-anchored"
    }
    # the check of that subtotal while the rows were read counted one of the two lines only
    assert not [f for f in filing.findings if f.code.startswith("calc-inconsistent")]


def test_traditional_chinese_cash_flow_wording_gives_the_same_facts(cash_flows: Filing) -> None:
    """The same statement of cash flows in HKEX traditional-Chinese wording (除稅前溢利, 存貨增加,
    已付香港利得稅, 租賃付款之本金部分, 於一月一日之現金及現金等價物 …): the same tagged facts."""
    chinese = convert(FIXTURES / "english" / "05680_evergreen_cash_flows_tc_labels.txt")

    def tagged(filing: Filing) -> set[tuple[str, str, object]]:
        return {
            (f.concept, f.context.period.key, f.value)
            for f in filing.facts
            if f.unit is not None and not f.concept.startswith("ext:")
        }

    assert tagged(chinese) == tagged(cash_flows)
    assert value(chinese, "CashAndCashEquivalents", "2022-12-31") == Decimal("163102000")
    assert [f.code for f in chinese.findings if f.severity is not Severity.INFO] == []


def _edited(old: str, new: str, stem: str, tmp_path: Path) -> Filing:
    """The 05678 layout fixture with one printed passage replaced, converted."""
    text = (FIXTURES / "pdf" / "05678_evergreen_2024_annual_results_en.layout.txt").read_text(
        encoding="utf-8"
    )
    assert old in text
    source = tmp_path / f"{stem}.txt"
    source.write_text(text.replace(old, new), encoding="utf-8")
    return convert(source)


def _by_period(filing: Filing, concept: str) -> dict[str, object]:
    return {f.context.period.key: f.value for f in filing.facts if f.concept == concept}


def test_hyphen_apart_from_a_figure_reads_as_nil_or_minus_by_arithmetic(tmp_path: Path) -> None:
    """``Dividends received from associates - 1,000``: a hyphen standing apart from the figure is
    a nil cell here (the investing subtotal adds up only so), not a minus sign."""
    filing = _edited(
        "Dividends received from associates\t\t–\t1,000",
        "Dividends received from associates - 1,000",
        "05678_hyphen_nil",
        tmp_path,
    )
    dividends = _by_period(filing, "ifrs-full:DividendsReceivedClassifiedAsInvestingActivities")
    assert dividends == {FY2024: Decimal("0"), FY2023: Decimal("1000000")}
    assert not [f for f in filing.findings if f.code.startswith("calc-")]


def test_impairment_of_goodwill_line_is_its_ifrs_concept(tmp_path: Path) -> None:
    """``Impairment loss on goodwill (1,000) –`` split off administrative expenses: the IFRS
    impairment concept at a positive value, inside the operating summation, valid in Arelle."""
    filing = _edited(
        "Administrative expenses\t\t(121,593)\t(115,640)",
        "Administrative expenses\t\t(120,593)\t(115,640)\nImpairment loss on goodwill\t\t(1,000)\t–",
        "05678_goodwill",
        tmp_path,
    )
    goodwill = _by_period(filing, "ifrs-full:ImpairmentLossRecognisedInProfitOrLossGoodwill")
    assert goodwill == {FY2024: Decimal("1000000"), FY2023: Decimal("0")}
    assert not [f for f in filing.findings if f.code.startswith("calc-") and f.severity is not Severity.INFO]
    _, run = write_and_validate(filing, "05678_goodwill", tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "title",
    [
        "CONSOLIDATED STATEMENT OF INCOME",
        "CONSOLIDATED INCOME STATEMENT",
        "CONSOLIDATED STATEMENT OF PROFIT OR LOSS AND COMPREHENSIVE INCOME",
        "Consolidated Statement of Profit and Loss",
    ],
)
def test_income_statement_title_wordings(title: str, english: Filing, tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8")
    source = tmp_path / "01234_retitled.txt"
    source.write_text(
        text.replace("CONSOLIDATED STATEMENT OF PROFIT OR LOSS AND OTHER COMPREHENSIVE INCOME", title),
        encoding="utf-8",
    )
    retitled = convert(source)
    assert {(f.concept, f.context.period.key, f.value) for f in retitled.facts if f.unit} == {
        (f.concept, f.context.period.key, f.value) for f in english.facts if f.unit
    }


def test_financial_year_ending_in_march(tmp_path: Path) -> None:
    # a Hong Kong financial year to 31 March: "For the year ended 31 March 2024" over "2024 2023"
    text = (
        ENGLISH.read_text(encoding="utf-8")
        .replace("31 December", "31 March")
        .replace("31 DECEMBER", "31 MARCH")
    )
    source = tmp_path / "01234_march_year_end.txt"
    source.write_text(text, encoding="utf-8")
    filing = convert(source)
    assert filing.document.period is not None and filing.document.period.key == "2023-04-01..2024-03-31"
    assert value(filing, "Revenue", "2023-04-01..2024-03-31") == Decimal("852316000")
    assert value(filing, "Revenue", "2022-04-01..2023-03-31") == Decimal("790204000")
    assert value(filing, "NoncurrentAssets", "2023-03-31") == Decimal("508924000")
    assert [f for f in filing.findings if f.severity is not Severity.INFO] == []


COMPANY = FIXTURES / "english" / "05681_evergreen_company_statement_en.txt"


@pytest.fixture(scope="module")
def company() -> Filing:
    return convert(COMPANY)


@pytest.mark.parametrize(
    "title",
    [
        "STATEMENT OF FINANCIAL POSITION OF THE COMPANY",
        "38. STATEMENT OF FINANCIAL POSITION AND RESERVES OF THE COMPANY",
        "Statement of Financial Position of the Company",
        "本公司之財務狀況表",
        "本公司財務狀況表",
    ],
)
def test_company_statement_titles_are_separate(title: str) -> None:
    layouts = list(load_taxonomy().layouts.values())
    found = title_layouts(title, layouts)
    assert found is not None
    hits, scope = found
    assert [layout.id for layout in hits] == ["ifrs_financial_position"]
    assert scope == "separate"


def test_company_statement_in_the_notes_is_the_separate_scope(company: Filing) -> None:
    """An annual report's note prints the Company's own statement of financial position: its facts
    carry SeparateMember, the group's stay as they were, and the note tables around it (revenue by
    type, an ageing analysis) are no statement."""
    assert value(company, "InvestmentsInSubsidiaries", END2024, separate=True) == Decimal("300000000")
    assert value(company, "TradeAndOtherCurrentReceivablesDueFromRelatedParties", END2024, separate=True) == (
        Decimal("50000000")
    )
    # a current liability's "Other payables" is current even where only non-current rows say so
    assert value(company, "OtherCurrentPayables", END2023, separate=True) == Decimal("1500000")
    assert not find(company, "OtherNoncurrentPayables", END2023, separate=True)
    assert value(company, "NetAssetsLiabilities", END2024, separate=True) == Decimal("353000000")
    assert value(company, "Equity", END2024, separate=True) == Decimal("353000000")
    assert value(company, "Equity", END2024) == Decimal("663625000")
    assert value(company, "Revenue", FY2024) == Decimal("852316000")
    assert not [f for f in company.findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def test_summation_printed_differently_by_two_statements_leaves_the_filing_calculations(
    company: Filing, tmp_path: Path
) -> None:
    """The group's equity adds its attributable subtotal and non-controlling interests, the
    Company's its share capital and reserves: one summation would be checked wrongly in one of
    them, so it is left out (and said so); the current assets the Company prints without a
    subtotal of current liabilities still add up, and Arelle finds the instance consistent."""
    arcs = company.calculations["ifrs_financial_position"]
    parents = {a.parent for a in arcs}
    assert "ifrs-full:Equity" not in parents
    differing = {f.concept for f in company.findings if f.code == "calc-differs-by-statement"}
    assert differing == {"ifrs-full:Equity", "ifrs-full:NetAssetsLiabilities"}
    net_current = {a.child: a.weight for a in arcs if a.parent == "cas:NetCurrentAssets"}
    assert net_current == {
        "ifrs-full:CurrentAssets": 1,
        "ifrs-full:CurrentLiabilities": -1,
        "ifrs-full:OtherCurrentPayables": -1,
    }
    _, run = write_and_validate(company, COMPANY.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "calc11e" not in run.stdout + run.stderr


SEPARATE_OCI = FIXTURES / "english" / "04322_harbourline_separate_oci_statement_en.txt"


def test_long_title_of_a_second_statement_of_comprehensive_income(tmp_path: Path) -> None:
    """``Condensed Consolidated Statement of Profit or Loss and Other Comprehensive Income`` (81
    characters) printed after the statement of profit or loss, starting from the profit: both are
    read, the profit agrees, and the comprehensive income adds up in the filing's calculations."""
    filing = convert(SEPARATE_OCI)
    assert value(filing, "OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation", H1_2024) == (
        Decimal("-2310000")
    )
    assert value(filing, "ComprehensiveIncome", H1_2024) == Decimal("93587000")
    assert value(filing, "ComprehensiveIncomeAttributableToOwnersOfParent", H1_2023) == Decimal("76430000")
    assert value(filing, "ProfitLoss", H1_2024) == Decimal("95897000")
    arcs = {(a.parent, a.child) for a in filing.calculations["ifrs_income"]}
    assert ("ifrs-full:ComprehensiveIncome", "ifrs-full:ProfitLoss") in arcs
    assert ("ifrs-full:ProfitLoss", "ifrs-full:ProfitLossBeforeTax") in arcs
    assert not [f for f in filing.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    _, run = write_and_validate(filing, SEPARATE_OCI.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


AUDIT_FIRM_WORDING = FIXTURES / "english" / "06001_sunrise_2024_annual_results_en.txt"


@pytest.fixture(scope="module")
def sunrise() -> Filing:
    return convert(AUDIT_FIRM_WORDING)


def test_headings_ending_with_a_colon_keep_the_statement_going(sunrise: Filing) -> None:
    """``Other comprehensive income that will not be reclassified to profit or loss in subsequent
    periods:`` has fourteen words and no figures, but its colon makes it a heading, not prose that
    ends the statement; its subtotal, printed with a label, is a fact."""
    assert value(sunrise, "OtherComprehensiveIncomeThatWillBeReclassifiedToProfitOrLossNetOfTax", FY2024) == (
        Decimal("6000000")
    )
    not_recycled = "OtherComprehensiveIncomeThatWillNotBeReclassifiedToProfitOrLossNetOfTax"
    assert value(sunrise, not_recycled, FY2023) == Decimal("4000000")
    # the items above their income tax are before tax; the tax relating to them reduces the total
    equity = "OtherComprehensiveIncomeBeforeTaxGainsLossesFromInvestmentsInEquityInstruments"
    assert value(sunrise, equity, FY2024) == Decimal("8000000")
    tax = "IncomeTaxRelatingToComponentsOfOtherComprehensiveIncomeThatWillNotBeReclassifiedToProfitOrLoss"
    assert value(sunrise, tax, FY2024) == Decimal("2000000")
    # the exchange differences sit in a section with no tax line: net of tax
    assert value(sunrise, "OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation", FY2023) == (
        Decimal("-4000000")
    )
    assert value(sunrise, "OtherComprehensiveIncome", FY2023) == Decimal("0")
    assert value(sunrise, "ComprehensiveIncomeAttributableToOwnersOfParent", FY2024) == Decimal("152000000")


def test_rows_under_a_heading_that_ends_with_a_colon(sunrise: Filing) -> None:
    """``Share of profits and losses of:`` over ``Joint ventures`` and ``Associates``: each row
    reads with the heading, not only the first."""
    assert value(sunrise, "ShareOfProfitLossOfJointVenturesAccountedForUsingEquityMethod", FY2024) == (
        Decimal("3000000")
    )
    assert value(sunrise, "ShareOfProfitLossOfAssociatesAccountedForUsingEquityMethod", FY2023) == (
        Decimal("-1000000")
    )


def test_earnings_per_share_printed_with_currency_and_cents(sunrise: Filing) -> None:
    """``Basic`` / ``- For profit for the year RMB14.0 cents``: the cell's own ``cents`` scales the
    amount to yuan per share."""
    assert value(sunrise, "BasicEarningsLossPerShare", FY2024) == Decimal("0.140")
    assert value(sunrise, "DilutedEarningsLossPerShare", FY2023) == Decimal("0.104")
    fact = find(sunrise, "BasicEarningsLossPerShare", FY2024)[0]
    assert fact.unit is not None and fact.unit.id == "CNY_per_shares"


def test_unlabelled_total_under_the_label_printed_above_its_items(sunrise: Filing) -> None:
    """``Equity attributable to owners of the parent`` printed alone, then share capital and
    reserves, then their total without a label: the total is the equity attributable."""
    assert value(sunrise, "EquityAttributableToOwnersOfParent", END2024) == Decimal("840000000")
    assert value(sunrise, "EquityAttributableToOwnersOfParent", END2023) == Decimal("689000000")
    assert value(sunrise, "IntangibleAssetsOtherThanGoodwill", END2024) == Decimal("20000000")
    assert value(sunrise, "CurrentPrepaymentsDepositsAndOtherReceivables", END2023) == Decimal("35000000")
    assert not [f for f in sunrise.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert not [f for f in sunrise.facts if f.concept.startswith("ext:")]


def test_audit_firm_wording_validates_in_arelle(sunrise: Filing, tmp_path: Path) -> None:
    _, run = write_and_validate(sunrise, AUDIT_FIRM_WORDING.stem, tmp_path)
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "calc11e" not in log


IS_ATTRIBUTABLE = FIXTURES / "english" / "06002_meridian_bay_2024_annual_results_en.txt"


def test_income_statement_and_balance_sheet_in_another_audit_firm_wording() -> None:
    """``Profit is attributable to:`` heads the attribution (its unlabelled total is the profit, not
    the last section's subtotal); ``Share of net profit of associates and joint ventures accounted
    for using the equity method``; a balance sheet whose subtotals print no labels."""
    filing = convert(IS_ATTRIBUTABLE)
    assert not [f for f in filing.findings if f.severity != Severity.INFO]
    assert not [f for f in filing.facts if f.concept.startswith("ext:")]
    share = "ShareOfProfitLossOfAssociatesAndJointVenturesAccountedForUsingEquityMethod"
    assert value(filing, share, FY2024) == Decimal("5000000")
    assert value(filing, "ComprehensiveIncomeAttributableToOwnersOfParent", FY2023) == Decimal("234500000")
    assert value(
        filing, "OtherComprehensiveIncomeNetOfTaxGainsLossesFromInvestmentsInEquityInstruments", FY2023
    ) == (Decimal("500000"))
    assert value(filing, "NoncurrentAssets", END2024) == Decimal("1140000000")
    assert value(filing, "EquityAttributableToOwnersOfParent", END2023) == Decimal("1396000000")
    assert value(filing, "CashFlowsFromUsedInFinancingActivities", FY2023) == Decimal("-81000000")
    assert value(filing, "CashAndCashEquivalents", "2022-12-31") == Decimal("290000000")


AUDIT_FIRM_WORDING_TC = FIXTURES / "traditional" / "06003_sunrise_2024_annual_results_tc.txt"


def test_the_same_statements_in_traditional_chinese_give_the_same_facts(sunrise: Filing) -> None:
    """The Chinese version of the audit firm's statements (應佔以下各項溢利及虧損： / 合營企業,
    母公司擁有人, 基本 / －年內溢利 人民幣14.0分, 計息銀行及其他借款, 已抵押存款): every numeric fact
    of the English version, with the same concept, period and value, and nothing else."""
    chinese = convert(AUDIT_FIRM_WORDING_TC)

    def numeric(filing: Filing) -> set[tuple[str, str, str]]:
        return {(f.concept, f.context.period.key, str(f.value)) for f in filing.facts if f.unit is not None}

    assert numeric(chinese) == numeric(sunrise)
    assert len(numeric(chinese)) == 179
    assert not [f for f in chinese.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert value(chinese, "BasicEarningsLossPerShare", FY2024) == Decimal("0.140")


def test_audit_firm_statement_of_cash_flows(sunrise: Filing) -> None:
    """EY's cash-flow lines: share of profits and losses of joint ventures and associates, a loss on
    disposal of items of property, plant and equipment, trade and bills receivables and payables,
    prepayments, other receivables and other assets, new bank loans."""
    assert value(
        sunrise, "AdjustmentsForUndistributedProfitsOfInvestmentsAccountedForUsingEquityMethod", FY2024
    ) == (Decimal("5000000"))
    assert value(sunrise, "AdjustmentsForGainLossOnDisposalsPropertyPlantAndEquipment", FY2023) == Decimal(
        "-500000"
    )
    assert value(sunrise, "AdjustmentsForDecreaseIncreaseInTradeAccountReceivable", FY2024) == Decimal(
        "-10000000"
    )
    assert value(sunrise, "AdjustmentsForDecreaseIncreaseInOtherOperatingReceivables", FY2023) == Decimal(
        "-3000000"
    )
    assert value(sunrise, "AdjustmentsForIncreaseDecreaseInTradeAccountPayable", FY2024) == Decimal(
        "10000000"
    )
    assert value(sunrise, "ProceedsFromBorrowingsClassifiedAsFinancingActivities", FY2023) == Decimal(
        "90000000"
    )
    assert value(sunrise, "CashFlowsFromUsedInFinancingActivities", FY2024) == Decimal("-52000000")
    assert value(sunrise, "CashAndCashEquivalents", "2022-12-31") == Decimal("145000000")


MAINLAND_TERMS_TC = FIXTURES / "traditional" / "06004_meridian_bay_2024_annual_results_tc.txt"


def test_mainland_terms_in_traditional_chinese_give_the_english_facts() -> None:
    """The PwC statements in traditional Chinese with mainland terms (合併利潤表, 年度利潤, 其他綜合收益,
    非控制性權益, 本公司所有者, 不動產、工廠及設備, 以公允價值計量且其變動計入…, 經營活動產生的淨現金):
    every numeric fact of the English version, with the same concept, period and value."""
    chinese, english = convert(MAINLAND_TERMS_TC), convert(IS_ATTRIBUTABLE)

    def numeric(filing: Filing) -> set[tuple[str, str, str]]:
        return {(f.concept, f.context.period.key, str(f.value)) for f in filing.facts if f.unit is not None}

    assert numeric(chinese) == numeric(english)
    assert len(numeric(chinese)) == 149
    assert not [f for f in chinese.findings if f.severity != Severity.INFO]
