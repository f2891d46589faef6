"""Batch conversion: one process per file (a pure function per filing), failures isolated per file."""

from __future__ import annotations

import time
import traceback
from pathlib import Path
from typing import Any

from xbrlify.converters.errors import ConversionError
from xbrlify.converters.pipeline import convert
from xbrlify.converters.profile import entity_from
from xbrlify.export.write import write_filing
from xbrlify.model import Severity

SUFFIXES = (".txt", ".pdf")


def inputs(paths: list[Path]) -> list[Path]:
    """Files named, and every .txt/.pdf file under folders named, in a stable order."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES)
        else:
            files.append(p)
    return files


def convert_one(path: Path, out: Path, entity: str | None = None) -> dict[str, Any]:
    """Convert and write one filing; never raises — the outcome is the returned summary row."""
    start = time.perf_counter()
    row: dict[str, Any] = {"file": str(path), "stem": path.stem, "facts": 0, "errors": 0, "warnings": 0}
    try:
        if not path.exists():
            raise ConversionError("not-found", f"{path} does not exist")
        filing = convert(path, entity=entity_from(entity) if entity else None)
        write_filing(filing, out, path.stem)
        ent = filing.document.entity
        row |= {
            "status": "converted",
            "entity": f"{ent.exchange}:{ent.identifier}",
            "standard": filing.document.standard,
            "facts": len(filing.facts),
            "errors": sum(1 for f in filing.findings if f.severity is Severity.ERROR),
            "warnings": sum(1 for f in filing.findings if f.severity is Severity.WARNING),
        }
    except ConversionError as exc:
        row |= {"status": "failed", "code": exc.code, "reason": exc.message}
    except Exception as exc:
        row |= {
            "status": "failed",
            "code": "internal-error",
            "reason": f"{type(exc).__name__}: {exc}",
            "trace": traceback.format_exc(limit=3),
        }
    row["seconds"] = round(time.perf_counter() - start, 3)
    return row
