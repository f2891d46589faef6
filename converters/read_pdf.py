"""read (PDF): the text layer of every page → Document lines with page numbers.

pypdfium2 (a pdfplumber dependency) extracts the text of all 156 pages of an annual report in
well under a second and keeps the gaps between columns as spaces, which the number grammar
uses as token boundaries. Running heads and page numbers repeated on many pages are dropped.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from xbrlify.converters.document import Document, Line
from xbrlify.converters.errors import ConversionError

_REVERSED_ROW = re.compile(r"^(?:[\d,.()（）\-–]*\d[\d,.()（）\-–]*\s+){2,}\D*[\u4e00-\u9fff]\D*$")
_PAGE_NUMBER = re.compile(r"^(?:第?\s*\d{1,4}\s*页?|\d{1,4}\s*/\s*\d{1,4}|-\s*\d{1,4}\s*-)$")
_MIN_TEXT_CHARS = 200
_STATEMENT_PAGE = re.compile(
    r"財務狀況表|财务状况表|資產負債表|资产负债表|損益|损益|收益表|利潤表|利润表|現金流量表|现金流量表"
)


def _open(data: bytes) -> pdfium.PdfDocument:
    if not data.startswith(b"%PDF"):
        raise ConversionError("not-pdf", "the file does not start with a PDF header")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise ConversionError("encrypted", "the PDF is encrypted (password protected)") from None
        raise ConversionError("corrupt-pdf", f"the PDF cannot be opened: {exc}") from None


def page_texts(data: bytes) -> list[str]:
    """The text layer of each page."""
    pdf = _open(data)
    try:
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines printed at the top or bottom of at least a third of the pages (running heads)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {re.sub(r"\d+", "#", ln) for ln in lines[:3] + lines[-3:]}
        counts.update(edge)
    return {k for k, n in counts.items() if n >= max(3, len(pages) // 3)}


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


def baseline_lines(data: bytes, page_numbers: list[int]) -> dict[int, list[str]]:
    """Lines rebuilt from character positions: grouped by text baseline, ordered left to right,
    with a space wherever the gap between characters exceeds a third of the font size."""
    import pdfplumber  # noqa: PLC0415 - layout analysis only for the pages that need it

    out: dict[int, list[str]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number in page_numbers:
            chars = [c for c in pdf.pages[number - 1].chars if c.get("upright", True) and c["text"].strip()]
            rows: list[list[dict[str, Any]]] = []
            for c in sorted(chars, key=lambda c: (-c["matrix"][5], c["x0"])):
                if rows and abs(rows[-1][0]["matrix"][5] - c["matrix"][5]) <= 1.5:
                    rows[-1].append(c)
                else:
                    rows.append([c])
            lines = []
            for row in rows:
                row.sort(key=lambda c: c["x0"])
                text = row[0]["text"]
                for prev, cur in itertools.pairwise(row):
                    gap = cur["x0"] - prev["x1"]
                    text += (" " if gap > max(prev["size"], cur["size"]) / 3 else "") + cur["text"]
                lines.append(text)
            out[number] = lines
    return out


def read_pdf(path: Path) -> Document:
    """Read a PDF's text layer; scanned (text-less), encrypted and broken files get a code."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConversionError("unreadable", f"cannot read {path.name}: {exc.strerror}") from None
    if not data.strip():
        raise ConversionError("empty", "the file is empty")
    texts = page_texts(data)
    if sum(len(t.strip()) for t in texts) < _MIN_TEXT_CHARS:
        raise ConversionError("no-text-layer", "the PDF has no text layer (scanned images?); OCR it first")
    pages = [[ln.strip() for ln in t.replace("\r\n", "\n").replace("\r", "\n").split("\n")] for t in texts]
    reversed_pages = [i for i, t in enumerate(texts, start=1) if looks_reversed(t)]
    if reversed_pages:
        for page_number, rebuilt in baseline_lines(data, reversed_pages).items():
            pages[page_number - 1] = rebuilt
    furniture = _furniture([[ln for ln in p if ln] for p in pages])
    lines: list[Line] = []
    heads: Counter[str] = Counter()
    number = 0
    for page_no, page in enumerate(pages, start=1):
        for text in page:
            number += 1
            if not text or _PAGE_NUMBER.match(text):
                continue
            if re.sub(r"\d+", "#", text) in furniture:
                heads[text] += 1
                continue
            lines.append(Line(number=number, text=text, page=page_no))
    # the running heads (report title, issuer name) are dropped from the lines but kept for the profile
    meta = {"running_heads": "\n".join(text for text, _ in heads.most_common(5))} if heads else {}
    digest = hashlib.sha256(data).hexdigest()
    return Document(source=path.name, sha256=digest, lines=tuple(lines), kind="pdf", meta=meta)
