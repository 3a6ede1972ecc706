"""Keyword quality: title@5 and topics@30 on encyclopedia articles, P/R/F1 on abstracts with author keywords.

1. ``../shared/bench/wiki_de_1M/wiki`` (274 German Wikipedia articles, the Klexikon validation split; a DEV
   set: the corpus ranking and the heading rule were designed while looking at it). Per method:
   - title@5: share of articles whose title is among the article's own top 5 keywords
     (match rule: :func:`title_keys`);
   - topics@30: corpus top-30 terms (rows ``doc = *``) that are an article's topic (title or head
     of a title, :func:`topic_keys`), and how many are section headings (:func:`section_headings`).
   Also topics@30 of the default method on four fixed random subsets of 76 articles (seed 13).
2. ``../shared/eval/keyphrases_de_dev`` (40 German abstracts with author keywords; DEV set: the ``mtext``
   method's weights were tuned on it): P, R, F1 at 5 and 10 for every method, beside plain YAKE (the
   ``yake`` package on the raw text) and textacy's TextRank on the same parsed documents. A predicted
   phrase matches a gold one when their lemma sequences are equal (case-insensitive, hyphens ignored:
   mtext's term key). Gold phrases are lemmatised with the same pipeline. For the ``mtext`` method also
   as written: a phrase matches when its surface form (column ``term``) or its base form (``base``: nominative,
   adjectives agreeing) equals the gold phrase as written (case-insensitive, spaces folded).

Usage: python bench/eval_keywords.py [DATASET_DIR] [--wiki DIR] [--model auto] [--skip-wiki] [--skip-f1]
Parsing the 274 articles takes minutes once; the Doc cache (~/.cache/mtext) makes later runs fast.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = SHARED / "eval/keyphrases_de_dev"
WIKI = SHARED / "bench/wiki_de_1M/wiki"
KS = (5, 10)
TOP_TITLE, TOP_CORPUS, SUBSET_SIZE, SUBSETS, SEED = 5, 30, 76, 4, 13
HEADING_LINE = re.compile(r"^=+\s*(.+?)\s*=*\s*$")


def lemma_key(nlp_doc) -> str:
    from marketingtext.language.lexicon import term_key

    return " ".join(term_key(t.lemma_) for t in nlp_doc if not t.is_punct and not t.is_space)


def scores(predicted: dict[str, list[str]], gold: dict[str, set[str]], k: int) -> tuple[float, float, float]:
    """Macro-averaged precision, recall and F1 at k over documents."""
    p_sum = r_sum = f_sum = 0.0
    for doc, keys in gold.items():
        top = list(dict.fromkeys(predicted.get(doc, [])))[:k]
        hits = len(set(top) & keys)
        p = hits / k
        r = hits / len(keys) if keys else 0.0
        p_sum, r_sum, f_sum = p_sum + p, r_sum + r, f_sum + (2 * p * r / (p + r) if hits else 0.0)
    n = len(gold)
    return p_sum / n, r_sum / n, f_sum / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--wiki", type=Path, default=WIKI)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--skip-wiki", action="store_true")
    parser.add_argument("--skip-f1", action="store_true")
    parser.add_argument("--methods", help="comma-separated methods for the wiki measures [all]")
    args = parser.parse_args()
    if not args.skip_wiki:
        wiki_measures(args.wiki, args.model, args.methods.split(",") if args.methods else None)
    if not args.skip_f1:
        f1_table(args.dataset, args.model)


def f1_table(dataset: Path, model: str) -> None:
    import marketingtext as mt
    from marketingtext.keywords.methods import METHODS

    corpus = mt.load([dataset / "docs"], model=model).keep_in_memory()
    nlp = corpus.nlp
    gold = {}
    for source in corpus.sources:
        key_file = dataset / "keys" / f"{source.doc}.key"
        lines = [x.strip() for x in key_file.read_text(encoding="utf-8").splitlines() if x.strip()]
        gold[source.doc] = {lemma_key(d) for d in nlp.pipe(lines)}

    predicted: dict[str, dict[str, list[str]]] = {}
    for method in METHODS:
        table = corpus.keywords(method=method, top=10, scope="per-doc")
        predicted[method] = {doc: [" ".join(str(x).split()) for x in group.sort_values("rank")["key"]]
                             for doc, group in table.assign(key=table["lemma"].map(_key)).groupby("doc")}
    table = corpus.keywords(top=10, scope="per-doc")
    for column in ("term", "base"):
        predicted[f"mtext, written: {column}"] = {
            doc: [_written(x) for x in group.sort_values("rank")[column]] for doc, group in table.groupby("doc")}
    predicted["baseline: yake (plain)"] = _plain_yake(corpus, nlp)
    predicted["baseline: textacy textrank"] = _textacy_textrank(corpus)

    print(f"\n== keyphrase F1: {dataset} (dev set), {len(gold)} documents, {sum(map(len, gold.values()))} gold "
          f"keyphrases; pipeline {corpus.pipeline.describe()}")
    print(f"{'method':28} " + " ".join(f"{m}@{k:<3}" for k in KS for m in ('P', 'R', 'F1')))
    written_gold = {doc: {_written(line) for line in (dataset / "keys" / f"{doc}.key").read_text(
        encoding="utf-8").splitlines() if line.strip()} for doc in gold}
    for method, pred in predicted.items():
        values = [v for k in KS for v in scores(pred, written_gold if ", written: " in method else gold, k)]
        print(f"{method:28} " + " ".join(f"{v:6.3f}" for v in values))


def _written(phrase: str) -> str:
    """A phrase as written, for matching forms rather than lemmas: lower case, single spaces."""
    return " ".join(str(phrase).lower().split())


def wiki_measures(folder: Path, model: str, methods: list[str] | None = None) -> None:
    """title@5 per method, topics@30 and headings in the corpus top 30 on the encyclopedia articles."""
    import marketingtext as mt
    from marketingtext.keywords.methods import DEFAULT_METHOD, METHODS
    from marketingtext.keywords.table import keyword_table
    from marketingtext.keywords.terms import DocTermsStore, doc_terms

    corpus = mt.load([folder], model=model)
    nlp = corpus.nlp
    terms = [doc_terms(p, keep_text=True, keep_cooccurrence=True) for p in corpus.parsed()]
    titles = {s.doc: title_keys(s.doc, nlp) for s in corpus.sources}
    topics = {s.doc: topic_keys(s.doc, nlp) for s in corpus.sources}
    headings = section_headings({s.doc: s.text for s in corpus.sources}, nlp)
    all_topics = set().union(*topics.values())
    print(f"== {folder} (dev set): {len(terms)} articles, {sum(t.n_words for t in terms):,} words; pipeline "
          f"{corpus.pipeline.describe()}")
    print(f"{'method':12} {'title@5':>14} {'topics@30':>10} {'headings@30':>12}")
    store = DocTermsStore(terms)
    shown = ""
    for method in methods or METHODS:
        table = keyword_table(doc_terms_list=store, method=method, top=TOP_CORPUS)
        keys = table.assign(key=table["lemma"].map(_key))
        hits = sum(bool({fold(k) for k in group.sort_values("rank")["key"][:TOP_TITLE]} & titles[doc])
                   for doc, group in keys[keys["doc"] != "*"].groupby("doc"))
        top = list(keys[keys["doc"] == "*"]["key"])
        print(f"{method:12} {hits:4}/{len(terms)} {hits / len(terms):6.1%} {sum(k in all_topics for k in top):10} "
              f"{sum(k in headings for k in top):12}")
        if method == DEFAULT_METHOD:
            shown = " ".join(k + ("*" if k in all_topics else "") + ("!" if k in headings else "") for k in top)
    print(f"corpus top {TOP_CORPUS} ({DEFAULT_METHOD}; * topic, ! section heading): {shown}")
    rng = random.Random(SEED)
    for i in range(SUBSETS):
        chosen = sorted(rng.sample(range(len(terms)), SUBSET_SIZE))
        table = keyword_table(doc_terms_list=DocTermsStore([terms[j] for j in chosen]), top=TOP_CORPUS,
                              scope="corpus")
        sub_topics = set().union(*(topics[terms[j].doc] for j in chosen))
        top = list(table["lemma"].map(_key))
        flagged = [k for k in top if k in headings]
        print(f"subset {i + 1} ({SUBSET_SIZE} articles, seed {SEED}): topics@30 "
              f"{sum(k in sub_topics for k in top)}, headings@30 {len(flagged)} {' '.join(flagged)}")


def fold(key: str) -> str:
    """A key without accents: the corpus's authors folded or dropped some (SOURCE.md), "Košice" is "Kosice"."""
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _title_words(title: str, nlp) -> list:
    text = re.sub(r"\s*\(.*?\)", "", title.replace("_", " ")).strip()  # "Jura_(Gebirge)" -> "Jura"
    return [t for t in nlp(text) if not t.is_punct and not t.is_space]


def _keys_of(tokens) -> set[str]:
    from marketingtext.language.lexicon import term_key

    return {" ".join(term_key(t.lemma_) for t in tokens), " ".join(term_key(t.text) for t in tokens)}


def _lead_head(tokens) -> list:
    """The last word before the first word that is not capitalised (a function word, a digit), as a list."""
    lead = []
    for t in tokens:
        if not t.text[:1].isupper():
            break
        lead.append(t)
    return lead[-1:]


def title_keys(title: str, nlp) -> set[str]:
    """The keys a top-5 term may have to count as the article's title (title@5's match rule, accents folded).

    The title is the file name with underscores as spaces and a bracketed qualifier dropped. A term
    matches when its key (lower-cased lemmas, hyphens removed: mtext's term key) equals the whole
    title's key, by lemmas or by the words as written; for a title of several words also its head: the
    last word before the first word that is not capitalised ("Bayerischer Wald" → Wald, "Dom zu
    Speyer" → Dom, "Formel 1" → Formel), or its last capitalised word, the surname in a person's name
    ("Angela Merkel" → Merkel, "Miguel de Cervantes" → Cervantes).
    """
    tokens = _title_words(title, nlp)
    keys = _keys_of(tokens)
    if len(tokens) > 1:
        capitalised = [t for t in tokens if t.text[:1].isupper()]
        for head in _lead_head(tokens) + capitalised[-1:]:
            keys |= _keys_of([head])
    return {fold(k) for k in keys}


def topic_keys(title: str, nlp) -> set[str]:
    """An article's topic for topics@30: the whole title's key, or the head of a title of several words
    (as in :func:`title_keys`, without the surname rule): "Englische Sprache" makes "Sprache" a topic."""
    tokens = _title_words(title, nlp)
    keys = _keys_of(tokens)
    if len(tokens) > 1:
        for head in _lead_head(tokens):
            keys |= _keys_of([head])
    return keys


def section_headings(texts: dict[str, str], nlp) -> set[str]:
    """Keys of the section headings ("== Literatur", "=== Verlauf") of at least two articles."""
    counts: Counter = Counter()
    for text in texts.values():
        counts.update({m.group(1) for line in text.splitlines() if (m := HEADING_LINE.match(line.strip()))})
    shared = [h for h, n in counts.items() if n >= 2]
    return {" ".join(_key(t.lemma_) for t in doc if not t.is_punct) for doc in nlp.pipe(shared)} | \
        {_key(h) for h in shared}


def _key(lemma: str) -> str:
    from marketingtext.language.lexicon import term_key

    return " ".join(term_key(w) for w in lemma.split())


def _plain_yake(corpus, nlp) -> dict[str, list[str]]:
    import yake

    extractor = yake.KeywordExtractor(lan="de", n=3, top=10)
    out = {}
    for source in corpus.sources:
        phrases = [p for p, _ in extractor.extract_keywords(source.text)]
        out[source.doc] = [lemma_key(d) for d in nlp.pipe(phrases)]
    return out


def _textacy_textrank(corpus) -> dict[str, list[str]]:
    from textacy.extract.keyterms import textrank

    out = {}
    for parsed in corpus.parsed():
        terms = textrank(parsed.doc, normalize="lemma", topn=10)
        out[parsed.source.doc] = [_key(t) for t, _ in terms]
    return out


if __name__ == "__main__":
    main()
