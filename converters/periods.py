"""Period expressions in Chinese and English statement headers → dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"(\d{4})\s*年")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTHS_ENDED = re.compile(r"截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日止(六|三|九|十二|6|3|9|12)[个個]月")
_YEAR_ENDED = re.compile(r"截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日止年度")
_HALF_YEAR = re.compile(r"(\d{4})年(?:半年度|中期|1[-—–~至]6月)")
_FULL_YEAR = re.compile(r"(\d{4})年度")
_MONTHS = {"三": 3, "六": 6, "九": 9, "十二": 12, "3": 3, "6": 6, "9": 9, "12": 12}


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_YEAR = re.compile(r"([零〇一二三四五六七八九]{4})(?=年)")
_CN_MONTH_DAY = re.compile(r"([一二三四五六七八九十]{1,3})(?=[月日])")


def _cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def arabic_dates(text: str) -> str:
    """二零二三年六月三十日 → 2023年6月30日 (years digit by digit; months and days as numbers)."""
    text = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group(1)), text)
    return _CN_MONTH_DAY.sub(lambda m: str(_cn_number(m.group(1))), text)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def months_back(end: dt.date, months: int) -> dt.date:
    """First day of the period of `months` months ending on `end`."""
    m = end.month - months + 1
    y = end.year
    while m <= 0:
        m += 12
        y -= 1
    return dt.date(y, m, 1)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def instants(header: str) -> list[dt.date]:
    """Column instants in printed order: full dates, or years and month-days printed on separate lines."""
    header = arabic_dates(header)
    full = [safe_date(int(y), int(m), int(d)) for y, m, d in _FULL_DATE.findall(header)]
    dates = [d for d in full if d]
    if dates:
        return dates
    years = [int(y) for y in _YEAR.findall(header)]
    mds = [(int(m), int(d)) for m, d in _MONTH_DAY.findall(header)]
    if years and len(mds) == len(years):
        return [d for d in (safe_date(y, m, dd) for y, (m, dd) in zip(years, mds, strict=True)) if d]
    return []


def _ended(header: str, m: re.Match[str], months: int) -> list[tuple[dt.date, dt.date]]:
    """Periods of `months` months ending on the matched month-day, one per year printed after it."""
    years = [int(y) for y in _YEAR.findall(header[m.end() :])] or ([int(m.group(1))] if m.group(1) else [])
    ends = [safe_date(y, int(m.group(2)), int(m.group(3))) for y in years]
    return [(months_back(end, months), end) for end in ends if end]


def durations(header: str) -> list[tuple[dt.date, dt.date]]:
    """Column durations in printed order, from 截至…止六个月 + years, 2024年半年度, 2024年度, 2024年1—6月."""
    header = arabic_dates(header)
    m = _MONTHS_ENDED.search(header)
    if m:
        return _ended(header, m, _MONTHS[m.group(4)])
    m = _YEAR_ENDED.search(header)
    if m:
        return _ended(header, m, 12)
    halves = [int(y) for y in _HALF_YEAR.findall(header)]
    if halves:
        return [(dt.date(y, 1, 1), dt.date(y, 6, 30)) for y in halves]
    years = [int(y) for y in _FULL_YEAR.findall(header)]
    return [(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years]
