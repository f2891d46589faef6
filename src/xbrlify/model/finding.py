"""Findings: what validation and resolution noticed, machine-readable."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(BaseModel):
    """One observation about a filing: a stable code, a message and where it applies."""

    model_config = ConfigDict(frozen=True)

    severity: Severity
    code: str
    message: str
    line: int | None = None
    page: int | None = None
    table: str | None = None
    concept: str | None = None
    period: str | None = None
