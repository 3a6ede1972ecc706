"""Part of speech, lemma and morphology from HanTa (Hannover Tagger), as a spaCy component.

HanTa's German model is trained on TIGER and ships inside its PyPI wheel, so the offline
pipeline needs no download. HanTa speaks STTS; spaCy's ``pos_`` is Universal POS, so every
STTS tag is mapped as the UD German treebanks do.

One job: HanTa's tags and lemmas on spaCy tokens (with the repairs its lemmas need: clipped nouns, names, today's
spelling; lemma_rules holds the word lists).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy
from spacy.attrs import IS_SPACE, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc

from ..language.lexicon import zipf
from .german import gender_lemma, is_gender_form
from .lemma_rules import (
    acronym_lemma,
    closed_class_lemma,
    compound_lemma,
    feminine_lemma,
    hyphenated_head,
    is_acronym,
    spelling_lemma,
)
from .name_lists import FIRST_NAME, PLACE, SURNAME, ListFlag, NameLists, shipped_name_lists

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
    # HanTa's own tags beside STTS: "$" for quotes, brackets and dashes, NNA for a nominalised adjective or
    # participle ("Beschäftigten", "Vorsitzende") and NNI for a nominalised infinitive ("das Essen", "Laufen").
    # Without them these were X: 3 % of UD GSD dev's tokens (bench/eval_pipeline.py).
    "$": "PUNCT", "NNA": "NOUN", "NNI": "NOUN",
}
STTS_MORPH = {
    "VVFIN": "VerbForm=Fin", "VAFIN": "VerbForm=Fin", "VMFIN": "VerbForm=Fin",
    "VVINF": "VerbForm=Inf", "VAINF": "VerbForm=Inf", "VMINF": "VerbForm=Inf", "VVIZU": "VerbForm=Inf",
    "VVPP": "VerbForm=Part", "VAPP": "VerbForm=Part", "VMPP": "VerbForm=Part",
    "VVIMP": "Mood=Imp|VerbForm=Fin", "VAIMP": "Mood=Imp|VerbForm=Fin",
    "ADJA": "Degree=Pos", "ADJD": "Degree=Pos", "PTKNEG": "Polarity=Neg",
}
VERBAL = {"VERB", "AUX"}
# HanTa's compound analysis takes time far above linear in a word's length (400 characters: 6 s, 900: 28 s),
# so one base64 blob or URL of a scraped page would stall a run for hours. No German word is this long
# (Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz: 63); longer tokens are not words HanTa
# knows: it tags a short stand-in in their place, and they keep their text as lemma, tagged XY.
MAX_TAGGED_CHARS = 100
LONG_TOKEN_STAND_IN = "XY"
# HanTa's lemmas that are wrong for today's prose ("Daten" is not the plural of "Datum" here).
LEMMA_FIXES = {"Daten": "Daten", "daten": "Daten", "Medien": "Medien", "Studie": "Studie", "Studien": "Studie",
               "Marke": "Marke"}


def stts(hanta_tag: str) -> str:
    """HanTa's notation to plain STTS: ``VV(FIN)`` -> ``VVFIN``, ``ADJ(A)`` -> ``ADJA``."""
    return hanta_tag.replace("(", "").replace(")", "")


# Distinct words remembered per process. German prose repeats its words (Zipf): on the 1.1 M-word
# benchmark corpus the memos answer most lookups (docs/speed.md gives their size when full).
WORD_MEMO_SIZE = 100_000


@lru_cache(maxsize=1)
def load_hanta():
    """HanTa's German tagger, computing its own results faster and remembering them per word (hanta_fast), and
    looking up those of frequent words (hanta_lexicon)."""
    from .hanta_fast import FastHanoverTagger
    from .hanta_lexicon import load_lexicon, package_model

    return FastHanoverTagger(package_model("morphmodel_ger.pgz"), WORD_MEMO_SIZE, load_lexicon("morphmodel_ger.pgz"))


@lru_cache(maxsize=1)
def load_english_hanta():
    """HanTa's English tagger (BNC tags), for telling English common nouns from names among loanwords; the fast path
    as for German (the same answers: ``bench/hanta_identity.py --english``, tests/test_hanta_fast.py)."""
    from .hanta_fast import FastHanoverTagger
    from .hanta_lexicon import package_model

    return FastHanoverTagger(package_model("morphmodel_en.pgz"), WORD_MEMO_SIZE)


class HantaTagger:
    """Sets ``tag_`` (STTS), ``pos_`` (UPOS), ``lemma_`` and a little ``morph`` per sentence."""

    def __init__(self, memo_size: int = WORD_MEMO_SIZE):
        # A token's annotation is a pure function of its text, HanTa's lemma and tag and whether it opens the
        # sentence: remembered, like HanTa's per-word analyses, for the first memo_size (as NUL-joined strings,
        # half the memory of tuples).
        self.memo_size = memo_size
        self._annotations: dict[str, str] = {}

    @property
    def tagger(self):
        # Loaded on first use (1.6 s): a run that finds every document in the cache never needs it.
        return load_hanta()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        orths, spaces = doc.to_array([ORTH, IS_SPACE]).T.tolist()
        texts = [strings[orth] for orth in orths]
        tags, poses, lemmas, morphs = ["_SP"] * len(doc), ["SPACE"] * len(doc), list(texts), [""] * len(doc)
        starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
            words = [i for i in range(start, end) if not spaces[i]]
            if not words:
                continue
            analyses = self.tagger.tag_sent([self._tagger_form(texts[i]) for i in words], taglevel=1)
            for position, (i, (_, lemma, tag)) in enumerate(zip(words, analyses, strict=True)):
                tags[i], poses[i], lemmas[i], morphs[i] = self._annotation(texts[i], lemma, tag, position == 0)
        words = [i for i, space in enumerate(spaces) if not space]
        name_lemmas(texts, tags, poses, lemmas, words, name_lists(doc.vocab))
        # One array write instead of four attribute setters per token; a token without morphology keeps
        # what it had (nothing, in a fresh Doc), as it did when set_morph was called per token.
        hashes: dict[str, int] = {}
        for text in (*tags, *lemmas):
            if text not in hashes:
                hashes[text] = strings.add(text)
        morph_keys = {morph: doc.vocab.morphology.add(morph) for morph in set(morphs) if morph}
        kept = doc.to_array([MORPH]).tolist()
        columns = numpy.array([[hashes[tag] for tag in tags], [UPOS_IDS[pos] for pos in poses],
                               [hashes[lemma] for lemma in lemmas],
                               [morph_keys[morph] if morph else old for morph, old in zip(morphs, kept, strict=True)]],
                              dtype="uint64").T
        doc.from_array([TAG, POS, LEMMA, MORPH], columns)
        return doc

    def _annotation(self, text: str, lemma: str, hanta_tag: str, sentence_initial: bool):
        if "\0" in text or "\0" in lemma:  # a stray NUL in a badly decoded file: computed, not remembered
            return self._annotate(text, lemma, stts(hanta_tag), sentence_initial)
        key = f"{text}\0{lemma}\0{hanta_tag}\0{'1' if sentence_initial else ''}"
        found = self._annotations.get(key)
        if found is None:
            found = "\0".join(self._annotate(text, lemma, stts(hanta_tag), sentence_initial))
            if len(self._annotations) < self.memo_size:
                self._annotations[key] = found
        return found.split("\0")

    @staticmethod
    def _tagger_form(text: str) -> str:
        # HanTa knows the base noun, not the gender form: tag "Kunde" for "Kund:innen"; a hyphenated
        # compound is tagged as its last part, which carries its part of speech, case and number.
        if len(text) > MAX_TAGGED_CHARS:
            return LONG_TOKEN_STAND_IN
        if is_gender_form(text):
            return gender_lemma(text)
        return hyphenated_head(text) or text

    @staticmethod
    def _annotate(text: str, lemma: str, tag: str, sentence_initial: bool) -> tuple[str, str, str, str]:
        """A word's STTS tag, UPOS, lemma and morphology from HanTa's lemma and STTS tag of it."""
        upos = STTS_TO_UPOS.get(tag, "X")
        head = hyphenated_head(text)
        if len(text) > MAX_TAGGED_CHARS:
            tag, upos, lemma = "XY", "X", text
        elif upos == "X" and _is_punctuation(text):
            # HanTa calls „ “ – … foreign material (FM) or XY: the tag stays (the NER reads it), the UPOS is PUNCT
            upos, lemma = "PUNCT", text
        elif is_gender_form(text):
            tag, upos, lemma = "NN", "NOUN", gender_lemma(text)
        elif upos in VERBAL and (text[:1].isupper() or is_acronym(text)) and not sentence_initial \
                and not text.isupper():
            # HanTa reads unknown capitalised names as verbs ("Google" -> googeln, "iPhone" -> iphonen):
            # mid-sentence, a capitalised word in German is a noun or a name.
            tag, upos, lemma = "NE", "PROPN", text
        elif tag == "TRUNC":
            lemma = text  # "kunden-": a part of a compound, not the word Kunde (lemma_rules)
        elif is_acronym(text) and not head:
            lemma = acronym_lemma(text)  # GmbH, KPIs -> KPI, EUR
        elif tag == "FM" and is_foreign_noun(text):
            # "Marketing with Partners", „Marketing“: HanTa calls an English word in English company foreign
            # material; capitalised in German text it is a noun, the same word as elsewhere. The STTS tag stays
            # FM: the NER and the entity rules read it.
            upos, lemma = "NOUN", text
        elif upos in {"PROPN", "X"}:
            lemma = text  # names and foreign words as written (HanTa capitalises "and" -> "And")
        elif upos == "NOUN" and head:
            lemma = compound_lemma(text, _noun_lemma(head, lemma))
        elif upos == "NOUN" and text[:1].isupper():
            lemma = _noun_lemma(text, lemma)
        else:
            lemma = closed_class_lemma(text, lemma, tag)
        return tag, upos, lemma, STTS_MORPH.get(tag, "")


def _is_punctuation(text: str) -> bool:
    return bool(text) and all(unicodedata.category(c).startswith("P") for c in text)


# English words that are capitalised at the start of a title or quotation without being nouns.
ENGLISH_FUNCTION_WORDS = {
    "the", "and", "for", "with", "you", "your", "our", "not", "are", "was", "from", "this", "that", "all",
    "how", "why", "what", "who", "when", "into", "but", "its", "his", "her", "their", "they", "she", "let",
}


def is_foreign_noun(text: str) -> bool:
    """A capitalised foreign word (not all capitals, not an English function word): Marketing, Customers."""
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and text[:1].isupper() and not text.isupper() and text.lower() not in ENGLISH_FUNCTION_WORDS


def _noun_lemma(text: str, lemma: str) -> str:
    feminine = feminine_lemma(text)
    if feminine:
        return feminine
    return spelling_lemma(text, _restore_case(LEMMA_FIXES.get(text, unclipped_lemma(text, lemma)), text))


# Nouns whose plural adds -er without umlaut (Kind - Kinder): HanTa's "-er" off is right for these alone.
ER_PLURAL_STEMS = (
    "kind", "bild", "feld", "geld", "lied", "glied", "rind", "schild", "ei", "brett", "kleid", "nest", "gespenst",
    "geschlecht", "regiment", "licht", "leib", "weib", "geist", "gesicht", "ding", "gemüt", "heim", "schwert",
)
HEAD_MIN_ZIPF = 2.5  # a compound's last part that general German knows as a word
CLIPPED_ZIPF_DROP = 1.5  # ... and HanTa's lemma of it, this much rarer: no word ("verhalt" beside "verhalten")
MODIFIER_MIN_ZIPF = 3.0  # a compound's first part that general German knows well
# A lemma ending so is a singular noun however rare (Aufwendungen -> Aufwendung).
SINGULAR_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "nis", "ismus", "ling")


def _known_head(lower: str) -> str | None:
    """The word itself if general German knows it, else its compound head: the longest last part that general
    German knows after a first part of four letters or more it knows well, a linking -s aside
    (``käufer|verhalten``, ``rhein|fähre``; not ``mon|teuren``). A hyphenated word's head is its last part
    (``tour-de-force``)."""
    if zipf(lower) >= HEAD_MIN_ZIPF:
        return lower
    if "-" in lower.strip("-"):
        head = lower.rsplit("-", 1)[-1]
        return head if len(head) >= 4 and zipf(head) >= HEAD_MIN_ZIPF else None
    for cut in range(4, len(lower) - 3):
        first, head = lower[:cut], lower[cut:]
        known = max(zipf(first), zipf(first[:-1]) if first.endswith("s") else 0.0) >= MODIFIER_MIN_ZIPF
        if known and zipf(head) >= HEAD_MIN_ZIPF:
            return head
    return None


@lru_cache(maxsize=50_000)
def unclipped_lemma(text: str, lemma: str) -> str:
    """HanTa's lemma of a noun it does not know, unless it clipped a singular: an agent noun's -r or -er
    (``Nachfrager`` -> ``Nachfrage``, ``Boomer`` -> ``Boom``; not ``Kinder`` -> ``Kind``), or an ending that
    leaves no word of the compound's head (``Käuferverhalten`` -> ``Käuferverhalt``, ``Tour-de-force`` ->
    ``Tour-de-forc``): then the text is the lemma."""
    lower, stem = text.lower(), lemma.lower()
    if stem == lower or not lower.startswith(stem):
        return lemma
    if lower.endswith("er") and stem in (lower[:-1], lower[:-2]) and not stem.endswith(ER_PLURAL_STEMS):
        return text
    if stem.endswith(SINGULAR_SUFFIXES) or zipf(stem) >= HEAD_MIN_ZIPF:
        return lemma  # a known word: HanTa's lemma stands (one look-up for most plurals)
    head = _known_head(lower)
    if head is None:
        return lemma
    clipped = stem[len(lower) - len(head):].lstrip("-")
    return text if zipf(clipped) <= zipf(head) - CLIPPED_ZIPF_DROP else lemma


def _restore_case(lemma: str, text: str) -> str:
    """HanTa lower-cases the parts of hyphenated nouns: Marketing-kommunikation -> Marketing-Kommunikation."""
    parts, surface = lemma.split("-"), text.split("-")
    if len(parts) == len(surface):
        parts = [p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(parts, surface, strict=True)]
    lemma = "-".join(parts)
    return lemma[:1].upper() + lemma[1:]


# A noun after a first name is a surname when it is no common German word ("Winfried Felser", not "Fels").
SURNAME_MAX_ZIPF = 3.5
# A name's genitive: the name without -s is this much more frequent in general German ("Chirac" over "Chiracs";
# not "Andrea" over "Andreas").
GENITIVE_STEM_ZIPF = 0.5
GENITIVE_STEM_MIN_ZIPF = 2.5


def name_lists(vocab) -> NameLists:
    """The place, first-name and surname lists the NER was trained with: those its lexeme flags hold when the
    pipeline installed them (``name_lists.install_name_flags``; read once, not twice), else read from its folder
    (empty when that is missing)."""
    getters = getattr(vocab, "lex_attr_getters", {})
    flags = [getters.get(flag) for flag in (PLACE, FIRST_NAME, SURNAME)]
    if all(isinstance(flag, ListFlag) for flag in flags):
        return NameLists(*(flag.names for flag in flags))
    return shipped_name_lists()


def name_lemmas(texts: list[str], tags: list[str], poses: list[str], lemmas: list[str], words: list[int],
                lists: NameLists) -> None:
    """Names keep their letters: a surname HanTa took for a noun (``Winfried Felser`` -> ``Fels``) is a name, and
    a genitive -s is removed only where the name without it is known, in this text or in the name lists
    (``Mefferts`` beside ``Meffert``, ``Brandenburgs``) or more frequent in general German (``Chiracs``); not
    ``Andreas``, itself a name. Works on a Doc's columns (text, tag, UPOS, lemma per token; ``words``: the
    indexes of its tokens that are not space) and changes them in place."""
    for previous, i in zip(words, words[1:], strict=False):
        text = texts[i]
        if tags[i] == "NN" and poses[previous] == "PROPN" and texts[previous] in lists.first_names \
                and text[:1].isupper() and text.isalpha() and zipf(text) < SURNAME_MAX_ZIPF:
            tags[i], poses[i], lemmas[i] = "NE", "PROPN", text
    known = {texts[i] for i in words if poses[i] == "PROPN"}
    def listed(word: str) -> bool:  # three look-ups, not a union of 108,000 names built per document
        return word in lists.places or word in lists.first_names or word in lists.surnames

    for i in words:
        text = texts[i]
        if poses[i] == "PROPN" and lemmas[i] == text and len(text) > 3 and text.endswith("s") \
                and not text.endswith("ss") and not listed(text):
            stem = text[:-1]
            frequent = zipf(stem) >= max(GENITIVE_STEM_MIN_ZIPF, zipf(text) + GENITIVE_STEM_ZIPF)
            if stem in known or listed(stem) or frequent:
                lemmas[i] = stem


@Language.factory("mtext_hanta")
def make_hanta_tagger(nlp: Language, name: str) -> HantaTagger:
    """Registered component factory: HanTa POS, lemma and morphology."""
    return HantaTagger()
