"""IFRS statements of changes in equity (Hong Kong reports): blocks between balances labelled by
their dates, reserves' columns in the order the heading prints them, unnamed reserves as
extension members, and the text layer of a real report read right to left."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, arelle_validate, write_and_validate
from pyshacl import validate
from rdflib import Graph

from xbrlify.converters.equity_heading import (
    Word,
    columns_of,
    heading_cells,
    printed_columns,
    with_unnamed_reserves,
)
from xbrlify.converters.equity_locate import balance_date
from xbrlify.converters.pipeline import convert
from xbrlify.converters.profile import entity_from
from xbrlify.export.rdf import serialize
from xbrlify.model import Filing, Severity
from xbrlify.taxonomy import load_taxonomy

INTERIM = FIXTURES / "equity" / "07788_brightpath_2024_interim_results_en.txt"
REPORT = ROOT / "examples" / "filings" / "00607_fullshare_2023_interim_tc.pdf"
AXIS = "ifrs-full:ComponentsOfEquityAxis"


def cell(filing: Filing, concept: str, period: str, member: str | None) -> Decimal | None:
    """The value of a statement of changes in equity's cell (member None: the total column)."""
    found = [
        f
        for f in filing.facts
        if f.concept == f"ifrs-full:{concept}"
        and f.context.period.key == period
        and [m.member for m in f.context.members if m.dimension == AXIS] == ([member] if member else [])
        and not [m for m in f.context.members if m.dimension != AXIS]
    ]
    assert len(found) <= 1
    return found[0].value if found and isinstance(found[0].value, Decimal) else None


@pytest.mark.parametrize(
    ("label", "day"),
    [
        ("At 1 January 2023 (audited)", dt.date(2023, 1, 1)),
        ("於二零二三年六月三十日（未經審核）", dt.date(2023, 6, 30)),
        ("Balance at 31 December 2023", dt.date(2023, 12, 31)),
        ("As at 30 June 2024 (restated)", dt.date(2024, 6, 30)),
        ("Profit for the period", None),
        ("Dividends paid (note 10)", None),
        ("At 31 December 2023 and 1 January 2024", dt.date(2023, 12, 31)),
        ("於二零二三年十二月三十一日及二零二四年一月一日", dt.date(2023, 12, 31)),
    ],
)
def test_balance_dates(label: str, day: dt.date | None) -> None:
    assert balance_date(label) == day


def test_reserves_in_printed_order() -> None:
    components = load_taxonomy().components_for("IFRS")
    header = "Share capital Exchange reserve Share premium Retained earnings Sub-total"
    header += " Non-controlling interests Total equity"
    assert [c.member.split(":")[1] for c in columns_of(header, components, printed_order=True)] == [
        "IssuedCapitalMember",
        "ReserveOfExchangeDifferencesOnTranslationMember",
        "SharePremiumMember",
        "RetainedEarningsMember",
        "EquityAttributableToOwnersOfParentMember",
        "NoncontrollingInterestsMember",
        "EquityMember",
    ]
    # CAS's 资本公积 is the share premium; a Hong Kong heading's 资本储备 (capital reserve) is not
    cas = load_taxonomy().components_for("CAS")
    assert [c.member for c in columns_of("资本公积", cas)] == ["ifrs-full:SharePremiumMember"]
    assert [c.member for c in columns_of("资本储备", components)] == ["ifrs-full:CapitalReserveMember"]


def test_stacked_heading_words_and_unnamed_reserves() -> None:
    words = [
        Word("股本", 110, 164),
        Word("权益储备", 130, 164),
        Word("法定", 172, 157),
        Word("盈余储备", 170, 164),
        Word("本公司权益股东应占", 208, 143),  # a caption over several columns
        Word("反向", 272, 157),
        Word("收购储备", 269, 164),
        Word("人民币千元", 270, 171),  # the unit under every column
        Word("总计", 332, 164),
        Word("非控股权益", 347, 164),
        Word("总权益", 370, 164),
    ]
    cells = heading_cells(words)
    assert [c.text for c in cells] == [
        "股本",
        "权益储备",
        "法定盈余储备",
        "反向收购储备",
        "总计",
        "非控股权益",
        "总权益",
    ]
    columns, positions = printed_columns(cells, load_taxonomy().components_for("IFRS"), "IFRS")
    names = [c.member for c in columns]
    assert names[0] == "ifrs-full:IssuedCapitalMember" and names[2] == "ifrs-full:StatutoryReserveMember"
    assert names[1].startswith("ext:EquityComponent") and columns[1].label == "权益储备"
    assert names[3].startswith("ext:EquityComponent") and columns[3].label == "反向收购储备"
    assert names[4:] == [
        "ifrs-full:EquityAttributableToOwnersOfParentMember",
        "ifrs-full:NoncontrollingInterestsMember",
        "ifrs-full:EquityMember",
    ]
    assert positions == sorted(positions)


@pytest.fixture(scope="module")
def interim() -> Filing:
    return convert(INTERIM)


def test_two_blocks_between_dated_balances(interim: Filing) -> None:
    h1_2023, h1_2024 = "2023-01-01..2023-06-30", "2024-01-01..2024-06-30"
    # the opening balance at 1 January is the balance at the end of 31 December
    assert cell(interim, "Equity", "2022-12-31", None) == Decimal("795000000")
    assert cell(
        interim, "Equity", "2022-12-31", "ifrs-full:ReserveOfExchangeDifferencesOnTranslationMember"
    ) == Decimal("-5000000")
    assert cell(interim, "ProfitLoss", h1_2023, "ifrs-full:RetainedEarningsMember") == Decimal("60000000")
    assert cell(interim, "OtherComprehensiveIncome", h1_2024, None) == Decimal("-4000000")
    # a debit movement is its amount: dividends of 40,000 to owners and 1,000 to non-controlling interests
    assert cell(interim, "DividendsPaid", h1_2024, "ifrs-full:RetainedEarningsMember") == Decimal("40000000")
    assert cell(interim, "DividendsPaid", h1_2024, "ifrs-full:NoncontrollingInterestsMember") == Decimal(
        "1000000"
    )
    assert cell(interim, "IssueOfEquity", h1_2024, "ifrs-full:SharePremiumMember") == Decimal("45000000")
    transfers = "IncreaseDecreaseThroughTransfersAndOtherChangesEquity"
    assert cell(interim, transfers, h1_2023, "ifrs-full:OtherReservesMember") == Decimal("2000000")
    assert cell(interim, transfers, h1_2023, "ifrs-full:RetainedEarningsMember") == Decimal("-2000000")
    # the closing balances are the balance sheet's
    assert cell(interim, "Equity", "2024-06-30", None) == Decimal("956000000")
    assert cell(
        interim, "Equity", "2024-06-30", "ifrs-full:EquityAttributableToOwnersOfParentMember"
    ) == Decimal("930000000")
    assert cell(interim, "Equity", "2023-06-30", "ifrs-full:NoncontrollingInterestsMember") == Decimal(
        "22000000"
    )
    assert [f for f in interim.findings if f.severity is not Severity.INFO] == []


def test_interim_statement_of_changes_in_equity_passes_arelle(interim: Filing, tmp_path: Path) -> None:
    _, run = write_and_validate(interim, INTERIM.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.fixture(scope="module")
def report() -> Filing:
    return convert(REPORT, entity=entity_from("HKEX:607"))


def _members(filing: Filing) -> set[str]:
    return {m.member for f in filing.facts for m in f.context.members if m.dimension == AXIS}


def test_real_report_read_right_to_left(report: Filing) -> None:
    """00607's statement of changes in equity: fourteen columns, three of them reserves IFRS names
    no member for, both periods; every column rolls forward and ties to the balance sheet."""
    h1_2023, h1_2022 = "2023-01-01..2023-06-30", "2022-01-01..2022-06-30"
    assert cell(report, "Equity", "2023-06-30", None) == Decimal("17962008000")
    assert cell(report, "Equity", "2022-12-31", "ifrs-full:IssuedCapitalMember") == Decimal("219904000")
    assert cell(
        report, "Equity", "2022-06-30", "ifrs-full:ReserveOfExchangeDifferencesOnTranslationMember"
    ) == Decimal("10768000")
    assert cell(report, "ComprehensiveIncome", h1_2023, "ifrs-full:NoncontrollingInterestsMember") == Decimal(
        "269019000"
    )
    assert cell(report, "IssueOfEquity", h1_2022, "ifrs-full:SharePremiumMember") == Decimal("227057000")
    ownership = (
        "IncreaseDecreaseThroughChangesInOwnershipInterestsInSubsidiariesThatDoNotResultInLossOfControl"
    )
    assert cell(report, ownership, h1_2022, "ifrs-full:NoncontrollingInterestsMember") == Decimal(
        "1629972000"
    )
    # the release of the exchange reserve on a disposal is a reclassification out of OCI (a debit)
    reclassified = "ReclassificationAdjustmentsOnExchangeDifferencesOnTranslationNetOfTax"
    assert cell(
        report, reclassified, h1_2022, "ifrs-full:ReserveOfExchangeDifferencesOnTranslationMember"
    ) == Decimal("11552000")
    extensions = {c.qname: c for c in report.extension_concepts if c.data_type == "member"}
    labels = {extensions[m].label("zh-Hans") for m in _members(report) if m.startswith("ext:")}
    assert labels == {"权益储备", "雇员股份信托储备", "反向收购储备"}
    assert not [
        f for f in report.findings if f.code.startswith("equity-") and f.severity is not Severity.INFO
    ]


def test_items_of_a_summation_the_statement_does_not_complete_are_not_tagged(report: Filing) -> None:
    """The statement prints the profit and the total comprehensive income of each column but no
    line of other comprehensive income: its profit cells are left out, with a finding, so that the
    instance's calculations stay consistent; the total column's profit is the income statement's."""
    h1_2023 = "2023-01-01..2023-06-30"
    assert cell(report, "ProfitLoss", h1_2023, "ifrs-full:RetainedEarningsMember") is None
    assert cell(report, "ProfitLoss", h1_2023, None) == Decimal("170012000")
    untagged = [f for f in report.findings if f.code == "equity-cells-untagged"]
    assert [f.concept for f in untagged] == ["ifrs-full:ComprehensiveIncome"]


def test_income_statement_items_above_their_tax_are_before_tax(report: Filing) -> None:
    """The income statement prints its OCI items over 有關該等項目之所得稅 (the tax relating to
    them): they are amounts before tax; the statement of changes in equity's are net of tax."""
    h1_2023 = "2023-01-01..2023-06-30"
    before = (
        "OtherComprehensiveIncomeBeforeTaxFinancialAssetsMeasuredAtFairValueThroughOtherComprehensiveIncome"
    )
    assert cell(report, before, h1_2023, None) == Decimal("-890000")
    net = "OtherComprehensiveIncomeNetOfTaxFinancialAssetsMeasuredAtFairValueThroughOtherComprehensiveIncome"
    assert cell(report, net, h1_2023, None) == Decimal("-1226000")
    assert not [f for f in report.findings if f.severity is Severity.ERROR]


def test_real_report_passes_arelle(report: Filing, tmp_path: Path) -> None:
    _, run = write_and_validate(report, "00607", tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "inconsistent" not in run.stdout + run.stderr


ANNUAL_2023 = """At 1 January 2023 100,000 250,000 30,000 (5,000) 400,000 775,000 20,000 795,000
Profit for the year – – – – 100,000 100,000 4,000 104,000
Other comprehensive income for the year – – – 4,000 – 4,000 – 4,000
Total comprehensive income for the year – – – 4,000 100,000 104,000 4,000 108,000
Dividends paid – – – – (25,000) (25,000) – (25,000)
Transfer to reserves – – 5,000 – (5,000) – – –
At 31 December 2023 100,000 250,000 35,000 (1,000) 470,000 854,000 24,000 878,000
"""


def test_a_balance_between_two_years_closes_one_and_opens_the_next(tmp_path: Path) -> None:
    """``At 31 December 2023`` followed by the next year's movements: the closing balance of 2023
    and the opening balance of the six months to 30 June 2024."""
    text = INTERIM.read_text(encoding="utf-8")
    start = text.index("At 1 January 2023 (audited)")
    end = text.index("Profit for the period", text.index("At 1 January 2024 (audited)"))
    source = tmp_path / "07788_annual_blocks.txt"
    source.write_text(text[:start] + ANNUAL_2023 + text[end:], encoding="utf-8")
    filing = convert(source)
    fy2023, h1_2024 = "2023-01-01..2023-12-31", "2024-01-01..2024-06-30"
    assert cell(filing, "ProfitLoss", fy2023, "ifrs-full:RetainedEarningsMember") == Decimal("100000000")
    assert cell(filing, "Equity", "2023-12-31", "ifrs-full:OtherReservesMember") == Decimal("35000000")
    assert cell(filing, "IssueOfEquity", h1_2024, "ifrs-full:IssuedCapitalMember") == Decimal("5000000")
    assert cell(filing, "Equity", "2024-06-30", None) == Decimal("956000000")
    assert not [
        f for f in filing.findings if f.code.startswith("equity-") and f.severity is not Severity.INFO
    ]


CHINESE_WORDING = [
    ("Attributable to owners of the Company", "本公司拥有人应占"),
    ("Share capital Share premium Other reserves Exchange reserve", "股本 股份溢价 其他储备 汇兑储备"),
    ("Retained earnings Sub-total Non-controlling interests Total equity", "保留盈利 小计 非控股权益 总权益"),
    ("At 1 January 2023 (audited)", "于2023年1月1日(经审核)"),
    ("At 30 June 2023 (unaudited)", "于2023年6月30日(未经审核)"),
    ("At 1 January 2024 (audited)", "于2024年1月1日(经审核)"),
    ("At 30 June 2024 (unaudited)", "于2024年6月30日(未经审核)"),
    ("Other comprehensive income for the period", "期内其他全面收益"),
    ("Total comprehensive income for the period", "期内全面收益总额"),
    ("Profit for the period", "期内溢利"),
    ("Dividends paid", "已付股息"),
    ("Transfer to reserves", "转拨至储备"),
    ("Issue of shares", "发行股份"),
]


def test_chinese_wording_gives_the_same_cells(interim: Filing, tmp_path: Path) -> None:
    text = INTERIM.read_text(encoding="utf-8")
    head, statement = text.split("CONDENSED CONSOLIDATED STATEMENT OF CHANGES IN EQUITY\n")
    for english, chinese in CHINESE_WORDING:
        assert english in statement
        statement = statement.replace(english, chinese)
    source = tmp_path / "07788_chinese_wording.txt"
    source.write_text(head + "简明综合权益变动表\n" + statement, encoding="utf-8")

    def cells(filing: Filing) -> set[tuple[str, str, object, tuple[str, ...]]]:
        return {
            (f.concept, f.context.period.key, f.value, tuple(m.member for m in f.context.members))
            for f in filing.facts
            if f.context.members
        }

    assert cells(convert(source)) == cells(interim)


def test_outputs_with_extension_members_conform_and_load(report: Filing, tmp_path: Path) -> None:
    """The 00607 filing's RDF (with its reserves' extension members) conforms to the SHACL shapes,
    and its xBRL-JSON loads in Arelle."""
    shapes = Graph().parse(ROOT / "schemas" / "xbrlify-shapes.ttl")
    graph = Graph().parse(data=serialize(report, ("ttl",))["ttl"], format="turtle")
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    assert ok, text
    write_and_validate(report, "00607", tmp_path)
    run = arelle_validate(tmp_path / "xbrlify-taxonomy.zip", tmp_path / "00607" / "00607.json", oim=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_group_without_non_controlling_interests_ends_on_its_total() -> None:
    """Columns ``… Retained earnings Total`` and no non-controlling interests: Total is the total
    equity (the axis default), not a subtotal attributable to owners."""
    filing = convert(FIXTURES / "equity" / "07790_brightpath_owners_only_equity.txt")
    assert cell(filing, "Equity", "2024-06-30", None) == Decimal("930000000")
    assert cell(
        filing, "DividendsPaid", "2024-01-01..2024-06-30", "ifrs-full:RetainedEarningsMember"
    ) == Decimal("40000000")
    assert "ifrs-full:EquityAttributableToOwnersOfParentMember" not in _members(filing)
    assert not [f for f in filing.findings if f.code.startswith("equity-")]


def test_unnamed_reserve_in_a_text_heading() -> None:
    """A text heading ``Share capital Share premium Equity reserve Exchange reserve …``: the reserve
    no pattern names is an extension column between the columns it is printed between."""
    filing = convert(FIXTURES / "equity" / "07791_brightpath_equity_reserve.txt")
    extensions = {c.qname: c for c in filing.extension_concepts if c.data_type == "member"}
    (member,) = extensions
    assert extensions[member].label("en") == "Equity reserve"
    assert cell(filing, "Equity", "2024-06-30", member) == Decimal("35000000")
    assert cell(
        filing, "IncreaseDecreaseThroughTransfersAndOtherChangesEquity", "2023-01-01..2023-06-30", member
    ) == (Decimal("2000000"))
    assert not [f for f in filing.findings if f.severity is not Severity.INFO]


@pytest.mark.parametrize(
    ("header", "unnamed"),
    [
        (
            "Share capital Share premium Equity reserve Exchange reserve Retained earnings Total equity",
            ["Equity reserve"],
        ),
        ("股本 股份溢價 權益儲備 反向收購儲備 累計虧損 總計 非控股權益 總權益", ["权益储备", "反向收购储备"]),
        # a bilingual heading: each reserve once, in both languages
        (
            "Share capital 股本 Merger reserve 合併儲備 Equity reserve 權益儲備 Retained earnings 保留盈利 "
            "Total 總計 Non-controlling interests 非控股權益 Total equity 總權益",
            ["Equity reserve 权益储备"],
        ),
    ],
)
def test_unnamed_reserves_between_named_columns(header: str, unnamed: list[str]) -> None:
    components = load_taxonomy().components_for("IFRS")
    columns = with_unnamed_reserves(header, columns_of(header, components, printed_order=True), "IFRS")
    assert [c.label for c in columns if c.label] == unnamed
    assert [c.kind for c in columns][-1] == "total"
    assert len({c.member for c in columns}) == len(columns)


@pytest.mark.parametrize(
    "stem", ["07788_brightpath_2024_interim_results_en", "07791_brightpath_equity_reserve"]
)
def test_pdf_headings_stacked_by_column_give_the_facts_of_the_text(stem: str) -> None:
    """Each column's heading printed over two lines (``Share`` / ``capital``), and in the bilingual
    rendering over three (``Equity`` / ``reserve`` / ``權益儲備``): the page's positions join each
    column's words, and the PDF gives the facts of its text (the unnamed reserve's member named by
    the heading the PDF prints, in both languages)."""

    def facts(filing: Filing) -> set[tuple[str, str, object, tuple[str, ...]]]:
        return {
            (
                f.concept,
                f.context.period.key,
                f.value,
                tuple(m.member.split("Component")[0] for m in f.context.members),
            )
            for f in filing.facts
            if f.provenance.rule != "profile"
        }

    pdf = convert(FIXTURES / "equity" / f"{stem}.pdf")
    assert facts(pdf) == facts(convert(FIXTURES / "equity" / f"{stem}.txt"))
    assert not [f for f in pdf.findings if f.severity is not Severity.INFO]
    labels = {c.label("zh-Hans") or c.label("en") for c in pdf.extension_concepts if c.data_type == "member"}
    assert labels == ({"Equity reserve 权益储备"} if stem.startswith("07791") else set())


def test_opening_balance_restated_on_a_new_standard(tmp_path: Path) -> None:
    """``At 1 January 2024, as previously reported`` + ``Impact on initial application of HKFRS 17``
    = ``At 1 January 2024, as restated``: the previously stated balance and the effect of the
    change of policy on the restatement axis, the restated one the block's opening balance."""
    source = FIXTURES / "equity" / "07793_brightpath_restated_opening.txt"
    filing = convert(source)
    axis = "ifrs-full:RetrospectiveApplicationAndRetrospectiveRestatementAxis"

    def restated(member: str, column: str | None) -> object:
        found = [
            f.value
            for f in filing.facts
            if f.concept == "ifrs-full:Equity"
            and f.context.period.key == "2023-12-31"
            and (axis, f"ifrs-full:{member}") in {(m.dimension, m.member) for m in f.context.members}
            and [m.member for m in f.context.members if m.dimension == AXIS] == ([column] if column else [])
        ]
        return found[0] if len(found) == 1 else found

    assert restated("PreviouslyStatedMember", None) == Decimal("883000000")
    assert restated("PreviouslyStatedMember", "ifrs-full:RetainedEarningsMember") == Decimal("475000000")
    assert restated("FinancialEffectOfChangesInAccountingPolicyMember", None) == Decimal("-5000000")
    assert cell(filing, "Equity", "2023-12-31", "ifrs-full:RetainedEarningsMember") == Decimal("470000000")
    assert cell(filing, "Equity", "2024-06-30", None) == Decimal("956000000")
    assert not [f for f in filing.findings if f.severity is not Severity.INFO]
    _, run = write_and_validate(filing, source.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


FVOCI_RESERVE = (
    "ifrs-full:ReserveOfGainsAndLossesOnFinancialAssetsMeasured"
    + "AtFairValueThroughOtherComprehensiveIncomeMember"
)


def test_reserves_ifrs_names_members_for(tmp_path: Path) -> None:
    """Revaluation surplus, cash flow hedges, capital redemption and the equity component of
    convertible bonds have IFRS members; an investment revaluation reserve is the FVOCI reserve,
    not the revaluation surplus. Repurchases and conversions of convertible bonds are movements."""
    filing = convert(FIXTURES / "equity" / "07794_harbourview_named_reserves.txt")
    h1_2024, h1_2023 = "2024-01-01..2024-06-30", "2023-01-01..2023-06-30"
    assert cell(filing, "Equity", "2024-06-30", "ifrs-full:RevaluationSurplusMember") == Decimal("48400000")
    assert cell(filing, "Equity", "2023-06-30", "ifrs-full:ReserveOfCashFlowHedgesMember") == Decimal(
        "-1900000"
    )
    convertible = "ifrs-full:ReserveOfEquityComponentOfConvertibleInstrumentsMember"
    assert cell(
        filing, "IncreaseDecreaseThroughConversionOfConvertibleInstruments", h1_2024, convertible
    ) == (Decimal("-6000000"))
    redemption = "ifrs-full:CapitalRedemptionReserveMember"
    assert cell(filing, "IncreaseDecreaseThroughTreasuryShareTransactions", h1_2023, redemption) == (
        Decimal("1000000")
    )
    assert cell(filing, "OtherComprehensiveIncome", h1_2023, FVOCI_RESERVE) == Decimal("-900000")
    assert cell(filing, "Equity", "2024-06-30", None) == Decimal("674900000")
    assert not [f for f in filing.findings if f.severity is not Severity.INFO]
    _, result = write_and_validate(filing, "reserves", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("heading", "member"),
    [
        ("物業重估儲備", "ifrs-full:RevaluationSurplusMember"),
        ("Asset revaluation reserve", "ifrs-full:RevaluationSurplusMember"),
        (
            "投資重估儲備",
            "ifrs-full:ReserveOfGainsAndLossesOnFinancialAssetsMeasuredAtFairValueThroughOtherComprehensiveIncomeMember",
        ),
        (
            "Investment revaluation reserve",
            "ifrs-full:ReserveOfGainsAndLossesOnFinancialAssetsMeasuredAtFairValueThroughOtherComprehensiveIncomeMember",
        ),
        ("對沖儲備", "ifrs-full:ReserveOfCashFlowHedgesMember"),
        ("資本贖回儲備", "ifrs-full:CapitalRedemptionReserveMember"),
        ("可換股債券權益儲備", "ifrs-full:ReserveOfEquityComponentOfConvertibleInstrumentsMember"),
        ("Warrant reserve", "ifrs-full:WarrantReserveMember"),
    ],
)
def test_reserve_headings_name_their_member(heading: str, member: str) -> None:
    components = load_taxonomy().components_for("IFRS")
    header = f"Share capital {heading} Retained earnings Total"
    columns = columns_of(header, components, printed_order=True)
    assert [c.member for c in columns if c.kind == "component"] == [
        "ifrs-full:IssuedCapitalMember",
        member,
        "ifrs-full:RetainedEarningsMember",
    ]


CONTRIBUTED_SURPLUS = FIXTURES / "equity" / "06005_sunrise_contributed_surplus.txt"


def test_audit_firm_wording_of_a_statement_of_changes_in_equity(tmp_path: Path) -> None:
    """EY's columns and lines: ``Share premium account``, ``Contributed surplus`` (no IFRS member:
    an extension member labelled as printed), ``Exchange fluctuation reserve``, ``Retained profits``;
    ``At 31 December 2023 and 1 January 2024`` closing one year and opening the next, ``Transfer
    from retained profits``, ``Final 2023 dividend declared``. The owners' dividend and the one to
    non-controlling interests both read as dividends paid: each keeps its own columns, and the total
    column, where both print a value, gives no fact (their sum is printed nowhere)."""
    filing = convert(CONTRIBUTED_SURPLUS)
    fy2024, fy2023 = "2024-01-01..2024-12-31", "2023-01-01..2023-12-31"
    surplus = [m for m in filing.extension_concepts if m.labels[0].text == "Contributed surplus"]
    assert len(surplus) == 1
    assert cell(filing, "Equity", "2023-12-31", surplus[0].qname) == Decimal("50000000")
    assert cell(filing, "Equity", "2024-12-31", "ifrs-full:StatutoryReserveMember") == Decimal("52000000")
    assert cell(
        filing, "Equity", "2023-12-31", "ifrs-full:ReserveOfExchangeDifferencesOnTranslationMember"
    ) == (Decimal("-9000000"))
    transfer = "IncreaseDecreaseThroughTransfersAndOtherChangesEquity"
    assert cell(filing, transfer, fy2024, "ifrs-full:RetainedEarningsMember") == Decimal("-12000000")
    assert cell(filing, "DividendsPaid", fy2024, None) == Decimal("30000000")
    assert cell(filing, "DividendsPaid", fy2023, "ifrs-full:RetainedEarningsMember") == Decimal("20000000")
    assert cell(filing, "DividendsPaid", fy2023, "ifrs-full:NoncontrollingInterestsMember") == Decimal(
        "3000000"
    )
    assert cell(filing, "DividendsPaid", fy2023, None) is None
    warnings = [f for f in filing.findings if f.severity is Severity.WARNING]
    assert [f.code for f in warnings] == ["equity-cell-of-two-lines"]
    assert "Final 2022 dividend declared" in warnings[0].message
    _, run = write_and_validate(filing, CONTRIBUTED_SURPLUS.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def test_audit_firm_wording_in_traditional_chinese_gives_the_same_cells() -> None:
    """股份溢價賬, 繳入盈餘, 法定盈餘儲備, 於二零二三年十二月三十一日及二零二四年一月一日, 自保留溢利轉撥,
    已宣派二零二二年末期股息: the cells of the English version, member for member."""

    def cells(filing: Filing) -> set[tuple[str, str, tuple[str, ...], str]]:
        return {
            (
                f.concept,
                f.context.period.key,
                tuple("ext" if m.member.startswith("ext:") else m.member for m in f.context.members),
                str(f.value),
            )
            for f in filing.facts
            if f.unit is not None
        }

    chinese = convert(FIXTURES / "equity" / "06006_sunrise_contributed_surplus_tc.txt")
    english = convert(CONTRIBUTED_SURPLUS)
    assert cells(chinese) == cells(english)
    assert len(cells(chinese)) == 116
    assert [f.code for f in chinese.findings if f.severity is Severity.WARNING] == [
        "equity-cell-of-two-lines"
    ]
