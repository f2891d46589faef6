"""Shared fixtures: the seed filings converted once per test session."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from xbrlify.converters.pipeline import convert
from xbrlify.export.write import write_filing
from xbrlify.model import Fact, Filing
from xbrlify.taxonomy import load_taxonomy
from xbrlify.taxonomy.package import write_package

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
HKEX_IFRS = SEEDS / "000_de5880db65f9c6a7.txt"
IR_RECORD = SEEDS / "003_beb3875392ae8888.txt"
SSE_CAS = SEEDS / "004_41771b5226e85674.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def each_converted(paths: list[Path], ids: list[str] | None = None) -> Callable[..., Filing]:
    """A module fixture: each of `paths` converted once, the tests run for each (ids: the stems)."""

    @pytest.fixture(scope="module", params=paths, ids=ids or [p.stem for p in paths])
    def filing(request: pytest.FixtureRequest) -> Filing:
        path: Path = request.param
        return convert(path)

    return filing


@pytest.fixture(scope="session")
def hkex() -> Filing:
    return convert(HKEX_IFRS)


@pytest.fixture(scope="session")
def cas() -> Filing:
    return convert(SSE_CAS)


@pytest.fixture(scope="session")
def ir_record() -> Filing:
    return convert(IR_RECORD)


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory, hkex: Filing, cas: Filing, ir_record: Filing) -> Path:
    """The three seeds written to a folder with the taxonomy package, as the CLI does."""
    out = tmp_path_factory.mktemp("out")
    write_package(load_taxonomy(), out / "xbrlify-taxonomy.zip")
    write_filing(hkex, out, HKEX_IFRS.stem)
    write_filing(cas, out, SSE_CAS.stem)
    write_filing(ir_record, out, IR_RECORD.stem)
    return out


def find(filing: Filing, concept: str, period: str, *, separate: bool = False) -> list[Fact]:
    """Facts of a concept (local name or QName) in a period key, consolidated or separate."""
    local = concept.rsplit(":", maxsplit=1)[-1]
    return [
        f
        for f in filing.facts
        if f.concept.split(":")[-1] == local
        and f.context.period.key == period
        and bool(f.context.members) == separate
    ]


def value(filing: Filing, concept: str, period: str, *, separate: bool = False) -> object:
    facts = find(filing, concept, period, separate=separate)
    assert len(facts) == 1, f"{concept} {period}: {len(facts)} facts"
    return facts[0].value


def spans_in_source(filing: Filing, source: Path) -> list[Fact]:
    """The facts read at a character span; asserts each span gives back its printed number in the
    file's own line (line numbers and positions are the file's, indentation included)."""
    lines = source.read_text(encoding="utf-8").split("\n")
    spanned = [f for f in filing.facts if None not in (f.provenance.line, f.provenance.char_start)]
    for fact in spanned:
        prov = fact.provenance
        assert prov.line is not None
        assert lines[prov.line - 1][prov.char_start : prov.char_end] == prov.raw_text, prov
    return spanned


def arelle_validate(package: Path, document: Path, *, oim: bool = False) -> subprocess.CompletedProcess[str]:
    """Arelle, offline, on one document (XBRL instance, or an OIM file with `oim`), c11r calculations."""
    plugins = ["--plugins", "loadFromOIM"] if oim else []
    command = [
        str(Path(sys.executable).parent / "arelleCmdLine"),
        "--workOffline",
        "--disablePersistentConfig",
        "--packages",
        str(package),
        *plugins,
        "-f",
        str(document),
        "-v",
        "--calc=c11r",
        "--validationExitCode",
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def write_and_validate(filing: Filing, stem: str, out: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Write the taxonomy package and one filing into `out` as the CLI does, then run Arelle on its
    instance; returns the instance path and the run."""
    write_package(load_taxonomy(), out / "xbrlify-taxonomy.zip")
    write_filing(filing, out, stem)
    instance = out / stem / f"{stem}.xbrl"
    return instance, arelle_validate(out / "xbrlify-taxonomy.zip", instance)


def assert_boxes_enclose_numbers(filing: Filing, pdf_path: Path, *must: Fact) -> None:
    """Every fact read from a table has a box on its page; cropping the page to the box of a sample
    of them (and of `must`) gives back exactly the printed number."""
    import pdfplumber  # noqa: PLC0415

    numeric = [f for f in filing.facts if f.provenance.char_start is not None]
    assert numeric and all(f.provenance.bbox is not None for f in numeric)
    with pdfplumber.open(pdf_path) as pdf:
        for fact in [*must, *numeric[:: max(1, len(numeric) // 25)]]:
            prov = fact.provenance
            assert prov.page is not None and prov.bbox is not None
            page = pdf.pages[prov.page - 1]
            x0, top, x1, bottom = prov.bbox
            assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
            text = page.within_bbox((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_text()
            assert text.replace(" ", "") == (prov.raw_text or "").replace(" ", ""), prov
