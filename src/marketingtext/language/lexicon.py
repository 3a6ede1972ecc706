"""What mtext knows about German words in general: stop words, frequencies, term keys."""

from __future__ import annotations

from functools import lru_cache

# Words that are frequent in essays and web pages but say nothing about a topic.
EXTRA_STOPWORDS = {
    "beitrag", "artikel", "kommentar", "thema", "frage", "beispiel", "art", "weise", "jahr", "zeit",
    "mal", "teil", "ende", "anfang", "punkt", "fall", "sache", "ding", "grund", "ok", "o.k.", "sagen",
    "geben", "machen", "gehen", "kommen", "stehen", "lassen", "sehen", "finden", "bleiben", "nehmen",
    "heißen", "liegen", "bringen", "halten", "stellen", "zeigen", "führen", "glauben", "meinen",
    "gut", "neu", "groß", "klein", "ganz", "viel", "wenig", "weit", "hoch", "lang", "eigen", "erst",
    "letzt", "ander", "gleich", "weiter", "richtig", "wirklich", "einfach", "schon", "immer",
}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS) | EXTRA_STOPWORDS


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "de") -> float:
    """Zipf frequency of a word in general German (``lang="en"``: English); 0 for unknown words."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def specificity(words: tuple[str, ...]) -> float:
    """How unusual the words are in general German: 8 - Zipf, averaged (unknown words score 8)."""
    return sum(8.0 - min(zipf(w), 7.5) for w in words) / len(words)


def term_key(lemma: str) -> str:
    """A lemma as a key: lower-cased, hyphens removed (``Online-Marketing`` = ``Onlinemarketing``)."""
    return lemma.lower().replace("-", "").replace("\u2011", "")
