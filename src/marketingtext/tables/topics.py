"""Topics of a corpus: NMF over the lemmas of nouns, names and content adjectives, German compounds kept whole.

One job: parsed documents -> the topics table, the document × topic table and how k was chosen.

What the model sees (:func:`topic_units`): each document is cut into *units*. A corpus of at least
:data:`SMALL_CORPUS` documents gives one unit per document; a smaller one (five essays) gives paragraphs,
long paragraphs cut into windows of sentences and short ones joined to the next, so that the model sees
dozens of units, not five. A unit is a bag of term keys (``term_key`` of the lemma): nouns, proper names
and attributive adjectives that are no stop word (``keywords.terms``' candidate test). A compound stays
whole (``Kundenbindung``) and also credits its head with :data:`HEAD_WEIGHT` (``Bindung``) when the head is
a topic word of its own (seen alone, or the head of two compounds): ``Kundenbindung`` and ``Markenbindung``
then meet in ``Bindung``. ``Kund:innen`` is ``Kunde`` already (the pipeline's gender lemmas); a feminine
lemma (``Kundin``) whose masculine noun is in the corpus is counted under it. A term standing as a
heading in many documents (``Einzelnachweise``, ``Weblinks``) is boilerplate there and not counted.

The fit (:func:`topic_tables`): scikit-learn's NMF on sublinear TF-IDF, ``nndsvd`` start (deterministic;
``bench/eval_topics.py`` measures it against LDA), BLAS on one thread (:func:`one_blas_thread`). Without ``k``,
k runs from 2 to :data:`MAX_K` and the k with the most coherent topics wins: mean NPMI of each topic's top-10
terms over the units (ties: the smaller k). Document shares are the units' topic shares weighted by their number
of terms and summed back per document.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core.errors import MtextError
from ..engine.parsing import ParsedDoc
from ..keywords.compounds import split_compound
from ..keywords.table import HEADING_DOCS, HEADING_SHARE
from ..keywords.terms import HEADING_TOKENS, NOUN_POS, fills_line, is_candidate_word, most_common
from ..language.gender import is_pair
from ..language.lexicon import stopwords, term_key
from ..language.words import is_word, sentence_tokens
from ..nlp.doc_text import doc_text

TOPIC_COLUMNS = ["topic", "label", "terms", "share", "coherence"]
DOC_TOPIC_COLUMNS = ["doc", "topic", "share"]
K_COLUMNS = ["k", "coherence", "described", "smallest", "score", "chosen"]
SMALL_CORPUS = 20  # fewer documents than this: paragraphs (or windows of sentences) are the units
UNIT_MIN_WORDS, UNIT_MAX_WORDS = 40, 150  # a shorter paragraph joins the next; a longer one is cut
HEAD_WEIGHT = 0.5  # what a compound adds to its head's count
MIN_K, MAX_K = 2, 10
UNITS_PER_TOPIC = 3  # k is at most units / 3: a topic needs a few units to stand on
# k is chosen among the k whose every topic is the main topic of this many units, or of this share of them
MIN_TOPIC_UNITS, MIN_TOPIC_SHARE = 3, 0.05
DESCRIBED_TERMS = 2  # a unit holding this many of its main topic's top terms is described by it
MIN_UNITS = 2  # a term must occur in this many units
MAX_UNIT_SHARE = 0.9  # a term in more units than this says nothing about any one topic
TOP_TERMS, LABEL_TERMS = 10, 3
SEED = 0
ADJECTIVE_TAGS = {"ADJA"}  # attributive adjectives: "soziale Medien"; predicative ones are mostly evaluation
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class TopicError(MtextError):
    """More topics asked for than the corpus can give."""


@dataclass
class DocUnits:
    """One document as the topic model sees it: its units' term counts, no Doc kept."""

    doc: str
    units: list[Counter]  # term key -> count, one Counter per unit
    spellings: dict[str, Counter] = field(default_factory=dict)  # term key -> lemma spellings seen
    headings: set[str] = field(default_factory=set)  # term keys standing as a heading line
    heading_counts: list[Counter] = field(default_factory=list)  # per unit: occurrences on heading lines


def _is_topic_word(token) -> bool:
    if token.pos_ in NOUN_POS:
        return is_candidate_word(token)
    return token.pos_ == "ADJ" and token.tag_ in ADJECTIVE_TAGS and is_candidate_word(token)


def _sentence_pieces(parsed: ParsedDoc) -> list[list]:
    """The document's paragraphs, each a list of sentences (token lists without spaces)."""
    text = doc_text(parsed.doc)
    paragraphs: list[list] = []
    last_end = 0
    for _, tokens in sentence_tokens(parsed.doc):
        if not tokens:
            continue
        if not paragraphs or PARAGRAPH_BREAK.search(text, last_end, tokens[0].idx):
            paragraphs.append([])
        paragraphs[-1].append(tokens)
        last_end = tokens[-1].idx + len(tokens[-1])
    return paragraphs


def _windows(paragraphs: list[list], max_words: int, min_words: int) -> list[list]:
    """Paragraphs cut into windows of at most ``max_words`` words (whole sentences), short pieces joined."""
    pieces: list[list] = []
    for paragraph in paragraphs:
        current, words = [], 0
        for sentence in paragraph:
            n = sum(1 for t in sentence if is_word(t))
            if current and words + n > max_words:
                pieces.append(current)
                current, words = [], 0
            current.append(sentence)
            words += n
        if current:
            pieces.append(current)
    units: list[list] = []
    pending, pending_words = [], 0
    for piece in pieces:
        pending += piece
        pending_words += sum(1 for s in piece for t in s if is_word(t))
        if pending_words >= min_words:
            units.append(pending)
            pending, pending_words = [], 0
    if pending:
        if units and pending_words < min_words:
            units[-1] = units[-1] + pending
        else:
            units.append(pending)
    return units


def unit_sentences(parsed: ParsedDoc, split: bool = True) -> list[list]:
    """The document's units as lists of sentences: the whole document, or (``split``) its paragraphs and windows."""
    paragraphs = _sentence_pieces(parsed)
    return _windows(paragraphs, UNIT_MAX_WORDS, UNIT_MIN_WORDS) if split else [[s for p in paragraphs for s in p]]


def topic_units(parsed: ParsedDoc, split: bool = True) -> DocUnits:
    """The term counts of one document: one unit, or (``split``) one per paragraph or window of sentences."""
    text = doc_text(parsed.doc)
    title_end = text.find("\n") % (len(text) + 1)
    groups = unit_sentences(parsed, split)
    result = DocUnits(parsed.source.doc, [])
    for group in groups:
        counts: Counter = Counter()
        on_headings: Counter = Counter()
        for sentence in group:
            short = len(sentence) <= HEADING_TOKENS
            for token in sentence:
                if not _is_topic_word(token):
                    continue
                key = term_key(token.lemma_)
                counts[key] += 1
                result.spellings.setdefault(key, Counter())[token.lemma_] += 1
                if short and token.idx > title_end and fills_line(text, sentence[0].idx,
                                                                  sentence[-1].idx + len(sentence[-1])):
                    result.headings.add(key)
                    on_headings[key] += 1
        if counts:
            result.units.append(counts)
            result.heading_counts.append(on_headings)
    return result


def _feminine_bases(keys: Iterable[str]) -> dict[str, str]:
    """Feminine keys whose masculine noun is among ``keys``: ``kundin`` -> ``kunde``, ``ärztin`` -> ``arzt``."""
    plain = str.maketrans("äöü", "aou")
    by_plain: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        by_plain[key.translate(plain)].append(key)
    bases = {}
    for key in sorted(keys):
        for ending in ("innen", "in"):
            stem = key[: -len(ending)]
            if key.endswith(ending) and len(stem) >= 3:
                masculine = [m for suffix in ("", "e", "en", "n", "s", "es")
                             for m in by_plain.get(stem.translate(plain) + suffix, []) if m != key]
                masculine = [m for m in masculine if is_pair(stem, m)]
                if masculine:
                    bases[key] = masculine[0]
                    break
    return bases


def _compound_heads(keys: Iterable[str], spellings: dict[str, Counter]) -> dict[str, tuple[str, str]]:
    """Compound key -> (head key, head spelling) for heads that are topic words of their own: seen alone in the
    corpus or the head of at least two compounds."""
    heads: dict[str, tuple[str, str]] = {}
    keys = set(keys)
    for key in sorted(keys):
        lemma = most_common(spellings[key])
        if not lemma[:1].isupper() or len(lemma) < 8:
            continue
        head, modifiers = split_compound(lemma)
        head_key = term_key(head)
        if modifiers and head_key != key and len(head_key) >= 4 and head_key not in stopwords():
            heads[key] = (head_key, head)
    per_head = Counter(h for h, _ in heads.values())
    return {k: v for k, v in heads.items() if v[0] in keys or per_head[v[0]] >= 2}


@dataclass
class UnitMatrix:
    """Units × terms, with what ties a unit to its document."""

    counts: object  # scipy.sparse.csr_matrix of float term counts
    vocab: list[str]
    labels: list[str]  # display spelling per term
    unit_docs: list[int]  # document index of each unit
    doc_names: list[str]


def unit_matrix(doc_units: list[DocUnits]) -> UnitMatrix:
    """Counts per unit and term, after gender bases, boilerplate headings, compound heads and unit frequencies."""
    from scipy.sparse import csr_matrix

    spellings: dict[str, Counter] = defaultdict(Counter)
    heading_docs: Counter = Counter()
    for du in doc_units:
        for key, seen in du.spellings.items():
            spellings[key].update(seen)
        heading_docs.update(du.headings)
    needed = max(HEADING_DOCS, HEADING_SHARE * len(doc_units))
    boilerplate = {key for key, n in heading_docs.items() if n >= needed}
    bases = _feminine_bases(spellings)
    for feminine, masculine in bases.items():
        spellings[masculine].update(spellings.pop(feminine))
    heads = _compound_heads(spellings, spellings)

    unit_counts, unit_docs = [], []
    for d, du in enumerate(doc_units):
        for counts, on_headings in zip(du.units, du.heading_counts, strict=True):
            merged: Counter = Counter()
            for key, n in counts.items():
                n -= on_headings[key] if key in boilerplate else 0
                if n > 0:
                    base = bases.get(key, key)
                    merged[base] += n
                    if base in heads and HEAD_WEIGHT > 0:
                        merged[heads[base][0]] += HEAD_WEIGHT * n
            if merged:
                unit_counts.append(merged)
                unit_docs.append(d)
    unit_freq = Counter(key for counts in unit_counts for key in counts)
    most = max(MIN_UNITS, MAX_UNIT_SHARE * len(unit_counts)) if len(unit_counts) > 2 * MIN_UNITS else math.inf
    vocab = sorted(key for key, n in unit_freq.items() if n >= MIN_UNITS and n <= most)
    index = {key: i for i, key in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, counts in enumerate(unit_counts):
        for key, n in sorted(counts.items()):
            if key in index:
                rows.append(r)
                cols.append(index[key])
                vals.append(float(n))
    head_spelling = {h: s for h, s in heads.values()}
    labels = [most_common(spellings[k]) if k in spellings else head_spelling[k] for k in vocab]
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(unit_counts), len(vocab)), dtype=float)
    return UnitMatrix(matrix, vocab, labels, unit_docs, [du.doc for du in doc_units])


def npmi_coherence(top_terms: list[list[int]], presence) -> list[float]:
    """Mean NPMI of each topic's term pairs, counted over the rows of the binary matrix ``presence``
    (units × terms). A pair never seen together scores -1."""
    n = presence.shape[0]
    scores = []
    for terms in top_terms:
        sub = presence[:, terms]
        joint = (sub.T @ sub).toarray() / n
        single = np.diag(joint)
        values = []
        for i in range(len(terms)):
            for j in range(i + 1, len(terms)):
                p_ij = joint[i, j]
                if p_ij <= 0:
                    values.append(-1.0)
                elif p_ij >= 1:
                    values.append(1.0)
                else:
                    values.append(math.log(p_ij / (single[i] * single[j])) / -math.log(p_ij))
        scores.append(float(np.mean(values)) if values else 0.0)
    return scores


def fit_topics(matrix, k: int, method: str = "nmf", seed: int = SEED):
    """(unit × topic weights, topic × term weights) of a ``method`` model (``nmf`` or ``lda``) with ``k`` topics."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if method == "lda":
            from sklearn.decomposition import LatentDirichletAllocation

            model = LatentDirichletAllocation(n_components=k, learning_method="batch", max_iter=50,
                                              random_state=seed)
            return model.fit_transform(matrix), model.components_
        if method != "nmf":
            raise ValueError(f"method must be nmf or lda, not {method!r}")
        from sklearn.decomposition import NMF
        from sklearn.feature_extraction.text import TfidfTransformer

        weights = TfidfTransformer(sublinear_tf=True).fit_transform(matrix)
        model = NMF(n_components=k, init="nndsvd", max_iter=500, random_state=seed)
        return model.fit_transform(weights), model.components_


def top_term_indices(components, n: int = TOP_TERMS) -> list[list[int]]:
    """Each topic's ``n`` heaviest terms (ties: the earlier term), heaviest first."""
    return [[int(i) for i in np.lexsort((np.arange(len(row)), -row))[:n] if row[i] > 0] for row in components]


def candidate_ks(n_units: int, n_terms: int) -> list[int]:
    top = min(MAX_K, n_units // UNITS_PER_TOPIC, n_terms // TOP_TERMS)
    return list(range(MIN_K, top + 1))


def topic_tables(parsed_docs: Iterable[ParsedDoc] | None = None, k: int | None = None, method: str = "nmf",
                 seed: int = SEED, doc_units: list[DocUnits] | None = None,
                 n_docs: int | None = None) -> dict[str, pd.DataFrame]:
    """``topics`` (TOPIC_COLUMNS), ``doc_topics`` (DOC_TOPIC_COLUMNS, long form) and ``topic_k`` (K_COLUMNS:
    the coherence of each k tried and which was chosen) of a corpus.

    ``topics``: ``topic`` (1 = largest share), ``label`` (its three heaviest terms), ``terms`` (the ten
    heaviest, ``Kunde:0.1234|…``, weights as shares of the topic's total), ``share`` (of all counted terms in
    the corpus) and ``coherence`` (mean NPMI of the top terms over the units). ``doc_topics``: each document's
    share of each topic (summing to 1 per document). Give ``doc_units`` (from :func:`topic_units`) instead of
    ``parsed_docs`` when they are already made; ``n_docs`` (the number of documents, when known) lets the
    documents stream by one at a time. Too little text for two topics gives empty tables; a ``k`` larger than
    the corpus can give raises :class:`TopicError`.
    """
    if doc_units is None:
        if n_docs is None:
            parsed_docs = list(parsed_docs or [])
            n_docs = len(parsed_docs)
        doc_units = [topic_units(p, split=n_docs < SMALL_CORPUS) for p in parsed_docs or []]
    data = unit_matrix(doc_units)
    presence = (data.counts > 0).astype(float).tocsc()
    if k is not None and k > min(data.counts.shape):
        raise TopicError(f"--k {k}: the corpus gives {data.counts.shape[0]} units and {data.counts.shape[1]} terms, "
                         f"too few for {k} topics; give a smaller k or leave it out")
    ks = candidate_ks(*data.counts.shape) if k is None else [k]
    fits, rows = {}, []
    with one_blas_thread():
        for n in ks:
            unit_weights, components = fit_topics(data.counts, n, method, seed)
            top = top_term_indices(components)
            coherence = npmi_coherence(top, presence)
            fits[n] = (unit_weights, components, top, coherence)
            described, smallest = topic_support(unit_weights, top, presence)
            rows.append({"k": n, "coherence": round(float(np.mean(coherence)), 4),
                         "described": round(described, 4), "smallest": smallest,
                         "score": round(float(np.mean(coherence)) * described, 4)})
    if not fits:
        empty = pd.DataFrame(columns=TOPIC_COLUMNS).astype({"topic": int, "share": float, "coherence": float})
        return {"topics": empty, "doc_topics": pd.DataFrame(columns=DOC_TOPIC_COLUMNS).astype(
            {"topic": int, "share": float}), "topic_k": pd.DataFrame(columns=K_COLUMNS)}
    chosen = k if k is not None else choose_k(rows, data.counts.shape[0])
    unit_weights, components, top, coherence = fits[chosen]
    return _tables(data, unit_weights, components, top, coherence) | {"topic_k": pd.DataFrame(
        [{**r, "chosen": r["k"] == chosen} for r in rows], columns=K_COLUMNS)}


def one_blas_thread():
    """BLAS on one thread while the topics are fitted: the matrices are small (units × terms, a few thousand
    cells to a few million), so threads buy nothing, and on a busy machine a threaded BLAS call waits for a free
    core again and again (the k search on the 27 wiki articles: 2.0 to 2.3 s with threads, 0.43 s without;
    ``bench/speed_topics.py``). Results are the same either way (tested)."""
    import sklearn.decomposition  # noqa: F401  (loads SciPy's own BLAS, so that the limit covers it too)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def topic_support(unit_weights, top: list[list[int]], presence) -> tuple[float, int]:
    """(share of units described by their main topic, units of the smallest topic): a unit is described when
    it holds at least :data:`DESCRIBED_TERMS` of its main topic's top terms; a topic's units are those it is
    the main topic of."""
    main = unit_weights.argmax(axis=1)
    dense = presence.tocsr()
    hits = [dense[u, top[main[u]]].sum() if unit_weights[u].sum() > 0 else 0 for u in range(len(main))]
    described = float(np.mean([h >= DESCRIBED_TERMS for h in hits])) if hits else 0.0
    sizes = np.bincount(main, minlength=unit_weights.shape[1])
    return described, int(sizes.min()) if len(sizes) else 0


def choose_k(rows: list[dict], n_units: int) -> int:
    """The k of the best score (mean NPMI × share of units described) among the k whose every topic is the main
    topic of at least :data:`MIN_TOPIC_UNITS` units (or that share of them); ties: the smaller k. When no k
    qualifies: the best score."""
    needed = max(MIN_TOPIC_UNITS, math.ceil(MIN_TOPIC_SHARE * n_units))
    qualified = [r for r in rows if r["smallest"] >= needed] or rows
    return max(qualified, key=lambda r: (r["score"], -r["k"]))["k"]


def _tables(data: UnitMatrix, unit_weights, components, top, coherence) -> dict[str, pd.DataFrame]:
    sizes = np.asarray(data.counts.sum(axis=1)).ravel()
    totals = unit_weights.sum(axis=1, keepdims=True)
    shares = np.divide(unit_weights, totals, out=np.zeros_like(unit_weights), where=totals > 0) * sizes[:, None]
    corpus_share = shares.sum(axis=0) / max(shares.sum(), 1e-12)
    k = components.shape[0]
    order = sorted(range(k), key=lambda t: (-round(corpus_share[t], 9), [data.vocab[i] for i in top[t]]))
    number = {t: n for n, t in enumerate(order, 1)}
    rows = []
    for t in order:
        weights = components[t][top[t]]
        weights = weights / weights.sum() if weights.sum() > 0 else weights
        rows.append({"topic": number[t], "label": " · ".join(data.labels[i] for i in top[t][:LABEL_TERMS]),
                     "terms": "|".join(f"{data.labels[i]}:{w:.4f}" for i, w in zip(top[t], weights, strict=True)),
                     "share": round(float(corpus_share[t]), 4), "coherence": round(coherence[t], 4)})
    per_doc = np.zeros((len(data.doc_names), k))
    np.add.at(per_doc, np.asarray(data.unit_docs, dtype=int), shares)
    doc_rows = []
    for d, name in enumerate(data.doc_names):
        total = per_doc[d].sum()
        for t in order:
            doc_rows.append({"doc": name, "topic": number[t],
                             "share": round(float(per_doc[d, t] / total), 4) if total > 0 else 0.0})
    return {"topics": pd.DataFrame(rows, columns=TOPIC_COLUMNS),
            "doc_topics": pd.DataFrame(doc_rows, columns=DOC_TOPIC_COLUMNS)}


def k_note(topic_k: pd.DataFrame, n_docs: int) -> str:
    """How k was chosen, in one line, with the score of every k tried, for a corpus of ``n_docs`` documents."""
    units = "paragraphs" if n_docs < SMALL_CORPUS else "documents"
    if topic_k.empty:
        return "too little text for two topics"
    chosen = int(topic_k.loc[topic_k["chosen"].astype(bool), "k"].iloc[0])
    if len(topic_k) == 1:
        return f"k = {chosen}, as given"
    tried = ", ".join(f"k={int(r.k)} {r.score:.3f}" for r in topic_k.itertuples(index=False))
    return (f"k = {chosen}: the best coherence (mean NPMI of each topic's top {TOP_TERMS} terms over the {units}, "
            f"times the share of {units} holding {DESCRIBED_TERMS} of their topic's top terms) among the k whose "
            f"every topic leads in at least {MIN_TOPIC_UNITS} {units} and {MIN_TOPIC_SHARE:.0%} of them: {tried}")
