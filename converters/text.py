"""Text normalization shared by the steps: width, script, spacing."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from opencc import OpenCC

_T2S = OpenCC("t2s")
_SPACE = re.compile(r"\s+")


_QUOTES = str.maketrans({c: "'" for c in "’‘´`′"})


@cache
def simplified(text: str) -> str:
    """NFKC (full-width → half-width), traditional → simplified Chinese, no whitespace, typographic
    apostrophes as ' (RMB’000 reads as RMB'000)."""
    flat = _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES))
    return flat if flat.isascii() else str(_T2S.convert(flat))  # no Chinese: nothing to convert


_SPACES = str.maketrans({c: " " for c in "\t\u00a0\u2007\u202f\u3000"})


def as_spaces(text: str) -> str:
    """Tabs and no-break, figure and ideographic spaces as plain spaces, one for one (offsets hold):
    a tab-separated table reads as a spaced one."""
    return text.translate(_SPACES)
