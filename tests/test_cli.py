"""The mtext command in-process (typer's CliRunner): options, exit codes, bad input and the seed tables.

The pipeline is loaded once per test process and parsed Docs come from the session's cache, so these
tests cost what the commands cost; tests/test_cli_process.py runs the real executable for exit codes,
stdin and pipes.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from marketingtext.cli import app

from .conftest import RAW


@pytest.fixture(scope="session")
def mtext(cache_dir, pipeline):
    runner = CliRunner()

    def run(*args: str, stdin: bytes | None = None):
        return runner.invoke(app, [*args, "--cache-dir", str(cache_dir)], input=stdin, catch_exceptions=False)

    return run


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "gut.txt").write_text("Kund:innen lieben gutes Marketing. Das sagt Philip Kotler.\n")
    (folder / "alt.txt").write_bytes("Die „Größe“ des Marktes – 5 € – überrascht die Bäcker.\n".encode("cp1252"))
    (folder / "leer.txt").write_bytes(b"")
    (folder / "bild.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    return folder


def csv_of(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.stderr
    return pd.read_csv(io.BytesIO(result.stdout_bytes))


def test_sentences_of_seeds_as_csv(mtext):
    table = csv_of(mtext("sentences", str(RAW), "--format", "csv"))
    assert list(table.columns[:8]) == ["doc", "sent_id", "start_char", "end_char", "text", "n_tokens", "n_words",
                                       "n_chars"]
    assert table["doc"].nunique() == 5 and len(table) > 300
    assert not table["text"].str.endswith(("z. B.", "bzw.", "d. h.")).any()


@pytest.mark.parametrize("command, columns", [
    (["docs"], ["doc", "path", "encoding", "sentences", "words", "mtld", "flesch_amstad"]),
    (["keywords", "--top", "5"], ["doc", "rank", "term", "lemma", "count", "per_10k", "score"]),
    (["entities", "--summary"], ["canonical", "label", "kind", "mentions", "docs", "variants"]),
    (["entities", "--cooccur"], ["source", "target", "sentences", "docs"]),
    (["kwic", "Kunde"], ["doc", "sent_id", "left", "match", "right"]),
    (["compare", "--matrix"], ["doc_a", "doc_b", "similarity"]),
    (["collocations", "Kunde"], ["term", "collocate", "freq", "logdice", "mi", "t_score", "g2", "docs"]),
    (["ngrams"], ["ngram", "key", "n", "freq", "range", "dp"]),
    (["topics"], ["topic", "label", "terms", "share", "coherence"]),
    (["topics", "--docs"], ["doc", "topic", "share"]),
])
def test_every_command_writes_its_documented_columns(mtext, command, columns):
    paths = [str(p) for p in sorted(RAW.glob("*.txt"))]
    args = [*command, str(RAW)] if command[0] in ("kwic", "collocations") else [*command, *paths]
    table = csv_of(mtext(*args, "-f", "csv"))
    assert set(columns) <= set(table.columns) and len(table) > 0


def test_compare_two_sides_and_style(mtext):
    a, b = (str(next(RAW.glob(f"{n}_*.txt"))) for n in ("001", "004"))
    terms = csv_of(mtext("compare", a, b, "-f", "csv"))  # Bonferroni: few terms survive in two short essays
    uncorrected = csv_of(mtext("compare", a, b, "--correction", "none", "-f", "csv"))
    # every term tested is ranked by effect size; the correction decides only which are significant
    assert len(terms) == len(uncorrected) > 20 and 0 < terms["key"].sum() < uncorrected["key"].sum()
    assert (terms["key"] <= terms["significant"]).all()
    assert set(uncorrected["favours"]) == {"a", "b"} and uncorrected["log_ratio"].abs().is_monotonic_decreasing
    assert {"docs_a", "docs_b"} <= set(terms.columns)
    style = csv_of(mtext("compare", a, b, "--style", "--label-a", "A", "--label-b", "B", "-f", "csv"))
    assert list(style.columns) == ["measure", "A", "B"] and "mtld" in set(style["measure"])


def test_bad_files_are_skipped_with_one_line_each_and_exit_1(mtext, mixed_folder, tmp_path):
    out = tmp_path / "docs.csv"
    result = mtext("docs", str(mixed_folder), str(mixed_folder / "fehlt.txt"), "-o", str(out))
    assert result.exit_code == 1, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("mtext: skipped")]
    assert len(skipped) == 3
    assert any("leer.txt" in line and "empty" in line for line in skipped)
    assert any("bild.txt" in line and "binary" in line for line in skipped)
    assert any("fehlt.txt" in line for line in skipped)
    table = pd.read_csv(out)
    assert sorted(table["doc"]) == ["alt", "gut"]
    assert dict(zip(table["doc"], table["encoding"], strict=True))["alt"] == "cp1252"


def test_nothing_readable_exits_2(mtext, tmp_path):
    result = mtext("sentences", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "no readable document" in result.stderr


def test_unwritable_output_exits_2_with_one_line(mtext, mixed_folder, tmp_path):
    result = mtext("docs", str(mixed_folder / "gut.txt"), "-o", str(tmp_path / "no" / "dir" / "x.csv"))
    assert result.exit_code == 2
    assert "x.csv" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, complaint", [
    (["keywords", "--format", "pdf"], "--format"),
    (["keywords", "--method", "magic"], "--method"),
    (["keywords", "--group", "heads"], "--group"),
    (["keywords", "--stopwords", "/no/such/list.txt"], "--stopwords"),
    (["entities", "--gazetteer", "/no/such/file.toml"], "--gazetteer"),
    (["compare", "a", "b", "--by", "colour"], "--by"),
    (["sentences", "--excel", "--format", "tsv"], "--excel"),
    (["sentences", "--excel", "-o", "tabelle.xlsx"], "--excel"),
])
def test_wrong_options_are_refused_before_any_file_is_read(mtext, args, complaint, monkeypatch):
    import marketingtext.corpus

    def must_not_read(*args, **kwargs):
        raise AssertionError("a file was read before the options were checked")

    monkeypatch.setattr(marketingtext.corpus, "load", must_not_read)
    result = mtext(*args, str(RAW))
    assert result.exit_code == 2
    assert complaint in result.stderr


def test_huge_single_line_is_split_not_refused(mtext, tmp_path):
    sentence = "Das digitale Marketing verändert die Beziehung zu Kunden grundlegend. "
    path = tmp_path / "huge.txt"
    path.write_text(sentence * 3_000)  # about 213,000 characters on one line: parsed in three pieces
    table = csv_of(mtext("docs", str(path), "-f", "csv", "--no-cache"))
    assert table["sentences"].iloc[0] == 3_000


def test_analyze_writes_all_tables(mtext, tmp_path):
    result = mtext("analyze", str(RAW), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    for name in ("keywords", "entities", "sentences", "docs", "topics", "doc_topics", "topic_k"):
        assert len(pd.read_csv(tmp_path / "out" / f"{name}.csv")) > 0
        assert len(pd.read_excel(tmp_path / "out" / "tables.xlsx", sheet_name=name)) > 0
    assert "report.html" in result.stdout  # the overview goes to stdout: analyze writes its tables to files


def test_same_input_same_bytes(mtext):
    first = mtext("keywords", str(RAW), "-f", "csv").stdout_bytes
    second = mtext("keywords", str(RAW), "-f", "csv", "--no-cache").stdout_bytes
    assert first == second and len(first) > 1000


def test_missing_model_says_how_to_install(mtext):
    result = mtext("docs", str(RAW), "--model", "de_core_news_xx")
    assert result.exit_code == 2
    assert "not installed" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_version(mtext):
    from marketingtext import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"mtext {__version__}"


def test_report_writes_one_offline_html_file(mtext, tmp_path):
    page = tmp_path / "bericht.html"
    a, b = (str(next(RAW.glob(f"{n}_*.txt"))) for n in ("001", "004"))
    result = mtext("report", str(RAW), "-o", str(page), "--compare", a, b, "--title", "Essays")
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<title>Essays" in html
    assert "<script src" not in html and "<link" not in html  # scripts and styles inlined: nothing fetched
    assert "Kund:innen" in html and "Philip Kotler" in html


def test_ngrams_refuses_a_range_that_is_empty(mtext):
    result = mtext("ngrams", str(RAW), "--n-min", "4", "--n-max", "2")
    assert result.exit_code == 2 and "--n-min 4" in result.stderr
