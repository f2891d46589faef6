"""prose: figures stated in sentences, for documents that print no statement (investor-relations
records, announcements): ``2024 年，公司实现营业收入 27.82 亿元`` → Revenue for 2024 of
2,782,000,000 CNY, decimals −6.

A figure becomes a fact only when everything about it is printed: a period phrase opening a clause
earlier in the text (2024 年，本报告期，截至2021年12月9日; the latest one applies until another, a
heading or a question; a heading naming two periods, or a year inside a name, leaves none), a metric
whose wording is a taxonomy label, word for word once the subject and verb are dropped
(``公司实现``), and an amount in a currency scale (元, 万元, 亿元 …) right after it. Changes
(``同比增长``, ``增加 1.2 亿元``), shares of a whole, outlooks (预计, 计划) and unknown metrics
yield nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from decimal import Decimal
from functools import cache
from importlib import resources

from xbrlify.converters.document import Document, Line
from xbrlify.converters.facts import EXTENSION_PREFIX, unit_for
from xbrlify.converters.labels import normalize
from xbrlify.converters.periods import safe_date
from xbrlify.converters.profile import Profile
from xbrlify.converters.text import simplified
from xbrlify.model import Context, Duration, ExplicitMember, Fact, Finding, Instant, Provenance, Severity
from xbrlify.taxonomy import Concept, Label, Taxonomy

_TAG = re.compile(r"<[^>]{0,200}>")
_SENTENCE = re.compile(r"[。；;！？!?\n]")
_CLAUSE = re.compile(r"[，、：]|[,:](?!\d{3})")  # an ASCII comma before three digits groups thousands
_AMOUNT = re.compile(
    r"(?:(?P<prefix>人民币|人民幣|港币|港幣|rmb|hk\$|us\$)\s*)?"
    r"(?P<number>[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)\s*"
    r"(?:(?P<scale>亿|億|百万|百萬|万|萬|千)(?P<currency>港元|美元|元)?|(?P<unscaled>港元|美元|元))",
    re.IGNORECASE,
)
_SCALES = {"亿": 8, "億": 8, "百万": 6, "百萬": 6, "万": 4, "萬": 4, "千": 3, "": 0}
_CURRENCIES = {
    "港元": "HKD", "港币": "HKD", "港幣": "HKD", "hk$": "HKD",
    "美元": "USD", "us$": "USD",
    "人民币": "CNY", "人民幣": "CNY", "rmb": "CNY",
}  # fmt: skip
_NUMERIC = ("monetary", "perShare")
_PART = r"第?[一二三四1-4]季度|上半年|半年度|前三季度|全年|度|末|底|q[1-4]|h1"  # what follows 年
_PERIOD = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})\s*年(?!\s*\d{{1,2}}\s*月)\s*(?P<part>{_PART})?|(?P<year2>(?:19|20)\d{{2}})\s*(?P<part2>q[1-4]|h1)",
    re.IGNORECASE,
)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_SUBJECT = r"本公司|公司|本集团|集团|我们"
_REPORT_WORDS = r"本报告期内|本报告期|报告期内|本期内"
_REPORT_PERIOD = re.compile(_REPORT_WORDS)
_AS_OF = re.compile(r"(?:截至|截止|于)\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PERIOD_LEAD = re.compile(rf"(?:{_SUBJECT}|截至|截止|于|在|至)*")
_OUTLOOK = re.compile(r"预计|预期|预测|计划|目标|有望|力争|指引|展望|guidance|outlook", re.IGNORECASE)
_LEAD = re.compile(
    rf"^(?:{_SUBJECT}|其中|{_REPORT_WORDS}|期内|同期|全年|累计|共|实现|录得|取得|计划|预计|预期|力争|目标)+"
)
_LINK = re.compile(r"(?:为|达到|达|约为|约|了|共计|合计|总额为|总额|余额为|余额|金额为|金额)+$")
# a bound is no value: 营业收入突破20亿元, 超过, 不低于 …; 20亿元以上
_BOUND_BEFORE = re.compile(r"(?:突破|超过|超出|超|逾|高于|低于|不低于|不少于|不超过|近|接近|将近)\s*$")
_BOUND_AFTER = re.compile(r"^\s*(?:以上|以下|多)")
# a breakdown by product or service line (按产品类型分，软件收入 21.52 亿元；硬件收入 …) holds until the
# sentence ends with 。 (its items are often separated by ；)
_BY_PRODUCT = re.compile(r"按(?:产品|业务|服务)(?:类型|类别|线)?(?:划)?分|分产品|分业务")
_LINE_REVENUE = re.compile(r"^(?:.*的)?(?P<name>.+?)(?:业务)?收入$")
PRODUCTS_AXIS = "ifrs-full:ProductsAndServicesAxis"
_RESET = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.]|\d{1,2}[、.](?!\d)"  # a numbered heading
    r"|q\s*[:：]|问\s*[:：]|问题\s*\d*\s*[:：])",  # a question
    re.IGNORECASE,
)


def _period_of(match: re.Match[str]) -> Duration | Instant:
    year = int(match.group("year") or match.group("year2"))
    part = (match.group("part") or match.group("part2") or "").lower()
    start = dt.date(year, 1, 1)
    end = dt.date(year, 12, 31)
    quarter = (
        _QUARTERS.get(part.lstrip("第q")[:1])
        if ("季度" in part and "前三" not in part) or part[:1] == "q"
        else None
    )
    if quarter:
        start = dt.date(year, 3 * quarter - 2, 1)
        end = dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1) if quarter < 4 else end
    elif part in ("上半年", "半年度", "h1"):
        end = dt.date(year, 6, 30)
    elif part == "前三季度":
        end = dt.date(year, 9, 30)
    if part in ("末", "底"):
        return Instant(instant=end)
    return Duration(start=start, end=end)


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding position `pos` starts."""
    return max((m.end() for m in _CLAUSE.finditer(sentence, 0, pos)), default=0)


def _unit_words(amount: re.Match[str]) -> str:
    """The unit words printed after the number (亿元, 万港元, 元)."""
    return (amount.group("scale") or "") + (amount.group("currency") or amount.group("unscaled") or "")


@cache
def prose_terms() -> dict[str, list[str]]:
    """`prose_terms.csv`: concept → the wordings prose and key-figure tables use for it."""
    text = resources.files("xbrlify.taxonomy").joinpath("data", "prose_terms.csv").read_text(encoding="utf-8")
    terms: dict[str, list[str]] = {}
    for entry in text.splitlines()[1:]:
        qname, _, wordings = entry.partition(",")
        terms[qname.strip()] = [w.strip() for w in wordings.split("|") if w.strip()]
    return terms


def _vocabulary(taxonomy: Taxonomy) -> dict[str, set[str]]:
    """Normalized wording → concepts: the concepts' own labels and the prose terms of
    `prose_terms.csv` (wording of key-figure tables and prose: 归属于上市公司股东的净利润); then,
    for wording those lack, the label variants of statement rows outside any section."""
    own: dict[str, set[str]] = defaultdict(set)
    for concept in taxonomy.concepts.values():
        if concept.data_type in _NUMERIC:
            for label in concept.labels:
                own[normalize(label.text)].add(concept.qname)
    for qname, wordings in prose_terms().items():
        if qname in taxonomy.concepts:
            for wording in wordings:
                own[normalize(wording)].add(qname)
    variants: dict[str, set[str]] = defaultdict(set)
    for layout in taxonomy.layouts.values():
        for row in layout.rows:
            if row.kind == "item" and not row.section and row.concept:
                for wording in row.labels:
                    variants[normalize(wording)].add(row.concept)
    return {**variants, **own}


def _metric(before: str) -> str:
    """The wording just before an amount, in simplified script, without its subject, verb and
    linking words."""
    text = simplified(_PERIOD.sub("", before))
    previous = None
    while previous != text:
        previous = text
        text = _LINK.sub("", _LEAD.sub("", text.strip())).strip()
    return normalize(text)


class _Reader:
    """Reads sentences in order, keeping the period in force."""

    def __init__(self, source: str, prof: Profile, taxonomy: Taxonomy) -> None:
        self.source = source
        self.prof = prof
        self.taxonomy = taxonomy
        self.words = _vocabulary(taxonomy)
        self.period: Duration | Instant | None = None
        self.breakdown = False  # a product-line breakdown is in force
        self.facts: list[Fact] = []
        self.findings: list[Finding] = []
        self.members: dict[str, Concept] = {}  # product line → its extension member

    def line(self, line: Line) -> None:
        # markup (<p>, <div>) ends a sentence; replaced by as many characters, offsets stay true
        text = _TAG.sub(lambda m: "。" + " " * (len(m.group()) - 1), line.text)
        start = 0
        for boundary in [*_SENTENCE.finditer(text), None]:
            end = boundary.start() if boundary else len(text)
            self.sentence(line, text[start:end], start)
            start = end + 1
            if boundary is None or boundary.group() not in "；;":
                self.breakdown = False

    def sentence(self, line: Line, sentence: str, offset: int) -> None:
        if _RESET.match(sentence):  # a heading or a question: what came before no longer applies
            self.period = None
        named = list(_PERIOD.finditer(sentence))
        amounts = list(_AMOUNT.finditer(sentence))
        if len({_period_of(m) for m in named}) > 1 and not amounts:
            self.period = None  # a heading naming several periods: none is in force
            return
        stated = self._stated_periods(sentence, named)
        outlook = bool(_OUTLOOK.search(sentence))
        by_product = _BY_PRODUCT.search(sentence)
        for amount in amounts:
            before = [period for end, period in stated if end <= amount.start()]
            if before:
                self.period = before[-1]  # None after a year that names no period
            clause = _clause_start(sentence, amount.start())
            lead = sentence[clause : amount.start()]
            bound = _BOUND_BEFORE.search(lead) or _BOUND_AFTER.match(sentence[amount.end() :])
            if bound and bound.re is _BOUND_BEFORE:
                lead = lead[: bound.start()]
            metric = _metric(lead)
            concepts = self.words.get(metric, set()) if metric else set()
            if len(concepts) > 1:  # 营业收入: Revenue, and a bank's operating income
                concepts = {c for c in concepts if c.startswith("ifrs-full:")}
            member = None
            in_breakdown = self.breakdown or bool(by_product and by_product.end() <= amount.start())
            line_revenue = _LINE_REVENUE.match(metric) if in_breakdown and not concepts else None
            if line_revenue:
                concepts, member = {"ifrs-full:Revenue"}, self._product(line_revenue.group("name"))
            if len(concepts) != 1:
                continue
            if outlook or bound or self.period is None:
                reason = (
                    "an outlook"
                    if outlook
                    else "a bound, not a value"
                    if bound
                    else "no period is stated before it"
                )
                self.findings.append(
                    Finding(
                        severity=Severity.INFO,
                        code="prose-figure-skipped",
                        line=line.number,
                        message=f"{sentence[clause : amount.end()].strip()!r}: {reason}; not tagged",
                    )
                )
                continue
            self.fact(line, next(iter(concepts)), lead.strip(), amount, offset, member)
        if stated:
            self.period = stated[-1][1]
        if by_product:
            self.breakdown = True

    def _product(self, name: str) -> ExplicitMember:
        """The extension member of a product or service line, named by a digest of its printed name
        and labelled with it."""
        if name not in self.members:
            digest = hashlib.sha1(name.encode()).hexdigest()[:8].upper()
            self.members[name] = Concept(
                qname=f"{EXTENSION_PREFIX}:ProductLine{digest}Member",
                data_type="member",
                period_type="duration",
                labels=(Label(lang="zh-Hans", text=name),),
            )
        return ExplicitMember(dimension=PRODUCTS_AXIS, member=self.members[name].qname)

    def _stated_periods(
        self, sentence: str, named: list[re.Match[str]]
    ) -> list[tuple[int, Duration | Instant | None]]:
        """The periods a sentence states, where they end: a period phrase (本报告期: the report
        period; 截至2021年12月9日: that day) that opens its clause, after at most a subject or 截至.
        A bare year states a period only before a comma or a figure of its clause. A year that
        states none (公司2022年股票期权激励计划, 2020年第三次临时股东大会) still moves the text to
        another time: after it no period is in force (None)."""
        found: list[tuple[re.Match[str], Duration | Instant]] = [(m, _period_of(m)) for m in named]
        if self.prof.period is not None:
            found += [(m, self.prof.period) for m in _REPORT_PERIOD.finditer(sentence)]
        for m in _AS_OF.finditer(sentence):
            day = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if day is not None:
                found.append((m, Instant(instant=day)))
        out: list[tuple[int, Duration | Instant | None]] = []
        for m, period in sorted(found, key=lambda x: x[0].end()):
            clause = _clause_start(sentence, m.start())
            opens = bool(_PERIOD_LEAD.fullmatch(simplified(sentence[clause : m.start()])))
            if opens and m.re is _PERIOD and not (m.group("part") or m.group("part2")):
                rest = sentence[m.end() :].lstrip()
                next_clause = _CLAUSE.search(rest)
                own = rest[: next_clause.start()] if next_clause else rest
                opens = bool(next_clause and next_clause.start() == 0) or bool(_AMOUNT.search(own))
            out.append((m.end(), period if opens else None))
        return out

    def fact(
        self,
        line: Line,
        qname: str,
        label: str,
        amount: re.Match[str],
        offset: int,
        member: ExplicitMember | None = None,
    ) -> None:
        concept = self.taxonomy.concept(qname)
        when = self.period
        if concept.period_type == "instant" and isinstance(when, Duration):
            when = Instant(instant=when.end)
        if when is None or (concept.period_type == "duration" and isinstance(when, Instant)):
            return
        shift = _SCALES[amount.group("scale") or ""]
        if concept.data_type == "perShare" and shift:
            return  # a per-share amount is in yuan per share, never in 万元 or 亿元
        printed = amount.group("currency") or amount.group("unscaled") or ""
        prefix = (amount.group("prefix") or "").lower()
        currency = _CURRENCIES.get(printed) or _CURRENCIES.get(prefix) or self.prof.currency
        number = Decimal(amount.group("number").replace(",", "").replace("−", "-"))
        exponent = number.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) else 0
        value = number.scaleb(shift)
        if places <= shift:
            value = value.quantize(Decimal(1))
        start, end = offset + amount.start("number"), offset + amount.end("number")
        self.facts.append(
            Fact(
                concept=concept.qname,
                context=Context(entity=self.prof.entity, period=when, members=(member,) if member else ()),
                value=value,
                unit=unit_for(concept, currency),
                decimals=places - shift,
                provenance=Provenance(
                    document=self.source,
                    line=line.number,
                    page=line.page,
                    char_start=start,
                    char_end=end,
                    row_label=label,
                    column_header=_unit_words(amount),
                    raw_text=line.text[start:end],
                    rule="figure stated in prose",
                ),
            )
        )


def prose_facts(
    doc: Document, prof: Profile, taxonomy: Taxonomy
) -> tuple[list[Fact], list[Finding], list[Concept]]:
    """Facts stated in the document's sentences, findings on figures of known metrics left untagged
    (outlooks, no period), and the extension members of the product lines a breakdown names."""
    reader = _Reader(doc.source, prof, taxonomy)
    for line in doc.lines:
        reader.line(line)
    return reader.facts, reader.findings, list(reader.members.values())
