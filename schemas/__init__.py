"""JSON Schemas generated from the xbrlify models (regenerate with `python -m xbrlify.schemas`)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from pydantic import BaseModel

from xbrlify.model import Fact, Filing, Finding
from xbrlify.taxonomy.model import Taxonomy

MODELS: dict[str, type[BaseModel]] = {
    "filing.schema.json": Filing,
    "fact.schema.json": Fact,
    "finding.schema.json": Finding,
    "taxonomy.schema.json": Taxonomy,
}


def generate() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every model, keyed by file name."""
    return {name: model.model_json_schema() for name, model in MODELS.items()}


def packaged(name: str) -> dict[str, Any]:
    """A schema as shipped in the package."""
    loaded: dict[str, Any] = json.loads(resources.files("xbrlify.schemas").joinpath(name).read_text("utf-8"))
    return loaded
