"""The HTML report's German words in one place: column headers, and the "So lesen Sie das" notes of each section.

Every table of the report shows ``COLUMN_LABELS[column]`` as its header and the CSV column name in the header's
tooltip; a column missing here keeps its CSV name. ``NOTES`` holds one short reading guide per section (keyed by
the section's id); ``GLOSSARY`` explains every measure mtext writes, the report's own and the other commands'.
Add a section's labels and note here (the topics section, say) and the page picks them up.
"""

from __future__ import annotations

COLUMN_LABELS: dict[str, str] = {
    # documents (docs.csv)
    "doc": "Dokument", "title": "Titel", "author": "Autor", "date": "Datum", "path": "Pfad",
    "encoding": "Kodierung", "pipeline": "Pipeline", "format": "Format", "pages": "Seiten", "chars": "Zeichen",
    "chars_dropped": "Zeichen entfernt", "sentences": "Sätze", "words": "Wörter", "types": "Wortformen",
    "mtld": "MTLD", "mean_sentence_len": "Wörter je Satz", "flesch_amstad": "Flesch-Amstad",
    "wstf1": "WSTF 1", "wstf2": "WSTF 2", "wstf3": "WSTF 3", "wstf4": "WSTF 4", "lix": "LIX", "rix": "RIX",
    "gender_forms": "Genderformen", "gender_per_1k": "Gender je 1.000 Wörter",
    "gender_doppelpunkt": "Doppelpunkt", "gender_stern": "Sternchen", "gender_unterstrich": "Unterstrich",
    "gender_schraegstrich": "Schrägstrich", "gender_binnen_i": "Binnen-I", "gender_paarform": "Paarform",
    # keywords (keywords.csv)
    "rank": "Rang", "term": "Begriff", "lemma": "Lemma", "pos": "Wortart", "count": "Anzahl",
    "docs": "Dokumente", "range": "Reichweite (Dokumente)", "dp": "Streuung (DP)", "per_10k": "je 10.000 Wörter",
    "score": "Punktwert",
    "head": "Kopfwort", "modifiers": "Bestimmungs\u00adwörter",
    # entities (summary and pairs)
    "canonical": "Entität", "label": "Typ", "kind": "Art", "mentions": "Nennungen", "first_doc": "Zuerst in",
    "variants": "Schreibweisen", "source": "Entität A", "target": "Entität B", "source_label": "Typ A",
    "target_label": "Typ B",
    # comparison (keyness)
    "log_ratio": "Log Ratio", "count_a": "Anzahl A", "count_b": "Anzahl B", "docs_a": "Dokumente A",
    "docs_b": "Dokumente B", "per_10k_a": "je 10.000 A", "per_10k_b": "je 10.000 B", "g2": "G²",
    "p_value": "p-Wert", "favours": "typisch für", "key": "Schlüsselbegriff",
}
# columns whose value is a document name: shown by title (where known), the file name on hover
DOC_COLUMNS = ("doc", "first_doc", "doc_a", "doc_b")
# values shown in words instead of codes
VALUE_LABELS: dict[str, dict] = {
    "label": {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "MISC": "Sonstiges"},
    "source_label": {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "MISC": "Sonstiges"},
    "target_label": {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "MISC": "Sonstiges"},
    "pos": {"NOUN": "Nomen", "PROPN": "Eigenname", "PHRASE": "Phrase", "VERB": "Verb", "ADJ": "Adjektiv",
            "ADV": "Adverb"},
    "key": {True: "ja", False: "nein"},
    "kind": {  # the kinds of the gazetteer's entries (entities/data/*.toml)
        "listed company": "börsennotiertes Unternehmen", "marketing scholar": "Marketingforscher:in",
        "retailer": "Händler", "company": "Unternehmen", "brand": "Marke", "platform": "Plattform",
        "sports federation": "Sportverband", "press release service": "Pressedienst",
        "news agency": "Nachrichtenagentur", "market research company": "Marktforschungsunternehmen",
        "stock exchange": "Börse", "marketing author": "Marketingautor:in", "business press": "Wirtschaftspresse",
        "trade press": "Fachpresse", "newspaper": "Zeitung", "management thinker": "Managementdenker:in",
        "management scholar": "Managementforscher:in", "industry association": "Branchenverband",
        "statistics office": "Statistikamt", "research firm": "Forschungsunternehmen",
        "polling institute": "Umfrageinstitut", "media research association": "Medienforschungsverband",
        "media company": "Medienunternehmen", "marketing association": "Marketingverband",
        "market research institute": "Marktforschungsinstitut", "journal": "Fachzeitschrift",
        "international organisation": "internationale Organisation", "innovation consultant": "Innovationsberater:in",
        "data provider": "Datenanbieter", "consultancy": "Beratung", "author": "Autor:in",
        "advertising self-regulation body": "Werbe-Selbstkontrolle", "advertising association": "Werbeverband",
        "academic publisher": "Wissenschaftsverlag"},
}

NOTES: dict[str, str] = {
    "ueberblick": (
        "<b>Flesch-Amstad</b> (0–100): je höher, desto leichter – unter 30 sehr schwer (Fachtext), 30–50 schwer, "
        "50–60 mittelschwer, 60–70 mittel, über 70 leicht. <b>WSTF</b> (Wiener Sachtextformel) nennt die "
        "Schulstufe, für die ein Text passt: 4 sehr leicht, 10–12 anspruchsvoll, 15 sehr schwer. <b>LIX</b>: unter "
        "40 leicht, 40–50 mittel, über 60 sehr schwer. <b>MTLD</b> misst die Wortvielfalt unabhängig von der "
        "Textlänge: um 70 eher gleichförmig, über 100 abwechslungsreich. <b>Wörter je Satz</b>: über 20 sind lange "
        "Sätze. <b>Gender je 1.000 Wörter</b>: gegenderte Formen (Kund:innen, Kund*innen, Kundinnen und Kunden)."),
    "schluesselwoerter": (
        "<b>Punktwert</b>: Gewicht des Begriffs nach der Methode <i>mtext</i> – je Dokument wächst er mit der "
        "Häufigkeit (Wurzel), mit der Seltenheit des Worts im allgemeinen Deutsch, mit früher erster Nennung und "
        "der Länge der Phrase; für das Korpus (Zeile „Korpus“) ist er die Schlüsselwort-Stärke G² gegenüber "
        "allgemeinem Deutsch, gewichtet mit der Streuung. Er hat keine Einheit: nur die Rangfolge innerhalb einer "
        "Liste zählt. <b>Streuung (DP, Gries)</b> von 0 bis 1: nahe 0 gleichmäßig über alle Dokumente verteilt, "
        "nahe 1 auf wenige Dokumente beschränkt. <b>je 10.000 Wörter</b>: Häufigkeit, vergleichbar zwischen "
        "Texten verschiedener Länge."),
    "entitaeten": (
        "<b>Nennungen</b>: wie oft Person, Organisation oder Ort genannt werden (Schreibweisen zusammengefasst); "
        "<b>Dokumente</b>: in wie vielen Texten. Im Netz sind zwei Entitäten verbunden, wenn sie im selben Satz "
        "stehen; je dicker die Linie, desto öfter; je größer der Kreis, desto mehr Nennungen."),
    "streuung": (
        "Jede Zeile ist ein Dokument von Anfang (links) bis Ende (rechts), jeder Strich eine Nennung des Begriffs. "
        "Gleichmäßig verteilte Striche: ein Leitthema; ein Büschel: ein Abschnitt über den Begriff. Die Zahl "
        "rechts zählt die Nennungen."),
    "kwic": (
        "Jede Zeile zeigt einen Treffer in seinem Satz: links der Text davor, rot das Wort, rechts der Text danach. "
        "Die Suche findet alle Formen eines Lemmas (Kunde findet Kunden und Kund:innen)."),
    "aehnlichkeit": (
        "<b>Kosinus-Ähnlichkeit</b> der TF-IDF-Wortprofile, von 0 (kein gemeinsames Vokabular) bis 1 (gleiches "
        "Vokabular): über 0,5 sehr ähnlich, 0,2–0,5 verwandte Themen, unter 0,1 kaum Gemeinsamkeiten. Je dunkler "
        "das Feld, desto ähnlicher."),
    "vergleich": (
        "<b>Log Ratio</b>: binärer Logarithmus des Verhältnisses der relativen Häufigkeiten – +1 heißt doppelt so "
        "häufig in A, −1 doppelt so häufig in B, 0 gleich häufig. <b>G²</b> (Log-Likelihood) sagt, wie sicher der "
        "Unterschied kein Zufall ist: ab 3,84 gilt p < 0,05, ab 10,83 p < 0,001 (vor der Bonferroni-Korrektur). "
        "<b>Schlüsselbegriff</b> „ja“: signifikant und in genug Dokumenten der Seite."),
}

GLOSSARY: list[tuple[str, str]] = [
    ("Flesch-Amstad", "Lesbarkeit 0–100, höher ist leichter; unter 30 sehr schwer, über 70 leicht."),
    ("WSTF 1–4", "Wiener Sachtextformel: die passende Schulstufe, 4 (leicht) bis 15 (sehr schwer)."),
    ("LIX / RIX", "Lesbarkeitsindex aus Satzlänge und langen Wörtern; LIX unter 40 leicht, über 60 sehr schwer."),
    ("MTLD", "Wortvielfalt unabhängig von der Länge; um 70 gleichförmig, über 100 abwechslungsreich."),
    ("Punktwert", "Gewicht eines Schlüsselworts nach der gewählten Methode; nur die Rangfolge zählt."),
    ("Streuung (DP)", "Gries' Deviation of Proportions: 0 gleichmäßig verteilt, 1 auf ein Dokument beschränkt."),
    ("G²", "Log-Likelihood eines Unterschieds: ab 3,84 ist p < 0,05, ab 10,83 ist p < 0,001."),
    ("Log Ratio", "Effektstärke: +1 doppelt so häufig in A, −1 doppelt so häufig in B."),
    ("logDice", "Stärke einer Kollokation (mtext collocations), höchstens 14; ab etwa 7 eine feste Verbindung."),
    ("Kosinus-Ähnlichkeit", "0 kein gemeinsames Vokabular, 1 gleiches Vokabular."),
]


def column_label(column: str) -> str:
    """The German header of a CSV column (the column's own name when there is none)."""
    return COLUMN_LABELS.get(column, column)
