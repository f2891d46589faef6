"""Printed wordings of statement lines map to their concepts (taxonomy aliases, then the looser
wording key of converters/labels.py built from taxonomy/data/wording.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xbrlify.converters.labels import wording_key
from xbrlify.converters.mapping import LayoutIndex, layout_index
from xbrlify.taxonomy import Layout, LayoutRow, load_taxonomy

FIXTURES = Path(__file__).parent / "fixtures" / "labels"


def _cases(name: str) -> list[tuple[str, str | None, str, str]]:
    """(layout, section, printed label, concept) for each line of a wording fixture."""
    cases = []
    layout, section = "", None
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            layout, *rest = line[1:].split()
            section = rest[0] if rest else None
            continue
        label, _, concept = line.partition("=>")
        cases.append((layout, section, label.strip(), concept.strip()))
    return cases


@pytest.mark.parametrize(
    ("layout", "section", "label", "concept"),
    _cases("hkex_ifrs_wordings.txt") + _cases("cas_wordings.txt"),
)
def test_printed_wording_maps_to_concept(layout: str, section: str | None, label: str, concept: str) -> None:
    row = layout_index(load_taxonomy().layouts[layout]).item(label, section, -1)
    assert row is not None, f"{label!r} maps to no {layout} line"
    assert row.concept == concept


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("按公平值計入損益之金融資產", "按公允价值计入损益的金融资产"),
        ("Payments for property, plant and equipment", "Purchase of property, plant and equipment"),
        (
            "Proceeds from sales of items of property, plant and equipment",
            "Proceeds from disposal of property, plant and equipment",
        ),
        ("Interest in an associate", "Investments in associates"),
        ("於一間聯營公司之權益", "于联营公司的权益"),
        ("Bank borrowings - due within one year", "Bank borrowings"),
        ("Payments for repurchase of shares", "Buy-back of shares"),
    ],
)
def test_wording_key_brings_variants_together(one: str, other: str) -> None:
    assert wording_key(one) == wording_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Finance costs", "Finance costs, net"),  # a net amount is another concept
        ("財務成本", "財務成本淨額"),
        ("Net cash from operating activities", "Operating activities"),  # a total is not its section
        ("Trade receivables", "Trade and other receivables"),
        ("Payments for repurchase of shares", "Purchase of shares"),
    ],
)
def test_wording_key_keeps_lines_apart(one: str, other: str) -> None:
    assert wording_key(one) != wording_key(other)


def test_loose_wording_never_chooses_between_concepts() -> None:
    """Two lines of one section whose wordings differ only by a particle: each maps by its own
    alias, and a third wording that matches both loosely maps to neither."""
    rows = tuple(
        LayoutRow(kind="item", concept=concept, section=None, labels=(label,), order=order)
        for order, (concept, label) in enumerate(
            (("ifrs-full:Revenue", "出售物业之收益"), ("ifrs-full:OtherIncome", "出售物业的收益"))
        )
    )
    layout = Layout(
        id="test", standard="IFRS", statement="income", period_type="duration", titles=(), rows=rows, arcs=()
    )
    index = LayoutIndex(layout)
    assert index.item("出售物業之收益", None, 0).concept == "ifrs-full:Revenue"  # type: ignore[union-attr]
    assert index.item("出售物业的收益", None, 0).concept == "ifrs-full:OtherIncome"  # type: ignore[union-attr]
    assert index.item("出售物业收益", None, 0) is None


@pytest.mark.parametrize(
    ("layout", "continuation"),
    [
        ("cas_income", "的投资收益"),  # 其中:对联营企业和合营企业 / 的投资收益, wrapped
        ("ifrs_cash_flow", "之所得款項"),
    ],
)
def test_a_line_opening_with_a_particle_is_no_label(layout: str, continuation: str) -> None:
    """A line that opens with 的 / 之 continues the label above it: the looser key keeps the
    particle there, so the line never reads as a line of its own."""
    index = layout_index(load_taxonomy().layouts[layout])
    assert index.item(continuation, None, -1) is None
    assert not index.knows(continuation)
