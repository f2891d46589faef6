"""read: encodings and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from xbrlify.converters.errors import ConversionError
from xbrlify.converters.periods import arabic_dates, durations, instants
from xbrlify.converters.pipeline import convert
from xbrlify.converters.read import decode, read

TEXT = "合并资产负债表\n货币资金1,000.00900.00\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_chinese_encodings_decode(encoding: str) -> None:
    sample = "綜合財務狀況表\n現金及現金等價物1,000900\n" if encoding == "big5" else TEXT
    assert decode(sample.encode(encoding)) == sample


@pytest.mark.parametrize(
    ("data", "code"), [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02" * 50, "binary")]
)
def test_bad_bytes_get_a_code(data: bytes, code: str) -> None:
    with pytest.raises(ConversionError) as err:
        decode(data)
    assert err.value.code == code


def test_chinese_numeral_dates() -> None:
    assert arabic_dates("於二零二三年六月三十日") == "於2023年6月30日"
    assert instants("2023年|2022年|6月30日|12月31日".replace("|", " ")) != []
    assert (
        durations(arabic_dates("截至六月三十日止六個月 二零二三年 二零二二年"))[0][1].isoformat()
        == "2023-06-30"
    )


def _with_furniture(tmp_path: Path, page_break: str) -> Path:
    """The glued fixture statement printed over pages: a running head and a page number on each."""
    lines = (FIXTURES / "glued_statement.txt").read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and i % 6 == 0:
            out += [f"{i // 6} / 9", f"{page_break}示例科技股份有限公司2024 年半年度报告"]
        out.append(line)
    path = tmp_path / "600000_paged.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


@pytest.mark.parametrize("page_break", ["", "\f"], ids=["no-form-feeds", "form-feeds"])
def test_page_numbers_and_running_heads_are_dropped(tmp_path: Path, page_break: str) -> None:
    path = _with_furniture(tmp_path, page_break)
    doc = read(path)
    texts = [line.text for line in doc.lines]
    assert not any("/ 9" in t for t in texts)
    assert "2024 年半年度报告" in doc.meta["running_heads"]
    assert texts.count("示例科技股份有限公司2024 年半年度报告") == 0
    # line numbers are still the file's; pages are known when the extraction kept its form feeds
    source = path.read_text(encoding="utf-8").split("\n")
    assert all(source[line.number - 1].strip("\f ").strip() == line.text for line in doc.lines)
    pages = 1 + (len((FIXTURES / "glued_statement.txt").read_text(encoding="utf-8").splitlines()) - 1) // 6
    assert {line.page for line in doc.lines} == ({None} if not page_break else set(range(1, pages + 1)))
    filing = convert(path)
    assert not [f for f in filing.findings if f.code in ("unreadable-numbers", "unmapped-row")]
    assert {f.concept for f in filing.facts} >= {"ifrs-full:Cash", "ifrs-full:Assets"}
