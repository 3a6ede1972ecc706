"""Part of speech, lemma and morphology from HanTa (Hannover Tagger), as a spaCy component.

HanTa's German model is trained on TIGER and ships inside its PyPI wheel, so the offline
pipeline needs no download. HanTa speaks STTS; spaCy's ``pos_`` is Universal POS, so every
STTS tag is mapped as the UD German treebanks do.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .german import gender_lemma, is_gender_form

STTS_TO_UPOS = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP",
    "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ", "KOUI": "SCONJ",
    "KOUS": "SCONJ", "KON": "CCONJ", "KOKOM": "CCONJ", "NN": "NOUN", "NE": "PROPN", "PDS": "PRON",
    "PDAT": "DET", "PIS": "PRON", "PIAT": "DET", "PIDAT": "DET", "PPER": "PRON", "PPOSS": "PRON",
    "PPOSAT": "DET", "PRELS": "PRON", "PRELAT": "DET", "PRF": "PRON", "PWS": "PRON", "PWAT": "DET",
    "PWAV": "ADV", "PAV": "ADV", "PROAV": "ADV", "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP",
    "PTKANT": "PART", "PTKA": "PART", "TRUNC": "X", "VVFIN": "VERB", "VVIMP": "VERB", "VVINF": "VERB",
    "VVIZU": "VERB", "VVPP": "VERB", "VAFIN": "AUX", "VAIMP": "AUX", "VAINF": "AUX", "VAPP": "AUX",
    "VMFIN": "AUX", "VMINF": "AUX", "VMPP": "AUX", "XY": "X", "$,": "PUNCT", "$.": "PUNCT",
    "$(": "PUNCT",
}
STTS_MORPH = {
    "VVFIN": "VerbForm=Fin", "VAFIN": "VerbForm=Fin", "VMFIN": "VerbForm=Fin",
    "VVINF": "VerbForm=Inf", "VAINF": "VerbForm=Inf", "VMINF": "VerbForm=Inf", "VVIZU": "VerbForm=Inf",
    "VVPP": "VerbForm=Part", "VAPP": "VerbForm=Part", "VMPP": "VerbForm=Part",
    "VVIMP": "Mood=Imp|VerbForm=Fin", "VAIMP": "Mood=Imp|VerbForm=Fin",
    "ADJA": "Degree=Pos", "ADJD": "Degree=Pos", "PTKNEG": "Polarity=Neg",
}
VERBAL = {"VERB", "AUX"}
# HanTa's lemmas that are wrong for today's prose ("Daten" is not the plural of "Datum" here).
LEMMA_FIXES = {"Daten": "Daten", "daten": "Daten", "Medien": "Medien", "Studie": "Studie", "Studien": "Studie"}


def stts(hanta_tag: str) -> str:
    """HanTa's notation to plain STTS: ``VV(FIN)`` -> ``VVFIN``, ``ADJ(A)`` -> ``ADJA``."""
    return hanta_tag.replace("(", "").replace(")", "")


# Distinct words remembered per process. German prose repeats its words (Zipf): on the 1.1 M-word
# benchmark corpus the memo answers most lookups, and 100k entries stay well under 100 MB.
WORD_MEMO_SIZE = 100_000


@lru_cache(maxsize=1)
def load_hanta():
    """HanTa's German tagger with its two per-word analyses memoised.

    ``analyze_forward(word)`` (tag probabilities of a lower-cased word) and ``_analyze(word, tag,
    level)`` (its lemma under a tag) are pure functions of their arguments and were two thirds of
    the offline pipeline's time (profiled with pyinstrument); HanTa recomputes them per token.
    """
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    tagger.analyze_forward = lru_cache(maxsize=WORD_MEMO_SIZE)(tagger.analyze_forward)
    tagger._analyze = lru_cache(maxsize=WORD_MEMO_SIZE)(tagger._analyze)
    return tagger


class HantaTagger:
    """Sets ``tag_`` (STTS), ``pos_`` (UPOS), ``lemma_`` and a little ``morph`` per sentence."""

    @property
    def tagger(self):
        # Loaded on first use (1.6 s): a run that finds every document in the cache never needs it.
        return load_hanta()

    def __call__(self, doc: Doc) -> Doc:
        sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            analyses = self.tagger.tag_sent([self._tagger_form(t.text) for t in words], taglevel=1)
            for position, (token, (_, lemma, tag)) in enumerate(zip(words, analyses, strict=True)):
                self._annotate(token, lemma, stts(tag), sentence_initial=position == 0)
        for token in doc:
            if token.is_space:
                token.pos_, token.tag_, token.lemma_ = "SPACE", "_SP", token.text
        return doc

    @staticmethod
    def _tagger_form(text: str) -> str:
        # HanTa knows the base noun, not the gender form: tag "Kunde" for "Kund:innen".
        return gender_lemma(text) if is_gender_form(text) else text

    @staticmethod
    def _annotate(token, lemma: str, tag: str, sentence_initial: bool) -> None:
        upos = STTS_TO_UPOS.get(tag, "X")
        text = token.text
        if is_gender_form(text):
            tag, upos, lemma = "NN", "NOUN", gender_lemma(text)
        elif upos in VERBAL and text[:1].isupper() and not sentence_initial and not text.isupper():
            # HanTa reads unknown capitalised names as verbs ("Google" -> googeln): mid-sentence,
            # a capitalised word in German is a noun or a name.
            tag, upos, lemma = "NE", "PROPN", text
        elif upos == "PROPN" or (upos == "X" and text[:1].isupper()):
            lemma = text
        elif upos == "NOUN" and text[:1].isupper():
            lemma = _restore_case(LEMMA_FIXES.get(text, lemma), text)
        token.tag_ = tag
        token.pos_ = upos
        token.lemma_ = lemma
        if tag in STTS_MORPH:
            token.set_morph(STTS_MORPH[tag])


def _restore_case(lemma: str, text: str) -> str:
    """HanTa lower-cases the parts of hyphenated nouns: Marketing-kommunikation -> Marketing-Kommunikation."""
    parts, surface = lemma.split("-"), text.split("-")
    if len(parts) == len(surface):
        parts = [p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(parts, surface, strict=True)]
    lemma = "-".join(parts)
    return lemma[:1].upper() + lemma[1:]


@Language.factory("mtext_hanta")
def make_hanta_tagger(nlp: Language, name: str) -> HantaTagger:
    """Registered component factory: HanTa POS, lemma and morphology."""
    return HantaTagger()
