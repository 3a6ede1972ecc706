"""Collocations: a constructed corpus computed by hand, and "Kunde" in the five essays."""

from __future__ import annotations

import math

import pytest

from marketingtext.engine.parsing import ParsedDoc
from marketingtext.language.lexicon import term_key
from marketingtext.language.words import numbered_sentences, words_of
from marketingtext.reading.decode import SourceText
from marketingtext.tables.collocations import COLLOCATION_COLUMNS, collocation_table

SHOP = "Der Kunde kauft Brot. Der Kunde kauft Milch. Ein Händler kauft Brot."


def parsed(nlp, name: str, text: str) -> ParsedDoc:
    return ParsedDoc(SourceText(doc=name, path=name, text=text, encoding="utf-8", chars_raw=len(text),
                                chars_dropped=0), nlp(text))


@pytest.fixture(scope="module")
def shop(nlp):
    return [parsed(nlp, "laden", SHOP)]


def test_scores_by_hand(shop):
    """Words: [der kunde kaufen brot] [der kunde kaufen milch] [ein händler kaufen brot]: N = 12.

    Node kunde twice (f_x = 2); its sentence-bounded windows hold 3 + 3 = 6 slots (W).
    kaufen: f_xy = 2, f_y = 3: logDice = 14 + log2(4 / 5) = 13.678072; E = 3 * 6 / 12 = 1.5,
    MI = log2(2 / 1.5) = 0.415037, t = (2 - 1.5) / √2 = 0.353553;
    G²: cells 2, 4 (= 6 - 2), 1 (= 3 - 2), 5 (= 12 - 7), expected 1.5, 4.5, 1.5, 4.5:
    2 (2 ln(2/1.5) + 4 ln(4/4.5) + 1 ln(1/1.5) + 5 ln(5/4.5)) = 0.451140.
    """
    table = collocation_table(shop, "Kunde", window=5, min_freq=2)
    assert list(table.columns) == COLLOCATION_COLUMNS
    assert list(table["collocate"]) == ["der", "kaufen"]  # logDice 14 (f_xy = f_x = f_y = 2), then 13.68
    row = table.set_index("collocate").loc["kaufen"]
    assert (row["freq"], row["freq_node"], row["freq_collocate"], row["docs"]) == (2, 2, 3, 1)
    assert row["logdice"] == pytest.approx(13.678072, abs=1e-4)
    assert row["expected"] == pytest.approx(1.5)
    assert row["mi"] == pytest.approx(0.415037, abs=1e-4)
    assert row["t_score"] == pytest.approx(0.353553, abs=1e-4)
    assert row["g2"] == pytest.approx(0.451140, abs=1e-4)
    assert table.set_index("collocate").loc["der", "logdice"] == pytest.approx(14.0)


def test_windows_stop_at_sentence_ends(shop):
    table = collocation_table(shop, "Kunde", window=5, min_freq=1)
    # "Händler" is 4 words after the second "Kunde", but in the next sentence
    assert set(table["collocate"]) == {"der", "kaufen", "Brot", "Milch"}
    narrow = collocation_table(shop, "Kunde", window=1, min_freq=1)
    assert set(narrow["collocate"]) == {"der", "kaufen"}


def test_query_is_lemmatised_with_nlp(shop, nlp):
    assert collocation_table(shop, "Kunden", nlp=nlp).equals(collocation_table(shop, "Kunde", nlp=nlp)
                                                             .assign(term="Kunden"))
    assert collocation_table(shop, "Kunden").empty  # without nlp the query is taken as the lemma


def test_bad_input_gives_empty_table_or_clear_error(shop):
    assert collocation_table([], "Kunde").empty
    assert collocation_table(shop, "").empty
    assert list(collocation_table(shop, "Kunde", window=0).columns) == COLLOCATION_COLUMNS
    with pytest.raises(ValueError, match="mode"):
        collocation_table(shop, "Kunde", mode="stem")


@pytest.fixture(scope="module")
def kunde(seeds):
    return collocation_table(seeds.parsed(), "Kunde", window=5, min_freq=2, nlp=seeds.nlp)


def test_kunde_in_the_essays(kunde):
    # grep over data/raw: Kunde(n) 25 + Kundinnen 1 + Kund:innen 42 + Kund:in 1 + Kunde:innen 1 + ... = 75 words
    # whose lemma is Kunde (000: 5, 001: 19, 002: 44, 003: 6, 004: 1)
    assert set(kunde["freq_node"]) == {75}
    assert (kunde["freq"] >= 2).all() and "Kunde" not in set(kunde["collocate"])
    assert list(kunde["logdice"]) == sorted(kunde["logdice"], reverse=True)
    recomputed = 14 + (2 * kunde["freq"] / (kunde["freq_node"] + kunde["freq_collocate"])).map(math.log2)
    assert (recomputed - kunde["logdice"]).abs().max() < 1e-3


def test_kunde_unternehmen_counted_by_hand(kunde, seeds):
    """Recount one row from the tokens: words with lemma Unternehmen within 5 words of a Kunde, same sentence,
    each word once however many Kunden it stands near."""
    pairs, docs = 0, set()
    for doc in seeds.parsed():
        for _, sent in numbered_sentences(doc.doc):
            keys = [term_key(t.lemma_) for t in words_of(sent)]
            near = {j for i, key in enumerate(keys) if key == "kunde"
                    for j in range(max(0, i - 5), min(len(keys), i + 6)) if keys[j] == "unternehmen"}
            pairs += len(near)
            docs |= {doc.source.doc} if near else set()
    row = kunde.set_index("collocate").loc["Unternehmen"]
    assert pairs >= 5 and (row["freq"], row["docs"]) == (pairs, len(docs))
    assert row["mi"] > 0 and row["g2"] > 3.84  # attracted, significant at p < .05


def test_surface_mode_counts_one_spelling(seeds):
    table = collocation_table(seeds.parsed(), "Kunden", mode="surface")
    # grep: "Kunden" as a word 5 (000) + 17 (001) + 5 (003) + 1 (004) = 28; "Kund:innen" is another spelling
    assert set(table["freq_node"]) == {28}
    assert table["collocate"].str.islower().all()
