"""No document and no character kills a run (issue 27): a document whose analysis raises is skipped with one
line naming it and the cause (exit 1), and the other documents are written.

The real failure was a superscript footnote mark (``5 %¹``): the syllable counter raised ``ValueError:
invalid literal for int()`` and ``mtext sentences`` over the folder wrote nothing. That character is now
read (tests/test_syllables.py); here the run is checked on it, and the guard against the next such bug
is checked by putting that old bug back into the sentence table's syllable counter on purpose.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

import marketingtext as mt
from marketingtext.cli import app
from marketingtext.language import syllables as syllable_module

GOOD_A = "Die Kundin kauft im Laden ein. Der Händler freut sich über den Umsatz.\n"
GOOD_B = "Marketing verbindet Unternehmen und Kunden. Gute Texte überzeugen die Leser.\n"
FOOTNOTE = "Die Quote stieg um 5 %¹ im Jahr. Das freut den Vorstand sehr.\n"  # from a scraped web page


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a_gut.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "b_fussnote.txt").write_text(FOOTNOTE, encoding="utf-8")
    (tmp_path / "c_gut.txt").write_text(GOOD_B, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def mtext(tmp_path, pipeline):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [*args, "--cache-dir", str(tmp_path / "cache"), "--model", "offline"],
                             catch_exceptions=False)

    return run


def old_syllables(word: str) -> int:
    """The counter as it was before issue 27: int() on a superscript digit."""
    if any(c in "¹²³" for c in word):
        return int(next(c for c in word if c in "¹²³"))
    return syllable_module.syllables(word)


def test_a_superscript_footnote_mark_is_read_and_every_document_written(mtext, folder):
    result = mtext("sentences", str(folder), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(io.BytesIO(result.stdout_bytes))
    assert list(table["doc"].unique()) == ["a_gut", "b_fussnote", "c_gut"]
    first = table[table["doc"] == "b_fussnote"].iloc[0]
    assert first["text"] == "Die Quote stieg um 5 %¹ im Jahr."
    # Die(1) Quo-te(2) stieg(1) um(1) fünf(1) eins(1: the mark, read apart) im(1) Jahr(1) = 9; % is no word
    assert first["n_syllables"] == 9


@pytest.mark.parametrize("command", ["sentences", "docs", "analyze"])
def test_a_document_whose_analysis_raises_is_skipped_with_one_line(mtext, folder, tmp_path, monkeypatch, command):
    monkeypatch.setattr("marketingtext.tables.sentences.syllables", old_syllables)
    monkeypatch.setattr("marketingtext.language.stats.syllables", old_syllables)
    out = tmp_path / "out"
    args = [command, str(folder)] + (["--out", str(out), "--no-report"] if command == "analyze"
                                     else ["-o", str(out.with_suffix(".csv"))])
    result = mtext(*args)
    assert result.exit_code == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("mtext:")]
    skipped = [line for line in errors if "skipped" in line]
    assert len(skipped) == 1, result.stderr
    assert "b_fussnote.txt" in skipped[0] and "ValueError" in skipped[0] and "invalid literal" in skipped[0]
    assert "Traceback" not in result.stderr
    written = pd.read_csv(out / f"{command if command != 'analyze' else 'sentences'}.csv" if command == "analyze"
                          else out.with_suffix(".csv"))
    assert sorted(written["doc"].unique()) == ["a_gut", "c_gut"]


def test_the_table_cache_does_not_forget_a_skipped_document(mtext, folder, monkeypatch):
    """A table built without a document is not stored: the second run says so again and exits 1."""
    monkeypatch.setattr("marketingtext.tables.sentences.syllables", old_syllables)
    for _ in range(2):
        result = mtext("sentences", str(folder), "--format", "csv")
        assert result.exit_code == 1
        assert sum("skipped" in line and "b_fussnote.txt" in line for line in result.stderr.splitlines()) == 1
        assert sorted(pd.read_csv(io.BytesIO(result.stdout_bytes))["doc"].unique()) == ["a_gut", "c_gut"]


def test_the_python_api_leaves_the_document_out_of_every_later_table(folder, tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr("marketingtext.tables.sentences.syllables", old_syllables)
    corpus = mt.load([folder], cache_dir=tmp_path / "cache", pipeline=pipeline)
    assert sorted(corpus.sentences()["doc"].unique()) == ["a_gut", "c_gut"]
    assert [p.path.endswith("b_fussnote.txt") for p in corpus.problems] == [True]
    # the keyword table never raised, yet leaves the document out too: one document, one fate
    assert "b_fussnote" not in set(corpus.keywords(scope="per-doc")["doc"])


def test_an_error_of_the_whole_run_is_not_blamed_on_a_document(folder, tmp_path, pipeline):
    corpus = mt.load([folder], cache_dir=tmp_path / "cache", pipeline=pipeline)

    def broken_table():
        list(corpus.parsed())
        raise ZeroDivisionError("a table bug that no single document causes")

    with pytest.raises(ZeroDivisionError):
        corpus._analysed(broken_table)
    assert corpus.problems == []


def test_a_base64_blob_does_not_stall_the_tagger(nlp, monkeypatch):
    """HanTa's time grows far faster than a word's length (400 characters took 6 s, so a 33,000-character
    data URI of a scraped page took hours): such tokens never reach it, and keep their text as lemma."""
    from marketingtext.nlp.hanta_tagger import MAX_TAGGED_CHARS, load_hanta

    tagger = load_hanta()
    seen = []
    real = tagger.tag_sent

    def spy(words, **options):
        seen.extend(words)
        return real(words, **options)

    monkeypatch.setattr(tagger, "tag_sent", spy)
    blob = "iVBORw0KGgoAAAANSUhEUgAA" * 1500
    doc = nlp(f"Das Bild {blob} zeigt unsere Kunden im Laden.")
    assert max(len(word) for word in seen) <= MAX_TAGGED_CHARS
    long_token = next(t for t in doc if len(t) > MAX_TAGGED_CHARS)
    assert (long_token.lemma_, long_token.tag_, long_token.pos_) == (blob, "XY", "X")
    kunden = next(t for t in doc if t.text == "Kunden")
    assert (kunden.lemma_, kunden.pos_) == ("Kunde", "NOUN")  # the words around it are tagged as ever
