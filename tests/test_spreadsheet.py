"""A real spreadsheet opens mtext's files: LibreOffice Calc converts them headless, no cell is a formula.

Needs ``soffice`` (Debian: ``apt-get install -y --no-install-recommends libreoffice-calc-nogui``; .ci/run
installs it). Each file is converted to flat ODF (.fods) and the XML is read back cell by cell.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from marketingtext.output.writers import guard_cell, serialize, titled_sheets, write_tables, xml_safe

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice Calc missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui")

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
# How LibreOffice stores a boolean cell read from xlsx: a number with a TRUE()/FALSE() formula.
EMPTY = {"type": None, "value": None, "formula": None, "text": ""}
BOOLEAN_FORMULAS = {"of:=TRUE()", "of:=FALSE()"}
# German spreadsheet import: ';' separated, '"' quoted, UTF-8 (76), from line 1, German locale (1031).
GERMAN_CSV_FILTER = "CSV:59,34,76,1,,1031"

ATTACKS = pd.DataFrame({
    "text": ["=1+2", " =1+2", "\u00a0=SUMME(1;2)", "\uff1d1+2", "+49 30 1234", "-2+3", "@SUMME(1)",
             "\t=1+2", "Der Markt wächst.", "Markt\x0cwächst"],
    "score": [7.375, 1.5, -3.0, 0.0, 1e-7, 2.25, 100.0, 0.125, 4.5, 3.0],
    "count": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    "is_question": [True, False] * 5,
})


def convert(path: Path, out_dir: Path, infilter: str | None = None) -> dict[str, list[list[dict]]]:
    """``path`` converted by LibreOffice to .fods and read back: sheet name -> rows -> cells."""
    profile = out_dir / "lo-profile"
    command = [SOFFICE, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "fods",
               "--outdir", str(out_dir), str(path)]
    if infilter:
        command.insert(2, f"--infilter={infilter}")
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return read_fods(out_dir / f"{path.stem}.fods")


def read_fods(path: Path) -> dict[str, list[list[dict]]]:
    sheets = {}
    for table in ET.parse(path).getroot().iter(f"{{{NS['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{NS['table']}}}table-row"):
            cells = []
            for cell in row.iter(f"{{{NS['table']}}}table-cell"):
                info = {
                    "type": cell.get(f"{{{NS['office']}}}value-type"),
                    "value": cell.get(f"{{{NS['office']}}}value") or cell.get(f"{{{NS['office']}}}boolean-value"),
                    "formula": cell.get(f"{{{NS['table']}}}formula"),
                    "text": "\n".join(odf_text(p) for p in cell.iter(f"{{{NS['text']}}}p")),
                }
                repeat = int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
                if info["type"] is None and repeat > 100:  # the empty rest of the row
                    continue
                cells.extend([info] * repeat)
            if any(c["type"] for c in cells):
                rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [EMPTY] * (width - len(r)) for r in rows]  # empty cells at the end of a row
        sheets[table.get(f"{{{NS['table']}}}name")] = rows
    return sheets


def odf_text(element) -> str:
    """The text of an ODF paragraph, with its space, tab and line-break elements as characters."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{NS['text']}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def assert_no_formula(rows: list[list[dict]]) -> None:
    formulas = [c for row in rows for c in row if c["formula"] and c["formula"] not in BOOLEAN_FORMULAS]
    assert formulas == []


def test_excel_csv_in_german_calc_has_no_formula_and_numbers_stay_numbers(tmp_path: Path):
    path = tmp_path / "attacks.csv"
    path.write_bytes(serialize(ATTACKS, "csv", excel=True))
    [rows] = convert(path, tmp_path / "out", GERMAN_CSV_FILTER).values()
    assert_no_formula(rows)
    header, body = rows[0], rows[1:]
    assert [c["text"] for c in header] == list(ATTACKS.columns)
    assert len(body) == len(ATTACKS)
    for cells, (_, expected) in zip(body, ATTACKS.iterrows(), strict=True):
        text, score, count, is_question = cells[0], cells[1], cells[2], cells[3]
        assert text["type"] == "string"
        assert is_question["type"] == "boolean" and is_question["value"] == str(expected["is_question"]).lower()
        assert text["text"] == guard_cell(expected["text"]).replace("\x0c", "")  # Calc drops a form feed
        assert score["type"] == "float" and float(score["value"]) == pytest.approx(expected["score"])
        assert count["type"] == "float" and int(count["value"]) == expected["count"]
    # the dangerous cells arrive as text starting with the guard, the harmless ones unchanged
    assert body[0][0]["text"] == "'=1+2" and body[8][0]["text"] == "Der Markt wächst."


def test_tables_xlsx_in_calc_typed_cells_and_no_formula(tmp_path: Path, seed_tables):
    write_tables({**seed_tables, "attacks": ATTACKS}, tmp_path / "out")
    sheets = convert(tmp_path / "out" / "tables.xlsx", tmp_path / "lo")
    tables = titled_sheets({**seed_tables, "attacks": ATTACKS})  # each doc column has its title beside it
    assert list(sheets) == list(tables)
    assert [c["text"] for c in sheets["keywords"][0][:2]] == ["doc", "title"]
    assert "Marketing oder Markt machen?" in {row[1]["text"] for row in sheets["keywords"][1:]}
    for name, table in tables.items():
        rows = sheets[name]
        assert_no_formula(rows)
        assert [c["text"] for c in rows[0]] == list(table.columns)
        assert len(rows) == len(table) + 1
        for column_index, column in enumerate(table.columns):
            cells = [row[column_index] for row in rows[1:]]
            kind = table[column].dtype.kind
            if kind == "b":
                assert all(c["formula"] in BOOLEAN_FORMULAS for c in cells), column
                assert [c["formula"] == "of:=TRUE()" for c in cells] == table[column].tolist()
            elif kind in "if":
                values = [float(c["value"]) if c["type"] == "float" else float("nan") for c in cells]
                assert values == pytest.approx(table[column].tolist(), nan_ok=True), column
            else:
                expected = ["" if pd.isna(v) else xml_safe(str(v)) for v in table[column]]
                assert [c["text"] for c in cells] == expected, column
                assert {c["type"] for c in cells} <= {"string", None}, column
    attack_texts = [row[0]["text"] for row in sheets["attacks"][1:]]
    assert attack_texts[:3] == ["=1+2", " =1+2", "\u00a0=SUMME(1;2)"]
    assert attack_texts[-1] == "Markt\ufffdwächst"  # form feed: XML cannot hold it
