"""Period expressions of statement headers → column periods (converters/periods.py)."""

from __future__ import annotations

import pytest

from xbrlify.converters.locate import is_header_line
from xbrlify.converters.periods import durations


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
    ],
)
def test_column_durations(header: str, expected: list[str]) -> None:
    assert [f"{a.isoformat()}..{b.isoformat()}" for a, b in durations(header)] == expected


@pytest.mark.parametrize(
    "header", ["项目 附注 2024年第一季度 2023年第一季度", "2024年前三季度（1-9月） 2023年前三季度（1-9月）"]
)
def test_quarter_headers_are_header_lines(header: str) -> None:
    assert is_header_line(header)
