"""The mtext command end to end: exit codes, bad input, and the seed tables."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from .conftest import RAW


def mtext(*args: str, cache: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "marketingtext", *args, "--cache-dir", str(cache)]
    return subprocess.run(cmd, capture_output=True, input=stdin, timeout=600)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "gut.txt").write_text("Kund:innen lieben gutes Marketing. Das sagt Philip Kotler.\n")
    (folder / "alt.txt").write_bytes("Die „Größe“ des Marktes – 5 € – überrascht die Bäcker.\n".encode("cp1252"))
    (folder / "leer.txt").write_bytes(b"")
    (folder / "bild.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    return folder


def test_sentences_of_seeds_as_csv(cache_dir):
    result = mtext("sentences", str(RAW), "--format", "csv", cache=cache_dir)
    assert result.returncode == 0, result.stderr.decode()
    table = pd.read_csv(io.BytesIO(result.stdout))
    assert list(table.columns[:9]) == ["doc", "sent_id", "start_char", "end_char", "text", "n_tokens",
                                       "n_words", "mean_word_len", "is_question"] or "n_chars" in table.columns
    assert table["doc"].nunique() == 5 and len(table) > 300
    assert not table["text"].str.endswith(("z. B.", "bzw.", "d. h.")).any()


def test_bad_files_are_skipped_with_one_line_each_and_exit_1(mixed_folder, cache_dir, tmp_path):
    out = tmp_path / "docs.csv"
    result = mtext("docs", str(mixed_folder), str(mixed_folder / "fehlt.txt"), "-o", str(out), cache=cache_dir)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    skipped = [line for line in stderr.splitlines() if line.startswith("mtext: skipped")]
    assert len(skipped) == 3
    assert any("leer.txt" in line and "empty" in line for line in skipped)
    assert any("bild.txt" in line and "binary" in line for line in skipped)
    assert any("fehlt.txt" in line for line in skipped)
    table = pd.read_csv(out)
    assert sorted(table["doc"]) == ["alt", "gut"]
    assert dict(zip(table["doc"], table["encoding"], strict=True))["alt"] == "cp1252"


def test_nothing_readable_exits_2(tmp_path, cache_dir):
    result = mtext("sentences", str(tmp_path / "nope"), cache=cache_dir)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_unwritable_output_exits_2_with_one_line(mixed_folder, cache_dir, tmp_path):
    result = mtext("docs", str(mixed_folder / "gut.txt"), "-o", str(tmp_path / "no" / "dir" / "x.csv"),
                   cache=cache_dir)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr
    assert "x.csv" in stderr and len(stderr.strip().splitlines()) == 1


def test_stdin_input(cache_dir):
    result = mtext("sentences", "-", "-f", "jsonl", cache=cache_dir,
                   stdin=b"Erster Satz, z. B. hier. Zweiter Satz!")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2 and '"is_exclamation":true' in lines[1]


def test_huge_single_line_is_split_not_refused(tmp_path, cache_dir):
    sentence = "Das digitale Marketing verändert die Beziehung zu Kunden grundlegend. "
    path = tmp_path / "huge.txt"
    path.write_text(sentence * 17_000)  # about 1.2 million characters on one line
    result = mtext("docs", str(path), "-f", "csv", "--no-cache", cache=cache_dir)
    assert result.returncode == 0, result.stderr.decode()[-500:]
    table = pd.read_csv(io.BytesIO(result.stdout))
    assert table["sentences"].iloc[0] == 17_000


def test_analyze_writes_all_tables(tmp_path, cache_dir):
    result = mtext("analyze", str(RAW), "--out", str(tmp_path / "out"), cache=cache_dir)
    assert result.returncode == 0, result.stderr.decode()
    for name in ("keywords", "entities", "sentences", "docs"):
        assert len(pd.read_csv(tmp_path / "out" / f"{name}.csv")) > 0


def test_same_input_same_bytes(cache_dir):
    first = mtext("keywords", str(RAW), "-f", "csv", cache=cache_dir).stdout
    second = mtext("keywords", str(RAW), "-f", "csv", cache=cache_dir).stdout
    assert first == second and len(first) > 1000


def test_missing_model_says_how_to_install(cache_dir):
    result = mtext("docs", str(RAW), "--model", "de_core_news_xx", cache=cache_dir)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert "not installed" in stderr and "Traceback" not in stderr
