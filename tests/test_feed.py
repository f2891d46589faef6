"""The data-exchange feed: JSON Feed 1.1, one item per filing, hashes of every artifact, incremental."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from conftest import HKEX_IFRS, SSE_CAS
from typer.testing import CliRunner

from xbrlify.cli import app


def test_feed_lists_filings_and_updates_incrementally(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["convert", str(HKEX_IFRS), "-o", str(tmp_path)]).exit_code == 0
    first = json.loads((tmp_path / "feed.json").read_text("utf-8"))
    assert first["version"] == "https://jsonfeed.org/version/1.1"
    assert len(first["items"]) == 1
    assert runner.invoke(app, ["convert", str(SSE_CAS), "-o", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["convert", str(SSE_CAS), "-o", str(tmp_path)]).exit_code == 0
    feed = json.loads((tmp_path / "feed.json").read_text("utf-8"))
    items = {i["_xbrlify"]["entity"]["identifier"]: i for i in feed["items"]}
    assert set(items) == {"02522", "688246"}
    cas = items["688246"]
    assert cas["_xbrlify"]["standard"] == "CAS"
    assert cas["_xbrlify"]["period"] == {"kind": "duration", "start": "2024-01-01", "end": "2024-06-30"}
    assert cas["_xbrlify"]["source_sha256"] == hashlib.sha256(SSE_CAS.read_bytes()).hexdigest()
    names = {a["url"].split("/")[-1] for a in cas["attachments"]}
    assert {
        f"{SSE_CAS.stem}.xbrl",
        f"{SSE_CAS.stem}.json",
        f"{SSE_CAS.stem}.ttl",
        f"{SSE_CAS.stem}-facts.csv",
    } <= names
    for att in cas["attachments"]:
        assert att["_sha256"] == hashlib.sha256((tmp_path / att["url"]).read_bytes()).hexdigest()
        assert att["mime_type"] != "application/octet-stream", att["url"]  # every artifact has its type
