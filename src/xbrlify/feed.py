"""Data-exchange feed: DIR/feed.json (JSON Feed 1.1) listing every converted filing with its artifacts.

Each item: entity, report type, period, standard, converted-at, SHA-256 of the source and of every
output, and a link to each artifact. Items are replaced by filing, so converting more filings into
the same folder updates the feed incrementally.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

FEED_VERSION = "https://jsonfeed.org/version/1.1"
MIME = {
    ".xbrl": "application/xml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".xsd": "application/xml",
    ".xml": "application/xml",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def feed_item(folder: Path, converted_at: dt.datetime) -> dict[str, Any]:
    """The feed item of one converted filing folder (DIR/S)."""
    stem = folder.name
    report = json.loads((folder / f"{stem}.findings.json").read_text(encoding="utf-8"))
    entity = report["entity"]
    attachments = [
        {
            "url": f"{stem}/{p.name}",
            "mime_type": MIME.get(p.suffix, "application/octet-stream"),
            "size_in_bytes": p.stat().st_size,
            "_sha256": _sha256(p),
        }
        for p in sorted(folder.iterdir())
        if p.is_file()
    ]
    period = report.get("period") or {}
    span = period.get("instant") or f"{period.get('start', '')}..{period.get('end', '')}".strip(".")
    return {
        "id": f"{entity['exchange']}:{entity['identifier']}:{report['sha256']}",
        "url": f"{stem}/{stem}.xbrl",
        "title": f"{entity.get('name') or entity['identifier']} {report['report_type']} {span}".strip(),
        "content_text": f"{report['facts']} facts; findings {report['summary']}",
        "date_modified": converted_at.isoformat(timespec="seconds"),
        "attachments": attachments,
        "_xbrlify": {
            "entity": entity,
            "report_type": report["report_type"],
            "standard": report["standard"],
            "period": period,
            "source": report["document"],
            "source_sha256": report["sha256"],
            "facts": report["facts"],
            "findings": report["summary"],
        },
    }


def update_feed(out_dir: Path, stems: list[str], now: dt.datetime | None = None) -> Path:
    """Add or replace the items of the given converted filings in DIR/feed.json."""
    now = now or dt.datetime.now(dt.UTC)
    path = out_dir / "feed.json"
    feed: dict[str, Any] = {"version": FEED_VERSION, "title": "xbrlify converted filings", "items": []}
    if path.exists():
        try:
            existing = json.loads(path.read_text(encoding="utf-8"))
            if existing.get("version") == FEED_VERSION:
                feed = existing
        except ValueError:
            pass
    items = {item["id"]: item for item in feed.get("items", [])}
    for stem in stems:
        folder = out_dir / stem
        if (folder / f"{stem}.findings.json").exists():
            item = feed_item(folder, now)
            items[item["id"]] = item
    feed["items"] = sorted(items.values(), key=lambda i: (i["date_modified"], i["id"]), reverse=True)
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
