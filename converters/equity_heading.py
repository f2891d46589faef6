"""The heading of a statement of changes in equity: which component columns it names, in the order
the CAS format fixes (实收资本, 优先股 / 永续债 / 其他, 资本公积, 减:库存股 … 小计, 少数股东权益,
所有者权益合计), and, in a PDF, where each column's heading is printed."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from xbrlify.converters.document import Box, Geometry, Line
from xbrlify.converters.facts import EXTENSION_PREFIX
from xbrlify.converters.locate import is_header_line
from xbrlify.converters.text import simplified
from xbrlify.taxonomy.model import EquityComponent


def columns_of(
    header: str, components: tuple[EquityComponent, ...], printed_order: bool = False
) -> list[EquityComponent]:
    """The component columns a heading names (heading lines joined by ``|``, so that a wrapped word
    such as 其他 | 综合收益 is still found by its distinctive part): in the format's order, or with
    `printed_order` the components in the order the heading prints them (an IFRS statement orders
    its reserves as it likes), then the subtotal, non-controlling and total columns."""
    text = re.sub(r"\s+", "", simplified(header))
    joined = text.replace("|", "")  # a word wrapped at a line end (其他综合收 | 益)
    found = [c for c in components if (p := pattern(c.header)).search(text) or p.search(joined)]
    if not printed_order:
        return found

    def printed_at(c: EquityComponent) -> int:
        m = pattern(c.header).search(joined)
        return m.start() if m else len(joined)

    parts = sorted((c for c in found if c.kind == "component"), key=printed_at)
    return parts + [c for c in found if c.kind != "component"]


@cache
def pattern(header: str) -> re.Pattern[str]:
    """A column's heading pattern, compiled once."""
    return re.compile(header)


@dataclass(frozen=True)
class Word:
    """A heading word on the page: the x of its centre and the y of its top."""

    text: str
    x: float
    y: float = 0.0


def heading_words(lines: list[Line], geometry: Geometry) -> list[Word]:
    """The words of a heading by their positions, left to right: runs of characters on a line, and
    single characters stacked one under another (a narrow column's heading printed vertically,
    少 | 数 | 股 | 东 | 权 | 益)."""
    runs: list[list[tuple[str, Box]]] = []
    for line in lines:
        run: list[tuple[str, Box]] = []
        placed = [
            (ch, box)
            for k, ch in enumerate(line.text)
            if not ch.isspace() and (box := geometry.box(line, k, k + 1))
        ]
        for ch, box in sorted(placed, key=lambda cb: cb[1][0]):  # a text line may join stacks out of order
            gap = box[0] - run[-1][1][2] if run else None
            if gap is not None and -1 < gap < 0.3 * (box[3] - box[1]) and abs(box[1] - run[-1][1][1]) < 2:
                run.append((ch, box))
            else:
                if run:
                    runs.append(run)
                run = [(ch, box)]
        if run:
            runs.append(run)
    words = [
        Word(simplified("".join(c for c, _ in r)), (r[0][1][0] + r[-1][1][2]) / 2, r[0][1][1])
        for r in runs
        if len(r) > 1
    ]
    stacks: list[tuple[list[str], float, float, float]] = []  # characters, x, top, bottom
    for ch, box in sorted((r[0] for r in runs if len(r) == 1), key=lambda cb: cb[1][1]):
        x = (box[0] + box[2]) / 2
        for n, (chars, sx, top, bottom) in enumerate(stacks):
            if abs(sx - x) < 2 and 0 <= box[1] - bottom < 1.5 * (box[3] - box[1]):
                stacks[n] = ([*chars, ch], sx, top, box[3])
                break
        else:
            stacks.append(([ch], x, box[1], box[3]))
    words += [Word(simplified("".join(chars)), x, top) for chars, x, top, _ in stacks]
    return sorted(words, key=lambda w: w.x)


_RESERVE = re.compile(r"储备$|(?i:reserves?$)")  # a reserve's column heading
_CAPTION = re.compile(r"应占|归属于|(?i:attributable)")  # a caption over several columns
_SAME_COLUMN = 8.0  # points between the centres of a heading's words stacked in one column


def heading_cells(words: list[Word]) -> list[Word]:
    """The heading's words stacked in one column (法定 over 盈余储备) joined top to bottom into that
    column's heading, left to right; the words over several columns (本公司权益股东应占), the
    units and dates under or over them (人民币千元) and stray characters are no column's."""
    cells: list[list[Word]] = []
    named = [
        w for w in words if len(w.text) > 1 and not _CAPTION.search(w.text) and not is_header_line(w.text)
    ]
    for word in sorted(named, key=lambda w: w.x):
        if cells and abs(word.x - sum(w.x for w in cells[-1]) / len(cells[-1])) < _SAME_COLUMN:
            cells[-1].append(word)
        else:
            cells.append([word])
    return [
        Word(
            _stacked(w.text for w in sorted(c, key=lambda w: w.y)),
            sum(w.x for w in c) / len(c),
            min(w.y for w in c),
        )
        for c in cells
    ]


def _stacked(parts: Iterable[str]) -> str:
    """A column's heading from its lines, top to bottom: a space after an English word (``Equity
    reserve``, ``Equity reserve 权益储备``), none between Chinese characters (法定盈余储备)."""
    out = ""
    for part in parts:
        english_after = re.search("[A-Za-z]$", out) and re.match("[A-Za-z\u4e00-\u9fff]", part)
        english_before = re.search("[\u4e00-\u9fff]$", out) and re.match("[A-Za-z]", part)
        out += (" " if english_after or english_before else "") + part
    return out


def printed_columns(
    cells: list[Word], components: tuple[EquityComponent, ...], standard: str
) -> tuple[list[EquityComponent], list[float]]:
    """The columns of a heading read cell by cell, left to right, and the x of each: a cell a
    column's pattern names is that column; a reserve no pattern names (权益储备, 反向收购储备) is
    a column of its own, an extension member labelled as printed (`extension_column`)."""
    columns: list[EquityComponent] = []
    positions: list[float] = []
    for cell in cells:
        text = re.sub(r"\s+", "", cell.text)  # the patterns read headings without spaces
        known = next((c for c in components if c not in columns and pattern(c.header).search(text)), None)
        if known is None and _RESERVE.search(cell.text):
            known = extension_column(cell.text, standard)
        if known is not None:
            columns.append(known)
            positions.append(cell.x)
    kinds = ["component", "subtotal", "nci", "total"]
    order = sorted(range(len(columns)), key=lambda k: (kinds.index(columns[k].kind), k))
    return [columns[k] for k in order], [positions[k] for k in order]


def with_unnamed_reserves(
    header: str, columns: list[EquityComponent], standard: str
) -> list[EquityComponent]:
    """A text heading's columns (`columns_of` in printed order) with the reserves between them that
    no pattern names (``Merger reserve Equity reserve Statutory reserve``: Equity reserve) as
    extension columns, in printed order."""
    flat = re.sub(r"\s+", "", simplified(header))
    joined = flat.replace("|", "")
    found = sorted(
        (m.start(), m.end(), c) for c in columns if (m := pattern(c.header).search(joined)) is not None
    )
    if len(found) < 2:
        return columns
    placed: list[tuple[int, EquityComponent]] = [(start, c) for start, _, c in found]
    for (_, end, _), (start, _, _) in itertools.pairwise(found):
        for k, heading in enumerate(_reserves_between(joined[end:start], columns, header)):
            placed.append((end + k, extension_column(heading, standard)))
    parts = [c for _, c in sorted(placed, key=lambda p: p[0]) if c.kind == "component"]
    return parts + [c for c in columns if c.kind != "component"]


def _reserves_between(gap: str, columns: list[EquityComponent], header: str) -> list[str]:
    """The reserves (or surpluses: ``Contributed surplus``) printed between two named columns that no
    pattern names, as printed; one per column when the heading prints each in English and in
    Chinese (``Equity reserve 權益儲備``)."""
    for c in columns:  # a named column's other language
        gap = pattern(c.header).sub("|", gap)
    pieces = [
        p
        for chunk in gap.split("|")
        for p in re.findall(r".+?(?:储备|盈余|(?i:reserves?|surplus)(?![a-z]))", chunk)
    ]
    english = [p for p in pieces if re.search("[A-Za-z]", p)]
    chinese = [p for p in pieces if not re.search("[A-Za-z]", p)]
    if english and chinese and len(english) != len(chinese):
        return []  # which English heading is which Chinese one is not clear

    def printed(piece: str) -> str:
        found = re.search(r"\s*".join(map(re.escape, piece)), header, re.IGNORECASE)
        return found.group(0) if found else piece

    if english and chinese:
        return [f"{printed(e)} {c}" for e, c in zip(english, chinese, strict=True)]
    return [printed(p) for p in pieces if len(p) <= 40]


def extension_column(heading: str, standard: str) -> EquityComponent:
    """A reserve column IFRS names no member for, as an extension member named by a digest of its
    printed heading."""
    digest = hashlib.sha1(heading.encode()).hexdigest()[:8].upper()
    return EquityComponent(
        member=f"{EXTENSION_PREFIX}:EquityComponent{digest}Member",
        kind="component",
        weight=1,
        header=re.escape(heading),
        balance=None,
        standards=(standard,),
        order=-1,
        label=heading,
    )


@cache
def _alone(header: str) -> re.Pattern[str] | None:
    """A heading pattern without the words it requires beside it (``(?<=永续债)其他`` → ``其他``);
    None for a pattern whose lookarounds nest."""
    try:
        return re.compile(re.sub(r"\(\?<?[=!][^()]*\)", "", header))
    except re.error:
        return None


def word_positions(words: list[Word], columns: list[EquityComponent]) -> list[float] | None:
    """The x of each column's heading word, left to right (a word that is the heading alone, such as
    the 其他 under 其他权益工具, before one that merely contains it); None when one is not found."""
    out: list[float] = []
    start = 0
    for column in columns:
        alone = _alone(column.header)
        found = []
        for n in range(start, len(words)):
            before = words[n - 1].text if n else ""
            m = pattern(column.header).search(before + words[n].text)
            if alone is not None and alone.fullmatch(words[n].text):
                found.append((0, n))
            elif m and m.end() > len(before):
                found.append((1, n))
        if not found:
            return None
        n = min(found)[1]
        out.append(words[n].x)
        start = n + 1
    return out if all(a < b for a, b in itertools.pairwise(out)) else None
