"""Number grammar and split enumeration (converters/numbers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xbrlify.converters.numbers import NoteMark, detect_decimals, place, split_label, split_tail


def readings(
    tail: str, decimals: int, *, note: bool = True, marker: bool = False
) -> set[tuple[str | None, tuple[str, ...]]]:
    return {
        (r.note, tuple("nil" if t.value is None else str(t.value) for t in r.tokens))
        for r in split_tail(tail, 2, decimals, note_allowed=note, note_required=marker)
    }


def test_note_glued_to_two_columns_gives_every_wellformed_split() -> None:
    label, tail, _, marker = split_label("贸易应付款项1158,97726,485")
    assert label == "贸易应付款项" and not marker
    assert readings(tail, 0) == {
        ("1", ("158977", "26485")),
        ("11", ("58977", "26485")),
        ("115", ("8977", "26485")),
    }


def test_printed_gaps_are_token_boundaries_when_they_read() -> None:
    """Where the text layer kept the gaps between columns, a spaced run is one number; splitting
    inside it (note 6 + 7,372) is left for tails that do not read otherwise."""
    assert readings("67,372 54,320", 0) == {(None, ("67372", "54320"))}
    assert readings("11 0.307 0.294", 3) == {("11", ("0.307", "0.294"))}
    # a note glued to the first value with a gap before the second: no spaced reading exists
    # (1158,977 is not a number), so every glued split stays
    assert readings("1158,977 26,485", 0) == {
        ("1", ("158977", "26485")),
        ("11", ("58977", "26485")),
        ("115", ("8977", "26485")),
    }


def test_parenthesised_negatives_and_nil_dash() -> None:
    assert readings(split_label("销售成本(329,803)(254,054)")[1], 0) == {(None, ("-329803", "-254054"))}
    assert readings(split_label("受限制现金–442")[1], 0) == {(None, ("nil", "442"))}
    assert readings(split_label("公允价值变动–(2)")[1], 0) == {(None, ("nil", "-2"))}


def test_minus_sign_and_fixed_decimals() -> None:
    label, tail, _, _ = split_label("其他综合收益注释七、57-6,697,703.20-6,697,703.20")
    assert label == "其他综合收益"
    assert readings(tail, 2, marker=True) == {("57", ("-6697703.20", "-6697703.20"))}


def test_space_the_extraction_put_inside_a_number() -> None:
    """``31,284,292. 34`` and ``1, 234.56``: a space right after the decimal point or a thousands
    separator is inside the number, as some PDF text layers print them."""
    assert readings("31,284,292. 34 58,797,050. 83", 2, note=False) == {
        (None, ("31284292.34", "58797050.83"))
    }
    assert readings("- 31,284,292. 34- 58,797,050. 83", 2, note=False) == {
        (None, ("-31284292.34", "-58797050.83"))
    }
    assert readings("1, 234.56 7,890.12", 2, note=False) == {(None, ("1234.56", "7890.12"))}


def test_hyphen_apart_from_a_figure_is_nil_or_minus() -> None:
    """``- 1,000``: a nil cell then 1,000, or a spaced minus sign; the arithmetic decides."""
    assert readings("- 1,000", 0, note=False) == {(None, ("nil", "1000")), (None, ("-1000",))}


def test_cas_note_marker_requires_a_note_number() -> None:
    label, tail, _, marker = split_label("货币资金注释七、1407,802,324.30612,478,452.28")
    assert (label, marker) == ("货币资金", NoteMark.NUMBER)
    got = readings(tail, 2, marker=True)
    assert ("1", ("407802324.30", "612478452.28")) in got
    assert all(note is not None for note, _ in got)


@pytest.mark.parametrize(
    ("row", "mark", "tail"),
    [
        # the whole note printed: 七、(1) ends in a number in parentheses, which is no negative value
        ("货币资金七、(1)175,372,966.82229,943,098.33", NoteMark.WHOLE, "175,372,966.82229,943,098.33"),
        (
            "货币资金 附注七(12) 175,372,966.82 229,943,098.33",
            NoteMark.WHOLE,
            "175,372,966.82 229,943,098.33",
        ),
        # a section in parentheses (五、(一)) or after 附注 alone: a note number may follow or not
        ("货币资金 五、(一) 175,372,966.82 229,943,098.33", NoteMark.NONE, "175,372,966.82 229,943,098.33"),
        ("货币资金五、(一)1175,372,966.82229,943,098.33", NoteMark.NONE, "1175,372,966.82229,943,098.33"),
        # 注释 followed by the note's number
        ("货币资金注释1175,372,966.82229,943,098.33", NoteMark.NUMBER, "1175,372,966.82229,943,098.33"),
    ],
)
def test_cas_note_reference_styles_leave_the_label(row: str, mark: NoteMark, tail: str) -> None:
    label, got, _, marker = split_label(row)
    assert (label, got, marker) == ("货币资金", tail, mark)


def test_a_parenthesised_value_after_a_label_is_still_a_negative() -> None:
    assert split_label("其他收益(1,234)(2,345)")[:2] == ("其他收益", "(1,234)(2,345)")


def test_label_parenthetical_is_not_taken_as_a_negative() -> None:
    label, tail, _, _ = split_label("实收资本(或股本)138,574,436.00138,495,024.00")
    assert label == "实收资本(或股本)"
    assert readings(tail, 2, note=False) == {(None, ("138574436.00", "138495024.00"))}


def test_lettered_note_moves_from_label_to_tail() -> None:
    label, tail, _, _ = split_label("合同负债5(c)25,34239,728")
    assert label == "合同负债"
    assert ("5(c)", ("25342", "39728")) in readings(tail, 0)


def test_row_without_numbers_has_empty_tail() -> None:
    assert split_label("1.持续经营净利润(净亏损以“-”号填列)")[1] == ""


def test_single_value_can_sit_in_either_column() -> None:
    (reading,) = split_tail("1,700,000.00", 2, 2, note_allowed=False)
    assert place(reading, 2) == [(0,), (1,)]


def test_decimals_detected_from_the_table() -> None:
    assert detect_decimals(["407,802,324.30612,478,452.28", "393,534.004,008,968.20"]) == 2
    assert detect_decimals(["467,049413,713", "(329,803)(254,054)"]) == 0


def _render(v: int, decimals: int, parens: bool) -> str:
    text = f"{abs(v):,}" if decimals == 0 else f"{abs(v) / 10**decimals:,.{decimals}f}"
    if v < 0:
        return f"({text})" if parens else f"-{text}"
    return text


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=2, max_size=2),
    note=st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
    decimals=st.sampled_from([0, 2]),
    parens=st.booleans(),
)
def test_rendered_glued_columns_are_always_among_the_readings(
    values: list[int], note: int | None, decimals: int, parens: bool
) -> None:
    """Whatever the statement prints, the true split is one of the enumerated readings."""
    tail = (str(note) if note else "") + "".join(_render(v, decimals, parens) for v in values)
    expected = (str(note) if note else None, tuple(str(Decimal(v).scaleb(-decimals)) for v in values))
    got = {
        (r.note, tuple(str(t.value) for t in r.tokens))
        for r in split_tail(tail, 2, decimals, note_allowed=True)
    }
    assert expected in got


def test_tail_offset_points_at_the_tail_in_the_source_line() -> None:
    for text in (
        "應收代價 18(ii) 154,170 150,507",
        "货币资金 七、1 905,402,299.44 627,041,535.44",
        "合同负债5(c)25,34239,728",
        "物業、機器及設備 15 9,909,397 8,804,277",
    ):
        _, tail, offset, _ = split_label(text)
        assert text[offset : offset + len(tail)] == tail


def test_note_with_several_letter_groups() -> None:
    label, tail, _, _ = split_label("金融資產減值虧損（撥備）／撥回淨額 3(ii)(e) (219,712) 914,741")
    assert label.endswith("淨額")
    assert readings(tail, 0) == {("3(ii)(e)", ("-219712", "914741"))}


@pytest.mark.parametrize(
    ("text", "label", "tail"),
    [
        # a sign note wrapped after its dash: the dash is label text, not a nil value
        ("1.持续经营净利润(净亏损以“-", "1.持续经营净利润(净亏损以“-", ""),
        (
            "1.持续经营净利润(净亏损以“- 33,708.08 26,640.20",
            "1.持续经营净利润(净亏损以“-",
            "33,708.08 26,640.20",
        ),
        # wrapped before its dash: the minus signs belong to the values
        (
            "(一)持续经营净利润(净亏损以“ -5,517,038.58 -8,096,211.48",
            "(一)持续经营净利润(净亏损以“",
            "-5,517,038.58 -8,096,211.48",
        ),
    ],
)
def test_a_quoted_dash_is_label_text(text: str, label: str, tail: str) -> None:
    assert split_label(text)[:2] == (label, tail)
