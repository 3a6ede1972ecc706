"""run.json and the docs table's pipeline column: what produced a run's tables."""

from __future__ import annotations

import hashlib
import json

from marketingtext.core.version import __version__


def test_analyze_writes_run_json(seeds, tmp_path):
    tables = seeds.analyze(tmp_path / "out")
    info = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert info["mtext_version"] == __version__
    assert info["pipeline"]["name"] == seeds.pipeline.name
    assert info["pipeline"]["version"] == seeds.pipeline.version
    assert info["pipeline"]["components"] == list(seeds.pipeline.components)
    assert info["options"]["excel"] is False and info["options"]["keep_boilerplate"] is False
    assert [i["doc"] for i in info["inputs"]] == list(tables["docs"]["doc"])
    first = seeds.sources[0]
    assert info["inputs"][0]["path"] == first.path
    assert info["inputs"][0]["encoding"] == first.encoding
    assert info["inputs"][0]["text_sha256"] == hashlib.sha256(first.text.encode("utf-8")).hexdigest()
    assert len(info["inputs"][0]["text_sha256"]) == 64


def test_run_json_is_the_same_for_the_same_run(seeds, tmp_path):
    seeds.analyze(tmp_path / "one")
    seeds.analyze(tmp_path / "two")
    assert (tmp_path / "one" / "run.json").read_bytes() == (tmp_path / "two" / "run.json").read_bytes()


def test_docs_table_names_the_pipeline_after_encoding(seeds):
    docs = seeds.docs()
    columns = list(docs.columns)
    assert columns[columns.index("encoding") + 1] == "pipeline"
    assert (docs["pipeline"] == f"{seeds.pipeline.name} {seeds.pipeline.version}").all()
    assert list(seeds.analyze()["docs"].columns) == columns
