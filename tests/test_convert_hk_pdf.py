"""HKEX interim report in traditional Chinese whose PDF text layer runs right to left."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import ROOT, find, value

from xbrlify.converters.pipeline import convert
from xbrlify.converters.profile import entity_from
from xbrlify.converters.read_pdf import looks_reversed, page_texts
from xbrlify.model import Filing

REPORT = ROOT / "examples" / "filings" / "00607_fullshare_2023_interim_tc.pdf"


@pytest.fixture(scope="module")
def report() -> Filing:
    return convert(REPORT, entity=entity_from("HKEX:607"))


def test_reversed_pages_are_detected() -> None:
    texts = page_texts(REPORT.read_bytes())
    assert looks_reversed(texts[8])  # the statement of financial position
    assert not looks_reversed(texts[2])


def test_financial_position_net_assets_format(report: Filing) -> None:
    assert report.document.entity.identifier == "00607"
    # rebuilt line: 物業、機器及設備 15 9,909,397 8,804,277 (RMB thousands, Chinese-numeral dates)
    assert value(report, "PropertyPlantAndEquipment", "2023-06-30") == Decimal("9909397000")
    assert value(report, "PropertyPlantAndEquipment", "2022-12-31") == Decimal("8804277000")
    # unlabelled subtotals take their section's concept
    assert value(report, "NoncurrentAssets", "2023-06-30") == Decimal("22225944000")
    assert value(report, "CurrentLiabilities", "2022-12-31") == Decimal("30181512000")
    assert value(report, "NetAssetsLiabilities", "2023-06-30") == value(report, "Equity", "2023-06-30")
    ppe = find(report, "PropertyPlantAndEquipment", "2023-06-30")[0]
    assert ppe.provenance.page == 9 and ppe.provenance.raw_text == "9,909,397"


def test_financial_position_reconciles(report: Filing) -> None:
    fp_lines = {
        f.provenance.line for f in report.facts if f.context.period.key in ("2023-06-30", "2022-12-31")
    }
    flagged = [f for f in report.findings if f.line in fp_lines and f.code.startswith("calc")]
    assert flagged == []


def test_document_without_stock_code_uses_the_file_name_and_says_so() -> None:
    filing = convert(REPORT)
    assert filing.document.entity.identifier == "00607"
    assert any(f.code == "issuer-from-file-name" for f in filing.findings)
