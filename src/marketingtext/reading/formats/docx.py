"""Word .docx: body paragraphs and (optionally) table cells in document order.

Left out: headers and footers (own parts, never read), comments and footnotes (own parts; only
their reference marks stand in the body), tracked deletions (``w:del``, ``w:moveFrom``), field
codes (``w:instrText``) and the fallback copy of text boxes (``mc:Fallback``). Tracked insertions
are kept: they are the text as it reads now. Parsed with python-docx's lxml-based package reader.
"""

from __future__ import annotations

from pathlib import Path

from . import Extracted, FormatError, join_lines
from .zipped import open_checked_zip

KIND = ".docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", MC_FALLBACK,
           f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference"}
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"


def extract(path: Path, *, tables: bool = True, **_options) -> Extracted:
    """The body text of a .docx file; ``tables=False`` leaves table cells out."""
    _check_container(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise FormatError(f"not a Word document ({exc}); open it and save it as .docx") from exc
    except Exception as exc:  # lxml and zipfile raise many kinds on damaged parts
        raise FormatError(f"damaged .docx file ({exc.__class__.__name__}); open it in Word and save it again") from exc
    lines: list[str] = []
    _block_lines(document.element.body, tables, lines)
    properties = document.core_properties
    created = properties.created
    return Extracted(text=join_lines(lines), title=(properties.title or "").strip(),
                     author=(properties.author or "").strip(), date=created.strftime("%Y-%m-%d") if created else "")


def _check_container(path: Path) -> None:
    """A zip whose main part is a Word document (not a spreadsheet or any other zip renamed)."""
    with open_checked_zip(path, KIND, ".docx") as archive:
        names = set(archive.namelist())
        if "[Content_Types].xml" not in names:
            raise FormatError("not a Word document: a zip without Office content types (another zip renamed "
                              "to .docx?); open it in Word and save it as .docx")
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        if WORD_MAIN not in types and WORD_MACRO not in types:
            raise FormatError("not a Word document: the Office zip holds no Word main part (a spreadsheet or "
                              "presentation renamed?); save it as .docx from Word")


def _block_lines(container, tables: bool, lines: list[str]) -> None:
    """Append the text of paragraphs and tables under ``container`` (body, cell, content control)."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            lines.append(paragraph_text(child))
        elif tag == f"{W}tbl":
            if tables:
                for cell in child.iter(f"{W}tc"):
                    if _owning_table(cell) is child:
                        _block_lines(cell, tables, lines)
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _block_lines(child, tables, lines)


def _owning_table(cell):
    parent = cell.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def paragraph_text(paragraph) -> str:
    """The visible text of one ``w:p``: runs, hyperlinks, insertions; tabs and breaks as whitespace."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}p":  # a paragraph inside a text box
            parts.append("\n")
            _collect(child, parts)
            parts.append("\n")
        else:
            _collect(child, parts)
