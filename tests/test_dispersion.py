"""Gries' DP and range, checked against hand arithmetic."""

from __future__ import annotations

import math

import pytest

from marketingtext.language.dispersion import doc_range, gries_dp


def test_dp_by_hand():
    # parts of 10, 20 and 70 words: s = .1, .2, .7; counts 2, 2, 0: v = .5, .5, 0
    # DP = ½ (|.5 - .1| + |.5 - .2| + |0 - .7|) = ½ (.4 + .3 + .7) = .7
    assert gries_dp([2, 2, 0], [10, 20, 70]) == pytest.approx(0.7)
    # normalised by 1 - min s = .9
    assert gries_dp([2, 2, 0], [10, 20, 70], normalise=True) == pytest.approx(0.7 / 0.9)


def test_dp_extremes():
    assert gries_dp([1, 2, 7], [10, 20, 70]) == pytest.approx(0.0)  # spread exactly like the text
    assert gries_dp([0, 0, 5], [10, 20, 70]) == pytest.approx(0.3)  # all in the largest part: 1 - .7
    assert gries_dp([5, 0, 0], [10, 20, 70]) == pytest.approx(0.9)  # all in the smallest part: 1 - .1
    assert gries_dp([5, 0, 0], [10, 20, 70], normalise=True) == pytest.approx(1.0)


def test_dp_without_occurrences_or_words_is_nan():
    assert math.isnan(gries_dp([0, 0], [10, 10]))
    assert math.isnan(gries_dp([1, 0], [0, 0]))
    with pytest.raises(ValueError):
        gries_dp([1, 2], [10])


def test_range():
    assert doc_range([2, 2, 0]) == 2
    assert doc_range([]) == 0


def test_keyword_table_gets_dp(nlp):
    """Documents of 5, 8 and 7 words; "Soziale Medien" occurs 1, 2 and 0 times: DP = .35 (see test_ngrams)."""
    from marketingtext.engine.parsing import ParsedDoc
    from marketingtext.keywords.table import keyword_table
    from marketingtext.keywords.terms import CORPUS, DocTermsStore, doc_terms
    from marketingtext.reading.decode import SourceText

    texts = {"a": "Soziale Medien verändern das Marketing.",
             "b": "Soziale Medien sind wichtig. Soziale Medien kosten Zeit.",
             "c": "Das Wetter ist heute schön und warm."}
    store = DocTermsStore(doc_terms(ParsedDoc(SourceText(name, name, text, "utf-8", len(text), 0), nlp(text)))
                          for name, text in texts.items())
    assert [dt.n_words for dt in store] == [5, 8, 7]
    table = keyword_table(doc_terms_list=store)
    medien = table[(table["doc"] == CORPUS) & (table["term"] == "Soziale Medien")].iloc[0]
    assert medien["count"] == 3 and medien["docs"] == 2
    assert medien["dp"] == pytest.approx(0.35, abs=1e-4)
    assert set(table.loc[table["term"] == "Soziale Medien", "dp"]) == {medien["dp"]}  # the same on every row
    wetter = table[table["lemma"] == "Wetter"]
    assert list(wetter["doc"]) == ["c"]  # in one document only: not a corpus keyword
    assert wetter["dp"].iloc[0] == pytest.approx(1 - 7 / 20)  # DP over the corpus: only in the 7-word document
