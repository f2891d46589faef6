"""Period expressions of statement headers → column periods (converters/periods.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, find, value

from xbrlify.converters.locate import is_header_line
from xbrlify.converters.periods import durations, english_dates, numeric_dates
from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing, Severity


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("2024年1-6月|2023年1-6月", ["2024-01-01..2024-06-30", "2023-01-01..2023-06-30"]),
        ("2024年1—3月 2023年1—3月", ["2024-01-01..2024-03-31", "2023-01-01..2023-03-31"]),
        ("2024年第一季度 2023年第一季度", ["2024-01-01..2024-03-31", "2023-01-01..2023-03-31"]),
        ("2024年第三季度 2023年第三季度", ["2024-07-01..2024-09-30", "2023-07-01..2023-09-30"]),
        ("2024年前三季度(1-9月) 2023年前三季度(1-9月)", ["2024-01-01..2024-09-30", "2023-01-01..2023-09-30"]),
        ("2024年半年度 2023年半年度", ["2024-01-01..2024-06-30", "2023-01-01..2023-06-30"]),
        ("2024年度 2023年度", ["2024-01-01..2024-12-31", "2023-01-01..2023-12-31"]),
        ("截至2024年6月30日止6个月|2024年 2023年", ["2024-01-01..2024-06-30", "2023-01-01..2023-06-30"]),
        (
            "2024年1月1日至2024年6月30日 2023年1月1日至6月30日",
            ["2024-01-01..2024-06-30", "2023-01-01..2023-06-30"],
        ),
        ("2024年4月1日 to 2025年3月31日", ["2024-04-01..2025-03-31"]),
    ],
)
def test_column_durations(header: str, expected: list[str]) -> None:
    assert [f"{a.isoformat()}..{b.isoformat()}" for a, b in durations(header)] == expected


@pytest.mark.parametrize(
    "header", ["项目 附注 2024年第一季度 2023年第一季度", "2024年前三季度（1-9月） 2023年前三季度（1-9月）"]
)
def test_quarter_headers_are_header_lines(header: str) -> None:
    assert is_header_line(header)


def test_opening_balance_at_first_of_january_is_the_prior_year_end(tmp_path: Path) -> None:
    """SZSE balance sheets print 2023年12月31日 against 2023年1月1日: the opening column is the
    instant at the end of 2022-12-31, where the prior year's closing facts live."""
    src = FIXTURES / "units" / "600999_wanyuan_2023_annual.txt"
    text = src.read_text(encoding="utf-8").replace(
        "2023年12月31日2022年12月31日", "2023年12月31日2023年1月1日"
    )
    path = tmp_path / src.name
    path.write_text(text, encoding="utf-8")
    filing = convert(path)
    assert value(filing, "Assets", "2022-12-31") == value(convert(src), "Assets", "2022-12-31")
    assert not [f for f in filing.facts if f.context.period.key == "2023-01-01"]


RELATIVE = FIXTURES / "relative" / "000999_2023_annual.txt"


def test_end_and_opening_balance_columns_dated_by_the_date_above_them() -> None:
    """期末余额/期初余额 under 2023 年 12 月 31 日: the year-end and the prior year-end."""
    filing = convert(RELATIVE)
    assert value(filing, "Cash", "2023-12-31") == Decimal("1000.00")
    assert value(filing, "Cash", "2022-12-31") == Decimal("800.00")
    assert value(filing, "EquityAndLiabilities", "2022-12-31") == Decimal("3300.00")
    cash = next(f for f in filing.facts if f.concept == "ifrs-full:Cash")
    assert "期末余额" in (cash.provenance.column_header or "")


def test_current_and_prior_period_columns_dated_by_the_report_period() -> None:
    filing = convert(RELATIVE)
    assert value(filing, "Revenue", "2023-01-01..2023-12-31") == Decimal("5000.00")
    assert value(filing, "Revenue", "2022-01-01..2022-12-31") == Decimal("4000.00")
    assert not [f for f in filing.findings if f.severity != "info"]


def test_prior_period_printed_first(tmp_path: Path) -> None:
    text = RELATIVE.read_text(encoding="utf-8")
    text = text.replace("项目 本期发生额 上期发生额", "项目 上期发生额 本期发生额")
    path = tmp_path / "000999_2023_annual.txt"
    path.write_text(text, encoding="utf-8")
    filing = convert(path)
    # the same printed numbers now belong to the other periods
    assert value(filing, "Revenue", "2022-01-01..2022-12-31") == Decimal("5000.00")
    assert value(filing, "Revenue", "2023-01-01..2023-12-31") == Decimal("4000.00")


@pytest.mark.parametrize(
    ("duration_words", "instant_words"),
    [
        ("本期数\t上期数", "期末数\t期初数"),
        ("本年累计数\t上年累计数", "年末数\t年初数"),
        ("本期金额\t上期金额", "年末余额\t年初余额"),
        ("本期发生额\t上期发生额", "期末余额\t期初余额"),
    ],
)
def test_relative_column_words_date_as_the_report(
    tmp_path: Path, duration_words: str, instant_words: str
) -> None:
    """Columns headed by relative words instead of dates take the report's period: the same facts."""
    layout = FIXTURES / "pdf" / "600999_wanyuan_2023_annual.layout.txt"
    text = layout.read_text(encoding="utf-8")
    variant = tmp_path / "600999_relative_columns.txt"
    variant.write_text(
        text.replace("2023年度\t2022年度", duration_words).replace(
            "2023年12月31日\t2022年12月31日", instant_words
        ),
        encoding="utf-8",
    )

    def key(filing: Filing) -> set[tuple[str, str, object]]:
        return {(f.concept, f.context.period.key, f.value) for f in filing.facts if f.unit is not None}

    assert key(convert(variant)) == key(convert(layout))


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("30.6.2024 31.12.2023", "2024年6月30日 2023年12月31日"),
        ("30/6/2024", "2024年6月30日"),
        ("6/30/2024", "2024年6月30日"),
        ("2024-06-30", "2024年6月30日"),
        ("2024.6.30", "2024年6月30日"),
        ("31.2.2024", "31.2.2024"),  # no such day
        ("1,234.56 1.234.2024", "1,234.56 1.234.2024"),
    ],
)
def test_dates_in_figures(printed: str, read: str) -> None:
    assert numeric_dates(printed) == read


def test_balance_sheet_dated_in_figures(tmp_path: Path) -> None:
    """HKEX column headers such as 30.6.2024 | 31.12.2023 date the columns like 30 June 2024."""
    layout = FIXTURES / "pdf" / "04321_harbourline_2024_interim_results_en.layout.txt"
    text = layout.read_text(encoding="utf-8")
    variant = tmp_path / "04321_dated_in_figures.txt"
    dated = text.replace("At 30 June 2024\tAt 31 December 2023", "30.6.2024\t31.12.2023")
    assert dated != text
    variant.write_text(dated, encoding="utf-8")
    facts = convert(variant).facts
    assert {(f.concept, f.context.period.key, f.value) for f in facts if f.unit is not None} == {
        (f.concept, f.context.period.key, f.value) for f in convert(layout).facts if f.unit is not None
    }


@pytest.mark.parametrize(
    ("unit", "scale", "currency"),
    [
        ("RMB’000", 1000, "CNY"),  # a typographic apostrophe, as PDFs print it
        ("HK$’000", 1000, "HKD"),
        ("US$'000", 1000, "USD"),
        ("USD'000", 1000, "USD"),
        ("RMB thousand", 1000, "CNY"),
        ("RMB in thousands", 1000, "CNY"),
        ("HK$ million", 1_000_000, "HKD"),
        ("HK$m", 1_000_000, "HKD"),  # the large issuers' short forms
        ("RMBm", 1_000_000, "CNY"),
        ("RMB mn", 1_000_000, "CNY"),
        ("US$ m", 1_000_000, "USD"),
        ("人民幣百萬元", 1_000_000, "CNY"),
        ("千港元", 1000, "HKD"),
    ],
)
def test_unit_headings(tmp_path: Path, unit: str, scale: int, currency: str) -> None:
    layout = FIXTURES / "pdf" / "04321_harbourline_2024_interim_results_en.layout.txt"
    variant = tmp_path / "04321_units.txt"
    variant.write_text(
        layout.read_text(encoding="utf-8").replace("RMB'000\tRMB'000", f"{unit}\t{unit}"), encoding="utf-8"
    )
    filing = convert(variant)
    assert value(filing, "Revenue", "2024-01-01..2024-06-30") == Decimal("1250400") * scale
    revenue = find(filing, "Revenue", "2024-01-01..2024-06-30")[0]
    assert revenue.unit is not None and revenue.unit.numerator == (f"iso4217:{currency}",)
    assert not [f for f in filing.findings if f.severity is not Severity.INFO]


def test_preparer_line_dates_no_column(tmp_path: Path) -> None:
    """编制单位: … 2023年12月31日 单位: 万元 between title and column headings: its date is the
    statement's, not a third column."""
    layout = FIXTURES / "pdf" / "600999_wanyuan_2023_annual.layout.txt"
    text = layout.read_text(encoding="utf-8")
    moved = text.replace(
        "合并资产负债表2023年12月31日编制单位: 示例制造股份有限公司\n单位:万元 币种:人民币",
        "合并资产负债表\n编制单位: 示例制造股份有限公司 2023年12月31日 单位:万元 币种:人民币",
    )
    assert moved != text
    variant = tmp_path / "600999_preparer_line.txt"
    variant.write_text(moved, encoding="utf-8")

    def key(filing: Filing) -> set[tuple[str, str, object]]:
        return {(f.concept, f.context.period.key, f.value) for f in filing.facts if f.unit is not None}

    assert key(convert(variant)) == key(convert(layout))


def test_half_year_reads_as_six_months() -> None:
    assert english_dates("Half year ended 30 June") == english_dates("Six months ended 30 June")
    assert english_dates("For the half-year ended 30 June 2024") == english_dates(
        "For the six months ended 30 June 2024"
    )


def _tagged(filing: Filing) -> set[tuple[str, str, object]]:
    return {(f.concept, f.context.period.key, f.value) for f in filing.facts if f.unit is not None}


def _headed(
    stem: str, replacements: list[tuple[str, str]], glue: str, tmp_path: Path
) -> tuple[Filing, Filing]:
    """A layout fixture with its headings rewritten, tab-separated or glued (``glue`` between its
    cells): the variant's filing and the fixture's."""
    layout = FIXTURES / "pdf" / f"{stem}.layout.txt"
    text = layout.read_text(encoding="utf-8")
    headed = text
    for old, new in replacements:
        assert old in headed, old
        headed = headed.replace(old, new)
    variant = tmp_path / f"{stem}.txt"
    variant.write_text(headed.replace("\t", glue), encoding="utf-8")
    return convert(variant), convert(layout)


GLUES = pytest.mark.parametrize("glue", ["\t", ""], ids=["tab-separated", "glued"])


@GLUES
@pytest.mark.parametrize(
    ("balance", "flows"),
    [
        ("2023年末\t2022年末", "2023年\t2022年"),  # bare years of an annual report
        ("2023.12.31\t2022.12.31", "2023年度\t2022年度"),  # dates in figures, glued: 2023.12.312022.12.31
        ("2023-12-31\t2022-12-31", "2023年1-12月\t2022年1-12月"),
        ("期末余额\t上年年末余额", "本期发生额\t上期发生额"),
        ("期末数\t期初数", "本期金额\t上期金额"),
    ],
)
def test_cas_column_headings(balance: str, flows: str, glue: str, tmp_path: Path) -> None:
    """The column headings CAS reports print, tab-separated and glued: the same periods."""
    replacements = [("2023年12月31日\t2022年12月31日", balance), ("2023年度\t2022年度", flows)]
    filing, fixture = _headed("600999_wanyuan_2023_annual", replacements, glue, tmp_path)
    assert _tagged(filing) == _tagged(fixture)
    assert not [f for f in filing.findings if f.severity is not Severity.INFO]


@GLUES
@pytest.mark.parametrize(
    ("printed", "heading"),
    [
        (
            "For the year ended 31 December 2024\n\t\t2024\t2023",
            "\t\tYear ended 31 December 2024\tYear ended 31 December 2023",
        ),
        ("For the year ended 31 December 2024\n\t\t2024\t2023", "\t\tFY2024\tFY2023"),
        ("At 31 December 2024\n\t\t2024\t2023", "\t\t31 December 2024\t31 December 2023"),
        ("At 31 December 2024\n\t\t2024\t2023", "\t\t31.12.2024\t31.12.2023"),
        ("At 31 December 2024\n\t\t2024\t2023", "\t\tDecember 31, 2024\tDecember 31, 2023"),
    ],
)
def test_english_column_headings(printed: str, heading: str, glue: str, tmp_path: Path) -> None:
    """Column headings HKEX annual results print, one period per cell, tab-separated and glued
    (``Year ended 31 December 2024Year ended 31 December 2023``, ``31.12.202431.12.2023``)."""
    filing, fixture = _headed("05678_evergreen_2024_annual_results_en", [(printed, heading)], glue, tmp_path)
    assert _tagged(filing) == _tagged(fixture)


@GLUES
@pytest.mark.parametrize(
    "heading",
    [
        "Notes\t\tSix months ended 30 June 2024\tSix months ended 30 June 2023",
        # a period as long as the one the announcement reports (six months ended 30 June 2024)
        "For the period ended 30 June\nNotes\t\t2024\t2023",
        "Notes\t\t1.1.2024 to 30.6.2024\t1.1.2023 to 30.6.2023",
        "Notes\t\tFrom 1 January 2024 to 30 June 2024\tFrom 1 January 2023 to 30 June 2023",
    ],
)
def test_six_months_in_each_column_heading(heading: str, glue: str, tmp_path: Path) -> None:
    replacement = ("For the six months ended 30 June\nNotes\t\t2024\t2023", heading)
    filing, fixture = _headed("04321_harbourline_2024_interim_results_en", [replacement], glue, tmp_path)
    assert _tagged(filing) == _tagged(fixture)


@GLUES
@pytest.mark.parametrize(
    "heading",
    [
        "附註\t\t截至二零二五年六月三十日止六個月\t截至二零二四年六月三十日止六個月",
        "附註\t\t截至2025年6月30日止六個月\t截至2024年6月30日止六個月",  # under the dateline 截至2025年…
        "截至六月三十日止六個月\n附註\t\t二零二五年\t二零二四年",
        "附註\t\t2025年中期\t2024年中期",
        "附註\t\t2025年上半年\t2024年上半年",
        "附註\t\t2025年1月至6月\t2024年1月至6月",
        "截至六月三十日止期間\n附註\t\t二零二五年\t二零二四年",
        "附註\t\t二零二五年一月一日至六月三十日\t二零二四年一月一日至六月三十日",
    ],
)
def test_hkex_chinese_column_headings(heading: str, glue: str, tmp_path: Path) -> None:
    replacement = ("截至6月30日止六個月\n附註\t\t2025年\t2024年", heading)
    filing, fixture = _headed("02522_rimag_2025_interim_tc", [replacement], glue, tmp_path)
    assert _tagged(filing) == _tagged(fixture)


@GLUES
def test_balance_sheet_captions_in_the_heading(glue: str, tmp_path: Path) -> None:
    """资产 | 附注 | dates in the place of 项目, and 负债和所有者权益 | 附注 | dates repeated above the
    liabilities: headings, not rows."""
    dates = "附注\t2023年12月31日\t2022年12月31日"
    replacements = [
        (f"项目\t{dates}\n流动资产:", f"资产\t{dates}\n流动资产:"),
        (
            "资产总计\t\t626,284.32\t595,294.32\n流动负债:",
            f"资产总计\t\t626,284.32\t595,294.32\n负债和所有者权益(或股东权益)\t{dates}\n流动负债:",
        ),
    ]
    filing, fixture = _headed("600999_wanyuan_2023_annual", replacements, glue, tmp_path)
    assert _tagged(filing) == _tagged(fixture)
    assert not [f for f in filing.findings if f.severity is not Severity.INFO]
