"""Seconds per PDF and pages per second, converting to every output format.

Usage: python benchmarks/bench_pdf.py [PDF ...]   (defaults to examples/filings/*.pdf)
Best of 3 runs per file, in one process after a warm-up that loads the taxonomy.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from xbrlify.converters.errors import ConversionError
from xbrlify.converters.pipeline import convert
from xbrlify.export.write import write_filing
from xbrlify.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def main(paths: list[Path]) -> None:
    taxonomy = load_taxonomy()
    for path in paths:
        pages = len(pdfium.PdfDocument(str(path)))
        best = float("inf")
        facts = 0
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(3):
                start = time.perf_counter()
                try:
                    filing = convert(path, taxonomy)
                    write_filing(filing, Path(tmp), path.stem)
                    facts = len(filing.facts)
                except ConversionError as exc:
                    print(f"{path.name}: {exc.code}: {exc.message}")
                    break
                best = min(best, time.perf_counter() - start)
        if best < float("inf"):
            print(f"{path.name}: {pages} pages, {facts} facts, {best:.2f} s, {pages / best:.0f} pages/s")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "examples" / "filings").glob("*.pdf"))
    main(args)
