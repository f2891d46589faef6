"""Write every artifact of a filing into its folder."""

from __future__ import annotations

from pathlib import Path

from xbrlify.export.extension import extension_files
from xbrlify.export.findings import findings_json
from xbrlify.export.instance import instance_xml
from xbrlify.export.oim_csv import xbrl_csv
from xbrlify.export.oim_json import xbrl_json
from xbrlify.export.rdf import serialize
from xbrlify.model import Filing


def write_filing(filing: Filing, out_dir: Path, stem: str) -> list[Path]:
    """DIR/S/S.xbrl, S.json (xBRL-JSON), S-metadata.json + S-facts.csv (xBRL-CSV), S.ttl, S.nt, S.jsonld,
    S.trig (the filing's named graph), S.findings.json, and the extension S-ext.xsd with its calculation
    (and label, definition) linkbases."""
    folder = out_dir / stem
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in extension_files(filing, stem).items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    csv_metadata, csv_facts = xbrl_csv(filing, stem)
    outputs: dict[str, bytes] = {
        f"{stem}-metadata.json": csv_metadata.encode(),
        f"{stem}-facts.csv": csv_facts.encode(),
        **{f"{stem}.{suffix}": text.encode() for suffix, text in serialize(filing).items()},
        f"{stem}.xbrl": instance_xml(filing, stem),
        f"{stem}.json": xbrl_json(filing, stem).encode(),
        f"{stem}.findings.json": findings_json(filing).encode(),
    }
    for name, data in outputs.items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written
