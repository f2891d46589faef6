"""Page furniture: page numbers and running heads, which are no part of what a page says."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from xbrlify.converters.document import Line

_MARKED = (
    r"第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?"  # 第 5 页, 第5页 共233页
    r"|\d{1,4}\s*/\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]"  # 12 / 233, - 7 -
)
# in text input a bare number may be a value on a line of its own: only the marked forms are dropped
PAGE_NUMBER_MARKED = re.compile(rf"^\s*(?:{_MARKED})\s*$")
PAGE_NUMBER = re.compile(rf"^\s*(?:{_MARKED}|第?\s*\d{{1,4}}\s*页?)\s*$")
_REPORT = re.compile(r"报告|報告|report|announcement|公告", re.IGNORECASE)


def shape(line: str) -> str:
    """A line with its digits blurred: running heads differ only in page numbers and dates."""
    return re.sub(r"\d+", "#", line)


_TITLE = re.compile(r"表|statement of|balance sheet", re.IGNORECASE)


def page_furniture(pages: list[list[str]], keep: Callable[[str], bool] = lambda _: False) -> set[str]:
    """Shapes of lines printed at the top or bottom of at least a third of the pages, and of two at
    least (running heads). Statement titles and the lines `keep` names (column headings repeated on
    a statement's every page) are never furniture."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update(
            {
                shape(ln)
                for ln in lines[:3] + lines[-3:]
                if not keep(ln) and not (len(ln) <= 130 and _TITLE.search(ln))
            }
        )
    return {k for k, n in counts.items() if n >= max(2, len(pages) // 3)}


def running_heads(lines: Iterable[str]) -> set[str]:
    """Shapes of running heads in text that kept no page breaks: a short line naming the report
    (…2024 年半年度报告) printed three times or more."""
    counts = Counter(shape(ln) for ln in lines if len(ln) <= 60 and _REPORT.search(ln))
    return {k for k, n in counts.items() if n >= 3}


def drop_furniture(
    lines: Iterable[Line], furniture: set[str], page_number: re.Pattern[str]
) -> tuple[list[Line], dict[str, str]]:
    """The lines without page numbers and running heads, and the document meta that keeps the heads
    (report title, issuer name) for the profile."""
    kept: list[Line] = []
    heads: Counter[str] = Counter()
    for line in lines:
        if page_number.match(line.text):
            continue
        if shape(line.text) in furniture:
            heads[line.text] += 1
            continue
        kept.append(line)
    meta = {"running_heads": "\n".join(text for text, _ in heads.most_common(5))} if heads else {}
    return kept, meta
