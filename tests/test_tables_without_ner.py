"""Tables that read no entity are made from Docs parsed without the NER, and are the same tables.

keywords, sentences, docs, n-grams, KWIC, collocations, topics and the similarity matrix never read ``doc.ents``;
the NER is about half of the offline pipeline's time. Their Docs go into a cache of their own (never served to
the entity table), and a Doc the full pipeline cached serves them too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import marketingtext as mt

from .conftest import RAW

ESSAYS = [str(path) for path in sorted(RAW.glob("*.txt"))[:2]]


def cache_folders(root: Path) -> dict[str, int]:
    """Cache entries per pipeline key (the first folder level under the cache root)."""
    return {folder.name: len(list(folder.rglob("*.spacy"))) for folder in root.iterdir()
            if folder.is_dir() and list(folder.rglob("*.spacy"))}


@pytest.fixture(scope="module")
def full_tables(pipeline, tmp_path_factory):
    """Every table from Docs of the whole pipeline (held in memory: parsed once, with the NER)."""
    corpus = mt.load(ESSAYS, cache_dir=tmp_path_factory.mktemp("full"), pipeline=pipeline, use_cache=False)
    corpus.keep_in_memory()
    assert any(len(parsed.doc.ents) for parsed in corpus.parsed())
    return {"keywords": corpus.keywords(), "sentences": corpus.sentences(), "docs": corpus.docs(),
            "ngrams": corpus.ngrams(), "kwic": corpus.kwic("Kunde"), "topics": corpus.topics(),
            "similarity": corpus.similarity(), "collocations": corpus.collocations("Kunde")}


def test_word_tables_parse_without_the_ner_into_their_own_cache(pipeline, tmp_path, full_tables):
    corpus = mt.load(ESSAYS, cache_dir=tmp_path, pipeline=pipeline)
    for name, table in [("keywords", corpus.keywords()), ("sentences", corpus.sentences()), ("docs", corpus.docs()),
                        ("ngrams", corpus.ngrams()), ("kwic", corpus.kwic("Kunde")), ("topics", corpus.topics()),
                        ("similarity", corpus.similarity()), ("collocations", corpus.collocations("Kunde"))]:
        pd.testing.assert_frame_equal(table, full_tables[name], obj=name)
    folders = cache_folders(tmp_path)
    assert len(folders) == 1 and next(iter(folders)).endswith("-without-ner"), folders
    assert all(not parsed.doc.ents for parsed in corpus.parsed(entities=False))


def test_the_entity_table_never_reads_a_doc_parsed_without_the_ner(pipeline, tmp_path):
    first = mt.load(ESSAYS, cache_dir=tmp_path, pipeline=pipeline)
    first.keywords()
    entities = mt.load(ESSAYS, cache_dir=tmp_path, pipeline=pipeline).entities()
    fresh = mt.load(ESSAYS, pipeline=pipeline, use_cache=False).entities()
    pd.testing.assert_frame_equal(entities, fresh)
    assert (entities["source"] != "gazetteer").any()  # the model's mentions are there
    folders = cache_folders(tmp_path)
    assert sorted(folders.values()) == [len(ESSAYS), len(ESSAYS)], folders  # full Docs written beside the others


def test_a_full_doc_in_the_cache_serves_the_word_tables(pipeline, tmp_path, full_tables):
    mt.load(ESSAYS, cache_dir=tmp_path, pipeline=pipeline).entities()
    corpus = mt.load(ESSAYS, cache_dir=tmp_path, pipeline=pipeline)
    corpus.tables = None  # no finished table to fall back on: the Docs must come from the cache
    pd.testing.assert_frame_equal(corpus.keywords(), full_tables["keywords"])
    folders = cache_folders(tmp_path)
    assert len(folders) == 1 and not next(iter(folders)).endswith("-without-ner"), folders


def test_workers_parse_without_the_ner_too(pipeline, tmp_path, full_tables):
    corpus = mt.load(ESSAYS, cache_dir=tmp_path, pipeline=pipeline, jobs=2)
    pd.testing.assert_frame_equal(corpus.sentences(), full_tables["sentences"])
    folders = cache_folders(tmp_path)
    assert len(folders) == 1 and next(iter(folders)).endswith("-without-ner"), folders


def test_a_corpus_loaded_without_the_ner_loads_it_when_a_table_needs_entities(pipeline, tmp_path, full_tables):
    """What `mtext keywords` and the other word commands do: the NER (its model, vectors and name lists) is not even
    loaded, until a table reads entities."""
    corpus = mt.load(ESSAYS, cache_dir=tmp_path, entities=False)
    assert "ner" not in corpus.nlp.pipe_names and "mtext_hanta" in corpus.nlp.pipe_names
    pd.testing.assert_frame_equal(corpus.keywords(), full_tables["keywords"])
    assert "ner" not in corpus.nlp.pipe_names
    entities = corpus.entities()
    assert "ner" in corpus.nlp.pipe_names and corpus.pipeline.components == pipeline[1].components
    pd.testing.assert_frame_equal(entities, mt.load(ESSAYS, pipeline=pipeline, use_cache=False).entities())
