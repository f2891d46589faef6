"""What every export needs: the DTS reference, namespaces and canonical value strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xbrlify.model import Fact, Filing
from xbrlify.taxonomy.model import NAMESPACES


def extension_namespace(filing: Filing) -> str:
    e = filing.document.entity
    return f"https://xbrlify.org/entity/{e.exchange.lower()}/{e.identifier}/ext"


def namespaces(filing: Filing) -> dict[str, str]:
    ns = dict(NAMESPACES)
    if filing.extension_concepts:
        ns["ext"] = extension_namespace(filing)
    return ns


def schema_ref(stem: str) -> str:
    """The instance's DTS entry: the filing's extension schema (it imports the standard's entry point)."""
    return f"{stem}-ext.xsd"


def canonical(value: Decimal | str | dt.date) -> str:
    """XML Schema canonical lexical form (decimals keep at least one fractional digit in OIM style)."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def oim_number(value: Decimal) -> str:
    text = canonical(value)
    return text if "." in text else text + ".0"


def fact_id(filing: Filing, fact: Fact) -> str:
    return fact.id(filing.key)
