"""The heading of a statement of changes in equity: which component columns it names, in the order
the CAS format fixes (实收资本, 优先股 / 永续债 / 其他, 资本公积, 减:库存股 … 小计, 少数股东权益,
所有者权益合计), and, in a PDF, where each column's heading is printed."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from xbrlify.converters.document import Box, Geometry, Line
from xbrlify.converters.text import simplified
from xbrlify.taxonomy.model import EquityComponent


def columns_of(header: str, components: tuple[EquityComponent, ...]) -> list[EquityComponent]:
    """The component columns a heading names, in the format's order (heading lines joined by ``|``,
    so that a wrapped word such as 其他 | 综合收益 is still found by its distinctive part)."""
    text = re.sub(r"\s+", "", simplified(header))
    joined = text.replace("|", "")  # a word wrapped at a line end (其他综合收 | 益)
    return [c for c in components if (p := pattern(c.header)).search(text) or p.search(joined)]


@cache
def pattern(header: str) -> re.Pattern[str]:
    """A column's heading pattern, compiled once."""
    return re.compile(header)


@dataclass(frozen=True)
class Word:
    """A heading word on the page and the x of its centre."""

    text: str
    x: float


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
        Word(simplified("".join(c for c, _ in r)), (r[0][1][0] + r[-1][1][2]) / 2) for r in runs if len(r) > 1
    ]
    stacks: list[tuple[list[str], float, float]] = []  # characters, x, bottom
    for ch, box in sorted((r[0] for r in runs if len(r) == 1), key=lambda cb: cb[1][1]):
        x = (box[0] + box[2]) / 2
        for n, (chars, sx, bottom) in enumerate(stacks):
            if abs(sx - x) < 2 and 0 <= box[1] - bottom < 1.5 * (box[3] - box[1]):
                stacks[n] = ([*chars, ch], sx, box[3])
                break
        else:
            stacks.append(([ch], x, box[3]))
    words += [Word(simplified("".join(chars)), x) for chars, x, _ in stacks]
    return sorted(words, key=lambda w: w.x)


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
