"""xBRL-JSON 1.0 (OIM): periods with exclusive ends, canonical values, stable fact ids."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from xbrlify.export.common import canonical, namespaces, oim_number, schema_ref
from xbrlify.model import Filing


def oim_dimensions(filing: Filing) -> dict[str, dict[str, Any]]:
    """Fact id → OIM fact object (shared by xBRL-JSON and other OIM outputs)."""
    out: dict[str, dict[str, Any]] = {}
    for fact in filing.facts:
        ctx = fact.context
        dims: dict[str, str] = {
            "concept": fact.concept,
            "entity": f"scheme:{ctx.entity.identifier}",
            "period": ctx.period.oim(),
        }
        if fact.unit is not None:
            dims["unit"] = fact.unit.oim()
        for m in ctx.members:
            dims[m.dimension] = m.member
        obj: dict[str, Any] = {
            "value": oim_number(fact.value) if isinstance(fact.value, Decimal) else canonical(fact.value),
            "dimensions": dims,
        }
        if fact.unit is not None:
            obj["decimals"] = fact.decimals
        out[fact.id(filing.key)] = obj
    return out


def xbrl_json(filing: Filing, stem: str) -> str:
    ns = namespaces(filing)
    doc = {
        "documentInfo": {
            "documentType": "https://xbrl.org/2021/xbrl-json",
            "features": {"xbrl:canonicalValues": True},
            "namespaces": {
                **ns,
                "xbrli": "http://www.xbrl.org/2003/instance",
                "iso4217": "http://www.xbrl.org/2003/iso4217",
                "scheme": filing.document.entity.scheme,
                "xbrl": "https://xbrl.org/2021",
            },
            "taxonomy": [schema_ref(stem)],
        },
        "facts": oim_dimensions(filing),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)
