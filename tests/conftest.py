"""Shared fixtures: the seed essays parsed once per test session with the offline pipeline.

The seed tests' exact numbers were worked out on mtext's offline German pipeline, so the suite pins it
(``MTEXT_MODEL=offline`` for every ``mtext`` the tests start, in process or as a subprocess): on a machine
with ``de_core_news_sm`` installed they would otherwise fail for the wrong reason. The official-shaped
pipeline has its own test with looser checks (tests/test_official_shape.py, ``--model PATH``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEED_PIPELINE = "offline"
os.environ["MTEXT_MODEL"] = SEED_PIPELINE  # before any test runs mtext; --model on a command line still wins


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def pipeline():
    from marketingtext.nlp.pipeline import load_pipeline

    return load_pipeline(SEED_PIPELINE)


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline[0]


@pytest.fixture(scope="session")
def cnn_nlp():
    """The offline pipeline with the NER folder's statistical NER (v0.5.0, the NER before the CRF) in place of the
    CRF, as ``bench/eval_ner.py --ner`` builds it: for what only that NER uses (floret rows, matmul ops)."""
    import spacy

    from marketingtext.nlp import german, hanta_tagger  # noqa: F401  (registers mtext's components)
    from marketingtext.nlp.matmul_ops import use_matmul_ops
    from marketingtext.nlp.pipeline import add_sourced_ner, build_offline_pipeline, ner_model_path

    cnn = build_offline_pipeline(entities=False)
    add_sourced_ner(cnn, spacy.load(ner_model_path()), ner_model_path())
    use_matmul_ops(cnn)
    return cnn


@pytest.fixture(scope="session")
def seeds(pipeline, cache_dir):
    import marketingtext as mt

    return mt.load([RAW], cache_dir=cache_dir, pipeline=pipeline).keep_in_memory()


@pytest.fixture(scope="session")
def seed_tables(seeds):
    return seeds.analyze()


@pytest.fixture(scope="session")
def mtext(cache_dir, pipeline):
    """The command line in this process (typer's runner), on the session's cache: ``mtext("docs", path)``."""
    from typer.testing import CliRunner

    from marketingtext.cli import app

    runner = CliRunner()

    def run(*args: str, stdin: bytes | None = None):
        return runner.invoke(app, [*args, "--cache-dir", str(cache_dir)], input=stdin, catch_exceptions=False)

    return run
