"""Figures stated in prose (investor-relations records): tagged only with a stated period, a known
metric and an amount in a currency scale; outlooks, changes and unknown metrics are left alone."""

from __future__ import annotations

from decimal import Decimal

from conftest import FIXTURES, IR_RECORD

from xbrlify.converters.pipeline import convert
from xbrlify.converters.prose import prose_terms
from xbrlify.model import Filing
from xbrlify.taxonomy import load_taxonomy

FY2024 = "2024-01-01..2024-12-31"
Q1_2025 = "2025-01-01..2025-03-31"


def stated(filing: Filing) -> dict[tuple[str, str], tuple[Decimal, int | None]]:
    facts = [f for f in filing.facts if f.provenance.rule == "figure stated in prose"]
    keys = {(f.concept.split(":")[-1], f.context.period.key): (f.value, f.decimals) for f in facts}
    assert len(keys) == len(facts), "a figure was tagged twice"
    return keys  # type: ignore[return-value]


def test_seed_record_figures_with_their_periods_and_precision(ir_record: Filing) -> None:
    facts = stated(ir_record)
    assert facts[("Revenue", FY2024)] == (Decimal("2782000000"), -6)  # 27.82 亿元
    assert facts[("Revenue", Q1_2025)] == (Decimal("345000000"), -6)
    # 528.94 万元
    assert facts[("ProfitLossAttributableToOwnersOfParent", Q1_2025)] == (Decimal("5289400"), -2)
    assert facts[("ProfitLossAttributableToOwnersOfParentExcludingNonrecurringItems", FY2024)] == (
        Decimal("124000000"),
        -6,
    )
    # the paragraph after "2024 年，…" keeps its period
    assert facts[("CashFlowsFromUsedInOperatingActivities", FY2024)] == (Decimal("408000000"), -6)
    # product-line revenues (软件及服务收入 21.52 亿元) and unknown metrics (研发投入, 销售收款)
    # are not tagged
    assert len(facts) == 7
    assert ir_record.errors == []


def test_provenance_points_at_the_printed_number(ir_record: Filing) -> None:
    lines = IR_RECORD.read_text(encoding="utf-8").splitlines()
    for fact in ir_record.facts:
        prov = fact.provenance
        if prov.rule == "figure stated in prose":
            assert prov.line is not None and prov.char_start is not None
            assert lines[prov.line - 1][prov.char_start : prov.char_end] == prov.raw_text
    revenue = next(f for f in ir_record.facts if f.concept == "ifrs-full:Revenue")
    assert revenue.provenance.raw_text == "27.82" and revenue.provenance.column_header == "亿元"


def test_only_stated_levels_of_known_metrics_with_a_period() -> None:
    filing = convert(FIXTURES / "prose" / "300999_ir_record.txt")
    facts = stated(filing)
    assert facts == {
        ("Revenue", "2023-01-01..2023-12-31"): (Decimal("1250000000"), -6),
        ("ProfitLossAttributableToOwnersOfParent", "2023-01-01..2023-12-31"): (Decimal("12345600"), -2),
        ("BasicEarningsLossPerShare", "2023-01-01..2023-12-31"): (Decimal("0.21"), 2),
        ("Assets", "2023-12-31"): (Decimal("4560000000"), -6),
        ("Revenue", "2024-01-01..2024-06-30"): (Decimal("602000000"), -6),
        ("CashFlowsFromUsedInOperatingActivities", "2024-01-01..2024-06-30"): (Decimal("-35000000"), -6),
    }
    skipped = [f.message for f in filing.findings if f.code == "prose-figure-skipped"]
    # under a heading naming two periods; an outlook; an answer after a question resets the period
    assert any("9.99" in m and "no period" in m for m in skipped)
    assert any("15 亿元" in m and "outlook" in m for m in skipped)
    assert any("3 亿元" in m for m in skipped)


def test_prose_terms_name_known_numeric_concepts() -> None:
    taxonomy = load_taxonomy()
    terms = prose_terms()
    assert terms and all(wordings for wordings in terms.values())
    assert all(taxonomy.concepts[q].data_type in ("monetary", "perShare") for q in terms)
