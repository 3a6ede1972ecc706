"""The keyword table: each document's best terms and the corpus's, scored by a registered method.

Terms come from :mod:`marketingtext.terms`, scores from :mod:`marketingtext.keyword_methods`. The corpus
rows (``doc == "*"``) rank terms by the sum of their per-document scores; nested duplicates (a phrase and
the word it mostly consists of) are shown once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from .compounds import compound_groups, split_compound
from .keyword_methods import DEFAULT_METHOD, METHODS, CorpusCounts
from .parsing import ParsedDoc
from .terms import CORPUS, NOUN_POS, VERSION_NUMBER, DocTerms, DocTermsStore, TermStats, doc_terms

KEYWORD_COLUMNS = ["doc", "rank", "term", "lemma", "pos", "count", "docs", "per_10k", "score",
                   "head", "modifiers"]
SCOPES = ("both", "corpus", "per-doc")


def select_top(scores: dict[tuple, float], counts: dict[tuple, int], top: int) -> list[tuple]:
    """The best ``top`` terms, without nested duplicates: a phrase that contains a chosen term is
    left out, and so is a term that occurs mostly inside a chosen phrase."""
    order = sorted(scores, key=lambda k: (-scores[k], " ".join(k)))
    chosen: list[tuple] = []
    for key in order:
        if len(chosen) >= top:
            break
        if any(_contains(key, c) or (_contains(c, key) and counts[key] <= 1.5 * counts[c])
               for c in chosen):
            continue
        chosen.append(key)
    return chosen


def _contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def keyword_table(
    parsed_docs: Iterable[ParsedDoc] | None = None,
    *,
    doc_terms_list: Iterable[DocTerms] | None = None,
    method: str = DEFAULT_METHOD,
    top: int = 20,
    scope: str = "both",
    min_count: int = 1,
    ngram_max: int = 3,
    stopwords_extra: Iterable[str] = (),
    group: str | None = None,
) -> pd.DataFrame:
    """The keyword table (columns: see README). ``scope`` is ``both``, ``corpus`` or ``per-doc``."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    scorer = METHODS[method]
    extra = frozenset(w.lower() for w in stopwords_extra)
    if doc_terms_list is None:
        doc_terms_list = (doc_terms(p, ngram_max, extra, keep_text=scorer.needs_text,
                                    keep_cooccurrence=scorer.needs_cooccurrence) for p in parsed_docs or [])
    if group == "compounds":
        return compound_groups(doc_terms_list, top=top)
    store = doc_terms_list if isinstance(doc_terms_list, DocTermsStore) else DocTermsStore(doc_terms_list)
    df, total_words = store.df, store.n_words or 1
    corpus = CorpusCounts(df, len(store))
    per_doc = []
    # Corpus scores and counts are plain numbers per term; full stats are merged for the winners only.
    corpus_scores: dict[tuple, float] = defaultdict(float)
    corpus_counts: Counter = Counter()
    for dt in store:
        scored = {k: v for k, v in scorer.score(dt, corpus).items() if dt.terms[k].count >= min_count}
        for key, values in scored.items():
            corpus_scores[key] += values["score"]
        # Counts are occurrences, whether or not the method scored the term in this document.
        corpus_counts.update({key: st.count for key, st in dt.terms.items() if st.count >= min_count})
        if scope != "corpus":
            counts = {key: dt.terms[key].count for key in scored}
            top_keys = select_top({key: values["score"] for key, values in scored.items()}, counts, top)
            for rank, key in enumerate(top_keys, 1):
                per_doc.append(_row(dt.doc, rank, key, dt.terms[key], df[key], dt.n_words, scored[key]))
    rows = []
    if scope != "per-doc":
        chosen = select_top(corpus_scores, corpus_counts, top)
        merged = _merge_terms(store, set(chosen), min_count)
        for rank, key in enumerate(chosen, 1):
            rows.append(_row(CORPUS, rank, key, merged[key], df[key], total_words, {"score": corpus_scores[key]}))
    columns = KEYWORD_COLUMNS + list(scorer.columns)
    return pd.DataFrame(rows + per_doc, columns=columns)


def _merge_terms(doc_terms_list: Iterable[DocTerms], keys: set[tuple], min_count: int) -> dict[tuple, TermStats]:
    """Corpus-wide stats of ``keys``, from the documents where each counts (``min_count``)."""
    merged: dict[tuple, TermStats] = {}
    for dt in doc_terms_list:
        for key in keys & dt.terms.keys():
            st = dt.terms[key]
            if st.count >= min_count:
                merged.setdefault(key, TermStats(pos=st.pos, words=st.words)).absorb(st)
    return merged


def _row(doc: str, rank: int, key: tuple, st: TermStats, docs: int, n_words: int, values: dict) -> dict:
    lemma = st.lemma()
    if len(key) == 1 and st.pos in NOUN_POS:
        head, modifiers = split_compound(lemma)
    else:
        head, modifiers = next((w for w in reversed(lemma.split()) if not VERSION_NUMBER.match(w)), lemma), []
    row = {
        "doc": doc, "rank": rank, "term": st.surface(), "lemma": lemma,
        "pos": st.pos, "count": st.count, "docs": docs, "per_10k": round(st.count / n_words * 1e4, 2),
        "score": round(values["score"], 4), "head": head, "modifiers": "|".join(modifiers),
    }
    row.update({k: v for k, v in values.items() if k != "score"})
    return row


