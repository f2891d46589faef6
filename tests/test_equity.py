"""Statement of changes in equity: the glued matrix of components by movements, placed by arithmetic."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from xbrlify.converters.equity import AXIS, equity_facts
from xbrlify.converters.equity_heading import columns_of
from xbrlify.converters.facts import SEPARATE, Printed
from xbrlify.converters.pipeline import convert
from xbrlify.converters.profile import profile
from xbrlify.converters.read import read
from xbrlify.model import Entity, Fact, Filing
from xbrlify.taxonomy import load_taxonomy

SEEDS = Path(__file__).parent.parent / "examples" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "equity"
ENTITY = Entity(exchange="SSE", identifier="600000")
RESTATEMENT = "ifrs-full:RetrospectiveApplicationAndRetrospectiveRestatementAxis"

# the consolidated columns of the CAS format, in order, with the balance-sheet concept of each
COLUMNS = [
    ("ifrs-full:IssuedCapitalMember", "ifrs-full:IssuedCapital"),
    ("cas:PreferredSharesInOtherEquityInstrumentsMember", None),
    ("cas:PerpetualBondsInOtherEquityInstrumentsMember", None),
    ("cas:OtherInOtherEquityInstrumentsMember", None),
    ("ifrs-full:SharePremiumMember", "ifrs-full:SharePremium"),
    ("ifrs-full:TreasurySharesMember", "ifrs-full:TreasuryShares"),
    ("ifrs-full:AccumulatedOtherComprehensiveIncomeMember", "ifrs-full:AccumulatedOtherComprehensiveIncome"),
    ("cas:SpecialReserveMember", "cas:SpecialReserve"),
    ("ifrs-full:StatutoryReserveMember", "ifrs-full:StatutoryReserve"),
    ("cas:GeneralRiskReserveMember", "cas:GeneralRiskReserve"),
    ("ifrs-full:RetainedEarningsMember", "ifrs-full:RetainedEarnings"),
    ("cas:OtherComponentsOfEquityMember", None),
    ("ifrs-full:EquityAttributableToOwnersOfParentMember", "ifrs-full:EquityAttributableToOwnersOfParent"),
    ("ifrs-full:NoncontrollingInterestsMember", "ifrs-full:NoncontrollingInterests"),
    ("ifrs-full:EquityMember", "ifrs-full:Equity"),
]
HEADING = [
    "项目2024年度",
    "归属于母公司所有者权益少数股东权益所有者权益合计",
    "实收资本(或股本)其他权益工具资本公积减:库存股其他综合收益专项储备盈余公积一般风险准备未分配利润其他小计",
    "优先股永续债其他",
]
IC, SP, TS, OCI, SR, SUR, RE, SUB, NCI, TOT = 0, 4, 5, 6, 7, 8, 10, 12, 13, 14


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _thousands(value: Decimal) -> Decimal:
    return (value / 1000).quantize(Decimal(1))


def _complete(row: list[Decimal]) -> list[Decimal]:
    """Subtotal = components (treasury deducted), total = subtotal + non-controlling interests."""
    row[SUB] = sum((v for i, v in enumerate(row[:SUB]) if i != TS), Decimal(0)) - row[TS]
    row[TOT] = row[SUB] + row[NCI]
    return row


ENGLISH_LABELS = {
    "一、上年期末余额": "I. Balance at the end of the prior year",
    "加:会计政策变更": "Add: Changes in accounting policies",
    "前期差错更正": "Corrections of prior period errors",
    "其他": "Others",
    "二、本年期初余额": "II. Balance at the beginning of the current year",
    "三、本期增减变动金额(减少以“-”号填列)": 'III. Changes for the period (decrease is indicated with "-")',
    "(一)综合收益总额": "(I) Total comprehensive income",
    "(二)所有者投入和减少资本": "(II) Capital contributed or reduced by owners",
    "1.所有者投入的普通股": "1. Ordinary shares contributed by owners",
    "2.其他权益工具持有者投入资本": "2. Capital contributed by holders of other equity instruments",
    "3.股份支付计入所有者权益的金额": "3. Share-based payments recognised in owners' equity",
    "4.其他": "4. Others",
    "(三)利润分配": "(III) Profit distribution",
    "1.提取盈余公积": "1. Appropriation to surplus reserve",
    "2.提取一般风险准备": "2. Appropriation to general risk reserve",
    "3.对所有者(或股东)的分配": "3. Distribution to owners (or shareholders)",
    "(五)专项储备": "(V) Special reserve",
    "1.本期提取": "1. Appropriation for the period",
    "2.本期使用": "2. Used in the period",
    "四、本期期末余额": "IV. Balance at the end of the period",
}
ENGLISH_HEADING = [
    "Item For the year ended 31 December 2024",
    "Attributable to owners of the parent Minority interests Total owners' equity",
    "Paid-in capital (or share capital) Other equity instruments Capital reserve Less: Treasury shares "
    "Other comprehensive income Special reserve Surplus reserve General risk reserve Undistributed "
    "profits Others Subtotal",
    "Preference shares Perpetual bonds Others",
]


def _statement(
    rng: random.Random, thousands: bool = False, english: bool = False
) -> tuple[str, dict[str, list[Decimal]], Printed]:
    """A random statement of changes in equity, printed with its cells glued, the matrix it prints
    (row label → 15 cells) and the balance sheet's balances of its components."""

    def amount(low: int = 10_000, high: int = 900_000_000) -> Decimal:
        return Decimal(rng.randint(low * 100, high * 100)) / 100

    zero = Decimal(0)
    opening = [zero] * 15
    for col in (IC, SP, TS, SR, SUR):
        opening[col] = amount(1_000_000)
    opening[OCI] = -amount() if rng.random() < 0.5 else amount()
    opening[RE] = amount(1_000_000) * (1 if rng.random() < 0.7 else -1)
    opening[NCI] = amount()
    _complete(opening)
    ci = [zero] * 15
    ci[OCI], ci[RE], ci[NCI] = amount(1000, 9_000_000), amount(1000, 90_000_000), -amount(1000, 9_000_000)
    shares = [zero] * 15
    shares[IC], shares[SP] = amount(1000, 900_000), amount(1000, 9_000_000)
    buyback = [zero] * 15
    buyback[TS] = amount(1000, 9_000_000)
    appropriation = [zero] * 15
    appropriation[SUR] = amount(1000, 5_000_000)
    appropriation[RE] = -appropriation[SUR]
    dividends = [zero] * 15
    dividends[RE], dividends[NCI] = -amount(1000, 9_000_000), -amount(1000, 900_000)
    used = [zero] * 15
    used[SR] = -amount(1000, 500_000)
    movements = [_complete(r) for r in (ci, shares, buyback, appropriation, dividends, used)]
    ci, shares, buyback, appropriation, dividends, used = movements
    contributions = [a + b for a, b in zip(shares, buyback, strict=True)]
    distribution = [a + b for a, b in zip(appropriation, dividends, strict=True)]
    change = [sum(col, zero) for col in zip(ci, contributions, distribution, used, strict=True)]
    closing = [a + b for a, b in zip(opening, change, strict=True)]
    printed_rows = [
        ("一、上年期末余额", opening),
        ("加:会计政策变更", []),
        ("前期差错更正", []),
        ("其他", []),
        ("二、本年期初余额", opening),
        ("三、本期增减变动金额(减少以“-”号填列)", change),
        ("(一)综合收益总额", ci),
        ("(二)所有者投入和减少资本", contributions),
        ("1.所有者投入的普通股", []),
        ("2.其他权益工具持有者投入资本", []),
        ("3.股份支付计入所有者权益的金额", shares),
        ("4.其他", buyback),
        ("(三)利润分配", distribution),
        ("1.提取盈余公积", appropriation),
        ("2.提取一般风险准备", []),
        ("3.对所有者(或股东)的分配", dividends),
        ("4.其他", []),
        ("(五)专项储备", used),
        ("1.本期提取", []),
        ("2.本期使用", used),
        ("四、本期期末余额", closing),
    ]
    unit = "单位:千元 币种:人民币" if thousands else "单位:元 币种:人民币"
    lines = ["合并所有者权益变动表", "2024年1-12月", unit, *HEADING]
    if english:
        lines = ["Consolidated Statement of Changes in Owners' Equity", "Expressed in RMB", *ENGLISH_HEADING]
    for label, cells in printed_rows:
        shown = [_thousands(v) for v in cells] if thousands else cells
        printed_label = ENGLISH_LABELS[label] + " " if english else label
        lines.append(printed_label + "".join(f"{v:,}" if thousands else _money(v) for v in shown if v))
    if english:
        lines.append("The accompanying notes form an integral part of these financial statements.")
    else:
        lines.append("公司负责人:张三 主管会计工作负责人:李四 会计机构负责人:王五")
    printed: Printed = {}
    for day, row in (("2023-12-31", opening), ("2024-12-31", closing)):
        for (_, balance), value in zip(COLUMNS, row, strict=True):
            if balance:
                printed[(balance, day, "consolidated", "CNY")] = (
                    _thousands(value) * 1000 if thousands else value
                )
    matrix = {
        "ci": ci,
        "shares": shares,
        "buyback": buyback,
        "appropriation": appropriation,
        "dividends": dividends,
        "used": used,
        "closing": closing,
    }
    return "\n".join(lines) + "\n", matrix, printed


def _read(text: str, tmp_path: Path, printed: Printed) -> tuple[list[Fact], list[str]]:
    source = tmp_path / "600000_2024_annual.txt"
    source.write_text(text, encoding="utf-8")
    doc = read(source)
    facts, findings, _ = equity_facts(doc, profile(doc, ENTITY), load_taxonomy(), printed)
    return facts, [f.code for f in findings]


def _cells(facts: list[Fact]) -> dict[tuple[str, str, str], Decimal]:
    """(concept, period, member) → value; the total column as ifrs-full:EquityMember."""
    out = {}
    for f in facts:
        members = {m.dimension: m.member for m in f.context.members}
        if RESTATEMENT in members:
            continue
        assert isinstance(f.value, Decimal)
        out[(f.concept, f.context.period.key, members.get(AXIS, "ifrs-full:EquityMember"))] = f.value
    return out


@pytest.mark.parametrize("seed", range(12))
def test_random_glued_statements_are_recovered_exactly(seed: int, tmp_path: Path) -> None:
    """Every printed cell of a random statement, glued as PDF extraction glues it, is recovered in its
    column, with the sign of its concept, and no cell is left open."""
    text, matrix, printed = _statement(random.Random(seed))
    facts, codes = _read(text, tmp_path, printed)
    assert [c for c in codes if c.startswith("equity")] == []
    cells = _cells(facts)
    year = "2024-01-01..2024-12-31"
    expected = {
        ("ifrs-full:ComprehensiveIncome", "ci", 1),
        ("ifrs-full:IncreaseDecreaseThroughSharebasedPaymentTransactions", "shares", 1),
        ("cas:OtherContributionsAndReductionsOfCapital", "buyback", 1),
        ("ifrs-full:IncreaseDecreaseThroughTransferToStatutoryReserve", "appropriation", 1),
        ("ifrs-full:DividendsPaid", "dividends", -1),
        ("cas:SpecialReserveUsed", "used", -1),
    }
    for concept, label, sign in expected:
        for (member, _), value in zip(COLUMNS, matrix[label], strict=True):
            key = (concept, year, member)
            if not value:
                assert key not in cells
                continue
            deducted = -1 if member == "ifrs-full:TreasurySharesMember" else 1
            assert cells[key] == value * sign * deducted, key
    for (member, _), value in zip(COLUMNS, matrix["closing"], strict=True):
        if value:
            deducted = -1 if member == "ifrs-full:TreasurySharesMember" else 1
            assert cells[("ifrs-full:Equity", "2024-12-31", member)] == value * deducted


@pytest.mark.parametrize("seed", range(4))
def test_statements_in_thousands_reconcile_within_rounding(seed: int, tmp_path: Path) -> None:
    """In thousands each printed figure is rounded, so rows and columns add up only to within a few
    units; the cells are still placed, at the scale the unit line states."""
    text, matrix, printed = _statement(random.Random(100 + seed), thousands=True)
    facts, codes = _read(text, tmp_path, printed)
    assert [c for c in codes if c.startswith("equity")] == []
    cells = _cells(facts)
    year = "2024-01-01..2024-12-31"
    ci = matrix["ci"]
    assert (
        cells[("ifrs-full:ComprehensiveIncome", year, "ifrs-full:RetainedEarningsMember")]
        == _thousands(ci[RE]) * 1000
    )
    assert cells[
        ("ifrs-full:ComprehensiveIncome", year, "ifrs-full:AccumulatedOtherComprehensiveIncomeMember")
    ] == (_thousands(ci[OCI]) * 1000)
    assert all(f.decimals == -3 for f in facts)


@pytest.mark.parametrize("seed", range(3))
def test_english_statements_are_read_alike(seed: int, tmp_path: Path) -> None:
    """The same statement printed in English (an A-share report's English version): the same facts."""
    chinese, _, printed = _statement(random.Random(200 + seed))
    english, _, _ = _statement(random.Random(200 + seed), english=True)
    facts, codes = _read(english, tmp_path, printed)
    assert [c for c in codes if c.startswith("equity")] == []
    assert _cells(facts) == _cells(_read(chinese, tmp_path, printed)[0])


def test_without_the_balance_sheet_only_what_arithmetic_fixes_is_read(tmp_path: Path) -> None:
    """With no balances to anchor the components, which component column a value is in is open:
    those cells become a finding, while the subtotal, non-controlling and total columns are read."""
    text, matrix, _ = _statement(random.Random(3))
    facts, codes = _read(text, tmp_path, {})
    assert "equity-columns-ambiguous" in codes
    cells = _cells(facts)
    year = "2024-01-01..2024-12-31"
    ci = matrix["ci"]
    assert cells[("ifrs-full:ComprehensiveIncome", year, "ifrs-full:EquityMember")] == ci[TOT]
    assert (
        cells[("ifrs-full:ComprehensiveIncome", year, "ifrs-full:NoncontrollingInterestsMember")] == ci[NCI]
    )
    assert ("ifrs-full:ComprehensiveIncome", year, "ifrs-full:RetainedEarningsMember") not in cells


def test_a_statement_that_does_not_roll_forward_is_flagged_and_not_tagged(tmp_path: Path) -> None:
    text, matrix, printed = _statement(random.Random(5))
    closing = "四、本期期末余额" + "".join(_money(v) for v in matrix["closing"] if v)
    wrong = matrix["closing"][:]
    wrong[RE] += 100
    wrong[SUB] += 100
    wrong[TOT] += 100
    text = text.replace(closing, "四、本期期末余额" + "".join(_money(v) for v in wrong if v))
    facts, codes = _read(text, tmp_path, {k: v for k, v in printed.items() if k[1] != "2024-12-31"})
    assert "equity-not-reconciled" in codes
    assert facts == []


def test_special_reserve_used_is_an_amount_whatever_its_printed_sign(tmp_path: Path) -> None:
    """本期使用 printed as a negative change or as a positive amount: the same fact."""
    text, matrix, printed = _statement(random.Random(7))
    used = matrix["used"]
    line = "2.本期使用" + "".join(_money(v) for v in used if v)
    positive = text.replace(line, "2.本期使用" + "".join(_money(-v) for v in used if v))
    year = "2024-01-01..2024-12-31"
    for variant in (text, positive):
        facts, codes = _read(variant, tmp_path, printed)
        assert "equity-not-reconciled" not in codes
        assert _cells(facts)[("cas:SpecialReserveUsed", year, "cas:SpecialReserveMember")] == -used[SR]


def test_heading_words_wrapped_over_lines_still_name_their_columns() -> None:
    """A heading printed with its words broken over lines (其他 | 综合收益, 一般 | 风险准备)."""
    components = load_taxonomy().components_for("CAS")
    header = (
        "2023年半年度|归属于母公司所有者权益少数股东权益所有者权益合计|"
        "实收资本(或股本)其他权益工具资本公积其他专项盈余公积一般未分配利润其他小计|"
        "优先股永续债其他减:库存股综合收益储备风险准备"
    )
    assert [c.member for c in columns_of(header, components)] == [m for m, _ in COLUMNS]
    parent = (
        "实收资本(或股本)其他权益工具资本公积减:库存股其他综合收|益专项储备盈余公积未分配利润所有者权益合计"
    )
    assert [c.member.split(":")[1] for c in columns_of(parent, components)] == [
        "IssuedCapitalMember",
        "OtherEquityInterestMember",
        "SharePremiumMember",
        "TreasurySharesMember",
        "AccumulatedOtherComprehensiveIncomeMember",
        "SpecialReserveMember",
        "StatutoryReserveMember",
        "RetainedEarningsMember",
        "EquityMember",
    ]


@pytest.fixture(scope="module")
def seed004() -> Filing:
    return convert(SEEDS / "004_41771b5226e85674.txt")


def _fact(filing: Filing, concept: str, period: str, member: str | None, separate: bool = False) -> Decimal:
    """The one fact of `concept` for `period` in the component column `member` (None: the total)."""
    wanted = set()
    if member:
        wanted.add((AXIS, member))
    if separate:
        wanted.add((SEPARATE.dimension, SEPARATE.member))
    found = [
        f.value
        for f in filing.facts
        if f.concept == concept
        and f.context.period.key == period
        and {(m.dimension, m.member) for m in f.context.members} == wanted
    ]
    assert len(found) == 1, (concept, period, member, found)
    assert isinstance(found[0], Decimal)
    return found[0]


def test_seed_004_current_period_blocks_are_read_in_full(seed004: Filing) -> None:
    """The 2024 blocks open and close on the balance sheet's dates, whose balances fix every column."""
    h1 = "2024-01-01..2024-06-30"
    assert _fact(seed004, "ifrs-full:ComprehensiveIncome", h1, "ifrs-full:RetainedEarningsMember") == Decimal(
        "-27472248.79"
    )
    assert _fact(
        seed004, "ifrs-full:ComprehensiveIncome", h1, "ifrs-full:NoncontrollingInterestsMember"
    ) == Decimal("-9545801.42")
    assert _fact(seed004, "ifrs-full:ComprehensiveIncome", h1, None) == Decimal("-37018050.21")
    assert _fact(
        seed004,
        "ifrs-full:IncreaseDecreaseThroughSharebasedPaymentTransactions",
        h1,
        "ifrs-full:IssuedCapitalMember",
    ) == Decimal("79412.00")
    assert _fact(seed004, "ifrs-full:Equity", "2024-06-30", "ifrs-full:TreasurySharesMember") == Decimal(
        "-30053537.02"
    )
    assert _fact(
        seed004, "ifrs-full:Equity", "2024-06-30", "ifrs-full:AccumulatedOtherComprehensiveIncomeMember"
    ) == Decimal("-6697703.20")
    assert _fact(
        seed004, "ifrs-full:Equity", "2024-06-30", "ifrs-full:RetainedEarningsMember", separate=True
    ) == Decimal("20314680.57")
    assert _fact(
        seed004,
        "cas:OtherContributionsAndReductionsOfCapital",
        h1,
        "ifrs-full:TreasurySharesMember",
        separate=True,
    ) == Decimal("-8224436.26")


def test_seed_004_prior_period_blocks_leave_component_columns_open(seed004: Filing) -> None:
    """The 2023 blocks have no balance sheet of their dates: the component columns are reported as
    open, the subtotal, non-controlling interests and total read."""
    h1 = "2023-01-01..2023-06-30"
    codes = [(f.code, f.table) for f in seed004.findings if f.code.startswith("equity")]
    assert codes == [("equity-columns-ambiguous", "E2"), ("equity-columns-ambiguous", "E4")]
    assert _fact(
        seed004, "ifrs-full:ComprehensiveIncome", h1, "ifrs-full:EquityAttributableToOwnersOfParentMember"
    ) == Decimal("-23161980.16")
    assert _fact(seed004, "ifrs-full:Equity", "2023-06-30", None, separate=True) == Decimal("1778153890.29")
    assert not [
        f
        for f in seed004.facts
        if f.context.period.key in (h1, "2023-06-30", "2022-12-31")
        and any(m.member == "ifrs-full:RetainedEarningsMember" for m in f.context.members)
    ]


def _tagged(filing: Filing) -> set[tuple[str, str, Decimal, object]]:
    return {
        (f.concept, f.context.period.key, f.value, f.context.members)
        for f in filing.facts
        if isinstance(f.value, Decimal)
    }


def _seed004_edited(tmp_path: Path, *edits: tuple[str, str]) -> Filing:
    text = (SEEDS / "004_41771b5226e85674.txt").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "004_41771b5226e85674.txt"
    path.write_text(text, encoding="utf-8")
    return convert(path)


def test_blocks_dated_by_a_caption_over_their_items_heading(seed004: Filing, tmp_path: Path) -> None:
    """SZSE reports print 本期金额 / 上期金额 over a bare 项目: the same facts."""
    current, prior = ("项目2024年半年度\n", "本期金额\n项目\n"), ("项目2023年半年度\n", "上期金额\n项目\n")
    edited = _seed004_edited(tmp_path, current, prior, current, prior)  # consolidated, then parent
    assert _tagged(edited) == _tagged(seed004)


def test_a_block_continued_after_a_page_break(seed004: Filing, tmp_path: Path) -> None:
    """The consolidated 2024 block broken by a page with its title (续) and heading repeated."""
    heading = (
        "\f合并所有者权益变动表(续)\n2024年1—6月\n单位:元 币种:人民币\n项目2024年半年度\n"
        "归属于母公司所有者权益少数股东权益所有者权益合计\n"
        "实收资本 (或股本)其他权益工具资本公积减:库存股其他综合收益专项储备盈余公积"
        "一般风险准备未分配利润其他小计\n"
        "优先股永续债其他\n"
    )
    text = (SEEDS / "004_41771b5226e85674.txt").read_text(encoding="utf-8")
    first = text.index("(三)利润分配\n1.提取盈余公积")
    edited = _seed004_edited(tmp_path, (text[first : first + 40], heading + text[first : first + 40]))
    assert _tagged(edited) == _tagged(seed004)


def test_a_statement_cut_short_is_flagged_and_tags_only_what_its_rows_fix(
    seed004: Filing, tmp_path: Path
) -> None:
    """Seed 004 cut off inside its first statement of changes in equity: the statement is flagged as
    truncated, its closing balances are missing, and every fact read is one the whole seed reads."""
    text = (SEEDS / "004_41771b5226e85674.txt").read_text(encoding="utf-8")
    cut = tmp_path / "004_41771b5226e85674.txt"
    cut.write_text(text[: text.index("(三)利润分配\n1.提取盈余公积")], encoding="utf-8")
    filing = convert(cut)
    codes = {f.code for f in filing.findings}
    assert {"statement-truncated", "equity-columns-ambiguous"} <= codes
    read = {
        (f.concept, f.context.period.key, f.value, f.context.members)
        for f in filing.facts
        if f.provenance.rule == "equity-matrix"
    }
    assert read and read <= _tagged(seed004)
    assert not [k for k in read if k[1] == "2024-06-30"]


def test_the_taxonomy_prints_components_before_the_totals() -> None:
    """The cells' placement relies on the format's order: a columns file that breaks it is refused."""
    from xbrlify.taxonomy.load import TaxonomyError, _check_column_order  # noqa: PLC0415

    components = load_taxonomy().components_for("CAS")
    assert _check_column_order(components) == components
    with pytest.raises(TaxonomyError, match="before the other columns"):
        _check_column_order((components[-1], *components[:-1]))
