"""Output: CSV round-trip, German Excel CSV, formula guard, xlsx as text, atomic writes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd
import pytest

from marketingtext.fsio import OutputError, write_atomic
from marketingtext.output import choose_format, guard_formulas, serialize

TRICKY = pd.DataFrame({
    "doc": ["a", "b", "c"],
    "text": ['Er sagte: "Hallo; Welt"', "Zeile eins\nZeile zwei", "=SUMME(A1:A9)"],
    "score": [1.5, 2.25, -3.0],
})


def test_csv_round_trip_keeps_quotes_semicolons_newlines():
    back = pd.read_csv(io.BytesIO(serialize(TRICKY, "csv")))
    pd.testing.assert_frame_equal(back, TRICKY)


def test_excel_csv_is_german_and_guards_formulas():
    data = serialize(TRICKY, "csv", excel=True)
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["text"].iloc[2] == "'=SUMME(A1:A9)"
    assert back["score"].tolist() == [1.5, 2.25, -3.0]


@pytest.mark.parametrize("cell", ["=1+1", "+49 30", "-2", "@SUM(1)", "\tx", "\rx"])
def test_formula_guard_prefixes_dangerous_cells(cell):
    guarded = guard_formulas(pd.DataFrame({"t": [cell, "Marketing"]}))
    assert guarded["t"].tolist() == ["'" + cell, "Marketing"]


def test_xlsx_stores_formula_text_as_text(tmp_path: Path):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    path.write_bytes(serialize(TRICKY, "xlsx"))
    sheet = load_workbook(path).active
    assert sheet["B4"].value == "=SUMME(A1:A9)" and sheet["B4"].data_type == "s"


def test_format_choice():
    assert choose_format(None, Path("x.xlsx"), True) == "xlsx"
    assert choose_format(None, None, True) == "table"
    assert choose_format(None, None, False) == "csv"
    with pytest.raises(OutputError):
        choose_format("pdf", None, False)


def test_atomic_write_never_leaves_half_a_file(tmp_path: Path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    write_atomic(target, b"new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_unwritable_folder_raises_output_error(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(folder / "x.csv", b"x")


def test_missing_folder_raises_output_error(tmp_path: Path):
    with pytest.raises(OutputError, match="choose"):
        write_atomic(tmp_path / "no" / "such" / "x.csv", b"x")
