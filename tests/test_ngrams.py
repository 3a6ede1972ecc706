"""N-grams: a constructed corpus computed by hand, and three Wikipedia articles checked against grep."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketingtext.engine.parsing import ParsedDoc
from marketingtext.language.dispersion import gries_dp
from marketingtext.reading.decode import SourceText
from marketingtext.tables.ngrams import NGRAM_COLUMNS, ngram_table

WIKI = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "wiki_de_1M" / "wiki"
ARTICLES = ("Sommer", "Herbst", "Himmelsrichtung")


def parsed(nlp, name: str, text: str) -> ParsedDoc:
    return ParsedDoc(SourceText(doc=name, path=name, text=text, encoding="utf-8", chars_raw=len(text),
                                chars_dropped=0), nlp(text))


def test_dp_and_range_by_hand(nlp):
    """Documents of 5, 8 and 7 words (s = .25, .4, .35); "Soziale Medien" 1, 2 and 0 times (v = 1/3, 2/3, 0).

    DP = ½ (|1/3 - .25| + |2/3 - .4| + |0 - .35|) = ½ (.083333 + .266667 + .35) = .35.
    """
    docs = [parsed(nlp, "a", "Soziale Medien verändern das Marketing."),
            parsed(nlp, "b", "Soziale Medien sind wichtig. Soziale Medien kosten Zeit."),
            parsed(nlp, "c", "Das Wetter ist heute schön und warm.")]
    table = ngram_table(docs, n_min=2, n_max=3, min_freq=2)
    assert list(table.columns) == NGRAM_COLUMNS
    assert list(table["ngram"]) == ["Soziale Medien"]  # "Medien sind", "das Marketing": stop-word edges
    row = table.iloc[0]
    assert (row["n"], row["freq"], row["range"]) == (2, 3, 2)
    assert row["dp"] == pytest.approx(0.35, abs=1e-4)


def test_sentence_bounded_and_bad_input(nlp):
    docs = [parsed(nlp, "a", "Wir lieben Marketing. Marketing lieben wir. Wir lieben Marketing.")]
    table = ngram_table(docs, min_freq=1)
    assert "Marketing Marketing" not in set(table["ngram"])  # never across the full stop
    assert table.set_index("ngram").loc["lieben Marketing", "freq"] == 2
    assert ngram_table([]).empty and ngram_table(docs, n_min=3, n_max=2).empty
    with pytest.raises(ValueError, match="mode"):
        ngram_table(docs, mode="stem")


@pytest.fixture(scope="module")
def wiki(pipeline, cache_dir):
    if not WIKI.is_dir():
        pytest.skip(f"{WIKI} not found (the shared bench corpus)")
    import marketingtext as mt

    return mt.load([WIKI / f"{a}.txt" for a in ARTICLES], cache_dir=cache_dir, pipeline=pipeline).keep_in_memory()


def test_wiki_ngrams_match_grep(wiki):
    table = ngram_table(wiki.parsed(), n_min=2, n_max=4, min_freq=2).set_index("ngram")
    # grep -o counts in Sommer / Herbst / Himmelsrichtung
    assert "z. B." not in table.index  # 1 / 1 / 2 times: an abbreviation is in no n-gram
    assert tuple(table.loc["Nord- und Südpol", ["n", "freq", "range"]]) == (3, 2, 2)  # 1 / 0 / 1
    assert tuple(table.loc["22. oder 23. September", ["n", "freq", "range"]]) == (4, 2, 2)  # 1 / 1 / 0
    # lemma mode joins "südlichem Wendekreis" (Sommer) and "südlichen Wendekreis" (Herbst)
    assert table.loc["südlichem Wendekreis", "key"] == "südlich wendekreis"
    assert table.loc["südlichem Wendekreis", "freq"] == 2
    words = wiki.docs().set_index("doc")["words"]
    assert table.loc["Nord- und Südpol", "dp"] == pytest.approx(gries_dp([1, 0, 1], [words[a] for a in ARTICLES]),
                                                               abs=1e-4)


def test_wiki_stop_word_edges_and_order(wiki):
    from spacy.lang.de.stop_words import STOP_WORDS

    table = ngram_table(wiki.parsed())
    first_last = [(k.split()[0], k.split()[-1]) for k in table["key"]]
    assert not any(a in STOP_WORDS or b in STOP_WORDS for a, b in first_last)
    assert "umlaufbahn der erde" in set(table["key"])  # a stop word inside is kept
    assert list(table["freq"]) == sorted(table["freq"], reverse=True)
    assert table.equals(ngram_table(wiki.parsed()))  # deterministic


def test_wiki_surface_mode_keeps_spellings_apart(wiki):
    surface = ngram_table(wiki.parsed(), mode="surface")
    assert "südlich wendekreis" not in set(surface["key"]) and "südlichem wendekreis" not in set(surface["key"])
    assert "nord- und südpol" in set(surface["key"])
