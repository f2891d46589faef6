"""Facts and their provenance."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from xbrlify.model.aspects import Context, Unit


class Provenance(BaseModel):
    """Where a fact was read: document, page/line, character span of the number, table, row and column."""

    model_config = ConfigDict(frozen=True)

    document: str
    line: int | None = None
    page: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: str | None = None
    row_label: str | None = None
    column_header: str | None = None
    raw_text: str | None = None
    rule: str | None = None


class Fact(BaseModel):
    """One reported value of a concept in a context (numeric facts have a unit and decimals)."""

    model_config = ConfigDict(frozen=True)

    concept: str
    context: Context
    value: Decimal | str | dt.date
    unit: Unit | None = None
    decimals: int | None = None
    provenance: Provenance

    @property
    def is_numeric(self) -> bool:
        return self.unit is not None

    @property
    def aspect_key(self) -> tuple[str, str, str]:
        """Concept, context id and unit id: facts sharing this key are duplicates."""
        return (self.concept, self.context.id, self.unit.id if self.unit else "")

    def id(self, filing_key: str) -> str:
        """Deterministic fact id from the filing and the fact's aspects (same input, same id)."""
        basis = "|".join((filing_key, *self.aspect_key, str(self.provenance.line or ""))).encode()
        return "f" + hashlib.sha1(basis).hexdigest()[:16]
