"""Writing tables: CSV, TSV, JSON, JSON Lines, Excel, or a rich report, always atomically.

Every command writes through :func:`write_table`, so output flags mean the same everywhere.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "xlsx")
SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "jsonl",
                  ".ndjson": "jsonl", ".xlsx": "xlsx", ".txt": "table"}
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class OutputError(RuntimeError):
    """The output cannot be written; the message names the file and the fix."""


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
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror}); choose a writable folder "
                          "with --output") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another --output") from exc


def write_table(df: pd.DataFrame, output: Path | None = None, fmt: str | None = None,
                excel: bool = False, report=None) -> str:
    """Write ``df`` to ``output`` or stdout; returns the format used.

    ``report`` is a callable returning a rich renderable, used for the ``table`` format.
    """
    chosen = choose_format(fmt, output, sys.stdout.isatty())
    if chosen == "table":
        from rich.console import Console

        from .report import generic_table

        renderable = report() if report is not None else generic_table(df)
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
