"""Tables located in a document, and the rows parsed from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xbrlify.converters.document import Line
from xbrlify.converters.numbers import Token
from xbrlify.model import Duration, Instant
from xbrlify.taxonomy import Layout, LayoutRow


@dataclass(frozen=True)
class Column:
    """A value column: its period, the header text it came from, its scope when the statement
    prints the group's and the parent's columns side by side (本集团 | 本行), and its currency when
    the statement prints its figures in two (a convenience translation: HK$'000 | US$'000), else None
    (the table's)."""

    period: Instant | Duration
    header: str
    scope: str | None = None
    currency: str | None = None


@dataclass
class Table:
    """A primary statement found in the document."""

    id: str
    layout: Layout
    scope: str  # "consolidated" | "separate"
    title: Line
    columns: list[Column]
    has_note_column: bool
    scale: int
    currency: str
    decimals: int = 0
    grouped: bool = True
    body: list[Line] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    note_headings: dict[str, list[str]] = field(default_factory=dict)
    section_titles: dict[str, str] = field(default_factory=dict)  # section id → printed heading


@dataclass(frozen=True)
class Cell:
    """A printed value placed in a column (nil dashes are zero)."""

    column: int
    value: Decimal
    token: Token


@dataclass(frozen=True)
class Option:
    """One reading of a row: a note reference and the cells it places."""

    note: str | None
    cells: tuple[Cell, ...]
    decimals: int

    @property
    def note_number(self) -> str | None:
        """The note reference without its lettered part (``5(c)`` → ``5``)."""
        return self.note.rstrip(")abcdefghijklmnopqrstuvwxyz(") if self.note else None

    def value(self, column: int) -> Decimal | None:
        for c in self.cells:
            if c.column == column:
                return c.value
        return None


@dataclass
class Row:
    """A statement row: its label, the layout row it maps to, and the readings of its numbers."""

    line: Line
    label: str
    normalized: str
    tail: str
    tail_offset: int
    layout_row: LayoutRow | None = None
    section: str | None = None
    options: list[Option] = field(default_factory=list)
    chosen: Option | None = None
    rule: str | None = None

    @property
    def concept(self) -> str | None:
        return self.layout_row.concept if self.layout_row else None

    @property
    def sign(self) -> int:
        return self.layout_row.sign if self.layout_row else 1
