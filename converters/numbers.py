"""Number grammar for statement rows whose columns PDF extraction glued together.

A row's numeric tail such as ``1158,97726,485`` admits several well-formed readings
(note 1|11|115 followed by numbers with groups of three, no leading zeros and a fixed
number of decimals).  :func:`split_tail` enumerates all of them; arithmetic picks one later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

NIL_DASHES = "–—－"  # en dash, em dash, full-width hyphen: printed nil
MINUS_SIGNS = "-−"  # ASCII hyphen-minus and U+2212 before digits: negative

_NOTE_WORD = "(?:注释|附注|註釋|附註)"
_NOTE_MARKER = re.compile(rf"(?:{_NOTE_WORD}?[一二三四五六七八九十百]+[、.．]|{_NOTE_WORD})\s*$")
# a note reference whose last level is a parenthesised numeral (五、(一), 七(三)) or a section alone
# after 附注 (附注五): a note number may follow it or not
_SECTION_NOTE = re.compile(
    rf"(?:{_NOTE_WORD}?[一二三四五六七八九十百]+[、.．]?\s*[(（][一二三四五六七八九十]+[)）]"
    rf"|{_NOTE_WORD}[一二三四五六七八九十百]+)\s*$"
)
_LETTERED_NOTE = re.compile(r"(?<![\d(])\d{1,3}(?:\([a-zA-Z]{1,4}\))+$")
# a note whose last level is a number in parentheses (七、(1), 附注五(3)): the parentheses are no sign
_PAREN_NUMBER_NOTE = re.compile(rf"{_NOTE_WORD}?[一二三四五六七八九十百]+[、.．]?\s*[(（]\d{{1,3}}[)）]")
_TAIL_CHARS = set("0123456789,.()（）" + NIL_DASHES + MINUS_SIGNS + " ")
_NOTE = re.compile(r"\d{1,3}(?:(?:\([a-zA-Z]{1,4}\))+|[a-zA-Z])?")
# a per-share amount printed with its currency (人民幣(0.007)元, RMB0.002, RMB14.0 cents): the words
# become spaces
_CURRENCY_WRAPPED = re.compile(
    r"(?:人民[币幣]|港[币幣元]|RMB|HK\$|US\$|HK|US)\s*([(（]?-?\d[\d,]*\.\d+[)）]?)\s*(?:元|仙|分|cents?(?![a-z]))?"
)


@dataclass(frozen=True)
class Token:
    """One printed value: its number (None for a nil dash) and its span within the tail."""

    value: Decimal | None
    start: int
    end: int
    decimals: int

    @property
    def is_nil(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Reading:
    """One syntactically valid reading of a tail: an optional note reference and the value tokens."""

    note: str | None
    tokens: tuple[Token, ...]


class NoteMark(IntEnum):
    """What a row prints before its numeric tail about its note reference."""

    NONE = 0  # nothing: a note number may lead the tail where the statement has a notes column
    NUMBER = 1  # a marker (注释七、): a note number leads the tail
    WHOLE = 2  # the whole reference (七、(1)): no note number leads the tail


_OPENING_QUOTES = "“\"‘'"
_DASHES = frozenset(NIL_DASHES) | frozenset(MINUS_SIGNS)


def split_label(text: str) -> tuple[str, str, int, NoteMark]:
    """Split a row into (label, numeric tail, tail offset, what it prints of its note).

    The tail is the longest suffix made of digits, separators, parentheses and dashes,
    trimmed so that it starts with a digit, a sign, a nil dash or ``(`` before a digit.
    A CAS note marker (``注释七、``, ``附注十九、``) glued before the tail is removed and
    reported, because it guarantees that the tail starts with a note number; one ending in a
    parenthesised numeral (``五、(一)``) or a bare section (``附注五``) is removed too, but a note
    number may follow it or not; one ending in a number in parentheses (``七、(1)``) is the whole
    note, its parentheses no sign.
    """
    text = _CURRENCY_WRAPPED.sub(_blank_currency, text)
    end = len(text.rstrip())
    notes = list(_PAREN_NUMBER_NOTE.finditer(text, 0, end))
    if notes and notes[-1].start() > 0:  # the last one, followed by figures only
        rest = text[notes[-1].end() : end]
        start = end - len(rest.lstrip())
        if start < end and set(rest) <= _TAIL_CHARS and _tail_can_start(text, start, end):
            return text[: notes[-1].start()].rstrip(), text[start:end], start, NoteMark.WHOLE
    i = end
    while i > 0 and text[i - 1] in _TAIL_CHARS:
        i -= 1
    while i < end and not _tail_can_start(text, i, end):
        i += 1
    if (
        0 < i < end
        and text[i] in _DASHES
        and text[i - 1] in _OPENING_QUOTES
        and (i + 1 == end or text[i + 1] == " ")
    ):
        i += 1  # a quoted dash is label text, not a value: 净利润(净亏损以“- / ”号填列)
        while i < end and not _tail_can_start(text, i, end):
            i += 1
    label, tail = text[:i].rstrip(), text[i:end]
    lettered = _LETTERED_NOTE.search(label)
    if lettered and tail and (tail[0].isdigit() or tail[0] in NIL_DASHES or tail[0] in "(-"):
        i = lettered.start()  # a note like 5(c) or 18(ii): the tail starts at the note, spaces kept
        label, tail = label[:i], text[i:end]
    marker = _NOTE_MARKER.search(label)
    if marker and tail and tail[0].isdigit():
        return label[: marker.start()].rstrip(), tail, i, NoteMark.NUMBER
    section = _SECTION_NOTE.search(label)
    if section and section.start() > 0 and tail:
        return label[: section.start()].rstrip(), tail, i, NoteMark.NONE
    return label.rstrip(), tail, i, NoteMark.NONE


def _blank_currency(m: re.Match[str]) -> str:
    """The amount alone, its currency words replaced by spaces so that offsets still hold."""
    return " " * (m.start(1) - m.start()) + m.group(1) + " " * (m.end() - m.end(1))


def _tail_can_start(text: str, i: int, end: int) -> bool:
    c = text[i]
    if c.isdigit() or c in NIL_DASHES:
        return True
    nxt = text[i + 1] if i + 1 < end else ""
    if c in MINUS_SIGNS:
        return nxt.isdigit() or nxt in {" ", ""}
    return c in "(（" and nxt.isdigit()


def _number_ends(s: str, pos: int, decimals: int, grouped: bool) -> Iterator[int]:
    """End offsets of every unsigned number starting at ``pos`` with exactly ``decimals`` decimals."""
    n = len(s)
    if pos >= n or not s[pos].isdigit():
        return
    int_ends: list[int] = []
    if s[pos] == "0":
        int_ends.append(pos + 1)
    elif grouped:
        j = pos
        while j < n and j - pos < 3 and s[j].isdigit():
            j += 1
            int_ends.append(j)
        # extend the longest head with ,ddd groups; every group boundary is an end (a space the
        # extraction put after a separator, ``31, 284``, stays inside the number)
        k = j
        while k + 4 <= n and s[k] == ",":
            gap = 1 if s[k + 1 : k + 2] == " " else 0
            if not s[k + 1 + gap : k + 4 + gap].isdigit() or len(s[k + 1 + gap : k + 4 + gap]) < 3:
                break
            k += 4 + gap
            int_ends.append(k)
    else:
        j = pos
        while j < n and s[j].isdigit():
            j += 1
            int_ends.append(j)
    for e in int_ends:
        if decimals == 0:
            yield e
        elif e < n and s[e] == ".":
            gap = 1 if s[e + 1 : e + 2] == " " else 0  # ``292. 34``: a space after the point
            digits = s[e + 1 + gap : e + 1 + gap + decimals]
            if len(digits) == decimals and digits.isdigit():
                yield e + 1 + gap + decimals


def _grouping_ok(text: str) -> bool:
    """Groups of three after the head, and a head of one to three digits."""
    head, *groups = text.split(",")
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)


def _tokens(s: str, pos: int, decimals: int, grouped: bool, limit: int) -> Iterator[tuple[Token, ...]]:
    """Every way to read ``s[pos:]`` as at most ``limit`` value tokens."""
    while pos < len(s) and s[pos] == " ":
        pos += 1
    if pos == len(s):
        yield ()
        return
    if limit == 0:
        return
    for tok in _token_at(s, pos, decimals, grouped):
        for rest in _tokens(s, tok.end, decimals, grouped, limit - 1):
            yield (tok, *rest)


def _token_at(s: str, pos: int, decimals: int, grouped: bool) -> Iterator[Token]:
    c = s[pos]
    if c in NIL_DASHES or (
        c in MINUS_SIGNS and not s[pos + 1 : pos + 2].strip(" ").isdigit() and s[pos + 1 : pos + 2] != " "
    ):
        yield Token(None, pos, pos + 1, decimals)
        return
    if c in MINUS_SIGNS and s[pos + 1 : pos + 2] == " ":
        # a hyphen standing apart from the figure after it: a nil cell (HKEX ``-``), or a minus sign
        # the extraction spaced off (``- 14,919,205.94``); the arithmetic tells which
        yield Token(None, pos, pos + 1, decimals)
    negative, start, close = False, pos, ""
    if c in "(（":
        negative, start, close = True, pos + 1, ")）"
    elif c in MINUS_SIGNS:
        negative, start = True, pos + 1
        while start < len(s) and s[start] == " ":
            start += 1
    for end in _number_ends(s, start, decimals, grouped):
        stop = end
        if close:
            if end >= len(s) or s[end] not in close:
                continue
            stop = end + 1
        raw = s[start:end]
        value = Decimal(raw.replace(",", "").replace(" ", ""))
        yield Token(-value if negative else value, pos, stop, decimals)


def split_tail(
    tail: str,
    columns: int,
    decimals: int,
    *,
    note_allowed: bool,
    note_required: bool = False,
    grouped: bool = True,
) -> list[Reading]:
    """All readings of ``tail`` as an optional note reference followed by 1..``columns`` values."""
    tail = tail.replace("（", "(").replace("）", ")")
    readings: list[Reading] = []
    if not note_required:
        readings += [Reading(None, toks) for toks in _tokens(tail, 0, decimals, grouped, columns) if toks]
    if note_allowed or note_required:
        for m in _note_prefixes(tail):
            readings += [
                Reading(m, toks) for toks in _tokens(tail, len(m), decimals, grouped, columns) if toks
            ]
    spaced = [r for r in readings if _spaced(r, tail)] if " " in tail.strip() else []
    return spaced or readings


def _spaced(reading: Reading, tail: str) -> bool:
    """Whether every boundary of the reading (after the note, between values) falls on a space:
    where the text layer kept the gaps between columns, a reading that splits a printed run
    (``67,372`` as note 6 and 7,372) is only a fall-back."""
    bounds = [len(reading.note)] if reading.note else []
    bounds += [t.end for t in reading.tokens[:-1]]
    return all(b < len(tail) and tail[b] == " " for b in bounds)


def _note_prefixes(tail: str) -> Iterator[str]:
    m = _NOTE.match(tail)
    if not m:
        return
    text = m.group(0)
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits == 0 or text[0] == "0":
        return
    if digits < len(text):  # note with a letter suffix, e.g. 5(c): unambiguous end
        yield text
        return
    for n in range(1, digits + 1):
        yield text[:n]


def place(reading: Reading, columns: int) -> list[tuple[int, ...]]:
    """Column positions a reading's tokens can occupy, keeping their printed order."""
    k = len(reading.tokens)
    if k == columns:
        return [tuple(range(columns))]
    out: list[tuple[int, ...]] = []

    def rec(start: int, chosen: tuple[int, ...]) -> None:
        if len(chosen) == k:
            out.append(chosen)
            return
        for c in range(start, columns - (k - len(chosen)) + 1):
            rec(c + 1, (*chosen, c))

    rec(0, ())
    return out


def detect_decimals(tails: list[str]) -> int:
    """The fixed number of decimals a table prints: the count that reads the most tails."""
    best, best_score = 0, -1
    for d in (0, 2, 1, 3, 4):
        score = sum(1 for t in tails if t and split_tail(t, 2, d, note_allowed=True))
        if score > best_score:
            best, best_score = d, score
    return best


def notes_evident(tails: list[str], columns: int, decimals: int, grouped: bool) -> bool:
    """Whether rows print note references the column headings do not announce (no 附注 / Notes
    heading was read): two rows or more read only with a leading note number
    (``收入5467,049413,713``, ``Revenue 4 852,316 790,204``); every row of a statement without
    notes reads as its figures alone, so such rows are not stray."""
    only = sum(
        1
        for t in tails
        if not split_tail(t, columns, decimals, note_allowed=False, grouped=grouped)
        and split_tail(t, columns, decimals, note_allowed=True, grouped=grouped)
    )
    return only >= 2


def is_grouped(tails: list[str]) -> bool:
    """Whether the table prints thousands separators (any comma in its numeric tails)."""
    return any("," in t for t in tails)


__all__ = [
    "NoteMark",
    "Reading",
    "Token",
    "detect_decimals",
    "is_grouped",
    "notes_evident",
    "place",
    "split_label",
    "split_tail",
]
