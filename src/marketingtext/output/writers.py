"""Writing tables: CSV, TSV, JSON, JSON Lines, Excel, or a rendered report, always atomically.

One job: finished tables to the bytes of a file format, and those bytes to a file or stdout.

Every command writes through :func:`write_table` (one table) or :func:`write_tables` (a folder of
them), so output flags mean the same everywhere. Tables come in as DataFrames; nothing is computed here.
"""

from __future__ import annotations

import io
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.collector import collector_paused
from ..core.fsio import OutputError, write_atomic, write_folder

if TYPE_CHECKING:  # pandas is imported when a table is written: `mtext --help` stays fast
    import pandas as pd

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "xlsx")
SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "jsonl",
                  ".ndjson": "jsonl", ".xlsx": "xlsx", ".txt": "table"}
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets,
# also after leading spaces, and in their full-width and small forms (＝＋－＠, ﹦﹢﹣﹫) and as the minus sign −.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_LOOKALIKES = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212")
# Characters an xlsx file (XML 1.0) cannot hold: C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XML_REPLACEMENT = "\ufffd"  # what each of them becomes in an xlsx cell
SHEET_NAME_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


def choose_format(fmt: str | None, output: Path | None, is_terminal: bool, excel: bool = False) -> str:
    """The explicit format, else the output file's suffix, else table on a terminal and CSV in a pipe.

    ``excel`` (CSV for German spreadsheets) makes CSV the default, and any other format an error.
    """
    if fmt:
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        chosen = fmt
    elif output is not None:
        chosen = SUFFIX_FORMATS.get(output.suffix.lower(), "csv")
    else:
        chosen = "csv" if excel else "table" if is_terminal else "csv"
    if excel and chosen != "csv":
        raise OutputError(f"--excel writes CSV only, not {chosen}; drop --excel, or use --format xlsx "
                          "(an .xlsx file) for a spreadsheet")
    return chosen


def starts_formula(value: str) -> bool:
    """True when a spreadsheet could read ``value`` as a formula (OWASP's list, after leading spaces)."""
    if value.startswith(FORMULA_PREFIXES):
        return True
    for char in value:
        if char.isspace() or unicodedata.category(char) == "Cf":  # spaces, no-break spaces, zero-width
            continue
        return char in _FORMULA_LOOKALIKES or unicodedata.normalize("NFKC", char) in _FORMULA_LOOKALIKES
    return False


def guard_cell(value):
    """``value`` prefixed with ``'`` when it is text a spreadsheet would evaluate; anything else as it is."""
    return "'" + value if isinstance(value, str) and starts_formula(value) else value


def guard_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix every text cell (and column name) a spreadsheet would evaluate with ``'``; numbers stay."""
    from pandas.api.types import is_numeric_dtype

    out = df.copy()
    for column in out.columns:
        if not is_numeric_dtype(out[column]):  # numbers and booleans are never text
            out[column] = out[column].map(guard_cell)
    out.columns = [guard_cell(str(c)) for c in out.columns]
    return out


def german_booleans(df: pd.DataFrame) -> pd.DataFrame:
    """Boolean columns as WAHR/FALSCH, the literals a German spreadsheet reads as booleans from CSV
    (Python's True/False would arrive as text)."""
    from pandas.api.types import is_bool_dtype

    columns = [column for column in df.columns if is_bool_dtype(df[column])]
    if not columns:
        return df
    out = df.copy()
    for column in columns:
        out[column] = out[column].map({True: "WAHR", False: "FALSCH"})
    return out


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD (�)."""
    return XML_ILLEGAL.sub(XML_REPLACEMENT, text)


def serialize(df: pd.DataFrame, fmt: str, excel: bool = False) -> bytes:
    """The bytes of ``df`` in ``fmt`` (not ``table``). ``excel``: CSV for German spreadsheets.

    Plain CSV/TSV is an RFC 4180 round-trip (quotes, separators and line breaks inside cells are
    quoted; nothing is changed); only ``excel`` guards formulas.
    """
    if excel and fmt != "csv":
        raise OutputError(f"--excel writes CSV only, not {fmt}")
    if fmt in ("csv", "tsv"):
        if excel:
            text = german_booleans(guard_formulas(df)).to_csv(index=False, sep=";", decimal=",",
                                                              lineterminator="\r\n")
            return ("\ufeff" + text).encode("utf-8")
        # Python's csv module quotes a cell only for the line end in use: a lone CR would go unquoted
        # with LF line ends, so a table holding one is written with RFC 4180's CRLF.
        ending = "\r\n" if _holds_carriage_return(df) else "\n"
        return df.to_csv(index=False, sep="," if fmt == "csv" else "\t", lineterminator=ending).encode("utf-8")
    if fmt == "json":
        return (df.to_json(orient="records", force_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "jsonl":
        return df.to_json(orient="records", force_ascii=False, lines=True).encode("utf-8") if len(df) else b""
    if fmt == "xlsx":
        return xlsx_bytes({"table": df})
    raise OutputError(f"format {fmt!r} cannot be serialised")


def _holds_carriage_return(df: pd.DataFrame) -> bool:
    from pandas.api.types import is_numeric_dtype

    return any("\r" in str(c) for c in df.columns) or any(
        df[c].map(lambda v: isinstance(v, str) and "\r" in v).any()
        for c in df.columns if not is_numeric_dtype(df[c]))


def titled_sheets(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables for a workbook people read: where the ``docs`` table knows documents' titles, every other
    table with a ``doc`` column gets a ``title`` column after it (empty for the corpus row "*" and for a
    document without a title). The CSV files keep their documented columns; ``doc`` stays the key."""
    docs = tables.get("docs")
    if docs is None or "title" not in docs.columns or not docs["title"].fillna("").astype(str).str.strip().any():
        return dict(tables)
    titles = dict(zip(docs["doc"], docs["title"].fillna("").astype(str), strict=True))
    sheets = {}
    for name, table in tables.items():
        if name != "docs" and "doc" in table.columns and "title" not in table.columns:
            table = table.copy()
            table.insert(table.columns.get_loc("doc") + 1, "title", [titles.get(d, "") for d in table["doc"]])
        sheets[name] = table
    return sheets


XLSX_CELL_UNITS = 32_767  # Excel's limit for one cell's text, in UTF-16 units (an emoji takes two)
XLSX_CREATED = (2000, 1, 1)  # the workbook's creation date, fixed: the same tables give the same bytes


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An xlsx workbook, one sheet per table: numbers and booleans typed, every text cell stored as
    text (never a formula, characters XML cannot hold replaced by U+FFFD), header row frozen,
    column widths set from the header and the first rows.

    Written by XlsxWriter: about 1.6 times as fast as openpyxl here (analyze's 12,000 rows of 27 wiki articles:
    1.0 against 1.7 s), and with a fixed creation date its file (zip entries included) is the same bytes on
    every run."""
    import datetime

    import xlsxwriter

    buffer = io.BytesIO()
    with collector_paused():  # a tuple per cell, freed by reference counting (core.collector)
        book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                            "strings_to_formulas": False, "strings_to_urls": False})
        book.set_properties({"created": datetime.datetime(*XLSX_CREATED, tzinfo=datetime.timezone.utc)})
        for name, df in sheets.items():
            sheet = book.add_worksheet(SHEET_NAME_ILLEGAL.sub("_", str(name))[:31] or "table")
            sheet.freeze_panes(1, 0)
            _set_widths(sheet, df)
            _write_sheet(sheet, df)
        book.close()
    return buffer.getvalue()


def _write_sheet(sheet, df: pd.DataFrame) -> None:
    """The header row and every cell of ``df``, each column's kind decided once (:func:`_column_cells`).

    Typed columns (numbers, booleans) are written a column at a time; text goes in row by row, as a shared
    string's index is the order of first use: the same order as cell by cell, so the same bytes."""
    # XlsxWriter's undecorated writers: the public ones first try to read A1 notation, on each of 160,000 cells
    write_string = getattr(sheet, "_write_string", sheet.write_string)
    for c, column in enumerate(df.columns):
        write_string(0, c, cell_text(str(column)))
    row_major = []
    for c, column in enumerate(df.columns):
        write, rows, values = _column_cells(sheet, df[column])
        if rows is None:
            row_major.append((c, write, values))
        else:
            for r, value in zip(rows, values, strict=True):
                write(r, c, value)
    if not row_major:
        return
    indices, writers, columns = zip(*row_major, strict=True)
    for r, row in enumerate(zip(*columns, strict=True), start=1):
        for c, write, value in zip(indices, writers, row, strict=True):
            if value is not None:
                write(r, c, value)


def _column_cells(sheet, column: pd.Series):
    """How one column is written: ``(writer, rows, values)``, its present cells (row number from 1) for a typed
    column written a column at a time, or ``(writer, None, values)`` with ``None`` for an empty cell, for a
    column written row by row. The cells come out as :func:`_write_cell` writes them one at a time."""
    import numpy as np

    absent = column.isna().to_numpy()
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    if kind == "b" or kind in "iuf" and not np.isinf(column.to_numpy()[~absent]).any():  # inf is text, row by row
        write = getattr(sheet, "_write_boolean" if kind == "b" else "_write_number",
                        sheet.write_boolean if kind == "b" else sheet.write_number)
        present = ~absent
        return write, (np.flatnonzero(present) + 1).tolist(), column[present].tolist()
    values = [None if missing else value for value, missing in zip(column.tolist(), absent.tolist(), strict=True)]
    if all(type(value) is str for value in values if value is not None):  # text (the common object column)
        return getattr(sheet, "_write_string", sheet.write_string), None, [
            None if value is None else cell_text(value) for value in values]
    return partial(_write_cell, sheet), None, values


def _write_cell(sheet, row: int, column: int, value) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float)) and math.isfinite(value):
        sheet.write_number(row, column, value)
    else:  # text, and inf (xlsx has no inf)
        sheet.write_string(row, column, cell_text(str(value)))


def cell_text(text: str) -> str:
    """``text`` as an xlsx cell holds it: characters XML cannot hold replaced (U+FFFD), and cut to Excel's 32,767
    UTF-16 units with "…" at the end where longer (the CSV keeps the whole text). A carriage return is a line
    break (``\n``), as spreadsheets show it: xlsx would store it escaped (``_x000D_``), which not every reader
    turns back."""
    if len(text) * 2 <= XLSX_CELL_UNITS and text.isprintable():  # no control character, surrogate nor U+FFFE/F
        return text
    text = xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) * 2 <= XLSX_CELL_UNITS:  # no character takes more than two units
        return text
    encoded = text.encode("utf-16-le")
    if len(encoded) <= 2 * XLSX_CELL_UNITS:
        return text
    return encoded[:2 * (XLSX_CELL_UNITS - 1)].decode("utf-16-le", errors="ignore") + "…"  # no half pair kept


def _set_widths(sheet, df: pd.DataFrame, sample: int = 200) -> None:
    head = df.head(sample)
    for index, column in enumerate(df.columns):
        longest = max([len(str(column))] + [len(str(v)) for v in head[column]])
        sheet.set_column(index, index, min(max(longest + 2, 6), 60))


def write_table(df: pd.DataFrame, render: Callable[[], object], output: Path | None = None,
                fmt: str | None = None, excel: bool = False, wide: bool = False) -> str:
    """Write ``df`` to ``output`` or stdout; returns the format used.

    ``render`` returns the rich renderable shown for the ``table`` format (a report of ``df``), fitted to the
    terminal's width; ``wide`` draws it at its natural width instead, every column shown (``--wide``).
    """
    chosen = choose_format(fmt, output, sys.stdout.isatty(), excel)
    if chosen == "table":
        from rich.console import Console

        from .terminal import natural_width

        renderable = render()
        if output is None:
            report_console(wide, renderable).print(renderable)
        else:
            width = max(140, natural_width(renderable)) if wide else 140
            console = Console(file=io.StringIO(), width=width, force_terminal=False)
            console.print(renderable)
            write_atomic(output, console.file.getvalue().encode("utf-8"))
        return chosen
    data = serialize(df, chosen, excel=excel)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
    return chosen


def report_console(wide: bool, renderable, stderr: bool = False):
    """The console a report is printed on: the terminal's width, or with ``wide`` the report's natural width
    when that is wider (every column shown; the terminal wraps the long lines or ``less -S`` scrolls them)."""
    from rich.console import Console

    from .terminal import natural_width

    console = Console(stderr=stderr)
    if wide:
        # a height too: rich ignores a given width without one on a dumb terminal
        console = Console(stderr=stderr, width=max(console.width, natural_width(renderable)), height=console.height)
    return console


def workbook_bytes(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """``tables.xlsx`` of :func:`write_tables`: every table a sheet, documents named by title (:func:`titled_sheets`:
    a person filters there by title)."""
    return xlsx_bytes(titled_sheets(tables))


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path, excel: bool = False,
                 files: Mapping[str, bytes] | None = None, workbook: bytes | None = None) -> None:
    """Write each table as ``out_dir/NAME.csv`` (``excel``: CSV for German spreadsheets), all of them as
    ``out_dir/tables.xlsx`` (:func:`workbook_bytes`, unless ``workbook`` holds them already), and ``files``
    (name -> bytes) beside them; every file is built first, then all are moved in together."""

    def write_files(folder: Path) -> None:
        for name, table in tables.items():
            write_atomic(folder / f"{name}.csv", serialize(table, "csv", excel=excel))
        write_atomic(folder / "tables.xlsx", workbook if workbook is not None else workbook_bytes(tables))
        for name, data in (files or {}).items():
            write_atomic(folder / name, data)

    write_folder(out_dir, write_files)
