"""What sets one side (a document or a group) apart from another: keyness, similarity, style.

Counting reuses the keyword candidates (lemmas, phrases) and the entity table, so ``compare``
means by "term" exactly what ``keywords`` and ``entities`` mean. A side is anything with a
``parsed()`` method yielding parsed documents (a :class:`~marketingtext.corpus.Corpus`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..entities.table import ENTITY_COLUMNS, canonicalise, entity_rows, load_gazetteer
from ..keywords.terms import DocTerms, doc_terms
from ..language.gender import gender_forms, gender_summary
from ..language.stats import ReadabilityCounts, chi2_p_value, log_likelihood, log_ratio, mtld, readability
from ..language.words import doc_words

COMPARE_COLUMNS = ["term", "lemma", "log_ratio", "count_a", "count_b", "docs_a", "docs_b", "per_10k_a",
                   "per_10k_b", "g2", "p_value", "significant", "favours", "key"]
MATRIX_COLUMNS = ["doc_a", "doc_b", "similarity"]
BY = ("lemma", "keyphrase", "entity")
CORRECTIONS = ("bonferroni", "none")
ALPHA = 0.05
LONG_SENTENCE_WORDS = 25


class SideCounts(NamedTuple):
    """One side of a comparison: term counts, display labels, words, and in how many documents each term occurs."""

    counts: Counter
    labels: dict
    words: int
    docs: Counter = Counter()  # documents of the side containing the term
    n_docs: int = 1


def side_counts(parsed_docs: Iterable[ParsedDoc], by: str = "lemma") -> SideCounts:
    """Term counts of one side, with the number of documents each term occurs in."""
    counts, docs, labels, words, n_docs = Counter(), Counter(), {}, 0, 0
    gazetteer = load_gazetteer() if by == "entity" else None
    for parsed in parsed_docs:
        n_docs += 1
        terms = doc_terms(parsed)
        words += terms.n_words
        if by == "entity":
            _count_names([row["canonical"] for row in entity_rows(parsed, gazetteer)], counts, docs, labels)
            continue
        for key, stats in terms.terms.items():
            if (by == "lemma") == (len(key) == 1):
                counts[key] += stats.count
                docs[key] += 1
                labels.setdefault(key, (stats.surface(), stats.lemma()))
    return SideCounts(counts, labels, words, docs, n_docs)


def entity_sides(a_docs: Iterable[ParsedDoc], b_docs: Iterable[ParsedDoc]) -> tuple[SideCounts, SideCounts]:
    """Entity counts of both sides, named by one canonicalisation over both, so that an entity has the
    same name on either side ("Hess" in A and "Andreas Hess" in B are one row)."""
    gazetteer = load_gazetteer()
    rows, words, n_docs = [], [0, 0], [0, 0]
    for side, docs in enumerate((a_docs, b_docs)):
        for parsed in docs:
            n_docs[side] += 1
            words[side] += len(doc_words(parsed.doc))
            rows += [{**row, "doc": f"{side}/{row['doc']}"} for row in entity_rows(parsed, gazetteer)]
    named = canonicalise(pd.DataFrame(rows, columns=ENTITY_COLUMNS))
    out = []
    for side in (0, 1):
        counts, docs, labels = Counter(), Counter(), {}
        side_rows = named[named["doc"].str.startswith(f"{side}/")]
        for names in side_rows.groupby("doc", sort=False)["canonical"]:
            _count_names(list(names[1]), counts, docs, labels)
        out.append(SideCounts(counts, labels, words[side], docs, n_docs[side]))
    return out[0], out[1]


def _count_names(names: list[str], counts: Counter, docs: Counter, labels: dict) -> None:
    """Add one document's entity names to a side's counts."""
    counts.update(names)
    docs.update(set(names))
    for name in names:
        labels.setdefault(name, (name, name))


def keyness_table(a: SideCounts | tuple, b: SideCounts | tuple, p: float = ALPHA, keep_all: bool = False,
                  min_count: int = 2, correction: str = "bonferroni", min_docs: int | None = None) -> pd.DataFrame:
    """G², p-value, log ratio (zero counts corrected to 0.5) and document counts of every term of either side.

    A term is *significant* when it was tested (seen ``min_count`` times in all) and its p-value is below the
    cut-off: ``p`` divided by the number of terms tested (Bonferroni) unless ``correction="none"``. It is *key*
    when significant and found in at least ``min_docs`` documents of the side it favours (``min_docs`` defaults
    to 2, or 1 when the favoured side is a single document; it is capped at that side's number of documents).

    Rows are the terms tested and spread so (``keep_all``: every term), key or not, ranked by the size of the
    effect (|log ratio|), then G², then term: on two short texts Bonferroni over a thousand terms passes almost
    nothing, and the terms that differ most are still worth reading beside their p-values.
    ``table.attrs``: ``criterion`` (the cut-off in words, with how many terms passed, for captions), ``tested``
    and ``passed`` (key terms).
    """
    if correction not in CORRECTIONS:
        raise ValueError(f"unknown correction {correction!r}; choose one of {', '.join(CORRECTIONS)}")
    a, b = SideCounts(*a), SideCounts(*b)
    words_a, words_b = max(a.words, 1), max(b.words, 1)
    terms = sorted(set(a.counts) | set(b.counts))
    tested = {key for key in terms if a.counts.get(key, 0) + b.counts.get(key, 0) >= min_count}
    cutoff = p / max(len(tested), 1) if correction == "bonferroni" else p
    rows = []
    passed = 0
    for key in terms:
        ca, cb = a.counts.get(key, 0), b.counts.get(key, 0)
        g2 = log_likelihood(ca, cb, words_a, words_b)
        p_value = chi2_p_value(g2)
        ratio = log_ratio(ca, cb, words_a, words_b)
        favours = "a" if ratio > 0 else "b"
        side = a if favours == "a" else b
        spread = side.docs.get(key, 0) >= _needed_docs(min_docs, side.n_docs)
        significant = key in tested and p_value < cutoff
        key_term = significant and spread
        passed += key_term
        if not ((key in tested and spread) or keep_all):
            continue
        term, lemma = a.labels.get(key) or b.labels[key]
        rows.append({"term": term, "lemma": lemma, "log_ratio": round(ratio, 4), "count_a": ca, "count_b": cb,
                     "docs_a": a.docs.get(key, 0), "docs_b": b.docs.get(key, 0),
                     "per_10k_a": round(ca / words_a * 1e4, 2), "per_10k_b": round(cb / words_b * 1e4, 2),
                     "g2": round(g2, 4), "p_value": p_value, "significant": significant, "favours": favours,
                     "key": key_term})
    table = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    table = table.assign(_effect=table["log_ratio"].abs()).sort_values(
        ["_effect", "g2", "term"], ascending=[False, False, True], kind="mergesort")
    table = table.drop(columns="_effect").reset_index(drop=True).astype({"key": bool, "significant": bool})
    table.attrs["tested"], table.attrs["passed"] = len(tested), passed
    table.attrs["criterion"] = criterion_text(p, len(tested), correction, min_docs, a.n_docs, b.n_docs, passed)
    return table


def _needed_docs(min_docs: int | None, n_docs: int) -> int:
    """Documents of the favoured side a key term must occur in: one document cannot carry a side of several."""
    wanted = (2 if n_docs >= 2 else 1) if min_docs is None else min_docs
    return max(1, min(wanted, n_docs))


def criterion_text(p: float, tested: int, correction: str, min_docs: int | None, n_docs_a: int,
                   n_docs_b: int, passed: int | None = None) -> str:
    """The cut-off in words, e.g. ``3 of 1,234 terms pass: p < 0.05 / 1,234 terms = 4.1e-05 (Bonferroni); …``."""
    if correction == "bonferroni":
        cut = f"p < {p:g} / {tested:,} terms tested = {p / max(tested, 1):.2g} (Bonferroni)"
    else:
        cut = f"p < {p:g} per term (no correction for {tested:,} terms tested)"
    docs = sorted({_needed_docs(min_docs, n_docs_a), _needed_docs(min_docs, n_docs_b)})
    where = " or ".join(map(str, docs))
    lead = "" if passed is None else f"{passed:,} of {tested:,} terms pass: "
    return f"{lead}{cut}, and in ≥ {where} document(s) of the side they favour; sorted by |log ratio|"


def compare(a, b, by: str = "lemma", p: float = ALPHA, keep_all: bool = False, correction: str = "bonferroni",
            min_docs: int | None = None) -> pd.DataFrame:
    """Keyness of side ``a`` against side ``b`` (each a :class:`~marketingtext.corpus.Corpus`).

    >>> compare(mt.load("data/raw/001_ddbf49292ca9b49c.txt"), mt.load("data/raw/004_ea3b81d1c43a13bb.txt"))
    """
    if by not in BY:
        raise ValueError(f"unknown --by {by!r}; choose one of {', '.join(BY)}")
    sides = entity_sides(a.parsed(), b.parsed()) if by == "entity" else (side_counts(a.parsed(), by),
                                                                          side_counts(b.parsed(), by))
    return keyness_table(*sides, p=p, keep_all=keep_all, correction=correction, min_docs=min_docs)


def similarity_matrix(parsed_docs: Iterable[ParsedDoc]) -> pd.DataFrame:
    """Cosine similarity of TF-IDF lemma vectors for every pair of documents (doc_a < doc_b in input order)."""
    return similarity_of_bags(document_bag(parsed) for parsed in parsed_docs)


def document_bag(parsed: ParsedDoc) -> tuple[str, dict[str, int]]:
    """One document's :func:`lemma_bag` (the part a worker makes where the document is parsed)."""
    return lemma_bag(doc_terms(parsed))


def lemma_bag(terms: DocTerms) -> tuple[str, dict[str, int]]:
    """A document's name and its one-word terms' counts: what :func:`similarity_of_bags` compares."""
    return terms.doc, {key[0]: st.count for key, st in terms.terms.items() if len(key) == 1}


def style_words(parsed: ParsedDoc) -> tuple[list[str], Counter]:
    """One document's part of :func:`style_profile`: its words as written and its gender-form counts."""
    return [t.text for t in doc_words(parsed.doc)], gender_forms(parsed.source.text)


def similarity_of_bags(bags: Iterable[tuple[str, dict[str, int]]]) -> pd.DataFrame:
    """:func:`similarity_matrix` from :func:`lemma_bag` s gathered while the documents went by."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.metrics.pairwise import cosine_similarity

    names, counts = [], []
    for name, bag in bags:
        names.append(name)
        counts.append(bag)
    if not names:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    matrix = TfidfTransformer().fit_transform(DictVectorizer().fit_transform(counts))
    sims = cosine_similarity(matrix)
    rows = [{"doc_a": names[i], "doc_b": names[j], "similarity": round(float(min(max(sims[i, j], 0.0), 1.0)), 4)}
            for i in range(len(names)) for j in range(i + 1, len(names))]
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def style_profile(parsed_docs: Iterable[ParsedDoc], sentences: pd.DataFrame, n_entities: int,
                  doc_parts: Iterable[tuple[list[str], Counter]] | None = None) -> dict:
    """One side's style from its documents, its sentence table and its number of entity mentions:
    sentence lengths, diversity, readability, Nominalstil, questions, passive, entities. ``doc_parts``: each
    document's :func:`style_words` when already made (by worker processes)."""
    words, n_docs, gender = [], 0, Counter()
    for doc_words_of, doc_gender in doc_parts if doc_parts is not None else map(style_words, parsed_docs):
        words.extend(doc_words_of)
        gender += doc_gender
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
