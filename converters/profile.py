"""profile: who filed, under which standard, what report, which currency and period — from the text alone."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from xbrlify.converters import periods
from xbrlify.converters.document import Document, Line
from xbrlify.converters.errors import ConversionError
from xbrlify.converters.text import simplified
from xbrlify.model import Duration, Entity

_HK_CODE = re.compile(r"(?:股份代号|股票代号|stockcode)[:：]?\s*\(?(\d{3,5})\)?(?!\d)", re.IGNORECASE)
# the corporate information page of a Hong Kong report, which prints the stock code as a heading
# with the code under it (股份代號 / 607)
_CORPORATE_INFORMATION = re.compile(r"^\s*(?:公司资料|公司信息|corporateinformation)\s*$", re.IGNORECASE)
_CN_CODE = re.compile(r"(?:公司代码|证券代码|股票代码|a股代码)[:：]?(\d{6})", re.IGNORECASE)
_NAME = re.compile(r"^[\u4e00-\u9fff()（）A-Za-z]{4,40}(?:股份有限公司|集团有限公司|有限公司)$")
_AUDITOR = re.compile(r"会计师事务所|会计师行|核数师")
_ADDRESSEE = re.compile(
    r"致([\u4e00-\u9fff()（）]{2,40}?(?:股份有限公司|集团有限公司|有限公司))(?:全体)?(?:股东|董事会)"
)
_BY_ORDER = re.compile(r"承董事会命\n([\u4e00-\u9fff()（）]{2,40}(?:股份有限公司|集团有限公司|有限公司))\n")
_EN_NAME = re.compile(
    r"^[A-Z][A-Za-z&.,() -]{3,80}(?:Co\.,? ?Ltd\.?|Limited|Inc\.?|Corporation)$", re.IGNORECASE
)
_EN_NOT_ISSUER = re.compile(r"exchange|clearing|auditor|certified public accountants", re.IGNORECASE)
_REPORT_TYPES = (  # the title printed first in the head decides: a cover before its headings
    (
        r"中期业绩公告|announcementof(?:unaudited)?interimresults|interimresults(?:announcement|for)",
        "interim-results-announcement",
    ),
    (
        r"(?:全年|年度|末期)业绩公告|announcementof(?:audited)?(?:annual|final)results"
        r"|(?:annual|final)results(?:announcement|for)",
        "annual-results-announcement",
    ),
    (r"半年度报告", "semi-annual-report"),
    (r"中期报告|interimreport", "interim-report"),
    (r"第[一三]季度报告", "quarterly-report"),
    (r"年度报告|年报|annualreport", "annual-report"),
    (r"投资者关系活动记录表", "investor-relations-record"),
)
_PUBLISHED = re.compile(r"(?:公告日期|日期)[:：]?(\d{4})[-年](\d{1,2})[-月](\d{1,2})")


@dataclass(frozen=True)
class Profile:
    """Document-level facts the later steps need."""

    entity: Entity
    entity_source: str
    standard: str
    report_type: str
    currency: str
    period: Duration | None
    published: dt.date | None


def exchange_of(code: str) -> str:
    """Mainland exchange from a six-digit A/B-share code."""
    if code.startswith(("6", "9")):
        return "SSE"
    if code.startswith(("0", "2", "3")):
        return "SZSE"
    return "BSE"


def issuer_name(
    head: list[str], raw_head: list[str], lines: tuple[Line, ...], running_heads: tuple[str, ...] = ()
) -> str | None:
    """The issuer's name: a company-name line of the opening pages that is not the auditor's, a
    company name in the running heads (豐盛控股有限公司 二零二三年中期報告), the addressee of the
    auditor's report (致…董事会) or the name under 承董事会命 (by order of the board), else an
    English company name among the opening lines."""
    at = next((i for i, h in enumerate(head) if _NAME.match(h) and not _AUDITOR.search(h)), None)
    if at is not None:
        return _as_printed(head[at], raw_head[at].strip(), 0, len(head[at]))
    for running in running_heads:
        name = next((w for w in running.split() if _NAME.match(simplified(w))), None)
        if name:
            return name
    # only the lines that can hold an addressee or a signature go through script conversion
    picked = [i for i, line in enumerate(lines) if "致" in line.text or "承董事" in line.text]
    raw = "\n".join(lines[j].text for i in picked for j in (i, i + 1) if j < len(lines))
    text = "\n".join(simplified(lines[j].text) for i in picked for j in (i, i + 1) if j < len(lines))
    m = _ADDRESSEE.search(text) or _BY_ORDER.search(text + "\n")
    if m:
        return _as_printed(text, raw, m.start(1), m.end(1))
    return next(
        (h.strip() for h in raw_head if _EN_NAME.match(h.strip()) and not _EN_NOT_ISSUER.search(h)), None
    )


def _as_printed(simple: str, printed: str, start: int, end: int) -> str:
    """A name found in the simplified text, in the script the document prints it (豐盛控股有限公司
    stays traditional) when the conversion kept every character in its place."""
    found = simple[start:end].strip()
    if len(simple) == len(printed) and simplified(printed[start:end]).strip() == found:
        return printed[start:end].strip()
    return found


def _issuer(exchange: str, code: str, name: str | None = None) -> Entity:
    """An entity with the exchange's canonical code form (HKEX codes have five digits)."""
    identifier = code.zfill(5) if exchange == "HKEX" else code
    return Entity(exchange=exchange, identifier=identifier, name=name)


def _printed_issuer(head: list[str], name: str | None, lines: tuple[Line, ...] = ()) -> Entity | None:
    """The issuer from the stock code the document prints in its opening lines, or on its corporate
    information page (公司資料 / Corporate Information) wherever that is."""
    joined = "\n".join(head)
    m = _CN_CODE.search(joined)
    if m:
        return _issuer(exchange_of(m.group(1)), m.group(1), name)
    m = _HK_CODE.search(joined)
    if m:
        return _issuer("HKEX", m.group(1), name)
    for i, line in enumerate(lines):
        if len(line.text) < 40 and _CORPORATE_INFORMATION.match(simplified(line.text).replace(" ", "")):
            page = "\n".join(simplified(x.text).replace(" ", "") for x in lines[i + 1 : i + 80])
            m = _HK_CODE.search(page)
            if m:
                return _issuer("HKEX", m.group(1), name)
    return None


def _report_period(text: str, report_type: str) -> Duration | None:
    text = periods.arabic_dates(text)
    m = re.search(r"截至(\d{4})年(\d{1,2})月(\d{1,2})日止(?:(?:六|三|九|十二|6|3|9|12)个月|年度)", text)
    if m:
        spans = periods.durations(m.group(0))
        if spans:
            return Duration(start=spans[0][0], end=spans[0][1])
    m = re.search(r"(\d{4})年(半年度|年度|第一季度|第三季度)报告", text)
    if m:
        year = int(m.group(1))
        # a third-quarter report's statements run from the start of the year (年初至报告期末)
        months = {"半年度": 6, "年度": 12, "第一季度": 3, "第三季度": 9}[m.group(2)]
        if report_type in ("semi-annual-report", "annual-report", "quarterly-report"):
            return Duration(start=dt.date(year, 1, 1), end=periods.month_end(year, months))
    return None


_FILE_CODE = re.compile(r"^(\d{4,6})(?=[_\-. ])")


def entity_from(spec: str) -> Entity:
    """`HKEX:00607` / `SSE:600000` as given on the command line."""
    exchange, _, code = spec.partition(":")
    exchange = exchange.upper()
    if exchange not in ("HKEX", "SSE", "SZSE", "BSE") or not code.isdigit():
        raise ConversionError("bad-entity", f"--entity must look like HKEX:00607 or SSE:600000, not {spec!r}")
    return _issuer(exchange, code)


_HK_WORDS = (
    "香港联合交易所",
    "香港聯合交易所",
    "联交所",
    "聯交所",
    "港元",
    "HKEX",
    "Stock Exchange of Hong Kong",
)


def profile(doc: Document, entity: Entity | None = None) -> Profile:
    """Derive the profile from the first lines (issuer, title) and the whole text (currency).

    The issuer comes from the document's own stock code; failing that, from `entity` (given by the
    user); failing that, from a stock code leading the file name, which is reported as a finding."""
    raw_head = [line.text for line in doc.lines[:80]]
    # English dates in the Chinese form (FOR THE YEAR ENDED 31 DECEMBER 2024 → 截至2024年12月31日止年度)
    head = [simplified(periods.english_dates(t, lone_years=False)) for t in raw_head]
    running = tuple(r for r in doc.meta.get("running_heads", "").split("\n") if r)
    name = issuer_name(head, raw_head, doc.lines, running)
    printed = _printed_issuer(head, name, doc.lines)
    if printed is not None:
        entity, source = printed, "document"
    elif entity is not None:
        entity, source = entity.model_copy(update={"name": entity.name or name}), "user"
    else:
        m = _FILE_CODE.match(doc.source)
        if not m:
            raise ConversionError(
                "no-issuer",
                "no stock code (股份代号/证券代码/公司代码) found in the document or leading its file name;"
                + (f" issuer {name!r};" if name else "")
                + " give it with --entity EXCHANGE:CODE (for example --entity HKEX:00001 or SSE:600000)",
            )
        code = m.group(1)
        sample = unicodedata.normalize("NFKC", doc.text[:50000])
        hk = any(w in sample for w in _HK_WORDS)
        entity = _issuer("HKEX" if hk or len(code) < 6 else exchange_of(code), code, name)
        source = "file-name"
    head_text = "\n".join(head + [simplified(r) for r in running])
    lowered = head_text.lower()
    titles = [(m.start(), code) for pattern, code in _REPORT_TYPES if (m := re.search(pattern, lowered))]
    report_type = min(titles)[1] if titles else "other"
    standard = "IFRS" if entity.exchange == "HKEX" else "CAS"
    if entity.exchange != "HKEX" and re.search(
        r"国际财务报告准则|香港财务报告准则|ifrs|hkfrs", "\n".join(head), re.I
    ):
        standard = "IFRS"
    sample = unicodedata.normalize("NFKC", doc.text[:200000])
    hkd = any(w in sample for w in ("千港元", "港币千元", "港幣千元", "HK$'000"))
    rmb = any(w in sample for w in ("人民币千元", "人民幣千元", "RMB'000"))
    currency = "HKD" if hkd and not rmb else "CNY"
    published = None
    m = _PUBLISHED.search(head_text)
    if m:
        published = periods.safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return Profile(
        entity_source=source,
        entity=entity,
        standard=standard,
        report_type=report_type,
        currency=currency,
        period=_report_period(head_text, report_type),
        published=published,
    )
