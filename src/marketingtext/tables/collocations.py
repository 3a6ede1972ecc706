"""Collocations: the words that occur near a node term more often than chance, with the usual association scores.

Counting (what AntConc and Sketch Engine count for a window span):
- Words are tokens with a letter or digit (``words.is_word``); punctuation is neither counted nor in the window.
- A window is up to ``window`` words left of the node and ``window`` words right of it, never crossing a sentence.
- ``freq`` (O, f_xy) counts the collocate's tokens that stand in the window of the node: a token near two
  occurrences of the node counts once, so ``freq`` never exceeds ``freq_collocate``. The node itself is never its
  own collocate, nor is an abbreviation (``words.is_abbreviation``: the "z." and "B." of "z. B.").
- ``freq_node`` (f_x) is the node's frequency, ``freq_collocate`` (f_y) the collocate's, N the corpus size in words.
- Window-size correction: the expected co-occurrence is E = f_y · W / N with W the number of window slots actually
  seen (the words in some window of the node, each once; fewer at sentence edges and where windows overlap), not the
  textbook f_x · f_y · 2·window / N.

Scores:
- ``logdice`` = 14 + log2(2 · f_xy / (f_x + f_y)) (Rychlý 2008); at most 14, independent of corpus size.
- ``mi`` = log2(O / E) (Church & Hanks 1990, with the window correction above).
- ``t_score`` = (O − E) / √O.
- ``g2`` = 2 · Σ O_ij · ln(O_ij / E_ij) over the 2x2 table (in a window slot or not) x (collocate or not):
  O11 = f_xy, O12 = W − f_xy, O21 = f_y − f_xy, O22 = N − W − O21 (cells clipped at 0); zero cells add 0.
  G² measures any association; compare ``mi`` > 0 (attraction) to see the direction.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..keywords.terms import most_common
from ..language.lexicon import term_key
from ..language.words import COUNT_MODES, is_abbreviation, sentence_words, word_key

COLLOCATION_COLUMNS = ["term", "collocate", "freq", "freq_node", "freq_collocate", "expected",
                       "logdice", "mi", "t_score", "g2", "docs"]


def node_keys(term: str, mode: str, nlp=None) -> tuple[str, ...]:
    """The node's keys: lemmatised with ``nlp`` when given (``Kunden`` -> ``kunde``), else the words as written."""
    if mode == "lemma" and nlp is not None:
        return tuple(term_key(t.lemma_) for t in nlp(term) if not t.is_space and not t.is_punct)
    return tuple(term_key(w) if mode == "lemma" else w.lower() for w in term.split())


class _Counts:
    """Everything the scores need, gathered in one pass over the sentences."""

    def __init__(self) -> None:
        self.words = 0  # N
        self.node = 0  # f_x
        self.slots = 0  # W
        self.word_freq: Counter = Counter()  # f_y per key
        self.pair_freq: Counter = Counter()  # f_xy per key
        self.pair_docs: dict[str, set] = defaultdict(set)
        self.lemma_forms: dict[str, Counter] = defaultdict(Counter)

    def add_sentence(self, keys: list[str], forms: list[str], node: tuple[str, ...], window: int, doc: str,
                     abbreviations: list[bool] | None = None) -> None:
        self.words += len(keys)
        self.word_freq.update(keys)
        for key, form in zip(keys, forms, strict=True):
            self.lemma_forms[key][form] += 1
        n = len(node)
        near: set[int] = set()  # positions in some window of the node, each counted once
        nodes: set[int] = set()
        for i in range(len(keys) - n + 1):
            if tuple(keys[i:i + n]) != node:
                continue
            self.node += 1
            nodes.update(range(i, i + n))
            near.update(range(max(0, i - window), i))
            near.update(range(i + n, min(len(keys), i + n + window)))
        near -= nodes
        self.slots += len(near)
        for position in near:
            key = keys[position]
            if (key,) != node and not (abbreviations and abbreviations[position]):
                self.pair_freq[key] += 1
                self.pair_docs[key].add(doc)


def _g2(o11: float, row1: float, col1: float, total: float) -> float:
    """Log-likelihood G² of a 2x2 table given its top-left cell, first row and column sums and total."""
    o12, o21 = max(row1 - o11, 0.0), max(col1 - o11, 0.0)
    o22 = max(total - o11 - o12 - o21, 0.0)
    total = o11 + o12 + o21 + o22
    rows, cols = (o11 + o12, o21 + o22), (o11 + o21, o12 + o22)
    g2 = 0.0
    for observed, r, c in ((o11, 0, 0), (o12, 0, 1), (o21, 1, 0), (o22, 1, 1)):
        if observed > 0:
            g2 += observed * math.log(observed * total / (rows[r] * cols[c]))
    return 2 * g2


def scores(f_xy: int, f_x: int, f_y: int, slots: int, words: int) -> dict:
    """logDice, MI, t-score and G² for one node-collocate pair (see the module docstring)."""
    expected = f_y * slots / words if words else 0.0
    return {
        "expected": round(expected, 4),
        "logdice": round(14 + math.log2(2 * f_xy / (f_x + f_y)), 4),
        "mi": round(math.log2(f_xy / expected), 4) if expected > 0 else math.nan,
        "t_score": round((f_xy - expected) / math.sqrt(f_xy), 4),
        "g2": round(_g2(f_xy, slots, f_y, words), 4),
    }


def collocation_sentences(parsed: ParsedDoc, mode: str) -> tuple[str, list[tuple[list[str], list[str], list[bool]]]]:
    """One document's part of :func:`collocation_table`: its name and, per sentence, the words' keys, their lemmas
    (or lower-cased forms) and whether each is an abbreviation."""
    sentences = []
    for _, _, words in sentence_words(parsed.doc):
        forms = [t.lemma_ if mode == "lemma" else t.text.lower() for t in words]
        sentences.append(([word_key(t, mode) for t in words], forms, [is_abbreviation(t) for t in words]))
    return parsed.source.doc, sentences


def collocation_table(parsed_docs: Iterable[ParsedDoc] = (), term: str = "", window: int = 5, min_freq: int = 2,
                      mode: str = "lemma", nlp=None, doc_sentences: Iterable[tuple] | None = None) -> pd.DataFrame:
    """Collocates of ``term`` within ±``window`` words, one row per collocate seen at least ``min_freq`` times.

    Sorted by logDice, then frequency (both descending), then collocate. ``nlp`` lemmatises the query
    (so ``Kunden`` finds the lemma ``Kunde``); without it the query is taken as a lemma. ``doc_sentences``: each
    document's :func:`collocation_sentences` when already made (by worker processes).
    """
    if mode not in COUNT_MODES:
        raise ValueError(f"mode must be one of {', '.join(COUNT_MODES)}, not {mode!r}")
    node = node_keys(term, mode, nlp)
    counts = _Counts()
    if node and window > 0:
        for doc, sentences in doc_sentences if doc_sentences is not None else (
                collocation_sentences(parsed, mode) for parsed in parsed_docs):
            for keys, forms, abbreviations in sentences:
                counts.add_sentence(keys, forms, node, window, doc, abbreviations)
    rows = []
    for key, f_xy in counts.pair_freq.items():
        if f_xy < max(min_freq, 1):
            continue
        rows.append({"term": term, "collocate": most_common(counts.lemma_forms[key]), "freq": f_xy,
                     "freq_node": counts.node, "freq_collocate": counts.word_freq[key],
                     **scores(f_xy, counts.node, counts.word_freq[key], counts.slots, counts.words),
                     "docs": len(counts.pair_docs[key])})
    table = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    return table.sort_values(["logdice", "freq", "collocate"], ascending=[False, False, True],
                             kind="mergesort").reset_index(drop=True)
