"""Long texts: parsed in chunks that join to the same Doc, and a book-length file analysed in parts
(one Doc per part) so that memory does not grow with the file."""

from __future__ import annotations

import io

import pandas as pd
from typer.testing import CliRunner

from marketingtext.cli import app
from marketingtext.core.pieces import split_text
from marketingtext.engine import parsing
from marketingtext.reading import sourcelist

from .conftest import RAW


def essays_text() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt")))


def test_split_text_cuts_at_paragraphs_and_keeps_every_character():
    text = essays_text()
    pieces = split_text(text, 5_000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 5_000 for piece in pieces) and len(pieces) >= len(text) // 5_000
    assert sum(piece.endswith("\n") for piece in pieces[:-1]) == len(pieces) - 1  # at line ends, not mid-word
    unbroken = "x" * 2_500
    assert split_text(unbroken, 1_000) == ["x" * 1_000, "x" * 1_000, "x" * 500]  # hard cut where no boundary


def test_a_text_parsed_in_chunks_is_the_text_parsed_whole(nlp, monkeypatch):
    text = essays_text()[:12_000]
    whole = next(parsing.pipe_texts(nlp, [text]))
    monkeypatch.setattr(parsing, "CHUNK_CHARS", 3_000)
    chunked = next(parsing.pipe_texts(nlp, [text]))
    assert len(split_text(text, 3_000)) >= 4
    assert chunked.text == whole.text
    assert [t.text for t in chunked] == [t.text for t in whole]
    assert [t.lemma_ for t in chunked] == [t.lemma_ for t in whole]


def test_short_and_long_texts_keep_their_order(nlp, monkeypatch):
    monkeypatch.setattr(parsing, "CHUNK_CHARS", 2_000)
    long_text = essays_text()[:7_000]
    texts = ["Erster kurzer Text.", long_text, "Zweiter kurzer Text.", "Dritter.", long_text[:3_000]]
    docs = list(parsing.pipe_texts(nlp, texts, batch_size=2))
    assert [doc.text for doc in docs] == texts


def test_a_book_length_file_is_analysed_in_parts(tmp_path, pipeline, monkeypatch):
    import marketingtext as mt

    book = tmp_path / "buch.txt"
    book.write_text(essays_text(), encoding="utf-8")
    unsplit = mt.load([book], pipeline=pipeline, use_cache=False)
    whole, whole_text = unsplit.docs(), next(iter(unsplit.sources)).text
    monkeypatch.setattr(sourcelist, "PART_CHARS", 8_000)
    corpus = mt.load([book], pipeline=pipeline, use_cache=False)
    parts = corpus.docs()
    assert len(parts) >= 4 and parts["doc"].tolist() == [f"buch#{n}" for n in range(1, len(parts) + 1)]
    assert all(len(source.text) <= 8_000 for source in corpus.sources)
    assert "".join(source.text for source in corpus.sources) == whole_text
    assert corpus.sources._parts is None  # the file's parts are let go after the last one
    # cut at paragraph boundaries: words and sentences add up to the whole file's
    assert parts["words"].sum() == whole["words"].iloc[0]
    assert parts["sentences"].sum() == whole["sentences"].iloc[0]
    assert parts["chars_dropped"].sum() == whole["chars_dropped"].iloc[0]


def test_the_cli_says_a_file_was_analysed_in_parts(tmp_path, pipeline, monkeypatch):
    (tmp_path / "buch.txt").write_text(essays_text(), encoding="utf-8")
    (tmp_path / "kurz.txt").write_text("Der Markt wächst, sagt die Bäckerin.\n", encoding="utf-8")
    monkeypatch.setattr(sourcelist, "PART_CHARS", 8_000)
    result = CliRunner().invoke(app, ["docs", str(tmp_path), "-f", "csv", "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 0
    table = pd.read_csv(io.StringIO(result.stdout))
    assert table["doc"].iloc[0] == "buch#1" and table["doc"].iloc[-1] == "kurz"
    notice = [line for line in result.stderr.splitlines() if "parts" in line]
    assert len(notice) == 1 and "buch.txt" in notice[0] and f"{len(table) - 1} parts" in notice[0]
