"""Lemmas of the word classes a reader checks first (offline pipeline: HanTa plus mtext's rules)."""

from __future__ import annotations

import pytest

from marketingtext.nlp.lemma_rules import acronym_lemma, closed_class_lemma, spelling_lemma

CASES = [
    # ss/ß: today's spelling, nothing clipped
    ("Der Einfluss der Medien wächst.", "Einfluss", "Einfluss"),
    ("Die Höhe des Einflusses ist unklar.", "Einflusses", "Einfluss"),
    ("Die Prozesse laufen gut.", "Prozesse", "Prozess"),
    ("Der Beschluss fiel gestern.", "Beschluss", "Beschluss"),
    ("Der Stress im Büro steigt.", "Stress", "Stress"),
    ("Die Einflüsse sind groß.", "Einflüsse", "Einfluss"),
    # hyphenated compounds: first parts as written, last part lemmatised
    ("Die Facebook-Studie zeigt das.", "Facebook-Studie", "Facebook-Studie"),
    ("Der Kurs des US-Dollar fällt.", "US-Dollar", "US-Dollar"),
    ("Wir prüfen alle Social-Media-Kanäle täglich.", "Social-Media-Kanäle", "Social-Media-Kanal"),
    ("Viele B2B-Kunden kaufen online.", "B2B-Kunden", "B2B-Kunde"),
    ("Die SEO-Strategie wirkt.", "SEO-Strategie", "SEO-Strategie"),
    ("In der Corona-Krise sank der Umsatz.", "Corona-Krise", "Corona-Krise"),
    # acronyms and all-caps words
    ("Die GmbH wurde 2010 gegründet.", "GmbH", "GmbH"),
    ("Wir messen drei KPIs pro Monat.", "KPIs", "KPI"),
    ("Die EU plant neue Regeln.", "EU", "EU"),
    ("Das kostet 20 EUR im Monat.", "EUR", "EUR"),
    ("Er kauft ein neues iPhone.", "iPhone", "iPhone"),
    # -nis/-us/-mus nouns
    ("Das Ergebnis überrascht.", "Ergebnis", "Ergebnis"),
    ("Die Ergebnisse überraschen.", "Ergebnisse", "Ergebnis"),
    ("Die Bedürfnisse der Kunden zählen.", "Bedürfnisse", "Bedürfnis"),
    ("Der Kapitalismus hat Kritiker.", "Kapitalismus", "Kapitalismus"),
    ("Der Status der Marke sinkt.", "Status", "Status"),
    ("Das hat auch etwas mit der Person als Marke zu tun.", "Marke", "Marke"),  # not "Mark" (a comment under 004)
    ("Der Tourismus wächst.", "Tourismus", "Tourismus"),
    ("Die Algorithmen entscheiden mit.", "Algorithmen", "Algorithmus"),
    ("Der Bus fährt, die Busse auch.", "Busse", "Bus"),
    # pronouns and determiners
    ("Er gab mir das Buch.", "mir", "ich"),
    ("Wir freuen uns darauf.", "uns", "wir"),
    ("Sie hat ihn gesehen.", "ihn", "er"),
    ("Das gefällt jeden Tag allen.", "jeden", "jeder"),
    ("Alle Kunden kamen.", "Alle", "alle"),
]


@pytest.fixture(scope="module")
def offline_nlp():
    from marketingtext.nlp.pipeline import load_pipeline

    return load_pipeline("offline")[0]  # the rules live in the offline pipeline's HanTa component


@pytest.mark.parametrize(("sentence", "word", "lemma"), CASES)
def test_lemma(offline_nlp, sentence, word, lemma):
    doc = offline_nlp(sentence)
    assert [t.lemma_ for t in doc if t.text == word][0] == lemma


def test_rules_leave_other_words_alone():
    assert spelling_lemma("Straße", "Straße") == "Straße"
    assert spelling_lemma("Bussen", "Bus") == "Bus"
    assert acronym_lemma("CO2") == "CO2" and acronym_lemma("PCs") == "PC"
    assert closed_class_lemma("ihr", "ihr", "PPER") == "ihr"  # 2nd plural or dative of sie: left as is
    assert closed_class_lemma("Haus", "Haus", "NN") == "Haus"


ESSAY_LEMMAS = [
    # (essay, word as written, lemma): words the issue found wrong on the five essays (issue 28)
    ("004", "Felser", "Felser"),  # "Winfried Felser", not "Fels": a surname after a first name keeps its letters
    ("001", "Käuferverhalten", "Käuferverhalten"),  # not "Käuferverhalt": the head "Verhalten" is a word
    ("004", "Nachfrager", "Nachfrager"),  # not "nachfrage": an agent noun keeps its -r
    ("002", "Tour-de-force", "Tour-de-force"),
    ("002", "Boomerin", "Boomerin"),  # not "Boomeri"
    ("002", "Boomer", "Boomer"),  # not "Boom"
    ("002", "Marketer", "Marketer"),
    ("001", "Kundinnen", "Kundin"),
    ("000", "gewisses", "gewiss"),  # today's spelling, not "gewiß"
    ("001", "viele", "viel"),  # as UD German GSD lemmatises quantifiers and articles
    ("000", "einer", "ein"),
    ("000", "Scheibelhofer", "Scheibelhofer"),
    ("002", "kunden-", "kunden-"),  # a compound's first part, not the word Kunde
]


@pytest.fixture(scope="module")
def essay_tokens(seeds):
    tokens: dict[tuple[str, str], set[str]] = {}
    for parsed in seeds.parsed():
        for token in parsed.doc:
            tokens.setdefault((parsed.source.doc[:3], token.text), set()).add(token.lemma_)
    return tokens


@pytest.mark.parametrize(("essay", "word", "lemma"), ESSAY_LEMMAS)
def test_essay_lemmas(essay_tokens, essay, word, lemma):
    assert essay_tokens[(essay, word)] == {lemma}


@pytest.mark.parametrize(("sentence", "word", "lemma"), [
    ("Die Politik Israels ändert sich.", "Israels", "Israel"),  # a listed place: the genitive -s goes
    ("Andreas Hess kommt.", "Andreas", "Andreas"),  # a first name of its own, not Andrea's genitive
    ("Mefferts Buch und Meffert selbst.", "Mefferts", "Meffert"),  # the name without -s is in the text
    ("Die Kinder spielen.", "Kinder", "Kind"),  # -er plural: HanTa's lemma stays
    ("Die Kundenzahlen steigen.", "Kundenzahlen", "Kundenzahl"),
])
def test_names_and_clipped_nouns(offline_nlp, sentence, word, lemma):
    assert [t.lemma_ for t in offline_nlp(sentence) if t.text == word][0] == lemma
