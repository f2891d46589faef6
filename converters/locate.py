"""locate: find the primary statements, their scope, columns (periods), unit and body lines."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from xbrlify.converters import periods
from xbrlify.converters.document import Document, Line
from xbrlify.converters.furniture import PAGE_NUMBER_MARKED
from xbrlify.converters.labels import bilingual_parts
from xbrlify.converters.mapping import layout_index
from xbrlify.converters.numbers import split_label
from xbrlify.converters.profile import Profile
from xbrlify.converters.table import Column, Table
from xbrlify.converters.text import simplified
from xbrlify.model import Duration, Finding, Instant, Severity
from xbrlify.taxonomy import Layout, Taxonomy

_SCOPE_PREFIX = re.compile(
    r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]?)?(合并及母公司|合并及本公司|合并及公司|合并|母公司|公司|本公司之|本公司的|本公司|本集团|简明|综合|中期|未经审核|简要|condensed|consolidated|interim|unaudited|company|the|\s)*",
    re.IGNORECASE,
)
_TITLE_REST = re.compile(
    r"^(?:\(续\))?(?:(?:and(?:the)?reserves?)?ofthe(?:company|bank))?(?:\(续\))?"
    r"(?:\d{4}年.*|编制单位.*|截至.*|于.*|for.*|asat.*|\(.*\))?$",
    re.IGNORECASE,
)
_SEPARATE_WORDS = (
    "母公司",
    "公司资产负债表",
    "公司利润表",
    "公司现金流量表",
    "本公司财务状况表",
    "本公司之",
    "本公司的",
    "company",
    "银行资产负债表",
    "银行利润表",
    "银行现金流量表",
    "本行",
)
_STOP = re.compile(
    r"^(?:公司负责人|法定代表人|主管会计工作负责人|企业负责人|董事长|承董事会命|代表董事会|"
    r"byorderoftheboard|onbehalfoftheboard|directordirector$)",
    re.IGNORECASE,
)
_HEADER_WORDS = re.compile(
    r"(?:期末|期初|年末|年初|本期|上期|本年|上年)(?:累计数|累计|数)|"
    r"以[^|]{1,6}列示|附注|注释|项目|未经审核|经审核|已审核|经审计|未经审计|人民币|千元|千港元|港元|港币|万元|百万元|元|单位|币种|"
    r"\d{4}年(?:半年度|年度|度|末|中期|上半年)?|\d{1,2}[-—–~至]\d{1,2}月|\d{1,2}月\d{1,2}日|于|截至|止|(?:六|三|九|十二|\d{1,2})个月|期间|年度|半年度|(?:前三|第[一二三四1-4])季度|年初至报告期末|本报告期|本期|上期|本年|上年|"
    r"发生额|金额|余额|期末|期初|年末|年初|notes?|(?:rmb|hk\$|us\$|hkd|usd)'?000|(?:rmb|hk\$|us\$|hkd|usd)?(?:million|thousands?)|"
    r"(?:rmb|hk\$|us\$|hkd|usd)(?:mn|m)(?=$|[^a-z]|rmb|hk|us)|亿元|"
    r"unaudited|audited|restated|asat|at|forthe|for|the|as|from|to|[:：/,|]|\d{1,2}月|[-—–至~]|"
    r"expressedin|renminbi|hongkongdollars?|unitedstatesdollars?|unlessotherwise(?:stated|indicated)|"
    r"本集团|集团|合并|本行|银行|本公司|母公司|公司|thegroup|thecompany|thebank|group|company|bank|"
    r"inthousands(?:of)?|rmb|hk\$|us\$|hkd|usd|[\"“”'‘’]",
    re.IGNORECASE,
)
_SCALES = (
    ("亿元", 100_000_000),
    ("百万", 1_000_000),
    ("million", 1_000_000),
    ("万元", 10_000),
    ("千", 1000),
    ("'000", 1000),
    ("thousand", 1000),
    ("元", 1),
)
_CURRENCIES = (
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("hk$", "HKD"),
    ("hkd", "HKD"),
    ("hongkongdollar", "HKD"),
    ("美元", "USD"),
    ("us$", "USD"),
    ("usd", "USD"),
    ("unitedstatesdollar", "USD"),
    ("人民币", "CNY"),
    ("rmb", "CNY"),
    ("renminbi", "CNY"),
)


# the balance sheet's own captions where 项目 stands in other layouts: 资产 | 附注 | 期末余额 | 期初余额
_CAPTION = re.compile(
    r"^(?:资产|负债(?:和|及)(?:所有者|股东)权益(?:\((?:或股东|或所有者)权益\))?)(?=.*(?:\d{4}|期|年))"
)


def is_header_line(text: str) -> bool:
    """A line made only of column-header vocabulary (dates, units, audit status, 附注), or such a
    line after the balance sheet's caption 资产 / 负债和所有者权益 in the place of 项目."""
    s = periods.arabic_dates(simplified(periods.english_dates(text)))
    if not re.search(r"[^\W_]", s):
        return False  # punctuation only: the end of a wrapped label, such as ``)``
    s = _CAPTION.sub("", s)
    return bool(s) and not re.sub(r"[()（）]", "", _HEADER_WORDS.sub("", s))


def title_layouts(text: str, layouts: list[Layout]) -> tuple[list[Layout], str] | None:
    """The layouts whose titles the line is (several when formats share a title: general-enterprise
    and bank balance sheets are both 资产负债表), and the scope the title states."""
    lower = text.lower()
    if len(text) > 130 or not ("表" in text or "statement" in lower or "sheet" in lower):
        return None
    s = simplified(text)
    if len(s) > 110 or "。" in s:
        return None
    hits = _titled(s, layouts)
    for part in () if hits else bilingual_parts(s) or ():  # a title in both languages on one line
        hits = _titled(part, layouts)
        if hits:
            break
    if not hits:
        return None
    scope = "separate" if any(w in s.lower() for w in _SEPARATE_WORDS) else "consolidated"
    return hits, scope


def _titled(text: str, layouts: list[Layout]) -> list[Layout]:
    core = _SCOPE_PREFIX.sub("", text).lower()
    return [
        layout
        for layout in layouts
        if any(
            core.startswith(t) and _TITLE_REST.match(core[len(t) :])
            for t in (simplified(title).lower() for title in layout.titles)
        )
    ]


def _best_layout(candidates: list[Layout], body: list[Line]) -> Layout:
    """Of the layouts a title allows, the one that knows most of the body's row labels (the first,
    the general-enterprise format, on a tie)."""
    if len(candidates) == 1:
        return candidates[0]
    labels = [label for label, *_ in (split_label(line.text) for line in body) if label]
    scores = [sum(1 for label in labels if layout_index(layout).knows(label)) for layout in candidates]
    return candidates[scores.index(max(scores))]


_SHORT_MILLIONS = re.compile(r"(?:rmb|hk\$|us\$|hkd|usd)\s?(?:mn|m)\b")


def unit_of(lines: list[str], default_currency: str) -> tuple[int, str]:
    text = simplified(" ".join(lines)).lower()
    scale = 1
    for word, factor in _SCALES:
        if word in text:
            scale = factor
            break
    else:
        if _SHORT_MILLIONS.search(" ".join(lines).lower()):  # HK$m, RMBm, RMB mn
            scale = 1_000_000
    currency = next((code for word, code in _CURRENCIES if word in text), default_currency)
    return scale, currency


_PREPARER = re.compile(r"编制单位|编报单位")


def _columns(header_lines: list[str], layout: Layout, profile: Profile) -> list[Column]:
    """Column periods: the header line (or pair of lines) that yields the most periods."""
    # the preparer's line (编制单位: … 2023年12月31日 单位: 元) dates the statement, not a column
    texts = [
        simplified(periods.english_dates(t)) for t in header_lines if not _PREPARER.search(simplified(t))
    ]
    whole = "|".join(texts)
    best: list[Column] = []
    for i in range(len(texts)):
        for j in (i + 1, i + 2):
            chunk = "|".join(texts[i:j])  # a separator: no date may span two header lines
            cols: list[Column]
            if layout.period_type == "instant":
                cols = [Column(Instant(instant=_end_of_day(d)), chunk) for d in periods.instants(chunk)]
            else:
                spans = periods.durations(chunk) or _periods_ended(chunk, profile)
                cols = [Column(Duration(start=a, end=b), chunk) for a, b in spans]
            cols = _printed_once(cols, whole)
            if j == i + 2 and _repeats_a_period(cols, whole):
                continue  # the statement's date line over a header that prints that date as a column
            if len(cols) > len(best):
                best = cols
    if len(best) < 2 and layout.period_type == "instant":
        best = _printed_once(_year_columns(texts), whole) or best
    if len(best) < 2:
        best = _bare_year_columns(texts, layout, profile) or best
    if len(best) >= 2:
        return _scope_groups(best, "|".join(texts))
    # 本期/上期, 期末余额/期初余额: dated by the one dated header (a date line above them) or the report
    # period; 年初至报告期末 (year to date) names one period, not two
    joined = "".join(texts).replace("年初至报告期末", "")
    current = re.search(r"本期|本年|期末|年末", joined)
    prior = re.search(r"上期|上年|期初|年初", joined)
    if current and prior and (best or profile.period is not None):
        columns = _relative_columns(layout, profile, best[0].period if best else None, "|".join(texts))
        return columns if current.start() < prior.start() else columns[::-1]
    return best


_GROUP_WORDS = re.compile(r"本集团|集团|合并|thegroup|group|consolidated", re.IGNORECASE)
_PARENT_WORDS = re.compile(r"本行|银行|本公司|母公司|thebank|thecompany|bank|company", re.IGNORECASE)


def _names_group_and_parent(header: str) -> bool:
    """Whether a header names the group's and the parent's columns side by side (本集团 | 本行)."""
    return bool(_GROUP_WORDS.search(header) and _PARENT_WORDS.search(header))


def _periods_ended(header: str, profile: Profile) -> list[tuple[dt.date, dt.date]]:
    """``For the period ended 30 June`` over years: periods as long as the one the document reports."""
    reported = profile.period
    if reported is None:
        return []
    months = (reported.end.year - reported.start.year) * 12 + reported.end.month - reported.start.month + 1
    return periods.periods_ended(header, months)


def _printed_once(columns: list[Column], header: str) -> list[Column]:
    """The columns of a header printed in two languages (``2024 2023`` over ``二零二四年 二零二三年``,
    a dateline ``As at 31 December 2024 於二零二四年十二月三十一日``) once: periods that repeat in
    the same order are one set of columns, unless the header names the group's and the parent's
    columns side by side (本集团 2023 2022 | 本行 2023 2022) or a currency over each column, not all
    the same one (``HK$'000 HK$'000 US$'000 US$'000``: the figures translated for convenience)."""
    half = len(columns) // 2
    if (
        len(columns) < 2
        or len(columns) % 2
        or [c.period for c in columns[:half]] != [c.period for c in columns[half:]]
        or _names_group_and_parent(header)
    ):
        return columns
    currencies = column_currencies(header)
    if len(currencies) == len(columns) and len(set(currencies)) > 1:
        return [
            Column(c.period, c.header, c.scope, code) for c, code in zip(columns, currencies, strict=True)
        ]
    return _printed_once(columns[:half], header)


_CURRENCY_CELL = re.compile(
    r"(rmb|hk\$|us\$|hkd|usd)\s*['’]?\s*000|(rmb|hk\$|us\$|hkd|usd)\s*(?:million|mn|m)(?![a-z])"
    r"|千(港元|美元)|(人民币|港币|港元|美元)(?:千|百万|万)?元"
)
_CURRENCY_CODES = dict(_CURRENCIES)


def column_currencies(header: str) -> list[str]:
    """The currency of each unit cell a header prints, in order (``HK$'000 US$'000`` → HKD, USD)."""
    text = simplified(header).lower()
    return [_CURRENCY_CODES[next(g for g in m.groups() if g)] for m in _CURRENCY_CELL.finditer(text)]


def _repeats_a_period(columns: list[Column], header: str) -> bool:
    """Whether a period stands in two columns though the header names no group and parent columns
    side by side, nor two currencies: two header lines read as one then count one date twice."""
    cells = [(c.period, c.currency) for c in columns]
    return len(set(cells)) < len(cells) and not _names_group_and_parent(header)


def _scope_groups(columns: list[Column], header: str) -> list[Column]:
    """The group's and the parent's columns printed side by side (本集团 2023 2022 | 本行 2023 2022):
    when the header names both and the periods repeat, each half takes the scope named over it."""
    half = len(columns) // 2
    group, parent = _GROUP_WORDS.search(header), _PARENT_WORDS.search(header)
    if (
        not (group and parent)
        or len(columns) % 2
        or ([c.period for c in columns[:half]] != [c.period for c in columns[half:]])
    ):
        return columns
    scopes = ("consolidated", "separate") if group.start() < parent.start() else ("separate", "consolidated")
    return [Column(c.period, c.header, scopes[i >= half]) for i, c in enumerate(columns)]


def _end_of_day(day: dt.date) -> dt.date:
    """A balance printed at the first of a month (期初 2023年1月1日) is the balance at the end of the
    day before: XBRL instants are ends of days, so the opening balance is the prior year-end fact."""
    return day - dt.timedelta(days=1) if day.day == 1 else day


def _year_columns(texts: list[str]) -> list[Column]:
    """Years printed alone under one month-day (``At 31 December 2024`` over ``2024 2023``)."""
    joined = "|".join(texts)
    return [Column(Instant(instant=d), joined) for d in periods.year_instants(joined)]


_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年末?(?![度上下第前半]|\d{1,2}\s*[月\-—–~至])")


def _bare_year_columns(texts: list[str], layout: Layout, profile: Profile) -> list[Column]:
    """Years printed alone as column headings (``2023年 2022年``, ``2023年末 2022年末``) in an
    annual report: each is its fiscal year (its year-end for a balance sheet), dated by the report
    period's months. Nothing for other reports, whose bare years do not say which months."""
    reported = profile.period
    if reported is None or (reported.end - reported.start).days < 360:
        return []
    line = max(texts, key=lambda t: len(_BARE_YEAR.findall(t)), default="")
    years = [int(y) for y in _BARE_YEAR.findall(line)]
    if len(years) < 2 or len(set(years)) != len(years):
        return []
    end = reported.end
    out = []
    for year in years:
        shift = year - end.year
        close = periods.safe_date(end.year + shift, end.month, end.day)
        start = periods.safe_date(reported.start.year + shift, reported.start.month, reported.start.day)
        if close is None or start is None:
            return []
        instant = layout.period_type == "instant"
        out.append(Column(Instant(instant=close) if instant else Duration(start=start, end=close), line))
    return out


def _relative_columns(
    layout: Layout, profile: Profile, anchor: Instant | Duration | None, header: str
) -> list[Column]:
    """本期/上期, 期末/期初 columns, dated by `anchor` (the one dated header) or else the report
    period: the opening balance is the prior year-end, the prior period the same months a year back."""
    if isinstance(anchor, Duration):
        start, end = anchor.start, anchor.end
    elif isinstance(anchor, Instant):
        end = anchor.instant
        reported = profile.period
        start = reported.start if reported is not None and reported.end == end else dt.date(end.year, 1, 1)
    else:
        assert profile.period is not None
        start, end = profile.period.start, profile.period.end
    prior_end = dt.date(end.year - 1, end.month, end.day) if not (end.month == 2 and end.day == 29) else end
    if layout.period_type == "instant":
        opening = start - dt.timedelta(days=1)
        return [Column(Instant(instant=end), header), Column(Instant(instant=opening), header)]
    prior_start = dt.date(start.year - 1, start.month, start.day)
    return [
        Column(Duration(start=start, end=end), header),
        Column(Duration(start=prior_start, end=prior_end), header),
    ]


_NOTE_HEADING = re.compile(r"^(\d{1,3})(?:[、.]\s*|\s+)([^\d\s、.][^。]{0,30})$")


def note_headings(lines: list[Line]) -> dict[str, list[str]]:
    """Numbered headings of the notes (``6、 合同资产``, ``11 贸易应付款项``): number → titles."""
    out: dict[str, list[str]] = {}
    for line in lines:
        m = _NOTE_HEADING.match(unicodedata.normalize("NFKC", line.text).strip())
        if m:
            out.setdefault(m.group(1), []).append(simplified(m.group(2)))
    return out


def locate(doc: Document, profile: Profile, taxonomy: Taxonomy) -> tuple[list[Table], list[Finding]]:
    """Every primary statement of the profile's standard, with its body lines."""
    layouts = taxonomy.layouts_for(profile.standard)
    titles: list[tuple[int, list[Layout], str]] = []
    for i, line in enumerate(doc.lines):
        hit = title_layouts(line.text, layouts)
        if hit:
            titles.append((i, *hit))
    findings: list[Finding] = []
    tables: list[Table] = []
    unread: list[tuple[Line, str, str, str, int]] = []  # titles without period columns
    headings = note_headings(list(doc.lines[titles[0][0] :])) if titles else {}
    for n, (i, candidates, scope) in enumerate(titles):
        end = titles[n + 1][0] if n + 1 < len(titles) else len(doc.lines)
        if candidates[0].statement == "changes_in_equity":
            continue  # a matrix of components by movements, read by `equity`; its title ends the table above
        header: list[str] = [doc.lines[i].text]
        k = i + 1
        while k < end and (is_header_line(doc.lines[k].text) or is_unit_line(doc.lines[k].text)):
            header.append(doc.lines[k].text)
            k += 1
        body: list[Line] = []
        for line in doc.lines[k:end]:
            if PAGE_NUMBER_MARKED.match(line.text):
                continue
            if ends_statement(line.text):
                break
            body.append(line)
        else:
            if end == len(doc.lines) and body:
                findings.append(
                    Finding(
                        severity=Severity.WARNING,
                        code="statement-truncated",
                        line=body[-1].number,
                        table=f"T{n + 1}",
                        message=f"{doc.lines[i].text[:40]!r} runs to the end of the document with no "
                        "signatures, notes or statement after it: the document may be cut short",
                    )
                )
        layout = _best_layout(candidates, body)
        columns = _columns(header[1:], layout, profile)
        if columns and layout is not candidates[0]:
            findings.append(
                Finding(
                    severity=Severity.INFO,
                    code="layout-by-content",
                    line=doc.lines[i].number,
                    table=f"T{n + 1}",
                    message=f"{doc.lines[i].text[:40]!r} read with the {layout.id} layout, whose lines "
                    f"match the rows better than {candidates[0].id}",
                )
            )
        scale, currency = unit_of(header, profile.currency)
        table = Table(
            id=f"T{n + 1}",
            layout=layout,
            scope=scope,
            title=doc.lines[i],
            columns=columns,
            has_note_column=any(
                re.search(r"附注|注释|notes?", simplified(h), re.IGNORECASE) for h in header[1:]
            ),
            scale=scale,
            currency=(columns[0].currency if columns else None) or currency,
            body=body,
            note_headings=headings,
        )
        if not columns:
            index = layout_index(layout)
            split = (split_label(ln.text) for ln in body)
            rows = sum(1 for label, tail, *_ in split if tail and index.knows(label))
            unread.append((doc.lines[i], table.id, layout.statement, scope, rows))
            continue
        previous = tables[-1] if tables else None
        if (
            previous is not None
            and re.search(r"续|\(cont(?:inued|'d|\.)?\)", simplified(doc.lines[i].text), re.IGNORECASE)
            and (previous.layout.id, previous.scope) == (layout.id, scope)
            and [c.period for c in previous.columns] == [c.period for c in columns]
        ):
            previous.body.extend(body)  # (续): the statement continues on this page
            continue
        tables.append(table)
    read = {(t.layout.statement, t.scope) for t in tables}
    for title, table_id, statement, scope, rows in unread:
        # a title in a table of contents or over a note's table is no statement; a statement whose
        # rows are printed but whose columns are not understood, and that is read nowhere else, is
        missing = rows >= 3 and (statement, scope) not in read
        findings.append(
            Finding(
                severity=Severity.WARNING if missing else Severity.INFO,
                code="no-columns",
                line=title.number,
                table=table_id,
                message=f"no period columns found under the title {title.text[:40]!r}"
                + (f": its {rows} rows are not read" if missing else ""),
            )
        )
    # the notes' headings, not the numbered rows of the statements themselves (6.外币财务报表折算差额)
    printed = {ln.number for t in tables for ln in (t.title, *t.body)}
    headings.clear()
    if titles:
        headings.update(note_headings([ln for ln in doc.lines[titles[0][0] :] if ln.number not in printed]))
    return tables, findings


_NOTES_HEADING = re.compile(r"^\s*NOTES(?:\s+TO\b.*)?\s*$")


def ends_statement(text: str) -> bool:
    """The signatures, a notes heading or prose after a statement: a sentence, or a line of fourteen
    words with no figures (statement labels are shorter); never a heading that ends with a colon
    over the lines it introduces (``Other comprehensive income that will not be reclassified to
    profit or loss in subsequent periods:``)."""
    s = simplified(text)
    if _STOP.match(s) or "。" in s or _NOTES_HEADING.match(text):
        return True
    if re.search(r"[:：]\s*$", text):
        return False
    if len(s) > 90 and not any(ch.isdigit() for ch in s[-6:]):
        return True
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    if re.search(r"[\d–—)]\s*$", text):
        return False
    return words >= 14 or (words >= 6 and text.rstrip().endswith("."))


def is_unit_line(text: str) -> bool:
    s = simplified(text)
    return s.startswith(("单位", "币种", "编制单位")) or bool(
        re.match(r"^(?:人民币|港元|rmb|hk\$)?[千万百]*元?$", s.lower())
    )
