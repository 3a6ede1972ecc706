"""Caches: private files, tables as JSON (no pickle) that give the same CSV bytes, complete keys, housekeeping."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from marketingtext.cli import app
from marketingtext.core.errors import MtextError
from marketingtext.engine import cache as cache_module
from marketingtext.engine import tablecodec
from marketingtext.engine.cache import TableCache, cache_key, environment_key, read_entry, write_cache_file
from marketingtext.engine.cachedir import cache_info, clear_cache, trim_cache
from marketingtext.output.writers import serialize


def csv_bytes(table: pd.DataFrame) -> bytes:
    return serialize(table, "csv")


def test_seed_tables_come_back_as_the_same_csv_bytes(seed_tables):
    back = tablecodec.decode(tablecodec.encode(seed_tables))
    assert list(back) == list(seed_tables)
    for name, table in seed_tables.items():
        assert csv_bytes(back[name]) == csv_bytes(table), name
        assert back[name].dtypes.tolist() == table.dtypes.tolist(), name
        empty = table.iloc[0:0].reset_index(drop=True)
        again = tablecodec.decode(tablecodec.encode(empty))
        assert csv_bytes(again) == csv_bytes(empty) and again.dtypes.tolist() == empty.dtypes.tolist()


def test_awkward_floats_and_text_come_back_exactly():
    table = pd.DataFrame({
        "score": [0.1 + 0.2, 1e-300, float("nan"), float("inf"), -0.0, 7.375],
        "text": ["=1+2", "Zeile\nzwei", "", None, "„Größe“ – 5 €", "\x00\x0c"],
        "flag": [True, False, True, False, True, False],
        "n": [0, -1, 2**62, 3, 4, 5],
    })
    back = tablecodec.decode(tablecodec.encode(table))
    assert back["score"].tolist()[:2] == [0.1 + 0.2, 1e-300]
    assert back["score"].iloc[3] == float("inf") and pd.isna(back["score"].iloc[2])
    assert csv_bytes(back) == csv_bytes(table)


def test_tables_that_cannot_come_back_exactly_are_not_cached(tmp_path: Path):
    cache = TableCache(tmp_path, "p")
    odd = pd.DataFrame({"x": [1, 2]}, index=[5, 7])
    assert cache.get_or_build("t", {}, [b"doc"], lambda: odd) is odd
    assert not list(tmp_path.rglob("*.json"))


def test_table_cache_is_json_never_pickle(tmp_path: Path, seed_tables):
    cache = TableCache(tmp_path, "p")
    cache.get_or_build("analyze", {}, [b"d1", b"d2"], lambda: seed_tables)
    [entry] = list(tmp_path.rglob("*.json"))
    assert json.loads(entry.read_bytes())["format"] == tablecodec.FORMAT
    calls = []
    hit = cache.get_or_build("analyze", {}, [b"d1", b"d2"], lambda: calls.append(1))
    assert calls == [] and csv_bytes(hit["sentences"]) == csv_bytes(seed_tables["sentences"])


class Planted:
    """What an attacker with write access to a shared cache folder would plant: code run on unpickling."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_is_never_run(tmp_path: Path):
    import pickle

    cache = TableCache(tmp_path / "cache", "p")
    marker = tmp_path / "pwned"
    entry = cache.root / f"{cache.key('docs', {}, [b'd'])}.json"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(pickle.dumps(Planted(marker)))
    table = pd.DataFrame({"doc": ["a"]})
    with pytest.warns(UserWarning, match="corrupt"):
        assert cache.get_or_build("docs", {}, [b"d"], lambda: table) is table
    assert not marker.exists()


def test_cache_files_and_folders_are_private_whatever_the_umask(tmp_path: Path):
    old = os.umask(0)
    try:
        write_cache_file(tmp_path / "cache" / "key" / "ab" / "entry.spacy", b"essay text")
    finally:
        os.umask(old)
    for folder in [tmp_path / "cache", tmp_path / "cache" / "key", tmp_path / "cache" / "key" / "ab"]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE((tmp_path / "cache" / "key" / "ab" / "entry.spacy").stat().st_mode) == 0o600


def test_key_changes_with_the_ner_model_and_library_versions(tmp_path: Path, monkeypatch):
    model = tmp_path / "ner_de"
    (model / "ner").mkdir(parents=True)
    (model / "ner" / "model").write_bytes(b"weights v1")
    monkeypatch.setattr(cache_module, "ner_model_path", lambda: model)
    environment_key.cache_clear()
    first = cache_key("mtext_offline_de-1")
    (model / "ner" / "model").write_bytes(b"weights v2")  # a retrained model
    environment_key.cache_clear()
    retrained = cache_key("mtext_offline_de-1")
    import importlib.metadata

    real_version = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "99.0" if name == "wordfreq" else real_version(name))
    environment_key.cache_clear()
    upgraded = cache_key("mtext_offline_de-1")
    environment_key.cache_clear()
    assert len({first, retrained, upgraded}) == 3


def make_entry(path: Path, size: int, age_seconds: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    used = time.time() - age_seconds
    os.utime(path, (used, used))
    return path


def test_trim_removes_least_recently_used_first_and_a_read_counts_as_use(tmp_path: Path):
    old = make_entry(tmp_path / "k" / "aa" / "old.spacy", 1000, 300)
    read_later = make_entry(tmp_path / "k" / "bb" / "read.spacy", 1000, 200)
    new = make_entry(tmp_path / "k" / "tables" / "new.json", 1000, 100)
    read_entry(read_later)  # a cache hit: now the most recently used
    assert trim_cache(tmp_path, 2000) == 1
    assert not old.exists() and read_later.exists() and new.exists()
    assert trim_cache(tmp_path, 1000) == 1 and read_later.exists() and not new.exists()


def test_info_and_clear_touch_only_cache_entries(tmp_path: Path):
    make_entry(tmp_path / "k" / "aa" / "a.spacy", 500, 10)
    make_entry(tmp_path / "k" / "tables" / "t.json", 300, 10)
    mine = make_entry(tmp_path / "notes.md", 10, 10)  # a user's own file in the same folder
    info = cache_info(tmp_path)
    assert (info.docs, info.tables, info.size) == (1, 1, 800)
    removed = clear_cache(tmp_path)
    assert removed.entries == 2 and mine.exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["notes.md"]


def test_cache_commands(tmp_path: Path, monkeypatch):
    make_entry(tmp_path / "k" / "aa" / "a.spacy", 2_000_000, 10)
    monkeypatch.setenv("MTEXT_CACHE_MAX_MB", "50")
    runner = CliRunner()
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert info.exit_code == 0
    assert f"location: {tmp_path}" in info.stdout and "entries:  1 (1 parsed documents, 0 tables)" in info.stdout
    assert "2.0 MB" in info.stdout and "50 MiB" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(tmp_path)])
    assert cleared.exit_code == 0 and "removed 1 cache entries" in cleared.stderr
    assert cache_info(tmp_path).entries == 0


def test_a_run_with_a_cap_keeps_the_cache_under_it(tmp_path: Path, seeds, pipeline):
    import marketingtext as mt

    paths = [str(p) for p in sorted(Path(seeds.sources[0].path).parent.glob("*.txt"))]
    corpus = mt.load(paths, cache_dir=tmp_path, pipeline=pipeline, cache_max_mb=0.5)
    corpus.docs()
    assert 0 < cache_info(tmp_path).size <= 0.5 * 1024 * 1024
    with pytest.raises(MtextError, match=r"^MTEXT_CACHE_MAX_MB='viel' is not a number of megabytes"):
        os.environ["MTEXT_CACHE_MAX_MB"] = "viel"
        try:
            mt.load(paths[:1], cache_dir=tmp_path, pipeline=pipeline)
        finally:
            del os.environ["MTEXT_CACHE_MAX_MB"]


def test_a_retrained_ner_is_a_new_cache_key():
    """The models' meta.json (version, scores) is fingerprinted, their megabytes of weights are not: a new NER
    never reuses parses cached with the old one."""
    package = Path(cache_module.__file__).parents[1]
    files = [path.relative_to(package).as_posix() for path in cache_module.fingerprinted_files(package)]
    assert "nlp/models/ner_de/meta.json" in files
    assert "nlp/pipeline.py" in files and "entities/data/authorities.toml" in files
    assert not [name for name in files if "/models/" in name and not name.endswith("meta.json")]
