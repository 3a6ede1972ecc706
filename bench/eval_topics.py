"""Topic quality: NPMI coherence and seed stability of mtext's topics against a plain scikit-learn LDA on word forms.

Data: ``../shared/bench/wiki_de_1M/wiki`` (274 German Wikipedia articles, Klexikon validation split) and the five
essays (``data/raw``). For each corpus and k (mtext's own choice of k, and ``--k``), side by side:

- ``mtext``: mtext's topics (``tables.topics``: NMF on sublinear TF-IDF of lemma keys of nouns, names and
  attributive adjectives, compounds whole and credited to their head, feminine forms under masculine);
- ``mtext-lda``: the same features, scikit-learn LDA (batch, seed) instead of NMF: NMF or LDA, measured;
- ``mtext-nohead``: mtext without the compound head credit (``HEAD_WEIGHT = 0``);
- ``plain-lda``: scikit-learn LDA on lower-cased word forms (``CountVectorizer``, spaCy's German stop words,
  min_df 2, max_df 0.9), the raw text, the same k and seed: what a user gets from the library alone.

Coherence: mean NPMI over each topic's top-10 term pairs, counted over the *paragraphs* of the 274 articles (blank
line separated; 15,000+ windows): a term occurs in a paragraph when its lemma key or its lower-cased word form
does, so lemma topics and word-form topics are counted alike; a pair never seen together scores -1.
Stability: top-10 terms of the topics fitted with seeds 0, 1, 2, matched one to one (Hungarian); the share of
top-10 terms that recur, averaged over the three pairs of seeds. ``resample``: the same over three seeded 90 %
samples of the units (NMF's ``nndsvd`` start ignores the seed, so seed stability alone would flatter it).

Usage: python bench/eval_topics.py [--wiki DIR] [--essays DIR] [--cache-dir DIR] [--k 20]
Parsing the 274 articles takes minutes once; the Doc cache makes later runs fast.
"""

from __future__ import annotations

import argparse
import itertools
import re
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WIKI = SHARED / "bench/wiki_de_1M/wiki"
ESSAYS = ROOT / "data/raw"
SEEDS = (0, 1, 2)
TOP = 10
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_set_of(parsed) -> list[set[str]]:
    """Per paragraph of one document: the lemma keys and lower-cased word forms it holds (the NPMI reference)."""
    from marketingtext.language.lexicon import term_key
    from marketingtext.language.words import is_word

    sets: list[set[str]] = []
    text = parsed.doc.text
    current: set[str] = set()
    last = 0
    for token in parsed.doc:
        if token.is_space:  # a blank line is a space token: the gap is read between the tokens around it
            continue
        if current and PARAGRAPH_BREAK.search(text, last, token.idx):
            sets.append(current)
            current = set()
        if is_word(token):
            current.add(term_key(token.lemma_))
            current.add(token.text.lower())
        last = token.idx + len(token)
    return sets + [current] if current else sets


def digest(corpus) -> tuple[list, list[str], list[set[str]]]:
    """One streamed pass (no Doc kept): mtext's units per document, the raw text of each unit, the paragraphs."""
    from marketingtext.tables.topics import SMALL_CORPUS, topic_units, unit_sentences

    split = len(corpus.names) < SMALL_CORPUS
    doc_units, texts, paragraphs = [], [], []
    for parsed in corpus.parsed():
        doc_units.append(topic_units(parsed, split=split))
        texts.extend(" ".join(t.text for s in g for t in s) for g in unit_sentences(parsed, split))
        paragraphs.extend(paragraph_set_of(parsed))
    return doc_units, texts, paragraphs


class Reference:
    """Document frequencies and pair co-frequencies of terms over the reference paragraphs."""

    def __init__(self, sets: list[set[str]]) -> None:
        self.n = len(sets)
        self.postings: dict[str, set[int]] = {}
        for i, terms in enumerate(sets):
            for term in terms:
                self.postings.setdefault(term, set()).add(i)

    def npmi(self, a: str, b: str) -> float:
        pa, pb = self.postings.get(a, set()), self.postings.get(b, set())
        joint = len(pa & pb)
        if not joint:
            return -1.0
        p_ab, p_a, p_b = joint / self.n, len(pa) / self.n, len(pb) / self.n
        return 1.0 if p_ab >= 1 else float(np.log(p_ab / (p_a * p_b)) / -np.log(p_ab))

    def coherence(self, topics: list[list[str]]) -> float:
        return float(np.mean([np.mean([self.npmi(a, b) for a, b in itertools.combinations(t, 2)]) for t in topics]))


def overlap(a: list[list[str]], b: list[list[str]]) -> float:
    """Share of top terms that recur between two fits, topics matched one to one."""
    from scipy.optimize import linear_sum_assignment

    shared = np.array([[len(set(x) & set(y)) / TOP for y in b] for x in a])
    rows, cols = linear_sum_assignment(-shared)
    return float(shared[rows, cols].mean())


def stability(fits: list[list[list[str]]]) -> float:
    return float(np.mean([overlap(a, b) for a, b in itertools.combinations(fits, 2)]))


def mtext_topics(data, k: int, method: str, seed: int, rows=None) -> list[list[str]]:
    from marketingtext.tables.topics import fit_topics, top_term_indices

    matrix = data.counts if rows is None else data.counts[rows]
    _, components = fit_topics(matrix, k, method, seed)
    return [[data.vocab[i] for i in top] for top in top_term_indices(components, TOP)]


def plain_lda_topics(texts: list[str], k: int, seed: int, rows=None) -> list[list[str]]:
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer
    from spacy.lang.de.stop_words import STOP_WORDS

    vectorizer = CountVectorizer(lowercase=True, stop_words=sorted(STOP_WORDS), min_df=2, max_df=0.9)
    counts = vectorizer.fit_transform(texts)
    counts = counts if rows is None else counts[rows]
    model = LatentDirichletAllocation(n_components=k, learning_method="batch", max_iter=50, random_state=seed)
    model.fit(counts)
    vocab = vectorizer.get_feature_names_out()
    return [[str(vocab[i]) for i in np.argsort(-row, kind="stable")[:TOP]] for row in model.components_]


def evaluate(name: str, corpus, reference: Reference | None, extra_ks: list[int]) -> Reference:
    import marketingtext.tables.topics as topics

    doc_units, texts, paragraphs = digest(corpus)
    reference = reference or Reference(paragraphs)
    tables = topics.topic_tables(doc_units=doc_units)
    chosen = tables["topic_k"]
    k_auto = int(chosen.loc[chosen["chosen"], "k"].iloc[0])
    data = {"mtext": topics.unit_matrix(doc_units)}
    saved, topics.HEAD_WEIGHT = topics.HEAD_WEIGHT, 0.0
    data["mtext-nohead"] = topics.unit_matrix(doc_units)
    topics.HEAD_WEIGHT = saved
    data["mtext-lda"] = data["mtext"]
    units = data["mtext"].counts.shape[0]
    print(f"\n## {name}: {len(doc_units)} documents, {units} units, {len(data['mtext'].vocab)} mtext terms; "
          f"reference {reference.n} wiki paragraphs; mtext chose k = {k_auto}")
    print(topics.k_note(chosen, len(doc_units)))
    print(tables["topics"][["topic", "label", "share", "coherence"]].to_string(index=False))
    rng = np.random.default_rng(7)
    samples = [np.sort(rng.choice(units, int(0.9 * units), replace=False)) for _ in SEEDS]
    print("\n| corpus | k | method | NPMI (wiki paragraphs) | seed stability | resample stability | s per fit |")
    print("|---|---|---|---|---|---|---|")
    tops = {}
    for k in [k_auto, *[x for x in extra_ks if x != k_auto]]:
        for method in ("mtext", "mtext-lda", "mtext-nohead", "plain-lda"):
            start = time.perf_counter()
            if method == "plain-lda":
                runs = [plain_lda_topics(texts, k, s) for s in SEEDS]
                resampled = [plain_lda_topics(texts, k, SEEDS[0], rows) for rows in samples]
            else:
                model = "lda" if method == "mtext-lda" else "nmf"
                runs = [mtext_topics(data[method], k, model, s) for s in SEEDS]
                resampled = [mtext_topics(data[method], k, model, SEEDS[0], rows) for rows in samples]
            seconds = (time.perf_counter() - start) / (2 * len(SEEDS))
            print(f"| {name} | {k} | {method} | {reference.coherence(runs[0]):.3f} | {stability(runs):.2f} | "
                  f"{stability(resampled):.2f} | {seconds:.1f} |", flush=True)
            if k == k_auto:
                tops[method] = runs[0]
    for method in ("mtext", "plain-lda"):
        print(f"\ntop terms at k = {k_auto}, {method}:")
        for i, terms in enumerate(tops[method], 1):
            print(f"  {i}: {' '.join(terms)}")
    return reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wiki", type=Path, default=WIKI)
    parser.add_argument("--essays", type=Path, default=ESSAYS)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--k", type=int, nargs="*", default=[20], help="k besides mtext's own choice (wiki)")
    args = parser.parse_args()
    import marketingtext as mt

    reference = evaluate("wiki", mt.load([args.wiki], cache_dir=args.cache_dir), None, args.k)
    evaluate("essays", mt.load([args.essays], cache_dir=args.cache_dir), reference, [])


if __name__ == "__main__":
    main()
