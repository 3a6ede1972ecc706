"""PDF via pypdf: the text layer, as paragraphs.

pypdf was chosen over pdfplumber and pdfminer.six because it kept German word spacing best on the
essays typeset by the tests' writer (bench/pdf_spacing.py) and is the fastest of the three.
Left out: running headers and footers (lines at a page's top or bottom that repeat on most pages),
page numbers, annotations and form fields. Words hyphenated at line ends are joined again; paragraph
breaks come from larger line gaps and short sentence-final lines (formats/pdf_layout.py).
"""

from __future__ import annotations

from pathlib import Path

from . import Extracted, FormatError, env_limit
from .pdf_layout import Line, drop_running_lines, paragraphs

MAX_PAGES = 2000
MAX_PAGES_ENV = "MTEXT_PDF_MAX_PAGES"
# Fewer visible characters than this per page on average: the pages are images (a scan).
MIN_CHARS_PER_PAGE = 20


def extract(path: Path, **_options) -> Extracted:
    """Paragraph text, title and page count of a PDF with a text layer."""
    reader = _open(path)
    try:
        count = len(reader.pages)
    except Exception as exc:  # a broken page tree
        raise _damaged(exc) from exc
    limit = env_limit(MAX_PAGES_ENV, MAX_PAGES)
    if count > limit:
        raise FormatError(f"PDF too long ({count} pages, limit {limit}); split it (e.g. qpdf --split-pages) "
                          f"or raise the limit with {MAX_PAGES_ENV}")
    pages = [_page_lines(page) for page in _pages(reader)]
    visible = sum(len("".join(line.text.split())) for page in pages for line in page)
    if visible < MIN_CHARS_PER_PAGE * max(count, 1):
        raise FormatError("no text layer: run OCR first (e.g. ocrmypdf in.pdf out.pdf)")
    text = paragraphs(drop_running_lines(pages))
    return Extracted(text=text, title=_title(reader), pages=count, author=_info(reader, "/Author"),
                     date=_pdf_date(_info(reader, "/CreationDate")))


def _open(path: Path):
    import logging

    import pypdf
    from pypdf.errors import PdfReadError

    # pypdf logs repairs ("EOF marker not found") as warnings; mtext says one line per bad file instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    with path.open("rb") as handle:  # the header only: a PDF may be hundreds of megabytes
        header = handle.read(1024)
    if not header.lstrip().startswith(b"%PDF"):
        raise FormatError("not a PDF file (no %PDF header; damaged or renamed?); export it again as PDF")
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise _damaged(exc) from exc
    if reader.is_encrypted:
        _decrypt(reader)
    return reader


def _decrypt(reader) -> None:
    """Open a PDF encrypted without a user password (owner restrictions only); refuse the rest."""
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except DependencyError as exc:
        raise FormatError("encrypted PDF (AES) and the 'cryptography' package is missing; "
                          "pip install cryptography, or save an unencrypted copy") from exc
    except Exception as exc:
        raise FormatError(f"encrypted PDF that cannot be opened ({exc.__class__.__name__}); "
                          "save an unencrypted copy (e.g. qpdf --decrypt)") from exc
    if not opened:
        raise FormatError("encrypted PDF: it needs a password; save an unencrypted copy "
                          "(e.g. qpdf --decrypt --password=… in.pdf out.pdf)")


def _pages(reader):
    try:
        yield from reader.pages
    except Exception as exc:
        raise _damaged(exc) from exc


def _page_lines(page) -> list[Line]:
    """The page's text lines in text-layer order, each with the height of its first piece."""
    lines: list[Line] = []
    parts: list[str] = []
    heights: list[float] = []

    def visit(text, cm, tm, _font, _size):
        if "\n" in text:
            for i, piece in enumerate(text.split("\n")):
                if i:
                    _close()
                _add(piece, cm, tm)
        else:
            _add(text, cm, tm)

    def _add(piece, cm, tm):
        if piece:
            if not parts or not "".join(parts).strip():
                heights.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            parts.append(piece)

    def _close():
        text = "".join(parts)
        if text.strip():
            lines.append(Line(text, heights[-1] if heights else 0.0))
        parts.clear()
        heights.clear()

    try:
        page.extract_text(visitor_text=visit)
    except Exception as exc:  # broken content streams, fonts or images
        raise _damaged(exc) from exc
    _close()
    return lines


def _title(reader) -> str:
    return _info(reader, "/Title")


def _info(reader, key: str) -> str:
    """One entry of the PDF's info dictionary as text, "" when missing or unreadable."""
    try:
        return str((reader.metadata or {}).get(key) or "").strip()
    except Exception:  # unreadable metadata is no reason to lose the text
        return ""


def _pdf_date(value: str) -> str:
    """A PDF date (``D:20261203120000+01'00'``) as ``yyyy-mm-dd``; "" when it is not one."""
    import re

    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value)
    if not match or not ("01" <= match.group(2) <= "12" and "01" <= match.group(3) <= "31"):
        return ""
    return "-".join(match.groups())


def _damaged(exc: Exception) -> FormatError:
    return FormatError(f"damaged PDF ({exc.__class__.__name__}: {str(exc)[:80]}); "
                       "repair it (e.g. qpdf in.pdf out.pdf) or export it again")
