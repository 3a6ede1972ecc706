"""Terminal reports fit the terminal: every command's report at 80 and 120 columns shows each number whole, and
``--help`` reads cleanly (issue 29).

A number is "whole" when it is one of the numbers the same report shows at 1,000 columns, where nothing has to
wrap: a number split over two lines (``192.8`` / ``8``) leaves a piece that is no such number.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from rich.cells import cell_len
from rich.console import Console

from marketingtext.entities.table import cooccurrences, summarize
from marketingtext.output import terminal

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
WIDTHS = (80, 120)
NUMBER = re.compile(r"(?<![\w.,…])[-+]?\d[\d.,]*(?![\w…])")


def numbers_in(text: str) -> list[str]:
    """The numbers written in ``text``: digits with their separators, not digits inside a word (a file's hash)
    nor a number cut by "…" (a shortened context)."""
    return [m.group().rstrip(".,") for m in NUMBER.finditer(text)]


def render(renderable, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()


@pytest.fixture(scope="module")
def reports(seeds, seed_tables, pipeline, cache_dir) -> dict:
    """Every command's terminal report, built from the seed essays as the command builds it."""
    import marketingtext as mt
    from marketingtext.corpus import compare_corpora
    from marketingtext.tables.comparison import similarity_matrix

    mentions = seed_tables["entities"]
    side_a = mt.load([RAW / "001_ddbf49292ca9b49c.txt", RAW / "002_8affbae33090f38e.txt"], cache_dir=cache_dir,
                     pipeline=pipeline)
    side_b = mt.load([RAW / "003_ed5dd712890e4a83.txt", RAW / "004_ea3b81d1c43a13bb.txt"], cache_dir=cache_dir,
                     pipeline=pipeline)
    comparison = compare_corpora(side_a, side_b, "Essays 1 und 2", "Essays 3 und 4", keep_all=True,
                                 correction="none")
    return {
        "docs": terminal.docs_report(seed_tables["docs"], seeds.pipeline),
        "keywords": terminal.keywords_report(seed_tables["keywords"], names=seeds.display_names()),
        "sentences": terminal.generic_table(seed_tables["sentences"]),
        "entities": terminal.generic_table(summarize(mentions), title="Entities"),
        "entities --cooccur": terminal.generic_table(cooccurrences(mentions), title="Entity pairs in one sentence"),
        "compare": terminal.compare_report(comparison, "Essays 1 und 2", "Essays 3 und 4"),
        "compare --style": terminal.generic_table(comparison.style),
        "compare --matrix": terminal.matrix_report(similarity_matrix(seeds.parsed()), seeds.display_names()),
        "kwic": terminal.kwic_report(seeds.kwic("Kunde"), "Kunde"),
        "collocations": terminal.generic_table(seeds.collocations("Kunde")),
        "ngrams": terminal.generic_table(seeds.ngrams()),
        "analyze": terminal.overview_report(seed_tables, "output", seeds.pipeline, summarize(mentions),
                                            ("tables.xlsx", "run.json", "report.html"), seeds.display_names()),
    }


def test_number_pieces_are_told_from_numbers():
    assert numbers_in("│ 192.8 │ 1,090 │ 000_c44f16 │ Kund:innen 74 │ …20 Kunden 4.0. -0.25") == \
        ["192.8", "1,090", "74", "4.0", "-0.25"]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_report_shows_its_numbers_whole_at(width, reports):
    for name, report in reports.items():
        wide = render(report, 1000)
        text = render(report, width)
        assert all(cell_len(line) <= width for line in text.splitlines()), name
        whole = set(numbers_in(wide))
        # the note saying how many columns were left out exists only when some were
        shown = numbers_in("\n".join(line for line in text.splitlines() if "--wide shows all" not in line))
        assert shown, name
        assert [n for n in shown if n not in whole] == [], f"{name}: numbers split at {width} columns"
        if name == "compare --style":  # counts print as integers (not 1,090.00)
            counts = [line for line in text.splitlines() if re.match(r"│ (documents|sentences|words) ", line)]
            assert len(counts) == 3 and not [n for line in counts for n in numbers_in(line) if "." in n], counts


def test_columns_are_left_out_to_fit_and_said_so(reports):
    text = render(reports["docs"], 80)
    assert "left out to fit: words / sent" in text and "--wide shows all" in text
    assert "Flesch" in text and "words" in text  # the first, most important columns stay
    assert "left out" not in render(reports["docs"], terminal.natural_width(reports["docs"]))


def test_counts_in_a_float_column_print_as_integers():
    assert [terminal.number_text(v) for v in (1090.0, 1090, 17.0, 20.144, 0.5, float("nan"))] == \
        ["1,090", "1,090", "17", "20.14", "0.50", ""]


def run_mtext(args: list[str], columns: int, pty: bool = False) -> str:
    """``python -m marketingtext ARGS`` with ``COLUMNS`` set; ``pty``: on a pseudo-terminal, as a person runs it."""
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "dumb", "NO_COLOR": "1"}
    env.pop("TERMINAL_WIDTH", None)
    command = [sys.executable, "-m", "marketingtext", *args]
    if not pty:
        return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120).stdout
    import pty as ptys

    main, child = ptys.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdin=child, stdout=child, stderr=subprocess.DEVNULL)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace")).replace("\r", "")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs a POSIX system")
def test_docs_in_an_80_column_terminal(cache_dir):
    text = run_mtext(["docs", str(RAW), "--cache-dir", str(cache_dir)], 80, pty=True)
    wide = run_mtext(["docs", str(RAW), "--cache-dir", str(cache_dir), "--wide"], 80, pty=True)
    docs = pd.read_csv(io.StringIO(run_mtext(["docs", str(RAW), "--cache-dir", str(cache_dir), "-f", "csv"], 80)))
    mtld, words = docs["mtld"].iloc[0], int(docs["words"].max())  # a two-decimal measure, a four-digit count
    assert words >= 1_000 and f"{mtld:.2f}" in text and f"{words:,}" in text and f"{words:,}.00" not in text
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "gender / 1k" in wide and "left out" not in wide and max(cell_len(line) for line in wide.splitlines()) > 80


@pytest.mark.parametrize("width", WIDTHS)
def test_help_lists_choices_whole_and_no_bool(width):
    from marketingtext.keywords.methods import METHODS
    from marketingtext.output.writers import FORMATS

    for command, choices in (("keywords", list(METHODS)), ("compare", ["lemma", "keyphrase", "entity", "bonferroni"]),
                             ("docs", list(FORMATS)), ("analyze", [])):
        text = run_mtext([command, "--help"], width)
        assert "--help" in text and "<bool>" not in text, command
        words = set(re.findall(r"[\w-]+", text))
        assert [c for c in choices if c not in words] == [], command
        assert max(cell_len(line) for line in text.splitlines()) <= width


def test_reports_name_documents_by_their_titles(reports, seeds, seed_tables):
    """Issue 27: terminal reports name a document by its title where the page has one (essays 001-004), by its
    file name where not (000); the CSV keeps the ``doc`` name."""
    titles = seeds.display_names()
    assert titles["001_ddbf49292ca9b49c"] == "Marketing oder Markt machen?"
    assert titles["000_c44f16a2d46a17b4"] == "000_c44f16a2d46a17b4.txt"
    keywords = render(reports["keywords"], 200)
    assert "Marketing oder Markt machen?" in keywords and "MARKETING-DÄMMERUNG?" in keywords
    assert "001_ddbf49292ca9b49c" not in keywords and "000_c44f16a2d46a17b4.txt" in keywords
    matrix = render(reports["compare --matrix"], 200)
    assert "2 Marketing oder Markt" in matrix and "001_ddbf" not in matrix
    docs = render(terminal.docs_report(seed_tables["docs"], seeds.pipeline), 200)
    assert "Digitales Marketing – in flotten Sprüchen" in " ".join(docs.split())
    summary = summarize(seed_tables["entities"])
    shown = render(terminal.generic_table(terminal.with_names(summary, titles), title="Entities"), 300)
    first_docs = set(summary["first_doc"])
    assert first_docs and not any(doc in shown for doc in first_docs - {"000_c44f16a2d46a17b4"})


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs a POSIX system")
def test_keywords_in_a_terminal_titles_each_document(cache_dir):
    text = run_mtext(["keywords", str(RAW / "001_ddbf49292ca9b49c.txt"), "--cache-dir", str(cache_dir)], 120,
                     pty=True)
    assert "Marketing oder Markt machen?" in text and "001_ddbf49292ca9b49c" not in text
