"""The input errors no other test reached (issue 31): the file-size limit, the zip-bomb limit, web pages
without main text or with damaged markup, old binary Office files and files that only claim to be PDFs.

Each is a real file of that kind, read by ``read_source`` as the CLI reads it: one problem line that names
the cause and the fix, never a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from marketingtext.reading.decode import InputProblem, SourceText, read_source

from .format_writers import SHORT, write_docx

ARTICLE = ("<html><head><title>Markt</title></head><body><article><h1>Der Markt</h1>"
           + "".join(f"<p>{SHORT[0]} Absatz {n} erzählt vom Handel.</p>" for n in range(8))
           + "</article></body></html>")
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the Compound File header of .doc, .xls, .ppt before 2007


def problem_of(path: Path) -> str:
    result = read_source(str(path))
    assert isinstance(result, InputProblem), result
    assert "\n" not in str(result) and str(result).startswith(str(path))
    return result.message


def test_the_file_size_limit_refuses_one_byte_over_and_reads_the_limit(tmp_path, monkeypatch):
    page = tmp_path / "artikel.html"
    page.write_text(ARTICLE, encoding="utf-8")
    size = page.stat().st_size
    monkeypatch.setenv("MTEXT_MAX_FILE_BYTES", str(size - 1))
    message = problem_of(page)
    assert message.startswith("file too large") and "MTEXT_MAX_FILE_BYTES" in message
    monkeypatch.setenv("MTEXT_MAX_FILE_BYTES", str(size))
    assert isinstance(read_source(str(page)), SourceText)
    monkeypatch.setenv("MTEXT_MAX_FILE_BYTES", "kein Wert")  # not a number: the default limit (200 MB) holds
    assert isinstance(read_source(str(page)), SourceText)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    """A .docx whose one member unpacks to 501 MB of zeros (about 0.5 MB packed): over the 500 MB limit."""
    bomb = tmp_path / "bombe.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = bytes(1_000_000)
            for _ in range(501):
                member.write(chunk)
    assert bomb.stat().st_size < 5_000_000
    assert problem_of(bomb) == ".docx file unpacks to 501 MB (limit 500 MB); split the document"


def test_an_ordinary_docx_passes_the_zip_checks(tmp_path):
    assert isinstance(read_source(str(write_docx([SHORT], tmp_path / "gut.docx"))), SourceText)


def test_a_web_page_without_main_text(tmp_path):
    page = tmp_path / "leer.html"
    page.write_text("<html><head><title>Leer</title></head><body><script>var x = 1;</script></body></html>",
                    encoding="utf-8")
    assert problem_of(page).startswith("no main text found in this page")
    assert "--keep-boilerplate" in problem_of(page)


def test_a_web_page_whose_markup_the_parser_rejects_is_damaged(tmp_path, monkeypatch):
    """lxml's own parser error, raised where trafilatura parses (no real page is known that makes it raise)."""
    import trafilatura
    from lxml.etree import ParserError

    def rejects(*_args, **_kwargs):
        raise ParserError("Document is empty")

    monkeypatch.setattr(trafilatura, "bare_extraction", rejects)
    page = tmp_path / "kaputt.html"
    page.write_text(ARTICLE, encoding="utf-8")
    assert problem_of(page) == "damaged web page (ParserError); save the page again"


def test_a_binary_file_named_html(tmp_path):
    page = tmp_path / "bild.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert problem_of(page).startswith("binary file, not a web page")


@pytest.mark.parametrize(("name", "save_as"), [("alt.docx", ".docx"), ("alt.odt", ".odt")])
def test_an_old_binary_office_file_renamed(tmp_path, name, save_as):
    path = tmp_path / name
    path.write_bytes(OLE_HEADER + bytes(504))
    message = problem_of(path)
    assert message.startswith("an old binary Office file") and message.endswith(f"save it as {save_as}")


def test_a_text_file_named_pdf(tmp_path):
    path = tmp_path / "bericht.pdf"
    path.write_text("Das ist kein PDF, sondern ein Text.\n", encoding="utf-8")
    assert problem_of(path).startswith("not a PDF file (no %PDF header")
