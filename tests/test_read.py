"""read: encodings and bad input."""

from __future__ import annotations

import pytest

from xbrlify.converters.errors import ConversionError
from xbrlify.converters.periods import arabic_dates, durations, instants
from xbrlify.converters.read import decode

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
