"""compare (keyness, similarity matrix, style) and kwic on the seed essays."""

from __future__ import annotations

import math
from collections import Counter

import pytest

import marketingtext as mt
from marketingtext.tables.comparison import SideCounts, keyness_table, similarity_matrix, style_table

from .conftest import RAW


def test_keyness_two_by_two_by_hand():
    a = ({("daten",): 10, ("prozess",): 0}, {("daten",): ("Daten", "Daten"), ("prozess",): ("Prozess", "Prozess")},
         1000)
    b = ({("daten",): 2, ("prozess",): 8}, {("daten",): ("Daten", "Daten"), ("prozess",): ("Prozess", "Prozess")},
         1000)
    table = keyness_table(a, b, keep_all=True).set_index("term")
    assert table.loc["Daten", "g2"] == pytest.approx(2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6)), abs=1e-3)
    assert table.loc["Daten", "favours"] == "a"
    # zero count on side a: only b's term contributes; log ratio corrected with 0.5
    assert table.loc["Prozess", "g2"] == pytest.approx(2 * 8 * math.log(8 / 4), abs=1e-3)
    assert table.loc["Prozess", "log_ratio"] == pytest.approx(math.log2(0.5 / 8), abs=1e-3)
    assert table.loc["Prozess", "favours"] == "b"


@pytest.fixture(scope="module")
def sides(seeds):
    pipeline = (seeds.nlp, seeds.pipeline)
    a = mt.load(next(RAW.glob("001_*.txt")), cache_dir=seeds.cache.root, pipeline=pipeline)
    b = mt.load(next(RAW.glob("004_*.txt")), cache_dir=seeds.cache.root, pipeline=pipeline)
    return a, b


def test_compare_seeds_ranks_sensible_terms(sides):
    table = mt.compare(*sides)
    tested, passed = table.attrs["tested"], table.attrs["passed"]
    assert tested > 100 and len(table) > 20  # ranked by effect, not cut to the few that pass (before: 1 row)
    assert table["log_ratio"].abs().is_monotonic_decreasing  # effect size first
    # significant: p below the Bonferroni cut-off over the terms tested; key: significant and spread
    assert (table["significant"] == (table["p_value"] < 0.05 / tested)).all()
    assert int(table["key"].sum()) == passed >= 1
    assert f"{passed:,} of {tested:,} terms pass" in table.attrs["criterion"]
    favours_a = set(table[table["favours"] == "a"]["lemma"].str.lower())
    favours_b = set(table[table["favours"] == "b"]["lemma"].str.lower())
    # two short essays: after the correction nothing favours 004, yet its themes are ranked
    assert favours_a & {"kunde", "werbung", "datenschutz", "daten", "online-marketing"}
    assert favours_b & {"kommunikation", "vernetzung", "rolle", "big data", "zukunft", "prozess"}
    uncorrected = mt.compare(*sides, correction="none")
    assert uncorrected["key"].sum() > table["key"].sum()


def test_compare_by_entity_and_keyphrase(sides):
    entities = mt.compare(*sides, by="entity", keep_all=True)
    assert "Heribert Meffert" in set(entities["term"])
    phrases = mt.compare(*sides, by="keyphrase", keep_all=True)
    assert len(phrases) >= 10  # else the next line would pass on an empty table
    assert phrases["lemma"].str.contains(" ").all()


def test_similarity_matrix_has_ten_pairs_in_unit_interval(seeds):
    matrix = similarity_matrix(seeds.parsed())
    assert len(matrix) == 10
    assert matrix["similarity"].between(0, 1).all()
    assert (matrix["doc_a"] != matrix["doc_b"]).all()


def test_style_profiles_side_by_side(sides):
    a, b = sides
    table = style_table(a.style(), b.style(), "001", "004").set_index("measure")
    assert {"mean_sentence_len", "median_sentence_len", "long_sentence_share", "mtld", "flesch_amstad",
            "noun_share", "question_share", "passive_share", "entities_per_1000_words"} <= set(table.index)
    assert 0 < table.loc["noun_share", "001"] < 1
    assert table.loc["question_share", "001"] > table.loc["question_share", "004"]


def test_kwic_finds_gender_forms(seeds):
    table = seeds.kwic("Kunde", width=30)
    matches = set(table["match"])
    assert {"Kunden", "Kund:innen"} <= matches
    seed_002 = table[table["doc"].str.startswith("002")]
    assert (seed_002["match"] == "Kund:innen").sum() >= 10
    assert (table["left"].str.len() <= 30).all()


def _side(counts: dict, docs: dict, words: int, n_docs: int) -> SideCounts:
    labels = {key: (key[0].title(), key[0].title()) for key in counts}
    return SideCounts(Counter(counts), labels, words, Counter(docs), n_docs)


def test_bonferroni_keeps_only_terms_below_the_corrected_cut_off():
    # 200 terms tested; "kunde" 14:4 in 10,000 words each: G² = 2(14 ln 14/9 + 4 ln 4/9) = 5.88,
    # p = 0.0153: below 0.05, above 0.05 / 200
    filler = {(f"wort{i}",): 5 for i in range(198)}
    a = _side({("kunde",): 14, ("marke",): 60, **filler}, {("kunde",): 3, ("marke",): 3}, 10_000, 3)
    b = _side({("kunde",): 4, ("marke",): 2, **filler}, {("kunde",): 2, ("marke",): 1}, 10_000, 3)
    default = keyness_table(a, b).set_index("term")
    assert default.loc["Marke", "significant"] and not default.loc["Kunde", "significant"]  # listed, not key
    assert default.loc["Kunde", "p_value"] == pytest.approx(0.0153, abs=5e-4)
    uncorrected = keyness_table(a, b, correction="none").set_index("term")
    assert uncorrected.loc["Kunde", "key"] and uncorrected.loc["Kunde", "significant"]
    assert default.attrs["passed"] == 1 and uncorrected.attrs["passed"] == 2
    assert "p < 0.05 / 200 terms tested" in default.attrs["criterion"]
    assert "Bonferroni" in default.attrs["criterion"]


def test_one_document_cannot_carry_a_side():
    # "tesla" 40 times, all in one of side a's three documents; "marke" spread over three
    a = _side({("tesla",): 40, ("marke",): 40}, {("tesla",): 1, ("marke",): 3}, 10_000, 3)
    b = _side({("tesla",): 0, ("marke",): 1, ("auto",): 5}, {("marke",): 1, ("auto",): 2}, 10_000, 4)
    table = keyness_table(a, b).set_index("term")
    assert "Tesla" not in table.index and {"Marke", "Auto"} <= set(table.index)
    assert table.loc["Marke", "docs_a"] == 3 and table.loc["Marke", "docs_b"] == 1
    assert "Tesla" in keyness_table(a, b, min_docs=1).set_index("term").index
    everything = keyness_table(a, b, keep_all=True).set_index("term")
    assert not everything.loc["Tesla", "key"] and everything.loc["Marke", "key"]
    # a side of one document: the rule asks for one document
    single = _side({("tesla",): 40}, {("tesla",): 1}, 10_000, 1)
    assert "Tesla" in keyness_table(single, b).set_index("term").index


def test_compare_groups_of_seeds_counts_documents(seeds):
    pipeline = (seeds.nlp, seeds.pipeline)
    files = sorted(RAW.glob("00*.txt"))
    a = mt.load(files[:2], cache_dir=seeds.cache.root, pipeline=pipeline)
    b = mt.load(files[2:], cache_dir=seeds.cache.root, pipeline=pipeline)
    table = mt.compare(a, b, keep_all=True, correction="none")
    assert table["docs_a"].between(0, 2).all() and table["docs_b"].between(0, 3).all()
    key = table[table["key"]]
    assert len(key) > 0
    favoured_docs = key["docs_a"].where(key["favours"] == "a", key["docs_b"])
    assert (favoured_docs >= 2).all()
    assert (~table["key"]).any()
