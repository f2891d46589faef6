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

from xbrlify.batch import convert_one, inputs, output_stems
from xbrlify.feed import update_feed
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


def _run(files: list[Path], out: Path, jobs: int, entity: str | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("converting", total=len(files))
        stems = output_stems(files)
        if jobs <= 1 or len(files) < 2:
            for path, stem in zip(files, stems, strict=True):
                rows.append(convert_one(path, out, entity, stem))
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = [
                    pool.submit(convert_one, path, out, entity, stem)
                    for path, stem in zip(files, stems, strict=True)
                ]
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
    entity: Annotated[
        str | None,
        typer.Option("--entity", help="Issuer when a document prints no stock code, e.g. HKEX:00607."),
    ] = None,
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
    rows = _run(files, out, jobs, entity)
    (out / "summary.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    update_feed(out, [r["stem"] for r in rows if r["status"] == "converted"])
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


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="A folder written by `xbrlify convert`.")],
    store: Annotated[Path, typer.Option("--store", help="Store directory (created if missing).")] = Path(
        "store"
    ),
) -> None:
    """Load converted filings into the on-disk SPARQL store (one named graph per filing; reloads replace)."""
    from xbrlify.store import load_folder, open_store  # noqa: PLC0415 - store only for this command

    if not folder.is_dir():
        console.print(f"{folder}: not a folder", markup=False)
        raise typer.Exit(2)
    loaded = load_folder(open_store(store), folder)
    for graph, count in loaded:
        Console().print(f"{graph}\t{count} triples", markup=False)
    if not loaded:
        console.print(f"{folder}: no converted filings (*/*.ttl) found", markup=False)
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[
        str,
        typer.Argument(metavar="QUERY_OR_FILE", help="A SPARQL SELECT or CONSTRUCT query, or a .rq file."),
    ],
    store: Annotated[Path, typer.Option("--store", help="Store directory.")] = Path("store"),
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv or json (SELECT); ttl or nt (CONSTRUCT).")
    ] = "table",
) -> None:
    """Run a SPARQL query over every filing in the store: SELECT prints rows, CONSTRUCT triples."""
    import pyoxigraph as ox  # noqa: PLC0415 - store only for this command

    from xbrlify.store import open_store, render, rows_of, run, triples_text  # noqa: PLC0415

    text = (
        Path(sparql).read_text(encoding="utf-8")
        if sparql.endswith(".rq") and Path(sparql).exists()
        else sparql
    )
    try:
        result = run(open_store(store), text)
        if isinstance(result, ox.QueryTriples):
            typer.echo(triples_text(result, "ttl" if fmt == "table" else fmt), nl=False)
            return
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("not a SELECT or CONSTRUCT query")
        names, rows = rows_of(result)
    except (SyntaxError, ValueError, OSError) as exc:
        console.print(f"query failed: {exc}", markup=False)
        raise typer.Exit(1) from None
    if fmt == "table":
        table = RichTable()
        for name in names:
            table.add_column(name)
        for row in rows:
            table.add_row(*row)
        Console(width=160).print(table)
    elif fmt in ("csv", "json"):
        typer.echo(render(names, rows, fmt), nl=False)
    else:
        console.print(f"unknown format {fmt}: use table, csv or json", markup=False)
        raise typer.Exit(2)


@app.command()
def push(
    folder: Annotated[Path, typer.Argument(help="A folder written by `xbrlify convert`.")],
    endpoint: Annotated[
        str, typer.Option("--endpoint", help="Graph Store endpoint, e.g. http://host:7878/store")
    ],
) -> None:
    """Push converted filings to a SPARQL 1.1 server (Graph Store Protocol, one named graph per filing)."""
    from xbrlify.push import PushError, push_folder  # noqa: PLC0415

    try:
        pushed = push_folder(folder, endpoint)
    except PushError as exc:
        console.print(f"push failed: {exc}", markup=False)
        raise typer.Exit(1) from None
    for graph, count in pushed:
        Console().print(f"{graph}\t{count} triples", markup=False)
    if not pushed:
        console.print(f"{folder}: no converted filings (*/*.ttl) found", markup=False)
        raise typer.Exit(1)
