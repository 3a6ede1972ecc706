"""The keyword table: each document's best terms and the corpus's, scored by a registered method.

Terms come from :mod:`marketingtext.keywords.terms`, scores from :mod:`marketingtext.keywords.methods`. The corpus
rows (``doc == "*"``) rank nouns, names and noun phrases by keyness against general German weighted
by how unevenly they spread over the documents (:func:`corpus_scores`): what the documents are about,
not the vocabulary every document of the genre shares. A term that stands as a heading (a line of its
own below a document's first line) anywhere is the documents' structure, not a corpus keyword; one
that heads sections in many documents (``Einzelnachweise``, ``Literatur``, ``Fazit``) is section
boilerplate (:func:`boilerplate_headings`) and counts in a document only where it is not a heading.
Nested duplicates (a phrase and the word it mostly consists of) are shown once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

import pandas as pd

from ..engine.parsing import ParsedDoc
from ..language.dispersion import gries_dp
from .base_form import base_form, is_plural, nominative_plural
from .compounds import compound_groups, split_compound
from .methods import CORPUS_POS, DEFAULT_METHOD, METHODS, CorpusCounts, reference_keyness, reference_zipfs
from .terms import CORPUS, VERSION_NUMBER, DocTerms, DocTermsStore, TermStats, doc_terms, most_common

KEYWORD_COLUMNS = ["doc", "rank", "term", "lemma", "base", "pos", "count", "docs", "range", "dp", "per_10k",
                   "score", "head", "modifiers"]
SCOPES = ("both", "corpus", "per-doc")
# A heading line in at least this many documents, and this share of them, is section boilerplate.
HEADING_DOCS, HEADING_SHARE = 3, 0.05
DP_BASE = 0.5  # corpus score = G² × (DP_BASE + DP): an evenly spread term keeps a third of a confined one's weight


def select_top(scores: dict[tuple, float], counts: dict[tuple, int], top: int,
               names: frozenset[tuple] | set[tuple] = frozenset()) -> list[tuple]:
    """The best ``top`` terms, without nested duplicates: a phrase that contains a chosen term is
    left out, and so is a term that occurs mostly inside a chosen phrase (at most 1.5 times as often).

    A name word (in ``names``, the keys tagged PROPN) that occurs at least half of the times inside a scored name
    of several words is listed as that name, in the word's place: "Big" (4 times, 2 of them in "Big Data", the
    others English "big", "bigger" in German prose) is "Big Data".
    """
    order = sorted(scores, key=lambda k: (-scores[k], " ".join(k)))
    phrases_of: dict[str, list[tuple]] = {}
    for key in order:
        if len(key) > 1 and all((word,) in names for word in key):
            for word in set(key):
                phrases_of.setdefault(word, []).append(key)  # best-scored first
    chosen: list[tuple] = []
    for key in order:
        if len(chosen) >= top:
            break
        if len(key) == 1:
            key = next((p for p in phrases_of.get(key[0], ()) if counts[key] <= 2 * counts[p]), key)
        if key in chosen or any(_contains(key, c) or (_contains(c, key) and counts[key] <= 1.5 * counts[c])
                                for c in chosen):
            continue
        chosen.append(key)
    return chosen


def _contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def terms_function(method: str = DEFAULT_METHOD, ngram_max: int = 3, stopwords_extra: Iterable[str] = (),
                   **_table_options) -> Callable[[ParsedDoc], DocTerms]:
    """The picklable function that makes one document's :class:`DocTerms` for :func:`keyword_table` with these
    options (``method``'s scorer says whether the text and co-occurrences are kept); the rest of a table's
    options do not change a document's terms."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    scorer = METHODS[method]
    terms = partial(doc_terms, ngram_max=ngram_max, extra_stop=frozenset(w.lower() for w in stopwords_extra),
                    keep_text=scorer.needs_text, keep_cooccurrence=scorer.needs_cooccurrence)
    return partial(scored_terms, terms=terms, method=method) if scorer.per_term else terms


def scored_terms(parsed: ParsedDoc, terms: Callable[[ParsedDoc], DocTerms], method: str) -> DocTerms:
    """``terms(parsed)`` with ``method``'s scores: a per-term method scores a document alone, so with ``--jobs`` the
    worker that parsed it does (the main process scored every term of every document before)."""
    made = terms(parsed)
    made.scores, made.scored_by = METHODS[method].score(made, None), method
    made.reference = reference_zipfs(made)
    return made


def _scores(dt: DocTerms, counted: DocTerms, method: str, corpus: CorpusCounts) -> dict:
    """``method``'s scores of ``counted`` (``dt`` without its boilerplate headings): those made with ``dt`` where
    they are, the terms whose counts changed scored again (same values and order as scoring ``counted``)."""
    scorer = METHODS[method]
    if dt.scored_by != method or not scorer.per_term:
        return scorer.score(counted, corpus)
    if counted is dt:
        return dt.scores
    scores = {key: values for key, values in dt.scores.items() if key in counted.terms}
    changed = {key: st for key, st in counted.terms.items() if st is not dt.terms[key]}
    scores.update(scorer.score(replace(counted, terms=changed), corpus))
    return scores


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
    """The keyword table (columns: see README). ``scope`` is ``both``, ``corpus`` or ``per-doc``.
    ``doc_terms_list``: the documents' terms when already made (by :func:`terms_function` of the same options)."""
    terms = terms_function(method, ngram_max, stopwords_extra)
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    scorer = METHODS[method]
    if doc_terms_list is None:
        doc_terms_list = (terms(p) for p in parsed_docs or [])
    if group == "compounds":
        return compound_groups(doc_terms_list, top=top)
    store = doc_terms_list if isinstance(doc_terms_list, DocTermsStore) else DocTermsStore(doc_terms_list)
    df, total_words = store.df, store.n_words or 1
    corpus = CorpusCounts(df, len(store))
    boilerplate = boilerplate_headings(store)
    per_doc = []
    # Corpus counts are plain numbers per term; full stats are merged for the winners only.
    scored_keys: set[tuple] = set()
    corpus_counts: Counter = Counter()
    corpus_pos: dict[tuple, str] = {}
    reference: dict[tuple, float] = {}  # Zipf values the workers found, for the corpus rows' keyness
    for made in store:
        reference.update(made.reference)
        dt = without_headings(made, boilerplate)
        scored = {k: v for k, v in _scores(made, dt, method, corpus).items() if dt.terms[k].count >= min_count}
        scored_keys.update(scored)
        # Counts are occurrences, whether or not the method scored the term in this document.
        corpus_counts.update({key: st.count for key, st in dt.terms.items() if st.count >= min_count})
        for key, st in dt.terms.items():
            corpus_pos.setdefault(key, st.pos)
        if scope != "corpus":
            counts = {key: dt.terms[key].count for key in scored}
            names = {key for key, st in dt.terms.items() if st.pos == "PROPN"}
            top_keys = select_top({key: values["score"] for key, values in scored.items()}, counts, top, names)
            for rank, key in enumerate(top_keys, 1):
                per_doc.append(_row(dt.doc, rank, key, dt.terms[key], df[key], dt.n_words, scored[key]))
    rows = []
    if scope != "per-doc":
        # a heading anywhere is the documents' structure ("Geschichte", "Stadt", "Weblinks"), not their topic
        candidates = {key: corpus_counts[key] for key in scored_keys - store.heading_df.keys()
                      if corpus_pos[key] in CORPUS_POS}
        scores, dispersion = corpus_scores(store, candidates, top, also={row["_key"] for row in per_doc},
                                           reference=reference)
        chosen = select_top(scores, corpus_counts, top, {key for key, pos in corpus_pos.items() if pos == "PROPN"})
        merged = _merge_terms(store, set(chosen), min_count)
        for rank, key in enumerate(chosen, 1):
            rows.append(_row(CORPUS, rank, key, merged[key], df[key], total_words, {"score": scores[key]}))
    else:
        dispersion = term_dispersion(store, {row["_key"] for row in per_doc})
    for row in rows + per_doc:
        row["dp"] = round(dispersion[row.pop("_key")], 4)
    columns = KEYWORD_COLUMNS + list(scorer.columns)
    return pd.DataFrame(rows + per_doc, columns=columns)


def boilerplate_headings(store: DocTermsStore) -> set[tuple]:
    """Terms that stand as a line of their own (a heading) in at least :data:`HEADING_DOCS` documents and
    :data:`HEADING_SHARE` of the corpus: the repeated section headings of a genre ("Einzelnachweise",
    "Literatur", "Weblinks", "Fazit"), which say nothing about what a document is about."""
    needed = max(HEADING_DOCS, HEADING_SHARE * store.n_docs)
    return {key for key, n in store.heading_df.items() if n >= needed}


def without_headings(dt: DocTerms, boilerplate: set[tuple]) -> DocTerms:
    """``dt`` with the heading lines of boilerplate headings not counted: "Literatur" still counts
    where a text talks about literature, not where it heads the list of references."""
    hit = [key for key in boilerplate & dt.terms.keys() if dt.terms[key].own_line]
    if not hit:
        return dt
    terms = dict(dt.terms)
    for key in hit:
        st = terms[key]
        if st.count > st.own_line:
            terms[key] = replace(st, count=st.count - st.own_line, own_line=0)
        else:
            del terms[key]
    return replace(dt, terms=terms)


def corpus_scores(store: DocTermsStore, counts: dict[tuple, int], top: int, also: set[tuple] = frozenset(),
                  reference: dict[tuple, float] | None = None) -> tuple[dict, dict]:
    """Corpus scores ``G² × (0.5 + DP)`` of the terms in ``counts`` (corpus occurrences) that occur in two
    documents or more (any, for a one-document corpus), and the DP of those computed; returns (scores, DP).

    G² is the term's keyness against general German (wordfreq as a 10⁹-word reference), counted only
    when the term is more frequent than there; DP is Gries' deviation of proportions over the documents
    (0 = spread evenly, ~1 = in few documents). Keyness alone ranks the genre's shared vocabulary
    (Jahrhundert, Einwohner, Begriff) among the topics; the weight 0.5 + DP lets a term that documents
    are about (concentrated in some of them) weigh up to three times as much as one every document uses
    alike, without burying a theme that all documents share. A one-document corpus has no dispersion
    (weight 1). DP is computed for the terms of highest G² only, as many as the ranking needs
    (score ≤ 1.5 × G²), and for the terms in ``also`` (in the same pass over the documents). ``reference``: terms'
    Zipf values already known (:func:`~marketingtext.keywords.methods.reference_zipfs`).
    """
    reference = reference or {}
    min_range = 2 if store.n_docs >= 2 else 1
    g2 = {}
    for key, count in counts.items():
        if store.df[key] >= min_range:
            value, ratio = reference_keyness(count, store.n_words, key, reference.get(key))
            if ratio > 0:
                g2[key] = value
    order = sorted(g2, key=lambda k: (-g2[k], " ".join(k)))
    size = max(200, 20 * top)
    while True:
        pool = order[:size]
        dispersion = term_dispersion(store, set(pool) | also)
        scores = {key: g2[key] * (DP_BASE + dispersion[key] if store.n_docs >= 2 else 1.0) for key in pool}
        best = sorted(scores.values(), reverse=True)[: top * 3]
        if size >= len(order) or (len(best) >= top * 3 and best[-1] >= (DP_BASE + 1) * g2[order[size]]):
            return scores, dispersion
        size *= 4


def term_dispersion(store: DocTermsStore, keys: set[tuple]) -> dict[tuple, float]:
    """Gries' DP of each of ``keys`` over the corpus's documents (parts weighted by their words)."""
    parts: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for dt in store:
        for key in keys & dt.terms.keys():
            parts[key].append((dt.terms[key].count, dt.n_words))
    out = {}
    for key in keys:
        counts = [c for c, _ in parts[key]]
        sizes = [n for _, n in parts[key]]
        # the documents without the term pooled into one part of count 0 (same DP, see gries_dp)
        out[key] = gries_dp([*counts, 0], [*sizes, max(store.n_words - sum(sizes), 0)])
    return out


def _merge_terms(doc_terms_list: Iterable[DocTerms], keys: set[tuple], min_count: int) -> dict[tuple, TermStats]:
    """Corpus-wide stats of ``keys``, from the documents where each counts (``min_count``)."""
    merged: dict[tuple, TermStats] = {}
    for dt in doc_terms_list:
        for key in keys & dt.terms.keys():
            st = dt.terms[key]
            if st.count >= min_count:
                merged.setdefault(key, TermStats(pos=st.pos, words=st.words)).absorb(st)
    return merged


def phrase_base(st: TermStats) -> str:
    """A phrase's base form (``keywords.base_form``: "althergebrachte Marketingmuster"); a noun's nominative in
    the number the text uses most (``Produkte`` where the plural prevails, else the lemma); any other word's lemma."""
    lemmas = tuple(st.lemma().split())
    surfaces = Counter({st.surfaces: st.count}) if isinstance(st.surfaces, str) else st.surfaces
    occurrences = Counter()
    for surface, n in surfaces.items():
        occurrences[(surface, is_plural(surface.split()[-1], lemmas[-1]))] += n
    if st.pos == "PHRASE":
        return base_form(occurrences, lemmas, st.surface())
    plurals = Counter({surface: n for (surface, plural), n in occurrences.items() if plural})
    if st.pos == "NOUN" and sum(plurals.values()) * 2 > st.count:
        return nominative_plural(most_common(plurals), lemmas[-1])
    return st.lemma()


def _row(doc: str, rank: int, key: tuple, st: TermStats, docs: int, n_words: int, values: dict) -> dict:
    lemma = st.lemma()
    if len(key) == 1 and st.pos == "NOUN":  # a name is no compound: Scheibelhofer, not Scheibel + Hofer
        head, modifiers = split_compound(lemma)
    else:
        head, modifiers = next((w for w in reversed(lemma.split()) if not VERSION_NUMBER.match(w)), lemma), []
    row = {
        "doc": doc, "rank": rank, "term": st.surface(), "lemma": lemma, "base": phrase_base(st),
        "pos": st.pos, "count": st.count, "docs": docs, "range": docs, "per_10k": round(st.count / n_words * 1e4, 2),
        "score": round(values["score"], 4), "head": head, "modifiers": "|".join(modifiers), "_key": key,
    }
    row.update({k: v for k, v in values.items() if k != "score"})
    return row


