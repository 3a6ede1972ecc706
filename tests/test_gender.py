"""Gender-inclusive forms by type, on constructed German sentences."""

from __future__ import annotations

import math

import pytest

from marketingtext.language.gender import gender_columns, gender_form_spans, gender_forms


@pytest.mark.parametrize(("text", "kind"), [
    ("Unsere Kund:innen erwarten schnelle Antworten.", "doppelpunkt"),
    ("Jede Mitarbeiter:in bekommt einen Laptop.", "doppelpunkt"),
    ("Wir fragen unsere Kund*innen nach ihrer Meinung.", "stern"),
    ("Die Kund_innen der Bank sind zufrieden.", "unterstrich"),
    ("Alle Nutzer/innen müssen sich anmelden.", "schraegstrich"),
    ("Alle Mitarbeiter/-innen erhalten eine Prämie.", "schraegstrich"),
    ("Die KundInnen der Firma wurden befragt.", "binnen_i"),
    ("Jede StudentIn zahlt den Beitrag.", "binnen_i"),
    ("Kundinnen und Kunden erhalten einen Rabatt.", "paarform"),
    ("Wir danken allen Kunden und Kundinnen.", "paarform"),
    ("Lehrerinnen oder Lehrer können sich melden.", "paarform"),
    ("Die Kundin oder der Kunde entscheidet selbst.", "paarform"),
    ("Ärztinnen und Ärzte warnen vor dem Produkt.", "paarform"),
    # every joining word the module names: bzw., sowie, &
    ("Lehrerinnen bzw. Lehrer helfen.", "paarform"),
    ("Ärztinnen sowie Ärzte sind da.", "paarform"),
    ("Kolleginnen & Kollegen grüßen.", "paarform"),
])
def test_each_type_is_found_once(text, kind):
    assert gender_forms(text) == {kind: 1}


@pytest.mark.parametrize("text", [
    "In Berlin und Wien eröffnen neue Filialen.",
    "Der Termin: Montag um 10:30 Uhr.",
    "Die Innenstadt ist am Samstag voll.",
    "Die InnovationInnen sind kein Wort.",
    "Wir sind auf LinkedIn und Instagram aktiv.",
    "Innen und außen ist alles neu.",
    "Die Kundin und der Lehrer sprechen.",  # two different nouns are no pair form
    "Die Zeitung und Zeitungen liegen aus.",
    "Kunden und Kunden und nochmals Kunden.",
])
def test_no_false_positives(text):
    assert gender_forms(text) == {}


def test_counts_and_spans_in_a_paragraph():
    text = ("Unsere Kund:innen und Mitarbeiter:innen sind wichtig. Auch Kundinnen und Kunden, "
            "die uns schreiben, und alle Nutzer*innen.")
    assert gender_forms(text) == {"doppelpunkt": 2, "paarform": 1, "stern": 1}
    assert [text[s:e] for _, s, e in gender_form_spans(text)] == [
        "Kund:innen", "Mitarbeiter:innen", "Kundinnen und Kunden", "Nutzer*innen"]


def test_document_columns():
    row = gender_columns("Liebe Kund:innen, liebe Kundinnen und Kunden!", words=7)
    assert row["gender_forms"] == 2 and row["gender_doppelpunkt"] == 1 and row["gender_paarform"] == 1
    assert row["gender_per_1k"] == pytest.approx(2000 / 7, abs=0.01)
    assert math.isnan(gender_columns("", words=0)["gender_per_1k"])
