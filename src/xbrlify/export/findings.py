"""The machine-readable findings report of one filing."""

from __future__ import annotations

import json
from collections import Counter

from xbrlify.model import Filing


def findings_json(filing: Filing) -> str:
    counts = Counter(f.severity.value for f in filing.findings)
    doc = {
        "document": filing.document.source,
        "sha256": filing.document.sha256,
        "entity": filing.document.entity.model_dump(),
        "standard": filing.document.standard,
        "report_type": filing.document.report_type,
        "period": filing.document.period.model_dump(mode="json") if filing.document.period else None,
        "currency": filing.document.currency,
        "facts": len(filing.facts),
        "summary": {s: counts.get(s, 0) for s in ("error", "warning", "info")},
        "findings": [f.model_dump(exclude_none=True, mode="json") for f in filing.findings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)
