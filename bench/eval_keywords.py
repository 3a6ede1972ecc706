"""Keyword quality on German abstracts with author keywords: P, R, F1 at 5 and 10 per method.

Every method of ``mtext keywords`` is scored, beside plain YAKE (the ``yake`` package on the raw
text) and textacy's TextRank on the same parsed documents, in one run on the same texts.
A predicted phrase matches a gold one when their lemma sequences are equal (case-insensitive,
hyphens ignored: mtext's term key). Gold phrases are lemmatised with the same pipeline.

Usage: python bench/eval_keywords.py [DATASET_DIR] [--model auto]
"""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/keyphrases_de_dev"
KS = (5, 10)


def lemma_key(nlp_doc) -> str:
    from marketingtext.lexicon import term_key

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
    parser.add_argument("--model", default="auto")
    args = parser.parse_args()

    import marketingtext as mt
    from marketingtext.keyword_methods import METHODS

    corpus = mt.load([args.dataset / "docs"], model=args.model).keep_in_memory()
    nlp = corpus.nlp
    gold = {}
    for source in corpus.sources:
        key_file = args.dataset / "keys" / f"{source.doc}.key"
        lines = [x.strip() for x in key_file.read_text(encoding="utf-8").splitlines() if x.strip()]
        gold[source.doc] = {lemma_key(d) for d in nlp.pipe(lines)}

    predicted: dict[str, dict[str, list[str]]] = {}
    for method in METHODS:
        table = corpus.keywords(method=method, top=10, scope="per-doc")
        predicted[method] = {doc: [" ".join(str(x).split()) for x in group.sort_values("rank")["key"]]
                             for doc, group in table.assign(key=table["lemma"].map(_key)).groupby("doc")}
    predicted["baseline: yake (plain)"] = _plain_yake(corpus, nlp)
    predicted["baseline: textacy textrank"] = _textacy_textrank(corpus)

    print(f"{len(gold)} documents, {sum(map(len, gold.values()))} gold keyphrases; pipeline "
          f"{corpus.pipeline.describe()}")
    print(f"{'method':28} " + " ".join(f"{m}@{k:<3}" for k in KS for m in ('P', 'R', 'F1')))
    for method, pred in predicted.items():
        values = [v for k in KS for v in scores(pred, gold, k)]
        print(f"{method:28} " + " ".join(f"{v:6.3f}" for v in values))


def _key(lemma: str) -> str:
    from marketingtext.lexicon import term_key

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
