"""XBRL aspects: entity, period, unit, explicit dimension members and the context they form."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

EXCHANGE_SCHEMES: dict[str, str] = {
    "HKEX": "http://www.hkex.com.hk",
    "SSE": "http://www.sse.com.cn",
    "SZSE": "http://www.szse.cn",
    "BSE": "http://www.bse.cn",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Entity(_Frozen):
    """The reporting entity: an exchange's identifier scheme plus the stock code."""

    exchange: Literal["HKEX", "SSE", "SZSE", "BSE"]
    identifier: str
    name: str | None = None

    @property
    def scheme(self) -> str:
        return EXCHANGE_SCHEMES[self.exchange]


class Instant(_Frozen):
    """A point in time: the end of the given day (XBRL 2.1 instant date)."""

    kind: Literal["instant"] = "instant"
    instant: dt.date

    @property
    def key(self) -> str:
        return self.instant.isoformat()

    def oim(self) -> str:
        """OIM period string: an instant date is the next day's midnight."""
        return f"{self.instant + dt.timedelta(days=1)}T00:00:00"


class Duration(_Frozen):
    """A period from the start of `start` to the end of `end` (both inclusive, as printed)."""

    kind: Literal["duration"] = "duration"
    start: dt.date
    end: dt.date

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def oim(self) -> str:
        return f"{self.start}T00:00:00/{self.end + dt.timedelta(days=1)}T00:00:00"


Period = Annotated[Instant | Duration, Field(discriminator="kind")]


class Unit(_Frozen):
    """A unit as numerator / denominator measures (QNames such as iso4217:CNY, xbrli:shares)."""

    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        num = "_".join(m.split(":")[-1] for m in self.numerator)
        if not self.denominator:
            return num
        return num + "_per_" + "_".join(m.split(":")[-1] for m in self.denominator)

    def oim(self) -> str:
        num = "*".join(self.numerator)
        return f"{num}/{'*'.join(self.denominator)}" if self.denominator else num


class ExplicitMember(_Frozen):
    """An explicit dimension value: axis QName and member QName."""

    dimension: str
    member: str


class Context(_Frozen):
    """Entity, period and dimension members: what a fact depends on besides concept and unit."""

    entity: Entity
    period: Period
    members: tuple[ExplicitMember, ...] = ()

    @property
    def id(self) -> str:
        """A stable, readable context id derived from the aspects alone."""
        p = self.period
        base = f"I{p.instant:%Y%m%d}" if isinstance(p, Instant) else f"D{p.start:%Y%m%d}_{p.end:%Y%m%d}"
        if not self.members:
            return base
        digest = hashlib.sha1(
            "|".join(f"{m.dimension}={m.member}" for m in self.members).encode()
        ).hexdigest()[:8]
        return f"{base}_{digest}"
