"""Bad input never crashes and never invents facts: a stable code and one line per file."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import FIXTURES, SSE_CAS, spans_in_source
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from xbrlify.cli import app
from xbrlify.converters.errors import ConversionError
from xbrlify.converters.pipeline import convert
from xbrlify.converters.read import decode
from xbrlify.converters.read_pdf import page_texts

BAD = FIXTURES / "bad"
EXPECTED = {
    "empty.txt": "empty",
    "zero-bytes.pdf": "empty",
    "random-bytes.txt": "binary",
    "random-bytes.pdf": "not-pdf",
    "truncated.pdf": "corrupt-pdf",
    "encrypted.pdf": "encrypted",
    "scanned.pdf": "no-text-layer",
    "meeting-notes.txt": "no-issuer",
}


def test_every_bad_file_fails_with_its_code_and_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["convert", str(BAD), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, code in EXPECTED.items():
        lines = [ln for ln in result.output.splitlines() if ln.startswith(f"{name}: ")]
        assert len(lines) == 1 and lines[0].startswith(f"{name}: {code}: "), (name, lines)
    summary = {Path(r["file"]).name: r for r in json.loads((tmp_path / "summary.json").read_text("utf-8"))}
    assert {n: r["code"] for n, r in summary.items()} == EXPECTED
    assert all(r["facts"] == 0 for r in summary.values())
    assert not [p for p in tmp_path.iterdir() if p.is_dir()]


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["convert", str(BAD / "empty.txt"), str(SSE_CAS), "-o", str(tmp_path), "-j", "2"]
    )
    assert result.exit_code == 1
    assert (tmp_path / SSE_CAS.stem / f"{SSE_CAS.stem}.xbrl").exists()


@pytest.mark.parametrize(
    ("encoded", "utf8"),
    [
        ("balance_sheet_gbk.txt", "balance_sheet_utf8.txt"),
        ("balance_sheet_utf16.txt", "balance_sheet_utf8.txt"),  # Windows "Unicode": UTF-16 with a BOM
        ("balance_sheet_utf16le_no_bom.txt", "balance_sheet_utf8.txt"),  # UTF-16 saved without a BOM
        ("income_statement_hk_utf16be_no_bom.txt", "income_statement_hk_utf8.txt"),
        ("income_statement_hk_big5.txt", "income_statement_hk_utf8.txt"),
    ],
)
def test_gbk_and_big5_read_like_utf8(encoded: str, utf8: str) -> None:
    a = convert(FIXTURES / "encodings" / encoded)
    b = convert(FIXTURES / "encodings" / utf8)

    def key(f: object) -> tuple[str, str, str]:
        return (f.concept, f.context.period.key, str(f.value))  # type: ignore[attr-defined]

    assert len(a.facts) > 40
    assert sorted(map(key, a.facts)) == sorted(map(key, b.facts))


def test_traditional_chinese_statement_maps_to_the_same_concepts() -> None:
    filing = convert(FIXTURES / "encodings" / "income_statement_hk_big5.txt")
    revenue = [f for f in filing.facts if f.concept == "ifrs-full:Revenue"]
    assert {str(f.value) for f in revenue} == {"467049000", "413713000"}
    assert not [f for f in filing.findings if f.code == "unmapped-row"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_fuzz_text_decoder(data: bytes) -> None:
    try:
        assert isinstance(decode(data), str)
    except ConversionError as exc:
        assert exc.code in {"empty", "binary", "encoding"}


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4096))
def test_fuzz_pdf_reader(data: bytes) -> None:
    try:
        page_texts(b"%PDF-1.4\n" + data)
    except ConversionError as exc:
        assert exc.code in {"corrupt-pdf", "encrypted"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_fuzz_mutated_statement_never_crashes_or_invents(
    tmp_path_factory: pytest.TempPathFactory, seed: int
) -> None:
    """Random edits to a real statement: conversion ends normally; every fact's text is in the document."""
    rng = random.Random(seed)
    text = (FIXTURES / "encodings" / "balance_sheet_utf8.txt").read_text(encoding="utf-8")
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        i = rng.randrange(len(chars))
        chars[i] = rng.choice("0123456789,.-()–\n 合计货币资金")
    path = tmp_path_factory.mktemp("fz") / "mutated.txt"
    path.write_text("".join(chars), encoding="utf-8")
    try:
        filing = convert(path)
    except ConversionError:
        return
    spans_in_source(filing, path)


def test_truncated_statement_is_flagged_and_keeps_only_what_it_prints(tmp_path: Path) -> None:
    """A report cut off inside its balance sheet: a warning says so; only printed rows give facts."""
    text = (FIXTURES / "units" / "600999_wanyuan_2023_annual.txt").read_text(encoding="utf-8")
    cut = text[: text.index("流动资产合计")]
    path = tmp_path / "600999_cut.txt"
    path.write_text(cut, encoding="utf-8")
    filing = convert(path)
    assert [f.code for f in filing.findings if f.code == "statement-truncated"] == ["statement-truncated"]
    assert "ifrs-full:CurrentAssets" not in {f.concept for f in filing.facts}
    assert spans_in_source(filing, path)
