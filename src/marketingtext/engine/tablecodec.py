"""Tables to bytes and back without pickle: JSON with each column's dtype.

The table cache stores what a command computed (a DataFrame, or a dict of DataFrames for
``analyze``) in this form, so a cache file is data that is read, never code that is run. A table
comes back with the same columns, dtypes, values and row order: written as CSV it gives the same
bytes (floats are written with Python's shortest round-trip repr). A table this format cannot
hold exactly (an index other than 0..n-1, a column of lists) raises :class:`Unsupported` when it
is encoded, and is simply not cached.
"""

from __future__ import annotations

import json
import math

import pandas as pd

FORMAT = "mtext-tables/1"
# dtypes whose values JSON holds exactly (after the conversions below)
SUPPORTED_DTYPES = ("int64", "int32", "float64", "bool", "str", "object", "string", "Int64", "boolean")


class Unsupported(ValueError):
    """A result that cannot be stored exactly as JSON."""


def encode(result) -> bytes:
    """``result`` (a DataFrame or a dict of them) as JSON bytes; :class:`Unsupported` otherwise."""
    if isinstance(result, pd.DataFrame):
        body = {"kind": "frame", "frame": _encode_frame(result)}
    elif isinstance(result, dict) and all(isinstance(v, pd.DataFrame) for v in result.values()):
        body = {"kind": "frames", "frames": [[str(k), _encode_frame(v)] for k, v in result.items()]}
    else:
        raise Unsupported(f"cannot store a {type(result).__name__}")
    return json.dumps({"format": FORMAT, **body}, allow_nan=False).encode("ascii")  # \u escapes: lone surrogates too


def decode(data: bytes):
    """The DataFrame or dict of DataFrames :func:`encode` stored; ``ValueError`` on anything else."""
    body = json.loads(data.decode("utf-8"))
    if body.get("format") != FORMAT:
        raise ValueError(f"not an {FORMAT} file")
    if body["kind"] == "frame":
        return _decode_frame(body["frame"])
    return {name: _decode_frame(frame) for name, frame in body["frames"]}


def _encode_frame(df: pd.DataFrame) -> dict:
    if not isinstance(df.index, pd.RangeIndex) or df.index.start != 0 or df.index.step != 1:
        raise Unsupported("the index is not 0..n-1")
    if not all(isinstance(c, str) for c in df.columns) or df.columns.has_duplicates:
        raise Unsupported("column names must be distinct strings")
    columns = []
    for name in df.columns:
        series = df[name]
        dtype = str(series.dtype)
        if dtype not in SUPPORTED_DTYPES:
            raise Unsupported(f"column {name!r} has dtype {dtype}")
        columns.append({"name": name, "dtype": dtype, "values": [_encode_value(v) for v in series.tolist()]})
    return {"columns": columns, "rows": len(df)}


def _encode_value(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return {"float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, (bool, int, str)):
        return value
    raise Unsupported(f"a {type(value).__name__} value")


def _decode_value(value):
    if isinstance(value, dict):
        return float(value["float"])
    return value


def _decode_frame(frame: dict) -> pd.DataFrame:
    data = {}
    for column in frame["columns"]:
        values = [_decode_value(v) for v in column["values"]]
        dtype = column["dtype"]
        if dtype == "float64":
            values = [math.nan if v is None else v for v in values]
        data[column["name"]] = pd.Series(values, dtype=dtype)
    df = pd.DataFrame(data, index=pd.RangeIndex(frame["rows"]))
    if len(df.columns) != len(frame["columns"]):
        raise ValueError("damaged table: columns lost")
    return df
