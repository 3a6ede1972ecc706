"""Dispersion: how evenly a term is spread over the parts (documents) of a corpus.

Pure functions on counts, no spaCy: the keyword, n-gram and collocation tables call them with
documents as parts and each document's number of words as its size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def gries_dp(part_counts: Sequence[float], part_sizes: Sequence[float], normalise: bool = False) -> float:
    """Gries' (2008) deviation of proportions DP.

    With s_i the share of part i in the corpus (size_i / total size) and v_i the share of the term's
    occurrences found in part i (count_i / total count), DP = ½ · Σ |v_i − s_i|.
    0 means the term is spread exactly like the text; a term found only in part i gets 1 − s_i, which
    approaches 1 as parts get many. ``normalise=True`` divides by 1 − min s_i (Lijffijt & Gries 2012),
    so a term found only in the smallest part gets exactly 1.

    Parts of size 0 are left out. Parts where the term is absent may be pooled into one part of count 0
    (the sum of their |0 − s_i| is the pooled part's share): the value is the same. A term that never
    occurs, or a corpus without words, has no dispersion: NaN.

    >>> gries_dp([1, 1], [10, 10])
    0.0
    >>> gries_dp([4, 0], [10, 10])
    0.5
    """
    if len(part_counts) != len(part_sizes):
        raise ValueError(f"{len(part_counts)} part counts but {len(part_sizes)} part sizes")
    parts = [(c, s) for c, s in zip(part_counts, part_sizes, strict=True) if s > 0]
    total_count, total_size = sum(c for c, _ in parts), sum(s for _, s in parts)
    if total_count <= 0 or total_size <= 0:
        return math.nan
    dp = 0.5 * sum(abs(c / total_count - s / total_size) for c, s in parts)
    if normalise:
        largest = 1 - min(s for _, s in parts) / total_size
        dp = dp / largest if largest > 0 else 0.0
    return dp


def doc_range(part_counts: Sequence[float]) -> int:
    """Range: in how many parts (documents) the term occurs at least once."""
    return sum(1 for c in part_counts if c > 0)
