"""What a user sees for awkward inputs and outputs: one line per skipped path, exit status, files written."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from marketingtext.cli import app

SATZ = "Der Markt\fwächst, sagt die Bäckerin. Kund:innen kaufen online.\n"


@pytest.fixture()
def awkward_folder(tmp_path):
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "gut.txt").write_text(SATZ, encoding="utf-8")
    (folder / "breit.txt").write_bytes(SATZ.encode("utf-16-le"))
    (folder / "tot.txt").symlink_to(tmp_path / "weg.txt")
    (folder / "kreis").symlink_to(folder)
    return folder


def test_each_skipped_path_one_line_and_exit_1(mtext, awkward_folder):
    result = mtext("docs", str(awkward_folder), "-f", "csv")
    assert result.exit_code == 1, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("mtext: skipped")]
    assert len(skipped) == 2 and len(result.stderr.splitlines()) == 2
    assert any("tot.txt" in line and "broken symbolic link" in line for line in skipped)
    assert any("kreis" in line and "already read" in line for line in skipped)
    table = pd.read_csv(io.BytesIO(result.stdout_bytes))
    assert table["doc"].tolist() == ["breit", "gut"]
    assert table.set_index("doc").loc["breit", "encoding"] == "utf-16-le"
    assert (table["words"] == 9).all()  # "Markt<FF>wächst" is two words in both files


def test_stdin_twice_is_one_line_and_exit_1(mtext):
    result = CliRunner().invoke(app, ["docs", "-", "-", "-f", "csv", "--no-cache"], input=SATZ,
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if "twice" in line] == [
        "mtext: skipped -: stdin given twice; it can be read only once, give - once"]


def test_analyze_writes_the_workbook_and_keeps_other_files(mtext, awkward_folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notizen.md").write_text("meine Notizen")
    result = mtext("analyze", str(awkward_folder / "gut.txt"), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["doc_topics.csv", "docs.csv", "entities.csv", "keywords.csv",
                                                    "notizen.md", "report.html", "run.json",
                                                    "sentences.csv", "tables.xlsx", "topic_k.csv", "topics.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["korpus", "out"]  # no temporary folder left


def test_no_paths_where_the_default_folder_is_missing_says_what_to_pass(mtext, tmp_path, monkeypatch):
    """The default input data/raw is relative to the current folder: elsewhere mtext says so, and what to pass."""
    monkeypatch.chdir(tmp_path)
    result = mtext("keywords")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "./data/raw does not exist" in result.stderr and "pass files or folders" in result.stderr
