"""What sets one side (a document or a group) apart from another: keyness, similarity, style.

Counting reuses the keyword candidates (lemmas, phrases) and the entity table, so ``compare``
means by "term" exactly what ``keywords`` and ``entities`` mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .parsing import ParsedDoc
from .stats import chi2_p_value, log_likelihood, log_ratio

COMPARE_COLUMNS = ["term", "lemma", "count_a", "count_b", "per_10k_a", "per_10k_b", "g2", "p_value",
                   "log_ratio", "favours"]
MATRIX_COLUMNS = ["doc_a", "doc_b", "similarity"]
BY = ("lemma", "keyphrase", "entity")
LONG_SENTENCE_WORDS = 25


def side_counts(parsed_docs: Iterable[ParsedDoc], by: str = "lemma") -> tuple[Counter, dict, int]:
    """(counts per term key, display (term, lemma) per key, number of words) for one side."""
    from .entities import entity_rows, load_gazetteer
    from .keywords import doc_terms

    counts, labels, words = Counter(), {}, 0
    gazetteer = load_gazetteer() if by == "entity" else None
    for parsed in parsed_docs:
        terms = doc_terms(parsed)
        words += terms.n_words
        if by == "entity":
            for row in entity_rows(parsed, gazetteer):
                counts[row["canonical"]] += 1
                labels.setdefault(row["canonical"], (row["canonical"], row["canonical"]))
            continue
        for key, stats in terms.terms.items():
            if (by == "lemma") == (len(key) == 1):
                counts[key] += stats.count
                labels.setdefault(key, (stats.surface(), stats.lemma()))
    return counts, labels, words


def keyness_table(a: tuple[Counter, dict, int], b: tuple[Counter, dict, int], p: float = 0.05,
                  keep_all: bool = False, min_count: int = 2) -> pd.DataFrame:
    """G², p-value and log ratio (zero counts corrected to 0.5) for every term of either side,
    sorted by G² (ties: term); terms below ``min_count`` in total or above ``p`` are left out
    unless ``keep_all``."""
    counts_a, labels_a, words_a = a
    counts_b, labels_b, words_b = b
    rows = []
    for key in set(counts_a) | set(counts_b):
        ca, cb = counts_a.get(key, 0), counts_b.get(key, 0)
        if not keep_all and ca + cb < min_count:
            continue
        g2 = log_likelihood(ca, cb, words_a, words_b)
        p_value = chi2_p_value(g2)
        if not keep_all and p_value > p:
            continue
        term, lemma = labels_a.get(key) or labels_b[key]
        ratio = log_ratio(ca, cb, words_a, words_b)
        rows.append({"term": term, "lemma": lemma, "count_a": ca, "count_b": cb,
                     "per_10k_a": round(ca / words_a * 1e4, 2), "per_10k_b": round(cb / words_b * 1e4, 2),
                     "g2": round(g2, 4), "p_value": round(p_value, 6), "log_ratio": round(ratio, 4),
                     "favours": "a" if ratio > 0 else "b"})
    table = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    return table.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def compare(a, b, by: str = "lemma", p: float = 0.05, keep_all: bool = False) -> pd.DataFrame:
    """Keyness of side ``a`` against side ``b`` (each a :class:`~marketingtext.corpus.Corpus`).

    >>> compare(mt.load("data/raw/001_ddbf49292ca9b49c.txt"), mt.load("data/raw/004_ea3b81d1c43a13bb.txt"))
    """
    if by not in BY:
        raise ValueError(f"unknown --by {by!r}; choose one of {', '.join(BY)}")
    return keyness_table(side_counts(a.parsed(), by), side_counts(b.parsed(), by), p=p, keep_all=keep_all)


def similarity_matrix(parsed_docs: Iterable[ParsedDoc]) -> pd.DataFrame:
    """Cosine similarity of TF-IDF lemma vectors for every pair of documents (doc_a < doc_b in input order)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.metrics.pairwise import cosine_similarity

    from .keywords import doc_terms

    names, bags = [], []
    for parsed in parsed_docs:
        terms = doc_terms(parsed)
        names.append(parsed.source.doc)
        bags.append({key[0]: st.count for key, st in terms.terms.items() if len(key) == 1})
    if not names:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    matrix = TfidfTransformer().fit_transform(DictVectorizer().fit_transform(bags))
    sims = cosine_similarity(matrix)
    rows = [{"doc_a": names[i], "doc_b": names[j], "similarity": round(float(min(max(sims[i, j], 0.0), 1.0)), 4)}
            for i in range(len(names)) for j in range(i + 1, len(names))]
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def style_profile(corpus) -> dict:
    """One side's style: sentence lengths, diversity, readability, Nominalstil, questions, passive, entities."""
    from .stats import flesch_amstad, lix, mtld, syllables, wiener_sachtextformel
    from .words import is_word

    sentences = corpus.sentences()
    entities = corpus.entities()
    words = int(sentences["n_words"].sum()) or 1
    n_sent = len(sentences) or 1
    syll = int(sentences["n_syllables"].sum())
    long_words = int(sentences["n_long_words"].sum())
    lowered, counts = [], []
    for parsed in corpus.parsed():  # one pass for the diversity tokens and the syllable counts
        for token in parsed.doc:
            if not token.is_punct and not token.is_space:
                lowered.append(token.text.lower())
            if is_word(token):
                counts.append(syllables(token.text))
    return {
        "documents": len(corpus.sources),
        "sentences": len(sentences),
        "words": words,
        "mean_sentence_len": round(words / n_sent, 2),
        "median_sentence_len": float(sentences["n_words"].median()) if len(sentences) else float("nan"),
        "long_sentence_share": round(float((sentences["n_words"] > LONG_SENTENCE_WORDS).mean()), 4),
        "mtld": round(mtld(lowered), 2),
        "flesch_amstad": round(flesch_amstad(words, n_sent, syll), 2),
        "wiener_sachtextformel": round(wiener_sachtextformel(
            words, n_sent, polysyllabic=sum(c >= 3 for c in counts), long_words=long_words,
            monosyllabic=sum(c == 1 for c in counts)), 2),
        "lix": round(lix(words, n_sent, long_words), 2),
        "noun_share": round(float((sentences["noun_share"] * sentences["n_words"]).sum() / words), 4),
        "question_share": round(float(sentences["is_question"].mean()), 4),
        "passive_share": round(float(sentences["is_passive"].mean()), 4),
        "entities_per_1000_words": round(len(entities) / words * 1000, 2),
    }


def style_table(a, b, label_a: str = "a", label_b: str = "b") -> pd.DataFrame:
    """The two sides' style profiles side by side: one row per measure."""
    pa, pb = style_profile(a), style_profile(b)
    return pd.DataFrame({"measure": list(pa), label_a: list(pa.values()), label_b: list(pb.values())})
