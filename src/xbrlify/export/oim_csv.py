"""xBRL-CSV 1.0 (OIM): a metadata JSON file and one facts table with a column per aspect."""

from __future__ import annotations

import csv
import io
import json

from xbrlify.export.common import namespaces, schema_ref
from xbrlify.export.oim_json import oim_dimensions
from xbrlify.model import Filing

SCOPE_AXIS = "ifrs-full:ConsolidatedAndSeparateFinancialStatementsAxis"
COLUMNS = ("id", "concept", "entity", "period", "unit", "scope", "decimals", "value")


def xbrl_csv(filing: Filing, stem: str) -> tuple[str, str]:
    """(metadata JSON, facts CSV) for `stem-metadata.json` and `stem-facts.csv`."""
    metadata = {
        "documentInfo": {
            "documentType": "https://xbrl.org/2021/xbrl-csv",
            "namespaces": {
                **namespaces(filing),
                "xbrli": "http://www.xbrl.org/2003/instance",
                "iso4217": "http://www.xbrl.org/2003/iso4217",
                "scheme": filing.document.entity.scheme,
            },
            "taxonomy": [schema_ref(stem)],
        },
        "tableTemplates": {
            "facts": {
                "rowIdColumn": "id",
                "columns": {
                    **{name: {} for name in COLUMNS if name != "value"},
                    "value": {
                        "dimensions": {
                            "concept": "$concept",
                            "entity": "$entity",
                            "period": "$period",
                            "unit": "$unit",
                            SCOPE_AXIS: "$scope",
                        },
                        "decimals": "$decimals",
                    },
                },
            }
        },
        "tables": {"facts": {"template": "facts", "url": f"{stem}-facts.csv"}},
    }
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for fact_id, fact in oim_dimensions(filing).items():
        dims = fact["dimensions"]
        writer.writerow(
            [
                fact_id,
                dims["concept"],
                dims["entity"],
                dims["period"],
                dims.get("unit", ""),
                dims.get(SCOPE_AXIS, ""),
                fact.get("decimals", ""),
                fact["value"],
            ]
        )
    return json.dumps(metadata, ensure_ascii=False, indent=1), buf.getvalue()
