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
    kw = seeds.keywords(method=method, top=15, scope="corpus")
    assert kw["rank"].tolist() == list(range(1, len(kw) + 1))
    assert kw["lemma"].str.lower().str.contains("marketing|kunde").any()


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
