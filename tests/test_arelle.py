"""The reference processor accepts what we write: XBRL instance with c11r calculations, xBRL-JSON via OIM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HKEX_IFRS, SSE_CAS

ARELLE = Path(sys.executable).parent / "arelleCmdLine"


def arelle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARELLE), "--workOffline", "--disablePersistentConfig", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("stem", [HKEX_IFRS.stem, SSE_CAS.stem])
def test_instance_valid_with_calculations(converted: Path, stem: str) -> None:
    run = arelle(
        "--packages",
        str(converted / "xbrlify-taxonomy.zip"),
        "-f",
        str(converted / stem / f"{stem}.xbrl"),
        "-v",
        "--calc=c11r",
        "--validationExitCode",
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "[error" not in log.lower() and "calc11e" not in log


@pytest.mark.parametrize("stem", [HKEX_IFRS.stem, SSE_CAS.stem])
def test_xbrl_json_loads_from_oim(converted: Path, stem: str) -> None:
    run = arelle(
        "--packages",
        str(converted / "xbrlify-taxonomy.zip"),
        "--plugins",
        "loadFromOIM",
        "-f",
        str(converted / stem / f"{stem}.json"),
        "-v",
        "--calc=c11r",
        "--validationExitCode",
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "oime" not in log and "xbrlje" not in log


def test_arelle_rejects_a_broken_instance(converted: Path, tmp_path: Path) -> None:
    """The check above can fail: an instance whose total no longer adds up is refused."""
    stem = SSE_CAS.stem
    text = (converted / stem / f"{stem}.xbrl").read_text(encoding="utf-8")
    broken = text.replace(">2646904334.03<", ">2646904335.03<", 1)
    assert broken != text
    target = tmp_path / f"{stem}.xbrl"
    target.write_text(broken, encoding="utf-8")
    run = arelle(
        "--packages",
        str(converted / "xbrlify-taxonomy.zip"),
        "-f",
        str(target),
        "-v",
        "--calc=c11r",
        "--validationExitCode",
    )
    assert run.returncode != 0
    assert "calc11e:inconsistentCalculationUsingRounding" in run.stdout + run.stderr
