"""The document table on the seed essays."""

from __future__ import annotations


def test_doc_table_on_seeds(seed_tables):
    docs = seed_tables["docs"]
    assert len(docs) == 5
    assert (docs["encoding"] == "utf-8").all()
    assert (docs["chars_dropped"] > 0).all()
    assert docs["words"].between(500, 3000).all()
    # essays for adults: Flesch-Amstad between hard (20) and plain (70), WSTF a school grade 6-14
    assert docs["flesch_amstad"].between(20, 70).all()
    assert docs["wiener_sachtextformel"].between(6, 14).all()
    assert (docs["mtld"] > 50).all()


def test_cache_round_trip_gives_identical_tables(seeds, seed_tables):
    import marketingtext as mt

    again = mt.load(seeds.sources[0].path, cache_dir=seeds.cache.root, pipeline=(seeds.nlp, seeds.pipeline))
    first = seed_tables["sentences"]
    assert again.sentences().equals(first[first["doc"] == seeds.sources[0].doc].reset_index(drop=True))


def test_corrupt_cache_entry_is_rebuilt(seeds, tmp_path):
    import warnings

    import marketingtext as mt

    corpus = mt.load(seeds.sources[1].path, cache_dir=tmp_path, pipeline=(seeds.nlp, seeds.pipeline))
    expected = corpus.docs()
    for entry in tmp_path.rglob("*.spacy"):
        entry.write_bytes(b"garbage")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rebuilt = corpus.docs()
    assert any("corrupt" in str(w.message) for w in caught)
    assert rebuilt.equals(expected)
