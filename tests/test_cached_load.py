"""A run whose documents are all in the Doc cache loads no NER; a document to parse still gets one.

A cached Doc keeps its entities; what the entity tables read beyond the Doc is the vocabulary's name-list flags, which
:func:`~marketingtext.nlp.pipeline.load_reader` installs without the NER's model and vectors. The whole pipeline is
loaded (by the process that parses) only when a document is not cached or its entry is damaged.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pandas as pd
import pytest

import marketingtext as mt
import marketingtext.nlp.pipeline as pipeline_module

from .conftest import RAW

# Two essays and a Wikipedia article whose entities depend on the name-list flags (the rule layer finds the place
# "Guam" through them: a reader without the flags would miss it); the third essay where the article is not at hand
ARTICLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "wiki_de_1M" / "wiki" / "Mikronesien.txt"
ESSAYS = [str(path) for path in sorted(RAW.glob("*.txt"))[:2]] + \
    [str(ARTICLE) if ARTICLE.exists() else str(sorted(RAW.glob("*.txt"))[2])]


@pytest.fixture()
def loads(monkeypatch) -> list[tuple]:
    """The pipelines loaded from now on, as ``(model, entities, ...)``: the arguments of each load."""
    calls: list[tuple] = []
    loaded = pipeline_module._loaded_pipeline

    def recorded(*args, **kwargs):
        calls.append((*args, *kwargs.values()))
        return loaded(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "_loaded_pipeline", recorded)
    return calls


def ner_loaded(calls: list[tuple]) -> bool:
    return any(call[1] for call in calls)  # entities=True: the whole pipeline, with the NER


@pytest.fixture(scope="module")
def uncached(pipeline):
    """The entity mentions of the three texts, every one parsed with the whole pipeline."""
    table = mt.load(ESSAYS, pipeline=pipeline, use_cache=False).entities()
    assert (table["source"] != "gazetteer").any()  # the NER's mentions are there, not only the gazetteer's
    return table


def filled_cache(tmp_path, pipeline, paths=ESSAYS):
    """A cache holding the Docs of ``paths`` (parsed with the NER) and no finished table."""
    mt.load(paths, cache_dir=tmp_path, pipeline=pipeline).entities()
    for tables in tmp_path.glob("*/tables"):
        for entry in tables.iterdir():
            entry.unlink()
    return tmp_path


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cached_rerun_of_entities_loads_no_ner(pipeline, tmp_path, uncached, loads, jobs):
    cache = filled_cache(tmp_path, pipeline)
    loads.clear()
    corpus = mt.load(ESSAYS, cache_dir=cache, jobs=jobs)  # as `mtext entities` opens it
    assert "ner" not in corpus.nlp.pipe_names and "mtext_hanta" in corpus.nlp.pipe_names
    assert corpus.pipeline == pipeline[1]  # the whole pipeline's name, version and components: same key, run.json
    table = corpus.entities()
    pd.testing.assert_frame_equal(table, uncached)
    assert not ner_loaded(loads), loads
    assert "ner" not in corpus.nlp.pipe_names


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_partly_cached_corpus_parses_the_new_document_with_the_ner(pipeline, tmp_path, uncached, loads, jobs):
    cache = filled_cache(tmp_path, pipeline, ESSAYS[:2])
    loads.clear()
    corpus = mt.load(ESSAYS, cache_dir=cache, jobs=jobs)
    assert not ner_loaded(loads), loads  # not before a document is known to need it
    table = corpus.entities()
    pd.testing.assert_frame_equal(table, uncached)
    new = mt.load(ESSAYS[2:], pipeline=pipeline, use_cache=False).docs()["doc"].iloc[0]
    assert ((table["doc"] == new) & (table["source"] != "gazetteer")).any()  # the NER's mentions of the new text
    assert ner_loaded(loads) and "ner" in corpus.nlp.pipe_names


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_damaged_entry_is_parsed_again_with_the_ner(pipeline, tmp_path, uncached, jobs):
    cache = filled_cache(tmp_path, pipeline)
    damaged = sorted(path for path in cache.rglob("*.spacy") if "-without-" not in str(path))[0]
    damaged.write_bytes(b"damaged")
    with pytest.warns(UserWarning, match="corrupt") if jobs == 1 else nullcontext():  # a worker's warning stays there
        table = mt.load(ESSAYS, cache_dir=cache, jobs=jobs).entities()
    pd.testing.assert_frame_equal(table, uncached)
    assert damaged.read_bytes() != b"damaged"  # stored again, parsed with the whole pipeline


def test_the_reader_has_the_whole_pipelines_name_flags_and_info(pipeline):
    from marketingtext.nlp.name_lists import FIRST_NAME, PLACE, PLACE_DERIVED, SURNAME

    words, flags = ("Kunde", "Münster", "Münsteraner", "Thomas", "Müller"), (PLACE, PLACE_DERIVED, FIRST_NAME, SURNAME)
    reader = pipeline_module.load_reader(pipeline_module.OFFLINE)
    whole = pipeline[0]
    assert reader.pipe_names == [name for name in whole.pipe_names if name not in pipeline_module.ENTITY_COMPONENTS]
    assert reader.vocab["Münster"].check_flag(PLACE) and reader.vocab["Müller"].check_flag(SURNAME)
    assert [reader.vocab[word].check_flag(flag) for word in words for flag in flags] == \
        [whole.vocab[word].check_flag(flag) for word in words for flag in flags]
    assert pipeline_module.known_info(pipeline_module.OFFLINE) == pipeline[1]
