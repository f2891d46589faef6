"""PDF layouts whose text layer is not in reading order: the same facts as the filing's text.

The PDFs in tests/fixtures/pdf are rendered from the layout fixtures by make_pdfs.py: drawn column
by column (every label, then every note, then each value column), and row by row with wrapped
labels carrying their numbers on their first line, either in reading order or drawn after the
label's last line; every page has a running head and a page number, and a statement broken by a
page repeats its column headings. Each must convert to exactly the facts (and findings) of the
same filing read as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from xbrlify.converters.pdf_layout import looks_columnar, positioned_lines
from xbrlify.converters.pipeline import convert
from xbrlify.converters.read_pdf import page_texts, read_pdf
from xbrlify.model import Fact, Filing, Severity

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = FIXTURES / "pdf"
TEXTS = {
    "688246_2024_interim_statements": PDFS / "688246_2024_interim_statements.txt",
    "05678_evergreen_2024_annual_results_en": FIXTURES / "english/05678_evergreen_2024_annual_results_en.txt",
    "02522_rimag_2025_interim_tc": FIXTURES / "encodings/income_statement_hk_utf8.txt",
    "04321_harbourline_2024_interim_results_en": FIXTURES
    / "english/04321_harbourline_2024_interim_results_en.txt",
    "600999_wanyuan_2023_annual": FIXTURES / "units/600999_wanyuan_2023_annual.txt",
    "08899_lotusbay_2024_annual_results_bilingual": FIXTURES
    / "bilingual/08899_lotusbay_2024_annual_results_bilingual.txt",
    "06218_lotus_harbour_2024_annual_results_tc": FIXTURES
    / "cash_flows/06218_lotus_harbour_2024_annual_results_tc.txt",
    "600997_section_notes_spaced": FIXTURES / "note_styles/600997_section_notes_spaced.txt",
    "06001_sunrise_2024_annual_results_en": FIXTURES / "english/06001_sunrise_2024_annual_results_en.txt",
    "06003_sunrise_2024_annual_results_tc": FIXTURES / "traditional/06003_sunrise_2024_annual_results_tc.txt",
}
VARIANTS = ("columns", "first_line", "labels_first", "last_column_apart")


def _key(fact: Fact) -> tuple[str, str, str, str]:
    return (fact.concept, str(fact.context.period), str(fact.value), str(fact.context.members))


def _facts(filing: Filing) -> set[tuple[str, str, str, str]]:
    return {_key(f) for f in filing.facts if f.provenance.rule != "profile"}


def _codes(filing: Filing) -> list[str]:
    return sorted(f.code for f in filing.findings if f.severity is not Severity.INFO)


@pytest.fixture(scope="module")
def from_text() -> dict[str, Filing]:
    return {stem: convert(path) for stem, path in TEXTS.items()}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_pdf_layout_gives_the_facts_of_the_text(
    stem: str, variant: str, from_text: dict[str, Filing]
) -> None:
    filing = convert(PDFS / f"{stem}_{variant}.pdf")
    expected = _facts(from_text[stem])
    assert len(expected) > 50
    assert _facts(filing) == expected
    assert _codes(filing) == _codes(from_text[stem])
    tagged = [f for f in filing.facts if f.provenance.rule != "profile"]
    assert all(f.provenance.page is not None and f.provenance.bbox is not None for f in tagged)


def _rebuilt_first_page(name: str) -> list[str]:
    pdf = pdfium.PdfDocument(PDFS / name)
    try:
        return [text for text, _ in positioned_lines(pdf, 1)]
    finally:
        pdf.close()


def test_columnar_pages_are_recognised_and_rebuilt() -> None:
    texts = page_texts((PDFS / "600999_wanyuan_2023_annual_columns.pdf").read_bytes())
    assert [looks_columnar(t) for t in texts] == [True, True, True]
    in_order = page_texts((PDFS / "600999_wanyuan_2023_annual_first_line.pdf").read_bytes())
    assert not any(looks_columnar(t) for t in in_order)
    lines = _rebuilt_first_page("600999_wanyuan_2023_annual_columns.pdf")
    assert "货币资金 注释七、1 129,746.86 129,866.72" in lines
    assert "项目 附注 2023年12月31日 2022年12月31日" in lines


def test_english_words_keep_their_spaces_when_rebuilt() -> None:
    lines = _rebuilt_first_page("04321_harbourline_2024_interim_results_en_columns.pdf")
    assert "Revenues 5 1,250,400 1,180,250" in lines
    assert "Selling, general and administrative" in lines
    assert "expenses (150,470) (142,330)" in lines


def test_running_heads_of_a_two_page_pdf_are_dropped() -> None:
    doc = read_pdf(PDFS / "04321_harbourline_2024_interim_results_en_first_line.pdf")
    texts = [line.text for line in doc.lines]
    assert not any(t.startswith("Harbourline Logistics Holdings Limited Interim") for t in texts)
    assert (
        "Harbourline Logistics Holdings Limited Interim Results Announcement 2024"
        in doc.meta["running_heads"]
    )
    assert "Condensed Consolidated Statement of Financial Position" in texts


@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_tab_separated_text_gives_the_facts_of_the_text(stem: str, from_text: dict[str, Filing]) -> None:
    """The layout fixtures themselves: the same filing with its columns separated by tabs."""
    filing = convert(PDFS / f"{stem}.layout.txt")
    assert _facts(filing) == _facts(from_text[stem])
    assert _codes(filing) == _codes(from_text[stem])


_HEADING_CELL = re.compile(
    r"(?:19|20)\d\d|二零|rmb|hk\$|人民|港元|千元|audited|審核|审核|'000", re.IGNORECASE
)
_NUMBER_CELL = re.compile(r"^[-–—(（]?[\d,.]+[)）]?$|^[-–—]$")


def _prior_column_first(text: str) -> str:
    """The layout with its two period columns swapped: headings and values alike."""
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) >= 2:
            a, b = cells[-2].strip(), cells[-1].strip()
            values = len(cells) >= 3 and _NUMBER_CELL.match(a) and _NUMBER_CELL.match(b)
            if values or (_HEADING_CELL.search(a) and _HEADING_CELL.search(b)):
                cells[-2:] = cells[-1], cells[-2]
        out.append("\t".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize("prior_first", [False, True], ids=["printed-order", "prior-column-first"])
@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_glued_cells_give_the_facts_of_the_text(
    stem: str, prior_first: bool, from_text: dict[str, Filing], tmp_path: Path
) -> None:
    """The layout fixtures with nothing between their cells, as the seeds' extraction glued them
    (``Notes20242023``, ``At 30 June 2024At 31 December 2023``, ``Revenues51,250,4001,180,250``),
    in printed column order and with the prior period's column first: headings and rows are split
    again by the document's own arithmetic, dates and note numbering (``注释七、74418.37526.84``
    and ``注释七、75486.92312.56`` fit the profit arithmetic as notes 74/75 and as 744/754; only
    the first runs on from the notes above)."""
    text = (PDFS / f"{stem}.layout.txt").read_text(encoding="utf-8")
    glued = tmp_path / f"{stem}.txt"
    cells = _prior_column_first(text) if prior_first else text
    # a bilingual label's two languages glued too (``Property, plant and equipment物業、廠房及設備``)
    glued.write_text(cells.replace("\t", "").replace("｜", ""), encoding="utf-8")
    filing = convert(glued)
    assert _facts(filing) == _facts(from_text[stem])
    assert _codes(filing) == _codes(from_text[stem])


@pytest.mark.parametrize("glue", ["\t", ""], ids=["tab-separated", "glued"])
def test_note_references_without_a_notes_heading(
    glue: str, from_text: dict[str, Filing], tmp_path: Path
) -> None:
    """The statement's rows print note references (收入 5, 經營溢利 6, 所得稅開支 7) but its
    headings lost the 附註 word: the rows that read only with a leading note number tell, and the
    notes are read as notes (``經營溢利637,32115,378`` as note 6, not 637,321)."""
    stem = "02522_rimag_2025_interim_tc"
    text = (PDFS / f"{stem}.layout.txt").read_text(encoding="utf-8")
    unheaded = text.replace("附註\t\t2025年", "\t\t2025年")
    assert unheaded != text
    source = tmp_path / f"{stem}.txt"
    source.write_text(unheaded.replace("\t", glue), encoding="utf-8")
    filing = convert(source)
    assert _facts(filing) == _facts(from_text[stem])
    assert _codes(filing) == _codes(from_text[stem])
    assert "notes-inferred" in {f.code for f in filing.findings}


def _as_pipe_table(text: str) -> str:
    """A layout fixture as a web page or Markdown prints it: every table row between bars, a rule
    row under each row of column headings."""
    out = []
    for line in text.splitlines():
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        out.append("| " + " | ".join(cells) + " |")
        figures = [c for c in cells[1:] if re.search(r"\d", c) and not re.search(r"年|20\d\d|'000", c)]
        if not figures:  # a row of column headings
            out.append("|" + "---|" * len(cells))
    return "\n".join(out)


@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_pipe_delimited_tables_give_the_facts_of_the_text(
    stem: str, from_text: dict[str, Filing], tmp_path: Path
) -> None:
    """``| 货币资金 | 七、1 | 1,234.00 | 5,678.00 |`` rows and ``|---|---|`` rules: the bars are cell
    boundaries, the rules no text; the same facts and findings as the filing's text."""
    text = (PDFS / f"{stem}.layout.txt").read_text(encoding="utf-8")
    source = tmp_path / f"{stem}.txt"
    source.write_text(_as_pipe_table(text).replace("｜", " "), encoding="utf-8")
    filing = convert(source)
    assert _facts(filing) == _facts(from_text[stem])
    assert _codes(filing) == _codes(from_text[stem])
