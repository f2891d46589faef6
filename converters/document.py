"""The Document: what `read` produces from any source (text lines, or PDF lines with boxes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

Box = tuple[float, float, float, float]
"""A rectangle on a PDF page in points from its top-left corner: (x0, top, x1, bottom)."""


@dataclass(frozen=True)
class Line:
    """One line of the source: 1-based line number, page (if known) and text.  A PDF line also knows
    where its characters are: `offset`, the index of its first character in the page's text layer,
    or `boxes`, one box per character (None for a gap) when the line was rebuilt from positions.
    `indent` counts the whitespace characters read off the start of a text line."""

    number: int
    text: str
    page: int | None = None
    offset: int | None = None
    boxes: tuple[Box | None, ...] | None = None
    indent: int = 0


class Geometry(Protocol):
    """Where a line's characters are printed (PDF input)."""

    def box(self, line: Line, start: int, end: int) -> Box | None: ...


@dataclass(frozen=True)
class Document:
    """A source document as lines; blank lines are dropped but numbering keeps source positions.
    A PDF's document also has a `geometry`: the boxes of its lines' characters on their pages."""

    source: str
    sha256: str
    lines: tuple[Line, ...]
    kind: str = "text"
    meta: dict[str, str] = field(default_factory=dict)
    geometry: Geometry | None = None

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
