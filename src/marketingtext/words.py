"""Which tokens count as words, and the small facts about them every table uses."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .stats import LONG_WORD_LETTERS


def is_word(token: Token) -> bool:
    """A word is a token with a letter or digit in it: no punctuation, symbol or space."""
    return not token.is_space and not token.is_punct and any(c.isalnum() for c in token.text)


def words_of(span: Span) -> list[Token]:
    return [t for t in span if is_word(t)]


def is_long(word: str) -> bool:
    return sum(c.isalpha() for c in word) > LONG_WORD_LETTERS


def squash_spaces(text: str) -> str:
    """Runs of whitespace (line breaks too) as one space, none at the ends."""
    return " ".join(text.split())


def is_passive(sent: Span) -> bool:
    """Vorgangspassiv (werden + Partizip II in one clause): "wird ... veröffentlicht" (see :mod:`.passive`)."""
    from .passive import VORGANG, passive_kind

    return passive_kind(sent) == VORGANG
