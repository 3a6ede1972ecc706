"""A sidecar CSV of document metadata (``--meta FILE.csv``): adds columns to the docs table or overrides
its title, author and date, so that documents can be grouped (``compare --group-by``).

The file has a ``doc`` column holding names from the docs table (``000_c44f16a2d46a17b4``; the parts
``book#1``, ``book#2`` of a long file are all matched by ``book``) and any other columns (group, year,
source, …). Separator (``,``, ``;`` or tab) and a BOM are recognised, so a sheet saved from German Excel
works. Every value is text; a cell left empty keeps what mtext found. Columns mtext computes (words,
mtld, …) cannot be overridden: the sidecar gives facts about documents, not measurements.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from ..core.errors import MtextError
from ..reading.lines import parse_date
from .documents import DOC_COLUMNS, METADATA_COLUMNS

DOC = "doc"
SHOWN_NAMES = 3  # unknown names listed in an error message


class SidecarError(MtextError):
    """A --meta file that cannot be used; the message is one line naming the file and the fix."""


def read_sidecar(path: str | Path, docs: list[str], part_of_corpus: bool = False) -> pd.DataFrame:
    """The sidecar's rows (one per ``doc``, all values text), checked against the corpus's ``docs`` names.

    ``part_of_corpus``: ``docs`` are a part of what the sidecar describes (the two sides of ``compare A B``),
    so names outside them are fine, as long as it names at least one of them."""
    path = Path(path)
    table = _read_csv(path)
    table.columns = [str(c).strip() for c in table.columns]
    if DOC not in table.columns:
        raise SidecarError(f"{path}: no 'doc' column (columns: {', '.join(table.columns) or 'none'}); the first "
                           "row must name the columns, one of them doc, holding the docs table's doc names")
    table[DOC] = table[DOC].str.strip()
    table = table[table[DOC] != ""]
    repeated = sorted(set(table.loc[table[DOC].duplicated(), DOC]))
    if repeated:
        raise SidecarError(f"{path}: doc {_listed(repeated)} given twice; keep one row per document")
    computed = [c for c in table.columns if c in DOC_COLUMNS and c not in (DOC, *METADATA_COLUMNS)]
    if computed:
        raise SidecarError(f"{path}: column {_listed(computed)} is computed by mtext and cannot be set; "
                           "rename it (e.g. my_" + computed[0] + ")")
    known = set(docs) | {doc.split("#")[0] for doc in docs}
    unknown = sorted(set(table[DOC]) - known)
    if part_of_corpus and len(unknown) < len(set(table[DOC])):
        unknown = []
    if unknown:
        raise SidecarError(f"{path}: doc {_listed(unknown)} not in the corpus; use the doc names of "
                           f"`mtext docs` (e.g. {sorted(docs)[0] if docs else 'none read'})")
    if "date" in table.columns:
        table["date"] = [_iso_date(path, value) for value in table["date"]]
    return table.reset_index(drop=True)


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SidecarError(f"{path}: no such file; check the --meta path") from None
    except IsADirectoryError:
        raise SidecarError(f"{path}: a folder, not a CSV file; give the sidecar file to --meta") from None
    except UnicodeDecodeError:
        raise SidecarError(f"{path}: not UTF-8 text; save the sidecar as CSV UTF-8") from None
    except OSError as exc:
        raise SidecarError(f"{path}: cannot be read ({exc.strerror or exc}); check the file") from None
    if not text.strip():
        raise SidecarError(f"{path}: empty file; give a CSV with a doc column and one row per document")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0] + "\n", delimiters=",;\t")
        rows = list(csv.reader(text.splitlines(), dialect))
    except csv.Error:
        rows = list(csv.reader(text.splitlines()))
    header, body = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if len(set(header)) != len(header):
        raise SidecarError(f"{path}: a column name repeats in the first row; name each column once")
    width = len(header)
    if any(len(r) > width for r in body):
        raise SidecarError(f"{path}: a row has more cells than the first row has names; check the separators")
    return pd.DataFrame([[cell.strip() for cell in r] + [""] * (width - len(r)) for r in body], columns=header,
                        dtype=object)


def _iso_date(path: Path, value: str) -> str:
    if not value:
        return ""
    iso = parse_date(value)
    if not iso:
        raise SidecarError(f"{path}: date {value!r} is not a date; write it as 2026-12-03 or 3.12.2026")
    return iso


def _listed(names: list[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:SHOWN_NAMES])
    return shown + (f" and {len(names) - SHOWN_NAMES} more" if len(names) > SHOWN_NAMES else "")


def apply_sidecar(docs: pd.DataFrame, sidecar: pd.DataFrame | None) -> pd.DataFrame:
    """The docs table with the sidecar's columns: title/author/date overridden where a cell is filled,
    other columns appended ("" for documents the sidecar does not name)."""
    if sidecar is None or sidecar.empty and len(sidecar.columns) <= 1:
        return docs
    rows = {row[DOC]: row for row in sidecar.to_dict("records")}
    out = docs.copy()
    for column in [c for c in sidecar.columns if c != DOC]:
        values = []
        for doc in out[DOC]:
            row = rows.get(doc) or rows.get(str(doc).split("#")[0])
            values.append(row[column] if row is not None else "")
        if column in out.columns:
            out[column] = [new if new else old for new, old in zip(values, out[column], strict=True)]
        else:
            out[column] = values
    return out
