"""Text normalization shared by the steps: width, script, spacing."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from opencc import OpenCC

_T2S = OpenCC("t2s")
_SPACE = re.compile(r"\s+")


@cache
def simplified(text: str) -> str:
    """NFKC (full-width → half-width), traditional → simplified Chinese, no whitespace."""
    return str(_T2S.convert(_SPACE.sub("", unicodedata.normalize("NFKC", text))))
