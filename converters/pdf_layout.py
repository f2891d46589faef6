"""Lines of a PDF page rebuilt from where its characters sit, for pages whose text layer is not in
reading order.

A PDF's text layer follows the order in which the producer drew the text. Most filings draw a
table row by row, but some draw it column by column (every label, then every note, then each
number column: typeset frames) or write glyphs right to left; read in that order, labels and
numbers part company. For such pages the characters are regrouped by baseline, ordered left to
right, with a space wherever the gap between two characters exceeds a third of the font size:
from pdfium's character origins and boxes (a few milliseconds per page) for pages drawn column
by column, from pdfplumber's characters for pages written right to left.
"""

from __future__ import annotations

import ctypes
import io
import re
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xbrlify.converters.document import Box

PositionedLine = tuple[str, tuple[Box | None, ...]]


class _Glyph(NamedTuple):
    """One character on a page: baseline and box in points from the top-left, font size in points."""

    baseline: float
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str
    spaced: bool = False  # the text layer puts a space after it


# a row's cells (figures, and dashes for nil among them) and then its label
_REVERSED_ROW = re.compile(
    r"^(?=[^\u4e00-\u9fff]*\d)(?:(?:[\d,.()（）\-–]*\d[\d,.()（）\-–]*|[–—-])\s+){2,}\D*[\u4e00-\u9fff]\D*$"
)
_CELL = r"(?:[(（]?-?\d[\d,]*(?:\.\d+)?[)）]?|[–—-])"
_NUMBER_ONLY = re.compile(rf"^{_CELL}(?:\s+{_CELL})*$")
_STATEMENT_PAGE = re.compile(
    r"財務狀況表|财务状况表|資產負債表|资产负债表|損益|损益|收益表|利潤表|利润表|現金流量表|现金流量表|權益變動表|权益变动表"
)


def _is_statement_title(line: str) -> bool:
    """A statement title, either way round: 綜合財務狀況表（續）, (續（中期簡明綜合損益及其他全面收益表."""
    core = re.sub(r"^[(（]續[(（]|[(（]續[)）]$", "", line)
    return (
        len(core) <= 40
        and core.endswith("表")
        and not re.search("[、，。]", core)
        and bool(_STATEMENT_PAGE.search(core))
    )


def looks_reversed(text: str) -> bool:
    """A page whose text layer prints rows as numbers-then-label (glyphs written right to left)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    rows = [ln for ln in lines if any(ch.isdigit() for ch in ln) and re.search(r"[\u4e00-\u9fff]", ln)]
    if len(rows) >= 4 and sum(1 for ln in rows if _REVERSED_ROW.match(ln)) > len(rows) / 2:
        return True
    # few rows: mirrored punctuation decides (。 or ： opening a line, a line ending on an opening bracket)
    mirrored = sum(1 for ln in lines if ln[0] in "。：，" or ln[-1] in "（(")
    upright = sum(1 for ln in lines if ln[-1] in "。：，）)" or ln[0] in "（")
    statement = any(_is_statement_title(ln) for ln in lines)
    return statement and len(rows) >= 2 and mirrored >= 3 and mirrored > 2 * upright


def holds_statement(text: str) -> bool:
    """A page that prints a primary statement's title (its first page or a continued one)."""
    return any(_is_statement_title(ln.strip()) for ln in text.splitlines() if ln.strip())


def looks_columnar(text: str) -> bool:
    """A page whose text layer gives (some of) a table's columns apart from their labels: lines
    holding numbers only are at least half as many as the lines holding a label with its numbers.
    (Rebuilding a page that was in order after all gives the same lines: rebuilding every page of
    the two real PDFs in ../shared/filings changes no fact.)"""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    numbers_only = sum(1 for ln in lines if _NUMBER_ONLY.match(ln))
    labelled = sum(
        1
        for ln in lines
        if not _NUMBER_ONLY.match(ln)
        and re.search(r"[A-Za-z\u4e00-\u9fff]", ln)
        and re.search(r"\d[\d,]*\d(?:\.\d+)?[)）]?\s*$", ln)
    )
    return numbers_only >= 4 and 2 * numbers_only >= labelled


def baseline_lines(data: bytes, page_numbers: list[int]) -> dict[int, list[PositionedLine]]:
    """Lines rebuilt from character positions: grouped by text baseline, ordered left to right,
    with a space wherever the gap between characters exceeds a third of the font size; each with
    the box of every character (None for an inserted space)."""
    import pdfplumber  # noqa: PLC0415 - layout analysis only for the pages that need it

    out: dict[int, list[PositionedLine]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number in page_numbers:
            chars = [c for c in pdf.pages[number - 1].chars if c.get("upright", True) and c["text"].strip()]
            rows: list[list[dict[str, Any]]] = []
            for c in sorted(chars, key=lambda c: (-c["matrix"][5], c["x0"])):
                if rows and abs(rows[-1][0]["matrix"][5] - c["matrix"][5]) <= 1.5:
                    rows[-1].append(c)
                else:
                    rows.append([c])
            lines: list[PositionedLine] = []
            for row in rows:
                row.sort(key=lambda c: c["x0"])
                text, boxes = "", list[Box | None]()
                for k, cur in enumerate(row):
                    prev = row[k - 1] if k else None
                    if prev is not None and cur["x0"] - prev["x1"] > max(prev["size"], cur["size"]) / 3:
                        text += " "
                        boxes.append(None)
                    text += cur["text"]
                    boxes += [(cur["x0"], cur["top"], cur["x1"], cur["bottom"])] * len(cur["text"])
                lines.append((text, tuple(boxes)))
            out[number] = lines
    return out


def _glyphs(pdf: pdfium.PdfDocument, number: int) -> list[_Glyph]:
    """The upright characters of page `number` from pdfium, in text-layer order."""
    page = pdf[number - 1]
    textpage = page.get_textpage()
    height = page.get_size()[1]
    glyphs: list[_Glyph] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    try:
        for i in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if not char.strip():
                if char == " " and glyphs:
                    glyphs[-1] = glyphs[-1]._replace(spaced=True)
                continue
            pdfium_c.FPDFText_GetMatrix(textpage.raw, i, ctypes.byref(matrix))
            if abs(matrix.b) > 0.1 * abs(matrix.a):
                continue  # rotated text (a margin note), not part of the table
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) * abs(matrix.d) or (top - bottom)
            glyphs.append(_Glyph(height - y.value, left, right, height - top, height - bottom, size, char))
    finally:
        textpage.close()
        page.close()
    return glyphs


def positioned_lines(pdf: pdfium.PdfDocument, number: int) -> list[PositionedLine]:
    """The lines of page `number` (1-based), top to bottom, each with the box of every character
    (None for an inserted space), in points from the page's top-left corner.

    For pages drawn column by column. A space separates two characters whose gap exceeds a third
    of the font size, or a tenth of it where the text layer has a space after the first. (On pages
    written right to left pdfium mirrors the brackets of what it takes for right-to-left runs;
    those pages are rebuilt by `baseline_lines`.)"""
    rows: list[list[_Glyph]] = []
    for g in sorted(_glyphs(pdf, number), key=lambda g: (g.baseline, g.x0)):
        if rows and abs(rows[-1][0].baseline - g.baseline) <= max(1.5, 0.2 * g.size):
            rows[-1].append(g)
        else:
            rows.append([g])
    out: list[PositionedLine] = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        text, boxes = "", list[Box | None]()
        for k, cur in enumerate(row):
            prev = row[k - 1] if k else None
            if prev is not None:
                gap, size = cur.x0 - prev.x1, max(prev.size, cur.size)
                if gap > size / 3 or (prev.spaced and gap > size / 10):
                    text += " "
                    boxes.append(None)
            text += cur.text
            boxes.append((round(cur.x0, 2), round(cur.top, 2), round(cur.x1, 2), round(cur.bottom, 2)))
        out.append((text, tuple(boxes)))
    return out
