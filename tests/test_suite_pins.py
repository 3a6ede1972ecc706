"""The suite pins the pipeline its exact numbers were worked out on (issue 31): the offline German pipeline,
for the session's fixtures and for every ``mtext`` the tests start (``MTEXT_MODEL``, set in conftest.py)."""

from __future__ import annotations

import io

import pandas as pd
from typer.testing import CliRunner

from marketingtext.cli import app

from .conftest import RAW


def test_the_fixtures_parse_with_the_offline_pipeline(pipeline):
    assert pipeline[1].name == "mtext_offline_de"


def test_mtext_without_model_takes_the_offline_pipeline_even_where_de_core_news_sm_is_installed(monkeypatch):
    monkeypatch.setattr("marketingtext.nlp.pipeline.is_sm_installed", lambda: True)  # as on a machine that has it
    essay = sorted(RAW.glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["docs", str(essay), "--format", "csv", "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert pd.read_csv(io.BytesIO(result.stdout_bytes))["pipeline"].tolist() == ["mtext_offline_de 0.1.0"]
