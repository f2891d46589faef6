"""CAS balance sheets whose rows print their note references in other styles than 注释七、1
(七、(1) glued to the figures, 五、(一) spaced, 注释1 glued), under a statement date printed on
its own line above a preparer line that also gives the unit."""

from __future__ import annotations

from decimal import Decimal

from conftest import FIXTURES, each_converted, value

from xbrlify.model import Filing, Severity

STYLES = FIXTURES / "note_styles"
END_2023, END_2022 = "2023-12-31", "2022-12-31"


balance_sheet = each_converted(sorted(STYLES.glob("*.txt")))


def test_the_date_line_over_the_header_is_no_column(balance_sheet: Filing) -> None:
    # two columns, not three: 2023年12月31日 printed alone under the title dates the statement
    assert {f.context.period.key for f in balance_sheet.facts if f.unit is not None} == {END_2023, END_2022}


def test_every_row_read_past_its_note_reference(balance_sheet: Filing) -> None:
    assert value(balance_sheet, "ifrs-full:Cash", END_2023) == Decimal("175372966.82")
    assert value(balance_sheet, "ifrs-full:Cash", END_2022) == Decimal("229943098.33")
    # the 21st note (七、(21), 五、(二十一), 注释21) leaves no digit in the figure
    assert value(balance_sheet, "ifrs-full:RetainedEarnings", END_2023) == Decimal("467016346.87")
    assert value(balance_sheet, "ifrs-full:Assets", END_2022) == Decimal("5138613723.14")
    numeric = [f for f in balance_sheet.facts if f.context.period.key in (END_2023, END_2022)]
    assert len(numeric) == 2 * 30  # 30 printed rows, two periods


def test_no_warning(balance_sheet: Filing) -> None:
    assert [f.code for f in balance_sheet.findings if f.severity != Severity.INFO] == []
