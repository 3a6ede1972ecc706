"""Gries' DP for the terms of a keyword table, from the per-document term counts the table was built from."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .dispersion import gries_dp
from .lexicon import term_key
from .terms import DocTerms


def lemma_key(lemma: str) -> tuple[str, ...]:
    """The term key a keyword row's lemma stands for: ``flott Spruch`` -> ``("flott", "spruch")``."""
    return tuple(term_key(w) for w in str(lemma).split())


def keyword_dispersion(keywords: pd.DataFrame, doc_terms_list: Iterable[DocTerms]) -> pd.DataFrame:
    """``keywords`` with a ``dp`` column: each term's DP over all documents (the same on its corpus and
    per-document rows), parts sized by each document's words. ``docs`` already is the range.

    ``doc_terms_list`` is read once (a ``DocTermsStore`` is fine): the term counts per document.
    """
    wanted = {lemma_key(lemma) for lemma in keywords["lemma"]}
    counts: dict[tuple, list[int]] = {key: [] for key in wanted}
    sizes: list[int] = []
    for dt in doc_terms_list:
        sizes.append(dt.n_words)
        for key, per_doc in counts.items():
            stats = dt.terms.get(key)
            per_doc.append(stats.count if stats is not None else 0)
    dp = {key: round(gries_dp(per_doc, sizes), 4) for key, per_doc in counts.items()}
    return keywords.assign(dp=[dp[lemma_key(lemma)] for lemma in keywords["lemma"]])
