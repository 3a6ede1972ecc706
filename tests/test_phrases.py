"""Phrases, n-grams and collocates on the five essays: no abbreviations, no pair counted twice, words as written."""

from __future__ import annotations

import pytest

from marketingtext.tables.collocations import collocation_table


@pytest.fixture(scope="module")
def bigrams(seeds):
    return seeds.ngrams(n_min=2, n_max=4, min_freq=1)


def test_abbreviations_are_no_ngrams(bigrams):
    # "z. B." is written 14 times in 002; before, it was the second n-gram and "Kommunikation z." another
    assert not bigrams["ngram"].str.contains(r"(?:^|\s)(?:z|B|d|h|u|a|bzw|vgl|ca)\.(?:\s|$)", regex=True).any()
    assert "Digitales Marketing" in set(bigrams["ngram"])


@pytest.fixture(scope="module")
def marketing(seeds):
    return collocation_table(seeds.parsed(), "Marketing", window=5, min_freq=1, nlp=seeds.nlp)


def test_a_collocate_is_never_counted_more_often_than_it_occurs(seeds, marketing):
    # "HYBRIDEN", "Customer" and "the" each occur once, near two "Marketing"s: before, they were counted twice
    assert (marketing["freq"] <= marketing["freq_collocate"]).all()
    rows = marketing.set_index("collocate")
    assert rows.loc["HYBRIDEN", "freq"] == rows.loc["HYBRIDEN", "freq_collocate"] == 1
    kunde = collocation_table(seeds.parsed(), "Kunde", window=5, min_freq=1, nlp=seeds.nlp)
    assert (kunde["freq"] <= kunde["freq_collocate"]).all()


def test_english_words_keep_their_case_and_abbreviations_are_no_collocates(marketing):
    collocates = set(marketing["collocate"])
    assert {"the", "with"} <= collocates and not {"The", "With"} & collocates  # "Marketing to the Customer"
    assert not {c for c in collocates if c.endswith(".") and any(ch.isalpha() for ch in c)}  # z. B., d. h.


@pytest.fixture(scope="module")
def keywords(seeds):
    return seeds.keywords(top=40)


def test_phrases_never_cross_a_name_edge(keywords):
    # "dass Heribert Meffert Gedanken ..." (004): the name and the noun, never one phrase
    assert not keywords["term"].str.contains("Meffert Gedanken").any()
    assert not keywords["lemma"].str.contains("Meffert Gedanke").any()


def test_a_name_word_is_listed_as_the_name_it_mostly_stands_in(keywords):
    # 004's prose: "Big" 4 times, 2 of them in "Big Data" (its headline, the third, is the title); the corpus: 5 and 3
    for doc in ("*", "004_ea3b81d1c43a13bb"):
        terms = set(keywords.loc[keywords["doc"] == doc, "term"])
        assert "Big Data" in terms and "Big" not in terms, doc


def test_names_keep_their_letters(keywords):
    rows = keywords[keywords["term"] == "Winfried Felser"]
    assert set(rows["lemma"]) == {"Winfried Felser"}  # not "Winfried Fels"


def test_a_name_is_no_compound(seeds):
    keywords = seeds.keywords(top=40)
    rows = keywords[keywords["term"].str.contains("Scheibelhofer")]
    assert len(rows) >= 1 and not rows["modifiers"].str.contains("Scheibel").any()  # not Scheibel + Hofer
    groups = seeds.keywords(group="compounds", top=500)
    assert "Hofer" not in set(groups["term"])


def test_keyphrases_carry_their_base_form(keywords):
    rows = keywords.set_index(["doc", "term"])["base"]
    assert rows[("003_ed5dd712890e4a83", "althergebrachten Marketingmustern")] == "althergebrachte Marketingmuster"
    assert rows[("002_8affbae33090f38e", "literarischen Stilfiguren")] == "literarische Stilfiguren"
    assert rows[("000_c44f16a2d46a17b4", "sozialen Netzwerke")] == "soziale Netzwerke"
    assert rows[("004_ea3b81d1c43a13bb", "Winfried Felser")] == "Winfried Felser"  # a name: as written


def test_inflected_variants_are_one_row_under_their_base(nlp):
    from marketingtext.engine.parsing import ParsedDoc
    from marketingtext.keywords.table import keyword_table
    from marketingtext.reading.decode import SourceText

    text = ("Die Zukunft des digitalen Marketings ist offen. Digitales Marketing braucht Daten. "
            "Mit digitalem Marketing wächst der Umsatz.")
    parsed = ParsedDoc(SourceText(doc="d", path="d", text=text, encoding="utf-8", chars_raw=len(text),
                                  chars_dropped=0), nlp(text))
    table = keyword_table([parsed], scope="per-doc", top=20)
    rows = table[table["lemma"].str.lower() == "digital marketing"]
    assert len(rows) == 1 and rows.iloc[0]["count"] == 3 and rows.iloc[0]["base"] == "digitales Marketing"


def test_base_form_rules():
    from collections import Counter

    from marketingtext.keywords.base_form import base_form, nominative_plural, noun_gender

    assert noun_gender("Kundenbindung") == "f" and noun_gender("Marketing") == "n" and noun_gender("Dialog") == "m"
    assert nominative_plural("Marketingmustern", "Marketingmuster") == "Marketingmuster"
    assert nominative_plural("Kooperationen", "Kooperation") == "Kooperationen"
    assert nominative_plural("Konsumenten", "Konsument") == "Konsumenten"
    singular = Counter({("digitalen Marketings", False): 2, ("digitale Marketing", False): 1})
    assert base_form(singular, ("digital", "Marketing"), "digitalen Marketings") == "digitales Marketing"
    assert base_form(Counter({("neuen Kanälen", True): 1}), ("neu", "Kanal"), "neuen Kanälen") == "neue Kanäle"
