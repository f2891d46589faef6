"""The real PDFs as layout text (pdfplumber's layout mode, as pdftotext -layout gives it): how many of
the facts read from the PDF the text gives back, value for value.

    python benchmarks/layout_text.py [PDF ...]     (default: the two PDFs in ../shared/filings)

pdfplumber lays out every page (slow: about a minute for the 156-page report); the figures are the
converter's on text input that kept the page's columns, not a speed measurement.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pdfplumber

from xbrlify.converters.pipeline import convert
from xbrlify.model import Filing

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted((ROOT.parent / "shared" / "filings").glob("*.pdf"))


def _facts(filing: Filing) -> set[tuple[str, str, str, str]]:
    return {
        (f.concept, f.context.period.key, str(f.value), str(f.context.members))
        for f in filing.facts
        if f.unit is not None
    }


def main(paths: list[Path]) -> None:
    for pdf_path in paths:
        with pdfplumber.open(pdf_path) as pdf:
            pages = [page.extract_text(layout=True) or "" for page in pdf.pages]
        with tempfile.TemporaryDirectory() as tmp:
            text_path = Path(tmp) / f"{pdf_path.stem}.txt"
            text_path.write_text("\f".join(pages), encoding="utf-8")
            from_text = convert(text_path)
        from_pdf = convert(pdf_path)
        expected, got = _facts(from_pdf), _facts(from_text)
        print(
            f"{pdf_path.name}: layout text gives {len(expected & got)} of the PDF's {len(expected)} facts, "
            f"{len(got - expected)} others; {len(from_text.errors)} errors"
        )


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
