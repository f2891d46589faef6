"""Period expressions in Chinese and English statement headers → dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from itertools import pairwise

_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"(\d{4})\s*年")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTHS_ENDED = re.compile(r"截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日止(六|三|九|十二|6|3|9|12)[个個]月")
_YEAR_ENDED = re.compile(r"截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日止年度")
_HALF_YEAR = re.compile(r"(\d{4})年(?:半年度|中期|上半年)")
_MONTH_RANGE = re.compile(r"(\d{4})年(?:[^\d年|]{0,6}?[(（]?)(\d{1,2})\s*[-—–~至]\s*(\d{1,2})月")
_QUARTER = re.compile(r"(\d{4})年(前三|第[一二三四1-4])季度(?![(（]?\d{1,2}\s*[-—–~至])")
_QUARTERS = {
    "第一": (1, 3),
    "第1": (1, 3),
    "第二": (4, 6),
    "第2": (4, 6),
    "第三": (7, 9),
    "第3": (7, 9),
    "第四": (10, 12),
    "第4": (10, 12),
    "前三": (1, 9),
}
_FULL_YEAR = re.compile(r"(\d{4})年度")
# 截至6月30日止期间 (For the period ended 30 June): its length is the reporting period's
_PERIOD_ENDED = re.compile(r"截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日止期[间間]")
# 2024年1月1日至2024年6月30日 (1.1.2024 to 30.6.2024, 1 January 2024 to 30 June 2024)
_DATE_RANGE = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:to|至|[-—–~])\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日",
    re.IGNORECASE,
)
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


_MONTH_NAMES = {
    name: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
# a date ends where no Latin letter or digit follows, so one glued to Chinese (``31 December 2024於``) reads
_EN_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})\s*{_MONTH}(?:\s*,?\s*((?:19|20)\d{{2}}))?(?![A-Za-z0-9])", re.IGNORECASE
)
_EN_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s*(\d{{1,2}})(?:\s*,\s*((?:19|20)\d{{2}}))?(?![A-Za-z0-9])", re.IGNORECASE
)
_EN_ENDED = re.compile(
    r"\b(?:(three|six|nine|twelve|3|6|9|12)[- ]?months?|(half[- ]?year)|(year)|(period))"
    r"\s*(?:period\s*)?ended\s*(?=\d{4}年|\d{1,2}月)",
    re.IGNORECASE,
)
_EN_COUNT = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
_LONE_YEAR = re.compile(r"(?<![\d,.年/-])((?:19|20)\d{2})(?!\s*[年月])(?![\d,./-])")


_DMY = re.compile(r"(?<![\d,.\-/])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d,.\-/])")
_YMD = re.compile(r"(?<![\d,.\-/])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d,.\-/])")


_GLUED_DATE = re.compile(r"(?<=\d)(?=(?:19|20)\d{2}([-./])\d{1,2}\1\d{1,2}(?![\d,]))")


def numeric_dates(text: str) -> str:
    """Dates printed in figures, as HKEX column headers do: ``30.6.2024``, ``31/12/2023`` (day first,
    as in Hong Kong, unless only the first figure can be a month: ``6/30/2024``), ``2024-06-30``,
    ``2024.6.30`` → ``2024年6月30日``. Figures that form no calendar date are left alone."""

    def as_cn(year: int, month: int, day: int, whole: str) -> str:
        return f"{year}年{month}月{day}日" if safe_date(year, month, day) else whole

    def dmy(m: re.Match[str]) -> str:
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (second, first) if second > 12 >= first else (first, second)  # June 30 style
        return as_cn(year, month, day, m.group(0))

    text = _GLUED_DATE.sub(" ", text)  # 2023.12.312022.12.31: two dates glued
    text = _DMY.sub(dmy, text)
    return _YMD.sub(lambda m: as_cn(int(m.group(1)), int(m.group(3)), int(m.group(4)), m.group(0)), text)


_GLUED_YEARS = re.compile(r"(?<![\d,.])((?:19|20)\d{2})((?:19|20)\d{2})((?:19|20)\d{2})?(?![\d,.])")
_YEAR_BEFORE_WORD = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?=[A-Za-z(])")
_FISCAL_YEAR = re.compile(r"(?<![A-Za-z])FY\s?((?:19|20)\d{2})(?!\d)", re.IGNORECASE)  # FY2024 → 2024
_CASE_STEP = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # NotesSix months ended: two cells glued
_YEAR_BEFORE_DATE = re.compile(  # 30 June 202431 December 2023, 30.6.202431.12.2023: a date glued on
    r"(?<![\d,])((?:19|20)\d{2})(?=\d{1,2}(?:\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|[./]\d{1,2}[./](?:19|20)\d{2}))",
    re.IGNORECASE,
)
_WORD_BEFORE_YEAR = re.compile(r"(?<=[A-Za-z)])(?=(?:19|20)\d{2}(?![\d,.]))")


def unglued_years(text: str) -> str:
    """Column headings whose cells the extraction glued, spaced again: ``Notes20242023`` →
    ``Notes 2024 2023``, ``30 June 2024At 31 December 2023`` → ``30 June 2024 At …``,
    ``30 June 202431 December 2023`` → ``30 June 2024 31 December 2023``; ``FY2024`` reads as
    ``2024``. Only years a year apart are split, so a figure such as 20242023 is left alone."""

    def split(m: re.Match[str]) -> str:
        years = [int(y) for y in m.groups() if y]
        steps = {b - a for a, b in pairwise(years)}
        return " ".join(str(y) for y in years) if steps <= {1} or steps <= {-1} else m.group(0)

    text = _GLUED_YEARS.sub(split, _FISCAL_YEAR.sub(r"\1 ", _CASE_STEP.sub(" ", text)))
    text = _YEAR_BEFORE_DATE.sub(r"\1 ", text)
    return _WORD_BEFORE_YEAR.sub(" ", _YEAR_BEFORE_WORD.sub(r"\1 ", text))


def english_dates(text: str, lone_years: bool = True) -> str:
    """English header dates in the Chinese form the grammar reads: ``30 June 2025`` →
    ``2025年6月30日``, ``Six months ended 30 June`` → ``截至6月30日止六个月``, ``Year ended`` →
    ``…止年度``, and (with `lone_years`) a year standing alone, as in a column header → ``2025年``."""
    if not re.search(r"[A-Za-z]", text) and not re.search(r"(?:19|20)\d{2}", text):
        return text
    text = numeric_dates(unglued_years(text))

    def cn(day: str, month: str, year: str | None) -> str:
        m = _MONTH_NAMES[month.lower().rstrip(".")]
        return f"{year}年{m}月{int(day)}日" if year else f"{m}月{int(day)}日"

    text = _EN_DAY_MONTH.sub(lambda m: cn(m.group(1), m.group(2), m.group(3)), text)
    text = _EN_MONTH_DAY.sub(lambda m: cn(m.group(2), m.group(1), m.group(3)), text)

    out = []
    pos = 0
    for m in _EN_ENDED.finditer(text):
        # the period length moves after the date: 截至6月30日止六个月 / 截至12月31日止年度
        date = re.match(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日", text[m.end() :])
        if not date:
            continue
        count = 6 if m.group(2) else m.group(1) and _EN_COUNT.get(m.group(1).lower(), m.group(1))
        length = "期间" if m.group(4) else f"{count}个月" if count else "年度"
        out.append(text[pos : m.start()] + "截至" + date.group(0) + "止" + length)
        pos = m.end() + date.end()
    text = "".join(out) + text[pos:]
    return _LONE_YEAR.sub(r"\1年", text) if lone_years else text


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


def year_instants(header: str) -> list[dt.date]:
    """Years printed alone, each at the single month-day the header prints (in a date or alone):
    ``At 31 December 2024`` over ``2024 2023``."""
    header = arabic_dates(header)
    mds = {(int(m), int(d)) for _, m, d in _FULL_DATE.findall(header)}
    rest = _FULL_DATE.sub("", header)
    mds |= {(int(m), int(d)) for m, d in _MONTH_DAY.findall(rest)}
    years = [int(y) for y in _YEAR.findall(rest)]
    if len(mds) != 1 or len(years) < 2:
        return []
    ((month, day),) = mds
    return [d for d in (safe_date(y, month, day) for y in years) if d]


def _ended(header: str, pattern: re.Pattern[str], months: int | None) -> list[tuple[dt.date, dt.date]]:
    """Periods ending on the month-day of 截至…止六个月 / 止年度 (`months` None: read from the match):
    one per such phrase when each prints its year (``Year ended 31 December 2024 | Year ended 31
    December 2023``), else one per year printed after it (``截至6月30日止六个月`` over ``2025年
    2024年``), the phrase's own year first when only one other follows (``… 30 June 2024 2023``)."""
    found = list(pattern.finditer(header))
    if not found:
        return []

    def length(m: re.Match[str]) -> int:
        return months if months is not None else _MONTHS[m.group(4)]

    if len(found) > 1 and all(m.group(1) for m in found):
        each = [(safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), length(m)) for m in found]
        spans = [(months_back(close, n), close) for close, n in each if close]
        # a statement's own dateline above cells repeating it (截至2025年6月30日止六個月 over
        # 截至2025年…｜截至2024年…) names its first column once more: one column per period in a row
        return [span for k, span in enumerate(spans) if k == 0 or span != spans[k - 1]]
    m = found[0]
    after = [int(y) for y in _YEAR.findall(header[m.end() :])]
    own = int(m.group(1)) if m.group(1) else None
    years = after if len(after) >= 2 or own is None else [own, *(y for y in after if y != own)]
    closes = [safe_date(y, int(m.group(2)), int(m.group(3))) for y in years]
    return [(months_back(close, length(m)), close) for close in closes if close]


def periods_ended(header: str, months: int) -> list[tuple[dt.date, dt.date]]:
    """Column durations of 截至6月30日止期间 (``For the period ended 30 June``) over years, each as long
    as `months`, the reporting period's length."""
    return _ended(arabic_dates(header), _PERIOD_ENDED, months)


def durations(header: str) -> list[tuple[dt.date, dt.date]]:
    """Column durations in printed order, from date ranges (2024年1月1日至6月30日), 截至…止六个月 +
    years, 2024年1—6月 (any month range),
    2024年第一季度 / 前三季度, 2024年半年度, 2024年度."""
    header = arabic_dates(header)
    spans = [
        (start, end)
        for y1, m1, d1, y2, m2, d2 in _DATE_RANGE.findall(header)
        if (start := safe_date(int(y1), int(m1), int(d1))) is not None
        and (end := safe_date(int(y2 or y1), int(m2), int(d2))) is not None
        and start < end
    ]
    if spans:
        return spans
    if _MONTHS_ENDED.search(header):
        return _ended(header, _MONTHS_ENDED, None)
    if _YEAR_ENDED.search(header):
        return _ended(header, _YEAR_ENDED, 12)
    ranges = [(int(y), int(a), int(b)) for y, a, b in _MONTH_RANGE.findall(header)]
    ranges = [(y, a, b) for y, a, b in ranges if 1 <= a <= b <= 12]
    if ranges:  # 2024年1-6月, 2024年1—3月, 2024年前三季度(1-9月)
        return [(dt.date(y, a, 1), month_end(y, b)) for y, a, b in ranges]
    quarters = [(int(y), *_QUARTERS[q]) for y, q in _QUARTER.findall(header)]
    if quarters:  # 2024年第一季度, 2024年前三季度
        return [(dt.date(y, a, 1), month_end(y, b)) for y, a, b in quarters]
    halves = [int(y) for y in _HALF_YEAR.findall(header)]
    if halves:
        return [(dt.date(y, 1, 1), dt.date(y, 6, 30)) for y in halves]
    years = [int(y) for y in _FULL_YEAR.findall(header)]
    return [(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years]
