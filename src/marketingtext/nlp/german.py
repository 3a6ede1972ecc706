"""German language rules: tokenizer exceptions, sentence boundaries, gender forms.

The spaCy components here are registered by name (``mtext_sentences``, ``mtext_gender_lemmas``)
so that a pipeline config can name them, as spaCy's own components are.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..language.lexicon import zipf

# Gender-inclusive forms kept as one token: Kund:innen, Kund*innen, Kund_innen, Nutzer/innen, Mitarbeiter:in.
GENDER_TOKEN = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:[:*_/]|\u2019)[iI]n(?:nen)?$")
# Binnen-I: KundInnen, MitarbeiterIn (capital I after a lowercase letter, before n/nen at the end).
BINNEN_I = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]+)In(?:nen)?$")
GENDER_SUFFIX = re.compile(r"(?:[:*_/\u2019][iI]|I)n(?:nen)?$")

# Abbreviations after which a sentence never ends (the next word may well be capitalised).
NEVER_FINAL = {
    "z.", "b.", "z.b.", "d.", "h.", "d.h.", "bzw.", "vgl.", "s.", "nr.", "ca.", "u.", "a.", "o.",
    "dr.", "prof.", "hr.", "fr.", "hrsg.", "bspw.", "ggf.", "inkl.", "evtl.", "sog.", "z.t.", "m.",
    "abs.", "art.", "abb.", "tab.", "kap.", "bd.", "jh.", "jhd.", "st.", "mio.", "mrd.", "tsd.",
    "v.", "i.", "e.", "std.", "tel.", "gem.", "lt.", "allg.", "max.", "min.", "zzgl.", "vs.", "ebd.", "ff.",
}
# Abbreviations that may close a sentence (German writes a single period then).
MAY_END = {"usw.", "etc.", "u.a.", "u.ä.", "o.ä.", "u.v.m.", "chr."}
MONTHS = {
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "jahrhundert", "jahrhunderts", "jh.",
}
MIXED_CASE_WORD_PERIOD = r"(?<=[a-zäöü][A-ZÄÖÜ])\.$"  # "GmbH." at a sentence end
FINAL_PUNCT = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
CLOSING = {"“", "”", "''", '"', "'", "‘", "’", "«", "»", "›", "‹", ")", "]", "*"}


def add_german_tokenizer_rules(nlp: Language) -> None:
    """Keep gender forms in one token, whatever else the tokenizer splits; capitalised
    abbreviations at a sentence start ("Vgl.", "Bzw.") stay one token as their lower-case forms do;
    "GmbH." at a sentence end is a word and a period."""
    from spacy.symbols import ORTH

    for abbreviation in NEVER_FINAL | MAY_END:
        capitalised = abbreviation[:1].upper() + abbreviation[1:]
        if len(abbreviation) > 2 and capitalised not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(capitalised, [{ORTH: capitalised}])
    # A period after a word that ends in a capital behind a small letter closes the sentence: "der TeDaPro
    # GmbH." is "GmbH" + "." (spaCy keeps "U.S."-like tokens whole, and "GmbH" is no abbreviation).
    suffixes = nlp.tokenizer.suffix_search.__self__.pattern  # the pipeline's own, extended
    nlp.tokenizer.suffix_search = re.compile(rf"{suffixes}|{MIXED_CASE_WORD_PERIOD}").search
    old = nlp.tokenizer.token_match

    def token_match(text: str):
        return GENDER_TOKEN.match(text) or (old(text) if old else None)

    nlp.tokenizer.token_match = token_match


def is_gender_form(text: str) -> bool:
    return bool(GENDER_TOKEN.match(text) or BINNEN_I.match(text))


def gender_base(text: str) -> str:
    """The stem a gender form is built on: ``Kund:innen`` -> ``Kund``, ``KundInnen`` -> ``Kund``."""
    return GENDER_SUFFIX.sub("", text)


@lru_cache(maxsize=4096)
def gender_lemma(text: str) -> str:
    """Lemma of the base noun of a gender form: ``Kund:innen`` -> ``Kunde``, ``Nutzer*innen`` -> ``Nutzer``.

    The stem is either the masculine noun itself (``Nutzer``) or lacks its final -e (``Kund``);
    general German word frequencies decide which is a word.
    """
    stem = gender_base(text)
    candidates = [stem, stem + "e"]
    return max(candidates, key=lambda w: (zipf(w), -len(w)))


def _is_boundary(anchor: Token, nxt: Token) -> bool:
    """Does a sentence end between ``anchor`` (its last word or punctuation) and ``nxt``?"""
    text, lower, following = anchor.text, anchor.text.lower(), nxt.text
    opens = following[:1].isupper() or following[:1].isdigit() or following[:1] in "`„“\"«»‚'(–•*"
    if not opens or following.lower() in MONTHS:
        return False
    if text in FINAL_PUNCT or text.endswith(("!", "?", "…")):
        return True
    if not text.endswith(".") or len(text) == 1:
        return False
    if text[:-1].replace(".", "").isdigit():
        # "2019." and "4.0." can end a sentence; "3." before a noun is an ordinal.
        return len(text) > 3 or "." in text[:-1]
    if lower in MAY_END:
        return True
    # Initials ("E. Jerome") and abbreviations (z. B., bzw., vgl., Nr.) never end a sentence.
    return not (len(text) == 2 or lower in NEVER_FINAL)


def set_sentence_starts(doc: Doc) -> Doc:
    """Rule-based German sentence boundaries.

    A sentence starts after . ! ? … (and any closing quote or bracket) when the next word
    starts in upper case or with an opening quote; never after an abbreviation (z. B., bzw.,
    d. h., vgl., S., Nr., ca., initials) or a day/ordinal number before a month. A line break
    starts a sentence (headings, list items, paragraphs) unless the text clearly runs on:
    the previous line ends in a lower-case word or comma and the next starts in lower case.
    """
    if len(doc):
        # One array write: spaCy's Token.is_sent_start setter scans the whole Doc for
        # dependency labels on every call, which made long documents quadratic.
        starts = numpy.array([1 if s else -1 for s in sentence_starts(doc)], dtype="int64").astype("uint64")
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


def sentence_starts(doc: Doc) -> list[bool]:
    """For every token of ``doc``: does a sentence start there? (See :func:`set_sentence_starts`.)"""
    starts = []
    last = None  # last non-space token
    pending_break = False  # a line break since ``last``
    for i, token in enumerate(doc):
        if i == 0 or token.is_space:
            starts.append(i == 0)
            pending_break = pending_break or (i > 0 and "\n" in token.text)
            continue
        start = False
        if last is not None:
            if pending_break:
                start = not (token.text[:1].islower() and (last.text == "," or last.text[:1].islower()))
            elif token.text in CLOSING and last.text in FINAL_PUNCT:
                start = False
            else:
                anchor = _anchor(doc, last)
                start = anchor is not None and _is_boundary(anchor, token)
        elif pending_break:
            start = True
        starts.append(start)
        last = token
        pending_break = False
    return starts


def _anchor(doc: Doc, last: Token) -> Token | None:
    """The token that decides a boundary: closing quotes and brackets are skipped back to the
    punctuation they follow; a closing quote after a plain word ends nothing."""
    if last.text not in CLOSING:
        return last  # nearly every token: no look-up (each doc[i] makes a Token object)
    i = last.i
    while i > 0 and doc[i].text in CLOSING:
        i -= 1
    if i != last.i and not doc[i].text.endswith((".", "!", "?", "…")):
        return None
    return doc[i]


@Language.component("mtext_sentences")
def mtext_sentences(doc: Doc) -> Doc:
    """Registered component: German sentence boundaries (see :func:`set_sentence_starts`)."""
    return set_sentence_starts(doc)


@Language.component("mtext_gender_lemmas")
def mtext_gender_lemmas(doc: Doc) -> Doc:
    """Registered component: gender forms get the lemma of their base noun (Kund:innen -> Kunde)."""
    for token in doc:
        if is_gender_form(token.text):
            token.lemma_ = gender_lemma(token.text)
            token.pos_ = "NOUN"
    return doc
