"""The document table on the seed essays."""

from __future__ import annotations


def test_doc_table_on_seeds(seed_tables):
    docs = seed_tables["docs"]
    assert len(docs) == 5
    assert (docs["encoding"] == "utf-8").all()
    # four essays carry web boilerplate; 003 has none: only its headline line goes (into the title column)
    dropped = dict(zip(docs["doc"].str[:3], docs["chars_dropped"], strict=True))
    title_003 = docs.loc[docs["doc"].str.startswith("003"), "title"].iloc[0]
    assert title_003 == "MARKETING-DÄMMERUNG?" and dropped["003"] == len(title_003) + 1  # and its line break
    assert all(n > dropped["003"] for doc, n in dropped.items() if doc != "003")
    assert docs["words"].between(500, 3000).all()
    # essays for adults: Flesch-Amstad between hard (20) and plain (70), WSTF a school grade 6-14
    assert docs["flesch_amstad"].between(20, 70).all()
    assert docs["wstf1"].between(6, 14).all()
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
    entries = [*tmp_path.rglob("*.spacy"), *tmp_path.rglob("*.json")]  # parsed Docs and finished tables
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(b"garbage")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rebuilt = corpus.docs()
    assert sum("corrupt" in str(w.message) for w in caught) == 2
    assert rebuilt.equals(expected)


def test_rerun_is_answered_from_the_table_cache(seeds, tmp_path):
    import marketingtext as mt

    corpus = mt.load([s.path for s in seeds.sources[:2]], cache_dir=tmp_path, pipeline=(seeds.nlp, seeds.pipeline))
    parsed = []
    corpus.on_parsed = parsed.append
    first = corpus.keywords(top=5)
    assert len(parsed) == 2
    assert corpus.keywords(top=5).equals(first) and len(parsed) == 2  # nothing read or parsed again
    corpus.keywords(top=6)
    assert len(parsed) == 4  # other options: a new table, built from the cached Docs
    gazetteer = tmp_path / "extra.toml"
    gazetteer.write_text('[[entity]]\ncanonical = "Doktorarbeit"\nlabel = "ORG"\naliases = []\n')
    corpus.entities(gazetteer_files=[str(gazetteer)])
    gazetteer.write_text('[[entity]]\ncanonical = "Trefferliste"\nlabel = "ORG"\naliases = []\n')
    edited = corpus.entities(gazetteer_files=[str(gazetteer)])
    assert len(parsed) == 8 and edited["canonical"].eq("Trefferliste").any()


def test_doc_table_readability_and_gender_columns(seed_tables):
    docs = seed_tables["docs"].set_index("doc")
    # all four Wiener Sachtextformeln give a school grade for adult essays; RIX = long words per sentence
    for variant in (1, 2, 3, 4):
        assert docs[f"wstf{variant}"].between(4, 15).all()
    assert (docs["rix"] > 1).all() and (docs["lix"] > docs["rix"]).all()
    # one essay genders with the colon throughout (46 forms, counted with grep), the others never
    gendered = docs[docs["gender_forms"] > 0]
    assert list(gendered.index) == ["002_8affbae33090f38e"]
    assert gendered["gender_doppelpunkt"].iloc[0] == 46 and gendered["gender_stern"].iloc[0] == 0
    assert gendered["gender_per_1k"].iloc[0] > 10
