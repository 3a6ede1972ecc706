"""Cutting long texts at natural boundaries: after a blank line, else a line break, a sentence end
or a space; hard only where a piece has none of them.

Two sizes use it. The pipeline parses a text in pieces of at most :data:`CHUNK_CHARS` and joins
them into one Doc (spaCy's ``max_length`` never bites). A text over :data:`PART_CHARS` (a long book)
is analysed as several documents, its *parts*: parsing a million characters into one Doc peaks about
370 MB above a small run (bench/memory.py, offline pipeline), so one Doc per part keeps a run's
memory independent of the file's size.
"""

from __future__ import annotations

import re

CHUNK_CHARS = 100_000
PART_CHARS = 1_000_000
_BOUNDARIES = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…][\"“”»)]*\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters whose concatenation is ``text``.

    A cut is taken only in the last three quarters of a window, so no piece is tiny.
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = _last_boundary(text, start + limit // 4, start + limit) or start + limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _last_boundary(text: str, low: int, high: int) -> int | None:
    """The end of the last boundary match in ``text[:high]`` that ends after ``low``, by preference."""
    for pattern in _BOUNDARIES:
        last = None
        for match in pattern.finditer(text, low, high):
            last = match
        if last is not None and last.end() > low:
            return last.end()
    return None
