"""Output: CSV round-trip, German Excel CSV, formula guard, xlsx as text, atomic writes."""

from __future__ import annotations

import io
import os
import stat
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from marketingtext.core.fsio import OutputError, write_atomic
from marketingtext.output import writers as output
from marketingtext.output.writers import choose_format, guard_formulas, serialize, write_tables

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


def test_atomic_write_replaces_the_file(tmp_path: Path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    write_atomic(target, b"new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.parametrize(("failure", "raised", "message"), [
    (OSError(28, "No space left on device"), OutputError, r"out\.csv: cannot write \(No space left on device\)"),
    (KeyboardInterrupt(), KeyboardInterrupt, None),  # Ctrl-C stays Ctrl-C: the CLI says "interrupted", exit 130
])
def test_atomic_write_failing_midway_keeps_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch, failure,
                                                                         raised, message):
    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def fail_on_sync(fd):  # the data is half on its way to disk when the write breaks
        raise failure

    monkeypatch.setattr(os, "fsync", fail_on_sync)
    with pytest.raises(raised, match=message):
        write_atomic(target, b"new\n" * 1000)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_write_syncs_the_file_before_the_rename(tmp_path: Path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b)))
    write_atomic(tmp_path / "x.csv", b"x")
    assert events[:2] == ["fsync", "replace"]


def test_new_file_follows_umask_and_existing_file_keeps_its_mode(tmp_path: Path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.csv", b"x")
        existing = tmp_path / "mine.csv"
        existing.write_bytes(b"old")
        existing.chmod(0o600)
        write_atomic(existing, b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_symlinked_output_is_written_through(tmp_path: Path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "tables.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_atomic(link, b"new\n")
    assert link.is_symlink() and target.read_text() == "new\n"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["tables.csv"]


def test_tables_folder_failing_midway_leaves_the_old_folder_intact(tmp_path: Path, monkeypatch):
    out = tmp_path / "output"
    write_tables({"docs": pd.DataFrame({"doc": ["alt"]}), "sentences": pd.DataFrame({"text": ["Alt."]})}, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == ["docs.csv", "sentences.csv", "tables.xlsx"]
    calls = []
    real_serialize = output.serialize

    def serialize_then_break(df, fmt, excel=False):
        calls.append(fmt)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C after the first table
        return real_serialize(df, fmt, excel)

    monkeypatch.setattr(output, "serialize", serialize_then_break)
    with pytest.raises(KeyboardInterrupt):
        write_tables({"docs": pd.DataFrame({"doc": ["neu"]}), "sentences": pd.DataFrame({"text": ["Neu."]})}, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["output"]  # no temporary folder left


def test_tables_folder_gets_every_table_and_a_workbook(tmp_path: Path):
    from openpyxl import load_workbook

    tables = {"sentences": TRICKY, "docs": pd.DataFrame({"doc": ["a"], "is_question": [True], "lix": [41.5]})}
    write_tables(tables, tmp_path / "new" / "output")
    out = tmp_path / "new" / "output"
    assert sorted(p.name for p in out.iterdir()) == ["docs.csv", "sentences.csv", "tables.xlsx"]
    book = load_workbook(out / "tables.xlsx")
    assert book.sheetnames == ["sentences", "docs"]
    docs = book["docs"]
    assert docs.freeze_panes == "A2"
    assert [c.value for c in docs[2]] == ["a", True, 41.5]
    assert [c.data_type for c in docs[2]] == ["s", "b", "n"]
    assert book["sentences"].column_dimensions["B"].width > book["sentences"].column_dimensions["A"].width


@pytest.mark.parametrize("cell", [" =1+2", "\u00a0=1+2", "\u3000+1", "\u200b=1", "\uff1d1+2", "\uff0b1",
                                  "\uff0d1", "\uff20SUMME(1)", "\n=1+2", "\u2212 1"])
def test_formula_guard_sees_through_spaces_and_lookalikes(cell):
    assert guard_formulas(pd.DataFrame({"t": [cell]}))["t"].tolist() == ["'" + cell]


@pytest.mark.parametrize("cell", ["Markt = Menge", "E-Mail", "ca. -2 %", "", " Kunde", "1,5"])
def test_formula_guard_leaves_ordinary_text(cell):
    assert guard_formulas(pd.DataFrame({"t": [cell]}))["t"].tolist() == [cell]


def test_excel_csv_guards_every_text_column_but_not_numbers():
    df = pd.DataFrame({"a": ["=1"], "b": ["-x"], "n": [-2], "f": [-0.5]})
    back = pd.read_csv(io.BytesIO(serialize(df, "csv", excel=True)), sep=";", decimal=",", encoding="utf-8-sig")
    assert back.iloc[0].tolist() == ["'=1", "'-x", -2, -0.5]


def test_plain_csv_is_not_guarded():
    assert pd.read_csv(io.BytesIO(serialize(TRICKY, "csv")))["text"].iloc[2] == "=SUMME(A1:A9)"


@pytest.mark.parametrize("fmt, output", [("tsv", None), ("xlsx", None), ("table", None), (None, Path("x.tsv")),
                                         (None, Path("x.xlsx"))])
def test_excel_with_another_format_is_refused(fmt, output):
    with pytest.raises(OutputError, match="--excel writes CSV only"):
        choose_format(fmt, output, True, excel=True)


def test_excel_without_format_is_csv_even_on_a_terminal():
    assert choose_format(None, None, True, excel=True) == "csv"


def test_xlsx_replaces_characters_xml_cannot_hold(tmp_path: Path):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    path.write_bytes(serialize(pd.DataFrame({"text\x01": ["Markt\x0cwächst\x00", "Seite\x0b2"]}), "xlsx"))
    sheet = load_workbook(path).active
    assert [c.value for c in sheet["A"]] == ["text\ufffd", "Markt\ufffdwächst\ufffd", "Seite\ufffd2"]


@pytest.fixture()
def unwritable_folder(tmp_path: Path):
    """A folder no one may create files in, root included (CI runs as root, and root ignores mode bits):
    mode 0o500 for a user; for root the folder is made immutable (``chattr +i``), else sysfs's root, which
    refuses new files to root too."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        try:
            yield folder
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        return
    if Path("/sys/kernel").is_dir():
        yield Path("/sys")
        return
    pytest.fail("no way to make a folder unwritable for root here (no chattr, no sysfs)")


def test_unwritable_folder_raises_output_error(unwritable_folder: Path):
    with pytest.raises(OutputError, match=r"cannot write here \((Permission denied|Operation not permitted)\)"):
        write_atomic(unwritable_folder / "x.csv", b"x")
    assert not (unwritable_folder / "x.csv").exists()


def test_a_path_under_a_regular_file_raises_output_error(tmp_path: Path):
    (tmp_path / "datei.csv").write_text("kein Ordner\n")
    with pytest.raises(OutputError, match=r"cannot write here \(Not a directory\)"):
        write_atomic(tmp_path / "datei.csv" / "x.csv", b"x")


def test_missing_folder_raises_output_error(tmp_path: Path):
    with pytest.raises(OutputError, match="choose"):
        write_atomic(tmp_path / "no" / "such" / "x.csv", b"x")


def test_xlsx_is_the_same_bytes_on_every_run():
    """Same tables, same file: no creation time or zip timestamp of the moment inside (a second apart here)."""
    import time

    table = pd.DataFrame({"doc": ["essay_a", "essay_b"], "term": ["Kundenbindung", "Wertschöpfung"],
                          "score": [0.25, 1.5], "is_question": [True, False]})
    first = serialize(table, "xlsx")
    time.sleep(1.1)
    assert serialize(table, "xlsx") == first


def _xlsx_cell_by_cell(df: pd.DataFrame) -> bytes:
    """The workbook as xlsx_bytes wrote it before it decided a kind per column: every cell on its own, row by row."""
    import datetime

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"created": datetime.datetime(*output.XLSX_CREATED, tzinfo=datetime.timezone.utc)})
    sheet = book.add_worksheet("table")
    sheet.freeze_panes(1, 0)
    output._set_widths(sheet, df)
    for c, column in enumerate(df.columns):
        sheet.write_string(0, c, output.cell_text(str(column)))
    columns = [[None if absent else value for value, absent in zip(df[c].tolist(), df[c].isna().tolist(), strict=True)]
               for c in df.columns]
    for r, row in enumerate(zip(*columns, strict=True), start=1):
        for c, value in enumerate(row):
            output._write_cell(sheet, r, c, value)
    book.close()
    return buffer.getvalue()


MIXED_CELLS = pd.DataFrame({
    "doc": ["essay_a", "essay_b", "essay_c", "essay_d"],
    "satz": ["Der Kunde kauft online.", None, "Zeile eins\r\nZeile zwei", "=SUMME(A1:A9)"],
    "score": [0.25, float("nan"), float("inf"), -1.5],  # inf: text, between the texts of its row
    "woerter": [12, 0, 7, 3],
    "frage": [True, False, True, False],
    "gemischt": ["zwölf", 12, None, True],
    "anteil": [0.5, float("nan"), 0.25, 1.0],
    "seiten": pd.array([1, None, 3, 4], dtype="Int64"),
})


def test_xlsx_cells_keep_their_kind_when_written_a_column_at_a_time(tmp_path: Path):
    """Each column's kind is decided once, yet every cell is what it was: empty for None/NaN/NA, inf as text,
    booleans as booleans, numbers as numbers, text as text (a formula too), in the same bytes as cell by cell
    (a shared string's index is its first use, so text must still go in row by row)."""
    from openpyxl import load_workbook

    data = serialize(MIXED_CELLS, "xlsx")
    assert data == _xlsx_cell_by_cell(MIXED_CELLS)
    path = tmp_path / "t.xlsx"
    path.write_bytes(data)
    rows = [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
    assert rows[0] == list(MIXED_CELLS.columns)
    assert rows[1:] == [
        ["essay_a", "Der Kunde kauft online.", 0.25, 12, True, "zwölf", 0.5, 1],
        ["essay_b", None, None, 0, False, 12, None, None],
        ["essay_c", "Zeile eins\nZeile zwei", "inf", 7, True, None, 0.25, 3],
        ["essay_d", "=SUMME(A1:A9)", -1.5, 3, False, True, 1, 4],
    ]
    kinds = [[type(value).__name__ for value in row] for row in rows[1:]]
    assert [row[4] for row in kinds] == ["bool"] * 4 and kinds[3][5] == "bool" and kinds[0][3] == "int"
