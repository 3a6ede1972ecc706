"""Shared fixtures: the seed essays parsed once per test session with the installed pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def pipeline():
    from marketingtext.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline[0]


@pytest.fixture(scope="session")
def seeds(pipeline, cache_dir):
    import marketingtext as mt

    return mt.load([RAW], cache_dir=cache_dir, pipeline=pipeline).keep_in_memory()


@pytest.fixture(scope="session")
def seed_tables(seeds):
    return seeds.analyze()
