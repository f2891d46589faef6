"""Resolution of glued columns by arithmetic, on small fixture statements and a layout built in code."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, SSE_CAS

from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing
from xbrlify.taxonomy import CalculationArc, Concept, Layout, LayoutRow, Taxonomy

ITEMS = [
    ("ifrs-full:Cash", "货币资金", "ifrs-full:CurrentAssets"),
    ("ifrs-full:Inventories", "存货", "ifrs-full:CurrentAssets"),
    ("ifrs-full:CurrentAssets", "流动资产合计", "ifrs-full:Assets"),
    ("ifrs-full:PropertyPlantAndEquipment", "固定资产", "ifrs-full:NoncurrentAssets"),
    ("ifrs-full:NoncurrentAssets", "非流动资产合计", "ifrs-full:Assets"),
    ("ifrs-full:Assets", "资产总计", None),
]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    concepts = {
        q: Concept(qname=q, data_type="monetary", period_type="instant", balance="debit") for q, _, _ in ITEMS
    }
    rows = [LayoutRow(kind="section", concept=None, section="current", labels=("流动资产",), order=0)]
    arcs = []
    for i, (q, label, parent) in enumerate(ITEMS, start=1):
        rows.append(LayoutRow(kind="item", concept=q, section=None, labels=(label,), order=i))
        if parent:
            arcs.append(CalculationArc(parent=parent, child=q, weight=1, order=i))
    layout = Layout(
        id="bs",
        standard="CAS",
        statement="financial_position",
        period_type="instant",
        titles=("资产负债表",),
        rows=tuple(rows),
        arcs=tuple(arcs),
    )
    return Taxonomy(concepts=concepts, layouts={"bs": layout})


def values(filing: Filing, concept: str) -> dict[str, Decimal]:
    return {f.context.period.key: f.value for f in filing.facts if f.concept == concept}  # type: ignore[misc]


def test_note_digits_and_single_values_resolved_by_totals(taxonomy: Taxonomy) -> None:
    filing = convert(FIXTURES / "glued_statement.txt", taxonomy)
    # 注释七、1407,802,324.30… : note 1, not note 14 or 140, because the current-assets total adds up
    assert values(filing, "ifrs-full:Cash") == {
        "2024-06-30": Decimal("407802324.30"),
        "2023-12-31": Decimal("612478452.28"),
    }
    # a single value lands in the column whose totals it completes
    assert values(filing, "ifrs-full:PropertyPlantAndEquipment") == {"2024-06-30": Decimal("1700000.00")}
    assert not [f for f in filing.findings if f.code == "ambiguous-split"]


def test_unreconciled_total_is_flagged_not_hidden(taxonomy: Taxonomy) -> None:
    filing = convert(FIXTURES / "unreconciled_statement.txt", taxonomy)
    flagged = [f for f in filing.findings if f.code in ("calc-inconsistent-in-document", "calc-inconsistent")]
    assert flagged and any(f.period == "2024-06-30" for f in flagged)
    # the printed numbers are still reported as printed, never adjusted
    assert values(filing, "ifrs-full:CurrentAssets")["2024-06-30"] == Decimal("3500.00")


def test_ambiguity_arithmetic_cannot_settle_yields_no_fact(taxonomy: Taxonomy, tmp_path: Path) -> None:
    text = (FIXTURES / "glued_statement.txt").read_text(encoding="utf-8")
    # remove the totals: nothing can tell note 1 from note 14 any more
    lines = [ln for ln in text.splitlines() if "合计" not in ln and "总计" not in ln]
    path = tmp_path / "no_totals.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    filing = convert(path, taxonomy)
    assert "ifrs-full:Cash" not in {f.concept for f in filing.facts}
    assert any(f.code == "ambiguous-split" and "货币资金" in f.message for f in filing.findings)


def test_truncated_enumeration_settles_nothing(taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the search is cut short, rows are flagged rather than settled on a partial view."""
    import xbrlify.converters.resolve as resolve_module  # noqa: PLC0415

    monkeypatch.setattr(resolve_module, "MAX_SOLUTIONS", 1)
    filing = convert(FIXTURES / "glued_statement.txt", taxonomy)
    assert any(f.code == "too-many-readings" for f in filing.findings)
    assert "ifrs-full:Cash" not in {f.concept for f in filing.facts}


def test_search_cut_short_by_its_budget_settles_nothing(
    taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search that runs out of its budget of equation checks flags its rows, like one cut short
    by the number of solutions."""
    import xbrlify.converters.resolve as resolve_module  # noqa: PLC0415

    monkeypatch.setattr(resolve_module, "MAX_STEPS", 3)
    filing = convert(FIXTURES / "glued_statement.txt", taxonomy)
    assert any(
        f.code == "too-many-readings" and "too many readings to try" in f.message for f in filing.findings
    )
    assert "ifrs-full:Cash" not in {f.concept for f in filing.facts}


def test_glued_figures_without_separators_end_flagged_not_invented(tmp_path: Path) -> None:
    """Figures printed without thousands separators and glued (``852316790204``) can be split in
    so many ways that the search gives up on the long summations: it ends, flags them, and every
    fact it still emits is one the statement really prints."""
    layout = FIXTURES / "pdf" / "05678_evergreen_2024_annual_results_en.layout.txt"
    text = re.sub(r"(?<=\d),(?=\d{3})", "", layout.read_text(encoding="utf-8")).replace("\t", "")
    source = tmp_path / "05678_no_separators.txt"
    source.write_text(text, encoding="utf-8")
    filing = convert(source)

    def facts(f: Filing) -> set[tuple[str, str, object]]:
        return {(x.concept, x.context.period.key, x.value) for x in f.facts if x.unit is not None}

    codes = {f.code for f in filing.findings}
    assert {"too-many-readings", "ambiguous-split"} <= codes
    emitted = facts(filing)
    assert emitted and emitted <= facts(convert(layout))


def breakdown_values(filing: Filing, label: str) -> list[tuple[str, Decimal]]:
    return [(f.context.period.key, f.value) for f in filing.facts if f.provenance.row_label == label]  # type: ignore[misc]


def test_lone_breakdown_value_placed_by_the_row_it_breaks_down() -> None:
    filing = convert(FIXTURES / "breakdown_rows_statement.txt")
    # the row above prints a value in the current period only
    assert breakdown_values(filing, "其中:子公司吸收少数股东投资收到的现金") == [
        ("2024-01-01..2024-06-30", Decimal("1200000.00"))
    ]
    # the row above prints both periods; the lone value is the whole of the prior one
    assert breakdown_values(filing, "其中:子公司支付给少数股东的股利、利润") == [
        ("2023-01-01..2023-06-30", Decimal("600000.00"))
    ]
    assert not [f for f in filing.findings if f.code == "ambiguous-split"]


def test_lone_breakdown_value_matching_neither_column_stays_ambiguous(tmp_path: Path) -> None:
    text = (FIXTURES / "breakdown_rows_statement.txt").read_text(encoding="utf-8")
    path = tmp_path / "breakdown.txt"
    path.write_text(text.replace("股利、利润600,000.00", "股利、利润200,000.00"), encoding="utf-8")
    filing = convert(path)
    assert breakdown_values(filing, "其中:子公司支付给少数股东的股利、利润") == []
    assert any(f.code == "ambiguous-split" and "少数股东的股利" in f.message for f in filing.findings)


def test_rows_without_the_statements_note_marker_have_no_note() -> None:
    """Notes printed as 附注七、61: 利息收入15,631,520.72… is 15,631,520.72, not note 1 + 5,631,520.72,
    even though the notes section has a heading 1、利息收入 and no arithmetic reaches the row."""
    filing = convert(FIXTURES / "marked_notes_statement.txt")
    assert breakdown_values(filing, "利息收入") == [
        ("2024-01-01..2024-12-31", Decimal("15631520.72")),
        ("2023-01-01..2023-12-31", Decimal("17817662.67")),
    ]


STATEMENTS_ONLY = FIXTURES / "pdf" / "688246_2024_interim_statements.txt"


def _keyed(filing: Filing) -> dict[tuple[str, str, str], object]:
    return {(f.concept, f.context.period.key, str(f.context.members)): f.value for f in filing.facts}


def test_statements_without_their_notes_resolve_as_with_them() -> None:
    """Seed 004's statements alone, without the notes section whose headings confirm note numbers:
    the numbered rows of the statements themselves (6.外币财务报表折算差额) are no note headings,
    note references that run in printed order settle the splits arithmetic leaves open (a fall back
    to note 1 by 其他流动资产 is no second reference to 货币资金's note), and the parent company's
    cash-flow statement, whose settled rows cite no note, reads its leading digits as values."""
    alone, whole = convert(STATEMENTS_ONLY), convert(SSE_CAS)
    # the fixture stops before the statements of changes in equity
    whole = whole.model_copy(
        update={"facts": [f for f in whole.facts if f.provenance.rule != "equity-matrix"]}
    )
    statements = {k: v for k, v in _keyed(whole).items() if not k[0].endswith("2013")}
    assert {k: v for k, v in _keyed(alone).items() if not k[0].endswith("2013")} == statements
    parent = str(next(f.context.members for f in whole.facts if f.context.members))
    period = "2024-01-01..2024-06-30"
    assert statements[("ifrs-full:CashAndCashEquivalents", "2024-06-30", parent)] == Decimal("139406225.96")
    assert statements[
        ("ifrs-full:OtherInflowsOutflowsOfCashClassifiedAsInvestingActivities", period, parent)
    ] == Decimal("153620000.00")
    rules = {r for r in (f.provenance.rule for f in alone.facts) if r}
    assert "arithmetic, then note references that increase down the statement" in rules
    assert "arithmetic, then no note reference, as none of the statement's settled rows has one" in rules


def test_numbers_printed_above_their_labels() -> None:
    """Text extracted from a PDF whose numbers sit a little higher than their labels (pdfplumber's
    layout text of some HKEX reports): each row's numbers on the line above its label, section
    headings followed by numbers. Read as the same statement printed the usual way."""
    above = convert(FIXTURES / "numbers_above_labels_statement.txt")
    usual = convert(FIXTURES / "units" / "600999_wanyuan_2023_annual.txt")
    key = {(f.concept, f.context.period.key, f.value) for f in usual.facts if f.unit is not None}
    assert {(f.concept, f.context.period.key, f.value) for f in above.facts if f.unit is not None} == key
    assert [f.code for f in above.findings if f.severity != "info"] == []


def test_lone_breakdown_value_placed_by_its_column_in_aligned_text() -> None:
    """The same statement as text that kept the page's columns (layout text): the lone value the
    glued text leaves ambiguous ends under the 2023 column, and goes there; glued text, whose
    numbers do not end aligned, gives position no say (previous test)."""
    filing = convert(FIXTURES / "breakdown_rows_aligned_statement.txt")
    assert breakdown_values(filing, "其中:子公司支付给少数股东的股利、利润") == [
        ("2023-01-01..2023-06-30", Decimal("200000.00"))
    ]
    placed = [f for f in filing.facts if f.provenance.rule == "placed in the column printed at its position"]
    assert {f.provenance.row_label for f in placed} == {
        "其中:子公司吸收少数股东投资收到的现金",
        "其中:子公司支付给少数股东的股利、利润",
    }
    assert not [f for f in filing.findings if f.code == "ambiguous-split"]


def test_closing_cash_read_by_the_change_before_exchange_rates_and_their_effect(tmp_path: Path) -> None:
    """A statement of cash flows that prints the net change before the effect of exchange rates and
    that effect, but no change after it: ``年末現金及現金等價物305,000200,000`` in a statement with a notes
    column reads as note 30 with 5,000 as well; opening + change + effect = closing settles it."""
    text = "\n".join(
        [
            "(股份代號：6009)",
            "綜合現金流量表",
            "截至二零二四年十二月三十一日止年度",
            "二零二四年二零二三年",
            "附註人民幣千元人民幣千元",
            "經營活動所得現金流量淨額207,000166,000",
            "投資活動所用現金流量淨額(60,000)(50,000)",
            "已付股息9(52,000)(58,000)",
            "融資活動所用現金流量淨額(52,000)(58,000)",
            "現金及現金等價物增加淨額95,00058,000",
            "年初現金及現金等價物200,000145,000",
            "匯率變動影響淨額10,000(3,000)",
            "年末現金及現金等價物305,000200,000",
            "承董事會命",
        ]
    )
    path = tmp_path / "06009_cash_flows_tc.txt"
    path.write_text(text, encoding="utf-8")
    filing = convert(path)
    closing = values(filing, "ifrs-full:CashAndCashEquivalents")
    assert closing["2024-12-31"] == Decimal("305000000")
    assert closing["2022-12-31"] == Decimal("145000000")
    assert not [f for f in filing.findings if f.code == "ambiguous-split"]
