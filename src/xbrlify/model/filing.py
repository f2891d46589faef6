"""A converted filing: document information, facts and findings."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from xbrlify.model.aspects import Entity, Period
from xbrlify.model.fact import Fact
from xbrlify.model.finding import Finding, Severity
from xbrlify.taxonomy.model import CalculationArc, Concept


class DocumentInfo(BaseModel):
    """What the profile step derived from the document itself."""

    source: str
    sha256: str
    entity: Entity
    standard: str
    report_type: str
    currency: str = "CNY"
    title: str | None = None
    period: Period | None = None
    published: dt.date | None = None


class Filing(BaseModel):
    """Facts and findings of one converted document."""

    document: DocumentInfo
    facts: list[Fact] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    extension_concepts: list[Concept] = Field(default_factory=list)
    # the filing's own calculation linkbase: layout id → summation arcs among the lines it reports
    calculations: dict[str, list[CalculationArc]] = Field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable key of the filing: exchange, stock code and source hash prefix."""
        e = self.document.entity
        return f"{e.exchange}-{e.identifier}-{self.document.sha256[:12]}"

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]
