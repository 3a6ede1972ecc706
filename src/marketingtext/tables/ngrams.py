"""Recurrent word sequences (n-grams, AntConc's clusters) with frequency, range and dispersion.

An n-gram is ``n`` consecutive words (``words.is_word``: punctuation is skipped, so "Marketing, das" is the
bigram "Marketing das") inside one sentence. N-grams that start or end with a stop word (spaCy's German
STOP_WORDS, checked on the lower-cased word and on its lemma) are dropped: "der Kunde" and "Kunde und" are not
kept, "Kunde und Marke" is. Abbreviations (``words.is_abbreviation``: "z. B.", "d. h.", "u. a.") are in no n-gram:
an n-gram with one is not counted. Counting is done one length at a time over the sentences kept in memory as keys,
so only one length's counter is alive at once (a million words need a few hundred MB at most).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd
from spacy.lang.de.stop_words import STOP_WORDS

from ..engine.parsing import ParsedDoc
from ..keywords.terms import most_common
from ..language.dispersion import doc_range, gries_dp
from ..language.words import COUNT_MODES, is_abbreviation, sentence_words, word_key

NGRAM_COLUMNS = ["ngram", "key", "n", "freq", "range", "dp"]


def ngram_sentences(parsed: ParsedDoc, mode: str) -> list[tuple[list[str], list[str], list[bool]]]:
    """One document's part of :func:`ngram_table`, per sentence: the words' keys (None for an abbreviation), their
    spellings as written, and whether each is a stop word."""
    sentences = []
    for _, _, words in sentence_words(parsed.doc):
        keys = [None if is_abbreviation(t) else word_key(t, mode) for t in words]
        stops = [t.text.lower() in STOP_WORDS or t.lemma_.lower() in STOP_WORDS for t in words]
        sentences.append((keys, [t.text for t in words], stops))
    return sentences


def _grams(sentence: tuple[list[str], list[str], list[bool]], n: int):
    """``(start, key tuple)`` of every n-gram of a sentence whose first and last words are not stop words and
    that holds no abbreviation."""
    keys, _, stops = sentence
    for i in range(len(keys) - n + 1):
        gram = tuple(keys[i:i + n])
        if not stops[i] and not stops[i + n - 1] and None not in gram:
            yield i, gram


def _rows_for_length(docs: list[list], sizes: list[int], n: int, min_freq: int) -> list[dict]:
    totals = Counter(gram for sentences in docs for sentence in sentences for _, gram in _grams(sentence, n))
    kept = {gram for gram, freq in totals.items() if freq >= min_freq}
    per_doc: dict[tuple, list[int]] = {gram: [0] * len(docs) for gram in kept}
    spellings: dict[tuple, Counter] = defaultdict(Counter)
    for d, sentences in enumerate(docs):
        for sentence in sentences:
            for i, gram in _grams(sentence, n):
                if gram in kept:
                    per_doc[gram][d] += 1
                    spellings[gram][" ".join(sentence[1][i:i + n])] += 1
    return [{"ngram": most_common(spellings[g]), "key": " ".join(g), "n": n,
             "freq": totals[g], "range": doc_range(per_doc[g]), "dp": round(gries_dp(per_doc[g], sizes), 4)}
            for g in kept]


def ngram_table(parsed_docs: Iterable[ParsedDoc] = (), n_min: int = 2, n_max: int = 4, min_freq: int = 2,
                mode: str = "lemma", doc_sentences: Iterable[list] | None = None) -> pd.DataFrame:
    """N-grams of ``n_min`` to ``n_max`` words seen at least ``min_freq`` times.

    Columns: ``ngram`` (the most frequent spelling), ``key`` (the lemma keys or lower-cased words counted),
    ``n``, ``freq``, ``range`` (documents it occurs in) and ``dp`` (Gries' DP over documents, sized in words).
    Sorted by frequency and range (descending), then ``n`` and ``key``. ``doc_sentences``: each document's
    :func:`ngram_sentences` when already made (by worker processes).
    """
    if mode not in COUNT_MODES:
        raise ValueError(f"mode must be one of {', '.join(COUNT_MODES)}, not {mode!r}")
    docs = list(doc_sentences) if doc_sentences is not None else [ngram_sentences(p, mode) for p in parsed_docs]
    sizes = [sum(len(keys) for keys, _, _ in sentences) for sentences in docs]
    rows = []
    for n in range(max(n_min, 1), n_max + 1):
        rows.extend(_rows_for_length(docs, sizes, n, max(min_freq, 1)))
    table = pd.DataFrame(rows, columns=NGRAM_COLUMNS)
    return table.sort_values(["freq", "range", "n", "key"], ascending=[False, False, True, True],
                             kind="mergesort").reset_index(drop=True)
