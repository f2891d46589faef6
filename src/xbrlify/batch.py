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
    """Files named, and every .txt/.pdf file under folders named, in a stable order; a file named
    twice (itself and in its folder) once."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES)
        else:
            files.append(p)
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def output_stems(files: list[Path]) -> list[str]:
    """Each input's output stem: its file stem, unless another input shares it (report.pdf and
    report.txt, or two folders' report.pdf): then the stem and its extension (report_pdf), and a
    number after that when still shared (report_pdf_2), so no output overwrites another."""
    counts: dict[str, int] = {}
    for f in files:
        counts[f.stem.lower()] = counts.get(f.stem.lower(), 0) + 1
    out: list[str] = []
    taken: set[str] = set()
    for f in files:
        stem = f.stem if counts[f.stem.lower()] == 1 else f"{f.stem}_{f.suffix.lstrip('.').lower()}"
        candidate, n = stem, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{stem}_{n}"
        taken.add(candidate.lower())
        out.append(candidate)
    return out


def convert_one(path: Path, out: Path, entity: str | None = None, stem: str | None = None) -> dict[str, Any]:
    """Convert and write one filing into ``out/STEM`` (the file's stem unless given); never raises —
    the outcome is the returned summary row."""
    start = time.perf_counter()
    stem = stem or path.stem
    row: dict[str, Any] = {"file": str(path), "stem": stem, "facts": 0, "errors": 0, "warnings": 0}
    try:
        if not path.exists():
            raise ConversionError("not-found", f"{path} does not exist")
        filing = convert(path, entity=entity_from(entity) if entity else None)
        write_filing(filing, out, stem)
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
