"""compare (keyness, similarity matrix, style) and kwic on the seed essays."""

from __future__ import annotations

import math

import pytest

import marketingtext as mt
from marketingtext.comparison import keyness_table, similarity_matrix, style_table

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
    assert len(table) >= 10
    assert (table["p_value"] <= 0.05).all()
    assert table["g2"].is_monotonic_decreasing
    favours_a = set(table[table["favours"] == "a"]["lemma"].str.lower())
    favours_b = set(table[table["favours"] == "b"]["lemma"].str.lower())
    assert favours_a & {"kunde", "werbung", "datenschutz", "daten", "online-marketing"}
    assert favours_b & {"kommunikation", "vernetzung", "rolle", "big", "zukunft", "prozess"}


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
