"""A real SSE annual report (156-page PDF, CAS, yuan): statements tagged and reconciled."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import ROOT, assert_boxes_enclose_numbers, find, value

from xbrlify.converters.equity import equity_facts
from xbrlify.converters.pipeline import convert
from xbrlify.converters.profile import profile
from xbrlify.converters.read import read
from xbrlify.model import Fact, Filing, Severity
from xbrlify.taxonomy import load_taxonomy

ANNUAL = ROOT / "examples" / "filings" / "603339_2019_annual.pdf"
FY2019 = "2019-01-01..2019-12-31"


@pytest.fixture(scope="module")
def annual() -> Filing:
    return convert(ANNUAL)


def test_profile_and_periods(annual: Filing) -> None:
    doc = annual.document
    assert (doc.entity.exchange, doc.entity.identifier, doc.report_type) == ("SSE", "603339", "annual-report")
    assert value(annual, "Revenue", FY2019) == Decimal("1175301034.32")
    assert value(annual, "CostOfSales", FY2019) == Decimal("903236584.52")
    assert value(annual, "Assets", "2019-12-31") == Decimal("2464948703.85")


def test_all_six_statements_tagged_with_page_provenance(annual: Filing) -> None:
    for concept, period in (
        ("Assets", "2019-12-31"),
        ("ProfitLoss", FY2019),
        ("CashFlowsFromUsedInOperatingActivities", FY2019),
    ):
        for separate in (False, True):
            facts = find(annual, concept, period, separate=separate)
            assert len(facts) == 1, (concept, separate)
            assert facts[0].provenance.page is not None and facts[0].provenance.page > 50


def test_every_total_reconciles(annual: Filing) -> None:
    codes = {f.code for f in annual.findings}
    assert not codes & {
        "calc-inconsistent",
        "calc-inconsistent-in-document",
        "calc-unsatisfiable",
        "no-consistent-reading",
        "identity-assets",
        "identity-cash",
    }
    assert annual.errors == []
    assert len(annual.facts) > 300


def test_wrapped_label_with_numbers_on_the_next_line(annual: Filing) -> None:
    owners = find(annual, "ProfitLossAttributableToOwnersOfParent", FY2019)
    assert owners and owners[0].provenance.row_label is not None
    assert "归属于母公司股东的净利润" in owners[0].provenance.row_label


def test_page_furniture_is_not_read_as_rows(annual: Filing) -> None:
    assert not annual.extension_concepts


def test_every_number_has_its_box_on_the_page(annual: Filing) -> None:
    assert_boxes_enclose_numbers(annual, ANNUAL, find(annual, "Revenue", FY2019)[0])


def test_lone_value_placed_by_its_position_on_the_page(annual: Filing) -> None:
    """其中：利息费用 prints one value and is in no summation: arithmetic cannot tell its year, the
    page can (it ends where the 2019 column's numbers end)."""
    facts = [f for f in annual.facts if f.concept == "ifrs-full:InterestExpense" and not f.context.members]
    assert [(f.context.period.key, f.value) for f in facts] == [(FY2019, Decimal("6333067.92"))]
    assert facts[0].provenance.rule == "placed in the column printed at its position"
    assert "ambiguous-split" not in {f.code for f in annual.findings}


@pytest.mark.parametrize("glued", [False, True], ids=["text-layer", "columns-glued"])
def test_text_layer_as_text_gives_the_same_facts(annual: Filing, tmp_path: Path, glued: bool) -> None:
    """The PDF's text layer as a text file, pages joined by form feeds (a break inside a line) —
    and again with every space removed, columns glued as in the seeds: arithmetic recovers every
    fact the PDF reader places by position, except the one lone value only its position dates,
    which becomes a finding, not a guess."""
    pdf = pdfium.PdfDocument(ANNUAL)
    try:
        text = "\f".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    if glued:
        text = re.sub(r"[ \t]+", "", text)
    source = tmp_path / "603339_2019_annual.txt"
    source.write_text(text, encoding="utf-8")
    from_text = convert(source)

    def tagged(filing: Filing) -> set[tuple[str, str, Decimal, object]]:
        return {
            (f.concept, f.context.period.key, f.value, f.context.members)
            for f in filing.facts
            if isinstance(f.value, Decimal)
        }

    missing = tagged(annual) - tagged(from_text)
    assert [(c, p, v) for c, p, v, _ in missing] == [
        ("ifrs-full:InterestExpense", FY2019, Decimal("6333067.92"))
    ]
    assert tagged(from_text) <= tagged(annual)
    flagged = [f for f in from_text.findings if f.severity is not Severity.INFO]
    assert [f.code for f in flagged] == ["ambiguous-split"] and "其中：利息费用" in flagged[0].message


def _keys(facts: list[Fact]) -> set[tuple[str, str, object, object]]:
    return {(f.concept, f.context.period.key, f.value, f.context.members) for f in facts}


def test_statements_of_changes_in_equity_read_in_full(annual: Filing) -> None:
    """All four blocks (group and company, 2019 and 2018): every printed cell, the balances of each
    component equal to the balance sheet's, and no finding about them."""
    equity = [f for f in annual.facts if (f.provenance.rule or "").startswith("equity-matrix")]
    assert len(equity) >= 200
    assert not [f for f in annual.findings if f.code.startswith("equity")]
    retained = "ifrs-full:RetainedEarningsMember"
    closing = {
        (f.context.period.key, tuple(m.member for m in f.context.members)): f.value
        for f in equity
        if f.concept == "ifrs-full:Equity"
    }
    assert closing[("2019-12-31", (retained,))] == value(annual, "RetainedEarnings", "2019-12-31")
    assert closing[("2017-12-31", ("ifrs-full:IssuedCapitalMember", "ifrs-full:SeparateMember"))] == Decimal(
        "210246250.00"
    )


def test_equity_columns_by_position_without_the_balance_sheet(annual: Filing) -> None:
    """Read without the balance sheet's balances, the component columns of the annual report's
    blocks are left to the arithmetic and the positions of the headings on the page: the same
    cells, in the same columns, as with the balances."""
    doc = read(ANNUAL)
    facts, findings, _ = equity_facts(doc, profile(doc, None), load_taxonomy(), {})
    assert not [f for f in findings if f.severity is not Severity.INFO]
    read_by_position = _keys(facts)
    with_balances = _keys([f for f in annual.facts if (f.provenance.rule or "").startswith("equity-matrix")])
    assert with_balances <= read_by_position <= _keys(annual.facts)
    assert any(f.provenance.rule == "equity-matrix, columns by position" for f in facts)
