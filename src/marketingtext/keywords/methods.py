"""Keyword scoring methods, registered by name: adding a method is one function and one decorator.

Every method has the same signature, ``score(terms, corpus) -> {term key: {"score": float, ...}}``,
where ``terms`` is one document's :class:`~marketingtext.keywords.terms.DocTerms` and ``corpus`` the corpus
counts (:class:`CorpusCounts`); extra values become the method's own columns. Higher is better.
Terms a method leaves out are not ranked in that document.

- ``mtext`` (default): ``tf^a * specificity^b * position * length`` (:class:`MtextWeights`), where specificity is how
  rare the words are in general German (8 - Zipf frequency), position favours terms met early
  (titles, leads), and length favours noun phrases.
- ``frequency``: the count of the term in the document (single words only).
- ``tfidf``: ``tf * (ln((1 + N) / (1 + df)) + 1)`` over the N documents given (scikit-learn's smooth idf).
- ``keyness``: log-likelihood G² of the term against general German (``wordfreq``'s frequencies as a
  reference corpus of 10⁹ words), with Hardie's log ratio as effect size; only terms more frequent
  than in the reference count.
- ``textrank``: PageRank over the co-occurrence graph of candidate words (window 2, Mihalcea &
  Tarau 2004); a phrase scores the mean of its words.
- ``yake``: the ``yake`` package's statistical scores (lower is better there; inverted here).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..language.lexicon import looked_up, specificity, zipf
from ..language.stats import log_likelihood, log_ratio
from .terms import NOUN_POS, DocTerms, TermStats

REFERENCE_WORDS = 1e9
CORPUS_POS = NOUN_POS | {"PHRASE"}  # a corpus is about things: its rows are nouns, names and noun phrases
Scores = dict[tuple, dict]


@dataclass(frozen=True)
class CorpusCounts:
    """What a method may know about the corpus: document frequencies and the number of documents."""

    df: Counter
    n_docs: int


@dataclass(frozen=True)
class KeywordMethod:
    name: str
    score: Callable[[DocTerms, CorpusCounts], Scores]
    columns: tuple[str, ...] = ()  # the method's own columns in the keyword table
    needs_text: bool = False  # DocTerms must keep the document's text
    needs_cooccurrence: bool = False  # DocTerms must keep word co-occurrences
    # each term is scored from its own stats alone (no corpus count, no other term): a document's scores can be
    # made by the worker that parsed it (:func:`marketingtext.keywords.table.terms_function`)
    per_term: bool = False


METHODS: dict[str, KeywordMethod] = {}
DEFAULT_METHOD = "mtext"


def keyword_method(name: str, columns: tuple[str, ...] = (), *, needs_text: bool = False,
                   needs_cooccurrence: bool = False, per_term: bool = False):
    """Register ``score`` as the keyword method ``name`` (``mtext keywords --method name``)."""

    def register(score: Callable[[DocTerms, CorpusCounts], Scores]):
        METHODS[name] = KeywordMethod(name, score, columns, needs_text, needs_cooccurrence, per_term)
        return score

    return register


@dataclass(frozen=True)
class MtextWeights:
    """The free parameters of the ``mtext`` score ``tf^tf_exponent × specificity^specificity_exponent ×
    (1 + position_bonus × (1 - first)^position_power) × (1 + phrase_bonus × (words - 1)) × pos_weight``.

    First tuned on ../shared/eval/keyphrases_de_dev (F1@10: tf^0.5, position bonus 0.6, power 4); re-chosen on
    200 of the 274 wiki bench articles (title@5) among the weights no worse on that dev set
    (bench/eval_corpus_keywords.py prints the grid; docs/keywords.md has the figures).
    """

    tf_exponent: float = 0.7
    specificity_exponent: float = 1.0
    position_bonus: float = 2.4  # a term of the first sentence weighs up to 3.4 times as much: the lead names the topic
    position_power: float = 8.0
    phrase_bonus: float = 0.2
    pos_weight: Mapping[str, float] = field(default_factory=lambda: MappingProxyType(
        {"NOUN": 1.0, "PROPN": 0.9, "PHRASE": 1.0, "ADJ": 0.35, "VERB": 0.2}))
    other_pos_weight: float = 0.5


MTEXT_WEIGHTS = MtextWeights()


@keyword_method("mtext", per_term=True)
def mtext_score(terms: DocTerms, corpus: CorpusCounts) -> Scores:
    weights = MTEXT_WEIGHTS  # read at call time: bench/eval_corpus_keywords.py scores a grid of weights
    return {key: {"score": mtext_term_score(key, st, weights)} for key, st in terms.terms.items()}


def mtext_term_score(key: tuple, st: TermStats, weights: MtextWeights = MTEXT_WEIGHTS) -> float:
    """One term's ``mtext`` score (formula: :class:`MtextWeights`)."""
    position = 1 + weights.position_bonus * (1 - st.first) ** weights.position_power
    length = 1 + weights.phrase_bonus * (len(key) - 1)
    return ((st.count ** weights.tf_exponent) * specificity(key) ** weights.specificity_exponent * position * length
            * weights.pos_weight.get(st.pos, weights.other_pos_weight))


@keyword_method("frequency", per_term=True)
def frequency_score(terms: DocTerms, corpus: CorpusCounts) -> Scores:
    return {key: {"score": float(st.count)} for key, st in terms.terms.items() if len(key) == 1}


@keyword_method("tfidf", ("tfidf",))
def tfidf_score(terms: DocTerms, corpus: CorpusCounts) -> Scores:
    out = {}
    for key, st in terms.terms.items():
        value = st.count * (math.log((1 + corpus.n_docs) / (1 + corpus.df[key])) + 1)
        out[key] = {"score": value, "tfidf": value}
    return out


def reference_count(key: tuple, known_zipf: float | None = None) -> float:
    """Expected occurrences of a term in :data:`REFERENCE_WORDS` words of general German (wordfreq).

    A phrase gets wordfreq's own estimate for the words together (an upper bound: it never counts
    the phrase rarer than its rarest word), so phrases are not made key by a missing reference.
    ``known_zipf``: that estimate when already known (:func:`reference_zipfs`).
    """
    return 10 ** ((zipf(" ".join(key)) if known_zipf is None else known_zipf) - 9) * REFERENCE_WORDS


def reference_zipfs(terms: DocTerms) -> dict[tuple, float]:
    """The Zipf frequency of each noun and phrase of ``terms`` whose words mtext's table does not answer (digits,
    apostrophes): made where the document is parsed, they spare the main process loading wordfreq."""
    return {key: zipf(" ".join(key)) for key, st in terms.terms.items()
            if st.pos in CORPUS_POS and not looked_up(" ".join(key))}


def reference_keyness(count: int, n_words: int, key: tuple, known_zipf: float | None = None) -> tuple[float, float]:
    """(G², log ratio) of ``count`` occurrences in ``n_words`` against general German."""
    ref = reference_count(key, known_zipf)
    return log_likelihood(count, ref, n_words, REFERENCE_WORDS), log_ratio(count, ref, n_words, REFERENCE_WORDS)


@keyword_method("keyness", ("g2", "log_ratio", "ref_per_10k"))
def keyness_score(terms: DocTerms, corpus: CorpusCounts) -> Scores:
    out = {}
    for key, st in terms.terms.items():
        ref = reference_count(key) if len(key) == 1 else 0.0
        g2 = log_likelihood(st.count, ref, terms.n_words, REFERENCE_WORDS)
        lr = log_ratio(st.count, ref, terms.n_words, REFERENCE_WORDS)
        if lr > 0:
            out[key] = {"score": g2, "g2": round(g2, 3), "log_ratio": round(lr, 3),
                        "ref_per_10k": round(ref / REFERENCE_WORDS * 1e4, 4)}
    return out


@keyword_method("textrank", needs_cooccurrence=True)
def textrank_score(terms: DocTerms, corpus: CorpusCounts) -> Scores:
    import networkx as nx

    graph = nx.Graph()
    for (a, b), weight in terms.cooccurrence.items():
        if a != b:
            graph.add_edge(a, b, weight=weight)
    if not graph:
        return {}
    rank = nx.pagerank(graph, weight="weight")
    out = {}
    for key, st in terms.terms.items():
        if all(w in rank for w in key) and (len(key) > 1 or st.pos in NOUN_POS | {"ADJ"}):
            out[key] = {"score": sum(rank[w] for w in key) / len(key) * (1 + 0.3 * (len(key) - 1))}
    return out


@keyword_method("yake", needs_text=True)
def yake_score(terms: DocTerms, corpus: CorpusCounts) -> Scores:
    import yake

    extractor = yake.KeywordExtractor(lan="de", n=3, top=60)
    by_surface = {}
    for key, st in terms.terms.items():
        for surface in st.surface_forms():
            by_surface[surface.lower()] = key
    out = {}
    for phrase, value in extractor.extract_keywords(terms.text):
        key = by_surface.get(phrase.lower())
        if key is not None and key not in out:
            out[key] = {"score": 1.0 / (1e-6 + value)}
    return out
