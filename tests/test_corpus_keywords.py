"""Gries' DP (stats.gries_dp), checked against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from marketingtext.stats import gries_dp


def test_even_spread_is_zero():
    assert gries_dp([3, 3, 3], [100, 100, 100]) == 0.0
    # proportional to unequal part sizes is even too
    assert gries_dp([1, 2, 3], [10, 20, 30]) == pytest.approx(0.0)


def test_all_in_one_of_five_equal_parts():
    # 0.5 * (|1 - 0.2| + 4 * |0 - 0.2|) = 0.8 = 1 - 1/5
    assert gries_dp([7, 0, 0, 0, 0], [10, 10, 10, 10, 10]) == pytest.approx(0.8)


def test_uneven_by_hand():
    # sizes 0.25 / 0.75, occurrences 3/4 and 1/4: 0.5 * (0.5 + 0.5) = 0.5
    assert gries_dp([3, 1], [100, 300]) == pytest.approx(0.5)


def test_absent_parts_may_be_pooled():
    full = gries_dp([4, 1, 0, 0, 0], [50, 20, 10, 30, 40])
    pooled = gries_dp([4, 1, 0], [50, 20, 80])
    assert full == pytest.approx(pooled)


def test_no_occurrence_or_no_words_is_nan():
    assert math.isnan(gries_dp([0, 0], [10, 10]))
    assert math.isnan(gries_dp([], []))
    assert gries_dp([2, 5], [0, 10]) == 0.0  # an empty part is left out
