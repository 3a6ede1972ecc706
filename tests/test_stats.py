"""Readability, lexical diversity and keyness against values computed by hand."""

from __future__ import annotations

import math

import pytest

from marketingtext.language.stats import (
    ReadabilityCounts,
    chi2_p_value,
    flesch_amstad,
    is_long,
    lix,
    log_likelihood,
    log_ratio,
    mtld,
    readability,
    rix,
    syllables,
    wiener_sachtextformel,
)


def test_syllables_of_german_words():
    # Kun-den-o-ri-en-tie-rung has seven syllables (the old vowel-group count said six)
    assert [syllables(w) for w in ["Haus", "Marketing", "Kundenorientierung", "Ei", "Bäckerei"]] == [1, 3, 7, 1, 3]


def test_flesch_amstad_by_hand():
    # 100 words, 5 sentences, 150 syllables: 180 - 20 - 58.5 * 1.5 = 72.25
    assert flesch_amstad(100, 5, 150) == pytest.approx(72.25)


def test_wiener_sachtextformel_by_hand():
    # MS 20 %, SL 20, IW 30 %, ES 50 %: 0.1935*20 + 0.1672*20 + 0.1297*30 - 0.0327*50 - 0.875
    expected = 3.87 + 3.344 + 3.891 - 1.635 - 0.875
    assert wiener_sachtextformel(100, 5, 20, 30, 50) == pytest.approx(expected)


def test_wiener_sachtextformel_variants_by_hand():
    # MS 20 %, SL 20, IW 30 %: variant 2 = 0.2007*20 + 0.1682*20 + 0.1373*30 - 2.779,
    # 3 = 0.2963*20 + 0.1905*20 - 1.1144, 4 = 0.2744*20 + 0.2656*20 - 1.693
    assert wiener_sachtextformel(100, 5, 20, 30, 50, variant=2) == pytest.approx(4.014 + 3.364 + 4.119 - 2.779)
    assert wiener_sachtextformel(100, 5, 20, 30, 50, variant=3) == pytest.approx(5.926 + 3.81 - 1.1144)
    assert wiener_sachtextformel(100, 5, 20, 30, 50, variant=4) == pytest.approx(5.488 + 5.312 - 1.693)


def test_a_long_word_has_more_than_six_letters():
    """Six letters is not long (kaufen, Bäcker); seven is (Händler); only letters count (z.B., 1.000.000)."""
    assert [is_long(w) for w in ("kaufen", "Bäcker", "Händler", "z.B.", "1.000.000", "Kund:in")] == [
        False, False, True, False, False, False]


def test_rix_is_long_words_per_sentence():
    assert rix(5, 30) == pytest.approx(6.0) and math.isnan(rix(0, 0))


def test_readability_counts_of_words():
    counts = ReadabilityCounts.of_words(["Die", "Kundenorientierung", "zählt", "2024"], sentences=1)
    # Die 1, Kun-den-o-ri-en-tie-rung 7, zählt 1, zwei-tau-send-vier-und-zwan-zig 7; one word over six letters
    assert counts == ReadabilityCounts(words=4, sentences=1, syllables=16, polysyllabic=2, monosyllabic=2,
                                       long_words=1)
    scores = readability(counts)
    assert list(scores) == ["flesch_amstad", "wstf1", "wstf2", "wstf3", "wstf4", "lix", "rix"]
    assert scores["flesch_amstad"] == pytest.approx(180 - 4 - 58.5 * 4)
    assert scores["lix"] == pytest.approx(4 + 25) and scores["rix"] == pytest.approx(1.0)


def test_lix_by_hand():
    assert lix(100, 5, 30) == pytest.approx(50.0)


def test_empty_text_gives_nan():
    assert math.isnan(flesch_amstad(0, 0, 0)) and math.isnan(lix(0, 0, 0)) and math.isnan(mtld([]))


def test_mtld_is_high_for_diverse_and_low_for_repetitive_text():
    assert mtld(["a", "b"] * 50) < 5
    diverse = [f"w{i}" for i in range(100)]
    assert mtld(diverse) == 100.0


def test_log_likelihood_by_hand():
    # a=10 in 1000 words, b=2 in 1000 words: E=6 each; G2 = 2*(10 ln(10/6) + 2 ln(2/6))
    expected = 2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6))
    assert log_likelihood(10, 2, 1000, 1000) == pytest.approx(expected)


def test_log_likelihood_with_zero_on_one_side():
    # b = 0: only a's term counts; E1 = 1000 * 5 / 3000
    expected = 2 * 5 * math.log(5 / (1000 * 5 / 3000))
    assert log_likelihood(5, 0, 1000, 2000) == pytest.approx(expected)
    assert log_likelihood(0, 0, 1000, 2000) == 0.0


def test_log_ratio_with_correction():
    assert log_ratio(20, 10, 1000, 1000) == pytest.approx(1.0)
    assert log_ratio(4, 0, 1000, 1000) == pytest.approx(math.log2(4 / 0.5))


def test_p_value_of_g2():
    assert chi2_p_value(3.841) == pytest.approx(0.05, abs=1e-3)
