"""Push to a real SPARQL server (oxigraph serve on 127.0.0.1), query it over HTTP, push again: same count."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xbrlify.cli import app

SERVER = Path(sys.executable).parent / "oxigraph"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    if not SERVER.exists() and shutil.which("oxigraph") is None:
        pytest.fail("the oxigraph server (PyPI package `oxigraph`, a test dependency) is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(SERVER if SERVER.exists() else "oxigraph"),
            "serve",
            "--location",
            str(tmp_path / "db"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _select(base: str, sparql: str) -> list[dict[str, str]]:
    url = f"{base}/query?query={urllib.parse.quote(sparql)}"
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        data = json.load(resp)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_push_query_and_push_again(converted: Path, server: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["push", str(converted), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = _select(server, count)[0]["n"]
    assert runner.invoke(app, ["push", str(converted), "--endpoint", f"{server}/store"]).exit_code == 0
    assert _select(server, count)[0]["n"] == first
    values = {
        r["v"]
        for r in _select(
            server,
            """PREFIX xfy: <https://xbrlify.org/ns#>
        PREFIX ifrs: <https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full#>
        SELECT DISTINCT ?v WHERE { GRAPH ?g { ?f xfy:concept ifrs:Revenue ; xfy:value ?v .
        FILTER NOT EXISTS { ?f ifrs:ConsolidatedAndSeparateFinancialStatementsAxis ?m }
        FILTER NOT EXISTS { ?f ifrs:ProductsAndServicesAxis ?n } } }""",
        )
    }
    assert values == {"467049000", "413713000", "300477599.52", "291957202.04", "2782000000", "345000000"}


def test_unreachable_endpoint_is_one_line(converted: Path) -> None:
    result = CliRunner().invoke(
        app, ["push", str(converted), "--endpoint", f"http://127.0.0.1:{_free_port()}/store"]
    )
    assert result.exit_code == 1
    assert "push failed: cannot reach" in result.output and "Traceback" not in result.output
