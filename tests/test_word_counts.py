"""One word, one count: every table counts a lemma the same way on the five essays (docs/words.md).

``Kunde`` is written ``Kunden``, ``Kund:innen``, ``Kund:in``, ``Kunde:innen`` and ``Kundinnen`` (001, once);
all of them are the word Kunde. ``kunden-`` in "kunden- und lösungsorientiert" (002) is the first part of
``kundenorientiert``, a compound, and counted as compounds are: not as ``Kunde``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from marketingtext.keywords.terms import CORPUS
from marketingtext.language.lexicon import term_key
from marketingtext.tables.report_data import report_data, term_positions

LEMMAS = ("Kunde", "Marketing", "Unternehmen", "Markt", "Kommunikation")


@pytest.fixture(scope="module")
def keyword_rows(seeds):
    table = seeds.keywords(top=1000)
    return table[(table["doc"] == CORPUS) & (table["pos"] != "PHRASE")]


@pytest.fixture(scope="module")
def report_tokens(seeds, keyword_rows):
    empty = pd.DataFrame()
    data = report_data(seeds.parsed(), empty, keyword_rows, empty, empty, empty, kwic_per_key=None,
                       kwic_max_chars=None)
    return data.tokens


def command_counts(seeds, keyword_rows, report_tokens, lemma: str) -> dict[str, int]:
    key = term_key(lemma)
    keyword = keyword_rows[keyword_rows["lemma"].map(term_key) == key]
    collocations = seeds.collocations(lemma, min_freq=1)
    ngrams = seeds.ngrams(n_min=1, n_max=1, min_freq=1)
    positions = term_positions(seeds.parsed(), {lemma: (key,)})
    return {"keywords": int(keyword["count"].sum()), "kwic": len(seeds.kwic(lemma)),
            "collocations": int(collocations["freq_node"].iloc[0]),
            "ngrams": int(ngrams.loc[ngrams["key"] == key, "freq"].sum()),
            "dispersion": len(positions), "report": int((report_tokens["key"] == key).sum())}


@pytest.mark.parametrize("lemma", LEMMAS)
def test_every_command_counts_a_lemma_alike(seeds, keyword_rows, report_tokens, lemma):
    counts = command_counts(seeds, keyword_rows, report_tokens, lemma)
    assert len(set(counts.values())) == 1, counts


def test_kunde_counts_every_gender_form_and_no_compound_part(seeds, keyword_rows, report_tokens):
    # grep over data/raw: Kunde(n) 26, Kundinnen 1, Kund:innen 45, Kund:in 1, Kunde:innen 1, Kunde 1 more = 75
    counts = command_counts(seeds, keyword_rows, report_tokens, "Kunde")
    assert counts["kwic"] == 75
    matches = seeds.kwic("Kunde")["match"]
    assert "Kundinnen" in set(matches) and "kunden-" not in set(matches)


@pytest.mark.parametrize("query", ["Kunde", "Kundin", "Kundinnen", "Kund:innen"])
def test_kwic_finds_kundinnen_whatever_the_form_asked(seeds, seed_tables, query):
    sentences = seed_tables["sentences"]
    holding = sentences[sentences["text"].str.contains(r"\bKundinnen\b")]  # the one sentence that writes it
    assert len(holding) == 1
    table = seeds.kwic(query)
    row = table[table["match"] == "Kundinnen"]
    expected = list(zip(holding["doc"], holding["sent_id"], strict=True))
    assert list(zip(row["doc"], row["sent_id"], strict=True)) == expected
    assert row["doc"].str.startswith("001").all()
    assert len(table) == 75
