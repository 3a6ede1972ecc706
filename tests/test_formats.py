"""Reading Word, OpenDocument, PDF, web pages and RTF: real files built here, read back through read_source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marketingtext.reading.decode import SourceText, read_source
from marketingtext.reading.formats import extract

from .conftest import RAW
from .format_writers import (
    RUNNING_HEADER,
    WRITERS,
    essay_lines,
    squashed,
    write_html,
    write_pdf,
    write_pdf_multi_cell,
)

ESSAY = RAW / "000_c44f16a2d46a17b4.txt"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def prose(path: Path) -> str:
    """The essay's text as read from its .txt file (boilerplate stripped), whitespace squashed."""
    source = read_source(str(path))
    assert isinstance(source, SourceText)
    return squashed(source.text)


# --- each format: the essay's prose comes back -------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_essay_round_trip_gives_the_source_prose(fmt, tmp_path):
    path = WRITERS[fmt](essay_lines(ESSAY), tmp_path / f"essay.{fmt}")
    source = read_source(str(path))
    assert isinstance(source, SourceText), source
    assert source.format == fmt
    assert squashed(source.text) == prose(ESSAY)
    assert (source.pages is not None) == (fmt == "pdf")


def test_pdf_with_fpdf2s_own_justified_paragraphs_gives_the_source_prose(tmp_path):
    # space glyphs widened by justification come out doubled from the text layer; they must not stay
    source = read_source(str(write_pdf_multi_cell(essay_lines(ESSAY), tmp_path / "blocksatz.pdf")))
    assert "  " not in source.text
    assert squashed(source.text) == prose(ESSAY)


def test_html_page_keeps_title_and_article_but_drops_navigation_banner_and_comments(tmp_path):
    path = write_html(essay_lines(ESSAY), tmp_path / "blog.html", heading="Marketing 4.0 – eine Suche",
                      title="Marketing 4.0 – eine Suche | Beispiel-Blog")
    source = read_source(str(path))
    assert source.title == "Marketing 4.0 – eine Suche"
    # the <h1> headline is the document's title, kept as metadata and not analysed as a sentence
    assert squashed(source.text) == squashed(prose(ESSAY))
    for noise in ("Startseite", "Cookies", "Alle akzeptieren", "Toller Beitrag", "Versionsnummer",
                  "Kommentar abschicken", "Storytelling", "Impressum"):
        assert noise not in source.text
    whole_page = read_source(str(path), keep_boilerplate=True)
    assert "Startseite" in whole_page.text and "Toller Beitrag" in whole_page.text


def test_pdf_drops_running_header_and_page_numbers_and_rejoins_hyphenated_words(tmp_path):
    import pypdf

    path = write_pdf(essay_lines(ESSAY), tmp_path / "essay.pdf")
    raw_layer = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    # the typeset file really has what must be undone: split words, a header and "Seite n" on each page
    assert raw_layer.count(RUNNING_HEADER) == 3 and "Seite 3" in raw_layer
    assert any(line.endswith("-") and line[-2].islower() for line in raw_layer.split("\n"))
    source = read_source(str(path))
    assert source.pages == 3
    assert RUNNING_HEADER not in source.text and not re.search(r"Seite \d", source.text)
    assert "Werte-Orientierung" in source.text  # a compound split at its own hyphen keeps it


def test_docx_leaves_out_header_footer_comments_and_tracked_deletions(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Kopfzeile: Agentur Sonnenschein"
    document.sections[0].footer.paragraphs[0].text = "Fußzeile Seite 1"
    document.add_heading("Markenführung im Mittelstand", level=1)
    first = document.add_paragraph("Kleine Unternehmen pflegen ihre ")
    document.add_comment(first.add_run("Marke"), text="Quelle fehlt!", author="Lektorat")
    first.add_run(" oft nebenbei.")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    second = document.add_paragraph("Der Umsatz ")
    second._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="A"><w:r><w:delText>sank stark und </w:delText>'
                               f'</w:r></w:del>'))
    second._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="A"><w:r><w:t>stieg</w:t></w:r></w:ins>'))
    second.add_run(" im Jahr 2023.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Region Süd", "12 Filialen"
    path = tmp_path / "marke.docx"
    document.save(path)
    expected = ("Markenführung im Mittelstand\nKleine Unternehmen pflegen ihre Marke oft nebenbei.\n"
                "Der Umsatz stieg im Jahr 2023.\nRegion Süd\n12 Filialen")
    assert extract(path).text == expected
    assert extract(path, tables=False).text == expected.rsplit("\nRegion", 1)[0]
    assert "Filialen" not in read_source(str(path), tables=False).text


def test_odt_leaves_out_header_comments_footnotes_and_tracked_deletions(tmp_path):
    from odf import dc, office, style, table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Preispolitik"))
    layout = style.PageLayout(name="Seite")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(text="Kopfzeile: Lehrstuhl für Marketing"))
    master.addElement(header)
    document.masterstyles.addElement(master)
    changes = text.TrackedChanges()
    region = text.ChangedRegion(check_grammar=False)  # odfpy requires and forbids xml:id here
    region.setAttrNS(XML_NS, "id", "ct1")
    deletion = text.Deletion()
    deletion.addElement(text.P(text="Gelöschter Satz über Rabatte."))
    region.addElement(deletion)
    changes.addElement(region)
    document.text.addElement(changes)
    document.text.addElement(text.H(outlinelevel=1, text="Preise in Zeiten der Inflation"))
    paragraph = text.P(text="Händler erhöhen die Preise")
    note = text.Note(noteclass="footnote", id="n1")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="Laut Statistischem Bundesamt."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addText(" nur vorsichtig.")
    annotation = office.Annotation()
    annotation.addElement(text.P(text="Beleg nachtragen"))
    paragraph.addElement(annotation)
    document.text.addElement(paragraph)
    items = text.List()
    item = text.ListItem()
    item.addElement(text.P(text="Kund:innen vergleichen online."))
    items.addElement(item)
    document.text.addElement(items)
    grid = table.Table(name="Zahlen")
    row = table.TableRow()
    cell = table.TableCell()
    cell.addElement(text.P(text="Anstieg 7 %"))
    row.addElement(cell)
    grid.addElement(row)
    document.text.addElement(grid)
    path = tmp_path / "preise.odt"
    document.save(str(path))
    extracted = extract(path)
    assert extracted.title == "Preispolitik"
    assert extracted.text == ("Preise in Zeiten der Inflation\nHändler erhöhen die Preise nur vorsichtig.\n"
                              "Kund:innen vergleichen online.\nAnstieg 7 %")
    assert extract(path, tables=False).text.endswith("online.")


def test_rtf_decodes_umlauts_and_drops_header(tmp_path):
    path = tmp_path / "brief.rtf"
    path.write_text("{\\rtf1\\ansi\\ansicpg1252{\\header Kopfzeile der Agentur}\\pard Die Gr\\'f6\\'dfe des "
                    "Marktes \\u252?berrascht.\\par\\pard Zweiter Absatz.\\par}", encoding="ascii")
    assert extract(path).text == "Die Größe des Marktes überrascht.\nZweiter Absatz."


# --- the five essays in every format give the .txt keywords ------------------------------------------

def top_terms(folder: Path, pipeline, cache_dir: Path) -> dict[str, list[str]]:
    import marketingtext as mt

    table = mt.load(folder, pipeline=pipeline, cache_dir=cache_dir).keywords(top=10, scope="per-doc")
    return {doc: list(group.sort_values("rank")["term"]) for doc, group in table.groupby("doc")}


def test_five_essays_in_each_format_give_the_txt_keyword_top_10(pipeline, cache_dir, tmp_path):
    essays = sorted(RAW.glob("*.txt"))
    expected = top_terms(RAW, pipeline, cache_dir)
    assert len(expected) == 5 and all(len(terms) == 10 for terms in expected.values())
    for fmt, writer in WRITERS.items():
        folder = tmp_path / fmt
        folder.mkdir()
        for essay in essays:
            writer(essay_lines(essay), folder / f"{essay.stem}.{fmt}")
        assert top_terms(folder, pipeline, cache_dir) == expected, fmt
