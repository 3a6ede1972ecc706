"""Properties over arbitrary input (Hypothesis): reading never raises, text survives every format,
no spreadsheet cell can start a formula."""

from __future__ import annotations

import csv
import io
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketingtext.output.writers import serialize
from marketingtext.reading.decode import InputProblem, SourceText, decode_bytes, read_source

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text as tables hold it: any character but lone surrogates (reading cannot produce them).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
# Text a spreadsheet attacker would try: formula starts behind spaces and look-alikes.
ATTACK = st.builds(lambda pad, start, rest: pad + start + rest,
                   st.sampled_from(["", " ", "\u00a0", "\u3000", "\t", "\u200b", "  \u2007"]),
                   st.sampled_from(["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\r", "\n", "\u2212",
                                    "\ufe62", "\ufe63", "\ufe66", "\ufe6b"]),
                   TEXT)
CELL = st.one_of(TEXT, ATTACK)
XLSX_MAX_UNITS = 32_767  # a spreadsheet cell's limit in UTF-16 units: longer text is cut there, ending in "…"
LONG_CELL = st.builds(lambda head, n: head * n, st.text(st.characters(blacklist_categories=("Cs",)), min_size=1,
                                                        max_size=3), st.integers(min_value=11_000, max_value=20_000))
# What a spreadsheet evaluates, judged here by the characters' Unicode names (not by the guard's own code):
# a cell whose first visible character is an equals, plus, minus or at sign in any width, or that starts
# with a tab, carriage return or line feed (OWASP, CSV injection).
FORMULA_NAMES = {"EQUALS SIGN", "PLUS SIGN", "HYPHEN-MINUS", "MINUS SIGN", "COMMERCIAL AT"}


def evaluable(cell: str) -> bool:
    if cell[:1] in ("\t", "\r", "\n"):
        return True
    visible = next((c for c in cell if not (c.isspace() or unicodedata.category(c) == "Cf")), None)
    name = unicodedata.name(visible, "") if visible else ""
    return name.removeprefix("FULLWIDTH ").removeprefix("SMALL ") in FORMULA_NAMES


def excel_cut(text: str) -> str:
    """Text as a spreadsheet cell holds it: at most 32,767 UTF-16 units, the last one "…" where it was cut."""
    units = [c for c in text for _ in range(2 if ord(c) > 0xFFFF else 1)]
    if len(units) <= XLSX_MAX_UNITS:
        return text
    kept, used = [], 0
    for c in text:
        used += 2 if ord(c) > 0xFFFF else 1
        if used > XLSX_MAX_UNITS - 1:
            break
        kept.append(c)
    return "".join(kept) + "…"


def xml_kept(text: str) -> str:
    """XML 1.0's Char production, written out: every other character becomes U+FFFD."""
    def allowed(c: str) -> bool:
        o = ord(c)
        return o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF
    return "".join(c if allowed(c) else "\ufffd" for c in text)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_make_reading_raise(data):
    decoded = decode_bytes(data)
    assert decoded is None or isinstance(decoded[0], str)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_bytes(data)
        result = read_source(str(path))
    assert isinstance(result, (SourceText, InputProblem))
    if isinstance(result, SourceText):  # no control character survives but line break and tab
        assert not [c for c in result.text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0]


def frame(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"text": texts, "n": range(len(texts))})


@SETTINGS
@given(st.lists(CELL, min_size=1, max_size=5))
def test_text_round_trips_through_csv_and_tsv(texts):
    df = frame(texts)
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        back = pd.read_csv(io.BytesIO(serialize(df, fmt)), sep=sep, dtype={"text": str}, keep_default_na=False,
                           na_values=[])
        assert back["text"].tolist() == texts, fmt
        assert back["n"].tolist() == list(range(len(texts)))


@SETTINGS
@given(st.lists(CELL, min_size=1, max_size=5))
def test_text_round_trips_through_jsonl(texts):
    back = pd.read_json(io.BytesIO(serialize(frame(texts), "jsonl")), lines=True, dtype=False)
    assert back["text"].tolist() == texts


@settings(SETTINGS, max_examples=60)
@given(st.lists(st.one_of(CELL, LONG_CELL), min_size=1, max_size=4))
def test_text_round_trips_through_xlsx_but_what_xml_cannot_hold_and_cut_at_the_cell_limit(texts):
    """Line breaks arrive as ``\n`` (a carriage return too), as a spreadsheet shows them."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(serialize(frame(texts), "xlsx"))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    shown = [excel_cut(xml_kept(t.replace("\r\n", "\n").replace("\r", "\n"))) for t in texts]
    assert [c.value or "" for c in cells] == shown
    assert all(c.data_type == "s" for c in cells if c.value is not None)  # text, never a formula


@SETTINGS
@given(st.lists(CELL, min_size=1, max_size=5), st.lists(st.floats(allow_nan=False, allow_infinity=False),
                                                         min_size=1, max_size=5))
def test_no_excel_csv_text_cell_can_start_a_formula(texts, numbers):
    df = pd.DataFrame({"text": texts, "other": list(reversed(texts))})
    data = serialize(df, "csv", excel=True).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data, newline=""), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert len(rows) == len(texts) + 1
    assert not [cell for cell in cells if evaluable(cell)]
    assert [row[0] for row in rows[1:]] == [("'" + t if evaluable(t) else t) for t in texts]  # the rest as it was
    numeric = serialize(pd.DataFrame({"x": numbers}), "csv", excel=True).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(numeric), sep=";", decimal=",")
    assert back["x"].tolist() == numbers  # numbers are written as numbers, never guarded
