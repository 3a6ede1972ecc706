"""What mtext knows about German words in general: stop words, frequencies, term keys."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

# Words that are frequent in essays and web pages but say nothing about a topic.
EXTRA_STOPWORDS = {
    "beitrag", "artikel", "kommentar", "thema", "frage", "beispiel", "art", "weise", "jahr", "zeit",
    "mal", "teil", "ende", "anfang", "punkt", "fall", "sache", "ding", "grund", "ok", "o.k.", "sagen",
    "geben", "machen", "gehen", "kommen", "stehen", "lassen", "sehen", "finden", "bleiben", "nehmen",
    "heißen", "liegen", "bringen", "halten", "stellen", "zeigen", "führen", "glauben", "meinen",
    "gut", "neu", "groß", "klein", "ganz", "viel", "wenig", "weit", "hoch", "lang", "eigen", "erst",
    "letzt", "nah", "ander", "gleich", "weiter", "richtig", "wirklich", "einfach", "schon", "immer",
}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """spaCy's German stop words and :data:`EXTRA_STOPWORDS`, lower-cased."""
    return frozenset(w.lower() for w in _spacy_stop_words()) | EXTRA_STOPWORDS


def _spacy_stop_words() -> set[str]:
    """spaCy's German stop-word list, read from its module without importing spaCy: reading a page needs the list,
    and ``import spacy`` takes half a second or more, which each process reading files with --jobs paid again."""
    import importlib.util
    import runpy

    spec = importlib.util.find_spec("spacy")  # finds the package without running it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "lang" / "de" / "stop_words.py"
        if path.is_file():
            return set(runpy.run_path(str(path))["STOP_WORDS"])
    from spacy.lang.de.stop_words import STOP_WORDS  # a spaCy laid out otherwise (a zip, a frozen build)

    return STOP_WORDS


# wordfreq's German frequencies of words of Latin letters, looked up in a table built from wordfreq's own list
# (training/build_zipf_table.py): wordfreq tokenizes every word it is asked about (about 20 µs) and reads its list
# on first use. For a word of these letters whose case-folded form is of these letters too (not İ, ǰ and 23 capitals
# of Latin Extended-B, which fold to combining marks or IPA letters), and for phrases of such words, its tokenizer
# gives the words case-folded, nothing else (checked on 1.98 million words and on each letter alone and inside a
# word; not ŉ, which it spells 'n), so the table's answer is wordfreq's, to the last bit (tests/test_zipf_table.py,
# bench/zipf_identity.py). Other words (digits, hyphens, apostrophes) and English are asked of wordfreq itself.
PLAIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ňŊ-ɏ]+")
ZIPF_TABLE = Path(__file__).parent / "data" / "zipf_de.marisa"
_FREQ_MIN = 10**0 / 1e9  # zipf_frequency's floor: Zipf 0


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "de") -> float:
    """Zipf frequency of a word (or words joined by spaces) in general German (``lang="en"``: English); 0 for
    unknown words. wordfreq's ``zipf_frequency``, looked up in mtext's table where the words are plain letters."""
    table = _zipf_table() if lang == "de" and _plain_words(word) else None
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang)
    # wordfreq's _word_frequency and zipf_frequency for these tokens, step for step (the same floats)
    one_over_result = 0.0
    for part in word.split(" "):
        found = table.get(part.casefold())
        if not found:
            return round(math.log(_FREQ_MIN, 10) + 9, 2)
        one_over_result += 1.0 / 10 ** (-found[0][0] / 100)
    unrounded = max(1.0 / one_over_result, _FREQ_MIN)
    freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def looked_up(text: str) -> bool:
    """True when :func:`zipf` answers ``text`` (German) from mtext's table, without loading wordfreq."""
    return _plain_words(text) and _zipf_table() is not None


def _plain_words(text: str) -> bool:
    """Words of :data:`PLAIN_WORD` letters, also case-folded, joined by single spaces: what the table answers."""
    return all(PLAIN_WORD.fullmatch(part) and PLAIN_WORD.fullmatch(part.casefold()) for part in text.split(" "))


@lru_cache(maxsize=1)
def _zipf_table():
    """The table, when it was built from the installed wordfreq (else None: wordfreq answers)."""
    import marisa_trie

    if not ZIPF_TABLE.is_file():
        return None
    table = marisa_trie.RecordTrie("<H").mmap(str(ZIPF_TABLE))
    return table if f"\x01wordfreq {version('wordfreq')}" in table else None


def specificity(words: tuple[str, ...]) -> float:
    """How unusual the words are in general German: 8 - Zipf, averaged (unknown words score 8)."""
    return sum(8.0 - min(zipf(w), 7.5) for w in words) / len(words)


# Nouns in -in that name no woman though their stem is a frequent word: a ``Kamin`` is no female ``kam``.
# Checked as word endings, so compounds (``Hauskamin``) are left alone too.
NOT_FEMININE = (
    "kamin", "termin", "benzin", "latein", "heroin", "rubin", "delfin", "delphin", "koffein", "kaffein",
    "pinguin", "magazin", "medizin", "disziplin", "vitamin", "protein", "insulin", "nikotin", "aspirin",
    "login", "plugin", "admin", "bulletin", "cousin", "origin", "margin", "glycerin", "glyzerin",
    "cholesterin", "paraffin", "zeppelin", "harlekin", "musselin", "mandarin", "gremlin", "berlin",
)
# Endings of feminine person nouns and how the masculine noun is made from the stem before -in:
# Leiterin -> Leiter, Journalistin -> Journalist, Studentin -> Student, Psychologin -> Psychologe.
FEMININE_ENDINGS = (("erin", ""), ("istin", ""), ("antin", ""), ("entin", ""), ("ologin", "e"))
_PLAIN_VOWEL = str.maketrans("äöüÄÖÜ", "aouAOU")


def term_key(lemma: str) -> str:
    """A lemma as a key: lower-cased, hyphens removed (``Online-Marketing`` = ``Onlinemarketing``), and a
    feminine person noun keyed as its masculine noun (``Kundin`` = ``Kunde``, as ``Kund:innen`` is).

    This is the one rule by which every table counts a word: keywords, kwic, collocations, n-grams, the
    dispersion plot and the report's search all compare these keys.
    """
    return _key(masculine_noun(lemma))


@lru_cache(maxsize=200_000)
def _key(lemma: str) -> str:
    # a hyphen at either end marks a part of an elided compound ("kunden- und lösungsorientiert", "Masse
    # (-kommunikation"): it stays, so the part is not counted as the word Kunde or Kommunikation
    inner = lemma.lower().strip("-\u2011")
    return lemma.lower().replace(inner, inner.replace("-", "").replace("\u2011", ""), 1)


@lru_cache(maxsize=100_000)
def masculine_noun(lemma: str) -> str:
    """The masculine noun of a feminine person noun (``Kundin``, ``Kundinnen`` -> ``Kunde``, ``Ärztin`` ->
    ``Arzt``, ``Boomerin`` -> ``Boomer``); any other lemma unchanged.

    A noun (capitalised) in -in(nen) is feminine when its ending says so (-erin, -istin, -antin, -entin,
    -ologin) or when its stem (with umlauts undone, or with -e: ``Kund`` + e) is a German word more frequent
    than the feminine itself (``Kunde`` over ``Kundin``; not ``Term`` over ``Termin``). :data:`NOT_FEMININE`
    lists the exceptions that pass the frequency test.
    """
    if not lemma[:1].isupper() or not lemma.endswith("in") and not lemma.endswith("innen"):
        return lemma
    feminine = lemma[:-3] if lemma.endswith("innen") else lemma
    lower = feminine.lower()
    stem = feminine[:-2]
    for ending, masculine_end in FEMININE_ENDINGS:
        if lower.endswith(ending) and len(lower) >= len(ending) + 2 and lower[-len(ending) - 1] != "-":
            plain = stem.translate(_PLAIN_VOWEL)  # Bäuerin -> Bauer
            return (plain if zipf(plain) > zipf(stem) else stem) + masculine_end
    if lower.endswith(NOT_FEMININE):
        return lemma
    last = stem.rsplit("-", 1)[-1]  # the head of a hyphenated compound: Facebook-Kundin -> Kundin
    if len(last) < 3:
        return lemma
    base = max(dict.fromkeys((last, last.translate(_PLAIN_VOWEL))), key=zipf)  # Ärzt -> Arzt, Köch -> Koch
    # the stem itself unless the stem with -e is clearly the word (Kund 3.3, Kunde 4.4; Freund 5.1, Freunde 5.2)
    masculine = base + "e" if zipf(base + "e") >= zipf(base) + 0.5 else base
    if zipf(masculine) >= 2.5 and zipf(masculine) > zipf(feminine.rsplit("-", 1)[-1]):
        return stem[:len(stem) - len(last)] + masculine
    return lemma
