"""The command line: outputs per input, the taxonomy package, exit codes, one-line reasons."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import HKEX_IFRS, IR_RECORD, SSE_CAS
from typer.testing import CliRunner

from xbrlify.cli import app

runner = CliRunner()


def test_convert_writes_every_artifact(tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", str(HKEX_IFRS), str(IR_RECORD), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "xbrlify-taxonomy.zip").stat().st_size > 1000
    for path in (HKEX_IFRS, IR_RECORD):
        s = path.stem
        for suffix in (".xbrl", ".json", ".ttl", ".findings.json"):
            assert (tmp_path / s / f"{s}{suffix}").exists()


def test_bad_input_gives_one_line_reason_and_nonzero_exit(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "random.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(app, ["convert", str(empty), str(binary), str(SSE_CAS), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "empty.txt: empty" in result.output
    assert "random.txt: binary" in result.output
    assert (tmp_path / "o" / SSE_CAS.stem / f"{SSE_CAS.stem}.xbrl").exists()


def test_document_without_issuer_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(text), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no-issuer" in result.output


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "xbrlify", "convert", str(IR_RECORD), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / IR_RECORD.stem / f"{IR_RECORD.stem}.xbrl").is_file()


def test_inputs_sharing_a_stem_get_outputs_of_their_own(tmp_path: Path) -> None:
    """report.txt and report.pdf, or two folders' report.txt, would write the same DIR/S/: each gets
    its stem and extension (and a number after that), and a file named twice is converted once."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    text = HKEX_IFRS.read_bytes()
    (a / "report.txt").write_bytes(text)
    (b / "report.txt").write_bytes(text)
    (a / "other.txt").write_bytes(SSE_CAS.read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(a), str(b), str(a / "other.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["other", "report_txt", "report_txt_2"]
    for stem in ("report_txt", "report_txt_2"):
        assert (out / stem / f"{stem}.xbrl").exists()
