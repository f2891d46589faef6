"""The filing's own calculation linkbase: what it keeps, folds and leaves out, and Arelle agrees."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import FIXTURES, value, write_and_validate

from xbrlify.converters.pipeline import convert
from xbrlify.model import Severity

UNMAPPED = FIXTURES / "unmapped_row_statement.txt"


def test_a_row_no_line_matches_joins_the_summation_it_completes(tmp_path: Path) -> None:
    filing = convert(UNMAPPED)
    # the row is kept as a clearly marked issuer extension concept
    ext = [f for f in filing.facts if f.concept.startswith("ext:")]
    assert {f.value for f in ext} == {Decimal("20000.00"), Decimal("10000.00")}
    codes = {f.code: f.severity for f in filing.findings}
    assert codes["unmapped-row"] is Severity.WARNING
    assert codes["calc-anchored"] is Severity.INFO
    assert "calc-incomplete" not in codes and "calc-inconsistent" not in codes
    children = {
        a.child for a in filing.calculations["cas_balance_sheet"] if a.parent == "ifrs-full:CurrentAssets"
    }
    assert {f.concept for f in ext} <= children
    assert "ifrs-full:Cash" in children
    assert value(filing, "CurrentAssets", "2024-06-30") == Decimal("170000.00")
    _, run = write_and_validate(filing, UNMAPPED.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "calc11e" not in run.stdout + run.stderr


def test_rows_that_could_each_complete_a_summation_leave_it_out(tmp_path: Path) -> None:
    """Two unmapped rows print the same values and either would complete current assets (both
    would not): which one belongs is not decided by arithmetic, so the total leaves the filing's
    calculations, reported as incomplete."""
    source = FIXTURES / "ambiguous_unmapped_rows_statement.txt"
    filing = convert(source)
    codes = {f.code: f.severity for f in filing.findings}
    assert codes["calc-incomplete"] is Severity.INFO
    assert "calc-anchored" not in codes
    parents = {a.parent for a in filing.calculations["cas_balance_sheet"]}
    assert "ifrs-full:CurrentAssets" not in parents
    assert "ifrs-full:Assets" in parents  # the totals around it still add up and are kept
    _, run = write_and_validate(filing, source.stem, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
