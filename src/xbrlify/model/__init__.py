"""The filing model: one class per XBRL aspect, plus facts, findings and the filing."""

from xbrlify.model.aspects import (
    Context,
    Duration,
    Entity,
    ExplicitMember,
    Instant,
    Period,
    Unit,
)
from xbrlify.model.fact import Fact, Provenance
from xbrlify.model.filing import DocumentInfo, Filing
from xbrlify.model.finding import Finding, Severity

__all__ = [
    "Context",
    "DocumentInfo",
    "Duration",
    "Entity",
    "ExplicitMember",
    "Fact",
    "Filing",
    "Finding",
    "Instant",
    "Period",
    "Provenance",
    "Severity",
    "Unit",
]
