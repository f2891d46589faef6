"""The Document: what `read` produces from any source (text lines, or PDF lines with boxes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Line:
    """One line of the source: 1-based line number, page (if known) and text."""

    number: int
    text: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Document:
    """A source document as lines; blank lines are dropped but numbering keeps source positions."""

    source: str
    sha256: str
    lines: tuple[Line, ...]
    kind: str = "text"
    meta: dict[str, str] = field(default_factory=dict)

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
