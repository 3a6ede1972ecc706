"""A keyphrase in its base form: nominative, adjectives agreeing, in the number the text uses most.

``althergebrachten Marketingmustern`` -> ``althergebrachte Marketingmuster``, ``des digitalen Marketings`` ->
``digitales Marketing``. A phrase is ``ADJ* NOUN+`` (``keywords.terms``); its lemmas are known, so the base
form is built from them: the last noun in the nominative of the number most occurrences have (singular: its
lemma; plural: the written plural without a dative -n), each adjective with the strong ending a phrase without
article takes (plural -e; singular by the noun's gender: -er, -e, -es). The gender comes from the noun's ending
(``-ung`` feminine, ``-ing`` neuter, ...); where the ending says nothing and the number is singular, the base is
the surface form most used.
"""

from __future__ import annotations

from collections import Counter

# Nouns used in the plural only, or in the plural in these texts (their lemma is the plural).
PLURAL_NOUNS = {"daten", "medien", "kosten", "leute", "eltern", "ferien", "finanzen", "geschwister"}
# Noun endings and the gender they give (the longest match wins; checked on the lower-cased noun).
GENDER_ENDINGS = {
    "f": ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ie", "ur", "enz", "anz", "ei", "e", "in"),
    "n": ("ing", "um", "ment", "chen", "lein", "tum", "nis", "ma", "ett", "ial", "at", "il"),
    "m": ("ling", "ismus", "or", "ant", "ent", "ist", "ig", "ich", "eur", "ör", "and", "og"),
}
STRONG_SINGULAR = {"m": "er", "f": "e", "n": "es"}
# Masculine nouns whose plural is -en (Konsument - Konsumenten): their -en is no dative ending.
WEAK_MASCULINE = ("ant", "ent", "ist", "oge", "at", "it", "nom", "mensch", "held", "bär", "prinz", "fürst", "narr",
                  "christ", "graf", "e")


def noun_gender(noun: str) -> str | None:
    """``m``, ``f`` or ``n`` from the noun's (or its compound head's) ending; None when the ending says nothing."""
    lower = noun.lower()
    best, length = None, 0
    for gender, endings in GENDER_ENDINGS.items():
        for ending in endings:
            if lower.endswith(ending) and len(ending) > length and len(lower) > len(ending) + 1:
                best, length = gender, len(ending)
    return best


def is_plural(text: str, lemma: str) -> bool:
    """A noun as written is plural when it differs from its lemma other than by a genitive -s/-es, or its lemma
    is a plural noun (Daten, Medien)."""
    if lemma.lower() in PLURAL_NOUNS:
        return True
    return text != lemma and text not in (lemma + "s", lemma + "es") and not text.endswith(("'s", "’s"))


def nominative_plural(text: str, lemma: str) -> str:
    """The written plural without a dative -n: Marketingmustern -> Marketingmuster, Sprüchen -> Sprüche,
    Produkten -> Produkte; an -en plural stays (Kooperationen, Menschen, Konsumenten)."""
    if text.endswith(("ern", "eln")):
        return text[:-1]
    lower = lemma.lower()
    if text.endswith("en") and text[:-1].endswith("e") and noun_gender(lemma) != "f" \
            and not lower.endswith(WEAK_MASCULINE):
        return text[:-1]
    return text


def adjective_form(lemma: str, ending: str) -> str:
    """A lemma with a strong ending: digital + es = digitales, leise + er = leiser."""
    return lemma + (ending[1:] if lemma.endswith("e") else ending)


def base_form(occurrences: Counter, lemmas: tuple[str, ...], surface: str) -> str:
    """The base form of a phrase from its occurrences (``(surface, plural)`` -> count), its lemmas and its most
    used surface form. Adjectives are the lower-case lemmas before the first noun; the last word is the noun."""
    words = surface.split()
    if len(words) != len(lemmas) or len(lemmas) < 2 or not lemmas[-1][:1].isupper() or \
            not lemmas[0][:1].islower():
        return surface  # not ADJ+ NOUN (a name, a noun pair, a version number): as written
    plural_count = sum(n for (_, plural), n in occurrences.items() if plural)
    plural = plural_count * 2 > sum(occurrences.values())
    adjectives = [i for i, lemma in enumerate(lemmas[:-1]) if lemma[:1].islower()]
    if adjectives != list(range(len(adjectives))) or len(adjectives) != len(lemmas) - 1:
        return surface  # ADJ NOUN NOUN: the nouns before the last are genitive or apposition; as written
    noun_lemma = lemmas[-1]
    if plural:
        plurals = Counter({s.split()[-1]: n for (s, p), n in occurrences.items() if p})
        noun = nominative_plural(plurals.most_common(1)[0][0], noun_lemma)
        ending = "e"
    else:
        gender = noun_gender(noun_lemma)
        if gender is None:
            return surface
        noun, ending = noun_lemma, STRONG_SINGULAR[gender]
    return " ".join([adjective_form(lemmas[i], ending) for i in adjectives] + [noun])
