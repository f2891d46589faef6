"""Text normalization shared by the steps: width, script, spacing."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from opencc import OpenCC

_T2S = OpenCC("t2s")
_SPACE = re.compile(r"\s+")


def _changed_characters(converter: OpenCC) -> frozenset[str] | None:
    """The characters some rule of the converter changes (in a phrase rule, those it changes, or all
    of its characters when it changes the length): a text with none of them converts to itself, so
    simplified text need not go through the converter. None when the dictionaries cannot be read."""
    converter.convert("測")  # the dictionaries load on first use
    out: set[str] = set()
    try:
        for chain in converter._dict_chain_data:
            for *_, rules in chain:
                for key, value in rules.items():
                    first = value.split(" ")[0]  # alternatives: the converter takes the first
                    if len(key) == len(first):
                        out.update(a for a, b in zip(key, first, strict=True) if a != b)
                    else:
                        out.update(key)
    except (AttributeError, TypeError, ValueError):
        return None
    return frozenset(out)


_CHANGED = _changed_characters(_T2S)


_QUOTES = str.maketrans({c: "'" for c in "’‘´`′"})


@cache
def simplified(text: str) -> str:
    """NFKC (full-width → half-width), traditional → simplified Chinese, no whitespace, typographic
    apostrophes as ' (RMB’000 reads as RMB'000)."""
    flat = _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES))
    if flat.isascii() or (_CHANGED is not None and _CHANGED.isdisjoint(flat)):
        return flat  # nothing any rule would change
    return str(_T2S.convert(flat))


_SPACES = str.maketrans({c: " " for c in "\t\u00a0\u2007\u202f\u3000"})


def as_spaces(text: str) -> str:
    """Tabs and no-break, figure and ideographic spaces as plain spaces, one for one (offsets hold):
    a tab-separated table reads as a spaced one."""
    return text.translate(_SPACES)
