"""Which tokens count as words, how sentences are numbered: the definitions every table shares.

A *word* is a token with a letter or digit in it. Every count of words in mtext (sentence and
document lengths, per-10,000 rates, MTLD, readability, keyness totals) uses :func:`is_word`, so the
same text gives the same figure in every table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import term_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

COUNT_MODES = ("lemma", "surface")  # what collocations and n-grams count: lemma keys or word forms


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts: \w without the underscore (both use Unicode's classes)


def is_word(token: Token) -> bool:
    """A word is a token with a letter or digit in it: no punctuation, symbol or space."""
    return not token.is_space and not token.is_punct and _ALNUM.search(token.text) is not None


def is_abbreviation(token: Token) -> bool:
    """An abbreviation with its period (``z.``, ``B.``, ``bzw.``, ``d.h.``, ``Dr.``): a word for word counts, but
    no part of an n-gram and no collocate ("z. B." says nothing about a text's topic)."""
    text = token.text
    return len(text) > 1 and text.endswith(".") and any(c.isalpha() for c in text)


def words_of(span: Span) -> list[Token]:
    return [t for t in tokens_of(span) if is_word(t)]


# The document being turned into rows (and the one before) keeps its Token objects and sentences: spaCy makes a new
# Token object on every visit (``for t in sent``, ``doc[i]``), and analyze's tables and the entity layer each walked
# every token again (1.9 million Token objects for 120,000 tokens of 27 wiki articles, a fifth of the table work).
# A Doc hashes by identity, and its tokens and sentences never change after parsing (nothing retokenizes); the cache
# holds the Doc, so no other Doc can take its identity meanwhile. Callers must not change what these return.
@lru_cache(maxsize=2)
def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """Every token of ``doc``, made once."""
    return tuple(doc)


def tokens_of(span: Span) -> tuple[Token, ...]:
    """The tokens of ``span`` (a sentence, an entity), from :func:`doc_tokens`."""
    return doc_tokens(span.doc)[span.start:span.end]


@lru_cache(maxsize=2)
def sentence_tokens(doc: Doc) -> tuple[tuple[Span, list[Token]], ...]:
    """``(sentence, its tokens without whitespace)`` for every sentence of ``doc``, in order."""
    return tuple((sent, [t for t in tokens_of(sent) if not t.is_space]) for sent in doc.sents)


def numbered_sentences(doc: Doc):
    """``(sent_id, sentence)`` for the sentences that hold a word: the ids every table shares."""
    for sent_id, sent, _ in sentence_words(doc):
        yield sent_id, sent


@lru_cache(maxsize=2)
def sentence_parts(doc: Doc) -> tuple[tuple[int, Span, list[Token], list[Token]], ...]:
    """``(sent_id, sentence, its tokens without whitespace, its words)`` for the sentences that hold a word, found
    once per Doc (see :func:`doc_tokens`)."""
    numbered = []
    for sent, tokens in sentence_tokens(doc):
        words = [t for t in tokens if is_word(t)]
        if words:
            numbered.append((len(numbered), sent, tokens, words))
    return tuple(numbered)


@lru_cache(maxsize=2)
def sentence_words(doc: Doc) -> tuple[tuple[int, Span, list[Token]], ...]:
    """``(sent_id, sentence, its words)`` for the sentences that hold a word (:func:`sentence_parts`)."""
    return tuple((sent_id, sent, words) for sent_id, sent, _, words in sentence_parts(doc))


def doc_words(doc: Doc) -> list[Token]:
    """Every word of ``doc`` in order (words lie in sentences that hold a word)."""
    return [word for _, _, words in sentence_words(doc) for word in words]


def squash_spaces(text: str) -> str:
    """Runs of whitespace (line breaks too) as one space, none at the ends."""
    return " ".join(text.split())


def word_key(token: Token, mode: str) -> str:
    """The key a word is counted under: its lemma key (``Kund:innen`` -> ``kunde``) or its lower-cased text."""
    return term_key(token.lemma_) if mode == "lemma" else token.text.lower()
