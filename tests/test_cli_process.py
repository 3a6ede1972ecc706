"""The real executable end to end: what only a new process shows (pipes, stdin, exit status, no traceback)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

from .conftest import RAW


def mtext(*args: str, cache: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "marketingtext", *args, "--cache-dir", str(cache)]
    return subprocess.run(cmd, capture_output=True, input=stdin, timeout=600)


def test_a_pipe_gets_csv_and_a_skipped_file_exit_1(cache_dir, tmp_path):
    missing = tmp_path / "fehlt.txt"
    result = mtext("keywords", str(next(RAW.glob("000_*.txt"))), str(missing), "--top", "3", cache=cache_dir)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr and stderr.count("mtext: skipped") == 1 and str(missing) in stderr
    table = pd.read_csv(io.BytesIO(result.stdout))  # no --format: CSV because stdout is a pipe
    assert list(table.columns[:3]) == ["doc", "rank", "term"] and len(table) == 6


def test_stdin_input(cache_dir):
    result = mtext("sentences", "-", "-f", "jsonl", cache=cache_dir, stdin=b"Erster Satz, z. B. hier. Zweiter Satz!")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2 and '"is_exclamation":true' in lines[1]


def test_nothing_readable_exits_2_without_traceback(tmp_path, cache_dir):
    result = mtext("sentences", str(tmp_path / "nope"), cache=cache_dir)
    assert result.returncode == 2 and result.stdout == b""
    assert "Traceback" not in result.stderr.decode()
