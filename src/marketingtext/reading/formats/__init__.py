"""Readers for document formats other than plain text: Word, OpenDocument, PDF, web pages, RTF.

One interface: ``extract(path) -> Extracted(text, title, pages, author, date)``, raising :class:`FormatError`
whose message is one line that says what is wrong and how to fix it. The registry
:data:`READERS` maps a file suffix to its reader. Every reader imports its library inside the
function, so importing this package (and ``mtext --help``) stays fast.

What each reader keeps and drops is listed in the README's formats table; in short: body text
in reading order, with headings, list items and table cells as their own lines; no headers,
footers, comments, footnotes or tracked deletions; for web pages the main text only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Larger files are refused before parsing: a reader holds the whole document in memory.
MAX_FILE_BYTES = 200_000_000
MAX_BYTES_ENV = "MTEXT_MAX_FILE_BYTES"


@dataclass(frozen=True)
class Extracted:
    """The text of one document, as its reader found it (not yet normalised or stripped)."""

    text: str  # paragraphs separated by "\n"
    title: str = ""  # the document's own title (metadata or <title>), "" when it has none
    pages: int | None = None  # PDF only
    author: str = ""  # the document's own author (core properties, PDF info, HTML meta), "" when it has none
    date: str = ""  # its date as yyyy-mm-dd (created/published), "" when it has none


class FormatError(Exception):
    """A file of a known format that cannot be read; ``str(error)`` is the one-line reason with its fix."""


Reader = Callable[..., Extracted]


def _reader(module: str) -> Reader:
    """The ``extract`` function of ``formats.<module>``, imported on first use."""

    def read(path: Path, **options) -> Extracted:
        from importlib import import_module

        return import_module(f"{__name__}.{module}").extract(path, **options)

    read.__name__ = f"{module}_extract"
    return read


READERS: dict[str, Reader] = {
    ".docx": _reader("docx"),
    ".odt": _reader("odt"),
    ".pdf": _reader("pdf"),
    ".html": _reader("html"),
    ".htm": _reader("html"),
    ".xhtml": _reader("html"),
    ".rtf": _reader("rtf"),
}
# The name of each format as the docs table shows it.
FORMAT_NAMES = {".docx": "docx", ".odt": "odt", ".pdf": "pdf", ".html": "html", ".htm": "html",
                ".xhtml": "html", ".rtf": "rtf"}
FORMAT_GLOBS = tuple(f"*{suffix}" for suffix in READERS)


def format_of(path: str | Path) -> str | None:
    """The format name for ``path``'s suffix (``docx``, ``pdf``, …), or None for plain text files."""
    return FORMAT_NAMES.get(Path(path).suffix.lower())


def extract(path: str | Path, *, tables: bool = True, keep_boilerplate: bool = False) -> Extracted:
    """Read the text of a document in any registered format.

    ``tables``: include the text of table cells (one line per cell). ``keep_boilerplate``: for web
    pages, the whole page's text instead of the main text. Raises :class:`FormatError`.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise FormatError(f"no reader for {path.suffix or 'files without a suffix'}; "
                          f"convert it to one of {', '.join(sorted(READERS))} or .txt")
    check_size(path)
    return reader(path, tables=tables, keep_boilerplate=keep_boilerplate)


def check_size(path: Path) -> None:
    """Refuse files above the byte limit (``MTEXT_MAX_FILE_BYTES`` overrides it)."""
    limit = env_limit(MAX_BYTES_ENV, MAX_FILE_BYTES)
    size = path.stat().st_size
    if size > limit:
        raise FormatError(f"file too large ({size / 1e6:.0f} MB, limit {limit / 1e6:.0f} MB); "
                          f"split it, or raise the limit with {MAX_BYTES_ENV}")


def env_limit(name: str, default: int) -> int:
    """A positive integer limit from the environment, else ``default``."""
    try:
        value = int(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def join_lines(lines: list[str]) -> str:
    """Paragraphs one per line, stripped; empty paragraphs (blank lines a writer typed) kept, but one at most."""
    text = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
