"""Writing tables: CSV, TSV, JSON, JSON Lines, Excel, or a rendered report, always atomically.

Every command writes through :func:`write_table` (one table) or :func:`write_tables` (a folder of
them), so output flags mean the same everywhere. Tables come in as DataFrames; nothing is computed here.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .fsio import OutputError, write_atomic

if TYPE_CHECKING:  # pandas is imported when a table is written: `mtext --help` stays fast
    import pandas as pd

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "xlsx")
SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "jsonl",
                  ".ndjson": "jsonl", ".xlsx": "xlsx", ".txt": "table"}
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def choose_format(fmt: str | None, output: Path | None, is_terminal: bool) -> str:
    """The explicit format, else the output file's suffix, else table on a terminal and CSV in a pipe."""
    if fmt:
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if output is not None:
        return SUFFIX_FORMATS.get(output.suffix.lower(), "csv")
    return "table" if is_terminal else "csv"


def guard_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would evaluate with ``'`` (numbers are left alone)."""

    def guard(value):
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value

    import pandas as pd

    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(guard)
    return out


def serialize(df: pd.DataFrame, fmt: str, excel: bool = False) -> bytes:
    """The bytes of ``df`` in ``fmt`` (not ``table``). ``excel``: CSV for German spreadsheets."""
    if fmt in ("csv", "tsv"):
        if excel:
            text = guard_formulas(df).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
            return ("\ufeff" + text).encode("utf-8")
        return df.to_csv(index=False, sep="," if fmt == "csv" else "\t", lineterminator="\n").encode("utf-8")
    if fmt == "json":
        return (df.to_json(orient="records", force_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "jsonl":
        return df.to_json(orient="records", force_ascii=False, lines=True).encode("utf-8") if len(df) else b""
    if fmt == "xlsx":
        return _xlsx_bytes(df)
    raise OutputError(f"format {fmt!r} cannot be serialised")


def _xlsx_bytes(df: pd.DataFrame) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([str(c) for c in df.columns])
    for row in df.itertuples(index=False):
        sheet.append([None if _is_missing(v) else (v.item() if hasattr(v, "item") else v) for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # stored as text: a leading "=" is never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _is_missing(value) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def write_table(df: pd.DataFrame, render: Callable[[], object], output: Path | None = None,
                fmt: str | None = None, excel: bool = False) -> str:
    """Write ``df`` to ``output`` or stdout; returns the format used.

    ``render`` returns the rich renderable shown for the ``table`` format (a report of ``df``).
    """
    chosen = choose_format(fmt, output, sys.stdout.isatty())
    if chosen == "table":
        from rich.console import Console

        renderable = render()
        if output is None:
            Console().print(renderable)
        else:
            console = Console(file=io.StringIO(), width=140, force_terminal=False)
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


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path, excel: bool = False) -> None:
    """Write each table as ``out_dir/NAME.csv`` (``excel``: CSV for German spreadsheets)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the folder ({exc.strerror}); choose another --out") from exc
    for name, table in tables.items():
        write_atomic(out_dir / f"{name}.csv", serialize(table, "csv", excel=excel))
