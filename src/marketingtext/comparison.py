"""What sets one side (a document or a group) apart from another: keyness, similarity, style.

Counting reuses the keyword candidates (lemmas, phrases) and the entity table, so ``compare``
means by "term" exactly what ``keywords`` and ``entities`` mean. A side is anything with a
``parsed()`` method yielding parsed documents (a :class:`~marketingtext.corpus.Corpus`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .entities import entity_rows, load_gazetteer
from .gender import gender_forms, gender_summary
from .parsing import ParsedDoc
from .stats import ReadabilityCounts, chi2_p_value, log_likelihood, log_ratio, mtld, readability
from .terms import doc_terms
from .words import is_word

COMPARE_COLUMNS = ["term", "lemma", "count_a", "count_b", "per_10k_a", "per_10k_b", "g2", "p_value",
                   "log_ratio", "favours"]
MATRIX_COLUMNS = ["doc_a", "doc_b", "similarity"]
BY = ("lemma", "keyphrase", "entity")
LONG_SENTENCE_WORDS = 25


def side_counts(parsed_docs: Iterable[ParsedDoc], by: str = "lemma") -> tuple[Counter, dict, int]:
    """(counts per term key, display (term, lemma) per key, number of words) for one side."""
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


def style_profile(parsed_docs: Iterable[ParsedDoc], sentences: pd.DataFrame, n_entities: int) -> dict:
    """One side's style from its documents, its sentence table and its number of entity mentions:
    sentence lengths, diversity, readability, Nominalstil, questions, passive, entities."""
    words, n_docs, gender = [], 0, Counter()
    for parsed in parsed_docs:
        words.extend(t.text for t in parsed.doc if is_word(t))
        gender += gender_forms(parsed.source.text)
        n_docs += 1
    n_words, n_sent = len(words) or 1, len(sentences) or 1
    return {
        "documents": n_docs,
        "sentences": len(sentences),
        "words": n_words,
        "mean_sentence_len": round(n_words / n_sent, 2),
        "median_sentence_len": float(sentences["n_words"].median()) if len(sentences) else float("nan"),
        "long_sentence_share": round(float((sentences["n_words"] > LONG_SENTENCE_WORDS).mean()), 4),
        "mtld": round(mtld([w.lower() for w in words]), 2),
        **readability(ReadabilityCounts.of_words(words, n_sent)),
        "noun_share": round(float((sentences["noun_share"] * sentences["n_words"]).sum() / n_words), 4),
        "question_share": round(float(sentences["is_question"].mean()), 4),
        "passive_share": round(float(sentences["is_passive"].mean()), 4),
        "zustandspassiv_share": round(float((sentences["passive"] == "zustand").mean()), 4),
        "entities_per_1000_words": round(n_entities / n_words * 1000, 2),
        **gender_summary(gender, n_words),
    }


def style_table(profile_a: dict, profile_b: dict, label_a: str = "a", label_b: str = "b") -> pd.DataFrame:
    """Two style profiles side by side: one row per measure."""
    return pd.DataFrame({"measure": list(profile_a), label_a: list(profile_a.values()),
                         label_b: list(profile_b.values())})
