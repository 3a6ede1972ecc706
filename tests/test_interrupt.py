"""Ctrl-C: exit 130, one line, no traceback, no partial output, the cache still readable.

The real executable runs on a generated corpus long enough to be interrupted while it parses
(SIGINT is sent once the first parsed document has reached the cache).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import RAW


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory) -> Path:
    """200 variants of the seed essays: about a minute of parsing, so there is time to interrupt even on a
    busy machine (with 40, a slow poll once found the run already finished)."""
    folder = tmp_path_factory.mktemp("long")
    essays = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    for n in range(200):
        text = essays[n % len(essays)]
        (folder / f"essay_{n:03d}.txt").write_text(f"Fassung {n}.\n\n{text}", encoding="utf-8")
    return folder


def interrupt_when_parsing(args: list[str], cache: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "marketingtext", *args, "--cache-dir", str(cache)]
    # SIGINT as a terminal delivers it. A test run started in the background by a non-interactive shell ignores
    # SIGINT, the child would inherit that, and Python then installs no KeyboardInterrupt handler in it.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + timeout
    while not list(cache.rglob("*.spacy")):  # the first document is parsed and cached
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "parsing never started"
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def assert_cache_consistent(cache: Path) -> None:
    from spacy.tokens import DocBin

    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    entries = list(cache.rglob("*.spacy"))
    assert entries
    for entry in entries:
        DocBin().from_bytes(entry.read_bytes())  # raises on a half-written entry


def assert_one_line_interrupted(result: subprocess.CompletedProcess) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines() == ["mtext: error: interrupted; no output written"]


def test_ctrl_c_while_parsing_leaves_the_old_output_and_a_sound_cache(long_corpus, tmp_path):
    out = tmp_path / "sentences.csv"
    out.write_text("alte,tabelle\n")
    result = interrupt_when_parsing(["sentences", str(long_corpus), "-o", str(out)], tmp_path / "cache")
    assert_one_line_interrupted(result)
    assert out.read_text() == "alte,tabelle\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "sentences.csv"]
    assert_cache_consistent(tmp_path / "cache")


def test_ctrl_c_during_analyze_leaves_the_old_folder(long_corpus, tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "docs.csv").write_text("doc\nalt\n")
    result = interrupt_when_parsing(["analyze", str(long_corpus), "--out", str(out)], tmp_path / "cache")
    assert_one_line_interrupted(result)
    assert [p.name for p in out.iterdir()] == ["docs.csv"] and (out / "docs.csv").read_text() == "doc\nalt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "output"]
    assert_cache_consistent(tmp_path / "cache")
