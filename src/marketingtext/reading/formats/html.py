"""Saved web pages (.html, .htm) via trafilatura: the article's main text, with its title.

Left out: navigation, cookie banners, sidebars, footers, comment sections and forms (trafilatura's
main-text extraction, comments off). Headings inside the article (the <h1> too) stay in the text as
their own lines; list items come as "- item". ``keep_boilerplate=True`` gives the whole page's text.
"""

from __future__ import annotations

from pathlib import Path

from . import Extracted, FormatError, join_lines


def extract(path: Path, *, tables: bool = True, keep_boilerplate: bool = False, **_options) -> Extracted:
    """Main text and title of a saved web page."""
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError("binary file, not a web page; save the page as HTML or text")
    import trafilatura

    try:
        document = trafilatura.bare_extraction(data, include_comments=False, include_tables=tables,
                                               with_metadata=True, deduplicate=False)
        text = trafilatura.html2txt(data) if keep_boilerplate else (document.text if document else "")
    except Exception as exc:  # lxml parser errors on broken markup
        raise FormatError(f"damaged web page ({exc.__class__.__name__}); save the page again") from exc
    title = (document.title or "").strip() if document else ""
    author = (document.author or "").strip() if document else ""
    date = _iso_day(document.date) if document else ""
    if not (text or "").strip():
        raise FormatError("no main text found in this page; save the article as text, "
                          "or pass --keep-boilerplate to read the whole page")
    return Extracted(text=join_lines(text.split("\n")), title=title, author=author, date=date)


def _iso_day(value) -> str:
    """trafilatura's date (``2019-12-22`` or with a time) as ``yyyy-mm-dd``; "" when there is none."""
    text = str(value or "").strip()
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[7] == "-" else ""
