"""OpenDocument text (.odt): headings, paragraphs, list items and (optionally) table cells in order.

Left out: headers and footers (they live in styles.xml, never read), comments (``office:annotation``),
footnotes and endnotes (``text:note``), the deleted text that tracked changes keep
(``text:tracked-changes``). Parsed with odfpy.
"""

from __future__ import annotations

from pathlib import Path

from . import Extracted, FormatError, join_lines
from .zipped import open_checked_zip, read_member

KIND = ".odt"
TEXT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
PARAGRAPHS = {(TEXT_NS, "p"), (TEXT_NS, "h")}
SKIPPED = {(OFFICE_NS, "annotation"), (OFFICE_NS, "annotation-end"), (TEXT_NS, "note"),
           (TEXT_NS, "tracked-changes"), (TEXT_NS, "bookmark-ref"), (TEXT_NS, "sequence-decls")}


def extract(path: Path, *, tables: bool = True, **_options) -> Extracted:
    """The body text of an .odt file; ``tables=False`` leaves table cells out."""
    _check_container(path)
    from odf.opendocument import load

    try:
        document = load(str(path))
    except Exception as exc:  # odfpy raises zipfile, xml.sax and attribute errors on damaged files
        raise FormatError(f"damaged .odt file ({exc.__class__.__name__}); open it and save it again") from exc
    lines: list[str] = []
    _block_lines(document.text, tables, lines)
    return Extracted(text=join_lines(lines), title=_title(document), author=_meta_text(document, "Creator"),
                     date=_meta_text(document, "Date")[:10])


def _check_container(path: Path) -> None:
    with open_checked_zip(path, KIND, ".odt") as archive:
        mimetype = read_member(archive, "mimetype", KIND).decode("ascii", "replace").strip()
        if mimetype not in TEXT_MIMETYPES:
            raise FormatError(f"not an OpenDocument text but {mimetype or 'an unknown zip'}; "
                              "open it and save it as .odt (Writer)")
        read_member(archive, "content.xml", KIND)


def _block_lines(element, tables: bool, lines: list[str]) -> None:
    """Append one line per paragraph or heading under ``element`` (lists, sections, cells descend)."""
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in SKIPPED:
            continue
        if qname in PARAGRAPHS:
            lines.append(paragraph_text(child))
        elif qname[0] == TABLE_NS and qname[1] == "table" and not tables:
            continue
        else:
            _block_lines(child, tables, lines)


def paragraph_text(element) -> str:
    """The visible text of one paragraph: spans and links kept, ``text:s`` spaces, tabs and breaks."""
    parts: list[str] = []
    _collect(element, parts)
    return "".join(parts)


MAX_SPACES = 1_000  # a text:s of c="2000000000" would otherwise ask for two gigabytes of spaces


def _space_count(c: str) -> int:
    """``text:s``'s count of spaces: 1 when absent or not a number, at most :data:`MAX_SPACES`."""
    c = (c or "").strip()
    return min(int(c), MAX_SPACES) if c.isascii() and c.isdigit() else 1


def _collect(element, parts: list[str]) -> None:
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(child.data)
            continue
        qname = getattr(child, "qname", None)
        if qname is None or qname in SKIPPED:
            continue
        name = qname[1] if qname[0] == TEXT_NS else None
        if name == "s":
            parts.append(" " * _space_count(child.getAttribute("c")))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif qname in PARAGRAPHS:  # a paragraph inside a frame or text box
            parts.append("\n")
            _collect(child, parts)
            parts.append("\n")
        else:
            _collect(child, parts)


def _title(document) -> str:
    return _meta_text(document, "Title")


def _meta_text(document, element: str) -> str:
    """The text of a Dublin Core element of the document's meta.xml (``Title``, ``Creator``, ``Date``), or ""."""
    from odf import dc

    nodes = document.meta.getElementsByType(getattr(dc, element))
    return "".join(str(node) for node in nodes[0].childNodes).strip() if nodes else ""
