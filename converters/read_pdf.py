"""read (PDF): the text layer of every page → Document lines with page numbers.

pypdfium2 (a pdfplumber dependency) extracts the text of all 156 pages of an annual report in
well under a second and keeps the gaps between columns as spaces, which the number grammar
uses as token boundaries. Running heads and page numbers repeated on many pages are dropped.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from xbrlify.converters.document import Box, Document, Line
from xbrlify.converters.errors import ConversionError
from xbrlify.converters.furniture import PAGE_NUMBER, drop_furniture, page_furniture
from xbrlify.converters.locate import is_header_line
from xbrlify.converters.pdf_layout import (
    baseline_lines,
    holds_statement,
    looks_columnar,
    looks_reversed,
    positioned_lines,
)
from xbrlify.converters.text import as_spaces
from xbrlify.model import Fact

_MIN_TEXT_CHARS = 200


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


def _page_lines(text: str) -> list[tuple[str, int]]:
    """The lines of a page's text layer, stripped, each with the index of its first character."""
    out = []
    pos = 0
    for piece in re.split(r"(\r\n|\r|\n)", as_spaces(text))[::2]:
        lead = len(piece) - len(piece.lstrip())
        out.append((piece.strip(), pos + lead))
        pos += len(piece)
        pos += 2 if text.startswith("\r\n", pos) else 1
    return out


class PdfGeometry:
    """Where characters of a PDF's lines sit on their pages, looked up on demand (only for the
    numbers that need it) from pdfium's character boxes, or from the boxes of rebuilt lines."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: pdfium.PdfDocument | None = None
        self._pages: dict[int, tuple[Any, float]] = {}

    def _textpage(self, number: int) -> tuple[Any, float]:
        if number not in self._pages:
            if self._pdf is None:
                self._pdf = _open(self._data)
            page = self._pdf[number - 1]
            self._pages[number] = (page.get_textpage(), page.get_size()[1])
        return self._pages[number]

    def box(self, line: Line, start: int, end: int) -> Box | None:
        """The box enclosing characters `start:end` of the line, in points from the page's top-left."""
        boxes: list[Box] = []
        if line.boxes is not None:
            boxes = [b for b in line.boxes[start:end] if b is not None]
        elif line.offset is not None and line.page is not None:
            try:
                textpage, height = self._textpage(line.page)
                for k in range(line.offset + start, line.offset + end):
                    left, bottom, right, top = textpage.get_charbox(k, loose=True)
                    if right > left:
                        boxes.append((left, height - top, right, height - bottom))
            except (pdfium.PdfiumError, ConversionError):
                return None  # a page pdfium cannot lay out: the fact keeps its page and line
        if not boxes:
            return None
        return (
            round(min(b[0] for b in boxes), 2),
            round(min(b[1] for b in boxes), 2),
            round(max(b[2] for b in boxes), 2),
            round(max(b[3] for b in boxes), 2),
        )


def attach_boxes(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Facts read from a PDF with the box of their number on the page."""
    if doc.geometry is None:
        return facts
    lines = {line.number: line for line in doc.lines}
    out = []
    for fact in facts:
        prov = fact.provenance
        line = lines.get(prov.line) if prov.line is not None else None
        box = None
        if line is not None and prov.char_start is not None and prov.char_end is not None:
            box = doc.geometry.box(line, prov.char_start, prov.char_end)
        out.append(
            fact
            if box is None
            else fact.model_copy(update={"provenance": prov.model_copy(update={"bbox": box})})
        )
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
    pages: list[list[tuple[str, int | tuple[Box | None, ...]]]] = [list(_page_lines(t)) for t in texts]
    # rebuilt from glyph positions: the pages of the statements (the notes' tables are not read)
    reversed_pages = [i for i, t in enumerate(texts, start=1) if looks_reversed(t) and holds_statement(t)]
    if reversed_pages:
        for page_number, rebuilt in baseline_lines(data, reversed_pages).items():
            pages[page_number - 1] = list(rebuilt)
    columnar = [i for i, t in enumerate(texts, start=1) if i not in reversed_pages and looks_columnar(t)]
    if columnar:
        pdf = _open(data)
        try:
            for page_number in columnar:
                pages[page_number - 1] = list(positioned_lines(pdf, page_number))
        finally:
            pdf.close()
    furniture = page_furniture([[ln for ln, _ in p if ln] for p in pages], is_header_line)
    read: list[Line] = []
    number = 0
    for page_no, page in enumerate(pages, start=1):
        for text, where in page:
            number += 1
            if not text:
                continue
            if isinstance(where, int):
                read.append(Line(number=number, text=text, page=page_no, offset=where))
            else:
                read.append(Line(number=number, text=text, page=page_no, boxes=where))
    lines, meta = drop_furniture(read, furniture, PAGE_NUMBER)
    digest = hashlib.sha256(data).hexdigest()
    return Document(
        source=path.name, sha256=digest, lines=tuple(lines), kind="pdf", meta=meta, geometry=PdfGeometry(data)
    )
