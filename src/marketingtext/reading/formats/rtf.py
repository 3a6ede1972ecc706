"""Rich Text Format (.rtf) via striprtf: text with paragraphs; headers, footers, footnotes and
annotations (comments) are RTF destinations that striprtf leaves out. Tables come out as cell text
separated by ``|``; with ``tables=False`` they are kept all the same (striprtf cannot tell them apart).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import Extracted, FormatError, join_lines


def extract(path: Path, **_options) -> Extracted:
    """The text of an .rtf file."""
    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise FormatError("not an RTF file (it does not start with {\\rtf); open it and save it as .rtf or .docx")
    from striprtf.striprtf import rtf_to_text

    codepage = re.search(rb"\\ansicpg(\d+)", data[:2000])
    encoding = f"cp{codepage.group(1).decode()}" if codepage else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf is a regex scanner; anything it trips on is a damaged file
        raise FormatError(f"damaged RTF file ({exc.__class__.__name__}); open it and save it again") from exc
    return Extracted(text=join_lines(text.split("\n")))
