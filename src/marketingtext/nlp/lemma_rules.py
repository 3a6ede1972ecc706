"""Corrections to HanTa's lemmas for classes of words a reader notices at once.

HanTa learnt its lemmas from TIGER (newspaper text in the old spelling, with stems for determiners):

* ss/ß: nouns in today's spelling get an old-spelling or clipped lemma ("Prozess" -> "Prozeß",
  "Einfluss" -> "Einflus"); the lemma keeps the word's ss.
* Hyphenated compounds: the tagger sees only the last part ("Facebook-Studie" is tagged as "Studie"),
  the first parts are kept as written: "Facebook-Studie", "US-Dollar", "Social-Media-Kanal".
* Feminine person nouns keep their -in (``Kundinnen`` -> ``Kundin``, ``Boomerin``); counting keys them as the
  masculine noun (``language.lexicon.term_key``).
* Truncated first parts of a compound (``kunden-`` in "kunden- und lösungsorientiert") keep their letters:
  they are part of a compound, not the word ``Kunde``, and are counted as ``Kundenorientierung`` is.
* Acronyms and all-caps words keep their letters ("GmbH", "EUR"); a plural -s is dropped ("KPIs" -> "KPI").
* Today's spelling for every word: ``gewisses`` -> ``gewiss`` (HanTa: ``gewiß``).
* Pronouns have their nominative as lemma ("mir" -> "ich", "uns" -> "wir"), determiners their dictionary
  form ("jed" -> "jeder", "all" -> "alle"), as the UD German treebanks and TIGER's own guidelines have them.

-nis/-us/-mus nouns ("Ergebnisse" -> "Ergebnis", "Kapitalismus", "Status") are right in HanTa and are kept
by these rules (tests/test_lemmas.py checks them).
"""

from __future__ import annotations

import re

from ..language.lexicon import masculine_noun

# A hyphenated noun whose last part is a capitalised word: the part HanTa tags and lemmatises.
_HYPHENATED_HEAD = re.compile(r"^(.+-)([A-ZÄÖÜ][a-zäöüß]+)$")
_ACRONYM_PLURAL = re.compile(r"^([A-ZÄÖÜ]{2,}\d*)s$")
PRONOUN_LEMMAS = {
    "mich": "ich", "mir": "ich", "meiner": "ich", "dich": "du", "dir": "du", "deiner": "du",
    "ihn": "er", "ihm": "er", "uns": "wir", "euch": "ihr", "ihnen": "sie",
}
# HanTa's determiner stems and their dictionary forms.
DETERMINER_LEMMAS = {
    "all": "alle", "einig": "einige", "jed": "jeder", "ander": "anderer", "etlich": "etliche",
    "manch": "mancher", "solch": "solcher", "welch": "welcher", "jen": "jener", "beid": "beide",
    "sämtlich": "sämtliche", "dies": "dieser", "diese": "dieser",
    # as UD German lemmatises indefinite articles and quantifiers: "einer", "eine" -> ein, "viele" -> viel
    "einer": "ein", "eine": "ein", "keiner": "kein", "keine": "kein", "viele": "viel", "vieler": "viel",
    "mehrere": "mehr", "meister": "meist", "meiste": "meist", "wenige": "wenig", "weniger": "wenig",
    "welche": "welcher", "solche": "solcher", "solches": "solcher", "selb": "selber",
}
# Degree forms UD German lemmatises to another word than HanTa: "nächsten" -> nah, "lieber" (adverb) -> lieb.
UD_DEGREE_LEMMAS = {"nächst": "nah", "lieber": "lieb"}
UD_DEGREE_TAGS = {"ADJA", "ADJD", "ADV"}
PRONOUN_TAGS = {"PPER", "PRF"}
DETERMINER_TAGS = {"PIAT", "PIDAT", "PIS", "PDS", "PDAT", "ADJA"}


def hyphenated_head(text: str) -> str | None:
    """The last part of a hyphenated noun, the one that carries its case and number: US-Dollar -> Dollar."""
    match = _HYPHENATED_HEAD.match(text)
    return match.group(2) if match else None


def compound_lemma(text: str, head_lemma: str) -> str:
    """A hyphenated compound's lemma: its first parts as written, the head's lemma last."""
    return _HYPHENATED_HEAD.match(text).group(1) + head_lemma


def is_acronym(text: str) -> bool:
    """All capitals (EU, GmbH's capitals aside) or capitals after the first letter: GmbH, KPIs, iPhone."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and any(c.isupper() for c in letters[1:])


def acronym_lemma(text: str) -> str:
    match = _ACRONYM_PLURAL.match(text)
    return match.group(1) if match else text


def spelling_lemma(text: str, lemma: str) -> str:
    """Keep today's ss: Prozesse -> Prozess (not Prozeß), Einfluss -> Einfluss (not Einflus)."""
    if "ss" not in text.lower():
        return lemma
    if "ß" in lemma and "ß" not in text:
        lemma = lemma.replace("ß", "ss")
    lower = text.lower()
    if lower.endswith("ss") and lemma.lower() == lower[:-1]:
        return text
    if lower.endswith("sses") and lemma.lower() in (lower[:-1], lower[:-2] + "e", lower[:-3]):
        return text[:-2]  # Einflusses -> Einfluss
    return lemma


def feminine_lemma(text: str) -> str | None:
    """A feminine person noun's lemma is its singular (``Kundinnen`` -> ``Kundin``, ``Boomerin`` as written),
    as UD has it; HanTa clips unknown ones (``Boomeri``). None for any other word."""
    singular = text[:-3] if text.endswith("innen") else text
    if singular.endswith("in") and masculine_noun(singular) != singular:
        return singular
    return None


# ß stays after a long vowel or a diphthong in today's spelling: "grossen" (Swiss, or no ß key) is still "groß".
LONG_VOWEL_SZ = ("groß", "fuß", "maß", "mäß", "spaß", "bloß", "gruß", "grüß", "straß", "süß", "stoß", "floß", "kloß",
                 "soß", "buß", "ruß", "gefäß", "fraß")
DIPHTHONGS = ("au", "äu", "eu", "ei", "ai", "ie")


def today_spelling(lower: str, lemma: str) -> str:
    """HanTa's old-spelling lemma in today's spelling where the text has it: ``gewisses`` -> ``gewiss`` (HanTa:
    ``gewiß``); a long vowel keeps its ß (``grossen`` -> ``groß``), and so does a lemma the text does not
    begin with (``erschossen`` -> ``erschießen``)."""
    at = lemma.find("ß")
    if lemma.lower()[max(0, at - 2):at] in DIPHTHONGS or any(stem in lemma.lower() for stem in LONG_VOWEL_SZ):
        return lemma
    today = lemma.replace("ß", "ss")
    return today if lower.startswith(today.lower()) else lemma


def closed_class_lemma(text: str, lemma: str, tag: str) -> str:
    """Pronouns to their nominative, determiner stems to their dictionary form, "was" to itself, and today's
    spelling (``gewisses`` -> ``gewiss``, not HanTa's ``gewiß``)."""
    lower = text.lower()
    if "ß" in lemma and "ß" not in lower and "ss" in lower:
        lemma = today_spelling(lower, lemma)
    if tag in UD_DEGREE_TAGS and lemma.lower() in UD_DEGREE_LEMMAS:
        return UD_DEGREE_LEMMAS[lemma.lower()]
    if tag in PRONOUN_TAGS and lower in PRONOUN_LEMMAS:
        return PRONOUN_LEMMAS[lower]
    if tag in DETERMINER_TAGS and lemma.lower() in DETERMINER_LEMMAS:
        return DETERMINER_LEMMAS[lemma.lower()]
    if tag in {"PRELS", "PWS"} and lower == "was":
        return "was"
    return lemma
