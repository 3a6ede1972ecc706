"""Bad files of every format: one problem line each, never a traceback; the CLI goes on and exits 1."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from marketingtext.reading.decode import DEFAULT_GLOBS, InputProblem, find_files, read_source
from marketingtext.reading.formats import FORMAT_GLOBS

from .format_writers import RUNNING_HEADER, SHORT, WRITERS, squashed, write_docx, write_pdf


def build_bad_files(folder: Path) -> dict[str, str]:
    """Bad files of every kind, each with a phrase its problem line must contain."""
    import pypdf
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    good_pdf = write_pdf(SHORT * 3, folder / "vorlage.pdf.tmp")
    writer = pypdf.PdfWriter(clone_from=str(good_pdf))
    writer.encrypt(user_password="geheim", owner_password="chef", algorithm="AES-256")
    writer.write(folder / "verschluesselt.pdf")
    data = good_pdf.read_bytes()
    (folder / "abgeschnitten.pdf").write_bytes(data[: len(data) // 3])
    good_pdf.unlink()
    scan = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(scan).text((50, 50), "Eingescannte Seite", fill=0)
    scan.save(folder / "scan.png")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(folder / "scan.png"), x=10, y=10, w=180)
    pdf.output(str(folder / "scan.pdf"))
    (folder / "scan.png").unlink()
    write_pdf(SHORT * 30, folder / "dick.pdf")  # three pages; the tests set the page limit to 2
    with zipfile.ZipFile(folder / "fotos.docx", "w") as archive:
        archive.writestr("urlaub/bild1.jpg", b"\xff\xd8\xff" + bytes(200))
    with zipfile.ZipFile(folder / "tabelle.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    (folder / "notiz.rtf").write_text("Nur ein Satz ohne RTF.", encoding="utf-8")
    return {"verschluesselt.pdf": "encrypted PDF: it needs a password", "abgeschnitten.pdf": "damaged PDF",
            "scan.pdf": "no text layer: run OCR first", "dick.pdf": "PDF too long (3 pages, limit 2)",
            "fotos.docx": "not a Word document", "tabelle.odt": "not an OpenDocument text",
            "notiz.rtf": "not an RTF file"}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("schlecht")
    return folder, build_bad_files(folder)


def test_each_bad_file_is_one_problem_with_its_reason(bad_folder, monkeypatch):
    folder, expected = bad_folder
    monkeypatch.setenv("MTEXT_PDF_MAX_PAGES", "2")
    for name, phrase in expected.items():
        result = read_source(str(folder / name))
        assert isinstance(result, InputProblem), name
        assert phrase in result.message, (name, result.message)
        assert "\n" not in str(result)


def test_cli_skips_bad_files_with_one_line_each_exit_1_and_reads_the_good(bad_folder, cache_dir, tmp_path):
    folder, expected = bad_folder
    good = tmp_path / "eingang"
    good.mkdir()
    for name in expected:
        (good / name).write_bytes((folder / name).read_bytes())
    write_docx(SHORT, good / "brief.docx")
    write_pdf(SHORT, good / "artikel.pdf")
    out = tmp_path / "docs.csv"
    result = subprocess.run([sys.executable, "-m", "marketingtext", "docs", str(good), "-o", str(out),
                             "--cache-dir", str(cache_dir)], capture_output=True, timeout=600,
                            env={**os.environ, "MTEXT_PDF_MAX_PAGES": "2"})
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    skipped = [line for line in stderr.splitlines() if line.startswith("mtext: skipped")]
    assert len(skipped) == len(expected), stderr
    for name, phrase in expected.items():
        assert any(name in line and phrase in line for line in skipped), (name, stderr)
    table = pd.read_csv(out)
    assert sorted(table["doc"]) == ["artikel", "brief"]
    row = table.set_index("doc")
    assert row.loc["artikel", "format"] == "pdf" and row.loc["artikel", "pages"] == 1
    assert row.loc["brief", "format"] == "docx" and pd.isna(row.loc["brief", "pages"])
    assert row.loc["brief", "chars_dropped"] == 0
    # a one-page PDF's header line is its headline: kept as its title, out of the prose (with its line break)
    assert row.loc["artikel", "title"] == RUNNING_HEADER
    assert row.loc["artikel", "chars_dropped"] == len(RUNNING_HEADER) + 1


def test_default_globs_take_every_format_but_not_lock_files_or_saved_page_assets(tmp_path):
    for fmt, writer in WRITERS.items():
        writer(SHORT, tmp_path / f"text.{fmt}")
    (tmp_path / "~$text.docx").write_bytes(b"\x05Owner" + bytes(150))
    (tmp_path / "text_files").mkdir()  # what a browser saves next to text.html
    (tmp_path / "text_files" / "werbung.html").write_text("<html><body>Jetzt kaufen!</body></html>")
    (tmp_path / "notiz.txt").write_text(SHORT[0], encoding="utf-8")
    assert {f"*.{fmt}" for fmt in WRITERS} <= set(FORMAT_GLOBS) <= set(DEFAULT_GLOBS)
    found = sorted(Path(p).name for p in find_files([str(tmp_path)]))
    assert found == ["notiz.txt", "text.docx", "text.html", "text.odt", "text.pdf", "text.rtf"]


def test_owner_password_only_pdf_is_read(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(write_pdf(SHORT, tmp_path / "offen.pdf", header=None)))
    writer.encrypt(user_password="", owner_password="chef", algorithm="AES-128")
    writer.write(tmp_path / "gesperrt.pdf")
    assert squashed(read_source(str(tmp_path / "gesperrt.pdf")).text) == squashed(" ".join(SHORT))


@pytest.mark.parametrize("count, spaces", [("3", 3), ("2000000000", 1_000), ("zwei", 1), ("", 1), ("³", 1)])
def test_odt_space_runs_are_capped_and_bad_counts_read_as_one(tmp_path, count, spaces):
    """``<text:s text:c="2000000000"/>`` in a crafted .odt asked for two gigabytes of spaces; a count that is no
    number (also a superscript digit) was a ValueError."""
    from odf.opendocument import OpenDocumentText
    from odf.text import P, S

    from marketingtext.reading.formats import extract

    document = OpenDocumentText()
    paragraph = P(text="Der Markt")
    paragraph.addElement(S())
    paragraph.addText("wächst.")
    document.text.addElement(paragraph)
    path = tmp_path / "leer.odt"
    document.save(str(path))
    if count:  # odfpy checks c's type: write the crafted value into content.xml itself
        import zipfile

        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        members["content.xml"] = members["content.xml"].replace(b"<text:s/>", f'<text:s text:c="{count}"/>'.encode())
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    assert extract(path).text == "Der Markt" + " " * spaces + "wächst."
