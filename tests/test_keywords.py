"""Keywords on the seed essays: a human summary, no junk, merged variants, compounds."""

from __future__ import annotations

import pytest

from marketingtext.keywords.compounds import split_compound
from marketingtext.keywords.methods import METHODS
from marketingtext.language.lexicon import stopwords as stop_words


def test_corpus_top10_reads_like_a_summary(seed_tables):
    kw = seed_tables["keywords"]
    top = kw[kw["doc"] == "*"].head(10)
    lemmas = set(top["lemma"].str.lower())
    assert {"marketing", "kunde", "unternehmen"} <= lemmas
    assert len(lemmas & {"daten", "interaktion", "kommunikation", "digital", "produkt"}) >= 2
    for term in top["term"]:
        assert term.lower() not in stop_words()
        assert any(c.isalpha() for c in term) and "http" not in term and "@" not in term
    assert not set(top["lemma"].str.lower()) & {"kommentar", "e-mail-adresse", "beitrag", "b."}


def test_gender_forms_and_hyphen_variants_merge(seeds):
    kw = seeds.keywords(method="frequency", top=200, scope="corpus")
    kunde = kw[kw["lemma"] == "Kunde"]
    assert len(kunde) == 1 and kunde["count"].iloc[0] >= 70
    assert len(kw[kw["lemma"].str.lower().str.replace("-", "") == "onlinemarketing"]) <= 1


def contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def test_nested_phrases_are_not_repeated(seed_tables):
    """A term may stand beside one phrase that contains it, never inside several ("Marketing 4.0",
    "Marketing 4.0 Ansatz", "digitales Marketing 4.0")."""
    kw = seed_tables["keywords"]
    for _, group in kw.groupby("doc"):
        keys = [tuple(lemma.lower().split()) for lemma in group["lemma"]]
        for shorter in keys:
            holders = [longer for longer in keys if contains(longer, shorter)]
            assert len(holders) <= 1, (shorter, holders)
        phrases = [k for k in keys if len(k) > 1]
        assert not any(contains(a, b) for a in phrases for b in phrases)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_ranks_marketing_terms(seeds, method):
    """Per document, where the method decides the ranking (the corpus rows rank by G² x dispersion whatever
    the method, as README says): ranks 1..n, and a marketing term among each essay's top 15."""
    kw = seeds.keywords(method=method, top=15, scope="per-doc")
    for _, rows in kw.groupby("doc"):
        assert rows["rank"].tolist() == list(range(1, len(rows) + 1))
    assert kw.groupby("doc")["lemma"].apply(lambda lemmas: lemmas.str.contains("Marketing|Kunde").any()).sum() >= 4


def test_each_method_ranks_a_document_its_own_way(seeds):
    """--method changes the table: six methods, six different top-10 lists for essay 000."""
    tops = {}
    for method in METHODS:
        kw = seeds.keywords(method=method, top=10, scope="per-doc")
        tops[method] = tuple(kw.loc[kw["doc"] == kw["doc"].iloc[0], "lemma"])
    assert len(set(tops.values())) == len(METHODS) == 6
    assert tops["frequency"][:3] == ("Marketing", "Interaktion", "Kunde")  # counted by hand: 14, 6, 6 (000)


def test_frequency_tfidf_and_keyness_scores_worked_by_hand(seeds):
    """frequency: the count; tfidf: count x (ln((1 + N) / (1 + df)) + 1) with N = 5 essays; keyness: G² of the
    count in the essay's words against wordfreq's German frequency in 10⁹ words (a phrase: reference 0),
    Rayson & Garside's formula written out here."""
    import math

    import wordfreq

    words = seeds.docs().set_index("doc")["words"]
    frequency = seeds.keywords(method="frequency", top=10, scope="per-doc")
    assert (frequency["score"] == frequency["count"]).all()
    tfidf = seeds.keywords(method="tfidf", top=10, scope="per-doc")
    assert tfidf["score"].tolist() == [round(r.count * (math.log(6 / (1 + r.docs)) + 1), 4) for r in tfidf.itertuples()]
    keyness = seeds.keywords(method="keyness", top=10, scope="per-doc")
    judged = [row for row in keyness.itertuples() if row.lemma.replace(" ", "").isalpha()]  # wordfreq splits "-"
    assert len(judged) >= 40
    for row in judged:
        a, n, total = row.count, words[row.doc], 1e9
        b = 10 ** (wordfreq.zipf_frequency(row.lemma, "de") - 9) * total if " " not in row.lemma else 0.0
        expected_a, expected_b = n * (a + b) / (n + total), total * (a + b) / (n + total)
        g2 = 2 * (a * math.log(a / expected_a) + (b * math.log(b / expected_b) if b else 0.0))
        assert row.g2 == pytest.approx(round(g2, 3), abs=2e-3), row.lemma


def test_compound_split_and_grouping(seeds):
    assert split_compound("Marketingstrategie") == ("Strategie", ["Marketing"])
    assert split_compound("Social-Media-Marketing") == ("Marketing", ["Social", "Media"])
    groups = seeds.keywords(group="compounds", top=5)
    first = groups.iloc[0]
    assert first["term"] == "Marketing" and first["compounds"] >= 5
    assert "Marketingstrategie" in first["members"] or "Onlinemarketing" in first["members"]


@pytest.mark.parametrize("method", ["mtext", "tfidf", "textrank"])
def test_terms_spilled_to_disk_give_the_same_table(seeds, method):
    from marketingtext.keywords.table import keyword_table
    from marketingtext.keywords.terms import DocTermsStore, doc_terms

    terms = [doc_terms(p, keep_cooccurrence=method == "textrank") for p in seeds.parsed()]
    spilled = DocTermsStore(terms, spill_terms=0)
    assert spilled._file is not None and len(spilled) == 5 and spilled.df["kunde",] == 5
    in_memory = keyword_table(doc_terms_list=terms, method=method)
    assert len(in_memory) > 50
    assert keyword_table(doc_terms_list=spilled, method=method).equals(in_memory)


def test_terms_stay_in_memory_when_no_temporary_folder_is_writable(seeds, monkeypatch, tmp_path):
    import tempfile

    from marketingtext.keywords.terms import DocTermsStore, doc_terms

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    terms = [doc_terms(p) for p in seeds.parsed()]
    with pytest.warns(UserWarning, match="temporary file"):
        store = DocTermsStore(terms, spill_terms=0)
    assert store._file is None and list(store) == terms
