"""Organisations the NER model misses or mislabels, known by their shape (rules chosen with
bench/ner_layer_errors.py on the NER dev split): a name after a company noun ("die Handelskette Zielpunkt"), a
span's last word or the company noun before it as its label ("Mindener Tageblatt", "die Nachrichtenagentur Ria"),
an acronym in brackets after an organisation's name ("(BdB)") and the document's other mentions of its acronyms.
Also :class:`SpanIndex`, the mentions that overlap a span, which the entity table uses too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

import numpy

from ..language.lexicon import zipf
from ..language.words import squash_spaces
from ..nlp.name_lists import FIRST_NAME, PLACE
from .false_friends import (
    ACRONYM,
    ENGLISH_ORGANISATION_HEADS,
    JOINING_TAGS,
    LEGAL_FORM,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    is_plain_noun,
)
from .gazetteer import Mention
from .spans import NOT_NAME_TAGS, OPENING_QUOTES, Chars, name_in_first_parts

# Common nouns for a company or another organisation that a name follows in apposition ("die Handelskette
# Zielpunkt", "der Mobilfunkbetreiber E-Plus", "die Firma Wunderlich", "seinem neuen Verein Ascoli"); nominative,
# dative and accusative forms only: a genitive is followed by the noun it qualifies ("des Unternehmens Umsatz").
COMPANY_NOUN_ENDINGS = ("unternehmen", "konzern", "firma", "hersteller", "anbieter", "händler", "dienstleister",
                        "kette", "betreiber", "tochter", "gesellschaft", "produzent", "produzenten", "zulieferer",
                        "discounter", "airline", "verlag", "sender", "zeitung", "magazin", "agentur", "verein",
                        "klub", "club", "partei", "gewerkschaft", "versicherer", "distributor", "startup", "start-up",
                        "brauerei", "reederei")
DETERMINER_TAGS = {"ART", "ADJA", "PPOSAT", "PDAT", "PIAT", "APPRART", "CARD"}  # "der", "insolventen", "seine", "zum"
APPOSITION_WORDS = 3  # "Prax Terminals": at most this many words of name after the company noun
APPOSITION_WORD_ZIPF = 2.0  # a later word this frequent in German is no part of the name ("Beschläge": 2.6)


def company_apposition_spans(doc) -> list[Chars]:
    """Names after a company noun (:data:`COMPANY_NOUN_ENDINGS`) that an article or adjective introduces: "der
    Mobilfunkbetreiber E-Plus", "die Firma „Wunderlich“". The name is the capitalised words after it (quotes
    skipped) up to a word HanTa knows well as a common noun: "dass die Agentur Kunden gewinnt" has none, nor has
    "die Firma Berlin" (a listed place or first name), "die Partei Die Linke" (an article) or a one-letter "Firma
    E.". Outside every model entity; on the NER dev split it finds 5 names the model passed over, all of them
    gold."""
    inside, spans = None, []
    for i in _company_noun_positions(doc):
        token = doc[i]
        if i + 1 >= len(doc) or not is_company_noun(token):
            continue
        if inside is None:
            inside = {k for ent in doc.ents for k in range(ent.start, ent.end)}
        start = token.i + 1 + (doc[token.i + 1].text in OPENING_QUOTES)
        end = start
        while end < len(doc) and end - start < APPOSITION_WORDS and end not in inside \
                and _is_apposition_name_word(doc[end], first=end == start):
            end += 1
        if end > start and len(doc[start:end].text) > 1:
            spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return spans


def _company_noun_positions(doc) -> list[int]:
    """Token positions whose word ends in a company noun: each distinct word of the document is judged once, from
    spaCy's arrays, instead of a Token object made for every token (a 27-article run has about 120,000)."""
    from spacy.attrs import LOWER  # here: `mtext entities` imports this module before reading, spaCy meanwhile

    lowers = doc.to_array(LOWER)
    strings = doc.vocab.strings
    hits = [key for key in numpy.unique(lowers).tolist() if strings[key].endswith(COMPANY_NOUN_ENDINGS)]
    return numpy.flatnonzero(numpy.isin(lowers, hits)).tolist() if hits else []


def is_company_noun(token) -> bool:
    """A company noun (:data:`COMPANY_NOUN_ENDINGS`) after an article or adjective: "der Mobilfunkbetreiber",
    "seine Konzerntochter"; not "seine Tochter", a person."""
    lower = token.text.lower()
    return token.i > 0 and token.tag_ == "NN" and lower.endswith(COMPANY_NOUN_ENDINGS) and lower != "tochter" \
        and token.doc[token.i - 1].tag_ in DETERMINER_TAGS


def company_noun_before(tokens) -> bool:
    """Whether a company noun (:func:`is_company_noun`) comes right before ``tokens`` (a quote between them
    allowed): "die russische Nachrichtenagentur Ria", "des Produzenten „S-Gard“"."""
    doc, at = tokens[0].doc, tokens[0].i - 1
    if at >= 0 and doc[at].text in OPENING_QUOTES:
        at -= 1
    return at >= 0 and is_company_noun(doc[at])


def _is_apposition_name_word(token, first: bool) -> bool:
    """A word of the name after a company noun; after its first word no German word either, but for a company
    word ("die Firma RBS Beschläge": the name is "RBS"; "OKI Systems")."""
    text = token.text
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text) or text.endswith(".") \
            or token.tag_ in JOINING_TAGS | NOT_NAME_TAGS | {"ADJA"} or LEGAL_FORM.match(text) or is_plain_noun(text):
        return False
    if first:
        return not token.check_flag(PLACE) and not token.check_flag(FIRST_NAME)
    return text in ENGLISH_ORGANISATION_HEADS or zipf(text.lower()) < APPOSITION_WORD_ZIPF


# Last words of newspapers' and magazines' titles, which the model reads as the place in them ("Mindener Tageblatt",
# "New York Times", "Donaukurier"); "-zeitung" is among the organisation words already.
PRESS_TITLE_ENDINGS = ("blatt", "kurier", "anzeiger", "rundschau", "nachrichten")
PRESS_TITLE_HEADS = {"Times", "Post", "Journal", "Herald", "Tribune", "Telegraph", "Gazette", "News", "Magazine"}


def label_by_last_word(ent, label: str) -> str:
    """A model span's label as its last word says: a legal form, an organisation word or a newspaper's title word
    makes it an ORG ("KION Group", "State Oil", "Mindener Tageblatt" read as places), a street or junction word a
    LOC ("Eurotunnel" read as a person); a person or place right after a company noun is an ORG
    (:func:`company_noun_before`). Other spans, and MISC, keep the model's label."""
    if label not in {"PER", "LOC", "ORG"} or not ent.text.strip():
        return label
    if label in {"PER", "LOC"} and company_noun_before(ent):
        return "ORG"  # "die russische Nachrichtenagentur Ria" read as a person
    last = ent[-1].text
    lower = last.lower()
    if LEGAL_FORM.match(last) or last in ENGLISH_ORGANISATION_HEADS | PRESS_TITLE_HEADS \
            or lower.endswith(ORGANISATION_WORDS + PRESS_TITLE_ENDINGS):
        return "ORG"
    return "LOC" if lower.endswith(PLACE_WORDS) else label


class SpanIndex:
    """Mentions sorted by start, for the ones that overlap a span in O(log n) plus the hits: a long text has
    thousands of mentions, and a scan of all of them per mention made entities quadratic in the text's length."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def overlapping(self, span: Mention) -> list[Mention]:
        """The mentions that share a character with ``span``, in text order."""
        low = bisect_left(self.starts, span.start - self.longest)
        high = bisect_left(self.starts, span.end)
        return [m for m in self.mentions[low:high] if _overlap(m, span)]


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


BRACKETED_ACRONYM = re.compile(r"\s?\(\s*([A-ZÄÖÜ][\wÄÖÜäöü&]{1,7})\s*\)")  # " (BdB)", " ( GdP )"


def bracketed_acronym_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """The acronym in brackets right after an organisation's name, where nothing else was found there: "der
    Bundesverband deutscher Banken (BdB)" names BdB too, canonical name the expansion's. Only an acronym that
    begins with the name's first letter (not "(CEST)" after a place, nor a law's "(FGO)")."""
    index, found = SpanIndex(mentions), []
    for m in mentions:
        match = BRACKETED_ACRONYM.match(text, m.end)
        if (m.entry.label if m.entry else m.label) != "ORG" or not match or not ACRONYM.match(match.group(1)) \
                or match.group(1)[0] != m.text[:1]:
            continue
        acronym = Mention(match.start(1), match.end(1), match.group(1), "ORG", "rule", m.entry,
                          m.canonical or squash_spaces(m.text))  # the expansion names it, as .table._pair_acronyms does
        if not index.overlapping(acronym):
            found.append(acronym)
    return found


# "§ 1 GTV HH", "Art. 3 GG": after a section's number comes the name of a law or agreement, not an organisation.
COMPOUND_TAIL = re.compile(r"-\w[\w-]*")  # the rest of a hyphenated compound after a name in it
CITED_NORM = re.compile(r"(?:§|Art\.)\s*\d+\w*\s*$")


def same_name_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """Further occurrences of the acronyms the document names as organisations, where nothing else was found: "OKI"
    after "OKI plant …", the model passing over "… zeigt OKI ein Gerät"; "CDU" in "CDU-Politiker" as "Siemens"
    in "Siemens-Sprecher". Whole words only, not followed by a capitalised word or a number, which would make them
    part of a longer name ("OKI MC873"), not in a compound that is a name of its own ("EU-Kommission", as
    :func:`.spans.name_in_first_parts` decides) and not after a section's number (:data:`CITED_NORM`). The ``rule``
    mention takes the entity (gazetteer entry, canonical name) of the first mention of that name. Acronyms only: a
    word the model once called an organisation is often a person's or a people's name it misread ("Capone"), and
    the misreading would spread; on the NER dev split the rule found 3 gold organisations and nothing else."""
    first_of: dict[str, Mention] = {}
    for m in mentions:
        if (m.entry.label if m.entry else m.label) == "ORG" and ACRONYM.match(m.text):
            first_of.setdefault(m.text, m)
    if not first_of:
        return []
    names = sorted(first_of, key=lambda name: (-len(name), name))  # the longest name first: "DB Netz" before "DB"
    pattern = re.compile(r"(?<![\w@#.&/-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w&]|\s+[A-ZÄÖÜ0-9])")
    index, found = SpanIndex(mentions), []
    for match in pattern.finditer(text):
        candidate = Mention(match.start(), match.end(), match.group(), "ORG", "rule")
        compound = COMPOUND_TAIL.match(text, match.end())
        if compound and name_in_first_parts(text[match.start():compound.end()]) != match.group():
            continue  # "EU-Kommission" is a body of its own; "CDU-Politiker" names the CDU
        if not index.overlapping(candidate) and not CITED_NORM.search(text, max(0, match.start() - 16), match.start()):
            first = first_of[match.group()]
            candidate.entry, candidate.canonical = first.entry, first.canonical
            found.append(candidate)
    return found
