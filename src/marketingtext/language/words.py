"""Which tokens count as words, how sentences are numbered: the definitions every table shares.

A *word* is a token with a letter or digit in it. Every count of words in mtext (sentence and
document lengths, per-10,000 rates, MTLD, readability, keyness totals) uses :func:`is_word`, so the
same text gives the same figure in every table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import term_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COUNT_MODES = ("lemma", "surface")  # what collocations and n-grams count: lemma keys or word forms


def is_word(token: Token) -> bool:
    """A word is a token with a letter or digit in it: no punctuation, symbol or space."""
    return not token.is_space and not token.is_punct and any(c.isalnum() for c in token.text)


def is_abbreviation(token: Token) -> bool:
    """An abbreviation with its period (``z.``, ``B.``, ``bzw.``, ``d.h.``, ``Dr.``): a word for word counts, but
    no part of an n-gram and no collocate ("z. B." says nothing about a text's topic)."""
    text = token.text
    return len(text) > 1 and text.endswith(".") and any(c.isalpha() for c in text)


def words_of(span: Span) -> list[Token]:
    return [t for t in span if is_word(t)]


def numbered_sentences(doc):
    """``(sent_id, sentence)`` for the sentences that hold a word: the ids every table shares."""
    sent_id = 0
    for sent in doc.sents:
        if words_of(sent):
            yield sent_id, sent
            sent_id += 1


def squash_spaces(text: str) -> str:
    """Runs of whitespace (line breaks too) as one space, none at the ends."""
    return " ".join(text.split())


def word_key(token: Token, mode: str) -> str:
    """The key a word is counted under: its lemma key (``Kund:innen`` -> ``kunde``) or its lower-cased text."""
    return term_key(token.lemma_) if mode == "lemma" else token.text.lower()
