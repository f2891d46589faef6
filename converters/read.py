"""read: a source file → Document.  Text input keeps its line numbers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from xbrlify.converters.document import Box, Document, Line
from xbrlify.converters.errors import ConversionError
from xbrlify.converters.furniture import PAGE_NUMBER_MARKED, drop_furniture, page_furniture, running_heads
from xbrlify.converters.locate import is_header_line
from xbrlify.converters.text import as_spaces
from xbrlify.model import Fact

_ENCODINGS = ("utf-8-sig", "gb18030", "big5")


def _implausible(text: str) -> int:
    """Characters a real filing does not contain: private-use, replacement and control characters."""
    sample = text[:20000]
    return sum(
        1
        for ch in sample
        if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or (ord(ch) < 32 and ch not in "\t\r\n\f")
    )


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: its line breaks, spaces, digits and commas are
    ASCII, so one byte of their pairs is zero, nearly always the same one (high byte first or last)."""
    head = data[:4096] if len(data) % 2 == 0 else b""
    zeros = [head[parity::2].count(0) for parity in (0, 1)]
    pairs = len(head) // 2
    for encoding, (own, other) in (("utf-16-le", (zeros[1], zeros[0])), ("utf-16-be", (zeros[0], zeros[1]))):
        if pairs and own >= pairs // 10 and other * 20 <= own:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if _implausible(text) <= len(text[:20000]) // 100 else None
    return None


def decode(data: bytes) -> str:
    """Decode text bytes: UTF-16 when it starts with a byte-order mark or its ASCII characters show
    it, else UTF-8, GB18030 or Big5, whichever reads as plausible text; binary is refused."""
    if not data.strip():
        raise ConversionError("empty", "the file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark (Windows "Unicode")
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ConversionError("encoding", "the text is not valid UTF-16") from None
        if _implausible(text) <= len(text[:20000]) // 100:
            return text
        raise ConversionError("binary", "the file is binary, not text")
    if b"\x00" in data[:4096]:
        unmarked = _utf16_without_mark(data)
        if unmarked is None:
            raise ConversionError("binary", "the file is binary, not text")
        return unmarked
    candidates: list[tuple[int, int, str]] = []
    for rank, enc in enumerate(_ENCODINGS):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc.startswith("utf-8"):
            return text
        candidates.append((_implausible(text), rank, text))
    if candidates:
        bad, _, text = min(candidates)
        if bad <= len(text[:20000]) // 100:
            return text
    raise ConversionError("encoding", "the text is not UTF-8, GB18030 or Big5")


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_ROW = re.compile(r"^[\s|:\-–—=+]*$")


def table_cells_as_spaces(line: str) -> str:
    """A row of a pipe-delimited table (``| 货币资金 | 1,234.00 | 5,678.00 |``, as web pages and
    Markdown print a report's tables) with its bars as spaces, one for one (offsets hold); its rule
    rows (``|---|---|``) are no text."""
    if not _PIPE_ROW.match(line) or line.count("|") < 2:
        return line
    return "" if _RULE_ROW.match(line) else line.replace("|", " ")


def read_text(path: Path) -> Document:
    """Read a text file (text extracted from a PDF) into a Document.  Form feeds, where the
    extraction kept them, are page breaks; page numbers and running heads are dropped (the heads
    kept for the profile), line numbers stay those of the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConversionError("unreadable", f"cannot read {path.name}: {exc.strerror}") from None
    text = decode(data)
    page = 1
    entries: list[tuple[int, int, str, int]] = []  # line number, page, text, indent
    for i, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        start = 0  # a form feed inside a line ends the line's text on that page (pages joined by \f)
        for n, part in enumerate(raw.split("\f")):
            page += n > 0
            content = table_cells_as_spaces(as_spaces(part))
            if content.strip():
                entries.append((i, page, content.strip(), start + len(content) - len(content.lstrip())))
            start += len(part) + 1
    paged = page > 1
    if paged:
        pages: dict[int, list[str]] = {}
        for _, p, line, _ in entries:
            pages.setdefault(p, []).append(line)
        furniture = page_furniture(list(pages.values()), is_header_line)
    else:
        furniture = running_heads(line for _, _, line, _ in entries)
    lines, meta = drop_furniture(
        (Line(number=n, text=t, page=p if paged else None, indent=i) for n, p, t, i in entries),
        furniture,
        PAGE_NUMBER_MARKED,
    )
    return Document(source=path.name, sha256=hashlib.sha256(data).hexdigest(), lines=tuple(lines), meta=meta)


class TextColumns:
    """Where a text line's characters stand, in character columns (its indentation counted): the
    geometry of text whose extraction kept the page's columns aligned (layout text)."""

    def box(self, line: Line, start: int, end: int) -> Box | None:
        if line.indent is None:
            return None
        return (float(line.indent + start), 0.0, float(line.indent + end), 1.0)


def source_spans(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Character spans as positions in the source line: text lines are read without their
    indentation, and the span of a number read from an indented line is shifted back by it."""
    indents = {(line.number, line.page): line.indent for line in doc.lines if line.indent}
    out = []
    for fact in facts:
        prov = fact.provenance
        shift = indents.get((prov.line or 0, prov.page), 0)
        if shift and prov.char_start is not None and prov.char_end is not None:
            span = {"char_start": prov.char_start + shift, "char_end": prov.char_end + shift}
            out.append(fact.model_copy(update={"provenance": prov.model_copy(update=span)}))
        else:
            out.append(fact)
    return out


def read(path: Path) -> Document:
    """Read any supported source; PDF support lives in its own reader."""
    if path.suffix.lower() == ".pdf":
        from xbrlify.converters.read_pdf import read_pdf  # noqa: PLC0415 - pypdfium2 only when needed

        return read_pdf(path)
    return read_text(path)
