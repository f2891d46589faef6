"""Command line: `xbrlify convert INPUT... -o DIR`."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from xbrlify.batch import convert_one, inputs
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


@app.callback()
def main() -> None:
    """xbrlify: filing text/PDF → XBRL 2.1, xBRL-JSON, RDF, with provenance and findings."""


def _run(files: list[Path], out: Path, jobs: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("converting", total=len(files))
        if jobs <= 1 or len(files) < 2:
            for path in files:
                rows.append(convert_one(path, out))
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = [pool.submit(convert_one, path, out) for path in files]
                for future in as_completed(futures):
                    rows.append(future.result())
                    progress.advance(task)
    order = {str(p): i for i, p in enumerate(files)}
    return sorted(rows, key=lambda r: order[r["file"]])


@app.command()
def convert(
    inputs_: Annotated[
        list[Path], typer.Argument(metavar="INPUT...", help="Filings (.txt, .pdf) or folders.")
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes.")] = 1,
) -> None:
    """Convert filings into DIR/S/S.xbrl, S.json, S.ttl, S.findings.json, summary.json, taxonomy zip."""
    try:
        taxonomy = load_taxonomy()
    except TaxonomyError as exc:
        console.print(f"taxonomy error: {exc}", markup=False)
        raise typer.Exit(2) from None
    files = inputs(inputs_)
    if not files:
        console.print("no input files (.txt or .pdf) found", markup=False)
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    write_package(taxonomy, out / "xbrlify-taxonomy.zip")
    rows = _run(files, out, jobs)
    (out / "summary.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    table = RichTable(title="xbrlify convert")
    for col in ("file", "entity", "standard", "facts", "errors", "warnings", "status", "seconds"):
        table.add_column(col)
    for r in rows:
        status = r["status"] if r["status"] == "converted" else f"failed ({r['code']})"
        table.add_row(
            Path(r["file"]).name,
            r.get("entity", ""),
            r.get("standard", ""),
            str(r["facts"]),
            str(r["errors"]),
            str(r["warnings"]),
            status,
            f"{r['seconds']:.2f}",
        )
    Console(width=140).print(table)
    failed = [r for r in rows if r["status"] != "converted"]
    for r in failed:
        console.print(f"{Path(r['file']).name}: {r['code']}: {r['reason']}", markup=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)
