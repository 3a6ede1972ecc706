"""Vorgangspassiv and Zustandspassiv on constructed German sentences (offline pipeline)."""

from __future__ import annotations

import pytest

from marketingtext.language.passive import forms_perfect_with_sein, passive_kind


@pytest.fixture(scope="module")
def offline_nlp():
    from marketingtext.nlp.pipeline import load_pipeline

    return load_pipeline("offline")[0]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Die Ware wird morgen geliefert.", "vorgang"),
    ("Der Vertrag wurde gestern unterschrieben.", "vorgang"),
    ("Die Daten müssen sorgfältig geprüft werden.", "vorgang"),
    ("Das Produkt ist bereits verkauft worden.", "vorgang"),
    ("Die Kunden werden regelmäßig befragt.", "vorgang"),
    ("Wir wissen, dass die Angebote jede Woche geprüft werden.", "vorgang"),
    ("Der Laden ist geöffnet.", "zustand"),
    ("Die Filiale ist seit Montag geschlossen.", "zustand"),
    # not passive
    ("Wir werden sehen, was Kunden gekauft haben.", ""),  # Futur + Perfekt in two clauses
    ("Das Wetter wird besser.", ""),  # werden + adjective
    ("Er wird Lehrer.", ""),  # werden + noun
    ("Sie wird das Buch bis morgen gelesen haben.", ""),  # Futur II
    ("Die Kunden haben das Produkt gekauft.", ""),  # Perfekt with haben
    ("Er ist gestern gekommen.", ""),  # Perfekt with sein
    ("Die Preise sind stark gestiegen.", ""),
    ("Wir waren sehr überrascht.", ""),  # adjective after a degree word
    ("Hab hier schon oft bestellt und werde es immer wieder tun!", ""),  # two clauses joined by und
])
def test_passive_kind(offline_nlp, sentence, kind):
    doc = offline_nlp(sentence)
    assert passive_kind(doc[:]) == kind


def test_sein_perfekt_verbs_by_lemma():
    assert forms_perfect_with_sein("ankommen") and forms_perfect_with_sein("entstehen")
    assert not forms_perfect_with_sein("bekommen") and not forms_perfect_with_sein("öffnen")


def test_sentence_table_has_passive_column(offline_nlp):
    from marketingtext.engine.parsing import ParsedDoc
    from marketingtext.reading.decode import SourceText
    from marketingtext.tables.sentences import sentence_rows

    text = "Die Ware wird geliefert. Der Laden ist geöffnet. Wir kaufen ein."
    source = SourceText(doc="d", path="d.txt", text=text, encoding="utf-8", chars_raw=len(text),
                        chars_dropped=0)
    rows = sentence_rows(ParsedDoc(source, offline_nlp(text)))
    assert [r["passive"] for r in rows] == ["vorgang", "zustand", ""]
    assert [r["is_passive"] for r in rows] == [True, False, False]
