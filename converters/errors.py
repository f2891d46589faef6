"""Conversion errors with stable codes: one line of reason, never a traceback."""

from __future__ import annotations


class ConversionError(Exception):
    """A file that cannot be converted, with a stable machine-readable code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
