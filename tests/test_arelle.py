"""The reference processor accepts what we write: XBRL instance with c11r calculations, xBRL-JSON via OIM."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HKEX_IFRS, IR_RECORD, SSE_CAS, arelle_validate


@pytest.mark.parametrize("stem", [HKEX_IFRS.stem, SSE_CAS.stem, IR_RECORD.stem])
def test_instance_valid_with_calculations(converted: Path, stem: str) -> None:
    run = arelle_validate(converted / "xbrlify-taxonomy.zip", converted / stem / f"{stem}.xbrl")
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "[error" not in log.lower() and "calc11e" not in log


@pytest.mark.parametrize("stem", [HKEX_IFRS.stem, SSE_CAS.stem, IR_RECORD.stem])
def test_xbrl_json_loads_from_oim(converted: Path, stem: str) -> None:
    run = arelle_validate(converted / "xbrlify-taxonomy.zip", converted / stem / f"{stem}.json", oim=True)
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "oime" not in log and "xbrlje" not in log


def test_arelle_rejects_a_broken_instance(converted: Path, tmp_path: Path) -> None:
    """The check above can fail: an instance whose total no longer adds up is refused."""
    stem = SSE_CAS.stem
    text = (converted / stem / f"{stem}.xbrl").read_text(encoding="utf-8")
    broken = text.replace(">2646904334.03<", ">2646904335.03<", 1)
    assert broken != text
    for ext in (converted / stem).glob(f"{stem}-ext*"):  # the filing's own DTS, next to the instance
        (tmp_path / ext.name).write_bytes(ext.read_bytes())
    target = tmp_path / f"{stem}.xbrl"
    target.write_text(broken, encoding="utf-8")
    run = arelle_validate(converted / "xbrlify-taxonomy.zip", target)
    assert run.returncode != 0
    assert "calc11e:inconsistentCalculationUsingRounding" in run.stdout + run.stderr
