"""Command line: `xbrlify convert INPUT... -o DIR`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from xbrlify.converters.errors import ConversionError
from xbrlify.converters.pipeline import convert as convert_file
from xbrlify.export.write import write_filing
from xbrlify.model import Severity
from xbrlify.taxonomy import load_taxonomy
from xbrlify.taxonomy.load import TaxonomyError
from xbrlify.taxonomy.package import write_package

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Tagged, validated XBRL facts from Chinese listed-company filings.",
)
console = Console(stderr=True)

SUFFIXES = (".txt", ".pdf")


@app.callback()
def main() -> None:
    """xbrlify: filing text/PDF → XBRL 2.1, xBRL-JSON, RDF, with provenance and findings."""


def _inputs(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES)
        else:
            files.append(p)
    return files


@app.command()
def convert(
    inputs: Annotated[list[Path], typer.Argument(help="Filing files (.txt or .pdf) or folders of them.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
) -> None:
    """Convert filings: DIR/S/S.xbrl, S.json, S.ttl, S.findings.json and DIR/xbrlify-taxonomy.zip."""
    try:
        taxonomy = load_taxonomy()
    except TaxonomyError as exc:
        console.print(f"[red]taxonomy error: {exc}")
        raise typer.Exit(2) from None
    out.mkdir(parents=True, exist_ok=True)
    write_package(taxonomy, out / "xbrlify-taxonomy.zip")
    table = RichTable(title="xbrlify convert")
    for col in ("file", "entity", "standard", "facts", "errors", "warnings", "status", "seconds"):
        table.add_column(col)
    failures = 0
    files = _inputs(inputs)
    if not files:
        console.print("[red]no input files")
        raise typer.Exit(2)
    for path in files:
        start = time.perf_counter()
        try:
            if not path.exists():
                raise ConversionError("not-found", f"{path} does not exist")
            filing = convert_file(path, taxonomy)
            write_filing(filing, out, path.stem)
        except ConversionError as exc:
            failures += 1
            console.print(f"[red]{path.name}: {exc.code}: {exc.message}")
            table.add_row(
                path.name, "", "", "0", "", "", f"failed ({exc.code})", f"{time.perf_counter() - start:.2f}"
            )
            continue
        errors = sum(1 for f in filing.findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in filing.findings if f.severity is Severity.WARNING)
        ent = filing.document.entity
        table.add_row(
            path.name,
            f"{ent.exchange}:{ent.identifier}",
            filing.document.standard,
            str(len(filing.facts)),
            str(errors),
            str(warnings),
            "converted",
            f"{time.perf_counter() - start:.2f}",
        )
    Console().print(table)
    if failures:
        raise typer.Exit(1)
