"""Row-label normalization: the same wording however it is numbered, prefixed, spaced or scripted."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from importlib import resources

from xbrlify.converters.text import simplified

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\(\d{1,2}\)|\d{1,2}[.、](?!\d)"
    r"|\([a-z]\)|\([ivx]+\)|[a-z]\)|[ivx]+\.)"
)
_BREAKDOWN = ("其中", "including", "of which")  # a row that breaks down the row above it
_PREFIX = re.compile(rf"^(?:(?:{'|'.join(_BREAKDOWN)}|加|减|减少|less|add)[:]|[-－—–•·])", re.IGNORECASE)
_SIGN_NOTE = re.compile(
    r"\([^()]*(?:号填列|以[\"“”'‘’]?[-－—][\"“”'‘’]?号|(?:indicated|shown|represented|listed)(?:with|by|as))[^()]*\)"
)
_TRAILING = re.compile(r"[:;、]+$")
_SLASHES = str.maketrans({"╱": "/", "⁄": "/", "∕": "/"})  # box-drawing and math slashes print as /


_ALTERNATIVE = re.compile(r"/\s*[(（][^()（）]*[)）]|[(（][^()（）]*[)）]\s*/")
_WORD_DASH = re.compile(r"(?<=[a-z$)])\s*[-–—]+\s+|\s+[-–—]+\s*(?=[a-z(])")
_ARTICLE = re.compile(r"\bthe\s+", re.IGNORECASE)
_PLURAL = re.compile(r"\b([a-z]{2,}?)(ies|sses|s)\b")


def _singular(m: re.Match[str]) -> str:
    stem, ending = m.group(1), m.group(2)
    if ending == "ies":
        return stem + "y"
    if ending == "sses":
        return stem + "ss"
    return m.group(0) if stem.endswith(("s", "u", "i")) else stem


@cache
def normalize(label: str) -> str:
    """Simplified script, half-width, no spaces, no numbering, no 其中/加/减 prefix, no sign notes,
    no printed alternative (``profit/(loss)``, ``(亏损)/溢利``); English words singular and without
    "the"; "for the year" reads as "for the period" (annual and interim statements share their lines)."""
    text = _ALTERNATIVE.sub("", unicodedata.normalize("NFKC", label).translate(_SLASHES))
    if re.search("[A-Za-z]", text):  # English: a dash between words is a separator, as a space
        text = _PLURAL.sub(_singular, _ARTICLE.sub("", _WORD_DASH.sub(" ", text.lower())))
    text = simplified(text).lower().replace(",", "、")
    text = _SIGN_NOTE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text)
        text = _PREFIX.sub("", text)
    return _TRAILING.sub("", text).replace("foryear", "forperiod")


_Rules = tuple[tuple[re.Pattern[str], str], ...]


@cache
def _wording_rules() -> tuple[_Rules, _Rules]:
    """`wording.csv`: the rewrites that bring one term's printed variants to one form, English ones
    and Chinese ones."""
    text = resources.files("xbrlify.taxonomy").joinpath("data", "wording.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))

    def rules(lang: str) -> _Rules:
        return tuple(
            (re.compile(r["pattern"], re.IGNORECASE), r["replacement"]) for r in rows if r["lang"] == lang
        )

    return rules("en"), rules("zh")


@cache
def wording_key(label: str) -> str:
    """A looser key than `normalize`, for labels no alias names exactly: the rewrites of
    `taxonomy/data/wording.csv` applied (English on words, Chinese on the normalized text), so
    ``Payments for property, plant and equipment`` reads as ``purchase of property, plant and
    equipment`` and ``按公平值計入損益之金融資產`` as ``按公允值计入损益金融资产``."""
    text = " ".join(unicodedata.normalize("NFKC", label).lower().split())
    english, chinese = _wording_rules()
    if re.search("[a-z]", text):
        for pattern, replacement in english:
            text = " ".join(pattern.sub(replacement, text).split())
    text = normalize(text)
    for pattern, replacement in chinese:
        text = pattern.sub(replacement, text)
    return text


def join_wrapped(*parts: str) -> str:
    """A label printed over several lines, rejoined: a space between English words
    (``Exchange differences arising on`` + ``translation of …``), none between Chinese characters."""
    out = ""
    for part in (p.strip() for p in parts):
        if out and part and re.match(r"[A-Za-z0-9(]", part) and re.search(r"[A-Za-z0-9,)]$", out):
            out += " "
        out += part
    return out


_CJK = "\u3400-\u9fff\uf900-\ufaff"
_ENGLISH_FIRST = re.compile(rf"^([^{_CJK}]*?[A-Za-z]{{3}}[^{_CJK}]*?)\s*([{_CJK}][^A-Za-z]*)$")
_CHINESE_FIRST = re.compile(rf"^([{_CJK}][^A-Za-z]*?)\s*([(（]?[A-Za-z]{{3}}[^{_CJK}]*)$")


def bilingual_parts(label: str) -> tuple[str, str] | None:
    """A label printed in both languages on one line, as bilingual Hong Kong reports print every row
    (``Cost of sales 銷售成本``, ``毛利 Gross profit``): its Chinese and its English wording; None
    for a label in one language (a Chinese label with a short Latin code, ``H股``, is one language)."""
    text = label.strip()
    m = _ENGLISH_FIRST.match(text)
    if m:
        english, chinese = m.group(1), m.group(2)
    else:
        m = _CHINESE_FIRST.match(text)
        if not m:
            return None
        chinese, english = m.group(1), m.group(2)
    if len(re.findall(f"[{_CJK}]", chinese)) < 2:
        return None
    return chinese.strip(" |｜/"), english.strip(" |｜/")


def script(text: str) -> str | None:
    """The one script a label is printed in: "zh" (CJK, no Latin words), "en" (Latin words, no CJK),
    or None for a label in both or in neither."""
    cjk = re.search(f"[{_CJK}]", text) is not None
    latin = re.search(r"[A-Za-z]{2}", text) is not None
    return None if cjk == latin else ("zh" if cjk else "en")


def is_breakdown(label: str) -> bool:
    """Whether a printed row label opens with 其中 (of which, including)."""
    return label.lstrip().lower().startswith(_BREAKDOWN)


def without_parenthetical(label: str) -> str:
    """The label with parenthesised qualifiers removed, e.g. 基本(以每股人民币列示) → 基本."""
    return re.sub(r"\([^()]*\)", "", label)
