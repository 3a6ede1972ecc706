"""Parallel and distributed parsing give the same tables as one process; cluster failures are one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from marketingtext.engine.cluster import text_batches

from .conftest import RAW


def test_text_batches_keep_order_and_size():
    texts = [f"Satz {i}. " * (i + 1) for i in range(12)]
    batches = list(text_batches(texts, batch_chars=60))
    assert [t for batch in batches for t in batch] == texts
    assert all(sum(map(len, batch[:-1])) < 60 for batch in batches)
    assert len(batches) > 3


def _tables_of(tmp_path, name, pipeline, **options):
    import marketingtext as mt

    corpus = mt.load([RAW], cache_dir=tmp_path / name, pipeline=pipeline, **options)
    return corpus.analyze()


def _assert_same_tables(expected: dict, actual: dict) -> None:
    assert expected.keys() == actual.keys()
    for name in expected:
        pd.testing.assert_frame_equal(expected[name], actual[name], obj=name)


def test_two_processes_give_the_tables_of_one(tmp_path, pipeline, seed_tables):
    _assert_same_tables(seed_tables, _tables_of(tmp_path, "jobs2", pipeline, jobs=2))


def test_dask_local_cluster_gives_the_tables_of_one_process(tmp_path, pipeline, seed_tables):
    pytest.importorskip("distributed")
    tables = _tables_of(tmp_path, "dask", pipeline, jobs=2, scheduler="local")
    _assert_same_tables(seed_tables, tables)
    assert len(tables["sentences"]) > 300 and tables["entities"]["canonical"].eq("Philip Kotler").any()


def test_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    pytest.importorskip("distributed")
    env = {**os.environ, "MTEXT_DASK_SCHEDULER": "tcp://127.0.0.1:9"}
    cmd = [sys.executable, "-m", "marketingtext", "keywords", str(RAW), "--cache-dir", str(tmp_path), "-f", "csv"]
    result = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and result.stdout == b""
    assert "Traceback" not in stderr and "tcp://127.0.0.1:9" in stderr
    assert stderr.strip().count("\n") == 0, stderr
