"""xBRL-CSV 1.0 (OIM): a metadata JSON file and one facts table with a column per aspect."""

from __future__ import annotations

import csv
import io
import json

from xbrlify.export.common import namespaces, schema_ref
from xbrlify.export.oim_json import oim_dimensions
from xbrlify.model import Filing

SCOPE_AXIS = "ifrs-full:ConsolidatedAndSeparateFinancialStatementsAxis"


def axis_column(axis: str) -> str:
    """The facts table's column of an axis: ``scope`` for consolidated / separate, else the axis's
    local name without ``Axis`` (``ComponentsOfEquity``)."""
    return "scope" if axis == SCOPE_AXIS else axis.split(":", 1)[-1].removesuffix("Axis")


def xbrl_csv(filing: Filing, stem: str) -> tuple[str, str]:
    """(metadata JSON, facts CSV) for `stem-metadata.json` and `stem-facts.csv`: one column per
    aspect, one per axis the filing uses (an empty cell: the axis's default)."""
    facts = oim_dimensions(filing)
    axes = [
        SCOPE_AXIS,
        *sorted({m.dimension for f in filing.facts for m in f.context.members} - {SCOPE_AXIS}),
    ]
    columns = ("id", "concept", "entity", "period", "unit", *map(axis_column, axes), "decimals", "value")
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
                    **{name: {} for name in columns if name != "value"},
                    "value": {
                        "dimensions": {
                            "concept": "$concept",
                            "entity": "$entity",
                            "period": "$period",
                            "unit": "$unit",
                            **{axis: f"${axis_column(axis)}" for axis in axes},
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
    writer.writerow(columns)
    for fact_id, fact in facts.items():
        dims = fact["dimensions"]
        writer.writerow(
            [
                fact_id,
                dims["concept"],
                dims["entity"],
                dims["period"],
                dims.get("unit", ""),
                *(dims.get(axis, "") for axis in axes),
                fact.get("decimals", ""),
                fact["value"],
            ]
        )
    return json.dumps(metadata, ensure_ascii=False, indent=1), buf.getvalue()
