"""The JSON Schemas in schemas/ are the ones the models generate."""

from __future__ import annotations

from xbrlify.schemas import MODELS, generate, packaged


def test_packaged_schemas_match_the_models() -> None:
    generated = generate()
    for name in MODELS:
        assert packaged(name) == generated[name], f"{name} is stale: run python -m xbrlify.schemas"


def test_fact_schema_names_the_provenance_fields() -> None:
    props = generate()["fact.schema.json"]["$defs"]["Provenance"]["properties"]
    assert {"document", "line", "char_start", "char_end", "row_label", "column_header"} <= set(props)
